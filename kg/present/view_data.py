"""What the view, `kg stats` and the graph exports draw: the store's RDF reduced to plain records.

A node is a person, institution, post, place, event, quotation or article; an edge is one of the
drawn links (`DRAWN_PREDICATES`) or a membership, drawn as person → post (`pemilu:post`) and
post → institution (`org:organization`): a post is a role in one institution (`org:postIn`), so
it never joins holders of different institutions. Edge labels are the ontology's `rdfs:label`s.

`read_view_graph` works on any store (`kg.graph.Store`, embedded or a SPARQL server) by look-ups
per node, so a part of a large store costs what the part costs; rdflib graphs (tests, small files)
are copied into an in-memory store first (`kg.graph.as_store`). Past `max_nodes` only the
most-mentioned nodes get their details read.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from string import Template

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, RDFS, SDO, SKOS

from kg.graph import Store, as_store
from kg.graph.terms import iri_values
from kg.present.graph_analytics import rank_nodes
from kg.rdf.namespaces import PEMILU, SEM
from kg.resources import data_dir

MAX_SENTENCES = 3  # source sentences shown per fact
MAX_LINKS = 3  # article links shown per node or edge
_LABEL_WORDS = 6


@dataclass(frozen=True)
class Kind:
    """How one kind of node looks; `name` is also the field the page's kind filter reads."""

    name: str
    legend: str
    color: str
    shape: str  # vis-network shape
    glyph: str  # the shape in the legend
    types: tuple[URIRef, ...]


# Order matters: a node with several types takes the first kind that matches.
KINDS: tuple[Kind, ...] = (
    Kind("person", "Orang / Person", "#d1495b", "dot", "●", (SDO.Person,)),
    Kind("organization", "Lembaga / Institution", "#00798c", "square", "■", (SDO.Organization, ORG.Organization)),
    Kind("post", "Jabatan / Post", "#bb7e5d", "triangleDown", "▼", (ORG.Post,)),
    Kind("place", "Tempat / Place", "#66a182", "triangle", "▲", (SDO.Place, SDO.AdministrativeArea)),
    Kind("event", "Peristiwa / Event", "#edae49", "diamond", "◆", (SDO.Event, SEM.Event)),
    Kind("quotation", "Kutipan / Quotation", "#8d6a9f", "star", "★", (SDO.Quotation,)),
    Kind("article", "Artikel / Article", "#8c8c8c", "hexagon", "⬢", (SDO.NewsArticle,)),
)
KIND = {kind.name: kind for kind in KINDS}
_KIND_OF_TYPE = {str(t): kind for kind in reversed(KINDS) for t in kind.types}
_KIND_RANK = {kind.name: i for i, kind in enumerate(KINDS)}

# Links drawn as they are stated; a membership adds person → post and post → institution.
DRAWN_PREDICATES: tuple[URIRef, ...] = (SDO.containedInPlace, SDO.areaServed, SDO.location, SEM.hasActor,
                                        SDO.creator, SDO.mentions)
MEMBERSHIP_PREDICATES: tuple[URIRef, ...] = (PEMILU.post, ORG.organization)


@dataclass
class Info:
    """A node's or edge's details as the page shows them: plain texts, never markup."""

    heading: str
    kind: str = ""
    lines: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)  # source sentences, quotation texts
    links: list[tuple[str, str]] = field(default_factory=list)  # (text, URL or article id)

    def text(self) -> str:
        """The same details as one plain text (tooltip fallback, tests, search)."""
        return "\n".join([self.heading, *([self.kind] if self.kind else []), *self.lines,
                          *(f"Kalimat: {q}" for q in self.quotes), *(f"Sumber: {url}" for _, url in self.links)])

    def as_dict(self) -> dict:
        return {"heading": self.heading, "kind": self.kind, "lines": self.lines, "quotes": self.quotes,
                "links": [list(link) for link in self.links]}


@dataclass
class Node:
    id: str
    kind: Kind
    label: str = ""
    mentions: int = 0  # articles whose schema:mentions names it: drives the size
    articles: int = 0  # articles it appears in at all: drives the ranking
    info: Info | None = None
    dates: list[str] = field(default_factory=list)  # when an article, quotation or event is dated


