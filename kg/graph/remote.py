"""A SPARQL 1.1 server as the store: the Graph Store HTTP Protocol to load, the SPARQL protocol
to query, SPARQL Update for nothing else.

`--store http://HOST:PORT` names a server laid out as Oxigraph's (`/query`, `/update`, `/store`);
for another layout set the endpoints in $KG_SPARQL_QUERY, $KG_SPARQL_UPDATE and
$KG_GRAPH_STORE (e.g. Fuseki: `http://host:3030/ds/query`, `.../ds/update`, `.../ds/data`).

Each article graph is replaced by one `PUT {store}?graph=IRI` (atomic on Oxigraph, Fuseki and
GraphDB). Queries run on the union of the named graphs: the request asks for it with Oxigraph's
`union-default-graph` parameter; configure other servers to use the union as the default graph
(Fuseki `tdb2:unionDefaultGraph true`; GraphDB and Virtuoso query all graphs by default).
"""
from __future__ import annotations

import http.client
import json
import os
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pyoxigraph as ox
from rdflib import Graph

from kg.graph.catalogue import QueryError
from kg.graph.export import export_store
from kg.graph.protocol import Binding, QueryResult, SerializedGraph, StoreError
from kg.graph.rename import rename_update
from kg.graph.sparql import blank
from kg.graph.terms import Solutions, Term, as_result, declare_prefixes, from_json, term
from kg.rdf.namespaces import PEMILU

TIMEOUT_SECONDS = 300
JSON_RESULTS = "application/sparql-results+json"
_WHERE = re.compile(r"(?<![?$:\w])WHERE\s*\{", re.I)
_CONSTRUCT = re.compile(r"(?<![?$:\w])CONSTRUCT\b", re.I)


