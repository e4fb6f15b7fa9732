"""Pretrain the NER tok2vec on unlabelled CLICK-ID news (spaCy's ``pretrain``).

Why: the labelled NER sets are small, so the CNN tok2vec learns its hashed
embeddings and convolution from a few thousand sentences.  spaCy's pretraining
first teaches the same tok2vec to predict the first and last characters of
each word from its context (the "characters" objective) over ~2.7 M tokens
of news without labels; ``Hyper.init_tok2vec`` then starts the NER's tok2vec
from those weights.  The static vectors are an input of the tok2vec, so the
"vectors" objective would be trivial here; the characters objective is not.

The weights only fit a tok2vec of the same shape (width, depth, embed_size,
window_size, vectors), so the spec saved beside them records that shape and
:func:`ensure_pretrained` rebuilds when it differs.  One seed, one thread:
a rebuild gives the same weights.

Usage::

    python -m kg.training.pretrain --data ../shared/data --vectors .pemilu-kg/vectors -o .pemilu-kg/tok2vec
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Iterator

import spacy
from spacy.language import Language
from thinc.api import Config

from .train import TOK2VEC_CNN
from .vectors import CLICKID, _PARA_JOIN, ensure_vectors

Log = Callable[[str], None]

#: the weights file inside a pretraining folder
WEIGHTS = "tok2vec.bin"
#: the tok2vec settings the weights depend on
SHAPE_FIELDS = ("width", "depth", "embed_size", "window_size")


@dataclass(frozen=True)
class PretrainSpec:
    """The pretraining objective and its budget (epochs over the paragraphs of CLICK-ID)."""

    epochs: int = 1  # one pass over ~2.7 M tokens: about 15 to 20 min on one core
    n_characters: int = 4
    hidden_size: int = 300
    dropout: float = 0.2
    learn_rate: float = 0.001
    batch_words: int = 3000
    seed: int = 0


def paragraphs(data_dir: Path) -> Iterator[str]:
    """CLICK-ID articles cut at their joined paragraphs: sentence-sized units like the NER sets'."""
    path = Path(data_dir) / CLICKID
    if not path.is_file():
        raise FileNotFoundError(f"CLICK-ID corpus not found: {path}. See shared/data/SOURCES.md.")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            for para in _PARA_JOIN.split(json.loads(line)["text"]):
                if para.strip():
                    yield para.strip()


TOK2VEC_TEMPLATE = """
[nlp]
lang = "id"
pipeline = ["tok2vec"]

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
""" + TOK2VEC_CNN + """"""


def pretrain_config(hyper, spec: PretrainSpec, raw_text: Path) -> Config:
    """A pipeline of one ``tok2vec`` shaped like the NER's (spacy.HashEmbedCNN.v2), plus [pretraining].

    The NER's own tok2vec ref ends in a projection to one array, which the pretraining objectives
    cannot wrap, so the weights are learned on a twin and loaded into the NER's CNN part.
    """
    from spacy.util import load_config, load_model_from_config

    text = TOK2VEC_TEMPLATE.format(
        pretrained_vectors=str(bool(hyper.vectors)).lower(),
        vectors=json.dumps(str(hyper.vectors)) if hyper.vectors else "null",
        seed=spec.seed,
        **{k: getattr(hyper, k) for k in SHAPE_FIELDS},
    )
    base = load_model_from_config(Config().from_str(text), auto_fill=True, validate=True).config
    config = base.merge(load_config(Path(spacy.__file__).parent / "default_config_pretraining.cfg"))
    p = config["pretraining"]
    p.update({"max_epochs": spec.epochs, "dropout": spec.dropout, "component": "tok2vec", "layer": ""})
    p["batcher"]["size"] = spec.batch_words
    p["objective"].update({"n_characters": spec.n_characters, "hidden_size": spec.hidden_size})
    p["optimizer"]["learn_rate"] = spec.learn_rate
    config["corpora"]["pretrain"].update({"path": str(raw_text), "max_length": 0})
    config["paths"]["raw_text"] = str(raw_text)
    return config


