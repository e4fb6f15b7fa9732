"""The interactive view: what `build_network` draws from a small two-article graph, and the page."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from kg.cli import main
from kg.graph import QueryError
from kg.present import selection
from kg.present.graph_export import write_graph
from kg.present.stats import format_stats, graph_stats
from kg.present.view import KINDS, PHYSICS_LIMIT, build_network, vis_options, write_html
from kg.present.view_data import DRAWN_PREDICATES, MEMBERSHIP_PREDICATES, term_labels

SAMPLE = Path(__file__).parent / "data" / "view_sample.trig"
ID = "https://w3id.org/pemilu-kg/id/"
WINARTO, FAKHRIAN = ID + "person/winarto", ID + "person/fakhrian-noor"
POLDA, KPU = ID + "org/polda-63", ID + "org/kpu-63.05"
KAPOLDA, KETUA = ID + "post/polda-63_kapolda", ID + "post/kpu-63.05_ketua"

# What view_sample.trig implies: 2 persons, 2 organizations, 2 posts, 3 places, 2 events,
# 2 quotations and 2 articles. Edges: 2 containedInPlace, 2 areaServed, 2 person → post (Fakhrian's
# two memberships merge), 2 post → organization, 1 location, 1 hasActor, 2 quotation creators,
# 9 + 5 mentions.
EXPECTED_NODES = 15
EXPECTED_EDGES = 26


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
    assert kinds == sorted(["person"] * 2 + ["organization"] * 2 + ["post"] * 2 + ["place"] * 3
                           + ["event"] * 2 + ["quotation"] * 2 + ["article"] * 2)
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


def test_membership_is_person_to_post_to_organization(net) -> None:
    (kapolda,) = _edges(net, WINARTO, KAPOLDA)
    assert kapolda["label"] == "jabatan"
    assert "Pangkat: Irjen Pol" in kapolda["title"]
    assert _edges(net, KAPOLDA, POLDA)[0]["label"] == "lembaga"
    assert _node(net, KAPOLDA)["label"] == "Kapolda Polda Kalimantan Selatan"
    (ketua,) = _edges(net, FAKHRIAN, KETUA)  # attested by both articles, drawn once
    assert "kalsel.antaranews.com/berita/434567" in ketua["title"]
    assert "kalsel.antaranews.com/berita/435210" in ketua["title"]


def test_edge_labels_come_from_the_ontology() -> None:
    labels = term_labels()
    for predicate in (*DRAWN_PREDICATES, *MEMBERSHIP_PREDICATES):
        assert labels[str(predicate)]["id"] and labels[str(predicate)]["en"], predicate


def test_labelled_links_between_entities(net) -> None:
    labels = {(e["from"].removeprefix(ID), e["label"], e["to"].removeprefix(ID)) for e in net.edges}
    assert ("place/63.05-rantau", "terletak di", "place/63.05") in labels
    assert ("org/kpu-63.05", "wilayah", "place/63.05") in labels
    assert ("event/kalsel-434567-deklarasi-pilkada-damai", "lokasi", "place/63.05-rantau") in labels
    assert ("event/kalsel-434567-deklarasi-pilkada-damai", "pelaku", "person/winarto") in labels
    assert ("quote/kalsel-434567-1", "dikatakan oleh", "person/winarto") in labels
    assert ("article/kalsel-435210", "menyebut", "person/fakhrian-noor") in labels


def test_tooltips_are_plain_text_with_the_source_sentence(net) -> None:
    membership = _edges(net, WINARTO, KAPOLDA)[0]["title"]
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


def test_a_post_in_no_institution_joins_no_one() -> None:
    """A store built before a post needed an institution holds one post per role word ("Kapolda" of
    every police region): drawing it would link strangers, so the person gets no post edge."""
    graph = Graph().parse(format="turtle", data="""
        @prefix schema: <https://schema.org/> . @prefix org: <http://www.w3.org/ns/org#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix pemilu: <https://w3id.org/pemilu-kg/ontology#> .
        <https://w3id.org/pemilu-kg/id/person/winarto> a schema:Person ; rdfs:label "Winarto" .
        <https://w3id.org/pemilu-kg/id/post/kapolda> a org:Post ; rdfs:label "Kapolda" .
        <https://w3id.org/pemilu-kg/id/membership/1> a org:Membership ;
            org:member <https://w3id.org/pemilu-kg/id/person/winarto> ;
            pemilu:post <https://w3id.org/pemilu-kg/id/post/kapolda> .""")
    drawn = build_network(graph)
    assert drawn.edges == []


