"""Named queries on the graph built from the seed articles (`seeds/*.txt`), on pyoxigraph and on rdflib.

SEED_CASES holds, for every named query, what it must return on the seeds' graph: the bindings, the
result columns looked at, the rows over those columns, and how they are compared ("exact": the set of
rows is exactly this; "contains": at least these rows; "excludes": none of these rows). Extraction may
grow or shift, so most expectations are facts that must be there (or must not), not full results.

The seeds have no URL and no publication date, so DATED_CASES run on the same extraction built as
if each seed had both (and as if quotes said in an event's sentence were linked to that event):
this covers the date, URL and schema:recordedAt branches of the queries.
"""
from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import replace
from datetime import date

import pyoxigraph
import pytest
import rdflib

from kg.graph import QueryError, QueryResult
from kg.graph.catalogue import NamedQuery, default_queries_dir, load_named_queries, resolve_query
from kg.graph.embedded import replace_graphs
from kg.graph.sparql import ALL_ROWS, MAX_CELL, Page, check_query_safety, format_result, page_size, prepare, run_query
from kg.rdf.mapping import article_graph
from kg.resources import data_dir

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*")  # rdflib's own internals

A1 = "000_e3d696af9c73c6e7"  # Rantau, Tapin: Winarto, Fakhrian Noor. The article column is the id (no URL)
A2 = "002_673190b6f8a3f2cf"  # Banjarmasin: Nurul Fajar Desira
URL1 = "https://news.example.id/antara/e3d696af9c73c6e7"  # the URLs and dates of DATED_CASES
URL2 = "https://news.example.id/antara/673190b6f8a3f2cf"
PUBLISHED = {A1: (date(2024, 9, 24), URL1), A2: (date(2023, 11, 29), URL2)}
ID = "https://w3id.org/pemilu-kg/id/"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
WINARTO, FAKHRIAN, NURUL = "Winarto", "Fakhrian Noor", "Nurul Fajar Desira"
ASISTEN = "Asisten II Bidang Pemerintahan dan Kesra"
KALSEL = "Kalimantan Selatan"
DEKLARASI, RAKOR = "deklarasi pilkada damai", "Rakor Penyelenggara Pemilu Wilayah III"


class Label(str):
    """A node (its IRI after id/) standing for its rdfs:label in the graph: the names the lexicons
    give institutions and places may change; the IRIs do not."""


POLDA, KPU_TAPIN, SETDA = Label("org/polda-63"), Label("org/kpu-63.05"), Label("org/setda-63")
TAPIN, BANJARMASIN, RANTAU = Label("place/63.05"), Label("place/63.71"), Label("place/63.05-rantau")

Case = tuple[dict[str, str], tuple[str, ...], list[tuple], str]

