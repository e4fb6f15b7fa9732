"""Places named in the text: Kemendagri regions, countries, venues, and the dateline's town.

Provinces and kabupaten/kota are found by name anywhere; kecamatan and villages only after their
keyword ("Kecamatan Rupat", "Kelurahan Terkul") or, for a kecamatan, its unit ("Polsek Cilincing"),
since their names are too often ordinary words.
A name that exists in several provinces is resolved towards the provinces the article is about.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from kg.nlp.dateline import Dateline
from kg.nlp.dates import WEEKDAY
from kg.nlp.text import COMPASS, NAME_WORD, alternation, slug
from kg.regions import Region, gazetteer
from kg.resources import abbreviated_honorifics, lexicon, post_head_words, rank_short_forms, split_list

KEYWORDS = {"Provinsi": "provinsi", "Kabupaten": "kabupaten", "Kab.": "kabupaten", "Kota": "kota",
            "Kecamatan": "kecamatan", "Kec.": "kecamatan", "Distrik": "kecamatan",
            "Desa": "desa", "Kelurahan": "kelurahan"}
KEYWORD_NAME = re.compile(
    r"\b(?P<kw>Provinsi|Kabupaten|Kab\.|Kota|Kecamatan|Kec\.|Distrik|Desa|Kelurahan)\s+"
    rf"(?P<name>{NAME_WORD}(?:\s{NAME_WORD}){{0,3}})")
# "Gedung Merah Putih KPK", "Aula Kantor KPU Madina", "Ruang KK 1"; a street after it is its address ("Kantor KPU
# Medan Jalan Kejaksaan")
# "Ruang Sidang Utama Lantai 2": its floor; "di Hotel Truntum Selasa (7/2/2023)": the day it happened there
VENUE_WORD = rf"(?!(?:Jalan|Jl|Lantai|{WEEKDAY})\b)(?:{NAME_WORD}|[A-Z]{{2,6}}\b)"
NAME_THEN_CITY = re.compile(r"(?<![\w-])(?=(?P<name>[A-Z][a-z][\w-]*(?: [A-Z][a-z][\w-]*)?) [Kk]ota(?![\w-]))")
TPS_WORD = rf"(?!(?:Kecamatan|Kabupaten|Kota|Provinsi|Kec|Kab|Desa|Kelurahan)\b){NAME_WORD}"  # where a TPS stands
VENUE = re.compile(
    r"\b(?:Hotel|Gedung|Aula|Balai|Pendopo|Pendapa|Kantor|Wisma|Graha|Lapangan|Stadion|Masjid|Pulau|"
    r"Selat|Gunung|Danau|Bandara|Pelabuhan|Taman|Rumah Dinas|Mapolda|Mapolres|Rutan|Lapas|Jalan|Istana|"
    r"Kompleks|Ruang|Gudang|Markas|Mako|Puskesmas|RSUD|RSPAD|Lanud|Restoran|Sungai)"
    rf"(?:\s{VENUE_WORD}){{1,4}}(?:\s\d{{1,3}}(?![\d/:-]|[.,]\d))?"
    rf"|\b{NAME_WORD}(?:\s{NAME_WORD})?\s(?:Resort|Hotel|Convention Center|Hall)\b"
    rf"|\bTPS\s\d+\b(?:\s(?:(?:Desa|Kelurahan)\s)?{TPS_WORD}(?:\s{TPS_WORD}){{0,2}})?")
TPS_NUMBER = re.compile(r"TPS\s\d+")


@dataclass(frozen=True)
class PlaceHit:
    start: int
    end: int
    text: str
    key: str
    name: str
    type: str  # provinsi, kabupaten, kota, kecamatan, desa, kelurahan, country, venue, place
    code: str | None = None
    official: str | None = None
    within: str | None = None  # key of the place it lies in, when the text or the table says so


def region_key(code: str) -> str:
    return f"place:{code}"


def _hit(start: int, text: str, region: Region) -> PlaceHit:
    parent = region.parent_code
    return PlaceHit(start, start + len(text), text, region_key(region.code), region.name, region.type,
                    region.code, region.official, region_key(parent) if parent else None)


@cache
def _name_pattern() -> re.Pattern[str]:
    names = gazetteer().names() + [n for row in lexicon("countries") for n in (row[0], *split_list(row[1]))]
    return re.compile(rf"(?<![\w-])(?:{alternation(names)})(?![\w-])")


@cache
def _countries() -> dict[str, str]:
    out = {}
    for name, others, *_ in lexicon("countries"):
        for form in (name, *split_list(others)):
            out[form] = name
    return out


@cache
def _country_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(_countries())})(?![\w-])")


def country_at(text: str, start: int) -> int | None:
    """Where the country's name that begins at `start` ends ("Menteri Luar Negeri Arab Saudi ..."), even
    where names run on and find_places cannot tell it from a longer name; None when none begins there."""
    m = _country_pattern().match(text, start)
    return m.end() if m else None


DISTRICT_HEADS = ("Camat", "Wakil Camat", "Sekcam")  # "Camat Medan Selayang": the kecamatan, not Medan and a name
# "Lurah Batu Merah Donny": the village its head heads, not Kota Batu and a name
VILLAGE_HEAD = re.compile(rf"(?<![\w-])(?P<kw>Lurah|Kades|Kepala Desa|Kepala Kelurahan)\s+"
                          rf"(?P<name>{NAME_WORD}(?:\s{NAME_WORD}){{0,3}})")
VILLAGE_KINDS = {"Lurah": "kelurahan", "Kepala Kelurahan": "kelurahan", "Kades": "desa", "Kepala Desa": "desa"}


JAKARTA = "31"


@cache
def _district_units() -> re.Pattern[str]:
    """A kecamatan's units and their heads, which name it right after them ("Polsek Cilincing", "Kapolsek
    Menui", "PPK Bungku"): the institutions of kg/lexicons/org_types.tsv at the district level, and the
    posts of posts.tsv that name one of them; the capital's units carry "Metro" before it ("Kapolsek Metro
    Tanah Abang")."""
    types = {r[0] for r in lexicon("org_types") if r[4] == "district"}
    forms = [f for r in lexicon("org_types") if r[0] in types for f in split_list(r[1])]
    forms += [r[0] for r in lexicon("posts") if r[3] in types] + list(DISTRICT_HEADS)
    return re.compile(rf"(?<![\w-])(?:{alternation(forms)})\s+(?:(?P<metro>Metro)\s+)?"
                      rf"(?P<name>{NAME_WORD}(?:\s{NAME_WORD}){{0,2}})")


