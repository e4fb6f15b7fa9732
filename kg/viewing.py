"""`kg view`: the store's graph (or a part of it) drawn as one offline HTML page."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from kg.store import open_store
from kg.view import build_network, write_html


def store_dataset(store_path: Path | None) -> Dataset:
    """The whole store as an rdflib Dataset (union default graph), for the view and analytics."""
    store = open_store(store_path, read_only=True)
    data = store.dump(format=ox.RdfFormat.N_QUADS)
    ds = Dataset(default_union=True)
    ds.parse(data=data, format="nquads")
    return ds


def write_view(store_path: Path | None, output: Path, max_nodes: int = 1500) -> str:
    net = build_network(store_dataset(store_path), max_nodes=max_nodes)
    write_html(net, output)
    return f"wrote {output} ({len(net.nodes)} nodes, {len(net.edges)} edges)"
