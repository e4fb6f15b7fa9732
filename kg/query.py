"""Named SPARQL queries over the store: load, check, run with bindings, format.

A named query is one `queries/<name>.rq` file whose leading comment block is its header:

    # title: Who holds which post where
    # description: Every person–post–institution fact ...
    #   (lines indented after the `#` continue the previous field)
    # param: person_name  (optional) a person's name, matched against rdfs:label/skos:altLabel
    # param: org_iri  (required, iri) an institution IRI
    # param: person_name  (required, key) a name, bound as its key (see below)

A parameter is a query variable of the same name (`?person_name`) that `run_query` binds; values
never enter the query text. Rules that make pyoxigraph 0.5.13 (`substitutions=`) and rdflib
(`initBindings=`) return the same rows, verified in tests/test_query.py:

* project every parameter variable in the SELECT clause: pyoxigraph refuses to substitute a
  variable that is not projected. `run_query` drops parameter columns from the result.
* never test a parameter with `BOUND(?p)`: pyoxigraph evaluates it to false after substitution.
  An optional parameter means "no filter" through an error caught by COALESCE, e.g.
  `FILTER (COALESCE(LCASE(STR(?label)) = LCASE(STR(?person_name)), true))` or
  `FILTER (CONTAINS(LCASE(?text), LCASE(STR(COALESCE(?word, "")))))`.
* use parameters in FILTER expressions (EXISTS included) and required triple patterns, not in
  BIND or OPTIONAL.
* match a name given by the user through its key: a `key` parameter is bound as
  `kg.rdf.keys.name_key(value)` (lowercased, spaces collapsed), and `?node pemilu:nameKey ?param`
  finds the nodes with that name by index lookup; comparing LCASE(?label) scans every label
  (over 100 ms on ten thousand articles).
* always SELECT DISTINCT or COUNT(DISTINCT ...): the same rows then come from the embedded
  store's default graph (the deduplicated union) and from the union of the named graphs
  (older stores, remote servers, rdflib), where a triple matches once per graph holding it.

Two line marks let one file serve both a whole-graph listing and a lookup (see `prepare`):

* a line ending in `# if NAME` is kept only when the parameter NAME is given, so the lookup
  pattern of an optional `key` parameter does not turn into a scan of every name when it is not;
* a line `LIMIT n OFFSET m  # page` makes the query paged: it returns `n` rows from row `m` (the
  default page), and `Page` asks for another page or for every row. Put it in a subquery that
  orders by a date or number (strings are slow to sort) and decorate only that page's rows.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
import rdflib

from kg.rdf.keys import name_key
from kg.resources import data_dir
from kg.store import union_options

FORMATS = ("table", "csv", "tsv", "json")
MAX_CELL = 60  # characters of one cell in the "table" format
_HEADER_FIELD = re.compile(r"#\s*(title|description|param)\s*:\s*(.*)")
_PARAM_SPEC = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s+\(([^)]*)\)\s*(.*)")
_PAGE_LINE = re.compile(r"^([ \t]*)LIMIT\s+(\d+)(?:\s+OFFSET\s+(\d+))?[ \t]*#\s*page[ \t]*$", re.M | re.I)
_IF_LINE = re.compile(r"^.*#\s*if\s+([A-Za-z_]\w*)[ \t]*$", re.M)


class QueryError(ValueError):
    """A query that cannot be loaded, is refused, or cannot run; the message says what to do."""


@dataclass(frozen=True)
class Param:
    name: str
    required: bool
    iri: bool  # bind the value as an IRI instead of a plain literal
    description: str
    key: bool = False  # bind the value's name key (kg.rdf.keys.name_key), matched with pemilu:nameKey


@dataclass(frozen=True)
class Page:
    """Which rows of a paged query: `size` rows from row `offset` (size None: the query's own page
    size); `everything` returns every row (see `run_pages`)."""

    offset: int = 0
    size: int | None = None
    everything: bool = False


ALL_ROWS = Page(everything=True)
# Every row of a paged query comes in pages of this size: a page as large as the graph would
# make the engine prepare a sort buffer that large, and with no LIMIT it plans the query anew.
CHUNK = 10_000


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    path: Path | None


@dataclass(frozen=True)
class QueryResult:
    """Rows of plain strings: IRIs as IRIs, literals as their lexical form, None when unbound.

    ASK gives `boolean` and one row ("true"/"false") under the column "boolean";
    CONSTRUCT/DESCRIBE give the columns subject, predicate, object.
    """

    columns: list[str]
    rows: list[tuple[str | None, ...]]
    boolean: bool | None = None


# ---------------------------------------------------------------- loading

def default_queries_dir() -> Path:
    """The named queries' folder: `kg/_queries` in an installed wheel, else the repository's
    `queries/` (`kg.resources.data_dir` decides, for queries and ontology alike)."""
    return data_dir("queries")


def parse_header(text: str, where: str = "query") -> tuple[str, str, tuple[Param, ...]]:
    """Title, description and parameters from the leading `# key: value` comment block."""
    fields: list[list[str]] = []  # [key, value] in order
    for line in text.lstrip().splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        match = _HEADER_FIELD.fullmatch(stripped)
        if match:
            fields.append([match.group(1), match.group(2).strip()])
        elif fields and re.match(r"#\s{2,}\S", stripped):  # indented continuation line
            fields[-1][1] += " " + stripped[1:].strip()
    title = next((v for k, v in fields if k == "title"), "")
    description = " ".join(v for k, v in fields if k == "description")
    params = tuple(_parse_param(v, where) for k, v in fields if k == "param")
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise QueryError(f"{where}: a parameter is declared twice in {names}; keep one '# param:' line each")
    for p in params:
        if not re.search(rf"[?$]{p.name}\b", text):
            raise QueryError(f"{where}: parameter {p.name!r} is declared but the query never uses "
                             f"?{p.name}; rename the variable or drop the '# param:' line")
    return title, description, params


def _parse_param(spec: str, where: str) -> Param:
    match = _PARAM_SPEC.fullmatch(spec)
    flags = {f.strip().lower() for f in match.group(2).split(",")} if match else set()
    if (not match or len(flags & {"required", "optional"}) != 1 or flags - {"required", "optional", "iri", "key"}
            or {"iri", "key"} <= flags):
        raise QueryError(f"{where}: bad parameter line '# param: {spec}'; write "
                         "'# param: NAME  (optional|required[, iri|key]) description'")
    return Param(match.group(1), "required" in flags, "iri" in flags, match.group(3).strip(), "key" in flags)


def load_query_file(path: Path) -> NamedQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise QueryError(f"cannot read query file {path}: {err.strerror}") from err
    title, description, params = parse_header(text, str(path))
    if not title:
        raise QueryError(f"{path}: the header has no title; start the file with '# title: ...'")
    return NamedQuery(path.stem, title, description, params, text, path)


def load_named_queries(folder: Path | None = None) -> dict[str, NamedQuery]:
    """All `*.rq` files of `folder` (default: `default_queries_dir()`), keyed by file stem."""
    folder = default_queries_dir() if folder is None else Path(folder)
    if not folder.is_dir():
        raise QueryError(f"query folder {folder} does not exist")
    return {path.stem: load_query_file(path) for path in sorted(folder.glob("*.rq"))}


def resolve_query(spec: str) -> tuple[str, NamedQuery | None]:
    """A named query's name, a path to a `.rq` file, or literal SPARQL text -> (text, query or None)."""
    word = spec.strip()
    if word.endswith(".rq") and "\n" not in word:
        path = Path(word)
        if not path.is_file():
            raise QueryError(f"query file {path} not found; give an existing .rq file, a query name or SPARQL text")
        query = load_query_file(path)
        return query.text, query
    if re.fullmatch(r"[\w./\\-]+", word):  # one token: a name, or a path without the .rq suffix
        queries = load_named_queries()
        if word in queries:
            return queries[word].text, queries[word]
        if Path(word).is_file():
            query = load_query_file(Path(word))
            return query.text, query
        raise QueryError(f"no named query {word!r}; known: {', '.join(sorted(queries))} "
                         "(or give a path to a .rq file, or SPARQL text)")
    return spec, None


