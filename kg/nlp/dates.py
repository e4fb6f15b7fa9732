"""Dates as Indonesian news writes them, resolved against the publication date.

"Selasa" → the last Tuesday on or before publication; "(13/2/2024)", "Jumat (6/12)", "27 November",
"9 Desember 2020", "Minggu, 5 Januari 2025". A day and month without a year take the year of
`year_hint` (the election the text speaks of) or of publication; with neither they stay "--MM-DD".
A date that cannot be resolved is not guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5, "minggu": 6}
MONTHS = {"januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
          "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11, "desember": 12}
WEEKDAY = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)"
_MON = r"(?:Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Nopember|Desember)"
DATE = re.compile(
    rf"(?P<wd>\b{WEEKDAY}\b)?(?:\s*(?:malam|pagi|siang|sore))?,?\s*"
    rf"(?:\((?P<d1>\d{{1,2}})/(?P<m1>\d{{1,2}})(?:/(?P<y1>\d{{4}}))?\)"
    rf"|(?P<d2>\b\d{{1,2}})\s+(?P<mon>{_MON})(?:\s+(?P<y2>\d{{4}}))?\b)"
    rf"|\b(?P<wd_only>{WEEKDAY})\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateHit:
    start: int
    end: int
    text: str
    value: str | None  # ISO date, "--MM-DD", or None when unresolvable


def find_dates(text: str, published: date | None, year_hint: int | None = None) -> list[DateHit]:
    out = []
    for m in DATE.finditer(text):
        raw = m.group().strip(" ,")
        if not raw:
            continue
        start = m.start() + (len(m.group()) - len(m.group().lstrip(" ,")))
        out.append(DateHit(start, start + len(raw), raw, _value(m, published, year_hint)))
    return out


def _value(m: re.Match[str], published: date | None, year_hint: int | None) -> str | None:
    if m.group("wd_only"):
        if published is None:
            return None
        back = (published.weekday() - WEEKDAYS[m.group("wd_only").lower()]) % 7
        return (published - timedelta(days=back)).isoformat()
    day = int(m.group("d1") or m.group("d2"))
    month = int(m.group("m1")) if m.group("m1") else MONTHS[m.group("mon").lower()]
    year_text = m.group("y1") or m.group("y2")
    try:
        if year_text:
            return date(int(year_text), month, day).isoformat()
        if published is not None:
            guess = date(published.year, month, day)
            # news reports the recent past or the coming weeks: a date far ahead is last year's
            return (guess if guess <= published + timedelta(days=120) else date(published.year - 1, month, day)).isoformat()
        if year_hint is not None:
            return date(year_hint, month, day).isoformat()
        date(2000, month, day)
        return f"--{month:02d}-{day:02d}"
    except ValueError:
        return None
