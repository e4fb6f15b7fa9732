"""`as_store`: what a caller hands over (an Oxigraph store, an rdflib graph, a store) as a `Store`."""
from __future__ import annotations

import pyoxigraph as ox
import rdflib

from kg.graph.dataset import DatasetStore
from kg.graph.embedded import EmbeddedStore
from kg.graph.protocol import Store


def as_store(source: Store | ox.Store | rdflib.Graph) -> Store:
    """A store as it is; an Oxigraph store wrapped; an rdflib Dataset with the default graph as the
    union queried with rdflib; any other rdflib graph copied into an in-memory Oxigraph store."""
    if isinstance(source, ox.Store):
        return EmbeddedStore(source, "memory", read_only=True)
    if isinstance(source, rdflib.Dataset) and source.default_union:
        return DatasetStore(source)
    if isinstance(source, rdflib.Graph):
        store = ox.Store()
        data, fmt = ((source.serialize(format="nquads", encoding="utf-8"), ox.RdfFormat.N_QUADS)
                     if isinstance(source, rdflib.Dataset) else
                     (source.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES))
        store.load(data, fmt)
        return EmbeddedStore(store, "memory", read_only=True)
    return source