# ---------------------------------------------------------------- safety

# Strings, IRIs and comments, blanked out before looking for keywords. Long strings come first.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>' r"|#[^\n]*",
    re.S,
)
# Variables, language tags and prefixed names (`schema:Service`, `_:load`) are skipped; bare words remain.
_TOKEN = re.compile(r"[?$]\w+|@[A-Za-z][\w-]*|[\w.-]*:[\w.:%\\-]*|([A-Za-z_]\w*)")
_REMOTE = {"SERVICE", "LOAD", "FROM"}
_UPDATE = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


def check_query_safety(text: str, allow_remote: bool = False, allow_update: bool = False) -> None:
    """Refuse SERVICE, LOAD and FROM / FROM NAMED (they reach the network: rdflib fetches FROM
    graphs over HTTP) and SPARQL Update operations. Strings, IRIs, comments and names are ignored."""
    code = _OPAQUE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    for match in _TOKEN.finditer(code):
        word = (match.group(1) or "").upper()
        line = code.count("\n", 0, match.start()) + 1
        if word in _REMOTE and not allow_remote:
            named = word == "FROM" and re.match(r"FROM\s+NAMED\b", code[match.start():], re.I)
            raise QueryError(f"refused: {'FROM NAMED' if named else word} clause on line {line} can reach "
                             "the network or other datasets; queries run on the store's graphs only "
                             "(allow_remote=True permits it)")
        if word in _UPDATE and not allow_update:
            raise QueryError(f"refused: {word} on line {line} is a SPARQL Update operation; only queries "
                             "(SELECT, ASK, CONSTRUCT, DESCRIBE) run here")


