"""Fine-tune the shipped NER on the gold articles: PER, ORG, LOC and the post phrase (POST).

The public NER sets taught the model what a name looks like; the gold articles teach it election
news as it is written (unit posts, branches, lists of commissioners) and add POST, the post phrase
itself ("Ketua Divisi Teknis", "Kapolda", "Wadansat Brimob"), which the post linker pairs with a
person. Offsets come from `kg.training.gold.align`, never guessed here. The recipe is
``kg/training/configs/extract.cfg``, trained by spaCy's loop.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.resources import MODEL_DIR
from kg.training.gold import GoldArticle, align
from kg.training.loop import run, save_pipeline, write_docbin

Log = Callable[[str], None]
LABELS = ("PER", "ORG", "LOC", "POST")
#: spaCy's loop scores a dev set once before the first update; with no dev set in this recipe, the
#: first training articles stand in (the score is not used)
DEV_DOCS = 8


def gold_doc(nlp: Language, gold: GoldArticle) -> Doc:
    """The article tokenised by `nlp`, its gold spans as entities (spans that cut a token are dropped)."""
    doc = nlp.make_doc(gold.text)
    ents = []
    for span in align(gold):
        if span.label not in LABELS:
            continue
        s = doc.char_span(span.start, span.end, label=span.label, alignment_mode="strict")
        if s is not None:
            ents.append(s)
    doc.ents = spacy.util.filter_spans(ents)
    return doc


def fine_tune(golds: Sequence[GoldArticle], out: Path, base: Path = MODEL_DIR, epochs: int = 12,
              dropout: float = 0.2, seed: int = 0, log: Log = print, work: Path | None = None) -> Path:
    """Train extract.cfg (the ner of `base`, sourced) on the gold articles with spaCy's loop and write
    the pipeline to `out`. The corpus and spaCy's run go to `work` (default: a folder of `out`'s own under
    .pemilu-kg/extract, so that `kg train` and `kg evaluate` can run side by side)."""
    base_nlp = spacy.load(base)
    work = Path(work) if work else Path(".pemilu-kg") / "extract" / _work_name(Path(out))
    corpora = work / "corpora"
    docs = [gold_doc(base_nlp, gold) for gold in golds]
    write_docbin(docs, corpora / "train.spacy")
    write_docbin(docs[:DEV_DOCS], corpora / "dev.spacy")
    settings = {"paths.base": str(base), "paths.train": str(corpora / "train.spacy"),
                "paths.dev": str(corpora / "dev.spacy"), "system.seed": seed,
                "training.max_epochs": epochs, "training.dropout": dropout}
    result = run("extract", work / "run", settings, log=log)
    meta = {"name": "pemilu_kg_extract", "version": base_nlp.meta.get("version", "0.0.0"),
            "description": "Indonesian NER (PER/ORG/LOC) and post phrases (POST) for pemilu-kg: the news NER "
                           "fine-tuned on annotated election articles (kg/training/configs/extract.cfg)",
            "license": base_nlp.meta.get("license", ""), "sources": base_nlp.meta.get("sources", []),
            "performance": {}}  # spaCy's one evaluation scored the base, before the first update
    save_pipeline(result.last, Path(out), meta)
    log(f"spans: {len(docs)} articles, {epochs} epochs, {result.seconds:.0f} s -> {out}")
    return Path(out)


def _work_name(out: Path) -> str:
    """A folder name for the run that writes `out`: its name and a digest of its full path."""
    return f"{out.name}-{hashlib.sha1(str(out.resolve()).encode()).hexdigest()[:8]}"