def test_max_nodes_keeps_the_most_mentioned(dataset: Dataset) -> None:
    drawn = build_network(dataset, max_nodes=5)
    twice = {FAKHRIAN, KPU, ID + "place/63", ID + "place/63.05", ID + "event/pilkada-2024"}  # in 2 articles
    assert {node["id"] for node in drawn.nodes} == twice
    assert len(drawn.left_out) == EXPECTED_NODES - 5
    assert all(edge["from"] in twice and edge["to"] in twice for edge in drawn.edges)
    assert "10 left out" in drawn.note() and "2 article" in drawn.note()
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
    for kind in ("person", "organization", "post", "place", "event", "quotation", "article"):
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
    data = json.loads(blob.group(1))
    (node,) = drawn.nodes
    assert data["nodes"] == [{k: v for k, v in node.items() if k not in ("title", "info")}]
    assert data["nodeInfo"][node["id"]]["heading"] == "</script><b>A & B</b>"


def test_large_graphs_come_laid_out_with_physics_off() -> None:
    assert vis_options(PHYSICS_LIMIT)["physics"]["enabled"]
    assert not vis_options(PHYSICS_LIMIT + 1)["physics"]["enabled"]
    persons = "\n".join(f"<{ID}person/p{i}> a schema:Person ; rdfs:label \"P {i}\" ." for i in range(PHYSICS_LIMIT + 20))
    article = f"<{ID}article/a> a schema:NewsArticle ; schema:mentions " + ", ".join(
        f"<{ID}person/p{i}>" for i in range(0, PHYSICS_LIMIT + 20, 2)) + " ."
    graph = Graph().parse(format="turtle", data="@prefix schema: <https://schema.org/> . "
                          "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n" + persons + "\n" + article)
    drawn = build_network(graph)
    points = {(node["x"], node["y"]) for node in drawn.nodes}
    assert len(points) == len(drawn.nodes) == PHYSICS_LIMIT + 21  # every node placed, none on another
    assert all("label" not in edge for edge in drawn.edges)  # edge labels stay in the details


# ---- parts of the store, statistics and exports, on the real seed graph (tests/conftest.py)

@pytest.fixture(scope="module")
def seeds(seed_store) -> dict[str, str]:
    """The seed graph's person IRIs, found by name (their IRI scheme is the extractor's business)."""
    return {name: selection.find(seed_store, name, ("person",))[0] for name in ("Winarto", "Fakhrian Noor")}

def test_focus_takes_the_entity_and_its_neighbourhood(seed_store, seeds) -> None:
    assert selection.focus(seed_store, "WINARTO", hops=0) == {seeds["Winarto"]}
    near = selection.focus(seed_store, "irjen pol winarto", hops=1)  # an altLabel, any case
    assert {seeds["Winarto"], KAPOLDA} <= near and POLDA not in near
    far = selection.focus(seed_store, "Winarto", hops=2)
    assert POLDA in far and near < far
    with pytest.raises(selection.SelectionError, match="did you mean: 'Winarto'"):
        selection.focus(seed_store, "Winart")


def test_place_takes_sub_regions_and_what_is_there(seed_store, seeds) -> None:
    tapin = selection.place(seed_store, "Tapin")
    assert {ID + "place/63.05", KPU, KETUA, seeds["Fakhrian Noor"]} <= tapin
    assert ID + "place/63" not in tapin  # the province contains Tapin, not the other way round
    province = selection.place(seed_store, "Kalimantan Selatan")
    assert tapin < province and {ID + "place/63", POLDA, seeds["Winarto"]} <= province
    with pytest.raises(selection.SelectionError, match="no place"):
        selection.place(seed_store, "Winarto")