# query name -> [(bindings, columns, rows, "exact" | "contains" | "excludes")]
SEED_CASES: dict[str, list[Case]] = {
    "post-history": [  # a post is a role in one institution: Polda Kalsel's Kapolda is not KPU Tapin's
        ({"institution": "Polda Kalsel"}, ("post", "person", "memberships"), [("Kapolda", WINARTO, "1")], "exact"),
        ({"institution": "kpu tapin"}, ("post", "person"), [("Ketua", FAKHRIAN)], "exact"),
        ({"institution": "Nowhere"}, ("person",), [], "exact"),
    ],
    "post-holders": [  # the seeds have no publication date, so they attest no month
        ({"role": "Kapolda", "month": "2024-09"}, ("person",), [], "exact"),
        ({"role": "Kapolda", "month": "2024-09", "institution": "Polda Kalsel"}, ("person",), [], "exact"),
    ],
    "posts": [
        ({}, ("person", "role", "institution", "article"), [
            (WINARTO, "Kapolda", POLDA, A1), (FAKHRIAN, "Ketua", KPU_TAPIN, A1), (NURUL, ASISTEN, SETDA, A2),
        ], "contains"),
        ({}, ("person", "rank"), [(WINARTO, "Irjen Pol")], "contains"),
        ({"person_name": "irjen pol winarto"}, ("person", "role", "article"), [(WINARTO, "Kapolda", A1)], "exact"),
        ({"person_name": "Fajar"}, ("person", "institution", "article"), [(NURUL, SETDA, A2)], "exact"),
        ({"person_name": "Nobody"}, ("person",), [], "exact"),
    ],
    "officials-in-province": [
        ({"province": KALSEL}, ("person", "role", "institution", "area"), [
            (WINARTO, "Kapolda", POLDA, KALSEL), (FAKHRIAN, "Ketua", KPU_TAPIN, TAPIN), (NURUL, ASISTEN, SETDA, KALSEL),
        ], "contains"),
        ({"province": KALSEL}, ("person",), [(WINARTO,), (FAKHRIAN,), (NURUL,)], "exact"),
        ({"province": "kalsel"}, ("person",), [(WINARTO,), (FAKHRIAN,), (NURUL,)], "exact"),
        ({"province": "Tapin"}, ("person", "role", "institution"), [(FAKHRIAN, "Ketua", KPU_TAPIN)], "exact"),
        ({"province": "Kalimantan Timur"}, ("person",), [], "exact"),  # in the graph, but nobody serves it
    ],
    "events": [
        ({}, ("event", "type", "location", "within", "article"), [
            (RAKOR, "meeting", BANJARMASIN, KALSEL, A2),
        ], "contains"),
        ({}, ("event", "article"), [(DEKLARASI, A1)], "contains"),
        ({}, ("event", "type"), [("Pilkada 2024", "election"), ("Pemilu 2024", "election")], "contains"),
        ({"place_name": "Tapin"}, ("event",), [(DEKLARASI,)], "contains"),  # in Tapin, or in Rantau inside it
        ({"place_name": "Tapin"}, ("event",), [(RAKOR,)], "excludes"),
        ({"place_name": "banjarmasin"}, ("event", "location"), [(RAKOR, BANJARMASIN)], "contains"),
        ({"place_name": "banjarmasin"}, ("event",), [(DEKLARASI,)], "excludes"),
        ({"place_name": "Kalsel"}, ("event",), [(DEKLARASI,), (RAKOR,)], "contains"),
        ({"place_name": "Maluku"}, ("event",), [], "exact"),
    ],
    "quotes": [
        ({}, ("speaker", "role", "article"), [
            (WINARTO, "Kapolda", A1), (FAKHRIAN, "Ketua", A1), (NURUL, ASISTEN, A2),
        ], "contains"),
        ({"word": "netral"}, ("speaker", "role", "direct", "article"), [(WINARTO, "Kapolda", "true", A1)], "exact"),
        ({"word": "NETRAL"}, ("speaker",), [(WINARTO,)], "exact"),
        ({"word": "kondusif"}, ("speaker",), [(WINARTO,), (NURUL,)], "contains"),
        ({"word": "kondusif", "person_name": "fajar"}, ("speaker", "article"), [(NURUL, A2)], "exact"),
        ({"person_name": "Fakhrian"}, ("speaker", "role"), [(FAKHRIAN, "Ketua")], "exact"),
    ],
    "provenance": [
        ({}, ("kind", "article"), [
            ("membership", A1), ("quotation", A1), ("event", A1),
            ("membership", A2), ("quotation", A2), ("event", A2),
        ], "exact"),
        ({"person_name": "Fakhrian"}, ("kind", "article", "begin", "end"), [("membership", A1, "1567", "1822")],
         "contains"),
        ({"person_name": NURUL}, ("article",), [(A2,)], "exact"),
    ],
    "timeline": [
        ({"person_name": "Winarto"}, ("kind", "what", "detail"), [("post", "Kapolda", POLDA)], "contains"),
        ({"person_name": "Winarto"}, ("kind", "what"), [("event", DEKLARASI)], "contains"),
        ({"person_name": "Winarto"}, ("kind", "article"), [("post", A1), ("quote", A1), ("event", A1)], "exact"),
        ({"person_name": "fakhrian noor"}, ("kind", "what", "detail"), [("post", "Ketua", KPU_TAPIN)], "contains"),
        ({"person_name": "Fajar"}, ("kind", "what", "detail"), [("post", ASISTEN, SETDA), ("event", RAKOR, BANJARMASIN)],
         "contains"),
        ({"person_name": "Nobody"}, ("kind",), [], "exact"),
    ],
    "institutions": [
        ({}, ("province", "region", "institution", "type"), [
            (KALSEL, TAPIN, KPU_TAPIN, "kpu"), (KALSEL, KALSEL, POLDA, "polda"), (KALSEL, KALSEL, SETDA, "setda"),
        ], "contains"),
        ({"region_name": "Tapin"}, ("province", "region", "institution"), [(KALSEL, TAPIN, KPU_TAPIN)], "contains"),
        ({"region_name": "Tapin"}, ("institution",), [(POLDA,), (SETDA,)], "excludes"),
        ({"region_name": "Kalsel"}, ("institution",), [(POLDA,), (SETDA,), (KPU_TAPIN,)], "contains"),
    ],
    "copresence": [
        ({"person_name": "Fakhrian Noor"}, ("person_a", "person_b", "articles"), [(FAKHRIAN, WINARTO, "1")], "contains"),
        ({"person_name": "nurul fajar desira"}, ("person_b",), [(FAKHRIAN,), (WINARTO,)], "excludes"),  # never in one article
        ({"person_name": "winarto"}, ("person_a", "person_b", "articles"), [(WINARTO, FAKHRIAN, "1")], "contains"),
        ({"person_name": "Winarto"}, ("person_b",), [(NURUL,)], "excludes"),
    ],
    "places": [
        ({}, ("place", "type", "code", "within"), [
            (KALSEL, "provinsi", "63", None), (TAPIN, "kabupaten", "63.05", KALSEL),
            (BANJARMASIN, "kota", "63.71", KALSEL),
        ], "contains"),
        ({}, ("place", "within", "articles"), [(RANTAU, TAPIN, "1")], "contains"),
        ({}, ("place", "articles"), [(KALSEL, "2")], "contains"),  # both seeds name the province
    ],
    "elections": [
        ({}, ("election", "articles"), [("Pilkada 2024", "1"), ("Pemilu 2024", "1")], "contains"),
        ({}, ("election",), [(RAKOR,), (DEKLARASI,)], "excludes"),
    ],
    "articles": [
        ({}, ("article", "dateline", "published", "headline"), [(A1, RANTAU, None, None), (A2, BANJARMASIN, None, None)],
         "exact"),
        ({}, ("article", "memberships"), [(A1, "2"), (A2, "1")], "exact"),
    ],
}
DATED_CASES: dict[str, list[Case]] = {
    "post-history": [
        ({"institution": "Polda Kalsel"}, ("person", "first", "last"), [(WINARTO, "2024-09-24", "2024-09-24")], "exact"),
    ],
    "post-holders": [
        ({"role": "kapolda", "month": "2024-09"}, ("person", "post", "org_name", "attested"),
         [(WINARTO, "Kapolda", POLDA, "2024-09-24")], "exact"),
        ({"role": "Kapolda", "month": "2024-09", "institution": "polda kalsel"}, ("person",), [(WINARTO,)], "exact"),
        ({"role": "Kapolda", "month": "2024-09", "institution": "KPU Tapin"}, ("person",), [], "exact"),
        ({"role": "Kapolda", "month": "2024-10"}, ("person",), [], "exact"),
        ({"role": "Ketua", "month": "2024-09"}, ("person", "org_name"), [(FAKHRIAN, KPU_TAPIN)], "exact"),
    ],
    "articles": [
        ({}, ("article", "published", "dateline"), [(URL1, "2024-09-24", RANTAU), (URL2, "2023-11-29", BANJARMASIN)],
         "exact"),
    ],
    "posts": [
        ({}, ("person", "attested", "article"), [
            (WINARTO, "2024-09-24", URL1), (FAKHRIAN, "2024-09-24", URL1), (NURUL, "2023-11-29", URL2),
        ], "contains"),
    ],
    "quotes": [
        ({"word": "kondusif", "person_name": "fajar"}, ("speaker", "published", "article"),
         [(NURUL, "2023-11-29", URL2)], "exact"),
        ({"person_name": NURUL}, ("speaker", "event"), [(NURUL, RAKOR)], "contains"),
    ],
    "timeline": [
        ({"person_name": "Winarto"}, ("date",), [("2024-09-24",)], "contains"),  # undated facts take the article's date
        ({"person_name": "Fajar"}, ("date", "kind", "detail"), [("2023-11-29", "quote", RAKOR)], "contains"),
    ],
    "events": [
        ({"place_name": "Banjarmasin"}, ("event", "article"), [(RAKOR, URL2)], "contains"),
    ],
    "provenance": [
        ({"person_name": "Winarto"}, ("article",), [(URL1,)], "exact"),
    ],
}


