"""Interactive view of a pemilu-kg graph: RDF → pyvis `Network` → one self-contained HTML page.

`build_network` reads the graph and returns a `Network` that tests can inspect; `write_html` is the
separate step that renders it. The page inlines vis-network from the copy pyvis ships, because
pyvis' own templates fetch bootstrap and tom-select from CDNs even in "in_line" mode.
"""
from __future__ import annotations

import html
import json
import math
import os
import re
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from string import Template

import pyvis
from pyvis.network import Network
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, SDO, SKOS
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query

from kg.graph_analytics import rank_nodes
from kg.rdf.namespaces import NIF, PEMILU, SEM


@dataclass(frozen=True)
class Kind:
    """How one kind of node looks; `name` is also the field the page's kind filter reads."""

    name: str
    legend: str
    color: str
    shape: str
    types: tuple[URIRef, ...]


# Order matters: a node with several types takes the first kind that matches.
KINDS: tuple[Kind, ...] = (
    Kind("person", "Orang / Person", "#d1495b", "dot", (SDO.Person,)),
    Kind("organization", "Lembaga / Organization", "#00798c", "square", (SDO.Organization, ORG.Organization)),
    Kind("place", "Tempat / Place", "#66a182", "triangle", (SDO.Place, SDO.AdministrativeArea)),
    Kind("event", "Peristiwa / Event", "#edae49", "diamond", (SDO.Event, SEM.Event)),
    Kind("quotation", "Kutipan / Quotation", "#8d6a9f", "star", (SDO.Quotation,)),
    Kind("article", "Artikel / Article", "#8c8c8c", "hexagon", (SDO.NewsArticle,)),
    # A role is drawn only for a membership that names no organization.
    Kind("role", "Jabatan / Role", "#bb7e5d", "triangleDown", ()),
)
_KIND = {kind.name: kind for kind in KINDS}

EDGE_LABELS: dict[URIRef, str] = {
    SDO.containedInPlace: "terletak di",
    SDO.areaServed: "wilayah",
    SDO.location: "lokasi",
    SEM.hasActor: "pelaku",
    SDO.creator: "dikatakan oleh",
    SDO.mentions: "menyebut",
}
MEMBER_LABEL = "anggota"  # a membership that names no role
_MENTION_COLOR = "#cccccc"
_EDGE_COLOR = "#666666"
_LABEL_WORDS = 6
_MAX_SENTENCES = 3  # per fact in a tooltip

# Stabilise in short batches (the page stays responsive), then the page turns physics off.
_VIS_OPTIONS = {
    "physics": {"solver": "forceAtlas2Based", "minVelocity": 0.75,
                "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110},
                "stabilization": {"enabled": True, "iterations": 300, "updateInterval": 10, "fit": True}},
    "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True},
    "edges": {"smooth": False, "font": {"size": 10, "align": "middle", "color": "#555555"}},
    "nodes": {"font": {"size": 13}},
}

_MEMBERSHIPS = """
SELECT DISTINCT ?m ?person ?role ?org ?rank WHERE {
  ?m a org:Membership ; org:member ?person .
  OPTIONAL { ?m org:role ?role }
  OPTIONAL { ?m org:organization ?org }
  OPTIONAL { ?m pemilu:rank ?rank }
}"""

_PROVENANCE = """
SELECT DISTINCT ?fact ?source ?text ?url ?isArticle WHERE {
  ?fact prov:wasDerivedFrom ?source .
  OPTIONAL { ?source nif:anchorOf ?text }
  OPTIONAL { ?source schema:url ?url }
  BIND (EXISTS { ?source a schema:NewsArticle } AS ?isArticle)
}"""


@cache
def _prepared(text: str) -> Query:
    """Parse each query once per process, on first use rather than at import."""
    namespaces = {"schema": SDO, "org": ORG, "prov": PROV, "nif": NIF, "pemilu": PEMILU._NS}
    return prepareQuery(text, initNs=namespaces)


_Values = dict[URIRef, dict[URIRef, list[str]]]  # node → predicate → sorted literal values


@dataclass
class _Node:
    id: str
    kind: Kind
    label: str
    lines: list[str]
    mentions: int = 0  # articles that mention it: drives the size
    articles: set[str] = field(default_factory=set)  # articles it appears in at all: drives the ranking


@dataclass
class _Edge:
    source: str
    target: str
    label: str
    predicate: URIRef | None = None  # None for a membership
    color: str = _EDGE_COLOR
    lines: list[str] = field(default_factory=list)


