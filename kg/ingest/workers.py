"""Extraction as a pure function, article → its named graph as N-Triples, run in this process or
spread over worker processes that each load the pipeline once.

`extract_graphs` is what every runner calls: `kg build` in one process or several (`Extractors`),
and the dask integration (`kg.ingest.distributed`) on a cluster's workers. It checks each article graph
against the SHACL shapes (`kg.validate`) before serializing it: a graph that does not conform is
quarantined (reported with its violations, not loaded).
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import repeat
from typing import TYPE_CHECKING

from kg.graph import SerializedGraph
from kg.graph.embedded import serialize_graph
from kg.problems import Problem
from kg.records import Article

if TYPE_CHECKING:
    from rdflib import Graph, URIRef

    from kg.validate import Violation

IN_FLIGHT_PER_WORKER = 2  # batches queued per worker: enough to keep it busy, few enough to bound memory
MAX_VIOLATIONS_LISTED = 10  # per problem report; a badly broken graph has hundreds


def extract_graphs(articles: Sequence[Article], model: str | None = None,
                   validate: bool = True) -> tuple[list[SerializedGraph], list[Problem]]:
    """The named graphs of `articles`, with the pipeline `model` (loaded once per process).

    An article the extractor fails on is reported as a problem (with what failed), not raised:
    one strange article must not stop a build of thousands. With `validate`, so is an article
    whose graph does not conform to the SHACL shapes (any result, as pySHACL's `conforms`).
    """
    from kg.nlp.extract import extract_analysed
    from kg.nlp.pipeline import analyse_many, load_pipeline, model_name
    from kg.rdf.mapping import article_graph

    nlp = load_pipeline(model)
    extractor = model_name(nlp)
    made, problems = [], []
    for article, analysis in zip(articles, analyse_many([a.text for a in articles], nlp)):
        try:
            made.append((article, *article_graph(extract_analysed(article, analysis, extractor))))
        except Exception as exc:  # an extractor bug on one article; reported with the article's source
            problems.append(_failure(article, exc))
    graphs = []
    for (article, name, graph), violations in zip(made, _violations(made) if validate else repeat([])):
        if isinstance(violations, Exception):
            problems.append(_failure(article, violations))
        elif violations:
            problems.append(quarantine_problem(article, violations))
        else:
            graphs.append(serialize_graph(name, graph, len(article.text.split())))
    return graphs, problems


def _violations(made: Sequence[tuple[Article, URIRef, Graph]]) -> list[list[Violation] | Exception]:
    """Each article graph's violations, from one validation of the batch; should that fail, from
    one per article, so that the article it fails on is the one reported."""
    from kg.validate import validate_article_graph, validate_article_graphs

    try:
        return validate_article_graphs([graph for _, _, graph in made])
    except Exception:  # noqa: BLE001 - found again below, article by article
        out: list[list[Violation] | Exception] = []
        for _, _, graph in made:
            try:
                out.append(validate_article_graph(graph))
            except Exception as exc:  # noqa: BLE001 - reported as that article's problem
                out.append(exc)
        return out


def _failure(article: Article, exc: Exception) -> Problem:
    return Problem(article.source or article.id,
                   f"extraction failed ({type(exc).__name__}: {exc}); the article was left out: please "
                   "report it with this message")


def quarantine_problem(article: Article, violations: Sequence[Violation]) -> Problem:
    """The report of an article left out because its graph does not conform to the shapes: its
    violations (the first MAX_VIOLATIONS_LISTED) and what to do."""
    listed = "; ".join(str(v) for v in violations[:MAX_VIOLATIONS_LISTED])
    more = f"; and {len(violations) - MAX_VIOLATIONS_LISTED} more" if len(violations) > MAX_VIOLATIONS_LISTED else ""
    return Problem(article.source or article.id,
                       f"article '{article.id}' quarantined, not loaded: its graph does not conform to "
                       f"ontology/shapes.ttl ({len(violations)} results: {listed}{more}). An extractor bug: please "
                       "report it with this message; `kg build --no-validate` loads the graph as it is",
                   article=article.id, quarantined=True)


def extractor_name(model: str | None = None) -> str:
    from kg.nlp.pipeline import load_pipeline, model_name

    return model_name(load_pipeline(model))


class Extractors:
    """Extraction of article batches in this process (`workers=1`) or in `workers` processes.

    `map` takes an iterator of batches and yields (graphs, problems) per batch as they finish (not
    in input order), keeping at most IN_FLIGHT_PER_WORKER batches per worker queued, so memory
    stays bounded whatever the input size. With `validate` (the default) each article graph is
    checked against the shapes and quarantined when it does not conform. Use as a context manager.
    """

    def __init__(self, workers: int = 1, model: str | None = None, validate: bool = True):
        self.workers = max(1, workers)
        self.model = model
        self.validate = validate
        self.extractor = extractor_name(model)  # loads the pipeline here: its name decides what is unchanged
        if validate:
            _load_shapes()  # here too: unusable shapes stop the build before any article is read
        self._pool: ProcessPoolExecutor | None = None

    def map(self, batches: Iterable[list[Article]]) -> Iterator[tuple[list[SerializedGraph], list[Problem]]]:
        if self.workers == 1:
            for batch in batches:
                yield extract_graphs(batch, self.model, self.validate)
            return
        pending: set[Future] = set()
        source = iter(batches)
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < self.workers * IN_FLIGHT_PER_WORKER:
                batch = next(source, None)
                if batch is None:
                    exhausted = True
                else:
                    pending.add(self._start().submit(extract_graphs, batch, self.model, self.validate))
            if pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()

    def _start(self) -> ProcessPoolExecutor:
        """The worker processes, started with the first batch to extract (a build with nothing
        changed starts none)."""
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_load, initargs=(self.model, self.validate))
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Extractors:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _load(model: str | None, validate: bool) -> None:
    """Worker start: load the pipeline, the region table and the shapes before the first batch arrives."""
    from kg.collector import exempt_loaded
    from kg.nlp.pipeline import load_pipeline
    from kg.regions import gazetteer

    load_pipeline(model)
    gazetteer()
    if validate:
        _load_shapes()
    exempt_loaded()


def _load_shapes() -> None:
    """The shapes and ontology graphs, read once per process (kg.validate caches them); raises
    kg.validate.ShapesError when they are unusable."""
    from kg.validate import ontology_graph, shapes_graph

    shapes_graph()
    ontology_graph()
