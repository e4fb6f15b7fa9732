"""Run the scale benchmarks one after the other (never two at once) and write bench/RESULTS.md.

    python bench/run_all.py                  # everything (an hour or more on 2 cores)
    python bench/run_all.py --steps render   # only re-render RESULTS.md from bench/scale_results.json

Steps: full (the whole corpus, 2 workers), subset (1 and 2 workers on the first --subset articles,
--runs each), seeds, queries, load, render. The raw figures are kept in bench/scale_results.json.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
RESULTS = BENCH / "scale_results.json"
STORE = ROOT / "out" / "bench" / "store-full"
SEEDS = ROOT / "seeds"


def step(*args: str) -> None:
    print("+", " ".join(args), file=sys.stderr, flush=True)
    subprocess.run([sys.executable, *args], cwd=BENCH, check=True)


def environment() -> dict:
    from kg.ingest.workers import extractor_name

    from kg.nlp.pipeline import load_pipeline

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next((int(line.split()[1]) // 2**20 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    return {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "python": platform.python_version(),
            "cpu": cpu, "cores": os.cpu_count(), "memory_gb": memory, "load": os.getloadavg(),
            "versions": {p: version(p) for p in ("pemilu-kg", "pyoxigraph", "rdflib", "spacy", "oxigraph")},
            "extractor": extractor_name(), "pipeline": load_pipeline().pipe_names}


def render() -> str:
    r = json.loads(RESULTS.read_text())
    env = r.get("environment", {})
    lines = ["# Scale benchmarks", "",
             f"Written by `bench/run_all.py` on {env.get('date', '?')}; raw figures in `bench/scale_results.json`.", "",
             f"Machine: {env.get('cores')} cores ({env.get('cpu')}), {env.get('memory_gb')} GB; Python "
             f"{env.get('python')}; " + ", ".join(f"{k} {v}" for k, v in env.get("versions", {}).items()) + ".",
             f"Pipeline: `{env.get('extractor')}` ({' + '.join(env.get('pipeline', []))}): what "
             "`kg.nlp.pipeline.load_pipeline()` gave when measured.",
             f"Load average when the run began: {', '.join(f'{x:.1f}' for x in env.get('load', []))}: the machine is "
             "shared with other jobs, so wall times are upper bounds; CPU seconds (all processes of the build) "
             "are given too.", ""]
    for key, title in (("full", "Whole corpus"), ("subset", "Workers: 1 against 2"), ("seeds", "Seeds")):
        b = r.get(key)
        if not b:
            continue
        lines += [f"## Build: {title} ({b['articles']:,} articles, {b['words']:,} words, median of {b['runs']} run(s))", "",
                  "| workers | wall s | CPU s | articles/s | words/s | peak memory MB | store MB | no-op re-run s |",
                  "|---|---|---|---|---|---|---|---|"]
        for w, v in sorted(b["by_workers"].items()):
            lines.append(f"| {w} | {v['median_seconds']:.1f} | {v['median_cpu_seconds']:.1f} | {v['articles_per_s']} | "
                         f"{v['words_per_s']:,} | {v['peak_mb']} | {v['store_mb']} | {v['noop_median_seconds']:.1f} |")
        if {"1", "2"} <= set(b["by_workers"]):
            one, two = b["by_workers"]["1"], b["by_workers"]["2"]
            lines += ["", f"2 workers / 1 worker: {one['median_seconds'] / two['median_seconds']:.2f}× (wall time)."]
        lines.append("")
    q = r.get("queries")
    if q:
        lines += [f"## Named queries ({q['graphs']:,} article graphs, {q['quads']:,} quads)", "",
                  f"Embedded store: median and p95 of {q['runs']} runs after a warm-up, each query stopped after a "
                  "time limit. " + (f"rdflib in-memory Dataset (default_union=True): {q['rdflib_runs']} runs in the "
                  f"same run, loaded in {q['rdflib_load_seconds']} s. " if "rdflib_load_seconds" in q else
                  "rdflib: not measured in this run. ") +
                  f"Parameters: {json.dumps(q['bindings'], ensure_ascii=False)}. Paged queries run as `kg query` "
                  "runs them: their first page (100 rows); `(offset N)` is a later page and `(every row)` is "
                  "`kg query --all` (the whole listing, fetched 10,000 rows at a time), reported for the record: "
                  "the 50 ms bar is for the answer a user asks for, a page.", "",
                  "| query | rows | oxigraph median ms | oxigraph p95 ms | rdflib median ms | rdflib / oxigraph |",
                  "|---|---|---|---|---|---|"]
        for name, v in sorted(q["by_query"].items()):
            rd = v.get("rdflib_median_ms")
            rd_text = (f"{rd:,.0f}" if rd is not None else f"> {v['rdflib_timeout_s']:.0f} s (stopped)"
                       if "rdflib_timeout_s" in v else "not measured")
            if v["oxigraph_median_ms"] is None:
                lines.append(f"| {name} | ? | > {v['oxigraph_timeout_s']:.0f} s (stopped) | | {rd_text} | – |")
                continue
            slow = " **(over 50 ms)**" if v["oxigraph_median_ms"] > 50 and "every row" not in name else ""
            lines.append(f"| {name} | {v['rows']:,} | {v['oxigraph_median_ms']}{slow} | {v['oxigraph_p95_ms']} | {rd_text} | "
                         f"{v.get('ratio', '–')} |")
        lines.append("")
    ld = r.get("load")
    if ld:
        lines += [f"## Bulk load of {ld['triples_in_file']:,} triples ({ld['file_mb']} MB of N-Triples from the built graph)", "",
                  "| store | median s | peak memory MB |", "|---|---|---|"]
        for engine, v in ld["by_engine"].items():
            lines.append(f"| {engine} | {v['median_seconds']:.1f} | {v['peak_mb']} |")
        lines.append("")
    notes = r.get("notes")
    if notes:
        lines += ["## Notes", "", *(f"- {note}" for note in notes), ""]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--steps", nargs="+", default=["full", "subset", "seeds", "queries", "load", "render"])
    ap.add_argument("--subset", type=int, default=1500)
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    if "render" not in args.steps or len(args.steps) > 1:
        results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
        results["environment"] = environment()
        RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    if "full" in args.steps:
        step("build_bench.py", "--workers", "2", "--runs", "1", "--keep", str(STORE), "--section", "full")
    if "subset" in args.steps:
        step("build_bench.py", "--limit", str(args.subset), "--workers", "1", "2", "--runs", str(args.runs),
             "--section", "subset")
    if "seeds" in args.steps:
        step("build_bench.py", "--corpus", str(SEEDS), "--workers", "1", "--runs", "3",
             "--section", "seeds")
    if "queries" in args.steps:
        step("query_bench.py", "--store", str(STORE))
    if "load" in args.steps:
        step("load_bench.py", "--store", str(STORE))
    if "render" in args.steps:
        (BENCH / "RESULTS.md").write_text(render(), encoding="utf-8")
        print(f"wrote {BENCH / 'RESULTS.md'}", file=sys.stderr)


if __name__ == "__main__":
    main()
