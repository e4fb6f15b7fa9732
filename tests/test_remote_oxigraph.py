"""A real Oxigraph server as the store (`--store http://...`): build, re-build, change one article,
query (with a parameter) and export through it; the answers equal the embedded store's."""
from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import rdflib

from kg.cli import main
from kg.graph import connect
from kg.rdf import iris

from conftest import SEEDS

CHANGED = ("Rantau, Tapin (ANTARA) - Ketua KPU Tapin Fakhrian Noor membuka rapat pleno di Rantau, Selasa.\n"
           "“Kami siap,” kata Fakhrian.")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def oxigraph_url(tmp_path):
    exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if exe is None:
        pytest.fail("the Oxigraph server is missing: pip install -e '.[test]' (the `oxigraph` package ships it)")
    port = free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(tmp_path / "oxigraph"), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the Oxigraph server did not start: {proc.stderr.read().decode()[-500:]}")
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _quads(path: Path) -> set:
    ds = rdflib.Dataset()
    ds.parse(path)
    return {(s, p, o, g.identifier if hasattr(g, "identifier") else g) for s, p, o, g in ds.quads()}


def test_build_rebuild_query_and_export_through_an_oxigraph_server(oxigraph_url, tmp_path, capsys):
    local = str(tmp_path / "local")
    changed = tmp_path / "changed"
    shutil.copytree(SEEDS, changed)
    first = sorted(changed.glob("*.txt"))[0]
    first.write_text(CHANGED, encoding="utf-8")

    assert main(["build", str(SEEDS), "--store", oxigraph_url]) == 0
    assert "built 2 articles, 0 unchanged" in capsys.readouterr().err
    assert main(["build", str(SEEDS), "--store", oxigraph_url]) == 0
    assert "built 0 articles, 2 unchanged" in capsys.readouterr().err
    assert main(["build", str(SEEDS), "--store", local]) == 0

    for store in (oxigraph_url, local):
        assert main(["query", "posts", "--store", store, "--format", "csv"]) == 0
    out = capsys.readouterr().out
    remote_rows, local_rows = out.split("person,role,institution")[1:]
    assert remote_rows == local_rows and "Winarto" in remote_rows
    for store in (oxigraph_url, local):
        assert main(["query", "quotes", "--store", store, "-p", "word=netral", "--format", "csv"]) == 0
    remote_rows, local_rows = capsys.readouterr().out.split("speaker,role,text")[1:]
    assert remote_rows == local_rows and remote_rows.strip() and "netral" in remote_rows.lower()
    for store in (oxigraph_url, local):  # a paged query with a lookup: the server binds it inside the page
        assert main(["query", "provenance", "--store", store, "-p", "person_name=winarto", "--all",
                     "--format", "csv"]) == 0
    remote_rows, local_rows = capsys.readouterr().out.split("fact,kind,article")[1:]
    assert sorted(remote_rows.splitlines()) == sorted(local_rows.splitlines()) and len(remote_rows.splitlines()) > 5

    # one article changed: only its graph is replaced, its old facts are gone
    for store in (oxigraph_url, local):
        assert main(["build", str(changed), "--store", store]) == 0
        assert "built 1 articles, 1 unchanged" in capsys.readouterr().err
    graph = iris.graph(first.stem)
    sentences = connect(oxigraph_url).select(
        f"SELECT ?t WHERE {{ GRAPH <{graph}> {{ ?s <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/"
        "nif-core#anchorOf> ?t } }")
    assert {row[0] for row in sentences.rows} == {CHANGED.split("\n")[0]}  # the one its membership cites

    assert main(["export", "--store", oxigraph_url, "-o", str(tmp_path / "remote.nq")]) == 0
    assert main(["export", "--store", local, "-o", str(tmp_path / "local.nq")]) == 0
    assert _quads(tmp_path / "remote.nq") == _quads(tmp_path / "local.nq")


def test_an_unreachable_server_is_a_usage_error_with_what_to_do(capsys):
    assert main(["query", "posts", "--store", f"http://127.0.0.1:{free_port()}"]) == 2
    assert "is it running?" in capsys.readouterr().err


