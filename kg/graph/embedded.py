"""The embedded store: Oxigraph (RocksDB on disk, or in memory), one named graph per article.

Loading an article replaces its named graph in one transaction, so re-building is idempotent and
a build killed at any moment leaves only complete article graphs. The default graph holds the
union of the article graphs, kept in the same transactions (`kg.graph.union`). Articles travel
between the extraction workers and the store as N-Triples (`SerializedGraph`).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.graph.catalogue import QueryError
from kg.graph.export import export_store
from kg.graph.protocol import Binding, QueryResult, SerializedGraph, StoreError
from kg.graph.rename import rename_update
from kg.graph.terms import as_result, substitutions
from kg.graph.union import ensure_union, has_union, union_options
from kg.rdf.namespaces import PEMILU, PREFIXES, SCHEMA

FLUSH_EVERY = 512  # article graphs written between flushes: RocksDB's write buffers stay small

__all__ = ["EmbeddedStore", "article_hashes", "content_hashes", "graph_to_nquads", "has_union", "open_oxigraph",
           "replace_graphs", "replace_serialized", "serialize_graph"]


def open_oxigraph(path: Path, *, read_only: bool = False) -> ox.Store:
    """The on-disk store at `path`, created when missing (unless `read_only`)."""
    try:
        if read_only:
            if not path.exists():
                raise StoreError(f"no store at {path}", f"run `kg build ARTICLES --store {path}` first")
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as exc:
        raise StoreError(f"cannot open the store at {path}: {exc}", _advice(exc, path)) from exc


def _advice(err: OSError, path: Path) -> str:
    """What to do about a store that cannot be opened, by what the system said."""
    said = str(err).lower()
    if isinstance(err, PermissionError) or "permission denied" in said:
        return f"this user may not write {path}: fix its permissions, or give another folder with --store"
    if "no space" in said:
        return "free disk space and run the command again"
    return "is another kg process using it? Close it or give another folder with --store"


class EmbeddedStore:
    """`kg.graph.Store` over a pyoxigraph Store (on disk or in memory)."""

    def __init__(self, store: ox.Store | None = None, location: str = "memory", read_only: bool = False):
        self.store = ox.Store() if store is None else store
        self.location = location
        self.read_only = read_only
        self._unflushed = 0
        if not read_only and ensure_union(self.store):
            self.store.flush()

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> EmbeddedStore:
        return cls(open_oxigraph(path, read_only=read_only), str(path), read_only)

    # ------------------------------------------------------------ reading

    def evaluate(self, text: str, bindings: Mapping[str, Binding] | None = None, *,
                 default_graphs: Sequence[str] = (), named_graphs: Sequence[str] = ()):
        """pyoxigraph's own answer to `text`, over the union unless `default_graphs` are given (for
        the endpoint's workers, which write its terms in the SPARQL result formats)."""
        options: dict = {"substitutions": substitutions(bindings), "prefixes": PREFIXES}
        if default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        else:
            options.update(union_options(self.store))
        if named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        return self.store.query(text, **options)

    def select(self, text: str, bindings: Mapping[str, Binding] | None = None) -> QueryResult:
        try:
            return as_result(self.evaluate(text, bindings))
        except SyntaxError as err:
            raise QueryError(f"SPARQL syntax error: {err}") from err
        except (RuntimeError, OSError, ValueError) as err:
            hint = ("; pyoxigraph only binds variables the SELECT clause projects: add the parameter "
                    "variable to the SELECT list" if "projection" in str(err) else "")
            raise QueryError(f"query failed: {err}{hint}") from err

    def construct(self, text: str) -> Graph:
        try:
            answer = self.evaluate(text)
        except SyntaxError as err:
            raise QueryError(f"SPARQL syntax error: {err}") from err
        if not isinstance(answer, ox.QueryTriples):
            raise QueryError("not a CONSTRUCT or DESCRIBE query: write CONSTRUCT { ... } WHERE { ... }")
        graph = Graph()
        graph.parse(data=ox.serialize(answer, format=ox.RdfFormat.N_TRIPLES) or b"", format="nt")
        return graph

    def hashes(self, graphs: Sequence[str]) -> dict[str, str]:
        return content_hashes(self.store, graphs)

    # ------------------------------------------------------------ writing

    def replace(self, graphs: Sequence[SerializedGraph]) -> int:
        count = replace_serialized(self.store, graphs)
        self._unflushed += count
        if self._unflushed >= FLUSH_EVERY:  # else the write buffers grow to a gigabyte on a large build
            self.store.flush()
            self._unflushed = 0
        return count

    def drop(self, graphs: Sequence[str]) -> list[str]:
        present = [g for g in dict.fromkeys(graphs) if self.store.contains_named_graph(ox.NamedNode(g))]
        if present:
            self.store.update(" ;\n".join(_removal(g) for g in present))
        return present

    def rename(self, renames: Mapping[str, tuple[str, str]]) -> None:
        if renames:
            self.store.update(rename_update(renames, default_graph=has_union(self.store)))

    def export(self, path: Path, graphs: Iterable[str] | None = None) -> Path:
        return export_store(self.store, path, graphs)

    def close(self) -> None:
        if not self.read_only:
            self.store.flush()  # memtables to disk: the next open need not replay the log


