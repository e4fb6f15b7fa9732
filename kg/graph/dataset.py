"""An rdflib Dataset as the store, in memory: a second SPARQL engine behind the same seam, which
the tests hold against Oxigraph so a query that only one engine answers right is caught."""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kg.graph.catalogue import QueryError
from kg.graph.export import export_store
from kg.graph.protocol import Binding, QueryResult, SerializedGraph
from kg.graph.rename import rename_update
from kg.rdf.namespaces import PEMILU, PREFIXES


class DatasetStore:
    """`kg.graph.Store` over an rdflib `Dataset(default_union=True)`."""

    def __init__(self, dataset: rdflib.Dataset | None = None) -> None:
        self.dataset = rdflib.Dataset(default_union=True) if dataset is None else dataset
        if not self.dataset.default_union:
            raise QueryError("build the rdflib Dataset with default_union=True so queries see all named graphs")
        self.location = "rdflib dataset"

    def select(self, text: str, bindings: Mapping[str, Binding] | None = None) -> QueryResult:
        init = {name: rdflib.URIRef(value) if iri else rdflib.Literal(value)
                for name, (value, iri) in (bindings or {}).items()}
        try:
            answer = self.dataset.query(text, initBindings=init, initNs=PREFIXES)
            if answer.type == "ASK":
                return QueryResult(["boolean"], [(str(bool(answer.askAnswer)).lower(),)], bool(answer.askAnswer))
            if answer.type == "SELECT":
                return QueryResult([str(v) for v in answer.vars], [tuple(map(_plain, row)) for row in answer])
            return QueryResult(["subject", "predicate", "object"], [tuple(map(_plain, t)) for t in answer])
        except Exception as err:  # rdflib raises pyparsing and assorted errors for bad queries
            raise QueryError(f"query failed on rdflib: {err}") from err

    def construct(self, text: str) -> rdflib.Graph:
        graph = rdflib.Graph()
        for triple in self.dataset.query(text, initNs=PREFIXES):
            graph.add(triple)
        return graph

    def hashes(self, graphs: Sequence[str]) -> dict[str, str]:
        out = {}
        for name in graphs:
            for value in self.dataset.graph(rdflib.URIRef(name)).objects(None, PEMILU.contentHash):
                out[name] = str(value)
        return out

    def replace(self, graphs: Sequence[SerializedGraph]) -> int:
        for g in graphs:
            self.dataset.remove_graph(rdflib.URIRef(g.name))
            self.dataset.graph(rdflib.URIRef(g.name)).parse(data=g.ntriples, format="nt")
        return len(graphs)

    def drop(self, graphs: Sequence[str]) -> list[str]:
        present = [g for g in graphs if len(self.dataset.graph(rdflib.URIRef(g)))]
        for name in present:
            self.dataset.remove_graph(rdflib.URIRef(name))
        return present

    def rename(self, renames: Mapping[str, tuple[str, str]]) -> None:
        if renames:  # default_union: the default graph is the union already
            self.dataset.update(rename_update(renames, default_graph=False))

    def export(self, path: Path, graphs: Iterable[str] | None = None) -> Path:
        store = ox.Store()
        store.load(self.dataset.serialize(format="nquads", encoding="utf-8"), ox.RdfFormat.N_QUADS)
        return export_store(store, path, graphs)

    def close(self) -> None:
        pass


def _plain(term: rdflib.term.Node | None) -> str | None:
    if term is None:
        return None
    return f"_:{term}" if isinstance(term, rdflib.BNode) else str(term)
