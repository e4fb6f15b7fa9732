"""`kg export -o graph.graphml|graph.gexf`: the drawn graph for Gephi and Cytoscape (networkx writers).

Nodes carry the IRI as id with label, kind, mentions (articles naming it) and articles (articles
it appears in); edges carry the predicate IRI and its ontology label. Written atomically.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.atomic import write_atomically
from kg.graph import Store
from kg.present.view_data import ViewGraph, read_view_graph

WRITERS = {".graphml": nx.write_graphml, ".gexf": nx.write_gexf}


def to_networkx(graph: ViewGraph) -> nx.MultiDiGraph:
    out = nx.MultiDiGraph()
    for node in graph.nodes.values():
        out.add_node(node.id, label=node.label, kind=node.kind.name, mentions=node.mentions, articles=node.articles)
    for edge in graph.edges:
        out.add_edge(edge.source, edge.target, key=edge.predicate, predicate=edge.predicate, label=edge.label)
    return out


def write_graph(store: Store, path: Path, nodes: set[str] | None = None) -> nx.MultiDiGraph:
    """Write the whole graph (or `nodes` and the links among them) as GraphML or GEXF, by extension."""
    writer = WRITERS.get(path.suffix.lower())
    if writer is None:
        raise ValueError(f"{path}: a graph export is .graphml or .gexf")
    graph = to_networkx(read_view_graph(store, nodes))
    write_atomically(path, lambda out: writer(graph, out))
    return graph
