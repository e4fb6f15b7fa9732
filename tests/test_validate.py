"""SHACL validation (ontology/shapes.ttl, kg.validate, `kg validate`): the seeds conform, broken
graphs give the violations they should, and the shapes really reach our data (pySHACL#118)."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS, SH, XSD

from kg.cli import main
from kg.graph.embedded import graph_to_nquads
from kg.rdf.mapping import article_graph
from kg.rdf.namespaces import PEMILU, SCHEMA
from kg.validate import shapes_graph, validate_article_graph, validate_article_graphs, validate_graph

from conftest import SEEDS


@pytest.fixture(scope="module")
def seed_graphs(seed_facts) -> dict[URIRef, Graph]:
    return dict(article_graph(f) for f in seed_facts.values())


@pytest.fixture
def graph(seed_graphs) -> Graph:
    """A copy of the first seed's graph to break."""
    g = Graph()
    for t in next(iter(seed_graphs.values())):
        g.add(t)
    return g


def test_seed_graphs_conform(seed_graphs):
    for g in seed_graphs.values():
        assert validate_article_graph(g) == []
        assert validate_graph(g) == []


def test_validation_does_not_change_the_graph(seed_graphs):
    g = next(iter(seed_graphs.values()))
    before = len(g), set(g)
    validate_graph(g)
    validate_article_graph(g)
    assert (len(g), set(g)) == before


def test_every_shape_reaches_the_seeds_graphs(seed_graphs):
    """A shape written with http://schema.org/ (or a misspelt term) would match nothing and every
    graph would "conform": each shape must have focus nodes in the seeds' graphs."""
    shapes, data = shapes_graph(), Graph()
    for g in seed_graphs.values():
        data += g
    for shape in set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape)):
        focus = set()
        for cls in shapes.objects(shape, SH.targetClass):
            focus |= set(data.subjects(RDF.type, cls))
        for p in shapes.objects(shape, SH.targetSubjectsOf):
            focus |= set(data.subjects(p, None))
        for p in shapes.objects(shape, SH.targetObjectsOf):
            focus |= set(data.objects(None, p))
        assert focus, f"{shape} has no focus node in the seeds' graphs"


def test_shapes_use_only_known_schema_and_local_terms():
    terms = {t for triple in shapes_graph() for t in triple if isinstance(t, URIRef)}
    assert not [t for t in terms if str(t).startswith("http://schema.org/")]
    assert [t for t in terms if t not in SCHEMA and str(t).startswith(str(SCHEMA._NS))] == []
    assert [t for t in terms if t not in PEMILU and str(t).startswith(str(PEMILU._NS))] == []


def _first(g: Graph, cls: URIRef) -> URIRef:
    return sorted(g.subjects(RDF.type, cls))[0]


def _set(g: Graph, s, p, o) -> None:
    g.remove((s, p, None))
    g.add((s, p, o))


def _found(violations, focus, path) -> bool:
    return any(v.focus == str(focus) and v.path == path for v in violations)


def test_confidence_above_one(graph):
    m = _first(graph, ORG.Membership)
    _set(graph, m, PEMILU.confidence, Literal("1.5", datatype=XSD.decimal))
    violations = validate_article_graph(graph)
    assert _found(violations, m, "pemilu:confidence")
    assert {v.value for v in violations} == {"1.5"}
    assert all(v.severity == "Violation" for v in violations)


def test_confidence_must_be_a_decimal(graph):
    m = _first(graph, ORG.Membership)
    _set(graph, m, PEMILU.confidence, Literal("tinggi"))
    assert _found(validate_article_graph(graph), m, "pemilu:confidence")


def test_membership_without_member_role_or_source(graph):
    m = _first(graph, ORG.Membership)
    for p in (ORG.member, ORG.role, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), PEMILU.sentence):
        graph.remove((m, p, None))
    violations = validate_article_graph(graph)
    for path in ("org:member", "org:role", "prov:wasDerivedFrom", "pemilu:sentence"):
        assert _found(violations, m, path), path
    assert "org:member" in str(next(v for v in violations if v.path == "org:member"))


def test_a_post_is_in_one_institution(graph):
    post = _first(graph, ORG.Post)
    graph.remove((post, ORG.postIn, None))
    assert _found(validate_article_graph(graph), post, "org:postIn")
    graph.add((post, ORG.postIn, _first(graph, ORG.Organization)))
    graph.add((post, ORG.postIn, sorted(graph.subjects(RDF.type, ORG.Organization))[-1]))
    assert _found(validate_article_graph(graph), post, "org:postIn")


def test_bad_region_code(graph):
    place = next(graph.subjects(PEMILU.kemendagriCode, None))
    _set(graph, place, PEMILU.kemendagriCode, Literal("63.5"))
    violations = validate_article_graph(graph)
    assert _found(violations, place, "pemilu:kemendagriCode")
    assert [v.value for v in violations] == ["63.5"]


@pytest.mark.parametrize("code", ["63", "63.05", "63.05.01", "63.05.01.2001", "11.01.01.1001"])
def test_good_region_codes(graph, code):
    place = next(graph.subjects(PEMILU.kemendagriCode, None))
    _set(graph, place, PEMILU.kemendagriCode, Literal(code))
    assert validate_article_graph(graph) == []


def test_invalid_dates(graph):
    article = _first(graph, SCHEMA.NewsArticle)
    m = _first(graph, ORG.Membership)
    event = next(graph.subjects(SCHEMA.startDate, None))
    bad = Literal("2024-13-40", datatype=XSD.date)
    _set(graph, article, SCHEMA.datePublished, bad)
    _set(graph, m, PEMILU.attestedOn, bad)
    _set(graph, event, SCHEMA.startDate, bad)
    violations = validate_article_graph(graph)
    assert _found(violations, article, "schema:datePublished|pemilu:attestedOn|pemilu:reportedOn")
    assert _found(violations, m, "schema:datePublished|pemilu:attestedOn|pemilu:reportedOn")
    assert _found(violations, event, "schema:startDate")


