"""Named queries on a two-article fixture, on pyoxigraph and on rdflib.

EXPECTED holds every expectation about the data, one entry per named query: the bindings, the
result columns looked at, and the exact rows (as a multiset) over those columns. To test against
another graph (e.g. one built from the seed articles), change DATA and EXPECTED only.
"""
from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pyoxigraph
import pytest
import rdflib

from kg.query import (
    MAX_CELL,
    NamedQuery,
    QueryError,
    QueryResult,
    check_query_safety,
    default_queries_dir,
    format_result,
    load_named_queries,
    resolve_query,
    run_query,
)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*")  # rdflib's own internals

DATA = Path(__file__).parent / "data" / "query_sample.trig"
A1 = "https://news.example.id/antara/e3d696af9c73c6e7"  # Rantau, Tapin: Winarto, Fakhrian Noor
A2 = "https://news.example.id/antara/673190b6f8a3f2cf"  # Banjarmasin: Nurul Fajar Desira
ID = "https://w3id.org/pemilu-kg/id/"
WINARTO, FAKHRIAN, NURUL = "Winarto", "Fakhrian Noor", "Nurul Fajar Desira"
ASISTEN = "Asisten II Bidang Pemerintahan dan Kesra"
KALSEL, TAPIN, BANJARMASIN = "Kalimantan Selatan", "Kabupaten Tapin", "Kota Banjarmasin"
DEKLARASI, RAKOR = "deklarasi pilkada damai", "Rakor Penyelenggara Pemilu Wilayah III"

# query name -> [(bindings, columns, rows)]
EXPECTED: dict[str, list[tuple[dict[str, str], tuple[str, ...], list[tuple]]]] = {
    "posts": [
        ({}, ("person", "role", "institution", "rank", "attested"), [
            (WINARTO, "Kapolda", "Polda Kalimantan Selatan", "Irjen Pol", "2024-09-24"),
            (FAKHRIAN, "Ketua", "KPU Tapin", None, "2024-09-24"),
            (NURUL, ASISTEN, "Setda Kalimantan Selatan", None, "2023-11-29"),
        ]),
        ({"person_name": "irjen pol winarto"}, ("person", "article"), [(WINARTO, A1)]),
        ({"person_name": "Fajar"}, ("person", "institution", "article"), [(NURUL, "Setda Kalimantan Selatan", A2)]),
    ],
    "officials-in-province": [
        ({"province": KALSEL}, ("person", "institution", "area"), [
            (WINARTO, "Polda Kalimantan Selatan", KALSEL),
            (FAKHRIAN, "KPU Tapin", TAPIN),
            (NURUL, "Setda Kalimantan Selatan", KALSEL),
        ]),
        ({"province": "kalsel"}, ("person",), [(WINARTO,), (FAKHRIAN,), (NURUL,)]),
        ({"province": "Tapin"}, ("person", "role"), [(FAKHRIAN, "Ketua")]),
    ],
    "events": [
        ({}, ("date", "event", "type", "location", "within", "article"), [
            ("2024-09-24", DEKLARASI, "declaration", "Rantau", TAPIN, A1),
            ("2023-11-29", RAKOR, "meeting", BANJARMASIN, KALSEL, A2),
        ]),
        ({"place_name": "Tapin"}, ("event",), [(DEKLARASI,)]),
        ({"place_name": "banjarmasin"}, ("event",), [(RAKOR,)]),
    ],
    "quotes": [
        ({}, ("speaker", "event", "article"), [
            (WINARTO, DEKLARASI, A1), (WINARTO, None, A1), (FAKHRIAN, None, A1),
            (NURUL, RAKOR, A2), (NURUL, None, A2), (NURUL, None, A2),
        ]),
        ({"word": "netral"}, ("speaker", "role", "article"), [(WINARTO, "Kapolda", A1)]),
        ({"word": "NETRAL"}, ("speaker",), [(WINARTO,)]),
        ({"word": "kondusif"}, ("speaker",), [(WINARTO,), (NURUL,)]),
        ({"word": "kondusif", "person_name": "fajar"}, ("speaker", "published"), [(NURUL, "2023-11-29")]),
    ],
    "provenance": [
        ({}, ("kind", "article"), [("membership", A1)] * 2 + [("quotation", A1)] * 6 + [("event", A1)] * 2
         + [("membership", A2)] + [("quotation", A2)] * 3 + [("event", A2)] * 2),
        ({"person_name": "Fakhrian"}, ("kind", "article", "begin", "end", "confidence"), [
            ("membership", A1, "1567", "1822", "0.85"),
            ("quotation", A1, "2170", "2303", "0.8"),
            ("quotation", A1, "2304", "2441", "0.8"),
        ]),
    ],
    "timeline": [
        ({"person_name": "Winarto"}, ("date", "kind", "detail"), [
            ("2024-09-24", "post", "Polda Kalimantan Selatan"),
            ("2024-09-24", "quote", DEKLARASI),
            ("2024-09-24", "quote", None),
            ("2024-09-24", "event", "Rantau"),
        ]),
        ({"person_name": "fakhrian noor"}, ("kind", "what"), [
            ("post", "Ketua"),
            ("quote", "Semua pihak menyatakan komitmen mereka untuk menjaga kedamaian, menandakan harapan akan "
                      "demokrasi yang stabil di Kalimantan Selatan. Ikrar bersama ini menjadi simbol harapan bagi "
                      "semua pihak untuk menjadikan pilkada sebagai ajang positif bagi masyarakat"),
        ]),
    ],
    "institutions": [
        ({}, ("province", "region", "institution", "type"), [
            (KALSEL, TAPIN, "KPU Tapin", "kpu"),
            (KALSEL, KALSEL, "Polda Kalimantan Selatan", "polda"),
            (KALSEL, KALSEL, "Setda Kalimantan Selatan", "setda"),
            (KALSEL, KALSEL, "Pemerintah Provinsi Kalimantan Selatan", "pemprov"),
        ]),
        ({"region_name": "Tapin"}, ("institution",), [("KPU Tapin",)]),
        ({"region_name": BANJARMASIN}, ("institution",), []),
    ],
    "copresence": [
        ({}, ("person_a", "person_b", "articles"), [(FAKHRIAN, WINARTO, "1")]),
    ],
    "places": [
        ({}, ("place", "type", "code", "within", "articles"), [
            (KALSEL, "provinsi", "63", None, "2"),
            (TAPIN, "kabupaten", "63.05", KALSEL, "1"),
            ("Rantau", None, None, TAPIN, "1"),
            (BANJARMASIN, "kota", "63.71", KALSEL, "1"),
        ]),
    ],
    "elections": [
        ({}, ("election", "date", "articles"), [("Pilkada 2024", "2024-11-27", "1"), ("Pemilu 2024", None, "1")]),
    ],
    "articles": [
        ({}, ("article", "published", "dateline", "memberships", "quotes", "events"), [
            (A1, "2024-09-24", "Rantau", "2", "3", "2"),
            (A2, "2023-11-29", BANJARMASIN, "1", "3", "2"),
        ]),
    ],
}
CASES = [(name, bindings, columns, rows) for name, cases in EXPECTED.items() for bindings, columns, rows in cases]
CASE_IDS = [f"{name}-{'-'.join(f'{k}={v}' for k, v in b.items()) or 'all'}" for name, b, _, _ in CASES]


