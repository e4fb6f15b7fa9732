"""Who said what: direct quotes and attributed indirect statements, with their speaker.

Direct: text in quotation marks, one statement per paragraph, the speaker from the attribution
after it (",” kata Winarto", ",” ujarnya", ",” kata Kapolda Riau") or before it ("X mengatakan:"),
else the paragraph's running speaker. Indirect: "Menurut dia, ...", "X mengatakan (bahwa) ...",
"..., kata X, ...". A pronoun (dia, ia, -nya, pihaknya) means the most recently named of: a person
named as the subject of the sentence before ("Susi memohon maaf ... . Ia mengatakan, ..."), and the
last speaker; failing both, the last person named.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from kg.nlp.pipeline import Analysis, Word
from kg.nlp.text import DEMONSTRATIVE, title_case
from kg.records import Sentence
from kg.resources import lexicon, post_head_words, words

# an opening mark is “ or ", and in some outlets ” (measured on the gold: statement recall .722 -> .727)
QUOTE = re.compile(r"[“”\"](?P<q>[^“”\"\n]{8,})(?:[”“\"]|$)", re.MULTILINE)
SHORT_QUOTE = re.compile(r"[“\"](?P<q>[^“”\"\n]{2,40}?[,.!?])[”\"]")  # '"Siap!" ujarnya', '"Iya, benar," kata X'
PRONOUN = re.compile(r"^(?:dia|ia|beliau|nya|pihaknya|dirinya)$", re.IGNORECASE)
# "mantan Panglima ABRI ini", "politikus PDI-P itu": a description that points back like a pronoun
# "mantan Panglima ABRI ini", "politikus Partai Demokrasi Indonesia Perjuangan (PDIP) ini", "anggota , ini" (a
# linked name the scraper cut out leaves its comma)
POINTER = re.compile(rf"^(?:[Mm]antan\s+|[Ss]ang\s+)?[\w.-]+(?:\s+(?:[\w.()/-]+|,)){{0,7}}\s+{DEMONSTRATIVE}$")
_CONNECTIVES = ("Oleh karena itu|Oleh sebab itu|Karena itu|Maka dari itu|Maka itu|Untuk itu|Selain itu|Di samping itu|"
                "Sementara itu|Di sisi lain|Namun|Akan tetapi|Meski demikian|Meski begitu|Walau demikian|Walau begitu|"
                "Dengan demikian|Sebelumnya|Selanjutnya|Kemudian|Lebih lanjut")
CONNECTIVE = re.compile(rf"^(?:{_CONNECTIVES})(?:,\s*|\s+(?=[A-Z]))")
# a subordinate clause opening the sentence, whose end is its first comma ("Meski Presiden X sudah meminta ..., ")
SUBORDINATE = re.compile(r"^(?:Meski(?:pun)?|Walau(?:pun)?|Kendati(?:pun)?|Jika|Kalau|Bila|Apabila|Karena|Setelah|"
                         r"Sesudah|Sebelum|Ketika|Sejak)\s+(?!(?:demikian|begitu|itu)\b)")
LEAD_MARK = re.compile(r"[\W_]*")  # "- " or "— " where a dateline was cut off
LEAD_CLAUSE = re.compile(r"^[A-Z][^,.]{2,50},\s*")  # "Usai pelantikan itu, ": before the subject
NEGATION = frozenset({"tidak", "tak", "belum", "bukan", "enggan", "tanpa"})
# "Menurut dia, ...", "Namun menurut Yasonna, ...", "Data tersebut, menurut mantan danjen Kopassus ini, ..."
# "Menurut Ketua KPU Kota Kupang, Deky Ballo, apabila ...": the name after the post and its comma is the speaker's
MENURUT = re.compile(r"(?:^|(?<=[\s,]))[Mm]enurut(?:nya|\s+(?P<who>[^,]{2,90}(?P<name>,\s+(?:[A-Z][\w'’.-]*\s?){1,5}(?=,))?)),"
                     r"\s*(?P<stmt>.+)$", re.DOTALL)
# "Menurutnya kebijakan itu ...", "Menurut dia kebijakan ...": a pronoun needs no comma after it
MENURUT_PRONOUN = re.compile(r"(?:^|(?<=[\s,]))[Mm]enurut(?:nya|\s+(?P<who>dia|ia|beliau))\s+(?P<stmt>[^,].+)$",
                             re.DOTALL)
# "Kata Mario, pelantikan ...", "Padahal kata dia, mobil itu ...": the reporting verb and its speaker open the
# sentence, after a conjunction or none
_KATA = "kata|ujar|tutur|tegas|jelas|lanjut|sambung|tambah|imbuh"
# "Lanjut Arsul, ...", "Kemudian lanjut Arsul, ...", "Namun kata dia, ...": the verb and its speaker open the sentence
KATA_FIRST = re.compile(rf"^(?:(?:{_CONNECTIVES}|Padahal|Sebab|Karena|Tapi|Tetapi|Bahkan|Lalu|Sedangkan|Sementara|Apalagi),?\s+"
                        rf"(?:{_KATA})"
                        rf"|(?:{_KATA.title()}))\s+(?P<who>[^,]{{2,60}}),\s*(?P<stmt>.+)$", re.DOTALL)
# "Dikatakan dia, ...", "Dikatakan Hasto, ...", "Diakuinya, ...", "Jumlah ini dikatakannya, ...": the passive
# reporting verb and its agent
SAID_PASSIVES = (r"[Dd]i(?:katakan|akui|jelaskan|ungkapkan|sampaikan|tegaskan|terangkan|paparkan|tambahkan|sebutkan"
                 r"|tuturkan|kemukakan|utarakan)")
PASSIVE_SAID = re.compile(rf"(?:^|(?<=[\s,])){SAID_PASSIVES}(?:nya|\s+(?:oleh\s+)?(?P<who>dia|ia|beliau)"
                          r"|\s+(?:oleh\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3})(?=,))\b,?\s*"
                          r"(?:bahwa\s+)?(?P<stmt>.+)$", re.DOTALL)


@dataclass(frozen=True)
class Statement:
    speaker: str  # person key
    text: str
    start: int
    end: int
    direct: bool


@cache
def reporting_verbs(form: str) -> tuple[str, ...]:
    """The reporting verbs of kg/lexicons/speech_verbs.tsv that attribute speech in `form` (after, before, self)."""
    return tuple(r[0] for r in lexicon("speech_verbs") if r[1] == form)


@cache
def _attribution() -> str:
    """What attributes words said before it: "ujarnya", or a reporting verb and who said them. The
    speaker may follow the post after a comma: ",” kata Koordinator Divisi Bawaslu Cianjur, Tatang Sumarna",
    or two where the post lists its fields (",” kata Ketua Divisi Sosialisasi, Pendidikan Pemilih dan
    Partisipasi Masyarakat KPU Jakarta, Astri Megatari")."""
    after = "|".join(reporting_verbs("after"))
    selfs = "|".join(reporting_verbs("self"))
    return (rf"(?:(?P<self>{selfs})\b|(?P<verb>{after})\s+(?P<who>[^,.;:“”\"]{{2,80}}"
            rf"(?:,\s*[^,.;:“”\"]{{2,60}}){{0,2}}))")


@cache
def _after_attribution() -> re.Pattern[str]:
    return re.compile(rf"^[\s,.]*{_attribution()}")


@cache
def before_verb() -> re.Pattern[str]:
    """A reporting verb after its subject ("X mengatakan, ...", "Kapolres juga menjelaskan")."""
    return re.compile(rf"\s(?:juga\s|pun\s|kembali\s)?(?:{'|'.join(reporting_verbs('before'))})\b[\s,:]*")


@cache
def _topic_verbs(kind: str) -> re.Pattern[str]:
    """The reporting verbs of kg/lexicons/speech_verbs.tsv whose third column is `kind` ("topic", "object")."""
    return re.compile(rf"\b(?:{'|'.join(r[0] for r in lexicon('speech_verbs') if r[2:3] == (kind,))})\b")


# "ketika ditanya apakah dia yakin Iran ...": a reporting verb inside the question put says nothing
QUESTION_PUT = re.compile(r"\b(?:[Dd]itanya(?:kan)?|bertanya|menanyakan)\s+(?:\w+\s+)?"
                          r"(?:apakah|apa|bagaimana|mengapa|kenapa|siapa|kapan)\b[^,.;]*$")
# a deed the text alleges, not words said: "Imam juga diduga meminta uang senilai Rp 11,8 miliar"
ALLEGED = re.compile(r"\b(?:diduga|disangka|dituduh|didakwa|dituding)(?:\s+(?:telah|juga|turut|ikut))*\s*$")
CONTENT_OPENS = re.compile(r"(?:bahwa|agar|supaya|jika|kalau|bila|apabila)\b", re.IGNORECASE)


@cache
def _inserted_self() -> re.Pattern[str]:
    return re.compile(rf",\s*(?:{'|'.join(reporting_verbs('self'))})(?:\s+lagi)?\s*,\s*")


@cache
def _inserted() -> re.Pattern[str]:
    """The attribution set in a sentence between commas: "Tahapan selanjutnya, kata Budi, dimulai ...", "Jokowi,
    seperti diungkapkan Ismail, benar-benar ..." (the words are Ismail's)."""
    verbs = "|".join(reporting_verbs("after"))
    return re.compile(rf",\s*(?:{verbs}|seperti\s+(?:yang\s+)?{SAID_PASSIVES}(?:\s+oleh)?)\s+(?P<who>[^,]{{2,100}})"
                      r"(?:,\s*|\.?\s*$)")


class SpeakerResolver:
    """Turns a speaker phrase (a name, a pronoun, a post) into a person key."""

    def __init__(self, mentions: list[tuple[int, int, str]], post_holders: list[tuple[int, int, str]],
                 post_words: set[tuple[str, str]] | frozenset = frozenset(), by_initials: frozenset[str] = frozenset()):
        self.mentions = sorted(mentions)  # (start, end, person key)
        # persons named by initials only (suspects, victims: kg.nlp.initials): said by name, never meant by a pronoun
        self.by_initials = by_initials
        self.post_holders = post_holders  # (start, end, person key) of post phrases naming a holder
        self.post_words = post_words  # (person key, first word of a post the person holds, lower-case)
        self.last_speaker: str | None = None
        self.last_speaker_end = -1  # end offset of the statement the last speaker made
        self.sentences: tuple[Sentence, ...] = ()  # set by find_statements
        self.quoted: tuple[tuple[int, int], ...] = ()  # the quoted passages, set by find_statements

    def spoke(self, speaker: str, end: int) -> None:
        self.last_speaker, self.last_speaker_end = speaker, end

    def person_in(self, start: int, end: int) -> str | None:
        found = [k for s, e, k in self.mentions if start <= s and e <= end]
        if found:
            return found[0]
        held = [k for s, e, k in self.post_holders if start <= s < end]
        return held[0] if held else None

    def holder_of(self, post_word: str) -> str | None:
        """Who a bare post as speaker means (",” ungkap Kapendam"): the last speaker if the article gives
        them that post, else its one holder the article names; None when it names none or several."""
        if (self.last_speaker, post_word) in self.post_words:
            return self.last_speaker
        holders = {person for person, word in self.post_words if word == post_word}
        return holders.pop() if len(holders) == 1 else None

    def post_opening(self, start: int, end: int) -> str | None:
        """The holder of a post phrase that opens [start, end) and stands for a person named elsewhere
        ("Pangdam XVII/Cenderawasih mengimbau ...")."""
        return next((k for s, e, k in self.post_holders if s == start and e <= end), None)

    def name_ending(self, start: int) -> int | None:
        """Where the longest person's name that begins at `start` ends; None when none begins there."""
        return max((e for s, e, _ in self.mentions if s == start), default=None)

    def first_person_in(self, start: int, end: int, *, in_quotes: bool = True) -> tuple[int, str] | None:
        """The first named person (start offset, key) in a span; with `in_quotes` False, none named
        inside quoted words (whom a quote talks about: "Bukan Pak Jokowi yang terganggu," ujarnya)."""
        found = [(s, k) for s, e, k in self.mentions if start <= s and e <= end
                 and (in_quotes or not any(a <= s and e <= b for a, b in self.quoted))]
        return found[0] if found else None

    def last_named_before(self, pos: int, avoid: frozenset[str] = frozenset()) -> str | None:
        """The last person named before `pos`, unless its sentence names them as company of someone
        named before them ("dipimpin oleh Ketua KPU Medan, Mutia Atiqah didampingi keempat Komisioner
        lainnya ... Saut Haornas Sagala": who speaks next is Mutia Atiqah, whom the others accompany)."""
        before = [(s, k) for s, e, k in self.mentions if e <= pos and k not in avoid]
        if not before:
            return None
        return self._accompanied(before[-1][0], before) or before[-1][1]

    def _accompanied(self, at: int, named: list[tuple[int, str]]) -> str | None:
        """The person whom the sentence of the person named at `at` says they accompany: the last one
        of `named` before a company word ("didampingi", "bersama") that stands before `at`."""
        i = self._sentence_index(at)
        if i is None:
            return None
        sentence = self.sentences[i]
        company = COMPANY.search(sentence.text, 0, at - sentence.start)
        if company is None:
            return None
        lead = [k for s, k in named if sentence.start <= s < sentence.start + company.start()]
        return lead[-1] if lead else None

    def subject_before(self, pos: int) -> tuple[int, str] | None:
        """(start, key) of a person named as the subject of the sentence before the one holding
        `pos`: the sentence opens with the name, or with a post or rank and the name."""
        i = self._sentence_index(pos)
        for prev in reversed(self.sentences[max(0, i - SUBJECT_CHAIN):i] if i is not None else ()):
            found = self._subject_of(prev, len(LEAD_MARK.match(prev.text).group()))  # ", - Presiden X ...": a dateline's rest
            if found is not None or not PRONOUN_SUBJECT.match(prev.text):
                return found  # "Tim saksi BirinMU, Akhmad Maulana bersyukur ... . Dia juga menyampaikan ...": still his
        return None

    def _subject_before_in_sentence(self, pos: int) -> tuple[int, str] | None:
        """(start, key) of the subject of the words of `pos`'s sentence before it, when they report speech."""
        i = self._sentence_index(pos)
        if i is None or pos - self.sentences[i].start < 20:
            return None
        cur = self.sentences[i]
        before = replace(cur, end=pos, text=cur.text[:pos - cur.start])
        if not speech_verbs() & set(re.findall(r"\w+", before.text.casefold())):
            return None
        return self._subject_of(before)

    def lead_subject(self, pos: int) -> str | None:
        """The person the article's first sentence is about, when it opens with them ("- Politikus PKB,
        Abdul Kadir Karding mendukung ..."): whom a post pointing back means before anyone has spoken."""
        if not self.sentences or self.sentences[0].start >= pos:
            return None
        found = self._subject_of(self.sentences[0], len(LEAD_MARK.match(self.sentences[0].text).group()))
        return found[1] if found else None

    def _subject_of(self, prev: Sentence, skip: int = 0) -> tuple[int, str] | None:
        lead = CONNECTIVE.match(prev.text, skip)
        skip = lead.end() if lead else skip
        if prev.text[skip:skip + 1] in "“\"'":
            return None  # a quote's words, not its subject
        found = self.first_person_in(prev.start + skip, prev.end, in_quotes=False)
        if found is not None and _title_only(prev.text[skip:found[0] - prev.start], lower_posts=True):
            return found  # "Menteri Dalam Negeri (Mendagri) Tjahjo Kumolo mengapresiasi ..."
        comma = prev.text.find(", ", skip, skip + 40)
        if found is not None and comma > skip and comma + 2 <= found[0] - prev.start and \
                len(prev.text[skip:comma].split()) <= 4 and \
                _title_only(prev.text[comma + 2:found[0] - prev.start], lower_posts=True):
            return found  # "Menanggapi hal itu, Ketua KPU Maluku Syamsul ...", "Tim saksi BirinMU, Akhmad Maulana
            # bersyukur ...": a short lead, then the name (a post may stand before it)
        for verb in PASSIVE.finditer(prev.text):  # "... disampaikan oleh mantan Wakil Ketua KPK, Chandra Hamzah."
            agent = self.first_person_in(prev.start + verb.end(), prev.end, in_quotes=False)
            if agent is not None and _title_only(AGENT_LEAD.sub("", prev.text[verb.end():agent[0] - prev.start]),
                                                 lower_posts=True):
                return agent
        return None

    def _sentence_index(self, pos: int) -> int | None:
        i = bisect_right([s.start for s in self.sentences], pos) - 1
        return i if i >= 0 else None

    def pronoun(self, pos: int, avoid: frozenset[str] = frozenset()) -> str | None:
        """Who a pronoun at `pos` means: the person named as subject of the sentence before, when
        named after the last speaker's statement; else the last speaker; else the last person named;
        never one of `avoid` (those the quoted words themselves name: "Kami yakin Pak Mekeng ...," katanya).
        A quote that opens in the middle of a sentence is of the subject of that sentence's words before it
        ("Chairoman menyebutkan, ... tunjangan,\"Hanya untuk ...,\" kata dia")."""
        avoid = avoid | self.by_initials
        named = self._subject_before_in_sentence(pos) or self.subject_before(pos)
        if named is not None and named[1] not in avoid and (self.last_speaker is None
                                                             or named[0] >= self.last_speaker_end):
            return named[1]
        if self.last_speaker is not None and self.last_speaker not in avoid:
            return self.last_speaker
        return self.last_named_before(pos, avoid)

    def named_within(self, spans: list[tuple[int, int]]) -> frozenset[str]:
        """The persons named inside any of `spans`."""
        return frozenset(k for s, e, k in self.mentions if any(a <= s and e <= b for a, b in spans))

    def resolve(self, phrase: str, start: int, anchor: int | None = None,
                avoid: frozenset[str] = frozenset()) -> str | None:
        """The person a speaker phrase at `start` names; a pronoun is read from `anchor` (the
        start of its sentence or quoted paragraph), by default `start`, and is none of `avoid`."""
        head = phrase.strip().split()[0] if phrase.strip() else ""
        if PRONOUN.match(head) or not head:
            return self.pronoun(start if anchor is None else anchor, avoid)
        named_at = (self.first_person_in(start, start + len(phrase)) or (start + len(phrase),))[0] - start
        if head.islower() and is_kin(head) and "," not in phrase[:named_at]:
            return None  # "ungkap putri dari X": X's daughter speaks, unnamed ("kata istri Bupati, Y": Y does)
        named = self.person_in(start, start + len(phrase))
        if named is None and _pointer(phrase):
            at = start if anchor is None else anchor
            if self.last_speaker is None and self.subject_before(at) is None and \
                    (lead := self.lead_subject(at)) is not None and lead not in avoid:
                return lead  # "ujar anggota , ini" before anyone has spoken: the one the article is about
            return self.pronoun(at, avoid)
        return named


def find_statements(text: str, analysis: Analysis, resolver: SpeakerResolver) -> list[Statement]:
    out: list[Statement] = []
    resolver.sentences = analysis.sentences
    resolver.quoted = quoted_spans(text)
    offset = 0
    for paragraph in text.split("\n"):
        out += _paragraph(text, offset, paragraph, analysis, resolver)
        offset += len(paragraph) + 1
    return out


@lru_cache(maxsize=8)
def quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the text's quoted passages stand, by paragraph as the statements are read: a post and a
    name on either side of a quote's edge are the speaker's words and the narration's, not one phrase. Kept
    for the last few texts: the statements, the post linker and the institution linker each ask."""
    out: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        out += [(offset + q.start("q"), offset + q.end("q")) for q in _quotes(paragraph)]
        offset += len(paragraph) + 1
    return tuple(out)


# a paragraph that only closes its quote ("Kita masih menunggu ... kondusif,” lanjutnya"): the outlet
# dropped the opening mark, or the quote goes on from the paragraph before
CLOSED_ONLY = re.compile(r"^(?P<q>[^“”\"\n]{20,})[”\"]")


def _paragraph(text: str, offset: int, para: str, analysis: Analysis, resolver: SpeakerResolver) -> list[Statement]:
    quotes = _quotes(para)
    short = [(offset + q.start(), offset + q.end()) for q in _short_quotes(para)]
    closed = CLOSED_ONLY.match(para)
    if closed and _after_attribution().match(para[closed.end():]) and (not quotes or quotes[0].start() >= closed.end()):
        quotes = [closed] + _quotes(para, closed.end())
    if quotes:
        # a sentence of the same paragraph without quotation marks may report someone's words too
        # ("X mengatakan, ..." before "“...,” ujarnya"): cross-validated statement F1 .792 -> .795; those
        # before the quotes are read first, so that a pronoun after the quote means who spoke there
        marked = [(offset + q.start("q"), offset + q.end("q")) for q in quotes] + short
        unmarked = [sent for sent in _sentences_in(analysis.sentences, offset, offset + len(para))
                    if not any(s < sent.end and sent.start < e for s, e in marked)]
        first = offset + quotes[0].start("q")  # a sentence may end with the quote's opening mark
        out = [st for sent in unmarked if sent.end <= first and (st := _indirect(sent, resolver)) is not None]
        out += _direct(text, offset, para, quotes, resolver, analysis)
        out += [st for sent in unmarked if sent.end > first and (st := _indirect(sent, resolver)) is not None]
        return sorted(out, key=lambda st: st.start)
    out = []
    for sent in _sentences_in(analysis.sentences, offset, offset + len(para)):
        if any(s < sent.end and sent.start < e for s, e in short):
            continue
        stmt = _indirect(sent, resolver) or _parsed_indirect(sent, analysis, resolver)
        if stmt is not None:
            out.append(stmt)
    return out


def _quotes(para: str, start: int = 0) -> list[re.Match[str]]:
    """The quoted passages of a paragraph from `start`. Narration between two straight marks ("..." ujar
    Albertus dalam diskusi, "...") is no quote: its closing mark opens the next one. A quote may open
    with such a word capitalised ("Jelas sekali ...")."""
    out = []
    pos = start
    while (m := QUOTE.search(para, pos)) is not None:
        words = m.group("q").split()
        if words and words[0].strip(",").casefold() in _attributing() and not words[0][0].isupper():
            closes = m.end() > m.start("q") + len(m.group("q"))
            pos = m.end() - 1 if closes else m.end()
            continue
        if len(words) >= 3 and not title_case(words) and not LEGAL_TEXT_BEFORE.search(para, max(0, m.start() - 90),
                                                                                    m.start()) \
                and not TITLED_BEFORE.search(para, max(0, m.start() - 20), m.start()):
            out.append(m)  # not a title or an event's name, nor a law's wording or a poster's, but words said
        pos = m.end()
    return out


# what opens a law's or a regulation's wording ("Pasal 218 menyebutkan, "...", "Bunyinya, "...""): quoted, not said
LEGAL_TEXT_BEFORE = re.compile(r"(?:\b[Bb]unyinya|\bberbunyi|\b[Pp]asal\s+\d+\w*(?:\s+[Aa]yat\s+\(?\d+\)?)?"
                               r"(?:\s+[A-Za-z]+){0,8}?\s+(?:menyebutkan|menyatakan|mengatur|berbunyi|menuliskan|tertulis)"
                               r"(?:\s+bahwa)?)\s*[,:]?\s*$")  # "Pasal 65 huruf d Tata Tertib DPR RI yang menyatakan bahwa, "
# what opens a title or a poster's words ("video berjudul "...", "poster bertulis "...""): written, not said
TITLED_BEFORE = re.compile(r"\b(?:berjudul|bertajuk|bertema|bertuliskan|bertulisan|bertulis|bertagar)\s*[,:]?\s*$")


def _short_quotes(para: str) -> list[re.Match[str]]:
    """Quoted words too short to be a statement of their own ('"Iya, benar," kata Makmur'): the gold
    articles hold none, but the sentence is no indirect statement either ("kata Makmur ketika ..."
    would be read as the words said)."""
    return [m for m in SHORT_QUOTE.finditer(para) if len(m.group("q").split()) <= 2
            and _after_attribution().match(para[m.end():])]


def _outside(quotes: list[re.Match[str]], length: int) -> list[tuple[int, int]]:
    """The stretches of a paragraph before, between and after its quotes."""
    bounds = [0] + [b for q in quotes for b in (q.start(), q.end())] + [length]
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]


@cache
def _trailing_attribution() -> re.Pattern[str]:
    """',ucap Saut.', ' ,tandasnya.' at the end of a quote whose closing mark the outlet lost with a cut word."""
    return re.compile(rf"\s*,\s*{_attribution()}\s*\.?\s*$")


def _quoted_words(quote: re.Match[str]) -> str:
    """A quote's words; one that runs to the paragraph's end without a closing mark, less the attribution
    left at its end."""
    words = quote.group("q")
    if quote.end() == quote.end("q"):
        cut = _trailing_attribution().search(words)
        words = words[:cut.start()] if cut else words
    return words.strip().rstrip(",").strip()


def _direct(text, offset, para, quotes, resolver, analysis: Analysis | None = None) -> list[Statement]:
    words = " ".join(_quoted_words(m) for m in quotes)
    if not re.search(r"[^\W\d_]", words):
        return []  # '",. ,. ,," pungkas Laode': the scraper cut every word of the quote
    first, last = quotes[0], quotes[-1]
    speaker = None
    named_post = None  # ",” ungkap Kapolres.": unless the last speaker holds such a post, someone the article does not name
    anchor = offset + first.start("q")  # a pronoun means someone named before the quote, in this paragraph or earlier
    quoted = resolver.named_within([(offset + q.start("q"), offset + q.end("q")) for q in quotes])
    for quote in [last, *quotes[:-1]]:  # ",” kata X." after the last quote, or between two ("...," ujar X, "...")
        attribution = _after_attribution().match(para[quote.end():])
        if attribution and attribution.group("self"):
            speaker = resolver.resolve("nya", offset + quote.end(), anchor=anchor, avoid=quoted)
        elif attribution:
            who_start = offset + quote.end() + attribution.start("who")
            if _unnamed_referent(attribution.group("who"), text, who_start):
                return []  # 'Para diplomat UE ... "...," papar diplomat itu': the one the article introduced unnamed
            speaker = resolver.resolve(attribution.group("who"), who_start, anchor=anchor, avoid=quoted)
            head = attribution.group("who").split()[0].casefold()
            if speaker is None and head in UNNAMED_SOURCES and len(quotes) == 1 \
                    and not NAMED_AFTER.match(para, quote.end() + attribution.start("who"), quote.end() + 80):
                return []  # '"...," kata pejabat AS kepada Reuters': someone the article does not name (not "kata
                # salah seorang kerabat korban, Yuliana")
            named_post = named_post or (head if head in post_head_words() else None)
        if speaker is not None:
            break
    if speaker is None and named_post:
        speaker = resolver.holder_of(named_post)
        if speaker is None:
            return []
    if speaker is None:
        lead = para[:first.start()]
        verb = before_verb().search(lead)
        if verb:
            speaker = resolver.person_in(offset, offset + verb.start()) or resolver.resolve("dia", offset)
    if speaker is None and analysis is not None:
        found = (_parsed_speaker(analysis, offset + s, offset + e, resolver, offset) for s, e in _outside(quotes, len(para)))
        speaker = next((f[0] for f in found if f), None)
    if speaker is None:
        speaker = resolver.last_speaker
    if speaker is None:
        return []
    resolver.spoke(speaker, offset + last.end())
    return [Statement(speaker, words, offset + first.start(), offset + last.end(), True)]


def _unnamed_referent(who: str, text: str, end: int) -> bool:
    """An attribution pointing back with a demonstrative ("diplomat itu", "pria tersebut") at someone the
    text before `end` introduced without a name ("Para diplomat UE akan ...", "Seorang pria mendatangi
    ..."): that person, no one named before."""
    m = re.fullmatch(r"([a-z]+)(?:\s+\S+)?\s+(?:itu|tersebut)", who.strip().rstrip(".,"))
    if m is None:
        return False
    introduced = re.compile(rf"\b(?:{UNNAMED_INTRODUCTIONS})\s+{m.group(1)}\b")
    return any(not NAMED_NEXT.match(text, i.end(), end) for i in introduced.finditer(text, 0, end))


# the introduced one named after all ("seorang pria bernama Budi", "seorang warga, Budi,")
NAMED_NEXT = re.compile(r"[^.\n]{0,40}?(?:\b(?:bernama|berinisial|yakni|yaitu|inisial)\s|,\s*)[A-Z]")
# words introducing someone the article leaves unnamed ("seorang pria", "para diplomat", "salah satu warga")
UNNAMED_INTRODUCTIONS = r"[Ss]eorang|[Pp]ara|[Ss]ejumlah|[Bb]eberapa|[Ss]alah\s+(?:seorang|satu)"
# the first word of an attribution to someone the article does not name ("kata pejabat AS", "ujar seorang sumber")
UNNAMED_SOURCES = frozenset({"pejabat", "sumber", "seorang", "sejumlah", "beberapa", "salah"})
NAMED_AFTER = re.compile(r"[^.,;\"“”]*,\s+[A-Z][a-z]")  # the unnamed source's name after all, after a comma
OPENING = 160  # characters of a sentence in which an attribution that opens it ("Menurut X, ...") starts


def _opening(pattern: re.Pattern[str], s: str) -> re.Match[str] | None:
    """The pattern's match starting in the sentence's first OPENING characters, its words said running to
    the sentence's end (a search ending there had cut them mid-word: "Bacharuddin Jusuf Hab")."""
    m = pattern.search(s)
    return m if m is not None and m.start() < OPENING else None


def _indirect(sent: Sentence, resolver: SpeakerResolver) -> Statement | None:
    s = sent.text
    menurut = _opening(MENURUT, s) or _opening(MENURUT_PRONOUN, s)
    passive = _opening(PASSIVE_SAID, s)
    if passive and s[:passive.start()].strip() and not s[:passive.start()].rstrip().endswith(",") and (
            passive.group("name") or not s[:passive.start("stmt")].rstrip().endswith(",")):
        passive = None  # "Hal tersebut disampaikan oleh Ketua BPK, X, ...", "Hal itu disampaikannya dalam sidang ...":
        # the words said came before ("Jumlah ini dikatakannya, lebih kecil ...": after the comma, they follow)
    first = KATA_FIRST.match(s)
    if first:
        speaker = resolver.resolve(first.group("who"), sent.start + first.start("who"))
        return _said(speaker, first.group("stmt"), sent, resolver)
    if passive and (menurut is None or passive.start() < menurut.start()):
        who = passive.group("who") or passive.group("name")
        speaker = resolver.resolve(who or "nya", sent.start + (passive.start("name") if passive.group("name")
                                                               else passive.start()))
        return _said(speaker, passive.group("stmt"), sent, resolver)
    if menurut:
        who = menurut.group("who") or "nya"
        at = sent.start + (menurut.start("who") if menurut.group("who") else 0)
        speaker = resolver.resolve(who, at)
        if menurut.groupdict().get("name") and speaker is None:  # "Menurut dia, Jakarta, Bogor ...": no name after all
            short = menurut.group("who")[:menurut.start("name") - menurut.start("who")]
            return _said(resolver.resolve(short, at), s[menurut.start("name") + 1:], sent, resolver)
        named = resolver.first_person_in(at, at + len(who)) is not None
        return _said(speaker, menurut.group("stmt") if named else
                     _less_the_speaker_s_name(s, sent.start, menurut.start("stmt"), speaker, resolver), sent, resolver)
    inserted = _inserted().search(s)
    if inserted:
        speaker = resolver.resolve(inserted.group("who"), sent.start + inserted.start("who"))
        words = s[:inserted.start()] + ", " + s[inserted.end():]
        return _said(speaker, words, sent, resolver)
    own = _inserted_self().search(s)  # "Tahapan selanjutnya, katanya, dimulai ..."
    if own:
        return _said(resolver.resolve("nya", sent.start), s[:own.start()] + " " + s[own.end():], sent, resolver)
    verb = before_verb().search(s)
    if verb and verb.start() < 200 and not _denied(s[:verb.start()]):
        lead = CONNECTIVE.match(s)
        skip = lead.end() if lead else 0
        subject = s[skip:verb.start()]
        clause = LEAD_CLAUSE.match(subject)  # "Usai pelantikan itu, dara kelahiran 1995 ini mengaku, ..."
        if clause and (PRONOUN.match(subject[clause.end():].strip()) or _pointer(subject[clause.end():])):
            skip, subject = skip + clause.end(), subject[clause.end():]
        if PRONOUN.match(subject.strip()) or _pointer(subject):
            speaker = resolver.resolve(subject, sent.start + skip)
        else:
            speaker = resolver.first_person_in(sent.start + skip, sent.start + verb.start())
            speaker = _through(s, sent.start, verb.start(), _after_lead(s, sent.start, verb.start(), speaker, resolver),
                               resolver)
            if speaker is not None and not _subject_is_person(s[skip:speaker[0] - sent.start]):
                speaker = None
            speaker = speaker[1] if speaker else resolver.post_opening(sent.start + skip, sent.start + verb.start())
        word_end = verb.start() + len(verb.group().rstrip(" ,:"))
        if ALLEGED.search(s[:verb.start()]) or THING_THAT.search(s, 0, verb.start()) \
                or QUESTION_PUT.search(s, 0, verb.start()):
            return None
        if _topic_object(s[:word_end], s[word_end:]):
            if speaker is not None and _topic_verbs("object").search(verb.group()):
                resolver.spoke(speaker, sent.end)  # no words said, but whose the next "kecamnya" is
            return None
        return _said(speaker, _in_clause(s, verb.start(), s[verb.end():]), sent, resolver,
                     framed=bool(re.search(r"[,:]", verb.group())))
    return None


# a word after a name that makes the name a clause's subject ("Lies pernah ditawari ...")
SUBJECT_THEN = frozenset({"pernah", "sempat", "juga", "pun", "kini", "baru", "hanya", "selalu", "ingin", "mau", "bakal",
                          "siap", "memang", "justru", "lalu", "kemudian", "dengan"})


def _less_the_speaker_s_name(s: str, offset: int, start: int, speaker: str | None, resolver: SpeakerResolver) -> str:
    """The words from `start` on, less the speaker's name when it opens them: "Menurut Wakil Bupati Tabalong, Mawardi
    pelaksanaan ...", the comma after the name left out, names the holder of the post, then the words (not after a
    name: "Menurut Thareq, Habibie sengaja dibawa ...", the father is the words' subject; nor a name a verb follows)."""
    end = resolver.name_ending(offset + start)
    if end is None or speaker is None or resolver.person_in(offset + start, end) != speaker:
        return s[start:]
    rest = s[end - offset:]
    after = re.match(r"\s*(,)?\s*(\w*)", rest)
    if after.group(1) is None and (CLAUSE_WORD.match(after.group(2)) or PREDICATE.match(after.group(2))
                                   or after.group(2) in SUBJECT_THEN):
        return s[start:]  # "Menurut kuasa hukumnya, Lies pernah ditawari ...": the name is the subject of the words
    return rest[after.start(2):]


def _after_lead(s: str, offset: int, verb: int, found: tuple[int, str] | None,
                resolver: SpeakerResolver) -> tuple[int, str] | None:
    """"Mendengar perkataan Gibran, Rudy ... mengatakan": a person named in a lead clause ending with a
    comma is not the subject; the person named right after the comma is, and none when the subject
    after the comma names no one."""
    end = resolver.name_ending(found[0]) if found is not None else None
    if end is None or not s[end - offset:].startswith(","):
        return found
    later = resolver.first_person_in(end + 1, offset + verb)
    if later is not None and _title_only(s[end - offset + 1:later[0] - offset]):
        return later
    # "Dalam dakwaan terhadap Kivlan Zen, JPU menyebutkan": someone unnamed after the lead clause speaks
    # "Salah seorang komisioner KPU, X, kepada wartawan mengatakan": X is apposed; "Melalui juru bicaranya X,
    # Teheran membantah": X speaks for the subject
    before = CONNECTIVE.sub("", LEAD_MARK.sub("", s[:found[0] - offset], count=1), count=1)
    opens = before.rstrip().endswith(",") or SPEAKING_FOR.match(before) or _title_only(before)
    return found if opens or later is not None or not s[end - offset + 1:verb].strip() else None


SPEAKING_FOR = re.compile(r"(?:Melalui|Lewat)\b")
THROUGH = re.compile(r"\s*,?\s*(?:melalui|lewat)\s+")


def _through(s: str, offset: int, verb: int, found: tuple[int, str] | None,
             resolver: SpeakerResolver) -> tuple[int, str] | None:
    """"Kapolres Bungo AKBP Dedi melalui KBO Reskrim Iptu Arman mengatakan": the head speaks through the one
    named after "melalui", a post or rank before the name, who is the speaker ("melalui sambungan telepon": no one)."""
    end = resolver.name_ending(found[0]) if found is not None else None
    through = THROUGH.match(s, end - offset) if end is not None else None
    if through is None:
        return found
    later = resolver.first_person_in(offset + through.end(), offset + verb)
    title = s[through.end():later[0] - offset] if later is not None else ""
    if later is None or len(title) > 150 or not _title_words(title):
        return found
    return later
PERSON_NOUNS = frozenset({"politisi", "politikus", "pengamat", "pakar", "aktivis", "tokoh", "pria", "wanita",
                          "perempuan", "purnawirawan", "jenderal", "mantan", "eks", "kader", "pengacara",
                          "advokat", "akademisi", "peneliti", "ekonom", "legislator", "senator", "dara", "gadis",
                          "cendekiawan", "ulama", "budayawan", "sejarawan", "rohaniwan"})


def _pointer(phrase: str) -> bool:
    """"mantan Panglima ABRI ini", "Kapolres tersebut": a post and a demonstrative, no name ("Hal itu" is
    no person); the occasion after it left out ("anggota , ini kepada Tribunnews.com, Selasa")."""
    phrase = phrase.strip()
    if occasion := OCCASION.search(phrase):
        phrase = phrase[:occasion.start()].strip()
    return bool(POINTER.match(phrase)) and any(w.casefold() in post_head_words() | PERSON_NOUNS for w in phrase.split()[:-1])


# what was said, by whom: "... disampaikan oleh mantan Wakil Ketua KPK, Chandra Hamzah" (not "disetujui oleh
# Presiden Joko Widodo": who approved a point is not who speaks next)
PASSIVE = re.compile(rf"\b{SAID_PASSIVES}\b")
PRONOUN_SUBJECT = re.compile(r"(?:Dia|Ia|Beliau)\s")  # a sentence about the subject of the one before
SUBJECT_CHAIN = 3  # sentences a pronoun subject carries the person named before them
COMPANY = re.compile(r"\b(?:didampingi|bersama|beserta)\b")  # "X didampingi Y", "X bersama Y": Y is X's company
AGENT_LEAD = re.compile(r"^\s*(?:oleh\s+)?(?:\w+nya\b,?\s*)?")  # "oleh", "putranya, "
TITLE_GLUE = frozenset({"mantan", "eks", "dan", "dari", "bidang", "urusan", "selaku"})


def _title_only(before_name: str, lower_posts: bool = False) -> bool:
    """Only a post, rank or institution stands before the name ("Ketua MRP ", "mantan Wakil
    Ketua KPK, ", "cendekiawan Muslim "): capitalised words, a few joining words and nouns for persons, so
    the name is the subject. `lower_posts`: a post's first word in lower case too, where the name opens its
    sentence's subject ("Secara terpisah, anggota Komisi III dari Fraksi PAN Muslim Ayub menyampaikan ...";
    not in an apposition: "Guillaume Nagy, president Clarks ..." names Nagy's company, not a speaker)."""
    return _subject_is_person(before_name) and _title_words(before_name, lower_posts)


def _title_words(text: str, lower_posts: bool = False) -> bool:
    """Every word of `text` is capitalised, a number, a joining word or a noun for persons (with `lower_posts`,
    a post's first word too): the words of a post, rank or institution."""
    return all(w[0].isupper() or w.isdigit() or w in TITLE_GLUE or w in PERSON_NOUNS
               or lower_posts and w in post_head_words() for w in re.findall(r"[\w'-]+", text))


CAPITALISED_AND = re.compile(r"(\b[A-Z][\w-]*) dan (?=[A-Z])")


# "Trump tetap menunggu bukti yang memastikan bahwa ...": the verb's subject is the thing before "yang"
THING_THAT = re.compile(r"\b[a-z]{3,}\s+yang\s*$")


def _subject_is_person(before_name: str) -> bool:
    """The words before the speaker's name are a post, rank or institution ("Ketua KPU Sulsel, "),
    not a clause that only mentions the name."""
    head, _, tail = before_name.rpartition(",")  # "Dalam keterangannya di TPS 033, Koordinator Divisi ... "
    tail = CAPITALISED_AND.sub(r"\1 ", tail)  # "Koordinator Divisi Data dan Informasi": a post's own "dan"
    return not re.search(r"\b(?:bahwa|yang|agar|untuk|ketika|saat|setelah|karena|dan|kepada|dengan)\b", tail) \
        and "bahwa" not in head and head.count(",") <= 2 and len(tail) < 90


# what a reporting verb takes when it reports no words: "menyampaikan hal itu di ...", "menyampaikan pidato
# berjudul ...", "..., ungkapnya menanggapi ..."
# "menanggapi soal penyadapan ...", "menjelaskan ulang terkait pernyataan ...": the topic, not the words said
TOPIC = re.compile(r"^(?:(?:ulang|lagi|kembali)\s+)?(?:soal|perihal|tentang|alasan)\b|^(?:ulang|lagi|kembali)\s+(?:terkait|mengenai)\b",
                   re.IGNORECASE)
NOT_WORDS = re.compile(r"^(?:(?:hal )?(?:itu|ini|tersebut)(?:\s+(?:di|dalam|saat|ketika|kepada|usai|seusai|pada|melalui)"
                       r"|\s*,\s*(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu))|"
                       r"(?:ketika|saat|waktu|sewaktu)\s+(?:di)?tanya(?:kan)?|"
                       r"pidato|pesan|pernyataan|keterangan|kehadiran\w*|catatan|sambutan|materi|tanggapan|penjelasan"
                       r"|klarifikasi|aspirasi|ucapan|menanggapi|merespons?|menyikapi|mengomentari)\b", re.IGNORECASE)


# after a name, what tells when or where someone spoke: "Sugito saat dikonfirmasi, Selasa"
OCCASION = re.compile(r"\s*,?\s*(?:dalam|saat(?! (?:ini|itu))|usai|seusai|setelah|ketika|kepada|melalui|di sela)\b")


def _names_the_occasion(words: str, sent: Sentence, resolver: SpeakerResolver) -> bool:
    """The "words" open with a person's name and the occasion ("Timotius dalam keterangan persnya di
    Jayapura"): the attribution clause, not what was said."""
    at = sent.text.find(words)
    if at < 0:
        return False
    end = resolver.name_ending(sent.start + at)
    return end is not None and OCCASION.match(sent.text, end - sent.start) is not None


def _said(speaker: str | None, words: str, sent: Sentence, resolver: SpeakerResolver,
          framed: bool = False) -> Statement | None:
    """The statement of `words`, unless they are no words said; `framed`: a comma or colon after the
    reporting verb opens them ("Donal berpendapat, pernyataan Arsul itu ..."), so a speech noun first
    is what was said, not the verb's object ("menyampaikan pernyataan di ...")."""
    words = words.strip().rstrip("“”\"").strip().rstrip(".").strip()  # a quote opening after the sentence's end
    words = _without_attribution_after(ADDRESSEE.sub("", words))
    if speaker is None or len(words.split()) < 4 or NOT_WORDS.match(words) and not framed or \
            TOPIC.match(words) and "," not in words or \
            words.split()[0].casefold() in _attributing() or _names_the_occasion(words, sent, resolver):
        return None
    resolver.spoke(speaker, sent.end)
    inner = INNER_SAYING.search(words)  # the words said follow a verb of saying inside them
    said = ADDRESSEE.sub("", words[inner.end():]) if inner else words
    return Statement(speaker, said if len(said.split()) >= 4 else words, sent.start, sent.end, False)


# a verb of saying inside the words, after what the first verb did ("mengancam Uni Emirat Arab dengan mengatakan
# bahwa ...", "memperingatkan Trump agar ... dan mengatakan akan ..."): the words said are what follows it
INNER_SAYING = re.compile(r"\b(?:dengan|dan|sambil|seraya)\s+(?:mengatakan|menyatakan|menegaskan|menyebutkan)"
                          r"(?:\s*,)?(?:\s+bahwa)?\s+(?!sikap\b)")  # not "menyatakan sikap": a stance taken


# "mengatakan kepada The Guardian jika ...", "kepada kita semua, bahwa", and after "kepada" any words but a verb's
# or a clause's, up to seven, before "bahwa" ("kepada televisi CNN Turk, bahwa", "kepada ,Selasa (17/9/2019)
# bahwa"), or "pada saat itu bahwa": whom the words were said to, or when, before them; not "meminta kepada pihak
# terkait segera melakukan sosialisasi jika ...", where "jika" opens a condition of what was asked, nor "setuju
# bahwa", "suatu kabar buruk bahwa": words before "bahwa" are the speaker's as a rule (the gold keeps them)
ADDRESSEE = re.compile(r"^kepada\s+(?:(?:[A-Z][\w.&'-]*\s+){1,4}|(?:kita|kami|kalian|mereka|masyarakat|warga|semua|seluruh"
                       r"|para|\s)+,?\s*)(?:bahwa|jika|kalau)\s+"
                       r"|^kepada(?:\s*,?\s*(?!(?:me|ber|di|ter)[a-z]{3,}\b|(?:agar|supaya|untuk|yang|akan|tidak|bahwa"
                       r"|jika|kalau)\b)[\w().&'/-]+){1,7}\s*,?\s+bahwa\s+"
                       r"|^(?:pada\s+)?(?:saat|waktu|ketika)\s+itu\s*,?\s*bahwa\s+")


def _without_attribution_after(words: str) -> str:
    """The words said without an attribution the sentence repeats at its end ("X mengatakan, Hafisz diperiksa
    ... kata Juru Bicara KPK Febri Diansyah"): a verb that follows a quote, then its speaker, to the end."""
    tail = _attribution_tail().search(words)
    return words[:tail.start()].rstrip(" ,") if tail and tail.start() > 0 else words


@cache
def _attribution_tail() -> re.Pattern[str]:
    """A reporting verb that follows words said, then capitalised words to the end, the last a name's (not
    "tanggung jawab KPK")."""
    return re.compile(rf"[\s,]+(?:{'|'.join(reporting_verbs('after'))})\s+(?:[A-Z][\w.'’-]*\s+){{0,7}}[A-Z][a-z'’-]+$")


@cache
def _attributing() -> frozenset[str]:
    """The verbs that follow a quote ("kata", "ujarnya"): narration, never a quote's first word."""
    return frozenset(v.lower() for form in ("after", "self") for v in reporting_verbs(form))


@cache
def _kin_words() -> frozenset[str]:
    return frozenset(r[0].casefold() for r in lexicon("relation_words") if r[1] == "kin")


def is_kin(word: str) -> bool:
    """A word for a relative ("putri", "istrinya": kg/lexicons/relation_words.tsv)."""
    word = word.casefold()
    return word in _kin_words() or word.removesuffix("nya") in _kin_words()


@cache
def speech_verbs() -> frozenset[str]:
    return frozenset(v.lower() for form in ("before", "after", "self") for v in reporting_verbs(form))


def _parsed_speaker(analysis: Analysis, start: int, end: int, resolver: SpeakerResolver,
                    anchor: int | None = None) -> tuple[str, int] | None:
    """(person key, end of the verb) for the first speech verb in [start, end) whose parsed subject
    (nsubj) is a person or a pronoun: the rules' fallback when no pattern names the speaker."""
    if not speech_verbs() & set(re.findall(r"\w+", analysis.text[start:end].lower())):
        return None  # nothing to parse for
    words = analysis.parse(start, end)
    for i, verb in enumerate(words):
        if verb.text.lower() not in speech_verbs() or _negated(words, i):
            continue
        subject = next((j for j, w in enumerate(words) if w.head == i and j != i and w.dep == "nsubj"), None)
        if subject is None:
            continue
        if PRONOUN.match(words[subject].text):
            speaker = resolver.resolve(words[subject].text, words[subject].start, anchor)
        else:
            lo, hi = _subtree(words, subject)
            speaker = resolver.person_in(words[lo].start, words[hi].end)
        if speaker is not None:
            return speaker, verb.end
    return None


def _denied(before_verb: str) -> bool:
    """"Asrar tidak menyebut ...", "Airin tak ingin menanggapi ...": one of the two words before the
    speech verb denies it."""
    return any(w.lower() in NEGATION for w in before_verb.split()[-2:])


def _negated(words: tuple[Word, ...], verb: int) -> bool:
    """"Asrar tidak menyebut secara rinci": a denied speech act says nothing."""
    near = [words[j] for j in range(max(0, verb - 2), verb)] + [w for w in words[verb + 1:verb + 3] if w.head == verb]
    return any(w.text.lower() in NEGATION for w in near)


def _subtree(words: tuple[Word, ...], root: int) -> tuple[int, int]:
    """First and last word index of the subtree under `root` (contiguous in a projective parse)."""
    inside = {root}
    changed = True
    lo, hi = root, root
    while changed:
        changed = False
        for j in range(max(0, lo - 60), min(len(words), hi + 61)):
            if j not in inside and words[j].head in inside and words[j].head != j:
                inside.add(j)
                lo, hi = min(lo, j), max(hi, j)
                changed = True
    return lo, hi


def _parsed_indirect(sent: Sentence, analysis: Analysis, resolver: SpeakerResolver) -> Statement | None:
    """"X, yang ..., mengatakan bahwa ...": a statement whose speaker only the parse finds."""
    found = _parsed_speaker(analysis, sent.start, sent.end, resolver)
    if found is None:
        return None
    speaker, verb_end = found
    before = sent.text[:verb_end - sent.start]
    stem = re.sub(r"\w+$", "", before)
    if _topic_object(before, sent.text[verb_end - sent.start:]) or ALLEGED.search(stem) or THING_THAT.search(stem):
        return None
    return _said(speaker, _in_clause(sent.text, verb_end - sent.start, _after(sent, verb_end)), sent, resolver)


def _in_clause(s: str, verb: int, words: str) -> str:
    """The words said up to the end of the subordinate clause the reporting verb (at `verb` in sentence `s`)
    stands in: "Meski Presiden X sudah meminta A ditunda, Yasonna mengaku ...": the main clause is not X's."""
    return words.split(",")[0] if SUBORDINATE.match(s) and "," not in s[:verb] else words


def _topic_object(before: str, after: str) -> bool:
    """Whether `before` ends with a verb that takes what it is about as its object and `after` is that
    object, not words said: no comma, colon or "bahwa" between ("Ibas menyampaikan empat agenda SBY",
    "Daddy menyoroti kinerja Wakil Gubernur"); after a verb that takes what it judges, only a phrase with no
    verb nor clause in it ("Antasari menyesalkan sikap pimpinan lembaga antirasuah tersebut", not "menyesalkan
    pihaknya tidak diundang")."""
    verb = re.search(r"(\w+)$", before)
    if verb is None or re.match(r"\s*[,:]", after) or CONTENT_OPENS.match(after.lstrip()):
        return False
    if _topic_verbs("topic").fullmatch(verb.group(1)):
        return not (verb.group(1) == "menyampaikan" and _clause_said(after))
    return bool(_topic_verbs("object").fullmatch(verb.group(1))) and _verbless(after)


AUXILIARIES = "tidak|tak|belum|sudah|telah|akan|harus|bisa|dapat|masih|sedang"
CLAUSE_WORD = re.compile(rf"^(?:(?:me|ber|di|ter)[a-z]{{3,}}|{AUXILIARIES}|yang|karena|untuk|agar)$")
# words that open as verbs do but are not ones ("tersebut", "menteri", the superlatives "terbaik", "terbesar")
NOT_CLAUSE_WORDS = frozenset({"tersebut", "terkait", "terhadap", "termasuk", "terutama", "terakhir", "menteri",
                              "mereka", "media", "merah", "medan", "metode", "menara", "terbaik", "terbesar",
                              "terbanyak", "terbaru", "tertinggi", "terendah", "terkecil", "terdekat", "terpenting",
                              "terburuk", "tercepat", "terlama"})


PREDICATE = re.compile(rf"^(?:merupakan|adalah|ialah|menjadi|{AUXILIARIES}|perlu|wajib|(?:me|ber)[a-z]{{3,}}|"
                       r"di[a-z]{3,}kan)$")
# words shaped like verbs that are prepositions, adverbs or nouns: "bersama", "melalui", "bertajuk"
NOT_PREDICATE = NOT_CLAUSE_WORDS | {"bersama", "berbagai", "beberapa", "berikut", "bernama", "bertajuk", "berjudul",
                                    "berkat", "berdasarkan", "berupa", "melalui", "mengenai", "menurut", "menuju",
                                    "menjelang", "meski", "meskipun", "memang", "mendatang", "menit", "meter", "media"}
# a word that opens a relative, purpose or time clause or a prepositional phrase of the object
NOT_BEFORE_PREDICATE = frozenset({"yang", "untuk", "agar", "supaya", "atas", "terkait", "tentang", "kepada", "dengan",
                                  "pada", "dalam", "di", "ke", "dari", "setelah", "sebelum", "saat", "ketika", "sambil",
                                  "usai", "sebagai"})


def _clause_said(after: str) -> bool:
    """Words after "menyampaikan" that are a clause, a subject then its predicate within six words, not its
    object ("menyampaikan pemilihan kepala daerah harus disambut suka cita", "menyampaikan ada rambu-rambu
    tersendiri"; not "menyampaikan terima kasih kepada ...", "komitmennya untuk ...", "hal yang aneh ...")."""
    tokens = re.findall(r"[\w-]+", after)[:12]
    if len(tokens) < 4:
        return False
    first = tokens[0].casefold()
    if first == "ada":
        return True
    if first in words("said_objects") or first.endswith("nya") and first not in ("pihaknya", "dirinya"):
        return False
    for w in tokens[1:7]:
        if w.casefold() in NOT_BEFORE_PREDICATE:
            return False  # a relative, purpose or time clause, or a preposition, before any predicate: the object's
        if PREDICATE.match(w) and w not in NOT_PREDICATE:
            return True
    return False


def _verbless(words: str) -> bool:
    """A phrase with no word that looks like a verb, an auxiliary or the start of a clause."""
    return not any(CLAUSE_WORD.match(w) and w not in NOT_CLAUSE_WORDS for w in re.findall(r"[a-z]+", words))


def _after(sent: Sentence, cut: int) -> str:
    """The sentence's text after character offset `cut`, without a leading "bahwa"."""
    rest = sent.text[cut - sent.start:].lstrip(" ,:")
    return re.sub(r"^bahwa\s+", "", rest)


def _sentences_in(sentences: tuple[Sentence, ...], start: int, end: int) -> list[Sentence]:
    return [s for s in sentences if start <= s.start < end]