@dataclass
class Edge:
    source: str
    target: str
    predicate: str
    label: str
    facts: list[str] = field(default_factory=list)  # memberships behind a person → post edge
    info: Info | None = None
    dates: list[str] = field(default_factory=list)  # when the fact is attested (the date filter)


@dataclass
class ViewGraph:
    """Nodes (kept ones only) and edges among them, with what a size limit left out."""

    nodes: dict[str, Node]
    edges: list[Edge]
    total_nodes: int
    left_out: tuple[str, ...] = ()  # IRIs, most-mentioned first
    left_out_kinds: dict[str, int] = field(default_factory=dict)


# ---- ontology labels ---------------------------------------------------------------------------

@cache
def term_labels() -> dict[str, dict[str, str]]:
    """`rdfs:label` per term of ontology/pemilu.ttl, keyed by language ("id", "en")."""
    labels: dict[str, dict[str, str]] = {}
    path = data_dir("ontology") / "pemilu.ttl"
    for subject, label in Graph().parse(path, format="turtle").subject_objects(RDFS.label):
        if isinstance(label, Literal):
            labels.setdefault(str(subject), {})[label.language or ""] = str(label)
    return labels


def predicate_label(predicate: str, language: str = "id") -> str:
    """The ontology's label in `language`, else English, else the IRI's local name."""
    labels = term_labels().get(str(predicate), {})
    return labels.get(language) or labels.get("en") or str(predicate).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


# ---- reading -----------------------------------------------------------------------------------

_CHUNK = 5000  # IRIs per VALUES block
# With ?s given (a VALUES block), a FILTER on the type or predicate; over the whole store an index
# on them (VALUES). The other way round, pyoxigraph 0.5 takes seconds to minutes.
_TYPES = "SELECT DISTINCT ?s ?type WHERE { $values ?s a ?type . FILTER (isIRI(?s) && ?type IN ($types)) }"
_ALL_TYPES = "SELECT DISTINCT ?s ?type WHERE { VALUES ?type { $types } ?s a ?type . FILTER (isIRI(?s)) }"
_LINKS = "SELECT DISTINCT ?s ?p ?o WHERE { $values ?s ?p ?o . FILTER (isIRI(?o) && ?p IN ($predicates)) }"
_ALL_LINKS = "SELECT DISTINCT ?s ?p ?o WHERE { VALUES ?p { $predicates } ?s ?p ?o . FILTER (isIRI(?o)) }"
# Only posts in an institution: stores built before posts needed one hold a post per role word.
_MEMBERS = ("SELECT DISTINCT ?m ?s ?post WHERE { $values ?m org:member ?s ; pemilu:post ?post . "
            "?post org:postIn ?org }")
_POSTS = "SELECT DISTINCT ?s ?org WHERE { $values ?m pemilu:post ?s ; org:organization ?org }"
_MENTIONS = "SELECT DISTINCT ?s ?a WHERE { $values ?a schema:mentions ?s }"
_DERIVED = "SELECT DISTINCT ?s ?a WHERE { $values ?s prov:wasDerivedFrom ?a . ?a a schema:NewsArticle }"
_SENTENCES = "SELECT DISTINCT ?s ?a WHERE { $values ?s prov:wasDerivedFrom ?src . ?src nif:anchorOf ?a }"
_DETAILS = ("SELECT ?s ?p ?o (COUNT(*) AS ?n) WHERE { $values ?s ?p ?o . FILTER (?p IN ($predicates)) } "
            "GROUP BY ?s ?p ?o")  # ?n: the graphs stating it
_DETAIL_PREDICATES = (RDFS.label, SKOS.altLabel, SDO.text, SDO.headline, SDO.url, SDO.datePublished, SDO.creator,
                      SDO.startDate, PEMILU.placeType, PEMILU.kemendagriCode, PEMILU.orgType, PEMILU.eventType,
                      PEMILU.rank, PEMILU.attestedOn, PEMILU.reportedOn)