def _longest_region(words: str, kind: str, context: frozenset[str]) -> tuple[str, Region] | None:
    """The longest run of `words`' first words that names a region of `kind` ("Batu Merah" of "Batu Merah Donny
    Syarnaini"), and that region."""
    split = words.split()
    for n in range(len(split), 0, -1):
        name = " ".join(split[:n])
        if (region := gazetteer().resolve(name, kind, context)) is not None:
            return name, region
    return None


def find_places(text: str, dateline: Dateline | None) -> list[PlaceHit]:
    """Every place mention, resolved against the region table where possible."""
    gaz = gazetteer()
    hits: list[PlaceHit] = []
    context = _context(text, dateline)

    for m in KEYWORD_NAME.finditer(text):
        if found := _longest_region(m.group("name"), KEYWORDS[m.group("kw")], context):
            name, region = found
            hits.append(_hit(m.start(), text[m.start():m.start("name") + len(name)], region))

    for m in VILLAGE_HEAD.finditer(text):  # "Lurah Batu Merah Donny Syarnaini": the village of the article's province
        if found := _longest_region(m.group("name"), VILLAGE_KINDS[m.group("kw")], context):
            hits.append(_hit(m.start("name"), *found))

    unknown_districts = set()
    for m in _district_units().finditer(text):  # "Humas Polsek Cilincing": a kecamatan's unit names it
        words = m.group("name").split()
        for n in range(len(words), 0, -1):
            if n < len(words) and re.fullmatch(COMPASS, words[n]):
                unknown_districts.add(m.start("name"))  # "Kapolsek Depok Timur": a district the table does not
                break  # know, neither Depok's nor the city's
            # the capital's units are in Jakarta ("Kapolsek Metro Tanah Abang": not Tanah Abang in Sumatra Selatan)
            region = gaz.resolve(" ".join(words[:n]), "kecamatan", context | {JAKARTA} if m.group("metro") else context)
            if region is not None and region.type == "kecamatan":
                hits.append(_hit(m.start("name"), " ".join(words[:n]), region))
                break

    for m in NAME_THEN_CITY.finditer(text):  # "Polres Solok Kota", "Polres Sorong kota": the city, named the police's way
        region = gaz.resolve(m.group("name"), "kota", context)
        if region is not None and region.type == "kota":
            hits.append(_hit(m.start(), text[m.start():m.start("name") + len(m.group("name")) + 5], region))

    # a kecamatan or village named once with its keyword is the same place when named bare later
    for hit in [h for h in hits if h.type in ("kecamatan", "desa", "kelurahan")]:
        for m in re.finditer(rf"(?<![\w-]){re.escape(hit.name)}(?![\w-])", text):
            hits.append(PlaceHit(m.start(), m.end(), hit.name, hit.key, hit.name, hit.type, hit.code,
                                 hit.official, hit.within))

    countries = _countries()
    for m in _name_pattern().finditer(text):
        if m.group() in countries:
            if not _inside_a_name(text, m.start(), m.end()):
                name = countries[m.group()]
                hits.append(PlaceHit(m.start(), m.end(), m.group(), f"place:country-{slug(name)}", name, "country"))
            continue
        region = gaz.resolve(m.group(), None, context) if m.start() not in unknown_districts else None
        if region is not None:
            hits.append(_hit(m.start(), m.group(), region))

    regions_end = {h.end: h for h in hits if h.code and h.type in ("kota", "kabupaten", "provinsi")}
    for m in VENUE.finditer(text):
        name = _venue_name(m.group())
        # "Badan Koordinasi Penata Ruang Daerah": a word of a longer name; not after a post's word ("Kapolresta
        # Pulau Ambon"), nor a street (an address after a name)
        inside = INSIDE_A_NAME.search(text, max(0, m.start() - 30), m.start())
        if name is None or name in GENERIC_VENUES or inside and not name.startswith(("Jalan", "Jl")) \
                and inside.group().strip().casefold() not in post_head_words():
            continue
        # "Istana Negara Jakarta", "Lanud Roesmin Nurjadin Pekanbaru": the city after a venue is where it stands
        town = regions_end.get(m.start() + len(name))
        before = text[m.start():town.start].split() if town is not None else []
        # only of venues named for no region (a palace, an air base, a mosque): "Kantor KPU Kota Bekasi", "Hotel Ibis
        # Pontianak", "Markas Polda Riau" carry theirs
        if len(before) >= 2 and before[0] in TOWNLESS_VENUES and before[-1] not in KEYWORDS:
            name = text[m.start():town.start].rstrip(" ,")
        elif len(before) >= 3 and before[0] in HOTELS and before[-1] in ("Kota", "Kabupaten"):
            # "Hotel Grand Mercure Kota Medan": a hotel, then the town it stands in
            name = text[m.start():text.rfind(before[-1], m.start(), town.start)].rstrip(" ,")
        hits.append(PlaceHit(m.start(), m.start() + len(name), name, f"place:x-{slug(name)}", name, "venue"))
        if (number := TPS_NUMBER.match(name)) and number.end() < len(name):
            # "TPS 10 Purwokinanti": a polling station by its number and where it stands, both names of it
            hits.append(PlaceHit(m.start(), m.start() + number.end(), number.group(), f"place:x-{slug(name)}",
                                 name, "venue"))

    if dateline is not None:
        town = _dateline_places(dateline, context)
        hits.extend(town)
        # the dateline's town, not in the region table, is the same place when the body names it
        for hit in (h for h in town if not h.code):
            for m in re.finditer(rf"(?<![\w-]){re.escape(hit.name)}(?![\w-])", text[dateline.end:]):
                start = dateline.end + m.start()
                hits.append(PlaceHit(start, start + len(hit.name), hit.name, hit.key, hit.name, hit.type,
                                     within=hit.within))
    return _dedupe(_as_named_with_keyword(_polling_stations(hits)), context, text)


