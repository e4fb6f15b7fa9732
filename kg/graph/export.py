"""Writing the store to a file: Turtle, TriG, N-Quads, N-Triples or JSON-LD, chosen by extension.

Turtle and TriG declare the project's prefixes; JSON-LD is compacted against a top-level
`@context` of the same prefixes (schema.org, ORG, PROV, SKOS, SEM and the project's own terms),
the form a person and every JSON-LD tool expects, and it reads back to the same quads. It is
written one article graph at a time, so its memory is that of one article whatever the store's
size. Files are written atomically (`kg.atomic`), with the user's umask.
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


def check_export_path(path: Path) -> None:
    """Raise the error an export to `path` would, before hours of work lead up to it."""
    export_format(Path(path))


def export_format(path: Path) -> ox.RdfFormat:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StoreError(f"unknown export format '{path.suffix}' for {path}", f"use one of {', '.join(FORMATS)}")
    return fmt


def export_store(store: ox.Store, path: Path, graphs: Iterable[str] | None = None) -> Path:
    """Write `store` (or only its `graphs`) to `path`, format by extension, atomically."""
    fmt = export_format(path)
    if fmt == ox.RdfFormat.JSON_LD:
        names = (list(dict.fromkeys(graphs)) if graphs is not None else
                 sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)))
        return write_atomically(path, lambda out: _write_json_ld(store, names, out))
    terms = _export_terms(store, graphs, fmt)
    kwargs = {"prefixes": PREFIXES} if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else {}
    return write_atomically(path, lambda out: ox.serialize(terms, out, fmt, **kwargs))


def _write_json_ld(store: ox.Store, names: Iterable[str], out: BinaryIO) -> None:
    """One compacted JSON-LD document: the @context once, then each named graph compacted against it."""
    context = dict(PREFIXES)
    out.write(b'{\n"@context": ' + json.dumps(context, indent=1).encode() + b',\n"@graph": [')
    first = True
    for name in names:
        triples = (q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(name)))
        graph = rdflib.Graph()
        graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"", format="nt")
        if not len(graph):
            continue
        compact = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
        nodes = compact.get("@graph") or [{k: v for k, v in compact.items() if k != "@context"}]
        entry = json.dumps({"@id": _compact(name), "@graph": nodes}, ensure_ascii=False, indent=1, sort_keys=True)
        out.write((b"" if first else b",") + b"\n" + entry.encode("utf-8"))
        first = False
    out.write(b"\n]\n}\n")


def _compact(iri: str) -> str:
    """`iri` as prefix:local with the longest of the project's namespaces that it starts with."""
    matches = [(len(ns), prefix) for prefix, ns in PREFIXES.items() if iri.startswith(ns) and len(iri) > len(ns)]
    if not matches:
        return iri
    length, prefix = max(matches)
    return f"{prefix}:{iri[length:]}"


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

