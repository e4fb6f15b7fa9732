"""Train the project's Indonesian NER pipeline (PER / ORG / LOC) with spaCy.

The pipeline is built from spaCy's own config system: ``lang = "id"``, one
``ner`` component (transition-based parser, ``spacy.TransitionBasedParser.v2``)
on a CNN tok2vec (``spacy.HashEmbedCNN.v2``: hashed NORM/PREFIX/SUFFIX/SHAPE
embeddings + maxout window CNN), optionally with static word vectors
(``Hyper.vectors``, built by :mod:`kg.training.vectors`) and a tok2vec
pretrained on unlabelled news (``Hyper.init_tok2vec``, :mod:`kg.training.pretrain`).  Training uses
``nlp.update`` with a fixed seed, evaluates on the dev sets after each epoch and
keeps the best epoch (early stopping with patience).
"""

from __future__ import annotations

import json
import random
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.training.batchers import minibatch_by_words
from spacy.util import fix_random_seed, load_model_from_config
from thinc.api import Config, compounding

from .corpora import (
    MISSING,
    Sentence,
    check_data_dir,
    dedupe,
    guess_spaces,
    nerp_variant,
    read_set,
)
from .scoring import evaluate_ner

Log = Callable[[str], None]

# --------------------------------------------------------------------------- config

# The tok2vec of the NER (and of its pretraining twin, kg.training.pretrain), then the
# settings both configs share; a template for str.format.
TOK2VEC_CNN = """@architectures = "spacy.HashEmbedCNN.v2"
pretrained_vectors = {pretrained_vectors}
width = {width}
depth = {depth}
embed_size = {embed_size}
window_size = {window_size}
maxout_pieces = 3
subword_features = true

[initialize]
vectors = {vectors}

[training]
seed = {seed}
"""

CONFIG_TEMPLATE = """
[nlp]
lang = "id"
pipeline = ["ner"]
batch_size = 256

[components]

[components.ner]
factory = "ner"
moves = null
update_with_oracle_cut_size = 100
incorrect_spans_key = null

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = {hidden_width}
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
""" + TOK2VEC_CNN + """dropout = {dropout}

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = {use_averages}
eps = 1e-08
learn_rate = {learn_rate}
"""


@dataclass
class Hyper:
    """Model and optimisation settings: the shipped model's, except `vectors` and `init_tok2vec`, which
    `kg train` sets (to .pemilu-kg/vectors and .pemilu-kg/tok2vec unless --no-vectors / --no-pretrain).

    hidden_width 128 and the pretrained tok2vec were chosen by the mean dev F1 over the NER-UI folds
    (bench/NER_RESULTS.md)."""

    width: int = 96
    depth: int = 4
    embed_size: int = 5000
    window_size: int = 1
    hidden_width: int = 128
    dropout: float = 0.2
    learn_rate: float = 0.001
    use_averages: bool = True
    batch_start: float = 100.0
    batch_stop: float = 1000.0
    max_epochs: int = 15
    patience: int = 4
    #: folder of static vectors (kg.training.vectors.build_vectors); None = no vectors
    vectors: str | None = None
    #: folder of pretrained tok2vec weights (kg.training.pretrain.build_pretrained); None = start random
    init_tok2vec: str | None = None


def build_nlp(hyper: Hyper | None = None, seed: int = 0) -> Language:
    """A blank, uninitialised Indonesian NER pipeline from spaCy's config system."""
    h = hyper or Hyper()
    text = CONFIG_TEMPLATE.format(
        width=h.width,
        depth=h.depth,
        embed_size=h.embed_size,
        window_size=h.window_size,
        hidden_width=h.hidden_width,
        seed=seed,
        dropout=h.dropout,
        use_averages=str(h.use_averages).lower(),
        learn_rate=h.learn_rate,
        pretrained_vectors=str(bool(h.vectors)).lower(),
        vectors=json.dumps(str(h.vectors)) if h.vectors else "null",
    )
    config = Config().from_str(text)
    return load_model_from_config(config, auto_fill=True, validate=True)


# --------------------------------------------------------------------------- docs


def sentences_to_docs(vocab, sents: Iterable[Sentence]) -> list[Doc]:
    """Gold ``Doc`` objects (pre-tokenised words, entities; '-' tags -> missing)."""
    docs = []
    for s in sents:
        ents = [None if t == MISSING else t for t in s.tags]
        docs.append(Doc(vocab, words=s.words, spaces=guess_spaces(s.words), ents=ents))
    return docs


def _examples(nlp: Language, docs: Sequence[Doc]) -> list[Example]:
    out = []
    for gold in docs:
        pred = Doc(nlp.vocab, words=[t.text for t in gold], spaces=[bool(t.whitespace_) for t in gold])
        out.append(Example(pred, gold))
    return out


# --------------------------------------------------------------------------- loop


@dataclass
class TrainResult:
    best_epoch: int
    best_score: float
    epochs_run: int
    seconds: float
    history: list[dict] = field(default_factory=list)


