"""`kg view`, `kg stats` and `kg export -o graph.graphml|gexf`: the store's graph, or a part of it,
drawn as one offline HTML page, summed up, or written for Gephi and Cytoscape."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.graph import Store
from kg.present import selection
from kg.present.view import DEFAULT_MAX_NODES, build_network, write_html

__all__ = ["Part", "select", "write_view"]


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


def write_view(store: Store, output: Path, max_nodes: int = DEFAULT_MAX_NODES, part: Part = Part()) -> str:
    """Write the page; returns what was written, and what was left out, as one line."""
    nodes = select(store, part)
    heading = f"pemilu-kg: {part.describe()}" if nodes is not None else "pemilu-kg"
    net = build_network(store, max_nodes=max_nodes, nodes=nodes, heading=heading)
    write_html(net, output)
    return f"wrote {output}: {net.note().split(' / ', 1)[-1]}"
