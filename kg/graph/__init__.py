"""The graph store behind one seam (`Store`): embedded Oxigraph, a SPARQL server, or rdflib in memory."""
from kg.graph.adapt import as_store
from kg.graph.catalogue import QueryError
from kg.graph.connect import DEFAULT_STORE, connect, is_url, resolve
from kg.graph.export import check_export_path
from kg.graph.protocol import QueryResult, SerializedGraph, Store, StoreError, count_articles

__all__ = ["DEFAULT_STORE", "QueryError", "QueryResult", "SerializedGraph", "Store", "StoreError", "as_store",
           "check_export_path", "connect", "count_articles", "is_url", "resolve"]