# ---------------------------------------------------------------- running

def run_query(store: pyoxigraph.Store | rdflib.Dataset, text: str, bindings: dict[str, str] | None = None,
              *, allow_remote: bool = False, page: Page | None = None) -> QueryResult:
    """Run `text` on the union of all named graphs, with `bindings` for the header's parameters;
    a paged query returns `page` (default: its first page).

    `store` is a pyoxigraph Store, or an rdflib Dataset(default_union=True) (used by the tests
    to check both engines agree). Parameter columns are left out of the result.
    """
    check_query_safety(text, allow_remote=allow_remote)
    title, _, params = parse_header(text)
    where = f"query {title!r}" if title else "query"
    terms = binding_terms(params, bindings or {}, where)
    if isinstance(store, pyoxigraph.Store):
        def run(prepared: str) -> QueryResult:
            return _run_oxigraph(store, prepared, terms, where)
    elif isinstance(store, rdflib.Graph):
        def run(prepared: str) -> QueryResult:
            return _run_rdflib(store, prepared, terms, where)
    else:
        raise QueryError(f"cannot query a {type(store).__name__}; pass a pyoxigraph.Store or rdflib.Dataset")
    return without_params(run_pages(run, text, terms, page), params)


def run_pages(run: Callable[[str], QueryResult], text: str, given: Iterable[str], page: Page | None) -> QueryResult:
    """`run` on `text` prepared for `page`; every row of a paged query is fetched CHUNK rows at a
    time until a chunk comes back empty."""
    if not (page and page.everything and page_size(text)):
        return run(prepare(text, given, page))
    chunks: list[QueryResult] = []
    while not chunks or chunks[-1].rows:
        chunks.append(run(prepare(text, given, Page(offset=len(chunks) * CHUNK, size=CHUNK))))
    rows = unique(row for chunk in chunks for row in chunk.rows)
    return QueryResult(chunks[0].columns, list(rows), chunks[0].boolean)


def page_size(text: str) -> int | None:
    """The rows per page of a paged query (its `LIMIT n  # page` line), else None."""
    match = _PAGE_LINE.search(text)
    return int(match.group(2)) if match else None


def prepare(text: str, given: Iterable[str], page: Page | None = None) -> str:
    """`text` as it runs: lines marked `# if NAME` dropped unless NAME is `given`, and the
    `# page` line set to `page`."""
    given = set(given)
    text = _IF_LINE.sub(lambda m: m.group(0) if m.group(1) in given else "", text)
    match = _PAGE_LINE.search(text)
    if match is None or page is None:
        return text
    if page.offset < 0 or (page.size is not None and page.size < 1):
        raise QueryError(f"bad page: offset {page.offset} and size {page.size}; give an offset >= 0 and a size >= 1")
    if page.everything:
        raise QueryError("every row of a paged query comes through run_pages, a chunk at a time")
    size = page.size if page.size is not None else int(match.group(2))
    return f"{text[:match.start()]}{match.group(1)}LIMIT {size} OFFSET {page.offset}{text[match.end():]}"


def without_params(result: QueryResult, params: tuple[Param, ...]) -> QueryResult:
    """The result without the parameters' columns, each row once (a `key` parameter left unbound
    matches every name of a node, giving a row per name)."""
    hidden = {p.name for p in params}
    keep = [i for i, column in enumerate(result.columns) if column not in hidden]
    if len(keep) == len(result.columns):
        return result
    rows = unique(tuple(row[i] for i in keep) for row in result.rows)
    return QueryResult([result.columns[i] for i in keep], list(rows), result.boolean)


def unique(rows: Iterable[tuple]) -> Iterator[tuple]:
    """Each row once, in order (streaming, for the endpoint's row limit too)."""
    seen = set()
    for row in rows:
        if row not in seen:
            seen.add(row)
            yield row


def binding_terms(params: tuple[Param, ...], bindings: dict[str, str], where: str) -> dict[str, tuple[str, bool]]:
    declared = {p.name: p for p in params}
    listing = ", ".join(f"{p.name} ({'required' if p.required else 'optional'})" for p in params) or "none"
    unknown = sorted(set(bindings) - set(declared))
    if unknown:
        raise QueryError(f"{where}: unknown parameter(s) {', '.join(unknown)}; declared parameters: {listing}")
    missing = [p.name for p in params if p.required and p.name not in bindings]
    if missing:
        raise QueryError(f"{where}: missing required parameter(s) {', '.join(missing)}; declared: {listing}")
    for name, value in bindings.items():
        if not isinstance(value, str):
            raise QueryError(f"{where}: parameter {name} must be a string, got {type(value).__name__}")
        if declared[name].iri:
            try:
                pyoxigraph.NamedNode(value)
            except ValueError as err:
                raise QueryError(f"{where}: parameter {name} takes an IRI, and {value!r} is not one: {err}") from err
    return {name: (name_key(value) if declared[name].key else value, declared[name].iri)
            for name, value in bindings.items()}


