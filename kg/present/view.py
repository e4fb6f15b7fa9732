"""Interactive view of a pemilu-kg graph: store or RDF → pyvis `Network` → one self-contained HTML page.

`build_network` reads the graph (`kg.present.view_data`) and returns a `Network` that tests can inspect;
`write_html` is the separate step that renders it. The page inlines vis-network from the copy
pyvis ships, because pyvis' own templates fetch bootstrap and tom-select from CDNs even in
"in_line" mode; its script, style and template are `kg/present/view_assets/page.*`.
"""
from __future__ import annotations

import html
import json
import math
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from string import Template

import pyvis
from pyvis.network import Network
from rdflib import Graph

from kg.atomic import write_atomically
from kg.graph import Store
from kg.present.graph_analytics import layout
from kg.present.overview import Community
from kg.present.view_data import KIND, KINDS, ViewGraph, read_view_graph
from kg.rdf.namespaces import SCHEMA

__all__ = ["DEFAULT_MAX_NODES", "KINDS", "GraphView", "build_network", "write_html"]

DEFAULT_MAX_NODES = 1500
ASSETS = Path(__file__).resolve().parent / "view_assets"
_MENTION_COLOR = "#cccccc"
_EDGE_COLOR = "#666666"
_SMALL = 100  # nodes up to which vis-network's slower, tidier initial layout is used
PHYSICS_LIMIT = 500  # more nodes than this are laid out here (`graph_analytics.layout`), not by physics


class _Ids(list):
    """pyvis checks node ids with `in` on a list for every node and edge: quadratic on big graphs."""

    def __init__(self) -> None:
        super().__init__()
        self._set: set = set()

    def append(self, value) -> None:
        super().append(value)
        self._set.add(value)

    def __contains__(self, value) -> bool:
        return value in self._set


class GraphView(Network):
    """A pyvis Network that also records which nodes were left out to keep the page responsive."""

    def __init__(self, graph: ViewGraph, heading: str = "pemilu-kg", communities: Sequence[Community] = (),
                 summary: str = "") -> None:
        super().__init__(height="100%", width="100%", directed=True, heading=heading)
        self.node_ids = _Ids()
        self.total_nodes = graph.total_nodes
        self.left_out = graph.left_out  # IRIs, most-mentioned first
        self.left_out_kinds = graph.left_out_kinds
        self.communities = tuple(communities)
        self.summary = summary  # says how the nodes were chosen, when not by mentions
        self.pool_nodes: list[dict] = []  # carried in the page, drawn on request (expand, evidence, path)
        self.pool_edges: list[dict] = []
        self.labels: dict[str, str] = {}

    def note(self) -> str:
        shown = len(self.nodes)
        if self.summary:
            return self.summary
        if not self.left_out:
            return f"{shown} simpul, {len(self.edges)} hubungan / {shown} nodes, {len(self.edges)} edges."
        kinds = ", ".join(f"{count} {KIND[name].legend.split(' / ')[1].lower()}"
                          for name, count in sorted(self.left_out_kinds.items(), key=lambda kv: -kv[1]))
        return (f"Menampilkan {shown} dari {self.total_nodes} simpul yang paling sering disebut; "
                f"{len(self.left_out)} tidak ditampilkan. / Showing the {shown} most-mentioned of "
                f"{self.total_nodes} nodes ({len(self.edges)} edges); {len(self.left_out)} left out: {kinds}.")


