"""`kg serve` as a client sees it (SPARQLWrapper over HTTP): results in JSON, CSV and TSV by
content negotiation, GET and POST, refused SERVICE and updates, a query over the time limit
stopped, the result size limit, and the page of named queries."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from SPARQLWrapper import CSV, GET, JSON, POST, TSV, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

from kg.cli import main

from conftest import ROOT, SEEDS

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    store = tmp_path_factory.mktemp("serve") / "store"
    assert main(["build", str(SEEDS), "--store", str(store)]) == 0
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", "0",
                             "--timeout", "3", "--max-rows", "500", "--workers", "1"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = proc.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, f"kg serve did not start: {line!r}"
        yield f"http://127.0.0.1:{match.group(1)}"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def client(endpoint: str, query: str, fmt=JSON, method=GET) -> SPARQLWrapper:
    sparql = SPARQLWrapper(f"{endpoint}/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    sparql.setTimeout(60)
    return sparql


def test_select_in_json_csv_and_tsv_by_get_and_post(endpoint):
    total = int(client(endpoint, COUNT).queryAndConvert()["results"]["bindings"][0]["n"]["value"])
    assert total > 300
    posted = client(endpoint, COUNT, method=POST).queryAndConvert()
    assert int(posted["results"]["bindings"][0]["n"]["value"]) == total

    query = ("PREFIX schema: <https://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
             "SELECT DISTINCT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name")
    rows = list(csv.reader(io.StringIO(client(endpoint, query, CSV).queryAndConvert().decode())))
    assert rows[0] == ["name"] and ["Winarto"] in rows
    tsv = client(endpoint, query, TSV).queryAndConvert().decode().splitlines()
    assert tsv[0] == "?name" and '"Winarto"' in tsv


def test_service_and_updates_are_refused(endpoint):
    with pytest.raises(QueryBadFormed, match="SERVICE"):
        client(endpoint, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }").query()
    update = client(endpoint, "INSERT DATA { <http://e.org/s> <http://e.org/p> <http://e.org/o> }", method=POST)
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)) as refused:
        update.query()
    assert "403" in str(refused.value) or "read-only" in str(refused.value)
    after = client(endpoint, "ASK { <http://e.org/s> ?p ?o }").queryAndConvert()
    assert after["boolean"] is False


def test_a_query_over_the_time_limit_is_stopped_and_the_server_goes_on(endpoint):
    started = time.monotonic()
    with pytest.raises(urllib.error.HTTPError) as stopped:
        client(endpoint, SLOW).query()
    assert stopped.value.code == 503 and "time limit" in stopped.value.read().decode()
    assert time.monotonic() - started < 20
    assert client(endpoint, COUNT).queryAndConvert()["results"]["bindings"]  # a new worker answers


def test_results_over_the_row_limit_are_refused(endpoint):
    with pytest.raises(urllib.error.HTTPError) as refused:
        client(endpoint, "SELECT * WHERE { ?s ?p ?o }").query()
    assert refused.value.code == 413 and "LIMIT" in refused.value.read().decode()


def test_page_lists_named_queries_with_results_and_named_query_api(endpoint):
    page = urllib.request.urlopen(f"{endpoint}/", timeout=60).read().decode()
    assert "Who holds which post where" in page and "Winarto" in page and "officials-in-province" in page
    with urllib.request.urlopen(f"{endpoint}/named/posts?person_name=Winarto&format=json", timeout=60) as answer:
        rows = json.loads(answer.read())["results"]["bindings"]
    assert rows and {r["person"]["value"] for r in rows} == {"Winarto"} and "person_name" not in rows[0]


def test_named_query_pages(endpoint):
    def places(query: str) -> list[str]:
        with urllib.request.urlopen(f"{endpoint}/named/places?format=csv&{query}", timeout=60) as answer:
            return list(csv.reader(io.StringIO(answer.read().decode())))[1:]

    first, second, both = places("limit=3"), places("limit=3&offset=3"), places("limit=6")
    assert len(first) == len(second) == 3 and sorted(first + second) == sorted(both)
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{endpoint}/named/places?limit=many", timeout=60)
    assert refused.value.code == 400 and "whole number" in refused.value.read().decode()


def test_kg_store_in_the_environment_names_the_served_store(endpoint, tmp_path):
    """`KG_STORE=DIR kg serve` serves DIR, as every other command reads it (kg.graph.connect)."""
    store = tmp_path / "env-store"
    assert main(["build", str(SEEDS / "000_e3d696af9c73c6e7.txt"), "--store", str(store)]) == 0
    env = {**os.environ, "KG_STORE": str(store)}
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--port", "0", "--workers", "1"],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, f"kg serve did not start: {line!r} {proc.stderr.read() if proc.poll() is not None else ''}"
        served = f"http://127.0.0.1:{match.group(1)}"
        articles = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }"
        counted = client(served, articles).queryAndConvert()["results"]["bindings"][0]["n"]["value"]
        assert counted == "1"  # the one article of DIR, not the two of the module's store
        assert not (tmp_path / ".pemilu-kg").exists()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
