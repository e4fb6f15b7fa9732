"""Queries with a time limit, for the endpoint (`kg serve`).

On the embedded store: pyoxigraph has no query timeout, so each query runs in a worker process
holding the store open read-only, and a query over the time limit is stopped by killing that
process (a new one takes its place). On a SPARQL server (`RemotePool`) the request itself times
out. Either way the results are written here, in the SPARQL 1.1 result formats, at most
`max_rows` rows (or triples).

This module is imported by every worker process: keep its imports light (no spaCy).
"""
from __future__ import annotations

import csv
import io
import json
import multiprocessing
import queue
import threading
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg.graph.catalogue import QueryError
from kg.graph.embedded import EmbeddedStore
from kg.graph.remote import RemoteStore
from kg.graph.sparql import unique
from kg.graph.terms import Solutions, plain

RESULT_TYPES = {  # media type → format name, for SELECT and ASK
    "application/sparql-results+json": "json", "application/json": "json",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
}
GRAPH_TYPES = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/turtle": ox.RdfFormat.TURTLE,
               "text/plain": ox.RdfFormat.N_TRIPLES}
CONTENT_TYPES = {"json": "application/sparql-results+json", "csv": "text/csv; charset=utf-8",
                 "tsv": "text/tab-separated-values; charset=utf-8", "xml": "application/sparql-results+xml"}


@dataclass(frozen=True)
class Request:
    text: str
    result_format: str = "json"  # json, csv, tsv, xml (SELECT, ASK)
    graph_format: str = "application/n-triples"  # CONSTRUCT, DESCRIBE
    bindings: tuple[tuple[str, str, bool], ...] = ()  # (variable, value, is IRI)
    hidden: tuple[str, ...] = ()  # columns left out (a named query's parameters)
    default_graphs: tuple[str, ...] = ()  # default-graph-uri; none: the union of all graphs
    named_graphs: tuple[str, ...] = ()
    truncate: bool = False  # over max_rows: keep the first rows (True) or refuse (False)


@dataclass
class Answer:
    status: int
    content_type: str
    body: bytes
    rows: list[tuple[str | None, ...]] = field(default_factory=list)  # plain values, for the HTML page
    columns: list[str] = field(default_factory=list)
    truncated: bool = False


class QueryPool:
    """`workers` processes, each with the store at `path` open read-only."""

    def __init__(self, path: str, workers: int, timeout: float, max_rows: int):
        self.path, self.timeout, self.max_rows = path, timeout, max_rows
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue = queue.Queue()
        self._lock = threading.Lock()
        self._all: list = []
        for _ in range(max(1, workers)):
            self._idle.put(self._start())

    def _start(self):
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_worker, args=(child, self.path, self.max_rows), daemon=True)
        process.start()
        child.close()
        with self._lock:
            self._all.append((process, parent))
        return process, parent

    def run(self, request: Request) -> Answer:
        try:
            slot = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return _error(503, "every query worker is busy; try again shortly")
        process, conn = slot
        timed_out = False
        try:
            conn.send(request)
            if conn.poll(self.timeout):
                answer = conn.recv()
                self._idle.put(slot)
                return answer
            timed_out = True
        except (EOFError, OSError):
            pass
        process.kill()  # over the time limit (or the worker died): stop it, start a fresh one
        process.join()
        conn.close()
        with self._lock:
            self._all.remove(slot)
        self._idle.put(self._start())
        if timed_out:
            return _error(503, f"the query ran longer than the {self.timeout:g} s time limit and was stopped; "
                               "narrow it (more patterns, a LIMIT) or ask the operator for a longer --timeout")
        return _error(500, "the query worker failed; see the server's log")

    def close(self) -> None:
        with self._lock:
            for process, conn in self._all:
                process.kill()
                process.join()
                conn.close()
            self._all.clear()


class RemotePool:
    """The endpoint's queries sent on to a SPARQL server, each request timed out after `timeout` s."""

    def __init__(self, url: str, timeout: float, max_rows: int):
        self.url, self.timeout, self.max_rows = url, timeout, max_rows

    def run(self, request: Request) -> Answer:
        store = RemoteStore.from_url(self.url)  # a connection per request: the handler runs in threads
        store.timeout = self.timeout
        try:
            return execute(store, request, self.max_rows)
        except QueryError as err:
            status = getattr(err.__cause__, "status", 502)
            return _error(status if 400 <= status < 500 else 502, f"the SPARQL server behind this endpoint: {err}")
        finally:
            store.close()

    def close(self) -> None:
        pass


