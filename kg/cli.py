"""The `kg` command: build, query, export, view, run (all of it), train.

Exit status: 0 all went well; 1 some input failed (the rest was done); 2 usage or input error.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    from kg.query import QueryError
    from kg.store import StoreError

    try:
        return args.func(args)
    except (QueryError, StoreError, FileNotFoundError) as exc:
        print(f"kg {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kg", description="Knowledge graphs from Indonesian election news.")
    sub = p.add_subparsers(dest="command")
    store_help = "store folder (default: $KG_STORE or ./.pemilu-kg/store)"

    b = sub.add_parser("build", help="extract facts from articles into the store")
    b.add_argument("paths", nargs="+", type=Path, help=".txt, .jsonl, .html files or folders")
    b.add_argument("--store", type=Path, help=store_help)
    b.add_argument("-o", "--output", type=Path, help="also write the built graphs here (.trig .nq .ttl .jsonld)")
    b.add_argument("--force", action="store_true", help="rebuild articles whose text has not changed")
    b.add_argument("--model", help="spaCy pipeline folder (default: the shipped model, else rules only)")
    b.add_argument("--failures", type=Path, help="write the problems found in the input here (JSON)")
    b.set_defaults(func=_build)

    q = sub.add_parser("query", help="run a named query, a .rq file or SPARQL text")
    q.add_argument("query", help="query name (see `kg queries`), path to a .rq file, or SPARQL text")
    q.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                   help="a query parameter, bound as a value (repeatable)")
    q.add_argument("--format", choices=("table", "csv", "tsv", "json"), default="table")
    q.add_argument("--store", type=Path, help=store_help)
    q.add_argument("--allow-remote", action="store_true", help="allow SERVICE and FROM clauses")
    q.set_defaults(func=_query)

    ls = sub.add_parser("queries", help="list the named queries")
    ls.set_defaults(func=_queries)

    e = sub.add_parser("export", help="write the store to a file (.ttl .trig .nq .nt .jsonld)")
    e.add_argument("-o", "--output", type=Path, required=True)
    e.add_argument("--store", type=Path, help=store_help)
    e.set_defaults(func=_export)

    v = sub.add_parser("view", help="write an interactive, offline HTML view of the graph")
    v.add_argument("-o", "--output", type=Path, default=Path("graph.html"))
    v.add_argument("--store", type=Path, help=store_help)
    v.add_argument("--max-nodes", type=int, default=1500, help="keep the most-mentioned nodes beyond this")
    v.set_defaults(func=_view)

    r = sub.add_parser("run", help="build, export, view and run every named query into one folder")
    r.add_argument("paths", nargs="+", type=Path)
    r.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: out)")
    r.add_argument("--store", type=Path, help=store_help)
    r.add_argument("--model", help="spaCy pipeline folder")
    r.set_defaults(func=_run)

    t = sub.add_parser("train", help="train the Indonesian NER model from the shared data sets")
    t.add_argument("--data", type=Path, default=Path("../shared/data"), help="folder of the data sets")
    t.add_argument("-o", "--output", type=Path, help="model folder (default: the shipped model's folder)")
    t.add_argument("--seed", type=int, default=0)
    t.set_defaults(func=_train)
    return p


def _build(args) -> int:
    from kg.build import build, print_progress

    report = build(args.paths, args.store, args.output, force=args.force, model=args.model,
                   progress=print_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    return _report(report, args.failures)


def _report(report, failures: Path | None) -> int:
    for problem in report.problems:
        print(f"{problem.source}: {problem.message}", file=sys.stderr)
    print(f"built {report.built} articles, {report.skipped} unchanged, {len(report.problems)} problems "
          f"in {report.seconds:.1f} s", file=sys.stderr)
    if failures is not None:
        failures.write_text(json.dumps([{"source": p.source, "problem": p.message} for p in report.problems],
                                       ensure_ascii=False, indent=2), encoding="utf-8")
    return EXIT_PARTIAL if report.problems else EXIT_OK


def _params(pairs: list[str]) -> dict[str, str]:
    from kg.query import QueryError

    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise QueryError(f"parameter '{pair}' is not NAME=VALUE")
        out[name.strip()] = value
    return out


def _query(args) -> int:
    from kg.query import format_result, resolve_query, run_query
    from kg.store import open_store

    text, _ = resolve_query(args.query)
    result = run_query(open_store(args.store, read_only=True), text, _params(args.param),
                       allow_remote=args.allow_remote)
    print(format_result(result, args.format))
    return EXIT_OK


def _queries(args) -> int:
    from kg.query import load_named_queries

    for name, q in sorted(load_named_queries().items()):
        params = ", ".join(p.name + ("" if p.required else "?") for p in q.params)
        print(f"{name:24} {q.title}" + (f"  [{params}]" if params else ""))
    return EXIT_OK


def _export(args) -> int:
    from kg.store import export, open_store

    path = export(open_store(args.store, read_only=True), args.output)
    print(f"wrote {path}", file=sys.stderr)
    return EXIT_OK


def _view(args) -> int:
    from kg.viewing import write_view

    print(write_view(args.store, args.output, args.max_nodes), file=sys.stderr)
    return EXIT_OK


def _run(args) -> int:
    from kg.build import build, print_progress
    from kg.query import format_result, load_named_queries, run_query
    from kg.store import export, open_store
    from kg.viewing import write_view

    report = build(args.paths, args.store, None, model=args.model, progress=print_progress)
    status = _report(report, args.out / "failures.json" if report.problems else None)
    out = args.out
    (out / "results").mkdir(parents=True, exist_ok=True)
    store = open_store(args.store)
    for name in ("graph.trig", "graph.ttl", "graph.jsonld"):
        export(store, out / name)
    del store
    print(write_view(args.store, out / "graph.html"), file=sys.stderr)
    store = open_store(args.store, read_only=True)
    for name, q in sorted(load_named_queries().items()):
        if any(p.required for p in q.params):
            continue
        result = run_query(store, q.text)
        (out / "results" / f"{name}.csv").write_text(format_result(result, "csv"), encoding="utf-8")
        print(f"\n== {name}: {q.title} ({len(result.rows)} rows)")
        print(format_result(result, "table"))
    print(f"\nwrote {out}/graph.trig, graph.ttl, graph.jsonld, graph.html and results/*.csv", file=sys.stderr)
    return status


def _train(args) -> int:
    from kg.resources import MODEL_DIR
    from kg.training import train_ner

    path = train_ner(args.data, args.output or MODEL_DIR, seed=args.seed)
    print(f"wrote the model to {path}", file=sys.stderr)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
