"""The graph store: one named graph per article, in an embedded Oxigraph (RocksDB on disk) or in
any SPARQL 1.1 server (`kg.remote`), behind one seam, `GraphStore`.

Loading an article replaces its named graph in one transaction, so re-building is idempotent and
a build killed at any moment leaves only complete article graphs. The embedded store also keeps the
union of the article graphs, without duplicates, in its default graph, updated in the same
transaction: queries run on it, since querying the named graphs' union matches a shared node's
triples once per article that repeats them, which made joins grow with the square of the mentions. Articles travel between the
extraction workers and the store as N-Triples (`SerializedGraph`). Exports write the whole store
(or a chosen set of graphs) in Turtle, TriG, N-Quads, N-Triples or JSON-LD, chosen by the file
extension, and atomically: a killed export never leaves a half file in place.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.rdf.namespaces import GRAPH, ID, NIF, PEMILU, SCHEMA, SEM
from rdflib.namespace import ORG, PROV, RDFS, SKOS, XSD

if TYPE_CHECKING:
    from kg.query import Page, QueryResult

DEFAULT_STORE = Path(".pemilu-kg") / "store"
FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS,
           ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD, ".json": ox.RdfFormat.JSON_LD}
PREFIXES = {"schema": str(SCHEMA), "org": str(ORG), "prov": str(PROV), "skos": str(SKOS), "sem": str(SEM),
            "nif": str(NIF), "pemilu": str(PEMILU._NS), "kg": str(ID), "kgg": str(GRAPH), "rdfs": str(RDFS),
            "xsd": str(XSD)}
URL_SCHEMES = ("http://", "https://")
FLUSH_EVERY = 512  # article graphs written between flushes: RocksDB's write buffers stay small


class StoreError(Exception):
    """The store cannot be opened or written; the message says what to do."""


@dataclass(frozen=True)
class SerializedGraph:
    """One article's named graph as it travels from an extraction worker to a store."""

    name: str  # the graph IRI
    ntriples: bytes  # its triples, N-Triples in UTF-8
    words: int = 0  # words of the article text (for throughput figures)

    def nquads(self) -> bytes:
        suffix = f" <{self.name}> .\n".encode()
        return b"".join(line.rstrip()[:-1].rstrip() + suffix for line in self.ntriples.splitlines() if line.strip())


class GraphStore(Protocol):
    """What building, querying and exporting need from a store, embedded or remote."""

    location: str

    def hashes(self, graphs: Sequence[str]) -> dict[str, str]:
        """Graph IRI → the content hash stored with its article, for those of `graphs` present."""

    def replace(self, graphs: Sequence[SerializedGraph]) -> int:
        """Store each graph, replacing any earlier graph of that name atomically; returns the count."""

    def query(self, text: str, bindings: dict[str, str] | None = None, *,
              allow_remote: bool = False, page: Page | None = None) -> QueryResult:
        """Run a query (see `kg.query.run_query`) over the union of the article graphs."""

    def export(self, path: Path, graphs: Iterable[str] | None = None) -> Path:
        """Write the store (or only `graphs`) to `path`, format by extension, atomically."""

    def close(self) -> None:
        """Finish writing (the next open is then quick) and let go of connections."""


def is_url(spec: object) -> bool:
    return isinstance(spec, str) and spec.startswith(URL_SCHEMES)


def connect(spec: str | Path | None = None, *, read_only: bool = False) -> GraphStore:
    """The store named by `spec`: an http(s) URL of a SPARQL server, else a folder for the embedded
    store (default: $KG_STORE or ./.pemilu-kg/store; $KG_STORE may be a URL too)."""
    spec = spec if spec is not None else os.environ.get("KG_STORE")
    if is_url(str(spec) if spec is not None else None):
        from kg.remote import RemoteStore

        return RemoteStore.from_url(str(spec))
    return EmbeddedStore(open_store(Path(spec) if spec else None, read_only=read_only),
                         str(spec or DEFAULT_STORE), read_only)


