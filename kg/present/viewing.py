"""`kg view`: the store's graph, or a part of it, drawn as one offline HTML page or written as
node-link JSON (the same selection)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.graph import Store
from kg.present import explore, overview, selection
from kg.present.graph_export import write_node_link
from kg.present.view import DEFAULT_MAX_NODES, GraphView, build_network, write_html
from kg.present.view_data import read_view_graph, skeleton

__all__ = ["Part", "draw", "select", "write_view"]


@dataclass(frozen=True)
class Part:
    """Which part of the store to draw; all None means the whole store."""

    focus: str | None = None
    hops: int = 1
    place: str | None = None
    event: str | None = None
    query: Path | None = None

    def describe(self) -> str:
        if self.focus:
            return f"{self.focus} (+{self.hops} hop{'' if self.hops == 1 else 's'})"
        return self.place or self.event or (self.query.name if self.query else "")


def select(store: Store, part: Part) -> set[str] | None:
    """The IRIs of the part (None: the whole store). At most one of focus, place, event, query."""
    chosen = [name for name in ("focus", "place", "event", "query") if getattr(part, name)]
    if len(chosen) > 1:
        raise selection.SelectionError(f"choose one of --focus, --place, --event, --query (got {', '.join(chosen)})")
    if part.focus:
        return selection.focus(store, part.focus, part.hops)
    if part.place:
        return selection.place(store, part.place)
    if part.event:
        return selection.event(store, part.event)
    if part.query:
        return selection.construct(store, part.query)
    return None


def draw(store: Store, max_nodes: int = DEFAULT_MAX_NODES, part: Part = Part()) -> GraphView:
    """The page's network: the part asked for, else the overview (`kg.present.overview`).

    Articles and quotations are not drawn but carried, with the drawn nodes' other neighbours,
    for the page's evidence toggle, expansion and path search (`kg.present.explore`).
    """
    nodes = select(store, part)
    if nodes is None:
        return _overview(store, max_nodes)
    kept = read_view_graph(store, nodes, max_nodes=max_nodes)
    facts = {iri for iri, node in kept.nodes.items() if node.kind.name not in explore.EVIDENCE_KINDS}
    # Without the articles, what was only named beside the part would float unlinked: it is left out.
    drawn = {end for e in kept.edges if e.source in facts and e.target in facts for end in (e.source, e.target)}
    drawn = drawn or facts or set(kept.nodes)
    graph, hidden = explore.with_pool(store, drawn)
    graph.total_nodes, graph.left_out, graph.left_out_kinds = kept.total_nodes, kept.left_out, kept.left_out_kinds
    return build_network(graph, heading=f"pemilu-kg: {part.describe()}", hidden=hidden)


def _overview(store: Store, max_nodes: int) -> GraphView:
    bones = skeleton(store)
    structure = overview.structure_graph({iri: kind.name for iri, kind in bones.kinds.items()},
                                         [(e.source, e.target) for e in bones.edges])
    drawn = overview.choose(structure, {iri: len(a) for iri, a in bones.appears.items()}, max_nodes)
    communities = overview.communities(structure, drawn)
    graph, hidden = explore.with_pool(store, drawn)
    total = graph.total_nodes = len(bones.kinds)
    summary = (f"{len(drawn)} dari {total} simpul: bagian terhubung terbesar dulu, {len(communities)} kelompok. / "
               f"Showing the best-connected {len(drawn)} of {total} nodes (connected parts, largest first, "
               f"k-core ranking) in {len(communities)} communities; {total - len(drawn)} left out, articles and "
               f"quotations among them (tick them in the legend). Double-click a node to show its hidden neighbours.")
    return build_network(graph, hidden=hidden, communities=communities, summary=summary)


def write_view(store: Store, output: Path, max_nodes: int = DEFAULT_MAX_NODES, part: Part = Part()) -> str:
    """Write the page, or with a `.json` output the drawn graph as node-link JSON; returns one line."""
    net = draw(store, max_nodes, part)
    if output.suffix.lower() == ".json":
        write_node_link(net, output)
    else:
        write_html(net, output)
    return f"wrote {output}: {net.note().split(' / ', 1)[-1]}"
