"""Readers for the Indonesian NER sets in ``shared/data`` and label harmonisation.

Every reader returns a list of :class:`Sentence`: pre-tokenised words plus one
harmonised BIO tag per word.  Harmonised tags use only ``PER``, ``ORG`` and
``LOC``; a tag of ``"-"`` means *missing* (the set cannot tell whether the token
is part of a PER/ORG/LOC entity), which spaCy's NER loss ignores.

Label mapping (source label -> harmonised):

=================  ==========================================  =========
set                source labels                               becomes
=================  ==========================================  =========
IDNer2k            PER, ORG, LOC                               same
NERGrit (IndoNLU)  PERSON, ORGANISATION, PLACE                 PER, ORG, LOC
NER-UI (IndoLEM)   PERSON, ORGANIZATION, LOCATION              PER, ORG, LOC
NER-UGM (IndoLEM)  PERSON, ORGANIZATION, LOCATION              PER, ORG, LOC
                   TIME, QUANTITY                              O
NERP (IndoNLU)     PPL, PLC                                    PER, LOC
                   IND (product/brand), EVT, FNB               missing
                   O                                           missing
=================  ==========================================  =========

Why NERP is special: it has no ORG label (organisations sit under ``O`` or
``IND``), so neither its ``O`` nor its IND/EVT/FNB tokens can tell the model
"this is not an ORG"; they are marked missing.  IND/EVT spans often *contain*
organisations or places (brands, "piala dunia", ...), so they are missing too.
NERP is also lowercased; see :func:`nerp_variant` for how it can be made usable
on cased text.  The shipped model leaves NERP out: with its title-cased PER/LOC
spans added, the cased test sets scored lower (measurements in
``bench/NER_RESULTS.md``).

TIME and QUANTITY in NER-UGM are annotated by a careful annotator as
"not PER/ORG/LOC", so they become ``O``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from kg.errors import MissingInputError

LABELS = ("PER", "ORG", "LOC")
MISSING = "-"

#: per-set mapping of source entity types to harmonised types.  ``"O"`` means
#: "annotated as outside", ``None`` means "missing" (the set cannot tell).
LABEL_MAPS: dict[str, dict[str, str | None]] = {
    "idner": {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
    "nergrit": {"PERSON": "PER", "ORGANISATION": "ORG", "PLACE": "LOC"},
    "nerui": {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"},
    "nerugm": {
        "PERSON": "PER",
        "ORGANIZATION": "ORG",
        "LOCATION": "LOC",
        "TIME": "O",
        "QUANTITY": "O",
    },
    "nerp": {"PPL": "PER", "PLC": "LOC", "IND": None, "EVT": None, "FNB": None},
}

#: sets whose "O" tag is trustworthy for all three harmonised labels
O_IS_RELIABLE = {"idner": True, "nergrit": True, "nerui": True, "nerugm": True, "nerp": False}

#: folder names under ``data_dir``
SET_DIRS = {
    "idner": "idner-news-2k",
    "nergrit": "indonlu-nergrit",
    "nerp": "indonlu-nerp",
    "nerui": "indolem-ner/nerui",
    "nerugm": "indolem-ner/nerugm",
}
SPLIT_FILES = {
    "idner": {"train": "train.txt", "dev": "dev.txt", "test": "test.txt"},
    "nergrit": {
        "train": "train_preprocess.txt",
        "dev": "valid_preprocess.txt",
        "test": "test_preprocess.txt",
    },
    "nerp": {
        "train": "train_preprocess.txt",
        "dev": "valid_preprocess.txt",
        "test": "test_preprocess.txt",
    },
}


class MissingDataError(MissingInputError):
    """A data set needed for training or evaluation is not where it should be."""


@dataclass
class Sentence:
    words: list[str]
    tags: list[str]  # harmonised BIO ("B-PER", "I-LOC", "O") or "-" (missing)
    source: str = ""
    raw_tags: list[str] = field(default_factory=list)  # tags as found in the file

    def __len__(self) -> int:
        return len(self.words)

    @property
    def key(self) -> str:
        return sentence_key(self.words)

    def spans(self) -> list[tuple[int, int, str]]:
        return bio_to_spans(self.tags)


# --------------------------------------------------------------------------- text utils

_WS = re.compile(r"\s+")


def sentence_key(words: Sequence[str]) -> str:
    """Normalised sentence text used for de-duplication across sets.

    Lowercased, NFKC-normalised, all whitespace removed (so tokenisation
    differences such as "salah satu" vs "salah" "satu" do not matter).
    """
    text = unicodedata.normalize("NFKC", "".join(words)).lower()
    return _WS.sub("", text)


_NO_SPACE_BEFORE = set(",.;:!?)]}%'\"")
_NO_SPACE_AFTER = set("([{")


def guess_spaces(words: Sequence[str]) -> list[bool]:
    """Plausible trailing-space flags for pre-tokenised words (cosmetic only)."""
    spaces = []
    for i, w in enumerate(words):
        if i == len(words) - 1:
            spaces.append(False)
            continue
        nxt = words[i + 1]
        space = not (w in _NO_SPACE_AFTER or nxt in _NO_SPACE_BEFORE)
        spaces.append(space)
    return spaces


# --------------------------------------------------------------------------- BIO utils


def bio_to_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans (start, end exclusive, label) from BIO tags, conlleval style.

    An ``I-X`` that does not continue an ``X`` entity starts a new one (as in
    conlleval and seqeval's default mode).  Missing tags (``"-"``) end entities.
    """
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        if tag in ("O", MISSING, "", None):
            prefix, typ = "O", None
        else:
            prefix, _, typ = tag.partition("-")
            if prefix not in ("B", "I") or not typ:
                raise ValueError(f"bad BIO tag {tag!r}")
        if label is not None and (prefix != "I" or typ != label):
            spans.append((start, i, label))
            start, label = None, None
        if typ is not None and label is None:
            start, label = i, typ
    return spans


