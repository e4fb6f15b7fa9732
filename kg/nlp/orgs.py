"""Institutions: a type (KPU, Polda, Setda, a party) plus the region it serves.

"KPU Tapin", "Komisi Pemilihan Umum (KPU) Provinsi Kalimantan Selatan", "Polda Kalsel" and
"Sekretariat Daerah (Setda) Kalsel" are found from the type lexicon and the place right after
it; KPU Tapin, KPU Kalsel and KPU RI are three institutions. A bare abbreviation means the branch
the article defined it for ("Komisi Pemilihan Umum (KPU) Provinsi Bali ... KPU"), else the
national body.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from kg.nlp.places import PlaceHit
from kg.nlp.text import CUT_SLOT, NAME_WORD, alternation, slug, title_case
from kg.regions import gazetteer
from kg.resources import abbreviated_honorifics, lexicon, split_list, title_words, words

LEVEL_WORD = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota", "kecamatan": "Kecamatan"}
LEVEL = {"provinsi": "province", "kabupaten": "regency", "kota": "city", "kecamatan": "district",
         "desa": "village", "kelurahan": "village"}
POST_BEFORE = re.compile(r"\b(?:Ketua|Anggota|Komisioner|Kepala|Sekretaris|Wakil Ketua)\s+$")
GENERIC_LEVEL = re.compile(r"\s+(?:provinsi|kabupaten|kota|kecamatan|desa|kelurahan)\b(?!\s+[A-Z])")
NATIONAL_MARK = re.compile(r"\s(?:RI|Pusat|Republik Indonesia)\b")
LOWER_PREFIX = re.compile(r"(?<![\w-])[a-z]+-$")
REGULATION = re.compile(r"\b(?:[Pp]eraturan|[Kk]eputusan|[Ss]urat [Ee]daran)\s+$")  # a regulation's issuer follows
# the gap between a body's name and its region: its short form, a level word, or the slot a scraper left where it cut
# the level word ("Ketua Bawaslu  , Makassar Nursari")
AREA_GAP = re.compile(r"\s*(?:\((?P<abbr>[A-Za-z]{2,12})\)\s*)?(?:(?P<level>(?:Provinsi|Kabupaten|Kab\.|Kota|Metro)\s+)"
                      r"|(?<=\s),(?=\s+[A-Z]))?\s*")
OFFICIAL_USE = re.compile(r"\b(?:[Rr]umah|[Mm]obil|[Kk]endaraan|[Pp]erjalanan|[Pp]akaian|[Ss]eragam)\s+$")
# a group for someone, introduced with its short form: "Pro Jokowi (Projo)"; not "Jaminan Kesehatan Pro Rakyat
# (Jamkespra)", a programme
FOR_SOMEONE = re.compile(r"\bPro\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?=\s*\(Pro[a-z]{1,10}\))")
GOVERNMENTS = frozenset({"pemprov", "pemkab", "pemkot"})  # the regional governments' kinds (org_types.tsv)
WORD_OF_THE_SENTENCE = re.compile(r"\s+[a-z]")
REGIONAL_PARLIAMENT = re.compile(r"\s+DPRD(?![\w-])")
# a parliament's numbered commission, with its parliament or alone ("Wakil Ketua Komisi III Desmond J Mahesa"):
# no post runs on into it; DPRD commissions lettered A to E only with "DPRD" after them
_BARE_COMMISSION = r"Komisi\s+(?:[IVX]{1,4}|[1-9]|1[0-3])"
BARE_COMMISSION = re.compile(_BARE_COMMISSION)
COMMISSION = re.compile(rf"\b(?:{_BARE_COMMISSION}(?:\s+DPRD?(?:\s+RI)?)?|Komisi\s+[A-E]\s+DPRD)(?![\w-])")
# a parliament's working group or special committee, by what it works on: "Panitia Kerja (Panja) RUU KPK DPR",
# "Panja Minerba", "Pansus Pengkajian Ibu Kota"
BRACKETED_GROUP = re.compile(r"\s+\((?:Panja|Pansus)\)")
WORKING_GROUP = re.compile(r"\b(?:Panitia\s+(?:Kerja|Khusus)(?:\s+\((?:Panja|Pansus)\))?|Panja|Pansus)(?![\w-])"
                           r"(?:(?:\s(?!DPR)[A-Z][\w-]*){1,6}(?:\s+DPRD?(?:\s+RI)?(?![\w-]))?|\s+DPRD?(?:\s+RI)?(?![\w-]))")
# a faction's regional parliament, its region after it ("Fraksi PDI Perjuangan di DPRD Sumut")
FACTION_PARLIAMENT = re.compile(r"(?<=DPRD)|\s+di\s+DPRD(?![\w-])")
# a ticket's campaign or legal team, named by the ticket ("TKN Jokowi-Ma'ruf", "Badan Pemenangan Nasional
# Prabowo-Sandi", "Tim Pemenangan Iqbal – Dinda"); the abbreviations only before a ticket (BPN is also the land
# agency). Not "Tim Kampanye pasangan Jokowi-KH. Ma'ruf Amin": a team of the pair named, whose names are persons
TICKET = (r"[A-Z][\w'’]+(?:\s[A-Z][\w'’]+)?\s*[-–]\s*(?:KH\.?\s*)?"
          r"[A-Z][\w'’]+(?:\s[A-Z][\w'’]+(?!\s+[A-Z]))?(?![\w'’-])")
CAMPAIGN_TEAM = re.compile(rf"\b(?:(?:(?:Tim|Badan)\s+(?:Kampanye|Pemenangan)|Tim\s+(?:Sukses|Hukum|Advokasi))"
                           rf"(?:\s+(?:Nasional|Daerah|Wilayah))?(?:\s+\((?:TKN|TKD|BPN|BPD)\))?\s+{TICKET}"
                           rf"|(?:TKN|TKD|BPN)\s+{TICKET})")
TEAM_ASIDES = re.compile(r"\s+\((?:TKN|TKD|BPN|BPD)\)(?=\s)|(?<=[-–])\s*KH\.?\s*")
SCHOOL = re.compile(rf"\b(?:SDN|SMPN|SMAN|SMKN|MTsN|SD Negeri|SMP Negeri|SMA Negeri|SMK Negeri)"
                    rf"(?:\s(?:{NAME_WORD}|\d{{1,3}}(?![\d/]))){{1,3}}")
# the words that open a college's name ("Universitas Jember", "UIN Mataram", "Sekolah Tinggi Hukum ...")
COLLEGE_WORDS = r"Universitas|Institut|IAIN|UIN|STAIN|Politeknik|Sekolah Tinggi"
GENERIC = re.compile(
    rf"\b(?:{COLLEGE_WORDS}|Yayasan|Lembaga|Komunitas|"
    r"Dinas|Badan|Komisi|Kementerian|Direktorat)"
    rf"(?:\s(?:{NAME_WORD}|dan)){{1,5}}")


@dataclass(frozen=True)
class OrgType:
    key: str
    abbreviations: tuple[str, ...]
    full: str
    area_rule: str
    national_level: str
    level_word: bool


@dataclass(frozen=True)
class OrgHit:
    start: int
    end: int
    text: str
    key: str
    label: str
    type: str
    area: str | None = None  # place key
    level: str | None = None
    alt_labels: tuple[str, ...] = field(default=())
    implied: bool = False  # by a post alone ("Kapolres"), not named; kept only where the article places it


@cache
def org_types() -> dict[str, OrgType]:
    return {row[0]: OrgType(row[0], split_list(row[1]), row[2], row[3], row[4], row[5] == "yes")
            for row in lexicon("org_types")}


@cache
def institution_short_forms() -> frozenset[str]:
    """The short forms of kg/lexicons/org_types.tsv ("Dinkes", "Polres", "KPU"): an institution's words, no
    word of a name nor the first of a post."""
    return frozenset(a for t in org_types().values() for a in t.abbreviations)


@cache
def _head_pattern() -> re.Pattern[str]:
    forms = []
    for t in org_types().values():
        forms += [*t.abbreviations, t.full]
    return re.compile(rf"(?<!\w)(?P<head>{alternation(forms)})(?!\w)(?!-[a-z])")  # "TNI-Polri" is two


@cache
def _form_to_type() -> dict[str, OrgType]:
    out = {}
    for t in org_types().values():
        for form in (*t.abbreviations, t.full):
            out[form] = t
    return out


@cache
def _parties() -> tuple[re.Pattern[str], dict[str, tuple[str, str, tuple[str, ...]]]]:
    table = {}
    for short, full, others, *_ in lexicon("parties"):
        entry = (short, full, split_list(others))
        for form in (short, full, *split_list(others)):
            table[form] = entry
    # not a company's name that holds a party's ("PT Garuda Indonesia")
    return re.compile(rf"(?<![\w-])(?<!\bPT\s)(?:[Pp]artai\s)?(?:{alternation(table)})(?![\w-])"), table


BOARD_DEFINED = re.compile(r"\bDewan\s+Pimpinan\s+Daerah\s*\(DPD\)")


def find_orgs(text: str, places: list[PlaceHit]) -> list[OrgHit]:
    """Every institution mention, each with its branch region when the text gives one."""
    place_at = {p.start: p for p in sorted(places, key=lambda p: p.end - p.start)}
    hits: list[OrgHit] = []
    defined: dict[str, OrgHit] = {}  # abbreviation → branch it was introduced for
    party_after = _parties()[0]
    boards = any(_party_board(text, m.start(), m.end(), party_after) for m in DPD.finditer(text)) \
        or BOARD_DEFINED.search(text) is not None  # "Dewan Pimpinan Daerah (DPD) Korps Alumni KNPI": the article's DPD
    for m in _head_pattern().finditer(text):
        if LOWER_PREFIX.search(text, max(0, m.start() - 12), m.start()):
            continue  # "anti-KPK", "pro-Polri": a word made with the name, not the institution ("Polri-TNI" is two)
        if WORD_OF_THE_SENTENCE.match(text, m.end()) and m.group("head").casefold() in words("function_words") \
                and not m.group("head").isupper():
            continue  # "Antara lain, ...": the word ("among"), not the news agency
        otype = _form_to_type()[m.group("head")]
        senate = NATIONAL_MARK.search(m.group()) or NATIONAL_MARK.match(text, m.end())
        if otype.key == "dpd" and (_party_board(text, m.start(), m.end(), party_after) or boards and not senate
                                   or _board_of(text, m.end(), place_at)):
            continue  # "DPD Partai Golkar", "DPD II Golkar", "DPP, DPW, DPD", "DPD KNPI": a party's or an
            # organisation's board, not the senate; so is a bare "DPD" ("DPD Jatim", "pengurus DPD itu") in an
            # article that names a party's board
        if otype.area_rule == "none" and REGIONAL_PARLIAMENT.match(text, m.end()):
            continue  # "Baleg DPRD Jatim": a regional parliament's body, not the national one of that name
        if otype.area_rule == "none" and (office := _representative_office(text, m.start(), m.end(), otype, place_at)):
            hits.append(office)
            continue
        number = _unit_number().match(text, m.end()) if otype.key in NUMBERED_UNITS else None
        if number:  # "Kodim 0502", "Korem 143/Haluoleo": the unit's number names it across the country
            name = f"{otype.full} {number.group('id')}"
            hits.append(OrgHit(m.start(), number.end(), text[m.start():number.end()],
                               f"org:{otype.key}-{slug(number.group('id'))}", name, otype.key, None, otype.national_level,
                               (text[m.start():number.end()],)))
            continue
        gap, place = _place_after(text, m.end(), place_at)
        metro = re.search(r"Metro\s+$", gap.group()) if gap and place is None else None
        if metro:  # "Polda Metro Jaya": "Metro" begins the region's name here
            place = place_at.get(m.end() + metro.start())
        if place is not None and place.type not in ("country", "venue", "place") and otype.area_rule != "none":
            end = place.end
            abbr = gap.group("abbr")
            hit = _branch(text, m.start(), end, otype, place, abbr)
            hit = _city_office(text, hit, otype.full, place) or hit
            if abbr and abbr in otype.abbreviations:
                defined[abbr] = hit
            hits.append(hit)
            continue
        national = NATIONAL_MARK.match(text, m.end())
        if not national and otype.area_rule != "none" and GENERIC_LEVEL.match(text, m.end()):
            continue  # "calon DPRD provinsi, kota", "KPU kabupaten/kota": a kind of branch, not one institution
        end = national.end() if national else m.end()
        if gap and gap.group("abbr"):
            end = m.end() + len(gap.group().rstrip())
        head = m.group("head")
        if not national and POST_BEFORE.search(text, max(0, m.start() - 30), m.start()) and \
                any(h.type == otype.key and h.area for h in hits):
            continue  # "Ketua KPU" in an article about KPU branches: which branch is not said
        if head in defined and not national:
            branch = defined[head]
            hits.append(OrgHit(m.start(), end, text[m.start():end], branch.key, branch.label, branch.type,
                               branch.area, branch.level, (text[m.start():end],)))
            continue
        hits.append(OrgHit(m.start(), end, text[m.start():end], f"org:{otype.key}", otype.full,
                           otype.key, None, otype.national_level,
                           (text[m.start():end], *otype.abbreviations, otype.full)))
    hits += _party_hits(text, place_at)
    region_ends = sorted(p.end for p in places if p.code)
    typed_starts = {h.start for h in hits}
    for m in GENERIC.finditer(text):
        if m.start() in typed_starts:
            continue  # "Ketua Komisi Pemilihan Umum Hasyim Asy’ari": the typed institution, then a name
        if (commission := COMMISSION.match(text, m.start())) and BARE_COMMISSION.fullmatch(commission.group()):
            continue  # "Komisi I Adang Sudirman": a commission, then a name (COMMISSION below takes it)
        if m.group().startswith("Dinas") and OFFICIAL_USE.search(text, max(0, m.start() - 20), m.start()):
            continue  # "Rumah Dinas Wali Kota Solo", "mobil dinas": for official use, not an agency
        # "Dinas Kominfo Kalteng Agus Siswadi": an institution's name ends with its region
        cut = next((e for e in region_ends if m.start() < e <= m.end()), m.end())
        # "Rektor Universitas Halu Oleo Prof. Muhammad ...": an abbreviated honorific opens the holder's name
        title = next((w for w in re.finditer(r"\s(\S+)", text[m.start():cut])
                      if w.group(1).rstrip(".") in abbreviated_honorifics()), None)
        cut = m.start() + title.start() if title else cut
        name = re.sub(r"\s+dan$", "", text[m.start():cut])
        hit = OrgHit(m.start(), m.start() + len(name), name, f"org:x-{slug(name)}", name, "other")
        region = next((p for p in places if p.code and p.end == hit.end and p.start > hit.start), None)
        office = _city_office(text, hit, text[hit.start:region.start].rstrip(), region) if region else None
        hits.append(office or _agency_of_region(text, hit, place_at) or hit)
    # "SDN Cilincing 07", "SMA Negeri 1 Bireuen": a state school; "Komisi III DPR RI", "Panja RKUHP",
    # "Fraksi Partai Golkar": a parliament's commission, working group or party faction
    for kind, pattern in (("other", SCHOOL), ("other", COMMISSION), ("other", WORKING_GROUP),
                          ("other", FOR_SOMEONE),
                          ("faction", _faction())):
        for m in pattern.finditer(text):
            end = m.end()
            regional = FACTION_PARLIAMENT.match(text, end) if kind == "faction" else None
            if regional and (place := _place_after(text, regional.end(), place_at)[1]):
                end = place.end  # "Fraksi PDI Perjuangan di DPRD Sumut": the faction in that region's parliament
            elif pattern is COMMISSION and m.group().endswith("DPRD") and (place := _place_after(text, end, place_at)[1]) \
                    and place.code:
                end = place.end  # "Komisi A DPRD Jawa Barat": the commission of that region's parliament
            # "Panitia Kerja (Panja) DPR": no "(Panja)"; "Fraksi PDI Perjuangan di DPRD Sumut": no "di"
            name = " ".join(re.sub(r"\s+di(?=\s+(?:DPRD?|MPR)\b)", "",
                                   BRACKETED_GROUP.sub("", text[m.start():end])).split())
            hits.append(OrgHit(m.start(), end, text[m.start():end], f"org:x-{slug(name)}", name, kind))
    for m in CAMPAIGN_TEAM.finditer(text):  # its name holds persons' names: no name cuts it (kg.nlp.extract)
        name = " ".join(TEAM_ASIDES.sub("", m.group()).split())  # "Tim Kampanye Nasional Jokowi-Ma'ruf Amin"
        hits.append(OrgHit(m.start(), m.end(), m.group(), f"org:x-{slug(name)}", name, "campaign_team",
                           alt_labels=(m.group(),) if name != m.group() else ()))
    kept = [h for h in _outermost(hits) if not _in_rank(text, h)]
    factions = [h for h in kept if h.type == "faction"]
    kept += [h for h in hits if h.type == "party" and any(f.start < h.start and h.end <= f.end for f in factions)]
    kept += _defined_with_short_form(text, kept, places)
    return _commissions_placed(_bare_as_branch(text, sorted(kept, key=lambda h: (h.start, -h.end)),
                                               {p.code for p in places if p.code}))  # a faction names its party too


# a name of capitalised words, then its short form in brackets: "Forum Komunikasi Anak Papua (Forkap)"
DEFINED_SHORT_FORM = re.compile(rf"(?P<name>(?:{NAME_WORD}\s+(?:dan\s+)?){{2,8}})"
                                r"\((?P<abbr>[A-Z][\w-]+(?:\s[A-Z][\w-]*){0,3})\)")


def short_forms_defined(text: str, opening: str = "institution_opens") -> list[re.Match[str]]:
    """The article's institutions named with their short form in brackets: the name opens with a word of
    the lexicon `opening` (kg/lexicons/institution_opens.tsv: "Forum", "Aliansi", not "Rumah Sakit" or
    "Sekolah", a kind of place; org_words.tsv: any word of institutions' names) and the short form with
    the first letter of the name or of its second word."""
    return [m for m in DEFINED_SHORT_FORM.finditer(text)
            if (name := m.group("name").split())[0] in words(opening) and title_case(name)
            and m.group("abbr")[0] in (name[0][0], name[1][0])]  # "Biro Humas dan Protokol (Humpro)"


def _defined_with_short_form(text: str, hits: list[OrgHit], places: list[PlaceHit]) -> list[OrgHit]:
    """An institution no other rule names, introduced with its short form ("Forum Komunikasi Anak Papua
    (Forkap)"), and each mention of the short form alone after it ("Ketum Forkap Semmy Jenggu")."""
    taken = [(h.start, h.end) for h in hits] + [(p.start, p.end) for p in places]
    out = []
    for m in short_forms_defined(text):
        inside = [(p.start, p.end) for p in places if m.start() < p.start and p.end <= m.end()]  # "Anak Papua"
        name, abbr = " ".join(m.group("name").split()), m.group("abbr")
        if any(s < m.end() and m.start() < t for s, t in taken if (s, t) not in inside):
            continue
        key = f"org:x-{slug(name)}"
        out.append(OrgHit(m.start(), m.end(), m.group(), key, name, "other", alt_labels=(abbr,)))
        for later in re.finditer(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])", text[m.end():]):
            start = m.end() + later.start()
            if not any(s < start + len(abbr) and start < t for s, t in taken):
                out.append(OrgHit(start, start + len(abbr), abbr, key, name, "other", alt_labels=(abbr,)))
    return out


NUMBERED_UNITS = frozenset({"korem", "kodim", "kodam"})


@cache
def _unit_number() -> re.Pattern[str]:
    """A numbered unit's number and name ("Kodim 0502", "Korem 043/Garuda Hitam", a Kodam's Roman numeral with
    its name: "Kodam XVII/Cendrawasih"), also after a post's abbreviation in brackets ("Kodam (Kapendam)
    XVII/Cendrawasih"); not the rank of the commander named after it ("Korem 152/Baabulah Kolonel Inf Endro
    Satoto")."""
    ranks = alternation(title_words())
    return re.compile(rf"(?:\s*\([A-Za-z]{{2,12}}\))?\s+(?P<id>(?:\d{{2,4}}|[IVX]{{1,5}}(?=\s*/))"
                      rf"(?:\s*/\s*[A-Z][\w-]+(?:\s(?!(?:{ranks})\b)[A-Z][\w-]+)?)?)(?![\w/])")


RANK_BEFORE = re.compile(r"(\S+)\s+$")


REGIONAL_AGENCY = re.compile(r"(?:Dinas|Badan)\s")


def _place_after(text: str, end: int, place_at: dict[int, PlaceHit]) -> tuple[re.Match[str], PlaceHit | None]:
    """The gap after a name (its abbreviation, a level word) and the region right after it: "KPU (KPU)
    Kota Bekasi", where the place found may begin at the level word ("Kota Bekasi")."""
    gap = AREA_GAP.match(text, end)
    place = place_at.get(gap.end())
    if place is None and gap.group("level"):
        place = place_at.get(gap.start("level"))
    return gap, place


REPRESENTATIVE = re.compile(r"(?:\s+RI)?\s+Perwakilan\s+")  # "BPK RI Perwakilan Provinsi Gorontalo"


def _representative_office(text: str, start: int, end: int, otype: OrgType,
                           place_at: dict[int, PlaceHit]) -> OrgHit | None:
    """"BPK RI Perwakilan Provinsi Gorontalo", "Ombudsman Perwakilan Sulawesi Selatan": a national body's office
    in a province, the body of the table having no branch otherwise."""
    office = REPRESENTATIVE.match(text, end)
    if office is None:
        return None
    place = _place_after(text, office.end(), place_at)[1]
    if place is None or not place.code:
        return None
    region = branch_label(replace(otype, full="", level_word=True), place).strip()  # "Provinsi Gorontalo"
    label = f"{otype.full} Perwakilan {region}"
    short = otype.abbreviations[0] if otype.abbreviations else otype.full
    alts = {text[start:place.end], f"{short} Perwakilan {place.name}", f"{otype.full} Perwakilan {place.name}"}
    return OrgHit(start, place.end, text[start:place.end], f"org:{otype.key}-perwakilan-{place.code}", label,
                  otype.key, place.key, LEVEL.get(place.type), tuple(sorted(alts - {label})))


CITY_OFFICE_BEFORE = re.compile(r"\bSuku\s+$")


def _city_office(text: str, hit: OrgHit, agency: str, place: PlaceHit) -> OrgHit | None:
    """"Suku Dinas Perhubungan Jakarta Timur": the office of agency `agency` in one of Jakarta's
    cities, an institution of its own (the province's "Dinas Perhubungan DKI Jakarta" is another),
    whose name "Suku" opens: a unit head's post stops before it ("Kepala Seksi Lalu Lintas")."""
    before = CITY_OFFICE_BEFORE.search(text, max(0, hit.start - 8), hit.start)
    if before is None or not agency.startswith("Dinas "):
        return None
    label = f"Suku {agency} {place.name}"
    written = text[before.start():hit.end]
    alts = {written, f"Sudin {agency.removeprefix('Dinas ')} {place.name}"}
    return OrgHit(before.start(), hit.end, written, f"org:sudin-{hit.key.removeprefix('org:')}", label, "other",
                  hit.area, hit.level, tuple(sorted(alts - {label})))


def _agency_of_region(text: str, hit: OrgHit, place_at: dict[int, PlaceHit]) -> OrgHit | None:
    """"Dinas Perhubungan DKI Jakarta", "Badan Perencanaan Pembangunan Daerah (Bappeda) Kota Bekasi": a
    region's agency, named with the region right after it (its abbreviation may stand between)."""
    if not REGIONAL_AGENCY.match(hit.text):
        return None
    gap, place = _place_after(text, hit.end, place_at)
    if place is None or not place.code:
        return None
    region = text[gap.start("level") if gap.group("level") else place.start:place.end]
    label = f"{hit.text} {region}"
    alts = {text[hit.start:place.end], f"{hit.text} {place.name}"}
    if gap.group("abbr"):
        alts |= {f"{gap.group('abbr')} {region}", f"{gap.group('abbr')} {place.name}"}
    agency = OrgHit(hit.start, place.end, text[hit.start:place.end], f"org:x-{slug(label)}", label, "other",
                    place.key, LEVEL.get(place.type), tuple(sorted(alts - {label})))
    return _city_office(text, agency, hit.text, place) or agency


def _in_rank(text: str, hit: OrgHit) -> bool:
    """"Mayjen TNI Herman", "Brigjen Pol Dedi": TNI and Pol of a rank name no institution."""
    before = RANK_BEFORE.search(text, max(0, hit.start - 30), hit.start)
    return before is not None and f"{before.group(1)} {hit.text}" in words("ranks")


DPD = re.compile(r"\bDPD\b")
PARTY_BOARDS = re.compile(r"\b(?:DPP|DPW|DPC|DPAC)\b")
BOARD_LEVEL = re.compile(r"\s+I{1,2}\b")  # "DPD II": a regency's board


BOARD_OF = re.compile(r"\s+(?:I{1,2}\s+)?(?P<abbr>[A-Z]{2,8})(?![\w-])")


BOARD_OF_NAMED = re.compile(r"\s+(?P<name>[A-Z][a-z]+)\s+[A-Z][a-z]+")


def _board_of(text: str, end: int, place_at: dict[int, PlaceHit]) -> bool:
    """Whether "DPD" ending at `end` is the regional board of the organisation whose abbreviation or name
    (opened by an institution's word) follows it ("Ketua Umum DPD KNPI Provinsi Jambi", "DPD Komite
    Nasional Pemuda Indonesia"), not the senate of a region ("DPD NTB", "DPD RI", "DPD La Nyalla")."""
    m = BOARD_OF.match(text, end)
    if m is not None:
        return m.group("abbr") != "RI" and m.start("abbr") not in place_at
    m = BOARD_OF_NAMED.match(text, end)
    return m is not None and m.group("name") in words("org_words")


def _party_board(text: str, start: int, end: int, party: re.Pattern[str]) -> bool:
    """Whether "DPD" at [start, end) is a party's regional board: a party (after "I" or "II", the
    board's level) follows it, or the other boards of a party stand beside it ("DPP, DPW, DPD",
    "Ketua DPD dan DPW")."""
    level = BOARD_LEVEL.match(text, end)
    return bool(party.match(text, (level.end() if level else end) + 1)
                or PARTY_BOARDS.search(text, max(0, start - 30), end + 30))


def article_local(hit: OrgHit, article_slug: str) -> OrgHit:
    """An office the text does not place ("Kepolisian Resor", "Kejaksaan Negeri" with no region) is a
    node of this article: one shared by every article would join every such office in the country.
    National bodies ("KPU", "DPR") stay one node."""
    otype = org_types().get(hit.type)
    if hit.area is None and otype is not None and hit.level != "national" and hit.key == f"org:{hit.type}":
        return replace(hit, key=f"{hit.key}--{article_slug}")
    return hit


def is_article_local(hit: OrgHit) -> bool:
    """Whether `article_local` made `hit` a node of its article only."""
    return hit.key.startswith(f"org:{hit.type}--")


def placed_by_article(hits: list[OrgHit], places: list[PlaceHit]) -> list[OrgHit]:
    """An office the text does not place ("Kapolres", "Polres", "Kodim") is the one of the region the
    article is about when the article names exactly one region of its level: the one regency or city
    for a Polres, the one province for a Polda. A regional body of either level ("DPRD", "Pemda") is the
    one regency's or city's, else the one province's when the article names no regency. "KPU" and
    "Bawaslu" (national bodies too) stay as they are, and so does every office in an article naming two
    regions of its level."""
    gaz = gazetteer()
    regions = {p.code for p in places if p.code}
    regions |= {h.area.partition(":")[2] for h in hits if h.area}
    by_level = {"province": {c[:2] for c in regions},
                "regency": {c[:5] for c in regions if c.count(".") >= 1}}
    by_level["city"] = {c for c in by_level["regency"] if c[3] == "7"}  # Kemendagri numbers cities 71-99
    by_level["kabupaten"] = by_level["regency"] - by_level["city"]
    written = {p.code: p for p in reversed(places) if p.code}  # the region as the article writes it ("Fakfak")
    out = []
    for h in hits:
        otype = org_types().get(h.type)
        level = "kabupaten" if h.type == "pemkab" else otype.national_level if otype else None
        codes = by_level.get(level or "", set())
        if otype is not None and otype.level_word and level != "national":  # DPRD, Pemda
            codes = by_level["regency"] or by_level["province"]
        if h.area is None and otype is not None and level != "national" and h.key == f"org:{h.type}" \
                and len(codes) == 1 and (region := gaz.get(next(iter(codes)))) is not None:
            place = written.get(region.code) or PlaceHit(h.start, h.end, region.name, f"place:{region.code}",
                                                         region.name, region.type, region.code, region.official)
            branch = _branch(h.text, 0, len(h.text), otype, place, None)
            h = replace(branch, start=h.start, end=h.end, text=h.text,
                        alt_labels=tuple(sorted(set(branch.alt_labels) | set(h.alt_labels) - {branch.label})))
        out.append(h)
    return out


def _bare_as_branch(text: str, hits: list[OrgHit], region_codes: set[str]) -> list[OrgHit]:
    """A bare "Bawaslu" after "Bawaslu Sumbawa" is that branch, as news writes it once the branch is
    named: the nearest branch of its kind before it, unless the article also names the national body
    ("Bawaslu RI"), when the bare name could be either. A bare name before any branch is the article's
    only branch of its kind when the kind has no national body ("Polres", "DPRD"), when the article
    introduces it in full with its abbreviation ("Komisi Pemilihan Umum (KPU) resmi mengesahkan ..." in
    an article on KPU Karawang), or when the article names no wider region around the branch's ("saksi
    dan Bawaslu", then "Bawaslu Kota Palembang"); in an article that names a province and a branch of
    one of its regencies a bare "KPU" may be the national body, and stays it. A bare name
    that issues a regulation ("Peraturan KPU", "Keputusan KPU Nomor 1363") is the national body."""
    national = {h.type for h in hits if h.area is None and NATIONAL_MARK.search(h.text)}
    branches: dict[str, dict[str, OrgHit]] = {}
    for h in hits:
        if h.area is not None:
            branches.setdefault(h.type, {})[h.key] = h
    wider = {f"place:{code}." for code in region_codes}  # "place:63." opens the keys of Kalsel's regencies
    out: list[OrgHit] = []
    for h in hits:
        if h.area is None and h.type in org_types() and h.type not in national and h.key == f"org:{h.type}" \
                and not REGULATION.search(text, max(0, h.start - 30), h.start):
            before = [b for b in out if b.type == h.type and b.area is not None and b.end <= h.start]
            only = list(branches.get(h.type, {}).values())
            introduced = "(" in h.text or org_types()[h.type].national_level != "national" or (
                len(only) == 1 and not any(only[0].area.startswith(w) for w in wider))
            b = before[-1] if before else only[0] if len(only) == 1 and introduced else None
            if b is not None:
                h = OrgHit(h.start, h.end, h.text, b.key, b.label, b.type, b.area, b.level, (h.text,))
        out.append(h)
    return out


PARLIAMENT_SHORT = (("Dewan Perwakilan Rakyat Daerah", "DPRD"), ("Dewan Perwakilan Rakyat", "DPR"))


PARLIAMENT_ORGANS = frozenset({"baleg", "banggar", "bamus", "mkd"})  # the DPR's bodies of org_types.tsv, DPRDs have theirs


def _commissions_placed(hits: list[OrgHit]) -> list[OrgHit]:
    """A bare "Komisi I" is a commission of the one parliament the article names: "Komisi I DPRD
    Kabupaten Pangandaran" in an article on that DPRD, "Komisi III DPR" in one that names the DPR;
    it stays bare where the article names several parliaments or none. So is a parliament's body
    named bare ("Banggar", "Badan Musyawarah") in an article on one DPRD."""
    parliaments = {h.key: h for h in hits if h.type in ("dpr", "dprd")}
    if len(parliaments) != 1:
        return hits
    (parliament,) = parliaments.values()
    house = parliament.label
    for full, short in PARLIAMENT_SHORT:
        house = house.replace(full, short)
    out = []
    for h in hits:
        organ = parliament.type == "dprd" and h.type in PARLIAMENT_ORGANS and "DPR" not in h.text
        if h.type == "other" and BARE_COMMISSION.fullmatch(h.label) or organ:
            # "Banggar" in an article on one DPRD and no DPR: that DPRD's budget body
            bare = org_types()[h.type].full.removesuffix(" DPR") if organ else h.label
            name = f"{bare} {house}"
            h = OrgHit(h.start, h.end, h.text, f"org:x-{slug(name)}", name, "other", parliament.area,
                       parliament.level, (h.text,))
        out.append(h)
    return out


def branch_area(otype: OrgType, place: PlaceHit) -> str:
    """The name a branch carries for its region: "Polda Metro Jaya", not "Polda DKI Jakarta"
    (lexicons/branch_names.tsv), else the region's; a city named the police's way keeps its "Kota"
    ("Polres Sorong Kota": not the Polres of the regency of Sorong)."""
    if place.type == "kota" and place.text.endswith((" Kota", " kota")):
        return f"{place.name} Kota"
    return _branch_names().get((otype.key, place.code or ""), place.name)


def in_branch_name(place: PlaceHit, names: Sequence[OrgHit | PlaceHit]) -> bool:
    """Whether `place` is the name a branch carries inside a name that holds it ("Metro Jaya" of "Polda
    Metro Jaya", of the venue "Mapolda Metro Jaya"): the branch's name, not a place the text names."""
    return place.text in _branch_names().values() and any(o.start <= place.start and place.end <= o.end
                                                           for o in names if o is not place)


def in_college_name(place: PlaceHit, names: Sequence[OrgHit]) -> bool:
    """Whether `place` is a word of the name of a college named after a region ("Universitas Jember", "UIN Mataram",
    "Universitas Muhammadiyah Malang"): no place the text names there (the gold names one in 1 of 41 such names)."""
    return any(o.start <= place.start and place.end <= o.end and COLLEGE.match(o.text) for o in names)


COLLEGE = re.compile(rf"(?:{COLLEGE_WORDS}|Akademi|STIE|STIKES|STIKes)\b")


@cache
def _branch_names() -> dict[tuple[str, str], str]:
    return {(row[0], row[1]): row[2] for row in lexicon("branch_names")}


def branch_label(otype: OrgType, place: PlaceHit) -> str:
    """A branch's official name: the type, the region's level where the type names it, the region
    ("Komisi Pemilihan Umum Kabupaten Tapin", "Sekretariat Daerah Kota Blitar", "Kepolisian Daerah Metro Jaya")."""
    level_word = LEVEL_WORD.get(place.type, "") if otype.level_word else ""
    return " ".join(x for x in (otype.full, level_word, branch_area(otype, place)) if x)


def _branch(text: str, start: int, end: int, otype: OrgType, place: PlaceHit, abbr: str | None) -> OrgHit:
    area_name = branch_area(otype, place)
    label = branch_label(otype, place)
    if place.type == "kota" and not otype.level_word and not label.endswith(f"Kota {area_name}") \
            and re.search(rf"\bKota\s+{re.escape(place.text)}$", text[start:end]):
        label = f"{otype.full} Kota {area_name}"  # "Polres Kota Tangerang": not the regency of Tangerang's
    short_abbr = otype.abbreviations[0] if otype.abbreviations else otype.full
    alts = {text[start:end], f"{short_abbr} {area_name}", f"{otype.full} {area_name}", f"{short_abbr} {place.text}"}
    if abbr:
        alts.add(f"{abbr} {place.text}")
    alts = {a for a in alts if not CUT_SLOT.search(a)}  # "Bawaslu  , Makassar" as written: no name of it
    return OrgHit(start, end, text[start:end], f"org:{otype.key}-{place.code or slug(place.name)}", label,
                  otype.key, place.key, LEVEL.get(place.type), tuple(sorted(alts - {label})))


BOARD_BEFORE = re.compile(r"\b(?:(?P<abbr>DPD|DPW|DPC|DPAC)(?:\s+I{1,2})?|Dewan\s+Pimpinan\s+(?P<full>Daerah|Wilayah|"
                          r"Cabang|Anak\s+Cabang)(?:\s*\((?:DPD|DPW|DPC|DPAC)\))?)\s+$")
COUNCIL_BEFORE = re.compile(r"\b(?:Dewan|Majelis)\s+[A-Z][a-z]+\s+$")  # "Dewan Pembina", "Majelis Syuro"
CENTRAL_BOARD_BEFORE = re.compile(r"\b(?:DPP|Dewan\s+Pimpinan\s+Pusat(?:\s*\(DPP\))?)\s+$")
BOARDS = {"Daerah": "DPD", "Wilayah": "DPW", "Cabang": "DPC", "Anak Cabang": "DPAC"}
BOARD_NAMES = {abbr: f"Dewan Pimpinan {full}" for full, abbr in BOARDS.items()}


SHARED_ABBREVIATIONS = frozenset({"PBB"})  # a party's abbreviation that names something else more often


@cache
def _faction() -> re.Pattern[str]:
    """A party's faction in a parliament: "Fraksi Partai Golkar", "Fraksi PKS DPR RI", "Fraksi NasDem MPR"."""
    return re.compile(rf"\b[Ff]raksi\s+(?:{_parties()[0].pattern})(?:\s+(?:DPRD?|MPR)(?:\s+RI)?(?![\w-]))?")


def _party_hits(text: str, place_at: dict[int, PlaceHit]) -> list[OrgHit]:
    """Parties, and a party's regional board where a board word comes before the party and a region
    after it ("DPD PDIP Jawa Barat", "Dewan Pimpinan Cabang Partai Golkar Kabupaten Kolaka Utara"): an
    institution of its own, as "KPU Kota Bekasi" is not the KPU; so is a party with a region right after it
    ("PDIP Sumut"), its branch there."""
    pattern, table = _parties()
    out = []
    boards: dict[str, OrgHit] = {}  # a board by the key its party's branch there would have
    branches: set[str] = set()
    for m in pattern.finditer(text):
        form = re.sub(r"^[Pp]artai\s", "", m.group())
        short, full, others = table.get(m.group()) or table[form]
        if m.group() in SHARED_ABBREVIATIONS and full not in text and not any(
                o.group() not in SHARED_ABBREVIATIONS for o in pattern.finditer(text, max(0, m.start() - 40), m.end() + 40)):
            continue  # "dukungan PBB kepada Afghanistan": the United Nations; "Gelora, PBB, Hanura": the party
        board = BOARD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        gap, place = _place_after(text, m.end(), place_at)
        central = CENTRAL_BOARD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if central and (place is None or not place.code or place.type == "country") and not COUNCIL_BEFORE.search(
                text, max(0, central.start() - 30), central.start()):
            # "Ketua DPP PDI Perjuangan", "Dewan Pimpinan Pusat (DPP) Partai Golkar": the party's central board; a
            # council's post before it ("Ketua Dewan Pembina DPP Partai Golkar") is held in the party
            label = f"Dewan Pimpinan Pusat {full}"
            alts = {text[central.start():m.end()], f"DPP {short}", f"DPP {form}", f"DPP {full}"}
            out.append(OrgHit(central.start(), m.end(), text[central.start():m.end()], f"org:party-{slug(short)}-dpp",
                              label, "party_board", None, "national", tuple(sorted(alts - {label}))))
            continue
        if board and place is not None and place.code and place.type != "country":
            abbr = board.group("abbr") or BOARDS[" ".join(board.group("full").split())]
            label = f"{BOARD_NAMES[abbr]} {full} {place.name}"
            alts = {text[board.start():place.end], f"{abbr} {short} {place.name}", f"{abbr} {short} {place.text}",
                    f"{abbr} {full} {place.name}"}
            out.append(OrgHit(board.start(), place.end, text[board.start():place.end],
                              f"org:party-{slug(short)}-{abbr.lower()}-{place.code}", label, "party_board", place.key,
                              LEVEL.get(place.type, place.type), tuple(sorted(alts - {label}))))
            boards.setdefault(f"org:party-{slug(short)}-{place.code}", out[-1])
            continue
        if place is not None and place.code and place.type in ("provinsi", "kabupaten", "kota") \
                and not text[m.end():place.start].strip():
            # "Ketua PDIP Sumut Japorman Saragih", "Sekretaris Wilayah Perindo Sumut": the party's branch there
            label = f"{full} {place.name}"
            alts = {text[m.start():place.end], f"{short} {place.name}", f"{short} {place.text}"}
            out.append(OrgHit(m.start(), place.end, text[m.start():place.end], f"org:party-{slug(short)}-{place.code}",
                              label, "party_board", place.key, LEVEL.get(place.type, place.type),
                              tuple(sorted(alts - {label}))))
            branches.add(out[-1].key)
            continue
        out.append(OrgHit(m.start(), m.end(), m.group(), f"org:party-{slug(short)}", full, "party", None,
                          "national", tuple(sorted({m.group(), short, *others} - {full}))))
    out = [_as_board(h, boards) if h.type == "party_board" and h.key in branches else h for h in out]
    return out + _bare_central_boards(text, out)


BARE_CENTRAL_BOARD = re.compile(r"\bDPP\b")


def _bare_central_boards(text: str, hits: list[OrgHit]) -> list[OrgHit]:
    """"Ketua DPP Bidang Ideologi Djarot" in an article that names one party's central board ("Sekjen DPP PDI
    Perjuangan Hasto"): a bare "DPP" is that board; not one inside a hit, nor one right before a hit (the party
    after a council's post: "Ketua Dewan Pembina DPP Partai Golkar")."""
    central = {h.key: h for h in hits if h.type == "party_board" and h.key.endswith("-dpp")}
    if len(central) != 1:
        return []
    board = next(iter(central.values()))
    return [replace(board, start=m.start(), end=m.end(), text=m.group()) for m in BARE_CENTRAL_BOARD.finditer(text)
            if not any(h.start <= m.start() < h.end or 0 < h.start - m.end() <= 1 for h in hits)]


def _as_board(branch: OrgHit, boards: dict[str, OrgHit]) -> OrgHit:
    """A party named with a region alone ("PDIP Jatim") is the board the article names for that party there
    ("DPD PDIP Jawa Timur"), when it names one: one institution, not two."""
    board = boards.get(branch.key)
    if board is None:
        return branch
    return replace(branch, key=board.key, label=board.label,
                   alt_labels=tuple(sorted({*branch.alt_labels, branch.text} - {board.label})))


def _outermost(hits: list[OrgHit]) -> list[OrgHit]:
    """Drop a hit that lies inside a longer one ("KPU" inside "Komisi Pemilihan Umum (KPU) Bali")."""
    hits = sorted(hits, key=lambda h: (h.start, -(h.end - h.start)))
    out: list[OrgHit] = []
    for hit in hits:
        if out and hit.start < out[-1].end:
            continue
        out.append(hit)
    return out
