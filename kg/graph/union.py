"""The union default graph of the embedded store.

Queries run over the union of the article graphs. The embedded store keeps that union, without
duplicates, in its default graph, updated in the same transaction as each article graph: querying
the named graphs' union instead matches a shared node's triples once per article that repeats
them, which made joins grow with the square of the mentions. Stores built before the union was
kept have an empty default graph until `ensure_union` fills it; they are queried with
pyoxigraph's `use_default_graph_as_union` meanwhile.
"""
from __future__ import annotations

import pyoxigraph as ox


def has_union(store: ox.Store) -> bool:
    """Whether the default graph holds the union of the article graphs."""
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
