"""`kg serve`: the store as a read-only SPARQL 1.1 Protocol endpoint, and a plain page of the named
queries with their results.

    GET  /sparql?query=...              (also /query)
    POST /sparql   query=... (form) or the query itself (application/sparql-query)
    GET  /named/NAME?PARAM=VALUE        a named query, its parameters bound as values; a paged
                                        one also takes offset=N and limit=N (rows of the page)
    GET  /                              the named queries, their descriptions and results

Results by content negotiation (Accept, or `format=json|csv|tsv|xml`): SPARQL JSON, CSV, TSV or
XML; CONSTRUCT and DESCRIBE give N-Triples or Turtle. Queries run on the union of the article
graphs unless `default-graph-uri` is given. SERVICE, LOAD, FROM and every update are refused
(`kg.graph.sparql.check_query_safety`); a query is stopped after `timeout` seconds and may return
at most `max_rows` rows (`kg.graph.pool`). Binds 127.0.0.1 unless told otherwise.

The store is the one `--store` or $KG_STORE names (`kg.graph.connect`): a folder, whose queries run
in worker processes holding it open read-only (do not build into it while it is served: restart
`kg serve` after a build), or a SPARQL server, to which each query is sent on (this endpoint then
adds the named queries, the limits and the refusals in front of it).
"""
from __future__ import annotations

import html
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, urlencode, urlsplit

from kg.graph import connect, count_articles, is_url, resolve
from kg.graph.catalogue import NamedQuery, QueryError, load_named_queries
from kg.graph.pool import GRAPH_TYPES, RESULT_TYPES, Answer, QueryPool, RemotePool, Request
from kg.graph.sparql import Page, binding_terms, check_query_safety, prepare

MAX_BODY = 1 << 20  # bytes of a POSTed query
PAGE_ROWS = 20  # rows of each named query shown on the page
SPARQL_PATHS = ("/sparql", "/query")
PAGING = ("format", "offset", "limit")  # arguments of /named/NAME that are not query parameters


