"""`kg build`: articles → facts → one named graph per article → the store (and an output file).

Articles stream through in batches, so memory stays bounded; an article whose content hash is
already in the store is skipped unless forced; each article's graph replaces the earlier one.
A bad file or line is reported and the rest goes on.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.nlp.extract import extract_analysed
from kg.nlp.pipeline import analyse_many, load_pipeline, model_name
from kg.rdf import iris
from kg.rdf.mapping import article_graph, content_hash
from kg.readers import ReadProblem, read_articles
from kg.records import Article, ArticleFacts
from kg.store import StoreError, article_hashes, export, open_store, replace_graphs

BATCH = 64
LOCK_WAIT_SECONDS = 120


@dataclass
class BuildReport:
    built: int = 0
    skipped: int = 0
    problems: list[ReadProblem] = field(default_factory=list)
    graphs: list[str] = field(default_factory=list)
    seconds: float = 0.0
    words: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def build(paths: Iterable[Path], store_path: Path | None = None, output: Path | None = None, *,
          force: bool = False, model: str | None = None,
          progress: Callable[[str], None] | None = None) -> BuildReport:
    report = BuildReport()
    started = time.perf_counter()
    nlp = load_pipeline(model)
    extractor = model_name(nlp)
    store: ox.Store | None = None
    known: dict[str, str] = {}
    seen_ids: dict[str, str] = {}

    def articles() -> Iterator[Article]:
        for item in read_articles(paths):
            if isinstance(item, ReadProblem):
                report.problems.append(item)
                continue
            if item.id in seen_ids:
                report.problems.append(ReadProblem(
                    item.source, f"duplicate article id '{item.id}' (first at {seen_ids[item.id]}); "
                                 "give each article its own id"))
                continue
            seen_ids[item.id] = item.source
            yield item

    for batch in _batches(articles(), BATCH):
        if store is None:
            store = _open_with_wait(store_path)
            known = article_hashes(store)
        todo = []
        for article in batch:
            name = str(iris.graph(article.id))
            report.graphs.append(name)
            if not force and known.get(name) == content_hash(article.text, extractor):
                report.skipped += 1
            else:
                todo.append(article)
        facts: list[ArticleFacts] = [extract_analysed(a, an, extractor)
                                     for a, an in zip(todo, analyse_many([a.text for a in todo], nlp))]
        replace_graphs(store, (article_graph(f) for f in facts))
        report.built += len(facts)
        report.words += sum(len(a.text.split()) for a in todo)
        if progress:
            elapsed = time.perf_counter() - started
            done = report.built + report.skipped
            progress(f"{done} articles ({report.built} built, {report.skipped} unchanged), "
                     f"{done / elapsed:.1f} articles/s")
    if store is None:
        store = _open_with_wait(store_path)
    if output is not None:
        export(store, output, report.graphs)
    report.seconds = time.perf_counter() - started
    return report


def _open_with_wait(path: Path | None) -> ox.Store:
    """Open the store, waiting while another build holds its lock (parallel scorer runs do)."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            return open_store(path)
        except StoreError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _batches(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def print_progress(message: str) -> None:
    if sys.stderr.isatty():
        print(f"\r{message}", end="", file=sys.stderr, flush=True)
