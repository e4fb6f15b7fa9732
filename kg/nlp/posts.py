"""Posts and who holds them: "Kapolda Kalsel Irjen Pol Winarto", "Ketua KPU Tapin Fakhrian Noor",
"Fakhrian Noor, Ketua KPU Tapin", "X selaku Y", "Asisten II Bidang ... Setda Kalsel Nurul Fajar".

An acronym post names its institution (Kapolda Kalsel → the Polda of Kalimantan Selatan); a head
post takes the institution written after it; a regional office (Bupati Tapin) has none. Acting
(Pj, Plt) and former (mantan) qualifiers are kept apart from the post.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from kg.nlp.orgs import COLLEGE_WORDS, branch_area, branch_label, OrgHit, OrgType, org_types, LEVEL
from kg.nlp.persons import APPOSITION, PersonHit
from kg.nlp.places import PlaceHit, capital_police_metro, country_at
from kg.nlp.quotes import reporting_verbs
from kg.nlp.text import NAME_WORD, alternation, slug
from kg.records import Role
from kg.resources import lexicon, post_head_words, split_list
from kg.resources import words as words_of

# a party's council whose post the holder holds in the party: "Ketua Dewan Pembina DPP Partai Golkar", "Anggota
# Dewan Pakar Partai NasDem", "Ketua Majelis Syuro PKS"
COUNCIL = re.compile(r"\s(?:Dewan\s+(?:Pembina|Pakar|Kehormatan|Penasihat|Penasehat|Syura|Syuro)|"
                     r"Majelis\s+(?:Syuro|Syura|Tinggi))(?![\w-])")
NATIONAL_BOARD = re.compile(r"DPP\s+")
COUNCIL_NAME = re.compile(r"\bDewan\s+$")
# the words that open a unit's name inside an institution ("Kepala Bidang Humas", "Divisi Hukum")
UNIT_WORDS = r"(?:Bidang|Divisi|Seksi|Bagian|Urusan|Fraksi|Satuan|Pusat|Biro|Unit|Subbagian|Subbag|Subdit|Subdirektorat|Subbid|Subbidang)"
UNIT_NAME = re.compile(rf"\b{UNIT_WORDS}\s+$")
UNIT_WORD_END = re.compile(rf"\b{UNIT_WORDS}$")  # "Kepala Seksi": a unit head's post, its field may follow
EXTENSION = re.compile(rf"(?:\s{UNIT_WORDS}(?:\s\([A-Za-z]{{2,12}}\))?(?:\s(?:{NAME_WORD}|[A-Z]{{3,6}}(?![\w-])|dan|&))+)")
# a faculty's abbreviation before its university ("Dekan FEB Universitas Udayana"): the faculty is in the post,
# the university is the institution
_FACULTY = rf"(?:F[A-Z]{{1,6}}|Fisip|Fisipol|Fkip)(?=\s+(?:{COLLEGE_WORDS})\b)"
FACULTY_AFTER = re.compile(rf"\s{_FACULTY}")
FACULTY_BEFORE = re.compile(rf"{_FACULTY}\s+")
ORDINAL = r"ke-?\d{1,2}(?:\s+RI)?|ke(?:dua|tiga|empat|lima|enam|tujuh|delapan)(?:\s+RI)?"  # "Presiden ketiga RI"
LINK = re.compile(rf"^\s*(?:\([A-Za-z][A-Za-z/-]{{1,12}}\)\s*)?(?:\s*,)?(?:\s(?:lainnya|itu|sendiri|saat ini|sementara|non-?\s?def[ei]nitif|non-?\s?aktif|terpilih|{ORDINAL}))?\s*,?\s*$"
                  # "Ketua Fraksi Partai Golkar di DPR, Melchias ...", "Wakil Ketua BAKN DPR dari Fraksi Partai Golkar,
                  # Andi ...", "Wakil Ketua Komisi X DPR f-Golkar, Hetifah ...": where, or the holder's faction, between
                  # (after a party's name the scraper cut: "Ketua Fraksi Partai  , di DPR, Edhie ...")
                  r"|^\s*(?:,\s*)?\s(?:(?:di|dari)\s+(?:[Ff]raksi\s+)?(?:[Pp]artai\s+)?|[Ff]-)[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s*,\s*$"
                  # "Komisioner KPK yang kembali terpilih, Alexander Marwata": a short clause on the holder between
                  r"|^\s+yang\s+[a-z][^,.;:\"“”()]{2,40},\s*$"
                  # "Komisioner Bawaslu Manado Divisi Pengawasan, Humas, dan Hubal, Taufik", "Komisioner KPU Kukar
                  # Bidang Sosialisasi, ... dan SDM Muchammad Amin": the division between
                  r"|^\s+(?:Koordinator\s+|Ketua\s+)?(?:Divisi|Bidang)\s+[^.;:\"“”()]{2,120}?,?\s*$"
                  # "Bupati Pasangkayu, Provinsi Sulawesi Barat, Agus Ambo Djiwa": the region's province between
                  r"|^\s*,\s*Provinsi\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\s*,\s*$"
                  # "Menteri Dalam Negeri: Jenderal Pol Tito Karnavian": a list of posts, each with its holder
                  r"|^\s*:\s*$")
OTHER_NAME_THEN_HOLDER = re.compile(r"\s+atau\s+[^,.;:\"“”()]{3,80}?\s+")  # "Menteri PPN atau Kepala Bappenas B"
# "Ketua Fraksi NasDem DPR tidak mengalami perubahan, tetap dijabat oleh Ahmad Ali": the post, then who holds it
HELD_BY = re.compile(r"^[^.;:\"“”]{0,60}?\bdijabat\s+(?:oleh\s+)?$")
LOWER_OK = ("head",)  # kinds written in lower case in running text; the others only after "(" or "sebagai"
APPOSED = re.compile(r"(?:\(|\b(?:selaku|sebagai|merupakan|menjadi))\s*$")
UNIT = re.compile(r"\s+(\d{2,4}/ ?[A-Z][\w-]+|\d{2,4})\b")
# "Pangdam II/Sriwijaya", "Pangdam I/Bukit Barisan", "Pangdam XII Tanjungpura": a numbered military region;
# a scraper may leave a space after the slash ("Pangdam IV/ Diponegoro", "Danrem 071/ Wijayakusuma")
ROMAN_UNIT = re.compile(r"\s+((?:[IVX]{1,4})(?:/ ?[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|\s[A-Z][a-z]+))\b")
SHORT_FORM = re.compile(r"\s*\((?P<abbr>[A-Z][a-z]{2,11})\)")
SUSPENDED = re.compile(r"\s+non-?aktif(?![\w-])")
NATIONAL = re.compile(r"\s+RI(?![\w-])")
ORDINALS = ("pertama", "kedua", "ketiga", "keempat", "kelima", "keenam", "ketujuh", "kedelapan", "kesembilan",
            "kesepuluh", "kesebelas", "kedua belas", "ketiga belas", "keempat belas")
ORDINAL_AFTER = re.compile(rf"\s+(?:ke-?\s?(?P<digits>\d{{1,2}})\b|(?P<word>{'|'.join(reversed(ORDINALS))})\b)", re.I)
DEPUTY = re.compile(r"(?<![\w-])[Ww]akil\s+$")  # right before a post the lexicon has no deputy form of
POST_ABBREVIATION = re.compile(r"\s*\((?P<abbr>[A-Z][\w/.-]*(?:\s[A-Z][\w/.-]*){1,2})\)")
# "pernah menjabat sebagai ...", "semasa Aher menjabat sebagai gubernur", "ketika masih menjabat Kapolda"
PAST = re.compile(r"\b(?:pernah|sempat|sebelumnya)\s+(?:menjabat|menjadi)\b"
                  # "Sejumlah pengalaman organisasi Imam adalah Ketua Umum PMII ...": a list of one's earlier posts
                  r"|\b(?:pengalaman|riwayat)\s+(?:organisasi|jabatan|karier|kerja|pekerjaan)(?:nya)?\b"
                  # "Betty sebelumnya adalah Ketua KPU DKI"; not "dua hari sebelumnya Panglima TNI ... datang": a time
                  r"|(?<!hari )(?<!pekan )(?<!minggu )(?<!bulan )(?<!tahun )(?<!jam )\b(?:sebelumnya|dulunya)\s+(?:(?:adalah|merupakan)\s+)?$"
                  r"|\b(?:ketika|semasa|sewaktu|kala)\s+(?:[A-Z][\w'.-]*\s+){0,4}(?:masih\s+)?menjabat\b"
                  # "pemberhentian Imam Nahrawi dari jabatan Menpora", "mengundurkan diri dari jabatan Ketua ..." (not
                  # "akan mundur dari ...": still in office)
                  r"|(?<!akan )(?<!siap )(?<!ingin )(?<!bakal )\b(?:pemberhentian|diberhentikan|pencopotan|dicopot|mundur"
                  r"|mengundurkan\s+diri|pengunduran\s+diri)\s+(?:[A-Z][\w'.-]*\s+){0,4}dari\s+(?:jabatan(?:nya)?\s+)?"
                  r"(?:sebagai\s+)?$")


@dataclass(frozen=True)
class PostDef:
    label: str
    expansions: tuple[str, ...]
    kind: str
    implies: str | None
    serves: tuple[str, ...] = ()  # kinds of institution the post is held in when the text names none


@dataclass(frozen=True)
class PostHit:
    start: int
    end: int  # end of the post words (and of its institution or region, when one follows)
    label: str
    definition: PostDef
    qualifier: str | None
    org: OrgHit | None
    area: str | None = None  # place key of a regional office ("Bupati Bengkalis")
    word_end: int = -1  # end of the post words themselves (qualifier and extension included)
    served: PostHit | None = None  # the post this one serves, written in it ("Presiden" of "Penasihat Khusus Presiden")


@cache
def post_defs() -> dict[str, PostDef]:
    """The posts of kg/lexicons/posts.tsv, and each one-word short form listed as an expansion
    ("Wapres" of Wakil Presiden, "Menko", "Wamen") as a post of its own written so."""
    rows = {r[0]: PostDef(r[0], split_list(r[1]), r[2], r[3] or None, split_list(r[4])) for r in lexicon("posts")}
    short = {form: PostDef(form, (d.label,), d.kind, d.implies, d.serves) for d in rows.values()
             for form in d.expansions if " " not in form and len(form) < len(d.label) and form[0].isupper()}
    return {**short, **rows}


def definition_of(label: str) -> PostDef | None:
    """The post a role label is: the post written so, or as one word or in full ("Kabag Ops" and
    "Kepala Bagian Operasi" are the Kabagops), else by its longest known start ("Kasat Reskrim": Kasat
    with its unit)."""
    words = label.split()
    whole = " ".join(words)
    return post_defs().get(whole) or _written_otherwise().get("".join(words).casefold()) or next(
        (d for n in range(len(words) - 1, 0, -1) if (d := post_defs().get(" ".join(words[:n]))) is not None), None)


@cache
def _written_otherwise() -> dict[str, PostDef]:
    """Each post of kg/lexicons/posts.tsv by its name and its expansions, written without spaces in lower
    case ("kabagops", "kepalabagianoperasi"), where only one post is written so."""
    forms: dict[str, set[str]] = defaultdict(set)
    for d in post_defs().values():
        for form in (d.label, *d.expansions):
            forms[form.replace(" ", "").casefold()].add(d.label)
    return {form: post_defs()[labels.pop()] for form, labels in forms.items() if len(labels) == 1}


@cache
def _pattern() -> re.Pattern[str]:
    forms = []
    for d in post_defs().values():
        forms.append(d.label)
        forms.append(d.label[0].lower() + d.label[1:])
        forms.append(d.label.lower())  # "sekretaris jenderal KONI", "ketua umum PDI-P": running text writes it all small
        forms.append(d.label[0] + d.label[1:].lower())  # "Juru bicara Presiden Filipina": so at a sentence's start
    qualifiers = "|".join(re.escape(word) for word in _qualifiers())
    return re.compile(rf"(?<![\w-])(?:(?P<qual>{qualifiers})\s)?(?P<post>{alternation(forms)})(?![\w-])")


@cache
def _reported_by() -> re.Pattern[str]:
    """A reporting verb right before a post ("kata pengacara Kivlan, Tonin Tachta"): the post of who speaks."""
    return re.compile(rf"\b(?:{alternation(reporting_verbs('after'))})\s+$")


def _form_def(word: str) -> PostDef:
    """The post a form of `_pattern` writes, whatever its case ("sekretaris jenderal": Sekretaris Jenderal)."""
    return _defs_by_case()[word.casefold()]


@cache
def _defs_by_case() -> dict[str, PostDef]:
    return {label.casefold(): d for label, d in post_defs().items()}


@cache
def _qualifiers() -> dict[str, str]:
    """Each qualifier of kg/lexicons/post_qualifiers.tsv and what it says, also as written opening a sentence
    ("Mewakili Bupati, Rikson menyampaikan ...")."""
    table = {r[0]: r[1] for r in lexicon("post_qualifiers")}
    return {**{w[:1].upper() + w[1:]: meaning for w, meaning in table.items() if w[:1].islower()}, **table}


def post_qualifier(word: str) -> str | None:
    """What a word before a post says of it: "former" (mantan), "acting" (Plt), "none", "of"; None."""
    return _qualifiers().get(word)


@cache
def _portfolio(lower_case: bool = False) -> re.Pattern[str]:
    """"Menteri Dalam Negeri", "Menteri Energi dan Sumber Daya Mineral", "Menteri Pariwisata/Ekonomi Kreatif":
    the portfolio words after a minister's title belong to the post; `lower_case`: a post written in lower case,
    its portfolio too ("sebagai menteri agama"), ending in a word that names one (not "menteri dalam kabinet":
    "dalam" alone is none)."""
    word = alternation(r[0].casefold() if lower_case else r[0] for r in lexicon("portfolios"))
    return re.compile(rf"(?:\s(?:bidang\s)?(?:{word})(?![\w-]))(?:(?:,?\s(?:dan\s|&\s)?|/)(?:{word})(?![\w-]))*"
                      + (r"(?<!dalam)(?<!luar)" if lower_case else ""))


def _capitalised(words: str) -> str:
    """A portfolio written in lower case as the lexicon writes it: "agama" → "Agama", "dalam negeri" →
    "Dalam Negeri"."""
    return re.sub(r"(?<![\w-])(?!dan\b|bidang\b)[a-z]", lambda c: c.group().upper(), words)


@cache
def _units() -> re.Pattern[str]:
    """Units a unit head's post names right after it (kg/lexicons/units.tsv)."""
    units = alternation(r[0] for r in lexicon("units") if r[1] != "head")
    return re.compile(rf"\s(?P<unit>{units})(?:nya)?(?![\w-])")