@pytest.mark.parametrize("value, ok", [("--11-27", True), ("--02-29", True), ("--02-30", False), ("--13-01", False),
                                        ("11-27", False)])
def test_start_date_without_year(graph, value, ok):
    event = next(graph.subjects(SCHEMA.startDate, None))
    _set(graph, event, SCHEMA.startDate, Literal(value, datatype=XSD.gMonthDay))
    assert (validate_article_graph(graph) == []) is ok


def test_quotation_article_and_label_requirements(graph):
    q = _first(graph, SCHEMA.Quotation)
    graph.remove((q, SCHEMA.creator, None))
    graph.remove((q, SCHEMA.text, None))
    article = _first(graph, SCHEMA.NewsArticle)
    graph.remove((article, SCHEMA.identifier, None))
    mentioned = sorted(graph.objects(article, SCHEMA.mentions))[0]
    graph.remove((mentioned, RDFS.label, None))
    violations = validate_article_graph(graph)
    assert _found(violations, q, "schema:creator") and _found(violations, q, "schema:text")
    assert _found(violations, article, "schema:identifier")
    assert _found(violations, mentioned, "rdfs:label")


def test_both_entry_points_agree_on_a_broken_graph(graph):
    m = _first(graph, ORG.Membership)
    _set(graph, m, PEMILU.confidence, Literal("-0.1", datatype=XSD.decimal))
    graph.remove((m, ORG.member, None))
    assert set(validate_graph(graph)) == set(validate_article_graph(graph)) != set()


def test_a_dataset_is_validated_as_the_union_of_its_graphs(seed_graphs):
    ds = Dataset()
    for name, g in seed_graphs.items():
        ds.graph(name).__iadd__(g)
    assert validate_graph(ds) == []


# ---------- kg validate


def _broken_trig(seed_graphs, path) -> URIRef:
    name, g = next(iter(seed_graphs.items()))
    broken = Graph()
    broken += g
    m = _first(broken, ORG.Membership)
    _set(broken, m, PEMILU.confidence, Literal("1.5", datatype=XSD.decimal))
    ds = Dataset()
    ds.graph(name).__iadd__(broken)
    ds.serialize(path, format="trig")
    return m


def test_cli_validate_store_and_files(tmp_path, capsys, seed_graphs):
    store = tmp_path / "store"
    out = tmp_path / "seeds.trig"
    assert main(["build", str(SEEDS), "--store", str(store), "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["validate", "--store", str(store)]) == 0
    assert main(["validate", str(out)]) == 0
    assert "checked 2 graphs: 0 violations" in capsys.readouterr().err

    bad = tmp_path / "bad.trig"
    m = _broken_trig(seed_graphs, bad)
    assert main(["validate", str(bad), str(out)]) == 1
    captured = capsys.readouterr()
    assert f"<{m}> pemilu:confidence" in captured.out and "(value: 1.5)" in captured.out
    assert "checked 3 graphs: 1 violations in 1 graphs" in captured.err


def test_cli_validate_a_store_holding_a_broken_graph(tmp_path, capsys, seed_graphs):
    name, g = next(iter(seed_graphs.items()))
    broken = Graph()
    broken += g
    m = _first(broken, ORG.Membership)
    broken.remove((m, ORG.member, None))
    store = ox.Store(str(tmp_path / "store"))
    store.load(graph_to_nquads(name, broken), ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    assert main(["validate", "--store", str(tmp_path / "store")]) == 1
    out = capsys.readouterr().out
    assert f"{name}: Violation: <{m}> org:member" in out


def test_cli_validate_usage_and_input_errors(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "missing.trig")]) == 2
    (tmp_path / "broken.ttl").write_text("this is not turtle", encoding="utf-8")
    assert main(["validate", str(tmp_path / "broken.ttl")]) == 2
    (tmp_path / "graph.xyz").write_text("", encoding="utf-8")
    assert main(["validate", str(tmp_path / "graph.xyz")]) == 2
    assert main(["validate", "--store", str(tmp_path / "nostore")]) == 2
    assert main(["validate", "--store", str(tmp_path), str(tmp_path / "broken.ttl")]) == 2
    err = capsys.readouterr().err
    assert "missing.trig" in err and "not valid turtle" in err and "either --store or files" in err


def test_graphs_validated_together_keep_their_own_results(graph):
    """A build validates a batch of article graphs in one run: a node two articles share must not
    lend one article's label to the other, nor make a second region code a violation."""
    article = _first(graph, SCHEMA.NewsArticle)
    mentioned = sorted(graph.objects(article, SCHEMA.mentions))[0]
    place = URIRef("https://w3id.org/pemilu-kg/id/place/shared-region")
    unlabelled, other = Graph(), Graph()
    for t in graph:
        other.add(t)
        if t[:2] != (mentioned, RDFS.label):
            unlabelled.add(t)
    for g, code in ((unlabelled, "63"), (other, "64")):
        g.add((place, RDF.type, SCHEMA.Place))
        g.add((place, RDFS.label, Literal("Wilayah")))
        g.add((place, PEMILU.kemendagriCode, Literal(code)))
    alone = [validate_article_graph(g) for g in (unlabelled, other)]
    together = validate_article_graphs([unlabelled, other])
    assert together == alone
    assert _found(together[0], mentioned, "rdfs:label") and together[1] == []