@pytest.fixture(scope="module")
def store() -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.load(path=str(DATA), format=pyoxigraph.RdfFormat.TRIG)
    return store


@pytest.fixture(scope="module")
def dataset() -> rdflib.Dataset:
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(DATA, format="trig")
    return dataset


@pytest.fixture(scope="module")
def queries() -> dict[str, NamedQuery]:
    return load_named_queries()


def project(name: str, result: QueryResult, columns: tuple[str, ...]) -> Counter:
    missing = set(columns) - set(result.columns)
    assert not missing, f"{name} has no column(s) {missing}; it has {result.columns}"
    index = [result.columns.index(c) for c in columns]
    return Counter(tuple(row[i] for i in index) for row in result.rows)


# ---------------------------------------------------------------- the named queries

def test_named_queries_have_headers_and_expectations(queries):
    assert len(queries) >= 8
    assert set(queries) == set(EXPECTED), "every named query needs an entry in EXPECTED"
    for name, query in queries.items():
        assert query.name == name and query.path == default_queries_dir() / f"{name}.rq"
        assert query.title and query.description, name
        check_query_safety(query.text)
        select = query.text.upper()
        assert "SELECT DISTINCT" in select or "COUNT(DISTINCT" in select, f"{name}: union graph needs DISTINCT"


def test_declared_parameters(queries):
    declared = {name: {(p.name, p.required) for p in q.params} for name, q in queries.items()}
    assert declared["officials-in-province"] == {("province", True)}
    assert declared["timeline"] == {("person_name", True)}
    assert declared["quotes"] == {("word", False), ("person_name", False)}
    assert declared["posts"] == declared["provenance"] == {("person_name", False)}
    assert declared["events"] == {("place_name", False)}


@pytest.mark.parametrize("name, bindings, columns, rows", CASES, ids=CASE_IDS)
def test_query_rows(store, queries, name, bindings, columns, rows):
    result = run_query(store, queries[name].text, bindings)
    assert len(result.rows) == len(set(result.rows)), f"{name}: a row repeats (missing DISTINCT?)"
    assert not set(bindings) & set(result.columns), "parameter columns are hidden"
    assert project(name, result, columns) == Counter(rows)


