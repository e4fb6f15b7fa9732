"""The spaCy side of extraction: tokens, sentences and statistical entities of one text.

Everything spaCy-specific stays here. The rest of the extractor works on `Analysis`, plain
character offsets into the article text. The pipeline is the trained Indonesian NER model in
`kg/models/ner` when it is there (see `kg train`), else spaCy's blank Indonesian pipeline, so
the rules work with or without the model. The UD tagger and parser in `kg/models/ud` runs only on
the spans the quotation rules ask about (`Analysis.parse`), not on every sentence.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import version
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import MissingInputError
from kg.nlp.tokenizer import CONFIG as FAST_TOKENIZER
from kg.records import Sentence
from kg.resources import EXTRACT_DIR, MODEL_DIR, lexicon, lexicon_fingerprint


@dataclass(frozen=True)
class NerSpan:
    start: int
    end: int
    label: str  # PER, ORG, LOC
    text: str


@dataclass(frozen=True)
class Word:
    """One parsed token: character offsets in the article, index of its head among the words of
    the same parsed span, relation."""
    start: int
    end: int
    text: str
    head: int
    dep: str


@dataclass(frozen=True)
class Analysis:
    sentences: tuple[Sentence, ...]
    entities: tuple[NerSpan, ...]
    text: str = field(default="", repr=False, compare=False)
    use_parser: bool = field(default=True, repr=False, compare=False)  # False: rules only
    model_dir: str | None = field(default=None, repr=False, compare=False)  # where the pipeline was read from

    def parse(self, start: int, end: int) -> tuple[Word, ...]:
        """Dependency parse of text[start:end], on demand: the rules ask only where they fail, so
        the parser costs a fraction of what it would on every sentence. Empty without a parser."""
        parser = load_parser() if self.use_parser else None
        if parser is None or end <= start:
            return ()
        doc = parser(self.text[start:end])
        return tuple(Word(start + t.idx, start + t.idx + len(t.text), t.text, t.head.i, t.dep_)
                     for t in doc)

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


ABBREVIATED = re.compile(r"[A-Z]|[A-Z][a-z]{0,3}(?:\.[A-Z][a-z]{0,3})+")  # "H.", "S.Sos.", "M.Ag.", "Ph.D."


@cache
def _abbreviations() -> frozenset[str]:
    """Words a period follows without ending the sentence: titles before a name ("Dr.", "Prof.",
    "Hj."), their written forms in the honorifics lexicon, and kg/lexicons/abbreviations.tsv."""
    return frozenset(row[0].rstrip(".") for name in ("honorifics", "abbreviations") for row in lexicon(name))


@Language.component("abbreviation_periods")
def abbreviation_periods(doc: Doc) -> Doc:
    """The period of "Dr.", "Prof. Dr. H. Zainuddin", "S.Sos., M.Si" or "Irjen Pol. X" ends no sentence:
    the sentencizer splits after every period."""
    for token in doc[2:]:
        if not token.is_sent_start or "\n" in doc[token.i - 1].text_with_ws:
            continue
        period = token.i - 2 if doc[token.i - 1].text == "," else token.i - 1  # "S.Sos., M.Si"
        if period < 1 or doc[period].text != ".":
            continue
        word = doc[period - 1]
        if not word.whitespace_ and (word.text in _abbreviations() or ABBREVIATED.fullmatch(word.text)):
            token.is_sent_start = False
    return doc


@cache
def load_pipeline(model: str | None = None) -> Language:
    """The shipped model (or `model`, a path; "none" for rules only: no NER model and no UD
    parser), with sentence splitting added; blank "id" when there is no model."""
    path = Path(model) if model and model != "none" else default_model_dir()
    if model == "none":
        path = Path("/nonexistent-model")
    elif model and not path.exists():
        raise MissingInputError(f"no spaCy pipeline at {path}: give a folder written by `kg train`")
    if (path / "config.cfg").exists():
        # the model's own tokenizer file holds spaCy's 16,000 special cases: seconds to load
        nlp = spacy.load(path, config=FAST_TOKENIZER, exclude=["tokenizer"])
    else:
        nlp = spacy.blank("id", config=FAST_TOKENIZER)
    if "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("paragraph_breaks", after="sentencizer")
    nlp.add_pipe("abbreviation_periods", after="paragraph_breaks")
    if model == "none":
        nlp.meta[RULES_ONLY] = True
    else:
        nlp.meta[MODEL_DIR_KEY] = str(path)
    return nlp


def default_model_dir() -> Path:
    """The extraction model (NER fine-tuned on annotated articles, with its linkers) when it is
    there, else the news NER it is trained from."""
    return EXTRACT_DIR if (EXTRACT_DIR / "config.cfg").is_file() else MODEL_DIR


RULES_ONLY = "kg_rules_only"  # meta key: load_pipeline("none") turns the UD parser off too
MODEL_DIR_KEY = "kg_model_dir"  # meta key: the folder, where the linkers trained with the model live


def uses_parser(nlp: Language) -> bool:
    """Whether analyses made with `nlp` may parse: not for the rules-only pipeline ("none")."""
    return not nlp.meta.get(RULES_ONLY, False)


UD_DIR = MODEL_DIR.parent / "ud"


@cache
def load_parser() -> Language | None:
    """The UD parser (kg/models/ud, written by kg.training.ud.train_ud), or the one $KG_UD_MODEL
    names ("none": rules only); None when there is none. The model's UPOS tagger is trained with
    it but left out here: no rule reads a tag, and it costs a quarter of each parse."""
    chosen = os.environ.get("KG_UD_MODEL")
    if chosen == "none":
        return None
    path = Path(chosen) if chosen else UD_DIR
    if not (path / "config.cfg").is_file():
        if chosen:
            raise MissingInputError(f"KG_UD_MODEL={chosen}: no spaCy pipeline there; write one with "
                                    "kg.training.ud.train_ud() or set KG_UD_MODEL=none")
        return None
    return spacy.load(path, exclude=["morphologizer"])


@cache
def _trained_fingerprint(model_dir: str) -> str:
    """Short hash of a model folder's meta and linkers: `kg train` writes both, so a retrained model
    (same name and version) makes `kg build` extract the articles again instead of skipping them."""
    digest = hashlib.sha1()
    folder = Path(model_dir)
    for path in [folder / "meta.json", *sorted((folder / "linker").glob("*.json"))]:
        if path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:8]


def model_name(nlp: Language) -> str:
    """Names what extracts: package version, lexicons' fingerprint, and the model if any."""
    model = f"+{nlp.meta.get('name', 'ner')}-{nlp.meta.get('version', '0')}" if nlp.has_pipe("ner") else ""
    if model and nlp.meta.get(MODEL_DIR_KEY):
        model += f"-{_trained_fingerprint(nlp.meta[MODEL_DIR_KEY])}"
    parser = load_parser() if uses_parser(nlp) else None
    if parser is not None:
        model += f"+{parser.meta.get('name', 'ud')}-{parser.meta.get('version', '0')}"
    return f"pemilu-kg-{version('pemilu-kg')}-rules-{lexicon_fingerprint()}{model}"


