"""Train the project's Indonesian NER pipeline (PER / ORG / LOC) with spaCy's config and loop.

The recipe is ``kg/training/configs/ner.cfg``: one ``ner`` component on a CNN tok2vec with static
vectors (:mod:`kg.training.vectors`) and a tok2vec pretrained on unlabelled news
(:mod:`kg.training.pretrain`). This module writes the public NER sets as DocBin corpora (held-out
sentences removed), runs spaCy's loop, which keeps the pipeline with the best dev F1, and records the
held-out scores in the model's meta.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab
from spacy.util import load_model

from .corpora import MISSING, Sentence, check_data_dir, dedupe, guess_spaces, nerp_variant, read_set
from .loop import Run, ner_overrides, run, save_pipeline, write_docbin
from .scoring import evaluate_ner

from kg.errors import MissingInputError

Log = Callable[[str], None]

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
#: where the corpora and spaCy's runs go (never into the repository)
WORK = Path(".pemilu-kg")


def sentences_to_docs(vocab, sents: Iterable[Sentence]) -> list[Doc]:
    """Gold ``Doc`` objects (pre-tokenised words, entities; '-' tags -> missing)."""
    docs = []
    for s in sents:
        ents = [None if t == MISSING else t for t in s.tags]
        docs.append(Doc(vocab, words=s.words, spaces=guess_spaces(s.words), ents=ents))
    return docs


def train_pipeline(
    train_sents: Sequence[Sentence],
    dev_sents: Sequence[Sentence],
    work: Path,
    *,
    seed: int = 0,
    overrides: dict | None = None,
    log: Log = print,
) -> Run:
    """Train ner.cfg on `train_sents` with spaCy's loop, which keeps the pipeline with the best F1 on
    `dev_sents` (`Run.best`; without them `Run.last`); corpora and spaCy's run go to `work`."""
    if not train_sents:
        raise ValueError("no training sentences")
    vocab, corpora = Vocab(), Path(work) / "corpora"
    write_docbin(sentences_to_docs(vocab, train_sents), corpora / "train.spacy")
    write_docbin(sentences_to_docs(vocab, dev_sents or train_sents), corpora / "dev.spacy")
    settings = {"paths.train": str(corpora / "train.spacy"), "paths.dev": str(corpora / "dev.spacy"),
                "system.seed": seed, **(overrides or {})}
    n_words = sum(len(s.words) for s in train_sents)
    log(f"training on {len(train_sents)} sentences / {n_words} words")
    return run("ner", Path(work) / "run", settings, log=log)


def train_ner(
    data_dir: Path,
    output_dir: Path,
    *,
    seed: int = 0,
    vectors: Path | None = None,
    init_tok2vec: Path | None = None,
    overrides: dict | None = None,
    work: Path = WORK / "ner",
    log: Log = print,
    nerp_mode: str | None = SHIPPED_NERP_MODE,
    train_sets: Sequence[str] = SHIPPED_TRAIN,
) -> Path:
    """Train the shipped NER pipeline from ``data_dir`` and save it to ``output_dir``.

    ``data_dir`` has the layout of ``shared/data`` (idner-news-2k, indonlu-nergrit, indonlu-nerp,
    indolem-ner). `vectors` and `init_tok2vec` are built from ``data_dir`` when missing (`kg train`
    passes .pemilu-kg/vectors and .pemilu-kg/tok2vec). Reproducible for a given ``seed``.
    """
    data_dir, output_dir = Path(data_dir), Path(output_dir)
    needed = set(train_sets) | {name for name, _ in EVAL_SETS}
    if not data_dir.is_dir():
        raise MissingInputError(
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
    if vectors:  # rebuilt from data_dir when the folder is missing, so `kg train` stays reproducible
        from .vectors import ensure_vectors

        ensure_vectors(data_dir, Path(vectors), log=log)
    if init_tok2vec:  # likewise pretrained when missing or made for another tok2vec
        from .pretrain import ensure_pretrained

        ensure_pretrained(data_dir, Path(init_tok2vec), vectors, overrides, log=log)
    settings = {**ner_overrides(vectors, init_tok2vec), **(overrides or {})}
    dev = [s for n, sp in DEV_SETS for s in held[f"{n}.{sp}"]]
    result = train_pipeline(train, dev, Path(work), seed=seed, overrides=settings, log=log)
    nlp = load_model(result.best)
    scores = {key: _scores(nlp, sents) for key, sents in held.items()}
    log("held-out F1: " + ", ".join(f"{k} {v['f']*100:.2f}" for k, v in scores.items()))
    best = result.best_row
    meta = {
        "name": "pemilu_kg_ner",
        "version": "0.4.0" if init_tok2vec else "0.2.0" if vectors else "0.1.0",
        "description": "Indonesian NER (PER/ORG/LOC) for pemilu-kg, CNN tok2vec, "
        + ("static vectors from CLICK-ID news" if vectors else "no vectors")
        + (", tok2vec pretrained on CLICK-ID news" if init_tok2vec else "")
        + "; trained by spaCy's loop from kg/training/configs/ner.cfg",
        "license": "see kg/models/ner/README.md",
        "sources": [x for x in (
            "IDNer2k (MIT)",
            "NERGrit via IndoNLU",
            "NER-UI and NER-UGM via IndoLEM",
            "NERP via IndoNLU" if "nerp" in train_sets and nerp_mode else None,
        ) if x],
        "pemilu_kg": {
            "config": "kg/training/configs/ner.cfg",
            "seed": seed,
            "overrides": dict(overrides or {}),
            "vectors": str(vectors) if vectors else None,
            "init_tok2vec": str(init_tok2vec) if init_tok2vec else None,
            "nerp_mode": nerp_mode if "nerp" in train_sets else None,
            "train_sentences": by_src,
            "dropped": dropped,
            "dev": [f"{n}.{s}" for n, s in DEV_SETS],
            "best_step": best.get("step"),
            "best_epoch": best.get("epoch"),
            "steps_run": result.history[-1]["step"] if result.history else 0,
            "train_seconds": result.seconds,
            "heldout": scores,
            "history": [{"epoch": r["epoch"], "step": r["step"], "loss": round(r["losses"].get("ner", 0.0), 2),
                         "dev_f": round(r["scores"].get("ents_f", 0.0), 2)} for r in result.history],
        },
    }
    save_pipeline(result.best, output_dir, meta)
    log(f"saved to {output_dir} (best step {best.get('step')}, epoch {best.get('epoch')}, {result.seconds}s)")
    return output_dir


def _scores(nlp: Language, sents: Sequence[Sentence]) -> dict:
    s = evaluate_ner(nlp, sentences_to_docs(nlp.vocab, sents))
    return {"f": round(s["f"], 4), "p": round(s["p"], 4), "r": round(s["r"], 4),
            "per_label": {k: round(v["f"], 4) for k, v in s["per_label"].items()}}


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


def load_meta(path: Path) -> dict:
    return json.loads((Path(path) / "meta.json").read_text(encoding="utf-8"))