def node_kinds(store: Store, iris: list[str] | None = None) -> dict[str, Kind]:
    """The kind of each of `iris` that has one (default: of every node in the store)."""
    return _Reader(as_store(store)).kinds(iris)


def all_nodes(store: Store) -> list[str]:
    """Every person, institution, post, place, event, quotation and article in the store."""
    return sorted(_Reader(as_store(store)).kinds(None))


@dataclass
class Skeleton:
    """Kinds, links and article counts of a set of nodes: what ranking and statistics need."""

    kinds: dict[str, Kind]
    edges: list[Edge]
    mentions: dict[str, set[str]]  # node → articles whose schema:mentions names it
    appears: dict[str, set[str]]  # node → articles it is mentioned in, derived from, or is


def skeleton(source: Store | Graph, nodes: Iterable[str] | None = None) -> Skeleton:
    """The kinds, links and article counts of `nodes` (default: every node of the store)."""
    reader = _Reader(as_store(source))
    kinds = reader.kinds(None if nodes is None else sorted(set(nodes)))
    mentions = reader.pairs(_MENTIONS, kinds)
    appears = reader.pairs(_DERIVED, kinds)
    for iri, kind in kinds.items():
        appears.setdefault(iri, set()).update(mentions.get(iri, ()), [iri] if kind.name == "article" else ())
    return Skeleton(kinds, reader.edges(kinds), mentions, appears)


def labels(source: Store, iris: Iterable[str]) -> dict[str, str]:
    """The most often stated rdfs:label of each IRI (its last path segment when it has none)."""
    found = _Reader(as_store(source)).details(iris)
    return {iri: (found.get(iri, {}).get(str(RDFS.label)) or [_local_id(iri)])[0] for iri in iris}


def read_view_graph(source: Store | Graph, nodes: Iterable[str] | None = None, *,
                    max_nodes: int | None = None) -> ViewGraph:
    """The drawable graph of `nodes` (default: all of them) and the links among them.

    With more than `max_nodes` nodes only the most-mentioned are kept (ties: better connected,
    then IRI); the rest are named in `left_out`. Details are read for the kept nodes only.
    """
    if max_nodes is not None and max_nodes < 0:
        raise ValueError(f"max_nodes must be 0 or more, got {max_nodes}")
    store = as_store(source)
    bones = skeleton(store, nodes)
    kinds, mentions, appears = bones.kinds, bones.mentions, bones.appears
    ranked = rank_nodes(kinds, [(e.source, e.target) for e in bones.edges], {i: len(a) for i, a in appears.items()})
    kept = ranked if max_nodes is None else ranked[:max_nodes]
    left_out = tuple(ranked[len(kept):])
    graph = ViewGraph({iri: Node(iri, kinds[iri], "", len(mentions.get(iri, ())), len(appears[iri]))
                       for iri in kept}, [], len(kinds), left_out, dict(Counter(kinds[i].name for i in left_out)))
    graph.edges = [e for e in bones.edges if e.source in graph.nodes and e.target in graph.nodes]
    _Reader(store).describe(graph, {iri: mentions.get(iri, set()) for iri in kept})
    return graph