def analyse(text: str, nlp: Language | None = None) -> Analysis:
    nlp = nlp or load_pipeline()
    doc = nlp(text)
    return _to_analysis(doc, uses_parser(nlp), nlp.meta.get(MODEL_DIR_KEY))


def analyse_many(texts, nlp: Language | None = None, batch_size: int = 32):
    nlp = nlp or load_pipeline()
    parse = uses_parser(nlp)
    folder = nlp.meta.get(MODEL_DIR_KEY)
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield _to_analysis(doc, parse, folder)


# a post's fields are enumerated with commas up to "dan" ("Menteri Koordinator Bidang Politik, Hukum, dan
# Keamanan"); a comma with no "dan" after it ends the post ("Direktur Imparsial Al Araf, RKUHP sebaiknya")
RUN_ON = re.compile(r",\s(?!.*(?:\bdan\b|\bserta\b|&))")


def _without_run_on(span: NerSpan) -> NerSpan:
    """A span of the model's without the punctuation it ends with ("Kepala Bidang Pencegahan Penyakit,"),
    a post phrase also cut where it runs on past a comma into the sentence."""
    cut = RUN_ON.search(span.text) if span.label == "POST" else None
    text = (span.text[:cut.start()] if cut else span.text).rstrip(" ,;:(")
    return NerSpan(span.start, span.start + len(text), span.label, text) if text and text != span.text else span


def _to_analysis(doc: Doc, use_parser: bool = True, model_dir: str | None = None) -> Analysis:
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
    ents = tuple(_without_run_on(NerSpan(e.start_char, e.end_char, e.label_, e.text)) for e in doc.ents)
    return Analysis(tuple(sentences), ents, text, use_parser, model_dir)