def case_list(cases: dict[str, list[Case]]) -> list[tuple[str, dict, tuple, list, str]]:
    return [(name, b, columns, rows, how) for name, entries in cases.items() for b, columns, rows, how in entries]


def case_ids(cases: list) -> list[str]:
    return [f"{name}-{'-'.join(f'{k}={v}' for k, v in b.items()) or 'all'}-{'+'.join(cols)}-{how}"
            for name, b, cols, _, how in cases]


CASES = case_list(SEED_CASES)
DATED = case_list(DATED_CASES)


def dataset_of(store: pyoxigraph.Store) -> rdflib.Dataset:
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(data=store.dump(format=pyoxigraph.RdfFormat.TRIG), format="trig")
    return dataset


@pytest.fixture(scope="module")
def seed_dataset(seed_store) -> rdflib.Dataset:
    return dataset_of(seed_store)


@pytest.fixture(scope="module")
def dated_store(seed_facts) -> pyoxigraph.Store:
    """The seeds built as if they had a URL and a publication date, and as if the extractor linked each
    quote said in the sentence that reports an event the speaker takes part in to that event."""
    def dated(facts):
        published, url = PUBLISHED[facts.article.id]
        quotations = tuple(
            replace(q, event=q.event or next((ev.event for ev in facts.events
                                              if ev.sentence == q.sentence and q.speaker in ev.actors), None))
            for q in facts.quotations)
        return replace(facts, article=replace(facts.article, published=published, url=url), quotations=quotations)

    store = pyoxigraph.Store()
    replace_graphs(store, (article_graph(dated(f)) for f in seed_facts.values()))
    return store


