"""`kg build`: articles → facts → one named graph per article → the store (and an output file).

Articles stream through in batches (a JSON Lines file is read line by line), so memory stays
bounded whatever the input size; extraction runs in `workers` processes; an article whose content
hash is already in the store is skipped unless forced; each article's graph replaces the earlier
one atomically (`kg.graph`), so a build killed at any moment leaves complete article graphs and
running it again finishes the job. A bad file or line is reported and the rest goes on; so is an
article whose graph does not conform to the SHACL shapes (quarantined: reported, not loaded, and
its older graph dropped from the store, so facts of a text that no longer stands are not served).
A store that cannot be written (a full disk, permissions) ends the build with one `StoreError`
that says so, how many complete articles the store holds, and what to do.
"""
from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING

from kg.cores import default_workers
from kg.graph import (SerializedGraph, Store, StoreError, check_export_path, connect, count_articles, is_url,
                      resolve)
from kg.ingest.progress import Tick
from kg.ingest.readers import iter_inputs, read_articles
from kg.ingest.workers import Extractors
from kg.problems import Problem
from kg.rdf import iris
from kg.rdf.mapping import content_hash
from kg.records import Article

if TYPE_CHECKING:
    from kg.identity.resolve import Resolution

BATCH = 32  # articles per extraction batch and per store transaction
LOCK_WAIT_SECONDS = 120
PROGRESS_EVERY_SECONDS = 0.5


@dataclass
class BuildReport:
    built: int = 0
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    words: int = 0  # words of the articles built (not of those skipped)
    dropped: list[str] = field(default_factory=list)  # quarantined articles whose older graph left the store
    graphs: list[str] = field(default_factory=list)  # the article graphs built
    resolution: Resolution | None = None  # identity resolution of the built articles' persons

    @property
    def ok(self) -> bool:
        return not self.problems


def build(paths: Iterable[Path], store_path: Path | str | None = None, output: Path | None = None, *,
          force: bool = False, model: str | None = None, workers: int | None = None,
          progress: Callable[[Tick], None] | None = None, extractors: Extractors | None = None,
          batch: int = BATCH, validate: bool = True, resolve_identities: bool = True,
          log: Callable[[str], None] | None = None) -> BuildReport:
    """Build `paths` into the store at `store_path` (a folder, or a SPARQL server's URL; see
    `kg.graph.connect`).

    Extraction runs in `workers` processes (default: the machine's cores), except for inputs of one
    batch or less, where starting them costs more than it saves. Each article graph is checked
    against the shapes unless `validate` is false; one that does not conform is reported, not
    loaded. `extractors` replaces that runner (e.g. `kg.ingest.distributed.DaskExtractors`, a cluster's
    workers), and then decides itself about validation. At the end the persons of the articles
    built join the canonical persons of the store (`kg.identity.resolve`) unless
    `resolve_identities` is false (`log` hears its stages).
    """
    paths = list(paths)
    if output is not None:
        check_export_path(output)
    report = BuildReport()
    started = time.perf_counter()
    seen = _SeenIds()
    meter = _Progress(paths, progress, started) if progress else None

    def articles() -> Iterator[Article]:
        for item in read_articles(paths):
            if isinstance(item, Problem):
                report.problems.append(item)
                continue
            first = seen.add(item)
            if first is not None:
                report.problems.append(Problem(
                    item.source, f"duplicate article id '{item.id}' (first at {first}); "
                                 "give each article its own id"))
                continue
            yield item

    stream = articles()
    head = list(islice(stream, batch + 1))
    small = len(head) <= batch
    if extractors is None:  # before the store: a pipeline or shapes that cannot load stop the build here
        extractors = Extractors(1 if small else workers or default_workers(), model, validate)
    store = _connect_with_wait(store_path)
    with extractors:
        def todo() -> Iterator[list[Article]]:
            for group in _batches(chain(head, stream), batch):
                known = store.hashes([str(iris.graph(a.id)) for a in group])
                changed = [a for a in group if force or
                           known.get(str(iris.graph(a.id))) != content_hash(a, extractors.extractor)]
                report.skipped += len(group) - len(changed)
                if changed:
                    yield changed
                elif meter:
                    meter.update(report)

        for graphs, problems in extractors.map(todo()):
            _load(store, graphs, problems, report)
            if meter:
                meter.update(report)
    if meter:
        meter.update(report, final=True)
    if resolve_identities and report.graphs:
        from kg.identity.resolve import resolve_persons  # Splink and DuckDB only when resolving

        report.resolution = resolve_persons(store, report.graphs, log)
    try:
        if output is not None:
            store.export(output, (str(iris.graph(article_id)) for article_id in seen.ids()))
        store.close()
    except OSError as err:
        raise _write_failure(store, err) from err
    seen.close()
    report.seconds = time.perf_counter() - started
    return report