def build_network(source: Store | Graph | ViewGraph, *, max_nodes: int = DEFAULT_MAX_NODES,
                  nodes: Iterable[str] | None = None, heading: str = "pemilu-kg", hidden: Iterable[str] = (),
                  communities: Sequence[Community] = (), summary: str = "") -> GraphView:
    """Draw persons, institutions, posts, places, events, quotations and articles with their links.

    `nodes` limits the drawing to those IRIs (a selection, see `kg.present.selection`). With more than
    `max_nodes` nodes only the most-mentioned are kept; the rest are listed in
    `GraphView.left_out` so the caller and the page can say what is missing. Nodes in `hidden` are
    carried in the page but not drawn (`GraphView.pool_nodes`); a node of a community takes its colour.
    """
    graph = source if isinstance(source, ViewGraph) else read_view_graph(source, nodes, max_nodes=max_nodes)
    hidden = set(hidden)
    net = GraphView(graph, heading, communities, summary)
    shown = [e for e in graph.edges if e.source not in hidden and e.target not in hidden]
    count = len(graph.nodes) - len(hidden & graph.nodes.keys())
    large = count > PHYSICS_LIMIT
    net.set_options(json.dumps(vis_options(count)))
    positions = layout([n for n in graph.nodes if n not in hidden], [(e.source, e.target) for e in shown]) if large else {}
    colors = {member: c.color for c in communities for member in c.members}
    for node in graph.nodes.values():
        info = node.info
        net.labels[node.id] = node.label
        item = dict(label=node.label, shape=node.kind.shape, color=colors.get(node.id, node.kind.color),
                    title=info.text(), size=_size(node.mentions), kind=node.kind.name, dates=node.dates,
                    search="\n".join([node.label, *info.lines[:1]]).lower(), info=info.as_dict())
        if node.id in hidden:
            net.pool_nodes.append({"id": node.id, **item})
        else:
            net.add_node(node.id, **item, **(dict(zip("xy", positions[node.id])) if large else {}))
    for edge in graph.edges:  # on a large graph edge labels are unreadable: they stay in the details
        color = _MENTION_COLOR if edge.predicate == str(SCHEMA.mentions) else _EDGE_COLOR
        drawn = {"arrows": {"to": {"enabled": False}}} if large else {"label": edge.label}
        item = dict(title=edge.info.text(), color=color, predicate=edge.predicate, info=edge.info.as_dict(),
                    dates=edge.dates, name=edge.label, **drawn)
        if edge.source in hidden or edge.target in hidden:
            net.pool_edges.append({"from": edge.source, "to": edge.target, **item})
        else:
            net.add_edge(edge.source, edge.target, **item)
    return net


def vis_options(nodes: int) -> dict:
    """Up to `PHYSICS_LIMIT` nodes, stabilise in short batches (the page stays responsive), then the
    page turns physics off; past it the nodes come with positions and physics stays off."""
    large = nodes > PHYSICS_LIMIT
    return {
        "physics": {"enabled": not large, "solver": "forceAtlas2Based", "minVelocity": 0.75,
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110},
                    "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 10, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True, "hideEdgesOnZoom": large},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": not large, "scaleFactor": 0.5}},
                  "font": {"size": 10, "align": "middle", "color": "#555555"}},
        "nodes": {"font": {"size": 13}},
        "layout": {"improvedLayout": nodes <= _SMALL, "randomSeed": 7},
    }


def _size(mentions: int) -> float:
    return round(min(60.0, 12 + 6 * math.sqrt(mentions)), 1)


# ---- HTML -------------------------------------------------------------------------------------

