"""One place that finds and reads the package's data files: lexicons, queries, ontology, model.

Lexicons are tab-separated files in `kg/lexicons/`; a line starting with `#` is a comment.
Queries and the ontology live at the repository root (`queries/`, `ontology/`) and are copied
into the wheel as `kg/_queries` and `kg/_ontology`; `data_dir` finds either.
"""
from __future__ import annotations

import hashlib
import re
from functools import cache, lru_cache
from pathlib import Path

from kg.errors import MissingInputError

PACKAGE_DIR = Path(__file__).resolve().parent
LEXICON_DIR = PACKAGE_DIR / "lexicons"
MODEL_DIR = PACKAGE_DIR / "models" / "ner"  # the news NER (public NER sets)
EXTRACT_DIR = PACKAGE_DIR / "models" / "extract"  # MODEL_DIR fine-tuned on annotated articles, and the linkers


def data_dir(name: str) -> Path:
    """The folder `queries` or `ontology`, installed (kg/_name) or in the source tree."""
    for candidate in (PACKAGE_DIR / f"_{name}", PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise MissingInputError(
        f"cannot find the '{name}' folder next to the kg package ({PACKAGE_DIR}); "
        "reinstall pemilu-kg (pip install .) or run from a source checkout")


@cache
def lexicon(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of `kg/lexicons/{name}.tsv`, each padded with "" so short rows index safely."""
    path = LEXICON_DIR / f"{name}.tsv"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = tuple(cell.strip() for cell in line.split("\t"))
        rows.append(cells + ("",) * (6 - len(cells)))
    return tuple(rows)


@cache
def words(name: str) -> frozenset[str]:
    """The first column of a one-word-per-line lexicon (built once: rules test words against it per hit)."""
    return frozenset(row[0] for row in lexicon(name))


@cache
def post_head_words() -> frozenset[str]:
    """First words of every post and its written-out forms, lower-cased ("ketua", "kapolda", "wakil"):
    what marks a description as a post ("mantan Panglima ABRI ini") or a country as a post's ("Presiden Rusia")."""
    return frozenset(form.split()[0].casefold() for row in lexicon("posts")
                     for form in (row[0], *split_list(row[1])) if form.strip())


@cache
def one_word_posts() -> frozenset[str]:
    """Posts of kg/lexicons/posts.tsv written as one word, lower-cased ("kapolda", "pangkostrad")."""
    return frozenset(row[0].casefold() for row in lexicon("posts") if " " not in row[0].strip())


@lru_cache(maxsize=8)
def lower_words(text: str) -> frozenset[str]:
    """The words a text writes in lower case (kept for the last few texts: an article is asked many times)."""
    return frozenset(re.findall(r"(?<![\w-])[a-z][\w-]*", text))


# ranks written in full that name institutions too ("Direktorat Jenderal", "Universitas Bhayangkara")
FULL_RANK_WORDS = frozenset({"Jenderal", "Jendral", "Bhayangkara", "Inspektur", "Komisaris", "Brigadir", "Prajurit",
                             "Laksamana", "Marsekal", "Kolonel", "Mayor", "Kapten", "Letnan", "Ajun", "Sersan", "Kopral"})


@cache
def abbreviated_honorifics() -> frozenset[str]:
    """The honorifics of kg/lexicons/honorifics.tsv written abbreviated ("Prof.", "Dr.", "H."), without the
    full stop: words of no institution's or venue's name, unlike "Guru" or "Jenderal"."""
    return frozenset(r[0].rstrip(".") for r in lexicon("honorifics") if r[0].endswith(".") and " " not in r[0])


@cache
def rank_short_forms() -> frozenset[str]:
    """The first words of ranks that only ranks are made of (Kombes, AKBP, Letkol): where one stands, a
    holder's name begins, whatever name the words before it were running on."""
    return frozenset(r[0].split()[0] for r in lexicon("ranks")) - FULL_RANK_WORDS


@cache
def title_words() -> frozenset[str]:
    """Every word of a rank or honorific ("Kombes", "Pol", "AKBP", "Prof"), without a final full stop."""
    return frozenset(w.rstrip(".") for r in lexicon("ranks") + lexicon("honorifics") for w in r[0].split())


def split_list(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(",") if part.strip())


@cache
def lexicon_fingerprint() -> str:
    """Short hash of every lexicon file: part of what decides whether an article must be rebuilt."""
    digest = hashlib.sha1()
    for path in sorted(LEXICON_DIR.glob("*.tsv")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:8]
