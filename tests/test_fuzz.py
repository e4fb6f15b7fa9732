"""Property-based tests (hypothesis) of the readers, the extractor and the RDF mapping: no crash,
nothing dropped in silence, and every graph serializes, parses back the same and conforms to
ontology/shapes.ttl.

Few examples here so the suite stays fast; `bench/fuzz_bench.py` runs the same properties with
KG_FUZZ_{PROPERTY} set high (≥ 10,000 examples in all) and writes bench/FUZZ_RESULTS.md.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.ingest.readers import MAX_ARTICLE_CHARS, read_articles
from kg.nlp.extract import extract
from kg.problems import Problem
from kg.rdf.mapping import article_graph
from kg.records import (Article, ArticleFacts, Entity, EventFacts, Kind, Membership, Mention, Quotation, Role,
                        Sentence)
from kg.graph.embedded import graph_to_nquads
from kg.validate import validate_article_graph

RUNS: Counter[str] = Counter()  # examples run per property (read by bench/fuzz_bench.py)


def fuzz(name: str, examples: int = 40):
    """Settings of one property: `examples` in the test suite, the same every run; the bench sets
    KG_FUZZ_{NAME} to run more, with fresh random examples."""
    env = os.environ.get(f"KG_FUZZ_{name.upper()}")
    return settings(max_examples=int(env or examples), deadline=None, derandomize=env is None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


# ---------- strategies: news-like Indonesian text

NAMES = st.sampled_from(["Fakhrian Noor", "Winarto", "Aries Mardiono", "H. Muhammad Rusli", "Syarifuddin",
                         "M Hasan", "Al-Farisi", "O'Neil", "Sahbirin Noor", "Roy Rizali Anwar"])
WORD = st.from_regex(r"[A-Z][a-z]{1,10}", fullmatch=True)
FRAGMENTS = st.sampled_from([
    "Rantau, Tapin (ANTARA) - ", "Banjarmasin (ANTARA) - ", "PEKANBARU - ", "DENPASAR, BALIPOST.com – ",
    "Jakarta, (ANTARA) -", "(ANTARA)", " - ", "Ketua KPU Tapin", "Kapolda Kalsel Irjen Pol", "Ketua Bawaslu Kalsel",
    "Pj Gubernur", "Plt Bupati", "mantan Ketua", "Bupati Tapin", "Asisten II Bidang Ekonomi Setda Kalsel",
    "Komisi Pemilihan Umum (KPU) Provinsi Kalimantan Selatan", "Polda Kalsel", "KPU", "Bawaslu", "DPRD",
    "selaku", "Ketua DPRD", "Kabupaten Tapin", "Kalimantan Selatan", "Kecamatan Tapin Utara", "Desa Suato",
    "Kalsel", "HST", "di Rantau", "di Banjarmasin", "Selasa (24/9/2024)", "27 November", "(13/2)", "(31/2/2024)",
    "(32/13)", "Senin", "Jumat (6/12)", "9 Desember 2020", "Minggu, 5 Januari 2025", "deklarasi pilkada damai",
    "rapat pleno", "Pilkada 2024", "Pemilu 2024", "Pilgub Kalsel 2024", "Pilkada Serentak 2024", "debat publik",
    "kata", "ujarnya", "ujar dia", "kata Winarto", "Menurut", "mengatakan", "menegaskan bahwa", "dia", "ia",
    "“", "”", "\"", "«", "»", "„", "'", "’", ",", ".", "\n", " ", "(", ")", "-", "—", "/", ":", ";", "?", "!",
    "yang", "dan", "di", "pada", "untuk", "dengan", "13 kabupaten/kota", "Irjen Pol", "AKBP", "H.", "Hj.", "Dr.",
])
# long tokens; runs of punctuation stay short: spaCy's tokenizer is quadratic in them (26 s for 4,000
# hyphens), which kg.ingest.readers.check_article guards against by shortening them to 100
LONG_TOKEN = st.one_of(st.builds(lambda s, n: s * n, st.sampled_from(["a", "Ketua", "KPU", "x-", "“a”", "A."]),
                                 st.integers(50, 2000)),
                       st.builds(lambda s, n: s * n, st.sampled_from(["“", ".", "-", "!", "”"]), st.integers(50, 100)))
PIECE = st.one_of(FRAGMENTS, FRAGMENTS, FRAGMENTS, NAMES, WORD, st.text(max_size=12), LONG_TOKEN)

POST = st.one_of(st.sampled_from([
    "Ketua KPU Tapin", "Kapolda Kalsel", "Ketua Bawaslu Provinsi Kalimantan Selatan", "Bupati Tapin",
    "Pj Gubernur Kalsel", "Sekretaris Daerah Kalsel", "Plt Ketua KPU Banjar", "mantan Kapolres Tapin",
    "Ketua DPRD Kalsel", "Anggota KPU Kalsel", "Kapolres Tapin", "Wakil Bupati Hulu Sungai Tengah",
    "Ketua KPU", "Kapolda", "Ketua Komisi Pemilihan Umum (KPU) Kabupaten Tapin", "Danrem 101/Antasari"]),
    st.builds("Ketua {} {}".format, WORD, WORD))
RANK = st.sampled_from(["", "", "Irjen Pol ", "AKBP ", "H. ", "Dr. ", "Kombes Pol ", "Hj. "])
PERSON = st.one_of(NAMES, NAMES, st.builds("{} {}".format, WORD, WORD),
                   st.text(st.characters(categories=["L"]), min_size=1, max_size=15))
CLAUSE = st.one_of(st.sampled_from([
    "pihaknya siap mengawal tahapan pilkada", "semua pihak harus menjaga netralitas",
    "logistik pemilu sudah tiba di 13 kabupaten/kota", "kami berharap pilkada berjalan damai",
    "pengawasan kampanye diperketat", "ASN harus netral", ""]), st.text(max_size=40))
EVENT = st.sampled_from(["deklarasi pilkada damai", "rapat pleno terbuka", "debat publik", "kampanye",
                         "pelantikan", "rakor", "apel siaga"])
ELECTION = st.sampled_from(["Pilkada 2024", "Pilkada Serentak 2024", "Pilgub Kalsel 2024", "Pemilu 2024",
                            "Pilbup Tapin 2024", "Pilkada"])
PLACE = st.one_of(st.sampled_from(["Rantau", "Kabupaten Tapin", "Banjarmasin", "Kecamatan Tapin Utara",
                                   "Desa Suato", "Kalsel", "HST", "Kalimantan Selatan", "Kota Banjarbaru"]), WORD)
DATE = st.sampled_from(["Selasa (24/9/2024)", "27 November", "(13/2)", "(31/2/2024)", "(32/13)", "Senin",
                        "Minggu, 5 Januari 2025", "31 Februari", "29 Februari 2023", "(0/0/0000)", "Jumat (6/12)",
                        "9 Desember 2020", "Rabu"])
SENTENCE = st.one_of(
    st.builds("{}{}{}{} mengatakan {}.".format, st.sampled_from(["", "Rantau, Tapin (ANTARA) - "]), POST,
              st.just(" "), st.builds("{}{}".format, RANK, PERSON), CLAUSE),
    st.builds("“{},” kata {}.".format, CLAUSE, PERSON),
    st.builds("“{},” kata {} {}{}.".format, CLAUSE, POST, RANK, PERSON),
    st.builds("“{},” ujarnya.".format, CLAUSE),
    st.builds("{}, {}, menegaskan bahwa {}.".format, PERSON, POST, CLAUSE),
    st.builds("Menurut {} {}, {}.".format, POST, PERSON, CLAUSE),
    st.builds("{} {}{} hadir pada {} {} di {}, {}.".format, POST, RANK, PERSON, EVENT, ELECTION, PLACE, DATE),
    st.builds("{} {} digelar di {} {}.".format, EVENT, ELECTION, PLACE, DATE),
    st.builds("{} selaku {} {}.".format, PERSON, POST, CLAUSE),
    st.builds("“{}, kata {}.".format, CLAUSE, PERSON),  # unbalanced quotation marks
    st.builds("{}” ujar {}.".format, CLAUSE, PERSON),
    st.builds("{} {} “{}".format, POST, PERSON, CLAUSE),
)
NEWS_TEXT = st.builds(lambda parts, seps: "".join(p + s for p, s in zip(parts, seps)),
                      st.lists(st.one_of(SENTENCE, SENTENCE, SENTENCE, PIECE), min_size=1, max_size=25),
                      st.lists(st.sampled_from([" ", " ", "\n", "\n", "", ". "]), min_size=25, max_size=25))
ANY_TEXT = st.text(min_size=1, max_size=2000)
ARTICLE_TEXT = st.one_of(NEWS_TEXT, ANY_TEXT).filter(lambda t: t.strip())
ARTICLE_ID = st.one_of(st.from_regex(r"[a-z0-9_]{1,20}", fullmatch=True), st.text(min_size=1, max_size=30))
OPTIONAL_TEXT = st.one_of(st.none(), st.text(max_size=40))


def _check_graph(name, graph: Graph) -> None:
    """Serializes to N-Quads and TriG, parses back to the same graph, and conforms to the shapes."""
    nquads = graph_to_nquads(name, graph)
    assert len(list(ox.parse(nquads, ox.RdfFormat.N_QUADS))) == len(graph)
    back = Dataset()
    back.parse(data=nquads.decode("utf-8"), format="nquads")
    assert isomorphic(back.graph(name), graph)
    ds = Dataset()
    ds.graph(name).__iadd__(graph)
    trig = Dataset()
    trig.parse(data=ds.serialize(format="trig"), format="trig")
    assert isomorphic(trig.graph(name), graph)
    violations = validate_article_graph(graph)
    assert violations == [], "\n".join(map(str, violations))


def _check_facts(facts: ArticleFacts) -> None:
    text = facts.article.text
    for s in facts.sentences:
        assert 0 <= s.start <= s.end <= len(text) and text[s.start:s.end] == s.text
    for e in facts.entities:
        assert e.label.strip(), e
        for m in e.mentions:
            assert text[m.start:m.end] == m.text and 0 <= m.sentence < len(facts.sentences)
    for fact in (*facts.memberships, *facts.quotations, *facts.events):
        assert 0 <= fact.sentence < len(facts.sentences) and 0 <= fact.confidence <= 1


# ---------- the extractor and the mapping on text


@fuzz("extract", 30)
@given(text=ARTICLE_TEXT, article_id=ARTICLE_ID, published=st.one_of(st.none(), st.dates()),
       title=OPTIONAL_TEXT, url=OPTIONAL_TEXT)
def test_extract_and_map_any_text(text, article_id, published, title, url):
    RUNS["extract"] += 1
    facts = extract(Article(article_id, text, url=url or None, title=title or None, published=published,
                            source="fuzz", metadata=(("k", text[:20]),)))
    _check_facts(facts)
    _check_graph(*article_graph(facts))


# ---------- the mapping on fact records (what the extractor promises: keys are slugs, references resolve)

SLUG = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
CODE = st.from_regex(r"[1-9][0-9](\.[0-9]{2}(\.[0-9]{2}(\.[12][0-9]{3})?)?)?", fullmatch=True)
CONFIDENCE = st.floats(0, 1, allow_nan=False)
MONTH_DAY = st.dates(date(2024, 1, 1), date(2024, 12, 31)).map(lambda d: d.strftime("--%m-%d"))


@st.composite
def article_facts(draw) -> ArticleFacts:
    text = draw(st.text(min_size=1, max_size=300))
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=5)) | {0, len(text)})
    sentences = tuple(Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(zip(cuts, cuts[1:]))) or \
        (Sentence(0, 0, len(text), text),)
    sentence = st.integers(0, len(sentences) - 1)

    def mention():
        s = sentences[draw(sentence)]
        return Mention(s.start, s.end, s.text, s.index)

    kinds = {Kind.PERSON: "person", Kind.ORGANIZATION: "org", Kind.PLACE: "place", Kind.EVENT: "event"}
    entities: dict[str, Entity] = {}
    for kind in draw(st.lists(st.sampled_from(list(kinds)), min_size=1, max_size=8)):
        key = f"{kinds[kind]}:{draw(SLUG)}"
        places = [k for k, e in entities.items() if e.kind is Kind.PLACE]
        entities[key] = Entity(
            key, kind, draw(st.text(min_size=1, max_size=30).filter(str.strip)),
            tuple(draw(st.lists(st.text(max_size=20), max_size=2))),
            tuple(mention() for _ in range(draw(st.integers(0, 2)))),
            subtype=draw(st.one_of(st.none(), st.sampled_from(["kabupaten", "kpu", "election", "meeting"]))),
            code=draw(st.one_of(st.none(), CODE)) if kind is Kind.PLACE else None,
            within=draw(st.one_of(st.none(), st.sampled_from(places))) if places and kind is Kind.PLACE else None,
            area=draw(st.one_of(st.none(), st.sampled_from(places))) if places and kind is not Kind.PLACE else None,
            level=draw(st.one_of(st.none(), st.sampled_from(["national", "province"]))),
            identity=draw(st.one_of(st.none(), st.text(max_size=20))))
    of = {kind: [k for k, e in entities.items() if e.kind is kind] for kind in kinds}
    role = st.builds(Role, SLUG.map(lambda s: f"role:{s}"), st.text(min_size=1, max_size=20).filter(str.strip),
                     st.lists(st.text(max_size=20), max_size=2).map(tuple))
    memberships, quotations, events = {}, [], []
    if of[Kind.PERSON]:
        for _ in range(draw(st.integers(0, 3))):
            m = Membership(
                draw(st.sampled_from(of[Kind.PERSON])), draw(role),
                draw(st.one_of(st.none(), st.sampled_from(of[Kind.ORGANIZATION]))) if of[Kind.ORGANIZATION] else None,
                draw(sentence), mention(), rank=draw(st.one_of(st.none(), st.text(max_size=10))),
                qualifier=draw(st.sampled_from([None, "acting", "former"])), confidence=draw(CONFIDENCE))
            # one membership per (person, role, organization, qualifier), as the extractor makes them:
            # its IRI is minted from those, so a second one would give the node two confidences
            memberships.setdefault((m.person, m.role.key, m.organization, m.qualifier), m)
        for _ in range(draw(st.integers(0, 3))):
            quotations.append(Quotation(
                draw(st.sampled_from(of[Kind.PERSON])), draw(st.text(min_size=1, max_size=60).filter(str.strip)),
                draw(sentence), mention(), draw(st.booleans()), draw(st.one_of(st.none(), role)),
                event=draw(st.one_of(st.none(), st.sampled_from(of[Kind.EVENT]))) if of[Kind.EVENT] else None,
                confidence=draw(CONFIDENCE)))
    for event in of[Kind.EVENT]:
        if draw(st.booleans()):
            events.append(EventFacts(
                event, draw(sentence), mention(),
                tuple(draw(st.lists(st.sampled_from(of[Kind.PLACE]), max_size=2))) if of[Kind.PLACE] else (),
                draw(st.one_of(st.none(), st.dates().map(date.isoformat), MONTH_DAY)),
                draw(st.one_of(st.none(), st.text(max_size=20))),
                tuple(draw(st.lists(st.sampled_from(of[Kind.PERSON] + of[Kind.ORGANIZATION]), max_size=2)))
                if of[Kind.PERSON] + of[Kind.ORGANIZATION] else (),
                confidence=draw(CONFIDENCE)))
    article = Article(draw(ARTICLE_ID), text, url=draw(OPTIONAL_TEXT), title=draw(OPTIONAL_TEXT),
                      published=draw(st.one_of(st.none(), st.dates())), source=draw(st.text(max_size=20)),
                      metadata=tuple(draw(st.lists(st.tuples(st.text(max_size=10), st.text(max_size=20)),
                                                   max_size=3))))
    return ArticleFacts(article, sentences, tuple(entities.values()), tuple(memberships.values()), tuple(quotations),
                        tuple(events), dateline_place=draw(st.one_of(st.none(), st.sampled_from(of[Kind.PLACE])))
                        if of[Kind.PLACE] else None, outlet=draw(OPTIONAL_TEXT))


@fuzz("mapping", 40)
@given(facts=article_facts())
def test_map_any_facts(facts):
    RUNS["mapping"] += 1
    _check_graph(*article_graph(facts))


# ---------- the readers on arbitrary files


JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                                     max_size=3), max_leaves=8)
RECORD = st.fixed_dictionaries({}, optional={"id": JSON_VALUE | ARTICLE_ID, "text": JSON_VALUE | ARTICLE_TEXT,
                                             "title": JSON_VALUE, "url": JSON_VALUE,
                                             "published": JSON_VALUE | st.dates().map(date.isoformat),
                                             "section": JSON_VALUE})
JSON_LINE = st.one_of(RECORD.map(json.dumps), RECORD.map(lambda r: json.dumps(r, ensure_ascii=False)),
                      RECORD.map(json.dumps).flatmap(lambda s: st.integers(0, len(s)).map(lambda n: s[:n])),
                      JSON_VALUE.map(json.dumps), st.text(max_size=60))


def _read(name: str, data: bytes) -> list[tuple[str, Article | Problem]]:
    """What the readers make of a file holding `data`, each item with its source relative to the file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, name)
        path.write_bytes(data)
        items = list(read_articles([path]))
    assert items, "a file gave neither an article nor a problem"
    for item in items:
        assert isinstance(item, (Article, Problem))
        assert item.source.startswith(str(path))
        if isinstance(item, Article):
            assert item.text.strip() and len(item.text) <= MAX_ARTICLE_CHARS
            assert not any("\ud800" <= c <= "\udfff" or c in "\x00\r" for c in item.text)
    return [(item.source.replace(str(path), "FILE", 1), item) for item in items]