def _harmonise(raw: Sequence[str], mapping: dict[str, str | None], o_reliable: bool) -> list[str]:
    """Map raw BIO tags to PER/ORG/LOC BIO with '-' for missing; repair I- starts."""
    out: list[str] = []
    prev = "O"
    for tag in raw:
        if tag == "O":
            new = "O" if o_reliable else MISSING
        else:
            prefix, _, typ = tag.partition("-")
            if typ not in mapping:
                raise ValueError(f"unknown entity type {typ!r} (tag {tag!r})")
            target = mapping[typ]
            if target is None:
                new = MISSING
            elif target == "O":
                new = "O"
            else:
                if prefix == "I" and prev in (f"B-{target}", f"I-{target}"):
                    new = f"I-{target}"
                else:
                    # B-, or an I- that does not continue: conlleval starts a new entity
                    new = f"B-{target}"
        out.append(new)
        prev = new
    return out


# --------------------------------------------------------------------------- file readers


def read_bio_file(path: Path, *, token_col: int, tag_col: int, tab: bool) -> list[tuple[list[str], list[str]]]:
    """Read a CoNLL-like file: one token per line, blank line between sentences.

    Tokens that contain spaces (NERP's "salah satu") are split into several
    words; the extra words continue the tag (``B-X`` -> ``I-X``).
    """
    sents: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            if not line.strip():
                if words:
                    sents.append((words, tags))
                    words, tags = [], []
                continue
            cols = line.split("\t") if tab else line.split()
            token, tag = cols[token_col].strip(), cols[tag_col].strip()
            parts = token.split()
            if not parts:
                continue
            for j, part in enumerate(parts):
                words.append(part)
                if j > 0 and tag != "O":
                    tags.append("I-" + tag.partition("-")[2])
                else:
                    tags.append(tag)
    if words:
        sents.append((words, tags))
    return sents


def _set_dir(data_dir: Path, name: str) -> Path:
    d = Path(data_dir) / SET_DIRS[name]
    if not d.is_dir():
        raise MissingDataError(
            f"NER data set {name!r} not found: expected folder {d}. "
            f"Point data_dir at the shared data folder (the layout described in "
            f"shared/data/SOURCES.md, with {', '.join(sorted(set(SET_DIRS.values())))})."
        )
    return d


def _make(name: str, raw_sents: Iterable[tuple[list[str], list[str]]]) -> list[Sentence]:
    mapping, reliable = LABEL_MAPS[name], O_IS_RELIABLE[name]
    return [
        Sentence(words=w, tags=_harmonise(t, mapping, reliable), source=name, raw_tags=t)
        for w, t in raw_sents
    ]


