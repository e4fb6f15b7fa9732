"""The whole-store overview, posts held in institutions and the node-link JSON of `kg view`.

The seed articles give a small real graph; the first corpus articles (../shared) a bigger one, on
which no post may join holders of different institutions and the overview must be connected
(`corpus_store` in conftest).
"""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from conftest import SEEDS
from kg.cli import main
from kg.graph import as_store
from kg.present import overview, selection
from kg.present.view_data import all_nodes
from kg.present.viewing import Part, draw

# A post in two institutions, or a membership whose post is in another institution than its own.
_POST_ACROSS_INSTITUTIONS = """SELECT DISTINCT ?post WHERE {
  { ?post org:postIn ?a , ?b . FILTER (?a != ?b) }
  UNION { ?m pemilu:post ?post ; org:organization ?org . ?post org:postIn ?other . FILTER (?org != ?other) }
  UNION { ?m pemilu:post ?post . FILTER NOT EXISTS { ?m org:organization ?org } } }"""


def _with_an_edge(net) -> float:
    ends = {end for edge in net.edges for end in (edge["from"], edge["to"])}
    return sum(node["id"] in ends for node in net.nodes) / len(net.nodes)


def test_choose_grows_one_connected_part_from_the_densest_core() -> None:
    graph = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("x", "y")])
    graph.add_node("lonely")
    chosen = overview.choose(graph, {"x": 100, "y": 100}, limit=4)
    # the triangle is the 2-core, c its best-linked node; x and y's mentions do not outrank it
    assert chosen == ["c", "a", "b", "d"]
    assert overview.choose(graph, {}, limit=6) == ["c", "a", "b", "d", "e"]  # x alone would be unlinked
    assert overview.choose(graph, {}, limit=10) == ["c", "a", "b", "d", "e", "x", "y"]  # never "lonely"


def test_communities_cover_the_drawn_part_with_central_names_first() -> None:
    graph = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "f"), ("f", "d")])
    groups = overview.communities(graph, graph.nodes)
    assert set().union(*(g.members for g in groups)) == set(graph)
    assert len(groups) == 2 and groups[0].color != groups[1].color
    assert {g.central[0] for g in groups} == {"c", "d"}  # the best-connected node of each triangle


def test_seed_overview_draws_structure_and_carries_the_evidence(seed_store) -> None:
    net = draw(seed_store)
    kinds = {node["kind"] for node in net.nodes}
    assert kinds <= set(overview.STRUCTURE_KINDS)
    assert net.total_nodes == len(all_nodes(seed_store))  # the note counts the whole store
    assert _with_an_edge(net) == 1.0
    assert {node["kind"] for node in net.pool_nodes} >= {"article", "quotation"}  # the legend's toggle
    assert net.communities and all(node["color"] != "" for node in net.nodes)
    drawn = {node["id"] for node in net.nodes}
    reached = {end for edge in net.pool_edges for end in (edge["from"], edge["to"])
               if ({edge["from"], edge["to"]} - {end}) <= drawn}
    assert {node["id"] for node in net.pool_nodes} == reached - drawn  # each hidden node is a drawn one's neighbour


def test_a_post_is_held_in_one_institution(seed_store) -> None:
    assert list(as_store(seed_store).select(_POST_ACROSS_INSTITUTIONS).records()) == []
    net = draw(seed_store)
    for post in (node["id"] for node in net.nodes if node["kind"] == "post"):
        institutions = {edge["to"] for edge in net.edges if edge["from"] == post}
        assert len(institutions) == 1, post


def test_kg_view_json_is_the_drawn_selection(tmp_path: Path, capsys) -> None:
    store = tmp_path / "store"
    assert main(["build", str(SEEDS), "--store", str(store), "--model", "none"]) == 0
    assert main(["view", "--store", str(store), "-o", str(tmp_path / "g.json")]) == 0
    assert main(["view", "--store", str(store), "-o", str(tmp_path / "g.html")]) == 0
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    page = (tmp_path / "g.html").read_text(encoding="utf-8")
    drawn = json.loads(page.split('id="graph-data">', 1)[1].split("</script>", 1)[0])
    assert {n["id"] for n in data["nodes"]} == {n["id"] for n in drawn["nodes"]}
    assert len(data["links"]) == len(drawn["edges"])
    assert all(set(n) >= {"id", "kind", "label"} for n in data["nodes"])
    assert all(set(link) >= {"source", "target", "label"} and link["label"] for link in data["links"])
    assert "best-connected" in capsys.readouterr().err


def test_corpus_posts_never_join_institutions(corpus_store) -> None:
    assert list(as_store(corpus_store).select(_POST_ACROSS_INSTITUTIONS).records()) == []
    net = draw(corpus_store)
    holders = {}
    for edge in net.edges:
        if edge["to"].startswith("https://w3id.org/pemilu-kg/id/post/"):
            holders.setdefault(edge["to"], set()).add(edge["from"])
    assert holders  # the corpus has posts with holders
    for post in holders:
        assert len({e["to"] for e in net.edges if e["from"] == post}) == 1, post


def test_corpus_overview_is_connected_and_without_articles(corpus_store) -> None:
    net = draw(corpus_store)
    assert len(net.nodes) >= 250
    assert _with_an_edge(net) >= 0.95
    assert not any(node["kind"] in ("article", "quotation") for node in net.nodes)
    assert len(net.communities) >= 3


def test_a_part_view_draws_linked_facts_and_carries_the_articles(seed_store) -> None:
    net = draw(seed_store, part=Part(focus="Winarto", hops=2))
    (winarto,) = selection.find(seed_store, "Winarto", ("person",))
    assert winarto in {node["id"] for node in net.nodes}
    assert _with_an_edge(net) == 1.0  # what only an article named beside Winarto is not drawn
    assert not any(node["kind"] in ("article", "quotation") for node in net.nodes)
    assert any(node["kind"] == "article" for node in net.pool_nodes)
