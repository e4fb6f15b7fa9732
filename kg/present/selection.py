"""Which part of the store a view draws: an entity's neighbourhood, a region, an event, or a query.

Each selection runs SPARQL on the store (`kg.graph.Store`, embedded or remote) and returns node
IRIs; `kg.present.view_data` then reads only those. Names are bound as values, never written into query text.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from string import Template

from rdflib import URIRef

from kg.errors import KgError
from kg.graph import QueryError, Store, as_store
from kg.graph.sparql import blank, check_query_safety
from kg.graph.terms import iri_values
from kg.present.view_data import DRAWN_PREDICATES, Kind, node_kinds

_SUGGESTIONS = 5

# ?name is bound; projected because pyoxigraph only substitutes projected variables. The kinds
# are checked afterwards: joining `?s a ?type` here costs minutes on the news store.
_NAMED = """SELECT DISTINCT ?s ?name WHERE {
  ?s rdfs:label|skos:altLabel ?label . FILTER (LCASE(STR(?label)) = LCASE(STR(?name))) }"""
_LIKE = """SELECT DISTINCT ?label ?name WHERE {
  ?s rdfs:label ?label . FILTER (CONTAINS(LCASE(STR(?label)), LCASE(STR(?name)))) }
  ORDER BY STRLEN(?label) ?label LIMIT 20"""

# One step from the nodes in ?s: the links the view draws, both ways, and memberships.
_NEIGHBOURS = """SELECT DISTINCT ?s ?n WHERE { $values
  { VALUES ?p { $predicates } { ?s ?p ?n } UNION { ?n ?p ?s } }
  UNION { ?m org:member ?s ; pemilu:post ?n } UNION { ?m pemilu:post ?s ; org:member|org:organization ?n }
  UNION { ?m org:organization ?s ; pemilu:post ?n }
  FILTER (isIRI(?n)) }"""

# Regions: the place(s) in ?s and every place contained in them, at any depth. Then what is in,
# serves or mentions them, the posts and members of those institutions and the events' actors.
_REGIONS = "SELECT DISTINCT ?n WHERE { $values ?n schema:containedInPlace* ?s }"
_IN_REGIONS = """SELECT DISTINCT ?n WHERE { $values
  { ?n schema:areaServed|schema:location|schema:mentions|pemilu:datelinePlace ?s }
  UNION { ?org schema:areaServed ?s . ?m org:organization ?org ; pemilu:post|org:member ?n }
  UNION { ?event schema:location ?s ; sem:hasActor ?n } }"""

# An event: its places, actors, the quotations recorded at it and their speakers, what mentions it.
_EVENT = """SELECT DISTINCT ?n WHERE { $values
  { ?s a ?type . BIND (?s AS ?n) } UNION { ?s schema:location|sem:hasActor ?n }
  UNION { ?n schema:recordedAt ?s } UNION { ?q schema:recordedAt ?s ; schema:creator ?n }
  UNION { ?n schema:mentions ?s } }"""


class SelectionError(KgError, ValueError):
    """A name matches nothing or a query cannot select a part; the message says what to do."""


def _query(store: Store, text: str, **values: str):
    return store.select(text, {name: (value, False) for name, value in values.items()}).records()


def find(store: Store, name: str, kinds: tuple[str, ...] | None = None) -> list[str]:
    """Nodes whose rdfs:label or skos:altLabel is `name` (any case), of one of `kinds` (default: all)."""
    store = as_store(store)

    def of_kind(iris: Iterable[str]) -> dict[str, Kind]:
        return {iri: kind for iri, kind in node_kinds(store, sorted(iris)).items()
                if kinds is None or kind.name in kinds}

    found = sorted(of_kind({row["s"] for row in _query(store, _NAMED, name=name)}))
    if not found:
        rows = list(_query(store, _LIKE, name=name))
        like = list(dict.fromkeys(row["label"] for row in rows))[:_SUGGESTIONS]
        what = "/".join(kinds) if kinds else "node"
        hint = f"; did you mean: {', '.join(repr(x) for x in like)}" if like else ""
        raise SelectionError(f"no {what} is named {name!r} (rdfs:label or skos:altLabel, any case){hint}")
    return found


def _expand(store: Store, template: str, seeds: list[str], **fields: str) -> set[str]:
    text = Template(template).substitute(values=iri_values("s", seeds), **fields)
    return {row["n"] for row in store.select(text).records()}


def neighbours(store: Store, seeds: Iterable[str]) -> dict[str, set[str]]:
    """Each seed → the nodes one drawn link (or membership) away from it."""
    store = as_store(store)
    predicates = " ".join(f"<{p}>" for p in DRAWN_PREDICATES)
    text = Template(_NEIGHBOURS).substitute(values=iri_values("s", sorted(set(seeds))), predicates=predicates)
    out: dict[str, set[str]] = {}
    for row in store.select(text).records():
        out.setdefault(row["s"], set()).add(row["n"])
    return out


def focus(store: Store, name: str, hops: int = 1) -> set[str]:
    """The named entity (every node of that name) and all nodes within `hops` drawn links of it."""
    store = as_store(store)
    if hops < 0:
        raise SelectionError(f"--hops must be 0 or more, got {hops}")
    selected = set(find(store, name))
    frontier = set(selected)
    predicates = " ".join(f"<{p}>" for p in DRAWN_PREDICATES)
    for _ in range(hops):
        if not frontier:
            break
        frontier = _expand(store, _NEIGHBOURS, sorted(frontier), predicates=predicates) - selected
        selected |= frontier
    return selected


def place(store: Store, name: str) -> set[str]:
    """A region and its sub-regions, with what is located in, serves or mentions them."""
    store = as_store(store)
    regions = _expand(store, _REGIONS, find(store, name, ("place",)))
    return regions | _expand(store, _IN_REGIONS, sorted(regions))


def event(store: Store, name: str) -> set[str]:
    """An event with its places, actors, quotations recorded at it and the articles mentioning it."""
    store = as_store(store)
    return _expand(store, _EVENT, find(store, name, ("event",)))


def construct(store: Store, path: Path, *, allow_remote: bool = False) -> set[str]:
    """Every IRI in the triples of a SPARQL CONSTRUCT query file (checked by `check_query_safety`)."""
    store = as_store(store)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as err:
        raise SelectionError(f"cannot read the query file {path}: {err.strerror}") from err
    check_query_safety(text, allow_remote=allow_remote)
    if not re.search(r"\b(CONSTRUCT|DESCRIBE)\b", blank(text), re.I):
        raise SelectionError(f"{path} is not a CONSTRUCT (or DESCRIBE) query: a view needs triples; write "
                             "CONSTRUCT { ... } WHERE { ... }")
    try:
        result = store.construct(text)
    except QueryError as err:
        raise QueryError(f"{path}: {err}") from err
    return {str(term) for triple in result for term in (triple[0], triple[2]) if isinstance(term, URIRef)}