def graph_to_ntriples(graph: Graph) -> bytes:
    return graph.serialize(format="nt", encoding="utf-8")


def serialize_graph(name: URIRef, graph: Graph, words: int = 0) -> SerializedGraph:
    return SerializedGraph(str(name), graph_to_ntriples(graph), words)


def graph_to_nquads(name: URIRef, graph: Graph) -> bytes:
    """One article's triples as N-Quads in its named graph (rdflib's N-Triples plus the graph IRI)."""
    return serialize_graph(name, graph).nquads()


def replace_graphs(store: ox.Store, graphs: Iterable[tuple[URIRef, Graph]]) -> int:
    """Load rdflib article graphs, each replacing any earlier graph of the same name; returns the count."""
    return replace_serialized(store, [serialize_graph(name, graph) for name, graph in graphs])


def replace_serialized(store: ox.Store, graphs: Sequence[SerializedGraph]) -> int:
    """Store article graphs, each replacing an earlier graph of the same name.

    Each call is at most two transactions, and each article lies wholly inside one: graphs new to
    the store are loaded in one `load` call (transactional), graphs already there are dropped and
    inserted again in one SPARQL Update (`DROP SILENT GRAPH` + `INSERT DATA`, also one
    transaction). A process killed at any moment thus leaves each article graph old or new, never
    half-written or missing.
    """
    fresh, existing = [], []
    for g in graphs:
        (existing if store.contains_named_graph(ox.NamedNode(g.name)) else fresh).append(g)
    if fresh:  # each triple twice: in its article graph and in the default graph (the union)
        store.load(b"".join(g.nquads() + g.ntriples.rstrip() + b"\n" for g in fresh), ox.RdfFormat.N_QUADS)
    if existing:
        store.update(" ;\n".join(_replacement(g) for g in existing))
    return len(graphs)


def _removal(name: str) -> str:
    """SPARQL Update that removes article graph `name` and keeps the default graph the union: its
    triples that no other article graph holds leave the union."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != <{name}>) }} }} ;\n"
            f"DROP SILENT GRAPH <{name}>")


def _replacement(g: SerializedGraph) -> str:
    """SPARQL Update that replaces article graph `g`, the default graph staying the union."""
    triples = g.ntriples.decode("utf-8")
    return (f"{_removal(g.name)} ;\n"
            f"INSERT DATA {{ GRAPH <{g.name}> {{\n{triples}\n}} }} ;\n"
            f"INSERT DATA {{\n{triples}\n}}")


def content_hashes(store: ox.Store, graphs: Sequence[str]) -> dict[str, str]:
    """Graph IRI → content hash of the article it was built from, for those of `graphs` in the store."""
    out = {}
    for name in graphs:
        for quad in store.quads_for_pattern(None, ox.NamedNode(str(PEMILU.contentHash)), None, ox.NamedNode(name)):
            out[name] = quad.object.value
    return out


def article_hashes(store: ox.Store) -> dict[str, str]:
    """Every named graph IRI → content hash of the article it was built from."""
    query = (f"SELECT DISTINCT ?g ?h WHERE {{ GRAPH ?g {{ ?a a <{SCHEMA.NewsArticle}> ; "
             f"<{PEMILU.contentHash}> ?h }} }}")
    return {row["g"].value: row["h"].value for row in store.query(query)}