def write_html(net: Network, path: str | os.PathLike[str]) -> Path:
    """Write one HTML file that works offline: every script and style is inlined."""
    nodes, edges, heading, _height, _width, options = net.get_network_data()
    vis_js, vis_css = _vis_assets()
    template, page_css, page_js = _page_assets()
    note = net.note() if isinstance(net, GraphView) else f"{len(nodes)} simpul / nodes"
    counts = Counter(node.get("kind") for node in nodes)
    glyph = (lambda kind: "#555555") if getattr(net, "communities", ()) else (lambda kind: kind.color)
    legend = "\n".join(
        f'<label><input type="checkbox" value="{kind.name}" checked>'
        f'<span class="swatch" style="color:{glyph(kind)}">{kind.glyph}</span>{html.escape(kind.legend)} '
        f"({counts[kind.name]})</label>"
        for kind in KINDS if counts[kind.name])
    # The page makes each tooltip from "info", kept beside vis-network's items (which it deep-copies);
    # the plain-text "title" would only double the size.
    edges = [{**edge, "id": f"e{i}"} for i, edge in enumerate(edges)]
    pool_nodes = getattr(net, "pool_nodes", [])
    pool_edges = [{**edge, "id": f"p{i}"} for i, edge in enumerate(getattr(net, "pool_edges", []))]
    every_node, every_edge = [*nodes, *pool_nodes], [*edges, *pool_edges]
    dates = sorted({d for item in [*every_node, *every_edge] for d in item.get("dates", ())})
    data = {"nodes": [_vis_item(n) for n in nodes], "edges": [_vis_item(e) for e in edges],
            "pool": {"nodes": [_vis_item(n) for n in pool_nodes], "edges": [_vis_item(e) for e in pool_edges]},
            "nodeInfo": {n["id"]: n.get("info") for n in every_node},
            "edgeInfo": {e["id"]: e.get("info") for e in every_edge},
            "dates": [dates[0], dates[-1]] if dates else [], "options": json.loads(options)}
    pool_counts = Counter(node.get("kind") for node in pool_nodes)
    legend += "".join(
        f'<label><input type="checkbox" value="{name}" class="evidence">'
        f'<span class="swatch" style="color:{glyph(KIND[name])}">{KIND[name].glyph}</span>'
        f"{html.escape(KIND[name].legend)} ({pool_counts[name]})</label>"
        for name in ("quotation", "article") if pool_counts[name] and not counts[name])
    names = "".join(f'<option value="{html.escape(label, quote=True)}">'
                    for label in sorted({str(node["label"]) for node in every_node}))
    page = template.substitute(title=html.escape(heading or "pemilu-kg"), note=html.escape(note),
                               names=names, legend=legend, communities=_communities(net), data=_script_json(data),
                               vis_css=vis_css, vis_js=vis_js, page_css=page_css, page_js=page_js)
    return write_atomically(path, lambda out: out.write(page.encode("utf-8")))


def _communities(net: Network) -> str:
    """The legend of the communities: a colour and the most central names of each."""
    communities = getattr(net, "communities", ())
    if not communities:
        return ""
    labels = getattr(net, "labels", {})
    rows = "".join(f'<li><span class="swatch" style="color:{c.color}">●</span>{len(c.members)}: '
                   f'{html.escape(", ".join(labels.get(m, m) for m in c.central))}</li>' for c in communities[:12])
    return f'<details id="communities" open><summary>Kelompok / Communities ({len(communities)})</summary><ol>{rows}</ol></details>'


def _vis_item(item: dict) -> dict:
    return {key: value for key, value in item.items() if key not in ("title", "info")}


def _script_json(value: object) -> str:
    """JSON safe inside <script>: no character of the data can close the element or open a tag."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


@cache
def _page_assets() -> tuple[Template, str, str]:
    read = lambda name: (ASSETS / name).read_text(encoding="utf-8")  # noqa: E731
    return Template(read("page.html")), read("page.css"), read("page.js").replace("</script", "<\\/script")


@cache
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS from the newest copy inside pyvis.

    The CSS embeds 200 KB of base64 icons for the navigation and editing toolbars, which this page
    never enables; they are dropped. The source-map comment would point at a file not shipped.
    """
    folders = (Path(pyvis.__file__).parent / "lib").glob("vis-*")
    folder = max(folders, key=lambda p: tuple(int(x) for x in p.name.removeprefix("vis-").split(".")))
    js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
    css = (folder / "vis-network.css").read_text(encoding="utf-8")
    js = re.sub(r"//# sourceMappingURL=\S*", "", js).replace("</script", "<\\/script")
    css = re.sub(r'url\("data:image/[^"]*"\)', "none", css)
    return js, css
