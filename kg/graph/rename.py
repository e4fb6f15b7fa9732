"""Renaming nodes across every graph of a store: how a resolved identity reaches the article graphs.

A node `o` renamed to `c` leaves every triple it was in to `c`, in every named graph (and in the
embedded store's union default graph, renamed alike, so it stays the union). Where `o` had a name,
the graph keeps `o rdfs:label "its name"` and `o owl:sameAs c` (so the article still says what it
called the person, and a later resolution knows the original node), and `c` gets that name as
`skos:altLabel` beside its canonical `rdfs:label`.
"""
from __future__ import annotations

from collections.abc import Mapping

OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"


def rename_update(renames: Mapping[str, tuple[str, str]], default_graph: bool) -> str:
    """SPARQL Update that renames each node to (canonical node, canonical label); `default_graph`
    when the store keeps the union of the article graphs in its default graph."""
    rows = " ".join(f"(<{o}> <{c}> {_literal(label)})" for o, (c, label) in sorted(renames.items()))
    values = f"VALUES (?o ?c ?canon) {{ {rows} }}"
    scopes = [("GRAPH ?g {", "}")] + ([("", "")] if default_graph else [])
    parts = []
    for open_, close in scopes:
        parts.append(f"INSERT {{ {open_} ?o <{OWL_SAME_AS}> ?c . ?c <{RDFS_LABEL}> ?canon . ?c <{SKOS_ALT}> ?alt {close} }} "
                     f"WHERE {{ {values} {open_} ?o <{RDFS_LABEL}> ?l {close} "
                     f"BIND (IF(STR(?l) != STR(?canon), ?l, ?unbound) AS ?alt) }}")
        parts.append(f"DELETE {{ {open_} ?o ?p ?v {close} }} INSERT {{ {open_} ?c ?p ?v {close} }} "
                     f"WHERE {{ {values} {open_} ?o ?p ?v {close} FILTER (?p NOT IN (<{RDFS_LABEL}>, <{OWL_SAME_AS}>)) }}")
        parts.append(f"DELETE {{ {open_} ?s ?p ?o {close} }} INSERT {{ {open_} ?s ?p ?c {close} }} "
                     f"WHERE {{ {values} {open_} ?s ?p ?o {close} FILTER (?p != <{OWL_SAME_AS}>) }}")
    return " ;\n".join(parts)


def _literal(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'
