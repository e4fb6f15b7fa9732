"""Synopses of films and series: their one-word names are characters, not people the news reports on.

Entertainment desks retell each episode of a sinetron or a drama ("Sinopsis Sinetron 'ANAK LANGIT'
Tayang Senin, 1 April 2019"); the extractor reads its characters as persons. A character is one person
only within its work: "Dedeh" of a sinetron is not the preacher Mama Dedeh, nor "Edi" of one series
the "Pak Edi" of another. The work is known by its title in the headline (kg/lexicons/synopsis_words.tsv).
"""
from __future__ import annotations

import re
from functools import cache

from kg.resources import lexicon

QUOTES = "'‘’\"“”"
QUOTED = re.compile(f"[{QUOTES}] ?([^{QUOTES}]{{2,80}}?) ?[{QUOTES}]")


def synopsis_title(headline: str) -> str | None:
    """The title of the work a synopsis headline tells, lower-cased ("anak langit"): the quoted words,
    else the capitals after the opening word ("Sinopsis Drama RICH MAN Epsiode 9"), else its words up
    to an episode, a day or a clause; the whole headline when none can be read (its characters then
    join no other work's); None for any other headline."""
    tokens = re.findall(r"[\w&-]+|[^\w\s]", headline)
    opens = [i for i, t in enumerate(tokens) if _role(t) == "opens"]
    if not opens:
        return None
    rest = tokens[opens[0] + 1:]
    while rest and _role(rest[0]) == "kind" or rest[:1] == ["&"]:
        rest = rest[1:]
    quoted = QUOTED.match(" ".join(rest))
    if quoted:
        return " ".join(quoted.group(1).lower().split())
    rest = [t for t in rest if t not in QUOTES]  # a quotation mark left unclosed ("'ORANG KETIGA Episode 664")
    title: list[str] = []
    for token in rest:
        if _role(token) == "ends" or not token[0].isalnum():
            break
        title.append(token)
    if title and title[0].isupper():  # the title in capitals, then a misspelt episode ("RICH MAN Epsiode 9")
        title = title[:next((i for i, t in enumerate(title) if not (t.isupper() or t.isdigit())), len(title))]
    return " ".join(title).lower() or " ".join(headline.lower().split())


def _role(token: str) -> str | None:
    return _roles().get(token.lower())


@cache
def _roles() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in lexicon("synopsis_words")}