@cache
def unit_heads() -> frozenset[str]:
    """Posts that name their unit right after them (kg/lexicons/units.tsv rows marked "head": Kasat, Kabid ...)."""
    return frozenset(r[0] for r in lexicon("units") if r[1] == "head")


def role_for(label: str, definition: PostDef | None) -> Role:
    label = post_words(label)
    alts = tuple(definition.expansions) if definition else ()
    return Role(f"role:{slug(label)}", label, alts)


NAMING_WORDS = frozenset({"bernama", "berinisial", "yakni", "yaitu"})
# "(Kasi)" in a post, or "(PUPR" cut at its end
BRACKETED = re.compile(r"\s*\([A-Z][^()\s]*\)(?=\s|$)|\s*\([A-Z][^()\s]*$")


FIELD = re.compile(rf"(?:\s(?:{NAME_WORD}|dan|&))+")


DIVISION_POSTS = ("Divisi", "Kordiv", "Koordiv")  # a post ending so names its division's field after it
# the posts of an election body's members, whose division may follow ("Komisioner Divisi Teknis", "Anggota KPU
# Garut Divisi Hukum"); after another post "Divisi" opens an institution's name ("Karopenmas Divisi Humas Polri")
DIVISION_MEMBERS = frozenset({"Komisioner", "Anggota", "Ketua", "Wakil Ketua", "Koordinator"})