@pytest.fixture(scope="module")
def dated_dataset(dated_store) -> rdflib.Dataset:
    return dataset_of(dated_store)


@pytest.fixture(scope="module")
def queries() -> dict[str, NamedQuery]:
    return load_named_queries()


def label_of(store: pyoxigraph.Store, node: str) -> str:
    labels = {row[0] for row in run_query(store, f"SELECT DISTINCT ?l WHERE {{ <{ID}{node}> <{RDFS_LABEL}> ?l }}").rows}
    assert len(labels) == 1, f"{ID}{node} should have one rdfs:label in the seeds' graph, has {labels}"
    return labels.pop()


def resolve(store: pyoxigraph.Store, rows: list[tuple]) -> set[tuple]:
    return {tuple(label_of(store, v) if isinstance(v, Label) else v for v in row) for row in rows}


def project(name: str, result: QueryResult, columns: tuple[str, ...]) -> set[tuple]:
    missing = set(columns) - set(result.columns)
    assert not missing, f"{name} has no column(s) {missing}; it has {result.columns}"
    index = [result.columns.index(c) for c in columns]
    return {tuple(row[i] for i in index) for row in result.rows}


def check_rows(store, queries, name, bindings, columns, rows, how) -> None:
    result = run_query(store, queries[name].text, bindings)
    assert len(result.rows) == len(set(result.rows)), f"{name}: a row repeats (missing DISTINCT?)"
    assert not set(bindings) & set(result.columns), "parameter columns are hidden"
    got, expected = project(name, result, columns), resolve(store, rows)
    if how == "exact":
        assert got == expected
    elif how == "contains":
        assert expected and expected <= got, f"{name} {bindings}: missing {expected - got}"
    else:
        assert expected and not expected & got, f"{name} {bindings}: should not give {expected & got}"


def rows_as_dicts(store, query: NamedQuery, bindings: dict[str, str] | None = None) -> list[dict[str, str | None]]:
    result = run_query(store, query.text, bindings)
    return [dict(zip(result.columns, row)) for row in result.rows]


# ---------------------------------------------------------------- the named queries

def test_named_queries_have_headers_and_seed_expectations(queries):
    assert len(queries) >= 8
    assert set(queries) == set(SEED_CASES), "every named query needs an entry in SEED_CASES"
    for name, query in queries.items():
        assert query.name == name and query.path == default_queries_dir() / f"{name}.rq"
        assert query.title and query.description, name
        check_query_safety(query.text)
        select = query.text.upper()
        assert "SELECT DISTINCT" in select or "COUNT(DISTINCT" in select, f"{name}: union graph needs DISTINCT"


def test_default_queries_dir_is_the_package_data_dir():
    assert default_queries_dir() == data_dir("queries")


def test_declared_parameters_are_all_exercised(queries):
    declared = {name: {(p.name, p.required) for p in q.params} for name, q in queries.items()}
    assert declared["officials-in-province"] == {("province", True)}
    assert declared["timeline"] == declared["copresence"] == {("person_name", True)}
    assert declared["quotes"] == {("word", False), ("person_name", False)}
    assert declared["posts"] == declared["provenance"] == {("person_name", False)}
    assert declared["events"] == {("place_name", False)}
    assert declared["institutions"] == {("region_name", False)}
    assert declared["post-holders"] == {("role", True), ("institution", False), ("month", True)}
    assert declared["post-history"] == {("institution", True)}
    for name, query in queries.items():
        bound = {key for bindings, *_ in SEED_CASES[name] for key in bindings}
        assert {p.name for p in query.params} <= bound, f"{name}: every parameter needs a case on the seeds"
        if not any(p.required for p in query.params):
            assert any(not bindings for bindings, *_ in SEED_CASES[name]), f"{name}: needs a case without parameters"


@pytest.mark.parametrize("name, bindings, columns, rows, how", CASES, ids=case_ids(CASES))
def test_seed_rows(seed_store, queries, name, bindings, columns, rows, how):
    check_rows(seed_store, queries, name, bindings, columns, rows, how)


@pytest.mark.parametrize("name, bindings, columns, rows, how", DATED, ids=case_ids(DATED))
def test_dated_seed_rows(dated_store, queries, name, bindings, columns, rows, how):
    check_rows(dated_store, queries, name, bindings, columns, rows, how)


@pytest.mark.parametrize("graph, name, bindings", [("seed", c[0], c[1]) for c in CASES] + [("dated", c[0], c[1]) for c in DATED],
                         ids=[f"seed-{i}" for i in case_ids(CASES)] + [f"dated-{i}" for i in case_ids(DATED)])
def test_rdflib_gives_the_same_rows(request, queries, graph, name, bindings):
    store, dataset = request.getfixturevalue(f"{graph}_store"), request.getfixturevalue(f"{graph}_dataset")
    on_oxigraph = run_query(store, queries[name].text, bindings)
    on_rdflib = run_query(dataset, queries[name].text, bindings)
    assert on_rdflib.columns == on_oxigraph.columns
    assert Counter(on_rdflib.rows) == Counter(on_oxigraph.rows)


