"""The news dateline: "Rantau, Tapin (ANTARA) - ", "PEKANBARU - ", "DENPASAR, BALIPOST.com – ".

It gives the article's place (the first place part; later parts are where that place lies) and
its source outlet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

LEAD = re.compile(r"^\s*(?P<head>[^\n]{2,90}?)\s+[-–—]{1,2}\s+(?=\S)")
OUTLET_IN_PARENS = re.compile(r"\(\s*(?P<outlet>[A-Za-z][\w .&/-]{1,30})\s*\)")
PLACE_PART = re.compile(r"^(?:[A-Z][A-Za-z'’]*|[A-Z]+)(?:[ -](?:[A-Z][A-Za-z'’]*|[A-Z]+))*$")
DOMAINISH = re.compile(r"\.(?:com|co|id|net|org|news)\b", re.IGNORECASE)


@dataclass(frozen=True)
class PlacePart:
    start: int
    end: int
    text: str

    @property
    def name(self) -> str:
        """Written name in normal case: "PEKANBARU" → "Pekanbaru"."""
        return self.text.title() if self.text.isupper() and len(self.text) > 3 else self.text


@dataclass(frozen=True)
class Dateline:
    places: tuple[PlacePart, ...]
    outlet: str | None
    end: int  # where the body text starts


def parse_dateline(text: str, is_place=lambda name: False) -> Dateline | None:
    """Read the dateline at the start of `text`; None when the text has none.

    `is_place(name)` tells whether a bare part is a known region: it separates a place from an
    outlet name such as "InspirasiKalbar" when the dateline has no "(ANTARA)" marker.
    """
    match = LEAD.match(text)
    if not match:
        return None
    head = match.group("head")
    outlet = None
    parts: list[PlacePart] = []
    offset = match.start("head")
    for piece in re.finditer(r"[^,|]+", head):
        raw = piece.group()
        start = offset + piece.start()
        paren = OUTLET_IN_PARENS.search(raw)
        if paren:
            outlet = paren.group("outlet").strip()
            raw = raw[:paren.start()]
        stripped = raw.strip()
        if not stripped:
            continue
        start += len(raw) - len(raw.lstrip())
        if DOMAINISH.search(stripped):
            outlet = outlet or stripped
            continue
        if not PLACE_PART.match(stripped) or len(stripped.split()) > 4:
            return None
        camel = re.search(r"[a-z][A-Z]", stripped) is not None
        if camel and not is_place(stripped):
            outlet = outlet or stripped
            continue
        parts.append(PlacePart(start, start + len(stripped), stripped))
    if not parts:
        return None
    known = [is_place(p.name) for p in parts]
    if outlet is None and not any(known) and len(parts) > 1:
        return None
    if outlet is None and len(parts) == 1 and not known[0]:
        return Dateline((), parts[0].text, match.end())  # "Darilaut – ...", "Habar Kotabaru - ...": the outlet alone
    if outlet is None and any(known) and not all(known):
        # "AMBON, Siwalimanews – ", "Berita Baru, Jakarta – ", "Dharmasraya | Topsumbar – ": beside a known
        # place, a part that is none is the outlet
        outlet = next(p.text for p, k in zip(parts, known) if not k)
        parts = [p for p, k in zip(parts, known) if k]
    return Dateline(tuple(parts), outlet, match.end())
