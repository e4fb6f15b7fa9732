"""The embedded store keeps the union of the article graphs in its default graph: queries see each
triple once, replacing an article takes out only what no other article states, exports leave the
union out of dataset formats, and a store built before the union was kept gets it when opened."""
from __future__ import annotations

import pyoxigraph as ox

from kg.graph import SerializedGraph
from kg.graph.embedded import EmbeddedStore, has_union, replace_serialized
from kg.graph.export import export_store as export
from kg.graph.sparql import run_query

A = "https://w3id.org/pemilu-kg/graph/article/a"
B = "https://w3id.org/pemilu-kg/graph/article/b"
SHARED = b'<http://e.org/winarto> <http://www.w3.org/2000/01/rdf-schema#label> "Winarto" .\n'
ONLY_A = b'<http://e.org/a> <http://schema.org/mentions> <http://e.org/winarto> .\n'
ONLY_B = b'<http://e.org/b> <http://schema.org/mentions> <http://e.org/winarto> .\n'


def default_graph(store: ox.Store) -> set[ox.Triple]:
    return {q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}


def triples(data: bytes) -> set[ox.Triple]:
    return {q.triple for q in ox.parse(data, ox.RdfFormat.N_TRIPLES)}


def test_the_default_graph_is_the_union_of_the_article_graphs_without_duplicates():
    store = ox.Store()
    replace_serialized(store, [SerializedGraph(A, SHARED + ONLY_A), SerializedGraph(B, SHARED + ONLY_B)])
    assert default_graph(store) == triples(SHARED + ONLY_A + ONLY_B)
    rows = run_query(store, "SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }").rows
    assert rows == [("http://e.org/winarto",)]  # once, though two article graphs state it


def test_replacing_an_article_drops_from_the_union_only_what_no_other_article_states():
    store = ox.Store()
    replace_serialized(store, [SerializedGraph(A, SHARED + ONLY_A), SerializedGraph(B, SHARED + ONLY_B)])
    replace_serialized(store, [SerializedGraph(A, ONLY_A)])  # A no longer names Winarto
    assert default_graph(store) == triples(SHARED + ONLY_A + ONLY_B)  # B still does
    replace_serialized(store, [SerializedGraph(B, ONLY_B)])
    assert default_graph(store) == triples(ONLY_A + ONLY_B)
    replace_serialized(store, [SerializedGraph(A, b""), SerializedGraph(B, b"")])
    assert default_graph(store) == set()


def test_dataset_exports_hold_the_article_graphs_and_not_the_union(tmp_path):
    store = ox.Store()
    replace_serialized(store, [SerializedGraph(A, SHARED + ONLY_A), SerializedGraph(B, SHARED + ONLY_B)])
    quads = set(ox.parse(path=export(store, tmp_path / "g.nq"), format=ox.RdfFormat.N_QUADS))
    assert {q.graph_name.value for q in quads} == {A, B} and len(quads) == 4
    merged = {q.triple for q in ox.parse(path=export(store, tmp_path / "g.nt"), format=ox.RdfFormat.N_TRIPLES)}
    assert merged == triples(SHARED + ONLY_A + ONLY_B)


def test_a_store_without_the_union_gets_it_when_opened_for_writing(tmp_path):
    old = ox.Store(str(tmp_path / "s"))
    old.load(SerializedGraph(A, SHARED + ONLY_A).nquads() + SerializedGraph(B, SHARED + ONLY_B).nquads(),
             ox.RdfFormat.N_QUADS)
    assert not has_union(old)
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert run_query(old, query).rows == [("4",)]  # still answered, on the named graphs' union
    EmbeddedStore(old, str(tmp_path / "s"))
    assert default_graph(old) == triples(SHARED + ONLY_A + ONLY_B)
    assert run_query(old, query).rows == [("3",)]