def _load(store: Store, graphs: list[SerializedGraph], problems: list[Problem], report: BuildReport) -> None:
    """Put one batch's graphs in the store and drop the older graphs of its quarantined articles."""
    quarantined = {str(iris.graph(p.article)): p for p in problems if p.quarantined and p.article}
    try:
        store.replace(graphs)
        dropped = set(store.drop(list(quarantined))) if quarantined else set()
    except OSError as err:
        raise _write_failure(store, err) from err
    report.built += len(graphs)
    report.graphs += [g.name for g in graphs]
    report.words += sum(g.words for g in graphs)
    for problem in problems:
        name = str(iris.graph(problem.article)) if problem.article else None
        if name in dropped:
            report.dropped.append(problem.article)
            problem = replace(problem, message=f"{problem.message}. Its older graph was dropped from the store: "
                                               "its facts are no longer queried, viewed or exported")
        report.problems.append(problem)


def _write_failure(store: Store, err: OSError) -> StoreError:
    """The one message for a store that cannot be written: what failed, that the store is intact and
    what it holds, what to do."""
    try:
        held = f"it holds {count_articles(store)} complete articles"
    except (OSError, StoreError):
        held = "each article graph in it is complete"
    return StoreError(f"writing to the store at {store.location} failed: {err}",
                      f"the store is intact ({held}; an article graph is written whole or not at all). Free disk "
                      "space or fix the folder's permissions, then run the same `kg build` again: it goes on "
                      "where it stopped")


def _connect_with_wait(spec: Path | str | None) -> Store:
    """Open the store, waiting while another build holds the embedded store's lock (parallel scorer
    runs do)."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            return connect(spec)
        except StoreError as err:
            said = str(err.__cause__).lower()
            # only another process's hold passes: its lock, or its rotating the store's info log as both open
            # it ("while unlink() file: store/LOG.old.1796...: No such file or directory")
            if is_url(resolve(spec)) or not ("lock" in said or "log.old" in said):
                raise
            if time.monotonic() > deadline:
                raise StoreError(f"{err.message} (waited {LOCK_WAIT_SECONDS} s for it)", err.todo) from err
            time.sleep(0.2)


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class _SeenIds:
    """Article ids met so far and where, in a temporary on-disk SQLite table: a build of millions
    of articles keeps them without holding them all in memory."""

    def __init__(self) -> None:
        self._db = sqlite3.connect("")  # "" = a private temporary database, spilled to disk when large
        self._db.execute("CREATE TABLE seen (id TEXT PRIMARY KEY, source TEXT)")

    def add(self, article: Article) -> str | None:
        """None for a new id, else the source where the id was first seen."""
        if self._db.execute("INSERT OR IGNORE INTO seen VALUES (?, ?)", (article.id, article.source)).rowcount:
            return None
        return self._db.execute("SELECT source FROM seen WHERE id = ?", (article.id,)).fetchone()[0]

    def ids(self) -> Iterator[str]:
        for (article_id,) in self._db.execute("SELECT id FROM seen ORDER BY rowid"):
            yield article_id

    def close(self) -> None:
        self._db.close()


class _Progress:
    """Articles done, articles/s and, once the input's articles are counted, the time left.

    The count runs in a background thread (a JSON Lines file's lines, one per other file), so the
    build starts at once and a huge input only delays the ETA.
    """

    def __init__(self, paths: list[Path], emit: Callable[[Tick], None], started: float):
        self.emit, self.started = emit, started
        self.total: int | None = None
        self.last = 0.0
        threading.Thread(target=self._count, args=(paths,), daemon=True).start()

    def _count(self, paths: list[Path]) -> None:
        total = 0
        for item in iter_inputs(paths):
            if isinstance(item, Problem):
                continue
            if item.suffix.lower() != ".jsonl":
                total += 1
                continue
            try:
                with item.open("rb") as f:
                    tail = b"\n"
                    while chunk := f.read(1 << 22):
                        total += chunk.count(b"\n")
                        tail = chunk[-1:]
                    total += tail != b"\n"
            except OSError:
                pass
        self.total = total

    def update(self, report: BuildReport, final: bool = False) -> None:
        now = time.perf_counter()
        if not final and now - self.last < PROGRESS_EVERY_SECONDS:
            return
        self.last = now
        self.emit(Tick(report.built, report.skipped, now - self.started, self.total, final))
