"""Plain fact records: the only contract between the NLP half and the RDF half.

Extraction turns an `Article` into `ArticleFacts`; the RDF mapping turns `ArticleFacts` into a
named graph. Neither half sees the other's library types (spaCy `Doc`, rdflib terms).
Entities are referred to by `key`: a stable, article-independent identifier such as
`place:63.05`, `org:kpu:63.05`, `person:fakhrian-noor` or `event:pilkada:2024`, from which the
RDF half mints IRIs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum


@dataclass(frozen=True)
class Article:
    """One news article as read from a file, before any language processing."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    published: date | None = None
    source: str = ""  # where it was read from: "path" or "path:line"
    metadata: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int  # character offsets in Article.text
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A stretch of article text that names an entity."""

    start: int
    end: int
    text: str
    sentence: int


class Kind(str, Enum):
    PERSON = "Person"
    ORGANIZATION = "Organization"
    PLACE = "Place"
    EVENT = "Event"


@dataclass(frozen=True)
class Entity:
    """A person, institution, place or event the article names.

    Kind-specific fields stay empty where they do not apply.
    """

    key: str
    kind: Kind
    label: str
    alt_labels: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    subtype: str | None = None  # place: provinsi/kabupaten/kota/kecamatan/desa/...; org: kpu/polda/...; event: election/meeting/...
    code: str | None = None  # Kemendagri code of a place
    within: str | None = None  # place key this place lies in
    area: str | None = None  # place key an organization serves
    level: str | None = None  # national/province/regency/city/district
    confidence: float = 1.0
    identity: str | None = None  # why this node is the same across articles ("name", "post ketua in org:kpu-63.05")


@dataclass(frozen=True)
class Role:
    """A post as a role concept: "Kapolda", expanded "Kepala Kepolisian Daerah"."""

    key: str
    label: str
    alt_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Membership:
    """A person holds a post (role) in an organization, according to one sentence."""

    person: str
    role: Role
    organization: str | None
    sentence: int
    evidence: Mention
    rank: str | None = None
    qualifier: str | None = None  # "acting" (Pj/Plt), "former" (mantan) or "elect" (terpilih)
    confidence: float = 0.8


@dataclass(frozen=True)
class Quotation:
    """Words a person said: a direct quote or an attributed indirect statement."""

    speaker: str
    text: str
    sentence: int
    evidence: Mention
    direct: bool
    speaker_role: Role | None = None
    speaker_organization: str | None = None
    event: str | None = None
    confidence: float = 0.8


@dataclass(frozen=True)
class EventFacts:
    """What the article says about an event: where, when, who took part."""

    event: str
    sentence: int
    evidence: Mention
    places: tuple[str, ...] = ()
    date: str | None = None  # ISO date, or "--MM-DD" when the year is unknown
    date_text: str | None = None
    actors: tuple[str, ...] = ()
    confidence: float = 0.7


@dataclass(frozen=True)
class ArticleFacts:
    """Everything extracted from one article."""

    article: Article
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    memberships: tuple[Membership, ...] = ()
    quotations: tuple[Quotation, ...] = ()
    events: tuple[EventFacts, ...] = ()
    dateline_place: str | None = None
    outlet: str | None = None
    extractor: str = "rules"
    notes: tuple[str, ...] = field(default=())

    def entity(self, key: str) -> Entity | None:
        return next((e for e in self.entities if e.key == key), None)