def train_pipeline(
    train_sents: Sequence[Sentence],
    dev_sets: dict[str, Sequence[Sentence]],
    *,
    hyper: Hyper | None = None,
    seed: int = 0,
    max_epochs: int | None = None,
    log: Log = print,
) -> tuple[Language, TrainResult]:
    """Train a new pipeline on ``train_sents``; select the epoch by dev F1.

    The selection score is the mean of the entity F1s over ``dev_sets`` (each
    dev set weighs the same).  With no dev sets, the last epoch is kept.
    """
    h = hyper or Hyper()
    epochs = h.max_epochs if max_epochs is None else max_epochs
    fix_random_seed(seed)
    rng = random.Random(seed)
    nlp = build_nlp(h, seed=seed)
    train_docs = sentences_to_docs(nlp.vocab, train_sents)
    dev_docs = {k: sentences_to_docs(nlp.vocab, v) for k, v in dev_sets.items()}
    examples = _examples(nlp, train_docs)
    if not examples:
        raise ValueError("no training sentences")
    optimizer = nlp.initialize(lambda: examples)
    if h.init_tok2vec:
        from .pretrain import load_tok2vec

        load_tok2vec(nlp, Path(h.init_tok2vec))
        log(f"tok2vec starts from the pretrained weights in {h.init_tok2vec}")
    sizes = compounding(h.batch_start, h.batch_stop, 1.001)
    n_words = sum(len(eg) for eg in examples)
    log(f"training on {len(examples)} sentences / {n_words} words, up to {epochs} epochs")

    best_score, best_epoch, best_bytes = -1.0, -1, None
    history: list[dict] = []
    start = time.perf_counter()
    epoch = 0
    for epoch in range(1, epochs + 1):
        t0 = time.perf_counter()
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch_by_words(examples, size=sizes):
            nlp.update(batch, drop=h.dropout, sgd=optimizer, losses=losses)
        row = {"epoch": epoch, "loss": round(losses.get("ner", 0.0), 2), "seconds": 0.0}
        if dev_docs:
            ctx = nlp.use_params(optimizer.averages) if optimizer.averages else _null()
            with ctx:
                fs = {k: evaluate_ner(nlp, d)["f"] for k, d in dev_docs.items()}
                score = sum(fs.values()) / len(fs)
                improved = score > best_score
                if improved:
                    best_bytes = nlp.to_bytes()
            row.update({f"dev_{k}": round(v * 100, 2) for k, v in fs.items()})
        else:
            score, improved = float(epoch), True
        if improved:
            best_score, best_epoch = score, epoch
        row["seconds"] = round(time.perf_counter() - t0, 1)
        history.append(row)
        log("epoch {epoch:>2}  loss {loss:>9.2f}  ".format(**row)
            + "  ".join(f"{k} {v:.2f}" for k, v in row.items() if k.startswith("dev_"))
            + f"  ({row['seconds']}s){'  *' if improved else ''}")
        if dev_docs and epoch - best_epoch >= h.patience:
            break
    if dev_docs and best_bytes is not None:
        nlp.from_bytes(best_bytes)
    elif optimizer.averages:
        # no dev: keep the averaged parameters of the last epoch
        with nlp.use_params(optimizer.averages):
            final = nlp.to_bytes()
        nlp.from_bytes(final)
    result = TrainResult(
        best_epoch=best_epoch,
        best_score=best_score,
        epochs_run=epoch,
        seconds=round(time.perf_counter() - start, 1),
        history=history,
    )
    return nlp, result


class _null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


# --------------------------------------------------------------------------- shipped recipe

#: the training sets of the shipped model, in de-duplication priority order.
#: NERP is left out: with it (title-cased entity spans, everything else missing)
#: the cased test sets scored lower and training took twice as long; see
#: bench/NER_RESULTS.md ("NERP decision").  ``train_ner(..., train_sets=(...,
#: "nerp"), nerp_mode="spans")`` reproduces that variant.
SHIPPED_TRAIN = ("idner", "nergrit", "nerui", "nerugm")
#: NERP handling when "nerp" is in the training sets (see corpora.nerp_variant)
SHIPPED_NERP_MODE = "spans"
#: held-out sets: never trained on (dedupe by normalised text); dev used for selection
EVAL_SETS = (("idner", "dev"), ("nergrit", "dev"), ("idner", "test"), ("nergrit", "test"), ("nerp", "test"))
DEV_SETS = (("idner", "dev"), ("nergrit", "dev"))


def load_train_sentences(
    data_dir: Path,
    sets: Sequence[str] = SHIPPED_TRAIN,
    *,
    nerp_mode: str | None = SHIPPED_NERP_MODE,
    exclude: Iterable[Sentence] = (),
) -> tuple[list[Sentence], dict[str, int]]:
    """The union of the cased train data of ``sets``, de-duplicated.

    NER-UI and NER-UGM contribute their whole original files (the union of
    their 5-fold train splits); NERP its train split in ``nerp_mode`` (or it is
    left out when ``nerp_mode`` is None).  Sentences whose normalised text is in
    ``exclude`` are dropped, as are repeats (first set in ``sets`` wins).
    """
    sents: list[Sentence] = []
    for name in sets:
        if name in ("nerui", "nerugm"):
            sents += read_set(data_dir, name, "all")
        elif name == "nerp":
            if nerp_mode is None:
                continue
            sents += nerp_variant(read_set(data_dir, "nerp", "train"), nerp_mode)
        else:
            sents += read_set(data_dir, name, "train")
    return dedupe(sents, exclude)


