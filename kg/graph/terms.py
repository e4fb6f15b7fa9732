"""pyoxigraph terms to and from the plain values that cross the store seam, and the project's
prefixes declared in query text (for stores that take no prefix map)."""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import pyoxigraph as ox

from kg.graph.protocol import Binding, QueryResult
from kg.rdf.namespaces import PREFIXES

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

_DECLARED = re.compile(r"\bPREFIX\s+([\w.-]*):", re.I)


@dataclass(frozen=True)
class Solutions:
    """SELECT results as engine terms, as a SPARQL server sends them: the variables, then rows."""

    variables: list[str]
    rows: list[tuple[Term | None, ...]]

    def __iter__(self) -> Iterator[tuple[Term | None, ...]]:
        return iter(self.rows)


def plain(term: Term | None) -> str | None:
    """An IRI as the IRI, a literal as its lexical form, a blank node as `_:id`, None as None."""
    if term is None:
        return None
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)  # RDF 1.2 triple term


def as_result(answer: bool | ox.QueryBoolean | ox.QuerySolutions | Solutions | Iterable[ox.Triple]) -> QueryResult:
    """An engine's answer (ASK, SELECT, CONSTRUCT/DESCRIBE) as rows of plain strings."""
    if isinstance(answer, (bool, ox.QueryBoolean)):
        return QueryResult(["boolean"], [(str(bool(answer)).lower(),)], bool(answer))
    if isinstance(answer, (ox.QuerySolutions, Solutions)):
        columns = [getattr(v, "value", v) for v in answer.variables]
        return QueryResult(columns, [tuple(plain(row[i]) for i in range(len(columns))) for row in answer])
    return QueryResult(["subject", "predicate", "object"],
                       [(plain(t.subject), t.predicate.value, plain(t.object)) for t in answer])


def from_json(cell: dict | None) -> Term | None:
    """One value of SPARQL 1.1 Query Results JSON as a term."""
    if cell is None:
        return None
    kind, value = cell.get("type"), cell["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if "xml:lang" in cell:
        return ox.Literal(value, language=cell["xml:lang"])
    if "datatype" in cell:
        return ox.Literal(value, datatype=ox.NamedNode(cell["datatype"]))
    return ox.Literal(value if isinstance(value, str) else json.dumps(value))


def term(binding: Binding) -> ox.NamedNode | ox.Literal:
    value, iri = binding
    return ox.NamedNode(value) if iri else ox.Literal(value)


def substitutions(bindings: Mapping[str, Binding] | None) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
    return {ox.Variable(name): term(binding) for name, binding in (bindings or {}).items()}


def check_iri(value: str) -> str | None:
    """None when `value` is an IRI, else why not."""
    try:
        ox.NamedNode(value)
    except ValueError as err:
        return str(err)
    return None


def iri_values(variable: str, iris: Iterable[str]) -> str:
    """A VALUES block of IRIs for a query's text.

    Only IRIs go in, each checked and written by pyoxigraph (`NamedNode`), never user text: names
    are bound as values. pyoxigraph 0.5 joins substitutions after evaluating the whole pattern
    (0.7 s per node on the 9,719-article news store), a VALUES block before it.
    """
    return f"VALUES ?{variable} {{ {' '.join(str(ox.NamedNode(iri)) for iri in iris)} }}"


def declare_prefixes(text: str) -> str:
    """`text` with a PREFIX line for each of the project's prefixes it does not declare itself."""
    declared = set(_DECLARED.findall(text))
    lines = [f"PREFIX {name}: <{iri}>" for name, iri in PREFIXES.items() if name not in declared]
    return "\n".join(lines + [text])