def test_shared_nodes_are_repeated_per_article_graph_and_once_in_the_union(seed_store):
    """Each article graph states the shared nodes it mentions; queries see the merge, each fact once."""
    assert len(list(seed_store.named_graphs())) == 2
    text = f"SELECT ?l WHERE {{ <{ID}place/63> <{RDFS_LABEL}> ?l }}"
    assert run_query(seed_store, text).rows == [(KALSEL,)]
    per_graph = f"SELECT ?g ?l WHERE {{ GRAPH ?g {{ <{ID}place/63> <{RDFS_LABEL}> ?l }} }}"
    assert len(run_query(seed_store, per_graph).rows) == 2


def test_quotes_with_a_word_show_its_text(seed_store, queries):
    [row] = rows_as_dicts(seed_store, queries["quotes"], {"word": "netral"})
    assert "sikap netral" in row["text"] and row["speaker"] == WINARTO
    timeline = rows_as_dicts(seed_store, queries["timeline"], {"person_name": WINARTO})
    assert any(r["kind"] == "quote" and "netral" in r["what"] for r in timeline)


def test_posts_evidence_sentence(seed_store, queries):
    [row] = rows_as_dicts(seed_store, queries["posts"], {"person_name": "Winarto"})
    assert row["sentence"].startswith("Rantau, Tapin (ANTARA) - Kapolda Kalimantan Selatan (Kalsel) Irjen Pol Winarto")


def test_provenance_sentence_and_offsets_are_the_article_text(seed_store, seed_facts, queries):
    rows = rows_as_dicts(seed_store, queries["provenance"])
    assert rows and all(r["sentence"] is not None for r in rows), "every fact has its sentence"
    for r in rows:
        text = seed_facts[r["article"]].article.text
        assert text[int(r["begin"]):int(r["end"])] == r["sentence"], r["fact"]
        assert 0 < float(r["confidence"]) <= 1
    fakhrian = rows_as_dicts(seed_store, queries["provenance"], {"person_name": "Fakhrian Noor"})
    membership = [r for r in fakhrian if r["kind"] == "membership"]
    assert [r["sentence"][:29] for r in membership] == ["Ketua KPU Tapin Fakhrian Noor"]
    assert {r["kind"] for r in fakhrian} >= {"membership", "quotation"}


def test_every_event_is_listed(seed_store, queries):
    """Events the text gives no place for are listed too (with an empty location)."""
    labels = {row[0] for row in run_query(seed_store, "SELECT DISTINCT ?l WHERE { ?e a <https://schema.org/Event> ; "
                                                      f"<{RDFS_LABEL}> ?l }}").rows}
    rows = rows_as_dicts(seed_store, queries["events"])
    assert {r["event"] for r in rows} == labels
    assert any(r["location"] is None for r in rows)


def test_articles_count_what_was_extracted(seed_store, seed_facts, queries):
    counts = {r["article"]: r for r in rows_as_dicts(seed_store, queries["articles"])}
    assert set(counts) == set(seed_facts) == {A1, A2}
    for article_id, facts in seed_facts.items():
        assert counts[article_id]["quotes"] == str(len(facts.quotations))
        assert counts[article_id]["events"] == str(len({ev.event for ev in facts.events}))
    assert int(counts[A1]["quotes"]) >= 3 and int(counts[A2]["quotes"]) >= 3


# ---------------------------------------------------------------- bindings

@pytest.mark.parametrize("value", ['"', '"} ; DROP ALL ; #', "x\") } UNION { ?s ?p ?o } #", "Winarto' || true || '"])
def test_hostile_values_stay_values(seed_store, seed_dataset, queries, value):
    size = len(seed_store)
    for backend in (seed_store, seed_dataset):
        assert run_query(backend, queries["quotes"].text, {"word": value}).rows == []
        assert run_query(backend, queries["posts"].text, {"person_name": value}).rows == []
        assert run_query(backend, queries["officials-in-province"].text, {"province": value}).rows == []
    assert len(seed_store) == size


def test_undeclared_and_missing_parameters(seed_store, queries):
    with pytest.raises(QueryError, match=r"unknown parameter\(s\) person.*declared parameters: word \(optional\), "
                                         r"person_name \(optional\)"):
        run_query(seed_store, queries["quotes"].text, {"person": "Winarto"})
    with pytest.raises(QueryError, match="missing required parameter.*province"):
        run_query(seed_store, queries["officials-in-province"].text)
    with pytest.raises(QueryError, match="declared parameters: none"):
        run_query(seed_store, "SELECT ?s WHERE { ?s ?p ?o }", {"s": "x"})


IRI_QUERY = """# title: Label of a node
# param: node  (required, iri) the node's IRI
SELECT DISTINCT ?label ?node WHERE { ?node <http://www.w3.org/2000/01/rdf-schema#label> ?label }
"""


