"""Lookup keys: what a user's "joko widodo" and the graph's "Joko  Widodo" share, and the words a
quotation can be found by. Queries match them by index lookup instead of scanning text."""
from __future__ import annotations

import re
from functools import cache

from kg.resources import words


def name_key(name: str) -> str:
    """Lowercase (as SPARQL's LCASE) with runs of whitespace collapsed to one space."""
    return " ".join(name.lower().split())


def word_keys(text: str) -> set[str]:
    """The words of `text` as `name_key` writes a one-word value, without function words
    ("yang", "dan") and one-letter words, which would only swell the index."""
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) > 1 and w not in _function_words()}


@cache
def _function_words() -> frozenset[str]:
    return words("function_words")