def open_store(path: Path | None = None, *, read_only: bool = False) -> ox.Store:
    """The on-disk store at `path` (default: ./.pemilu-kg/store), created when missing."""
    raw = str(path) if path is not None else os.environ.get("KG_STORE") or str(DEFAULT_STORE)
    if raw.startswith(URL_SCHEMES) or raw.startswith(tuple(s[:-1] for s in URL_SCHEMES)):
        raise StoreError(f"{raw} is a SPARQL server, and this command needs the embedded store: give a folder "
                         "with --store, or `kg export --store URL -o FILE` first")
    path = Path(raw)
    try:
        if read_only:
            if not path.exists():
                raise StoreError(f"no store at {path}: run `kg build ARTICLES --store {path}` first")
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as exc:
        raise StoreError(f"cannot open the store at {path}: {exc}. Is another kg process using it? "
                         "Close it or give another folder with --store") from exc


def memory_store() -> ox.Store:
    return ox.Store()


class EmbeddedStore:
    """`GraphStore` over a pyoxigraph Store (on disk or in memory)."""

    def __init__(self, store: ox.Store, location: str = "memory", read_only: bool = False):
        self.store = store
        self.location = location
        self.read_only = read_only
        self._unflushed = 0
        if not read_only and ensure_union(store):
            store.flush()

    def hashes(self, graphs: Sequence[str]) -> dict[str, str]:
        return content_hashes(self.store, graphs)

    def replace(self, graphs: Sequence[SerializedGraph]) -> int:
        count = replace_serialized(self.store, graphs)
        self._unflushed += count
        if self._unflushed >= FLUSH_EVERY:  # else the write buffers grow to a gigabyte on a large build
            self.store.flush()
            self._unflushed = 0
        return count

    def query(self, text: str, bindings: dict[str, str] | None = None, *,
              allow_remote: bool = False, page: Page | None = None) -> QueryResult:
        from kg.query import run_query

        return run_query(self.store, text, bindings, allow_remote=allow_remote, page=page)

    def export(self, path: Path, graphs: Iterable[str] | None = None) -> Path:
        return export(self.store, path, graphs)

    def close(self) -> None:
        if not self.read_only:
            self.store.flush()  # memtables to disk: the next open need not replay the log


# ---------------------------------------------------------------- writing

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


def _replacement(g: SerializedGraph) -> str:
    """SPARQL Update that replaces article graph `g` and keeps the default graph the union: triples
    of the old graph that no other article graph holds leave the union, the new ones enter it."""
    triples = g.ntriples.decode("utf-8")
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{g.name}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != <{g.name}>) }} }} ;\n"
            f"DROP SILENT GRAPH <{g.name}> ;\n"
            f"INSERT DATA {{ GRAPH <{g.name}> {{\n{triples}\n}} }} ;\n"
            f"INSERT DATA {{\n{triples}\n}}")


def has_union(store: ox.Store) -> bool:
    """Whether the default graph holds the union of the article graphs (stores built before it was
    kept there have an empty default graph until `ensure_union` fills it)."""
    return next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None


def union_options(store: ox.Store) -> dict[str, bool]:
    """pyoxigraph query options that make the default graph the union of the article graphs."""
    return {} if has_union(store) else {"use_default_graph_as_union": True}


def ensure_union(store: ox.Store) -> bool:
    """Fill the default graph with the union of the article graphs if an older build left it empty;
    True when it did (about 40 s for ten thousand articles, once)."""
    if has_union(store) or next(iter(store.named_graphs()), None) is None:
        return False
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return True


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


# ---------------------------------------------------------------- export

def export(store: ox.Store, path: Path, graphs: Iterable[str] | None = None) -> Path:
    """Write the store (or only `graphs`) to `path`, format by extension, atomically."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StoreError(f"unknown export format '{path.suffix}' for {path}: use one of {', '.join(FORMATS)}")
    kwargs = {"prefixes": PREFIXES} if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else {}
    terms = _export_terms(store, graphs, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            ox.serialize(terms, out, fmt, **kwargs)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _export_terms(store: ox.Store, graphs: Iterable[str] | None, fmt: ox.RdfFormat) -> Iterable:
    """What an export writes: the quads of the article graphs (all, or `graphs`) for dataset formats,
    else their triples once each (for the whole store: the default graph, which is their union)."""
    if graphs is None and not fmt.supports_datasets and has_union(store):
        return (q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    if graphs is None:
        quads = (q for q in store.quads_for_pattern(None, None, None, None)
                 if not isinstance(q.graph_name, ox.DefaultGraph))
    else:
        quads = (q for name in dict.fromkeys(graphs)
                 for q in store.quads_for_pattern(None, None, None, ox.NamedNode(name)))
    return quads if fmt.supports_datasets else dict.fromkeys(q.triple for q in quads)