def _field_words(lexicon_name: str) -> str:
    """One field's words (a lexicon's words in either case of the first letter, joined by commas, "dan" or "&")."""
    word = "|".join(sorted((f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" for w in words_of(lexicon_name)),
                           key=len, reverse=True))
    return rf"(?:{word})(?![\w-])(?:,?\s+(?:(?:dan|&)\s+)?(?:{word})(?![\w-]))*"


@cache
def _division_field_after(own: bool, after_institution: bool = False) -> re.Pattern[str]:
    """A division's field (kg/lexicons/division_fields.tsv words), after a division post (`own`) or after the
    word "Divisi" following another post, or its institution and a comma."""
    opening = "" if own else r"\s+[Dd][ei]visi"
    comma = ",?" if after_institution else ""
    return re.compile(rf"{comma}(?P<field>{opening}\s+{_field_words('division_fields')})")


@cache
def _department_field() -> re.Pattern[str]:
    """"Bidang" and a department's field (kg/lexicons/department_fields.tsv words, a short form in brackets after
    them) after a board's name: "Ketua DPP PDI Perjuangan Bidang Pemenangan Pemilu", a post in the board."""
    return re.compile(rf"(?P<field>\s+[Bb]idang\s+{_field_words('department_fields')}(?:\s+\([A-Z]{{2,6}}\))?)")


def _division_field(text: str, end: int, label: str) -> re.Match[str] | None:
    """The field of an election body's division after a division post ("Kordiv Hukum", "Ketua divisi
    Sosialisasi, Pendidikan Pemilih") or after "Divisi" following another post ("Komisioner Divisi Teknis
    Erizal"): only the field's words, so a name after them stays a name."""
    if label.endswith(DIVISION_POSTS):
        return _division_field_after(True).match(text, end)
    return _division_field_after(False).match(text, end) if label in DIVISION_MEMBERS else None


LISTED_BEFORE = re.compile(r"(?:,|\bdan|\blainnya)\s+$")
SPACE = re.compile(r"\s*")


def _division_standing(text: str, start: int, end: int, org_at: dict[int, OrgHit], bodies: Sequence[str]) -> bool:
    """Whether "Divisi" and its field stand as a post: ended by a comma, a bracket or a full stop, or by the
    name of an election body ("Adriadi, Divisi Teknis Penyelenggaraan KPU Dharmasraya", "Budi (Divisi
    Hukum)"), or in a list of divisions and their holders ("Komisioner lainnya Divisi Teknis A, Divisi Hukum
    B dan Divisi Data C"); not a police division's name ("dengan Divisi Hubungan Internasional Polri")."""
    field = _division_field_after(True).match(text, end)
    if field is None:
        return False
    after = SPACE.match(text, field.end()).end()
    org = org_at.get(after)
    return text[after:after + 1] in (",", ")", ".") or (org is not None and org.type in bodies) or (
        org is None and LISTED_BEFORE.search(text, max(0, start - 12), start) is not None)


def division_end(text: str, start: int, end: int) -> int | None:
    """Where the first "Divisi" and its field end between `start` and `end` ("Komisioner Divisi Teknis" of
    the model's phrase "Komisioner Divisi Teknis Erizal"), if it stands there."""
    m = _division_field_after(False).search(text, start, end)
    return m.end() if m else None


def _field_before_institution(text: str, end: int, orgs) -> str | None:
    """The capitalised words of a unit's field between a unit head's post and the institution right after them
    ("Kepala Seksi Penuntutan Tindak Pidana Khusus Kejati Jateng": the section's field, then the Kejati); None
    where no institution follows them, and a name may stand there instead ("Kepala Seksi Budi Santoso")."""
    for start in sorted(o.start for o in orgs if o.start > end):
        gap = text[end:start].rstrip()
        if FIELD.fullmatch(gap) and not gap.endswith((" dan", " &")):
            return gap
        if start - end > 80:
            break
    return None


def post_words(label: str) -> str:
    """A post phrase without the holder's rank run into it ("Kepala Biro Penmas Brigjen"), a possessive
    ending ("Direktur Eksekutifnya", "kuasa hukumnya"), a word naming the holder ("bernama"), a word the
    text wrote twice ("Presiden Presiden Xi Jinping") or an abbreviation in brackets, closed or cut ("Kepala
    Seksi (Kasi) III", "Kepala Bagian Operasi (Kabagops)", "Menteri Pekerjaan Umum dan Perumahan Rakyat
    (PUPR") or a party whose name was cut ("Ketua Fraksi Partai  ,"): the post as the holder holds it."""
    split = label.split()
    words = [w for i, w in enumerate(split) if i == 0 or w.casefold() != split[i - 1].casefold()]
    for n in (2, 1):  # "Brigjen Pol", "AKBP"; not "Sekretaris Jenderal", a post of its own
        if len(words) > n and " ".join(words[-n:]) in words_of("ranks") and " ".join(words[-n - 1:]) not in post_defs():
            words = words[:-n]
            break
    words = BRACKETED.sub("", " ".join(words)).split() or words
    if len(words[-1]) >= 7 and words[-1].endswith("nya"):
        words[-1] = words[-1][:-3]
    if len(words) > 1 and words[-1] == "Partai":
        words = words[:-1]  # "Ketua Fraksi Partai  , di DPR": the party's name was cut
    if len(words) > 1 and words[-1] in NAMING_WORDS:
        words = words[:-1]  # "advokat bernama Daniel": the word that gives the holder's name
    return " ".join(words)



def abbreviates(short: str, words: str) -> bool:
    """Whether `short` is made of the leading letters of `words` in order, each word giving some and the
    first giving the first ("Ketum" of "Ketua Umum", "Waketum" of "Wakil Ketua Umum", "Sekjen" of
    "Sekretaris Jenderal"): the post's short form in brackets after it, not a post of its own."""
    parts = words.casefold().split()
    short = short.casefold()

    def fits(i: int, at: int) -> bool:
        if at == len(short):
            return i == len(parts)
        if i == len(parts):
            return False
        word = parts[i]
        return any(fits(i + 1, at + n) for n in range(1, min(len(word), len(short) - at) + 1)
                   if short[at:at + n] == word[:n])

    return len(parts) > 1 and " " not in short and fits(0, 0)


def find_posts(text: str, orgs: list[OrgHit], places: list[PlaceHit]) -> list[PostHit]:
    """Post mentions with the institution they belong to, when the text gives it."""
    org_at = {o.start: o for o in orgs}
    place_at = {p.start: p for p in sorted(places, key=lambda p: p.end - p.start)}
    hits = []
    for m in _pattern().finditer(text):
        word = m.group("post")
        if hits and hits[-1].start < m.start() < hits[-1].end:
            continue  # "Divisi Hukum" of "Komisioner Bawaslu Bali Divisi Hukum": the division of the post before
        if any(o.start < m.start() and m.end() <= o.end for o in orgs) or (
                word in DIVISION_POSTS and any(o.start == m.start() for o in orgs)):
            continue  # "Karo Penmas Divisi Humas Polri": a word of an institution's name, not the post "Humas"; "Divisi
            # Propam Polri": the institution, not a division's post
        if COUNCIL_NAME.search(text, max(0, m.start() - 8), m.start()):
            continue  # "Ketua Dewan Guru Besar UGM": a council's name, not the post "Guru Besar"
        if UNIT_NAME.search(text, max(0, m.start() - 12), m.start()):
            continue  # "(Karopenmas) Divisi Humas Mabes Polri, Brigjen Dedi": the division's name, not the post "Humas"
        if word[0].islower() and not m.group("qual") and post_defs().get(word) is None \
                and _form_def(word).kind not in LOWER_OK and word.casefold() not in _posts_of_another() \
                and not APPOSED.search(text, max(0, m.start() - 30), m.start()) \
                and not _reported_by().search(text, max(0, m.start() - 20), m.start()):
            continue  # "pakar" in running text names no one; "Sartiah (pakar gender)", "kata pengacara Kivlan" do; a
            # lawyer's post does, his client's name after it ("penasihat hukum Novanto, Maqdir Ismail")
        definition = post_defs().get(word) or _form_def(word)
        end = m.end()
        label = definition.label
        if label == "Divisi" and not _division_standing(text, m.start(), end, org_at, definition.serves):
            continue  # "Divisi Hubungan Internasional Polri": a police division, no election body's
        head = label.removesuffix(" Dewan")
        if head != label and head in post_defs() and COUNCIL.match(text, end - len(" Dewan")):
            # "Sekretaris Dewan Penasehat": the council's secretary, not the Sekretaris Dewan of a DPRD
            definition, end = post_defs()[head], end - len(" Dewan")
            label = definition.label
        council = COUNCIL.match(text, end)
        # not "Dewan Kehormatan Penyelenggara Pemilu", an institution of its own
        if council and not any(o.start == council.start() + 1 for o in orgs):
            label, end = label + council.group(), council.end()
        ext = EXTENSION.match(text, end)
        portfolio = None
        if any(form.endswith(("Menteri", "Koordinator")) for form in (label, *definition.expansions[:1])):
            # "Menteri BUMN", "Menteri KKP", "Wamen ATR": an acronym names the portfolio too
            portfolio = _portfolio().match(text, end) or _acronym_portfolio(text, end) or (
                _portfolio(lower_case=True).match(text, end) if text[m.start()].islower() else None)
        if portfolio:
            label, end = label + _capitalised(portfolio.group()), portfolio.end()
        elif division := _division_field(text, end, label):
            label, end = label + division.group("field"), division.end("field")  # "Komisioner Divisi Teknis"
        elif label in unit_heads() and (unit := _units().match(text, end)) \
                and not any(o.start == unit.start("unit") for o in orgs):  # not "Suku Dinas X Jakarta Selatan", an office
            label, end = f"{label} {unit.group('unit')}", unit.end()  # "Kasat Intel", "asisten pribadinya": the unit is the post's
        elif ext:
            cut = min([o.start for o in orgs if end < o.start < ext.end()] + [ext.end()])
            extension = text[end:cut].rstrip()
            label, end = label + extension, end + len(extension)
        elif UNIT_WORD_END.search(label) and (field := _field_before_institution(text, end, orgs)):
            label, end = label + field, end + len(field)  # "Kepala Seksi Penuntutan Tindak Pidana Khusus Kejati Jateng"
        if faculty := FACULTY_AFTER.match(text, end):  # "Dekan FEB Universitas Udayana": the faculty is the post's
            label, end = label + faculty.group(), faculty.end()
        word_end = end
        short = POST_ABBREVIATION.match(text, end) or SHORT_FORM.match(text, end)
        if short and (short.group("abbr").isupper() or abbreviates(short.group("abbr"), label) or any(
                w.casefold() in post_head_words() for w in short.group("abbr").split())):
            # the post's short form: "Asisten Teritorial Kasad (Aster Kasad) Mayjen TNI Bakti", "eks Ketua
            # Umum (Ketum) PPP" (the same post, its qualifier with it)
            end = word_end = short.end()
        if label in _numbered_posts() and (nth := ORDINAL_AFTER.match(text, end)):
            end = nth.end()  # "Presiden ke-3 RI Jusuf Habibie": the third president; the number is no word of the name
        if suspended := SUSPENDED.match(text, end):
            end = suspended.end()  # "Sekretaris Daerah nonaktif Jawa Barat": still the post of that region
        gap = re.match(r"\s+", text[end:end + 3])
        nxt = end + (gap.end() if gap else 0)
        if definition.kind == "acronym" and capital_police_metro(text, nxt) and nxt + 6 in place_at:
            nxt += 6  # "Kapolsek Metro Gambir": the capital's unit, in Gambir ("Kapolda Metro Jaya" stays)
        org = org_at.get(nxt)
        board = NATIONAL_BOARD.match(text, nxt)
        party = org_at.get(board.end()) if board else None
        if org is None and party is not None and party.type == "party":
            org = party  # "Ketua Dewan Pembina DPP Partai Golkar": the party's central board
        if definition.kind == "acronym":
            org = org or _implied_org(text, m.start(), end, nxt, definition, place_at)
        elif org is None and country_at(text, nxt) is None:  # "Menteri Luar Negeri Arab Saudi": not ours
            org = _ministry(text, m.start(), word_end, label, definition)
        area = None
        place = place_at.get(nxt)
        country = place.end if place is not None and place.type == "country" else country_at(text, nxt)
        if definition.kind == "area" and place is not None and place.code:
            end, area = place.end, place.key
        elif (definition.kind in ("area", "free") or portfolio) and country is not None:
            end = country  # "Presiden Palestina Mahmoud Abbas", "Menteri Luar Negeri Arab Saudi Faisal"
        elif definition.kind == "free" and (national := NATIONAL.match(text, end)):
            end = national.end()  # "Dubes RI Rusdi Kirana": the country, not a word of the post
        if org is not None:
            end = org.end
            division = _division_field_after(False, after_institution=True).match(text, end) \
                if label in DIVISION_MEMBERS else None
            if division is None and org.type == "party_board":
                division = _department_field().match(text, end)  # "Ketua DPP PDI Perjuangan Bidang Pemenangan Pemilu"
            if division:
                label, end = label + division.group("field"), division.end("field")  # "Komisioner Bawaslu Bali
                # Divisi Hukum, Data dan Informasi, Dewa": the commissioner's division
        start = m.start()
        deputy = DEPUTY.search(text, max(0, start - 7), start)
        deputy_form = label.startswith("Wa") and not label.startswith("Wali")  # "Wakapolda", "Wadir": a deputy already
        if deputy and not m.group("qual") and not deputy_form:
            start, label = deputy.start(), f"Wakil {label}"  # "Wakil Sekretaris Jenderal": a deputy's post
            definition = _deputy(definition)
        if word == "kepala" and org is None and area is None and label == definition.label \
                and not APPOSED.search(text, max(0, start - 30), start):
            continue  # "memegang kepala Xanana", "memenggal kepala Presiden": the head, no post
        if text[m.start():m.start() + len("pimpinan")] == "pimpinan" and org is None and area is None \
                and label == definition.label:
            continue  # "anggota KKB pimpinan Abu Rasyid": led by him (not "pimpinan KPK Agus Rahardjo")
        qualifier = _qualifiers().get(m.group("qual") or "")
        if qualifier is None and _past(text, _sentence_start(text, m.start()), m.start()):
            qualifier = "former"  # "Dia pernah menjabat sebagai Bupati Sorong ..., Ketua KONI ..."
        hits.append(PostHit(start, end, label, definition, qualifier, org, area, word_end))
    return _joined(text, _the_others(text, hits))


@cache
def _numbered_posts() -> frozenset[str]:
    """The posts kg/lexicons/heads_of_state.tsv numbers ("Presiden", "Wakil Presiden")."""
    return frozenset(row[0] for row in lexicon("heads_of_state"))


def _past(text: str, sentence_start: int, start: int) -> bool:
    """Whether the words before a post (from its sentence's start) say it was held before (PAST); not
    "sebelumnya" opening its clause, which dates what the clause tells ("Sebelumnya Presiden Donald Trump
    mengumumkan ...", "Terlebih sebelumnya ..."; "Betty sebelumnya adalah Ketua KPU DKI": hers)."""
    past = PAST.search(text, sentence_start, start)
    return past is not None and not (past.group().split()[0] in ("sebelumnya", "dulunya")
                                     and _clause_opening().search(text[sentence_start:past.start()]))


@cache
def _clause_opening() -> re.Pattern[str]:
    """The start of a clause: of the text given, after a comma, colon or bracket, or after a connective
    (kg/lexicons/connectives.tsv)."""
    return re.compile(rf"(?:^|[,;:(]\s*|\b(?i:{alternation(words_of('connectives'))})\s+)$")


ACRONYM_PORTFOLIO = re.compile(r"\s[A-Z]{2,6}(?P<more>(?:/[A-Z][\w-]*)*)(?![\w-])")


def _acronym_portfolio(text: str, end: int) -> re.Match[str] | None:
    """"Menteri BUMN", "Menteri PPN/Bappenas": a minister's portfolio by its acronyms, a slash joining them;
    not a second post after the slash ("Menteri ATR/Kepala BPN": two posts)."""
    m = ACRONYM_PORTFOLIO.match(text, end)
    if m and any(w.casefold() in post_head_words() for w in m.group("more").split("/")):
        return ACRONYM_PORTFOLIO.match(text[:m.start("more")], end)
    return m


OTHERS = re.compile(r"\s+(?:lain|lainnya)\b")


# a sentence opening with a clause about something else: "Selain bertemu dengan ...", "Usai dilantik ...",
# "Menanggapi pernyataan ..." (not "Menurut", which gives a speaker, nor "Menteri")
OPENING_CLAUSE = re.compile(r"\s*(?:Selain|Setelah|Sebelum|Usai|Seusai|Terkait|Mengenai|Menanggapi|Menjawab|Merespons?"
                            r"|Menyikapi|Mengomentari|Bertemu|Berbeda\s+dengan)\s+[a-z]")


# the word before a post that makes it the object of the clause: a lower-case word but a word giving a role
OBJECT_BEFORE_POST = re.compile(r"(?<!\S)(?!(?:sebagai|selaku|menjadi|menjabat|jadi|ini|itu|tersebut)\s)[a-z]+\s+$")


def ends_opening_clause(text: str, post_start: int, post_end: int, name_start: int, name_end: int) -> bool:
    """A post ending the clause that opens the sentence as the object of a word in it, the first comma right
    after it, and a name the main clause goes on with (no comma closes it): the name is the main clause's
    subject, no holder of the post ("Menanggapi pernyataan Menteri ATR, Sri Mulyani menerangkan ...", "Selain
    bertemu dengan Presiden Madagaskar, Rini juga ..."); not "Menurut Kepala BPS, Suhariyanto, ...", nor a post
    the clause gives its subject, the main clause's ("Sebelum dilantik sebagai menteri, Susi Pudjiastuti ...")."""
    start = _sentence_start(text, post_start)
    return bool(OPENING_CLAUSE.match(text, start)) and "," not in text[start:post_start] \
        and OBJECT_BEFORE_POST.search(text, start, post_start) is not None \
        and re.fullmatch(r"(?:\s+[A-Z][\w.-]*)*\s*,\s*", text[post_end:name_start]) is not None \
        and not re.match(r"\s*[,(]", text[name_end:])  # "Presiden Madagaskar, Rini": a place may end the post


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` starts, by the last full stop or line break before it."""
    return max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1


def _the_others(text: str, hits: list[PostHit]) -> list[PostHit]:
    """A post many hold, named as the others of a post held before it in the sentence, is held in that post's
    institution ("Ketua Bawaslu Sumbawa Syamsihidayat, hadir juga tiga komisioner lain Hamdan, Ruslan")."""
    out = []
    for hit in hits:
        if hit.org is None and OTHERS.match(text, hit.word_end):
            before = [h for h in out if _sentence_start(text, hit.start) <= h.start and h.org is not None]
            if before:
                hit = replace(hit, org=before[-1].org)
        out.append(hit)
    return out


PAIR_AND = re.compile(r"\s+dan\s+")
COORDINATED = re.compile(r"\s*(?:dan|serta|atau|-|/)\s*")


def _joined(text: str, hits: list[PostHit]) -> list[PostHit]:
    """Two post words in a row are one post: "Kepala Bidang Humas", "Kabid Humas", "Kasat Reskrim",
    and with words of posts between, the one served: "Penasihat Khusus Menteri Pertahanan", "Kepala
    Staf Presiden" (the first one names no institution or region, else the post would have ended there)."""
    out: list[PostHit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if prev is not None and hit.start < prev.word_end:
            continue  # "Humas" inside "Kepala Divisi Humas Polri": one post
        if prev is not None and prev.org is None and prev.area is None and prev.qualifier not in ("none", "of") \
                and _post_words_between(text[prev.word_end:hit.start]) and hit.qualifier is None:
            label = text[prev.start:hit.word_end]
            if prev.qualifier is not None and (at := label.find(prev.label.split()[0])) > 0:
                label = label[at:]  # "tak lagi berperan sebagai Staf Khusus Presiden": the qualifier is not the post's
            if prev.label.startswith("Wakil ") and not label.startswith("Wakil"):
                label = f"Wakil {text[prev.start + len('Wakil '):hit.word_end]}"
            definition = PostDef(label, (), prev.definition.kind, hit.definition.implies or prev.definition.implies)
            served = hit if text[prev.word_end:hit.start] != " " or prev.served is not None else None
            out[-1] = PostHit(prev.start, hit.end, label, definition, prev.qualifier, hit.org, hit.area, hit.word_end,
                              served)
            continue
        if prev is not None and prev.qualifier == "none" and hit.qualifier is None \
                and COORDINATED.fullmatch(text, prev.word_end, hit.start):
            hit = replace(hit, qualifier="none")  # "calon Gubernur dan Wakil Gubernur": both are candidacies
        out.append(hit)
    return out


SERVED_GAP = re.compile(r"(?: [A-Z][a-z]+){1,4} ")


def _post_words_between(gap: str) -> bool:
    """Nothing between two posts but a space, or capitalised words of posts and portfolios ("Penasihat
    Hubungan Luar Negeri Presiden China"): no name stands there, so the second post is the one the first serves."""
    return gap == " " or (SERVED_GAP.fullmatch(gap) is not None and all(w in _post_vocabulary() for w in gap.split()))


@cache
def _post_vocabulary() -> frozenset[str]:
    """The capitalised words of the lexicon's posts and of ministers' portfolios."""
    forms = {f for d in post_defs().values() for f in (d.label, *d.expansions)}
    return frozenset(w for f in forms for w in f.split() if w[:1].isupper()) | words_of("portfolios")


def _implied_org(text: str, start: int, post_end: int, nxt: int, definition: PostDef,
                 place_at: dict[int, PlaceHit]) -> OrgHit | None:
    """"Kapolda Kalsel" names the Polda of Kalimantan Selatan; "Kapolri" names Polri."""
    otype = org_types().get(definition.implies or "")
    if otype is None:
        return None
    place = place_at.get(nxt)
    unit = UNIT.match(text, post_end) or ROMAN_UNIT.match(text, post_end)
    if (place is None or not place.code) and unit:
        # "Danrem 101/Antasari", "Dandim 1006/Banjar": the unit number names the institution
        name, end = unit.group(1), unit.end()
        if name.split()[-1] in words_of("ranks"):  # "Pangdam XVII/Cenderawasih Mayjen TNI ...": the holder's rank
            name = name.rsplit(" ", 1)[0]
            end = unit.start(1) + len(name)
        name = name.replace("/ ", "/")
        return OrgHit(start, end, text[start:end], f"org:{otype.key}-{slug(name)}",
                      f"{otype.full} {name}", otype.key, None, None,
                      tuple(f"{a} {name}" for a in otype.abbreviations))
    if place is None or not place.code:
        if otype.area_rule == "none":
            return OrgHit(start, post_end, text[start:post_end], f"org:{otype.key}", otype.full, otype.key,
                          None, otype.national_level, tuple(otype.abbreviations))
        if not otype.level_word:  # "Kapolres": the article may say which (orgs.placed_by_article)
            return OrgHit(start, post_end, text[start:post_end], f"org:{otype.key}", otype.full, otype.key,
                          None, otype.national_level, tuple(otype.abbreviations), implied=True)
        return None
    end = place.end
    paren = re.match(r"\s*\([A-Za-z]{2,12}\)", text[end:])
    if paren:
        end += paren.end()
    abbr = otype.abbreviations[0]
    area = branch_area(otype, place)
    alts = {f"{abbr} {area}", f"{abbr} {place.name}", f"{abbr} {place.text}", f"{otype.full} {place.text}",
            f"{otype.full} {area}"}
    label = branch_label(otype, place)  # "Sekretariat Daerah Kota Blitar", not the regency's
    return OrgHit(start, end, text[start:end], f"org:{otype.key}-{place.code}", label, otype.key, place.key,
                  LEVEL.get(place.type), tuple(sorted(alts - {label})))


STATE_MINISTER = re.compile(r"^Negara(?:\s+|$)")  # "Menteri Negara BUMN": the old title of the Menteri BUMN
MINISTER = re.compile(r"^(?:Wakil\s+)?Menteri(?:\s+Koordinator)?(?:\s+[Bb]idang)?\s+(?P<portfolio>\S.*)$")


def _ministry(text: str, start: int, end: int, label: str, definition: PostDef) -> OrgHit | None:
    """"Menteri Dalam Negeri", "Mendagri", "Wamen ATR", "Menko Polhukam" name their ministry (the
    Kementerian of the portfolio), as "Kapolda Kalsel" names its Polda; "Menteri" alone names none."""
    full = label
    spelt = next((form for form in definition.expansions if len(form) > len(definition.label)), None)
    if spelt and label.startswith(definition.label):  # "Mendagri", "Wamen ATR": spelt out
        full = spelt + label[len(definition.label):]
    written = MINISTER.match(full)
    portfolio = STATE_MINISTER.sub("", written.group("portfolio").strip(" ,")) if written else ""
    if not _ministry_words(portfolio):  # "Sekretaris Menteri Negara", "Menteri Koordinator (Menko) Bidang ...":
        return None  # no portfolio the post's words give
    name = f"Kementerian {'Koordinator Bidang ' if 'Koordinator' in written.group() else ''}{portfolio}"
    otype = _ministries().get(_ministry_form(name)) or _ministry_of_words(portfolio)
    if otype is not None:
        return OrgHit(start, end, text[start:end], f"org:{otype.key}", otype.full, otype.key, None,
                      otype.national_level, tuple(otype.abbreviations))
    if full != label:
        return None  # a short form's portfolio the lexicon does not know ("Menko Marves") is not spelt out here
    return OrgHit(start, end, text[start:end], f"org:{slug(name)}", name, "kementerian", None, "national")


def _ministry_form(name: str) -> str:
    """A ministry's name compared without "Bidang", "RI", commas and case."""
    name = re.sub(r"\b(?:[Bb]idang|RI|Republik Indonesia)\b|,", " ", name)
    return " ".join(name.casefold().split())


MINISTRY_FILLER = frozenset({"kementerian", "koordinator", "bidang", "dan", "serta", "ri", "republik", "indonesia"})


def _ministry_of_words(portfolio: str) -> OrgType | None:
    """The one ministry whose name holds every word of a portfolio written short or loosely ("Pemberdayaan
    Perempuan dan Anak", "Pemuda & Olahraga", "Koperasi dan UKM": an abbreviation stands for the words it
    is the initials of); none where two ministries would do ("Pendidikan")."""
    wanted = _ministry_words(portfolio)
    if not wanted:
        return None
    fits = {t.key: t for t in org_types().values() if t.full.startswith("Kementerian")
            and all(_covered(word, _ministry_words(t.full)) for word in wanted)}
    return next(iter(fits.values())) if len(fits) == 1 else None


def _ministry_words(name: str) -> list[str]:
    return [w for w in re.findall(r"\w+", name.casefold()) if w not in MINISTRY_FILLER]


def _covered(word: str, words: list[str]) -> bool:
    """`word` is one of `words`, or the initials of a run of them ("ukm": usaha kecil menengah)."""
    if word in words:
        return True
    return len(word) >= 2 and any("".join(w[0] for w in words[i:i + len(word)]) == word
                                  for i in range(len(words) - len(word) + 1))


@cache
def _ministries() -> dict[str, OrgType]:
    """The ministries kg/lexicons/org_types.tsv knows, by each of their names ("Kementerian KLHK" too:
    "Menteri KLHK" names the portfolio by the ministry's abbreviation)."""
    return {_ministry_form(form if form.startswith("Kementerian") else f"Kementerian {form}"): t
            for t in org_types().values() if t.full.startswith("Kementerian") for form in (t.full, *t.abbreviations)}


@dataclass(frozen=True)
class Holding:
    person: PersonHit
    post: PostHit
    start: int
    end: int


def of_another(text: str, post_start: int, post_end: int, person_start: int) -> bool:
    """"kuasa hukum Eggi Sudjana", "istri Budi", "asisten pribadi Imam": the name right after such a post
    is not its holder (kg/lexicons/posts_of_another.tsv)."""
    words = " ".join(text[post_start:post_end].casefold().split())
    return not text[post_end:person_start].strip() and any(
        words == w or words.endswith(f" {w}") for w in _posts_of_another())


def after_post_of_another(text: str, person_start: int, personal: bool = False) -> bool:
    """Whether the name at `person_start` follows such a post ("Menurut penasihat hukum Novanto, ...",
    "Kuasa hukum Eggi, Alamsyah Hanafiah mengatakan"): the name is whose lawyer, not who speaks.
    `personal`: only a post held for a person ("Aspri Menpora, Miftahul Ulum": the aide)."""
    return _post_of_another_before(personal).search(text, max(0, person_start - 40), person_start) is not None


@cache
def _posts_of_another() -> frozenset[str]:
    return words_of("posts_of_another")


@cache
def personal_posts() -> frozenset[str]:
    """Posts held for a person, in no institution ("sekretaris pribadi", "ajudan"): kg/lexicons/posts_of_another.tsv
    rows marked "personal"."""
    return frozenset(r[0] for r in lexicon("posts_of_another") if r[1] == "personal")


@cache
def _post_of_another_before(personal: bool) -> re.Pattern[str]:
    posts = personal_posts() if personal else _posts_of_another()
    return re.compile(rf"\b(?:{alternation(posts)})(?:nya)?\s+$", re.IGNORECASE)


POSSESSOR_THEN_HOLDER = re.compile(r"\s*,\s*")
ALSO = re.compile(r"\s+(?:sekaligus|merangkap)\s+(?:(?:mantan|eks)\s+)?")  # two posts, one holder after the second
INITIALS_AFTER = re.compile(rf"\s+(?:{ORDINAL})\s+[A-Z]{{2,5}}\b(?![.-])")  # "Presiden ke-6 SBY"
# "anggota kelompok tersebut": members of a group the text spoke of (not "Wakil Gubernur terpilih saat itu")
GROUP_REFERRED = re.compile(r"\s+(?!(?:terpilih|saat|kala|waktu|ketika|masa|pada)\b)[a-z]+"
                            r"(?:\s+(?!(?:saat|kala|waktu|ketika|masa)\b)[a-z]+)?\s+(?:tersebut|itu|ini)\b")
# an adverb after a post opens the clause the post is the subject of: "Setelah dari makam Bung Karno, Panglima
# TNI juga akan ziarah ..." is no apposition of the name before the comma
CLAUSE_AFTER = re.compile(r"\s+(?:juga|pun|akan|telah|sudah|kemudian|lalu|langsung|segera|sempat|tengah|sedang|"
                          r"masih|belum|tidak|pernah)\b")
# the agent of a passive verb, a post's title maybe before the name: "ditunjuk Presiden Joko Widodo sebagai Pelaksana
# Tugas Menteri ..." appoints the verb's subject, not the agent
PASSIVE_BEFORE = re.compile(r"\bdi[a-z]{3,}\s+(?:oleh\s+)?(?:[A-Z][a-z]+\s+)?$")
# "surat pengunduran diri ke Bapak Presiden Jokowi sebagai menpora": whom a preposition names is not who "sebagai" names
OBJECT_BEFORE = re.compile(r"\b(?:ke|kepada|untuk|bagi)\s+(?:[A-Z][\w.]*\s+){0,4}$")
# a name joined to another by a hyphen: a ticket of two ("Prabowo Subianto-Sandiaga Uno"; not "Arif Al-Bantani")
TICKET_AFTER = re.compile(r"(?<![\s-][AE]l)\s?[-–]\s?[A-Z]")
SECOND_OF_PAIR = re.compile(r"(?:\sdan|&|/|-)\s*$")  # "Gubernur dan Wakil Gubernur Sultra Ali Mazi-Lukman Abunawas"


def not_held_by_name_after(text: str, post_start: int, post_end: int, name_end: int) -> bool:
    """Whether the name after a post does not hold it although it stands there: the first name of a ticket the
    post is the ticket's ("juru bicara Prabowo Subianto-Sandiaga Uno"; not a pair of posts the ticket holds in
    order, "Gubernur dan Wakil Gubernur Sultra Ali Mazi-Lukman Abunawas"), or the aide named after an aide's
    post and the post served, a comma between ("mantan Aspri Menpora, Miftahul Ulum"; not "anak Wapres, Ma'ruf
    Amin")."""
    ticket = TICKET_AFTER.match(text, name_end) and not SECOND_OF_PAIR.search(text, max(0, post_start - 6), post_start)
    aide = "," in text[post_end:name_end] and after_post_of_another(text, post_start, True)
    return bool(ticket or aide)


# "Taufik Basari sebagai Ketua Fraksi"; "Rudy juga menjabat sebagai Ketua DPC PDIP Solo", "Budi yang kini menjabat
# Ketua KPU Tapin", "Idham adalah Komisioner KPU Jawa Barat", "Betty sebelumnya adalah Ketua KPU DKI, Yulianto
# sebelumnya Ketua KPU Jawa Tengah", "Gadis Umasugi ikut dilantik sebagai Anggota DPRD Provinsi Maluku" (a past
# one, "pernah menjabat", is marked former where the post is found)
NAMED_AS = re.compile(r",?\s+(?:(?:yang\s+)?(?:(?:juga|kini|saat\s+ini|sekarang|masih|sempat|pernah|sedang|tengah|"
                      r"telah|sudah|pun)\s+)*menjabat(?:\s+(?:sebagai|selaku))?|sebagai|selaku"
                      r"|yang\s+(?:juga|kini|saat\s+ini|sekarang|masih)(?:\s+(?:merupakan|adalah))?"
                      r"|(?:(?:sebelumnya|dulunya|kini|saat\s+ini|sekarang|juga)\s+)?(?:adalah|merupakan)"
                      r"|sebelumnya|dulunya"
                      r"|(?:(?:ikut|resmi|telah|sudah|baru)\s+)*(?:dilantik|ditunjuk|diangkat)\s+sebagai"
                      # "pemberhentian Imam Nahrawi dari jabatan Menpora", "Rudi mundur dari jabatannya sebagai Ketua"
                      r"|(?:(?:mundur|diberhentikan|dicopot|mengundurkan\s+diri)\s+)?dari\s+jabatan(?:nya)?"
                      r"(?:\s+sebagai)?)\s+")


TICKET_GAP = re.compile(r"\s*(?:[-–/]|,?\s+dan)\s*")
TICKET_BEFORE = re.compile(r"\b(?:[Cc]alon|[Pp]aslon|[Pp]asangan|[Pp]emilihan)\b[^.]{0,30}$")  # a ticket running: no post yet


def _pairs_in_order(text: str, held: list[Holding], unpaired: list[PostHit], persons: list[PersonHit]) -> list[Holding]:
    """Two posts and then two names, in that order ("Gubernur dan Wakil Gubernur Sulawesi Tenggara Ali
    Mazi-Lukman Abunawas", "Bupati dan Wakil Bupati Bogor Ade Yasin dan Iwan Setiawan"): the first name
    holds the first post, in the region or institution the second names, and the second name the second;
    not a ticket running for them ("pasangan calon Bupati dan Wakil Bupati Bireuen, A dan B"). Takes the
    first post out of `unpaired`."""
    taken = {h.person for h in held}
    out = []
    for h in held:
        first = next((p for p in unpaired if p.end <= h.post.start and PAIR_AND.fullmatch(text, p.end, h.post.start)), None)
        second = next((p for p in persons if p.start >= h.person.end and p not in taken
                       and TICKET_GAP.fullmatch(text, h.person.end, p.start)), None)
        if first is None or second is None or TICKET_BEFORE.search(text, max(0, first.start - 40), first.start):
            out.append(h)
            continue
        unpaired.remove(first)
        taken.add(second)
        first = replace(first, org=first.org or h.post.org, area=first.area or h.post.area)
        out += [Holding(h.person, first, first.start, h.person.end), Holding(second, h.post, h.post.start, second.end)]
    return out


def _deputy(definition: PostDef) -> PostDef:
    """The deputy's post of a post ("Wakil Sekretaris Jenderal", "Wakil Presiden")."""
    return PostDef(f"Wakil {definition.label}", (), definition.kind, definition.implies)


def _ticket_named_as(text: str, post: PostHit, named: PersonHit, posts: list[PostHit],
                     persons: list[PersonHit]) -> tuple[PersonHit, PostHit] | None:
    """The first of a ticket and the second's post when the ticket is named as two posts ("Joko
    Widodo-Ma'ruf Amin sebagai presiden dan wakil presiden"): `named` is the ticket's second name,
    right before the first post; the second post is the next one of the text, or that post's deputy."""
    first = next((p for p in persons if p.end <= named.start and TICKET_GAP.fullmatch(text, p.end, named.start)), None)
    if first is None:
        return None
    second = next((q for q in posts if PAIR_AND.fullmatch(text, post.end, q.start)), None)
    deputy = re.match(rf"\s+dan\s+(wakil\s+{re.escape(text[post.start:post.word_end])})\b",
                      text[post.end:], re.I) if second is None else None
    if deputy is not None:
        start, end = post.end + deputy.start(1), post.end + deputy.end()
        second = replace(post, start=start, end=end, label=f"Wakil {post.label}", definition=_deputy(post.definition),
                         word_end=end)
    return (first, second) if second is not None else None


CUT_THEN_COMMA = re.compile(r"\s+,\s*,")  # "Ketua DPR  ,, Wibi": a slot the scraper emptied, then a comma


def holder_cut(text: str, post: PostHit, name_start: int) -> bool:
    """Whether the scraper cut the post's holder before the name at `name_start`: its institution is named whole (a
    branch or a national body), then an emptied slot and a comma ("putra Ketua DPR  ,, Wibi Andrino yang merupakan
    ..."): the page linked the holder's name (the slot itself may stand for it, kg.nlp.holes)."""
    cut = CUT_THEN_COMMA.match(text, post.end)
    return post.org is not None and bool(post.org.area or post.org.level == "national") \
        and cut is not None and cut.end() <= name_start


FIELD_OPENING = re.compile(r"[,\s]+(?:[Bb]idang|[Dd][ei]visi)\s")


def field_after_institution(text: str, post: PostHit) -> bool:
    """Whether the post ends with a department's or a division's field after its institution ("Ketua DPP PDI
    Perjuangan Bidang Ideologi", "Komisioner Bawaslu Bali Divisi Hukum"): words of the post, not of a name."""
    return post.org is not None and post.end > post.org.end and FIELD_OPENING.match(text, post.org.end) is not None


def link_holders(text: str, posts: list[PostHit], persons: list[PersonHit]) -> list[Holding]:
    """Pair each post with the person named right before it with "sebagai" or "selaku" between, else
    the one named right after it, else right before it (apposition: "Fakhrian Noor, Ketua KPU Tapin").
    A person already named after a post is not taken again by the next post of a list ("Kaban X, A,
    Kadis Y, B")."""
    out = []
    unpaired = []
    posts = [p for p in posts if p.qualifier != "none"]  # "calon Gubernur", "menjadi Ketua"
    paired: set[PostHit] = set()
    for post in posts:
        if post in paired:
            continue
        named = next((p for p in persons if p.end <= post.start and NAMED_AS.fullmatch(text, p.end, post.start)
                      and not PASSIVE_BEFORE.search(text, max(0, p.start - 40), p.start)
                      and not OBJECT_BEFORE.search(text, max(0, p.start - 50), p.start)), None)
        ticket = _ticket_named_as(text, post, named, posts, persons) if named is not None else None
        if ticket is not None:  # "Joko Widodo-Ma'ruf Amin sebagai presiden dan wakil presiden": in that order
            first, second = ticket
            out += [Holding(first, post, first.start, post.end), Holding(named, second, named.start, second.end)]
            paired.add(second)
            continue
        if named is not None:  # "A sebagai Ketua Fraksi, B sebagai Sekretaris Fraksi dan C sebagai Bendahara"
            out.append(Holding(named, post, named.start, post.end))
            continue
        after = min((p for p in persons if p.start >= post.end), key=lambda p: p.start, default=None)
        gap = text[post.end:after.start] if after is not None else ""
        if after is not None and not (LINK.match(gap) or HELD_BY.match(gap) or (
                OTHER_NAME_THEN_HOLDER.fullmatch(gap) and not any(post.end < q.start < after.start for q in posts))):
            after = None  # the first name after the post, or none: not one behind another name (but after the
            # office's other name: "Menteri PPN atau Badan Perencanaan Pembangunan Nasional B")
        if after is not None and (of_another(text, post.start, post.word_end, after.start) or not field_after_institution(
                text, post) and of_another(text, post.start, post.end, after.start)):  # "Bidang Perempuan dan Anak": no kin
            # "asisten pribadi Imam Nahrawi, Miftahul Ulum", "Ketua Tim Penasihat Hukum Kivlan Zen, Tonin Tachta": the
            # name after the possessor holds it
            after = next((p for p in persons if p.start > after.end
                          and POSSESSOR_THEN_HOLDER.fullmatch(text, after.end, p.start)), None)
        elif after is not None and post.served is not None and (holder := next(
                (p for p in persons if p.start > after.end and POSSESSOR_THEN_HOLDER.fullmatch(text, after.end, p.start)),
                None)) is not None:
            # "Penasihat Hubungan Luar Negeri Presiden Xi Jinping, Song Tao": the president, then his adviser
            out.append(Holding(after, post.served, post.served.start, after.end))
            after = holder
        if after is not None and holder_cut(text, post, after.start):
            after = None  # "putra Ketua DPR  ,, Wibi Andrino yang ...": the name after the comma is the next item's
        if after is not None and not_held_by_name_after(text, post.start, post.end, after.end):
            continue  # a ticket's spokesman, an aide of the post
        if after is not None and ends_opening_clause(text, post.start, post.end, after.start, after.end):
            after = None  # "Selain bertemu dengan Presiden Madagaskar, Rini juga ...": Rini is the main clause's
        if after is not None and post.qualifier == "of" and text[post.end:after.start].strip():
            after = None  # "mewakili Gubernur Sumsel, Ahmad Fauzi,": the name is the representative's
        if after is not None:  # "mewakili Kapolda Sulteng Irjen Pol Agus Nugroho": the Kapolda is the name after
            out.append(Holding(after, replace(post, qualifier=None) if post.qualifier == "of" else post,
                               post.start, after.end))
        elif post.qualifier != "of":  # "mewakili Bupati", "staf khusus Bupati": no one here holds it
            unpaired.append(post)
    out = _pairs_in_order(text, out, unpaired, persons)
    held_by = {h.post: h.person for h in out}
    for post in list(unpaired):  # "mantan Menteri Sosial sekaligus mantan Sekjen Partai Golkar, Idrus Marham"
        also = next((q for q in posts if q in held_by and ALSO.fullmatch(text, post.end, q.start)), None)
        if also is not None:
            out.append(Holding(held_by[also], post, post.start, held_by[also].end))
            unpaired.remove(post)
    taken = {h.person for h in out}
    for post, nxt in zip(unpaired, unpaired[1:] + [None]):
        before = next((p for p in persons if p.end <= post.start and p not in taken
                       and APPOSITION.fullmatch(text, p.end, post.start)), None)
        if before is None or INITIALS_AFTER.match(text, post.end) or CLAUSE_AFTER.match(text, post.end) \
                or GROUP_REFERRED.match(text, post.end):
            continue  # "Ma'ruf Amin, Presiden ke-6 SBY": the post is the initials' after it, not the name's before;
            # "Menurut Iqbal, anggota kelompok tersebut memang ...": the members of a group the text spoke of
        first = next((p for p in persons if p.end <= before.start and p not in taken
                      and PAIR_AND.fullmatch(text, p.end, before.start)), None)
        if first is not None and nxt is not None and PAIR_AND.fullmatch(text, post.end, nxt.start) \
                and "(" in text[before.end:post.start] and re.match(r"[^()]{0,30}\)", text[nxt.end:]):
            # "Sarma Hutajulu dan Sutrisno Pangaribuan (sekretaris dan wakil ketua fraksi)": in that order
            out += [Holding(first, post, first.start, post.end), Holding(before, nxt, before.start, nxt.end)]
            taken |= {first, before}
            continue
        out.append(Holding(before, post, before.start, post.end))
    return out