# a capitalised word right before a venue's keyword, not opening its sentence: the keyword is a word of a longer name;
# not a word for an area around venues ("Komplek Istana Kepresidenan", "Landasan Ulin Bandara ...")
INSIDE_A_NAME = re.compile(r"(?<![.!?\n\"“])\s(?!(?:Di|Ke|Dari|Dan|Kompleks?|Komplek|Kompek|Kawasan|Landasan)\s$)"
                           r"[A-Z][a-z]+\s$")
GENERIC_VENUES = frozenset({"Jalan Raya"})  # "Patroli Jalan Raya (PJR)", "di jalan raya": a main road, not a street's name
TOWNLESS_VENUES = frozenset({"Istana", "Lanud", "Masjid"})
HOTELS = frozenset({"Hotel", "Resort", "Wisma"})
SENTENCE_END = re.compile(r"(?<=[A-Z]{2})\.(?=\s)|\s*\n")  # "di Gedung KPU RI. Mereka ...": not an initial's point


def _venue_name(name: str) -> str | None:
    """A venue's name up to the end of its sentence or a rank or honorific the text goes on with ("Pulau Ambon
    Kombes Raja ...", "Kepala RSPAD Gatot Subroto Dr Terawan ...": the holder's name begins); None when only its
    keyword is left."""
    ends = [m.start() for m in [SENTENCE_END.search(name)] if m]
    ends += [m.start() for m in re.finditer(r"\s(\S+)", name)
             if m.group(1) in rank_short_forms() or m.group(1).rstrip(".") in abbreviated_honorifics()][:1]
    name = name[:min(ends, default=len(name))]
    return name if " " in name.strip() else None


