"""The long fuzz run: the properties of tests/test_fuzz.py with many fresh random examples.

    .venv/bin/python bench/fuzz_bench.py                # ≥ 10,000 examples in all, writes bench/FUZZ_RESULTS.md
    .venv/bin/python bench/fuzz_bench.py --scale 0.1    # a tenth of that, to try it

Each property runs in this process with KG_FUZZ_{PROPERTY} set to its example count; a failing
property is shrunk by hypothesis to a minimal example, which is written to the results (and the
run goes on with the next property). Exit status 1 when any property failed.
"""
from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "FUZZ_RESULTS.md"
# examples per property: the extractor is the slow one (spaCy + rules + SHACL, ~0.3 s an example)
PLAN = {"readers_bytes": 3000, "readers_unicode": 3000, "readers_jsonl": 2000, "mapping": 2000, "extract": 3000}
HISTORY = "## Found and fixed"  # the section of FUZZ_RESULTS.md from this heading on is kept by each run
TESTS = {"readers_bytes": "test_readers_on_arbitrary_bytes", "readers_unicode": "test_readers_on_unicode_in_any_encoding",
         "readers_jsonl": "test_every_json_line_gives_an_article_or_a_problem", "mapping": "test_map_any_facts",
         "extract": "test_extract_and_map_any_text"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every property's example count")
    parser.add_argument("--only", choices=sorted(PLAN), action="append", help="run only this property (repeatable)")
    parser.add_argument("-o", "--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    plan = {name: max(1, round(n * args.scale)) for name, n in PLAN.items() if not args.only or name in args.only}
    for name, n in plan.items():
        os.environ[f"KG_FUZZ_{name.upper()}"] = str(n)
    sys.path.insert(0, str(ROOT / "tests"))
    fuzz = importlib.import_module("test_fuzz")

    rows, failures = [], []
    started = time.perf_counter()
    for name, n in plan.items():
        t0 = time.perf_counter()
        try:
            getattr(fuzz, TESTS[name])()
            outcome = "passed"
        except Exception as exc:  # hypothesis re-raises the shrunk example's error: record it and go on
            outcome = f"FAILED ({type(exc).__name__})"
            failures.append((name, "".join(traceback.format_exception(exc))[-4000:]))
        seconds = time.perf_counter() - t0
        rows.append((name, n, fuzz.RUNS[name], outcome, seconds))
        print(f"{name}: {fuzz.RUNS[name]} runs ({n} asked), {outcome}, {seconds:.0f} s", file=sys.stderr, flush=True)
    total = time.perf_counter() - started
    previous = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
    kept = previous[previous.find(HISTORY):] if HISTORY in previous else ""  # hand-written, kept across runs
    args.output.write_text(_report(rows, failures, total) + ("\n" + kept if kept else ""), encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return 1 if failures else 0


def _report(rows, failures, total: float) -> str:
    import hypothesis

    lines = [
        "# Fuzz results",
        "",
        f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC by `bench/fuzz_bench.py` on Python "
        f"{platform.python_version()}, hypothesis {hypothesis.__version__}, {os.cpu_count()} CPUs.",
        "Properties are those of `tests/test_fuzz.py` (the test suite runs each with a few dozen fixed examples).",
        "\"Runs\" counts every call of the property, shrinking and replay included.",
        "",
        "| property | examples asked | runs | outcome | seconds |",
        "|---|---:|---:|---|---:|",
    ]
    lines += [f"| {name} | {n:,} | {runs:,} | {outcome} | {seconds:.0f} |" for name, n, runs, outcome, seconds in rows]
    lines += ["", f"Total: {sum(r[1] for r in rows):,} examples asked, {sum(r[2] for r in rows):,} runs, "
                  f"{total / 60:.1f} minutes.", ""]
    if failures:
        lines += ["## Failures (minimal examples)", ""]
        for name, text in failures:
            lines += [f"### {name}", "", "```", text.rstrip(), "```", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