def test_iri_parameter(seed_store, seed_dataset):
    for backend in (seed_store, seed_dataset):
        result = run_query(backend, IRI_QUERY, {"node": ID + "person/winarto--polda-63"})
        assert (result.columns, result.rows) == (["label"], [(WINARTO,)])
    for backend in (seed_store, seed_dataset):
        with pytest.raises(QueryError, match="takes an IRI, and 'not an iri' is not one"):
            run_query(backend, IRI_QUERY, {"node": "not an iri"})


def test_unprojected_parameter_is_explained(seed_store):
    text = ("# title: t\n# param: who  (optional) x\n"
            "SELECT DISTINCT ?p WHERE { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?who }")
    with pytest.raises(QueryError, match="add the parameter variable to the SELECT list"):
        run_query(seed_store, text, {"who": WINARTO})


def test_ask_and_construct(seed_store, seed_dataset):
    ask = "# title: t\n# param: name  (required) x\nASK { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?name }"
    for backend in (seed_store, seed_dataset):
        assert run_query(backend, ask, {"name": WINARTO}).boolean is True
        assert run_query(backend, ask, {"name": "Nobody"}).boolean is False
    construct = ("CONSTRUCT { ?p <urn:x:name> ?l } WHERE { ?p a <https://schema.org/Person> ; "
                 "<http://www.w3.org/2000/01/rdf-schema#label> ?l }")
    result = run_query(seed_store, construct)
    assert result.columns == ["subject", "predicate", "object"]
    assert {row[2] for row in result.rows} >= {WINARTO, FAKHRIAN, NURUL}


# ---------------------------------------------------------------- safety

@pytest.mark.parametrize("text", [
    'SELECT ?s WHERE { ?s ?p "customer service" }',
    "SELECT ?s WHERE { ?s ?p 'LOAD the FROM clause' }",
    'SELECT ?s WHERE { ?s ?p """multi\nline SERVICE <http://x/> { }""" }',
    "SELECT ?service ?from WHERE { ?service <https://schema.org/serviceType> ?from }  # SERVICE in a comment",
    "PREFIX service: <http://x/load#>\nSELECT ?s WHERE { ?s service:from ?o . ?o a <http://x/SERVICE> }",
    'SELECT ?s WHERE { ?s ?p "x"@add }',
])
def test_safe_queries_pass(text):
    check_query_safety(text)


@pytest.mark.parametrize("text, clause", [
    ("SELECT * WHERE { SERVICE <http://dbpedia.org/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { ?s ?p ?o .SERVICE SILENT <http://x/> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * FROM <http://example.org/data.ttl> WHERE { ?s ?p ?o }", "FROM"),
    ("select * from named <http://example.org/g> where { graph ?g { ?s ?p ?o } }", "FROM NAMED"),
    ("LOAD <http://example.org/data.ttl>", "LOAD"),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "INSERT"),
    ('DELETE WHERE { ?s ?p "service" }', "DELETE"),
    ("DROP GRAPH <https://w3id.org/pemilu-kg/graph/article/x>", "DROP"),
    ("CLEAR ALL", "CLEAR"),
])
def test_unsafe_queries_are_refused(seed_store, text, clause):
    size = len(seed_store)
    with pytest.raises(QueryError, match=f"refused: {clause} "):
        check_query_safety(text)
    with pytest.raises(QueryError, match=f"refused: {clause} "):
        run_query(seed_store, text)
    assert len(seed_store) == size


def test_refused_texts_are_real_sparql():
    """The refusals above are about real clauses, not about unparsable text."""
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    parseQuery("SELECT * WHERE { SERVICE <http://dbpedia.org/sparql> { ?s ?p ?o } }")
    parseQuery("select * from named <http://example.org/g> where { graph ?g { ?s ?p ?o } }")
    parseUpdate("LOAD <http://example.org/data.ttl>")


def test_remote_clauses_can_be_allowed():
    check_query_safety("SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }", allow_remote=True)
    with pytest.raises(QueryError, match="Update"):
        check_query_safety("LOAD <http://x/data.ttl>", allow_remote=True)
    check_query_safety("LOAD <http://x/data.ttl>", allow_remote=True, allow_update=True)


# ---------------------------------------------------------------- loading and resolving

def test_resolve_query(tmp_path, queries):
    text, query = resolve_query("posts")
    assert query == queries["posts"] and text == query.text
    path = tmp_path / "mine.rq"
    path.write_text("# title: Mine\nSELECT DISTINCT ?s WHERE { ?s ?p ?o }\n", encoding="utf-8")
    text, query = resolve_query(str(path))
    assert (query.name, query.title, query.path, query.params) == ("mine", "Mine", path, ())
    literal = "SELECT ?s WHERE { ?s ?p ?o }"
    assert resolve_query(literal) == (literal, None)
    with pytest.raises(QueryError, match="no named query 'post'; known: articles, copresence"):
        resolve_query("post")
    with pytest.raises(QueryError, match="not found"):
        resolve_query(str(tmp_path / "missing.rq"))


