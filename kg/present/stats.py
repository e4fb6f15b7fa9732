"""`kg stats`: how many nodes of each kind, who is mentioned most, who is most central.

Centrality is networkx' eigenvector centrality on the co-mention network of persons and
institutions (two are linked when an article mentions both, weighted by how many do): a person
is central when mentioned alongside many others who are central themselves.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass

import networkx as nx

from kg.graph import Store, as_store
from kg.present.graph_analytics import co_mention_centrality
from kg.present.view_data import KINDS, labels, skeleton

TOP = 10


@dataclass(frozen=True)
class Ranked:
    iri: str
    label: str
    value: float  # articles, or centrality


@dataclass(frozen=True)
class GraphStats:
    counts: dict[str, int]  # kind → nodes
    edges: int  # links the view draws
    most_mentioned: dict[str, list[Ranked]]  # "person"/"organization" → top nodes by articles
    most_central_persons: list[Ranked]

    def as_dict(self) -> dict:
        return asdict(self)


def graph_stats(store: Store, top: int = TOP) -> GraphStats:
    store = as_store(store)
    bones = skeleton(store)
    counts = Counter(kind.name for kind in bones.kinds.values())
    mentioned = {
        kind: sorted((iri for iri, k in bones.kinds.items() if k.name == kind),
                     key=lambda iri: (-len(bones.mentions.get(iri, ())), iri))[:top]
        for kind in ("person", "organization")}
    entities = {iri for iri, k in bones.kinds.items() if k.name in ("person", "organization")}
    articles = {article for iri in entities for article in bones.mentions.get(iri, ())}
    by_article: dict[str, list[str]] = {article: [] for article in sorted(articles)}  # one order: one ranking
    for iri in sorted(entities):
        for article in bones.mentions.get(iri, ()):
            by_article[article].append(iri)
    try:
        centrality = co_mention_centrality(by_article.values())
    except nx.PowerIterationFailedConvergence:  # pragma: no cover - has not happened on the corpora
        centrality = {}
    persons = sorted((iri for iri in centrality if bones.kinds[iri].name == "person"),
                     key=lambda iri: (-centrality[iri], iri))[:top]
    names = labels(store, {*persons, *(iri for top_list in mentioned.values() for iri in top_list)})
    return GraphStats(
        counts={kind.name: counts[kind.name] for kind in KINDS},
        edges=len(bones.edges),
        most_mentioned={kind: [Ranked(iri, names[iri], len(bones.mentions.get(iri, ()))) for iri in iris]
                        for kind, iris in mentioned.items()},
        most_central_persons=[Ranked(iri, names[iri], round(centrality[iri], 4)) for iri in persons])


def format_stats(stats: GraphStats, fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps(stats.as_dict(), ensure_ascii=False, indent=2)
    lines = ["Simpul per jenis / Nodes by kind"]
    lines += [f"  {kind:14} {count:>8}" for kind, count in stats.counts.items()]
    lines += [f"  {'links':14} {stats.edges:>8}", ""]
    for kind, title in (("person", "Orang paling sering disebut / Most-mentioned persons"),
                        ("organization", "Lembaga paling sering disebut / Most-mentioned institutions")):
        lines += [title, f"  {'articles':>8}  name"]
        lines += [f"  {int(r.value):>8}  {r.label}" for r in stats.most_mentioned[kind]] + [""]
    lines += ["Orang paling sentral / Most central persons (eigenvector centrality, co-mentions)",
              f"  {'score':>8}  name"]
    lines += [f"  {r.value:>8.4f}  {r.label}" for r in stats.most_central_persons]
    return "\n".join(lines)