def _run_oxigraph(store: pyoxigraph.Store, text: str, terms: dict[str, tuple[str, bool]], where: str) -> QueryResult:
    substitutions = {pyoxigraph.Variable(name): pyoxigraph.NamedNode(value) if iri else pyoxigraph.Literal(value)
                     for name, (value, iri) in terms.items()}
    try:
        answer = store.query(text, substitutions=substitutions, **union_options(store))
        if isinstance(answer, pyoxigraph.QueryBoolean):
            return QueryResult(["boolean"], [(str(bool(answer)).lower(),)], bool(answer))
        if isinstance(answer, pyoxigraph.QuerySolutions):
            columns = [v.value for v in answer.variables]
            rows = [tuple(_ox_value(solution[i]) for i in range(len(columns))) for solution in answer]
            return QueryResult(columns, rows)
        return QueryResult(["subject", "predicate", "object"],
                           [(_ox_value(t.subject), t.predicate.value, _ox_value(t.object)) for t in answer])
    except SyntaxError as err:
        raise QueryError(f"{where}: SPARQL syntax error: {err}") from err
    except (RuntimeError, OSError, ValueError) as err:
        hint = ("; pyoxigraph only binds variables the SELECT clause projects: add the parameter "
                "variable to the SELECT list" if "projection" in str(err) else "")
        raise QueryError(f"{where}: query failed: {err}{hint}") from err


def _ox_value(term) -> str | None:
    if term is None:
        return None
    if isinstance(term, (pyoxigraph.NamedNode, pyoxigraph.Literal)):
        return term.value
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    return str(term)  # RDF 1.2 triple term


def _run_rdflib(graph: rdflib.Graph, text: str, terms: dict[str, tuple[str, bool]], where: str) -> QueryResult:
    if isinstance(graph, rdflib.Dataset) and not graph.default_union:
        raise QueryError(f"{where}: build the rdflib Dataset with default_union=True so queries see all named graphs")
    init = {name: rdflib.URIRef(value) if iri else rdflib.Literal(value) for name, (value, iri) in terms.items()}
    try:
        answer = graph.query(text, initBindings=init)
        if answer.type == "ASK":
            return QueryResult(["boolean"], [(str(bool(answer.askAnswer)).lower(),)], bool(answer.askAnswer))
        if answer.type == "SELECT":
            return QueryResult([str(v) for v in answer.vars],
                               [tuple(_rdflib_value(term) for term in row) for row in answer])
        return QueryResult(["subject", "predicate", "object"],
                           [tuple(_rdflib_value(term) for term in triple) for triple in answer])
    except Exception as err:  # rdflib raises pyparsing and assorted errors for bad queries
        raise QueryError(f"{where}: query failed on rdflib: {err}") from err


def _rdflib_value(term) -> str | None:
    if term is None:
        return None
    if isinstance(term, rdflib.BNode):
        return f"_:{term}"
    return str(term)


# ---------------------------------------------------------------- output

def format_result(result: QueryResult, fmt: str) -> str:
    """Render as "table" (aligned, long cells cut), "csv", "tsv" or "json".

    json is a list of objects, one per row, keyed by column (null when unbound); an ASK result
    is {"boolean": true|false}. tsv escapes backslash, tab and newline inside values as \\\\, \\t, \\n.
    Unbound values are empty in table, csv and tsv.
    """
    if fmt == "json":
        if result.boolean is not None:
            return json.dumps({"boolean": result.boolean})
        return json.dumps([dict(zip(result.columns, row)) for row in result.rows], ensure_ascii=False, indent=2)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(["" if v is None else v for v in row] for row in result.rows)
        return out.getvalue()
    if fmt == "tsv":
        lines = ["\t".join(result.columns)]
        lines += ["\t".join(_tsv_cell(v) for v in row) for row in result.rows]
        return "\n".join(lines) + "\n"
    if fmt == "table":
        return _table(result)
    raise QueryError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _tsv_cell(value: str | None) -> str:
    if value is None:
        return ""
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _table(result: QueryResult) -> str:
    def cell(value: str | None) -> str:
        text = "" if value is None else " ".join(value.split())
        return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"

    cells = [[cell(v) for v in row] for row in result.rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(result.columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(result.columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(cells)} row{'' if len(cells) == 1 else 's'})")
    return "\n".join(lines) + "\n"