@pytest.mark.parametrize("header, message", [
    ("# description: no title\n", "no title"),
    ("# title: t\n# param: who optional\n", "bad parameter line"),
    ("# title: t\n# param: who  (sometimes) x\n", "bad parameter line"),
    ("# title: t\n# param: nobody  (optional) x\n", "never uses"),
])
def test_bad_headers(tmp_path, header, message):
    (tmp_path / "bad.rq").write_text(header + "SELECT DISTINCT ?s WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(QueryError, match=message) as err:
        load_named_queries(tmp_path)
    assert "bad.rq" in str(err.value)


def test_description_continuation_lines(queries):
    assert queries["posts"].description.endswith("the sentence that attests it and the article (its URL, else its id).")


# ---------------------------------------------------------------- formats

SAMPLE = QueryResult(["name", "text"], [("Winarto", "a\tb\nc, \"d\""), ("Fakhrian Noor", None), ("x", "y" * 100)])


def test_format_csv_and_tsv():
    assert list(csv.reader(io.StringIO(format_result(SAMPLE, "csv")))) == [
        ["name", "text"], ["Winarto", "a\tb\nc, \"d\""], ["Fakhrian Noor", ""], ["x", "y" * 100]]
    assert format_result(SAMPLE, "tsv").splitlines() == [
        "name\ttext", "Winarto\ta\\tb\\nc, \"d\"", "Fakhrian Noor\t", "x\t" + "y" * 100]


def test_format_json():
    assert json.loads(format_result(SAMPLE, "json"))[:2] == [
        {"name": "Winarto", "text": "a\tb\nc, \"d\""}, {"name": "Fakhrian Noor", "text": None}]
    assert json.loads(format_result(QueryResult(["boolean"], [("true",)], True), "json")) == {"boolean": True}


def test_format_table():
    lines = format_result(SAMPLE, "table").splitlines()
    assert lines[0].split() == ["name", "text"] and set(lines[1]) == {"-", " "}
    assert lines[1].index("  -") + 2 == lines[0].index("text") == lines[2].index("a b c")  # aligned, one line
    assert lines[4].endswith("y" * (MAX_CELL - 1) + "…") and lines[-1] == "(3 rows)"
    with pytest.raises(QueryError, match="unknown output format 'xml'"):
        format_result(SAMPLE, "xml")


def test_format_named_query_result(seed_store, queries):
    result = run_query(seed_store, queries["copresence"].text, {"person_name": "fakhrian noor"})
    lines = format_result(result, "csv").splitlines()
    assert lines[0] == "person_a,person_b,articles" and "Fakhrian Noor,Winarto,1" in lines[1:]


# ---------------------------------------------------------------- pages and optional lookups

PAGED = ("articles", "copresence", "events", "institutions", "places", "post-holders", "posts", "provenance",
         "quotes", "timeline")


def test_listings_are_paged(queries):
    assert {name for name, q in queries.items() if page_size(q.text)} == set(PAGED)
    assert all(page_size(queries[name].text) == 100 for name in PAGED)


def in_order(rows: list[tuple]) -> list[tuple]:
    return sorted(rows, key=lambda row: tuple("" if v is None else v for v in row))


@pytest.mark.parametrize("name, bindings", [("events", {}), ("quotes", {}), ("provenance", {}), ("places", {}),
                                            ("provenance", {"person_name": WINARTO}),
                                            ("timeline", {"person_name": WINARTO})])
@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_pages_partition_every_row(request, queries, engine, name, bindings):
    """Pages of 2 rows, one after another, give every row of the query once, as --all does;
    rows past the end give an empty page. (Rows tied in the order may fall differently per engine.)"""
    store = request.getfixturevalue("seed_store" if engine == "oxigraph" else "seed_dataset")
    text = queries[name].text
    every = run_query(store, text, bindings, page=ALL_ROWS).rows
    assert len(every) > 4, f"{name}: too few rows on the seeds to test pages"
    pages = [run_query(store, text, bindings, page=Page(offset=o, size=2)).rows for o in range(0, len(every) + 2, 2)]
    assert in_order(run_query(store, text, bindings, page=Page(size=len(every) * 2)).rows) == in_order(every)
    assert pages[-1] == [] and in_order([row for page in pages for row in page]) == in_order(every)


def test_listing_order_runs_over_pages(dated_store, queries):
    """Newest first across pages, not only within one: the page is cut after ordering."""
    dates = [row["published"] for row in rows_as_dicts(dated_store, queries["articles"])]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) == 2
    first = run_query(dated_store, queries["articles"].text, page=Page(size=1)).rows
    assert first[0][1] == max(dates)


