"""The lookup key of a name: what a user's "joko widodo" and the graph's "Joko  Widodo" share."""
from __future__ import annotations


def name_key(name: str) -> str:
    """Lowercase (as SPARQL's LCASE) with runs of whitespace collapsed to one space."""
    return " ".join(name.lower().split())
