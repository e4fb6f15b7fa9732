"""Running SPARQL through the store seam: refusing what reaches the network or writes, binding a
named query's parameters, paging, and the result as rows of plain strings or a printed table.

Rules that make every store (pyoxigraph's `substitutions=`, rdflib's `initBindings=`, a SPARQL
server's VALUES block) return the same rows, verified in tests/test_query.py:

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

from kg.graph.adapt import as_store
from kg.graph.catalogue import Param, QueryError, parse_header
from kg.graph.protocol import Binding, QueryResult, Store
from kg.graph.terms import check_iri
from kg.rdf.keys import name_key

FORMATS = ("table", "csv", "tsv", "json")
MAX_CELL = 60  # characters of one cell in the "table" format
_PAGE_LINE = re.compile(r"^([ \t]*)LIMIT\s+(\d+)(?:\s+OFFSET\s+(\d+))?[ \t]*#\s*page[ \t]*$", re.M | re.I)
_IF_LINE = re.compile(r"^.*#\s*if\s+([A-Za-z_]\w*)[ \t]*$", re.M)


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


def blank(text: str) -> str:
    """Strings, IRIs and comments blanked out (same length), so keywords inside them are not seen."""
    return _OPAQUE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def check_query_safety(text: str, allow_remote: bool = False, allow_update: bool = False) -> None:
    """Refuse SERVICE, LOAD and FROM / FROM NAMED (they reach the network: rdflib fetches FROM
    graphs over HTTP) and SPARQL Update operations. Strings, IRIs, comments and names are ignored."""
    code = blank(text)
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

def run_query(store: Store, text: str, bindings: dict[str, str] | None = None, *, allow_remote: bool = False,
              page: Page | None = None) -> QueryResult:
    """Run `text` on the union of the article graphs, with `bindings` for the header's parameters;
    a paged query returns `page` (default: its first page). Parameter columns are left out.
    `store` may also be an Oxigraph store or an rdflib graph (`kg.graph.as_store`)."""
    store = as_store(store)
    check_query_safety(text, allow_remote=allow_remote)
    title, _, params = parse_header(text)
    where = f"query {title!r}" if title else "query"
    terms = binding_terms(params, bindings or {}, where)

    def run(prepared: str) -> QueryResult:
        try:
            return store.select(prepared, terms)
        except QueryError as err:
            raise QueryError(f"{where}: {err}") from err

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


def binding_terms(params: tuple[Param, ...], bindings: dict[str, str], where: str) -> dict[str, Binding]:
    """The given values checked against the declared parameters, as (value, is IRI); a `key`
    parameter's value becomes its name key."""
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
            problem = check_iri(value)
            if problem:
                raise QueryError(f"{where}: parameter {name} takes an IRI, and {value!r} is not one: {problem}")
    return {name: (name_key(value) if declared[name].key else value, declared[name].iri)
            for name, value in bindings.items()}


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
