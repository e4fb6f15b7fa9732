"""Persons the news names by their initials only: suspects, victims and witnesses of crime and court
news ("pelaku berinisial DM (26)", "Mereka adalah JA (59), SA (40) dan SO (22)", "Aiptu JP; Brigadir AP").

Capitals alone are most often an institution's short form, so a run of two to four capitals is read as
a person only where the text says it is one: "(ber)inisial" before it, an age in brackets after it, or
a police or military rank before it; the names listed with it ("berinisial HE (30), FI (21) dan DI
(15)") are persons too, and so is every other place the article writes the same initials. Short forms
the lexicons know (institutions, parties, regions, ranks) are never initials.
"""
from __future__ import annotations

import re
from functools import cache

from kg.nlp.orgs import institution_short_forms
from kg.nlp.persons import PersonHit
from kg.nlp.text import alternation
from kg.regions import gazetteer
from kg.resources import FULL_RANK_WORDS, lexicon, rank_short_forms, words

# the identity evidence of such a person's node (pemilu:identityEvidence): kg.identity leaves it alone
INITIALS_EVIDENCE = "initials: this article only"
INITIALS = r"[A-Z]{2,4}"
ONLY_INITIALS = re.compile(INITIALS)
AGE = r"\(\s*\d{1,2}(?:\s*(?:tahun|thn|th))?\s*\)"
NAMED_BY_INITIALS = re.compile(rf"\b(?:[Bb]er)?[Ii]nisial(?:nya)?\s+(?P<name>{INITIALS})(?![\w-])")
AGED = re.compile(rf"(?<![\w-])(?P<name>{INITIALS})\s*{AGE}")
NEXT_IN_LIST = re.compile(rf"(?:\s*{AGE})?\s*(?:[,;]\s*(?:dan\s+|serta\s+)?|\s+(?:dan|serta)\s+)(?P<name>{INITIALS})(?![\w-])")


@cache
def _ranked() -> re.Pattern[str]:
    """A rank, then initials: "Aiptu JP", "Kolonel HS", "Brigadir AP"; not the corps between a rank and a name
    ("Letkol CPL Eko"). Not "Komisaris" nor "Mayor", which are posts too (a company's board, a city's mayor)."""
    ranks = rank_short_forms() | (FULL_RANK_WORDS - {"Komisaris", "Mayor"})
    return re.compile(rf"(?<![\w-])(?:{alternation(ranks)})\.?\s+(?P<name>{INITIALS})(?![\w-])(?!\s+[A-Z][a-z])")


@cache
def _known_short_forms() -> frozenset[str]:
    """Capitals the lexicons already give a meaning: an institution's, party's, region's or rank's short form."""
    known = set(institution_short_forms()) | set(rank_short_forms()) | words("not_institutions")
    known |= {r[0] for r in lexicon("region_aliases")} | {w for r in lexicon("parties") for w in r if w}
    return frozenset(w for w in known if ONLY_INITIALS.fullmatch(w))


def _initials(name: str, text: str) -> bool:
    """Capitals that can be a person's initials here: no short form the lexicons or the gazetteer know, and
    none the article spells out ("Daftar Pencarian Orang (DPO)")."""
    return name not in _known_short_forms() and not gazetteer().candidates(name) \
        and re.search(rf"\({re.escape(name)}\)", text) is None


def initials_persons(text: str, blocked: list[tuple[int, int]], persons: list[PersonHit]) -> list[PersonHit]:
    """The mentions of persons named by initials only, outside `blocked` spans and the `persons` found."""
    named: set[str] = set()
    for pattern in (NAMED_BY_INITIALS, AGED, _ranked()):
        for m in pattern.finditer(text):
            found = [m.group("name")]
            end = m.end("name")
            while (more := NEXT_IN_LIST.match(text, end)) is not None:
                found.append(more.group("name"))
                end = more.end("name")
            named |= {n for n in found if _initials(n, text)}
    if not named:
        return []
    taken = blocked + [(h.start, h.end) for h in persons]
    hits = []
    for m in re.finditer(rf"(?<![\w-])(?:{alternation(named)})(?![\w-])", text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            hits.append(PersonHit(m.start(), m.end(), m.group(), m.group(), m.start(), evidence="initials"))
    return hits