def build_pretrained(data_dir: Path, out_dir: Path, hyper, spec: PretrainSpec = PretrainSpec(),
                     log: Log = print) -> Path:
    """Pretrain the tok2vec of ``hyper``'s shape into ``out_dir`` (weights + spec); returns ``out_dir``."""
    from spacy.training.pretrain import pretrain

    t0 = time.perf_counter()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "paragraphs.jsonl"
        with open(raw, "w", encoding="utf-8") as fh:
            n = sum(fh.write(json.dumps({"text": p}, ensure_ascii=False) + "\n") > 0 for p in paragraphs(data_dir))
        log(f"pretrain: {n} CLICK-ID paragraphs, {spec.epochs} epochs of the characters objective")
        work = Path(tmp) / "out"
        work.mkdir()
        pretrain(pretrain_config(hyper, spec, raw), work, silent=False)  # spaCy prints words/s as it goes
        shutil.copyfile(work / "model-last.bin", out_dir / WEIGHTS)
        epochs = [json.loads(x) for x in (work / "log.jsonl").read_text().splitlines()]
    seconds = round(time.perf_counter() - t0, 1)
    meta = {"spec": asdict(spec), "shape": _shape(hyper), "paragraphs": n, "seconds": seconds, "log": epochs}
    (out_dir / "pretrain_spec.json").write_text(json.dumps(meta, indent=1))
    log(f"pretrain: {seconds}s -> {out_dir / WEIGHTS}")
    return out_dir


def _shape(hyper) -> dict:
    """What the weights fit: the tok2vec settings and the vectors table they read."""
    shape = {k: getattr(hyper, k) for k in SHAPE_FIELDS}
    spec = Path(hyper.vectors or "") / "vectors_spec.json"
    shape["vectors"] = json.loads(spec.read_text()) if hyper.vectors and spec.is_file() else None
    return shape


def ensure_pretrained(data_dir: Path, out_dir: Path, hyper, spec: PretrainSpec = PretrainSpec(),
                      log: Log = print) -> Path:
    """The weights in ``out_dir`` if they were made for this shape and spec, else pretrain them there."""
    if hyper.vectors:
        ensure_vectors(data_dir, Path(hyper.vectors), log=log)
    meta_path = Path(out_dir) / "pretrain_spec.json"
    if (Path(out_dir) / WEIGHTS).is_file() and meta_path.is_file():
        meta = json.loads(meta_path.read_text())
        if meta["spec"] == asdict(spec) and meta["shape"] == _shape(hyper):
            return Path(out_dir)
        log(f"pretrain: {out_dir} was made for another tok2vec or spec; pretraining again")
    return build_pretrained(data_dir, out_dir, hyper, spec, log)


def load_tok2vec(nlp: Language, folder: Path) -> None:
    """Start the NER's tok2vec from the pretrained weights in ``folder`` (what spaCy's ``init_tok2vec`` does).

    The NER's tok2vec ref is chain(HashEmbedCNN, list2array, Linear); the weights are the CNN's.
    """
    cnn = nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0]
    cnn.from_bytes((Path(folder) / WEIGHTS).read_bytes())


def main(argv: list[str] | None = None) -> int:
    from .train import Hyper

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"), help="shared data folder")
    ap.add_argument("--vectors", type=Path, default=None, help="static vectors folder (built there if missing)")
    ap.add_argument("-o", "--output", type=Path, required=True, help="folder for the weights")
    ap.add_argument("--epochs", type=int, default=PretrainSpec.epochs)
    args = ap.parse_args(argv)
    hyper = Hyper(vectors=str(args.vectors) if args.vectors else None)
    ensure_pretrained(args.data, args.output, hyper, PretrainSpec(epochs=args.epochs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
