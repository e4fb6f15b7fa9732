"""Build throughput: `kg build` of a JSON Lines corpus with 1 and 2 workers, as a user runs it.

Each run builds into a fresh store in a subprocess; the process tree's memory (the sum of the
resident sets of `kg` and its workers) is sampled every 0.1 s for the peak. Also measured: the
re-run on the built store (nothing changed: a no-op), and the store's size on disk. Writes its
figures into bench/scale_results.json under "build" (bench/run_all.py renders RESULTS.md).

    python bench/build_bench.py [--corpus FILE] [--workers 1 2] [--runs 3] [--limit N] [--keep DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "clickid-news-articles" / "clickid_articles.jsonl"
RESULTS = ROOT / "bench" / "scale_results.json"
KG = [sys.executable, "-m", "kg.cli"]


def save(section: str, data: object) -> None:
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results[section] = data
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


def corpus_size(path: Path, limit: int | None) -> tuple[int, int]:
    if path.is_dir():
        from kg.ingest.readers import read_articles

        texts = [a.text for a in read_articles([path]) if hasattr(a, "text")]
        return len(texts), sum(len(t.split()) for t in texts)
    articles = words = 0
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            articles += 1
            words += len(json.loads(line).get("text", "").split())
            if limit and articles >= limit:
                break
    return articles, words


def run_build(corpus: Path, store: Path, workers: int, extra: list[str] | None = None) -> dict:
    """One `kg build` in a subprocess: wall time, CPU time of the tree, peak memory of the tree."""
    before = os.times()
    started = time.perf_counter()
    proc = psutil.Popen(KG + ["build", str(corpus), "--store", str(store), "--workers", str(workers), *(extra or [])],
                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [proc] + proc.children(recursive=True)
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    wall = time.perf_counter() - started
    after = os.times()
    err = proc.stderr.read().decode()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"kg build failed ({proc.returncode}): {err[-2000:]}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return {"seconds": round(wall, 2), "cpu_seconds": round(cpu, 2), "peak_mb": round(peak / 2**20),
            "summary": err.strip().splitlines()[-1] if err.strip() else ""}


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=int, help="only the first N articles (a smaller corpus file is written)")
    ap.add_argument("--keep", type=Path, help="keep the last store built with the most workers here")
    ap.add_argument("--section", default="build")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    corpus = args.corpus
    if args.limit:
        corpus = work / f"first-{args.limit}.jsonl"
        with args.corpus.open(encoding="utf-8") as src, corpus.open("w", encoding="utf-8") as dst:
            for n, line in enumerate(src):
                if n >= args.limit:
                    break
                dst.write(line)
    articles, words = corpus_size(corpus, None)
    out = {"corpus": str(args.corpus.name), "articles": articles, "words": words, "runs": args.runs,
           "load_before": os.getloadavg(), "by_workers": {}}
    for workers in args.workers:
        runs = []
        for n in range(args.runs):
            store = work / f"store-{workers}-{n}"
            result = run_build(corpus, store, workers)
            result["store_mb"] = round(du(store) / 2**20, 1)
            result["noop"] = run_build(corpus, store, workers)
            print(f"workers={workers} run {n + 1}: {result}", file=sys.stderr, flush=True)
            runs.append(result)
            if args.keep and workers == max(args.workers) and n == args.runs - 1:
                shutil.rmtree(args.keep, ignore_errors=True)
                shutil.move(str(store), args.keep)
            else:
                shutil.rmtree(store, ignore_errors=True)
        seconds = statistics.median(r["seconds"] for r in runs)
        out["by_workers"][str(workers)] = {
            "runs": runs,
            "median_seconds": seconds,
            "median_cpu_seconds": statistics.median(r["cpu_seconds"] for r in runs),
            "articles_per_s": round(articles / seconds, 1),
            "words_per_s": round(words / seconds),
            "peak_mb": max(r["peak_mb"] for r in runs),
            "store_mb": statistics.median(r["store_mb"] for r in runs),
            "noop_median_seconds": statistics.median(r["noop"]["seconds"] for r in runs),
        }
    out["load_after"] = os.getloadavg()
    save(args.section, out)
    shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(out["by_workers"], indent=1), file=sys.stderr)


if __name__ == "__main__":
    main()
