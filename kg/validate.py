"""Checking article graphs against the SHACL shapes of ontology/shapes.ttl (pySHACL).

`validate_article_graphs` checks each of many article graphs as the build makes them in one pySHACL
run, with the class hierarchy of ontology/pemilu.ttl (so `sh:class` follows `rdfs:subClassOf`);
`validate_graph` and `validate_article_graph` are the same check for one graph (a Dataset: the union of
its graphs). All return plain `Violation`s and never change the caller's graph:
they validate a copy whose literals are read back from their lexical form, i.e. the graph as the
store will hold it (rdflib keeps, e.g., `Literal(0.9, datatype=xsd:decimal)` as a float until it is
serialized, which pySHACL would take for a wrong datatype).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from kg.errors import KgError
from kg.graph import Store, as_store
from kg.rdf.namespaces import SCHEMA
from kg.resources import data_dir

SHAPES_FILE = "shapes.ttl"
ONTOLOGY_FILE = "pemilu.ttl"
WRONG_SCHEMA = "http://schema.org/"  # the data uses https://schema.org/ (rdflib's SDO)
RENAMED = "urn:x-pemilu-kg:validated:"  # the prefix of nodes renamed apart in a batch's copy


class ShapesError(KgError):
    """The shapes file is missing or unusable; the message says what to do."""


@dataclass(frozen=True)
class Violation:
    """One SHACL validation result: which node, which property, what is wrong."""

    focus: str  # IRI (or blank node id) of the node that fails
    path: str | None  # the property (as written in the shapes, prefixed), None for a node constraint
    message: str
    severity: str  # "Violation", "Warning" or "Info"
    value: str | None = None  # the offending value, when there is one
    shape: str | None = None  # the shape that failed
    graph: str | None = None  # the named graph, when checking a dataset or store

    def __str__(self) -> str:
        where = f"{self.graph}: " if self.graph else ""
        path = f" {self.path}" if self.path else ""
        value = f" (value: {self.value})" if self.value is not None else ""
        return f"{where}{self.severity}: <{self.focus}>{path}: {self.message}{value}"


@cache
def shapes_graph() -> Graph:
    return _load(SHAPES_FILE, check_schema=True)


@cache
def ontology_graph() -> Graph:
    return _load(ONTOLOGY_FILE, check_schema=False)


@cache
def class_hierarchy() -> Graph:
    """The rdfs:subClassOf triples of the ontology."""
    hierarchy = Graph()
    for triple in ontology_graph().triples((None, RDFS.subClassOf, None)):
        hierarchy.add(triple)
    return hierarchy


def validate_graph(graph: Graph) -> list[Violation]:
    """Violations of the shapes in `graph` (a Graph, or a Dataset validated as the union of its
    graphs), read with the ontology's class hierarchy (see `validate_article_graphs`)."""
    return validate_article_graphs([graph])[0]


validate_article_graph = validate_graph  # one article graph, as the build makes it


def validate_article_graphs(graphs: Sequence[Graph]) -> list[list[Violation]]:
    """The violations of each article graph, found by one pySHACL run over all of them: a build
    validates each batch of articles at once, where one run per article cost as much as the
    extraction itself (pySHACL's set-up, and one more copy of each graph).

    Each graph's nodes are renamed apart in the copy that pySHACL reads (vocabulary terms, i.e.
    IRIs of the shapes or the ontology, keep their names), so no article's triples can satisfy or
    break another's shapes (a label, a type or a second value on a node two articles share): the
    results are each graph's own, as if it were checked alone. Only triples whose predicate the
    shapes read are copied (all of them when a shape is sh:closed), with the ontology's class
    hierarchy (all SHACL Core reads of it, for sh:class and sh:targetClass) mixed in.
    """
    import pyshacl

    if not graphs:
        return []
    data = Graph()
    data += class_hierarchy()
    owners: dict[Node, tuple[int, Node]] = {}
    for index, graph in enumerate(graphs):
        _add_renamed(data, graph, index, owners)
    _, results, _ = pyshacl.validate(data, shacl_graph=shapes_graph(), inference=None, advanced=False,
                                     inplace=True)
    found: list[list[Violation]] = [[] for _ in graphs]
    for v in _violations(results, shapes_graph()):
        owner = owners.get(URIRef(v.focus)) or owners.get(BNode(v.focus))
        if owner is None:  # a vocabulary term fails: it is every graph's fault alike
            for violations in found:
                violations.append(v)
            continue
        index, focus = owner
        value = owners.get(URIRef(v.value), (index, v.value))[1] if v.value is not None else None
        found[index].append(Violation(str(focus), v.path, v.message, v.severity,
                                      str(value) if value is not None else None, v.shape, v.graph))
    return found


def _add_renamed(data: Graph, graph: Graph, index: int, owners: dict[Node, tuple[int, Node]]) -> None:
    """Add `graph`'s triples that the shapes read to `data`, its nodes renamed for article `index`
    (`owners` maps each new name back) and its literals as the store will read them back."""
    read, vocabulary = _shape_terms()
    names: dict[Node, Node] = {}

    def renamed(node: Node) -> Node:
        if isinstance(node, Literal) or node in vocabulary:
            return node
        new = names.get(node)
        if new is None:
            new = (URIRef if isinstance(node, URIRef) else BNode)(f"{RENAMED}{index}/{node}")
            names[node] = new
            owners[new] = (index, node)
        return new

    triples = graph.quads((None, None, None, None)) if isinstance(graph, Dataset) else graph
    for s, p, o, *_ in triples:  # a Dataset is read as the union of its graphs
        if read is not None and p not in read:
            continue
        data.add((renamed(s), p, renamed(_as_read_back(o))))


