"""Query latency of every named query on a built store: the embedded store (pyoxigraph, read-only
on disk) against rdflib's in-memory Dataset holding the same quads, in the same run.

Each query runs once to warm up, then `--runs` times; median and p95 of the wall time of
`kg.graph.sparql.run_query` (rows converted to strings, as `kg query` does). Paged queries run as `kg query`
runs them (their first page of 100 rows), then again for a deep page and for every row (`--all`). rdflib runs each query in a
forked child with a time limit, since some take minutes there. Writes "queries" into
bench/scale_results.json.

    python bench/query_bench.py --store out/bench/store-full [--runs 20] [--rdflib-runs 3] [--rdflib-timeout 120]
"""
from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib

from build_bench import save
from kg.graph.catalogue import load_named_queries
from kg.graph.embedded import open_oxigraph
from kg.graph.sparql import ALL_ROWS, Page, run_query


# Values for the required parameters: frequent in the CLICK-ID corpus (2019 national news). Each
# query runs with these (or none); the person queries run again for a less-mentioned person, since
# their time grows with the rows (Joko Widodo has 500 facts).
BINDINGS = {"officials-in-province": {"province": "Jawa Barat"},
            "post-holders": {"role": "Ketua", "month": "2019-09"},
            "timeline": {"person_name": "Joko Widodo"},
            "copresence": {"person_name": "Joko Widodo"}}
EXTRA = [("copresence", {"person_name": "Ridwan Kamil"}, None), ("posts", {"person_name": "Ridwan Kamil"}, None),
         ("posts", {"person_name": "Joko Widodo"}, None), ("provenance", {"person_name": "Ridwan Kamil"}, None),
         ("provenance", {"person_name": "Joko Widodo"}, None), ("quotes", {"person_name": "Ridwan Kamil"}, None),
         ("quotes", {"word": "keamanan"}, None), ("timeline", {"person_name": "Ridwan Kamil"}, None),
         ("events", {"place_name": "Jawa Barat"}, None), ("institutions", {"region_name": "Jawa Barat"}, None),
         ("post-holders", {"role": "Gubernur", "month": "2019-09", "institution": "Pemprov Jawa Barat"}, None),
         ("articles", {}, Page(offset=5000)), ("quotes", {}, Page(offset=3000))]
EVERY_ROW = ("articles", "posts", "quotes", "provenance", "events", "places", "institutions")


def cases(names) -> list[tuple[str, str, dict[str, str], Page | None]]:
    """(label, query name, bindings, page): every named query, the EXTRA runs, then every row of
    the whole-graph listings."""
    out = [(name, name, BINDINGS.get(name, {}), None) for name in sorted(names)]
    for name, b, page in EXTRA:
        where = [f"{k}={v}" for k, v in b.items()] + ([f"offset {page.offset}"] if page else [])
        out.append((f"{name} ({', '.join(where)})", name, b, page))
    return out + [(f"{name} (every row)", name, {}, ALL_ROWS) for name in EVERY_ROW if name in names]


def timings(store, text: str, bindings: dict[str, str], runs: int, page: Page | None = None) -> tuple[list[float], int]:
    rows = len(run_query(store, text, bindings, page=page).rows)  # warm-up
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        run_query(store, text, bindings, page=page)
        out.append(time.perf_counter() - started)
    return out, rows


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _timing_child(conn, store_path, text, bindings, runs, page) -> None:
    conn.send(timings(open_oxigraph(Path(store_path), read_only=True), text, bindings, runs, page))


def _rdflib_child(conn, dataset, text, bindings, runs, page) -> None:
    conn.send(timings(dataset, text, bindings, runs, page))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--rdflib-runs", type=int, default=3)
    ap.add_argument("--rdflib-timeout", type=float, default=60)
    ap.add_argument("--timeout", type=float, default=120, help="seconds for one query's runs on the embedded store")
    ap.add_argument("--skip-rdflib", action="store_true", help="only the embedded store (rdflib needs minutes to load)")
    args = ap.parse_args()

    store = open_oxigraph(Path(args.store), read_only=True)
    queries = load_named_queries()
    runs = cases(queries)
    quads = sum(1 for q in store.quads_for_pattern(None, None, None, None) if not isinstance(q.graph_name, ox.DefaultGraph))
    graphs = sum(1 for _ in store.named_graphs())
    results = {"store": str(args.store), "quads": quads, "graphs": graphs, "runs": args.runs,
               "rdflib_runs": args.rdflib_runs, "bindings": BINDINGS, "by_query": {}}
    context = multiprocessing.get_context("fork")
    for name, query_name, bound, page in runs:  # in a forked child each, stopped after --timeout s
        parent, child = context.Pipe()
        proc = context.Process(target=_timing_child,
                               args=(child, str(args.store), queries[query_name].text, bound, args.runs, page))
        proc.start()
        if parent.poll(args.timeout):
            times, rows = parent.recv()
            results["by_query"][name] = {"rows": rows, "oxigraph_median_ms": round(statistics.median(times) * 1000, 2),
                                         "oxigraph_p95_ms": round(p95(times) * 1000, 2)}
        else:
            results["by_query"][name] = {"rows": None, "oxigraph_median_ms": None, "oxigraph_timeout_s": args.timeout}
        proc.kill()
        proc.join()
        print(name, results["by_query"][name], file=sys.stderr, flush=True)
        save("queries", results)
    if args.skip_rdflib:
        return save("queries", results)
    started = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    named = (q for q in store.quads_for_pattern(None, None, None, None) if not isinstance(q.graph_name, ox.DefaultGraph))
    dataset.parse(data=ox.serialize(named, format=ox.RdfFormat.N_QUADS), format="nquads")
    results["rdflib_load_seconds"] = round(time.perf_counter() - started, 1)
    del store  # the forked children below share the loaded Dataset
    for name, query_name, bound, page in runs:
        parent, child = context.Pipe()
        proc = context.Process(target=_rdflib_child,
                               args=(child, dataset, queries[query_name].text, bound, args.rdflib_runs, page))
        proc.start()
        entry = results["by_query"][name]
        if entry["oxigraph_median_ms"] is not None and parent.poll(args.rdflib_timeout):
            times, rows = parent.recv()
            entry.update(rdflib_median_ms=round(statistics.median(times) * 1000, 1),
                         rdflib_p95_ms=round(p95(times) * 1000, 1), rdflib_rows=rows,
                         ratio=round(statistics.median(times) * 1000 / max(entry["oxigraph_median_ms"], 1e-3), 1))
        else:
            entry.update(rdflib_median_ms=None, rdflib_timeout_s=args.rdflib_timeout)
        proc.kill()
        proc.join()
        print(name, entry, file=sys.stderr, flush=True)
    save("queries", results)


if __name__ == "__main__":
    main()
