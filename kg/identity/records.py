"""What the resolver knows of each person node: read from the store's article graphs, one record per node.

A node is an IRI the extractor minted: a full name is one node in every article
(`person:joko-widodo`), a one-word name is kept to its institution, province or article
(`person:jokowi--35`). After resolution a node may have been renamed to its canonical node; the
article graph then says `node owl:sameAs canonical`, and the record keeps the original node.
"""
from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlsplit

from kg.graph import Store
from kg.identity.fiction import synopsis_title
from kg.identity.names import words
from kg.nlp.initials import INITIALS_EVIDENCE
from kg.rdf.keys import word_keys
from kg.resources import lexicon

ARTICLE = "https://w3id.org/pemilu-kg/graph/article/"
ALIAS_SHARE = 10  # kg.identity.records._add_names
CONTEXT = 30  # persons and entities kept per node: those named beside it in most of its articles
COMMON = 0.05  # an institution or place named in more than this share of the articles is no context
KEYWORDS = 10  # article words kept per node: those of highest TF-IDF in its articles' sentences and headlines


@dataclass
class PersonRecord:
    """One person node, with the evidence of every article graph it appears in."""

    node: str  # the IRI the extractor minted
    label: str  # its rdfs:label, the name as the article(s) give it
    canonical: str | None = None  # the node it was renamed to by an earlier resolution
    names: set[str] = field(default_factory=set)  # label and every other form (skos:altLabel)
    named_as: dict[str, set[str]] = field(default_factory=dict)  # each other name → the articles giving it
    graphs: set[str] = field(default_factory=set)
    posts: set[str] = field(default_factory=set)  # "role-key@org-key" of its memberships (current ones)
    roles: set[str] = field(default_factory=set)  # role keys alone (posts without an institution too)
    orgs: set[str] = field(default_factory=set)
    provinces: set[str] = field(default_factory=set)  # two-digit Kemendagri codes of its institutions or its article's
    held_in: set[str] = field(default_factory=set)  # those of its institutions alone: where it holds a post
    persons: set[str] = field(default_factory=set)  # other person nodes named in the same articles
    named: set[str] = field(default_factory=set)  # institutions and places its articles name
    topics: set[str] = field(default_factory=set)  # words of its articles' headlines
    keywords: set[str] = field(default_factory=set)  # the words that set its articles apart (no names)
    desks: set[str] = field(default_factory=set)  # the news desks of its articles ("sport", "entertainment")
    fiction: dict[str, str] = field(default_factory=dict)  # its articles that tell a film's or series' plot → its title
    # the word before its name that the name reader drops as a common word ("novel"), when one of its
    # articles writes it capitalised in mid-sentence ("penyidik KPK Novel Baswedan"): there, a first name
    first_name: str | None = None

    @property
    def character(self) -> bool:
        """A one-word name met only in synopses of films and series (kg.identity.fiction): a character."""
        return len(self.words) == 1 and bool(self.graphs) and self.graphs <= self.fiction.keys()

    @property
    def words(self) -> tuple[str, ...]:
        """Its name's words without forms of address ("Eyang Habibie" has one: a bare name)."""
        return words(self.label)

    def naming(self) -> dict[tuple[str, ...], set[str]]:
        """Its names, as name words, → the articles that call it so: the label all of them, another
        name those that give it ("Prabowo" in the articles of "Prabowo Subianto" that call him so)."""
        out: dict[tuple[str, ...], set[str]] = defaultdict(set)
        out[self.words] |= self.graphs
        for name, graphs in self.named_as.items():
            out[words(name)] |= graphs
        return out


_NODES = """
SELECT ?g ?p ?label ?alt ?origin ?originLabel WHERE {
  GRAPH ?g { ?p a schema:Person ; rdfs:label ?label .
    OPTIONAL { ?p skos:altLabel ?alt }
    OPTIONAL { ?origin owl:sameAs ?p . OPTIONAL { ?origin rdfs:label ?originLabel } } }
}"""

_BY_INITIALS = f"""
SELECT ?g ?p WHERE {{ GRAPH ?g {{ ?p a schema:Person ; pemilu:identityEvidence "{INITIALS_EVIDENCE}" }} }}"""

_NAMED = """
SELECT DISTINCT ?g ?e WHERE {
  GRAPH ?g { ?a schema:mentions ?e . { ?e a schema:Organization } UNION { ?e a schema:Place } }
}"""

