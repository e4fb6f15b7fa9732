"""Events: elections (shared across articles) and the occurrences an article reports.

Elections are "Pilkada 2024", "Pilgub Kalsel 2020", "pemilihan kepala daerah (Pilkada) 2024":
a type, an optional region and a year; a bare "pilkada" is the article's Pilkada of that year.
Reported events start at a head word of `lexicons/event_types.tsv` ("deklarasi pilkada damai",
"Rakor Penyelenggara Pemilu Wilayah III", "debat publik ketiga"); weak heads ("kunjungan",
"kampanye") count only when a place or date is attached in the same sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.nlp.places import PlaceHit
from kg.nlp.text import alternation, id_slug, slug
from kg.resources import lexicon

BOUNDARY = re.compile(r"\b(?:di|pada|yang|dengan|oleh|ke|usai|saat|ketika|sebagai|ini|itu|tersebut|guna|agar|"
                      r"bagi|dari|akan|telah|sudah|tidak|juga|hingga|sampai|mendatang|lalu|Senin|Selasa|Rabu|"
                      r"Kamis|Jumat|Sabtu|Minggu|merupakan|adalah|menjadi|berjalan|digelar|dimulai|berlangsung)\b"
                      r"|[,.;:()“”\"\n]|\b\d")
WEAK_HEADS = {"kampanye", "kunjungan", "sosialisasi", "peninjauan", "rapat", "apel", "simulasi", "rekapitulasi",
              "pemungutan suara", "penghitungan suara", "pleno", "penetapan", "pelantikan", "upacara", "bimtek"}


@dataclass(frozen=True)
class EventHit:
    start: int
    end: int
    text: str
    key: str  # election: event:pilkada-2024[-code]; reported: event:{article}-{slug}
    label: str
    type: str
    election: bool
    year: int | None = None
    area: str | None = None  # place key


@cache
def _election_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {r[0].lower(): r[1] for r in lexicon("elections")}
    pattern = re.compile(
        rf"(?<![\w-])(?P<word>{alternation(table)})(?P<serentak>\s+[Ss]erentak)?(?![\w-])", re.IGNORECASE)
    return pattern, table


@cache
def _event_heads() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {r[0]: r[1] for r in lexicon("event_types")}
    return re.compile(rf"(?<![\w-])(?P<head>{alternation(table)})(?:nya)?(?![\w-])", re.IGNORECASE), table


def find_elections(text: str, places: list[PlaceHit]) -> list[EventHit]:
    pattern, table = _election_pattern()
    place_at = {p.start: p for p in places}
    raw = []
    for m in pattern.finditer(text):
        word = m.group("word")
        kind = table[word.lower()]
        end = m.end("word") + len(m.group("serentak") or "")
        area = None
        # "Pilkada Kalsel 2020", "Pemilihan Gubernur ... Kalimantan Selatan (Pilgub Kalsel) tahun 2024"
        after = re.match(r"\s+", text[end:end + 2])
        place = place_at.get(end + (after.end() if after else 0))
        if place is not None and place.code:
            area, end = place, place.end
        tail = re.match(r"\s*(?:\((?P<abbr>[A-Za-z][\w ]{1,25})\)\s*)?(?:tahun\s+)?(?P<year>(?:19|20)\d\d)\b", text[end:])
        year = int(tail.group("year")) if tail else None
        if tail:
            end += tail.end()
        if word.islower() and len(word.split()) > 1 and year is None:
            continue  # "pemilihan umum" in running text names no particular election
        raw.append((m.start(), end, kind, word, area, year))
    years = {}
    for _, _, kind, _, area, year in raw:
        if year is not None:
            years.setdefault(kind, set()).add(year)
    out = []
    for start, end, kind, word, area, year in raw:
        if year is None and len(years.get(kind, ())) == 1:
            year = next(iter(years[kind]))
        label_word = word if word[0].isupper() and len(word.split()) == 1 else word.title()
        area_part = f" {area.text}" if area else ""
        label = f"{label_word}{area_part}{f' {year}' if year else ''}"
        if len(word.split()) > 1:
            label = f"{kind.title()}{area_part}{f' {year}' if year else ''}"
        key = f"event:{kind}" + (f"-{year}" if year else "") + (f"-{area.code}" if area else "")
        out.append(EventHit(start, end, text[start:end], key, label, "election", True, year,
                            area.key if area else None))
    return out


def find_reported_events(text: str, article_id: str, sentences_with_context) -> list[EventHit]:
    """`sentences_with_context(start)` tells whether a place or date follows in that sentence."""
    pattern, table = _event_heads()
    out = []
    for m in pattern.finditer(text):
        head = m.group("head").lower()
        stop = BOUNDARY.search(text, m.end())
        end = stop.start() if stop else len(text)
        phrase = text[m.start():end].rstrip()
        words = phrase.split()
        if len(words) > 7:
            phrase = " ".join(words[:7])
        if head in WEAK_HEADS and not sentences_with_context(m.start(), m.start() + len(phrase)):
            continue
        if head in WEAK_HEADS and len(phrase.split()) == 1 and not sentences_with_context(m.start(), m.end()):
            continue
        key = f"event:{id_slug(article_id)}-{slug(head)}"
        out.append(EventHit(m.start(), m.start() + len(phrase), phrase, key, phrase, table[head], False))
    return out
