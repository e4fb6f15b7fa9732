"""The pieces of cross-validation by article (`kg.training.extraction.evaluate` runs it).

Each fold's articles are extracted in this process (one pipeline load, not one `kg build` per
article), mapped to RDF by the same mapping the build uses, and scored with `score_article` from
the shared `eval/score.py`, so a figure here is the figure the scorer would give.
"""
from __future__ import annotations

import importlib.util
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from rdflib import Dataset

from kg.errors import MissingInputError
from kg.rdf.mapping import article_graph
from kg.ingest.readers import article_from_record
from kg.problems import Problem
from kg.records import Article, ArticleFacts
from kg.training.gold import GoldArticle, GoldError


def load_scorer(eval_dir: Path) -> ModuleType:
    """The shared scorer as a module (it is a script beside the gold sets, not a package)."""
    path = Path(eval_dir) / "score.py"
    if not path.is_file():
        raise MissingInputError(f"no scorer at {path}: give the shared eval folder (--eval-dir)")
    spec = importlib.util.spec_from_file_location("pemilu_eval_score", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def folds(golds: Sequence[GoldArticle], k: int, seed: int) -> list[list[GoldArticle]]:
    """k folds of whole articles, shuffled with `seed`."""
    order = sorted(golds, key=lambda g: g.id)
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def gold_article(gold: GoldArticle) -> Article:
    """The article as the scorer hands it to a build: one JSON line, read by the build's own reader (which
    repairs the text: paragraphs a scraper joined with ", " are lines again, as `kg build` reads them)."""
    d = gold.data
    record = {"id": d["id"], "url": d.get("source_url"), "title": d.get("title"), "published": d.get("published"),
              "text": d["text"]}
    article = article_from_record(record, str(gold.path), d["id"])
    if isinstance(article, Problem):
        raise GoldError(f"{gold.path}: {article.message}")
    return article


def facts_dataset(facts: ArticleFacts) -> Dataset:
    ds = Dataset(default_union=True)
    name, g = article_graph(facts)
    named = ds.graph(name)
    for triple in g:
        named.add(triple)
    return ds
