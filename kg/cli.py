"""The `kg` command: build, query, export, view, stats, run (all of it), validate, serve, train.

Every command that reads or writes the graph takes `--store SPEC`: a folder (the embedded store) or
a SPARQL server's URL, default $KG_STORE, else ./.pemilu-kg/store (`kg.graph.connect` decides).
Exit status: 0 all went well; 1 some input failed (the rest was done); 2 usage or input error; an
error the user can act on (`kg.errors.KgError`) is one line on stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    from kg.collector import tune_collector

    tune_collector()
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    from kg.errors import KgError

    try:
        return args.func(args)
    except KgError as exc:
        print(f"kg {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kg", description="Knowledge graphs from Indonesian election news.")
    sub = p.add_subparsers(dest="command")
    url_help = ("store folder, or a SPARQL server's URL (http://host:port; see README) (default: $KG_STORE or "
                "./.pemilu-kg/store)")
    workers_help = "extraction processes (default: the machine's cores)"

    b = sub.add_parser("build", help="extract facts from articles into the store")
    b.add_argument("paths", nargs="+", type=Path, help=".txt, .jsonl, .html files or folders")
    b.add_argument("--store", help=url_help)
    b.add_argument("--workers", type=int, help=workers_help)
    b.add_argument("-o", "--output", type=Path, help="also write the built graphs here (.trig .nq .ttl .jsonld)")
    b.add_argument("--force", action="store_true", help="rebuild articles whose text has not changed")
    b.add_argument("--model", help="spaCy pipeline folder; 'none' for rules only (default: the shipped model)")
    b.add_argument("--failures", type=Path, help="write the problems found in the input here (JSON)")
    _no_validate(b)
    b.add_argument("--no-resolve", dest="resolve", action="store_false",
                   help="leave the built articles' persons unjoined to the store's canonical persons (run `kg resolve` "
                        "later)")
    b.set_defaults(func=_build)

    rs = sub.add_parser("resolve", help="join the persons of the whole store into one canonical node per person "
                                        "(identity resolution; `kg build` does it for the articles it builds)")
    rs.add_argument("--store", help=url_help)
    rs.add_argument("--model", type=Path, help="the identity model to score pairs with (default: the shipped one)")
    rs.set_defaults(func=_resolve)

    q = sub.add_parser("query", help="run a named query, a .rq file or SPARQL text")
    q.add_argument("query", help="query name (see `kg queries`), path to a .rq file, or SPARQL text")
    q.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                   help="a query parameter, bound as a value (repeatable)")
    q.add_argument("--format", choices=("table", "csv", "tsv", "json"), default="table")
    q.add_argument("--store", help=url_help)
    q.add_argument("--allow-remote", action="store_true", help="allow SERVICE and FROM clauses")
    q.add_argument("--offset", type=_count, default=0,
                   help="a paged query (the whole-graph listings): start at this row of its order")
    q.add_argument("--limit", type=_count, help="a paged query: rows per page (default: the query's, 100)")
    q.add_argument("--all", action="store_true", help="a paged query: every row, not one page")
    q.set_defaults(func=_query)

    ls = sub.add_parser("queries", help="list the named queries")
    ls.set_defaults(func=_queries)

    e = sub.add_parser("export", help="write the store to a file (.ttl .trig .nq .nt .jsonld; .graphml .gexf: "
                                      "the drawn graph for Gephi/Cytoscape)")
    e.add_argument("-o", "--output", type=Path, required=True)
    e.add_argument("--store", help=url_help)
    e.set_defaults(func=_export)

    v = sub.add_parser("view", help="write an interactive, offline HTML view of the graph (or node-link JSON)")
    v.add_argument("-o", "--output", type=Path, default=Path("graph.html"),
                   help="FILE.html: the page; FILE.json: the drawn graph as node-link JSON")
    v.add_argument("--store", help=url_help)
    v.add_argument("--max-nodes", type=int, default=1500,
                   help="draw at most this many nodes: the best-connected (whole store) or most-mentioned (a part)")
    v.add_argument("--focus", metavar="NAME", help="an entity (rdfs:label/skos:altLabel, any case) and its neighbourhood")
    v.add_argument("--hops", type=int, default=1, help="links to follow from --focus (default: 1)")
    v.add_argument("--place", metavar="NAME", help="a region, its sub-regions and what is in, serves or mentions them")
    v.add_argument("--event", metavar="NAME", help="an event with its places, actors, quotations and articles")
    v.add_argument("--query", type=Path, metavar="FILE", help="a SPARQL CONSTRUCT file: draw the IRIs it returns")
    v.set_defaults(func=_view)

    st = sub.add_parser("stats", help="counts by kind, most-mentioned persons and institutions, most central persons")
    st.add_argument("--store", help=url_help)
    st.add_argument("--format", choices=("table", "json"), default="table")
    st.add_argument("--top", type=int, default=10, help="rows per ranking (default: 10)")
    st.set_defaults(func=_stats)

    r = sub.add_parser("run", help="build, export, view and run every named query into one folder")
    r.add_argument("paths", nargs="+", type=Path)
    r.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: out)")
    r.add_argument("--store", help=url_help)
    r.add_argument("--model", help="spaCy pipeline folder")
    r.add_argument("--workers", type=int, help=workers_help)
    _no_validate(r)
    r.set_defaults(func=_run)

    s = sub.add_parser("serve", help="serve the store as a read-only SPARQL endpoint (and a page of the named queries)")
    s.add_argument("--store", help=url_help)
    s.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    s.add_argument("--port", type=int, default=7879)
    s.add_argument("--timeout", type=float, default=10.0, help="seconds a query may run (default: 10)")
    s.add_argument("--max-rows", type=int, default=10000, help="most result rows or triples (default: 10000)")
    s.add_argument("--workers", type=int, help="query processes (default: the machine's cores)")
    s.set_defaults(func=_serve)

    d = sub.add_parser("build-dask", help="build a JSON Lines corpus on a dask.distributed cluster")
    d.add_argument("corpus", type=Path, help="a .jsonl file, one article per line")
    d.add_argument("--scheduler", default="local", help="the scheduler's address (tcp://host:8786), or 'local' "
                   "for a cluster of this machine's cores")
    d.add_argument("--store", help=url_help)
    d.add_argument("--batch", type=int, default=32, help="articles per task (default: 32)")
    d.add_argument("--force", action="store_true", help="rebuild articles whose text has not changed")
    d.add_argument("--model", help="spaCy pipeline folder, present on every worker")
    _no_validate(d)
    d.set_defaults(func=_build_dask)

    va = sub.add_parser("validate", help="check the store or RDF files against the SHACL shapes (ontology/shapes.ttl)")
    va.add_argument("files", nargs="*", type=Path, help=".trig .nq .ttl .nt .jsonld files (default: the store)")
    va.add_argument("--store", help=url_help)
    va.set_defaults(func=_validate)

    t = sub.add_parser("train", help="train the Indonesian NER model (or, with --parser, the UD tagger and "
                                     "parser) from the shared data sets")
    t.add_argument("--data", type=Path, default=Path("../shared/data"), help="folder of the data sets")
    t.add_argument("-o", "--output", type=Path, help="model folder (default: the shipped model's folder)")
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--vectors", type=Path, default=Path(".pemilu-kg") / "vectors",
                   help="folder of the static word vectors, built from --data when missing (needs the train "
                        "extra: pip install -e '.[train]'; default: .pemilu-kg/vectors)")
    t.add_argument("--no-vectors", action="store_true", help="train without static vectors (the older recipe)")
    t.add_argument("--pretrain", type=Path, default=Path(".pemilu-kg") / "tok2vec",
                   help="folder of the tok2vec weights pretrained on CLICK-ID news, pretrained there from --data "
                        "when missing (about 20 min on one core; default: .pemilu-kg/tok2vec)")
    t.add_argument("--no-pretrain", action="store_true", help="start the tok2vec from random weights")
    t.add_argument("--parser", action="store_true",
                   help="train the UD tagger and parser instead (CC BY-SA treebanks only; default output: "
                        "the shipped kg/models/ud; about 5 min on one core)")
    t.add_argument("--extraction", action="store_true",
                   help="train the extraction model instead: the news NER fine-tuned on annotated articles (names "
                        "and post phrases) and the post linkers (default output: the shipped kg/models/extract; "
                        "needs the train extra)")
    t.add_argument("--linkers-only", action="store_true",
                   help="--extraction: keep the fine-tuned spans in the output folder, fit only the post linkers")
    t.add_argument("--identity", action="store_true",
                   help="fit the identity-resolution model instead, on the persons of --store (a built corpus; "
                        "default output: the shipped kg/models/identity/splink.json)")
    t.add_argument("--store", help="--identity: the store to fit on")
    t.add_argument("--labels", type=Path,
                   help="--identity: a folder of hand-labelled mention pairs whose 'same' pairs train the model too "
                        "(the shipped model: bench/identity; without it, no labels)")
    t.add_argument("--gold", type=Path, action="append",
                   help="--extraction: a folder of gold articles (eval/GUIDELINES.md; repeatable; default: "
                        "../shared/eval/dev, ../shared/eval/train and corpus/annotated)")
    t.set_defaults(func=_train)

    ev = sub.add_parser("evaluate", help="cross-validate the extraction (rules, learned, hybrid) on gold articles "
                                         "and write the figures (bench/EXTRACTION_RESULTS.md)")
    ev.add_argument("--gold", type=Path, action="append",
                    help="a folder of gold articles (repeatable; default: ../shared/eval/dev, ../shared/eval/train "
                         "and corpus/annotated)")
    ev.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"), help="folder of score.py")
    ev.add_argument("--folds", type=int, default=5)
    ev.add_argument("--seed", type=int, default=0)
    ev.add_argument("--work", type=Path, default=Path(".pemilu-kg") / "crossval",
                    help="where each fold's trained model is kept (reused when there)")
    ev.add_argument("--agreement", type=Path, nargs=2, default=[Path("corpus/first"), Path("corpus/second")],
                    metavar=("FIRST", "SECOND"),
                    help="two independent annotations of the same articles, before they were settled, for the "
                         "agreement table (default: corpus/first corpus/second)")
    ev.add_argument("--subset", type=Path, action="append",
                    help="a file of article ids (one a line, # comments) to report apart as well (repeatable; "
                         "default: corpus/annotated_last.txt, the articles annotated after the rules were written)")
    ev.add_argument("--heldout", type=Path,
                    help="a folder of gold articles no model is trained on, scored with the shipped model "
                         "(default: corpus/heldout)")
    ev.add_argument("--heldout-subset", type=Path, action="append",
                    help="a file of ids of held-out articles to report apart as well (repeatable; default: "
                         "corpus/heldout_last.txt, the last draw, whose gold and misses nobody read before it was scored)")
    ev.add_argument("-o", "--output", type=Path, default=Path("bench") / "EXTRACTION_RESULTS.md")
    ev.set_defaults(func=_evaluate)
    return p


def _no_validate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-validate", dest="validate", action="store_false",
                        help="load article graphs without checking them against ontology/shapes.ttl (faster; "
                             "by default a graph that does not conform is reported and not loaded)")


def _build(args) -> int:
    return _report(_built(args, args.output, force=args.force), args.failures)


def _built(args, output: Path | None, force: bool = False):
    """Build `args.paths` into `args.store`, with the progress on stderr."""
    from kg.ingest.build import build

    return _with_progress(lambda progress: build(args.paths, args.store, output, force=force, model=args.model,
                                                 workers=args.workers, progress=progress, validate=args.validate,
                                                 resolve_identities=getattr(args, "resolve", True),
                                                 log=lambda m: print(m, file=sys.stderr)))


def _resolve(args) -> int:
    from kg.graph import connect
    from kg.identity.resolve import resolve_persons
    from kg.identity.scoring import load_model

    model = load_model(args.model) if args.model else None
    store = connect(args.store)
    print(resolve_persons(store, log=lambda m: print(m, file=sys.stderr), model=model).summary(), file=sys.stderr)
    store.close()
    return EXIT_OK


def _with_progress(run):
    """`run(progress)` with the progress on stderr: a bar on a terminal, else a line now and then."""
    from kg.ingest.progress import ProgressPrinter

    printer = ProgressPrinter()
    try:
        return run(printer)
    finally:
        printer.close()


def _report(report, failures: Path | None) -> int:
    """Problems to stderr and, as JSON, to `failures`; status 1 when an error left input out of the
    graph (warnings alone: the input was built, read with a guess)."""
    from kg.atomic import write_atomically
    from kg.problems import ERROR, problem_record

    errors = sum(p.severity == ERROR for p in report.problems)
    for problem in report.problems:
        print(f"{problem.source}: {'' if problem.severity == ERROR else 'warning: '}{problem.message}",
              file=sys.stderr)
    dropped = f", the older graphs of {len(report.dropped)} quarantined articles dropped" if report.dropped else ""
    if report.resolution is not None:
        print(report.resolution.summary(), file=sys.stderr)
    print(f"built {report.built} articles, {report.skipped} unchanged, {errors} problems, "
          f"{len(report.problems) - errors} warnings{dropped} in {report.seconds:.1f} s", file=sys.stderr)
    if failures is not None:
        data = json.dumps([problem_record(p) for p in report.problems], ensure_ascii=False, indent=2)
        write_atomically(failures, lambda out: out.write(data.encode("utf-8")))
    return EXIT_PARTIAL if errors else EXIT_OK


def _params(pairs: list[str]) -> dict[str, str]:
    from kg.graph import QueryError

    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise QueryError(f"parameter '{pair}' is not NAME=VALUE")
        out[name.strip()] = value
    return out


def _query(args) -> int:
    from kg.graph import connect
    from kg.graph.catalogue import resolve_query
    from kg.graph.sparql import ALL_ROWS, Page, format_result, page_size, run_query

    text, _ = resolve_query(args.query)
    page = ALL_ROWS if args.all else Page(offset=args.offset, size=args.limit)
    result = run_query(connect(args.store, read_only=True), text, _params(args.param),
                       allow_remote=args.allow_remote, page=page)
    print(format_result(result, args.format))
    size = page_size(text)
    step = args.limit or size
    if size and not args.all and len(result.rows) >= step:
        print(f"kg query: one page ({step} results from result {args.offset}); the next: --offset "
              f"{args.offset + step}; every row: --all", file=sys.stderr)
    return EXIT_OK


def _queries(args) -> int:
    from kg.graph.catalogue import load_named_queries

    for name, q in sorted(load_named_queries().items()):
        params = ", ".join(p.name + ("" if p.required else "?") for p in q.params)
        print(f"{name:24} {q.title}" + (f"  [{params}]" if params else ""))
    return EXIT_OK


def _export(args) -> int:
    from kg.graph import connect
    from kg.present.graph_export import WRITERS, write_graph

    if args.output.suffix.lower() in WRITERS:
        graph = write_graph(connect(args.store, read_only=True), args.output)
        print(f"wrote {args.output} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)",
              file=sys.stderr)
        return EXIT_OK
    path = connect(args.store, read_only=True).export(args.output)
    print(f"wrote {path}", file=sys.stderr)
    return EXIT_OK


def _view(args) -> int:
    from kg.graph import connect
    from kg.present.viewing import Part, write_view

    part = Part(focus=args.focus, hops=args.hops, place=args.place, event=args.event, query=args.query)
    print(write_view(connect(args.store, read_only=True), args.output, args.max_nodes, part), file=sys.stderr)
    return EXIT_OK


def _stats(args) -> int:
    from kg.graph import connect
    from kg.present.stats import format_stats, graph_stats

    print(format_stats(graph_stats(connect(args.store, read_only=True), args.top), args.format))
    return EXIT_OK


def _run(args) -> int:
    from kg.graph import connect
    from kg.graph.catalogue import load_named_queries
    from kg.graph.sparql import ALL_ROWS, format_result, run_query
    from kg.present.viewing import write_view

    report = _built(args, None)
    status = _report(report, args.out / "failures.json" if report.problems else None)
    out = args.out
    (out / "results").mkdir(parents=True, exist_ok=True)
    store = connect(args.store, read_only=True)
    for name in ("graph.trig", "graph.ttl", "graph.jsonld"):
        store.export(out / name)
    print(write_view(store, out / "graph.html"), file=sys.stderr)
    for name, q in sorted(load_named_queries().items()):
        if any(p.required for p in q.params):
            continue
        result = run_query(store, q.text, page=ALL_ROWS)
        (out / "results" / f"{name}.csv").write_text(format_result(result, "csv"), encoding="utf-8")
        print(f"\n== {name}: {q.title} ({len(result.rows)} rows)")
        print(format_result(result, "table"))
    store.close()
    print(f"\nwrote {out}/graph.trig, graph.ttl, graph.jsonld, graph.html and results/*.csv", file=sys.stderr)
    return status


def _serve(args) -> int:
    from kg.present.serve import serve

    return serve(args.store, args.host, args.port, timeout=args.timeout, max_rows=args.max_rows,
                 workers=args.workers)


def _build_dask(args) -> int:
    from kg.ingest.distributed import build_on_cluster

    report = _with_progress(lambda progress: build_on_cluster(
        args.corpus, args.scheduler, args.store, force=args.force, model=args.model, batch=args.batch,
        validate=args.validate, progress=progress))
    return _report(report, None)


def _count(text: str) -> int:
    """A whole number >= 0 for argparse (its message names the option)."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number >= 0")
    return int(text)


