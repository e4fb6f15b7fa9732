"""Namespaces of the graph. `PEMILU` is closed: a misspelt local term fails at import, not in data."""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, DefinedNamespace, ORG, PROV, RDF, RDFS, SDO, SKOS, XSD

BASE = "https://w3id.org/pemilu-kg/"
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = SDO  # https://schema.org/, the one form used everywhere

__all__ = ["BASE", "GRAPH", "ID", "NIF", "ORG", "PEMILU", "PROV", "RDF", "RDFS", "SCHEMA", "SEM", "SKOS", "XSD",
           "PREFIXES", "bind_prefixes"]


class PEMILU(DefinedNamespace):
    """Local terms of the pemilu-kg application profile (ontology/pemilu.ttl)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    Sentence: URIRef
    ArticleGraph: URIRef
    ElectionEvent: URIRef
    ReportedEvent: URIRef
    FormerMembership: URIRef
    post: URIRef
    rank: URIRef
    qualifier: URIRef
    attestedOn: URIRef
    reportedOn: URIRef
    wordKey: URIRef
    confidence: URIRef
    sentence: URIRef
    isDirectQuote: URIRef
    speakerRole: URIRef
    speakerPost: URIRef
    eventType: URIRef
    dateExpression: URIRef
    orgType: URIRef
    placeType: URIRef
    level: URIRef
    kemendagriCode: URIRef
    datelinePlace: URIRef
    extractor: URIRef
    contentHash: URIRef
    source: URIRef
    identityEvidence: URIRef
    matchProbability: URIRef
    nameKey: URIRef


# The one prefix map: graphs written by rdflib bind it, every query and Turtle/TriG/JSON-LD export
# declares it (kg.graph).
PREFIXES: dict[str, str] = {"schema": str(SCHEMA), "org": str(ORG), "prov": str(PROV), "skos": str(SKOS),
                            "sem": str(SEM), "nif": str(NIF), "pemilu": str(PEMILU._NS), "kg": str(ID),
                            "kgg": str(GRAPH), "xsd": str(XSD), "rdfs": str(RDFS), "owl": str(OWL)}


def bind_prefixes(graph) -> None:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