_HEADLINES = """
SELECT ?g ?h WHERE { GRAPH ?g { ?a a schema:NewsArticle ; schema:headline ?h } }"""

_ADDRESSES = """
SELECT ?g ?url WHERE { GRAPH ?g { ?a a schema:NewsArticle ; schema:url ?url } }"""

_SENTENCES = """
SELECT ?g ?t WHERE { GRAPH ?g { ?s a pemilu:Sentence ; nif:anchorOf ?t } }"""

_MEMBERSHIPS = """
SELECT ?g ?p ?role ?org ?area ?qualifier WHERE {
  GRAPH ?g { ?m org:member ?p ; org:role ?role .
    OPTIONAL { ?m org:organization ?org . OPTIONAL { ?org schema:areaServed ?area } }
    OPTIONAL { ?m pemilu:qualifier ?qualifier } }
}"""


def read_persons(store: Store) -> dict[str, PersonRecord]:
    """Every person node of the article graphs, keyed by its original IRI."""
    records: dict[str, PersonRecord] = {}
    in_graph: dict[str, set[str]] = defaultdict(set)
    by_current: dict[tuple[str, str], list[PersonRecord]] = defaultdict(list)
    name_graphs: dict[tuple[str, str], set[str]] = defaultdict(set)
    # a person an article names by initials only ("pelaku berinisial DM"): no other article's "DM" is that person
    by_initials = {(g, p) for g, p in store.select(_BY_INITIALS).rows}
    for g, p, label, alt, origin, origin_label in store.select(_NODES).rows:
        if not g.startswith(ARTICLE) or (g, p) in by_initials:
            continue
        node = origin or p
        record = records.get(node)
        if record is None:
            record = records[node] = PersonRecord(node, origin_label or label, canonical=p if origin else None)
            record.names.add(record.label)
        if record not in by_current[(g, p)]:
            by_current[(g, p)].append(record)
        record.graphs.add(g)
        if alt and not origin:
            name_graphs[(node, alt)].add(g)
        in_graph[g].add(node)
    _add_names(records, name_graphs)
    for g, p, role, org, area, qualifier in store.select(_MEMBERSHIPS).rows:
        for record in by_current.get((g, p), ()):
            if qualifier == "former":
                continue
            record.roles.add(role)
            if org:
                record.orgs.add(org)
                record.posts.add(f"{role}@{org}")
            if area:
                record.provinces.add(_province(area))
                record.held_in.add(_province(area))
    for record in records.values():
        if "--" in record.node and record.node.rsplit("--", 1)[1][:2].isdigit():
            record.provinces.add(record.node.rsplit("--", 1)[1][:2])
    named: dict[str, set[str]] = defaultdict(set)
    for g, e in store.select(_NAMED).rows:
        named[g].add(e)
    _drop_common(named)
    headlines = store.select(_HEADLINES).rows
    headline = {g: set(word_keys(h)) for g, h in headlines}
    works = {g: title for g, h in headlines if (title := synopsis_title(h)) is not None}
    persons: dict[str, Counter] = defaultdict(Counter)
    entities: dict[str, Counter] = defaultdict(Counter)
    topics: dict[str, Counter] = defaultdict(Counter)
    for g, nodes in in_graph.items():
        for node in nodes:
            persons[node].update(nodes - {node})
            entities[node].update(named.get(g, ()))
            topics[node].update(headline.get(g, ()))
    for node, record in records.items():  # a node in a thousand articles: the company it keeps most
        record.persons = most_common(persons[node], CONTEXT)
        record.named = most_common(entities[node], CONTEXT)
        record.topics = most_common(topics[node], CONTEXT)
        record.fiction = {g: works[g] for g in record.graphs if g in works}
    sentences = store.select(_SENTENCES).rows
    _add_keywords(records, in_graph, headlines + sentences)
    _add_first_names(records, sentences)
    desk = {g: d for g, url in store.select(_ADDRESSES).rows if (d := news_desk(url))}
    for record in records.values():
        record.desks = {desk[g] for g in record.graphs if g in desk}
    return records


def _drop_common(named: dict[str, set[str]]) -> None:
    """Leave out the institutions and places that more than COMMON of the articles name: "Indonesia"
    is named beside everybody, so sharing it says nothing of who a bare name is."""
    counts = Counter(e for entities in named.values() for e in entities)
    common = {e for e, n in counts.items() if n > COMMON * len(named) and n > 1}
    for g in named:
        named[g] -= common