def _validate(args) -> int:
    """Prints each violation with its graph and focus node; 0 all conform, 1 violations, 2 bad input."""
    from kg.graph import connect
    from kg.validate import RdfInputError, ShapesError, file_graphs, store_graphs, violations_in

    if args.files and args.store:
        print("kg validate: give either --store or files, not both", file=sys.stderr)
        return EXIT_USAGE
    try:
        graphs = [g for path in args.files for g in file_graphs(path)] if args.files else \
            store_graphs(connect(args.store, read_only=True))
        checked, failed, count = 0, set(), 0
        for name, graph in graphs:
            checked += 1
            for violation in violations_in([(name, graph)]):
                print(violation)
                failed.add(name)
                count += 1
    except (RdfInputError, ShapesError) as exc:
        print(f"kg validate: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"checked {checked} graphs: {count} violations in {len(failed)} graphs", file=sys.stderr)
    return EXIT_PARTIAL if count else EXIT_OK


def _train(args) -> int:
    log = lambda m: print(m, file=sys.stderr)  # noqa: E731
    if args.identity:
        from kg.identity.train import train_identity

        log(f"wrote the identity model to {train_identity(args.store, args.output, args.labels)}")
        return EXIT_OK
    if args.extraction:
        from kg.resources import EXTRACT_DIR
        from kg.training.extraction import train_extraction

        golds = _gold_articles(args.gold)
        train_extraction(golds, args.output or EXTRACT_DIR, seed=args.seed, linkers_only=args.linkers_only, log=log)
        return EXIT_OK
    if args.parser:
        from kg.nlp.pipeline import UD_DIR
        from kg.training.ud import train_ud

        train_ud(args.data, args.output or UD_DIR, seed=args.seed, log=log)
        print(f"wrote the parser to {args.output or UD_DIR}", file=sys.stderr)
        return EXIT_OK
    from kg.resources import MODEL_DIR
    from kg.training import train_ner

    path = train_ner(args.data, args.output or MODEL_DIR, seed=args.seed,
                     vectors=None if args.no_vectors else args.vectors,
                     init_tok2vec=None if args.no_pretrain else args.pretrain, log=log)
    print(f"wrote the model to {path}", file=sys.stderr)
    return EXIT_OK


def _gold_articles(folders: list[Path] | None):
    from kg.training.extraction import DEFAULT_GOLD
    from kg.training.gold import load_gold_dirs

    return load_gold_dirs(folders or [d for d in DEFAULT_GOLD if d.is_dir()] or list(DEFAULT_GOLD))


def _id_files(paths: list[Path], golds: list, option: str) -> dict[str, frozenset[str]]:
    """Each file of article ids (one a line, # comments) by its path; every id must be one of `golds`."""
    from kg.errors import MissingInputError

    out = {}
    for path in paths:
        if not path.is_file():
            raise MissingInputError(f"{path}: no such file of article ids for {option}")
        ids = frozenset(line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines()) - {""}
        unknown = ids - {g.id for g in golds}
        if unknown:
            raise MissingInputError(f"{path}: {len(unknown)} ids are in no gold folder (first: {sorted(unknown)[0]})")
        out[str(path)] = ids
    return out


def _evaluate(args) -> int:
    from kg.errors import MissingInputError
    from kg.training.agreement import agreement
    from kg.training.crossval import load_scorer
    from kg.training.extraction import DEFAULT_GOLD, DEFAULT_HELDOUT, DEFAULT_HELDOUT_SUBSETS, DEFAULT_SUBSET, \
        evaluate, results_markdown, score_heldout

    folders = args.gold or [d for d in DEFAULT_GOLD if d.is_dir()]
    golds = _gold_articles(folders)
    log = lambda m: print(m, file=sys.stderr)  # noqa: E731
    subsets = _id_files(args.subset or [p for p in [DEFAULT_SUBSET] if p.is_file()], golds, "--subset")
    heldout = args.heldout or (DEFAULT_HELDOUT if DEFAULT_HELDOUT.is_dir() else None)
    if heldout is not None and not heldout.is_dir():
        raise MissingInputError(f"{heldout}: no such folder of held-out gold articles for --heldout")
    held = _gold_articles([heldout]) if heldout is not None else []
    held_subsets = _id_files(args.heldout_subset or [p for p in DEFAULT_HELDOUT_SUBSETS if p.is_file() and held],
                             held, "--heldout-subset")
    result = evaluate(golds, args.eval_dir, args.work, k=args.folds, seed=args.seed, log=log, subsets=subsets)
    if heldout is not None:
        result["heldout"] = {"folder": str(heldout)} | score_heldout(held, golds, args.eval_dir, subsets=held_subsets)
        log(f"held out: {result['heldout']['articles']} articles; core F1 hybrid "
            f"{result['heldout']['systems']['hybrid']['core']['f1']:.3f}")
    first, second = args.agreement
    agreed = agreement(first, second, load_scorer(args.eval_dir)) if first.is_dir() and second.is_dir() else None
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(results_markdown(result, [str(f) for f in folders], agreed), encoding="utf-8")
    args.output.with_suffix(".json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    hybrid = result["systems"]["hybrid"]
    print(f"core F1 {hybrid['core']['f1']:.3f} (hybrid, mean of {args.folds} folds); wrote {args.output}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