def train_ner(
    data_dir: Path,
    output_dir: Path,
    *,
    seed: int = 0,
    max_epochs: int | None = None,
    log: Log = print,
    hyper: Hyper | None = None,
    nerp_mode: str | None = SHIPPED_NERP_MODE,
    train_sets: Sequence[str] = SHIPPED_TRAIN,
) -> Path:
    """Train the shipped NER pipeline from ``data_dir`` and save it to ``output_dir``.

    ``data_dir`` has the layout of ``shared/data`` (idner-news-2k,
    indonlu-nergrit, indonlu-nerp, indolem-ner).  Training is reproducible for
    a given ``seed``.  Returns ``output_dir``.
    """
    data_dir, output_dir = Path(data_dir), Path(output_dir)
    needed = set(train_sets) | {name for name, _ in EVAL_SETS}
    if not data_dir.is_dir():
        raise FileNotFoundError(
            f"NER data folder {data_dir} does not exist: pass the shared data folder "
            f"(see shared/data/SOURCES.md) that holds idner-news-2k, indonlu-nergrit, "
            f"indonlu-nerp and indolem-ner."
        )
    check_data_dir(data_dir, sorted(needed))
    held = {f"{n}.{s}": read_set(data_dir, n, s) for n, s in EVAL_SETS}
    exclude = [s for v in held.values() for s in v]
    train, dropped = load_train_sentences(data_dir, train_sets, nerp_mode=nerp_mode, exclude=exclude)
    by_src: dict[str, int] = {}
    for s in train:
        by_src[s.source] = by_src.get(s.source, 0) + 1
    log(f"train sentences by set: {by_src}; dropped (held-out overlap or repeat): {dropped}")
    dev = {f"{n}.{s}": held[f"{n}.{s}"] for n, s in DEV_SETS}
    h = hyper or Hyper()
    if h.vectors:  # rebuilt from data_dir when the folder is missing, so `kg train` stays reproducible
        from .vectors import ensure_vectors

        ensure_vectors(data_dir, Path(h.vectors), log=log)
    if h.init_tok2vec:  # likewise pretrained when missing or made for another tok2vec shape
        from .pretrain import ensure_pretrained

        ensure_pretrained(data_dir, Path(h.init_tok2vec), h, log=log)
    nlp, result = train_pipeline(train, dev, hyper=h, seed=seed, max_epochs=max_epochs, log=log)
    scores = {}
    for key, sents in held.items():
        docs = sentences_to_docs(nlp.vocab, sents)
        s = evaluate_ner(nlp, docs)
        scores[key] = {
            "f": round(s["f"], 4),
            "p": round(s["p"], 4),
            "r": round(s["r"], 4),
            "per_label": {k: round(v["f"], 4) for k, v in s["per_label"].items()},
        }
    log("held-out F1: " + ", ".join(f"{k} {v['f']*100:.2f}" for k, v in scores.items()))
    nlp.meta.update(
        {
            "name": "pemilu_kg_ner",
            "version": "0.3.0" if h.init_tok2vec else "0.2.0" if h.vectors else "0.1.0",
            "description": "Indonesian NER (PER/ORG/LOC) for pemilu-kg, CNN tok2vec, "
            + ("static vectors from CLICK-ID news" if h.vectors else "no vectors")
            + (", tok2vec pretrained on CLICK-ID news" if h.init_tok2vec else ""),
            "license": "see kg/models/ner/README.md",
            "sources": [
                "IDNer2k (MIT)",
                "NERGrit via IndoNLU",
                "NER-UI and NER-UGM via IndoLEM",
                "NERP via IndoNLU" if "nerp" in train_sets and nerp_mode else None,
            ],
            "pemilu_kg": {
                "seed": seed,
                "hyper": asdict(h),
                "nerp_mode": nerp_mode if "nerp" in train_sets else None,
                "train_sentences": by_src,
                "dropped": dropped,
                "best_epoch": result.best_epoch,
                "epochs_run": result.epochs_run,
                "train_seconds": result.seconds,
                "heldout": scores,
                "history": result.history,
            },
        }
    )
    nlp.meta["sources"] = [x for x in nlp.meta["sources"] if x]
    output_dir.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output_dir)
    _forget_vectors_path(output_dir / "config.cfg")
    log(f"saved to {output_dir} (best epoch {result.best_epoch}, {result.seconds}s)")
    return output_dir


def _forget_vectors_path(config: Path) -> None:
    """The saved pipeline carries its vectors; the training machine's folder of them means nothing
    elsewhere (and is not read when loading), so the config names none."""
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^(\[initialize\][^\[]*?^vectors = ).*$", r"\1null", text, count=1),
                      encoding="utf-8")


def load_meta(path: Path) -> dict:
    return json.loads((Path(path) / "meta.json").read_text(encoding="utf-8"))
