"""Bulk load of 1 M triples (the first million of a built store, as N-Triples) into each store:
rdflib in memory, pyoxigraph in memory, pyoxigraph on disk (bulk_load, and the transactional
`load` that `kg build` uses). Each load runs in a fresh subprocess; its time and the process's
peak resident memory are recorded. Writes "load" into bench/scale_results.json.

    python bench/load_bench.py --store out/bench/store-full [--triples 1000000] [--runs 3]
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox

from build_bench import save

ENGINES = ("rdflib-memory", "oxigraph-memory", "oxigraph-disk-bulk", "oxigraph-disk-transactional")


def child(engine: str, path: str) -> None:
    import time

    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    if engine == "rdflib-memory":
        import rdflib

        graph = rdflib.Graph()
        graph.parse(path, format="nt")
        count = len(graph)
    else:
        store = ox.Store(tempfile.mkdtemp(prefix="kg-load-")) if "disk" in engine else ox.Store()
        if engine.endswith("transactional"):
            store.load(path=path, format=ox.RdfFormat.N_TRIPLES)
        else:
            store.bulk_load(path=path, format=ox.RdfFormat.N_TRIPLES)
        if "disk" in engine:
            store.flush()
        count = len(store)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": round(seconds, 2), "peak_mb": round(peak / 1024), "added_mb": round((peak - base) / 1024),
                      "triples": count}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(*args.child)

    data = Path(tempfile.mkdtemp(prefix="kg-load-")) / "triples.nt"
    store = ox.Store.read_only(str(args.store))
    with data.open("wb") as out:
        seen = 0
        for quad in store.quads_for_pattern(None, None, None, None):
            out.write(f"{quad.subject} {quad.predicate} {quad.object} .\n".encode())
            seen += 1
            if seen >= args.triples:
                break
    del store
    results = {"triples_in_file": seen, "file_mb": round(data.stat().st_size / 2**20), "by_engine": {}}
    for engine in ENGINES:
        runs = []
        for _ in range(args.runs):
            out = subprocess.run([sys.executable, __file__, "--store", str(args.store), "--child", engine, str(data)],
                                 capture_output=True, text=True, check=True)
            runs.append(json.loads(out.stdout))
            print(engine, runs[-1], file=sys.stderr, flush=True)
        results["by_engine"][engine] = {"runs": runs, "median_seconds": statistics.median(r["seconds"] for r in runs),
                                        "peak_mb": max(r["peak_mb"] for r in runs),
                                        "triples": runs[0]["triples"]}
    data.unlink()
    save("load", results)


if __name__ == "__main__":
    main()
