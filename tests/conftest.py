"""Shared fixtures: the seed articles, extracted once per test session, and their graph."""
from __future__ import annotations

from itertools import islice
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.graph.embedded import open_oxigraph, replace_graphs
from kg.ingest.readers import read_articles
from kg.nlp.extract import extract
from kg.rdf.mapping import article_graph

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def needs_shared(*parts: str) -> Path:
    """The path under ../shared, or skip the test with the reason when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is missing: this test needs the shared data folder beside the repository")
    return path


def quads_by_graph(store_path: Path) -> dict[str, frozenset]:
    """The triples of each named graph of the on-disk store at `store_path`, opened read-only."""
    store = open_oxigraph(Path(store_path), read_only=True)
    out: dict[str, set] = {}
    for q in store.quads_for_pattern(None, None, None, None):
        if not isinstance(q.graph_name, ox.DefaultGraph):  # the default graph is their union
            out.setdefault(q.graph_name.value, set()).add((q.subject, q.predicate, q.object))
    del store
    return {g: frozenset(t) for g, t in out.items()}


@pytest.fixture(scope="session")
def seed_facts():
    """Extraction of the two seeds, keyed by article id (the file name without extension)."""
    return {a.id: extract(a) for a in read_articles([SEEDS])}


@pytest.fixture(scope="session")
def seed_store(seed_facts):
    store = ox.Store()
    replace_graphs(store, (article_graph(f) for f in seed_facts.values()))
    return store


CORPUS_ARTICLES = 150  # the first ones of the shared news corpus: ~20 s to extract


@pytest.fixture(scope="session")
def corpus_store():
    """The graph of the first `CORPUS_ARTICLES` corpus articles (skips without ../shared)."""
    path = needs_shared("data", "clickid-news-articles", "clickid_articles.jsonl")
    store = ox.Store()
    replace_graphs(store, (article_graph(extract(a)) for a in islice(read_articles([path]), CORPUS_ARTICLES)))
    return store
