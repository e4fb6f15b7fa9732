"""The interactive view: what `build_network` draws from a small two-article graph, and the page."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from kg.view import KINDS, build_network, write_html

SAMPLE = Path(__file__).parent / "data" / "view_sample.trig"
ID = "https://w3id.org/pemilu-kg/id/"
WINARTO, FAKHRIAN = ID + "person/winarto", ID + "person/fakhrian-noor"
POLDA, KPU = ID + "org/polda-63", ID + "org/kpu-63.05"
CHROMIUM = Path("/usr/bin/chromium")

# What view_sample.trig implies: 2 persons, 2 organizations, 3 places, 2 events, 2 quotations and
# 2 articles. Edges: 2 containedInPlace, 2 areaServed, 2 memberships (Fakhrian's two merge),
# 1 location, 1 hasActor, 2 quotation creators, 9 + 5 mentions.
EXPECTED_NODES = 13
EXPECTED_EDGES = 24


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    data = Dataset()
    data.parse(SAMPLE, format="trig")
    return data


@pytest.fixture(scope="module")
def net(dataset: Dataset):
    return build_network(dataset)


def _edges(net, source: str, target: str) -> list[dict]:
    return [edge for edge in net.edges if edge["from"] == source and edge["to"] == target]


def _node(net, iri: str) -> dict:
    return next(node for node in net.nodes if node["id"] == iri)


def test_counts_follow_the_fixture(net) -> None:
    assert len(net.nodes) == EXPECTED_NODES
    assert len(net.edges) == EXPECTED_EDGES
    kinds = sorted(node["kind"] for node in net.nodes)
    assert kinds == sorted(["person"] * 2 + ["organization"] * 2 + ["place"] * 3 + ["event"] * 2
                           + ["quotation"] * 2 + ["article"] * 2)
    assert net.left_out == ()


def test_plain_graph_draws_the_same(dataset: Dataset) -> None:
    graph = Graph()
    for triple in Dataset(store=dataset.store, default_union=True).triples((None, None, None)):
        graph.add(triple)
    drawn = build_network(graph)
    assert (len(drawn.nodes), len(drawn.edges)) == (EXPECTED_NODES, EXPECTED_EDGES)


def test_colour_and_shape_come_from_the_kind_table(net) -> None:
    style = {kind.name: (kind.color, kind.shape) for kind in KINDS}
    for node in net.nodes:
        assert (node["color"], node["shape"]) == style[node["kind"]]


def test_membership_is_one_person_to_organization_edge_labelled_with_the_role(net) -> None:
    (kapolda,) = _edges(net, WINARTO, POLDA)
    assert kapolda["label"] == "Kapolda"
    assert "Pangkat: Irjen Pol" in kapolda["title"]
    (ketua,) = _edges(net, FAKHRIAN, KPU)  # attested by both articles, drawn once
    assert ketua["label"] == "Ketua"
    assert "kalsel.antaranews.com/berita/434567" in ketua["title"]
    assert "kalsel.antaranews.com/berita/435210" in ketua["title"]


def test_labelled_links_between_entities(net) -> None:
    labels = {(e["from"].removeprefix(ID), e["label"], e["to"].removeprefix(ID)) for e in net.edges}
    assert ("place/63.05-rantau", "terletak di", "place/63.05") in labels
    assert ("org/kpu-63.05", "wilayah", "place/63.05") in labels
    assert ("event/kalsel-434567-deklarasi-pilkada-damai", "lokasi", "place/63.05-rantau") in labels
    assert ("event/kalsel-434567-deklarasi-pilkada-damai", "pelaku", "person/winarto") in labels
    assert ("quote/kalsel-434567-1", "dikatakan oleh", "person/winarto") in labels
    assert ("article/kalsel-435210", "menyebut", "person/fakhrian-noor") in labels


def test_tooltips_are_plain_text_with_the_source_sentence(net) -> None:
    membership = _edges(net, WINARTO, POLDA)[0]["title"]
    assert "Irjen Pol Winarto mengatakan pelaksanaan pemilihan kepala daerah" in membership
    quote = _node(net, ID + "quote/kalsel-434567-1")
    assert quote["label"].startswith("“Pilkada merupakan momen")
    assert "Oleh: Winarto" in quote["title"]
    assert "kata Irjen Pol Winarto usai deklarasi pilkada damai" in quote["title"]
    assert "Nama lain: Irjen Pol Winarto" in _node(net, WINARTO)["title"]
    for item in [*net.nodes, *net.edges]:
        assert "<" not in item["title"] and ">" not in item["title"]


def test_size_grows_with_articles_that_mention_the_node(net) -> None:
    sizes = {node["id"]: node["size"] for node in net.nodes}
    assert sizes[FAKHRIAN] > sizes[WINARTO] > sizes[ID + "quote/kalsel-434567-1"]


def test_membership_without_organization_points_at_the_role() -> None:
    graph = Graph().parse(format="turtle", data="""
        @prefix schema: <https://schema.org/> . @prefix org: <http://www.w3.org/ns/org#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <https://w3id.org/pemilu-kg/id/person/winarto> a schema:Person ; rdfs:label "Winarto" .
        <https://w3id.org/pemilu-kg/id/role/kapolda> a org:Role ; rdfs:label "Kapolda" .
        <https://w3id.org/pemilu-kg/id/membership/1> a org:Membership ;
            org:member <https://w3id.org/pemilu-kg/id/person/winarto> ;
            org:role <https://w3id.org/pemilu-kg/id/role/kapolda> .""")
    drawn = build_network(graph)
    (edge,) = drawn.edges
    assert (edge["from"], edge["to"], edge["label"]) == (WINARTO, ID + "role/kapolda", "Kapolda")
    assert _node(drawn, ID + "role/kapolda")["kind"] == "role"


