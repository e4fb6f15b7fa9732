"""Pretrain the NER tok2vec on unlabelled CLICK-ID news (spaCy's ``pretrain``).

Why: the labelled NER sets are small, so the CNN tok2vec learns its hashed
embeddings and convolution from a few thousand sentences.  spaCy's pretraining
first teaches the same tok2vec to predict the first and last characters of
each word from its context (the "characters" objective) over ~2.7 M tokens
of news without labels; ner.cfg's ``paths.init_tok2vec`` then starts the NER's
tok2vec from those weights.  The static vectors are an input of the tok2vec, so
the "vectors" objective would be trivial here; the characters objective is not.

The recipe is ``kg/training/configs/pretrain.cfg``, completed with ner.cfg's
tok2vec block: the weights only fit a tok2vec of that shape reading those
vectors, so the completed config is saved beside them and
:func:`ensure_pretrained` pretrains again when it differs.  One seed, one
thread: a rebuild gives the same weights.

Usage::

    python -m kg.training.pretrain --data ../shared/data --vectors .pemilu-kg/vectors -o .pemilu-kg/tok2vec
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from spacy.util import load_model_from_config
from thinc.api import Config

from .loop import load_training_config, ner_overrides as vector_overrides
from .vectors import CLICKID, _PARA_JOIN, ensure_vectors

from kg.errors import MissingInputError

Log = Callable[[str], None]

#: the weights file inside a pretraining folder
WEIGHTS = "tok2vec.bin"
#: the record beside them: the completed config they were made with, the vectors' spec, the run
RECORD = "pretrain.json"


def paragraphs(data_dir: Path) -> Iterator[str]:
    """CLICK-ID articles cut at their joined paragraphs: sentence-sized units like the NER sets'."""
    path = Path(data_dir) / CLICKID
    if not path.is_file():
        raise MissingInputError(f"CLICK-ID corpus not found: {path}. See shared/data/SOURCES.md.")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            for para in _PARA_JOIN.split(json.loads(line)["text"]):
                if para.strip():
                    yield para.strip()


def _twin(vectors: Path | None, raw_text: Path | None, ner_overrides: dict | None,
          overrides: dict | None) -> Config:
    """pretrain.cfg with ner.cfg's tok2vec block (after `ner_overrides`) as its one component's model."""
    ner = load_training_config("ner", {**vector_overrides(vectors, None), **(ner_overrides or {})})
    config = load_training_config("pretrain", {"paths.vectors": str(vectors) if vectors else None,
                                               "paths.raw_text": str(raw_text) if raw_text else None,
                                               **(overrides or {})})
    config["components"]["tok2vec"]["model"] = ner["components"]["ner"]["model"]["tok2vec"]
    return config


def pretrain_config(vectors: Path | None, raw_text: Path | None, ner_overrides: dict | None = None,
                    overrides: dict | None = None) -> Config:
    """The twin pipeline's full config, as spaCy's ``pretrain`` takes it: one ``tok2vec`` shaped like
    ner.cfg's, plus [pretraining].

    The NER's own tok2vec ref ends in a projection to one array, which the pretraining objectives
    cannot wrap, so the weights are learned on this twin and loaded into the NER's CNN part.
    """
    config = _twin(vectors, raw_text, ner_overrides, overrides)
    pretraining = config.pop("pretraining")
    filled = load_model_from_config(config, auto_fill=True, validate=True).config
    return filled.merge(Config({"pretraining": pretraining})).interpolate()


def build_pretrained(data_dir: Path, out_dir: Path, vectors: Path | None, ner_overrides: dict | None = None,
                     overrides: dict | None = None, log: Log = print) -> Path:
    """Pretrain the tok2vec into ``out_dir`` (weights + record); returns ``out_dir``."""
    from spacy.training.pretrain import pretrain

    t0 = time.perf_counter()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "paragraphs.jsonl"
        with open(raw, "w", encoding="utf-8") as fh:
            n = sum(fh.write(json.dumps({"text": p}, ensure_ascii=False) + "\n") > 0 for p in paragraphs(data_dir))
        config = pretrain_config(vectors, raw, ner_overrides, overrides)
        log(f"pretrain: {n} CLICK-ID paragraphs, {config['pretraining']['max_epochs']} epochs of the "
            "characters objective")
        work = Path(tmp) / "out"
        work.mkdir()
        pretrain(config, work, silent=False)  # spaCy prints words/s as it goes
        shutil.copyfile(work / "model-last.bin", out_dir / WEIGHTS)
        epochs = [json.loads(x) for x in (work / "log.jsonl").read_text().splitlines()]
    seconds = round(time.perf_counter() - t0, 1)
    record = {**_made_for(vectors, ner_overrides, overrides), "paragraphs": n, "seconds": seconds, "log": epochs}
    (out_dir / RECORD).write_text(json.dumps(record, indent=1))
    log(f"pretrain: {seconds}s -> {out_dir / WEIGHTS}")
    return out_dir


def _made_for(vectors: Path | None, ner_overrides: dict | None, overrides: dict | None) -> dict:
    """What the weights fit: the twin's config (raw text aside) and the vectors table it reads."""
    config = _twin(None, None, ner_overrides, overrides)
    config["components"]["tok2vec"]["model"]["pretrained_vectors"] = bool(vectors)
    spec = Path(vectors or "") / "vectors_spec.json"  # the folder's name does not matter, what is in it does
    return {"config": config.to_str(), "vectors": json.loads(spec.read_text()) if vectors and spec.is_file() else None}


def ensure_pretrained(data_dir: Path, out_dir: Path, vectors: Path | None, ner_overrides: dict | None = None,
                      overrides: dict | None = None, log: Log = print) -> Path:
    """The weights in ``out_dir`` if they were made for this config and vectors, else pretrain them there."""
    if vectors:
        ensure_vectors(data_dir, Path(vectors), log=log)
    record = Path(out_dir) / RECORD
    if (Path(out_dir) / WEIGHTS).is_file() and record.is_file():
        made = json.loads(record.read_text())
        if {k: made.get(k) for k in ("config", "vectors")} == _made_for(vectors, ner_overrides, overrides):
            return Path(out_dir)
        log(f"pretrain: {out_dir} was made for another tok2vec or config; pretraining again")
    return build_pretrained(data_dir, out_dir, vectors, ner_overrides, overrides, log)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"), help="shared data folder")
    ap.add_argument("--vectors", type=Path, default=None, help="static vectors folder (built there if missing)")
    ap.add_argument("-o", "--output", type=Path, required=True, help="folder for the weights")
    ap.add_argument("--epochs", type=int, default=None, help="passes over the corpus (default: pretrain.cfg's)")
    args = ap.parse_args(argv)
    overrides = {"pretraining.max_epochs": args.epochs} if args.epochs else None
    ensure_pretrained(args.data, args.output, args.vectors, overrides=overrides)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