def _polling_stations(hits: list[PlaceHit]) -> list[PlaceHit]:
    """"TPS 29" written alone is the "TPS 29 Banjar Pangkung" the article names, when it names one TPS 29."""
    named: dict[str, set[PlaceHit]] = {}
    for h in hits:
        if h.type == "venue" and (number := TPS_NUMBER.match(h.name)) and number.end() < len(h.name):
            named.setdefault(number.group(), set()).add(h)
    out = []
    for h in hits:
        full = {n.key: n for n in named.get(h.name, ())} if h.type == "venue" and TPS_NUMBER.fullmatch(h.name) else {}
        if len(full) == 1:
            n = next(iter(full.values()))
            h = replace(h, key=n.key, name=n.name)
        out.append(h)
    return out


def _as_named_with_keyword(hits: list[PlaceHit]) -> list[PlaceHit]:
    """A regency and a city often share a name (Kabupaten and Kota Jayapura, Bekasi, Bogor): where
    the article writes the name once with its keyword ("Kota Jayapura") and elsewhere bare ("JAYAPURA -",
    "Pemkot Bekasi"), the bare name is the one it named with the keyword, not a second place; so too
    where it names the city the police's way ("Polres Solok Kota")."""
    typed: dict[str, set[PlaceHit]] = {}
    for h in hits:
        if h.type in ("kabupaten", "kota") and (h.text.split()[0] in KEYWORDS or h.text.endswith((" Kota", " kota"))):
            typed.setdefault(h.name.casefold(), set()).add(h)
    out = []
    for h in hits:
        named = {t.key: t for t in typed.get(h.name.casefold(), ())}
        if h.type in ("kabupaten", "kota") and h.text.casefold() == h.name.casefold() and len(named) == 1 \
                and h.key not in named:
            t = next(iter(named.values()))
            h = PlaceHit(h.start, h.end, h.text, t.key, t.name, t.type, t.code, t.official, t.within)
        out.append(h)
    return out


NAME_BEFORE = re.compile(r"(?:^|[^\w])([A-Z][\w-]*) $")
NAME_AFTER = re.compile(r" [A-Z][a-z]")


def _inside_a_name(text: str, start: int, end: int) -> bool:
    """"Komisi Perlindungan Anak Indonesia", "Indonesia Corruption Watch", "Bank Indonesia": the country
    is a word of a name (the gold names it a place 12 times in 320 such articles), unless a post or
    the start of a sentence stands before it ("Presiden Indonesia")."""
    before = NAME_BEFORE.search(text, max(0, start - 40), start)
    if before is not None and before.group(1).casefold() in post_head_words():
        return False  # "Presiden Rusia Vladimir Putin", "Perdana Menteri India Narendra Modi"
    if before is not None and not re.search(r"[.!?\n]\s*$", text[max(0, before.start(1) - 3):before.start(1)]):
        return True
    return NAME_AFTER.match(text, end) is not None