class RemoteStore:
    """`kg.graph.Store` over a SPARQL 1.1 server."""

    def __init__(self, query_url: str, update_url: str, store_url: str, timeout: float = TIMEOUT_SECONDS):
        self.query_url, self.update_url, self.store_url = query_url, update_url, store_url
        self.location = query_url
        self.timeout = timeout
        self._connections: dict[str, http.client.HTTPConnection] = {}

    @classmethod
    def from_url(cls, url: str) -> RemoteStore:
        base = url.rstrip("/")
        return cls(os.environ.get("KG_SPARQL_QUERY") or f"{base}/query",
                   os.environ.get("KG_SPARQL_UPDATE") or f"{base}/update",
                   os.environ.get("KG_GRAPH_STORE") or f"{base}/store")

    # ------------------------------------------------------------ Store

    def select(self, text: str, bindings: Mapping[str, Binding] | None = None) -> QueryResult:
        """The query on the server. Values travel as a VALUES block of RDF terms (written by
        pyoxigraph, so escaped) opening the WHERE clause and each subquery's: the SPARQL protocol
        has no other way to bind them."""
        return as_result(self.evaluate(text, bindings))

    def evaluate(self, text: str, bindings: Mapping[str, Binding] | None = None, *,
                 default_graphs: Sequence[str] = (), named_graphs: Sequence[str] = ()
                 ) -> bool | Solutions | list[ox.Triple]:
        """The server's answer as terms, over the union unless `default_graphs` are given (what
        `kg.graph.pool` writes in the SPARQL result formats)."""
        terms = {name: term(binding) for name, binding in (bindings or {}).items()}
        text = declare_prefixes(bind_values(text, terms))
        code = blank(text)
        construct = _CONSTRUCT.search(code) or re.search(r"(?<![?$:\w])DESCRIBE\b", code, re.I)
        graphs = [("default-graph-uri", g) for g in default_graphs] + [("named-graph-uri", g) for g in named_graphs]
        params = graphs if default_graphs else [("union-default-graph", ""), *graphs]
        body = self._post_query(text, "application/n-triples" if construct else JSON_RESULTS, params)
        if construct:
            return list(ox.parse(body, ox.RdfFormat.N_TRIPLES))
        data = json.loads(body)
        if "boolean" in data:
            return bool(data["boolean"])
        columns = list(data.get("head", {}).get("vars", []))
        rows: list[tuple[Term | None, ...]] = [tuple(from_json(binding.get(c)) for c in columns)
                                               for binding in data.get("results", {}).get("bindings", [])]
        return Solutions(columns, rows)

    def construct(self, text: str) -> Graph:
        graph = Graph()
        graph.parse(data=self._post_query(declare_prefixes(text), "application/n-triples",
                                          [("union-default-graph", "")]), format="nt")
        return graph

    def hashes(self, graphs: Sequence[str]) -> dict[str, str]:
        if not graphs:
            return {}
        values = " ".join(str(ox.NamedNode(g)) for g in graphs)
        text = (f"SELECT ?g ?h WHERE {{ VALUES ?g {{ {values} }} "
                f"GRAPH ?g {{ ?a <{PEMILU.contentHash}> ?h }} }}")
        return {row[0]: row[1] for row in self.select(text).rows if row[0] and row[1]}

    def replace(self, graphs: Sequence[SerializedGraph]) -> int:
        for g in graphs:
            self._request("PUT", self.store_url, {"graph": g.name}, g.ntriples,
                          {"Content-Type": "application/n-triples"})
        return len(graphs)

    def drop(self, graphs: Sequence[str]) -> list[str]:
        present = [g for g in dict.fromkeys(graphs)
                   if self.select(f"ASK {{ GRAPH {ox.NamedNode(g)} {{ ?s ?p ?o }} }}").boolean]
        for name in present:
            self._request("DELETE", self.store_url, {"graph": name}, None, {})
        return present

    def rename(self, renames: Mapping[str, tuple[str, str]]) -> None:
        if renames:  # the server keeps its own union default graph
            self.update(rename_update(renames, default_graph=False))

    def export(self, path: Path, graphs: Iterable[str] | None = None) -> Path:
        """Fetch the dataset (GET on the graph store, N-Quads) and write it as the embedded store does."""
        with tempfile.TemporaryFile() as tmp:
            self._request("GET", self.store_url, {}, None, {"Accept": "application/n-quads"}, sink=tmp)
            tmp.seek(0)
            store = ox.Store()
            store.bulk_load(tmp, ox.RdfFormat.N_QUADS)
        return export_store(store, path, graphs)

    # ------------------------------------------------------------ protocol

    def update(self, text: str) -> None:
        self._request("POST", self.update_url, {}, urlencode({"update": text}).encode(),
                      {"Content-Type": "application/x-www-form-urlencoded"})

    def _post_query(self, text: str, accept: str, params: list[tuple[str, str]]) -> bytes:
        try:
            return self._request("POST", self.query_url, params, urlencode({"query": text}).encode(),
                                 {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
        except StoreError as err:
            raise QueryError(str(err)) from err

    def _request(self, method: str, url: str, params: dict[str, str] | list[tuple[str, str]], body: bytes | None,
                 headers: dict[str, str], sink=None) -> bytes:
        parts = urlsplit(url)
        query = "&".join(q for q in (parts.query, urlencode(params)) if q)
        target = (parts.path or "/") + (f"?{query}" if query else "")
        for attempt in (1, 2):  # a kept-alive connection the server closed is opened again once
            conn = self._connection(parts.scheme, parts.netloc)
            try:
                conn.request(method, target, body=body, headers=headers)
                response = conn.getresponse()
                if sink is not None and response.status < 300:
                    while chunk := response.read(1 << 20):
                        sink.write(chunk)
                    data = b""
                else:
                    data = response.read()
                break
            except (ConnectionError, http.client.HTTPException, OSError) as err:
                self._connections.pop(parts.netloc, None)
                conn.close()
                if attempt == 2 or not isinstance(err, (ConnectionError, http.client.RemoteDisconnected)):
                    raise StoreError(f"cannot reach the SPARQL server at {url}: {err}",
                                     "is it running? Start it, or give the right --store URL") from err
        if response.status >= 300:
            message = data.decode("utf-8", "replace").strip()[:500]
            error = StoreError(f"the SPARQL server answered {response.status} {response.reason} to {method} "
                               f"{url}: {message}")
            error.status = response.status
            raise error
        return data

    def _connection(self, scheme: str, netloc: str) -> http.client.HTTPConnection:
        conn = self._connections.get(netloc)
        if conn is None:
            cls = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
            conn = self._connections[netloc] = cls(netloc, timeout=self.timeout)
        return conn

    def close(self) -> None:
        for conn in self._connections.values():
            conn.close()
        self._connections.clear()


def bind_values(text: str, terms: dict[str, ox.NamedNode | ox.Literal], where: str = "query") -> str:
    """`text` with `VALUES (?a ?b) { (term term) }` opening its WHERE clause and each subquery's
    (a subquery is evaluated before the values outside it reach it, so a page would be cut first)."""
    if not terms:
        return text
    code = blank(text)
    ends = [m.end() for m in _WHERE.finditer(code)]
    if not ends and not _CONSTRUCT.search(code):
        ends = [m.end() for m in re.finditer(r"\{", code)][:1]
    if not ends:
        raise QueryError(f"{where}: no WHERE clause to bind the parameters in")
    names = " ".join(f"?{name}" for name in terms)
    block = f" VALUES ({names}) {{ ({' '.join(str(term) for term in terms.values())}) }}\n"
    return "".join(text[start:end] + block for start, end in zip([0] + ends, ends)) + text[ends[-1]:]