@pytest.mark.parametrize("name, bindings, columns, rows", CASES, ids=CASE_IDS)
def test_rdflib_gives_the_same_rows(store, dataset, queries, name, bindings, columns, rows):
    on_oxigraph = run_query(store, queries[name].text, bindings)
    on_rdflib = run_query(dataset, queries[name].text, bindings)
    assert on_rdflib.columns == on_oxigraph.columns
    assert Counter(on_rdflib.rows) == Counter(on_oxigraph.rows)


def test_fixture_repeats_shared_nodes_across_graphs(store):
    """Without DISTINCT the union default graph repeats a fact once per graph holding it."""
    assert len(list(store.named_graphs())) == 2
    text = "SELECT ?l WHERE { <%splace/63> <http://www.w3.org/2000/01/rdf-schema#label> ?l }" % ID
    assert run_query(store, text).rows == [(KALSEL,), (KALSEL,)]
    assert run_query(store, text.replace("SELECT", "SELECT DISTINCT")).rows == [(KALSEL,)]


def test_posts_evidence_sentence(store, queries):
    [row] = run_query(store, queries["posts"].text, {"person_name": "Winarto"}).rows
    sentence = dict(zip(run_query(store, queries["posts"].text).columns, row))["sentence"]
    assert sentence.startswith("Rantau, Tapin (ANTARA) - Kapolda Kalimantan Selatan (Kalsel) Irjen Pol Winarto")


# ---------------------------------------------------------------- bindings

@pytest.mark.parametrize("value", ['"', '"} ; DROP ALL ; #', "x\") } UNION { ?s ?p ?o } #", "Winarto' || true || '"])
def test_hostile_values_stay_values(store, dataset, queries, value):
    size = len(store)
    for backend in (store, dataset):
        assert run_query(backend, queries["quotes"].text, {"word": value}).rows == []
        assert run_query(backend, queries["posts"].text, {"person_name": value}).rows == []
        assert run_query(backend, queries["officials-in-province"].text, {"province": value}).rows == []
    assert len(store) == size


def test_undeclared_and_missing_parameters(store, queries):
    with pytest.raises(QueryError, match=r"unknown parameter\(s\) person.*declared parameters: word \(optional\), "
                                         r"person_name \(optional\)"):
        run_query(store, queries["quotes"].text, {"person": "Winarto"})
    with pytest.raises(QueryError, match="missing required parameter.*province"):
        run_query(store, queries["officials-in-province"].text)
    with pytest.raises(QueryError, match="declared parameters: none"):
        run_query(store, "SELECT ?s WHERE { ?s ?p ?o }", {"s": "x"})


IRI_QUERY = """# title: Label of a node
# param: node  (required, iri) the node's IRI
SELECT DISTINCT ?label ?node WHERE { ?node <http://www.w3.org/2000/01/rdf-schema#label> ?label }
"""


def test_iri_parameter(store, dataset):
    for backend in (store, dataset):
        result = run_query(backend, IRI_QUERY, {"node": ID + "person/winarto"})
        assert (result.columns, result.rows) == (["label"], [(WINARTO,)])
    for backend in (store, dataset):
        with pytest.raises(QueryError, match="takes an IRI, and 'not an iri' is not one"):
            run_query(backend, IRI_QUERY, {"node": "not an iri"})


def test_unprojected_parameter_is_explained(store):
    text = ("# title: t\n# param: who  (optional) x\n"
            "SELECT DISTINCT ?p WHERE { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?who }")
    with pytest.raises(QueryError, match="add the parameter variable to the SELECT list"):
        run_query(store, text, {"who": WINARTO})


def test_ask_and_construct(store, dataset):
    ask = "# title: t\n# param: name  (required) x\nASK { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?name }"
    for backend in (store, dataset):
        assert run_query(backend, ask, {"name": WINARTO}).boolean is True
        assert run_query(backend, ask, {"name": "Nobody"}).boolean is False
    construct = ("CONSTRUCT { ?p <urn:x:name> ?l } WHERE { ?p a <https://schema.org/Person> ; "
                 "<http://www.w3.org/2000/01/rdf-schema#label> ?l }")
    result = run_query(store, construct)
    assert result.columns == ["subject", "predicate", "object"]
    assert {row[2] for row in result.rows} == {WINARTO, FAKHRIAN, NURUL}


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
def test_unsafe_queries_are_refused(store, text, clause):
    with pytest.raises(QueryError, match=f"refused: {clause} "):
        check_query_safety(text)
    with pytest.raises(QueryError, match=f"refused: {clause} "):
        run_query(store, text)


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
    assert queries["posts"].description.endswith("the sentence that attests it and the article.")


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


def test_format_named_query_result(store, queries):
    result = run_query(store, queries["copresence"].text)
    assert format_result(result, "csv") == "person_a,person_b,articles\nFakhrian Noor,Winarto,1\n"