def news_desk(url: str) -> str | None:
    """The desk of the site's section an article's address names (kg/lexicons/news_desks.tsv): its
    subdomain, or under www its first path segment; None for a section the lexicon does not know."""
    parts = urlsplit(url)
    host = parts.netloc.split(".")
    section = host[0] if host[0] != "www" else next((s for s in parts.path.split("/") if s), "")
    return _desks().get(section.lower())


@cache
def _desks() -> dict[str, str]:
    return {row[0]: row[1] for row in lexicon("news_desks")}


def _add_keywords(records: dict[str, PersonRecord], in_graph: dict[str, set[str]],
                  texts: list[tuple[str, str]]) -> None:
    """Give each node the KEYWORDS words of highest TF-IDF over its articles' texts (the headline
    and the sentences the graph keeps): a word counts once per text it is in, the names of the
    article's persons and words of fewer than four letters are left out, and a word of one
    article only is no keyword (no other node can share it). Two "Yovie" nodes that each speak of
    "konser" and "musisi" are likelier one man than two whose articles share no such word."""
    names = {g: {w for node in nodes for n in records[node].names for w in word_keys(n)}
             for g, nodes in in_graph.items()}
    counts: dict[str, Counter] = defaultdict(Counter)
    for g, text in texts:
        if g in in_graph:
            counts[g].update(w for w in word_keys(text) if len(w) >= 4 and w.isalpha() and w not in names[g])
    articles = Counter(w for c in counts.values() for w in c)
    # a word of one article no other node can share; one of every article says nothing (a store of two
    # copies of one article: each of its words)
    idf = {w: math.log(len(counts) / n) for w, n in articles.items() if 1 < n < len(counts)}
    tfidf = {g: {w: (1 + math.log(n)) * idf[w] for w, n in c.items() if w in idf} for g, c in counts.items()}
    for record in records.values():
        weight: Counter = Counter()
        for g in record.graphs:
            weight.update(tfidf.get(g, {}))
        record.keywords = most_common(weight, KEYWORDS)


def _add_first_names(records: dict[str, PersonRecord], sentences: list[tuple[str, str]]) -> None:
    """Give a node whose label opens with a word the news writes in lower case ("Novel Baswedan": the name
    reader keeps "Baswedan") that word as its first name when a sentence of its articles writes the label
    after a word or a comma: a capitalised common word opens a sentence or a headline, not the middle of
    one, so there it is a name."""
    glued = [r for r in records.values() if len(r.words) < len(words(r.label, keep_glued=True))]
    if not glued:
        return
    by_graph: dict[str, list[str]] = defaultdict(list)
    for g, text in sentences:
        by_graph[g].append(text)
    for record in glued:
        inside = re.compile(r"[\w,] " + re.escape(record.label) + r"\b")
        if any(inside.search(text) for g in record.graphs for text in by_graph.get(g, ())):
            record.first_name = words(record.label, keep_glued=True)[0]


def most_common(counts: Counter, n: int) -> set[str]:
    """The `n` keys of highest count, ties broken by the key: Counter.most_common breaks them by the
    order of insertion, which follows the order of a set of IRIs and so changes with the process's
    hash seed, and with it the context kept, the pairs scored and the clusters made."""
    return {k for k, _ in heapq.nsmallest(n, counts.items(), key=lambda kc: (-kc[1], kc[0]))}


def _add_names(records: dict[str, PersonRecord], name_graphs: dict[tuple[str, str], set[str]]) -> None:
    """Give each node its other names, but not a name another node bears in ALIAS_SHARE times as many
    articles: "Joko Widodo" and "Jokowi" once given to "Iriana Joko Widodo" (in 2 of her 7 articles)
    are her husband's names (his in 466 and 172)."""
    most: dict[str, int] = defaultdict(int)
    for (node, name), graphs in name_graphs.items():
        most[name] = max(most[name], len(graphs))
    for r in records.values():
        most[r.label] = max(most[r.label], len(r.graphs))
    for (node, name), graphs in name_graphs.items():
        if most[name] < ALIAS_SHARE * len(graphs) or name == records[node].label:
            records[node].names.add(name)
            records[node].named_as.setdefault(name, set()).update(graphs)


def _province(place: str) -> str:
    return place.rsplit("/", 1)[1][:2]