@cache
def _shape_terms() -> tuple[frozenset[Node] | None, frozenset[Node]]:
    """The predicates the shapes can read: the IRIs the shapes name, with rdf:type and
    rdfs:subClassOf (None: every predicate, as a closed shape reads all; copying only these halves
    the copy, whose word and name keys no shape reads); and the vocabulary: every IRI of the shapes
    and of the ontology, never renamed."""
    shapes, ontology = shapes_graph(), ontology_graph()
    vocabulary = frozenset(t for g in (shapes, ontology) for triple in g for t in triple if isinstance(t, URIRef))
    named = frozenset(t for triple in shapes for t in triple if isinstance(t, URIRef))
    closed = any(shapes.triples((None, SH.closed, None))) or any(shapes.triples((None, SH.sparql, None)))
    return (None if closed else named | {RDF.type, RDFS.subClassOf}), vocabulary


def _in_graph(v: Violation, name: str | None) -> Violation:
    return Violation(v.focus, v.path, v.message, v.severity, v.value, v.shape, name)


def _load(name: str, check_schema: bool) -> Graph:
    path = data_dir("ontology") / name
    try:
        graph = Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise ShapesError(f"cannot read {path}: {exc}",
                          "reinstall pemilu-kg or fix the file; or build with --no-validate") from exc
    if check_schema and any(str(term).startswith(WRONG_SCHEMA) for triple in graph for term in triple):
        raise ShapesError(f"{path} uses {WRONG_SCHEMA}: the graphs use {SCHEMA._NS}, so those shapes would "
                          "match nothing (pySHACL#118)",
                          "write schema: as https://schema.org/; or build with --no-validate")
    return graph


def _as_read_back(node: Node) -> Node:
    """A typed literal rebuilt from its lexical form (rdflib keeps a decimal made from a float a
    float until it is serialized); any other node as it is."""
    if isinstance(node, Literal) and node.datatype is not None:
        return _read_back(str(node), node.datatype)
    return node


@lru_cache(maxsize=1 << 14)
def _read_back(lexical: str, datatype: URIRef) -> Literal:
    """Parsing a lexical form is most of the copy's cost, and graphs repeat few of them (confidences,
    offsets, dates)."""
    return Literal(lexical, datatype=datatype)


def _violations(results: Graph, shapes: Graph) -> list[Violation]:
    out = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        value = results.value(result, SH.value)
        path = results.value(result, SH.resultPath)
        severity = results.value(result, SH.resultSeverity)
        shape = results.value(result, SH.sourceShape)
        out.append(Violation(
            focus=str(results.value(result, SH.focusNode)),
            path=_path_text(path, results, shapes) if path is not None else None,
            message=" ".join(str(m) for m in results.objects(result, SH.resultMessage)) or "does not conform",
            severity=str(severity).rpartition("#")[2] if severity is not None else "Violation",
            value=str(value) if value is not None else None,
            shape=_name(shape, shapes) if isinstance(shape, URIRef) else None))
    # a property shape shared by two node shapes (kgsh:Confidence) reports one fault twice: keep one
    unique = {(v.focus, v.path, v.message, v.value): v for v in sorted(out, key=lambda v: v.shape or "")}
    return sorted(unique.values(), key=lambda v: (v.focus, v.path or "", v.message, v.value or ""))


def _path_text(path: Node, results: Graph, shapes: Graph) -> str:
    """A property path as text: `pemilu:confidence`, or `schema:datePublished|pemilu:attestedOn`."""
    if isinstance(path, URIRef):
        return _name(path, shapes)
    alternatives = results.value(path, SH.alternativePath)
    if alternatives is not None:
        return "|".join(_name(p, shapes) for p in results.items(alternatives))
    return path.n3()


def _name(node: Node, graph: Graph) -> str:
    return node.n3(graph.namespace_manager)


class RdfInputError(KgError):
    """An RDF file that cannot be read; the message says what to do."""


RDF_FORMATS = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "nt", ".jsonld": "json-ld",
               ".json": "json-ld"}
DATASET_FORMATS = {"trig", "nquads", "json-ld"}


def file_graphs(path: Path) -> list[tuple[str, Graph]]:
    """The graphs of an RDF file: each named graph of a dataset (.trig .nq .jsonld), and its default
    graph or the file's one graph (.ttl .nt) named by the file path."""
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise RdfInputError(f"{path}: unknown RDF format '{path.suffix}'; give one of {', '.join(RDF_FORMATS)}")
    try:
        if fmt in DATASET_FORMATS:
            ds = Dataset()
            ds.parse(path, format=fmt)
            default = ds.default_graph.identifier
            return [(str(path) if g.identifier == default else str(g.identifier), g)
                    for g in ds.graphs() if len(g)]
        return [(str(path), Graph().parse(path, format=fmt))]
    except OSError as exc:
        raise RdfInputError(f"{path}: cannot read ({exc.strerror}); check the path") from exc
    except Exception as exc:  # noqa: BLE001 - rdflib's parsers raise many unrelated types on bad input
        raise RdfInputError(f"{path}: not valid {fmt} ({type(exc).__name__}: {exc}); fix or re-export the file") from exc


def store_graphs(store: Store) -> Iterator[tuple[str, Graph]]:
    """Each named graph of a store (embedded or remote), read back as the store holds it."""
    store = as_store(store)
    names = sorted(row[0] for row in store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows)
    for name in names:
        yield name, store.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")


def violations_in(graphs: Iterable[tuple[str | None, Graph]]) -> Iterator[Violation]:
    """Violations of each (name, graph) pair, tagged with the graph name."""
    for name, graph in graphs:
        for v in validate_article_graph(graph):
            yield _in_graph(v, name)
