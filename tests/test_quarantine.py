"""Quarantine: `kg build` checks each article graph against ontology/shapes.ttl before loading it.
A graph that does not conform is reported (the article, each violation, what to do) and left out of
the store; the other articles are built and the build exits 1. `--no-validate` loads it as it is.

The broken graph comes from the real extractor on a seed article, with one fault added to its
mapping (`kg.rdf.mapping.article_graph`) for that article only; the build runs in this process.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from rdflib import Graph, Literal
from rdflib.namespace import ORG, RDF, XSD

from kg.cli import main
from kg.graph.embedded import open_oxigraph
from kg.rdf import iris
import kg.rdf.mapping
from kg.rdf.namespaces import PEMILU
import kg.validate
from kg.validate import ShapesError

from conftest import SEEDS

TAPIN = "000_e3d696af9c73c6e7"
BANJARMASIN = "002_673190b6f8a3f2cf"


def confidence_above_one(graph: Graph) -> None:
    for m in list(graph.subjects(RDF.type, ORG.Membership)):
        graph.set((m, PEMILU.confidence, Literal("1.5", datatype=XSD.decimal)))


def membership_without_member(graph: Graph) -> None:
    for m in list(graph.subjects(RDF.type, ORG.Membership)):
        graph.remove((m, ORG.member, None))


FAULTS = {"pemilu:confidence": confidence_above_one, "org:member": membership_without_member}


@pytest.fixture
def break_article(monkeypatch):
    """`break_article(id, fault)`: the build maps the article `id` to a graph with `fault` applied."""
    def use(article_id: str, fault) -> None:
        real = kg.rdf.mapping.article_graph

        def mapped(facts):
            name, graph = real(facts)
            if facts.article.id == article_id:
                fault(graph)
            return name, graph

        monkeypatch.setattr(kg.rdf.mapping, "article_graph", mapped)
    return use


def built_ids(store_path) -> list[str]:
    store = open_oxigraph(Path(store_path), read_only=True)
    rows = store.query("SELECT ?id WHERE { GRAPH ?g { ?a a <https://schema.org/NewsArticle> ; "
                       "<https://schema.org/identifier> ?id } }")
    ids = sorted(str(row["id"].value) for row in rows)
    del store
    return ids


def memberships(seed_facts, article_id: str) -> list[str]:
    _, graph = kg.rdf.mapping.article_graph(seed_facts[article_id])
    return sorted(str(m) for m in graph.subjects(RDF.type, ORG.Membership))


@pytest.mark.parametrize("path", FAULTS)
def test_a_graph_that_violates_the_shapes_is_reported_and_not_loaded(tmp_path, capsys, break_article, seed_facts,
                                                                     path):
    members = memberships(seed_facts, TAPIN)
    break_article(TAPIN, FAULTS[path])
    store, failures, out = tmp_path / "store", tmp_path / "failures.json", tmp_path / "out.trig"
    status = main(["build", str(SEEDS), "--store", str(store), "--workers", "1", "--failures", str(failures),
                   "-o", str(out)])
    assert status == 1

    [record] = json.loads(failures.read_text(encoding="utf-8"))
    assert (record["file"], record["line"], record["severity"]) == (str(SEEDS / f"{TAPIN}.txt"), None, "error")
    problem = record["problem"]
    assert problem.startswith(f"article '{TAPIN}' quarantined, not loaded")
    assert members and all(f"<{m}> {path}: " in problem for m in members)  # focus node, path, then the message
    assert "please report it" in problem and "--no-validate" in problem
    if path == "pemilu:confidence":
        assert "must be one xsd:decimal from 0 to 1" in problem and "(value: 1.5)" in problem

    assert built_ids(store) == [BANJARMASIN]  # the other article is built
    exported = rdflib.Dataset()
    exported.parse(out)
    assert {str(g) for _, _, _, g in exported.quads()} == {str(iris.graph(BANJARMASIN))}
    err = capsys.readouterr().err
    assert f"{SEEDS / f'{TAPIN}.txt'}: article '{TAPIN}' quarantined" in err
    assert "built 1 articles, 0 unchanged, 1 problems, 0 warnings" in err


def test_a_quarantined_article_is_built_by_the_next_build_once_it_conforms(tmp_path, monkeypatch, capsys,
                                                                           break_article):
    store = tmp_path / "store"
    break_article(TAPIN, confidence_above_one)
    assert main(["build", str(SEEDS), "--store", str(store)]) == 1
    monkeypatch.undo()  # the extractor is fixed
    assert main(["build", str(SEEDS), "--store", str(store)]) == 0
    assert "built 1 articles, 1 unchanged, 0 problems" in capsys.readouterr().err
    assert built_ids(store) == [TAPIN, BANJARMASIN]


def test_no_validate_loads_the_graph_as_it_is(tmp_path, capsys, break_article):
    store, failures = tmp_path / "store", tmp_path / "failures.json"
    break_article(TAPIN, confidence_above_one)
    assert main(["build", str(SEEDS), "--store", str(store), "--no-validate", "--failures", str(failures)]) == 0
    assert json.loads(failures.read_text(encoding="utf-8")) == []
    assert built_ids(store) == [TAPIN, BANJARMASIN]
    capsys.readouterr()
    assert main(["validate", "--store", str(store)]) == 1  # `kg validate` still finds it
    assert f"{iris.graph(TAPIN)}: Violation: " in capsys.readouterr().out


def test_unusable_shapes_stop_the_build_before_it_starts(tmp_path, monkeypatch, capsys):
    def unusable():
        raise ShapesError("cannot read shapes.ttl: broken", "reinstall pemilu-kg or fix the file; or build with "
                          "--no-validate")

    monkeypatch.setattr(kg.validate, "shapes_graph", unusable)
    assert main(["build", str(SEEDS), "--store", str(tmp_path / "store")]) == 2
    assert "kg build: cannot read shapes.ttl: broken; reinstall pemilu-kg or fix the file; or build with " \
           "--no-validate" in capsys.readouterr().err
    assert not (tmp_path / "store").exists()
    assert main(["build", str(SEEDS), "--store", str(tmp_path / "store"), "--no-validate"]) == 0

    assert main(["run", str(SEEDS), "--store", str(tmp_path / "run-store"), "--out", str(tmp_path / "out")]) == 2
    assert "kg run: cannot read shapes.ttl" in capsys.readouterr().err and not (tmp_path / "run-store").exists()
    assert main(["run", str(SEEDS), "--store", str(tmp_path / "run-store"), "--out", str(tmp_path / "out"),
                 "--no-validate"]) == 0
    assert (tmp_path / "out" / "results" / "posts.csv").is_file()


def test_a_quarantined_article_loses_its_older_graph_and_the_report_says_so(tmp_path, capsys, break_article):
    store = tmp_path / "store"
    assert main(["build", str(SEEDS), "--store", str(store)]) == 0
    assert built_ids(store) == [TAPIN, BANJARMASIN]
    break_article(TAPIN, confidence_above_one)
    capsys.readouterr()

    assert main(["build", str(SEEDS), "--store", str(store), "--force"]) == 1
    assert built_ids(store) == [BANJARMASIN]  # no facts of the text whose new graph was refused
    err = capsys.readouterr().err
    assert f"article '{TAPIN}' quarantined" in err and "Its older graph was dropped from the store" in err
    assert "built 1 articles, 0 unchanged, 1 problems, 0 warnings, the older graphs of 1 quarantined articles " \
           "dropped" in err
    union = open_oxigraph(Path(store), read_only=True)
    assert not bool(union.query(f'ASK {{ ?s <https://schema.org/identifier> "{TAPIN}" }}')), \
        "the dropped graph's facts left the union default graph too"
    del union
