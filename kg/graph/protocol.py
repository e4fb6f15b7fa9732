"""The seam between the project and its graph store: what every command needs of a store, and the
plain values that cross it (strings, N-Triples bytes, rdflib graphs; never an engine's own terms).

Implementations: `kg.graph.embedded` (Oxigraph on disk or in memory), `kg.graph.remote` (any
SPARQL 1.1 server) and `kg.graph.dataset` (an rdflib Dataset in memory); `kg.graph.connect` picks one.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from rdflib import Graph

from kg.errors import KgError

Binding = tuple[str, bool]  # a variable's value, and whether it is an IRI (else a plain literal)
ARTICLE_GRAPHS = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a a schema:NewsArticle } }"


class StoreError(KgError):
    """The store cannot be opened, read or written."""


@dataclass(frozen=True)
class SerializedGraph:
    """One article's named graph as it travels from an extraction worker to a store."""

    name: str  # the graph IRI
    ntriples: bytes  # its triples, N-Triples in UTF-8
    words: int = 0  # words of the article text (for throughput figures)

    def nquads(self) -> bytes:
        suffix = f" <{self.name}> .\n".encode()
        return b"".join(line.rstrip()[:-1].rstrip() + suffix for line in self.ntriples.splitlines() if line.strip())


@dataclass(frozen=True)
class QueryResult:
    """Rows of plain strings: IRIs as IRIs, literals as their lexical form, None when unbound.

    ASK gives `boolean` and one row ("true"/"false") under the column "boolean";
    CONSTRUCT/DESCRIBE give the columns subject, predicate, object.
    """

    columns: list[str]
    rows: list[tuple[str | None, ...]]
    boolean: bool | None = None

    def records(self) -> Iterator[dict[str, str | None]]:
        """Each row as a dict keyed by column."""
        for row in self.rows:
            yield dict(zip(self.columns, row))


class Store(Protocol):
    """What building, querying, viewing and exporting need from a store, embedded or remote.

    Queries run over the union of the article graphs with the project's prefixes declared
    (`kg.rdf.namespaces.PREFIXES`); values reach a query only through `bindings`.
    """

    location: str

    def select(self, text: str, bindings: Mapping[str, Binding] | None = None) -> QueryResult:
        """Run a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE); raises `QueryError`."""

    def construct(self, text: str) -> Graph:
        """The triples of a CONSTRUCT or DESCRIBE query, as an rdflib graph."""

    def hashes(self, graphs: Sequence[str]) -> dict[str, str]:
        """Graph IRI → the content hash stored with its article, for those of `graphs` present."""

    def replace(self, graphs: Sequence[SerializedGraph]) -> int:
        """Store each graph, replacing any earlier graph of that name atomically; returns the count."""

    def drop(self, graphs: Sequence[str]) -> list[str]:
        """Remove these article graphs (their facts leave the union); returns those that were there."""

    def rename(self, renames: Mapping[str, tuple[str, str]]) -> None:
        """Rename each node to (canonical node, canonical label) in every graph (`kg.graph.rename`)."""

    def export(self, path: Path, graphs: Iterable[str] | None = None) -> Path:
        """Write the store (or only `graphs`) to `path`, format by extension, atomically."""

    def close(self) -> None:
        """Finish writing (the next open is then quick) and let go of connections."""


def count_articles(store: Store) -> int:
    """Article graphs in the store."""
    return int(store.select(ARTICLE_GRAPHS).rows[0][0] or 0)
