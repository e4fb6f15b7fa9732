"""The whole-store page: what to draw when no part is asked for, chosen by connection.

Mention counts alone pick famous names that share no drawn link (a ring of isolated dots). Here the
persons, institutions, posts, places and events are linked by their drawn facts; the page grows
the largest connected part from its best-connected node (highest k-core, then degree, then
articles), always adding the best node linked to what it already holds, then the next largest
part, so every drawn node has a drawn edge. Louvain communities
(networkx) then colour the groups, each listed with its most central names.
"""
from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

STRUCTURE_KINDS = ("person", "organization", "post", "place", "event")
PALETTE = ("#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324",
           "#469990", "#808000", "#000075", "#e6beff")
OTHER_COLOR = "#a0a0a0"  # communities past the palette
CENTRAL_NAMES = 3


@dataclass(frozen=True)
class Community:
    """A group of densely linked nodes: its colour and its most central members, best first."""

    color: str
    members: frozenset[str]
    central: tuple[str, ...]


def structure_graph(kinds: Mapping[str, str], edges: Iterable[tuple[str, str]]) -> nx.Graph:
    """The undirected graph of the structural nodes (`STRUCTURE_KINDS`) and the links among them."""
    graph = nx.Graph()
    graph.add_nodes_from(node for node, kind in kinds.items() if kind in STRUCTURE_KINDS)
    graph.add_edges_from((a, b) for a, b in edges if a != b and a in graph and b in graph)
    return graph


def choose(graph: nx.Graph, articles: Mapping[str, int], limit: int) -> list[str]:
    """Up to `limit` linked nodes: the largest connected part first, then the next largest, ...

    Each part is grown best-first from its best-connected node, so a part cut short by the limit
    stays connected. A node's rank is (k-core number, degree, articles, id): the dense centre of
    the graph first, and the same graph always gives the same page. Isolated nodes are never chosen.
    """
    linked = graph.subgraph(node for node in graph if graph.degree(node))
    if not linked or limit <= 0:
        return []
    cores = nx.core_number(linked)

    def rank(node: str) -> tuple:
        return (-cores[node], -linked.degree(node), -articles.get(node, 0), node)

    parts = sorted(((len(part), min(part, key=rank)) for part in nx.connected_components(linked)),
                   key=lambda part: (-part[0], rank(part[1])))
    chosen: list[str] = []
    for _, start in parts:
        if len(chosen) >= limit - 1:  # a last node alone would have no drawn edge
            break
        seen = {start}
        frontier = [(rank(start), start)]
        while frontier and len(chosen) < limit:
            _, node = heapq.heappop(frontier)
            chosen.append(node)
            for other in linked[node]:
                if other not in seen:
                    seen.add(other)
                    heapq.heappush(frontier, (rank(other), other))
    return chosen


def communities(graph: nx.Graph, nodes: Iterable[str], seed: int = 7) -> list[Community]:
    """Louvain communities of the part drawn, largest first, each with its most central members."""
    part = graph.subgraph(nodes)
    if not part:
        return []
    # On integers: the order of a set of strings changes from run to run, and Louvain's result with it.
    names = sorted(part)
    number = {name: i for i, name in enumerate(names)}
    numbered = nx.Graph()
    numbered.add_nodes_from(range(len(names)))
    numbered.add_edges_from(sorted(tuple(sorted((number[a], number[b]))) for a, b in part.edges))
    found = nx.community.louvain_communities(numbered, seed=seed)
    groups = sorted(({names[i] for i in group} for group in found), key=lambda g: (-len(g), min(g)))
    out = []
    for i, group in enumerate(groups):
        central = sorted(group, key=lambda n: (-part.degree(n), n))[:CENTRAL_NAMES]
        out.append(Community(PALETTE[i] if i < len(PALETTE) else OTHER_COLOR, frozenset(group), tuple(central)))
    return out
