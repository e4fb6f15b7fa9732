"""Who said what: direct quotes and attributed indirect statements, with their speaker.

Direct: text in quotation marks, one statement per paragraph, the speaker from the attribution
after it (",” kata Winarto", ",” ujarnya", ",” kata Kapolda Riau") or before it ("X mengatakan:"),
else the paragraph's running speaker. Indirect: "Menurut dia, ...", "X mengatakan (bahwa) ...",
"..., kata X, ...". Pronouns (dia, ia, -nya, pihaknya) mean the last speaker, or failing that the
last person named.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.nlp.pipeline import Analysis
from kg.records import Sentence
from kg.resources import lexicon

QUOTE = re.compile(r"[“\"](?P<q>[^”\"\n]{8,})(?:[”\"]|$)", re.MULTILINE)
PRONOUN = re.compile(r"^(?:dia|ia|beliau|nya|pihaknya)$", re.IGNORECASE)
CONNECTIVE = re.compile(r"^(?:Oleh karena itu|Karena itu|Untuk itu|Selain itu|Sementara itu|Di sisi lain|Namun|"
                        r"Meski demikian|Dengan demikian|Sebelumnya|Selanjutnya|Kemudian|Lebih lanjut),\s*")
MENURUT = re.compile(r"^Menurut(?:nya|\s+(?P<who>[^,]{2,60})),\s*(?P<stmt>.+)$", re.DOTALL)


@dataclass(frozen=True)
class Statement:
    speaker: str  # person key
    text: str
    start: int
    end: int
    direct: bool


@cache
def _verbs(form: str) -> tuple[str, ...]:
    return tuple(r[0] for r in lexicon("speech_verbs") if r[1] == form)


@cache
def _after_attribution() -> re.Pattern[str]:
    after = "|".join(_verbs("after"))
    selfs = "|".join(_verbs("self"))
    return re.compile(rf"^[\s,.]*(?:(?P<self>{selfs})\b|(?P<verb>{after})\s+(?P<who>[^,.;:“”\"]{{2,80}}))")


@cache
def _before_verb() -> re.Pattern[str]:
    return re.compile(rf"\s(?:juga\s|pun\s|kembali\s)?(?:{'|'.join(_verbs('before'))})\b[\s,:]*")


@cache
def _inserted() -> re.Pattern[str]:
    return re.compile(rf",\s*(?:{'|'.join(_verbs('after'))})\s+(?P<who>[^,]{{2,60}}),\s*")


class SpeakerResolver:
    """Turns a speaker phrase (a name, a pronoun, a post) into a person key."""

    def __init__(self, mentions: list[tuple[int, int, str]], post_holders: list[tuple[int, int, str]]):
        self.mentions = sorted(mentions)  # (start, end, person key)
        self.post_holders = post_holders  # (start, end, person key) of post phrases naming a holder
        self.last_speaker: str | None = None

    def person_in(self, start: int, end: int) -> str | None:
        found = [k for s, e, k in self.mentions if start <= s and e <= end]
        if found:
            return found[0]
        held = [k for s, e, k in self.post_holders if start <= s < end]
        return held[0] if held else None

    def first_person_in(self, start: int, end: int) -> tuple[int, str] | None:
        """The first named person (start offset, key) in a span."""
        found = [(s, k) for s, e, k in self.mentions if start <= s and e <= end]
        return found[0] if found else None

    def last_named_before(self, pos: int) -> str | None:
        before = [k for s, e, k in self.mentions if e <= pos]
        return before[-1] if before else None

    def resolve(self, phrase: str, start: int) -> str | None:
        head = phrase.strip().split()[0] if phrase.strip() else ""
        if PRONOUN.match(head) or not head:
            return self.last_speaker or self.last_named_before(start)
        return self.person_in(start, start + len(phrase))


def find_statements(text: str, analysis: Analysis, resolver: SpeakerResolver) -> list[Statement]:
    out: list[Statement] = []
    offset = 0
    for paragraph in text.split("\n"):
        out += _paragraph(text, offset, paragraph, analysis, resolver)
        offset += len(paragraph) + 1
    return out


def _paragraph(text: str, offset: int, para: str, analysis: Analysis, resolver: SpeakerResolver) -> list[Statement]:
    quotes = [m for m in QUOTE.finditer(para) if len(m.group("q").split()) >= 3]
    if quotes:
        return _direct(text, offset, para, quotes, resolver)
    out = []
    for sent in _sentences_in(analysis.sentences, offset, offset + len(para)):
        stmt = _indirect(sent, resolver)
        if stmt is not None:
            out.append(stmt)
    return out


def _direct(text, offset, para, quotes, resolver) -> list[Statement]:
    words = " ".join(m.group("q").strip().rstrip(",").strip() for m in quotes)
    first, last = quotes[0], quotes[-1]
    speaker = None
    attribution = _after_attribution().match(para[last.end():])
    if attribution:
        if attribution.group("self"):
            speaker = resolver.resolve("nya", offset + last.end())
        else:
            who_start = offset + last.end() + attribution.start("who")
            speaker = resolver.resolve(attribution.group("who"), who_start)
    if speaker is None:
        lead = para[:first.start()]
        verb = _before_verb().search(lead)
        if verb:
            speaker = resolver.person_in(offset, offset + verb.start()) or resolver.resolve("dia", offset)
    if speaker is None:
        speaker = resolver.last_speaker
    if speaker is None:
        return []
    resolver.last_speaker = speaker
    return [Statement(speaker, words, offset + first.start(), offset + last.end(), True)]


def _indirect(sent: Sentence, resolver: SpeakerResolver) -> Statement | None:
    s = sent.text
    menurut = MENURUT.match(s)
    if menurut:
        who = menurut.group("who") or "nya"
        speaker = resolver.resolve(who, sent.start + (menurut.start("who") if menurut.group("who") else 0))
        return _said(speaker, menurut.group("stmt"), sent, resolver)
    inserted = _inserted().search(s)
    if inserted:
        speaker = resolver.resolve(inserted.group("who"), sent.start + inserted.start("who"))
        words = s[:inserted.start()] + ", " + s[inserted.end():]
        return _said(speaker, words, sent, resolver)
    verb = _before_verb().search(s)
    if verb and verb.start() < 120:
        lead = CONNECTIVE.match(s)
        skip = lead.end() if lead else 0
        subject = s[skip:verb.start()]
        if PRONOUN.match(subject.strip()):
            speaker = resolver.resolve(subject, sent.start + skip)
        else:
            speaker = resolver.first_person_in(sent.start + skip, sent.start + verb.start())
            if speaker is not None and not _subject_is_person(s[skip:speaker[0] - sent.start]):
                speaker = None
            speaker = speaker[1] if speaker else None
        return _said(speaker, s[verb.end():], sent, resolver)
    return None


def _subject_is_person(before_name: str) -> bool:
    """The words before the speaker's name are a post, rank or institution ("Ketua KPU Sulsel, "),
    not a clause that only mentions the name."""
    return not re.search(r"\b(?:bahwa|yang|agar|untuk|ketika|saat|setelah|karena|dan|kepada|dengan)\b", before_name) \
        and before_name.count(",") <= 2 and len(before_name) < 90


def _said(speaker: str | None, words: str, sent: Sentence, resolver: SpeakerResolver) -> Statement | None:
    words = words.strip().rstrip(".").strip()
    if speaker is None or len(words.split()) < 4:
        return None
    resolver.last_speaker = speaker
    return Statement(speaker, words, sent.start, sent.end, False)


def _sentences_in(sentences: tuple[Sentence, ...], start: int, end: int) -> list[Sentence]:
    return [s for s in sentences if start <= s.start < end]
