"""The graph store: an embedded Oxigraph (RocksDB on disk) holding one named graph per article.

Loading an article replaces its named graph, so re-building is idempotent. Exports write the
whole store (or a chosen set of graphs) in Turtle, TriG, N-Quads, N-Triples or JSON-LD, chosen by
the file extension, and atomically: a killed export never leaves a half file in place.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.rdf.namespaces import GRAPH, ID, NIF, PEMILU, SCHEMA, SEM
from rdflib.namespace import ORG, PROV, RDFS, SKOS, XSD

DEFAULT_STORE = Path(".pemilu-kg") / "store"
FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS,
           ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD, ".json": ox.RdfFormat.JSON_LD}
PREFIXES = {"schema": str(SCHEMA), "org": str(ORG), "prov": str(PROV), "skos": str(SKOS), "sem": str(SEM),
            "nif": str(NIF), "pemilu": str(PEMILU._NS), "kg": str(ID), "kgg": str(GRAPH), "rdfs": str(RDFS),
            "xsd": str(XSD)}


class StoreError(Exception):
    """The store cannot be opened or written; the message says what to do."""


def open_store(path: Path | None = None, *, read_only: bool = False) -> ox.Store:
    """The on-disk store at `path` (default: ./.pemilu-kg/store), created when missing."""
    path = Path(path or os.environ.get("KG_STORE") or DEFAULT_STORE)
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


def graph_to_nquads(name: URIRef, graph: Graph) -> bytes:
    """One article's triples as N-Quads in its named graph (rdflib's N-Triples plus the graph IRI)."""
    nt = graph.serialize(format="nt", encoding="utf-8")
    suffix = f" <{name}> .".encode()
    return b"\n".join(line[:-2].rstrip() + suffix for line in nt.splitlines() if line.strip()) + b"\n"


def replace_graphs(store: ox.Store, graphs: Iterable[tuple[URIRef, Graph]]) -> int:
    """Load article graphs, each replacing any earlier graph of the same name; returns the count."""
    count = 0
    for name, graph in graphs:
        node = ox.NamedNode(str(name))
        store.remove_graph(node)
        store.load(graph_to_nquads(name, graph), ox.RdfFormat.N_QUADS)
        count += 1
    store.flush()
    return count


def article_hashes(store: ox.Store) -> dict[str, str]:
    """Named graph IRI → content hash of the article it was built from (to skip unchanged ones)."""
    query = (f"SELECT DISTINCT ?g ?h WHERE {{ GRAPH ?g {{ ?a a <{SCHEMA.NewsArticle}> ; "
             f"<{PEMILU.contentHash}> ?h }} }}")
    return {row["g"].value: row["h"].value for row in store.query(query)}


def export(store: ox.Store, path: Path, graphs: Iterable[str] | None = None) -> Path:
    """Write the store (or only `graphs`) to `path`, format by extension, atomically."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StoreError(f"unknown export format '{path.suffix}' for {path}: use one of {', '.join(FORMATS)}")
    source = store
    wanted = set(graphs) if graphs is not None else None
    if wanted is not None or not fmt.supports_datasets:
        source = ox.Store()
        quads = []
        for q in store.quads_for_pattern(None, None, None, None):
            if wanted is not None and (not isinstance(q.graph_name, ox.NamedNode) or q.graph_name.value not in wanted):
                continue
            graph_name = q.graph_name if fmt.supports_datasets else ox.DefaultGraph()
            quads.append(ox.Quad(q.subject, q.predicate, q.object, graph_name))
        source.extend(quads)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            kwargs = {"prefixes": PREFIXES} if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else {}
            if fmt.supports_datasets:
                source.dump(out, fmt, **kwargs)
            else:
                source.dump(out, fmt, from_graph=ox.DefaultGraph(), **kwargs)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


