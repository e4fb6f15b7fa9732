"""The dask.distributed integration on a local cluster of two worker processes: the graphs it
loads equal those of a plain build, and a second run skips every unchanged article."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.graph.embedded import open_oxigraph
from kg.ingest.build import build

from test_scale_build import corpus

distributed = pytest.importorskip("distributed", reason="needs the dask extra: pip install -e '.[test]'")


def quads(path) -> set:
    store = open_oxigraph(Path(path), read_only=True)
    out = set(store.quads_for_pattern(None, None, None, None))
    del store
    return out


def test_build_on_a_local_cluster_of_worker_processes(tmp_path):
    from kg.ingest.distributed import build_on_cluster

    src = corpus(tmp_path / "c.jsonl", 6)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        report = build_on_cluster(src, cluster.scheduler_address, tmp_path / "dask", batch=2)
        assert (report.built, report.skipped, report.problems) == (6, 0, [])
        again = build_on_cluster(src, cluster.scheduler_address, tmp_path / "dask", batch=2)
        assert (again.built, again.skipped) == (0, 6)
    assert build([src], tmp_path / "plain", workers=1).built == 6
    assert quads(tmp_path / "dask") == quads(tmp_path / "plain")
