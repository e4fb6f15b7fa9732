"""Streaming, parallel and incremental builds: JSON Lines read line by line, extraction in worker
processes giving the same graph, one changed article changing only its graph, a re-run doing nothing."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from kg.graph import SerializedGraph
from kg.graph.embedded import EmbeddedStore, replace_serialized
from kg.ingest.build import build
from kg.ingest.readers import read_jsonl
from kg.problems import WARNING, Problem
from kg.rdf import iris

from conftest import SEEDS, quads_by_graph

PARAGRAPHS = [
    "Banjarmasin (ANTARA) - Ketua Bawaslu Kalsel Aries Mardiono mengatakan pengawasan kampanye diperketat.",
    "Rantau, Tapin (ANTARA) - Ketua KPU Tapin Fakhrian Noor mengajak warga datang ke TPS pada 27 November.",
    "Kapolda Kalsel Irjen Pol Winarto hadir pada deklarasi pilkada damai di Rantau, Selasa.",
    "“Kami siap mengawasi seluruh tahapan pilkada,” kata Aries.",
]


def corpus(path, n: int, changed: dict[int, str] | None = None):
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            text = (changed or {}).get(i) or "\n".join(PARAGRAPHS[j % 4] for j in range(i, i + 3))
            out.write(json.dumps({"id": f"a{i:03d}", "published": "2024-09-24", "text": text}) + "\n")
    return path


def test_jsonl_is_streamed_with_the_same_lines_and_problems(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "x", "text": "Satu."}\r\n\r\n{not json\n'
                     b'{"id": "y", "text": "Caf\xe9 di Rantau."}\n{"text": "tanpa id"}')
    items = list(read_jsonl(path))
    assert [getattr(i, "id", None) for i in items] == ["x", None, None, "y", "in-5"]
    assert isinstance(items[1], Problem) and items[1].source == f"{path}:3" and "not valid JSON" in items[1].message
    assert items[2].source == f"{path}:4" and items[2].severity == WARNING and "not UTF-8" in items[2].message
    assert items[3].text == "Café di Rantau."  # a line that is not UTF-8 is read as cp1252
    assert items[4].source == f"{path}:5"
    missing = list(read_jsonl(tmp_path / "missing.jsonl"))
    assert isinstance(missing[0], Problem) and "cannot read" in missing[0].message


def test_workers_give_the_same_graphs_and_force_rebuilds_everything(tmp_path):
    src = corpus(tmp_path / "c.jsonl", 12)
    assert build([src], tmp_path / "s", workers=1, batch=4).built == 12
    in_process = quads_by_graph(tmp_path / "s")
    forced = build([src], tmp_path / "s", workers=2, batch=4, force=True)
    assert (forced.built, forced.skipped) == (12, 0)
    assert quads_by_graph(tmp_path / "s") == in_process


def test_one_changed_article_changes_only_its_graph_and_a_rerun_is_a_no_op(tmp_path, monkeypatch):
    import kg.ingest.workers

    store = tmp_path / "store"
    src = corpus(tmp_path / "c.jsonl", 40)
    first = build([src], store, workers=1)
    before = quads_by_graph(store)

    written: list[str] = []  # graphs loaded into the store, and articles extracted, from here on
    extracted: list[str] = []
    replace, extract = EmbeddedStore.replace, kg.ingest.workers.extract_graphs
    monkeypatch.setattr(EmbeddedStore, "replace",
                        lambda self, graphs: written.extend(g.name for g in graphs) or replace(self, graphs))
    monkeypatch.setattr(kg.ingest.workers, "extract_graphs",
                        lambda batch, *args: extracted.extend(a.id for a in batch) or extract(batch, *args))
    again = build([src], store, workers=1)
    assert (again.built, again.skipped) == (0, 40)
    assert written == [] and extracted == []  # nothing extracted, no graph touched
    assert quads_by_graph(store) == before

    new_text = "Jakarta (ANTARA) - Ketua KPU RI Mochammad Afifuddin membuka rapat pleno di Jakarta."
    changed = build([corpus(src, 40, {7: new_text})], store, workers=1)
    assert (changed.built, changed.skipped, first.built) == (1, 39, 40)
    name = str(iris.graph("a007"))
    assert written == [name] and extracted == ["a007"]
    after = quads_by_graph(store)
    assert {g: t for g, t in after.items() if g != name} == {g: t for g, t in before.items() if g != name}
    texts = {o.value for _, p, o in after[name] if p.value.endswith("anchorOf")}
    assert texts == {new_text}  # the old sentences are gone with the old graph
    assert not any("Aries" in o.value for _, _, o in after[name] if isinstance(o, ox.Literal))


def test_progress_reports_rate_and_eta(tmp_path):
    messages: list[str] = []
    src = corpus(tmp_path / "c.jsonl", 6)
    build([src], tmp_path / "s", workers=1, batch=2, progress=messages.append)
    assert messages and messages[-1].final and (messages[-1].built, messages[-1].done) == (6, 6)
    assert "articles/s" in str(messages[-1]) and str(messages[-1]).startswith("6 articles (6 built")


def test_replacing_a_graph_is_one_update_with_exact_literals():
    store = ox.Store()
    name = "https://w3id.org/pemilu-kg/graph/article/x"
    tricky = '<http://e.org/s> <http://e.org/p> "C:\\\\u0041 \\"q\\" \\n\\t é \u2028"@id .\n'.encode()
    replace_serialized(store, [SerializedGraph(name, b'<http://e.org/s> <http://e.org/p> "old" .\n')])
    replace_serialized(store, [SerializedGraph(name, tricky)])  # the graph exists: DROP + INSERT DATA
    reference = ox.Store()
    reference.load(tricky, ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(name))
    reference.load(tricky, ox.RdfFormat.N_TRIPLES)  # and in the default graph, the union
    assert set(store) == set(reference)


def test_small_inputs_build_in_process_without_starting_workers(tmp_path, monkeypatch):
    import kg.ingest.workers

    monkeypatch.setattr(kg.ingest.workers.Extractors, "_start", lambda self: pytest.fail("started worker processes"))
    report = build([SEEDS], tmp_path / "s", workers=2)
    assert report.built == 2
