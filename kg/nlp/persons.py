"""Persons named in the text, with their rank and honorifics kept off the name.

A capitalised word sequence is a person when the text marks it as one: a rank or honorific
before it ("Irjen Pol Winarto", "H Sahbirin Noor"), a post before it ("Ketua KPU Tapin Fakhrian
Noor"), a reporting verb around it ("kata Winarto", "Sastriadi menegaskan"), the statistical
model's PER label, or an earlier full form of the same name ("Fakhrian" after "Fakhrian Noor").
Words that are places, institutions, posts or sentence words are never part of a name.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from kg.nlp.dates import WEEKDAY
from kg.nlp.pipeline import NerSpan
from kg.nlp.places import country_at
from kg.nlp.text import COMPASS, NAME_WORD, alternation
from kg.resources import lexicon, split_list, title_words, words

PARTICLE = r"(?:bin|binti|van|der|de|al|Al|el)"
# an all-caps word inside a name ("Jupri JHP Tampubolon") is part of it when a name word follows
INNER_CAPS = r"[A-Z]{3,4}(?=\s[A-Z][a-z])"
ARABIC_ARTICLE = r"(?:al|el|ad|as|ar|an|at|az)-[A-Z][a-z]+"  # "Turki al-Maliki", "Abdurrahman as-Sudais"
SHORT_GIVEN = r"(?<![\w.])(?:Moh|Moch|Mochd|Much|Muh|Muhd|Mhd|Abd)\.(?=\s[A-Z])"  # "Moh. Ramli Tongko": Mohammad, Abdul
NAME_SEQ = re.compile(rf"(?:{SHORT_GIVEN}|{NAME_WORD})(?:[ \t](?:{SHORT_GIVEN}|{NAME_WORD}|{PARTICLE}(?=\s[A-Z])"
                      rf"|{INNER_CAPS}|{ARABIC_ARTICLE}))*")  # one line; "Wahyudin Abd. Kadir": a short form inside
EDITOR_MARK = re.compile(r"-(?:red|Red|RED)$")  # "(Gubernur Riau, Syamsuar-red)"
REGION_WORD = re.compile(r"\s(?:Provinsi|Kabupaten|Kota|Kecamatan|Desa|Kelurahan|se-?)\b")
SPEECH_AFTER = re.compile(r"\b(?:kata|ujar|ucap|tutur|tegas|jelas|tambah|ungkap|imbuh|terang|sebut|pungkas|papar"
                          r"|lanjut|Menurut|menurut|oleh)\s+$")
APPOSITION = re.compile(r"\s*(?:\(|,\s*(?:selaku\s|sebagai\s|yang\s+juga\s|yang\s+(?:merupakan|menjadi)\s)?"
                        r"|\s(?:selaku|sebagai|yang\s+juga(?:\s+menjabat(?:\s+sebagai)?)?"
                        r"|yang\s+(?:saat\s+ini|kini|sekarang)\s+(?:menjabat(?:\s+sebagai)?|menjadi|merupakan)"
                        r"|(?:yang\s+)?merupakan|yang\s+menjadi)\s)\s*")
COMMA_GAP = re.compile(r"\s?,\s+")
REGION_THEN_HOLDER = re.compile(r"\s?,\s+(?:[A-Z]\w*\.?\s+)*[A-Z][a-z]+(?:\s[A-Z][a-z]+)*(?:,?\s+[A-Z]\.\s?[A-Z]\w*\.?)?"
                               r"\s*(?:,|\.|;|dan\b|serta\b|(?<=\w\s)(?=[a-z]{4,}))")  # "Kades Lahuafu , Saharudin S.E menggantikan"
# a unit's name ending in its capitalised abbreviation, then a name of two words or more
UNIT_ABBREVIATION = re.compile(r"(?:[A-Z][a-z]+\s)+[A-Z]{2,4}\s(?=[A-Z][a-z]+(?:\s[A-Z][\w.']*)+$)")
POST_GAP = re.compile(r"\s*(?:\s(?:lainnya|itu|sendiri|saat ini))?\s*[,:]?\s*")  # "Menteri Sosial: Juliari P Batubara"
COORD = re.compile(r"^\s*(?:,\s*)?(?:dan|serta|&)\s+$")
PAIR_GAP = re.compile(r"^\s*[-–]\s*$")
# "Paslon nomor urut 1, X dan Y", "pasangan calon ..., yakni: X", "calon Gubernur DKI Jakarta terpilih, X"
CANDIDATE_BEFORE = re.compile(r"nomor urut \d+\s*$|(?:nomor urut \d+|\b[Pp]aslon|\b[Pp]asangan|\b[Cc]alon\s+(?:[Gg]ubernur|[Bb]upati|"
                              r"[Ww]ali\s?[Kk]ota|[Ww]akil))[^.\n“”\"]{0,50}?[,:]\s*$"
                              # "pasangan Heroe Poerwadi-SW Supena", "paslon 02 Eddy Santana Putra-Riezky Aprilia"
                              r"|\b[Pp]a(?:sangan|slon)(?:\s+calon)?(?:\s+(?:nomor urut\s+)?\d+)?(?:\s+|(?:\s+[A-Z][^\s-]*){1,4}-\s*)$")
CANDIDATE_AFTER = re.compile(r"^[^.\n“”\"]{0,45}?\bnomor urut\b")


@dataclass(frozen=True)
class PersonHit:
    start: int
    end: int
    text: str  # as written, with rank/honorific
    name: str  # without them
    name_start: int
    rank: str | None = None
    evidence: str = "rule"


@cache
def _titles() -> str:
    """Ranks and honorifics as one regex alternation, longest first."""
    forms = [r[0] for r in lexicon("ranks")] + [r[0] for r in lexicon("honorifics")]
    return alternation(forms)


@cache
def _title_pattern() -> re.Pattern[str]:
    # a rank's short form may stand in brackets after it: "Ajun Komisaris Besar Polisi (AKBP) Dan Arianto"
    return re.compile(rf"(?:(?<=\s)|^|(?<=[(\"“,]))(?:{_titles()})\.?(?=\s)|(?<=\s)\((?:{_titles()})\)(?=\s)")


@cache
def _leading_titles() -> re.Pattern[str]:
    """Ranks and honorifics opening a name that follows a hyphen ("Jokowi-Kiai Ma'ruf")."""
    return re.compile(rf"(?:(?:{_titles()})\s+)+")


@cache
def _holder_titled_after() -> re.Pattern[str]:
    """A rank or honorific (of two letters or more) and a name right after a name: the name before is
    the unit whose head follows."""
    titles = [r[0] for name in ("ranks", "honorifics") for r in lexicon(name) if len(r[0].rstrip(".")) > 1]
    return re.compile(rf"\s+(?:{alternation(titles)})\.?\s+[A-Z]")  # not "H": "Yasonna H Laoly"


@cache
def _ranks() -> frozenset[str]:
    return words("ranks")


@cache
def _speech_before() -> re.Pattern[str]:
    verbs = [r[0] for r in lexicon("speech_verbs") if r[1] == "before"]
    return re.compile(rf"^\s*(?:,\s*)?(?:juga\s|pun\s|kembali\s|lebih lanjut\s)?(?:{'|'.join(verbs)})\b")


@cache
def _stop() -> frozenset[str]:
    posts = {w for r in lexicon("posts") for w in r[0].split() if len(w) > 3} - {
        r[0] for r in lexicon("name_words") if r[1] != "after"}
    return words("name_stopwords") | posts | title_words() | {r[0] for r in lexicon("honorifics")}


@cache
def _exclamations() -> frozenset[str]:
    """Words of religious exclamations (kg/lexicons/name_stopwords.tsv rows marked "exclamation")."""
    return frozenset(r[0] for r in lexicon("name_stopwords") if r[1] == "exclamation")


def _name_runs(text: str) -> Iterator[re.Match[str]]:
    """Runs of name words, but those holding a religious exclamation ("Allahu Akbar": not "Akbar")."""
    return (m for m in NAME_SEQ.finditer(text) if _exclamations().isdisjoint(m.group().split()))


@cache
def _name_tails() -> frozenset[str]:
    """Words of posts that go on a name after a name word ("Setya Utama"), not before it."""
    return frozenset(r[0] for r in lexicon("name_words") if r[1] == "after")


@cache
def _org_words() -> frozenset[str]:
    return words("org_words")


def has_institution_word(tokens: list[str]) -> bool:
    """A word that opens or makes up an institution's name (kg/lexicons/org_words.tsv), with or without its
    abbreviation's point ("PT. Damai Tour"): no person's name holds one."""
    return any(t in _org_words() or t.endswith(".") and t[:-1] in _org_words() for t in tokens)


@cache
def _degrees() -> frozenset[str]:
    return words("degrees")


# a word with the possessive -nya, its stem of five letters or more, is a noun or adverb, no name's
# ("Khotbahnya Ustad Iqbal", "Pasalnya Supratman", "Menurutnya"; not "Sonya", "Bunanya")
POSSESSED_WORD = re.compile(r"[A-Z][a-z]{4,}nya")
POSSESSED_WORD_LEAD = re.compile(rf"{POSSESSED_WORD.pattern}\s+")


def _country_in_lead(text: str, start: int, end: int) -> int | None:
    """Where a country's name ends that opens the run, that a word of the run's opening comes before ("CEO
    Rostec Rusia Sergei Chemezov": the company, its country, then the name) or that began before the run
    ("Timor-Leste Owen Jenkins" read from "Leste"); None when there is none."""
    begun = text.rfind(" ", 0, start) + 1
    if begun < start and (found := country_at(text, begun)) is not None and found > start:
        return found
    second = re.match(r"\S+\s+", text[start:end])
    return country_at(text, start) or (country_at(text, start + second.end()) if second else None)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A name without the number of its post ("Deputi IV Yuni"), the acronym (and the unit word or acronym before
    it) or possessed word written before it ("Menteri KKP Susi Pudjiastuti", "Manajer Budaya TMII Ertis
    Yuliamanikam", "PD PPJ Muzakkir", "Pasalnya Supratman"), a country's name, or a word and a country's name,
    before two words or more ("Suriname Yldiz Pollack", "Rostec Rusia Sergei Chemezov"), nor the degrees, editor's mark, acronym, currency or verb written after it ("Iskandar ST",
    "Syamsuar-red", "Winarto BNN", "Jokowi Rp 5 triliun", "Febrita Lustia Menyampaikan rasa syukur")."""
    lead = ROMAN_LEAD.match(text[start:end]) \
        or re.match(r"(?:[A-Z][a-z]+\s+)?(?:(?![IVX]+\s)[A-Z]{2,}\s+)?[A-Z]{3,}\s+(?=\S+\s+\S)"
                    r"|(?:(?![IVX]+\s)[A-Z]{2,}\s+)?[A-Z]{3,}\s+", text[start:end]) \
        or POSSESSED_WORD_LEAD.match(text[start:end])
    if lead and end - start > lead.end():
        start += lead.end()
    country = None if lead else _country_in_lead(text, start, end)  # "OCBC Singapura North Branch": a company's
    if country is not None and re.match(r"\s+\S+\s+\S", text[country:end]):
        start = country + 1  # "Menteri Luar Negeri Suriname Yldiz Pollack": the minister's country, not his name
    while True:
        piece = text[start:end]
        mark = EDITOR_MARK.search(piece)
        if mark:
            end = start + mark.start()
            continue
        head, _, last = piece.rpartition(" ")
        if head and (last.rstrip(".") in _degrees() or (last.isupper() and len(last) >= 3) or last.rstrip(".") == "Rp"
                     or AFFIXED_VERB.match(last)):
            end = start + len(head)
            continue
        return start, end


ROMAN_LEAD = re.compile(r"(?:II|III|IV|VI|VII|VIII|IX|XI|XII)\s+(?=[A-Z][a-z])")  # "Deputi IV Yuni": the post's number
AFFIXED_VERB = re.compile(r"^(?:Di|Mem|Men|Meng|Ber|Ter|Diper)[a-z]{4,}(?:kan|nya)$")
PAIR_NICKNAME = re.compile(r"^(?!(?:Al|El|Abd|Abdul)-)[A-Z][a-z]{2,}-[A-Z][A-Za-z]{2,}$")
ABSTRACT_NOUN = re.compile(r"^(?:Ke|Pe|Pem|Pen|Peng|Per)[a-z]{3,}an$")  # Keuangan, Pemerintahan, Pendidikan
# "Bacharuddin Jusuf (BJ) Habibie": a name's first words, their initials in brackets, then its last word(s)
INITIALS_THEN_REST = re.compile(r"\s*\((?P<initials>[A-Z]{2,4})\)\s+(?P<rest>[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+)?)")


def with_bracketed_initials(text: str, hits: list[PersonHit]) -> list[PersonHit]:
    """A name written with its first words' initials in brackets before its last word ("Bacharuddin Jusuf
    (BJ) Habibie") is one name: the hit of its first words runs on over the rest, and the rest is no name
    of its own."""
    out, absorbed = [], []
    for h in hits:
        m = INITIALS_THEN_REST.match(text, h.end)
        if m and len(h.name.split()) >= 2 and m.group("initials") == _initials(h.name).upper():
            out.append(replace(h, end=m.end(), text=text[h.start:m.end()], name=f"{h.name} {m.group('rest')}"))
            absorbed.append((h.end, m.end()))
        else:
            out.append(h)
    return [h for h in out if not any(a <= h.start and h.end <= b for a, b in absorbed)]


ABSTRACT_NOUN_LEAD = re.compile(r"(?:Ke|Pe|Pem|Pen|Peng|Per)[a-z]{3,}an\s+(?=[A-Z])")
# "Garut Selatan Dedi Kurniawan": a compass word ends a region's name the gazetteer does not know; no name opens
# with one ("Timur" does: Timur Pradopo)
COMPASS_LEAD = re.compile(rf"(?:(?!Timur\s){COMPASS}|Barat\s+Daya|Timur\s+Laut)\s+(?=[A-Z]\S*\s+[A-Z])")


@cache
def _connective_lead() -> re.Pattern[str]:
    """A connective opening the sentence before a name (kg/lexicons/connectives.tsv): "Apalagi Gus Dur"."""
    return re.compile(rf"(?:{alternation(w.capitalize() for w in words('connectives'))})\s+(?=[A-Z])")


def without_abstract_lead(hit: PersonHit) -> PersonHit:
    """A name without the abstract noun or the connective opening its sentence ("Kedatangan Safrudin dan
    ...", "Penangkapan Dandhy ...", "Apalagi Gus Dur sebagai Presiden ...") or the compass word of a region
    before it ("Garut Selatan Dedi Kurniawan"): such a word opens no name, whoever read the run as one."""
    lead = ABSTRACT_NOUN_LEAD.match(hit.name) or COMPASS_LEAD.match(hit.name) or _connective_lead().match(hit.name)
    if lead is None or hit.name_start != hit.start:
        return hit
    return without_lead(hit, lead.end())


def without_lead(hit: PersonHit, length: int) -> PersonHit:
    """The hit less the first `length` characters of its name, which opens it: words that open no name."""
    start = hit.start + length
    return replace(hit, start=start, text=hit.text[length:], name=hit.name[length:], name_start=start)


def _plausible_name(name: str) -> bool:
    """Not an institution's name ("Biro Penerangan Masyarakat") nor a verb opening a sentence
    ("Diberitakan")."""
    tokens = name.split()
    if has_institution_word(tokens) or any(ABSTRACT_NOUN.match(t) for t in tokens):
        return False
    if len(tokens) == 1 and PAIR_NICKNAME.match(tokens[0]):
        return False  # "Koster-Giri": a candidate pair's nickname, not one person
    if len(tokens) == 1 and (tokens[0] in words("name_stopwords") or tokens[0] in words("titles_alone")):
        return False  # "Capres" of "pasangan Capres-Cawapres nomor urut 01": a half of a hyphenated pair of words;
        # "kata Raja": a ruler's title without his name
    if len(tokens) > 1 and tokens[0] in words("titles_alone") and country_at(name, len(tokens[0]) + 1) == len(name):
        return False  # "Emir Kuwait", "Raja Arab Saudi": the ruler's title and his country, no name
    if len(tokens) == 1 and _fused_post(tokens[0]):
        return False  # "Kasatlantas", "Kadispenau": a unit head's post run together with the unit
    return not (len(tokens) == 1 and (AFFIXED_VERB.match(tokens[0]) or POSSESSED_WORD.fullmatch(tokens[0])))


@cache
def _unit_head_forms() -> tuple[str, ...]:
    """One-word short forms of the posts of unit and office heads in kg/lexicons/posts.tsv ("Kasat",
    "Kadis", "Kasubdit", "Kapuspen"), five to eight letters."""
    forms = {f for row in lexicon("posts") if row[2] in ("head", "acronym")
             for f in (row[0], *split_list(row[1])) if " " not in f and 5 <= len(f) <= 8}
    return tuple(sorted(forms, key=len, reverse=True))


def _fused_post(word: str) -> bool:
    """A unit head's short post with its unit's abbreviation run on in lower case ("Kasat" + "lantas")."""
    return any(word.startswith(f) and len(word) - len(f) >= 3 and word[len(f):].isalpha() and word[len(f):].islower()
               for f in _unit_head_forms())


def find_persons(text: str, blocked: list[tuple[int, int]], ner: tuple[NerSpan, ...],
                 post_ends: dict[int, str], post_starts: frozenset[int] = frozenset()) -> list[PersonHit]:
    """Person mentions. `blocked` are spans of places, institutions and posts; `post_ends` are
    offsets where a post phrase ends (a name right after is that post's holder), each saying
    whether the post still lacks its region, and of which kind it is then: "acronym" ("Kapolsek
    Cisauk": the next word is a place) or "area" ("Lurah Cipayung"); "" when it has it."""
    cover = _coverage(len(text), blocked)
    ner_spans = [(e.start, e.end) for e in ner if e.label in ("PER", "PERSON")]
    hits: list[PersonHit] = []
    for m in _name_runs(text):
        for start, end in _split_blocked(m.start(), m.end(), cover, text):
            for piece_start, piece_end in _split_pair(text, start, end):
                piece_start, piece_end = _trim(text, piece_start, piece_end)
                hit = _judge(text, piece_start, piece_end, post_ends, post_starts, ner_spans, cover)
                if hit is None and any(0 <= piece_start - p <= 14 and not re.search(r"[.,;:!?(]", text[p:piece_start])
                                       for p in post_ends):
                    # "Kepala Staf Kepresidenan Moeldoko", "Perdana Menteri (PM) India Narendra Modi": after a post,
                    # the model's name ends the run
                    hit = next((h for s, e in ner_spans if piece_start < s < e <= piece_end
                                if (h := _judge(text, s, e, post_ends, post_starts, ner_spans, cover))), None)
                if hit is not None:
                    hits.append(hit)
    hits = _coordinated(text, hits, cover)
    return _nicknames(text, _short_forms(text, hits, cover), cover)


def model_persons(text: str, ner: tuple[NerSpan, ...], blocked: list[tuple[int, int]]) -> list[PersonHit]:
    """Person mentions as the model alone finds them (PER spans), ranks and honorifics split off the
    name: the "learned only" system of cross-validation, without the rules' judgement."""
    hits = []
    for e in ner:
        if e.label not in ("PER", "PERSON") or any(s < e.end and e.start < t for s, t in blocked):
            continue
        titles = _leading_titles().match(text, e.start)
        name_start = titles.end() if titles and titles.end() < e.end else e.start
        name = text[name_start:e.end].strip(" ,.")
        if len(name) >= 2:
            rank = text[e.start:name_start].strip() or None
            hits.append(PersonHit(e.start, name_start + len(name), text[e.start:name_start + len(name)], name,
                                  name_start, rank, "model"))
    return hits


def _split_pair(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"Joko Widodo-KH Ma'ruf Amin", "Wayan Koster-I Nyoman Giri Prasta", "Prabowo-Sandi", "Jokowi-Ma'ruf":
    a candidate pair written with a hyphen is two names when either side has two words or more, or
    both are names of three letters or more; but not one foreign name written with a hyphen
    (`_one_hyphenated_name`)."""
    run = text[start:end]
    for m in re.finditer(r"(?<![ \t][a-z]{2})(?<![ \t][AE]l)-(?=[A-Z])", run):  # not "Turki al-Maliki", "Riyad Al-Maliki"
        left, right = run[:m.start()], run[m.end():]
        if right.rstrip(".") in title_words():  # "Jokowi-KH. Ma'ruf Amin": the title opens the next name
            return [(start, start + m.start())]
        name = _one_hyphenated_name(text, start, left, right)
        if name is not None:  # the words before it ("Kemarin Kim Woo-Bin") are a piece of their own
            return [piece for piece in ((start, start + name), (start + name, end)) if piece[0] < piece[1]]
        if len(left.split()) > 1 or len(right.split()) > 1 or (
                len(left) >= 3 and len(right.split()[0]) >= 3 and left[-1].islower()):
            right_start = start + m.end()
            titles = _leading_titles().match(text, right_start, end)
            return [(start, start + m.start()), (titles.end() if titles else right_start, end)]
    return [(start, end)]


# words before a ticket running in an election, which say that its two sides are persons: "tim pemenangan
# Prabowo-Sandi", "kubu Jokowi-Ma'ruf", "paslon Herman-Kalsum" (not "Tim Persib-Persija", "era Orde-Baru")
RUNNING_TICKET_WORDS = (r"[Pp]asangan|[Pp]aslon|[Cc]apres|[Cc]awapres|[Cc]agub|[Cc]awagub|[Cc]abup|[Cc]awabup|[Cc]awalkot"
                        r"|[Dd]uet|[Kk]ubu|[Tt]imses|TKN|BPN|[Pp]emenangan|[Mm]emenangkan|[Pp]endukung|[Rr]elawan")
RUNNING_TICKET_BEFORE = re.compile(rf"\b(?:{RUNNING_TICKET_WORDS})\b[^.\n]{{0,30}}$")
# words before a ticket of two names, running or in office: those, and "calon", "tim", "pemerintahan Jokowi-Jusuf
# Kalla", "era", "periode"
TICKET_BEFORE = re.compile(rf"\b(?:{RUNNING_TICKET_WORDS}|[Cc]alon|[Dd]uo|[Kk]oalisi|[Tt]im|[Nn]omor urut|[Kk]emenangan"
                           r"|[Pp]emerintahan|[Ee]ra|[Kk]abinet|[Rr]ezim|[Pp]eriode)\b[^.\n]{0,30}$")
PAIR_LEFT = re.compile(r"[A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*){0,3}-$")


def _side_of_ticket(text: str, start: int, end: int) -> bool:
    """A name of a ticket running in an election, written with a hyphen ("tim pemenangan Prabowo-Sandi",
    "kubu Jokowi-Ma'ruf"): either side, though neither is marked otherwise."""
    if re.match(r"-[A-Z]", text[end:end + 2]):
        first = start
    elif text[start - 1:start] == "-" and (left := PAIR_LEFT.search(text, max(0, start - 60), start)):
        first = left.start()
    else:
        return False
    return RUNNING_TICKET_BEFORE.search(text, max(0, first - 40), first) is not None


def _one_hyphenated_name(text: str, start: int, left: str, right: str) -> int | None:
    """A hyphen inside one name, not between a ticket's two (kg/lexicons/hyphenated_names.tsv): a European
    compound given name ("Jean-Claude Juncker": a given name's first part alone before the hyphen) or a
    Korean given name of two syllables after a family name ("Kim Woo-Bin"); unless a ticket word comes
    before it ("pasangan", "timses") or the article names a side alone ("Jean" beside "Jean-Claude").
    Returns where in `left` the name starts, or None."""
    before, after = left.split(), right.split()
    if not before or not after or TICKET_BEFORE.search(text, max(0, start - 40), start):
        return None
    kinds = _hyphenated_name_words()
    if kinds.get(before[-1]) == "given" and len(after) >= 2:
        sides = (before[-1], " ".join(after))
    elif len(before) >= 2 and kinds.get(before[-2]) == "family" and len(after) == 1 and max(
            len(before[-1]), len(after[0])) <= 5:
        sides = (" ".join(before[-2:]), after[0])
    else:
        return None
    if any(re.search(rf"(?<![\w'’-]){re.escape(side)}(?![\w'’-])", text) for side in sides):
        return None
    return left.rindex(sides[0])


@cache
def _hyphenated_name_words() -> dict[str, str]:
    return {row[0]: row[1] for row in lexicon("hyphenated_names")}


def _coverage(n: int, spans: list[tuple[int, int]]) -> bytearray:
    cover = bytearray(n + 1)
    for s, e in spans:
        cover[s:e] = b"\x01" * (e - s)
    return cover


def _split_blocked(start: int, end: int, cover: bytearray, text: str):
    """Sub-sequences of name words that no place/institution/post/stop word covers."""
    run_start, prev_end = None, start
    for w in re.finditer(r"\S+", text[start:end]):
        ws, we = start + w.start(), start + w.end()
        bad = any(cover[ws:we]) or w.group() in _stop() and not (
            run_start is not None and (len(w.group().rstrip(".")) == 1  # "Yasonna H Laoly": a middle initial, not Haji
                                       or w.group() in _name_tails()))
        if bad:
            if run_start is not None:
                yield run_start, prev_end
            run_start = None
        else:
            if run_start is None:
                run_start = ws
            prev_end = we
    if run_start is not None:
        yield run_start, prev_end


def _judge(text: str, start: int, end: int, post_ends: dict[int, str], post_starts: frozenset[int],
           ner_spans, cover: bytearray) -> PersonHit | None:
    """A PersonHit when the context marks [start, end) as a person's name."""
    name = text[start:end]
    if len(name) < 3 or name.isupper() and len(name) <= 5 or not _plausible_name(name):
        return None
    titles_start, rank = _titles_before(text, start)
    if titles_start == start and all(w.lower() in words("common_words") for w in name.split()):
        return None  # "Apalagi", "Periode", "Turun Tangan": words the news writes in lower case (kg.training.common_words)
    before = text[max(0, titles_start - 40):titles_start]
    after = text[end:end + 40]
    evidence = None
    if rank is not None or titles_start < start:
        evidence = "title"
    elif (post := next((p for p in post_ends if 0 <= titles_start - p <= 14
                        and POST_GAP.fullmatch(text[p:titles_start])), None)) is not None:
        if post_ends[post] == "acronym" and len(name.split()) == 1:
            return None
        if post_ends[post] == "area" and REGION_THEN_HOLDER.match(text, end) \
                and COMMA_GAP.match(text, end).end() not in post_starts \
                and (len(name.split()) == 1 or not any(s <= start and end <= e for s, e in ner_spans)):
            return None  # "Kades Ulunipa, Aboka": the village the table does not know, then its head (not
            # "Wakil Gubernur Musa Rajekshah, Sekdaprov Sabrina": another post and its holder)
        if _holder_titled_after().match(text, end):
            # "Ketua Umum Dharma Pertiwi Ny. Nanny Hadi Tjahjanto", "Kapolsek Metro Tanah Abang AKBP Lukman
            # Cahyono": the unit, then its titled head
            return None
        if rank is None and (unit := UNIT_ABBREVIATION.match(name)):
            # "Ketua Umum Bara JP Viktor S Sirait": the unit's name and abbreviation, then the holder
            start += unit.end()
            return PersonHit(start, end, text[start:end], text[start:end], start, None, "post")
        if post_ends[post] and len(name.split()) >= 3 and rank is None and not text[post:titles_start].strip() \
                and not any(s == start and end <= e for s, e in ner_spans):
            # "Lurah Cipayung Tomi Patria": the post's region the table does not know, then the name (unless the
            # model reads the whole run as one: "Gubernur Anies Rasyid Baswedan")
            start = start + len(name.split()[0]) + 1
            return PersonHit(start, end, text[start:end], text[start:end], start, None, "post")
        if _unit_after(text, end, cover):
            return None  # "Kepala Cabdis Dikhud Kecamatan ...", "Ketua Umum Mabida Papua Barat": a unit's name
        if (head := UNIT_THEN_HEAD.match(text, end)) and head.start("name") not in post_starts \
                and not any(s <= start and end <= e for s, e in ner_spans):
            return None  # "Kepala Prakirawan BMKG Perak-Surabaya, Ari Wijayanto mengatakan": the unit, then its head
        evidence = "post"
    elif SPEECH_AFTER.search(before) or _speech_before().match(after):
        evidence = "speech"
    elif _after_speech_and_post(text, titles_start, end, post_ends, post_starts):
        evidence = "attribution"
    elif CANDIDATE_BEFORE.search(text[max(0, titles_start - 80):titles_start]) or CANDIDATE_AFTER.match(after):
        evidence = "candidate"
    elif (link := APPOSITION.match(text, end)) and link.end() in post_starts:
        evidence = "apposition"
    elif _side_of_ticket(text, titles_start, end):
        evidence = "ticket"
    elif any(s <= start and end <= e for s, e in ner_spans):
        evidence = "model"
    if evidence is None:
        return None
    return PersonHit(titles_start, end, text[titles_start:end], name, start, rank, evidence)


# a post's field in lower case, then the comma before its holder: "Koordinator aksi, "
FIELD_THEN_COMMA = re.compile(r"(?:\s+[a-z]\w*){0,3}\s*,\s*")
CLAUSE_END = re.compile(r"\s*(?:[.,;]|$)")


def _after_speech_and_post(text: str, start: int, end: int, post_ends: dict[int, str],
                           post_starts: frozenset[int]) -> bool:
    """A name that ends the attribution after a quote, behind a reporting verb, a post and a comma ("...,"
    tegas Koordinator aksi, Dilan."): the speaker, whether or not the model or the lexicon knows the name."""
    if not CLAUSE_END.match(text, end):
        return False
    return any(FIELD_THEN_COMMA.fullmatch(text, p, start) and any(
        p - 60 <= s < p and SPEECH_AFTER.search(text, max(0, s - 12), s) for s in post_starts)
        for p in post_ends if start - 40 <= p < start)


# After a post's words: the rest of a hyphenated unit name, a comma, then a name and a lowercase word
UNIT_THEN_HEAD = re.compile(r"(?:\s[A-Z]{2,6})?(?:-[A-Z]\w*)*,\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z'.]+){1,3})\s+[a-z]")


# a run of capitalised words with its joining words ("Badan Meteorologi, Klimatologi, dan Geofisika"), then the
# acronym its initials spell in brackets
SPELT_RUN_AFTER = re.compile(r"(?P<run>(?:\s*,?\s+(?:dan\s+|serta\s+|&\s+)?[A-Z][\w'-]*)*)"
                             r"\s*\((?P<acronym>[A-Z]{3,8})\)")
CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][\w'-]*\s*,?\s+(?:(?:dan|serta|&)\s+)?)+$")


def inside_spelt_name(text: str, start: int, end: int) -> bool:
    """Words inside a name its bracketed acronym spells with words before or after them ("Aliansi Penyelamat
    Masjid Amal Silaturrahim (APMAS)", "Badan Metodologi, Klimatologi, dan Geofisika (BMKG)") are an
    institution's words, not a person's name; a name's own initials ("Bacharuddin Jusuf (BJ) Habibie") are
    not such an acronym."""
    after = SPELT_RUN_AFTER.match(text, end, min(len(text), end + 80))
    if after is None:
        return False
    acronym = after.group("acronym")
    inside = _initials(text[start:end]) + "".join(re.findall(r"\b[A-Z]", after.group("run")))
    before = CAPITALISED_BEFORE.search(text, max(0, start - 80), start)
    lead = "".join(re.findall(r"\b[A-Z]", before.group())) if before else ""
    need = len(acronym) - len(inside)
    return 0 < need <= len(lead) and lead[len(lead) - need:] + inside == acronym


def _titles_before(text: str, start: int) -> tuple[int, str | None]:
    """Start of the rank/honorific words right before a name, and the rank among them."""
    pos, rank = start, None
    while True:
        window = text[max(0, pos - 30):pos]
        found = None
        for m in _title_pattern().finditer(window):
            if window[m.end():].strip() == "" and len(window) - m.end() <= 2:
                found = m
        if found is None:
            return pos, rank
        title = found.group().rstrip(".")  # "Irjen Pol. Sandi Nugroho"
        if title in _ranks():
            rank = title if rank is None else f"{title} {rank}"
        pos = max(0, pos - 30) + found.start()


def _coordinated(text: str, hits: list[PersonHit], cover: bytearray) -> list[PersonHit]:
    """"Muhidin dan Hasnuryadi Sulaiman", "Made Muliawan Arya – Putu Agus Suradnyana": a name
    joined to a known one is a name too."""
    known = {(h.start, h.end) for h in hits}
    out = list(hits)
    for m in _name_runs(text):
        for start, end in _split_blocked(m.start(), m.end(), cover, text):
            if (start, end) in known or any(h.name_start <= start < h.end for h in out):
                continue
            for h in hits:
                gap_after = text[h.end:start]
                gap_before = text[end:h.start]
                if COORD.match(gap_after) or PAIR_GAP.match(gap_after) or COORD.match(gap_before) \
                        or PAIR_GAP.match(gap_before):
                    if len(text[start:end]) >= 3:
                        out.append(PersonHit(start, end, text[start:end], text[start:end], start, None, "coordination"))
                    break
    return out


# a capitalised word after a name's short form that makes it part of a longer name (a weekday dates the words)
NAME_RUNS_ON = re.compile(rf"\s(?!{WEEKDAY}\b)[A-Z][a-z]")


def _short_forms(text: str, hits: list[PersonHit], cover: bytearray) -> list[PersonHit]:
    """Later single-word mentions ("Fakhrian", "Tenri") of a full name already found."""
    parts = {}
    for h in hits:
        tokens = h.name.split()
        if len(tokens) > 1:
            for t in tokens:
                if len(t) > 2 and t not in _stop():
                    parts[t] = h
    out = list(hits)
    taken = [(h.start, h.end) for h in hits]
    if not parts:
        return out
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in parts) + r")(?![\w-])")
    for m in pattern.finditer(text):
        if any(s <= m.start() < e for s, e in taken) or any(cover[m.start():m.end()]) \
                or NAME_RUNS_ON.match(text, m.end()):
            continue  # "Jusuf Habibie" is no short form of "Jusuf Kalla"
        out.append(PersonHit(m.start(), m.end(), m.group(), m.group(), m.start(), None, "short"))
    return sorted(out, key=lambda h: h.start)


def _unit_after(text: str, end: int, cover: bytearray) -> bool:
    """Words after a post that a place or institution follows directly are the name of a unit the
    post heads, not its holder's name."""
    gap = re.match(r" +", text[end:end + 2])
    if gap is None:
        return False
    nxt = end + gap.end()
    return bool(cover[nxt:nxt + 1] == b"\x01") or bool(REGION_WORD.match(text, end))


# "Presiden Joko Widodo (Jokowi)", "Emil --sapaan akrab Ridwan Kamil--", "Ridwan Kamil yang akrab disapa Emil",
# "kata Emil, sapaan Ridwan Kamil", "Ical, begitu sapaan untuk Aburizal Bakrie"
# a familiar form of address before a nickname ("alias Cak Imin"): kg/lexicons/honorifics.tsv's "familiar" rows
ADDRESSED = rf"(?:(?:{alternation(r[0] for r in lexicon('honorifics') if r[1] == 'familiar')})\s+)?"
NICK_AFTER = re.compile(r"\s*(?:\((?P<paren>[A-Z][A-Za-z]{2,12})\)|,?\s+(?:yang\s+)?(?:akrab\s+)?(?:disapa|dipanggil)"
                        rf"\s+(?:akrab\s+)?{ADDRESSED}(?P<called>[A-Z][a-z]{{2,12}})\b"
                        rf"|\s+alias\s+{ADDRESSED}(?P<alias>[A-Z][a-z]{{2,12}})\b)")
# "Pria yang biasa disapa Aher itu ...": a nickname given to whom the text named last
DESCRIBED_NICK = re.compile(r"\b(?:[Pp]ria|[Ww]anita|[Pp]erempuan|[Pp]olitikus|[Pp]olitisi|[Ss]osok)\s+yang\s+"
                            rf"(?:(?:biasa|akrab)\s+)+(?:disapa|dipanggil)\s+{ADDRESSED}"
                            r"(?P<nick>[A-Z][a-z]{2,12})\b")
NICK_BEFORE = re.compile(r"(?P<nick>[A-Z][a-z]{2,12})\s*(?:--|—|–|\(|,)\s*(?:begitu\s+)?sapaan(?:\s+akrab)?"
                         r"(?:\s+(?:untuk|bagi))?\s+$")


def _nicknames(text: str, hits: list[PersonHit], cover: bytearray) -> list[PersonHit]:
    """A nickname the text gives for a full name ("Joko Widodo (Jokowi)") names the same person
    wherever it is written: its mentions carry the full name."""
    nicks: dict[str, str] = {}
    for h in hits:
        m = NICK_AFTER.match(text, h.end)
        if len(h.name.split()) < 2 and not (m and m.group("alias")):
            continue  # a one-word name's nickname only after "alias" ("Iskandar alias Nando")
        nick = m and (m.group("paren") or m.group("called") or m.group("alias"))
        if nick and nick not in _stop() and nick not in h.name.split() and (not nick.isupper() or
                                                                            _initials(h.name) == nick):
            nicks.setdefault(nick, h.name)
        b = NICK_BEFORE.search(text, max(0, h.start - 40), h.start)
        if b and b.group("nick") not in _stop():
            nicks.setdefault(b.group("nick"), h.name)
    for m in DESCRIBED_NICK.finditer(text):
        named = [h for h in hits if h.end <= m.start() and len(h.name.split()) >= 2]
        if named and m.start() - named[-1].end <= 400 and m.group("nick") not in _stop() \
                and m.group("nick") not in named[-1].name.split():
            nicks.setdefault(m.group("nick"), named[-1].name)
    if not nicks:
        return hits
    full_names = {h.name for h in hits}
    out = [PersonHit(h.start, h.end, h.text, nicks[h.name], h.name_start, h.rank, h.evidence)
           if h.name in nicks and h.name not in full_names - set(nicks) else h for h in hits]
    taken = [(h.name_start, h.end) for h in out]
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in nicks) + r")(?![\w-])")
    for m in pattern.finditer(text):
        if any(s <= m.start() < e for s, e in taken) or any(cover[m.start():m.end()]):
            continue
        out.append(PersonHit(m.start(), m.end(), m.group(), nicks[m.group()], m.start(), None, "nickname"))
    return sorted(out, key=lambda h: h.start)


def _initials(name: str) -> str:
    return "".join(t[0] for t in name.split())
