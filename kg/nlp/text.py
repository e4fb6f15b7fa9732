"""Small text helpers shared by the extractors: name-word patterns, slugs, folding."""
from __future__ import annotations

import hashlib
import re
import unicodedata

COMPASS = r"(?:Utara|Selatan|Barat|Timur|Tengah|Tenggara)"  # the compass words of region names ("Jakarta Timur")
CUT_SLOT = re.compile(r" +,")  # "Kasatlantas Polres , AKP": where a scraper cut linked words (here an office's region)


def _latin_letters(case) -> str:
    """The accented Latin letters of one case (Latin-1 and Latin Extended), for a character class: foreign names
    keep their letters ("José", "Erdoğan", "Peña"), which a class of A-Z alone cuts short."""
    return "".join(ch for ch in map(chr, range(0xC0, 0x250)) if case(ch) and unicodedata.category(ch).startswith("L"))


# not the first characters of UTF-8 text misread as Latin-1 or Mac Roman ("Ã©", "Äô"), which the reader's repair
# can leave behind where the misreading was partial ("A‚Äéhmad")
UPPER = "A-Z" + _latin_letters(lambda ch: ch.isupper() and ch not in "ÃÂÄ")
LOWER = "a-z" + _latin_letters(str.islower) + "\u0300-\u036f"  # and the combining accents of letters written apart
# A capitalised word of a proper name: "Winarto", "Al-Farisi", "O'Neil", "O'Brien", "McKinley", "M", "Syarifuddin",
# "José", "Erdoğan".
NAME_WORD = (rf"(?<![\w'’‘-])(?:(?:Mc|Mac|[DO]['’‘](?=[A-Z]))?[{UPPER}][{LOWER}]+(?:[-'’‘][{UPPER}{LOWER}]+){{0,2}}"
             r"|[A-Z]{1,2}\.?(?=\s))")
#: a demonstrative after a post points back at someone named before ("politikus PKB ini", "Kapolres tersebut")
DEMONSTRATIVE = r"(?:ini|itu|tersebut)\b"
OPEN_QUOTES = "“\"«„"
CLOSE_QUOTES = "”\"»“"


def slug(text: str) -> str:
    """ASCII, lower-case, hyphen-separated: the readable part of an IRI."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def id_slug(identifier: str) -> str:
    """The slug of an article id that keeps different ids apart: the id itself when it is a slug
    already (`kompas-00000`), else its slug and a hash of the exact id (`Berita-1` → `berita-1-<6 hex>`)."""
    cleaned = slug(identifier)
    return cleaned if cleaned == identifier else f"{cleaned}-{hashlib.sha1(identifier.encode('utf-8')).hexdigest()[:6]}"


def alternation(forms) -> str:
    """A regex alternation of literal `forms`, longest first, so that the longest form at a place wins."""
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form for comparing names."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


# the lower-case words a name written in title case may hold, English ones too ("Institute for Criminal and
# Justice Reform")
TITLE_JOINS = frozenset({"dan", "untuk", "&", "-", "for", "and", "of", "the"})


def title_case(words: list[str]) -> bool:
    """Every word opens with a capital or a digit (or a bracket), but for the joining words of names
    ("Badan Pemeriksa dan Keuangan", "Travel Exhibition & Malam Puncak Expo 2019"): a name or a title."""
    return all(w[:1].isupper() or w[:1].isdigit() or w[:1] == "(" or w in TITLE_JOINS for w in words)