def test_chunks_fetch_every_row(seed_store, queries, monkeypatch):
    import kg.graph.sparql

    monkeypatch.setattr(kg.graph.sparql, "CHUNK", 3)
    every = run_query(seed_store, queries["quotes"].text, page=ALL_ROWS).rows
    monkeypatch.setattr(kg.graph.sparql, "CHUNK", 10_000)
    assert sorted(every) == sorted(run_query(seed_store, queries["quotes"].text, page=ALL_ROWS).rows)


def test_optional_lookup_lines_are_dropped_unless_given():
    text = "SELECT ?a ?k WHERE {\n  ?a <http://x/key> ?k .  # if k\n  ?a <http://x/p> ?b .\n}\nLIMIT 5 OFFSET 0  # page\n"
    assert "<http://x/key>" not in prepare(text, [])
    assert "<http://x/key> ?k .  # if k" in prepare(text, ["k"])
    assert "LIMIT 7 OFFSET 14\n" in prepare(text, [], Page(offset=14, size=7))
    assert prepare(text, [], Page()).endswith("LIMIT 5 OFFSET 0\n")
    with pytest.raises(QueryError, match="size >= 1"):
        prepare(text, [], Page(size=0))


def test_copresence_counts_articles_once_on_both_engines(queries):
    """Two articles naming the same two persons: 2 articles, though each label sits in both graphs
    (the union of named graphs matches it twice)."""
    from kg.nlp.extract import extract
    from kg.records import Article

    text = ("Banjarmasin - Ketua KPU Kalimantan Selatan Andi Wirawan dan Gubernur Kalimantan Selatan Sahbirin "
            "Noor menghadiri rapat pleno, Senin. Andi Wirawan mengatakan rapat itu lancar.")
    store = pyoxigraph.Store()
    replace_graphs(store, (article_graph(extract(Article(f"copresence-{n}", text))) for n in (1, 2)))
    for engine in (store, dataset_of(store)):
        rows = rows_as_dicts(engine, queries["copresence"], {"person_name": "andi wirawan"})
        assert {(r["person_b"], r["articles"]) for r in rows} == {("Sahbirin Noor", "2")}


def test_a_former_post_is_no_holding_on_the_date_the_article_attests(queries):
    """"mantan Ketua KPK": the person held the post before the article; the posts query marks it, the
    timeline calls it a former post, and no month of the article lists him as its holder."""
    from kg.nlp.extract import extract
    from kg.records import Article

    text = ("Jakarta - Mantan Ketua KPK Agus Rahardjo menghadiri diskusi di Jakarta, Senin. Ketua KPU Hasyim "
            "Asy'ari juga hadir. \"Pemilu harus bersih dari politik uang,\" kata Agus Rahardjo.")
    facts = extract(Article("former-post", text, published=date(2023, 5, 8)))
    name, graph = article_graph(facts)
    former = list(graph.subjects(rdflib.RDF.type, rdflib.URIRef("https://w3id.org/pemilu-kg/ontology#FormerMembership")))
    assert len(former) == 1
    # a membership all the same, as the reference gold counts it, but no holding on the article's date
    assert (former[0], rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/org#Membership")) in graph
    assert not list(graph.objects(former[0], rdflib.URIRef("https://w3id.org/pemilu-kg/ontology#attestedOn")))
    store = pyoxigraph.Store()
    replace_graphs(store, [(name, graph)])
    posts = {(r["person"], r["role"], r["qualifier"], r["attested"])
             for r in rows_as_dicts(store, queries["posts"], {})}
    assert ("Agus Rahardjo", "Ketua", "former", None) in posts
    assert ("Hasyim Asy'ari", "Ketua", None, "2023-05-08") in posts
    timeline = rows_as_dicts(store, queries["timeline"], {"person_name": "Agus Rahardjo"})
    assert {r["kind"] for r in timeline} == {"former post", "quote"}
    holders = rows_as_dicts(store, queries["post-holders"], {"role": "Ketua", "month": "2023-05"})
    assert {r["person"] for r in holders} == {"Hasyim Asy'ari"}


def test_officials_of_a_province_leave_out_who_held_a_post_there_before(queries):
    from kg.nlp.extract import extract
    from kg.records import Article

    text = ("Banjarmasin - Mantan Kapolda Kalimantan Selatan Irjen Pol Rachmat Mulyana hadir di Banjarmasin, Senin. "
            "Ketua KPU Tapin Fakhrian Noor juga hadir.")
    store = pyoxigraph.Store()
    replace_graphs(store, [article_graph(extract(Article("former-official", text, published=date(2023, 5, 8))))])
    posts = {(r["person"], r["qualifier"]) for r in rows_as_dicts(store, queries["posts"], {})}
    assert ("Rachmat Mulyana", "former") in posts
    officials = {r["person"] for r in rows_as_dicts(store, queries["officials-in-province"],
                                                    {"province": "Kalimantan Selatan"})}
    assert officials == {"Fakhrian Noor"}
