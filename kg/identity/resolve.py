"""Identity resolution over a whole store: one canonical node per person across the articles.

`resolve_persons(store)` reads every person node (kg.identity.records), scores candidate pairs
(kg.identity.scoring), joins them without over-merging (kg.identity.clusters), scores the one-word
names left alone against whole clusters and joins them so (kg.identity.context), renames the joined
nodes to their canonical node in every article graph (`Store.rename`) and writes one identity graph
per canonical node: its names, the evidence and the match probability. With `graphs`, only nodes of
those article graphs may join (the end of `kg build`): clusters that none of them joins are not
touched.
"""
from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.graph import SerializedGraph, Store
from kg.identity.clusters import Cluster, cluster
from kg.identity.context import second_pass
from kg.identity.records import PersonRecord, read_persons
from kg.identity.scoring import score
from kg.nlp.text import id_slug
from kg.rdf.namespaces import GRAPH, PEMILU, SCHEMA

IDENTITY_GRAPH = str(GRAPH["identity/"])


@dataclass(frozen=True)
class Resolution:
    persons: int  # person nodes read
    pairs: int  # candidate pairs scored at or above the scorer's floor
    clusters: int  # canonical nodes written (clusters touched)
    renamed: int  # nodes renamed to a canonical node
    seconds: float

    def summary(self) -> str:
        return (f"identity: {self.persons} person nodes read, {self.pairs} candidate pairs, {self.clusters} canonical "
                f"persons written, {self.renamed} nodes joined to them in {self.seconds:.1f} s")


def resolve_persons(store: Store, graphs: Iterable[str] | None = None,
                    log: Callable[[str], None] | None = None, model: dict[str, Any] | None = None) -> Resolution:
    """Resolve the persons of the store; with `graphs`, only those articles' nodes join clusters.
    `log` hears each stage (the whole corpus takes about 35 s); `model` scores the pairs (default:
    the shipped one)."""
    started = time.perf_counter()
    say = log or (lambda message: None)
    say("identity: reading the person nodes of the store")
    records = read_persons(store)
    fresh = None if graphs is None else {n for n, r in records.items() if r.graphs & set(graphs)}
    say(f"identity: scoring candidate pairs among {len(records)} person nodes")
    pairs = score(records, model, only=fresh)
    if fresh is not None:
        pairs = [p for p in pairs if p.a in fresh or p.b in fresh]
    clusters = cluster(records, pairs, existing=_existing(records))
    say("identity: scoring the one-word names left alone against whole clusters")
    clusters = second_pass(records, clusters, lambda c: canonical(c, records),
                           lambda merged, alone: score(merged, model, only=alone), lone=fresh)
    touched = [c for c in clusters if c.links]
    renames: dict[str, tuple[str, str]] = {}
    identity: list[SerializedGraph] = []
    stale: set[str] = set()
    for c in touched:
        keep = canonical(c, records)
        label = records[keep].label
        for node in c.nodes:
            current = records[node].canonical or node
            if current != keep:
                renames[current] = (keep, label)
                stale.add(_identity_name(current))
        identity.append(_identity_graph(c, keep, records))
    say(f"identity: renaming {len(renames)} nodes to their canonical node in every graph")
    store.rename(renames)
    store.drop(sorted(stale - {g.name for g in identity}))
    store.replace(identity)
    return Resolution(len(records), len(pairs), len(identity), len(renames), time.perf_counter() - started)


def canonical(c: Cluster, records: dict[str, PersonRecord]) -> str:
    """The node a cluster keeps: a node of a longer name named in most articles (then the
    longest name, then the IRI, for a stable choice)."""
    own = [n for n in c.nodes if records[n].canonical is None] or sorted(c.nodes)
    return max(own, key=lambda n: (len(records[n].words) > 1, len(records[n].graphs),
                                   len(records[n].label), n))


def _existing(records: dict[str, PersonRecord]) -> list[set[str]]:
    """Clusters an earlier resolution made: the nodes renamed to one canonical node, with it."""
    groups: dict[str, set[str]] = defaultdict(set)
    for node, r in records.items():
        if r.canonical:
            groups[r.canonical].add(node)
            if r.canonical in records:
                groups[r.canonical].add(r.canonical)
    return [g for g in groups.values() if len(g) > 1]


def _identity_name(node: str) -> str:
    return IDENTITY_GRAPH + id_slug(node.rsplit("/", 1)[1])


def _identity_graph(c: Cluster, keep: str, records: dict[str, PersonRecord]) -> SerializedGraph:
    g = Graph()
    node = URIRef(keep)
    label = records[keep].label
    g.add((node, RDF.type, SCHEMA.Person))
    g.add((node, RDFS.label, Literal(label)))
    for name in sorted({n for m in c.nodes for n in records[m].names} - {label}):
        g.add((node, SKOS.altLabel, Literal(name)))
    for member in sorted(c.nodes - {keep}):
        g.add((URIRef(member), OWL.sameAs, node))
    for link in c.links:
        g.add((node, PEMILU.identityEvidence, Literal(
            f"{records[link.a].label} = {records[link.b].label}: names {link.names}"
            + (f"; same {', '.join(link.evidence)}" if link.evidence else "") + f" (p={link.probability:.3f})")))
    g.add((node, PEMILU.matchProbability,
           Literal(round(min(link.probability for link in c.links), 4), datatype=XSD.decimal)))
    return SerializedGraph(_identity_name(keep), g.serialize(format="nt", encoding="utf-8"))