@fuzz("readers_bytes", 100)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".jsonl", ".html"]))
def test_readers_on_arbitrary_bytes(data, suffix):
    RUNS["readers_bytes"] += 1
    _read("input" + suffix, data)


@fuzz("readers_unicode", 100)
@given(text=st.text(max_size=2000), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]),
       suffix=st.sampled_from([".txt", ".jsonl", ".html"]))
def test_readers_on_unicode_in_any_encoding(text, encoding, suffix):
    RUNS["readers_unicode"] += 1
    _read("input" + suffix, text.encode(encoding, errors="replace"))


@fuzz("readers_jsonl", 60)
@given(lines=st.lists(JSON_LINE.filter(lambda s: "\n" not in s and "\r" not in s), min_size=1, max_size=12))
def test_every_json_line_gives_an_article_or_a_problem(lines):
    """Each line that is not blank is accounted for: an article or a problem names it, or a problem
    names the whole file (empty, or binary: a NUL byte in its first 4 KB)."""
    RUNS["readers_jsonl"] += 1
    data = "\n".join(lines).encode("utf-8")
    items = _read("input.jsonl", data)
    named = {source for source, _ in items}
    filled = [n for n, line in enumerate(lines, start=1) if line.strip() and line.strip("\ufeff").strip()]
    if "FILE" in named:
        assert b"\x00" in data[:4096] or not filled, named
        return
    for n in filled:
        assert f"FILE:{n}" in named, (n, lines[n - 1], named)
