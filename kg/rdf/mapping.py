"""ArticleFacts → one RDF named graph per article, in the public vocabulary of CONTRACT.md plus
the few local terms of ontology/pemilu.ttl.

Shared nodes (persons, institutions, places, roles, elections) carry their type and labels in
every article graph that mentions them, so each article graph stands alone and can be dropped
and rebuilt without stranding another. Every membership, quotation and event-facts node points
to its article and sentence (`prov:wasDerivedFrom`) and carries a confidence.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, RDF, RDFS, SKOS, XSD

from kg.rdf import iris
from kg.rdf.keys import name_key, word_keys
from kg.rdf.namespaces import NIF, PEMILU, SCHEMA, SEM, bind_prefixes
from kg.records import Article, ArticleFacts, Entity, EventFacts, Kind, Membership, Quotation, Role, Sentence

KIND_CLASSES = {
    Kind.PERSON: (SCHEMA.Person,),
    Kind.ORGANIZATION: (SCHEMA.Organization, ORG.Organization),
    Kind.PLACE: (SCHEMA.Place,),
    Kind.EVENT: (SCHEMA.Event, SEM.Event),
}


GRAPH_VERSION = 4  # raise when the triples made from the same facts change: old graphs are rebuilt


def content_hash(article: Article, extractor: str) -> str:
    """Hash of what the article's graph is made from (its text, URL, title and publication date),
    of the extractor that read it and of the graph version: a changed article, lexicon, model,
    package or mapping makes the article "changed", so it is rebuilt."""
    fields = (extractor, str(GRAPH_VERSION), article.text, article.url or "", article.title or "",
              article.published.isoformat() if article.published else "")
    return hashlib.sha256("\0".join(fields).encode("utf-8")).hexdigest()


def article_graph(facts: ArticleFacts) -> tuple[URIRef, Graph]:
    """The named graph IRI and the triples of one article."""
    g = Graph(store="SimpleMemory")
    bind_prefixes(g)
    a = facts.article
    art = iris.article(a.id)
    g.add((art, RDF.type, SCHEMA.NewsArticle))
    g.add((art, SCHEMA.identifier, Literal(a.id)))
    g.add((art, PEMILU.contentHash, Literal(content_hash(a, facts.extractor))))
    g.add((art, PEMILU.extractor, Literal(facts.extractor)))
    if a.url:
        g.add((art, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI)))
    if a.title:
        g.add((art, SCHEMA.headline, Literal(a.title, lang="id")))
    if a.published:
        g.add((art, SCHEMA.datePublished, Literal(a.published.isoformat(), datatype=XSD.date)))
    if a.source:
        g.add((art, PEMILU.source, Literal(a.source)))
    if facts.outlet:
        g.add((art, SCHEMA.publisher, Literal(facts.outlet)))
    if facts.dateline_place:
        g.add((art, PEMILU.datelinePlace, iris.entity(facts.dateline_place)))
    for key, value in a.metadata:
        g.add((art, SCHEMA.additionalProperty, Literal(f"{key}={value}")))

    for s in cited_sentences(facts):
        node = iris.sentence(a.id, s.index)
        g.add((node, RDF.type, PEMILU.Sentence))
        g.add((node, SCHEMA.isPartOf, art))
        g.add((node, SCHEMA.position, Literal(s.index)))
        g.add((node, NIF.beginIndex, Literal(s.start)))
        g.add((node, NIF.endIndex, Literal(s.end)))
        g.add((node, NIF.anchorOf, Literal(s.text, lang="id")))

    for entity in facts.entities:
        _entity(g, entity)
        if entity.mentions:
            g.add((art, SCHEMA.mentions, iris.entity(entity.key)))

    attested = Literal(a.published.isoformat(), datatype=XSD.date) if a.published else None
    for m in facts.memberships:
        _membership(g, facts, m, attested)
    for n, q in enumerate(facts.quotations):
        _quotation(g, facts, n, q, attested)
    for ev in facts.events:
        _event_facts(g, facts, ev)
    return iris.graph(a.id), g


def cited_sentences(facts: ArticleFacts) -> list[Sentence]:
    """The sentences a membership, quotation or event fact cites: the evidence the graph keeps. The
    others would be a third of an article's triples, which no query reads, and text that belongs
    to its publisher."""
    cited = ({m.sentence for m in facts.memberships} | {q.sentence for q in facts.quotations}
             | {ev.sentence for ev in facts.events})
    return [s for s in facts.sentences if s.index in cited]


def dataset(all_facts: Iterable[ArticleFacts]) -> Dataset:
    ds = Dataset()
    bind_prefixes(ds)
    for facts in all_facts:
        name, g = article_graph(facts)
        named = ds.graph(name)
        for triple in g:
            named.add(triple)
    return ds


def _labels(g: Graph, node: URIRef, label: str, alts: Iterable[str]) -> None:
    g.add((node, RDFS.label, Literal(label)))
    g.add((node, PEMILU.nameKey, Literal(name_key(label))))
    for alt in alts:
        if alt != label:
            g.add((node, SKOS.altLabel, Literal(alt)))
            g.add((node, PEMILU.nameKey, Literal(name_key(alt))))


def _entity(g: Graph, e: Entity) -> None:
    node = iris.entity(e.key)
    for cls in KIND_CLASSES[e.kind]:
        g.add((node, RDF.type, cls))
    _labels(g, node, e.label, e.alt_labels)
    if e.kind is Kind.PLACE:
        if e.code:
            g.add((node, RDF.type, SCHEMA.AdministrativeArea))
            g.add((node, PEMILU.kemendagriCode, Literal(e.code)))
        if e.subtype:
            g.add((node, PEMILU.placeType, Literal(e.subtype)))
        if e.within:
            g.add((node, SCHEMA.containedInPlace, iris.entity(e.within)))
    elif e.kind is Kind.ORGANIZATION:
        if e.subtype:
            g.add((node, PEMILU.orgType, Literal(e.subtype)))
        if e.area:
            g.add((node, SCHEMA.areaServed, iris.entity(e.area)))
    elif e.kind is Kind.EVENT:
        if e.subtype:
            g.add((node, PEMILU.eventType, Literal(e.subtype)))
            g.add((node, RDF.type, PEMILU.ElectionEvent if e.subtype == "election" else PEMILU.ReportedEvent))
        if e.area:
            g.add((node, SCHEMA.location, iris.entity(e.area)))
    if e.level:
        g.add((node, PEMILU.level, Literal(e.level)))
    if e.identity:
        g.add((node, PEMILU.identityEvidence, Literal(e.identity)))


def _role(g: Graph, role: Role) -> URIRef:
    node = iris.entity(role.key)
    g.add((node, RDF.type, ORG.Role))
    g.add((node, RDF.type, SKOS.Concept))
    _labels(g, node, role.label, role.alt_labels)
    return node


def _provenance(g: Graph, node: URIRef, facts: ArticleFacts, sentence: int, confidence: float) -> None:
    g.add((node, PROV.wasDerivedFrom, iris.article(facts.article.id)))
    g.add((node, PROV.wasDerivedFrom, iris.sentence(facts.article.id, sentence)))
    g.add((node, PEMILU.sentence, iris.sentence(facts.article.id, sentence)))
    g.add((node, PEMILU.confidence, Literal(round(confidence, 3), datatype=XSD.decimal)))


def _membership(g: Graph, facts: ArticleFacts, m: Membership, attested: Literal | None) -> None:
    node = iris.fact("membership", facts.article.id, m.person, m.role.key, m.organization or "", m.qualifier or "")
    person = iris.entity(m.person)
    role = _role(g, m.role)
    # a post held before ("mantan Ketua KPK") is a membership all the same (the reference gold counts it, as
    # GUIDELINES.md's "holds a post" has no time), typed apart too: no holding on the date the article attests
    g.add((node, RDF.type, ORG.Membership))
    if m.qualifier == "former":
        g.add((node, RDF.type, PEMILU.FormerMembership))
    g.add((node, ORG.member, person))
    g.add((node, ORG.role, role))
    if m.organization:  # a post is held in an institution: one node per role word would join strangers
        org = iris.entity(m.organization)
        post = iris.post(m.organization, m.role.key)
        g.add((node, ORG.organization, org))
        g.add((node, PEMILU.post, post))
        g.add((post, RDF.type, ORG.Post))
        g.add((post, ORG.role, role))
        g.add((post, ORG.postIn, org))
        entity = facts.entity(m.organization)
        g.add((post, RDFS.label, Literal(f"{m.role.label} {entity.label}" if entity else m.role.label)))
        if m.qualifier not in ("former", "elect"):  # held before, or not yet
            g.add((person, ORG.holds, post))
    if m.rank:
        g.add((node, PEMILU.rank, Literal(m.rank)))
    if m.qualifier:
        g.add((node, PEMILU.qualifier, Literal(m.qualifier)))
    if attested is not None and m.qualifier != "former":
        g.add((node, PEMILU.attestedOn, attested))
    g.add((node, SCHEMA.description, Literal(m.evidence.text, lang="id")))
    _provenance(g, node, facts, m.sentence, m.confidence)


def _quotation(g: Graph, facts: ArticleFacts, n: int, q: Quotation, reported: Literal | None) -> None:
    node = iris.fact("quote", facts.article.id, str(n), q.speaker, q.text)
    g.add((node, RDF.type, SCHEMA.Quotation))
    g.add((node, SCHEMA.creator, iris.entity(q.speaker)))
    g.add((node, PROV.wasAttributedTo, iris.entity(q.speaker)))
    g.add((node, SCHEMA.text, Literal(q.text, lang="id")))
    for word in sorted(word_keys(q.text)):
        g.add((node, PEMILU.wordKey, Literal(word)))
    g.add((node, PEMILU.isDirectQuote, Literal(q.direct)))
    g.add((node, SCHEMA.isBasedOn, iris.article(facts.article.id)))
    if q.speaker_role:
        g.add((node, PEMILU.speakerRole, _role(g, q.speaker_role)))
        if q.speaker_organization:
            g.add((node, PEMILU.speakerPost, iris.post(q.speaker_organization, q.speaker_role.key)))
    if q.event:
        g.add((node, SCHEMA.recordedAt, iris.entity(q.event)))
    if reported is not None:
        g.add((node, PEMILU.reportedOn, reported))
    _provenance(g, node, facts, q.sentence, q.confidence)


def _event_facts(g: Graph, facts: ArticleFacts, ev: EventFacts) -> None:
    """Place, date and actors are stated on the event itself (what users and CONTRACT.md query)."""
    node = iris.entity(ev.event)
    for place in ev.places:
        g.add((node, SCHEMA.location, iris.entity(place)))
    if ev.date:
        datatype = XSD.date if len(ev.date) == 10 else XSD.gMonthDay
        g.add((node, SCHEMA.startDate, Literal(ev.date, datatype=datatype)))
    if ev.date_text:
        g.add((node, PEMILU.dateExpression, Literal(ev.date_text, lang="id")))
    for actor in ev.actors:
        g.add((node, SEM.hasActor, iris.entity(actor)))
    _provenance(g, node, facts, ev.sentence, ev.confidence)