def test_every_command_takes_the_server_url(oxigraph_url, tmp_path, capsys):
    """view, stats, validate, export (RDF and the drawn graph) and run work on a SPARQL server as on a
    folder (serve: the next test)."""
    local = str(tmp_path / "local")
    assert main(["build", str(SEEDS), "--store", oxigraph_url]) == 0
    assert main(["build", str(SEEDS), "--store", local]) == 0
    capsys.readouterr()

    stats = []
    for store in (oxigraph_url, local):
        assert main(["stats", "--store", store, "--format", "json"]) == 0
        stats.append(json.loads(capsys.readouterr().out))
    assert stats[0] == stats[1] and stats[0]["counts"]["person"] > 0

    for store, name in ((oxigraph_url, "remote"), (local, "local")):
        assert main(["view", "--store", store, "-o", str(tmp_path / f"{name}.html"), "--focus", "Winarto"]) == 0
    remote_note, local_note = capsys.readouterr().err.strip().splitlines()
    assert remote_note.split(": ", 1)[1] == local_note.split(": ", 1)[1] and "nodes" in remote_note

    assert main(["validate", "--store", oxigraph_url]) == 0
    assert "checked 2 graphs: 0 violations" in capsys.readouterr().err

    for store, name in ((oxigraph_url, "remote"), (local, "local")):
        assert main(["export", "--store", store, "-o", str(tmp_path / f"{name}.graphml")]) == 0
    assert (tmp_path / "remote.graphml").read_bytes() == (tmp_path / "local.graphml").read_bytes()

    assert main(["run", str(SEEDS), "--store", oxigraph_url, "--out", str(tmp_path / "out")]) == 0
    assert {p.name for p in (tmp_path / "out").iterdir()} >= {"graph.trig", "graph.ttl", "graph.jsonld", "graph.html"}
    assert "Winarto" in (tmp_path / "out" / "results" / "posts.csv").read_text(encoding="utf-8")
    capsys.readouterr()


def test_kg_serve_puts_the_endpoint_in_front_of_a_sparql_server(oxigraph_url):
    assert main(["build", str(SEEDS), "--store", oxigraph_url]) == 0
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", oxigraph_url, "--port", "0",
                             "--max-rows", "50"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, f"kg serve did not start: {line!r} {proc.stderr.read() if proc.poll() is not None else ''}"
        served = f"http://127.0.0.1:{match.group(1)}"
        count = urllib.parse.quote("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }")
        answer = json.loads(urllib.request.urlopen(f"{served}/sparql?query={count}", timeout=30).read())
        assert answer["results"]["bindings"][0]["n"] == {
            "type": "literal", "value": "2", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
        posts = urllib.request.urlopen(f"{served}/named/posts?format=csv", timeout=30).read().decode()
        assert posts.startswith("person,role,institution") and "Winarto" in posts
        quotes = urllib.request.urlopen(f"{served}/named/quotes?word=netral&format=csv", timeout=30).read().decode()
        assert "netral" in quotes.lower() and "word" not in quotes.splitlines()[0]
        assert "Winarto" in urllib.request.urlopen(f"{served}/", timeout=30).read().decode()
        everything = urllib.parse.quote("SELECT * WHERE { ?s ?p ?o }")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{served}/sparql?query={everything}", timeout=30)
        assert refused.value.code == 413  # the endpoint's row limit holds in front of the server too
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{served}/sparql?query={urllib.parse.quote('SELECT * WHERE { ?s ?p }')}",
                                   timeout=30)
        assert refused.value.code == 400  # the server's syntax error, passed on
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_a_quarantined_article_leaves_the_server_too(oxigraph_url, monkeypatch, capsys):
    import kg.rdf.mapping
    from rdflib import Literal
    from rdflib.namespace import ORG, RDF, XSD

    from kg.rdf.namespaces import PEMILU

    assert main(["build", str(SEEDS), "--store", oxigraph_url]) == 0
    real = kg.rdf.mapping.article_graph
    tapin = sorted(SEEDS.glob("*.txt"))[0].stem

    def broken(facts):
        name, graph = real(facts)
        if facts.article.id == tapin:  # a confidence over 1: the shapes refuse it
            for m in list(graph.subjects(RDF.type, ORG.Membership)):
                graph.set((m, PEMILU.confidence, Literal("1.5", datatype=XSD.decimal)))
        return name, graph

    monkeypatch.setattr(kg.rdf.mapping, "article_graph", broken)
    capsys.readouterr()
    assert main(["build", str(SEEDS), "--store", oxigraph_url, "--force"]) == 1
    assert "the older graphs of 1 quarantined articles dropped" in capsys.readouterr().err
    left = connect(oxigraph_url).select("SELECT ?id WHERE { ?a a schema:NewsArticle ; schema:identifier ?id }")
    assert [row[0] for row in left.rows] == [sorted(SEEDS.glob("*.txt"))[1].stem]


def test_identity_resolution_renames_nodes_on_the_server(oxigraph_url, capsys):
    articles = Path(__file__).parent / "data" / "identity"
    paths = [str(articles / n) for n in ("pelantikan.txt", "sidang.txt", "edhy.txt")]
    assert main(["build", *paths, "--store", oxigraph_url]) == 0
    assert "1 nodes joined" in capsys.readouterr().err
    rows = {}
    for name in ("Jokowi", "Joko Widodo"):
        assert main(["query", "copresence", "-p", f"person_name={name}", "--store", oxigraph_url,
                     "--format", "csv"]) == 0
        rows[name] = sorted(capsys.readouterr().out.splitlines())
    assert rows["Jokowi"] == rows["Joko Widodo"] and len(rows["Jokowi"]) > 1
