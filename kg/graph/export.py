"""Writing the store to a file: Turtle, TriG, N-Quads, N-Triples or JSON-LD, chosen by extension.

Turtle and TriG declare the project's prefixes; JSON-LD is compacted against a top-level
`@context` of the same prefixes (schema.org, ORG, PROV, SKOS, SEM and the project's own terms),
the form a person and every JSON-LD tool expects, and it reads back to the same quads. Files are
written atomically (`kg.atomic`), with the user's umask.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
import rdflib

from kg.atomic import write_atomically
from kg.graph.protocol import StoreError
from kg.graph.union import has_union
from kg.rdf.namespaces import PREFIXES

FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS,
           ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD, ".json": ox.RdfFormat.JSON_LD}


def export_format(path: Path) -> ox.RdfFormat:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StoreError(f"unknown export format '{path.suffix}' for {path}", f"use one of {', '.join(FORMATS)}")
    return fmt


def export_store(store: ox.Store, path: Path, graphs: Iterable[str] | None = None) -> Path:
    """Write `store` (or only its `graphs`) to `path`, format by extension, atomically."""
    fmt = export_format(path)
    terms = _export_terms(store, graphs, fmt)
    return write_atomically(path, lambda out: _write(terms, out, fmt))


def _write(terms: Iterable, out: BinaryIO, fmt: ox.RdfFormat) -> None:
    if fmt == ox.RdfFormat.JSON_LD:
        dataset = rdflib.Dataset()
        dataset.parse(data=ox.serialize(terms, format=ox.RdfFormat.N_QUADS) or b"", format="nquads")
        document = json.loads(dataset.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True))
        out.write(json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8"))
        return
    kwargs = {"prefixes": PREFIXES} if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else {}
    ox.serialize(terms, out, fmt, **kwargs)


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