def serve(store: str | Path | None, host: str = "127.0.0.1", port: int = 7879, *, timeout: float = 10.0,
          max_rows: int = 10000, workers: int | None = None) -> int:
    """Serve until interrupted (Ctrl-C or SIGTERM); prints the address it listens on."""
    import signal

    from kg.cores import default_workers

    server = make_server(store, host, port, timeout=timeout, max_rows=max_rows, workers=workers or default_workers())
    previous = signal.signal(signal.SIGTERM, _interrupt)
    bound_host, bound_port = server.server_address[:2]
    print(f"serving http://{bound_host}:{bound_port}/ (SPARQL endpoint: /sparql); Ctrl-C stops", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        server.pool.close()
        signal.signal(signal.SIGTERM, previous)
    return 0


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def make_server(store: str | Path | None, host: str, port: int, *, timeout: float, max_rows: int,
                workers: int) -> ThreadingHTTPServer:
    """The server of the store `store` names (a folder or a SPARQL server; see `kg.graph.resolve`)."""
    spec = resolve(store)
    count_articles(connect(spec, read_only=True))  # fails here, with what to do, when there is no store
    server = ThreadingHTTPServer((host, port), _Handler)
    server.daemon_threads = True
    server.pool = RemotePool(spec, timeout, max_rows) if is_url(spec) else QueryPool(spec, workers, timeout, max_rows)
    server.queries = load_named_queries()
    return server


class _Handler(BaseHTTPRequestHandler):
    server_version = "pemilu-kg"

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/":
            self._send(200, "text/html; charset=utf-8", _page(self.server).encode())
        elif url.path in SPARQL_PATHS:
            self._sparql(params)
        elif url.path.startswith("/named/"):
            self._named(url.path.removeprefix("/named/"), params)
        else:
            self._send_text(404, "not found: the SPARQL endpoint is /sparql, the named queries are on /")

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path not in SPARQL_PATHS:
            return self._send_text(404, "not found: POST queries to /sparql")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self._send_text(413, f"the request is over {MAX_BODY} bytes")
        body = self.rfile.read(length).decode("utf-8", "replace")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if kind == "application/sparql-update":
            return self._send_text(403, "this endpoint is read-only: SPARQL Update is refused")
        if kind == "application/sparql-query":
            params["query"] = [body]
        else:
            params.update(parse_qs(body, keep_blank_values=True))
        self._sparql(params)

    def _sparql(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            return self._send_text(403, "this endpoint is read-only: SPARQL Update is refused")
        if len(params.get("query", [])) != 1:
            return self._send_text(400, "give exactly one 'query' parameter (SPARQL 1.1 Protocol)")
        text = params["query"][0]
        try:
            check_query_safety(text)
        except QueryError as err:
            return self._send_text(400, str(err))
        self._answer(self.server.pool.run(self._request(text, params)))

    def _named(self, name: str, params: dict[str, list[str]]) -> None:
        query = self.server.queries.get(name)
        if query is None:
            return self._send_text(404, f"no named query {name!r}; the list is on /")
        bindings = {k: v[-1] for k, v in params.items() if k not in PAGING and v and v[-1] != ""}
        try:
            request = _named_request(query, bindings, self._request(query.text, params), page=_page_of(params))
        except QueryError as err:
            return self._send_text(400, str(err))
        self._answer(self.server.pool.run(request))

    def _request(self, text: str, params: dict[str, list[str]]) -> Request:
        accept = self.headers.get("Accept") or "*/*"
        fmt = (params.get("format") or [""])[0].lower()
        return Request(text, fmt if fmt in ("json", "csv", "tsv", "xml") else _choose(accept, RESULT_TYPES, "json"),
                       _choose(accept, GRAPH_TYPES, "application/n-triples", keys=True),
                       default_graphs=tuple(params.get("default-graph-uri", [])),
                       named_graphs=tuple(params.get("named-graph-uri", [])))

    def _answer(self, answer: Answer) -> None:
        self._send(answer.status, answer.content_type, answer.body)

    def _send_text(self, status: int, message: str) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode())

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:
        sys.stderr.write(f"{self.address_string()} {format % args}\n")


def _choose(accept: str, types: dict, default, keys: bool = False):
    """The best media type of `accept` that `types` knows (its format, or the type with `keys`)."""
    ranked = []
    for n, part in enumerate(accept.split(",")):
        media, *options = [p.strip() for p in part.split(";")]
        q = next((float(o[2:]) for o in options if o.startswith("q=") and o[2:].replace(".", "", 1).isdigit()), 1.0)
        ranked.append((-q, n, media.lower()))
    for _, _, media in sorted(ranked):
        if media in types:
            return media if keys else types[media]
    return default


def _page_of(params: dict[str, list[str]]) -> Page:
    """The page `offset` / `limit` of a /named/ request ask for (defaults: the query's first page)."""
    values = {}
    for name in ("offset", "limit"):
        text = (params.get(name) or [""])[-1]
        if text and not text.isdigit():
            raise QueryError(f"{name} must be a whole number, not {text!r}")
        values[name] = int(text) if text else None
    return Page(offset=values["offset"] or 0, size=values["limit"])


def _named_request(query: NamedQuery, bindings: dict[str, str], base: Request, truncate: bool = False,
                   page: Page | None = None) -> Request:
    terms = binding_terms(query.params, bindings, f"query {query.name!r}")
    return Request(prepare(query.text, terms, page or Page()), base.result_format, base.graph_format,
                   tuple((name, value, iri) for name, (value, iri) in terms.items()),
                   tuple(p.name for p in query.params), truncate=truncate)


def _page(server) -> str:
    """Every named query: title, description, parameters, and its first rows (when it needs none)."""
    parts = ["<!doctype html><html lang='en'><head><meta charset='utf-8'><title>pemilu-kg named queries</title>",
             "<style>body{font-family:sans-serif;max-width:75em;margin:auto;padding:1em}table{border-collapse:"
             "collapse;font-size:90%}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}"
             "</style></head><body><h1>pemilu-kg: named queries</h1>",
             "<p>SPARQL endpoint: <code>/sparql</code> (SPARQL 1.1 Protocol, read-only). Each query below also "
             "answers at <code>/named/NAME?PARAM=VALUE&amp;format=csv</code>.</p>"]
    for name, query in sorted(server.queries.items()):
        parts.append(f"<h2 id='{html.escape(name)}'>{html.escape(query.title)} <small><code>{html.escape(name)}"
                     f"</code></small></h2><p>{html.escape(query.description)}</p>")
        if query.params:
            parts.append("<ul>" + "".join(f"<li><code>{html.escape(p.name)}</code> "
                                          f"({'required' if p.required else 'optional'}) {html.escape(p.description)}</li>"
                                          for p in query.params) + "</ul>")
        if any(p.required for p in query.params):
            parts.append(f"<p>Needs its parameters: <code>/named/{quote(name)}?"
                         f"{html.escape(urlencode({p.name: '...' for p in query.params if p.required}))}</code></p>")
            continue
        answer = server.pool.run(_named_request(query, {}, Request(query.text, "json"), truncate=True))
        if answer.status != 200:
            parts.append(f"<p><em>{html.escape(answer.body.decode('utf-8', 'replace'))}</em></p>")
            continue
        shown = answer.rows[:PAGE_ROWS]
        more = len(answer.rows) > PAGE_ROWS or answer.truncated
        parts.append("<table><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in answer.columns) + "</tr>")
        parts += ["<tr>" + "".join(f"<td>{html.escape(v or '')}</td>" for v in row) + "</tr>" for row in shown]
        parts.append(f"</table><p>{len(shown)} row(s) shown{', more in ' if more else ''}"
                     f"{f'<a href=/named/{quote(name)}?format=csv>the full result (CSV)</a>' if more else ''}.</p>")
    parts.append("</body></html>")
    return "\n".join(parts)