def _error(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message + "\n").encode())


# ---------------------------------------------------------------- worker side

def _worker(conn, path: str, max_rows: int) -> None:
    store = EmbeddedStore.open(Path(path), read_only=True)
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer = execute(store, request, max_rows)
        except SyntaxError as err:
            answer = _error(400, f"SPARQL syntax error: {err}")
        except (OSError, RuntimeError, ValueError, TypeError) as err:
            answer = _error(400, f"the query failed: {err}")
        conn.send(answer)


def execute(store: EmbeddedStore | RemoteStore, request: Request, max_rows: int) -> Answer:
    bindings = {name: (value, iri) for name, value, iri in request.bindings}
    result = store.evaluate(request.text, bindings, default_graphs=request.default_graphs,
                            named_graphs=request.named_graphs)
    if isinstance(result, (bool, ox.QueryBoolean)):
        return _boolean(bool(result), request.result_format)
    if isinstance(result, (ox.QuerySolutions, Solutions)):
        columns = [getattr(v, "value", v) for v in result.variables]
        keep = [i for i, c in enumerate(columns) if c not in request.hidden]
        rows = (tuple(s[i] for i in keep) for s in result)
        rows, truncated = _take(unique(rows) if request.hidden else rows, max_rows)
        if truncated and not request.truncate:
            return _too_many(max_rows)
        columns = [columns[i] for i in keep]
        body = _write_solutions(columns, rows, request.result_format)
        return Answer(200, CONTENT_TYPES[request.result_format], body,
                      [tuple(plain(t) for t in row) for row in rows], columns, truncated)
    triples, truncated = _take(iter(result), max_rows)
    if truncated and not request.truncate:
        return _too_many(max_rows)
    fmt = GRAPH_TYPES.get(request.graph_format, ox.RdfFormat.N_TRIPLES)
    return Answer(200, f"{fmt.media_type}; charset=utf-8", ox.serialize(triples, format=fmt) or b"",
                  truncated=truncated)


def _take(items, limit: int) -> tuple[list, bool]:
    out = []
    for item in items:
        if len(out) >= limit:
            return out, True
        out.append(item)
    return out, False


def _too_many(limit: int) -> Answer:
    return _error(413, f"the result is over the {limit}-row limit of this endpoint; add a LIMIT (and OFFSET to page)")


def _boolean(value: bool, fmt: str) -> Answer:
    if fmt == "xml":
        body = ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                f"<boolean>{str(value).lower()}</boolean></sparql>\n").encode()
        return Answer(200, CONTENT_TYPES["xml"], body)
    if fmt in ("csv", "tsv"):
        return Answer(200, CONTENT_TYPES[fmt], f"{str(value).lower()}\n".encode())
    return Answer(200, CONTENT_TYPES["json"], json.dumps({"head": {}, "boolean": value}).encode())


def _write_solutions(columns: list[str], rows: list[tuple], fmt: str) -> bytes:
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        writer.writerows(["" if v is None else v for v in map(plain, row)] for row in rows)
        return out.getvalue().encode()
    if fmt == "tsv":
        lines = ["\t".join(f"?{c}" for c in columns)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode()
    if fmt == "xml":
        parts = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
        parts += [f"<variable name={quoteattr(c)}/>" for c in columns]
        parts.append("</head><results>")
        for row in rows:
            parts.append("<result>")
            parts += [f"<binding name={quoteattr(c)}>{_xml_term(t)}</binding>"
                      for c, t in zip(columns, row) if t is not None]
            parts.append("</result>")
        parts.append("</results></sparql>\n")
        return "".join(parts).encode()
    bindings = [{c: _json_term(t) for c, t in zip(columns, row) if t is not None} for row in rows]
    return json.dumps({"head": {"vars": columns}, "results": {"bindings": bindings}}, ensure_ascii=False).encode()


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        cell = {"type": "literal", "value": term.value}
        if term.language:
            cell["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            cell["datatype"] = term.datatype.value
        return cell
    return {"type": "triple", "value": str(term)}


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"
