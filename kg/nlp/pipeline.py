"""The spaCy side of extraction: tokens, sentences and statistical entities of one text.

Everything spaCy-specific stays here. The rest of the extractor works on `Analysis`, plain
character offsets into the article text. The pipeline is the trained Indonesian NER model in
`kg/models/ner` when it is there (see `kg train`), else spaCy's blank Indonesian pipeline, so
the rules work with or without the model.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.tokenizer import CONFIG as FAST_TOKENIZER
from kg.records import Sentence
from kg.resources import MODEL_DIR, lexicon_fingerprint


@dataclass(frozen=True)
class NerSpan:
    start: int
    end: int
    label: str  # PER, ORG, LOC
    text: str


@dataclass(frozen=True)
class Analysis:
    sentences: tuple[Sentence, ...]
    entities: tuple[NerSpan, ...]

    def sentence_at(self, char: int) -> int:
        """Index of the sentence holding character offset `char` (the last one before it)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= char:
                lo = mid
            else:
                hi = mid - 1
        return lo


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence: news paragraphs are one per line."""
    for token in doc[:-1]:
        if "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@cache
def load_pipeline(model: str | None = None) -> Language:
    """The shipped model (or `model`, a path; "none" for rules only), with sentence splitting
    added; blank "id" when there is no model."""
    path = Path(model) if model and model != "none" else MODEL_DIR
    if model == "none":
        path = Path("/nonexistent-model")
    elif model and not path.exists():
        raise FileNotFoundError(f"no spaCy pipeline at {path}: give a folder written by `kg train`")
    if (path / "config.cfg").exists():
        # the model's own tokenizer file holds spaCy's 16,000 special cases: seconds to load
        nlp = spacy.load(path, config=FAST_TOKENIZER, exclude=["tokenizer"])
    else:
        nlp = spacy.blank("id", config=FAST_TOKENIZER)
    if "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("paragraph_breaks", after="sentencizer")
    return nlp


def model_name(nlp: Language) -> str:
    """Names what extracts: package version, lexicons' fingerprint, and the model if any."""
    model = f"+{nlp.meta.get('name', 'ner')}-{nlp.meta.get('version', '0')}" if nlp.has_pipe("ner") else ""
    return f"pemilu-kg-{version('pemilu-kg')}-rules-{lexicon_fingerprint()}{model}"


def analyse(text: str, nlp: Language | None = None) -> Analysis:
    nlp = nlp or load_pipeline()
    doc = nlp(text)
    return _to_analysis(doc)


def analyse_many(texts, nlp: Language | None = None, batch_size: int = 32):
    nlp = nlp or load_pipeline()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield _to_analysis(doc)


def _to_analysis(doc: Doc) -> Analysis:
    sentences = []
    text = doc.text  # built anew on every access: once, not once per sentence
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        start += len(chunk) - len(chunk.lstrip())
        sentences.append(Sentence(len(sentences), start, start + len(stripped), stripped))
    if not sentences:
        sentences.append(Sentence(0, 0, len(text), text))
    ents = tuple(NerSpan(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents)
    return Analysis(tuple(sentences), ents)