def _context(text: str, dateline: Dateline | None) -> frozenset[str]:
    """Province codes the article is about: its dateline and unambiguous province names."""
    gaz = gazetteer()
    codes = set()
    for part in dateline.places if dateline else ():
        candidates = gaz.candidates(part.name)
        if len({r.province_code for r in candidates}) == 1:
            codes.add(candidates[0].province_code)
    for m in _name_pattern().finditer(text[:3000]):
        provinces = [r for r in gaz.candidates(m.group()) if r.type == "provinsi"]
        if provinces:
            codes.add(provinces[0].code)
    return frozenset(codes)


def _dateline_places(dateline: Dateline, context: frozenset[str]) -> list[PlaceHit]:
    """"Rantau, Tapin": Tapin is a region; Rantau, not in the table, lies in Tapin."""
    gaz = gazetteer()
    out: list[PlaceHit] = []
    resolved = [gaz.resolve(p.name, None, context) for p in dateline.places]
    for i, part in enumerate(dateline.places):
        parent = next((r for r in resolved[i + 1:] if r is not None), None)
        if resolved[i] is None and parent is not None:
            district = gaz.resolve(part.name, "kecamatan", frozenset({parent.code}))
            if district is not None and district.code.startswith(parent.code + "."):
                resolved[i] = district
    for i, (part, region) in enumerate(zip(dateline.places, resolved)):
        if region is not None:
            out.append(_hit(part.start, part.text, region))
            continue
        parent = next((r for r in resolved[i + 1:] if r is not None), None)
        prefix = parent.code if parent else "x"
        out.append(PlaceHit(part.start, part.end, part.text, f"place:{prefix}-{slug(part.name)}", part.name,
                            "place", within=region_key(parent.code) if parent else None))
    return out


POLICE_UNIT_BEFORE = re.compile(r"(?<![\w-])(?:Polda|Polres|Polsek|Polrestro|(?:Ka|Waka)pol(?:da|res|sek))\s+$")


def capital_police_metro(text: str, start: int) -> bool:
    """Whether the "Metro" at `start` is the word the capital's police units carry ("Polres Metro Jakarta
    Utara", "Kapolsek Metro Tanah Abang", "Polda Metro Jaya"), not Kota Metro in Lampung."""
    return text.startswith("Metro", start) and POLICE_UNIT_BEFORE.search(text, max(0, start - 12), start) is not None


def _dedupe(hits: list[PlaceHit], context: frozenset[str], text: str) -> list[PlaceHit]:
    """One hit per span; a region named inside a venue far from the article's provinces is dropped
    ("Selat Malaka" is no mention of Kabupaten Malaka)."""
    seen: dict[tuple[int, int], PlaceHit] = {}
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        seen.setdefault((hit.start, hit.end), hit)
    kept = list(seen.values())
    regions = [h for h in kept if h.code]
    # "Kota Madiun" is no mention of Kabupaten Madiun, though "Madiun" alone would be
    kept = [h for h in kept if not any(o is not h and o.key != h.key and o.start <= h.start and h.end <= o.end
                                       and (o.end - o.start) > (h.end - h.start) for o in regions)]
    # "Polres Metro Jakarta Selatan": the capital's police units carry "Metro"; no mention of Kota Metro
    kept = [h for h in kept if not (h.text == "Metro" and (any(o.start == h.end + 1 and o.code for o in regions)
                                                          or capital_police_metro(text, h.start)))]
    # "Lurah Sungai Jodoh M Richo": the village its head heads, then his name, no river's
    kept = [h for h in kept if not (h.type == "venue" and any(
        o.type in ("desa", "kelurahan") and o.start == h.start and o.end < h.end for o in regions))]
    venues = [h for h in kept if h.type == "venue"]
    return [h for h in kept
            if not (h.code and h.code[:2] not in context and any(v.start <= h.start and h.end <= v.end for v in venues))]