class GraphView(Network):
    """A pyvis Network that also records which nodes were left out to keep the page responsive."""

    def __init__(self, *, total_nodes: int, left_out: tuple[str, ...]) -> None:
        super().__init__(height="100%", width="100%", directed=True, heading="pemilu-kg")
        self.total_nodes = total_nodes
        self.left_out = left_out  # IRIs, most-mentioned first

    def note(self) -> str:
        shown = self.total_nodes - len(self.left_out)
        if not self.left_out:
            return f"{shown} simpul, {len(self.edges)} hubungan / {shown} nodes, {len(self.edges)} edges."
        return (f"Menampilkan {shown} dari {self.total_nodes} simpul yang paling sering disebut; "
                f"{len(self.left_out)} tidak ditampilkan. / Showing the {shown} most-mentioned of "
                f"{self.total_nodes} nodes; {len(self.left_out)} left out.")


def build_network(dataset: Dataset | Graph, *, max_nodes: int = 1500) -> GraphView:
    """Draw persons, institutions, places, events, quotations and articles with their links.

    With more than `max_nodes` nodes only the most-mentioned are kept; the rest are listed in
    `GraphView.left_out` so the caller and the page can say what is missing.
    """
    if max_nodes < 0:
        raise ValueError(f"max_nodes must be 0 or more, got {max_nodes}")
    graph = _union(dataset)
    values = _literal_values(graph)
    sources = _provenance(graph)
    nodes = _typed_nodes(graph, values)
    edges = _plain_edges(graph, nodes) + _membership_edges(graph, nodes, values, sources)
    _describe(nodes, edges, values, sources)
    ranked = rank_nodes(nodes, [(edge.source, edge.target) for edge in edges],
                        {node.id: len(node.articles) for node in nodes.values()})
    kept = set(ranked[:max_nodes])
    net = GraphView(total_nodes=len(nodes), left_out=tuple(ranked[max_nodes:]))
    # Kamada-Kawai seeding helps small graphs but stalls on large ones.
    net.set_options(json.dumps({**_VIS_OPTIONS, "layout": {"improvedLayout": len(kept) <= 100}}))
    for node in nodes.values():
        if node.id in kept:
            net.add_node(node.id, label=node.label, shape=node.kind.shape, color=node.kind.color,
                         title="\n".join([node.kind.legend, *node.lines]), size=_size(node.mentions),
                         kind=node.kind.name, search="\n".join([node.label, *node.lines[:2]]).lower())
    for edge in edges:
        if edge.source in kept and edge.target in kept:
            title = "\n".join([f"{nodes[edge.source].label} → {edge.label} → {nodes[edge.target].label}",
                               *edge.lines])
            net.add_edge(edge.source, edge.target, label=edge.label, title=title, color=edge.color)
    return net


def _union(dataset: Dataset | Graph) -> Graph:
    """Query all named graphs as one: a node's labels and links are spread over article graphs."""
    if isinstance(dataset, Dataset):
        return Dataset(store=dataset.store, default_union=True)
    return dataset


def _literal_values(graph: Graph) -> _Values:
    """Labels, texts and URLs per node, sorted so the chosen label does not depend on store order."""
    values: _Values = defaultdict(dict)
    for predicate in (RDFS.label, SKOS.altLabel, SDO.headline, SDO.text, SDO.url, SDO.datePublished):
        found: dict[URIRef, set[str]] = defaultdict(set)
        for subject, value in graph.subject_objects(predicate):
            if isinstance(subject, URIRef) and isinstance(value, (Literal, URIRef)):
                found[subject].add(str(value))
        for subject, texts in found.items():
            values[subject][predicate] = sorted(texts)
    return values


def _provenance(graph: Graph) -> dict[URIRef, list[str]]:
    """Tooltip lines per fact: the sentences it was read from, then its articles (URL, else id)."""
    sentences: dict[URIRef, set[str]] = defaultdict(set)
    articles: dict[URIRef, set[str]] = defaultdict(set)
    for row in graph.query(_prepared(_PROVENANCE)):
        if row.text is not None:
            sentences[row.fact].add(str(row.text))
        elif row.isArticle.toPython():
            articles[row.fact].add(str(row.url) if row.url is not None else _local_id(row.source))
    return {fact: [f"Kalimat: {text}" for text in sorted(sentences[fact])[:_MAX_SENTENCES]]
            + [f"Sumber: {article}" for article in sorted(articles[fact])]
            for fact in sentences.keys() | articles.keys()}


