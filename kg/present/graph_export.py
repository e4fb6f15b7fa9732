"""`kg export -o graph.graphml|graph.gexf`: the drawn graph for Gephi and Cytoscape (networkx writers).

Nodes carry the IRI as id with label, kind, mentions (articles naming it) and articles (articles
it appears in); edges carry the predicate IRI and its ontology label. `kg view -o FILE.json` writes
the page's drawn graph as node-link JSON. Written atomically.
"""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
from pyvis.network import Network

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


def node_link(net: Network) -> dict:
    """The drawn nodes and edges of a view as node-link JSON (networkx's and d3's layout)."""
    nodes = [{"id": n["id"], "kind": n.get("kind", ""), "label": n.get("label", ""), "color": n.get("color", "")}
             for n in net.nodes]
    links = [{"source": e["from"], "target": e["to"], "label": e.get("name", e.get("label", "")),
              "predicate": e.get("predicate", "")} for e in net.edges]
    return {"directed": True, "multigraph": True, "graph": {"heading": net.heading}, "nodes": nodes, "links": links}


def write_node_link(net: Network, path: Path) -> dict:
    """Write `node_link(net)` to `path`, atomically."""
    data = node_link(net)
    text = json.dumps(data, ensure_ascii=False, indent=1)
    write_atomically(path, lambda out: out.write(text.encode("utf-8")))
    return data


def write_graph(store: Store, path: Path, nodes: set[str] | None = None) -> nx.MultiDiGraph:
    """Write the whole graph (or `nodes` and the links among them) as GraphML or GEXF, by extension."""
    writer = WRITERS.get(path.suffix.lower())
    if writer is None:
        raise ValueError(f"{path}: a graph export is .graphml or .gexf")
    graph = to_networkx(read_view_graph(store, nodes))
    write_atomically(path, lambda out: writer(graph, out))
    return graph
