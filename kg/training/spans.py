"""Fine-tune the shipped NER on the gold articles: PER, ORG, LOC and the post phrase (POST).

The public NER sets taught the model what a name looks like; the gold articles teach it election
news as it is written (unit posts, branches, lists of commissioners) and add POST, the post phrase
itself ("Ketua Divisi Teknis", "Kapolda", "Wadansat Brimob"), which the post linker pairs with a
person. Offsets come from `kg.training.gold.align`, never guessed here.
"""
from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from kg.resources import MODEL_DIR
from kg.training.gold import GoldArticle, align

Log = Callable[[str], None]
LABELS = ("PER", "ORG", "LOC", "POST")


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
              dropout: float = 0.2, seed: int = 0, log: Log = print) -> Path:
    """Train from `base` on the gold articles and write the pipeline to `out`."""
    fix_random_seed(seed)
    nlp = spacy.load(base)
    ner = nlp.get_pipe("ner")
    for label in LABELS:
        ner.add_label(label)
    examples = []
    for gold in golds:
        doc = gold_doc(nlp, gold)
        examples.append(Example(nlp.make_doc(gold.text), doc))
    optimizer = nlp.resume_training()
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=4):
            nlp.update(batch, sgd=optimizer, drop=dropout, losses=losses)
        log(f"spans: epoch {epoch + 1}/{epochs}, loss {losses.get('ner', 0.0):.1f}")
    nlp.meta["name"] = "pemilu_kg_extract"
    nlp.meta["description"] = ("Indonesian NER (PER/ORG/LOC) and post phrases (POST) for pemilu-kg: the news NER "
                               "fine-tuned on annotated election articles")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with nlp.select_pipes(enable=["ner"]):
        nlp.to_disk(out)
    return out