def _typed_nodes(graph: Graph, values: _Values) -> dict[str, _Node]:
    nodes: dict[str, _Node] = {}
    for kind in KINDS:
        for rdf_type in kind.types:
            for subject in graph.subjects(RDF.type, rdf_type, unique=True):
                if isinstance(subject, URIRef) and str(subject) not in nodes:
                    nodes[str(subject)] = _Node(str(subject), kind, _label(subject, kind, values), [])
    for node in nodes.values():  # an article counts as its own; a fact counts where it was read
        derived = {str(source) for source in graph.objects(URIRef(node.id), PROV.wasDerivedFrom)}
        node.articles |= {node.id} if node.kind.name == "article" else derived & nodes.keys()
    return nodes


def _label(subject: URIRef, kind: Kind, values: _Values) -> str:
    own = values.get(subject, {})
    if kind.name == "quotation" and SDO.text in own:
        return f"“{_first_words(own[SDO.text][0])}”"
    if kind.name == "article":
        return _first_words(own[SDO.headline][0]) if SDO.headline in own else _local_id(subject)
    return own[RDFS.label][0] if RDFS.label in own else _local_id(subject)


def _plain_edges(graph: Graph, nodes: dict[str, _Node]) -> list[_Edge]:
    edges = []
    for predicate, label in EDGE_LABELS.items():
        for subject, value in sorted({(str(s), str(o)) for s, o in graph.subject_objects(predicate)}):
            source, target = nodes.get(subject), nodes.get(value)
            if target is not None and predicate == SDO.mentions:
                target.mentions += 1
                target.articles.add(subject)
            if source is None or target is None:
                continue
            if predicate == SDO.creator and source.kind.name != "quotation":
                continue
            color = _MENTION_COLOR if predicate == SDO.mentions else _EDGE_COLOR
            edges.append(_Edge(source.id, target.id, label, predicate, color))
    return edges


def _membership_edges(graph: Graph, nodes: dict[str, _Node], values: _Values,
                      sources: dict[URIRef, list[str]]) -> list[_Edge]:
    """One edge per person, organization and role, however many articles attest the membership."""
    merged: dict[tuple[str, str, str], _Edge] = {}
    seen: set[URIRef] = set()
    for row in graph.query(_prepared(_MEMBERSHIPS)):
        if row.m in seen or str(row.person) not in nodes or (row.role is None and row.org is None):
            continue
        seen.add(row.m)
        role = values.get(row.role, {}).get(RDFS.label, [MEMBER_LABEL])[0] if row.role else MEMBER_LABEL
        target = str(row.org if row.org is not None else row.role)
        if row.org is None:
            nodes.setdefault(target, _Node(target, _KIND["role"], role, []))
        elif target not in nodes:
            continue
        edge = merged.setdefault((str(row.person), target, role), _Edge(str(row.person), target, role))
        if row.rank is not None and f"Pangkat: {row.rank}" not in edge.lines:
            edge.lines.insert(0, f"Pangkat: {row.rank}")
        edge.lines.extend(sources.get(row.m, []))
    return list(merged.values())


def _describe(nodes: dict[str, _Node], edges: list[_Edge],
              values: _Values, sources: dict[URIRef, list[str]]) -> None:
    """Fill each node's tooltip lines: names, then for facts what was said and where."""
    speakers = {edge.source: nodes[edge.target].label for edge in edges if edge.predicate == SDO.creator}
    for node in nodes.values():
        own = values.get(URIRef(node.id), {})
        names = own.get(RDFS.label, [node.label])
        lines = [names[0]]
        alt = [name for name in names[1:] + own.get(SKOS.altLabel, []) if name != names[0]]
        if alt:
            lines.append("Nama lain: " + "; ".join(alt))
        if node.kind.name == "quotation":
            lines = [f"“{text}”" for text in own.get(SDO.text, [])]
            if node.id in speakers:
                lines.append(f"Oleh: {speakers[node.id]}")
        if node.kind.name == "article":
            lines = own.get(SDO.headline, [node.label]) + own.get(SDO.url, []) + own.get(SDO.datePublished, [])
            lines.append(f"ID: {_local_id(URIRef(node.id))}")
        if node.mentions:
            lines.append(f"Disebut dalam {node.mentions} artikel")
        node.lines = lines + sources.get(URIRef(node.id), [])


def _size(mentions: int) -> float:
    return round(min(60.0, 12 + 6 * math.sqrt(mentions)), 1)


def _first_words(text: str) -> str:
    words = text.split()
    return " ".join(words[:_LABEL_WORDS]) + ("…" if len(words) > _LABEL_WORDS else "")


