"""What a page carries beyond what it draws: the drawn nodes' hidden neighbours.

A double-click on a node adds its neighbours from this pool, the evidence toggle adds the articles
and quotations, and the path search walks it; the page never asks a server. The pool is capped
per node and kind so that a hub (a province every institution serves) does not carry the store.
"""
from __future__ import annotations

from collections.abc import Iterable

from kg.graph import Store
from kg.present import selection
from kg.present.view_data import ViewGraph, node_kinds, read_view_graph

EVIDENCE_KINDS = ("article", "quotation")
PER_NODE = {"article": 3, "quotation": 3}  # evidence per drawn node
PER_NODE_OTHER = 30  # other neighbours per drawn node
MAX_POOL = 6000


def pool(store: Store, drawn: Iterable[str]) -> set[str]:
    """The nodes one link away from `drawn` that it does not hold, capped per node and kind."""
    drawn = set(drawn)
    around = selection.neighbours(store, drawn)
    candidates = {n for found in around.values() for n in found} - drawn
    kinds = {iri: kind.name for iri, kind in node_kinds(store, sorted(candidates)).items()}
    chosen: set[str] = set()
    for seed in sorted(around):
        taken: dict[str, int] = {}
        for other in sorted(around[seed] & kinds.keys() - drawn):
            kind = kinds[other]
            if taken.get(kind, 0) < PER_NODE.get(kind, PER_NODE_OTHER):
                taken[kind] = taken.get(kind, 0) + 1
                chosen.add(other)
        if len(chosen) >= MAX_POOL:
            break
    return chosen


def with_pool(store: Store, drawn: Iterable[str]) -> tuple[ViewGraph, frozenset[str]]:
    """The graph of `drawn` and the pool nodes linked to a drawn node, and those (the hidden ones).

    A pool node no drawn edge reaches (a post of an older store that is in no institution) is left
    out: everything in the graph but the hidden ones is drawn.
    """
    drawn = set(drawn)
    graph = read_view_graph(store, drawn | pool(store, drawn))
    hidden = hidden_neighbours(graph, drawn)
    graph.nodes = {iri: node for iri, node in graph.nodes.items() if iri in drawn or iri in hidden}
    graph.edges = [e for e in graph.edges if e.source in graph.nodes and e.target in graph.nodes]
    return graph, frozenset(hidden)


def hidden_neighbours(graph: ViewGraph, drawn: set[str]) -> set[str]:
    """Nodes of `graph` outside `drawn` with an edge to a drawn node."""
    return {end for e in graph.edges for end, other in ((e.source, e.target), (e.target, e.source))
            if end not in drawn and other in drawn}