def test_event_takes_its_places_actors_and_articles(seed_store, seeds) -> None:
    (declaration,) = selection.find(seed_store, "deklarasi pilkada damai", ("event",))
    part = selection.event(seed_store, "Deklarasi Pilkada Damai")
    assert {declaration, seeds["Winarto"], ID + "place/63.05-rantau"} <= part
    assert any("/article/" in iri for iri in part)


def test_query_draws_the_iris_a_construct_returns(seed_store, seeds, tmp_path: Path) -> None:
    query = tmp_path / "officials.rq"
    query.write_text("PREFIX org: <http://www.w3.org/ns/org#> PREFIX pemilu: <https://w3id.org/pemilu-kg/ontology#>\n"
                     "CONSTRUCT { ?person pemilu:post ?post . ?post org:postIn ?org } WHERE {\n"
                     "  ?m org:member ?person ; pemilu:post ?post . ?post org:postIn ?org }")
    part = selection.construct(seed_store, query)
    assert {seeds["Winarto"], KAPOLDA, POLDA, seeds["Fakhrian Noor"], KETUA, KPU} <= part
    drawn = build_network(seed_store, nodes=part)
    assert {node["kind"] for node in drawn.nodes} == {"person", "post", "organization"}
    assert _edges(drawn, seeds["Winarto"], KAPOLDA) and _edges(drawn, KAPOLDA, POLDA)
    query.write_text("CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    with pytest.raises(QueryError, match="SERVICE"):
        selection.construct(seed_store, query)
    query.write_text("SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(selection.SelectionError, match="not a CONSTRUCT"):
        selection.construct(seed_store, query)


def test_kg_view_writes_a_part_and_says_what_it_drew(tmp_path: Path, capsys) -> None:
    store = tmp_path / "store"
    assert main(["build", str(Path(__file__).parents[1] / "seeds"), "--store", str(store), "--model", "none"]) == 0
    page = tmp_path / "tapin.html"
    assert main(["view", "--store", str(store), "--place", "tapin", "-o", str(page)]) == 0
    assert "pemilu-kg: tapin" in page.read_text(encoding="utf-8")
    assert re.search(r"wrote .*tapin.html: \d+ nodes, \d+ edges", capsys.readouterr().err)
    assert main(["view", "--store", str(store), "--focus", "nobody", "-o", str(page)]) == 2
    assert main(["view", "--store", str(store), "--focus", "a", "--event", "b", "-o", str(page)]) == 2
    assert main(["view", "--store", str(store), "--max-nodes", "5", "-o", str(page)]) == 0
    assert "left out" in capsys.readouterr().err
    assert main(["stats", "--store", str(store), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["article"] == 2
    assert main(["export", "--store", str(store), "-o", str(tmp_path / "g.gexf")]) == 0


def test_stats_count_kinds_and_rank_persons(seed_store, seeds) -> None:
    stats = graph_stats(seed_store)
    drawn = build_network(seed_store, max_nodes=10_000)
    assert sum(stats.counts.values()) == len(drawn.nodes) and stats.edges == len(drawn.edges)
    assert stats.counts["article"] == 2 and stats.counts["person"] >= 3
    institutions = stats.most_mentioned["organization"]
    assert institutions[0].label == "Kepolisian Daerah Kalimantan Selatan" and institutions[0].value == 2
    persons = [r.label for r in stats.most_central_persons]
    assert {"Winarto", "Fakhrian Noor", "Nurul Fajar Desira"} <= set(persons)
    table = format_stats(stats)
    assert "Most central persons" in table and "Winarto" in table
    assert json.loads(format_stats(stats, "json"))["counts"] == stats.counts


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_graph_export_round_trips_through_networkx(seed_store, seeds, tmp_path: Path, suffix: str) -> None:
    import networkx as nx

    path = tmp_path / f"graph{suffix}"
    path.write_text("an older file")
    written = write_graph(seed_store, path)
    read = (nx.read_graphml if suffix == ".graphml" else nx.read_gexf)(path)
    assert read.number_of_nodes() == written.number_of_nodes() == len(build_network(seed_store).nodes)
    assert read.number_of_edges() == written.number_of_edges()
    assert read.nodes[seeds["Winarto"]]["kind"] == "person" and read.nodes[seeds["Winarto"]]["label"] == "Winarto"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # written atomically, no temp left