def _local_id(iri: URIRef) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1]


# ---- HTML -------------------------------------------------------------------------------------

_PAGE = Template("""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>$title</title>
<style>$vis_css</style><style>$page_css</style></head>
<body>
<aside id="panel">
<h1>$title</h1>
<p id="note">$note</p>
<form id="search" role="search">
<label for="search-input">Cari simpul / Find a node</label>
<input id="search-input" type="search" list="node-names" autocomplete="off">
<button type="submit">Cari</button>
<datalist id="node-names">$names</datalist>
</form>
<p id="status" aria-live="polite">Menata tata letak… / Laying out…</p>
<fieldset id="legend"><legend>Jenis / Kind</legend>
$legend</fieldset>
</aside>
<main id="network"></main>
<script type="application/json" id="graph-data">$data</script>
<script>$vis_js</script>
<script>$page_js</script>
</body></html>
""")

_PAGE_CSS = """
html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; font-size: 14px; }
body { display: flex; }
#panel { width: 17rem; padding: 0.75rem; overflow-y: auto; border-right: 1px solid #ddd; box-sizing: border-box; }
#panel h1 { font-size: 1.2rem; margin: 0 0 0.5rem; }
#network { flex: 1; height: 100%; }
#search input { width: 100%; box-sizing: border-box; margin: 0.25rem 0; }
#legend label { display: block; margin: 0.2rem 0; }
.swatch { display: inline-block; width: 0.8rem; height: 0.8rem; margin: 0 0.4rem; vertical-align: middle; }
div.vis-tooltip { white-space: pre-wrap; max-width: 28rem; font-family: system-ui, sans-serif; font-size: 13px; }
"""

_PAGE_JS = """
(function () {
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
  var status = document.getElementById("status");
  var network = new vis.Network(document.getElementById("network"), {nodes: nodes, edges: edges}, data.options);
  network.on("stabilizationProgress", function (p) {
    status.textContent = "Menata tata letak… / Laying out… " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: false});
    status.textContent = "Siap / Ready";
  });
  document.querySelectorAll("#legend input").forEach(function (box) {
    box.addEventListener("change", function () {
      nodes.update(nodes.get({filter: function (n) { return n.kind === box.value; }})
        .map(function (n) { return {id: n.id, hidden: !box.checked}; }));
    });
  });
  document.getElementById("search").addEventListener("submit", function (event) {
    event.preventDefault();
    var query = document.getElementById("search-input").value.trim().toLowerCase();
    if (!query) { return; }
    var shown = nodes.get({filter: function (n) { return !n.hidden; }});
    var hit = shown.find(function (n) { return n.label.toLowerCase() === query; }) ||
      shown.find(function (n) { return n.search.indexOf(query) >= 0; });
    if (!hit) { status.textContent = "Tidak ditemukan / Not found: " + query; return; }
    status.textContent = hit.label;
    network.selectNodes([hit.id]);
    network.focus(hit.id, {scale: 1.4, animation: true});
  });
})();
"""


def write_html(net: Network, path: str | os.PathLike[str]) -> None:
    """Write one HTML file that works offline: every script and style is inlined."""
    nodes, edges, heading, _height, _width, options = net.get_network_data()
    vis_js, vis_css = _vis_assets()
    note = net.note() if isinstance(net, GraphView) else f"{len(nodes)} simpul / nodes"
    counts = Counter(node.get("kind") for node in nodes)
    legend = "\n".join(
        f'<label><input type="checkbox" value="{kind.name}" checked>'
        f'<span class="swatch" style="background:{kind.color}"></span>{html.escape(kind.legend)} '
        f"({counts[kind.name]})</label>"
        for kind in KINDS if counts[kind.name])
    names = "".join(f'<option value="{html.escape(label, quote=True)}">'
                    for label in sorted({str(node["label"]) for node in nodes}))
    data = {"nodes": nodes, "edges": edges, "options": json.loads(options)}
    page = _PAGE.substitute(title=html.escape(heading or "pemilu-kg"), note=html.escape(note),
                            names=names, legend=legend, data=_script_json(data), vis_css=vis_css,
                            vis_js=vis_js, page_css=_PAGE_CSS, page_js=_PAGE_JS)
    _write_atomically(Path(path), page)


def _script_json(value: object) -> str:
    """JSON safe inside <script>: no character of the data can close the element or open a tag."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


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


def _write_atomically(path: Path, text: str) -> None:
    """Readers never see half a page: write next to the target, then rename over it."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise
