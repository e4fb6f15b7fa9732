"""Which nodes of a view matter most, computed on plain ids so it needs neither rdflib nor pyvis."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import networkx as nx


def rank_nodes(nodes: Iterable[str], edges: Iterable[tuple[str, str]],
               articles: Mapping[str, int]) -> list[str]:
    """Nodes found in the most articles first, so a size limit drops the least-reported ones.

    Ties go to the better-connected node, then to the id, so the same graph always gives the
    same page.
    """
    graph = nx.MultiGraph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    return sorted(graph.nodes, key=lambda node: (-articles.get(node, 0), -graph.degree(node), node))