def read_set(data_dir: Path, name: str, split: str, fold: int | None = None) -> list[Sentence]:
    """Read one split of one set, harmonised.

    ``name`` is one of idner, nergrit, nerp, nerui, nerugm.  ``split`` is
    train/dev/test; for nerui/nerugm give ``fold`` (1..5), or ``split="all"``
    for the unsplit original file.
    """
    d = _set_dir(data_dir, name)
    if name in ("nerui", "nerugm"):
        if split == "all":
            fname = "nergithub.txt" if name == "nerui" else "nerugm.txt"
        else:
            if fold is None:
                raise ValueError(f"{name} needs a fold (1..5)")
            fname = f"{split}.{fold:02d}.tsv"
        path = d / fname
        kwargs = dict(token_col=0, tag_col=1, tab=True)
    else:
        path = d / SPLIT_FILES[name][split]
        if name == "idner":
            kwargs = dict(token_col=0, tag_col=2, tab=False)
        else:
            kwargs = dict(token_col=0, tag_col=1, tab=True)
    if not path.is_file():
        raise MissingDataError(f"NER data file not found: {path}. See shared/data/SOURCES.md.")
    return _make(name, read_bio_file(path, **kwargs))


def read_idner(data_dir: Path, split: str) -> list[Sentence]:
    return read_set(data_dir, "idner", split)


def read_nergrit(data_dir: Path, split: str) -> list[Sentence]:
    return read_set(data_dir, "nergrit", split)


def read_nerp(data_dir: Path, split: str) -> list[Sentence]:
    return read_set(data_dir, "nerp", split)


def read_indolem(data_dir: Path, name: str, split: str, fold: int | None = None) -> list[Sentence]:
    return read_set(data_dir, name, split, fold)


def check_data_dir(data_dir: Path, names: Iterable[str] = tuple(SET_DIRS)) -> None:
    """Raise :class:`MissingDataError` naming the first missing folder."""
    for name in names:
        _set_dir(data_dir, name)


# --------------------------------------------------------------------------- NERP variants


def nerp_variant(sents: Iterable[Sentence], mode: str) -> list[Sentence]:
    """Make lowercased NERP usable next to cased data.

    The harmonised NERP tags already keep only PER/LOC entity tokens and mark
    every other token (O, IND, EVT, FNB) missing.  ``mode``:

    * ``"spans"``: title-case the words of PER/LOC entities and the first word
      of the sentence (what cased news text would show); supervision = the
      PER/LOC spans only, everything else missing.  (Measured; see
      bench/NER_RESULTS.md.)
    * ``"titlecase_o"``: same casing, but NERP's own ``O`` tokens are trusted
      as ``O`` (IND/EVT/FNB stay missing).  Teaches "lowercase word = O",
      including lowercased organisation names.  (Not measured.)
    * ``"raw"``: lowercase text as is, PER/LOC spans only.  (Not measured.)
    """
    out = []
    for s in sents:
        words = list(s.words)
        tags = list(s.tags)
        if mode in ("spans", "titlecase_o"):
            for i, t in enumerate(tags):
                if t.startswith(("B-", "I-")):
                    words[i] = _title(words[i])
            if words:
                words[0] = _title(words[0])
            if mode == "titlecase_o":
                tags = ["O" if r == "O" else t for t, r in zip(tags, s.raw_tags, strict=True)]
        elif mode != "raw":
            raise ValueError(f"unknown NERP mode {mode!r}")
        out.append(Sentence(words=words, tags=tags, source=s.source, raw_tags=s.raw_tags))
    return out


def _title(w: str) -> str:
    return w[:1].upper() + w[1:] if w[:1].isalpha() else w


# --------------------------------------------------------------------------- de-duplication


def dedupe(
    train: Iterable[Sentence], exclude: Iterable[Sentence] = ()
) -> tuple[list[Sentence], dict[str, int]]:
    """Drop training sentences whose normalised text is in ``exclude`` or seen before.

    Returns the kept sentences and counts of what was dropped, per source.
    """
    banned = {s.key for s in exclude}
    seen: set[str] = set()
    kept: list[Sentence] = []
    dropped: dict[str, int] = {}
    for s in train:
        k = s.key
        if k in banned or k in seen:
            dropped[s.source] = dropped.get(s.source, 0) + 1
            continue
        seen.add(k)
        kept.append(s)
    return kept, dropped


def count_entities(sents: Iterable[Sentence], raw: bool = False) -> dict[str, int]:
    """Entity counts per label (harmonised, or raw source labels with ``raw=True``)."""
    counts: dict[str, int] = {}
    for s in sents:
        tags = s.raw_tags if raw else s.tags
        for _, _, lab in bio_to_spans([t if t != MISSING else "O" for t in tags]):
            counts[lab] = counts.get(lab, 0) + 1
    return counts
