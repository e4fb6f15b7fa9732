"""Building on a dask.distributed cluster, for corpora one machine is too slow for:

    kg build-dask CORPUS.jsonl --scheduler tcp://HOST:8786 --store http://HOST:7878
    kg build-dask CORPUS.jsonl --scheduler local --store DIR     # a cluster of this machine's cores

Extraction is a pure function from articles to their named graphs (`kg.ingest.workers.extract_graphs`,
N-Triples out), so it runs unchanged on the cluster's workers. This client streams the corpus,
skips articles whose content hash the store already holds, sends batches of the others to the
workers (a bounded number at a time, so memory stays flat) and loads each result into the store
as it comes back: a SPARQL server (`--store URL`, each article graph replaced by one PUT) or the
embedded store. Every worker needs pemilu-kg (and the `--model` folder, if one is given)
installed; the corpus is read by the client only. Needs the `dask` extra: pip install 'pemilu-kg[dask]'.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.graph import SerializedGraph
from kg.ingest.build import BATCH, BuildReport, build
from kg.ingest.progress import Tick
from kg.ingest.workers import IN_FLIGHT_PER_WORKER, extract_graphs, extractor_name
from kg.problems import Problem
from kg.records import Article


class DaskExtractors:
    """`kg.ingest.workers.Extractors` on a dask.distributed client's workers."""

    def __init__(self, client, model: str | None = None, validate: bool = True):
        self.client = client
        self.model = model
        self.validate = validate
        self.extractor = client.submit(extractor_name, model, pure=False).result()

    def map(self, batches: Iterable[list[Article]]) -> Iterator[tuple[list[SerializedGraph], list[Problem]]]:
        from distributed import as_completed

        limit = max(1, sum(self.client.nthreads().values())) * IN_FLIGHT_PER_WORKER
        source = iter(batches)
        running = as_completed()
        for batch in _take(source, limit):
            running.add(self.client.submit(extract_graphs, batch, self.model, self.validate, pure=False))
        for future in running:
            result = future.result()
            future.release()
            for batch in _take(source, 1):
                running.add(self.client.submit(extract_graphs, batch, self.model, self.validate, pure=False))
            yield result

    def close(self) -> None:
        pass  # the client belongs to the caller

    def __enter__(self) -> DaskExtractors:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _take(source: Iterator[list[Article]], n: int) -> Iterator[list[Article]]:
    for _ in range(n):
        batch = next(source, None)
        if batch is None:
            return
        yield batch


def build_on_cluster(corpus: Path, scheduler: str = "local", store: Path | str | None = None, *,
                     force: bool = False, model: str | None = None, batch: int = BATCH,
                     workers: int | None = None, validate: bool = True,
                     progress: Callable[[Tick], None] | None = None) -> BuildReport:
    """Build `corpus` with the cluster at `scheduler` ("local": a LocalCluster of `workers`
    processes, default the machine's cores) into `store` (a SPARQL server's URL or a folder)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise SystemExit("kg build-dask needs dask.distributed: pip install 'pemilu-kg[dask]'") from err
    from kg.cores import default_workers

    cluster = None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        return build([corpus], store, force=force, model=model, extractors=DaskExtractors(client, model, validate),
                     batch=batch, validate=validate, progress=progress)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