class _Reader:
    """Set-at-a-time SPARQL on one store, over the union of its named graphs."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def rows(self, template: str, iris: Iterable[str] | None, **fields: str):
        """Solutions of `template`, restricted to `?s` in `iris` (None: no restriction), chunked."""
        chunks = [None] if iris is None else _chunks(list(iris))
        for chunk in chunks:
            values = "" if chunk is None else iri_values("s", chunk)
            text = Template(template).substitute(values=values, **fields)
            yield from self.store.select(text).records()

    def kinds(self, iris: list[str] | None) -> dict[str, Kind]:
        types = ", ".join(f"<{t}>" for kind in KINDS for t in kind.types)
        template, listed = (_TYPES, types) if iris is not None else (_ALL_TYPES, types.replace(",", ""))
        kinds: dict[str, Kind] = {}
        for row in self.rows(template, iris, types=listed):
            iri, kind = row["s"], _KIND_OF_TYPE[row["type"]]
            if iri not in kinds or _KIND_RANK[kind.name] < _KIND_RANK[kinds[iri].name]:
                kinds[iri] = kind
        return kinds

    def edges(self, nodes: dict[str, Kind]) -> list[Edge]:
        """Drawn links whose two ends are both in `nodes`, one per (source, predicate, target)."""
        iris = None if len(nodes) > _CHUNK else list(nodes)  # a big part: read all, keep its own
        predicates = ", ".join(f"<{p}>" for p in DRAWN_PREDICATES)
        found: dict[tuple[str, str, str], Edge] = {}

        def add(source: str, predicate: URIRef, target: str) -> Edge | None:
            if source not in nodes or target not in nodes or source == target:
                return None
            return found.setdefault((source, str(predicate), target),
                                    Edge(source, target, str(predicate), predicate_label(predicate)))

        template, listed = (_LINKS, predicates) if iris is not None else (_ALL_LINKS, predicates.replace(",", ""))
        for row in self.rows(template, iris, predicates=listed):
            source, predicate = row["s"], row["p"]
            if predicate != str(SDO.creator) or nodes.get(source) is KIND["quotation"]:
                add(source, URIRef(predicate), row["o"])
        for row in self.rows(_MEMBERS, iris):
            edge = add(row["s"], PEMILU.post, row["post"])
            if edge is not None:
                edge.facts.append(row["m"])
        for row in self.rows(_POSTS, iris):
            add(row["s"], ORG.organization, row["org"])
        return sorted(found.values(), key=lambda e: (e.source, e.predicate, e.target))

    def pairs(self, template: str, nodes: dict[str, Kind]) -> dict[str, set[str]]:
        """?s → the set of ?a, for ?s in `nodes`."""
        out: dict[str, set[str]] = {}
        for row in self.rows(template, None if len(nodes) > _CHUNK else list(nodes)):
            if row["s"] in nodes:
                out.setdefault(row["s"], set()).add(row["a"])
        return out

    def details(self, iris: Iterable[str]) -> dict[str, dict[str, list[str]]]:
        """IRI → predicate → values, the most often stated first (then alphabetical)."""
        predicates = ", ".join(f"<{p}>" for p in _DETAIL_PREDICATES)
        counts: dict[str, dict[str, Counter]] = {}
        for row in self.rows(_DETAILS, sorted(set(iris)), predicates=predicates):
            per = counts.setdefault(row["s"], {}).setdefault(row["p"], Counter())
            per[row["o"]] += int(row["n"])
        return {iri: {p: sorted(c, key=lambda v: (-c[v], v)) for p, c in by.items()} for iri, by in counts.items()}

    def describe(self, graph: ViewGraph, mentioned_in: dict[str, set[str]]) -> None:
        """Labels and details of the kept nodes and their edges: names, facts, sentences, links."""
        memberships = {m for edge in graph.edges for m in edge.facts}
        facts = [i for i, n in graph.nodes.items() if n.kind.name in ("quotation", "event")] + sorted(memberships)
        sources = self.pairs(_DERIVED, dict.fromkeys(facts, KIND["article"]))
        sentences = self.pairs(_SENTENCES, dict.fromkeys(facts, KIND["article"]))
        linked = {iri: sorted(articles)[:MAX_LINKS] for iri, articles in mentioned_in.items()}
        wanted = set(graph.nodes) | memberships | {a for links in [*linked.values(), *sources.values()] for a in links}
        values = self.details(wanted)
        speakers = {s for i in graph.nodes for s in values.get(i, {}).get(str(SDO.creator), [])[:1]}
        values.update(self.details(speakers - wanted))

        def first(iri: str, predicate: URIRef) -> list[str]:
            return values.get(iri, {}).get(str(predicate), [])[:1]

        def link(article: str) -> tuple[str, str]:
            return (first(article, SDO.headline) or [_local_id(article)])[0], \
                (first(article, SDO.url) or [_local_id(article)])[0]

        for node in graph.nodes.values():
            _describe_node(node, values.get(node.id, {}), first, link,
                           sorted(sentences.get(node.id, ()))[:MAX_SENTENCES],
                           sorted(link(a) for a in sources.get(node.id, linked.get(node.id, ())))[:MAX_LINKS])
        for edge in graph.edges:
            source, target = graph.nodes[edge.source], graph.nodes[edge.target]
            label_en = predicate_label(edge.predicate, "en")
            info = Info(f"{source.label} → {edge.label} → {target.label}",
                        f"{edge.label} / {label_en}" if label_en != edge.label else edge.label)
            edge.dates = sorted({d[:10] for m in edge.facts for d in values.get(m, {}).get(str(PEMILU.attestedOn), [])})
            if edge.predicate in (str(SDO.mentions), str(SDO.creator)):  # the article's, the quotation's
                edge.dates = source.dates
            for membership in edge.facts:
                info.lines += [f"Pangkat: {r}" for r in first(membership, PEMILU.rank)]
                info.lines += [f"Tercatat: {d}" for d in first(membership, PEMILU.attestedOn)]
                info.quotes += sorted(sentences.get(membership, ()))
                info.links += sorted(link(a) for a in sources.get(membership, ()))
            info.lines = list(dict.fromkeys(info.lines))
            info.quotes = list(dict.fromkeys(info.quotes))[:MAX_SENTENCES]
            info.links = list(dict.fromkeys(info.links))[:MAX_LINKS * 2]
            edge.info = info


def _describe_node(node: Node, own: dict[str, list[str]], first, link, sentences: list[str],
                   links: list[tuple[str, str]]) -> None:
    iri, name = node.id, node.kind.name
    labels = own.get(str(RDFS.label), [])
    node.label = labels[0] if labels else _local_id(iri)
    info = Info(node.label, node.kind.legend)
    alt = [text for text in labels[1:] + own.get(str(SKOS.altLabel), []) if text != node.label]
    if alt:
        info.lines.append("Nama lain: " + "; ".join(dict.fromkeys(alt)))
    if name == "quotation":
        texts = own.get(str(SDO.text), [])
        node.label = info.heading = f"“{_first_words(texts[0])}”" if texts else node.label
        info.quotes += [f"“{text}”" for text in texts[:1]]
        info.lines += [f"Oleh: {(first(s, RDFS.label) or [_local_id(s)])[0]}" for s in first(iri, SDO.creator)]
    elif name == "article":
        headline = own.get(str(SDO.headline), [])
        node.label = _first_words(headline[0]) if headline else _local_id(iri)
        info.heading = headline[0] if headline else node.label
        info.lines += [f"Terbit: {d}" for d in own.get(str(SDO.datePublished), [])[:1]] + [f"ID: {_local_id(iri)}"]
        links = [link(iri)]
    for predicate, caption in ((PEMILU.placeType, "Jenis"), (PEMILU.kemendagriCode, "Kode Kemendagri"),
                               (PEMILU.orgType, "Jenis"), (PEMILU.eventType, "Jenis"), (SDO.startDate, "Tanggal")):
        info.lines += [f"{caption}: {value}" for value in own.get(str(predicate), [])[:1]]
    if node.mentions:
        info.lines.append(f"Disebut dalam {node.mentions} artikel / Mentioned in {node.mentions} articles")
    dated = {"article": SDO.datePublished, "quotation": PEMILU.reportedOn, "event": SDO.startDate}.get(name)
    node.dates = sorted({d[:10] for d in own.get(str(dated), [])}) if dated else []
    info.quotes += [s for s in sentences if f"“{s}”" not in info.quotes]
    info.links = links
    node.info = info


def _chunks(items: list[str]) -> list[list[str]]:
    return [items[i:i + _CHUNK] for i in range(0, len(items), _CHUNK)] or [[]]


def _first_words(text: str) -> str:
    words = text.split()
    return " ".join(words[:_LABEL_WORDS]) + ("…" if len(words) > _LABEL_WORDS else "")


def _local_id(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]