def test_max_nodes_keeps_the_most_mentioned(dataset: Dataset) -> None:
    drawn = build_network(dataset, max_nodes=5)
    twice = {FAKHRIAN, KPU, ID + "place/63", ID + "place/63.05", ID + "event/pilkada-2024"}
    assert {node["id"] for node in drawn.nodes} == twice
    assert len(drawn.left_out) == EXPECTED_NODES - 5
    assert all(edge["from"] in twice and edge["to"] in twice for edge in drawn.edges)
    assert "8 left out" in drawn.note()
    with pytest.raises(ValueError):
        build_network(dataset, max_nodes=-1)


@pytest.fixture(scope="module")
def page(net, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("view") / "graph.html"
    path.write_text("an older page")
    write_html(net, path)
    return path


def test_page_is_self_contained(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert 'src="http' not in text and "href=\"http" not in text
    assert "cdn" not in text.lower() and "jsdelivr" not in text
    assert not re.search(r"<script[^>]*\bsrc=|<link\b", text)
    assert "new vis.Network(" in text
    assert sorted(p.name for p in page.parent.iterdir()) == ["graph.html"]  # no temp file left


def test_page_has_legend_search_and_note(net, page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert 'id="legend"' in text and 'id="search-input"' in text
    for kind in ("person", "organization", "place", "event", "quotation", "article"):
        assert f'<input type="checkbox" value="{kind}" checked>' in text
    assert '<option value="Fakhrian Noor">' in text
    assert f"{EXPECTED_NODES} nodes, {EXPECTED_EDGES} edges" in text


def test_page_data_round_trips_and_cannot_close_the_script(tmp_path: Path) -> None:
    graph = Graph().parse(format="turtle", data="""
        @prefix schema: <https://schema.org/> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <https://w3id.org/pemilu-kg/id/person/x> a schema:Person ; rdfs:label "</script><b>A & B</b>" .""")
    drawn = build_network(graph)
    write_html(drawn, tmp_path / "x.html")
    text = (tmp_path / "x.html").read_text(encoding="utf-8")
    assert "</script><b>" not in text
    blob = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', text, re.S)
    assert json.loads(blob.group(1))["nodes"] == drawn.nodes


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_page_renders_in_headless_chromium(page: Path, tmp_path: Path) -> None:
    run = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", "--host-resolver-rules=MAP * ~NOTFOUND",
         "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=20, check=True)
    assert "<canvas" in run.stdout
    assert "Siap / Ready" in run.stdout  # stabilised, physics switched off by the page script
    assert [line for line in run.stderr.splitlines() if ":CONSOLE" in line] == []
