"""Deterministic IRIs: the same entity or fact gets the same IRI in every run (ontology/README.md)."""
from __future__ import annotations

import hashlib

from rdflib import URIRef

from kg.nlp.text import id_slug
from kg.rdf.namespaces import GRAPH, ID


def entity(key: str) -> URIRef:
    """`place:63.05` → id/place/63.05, `org:kpu-63.05` → id/org/kpu-63.05, `role:ketua` → id/role/ketua."""
    kind, _, rest = key.partition(":")
    return ID[f"{kind}/{rest}"]


def article_slug(article_id: str) -> str:
    """The article's part of its IRIs (`kg.nlp.text.id_slug`): ids differing only in case stay apart."""
    return id_slug(article_id)


def article(article_id: str) -> URIRef:
    return ID[f"article/{article_slug(article_id)}"]


def sentence(article_id: str, index: int) -> URIRef:
    return ID[f"article/{article_slug(article_id)}/s{index}"]


def graph(article_id: str) -> URIRef:
    return GRAPH[f"article/{article_slug(article_id)}"]


def post(org_key: str, role_key: str) -> URIRef:
    """A post is the role in one institution (W3C ORG `org:postIn`); without one there is no post."""
    return ID[f"post/{org_key.partition(':')[2]}_{role_key.partition(':')[2]}"]


def fact(kind: str, article_id: str, *parts: str) -> URIRef:
    """Membership, quotation or event-facts node: article plus a hash of what identifies the fact."""
    return ID[f"{kind}/{article_slug(article_id)}-{_hash('|'.join(parts))[:10]}"]


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()
