"""Graph measures for the view, `kg stats` and the exports, on plain ids: neither rdflib nor pyvis."""
from __future__ import annotations

import math
from collections import Counter, deque
from collections.abc import Iterable, Mapping

import networkx as nx

_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


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


def layout(nodes: Iterable[str], edges: Iterable[tuple[str, str]], *, spacing: float = 45.0,
           core: int = 300, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions for a graph too big for the browser's physics to lay out in a few seconds.

    The `core` best-connected nodes get a force-directed layout (networkx' spring layout), linked
    directly or through a shared neighbour (an article that mentions both); every other node is
    then placed, breadth-first, on a sunflower spiral around the mean of its placed neighbours. A
    part not linked to the core starts on a spiral outside it. Linear in the edges after the core;
    the same input always gives the same positions.
    """
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((a, b) for a, b in edges if a != b)
    if not graph:
        return {}
    by_degree = sorted(graph, key=lambda node: (-graph.degree(node), node))
    hubs = [node for node in by_degree[:core] if graph.degree(node)] or by_degree[:1]
    pos = {node: (x * spacing * math.sqrt(len(graph)), y * spacing * math.sqrt(len(graph)))
           for node, (x, y) in _core_layout(graph, hubs, seed).items()}
    around: Counter = Counter()  # satellites placed around each spot so far

    def place(node: str, cx: float, cy: float) -> None:
        spot = (round(cx / spacing), round(cy / spacing))
        k = around[spot]
        around[spot] += 1
        radius = spacing * (1 + 0.8 * math.sqrt(k))
        pos[node] = (cx + radius * math.cos(k * _GOLDEN_ANGLE), cy + radius * math.sin(k * _GOLDEN_ANGLE))

    def spread(queue: deque) -> None:
        while queue:
            for node in sorted(graph[queue.popleft()], key=lambda n: (-graph.degree(n), n)):
                if node not in pos:
                    anchors = [pos[n] for n in graph[node] if n in pos]
                    place(node, sum(x for x, _ in anchors) / len(anchors), sum(y for _, y in anchors) / len(anchors))
                    queue.append(node)

    spread(deque(hubs))
    outer = max((math.hypot(x, y) for x, y in pos.values()), default=0.0) + 3 * spacing
    area = 0.0
    for i, root in enumerate(node for node in by_degree if node not in pos):
        part = nx.node_connected_component(graph, root)
        area += len(part) * (2.5 * spacing) ** 2
        radius = math.sqrt(outer ** 2 + area / math.pi)
        pos[root] = (radius * math.cos(i * _GOLDEN_ANGLE), radius * math.sin(i * _GOLDEN_ANGLE))
        spread(deque([root]))
    placed: dict[str, tuple[float, float]] = {}
    taken: set[tuple[float, float]] = set()
    for node in by_degree:  # two nodes never share a point
        x, y = pos[node]
        while (round(x, 1), round(y, 1)) in taken:
            x += spacing / 3
        placed[node] = (round(x, 1), round(y, 1))
        taken.add(placed[node])
    return placed


def _core_layout(graph: nx.Graph, hubs: list[str], seed: int) -> dict[str, tuple[float, float]]:
    """Spring layout of the hubs, in [-1, 1]; two hubs attract when linked or sharing neighbours."""
    if len(hubs) == 1:
        return {hubs[0]: (0.0, 0.0)}
    chosen = set(hubs)
    weights: Counter = Counter()
    for node in graph:
        linked = sorted(n for n in graph[node] if n in chosen)
        if node in chosen:
            weights.update((node, other) for other in linked if node < other)
            continue
        weights.update((a, b) for i, a in enumerate(linked) for b in linked[i + 1:])
    core = nx.Graph()
    core.add_nodes_from(hubs)
    core.add_weighted_edges_from((a, b, math.log1p(w)) for (a, b), w in weights.items())
    return {node: (float(x), float(y)) for node, (x, y) in nx.spring_layout(core, seed=seed, iterations=60).items()}


def co_mention_centrality(groups: Iterable[Iterable[str]]) -> dict[str, float]:
    """Eigenvector centrality of the network linking every two ids of one group (say, the persons
    and institutions one article mentions), weighted by the number of groups they share."""
    weights: Counter = Counter()
    graph = nx.Graph()
    for group in groups:
        members = sorted(set(group))
        graph.add_nodes_from(members)
        weights.update((a, b) for i, a in enumerate(members) for b in members[i + 1:])
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in weights.items())
    if graph.number_of_edges() == 0:
        return dict.fromkeys(graph, 0.0)
    return nx.eigenvector_centrality(graph, max_iter=500, tol=1e-8, weight="weight")
