"""One node per real entity across articles, and no merge of different entities: the dev gold
articles built into one graph, checked against the gold's entities."""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict

import pytest
from rdflib import Dataset
from rdflib.namespace import RDF, RDFS, SKOS

from kg.ingest.readers import parse_date
from kg.nlp.extract import extract
from kg.rdf import iris
from kg.rdf.mapping import dataset
from kg.rdf.namespaces import SCHEMA
from kg.records import Article

from conftest import needs_shared

TYPES = {"Person": SCHEMA.Person, "Organization": SCHEMA.Organization, "Place": SCHEMA.Place}


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", re.sub(r"[\u2018\u2019\u201c\u201d\"'`]", "", text)).split())


@pytest.fixture(scope="module")
def built():
    folder = needs_shared("eval", "dev")
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    facts = [extract(Article(g["id"], g["text"], g.get("source_url"), g.get("title"), parse_date(g.get("published"))))
             for g in golds]
    ds = dataset(facts)
    union = Dataset(default_union=True)
    for quad in ds.quads():
        union.add(quad)
    return golds, union


def identity(entity: dict) -> str:
    """Gold names one real entity differently across articles in two ways this test accepts:
    a national body with or without "Republik Indonesia", and a canonical name that the other
    article gives as an alias ("Jakarta" / "DKI Jakarta" with alias "JAKARTA") (see `same`)."""
    return re.sub(r" (?:republik indonesia|ri)$", "", norm(entity["name"]))


def same(a: dict, b: dict) -> bool:
    names_a = {norm(x) for x in [a["name"], *a.get("aliases", [])]}
    names_b = {norm(x) for x in [b["name"], *b.get("aliases", [])]}
    return identity(a) == identity(b) or norm(a["name"]) in names_b or norm(b["name"]) in names_a


def _nodes_for(union, article_id: str, entity: dict) -> set:
    """Nodes of the entity's type that the article mentions and that carry one of its names."""
    aliases = {norm(a) for a in [entity["name"], *entity.get("aliases", [])]}
    article = iris.article(article_id)
    out = set()
    for node in union.objects(article, SCHEMA.mentions):
        if (node, RDF.type, TYPES[entity["type"]]) not in union:
            continue
        names = {norm(str(o)) for p in (RDFS.label, SKOS.altLabel) for o in union.objects(node, p)}
        if names & aliases:
            out.add(node)
    return out


def test_an_entity_in_several_articles_is_one_node(built):
    golds, union = built
    seen: dict[tuple[str, str], dict[str, set]] = defaultdict(dict)
    for gold in golds:
        for entity in gold["entities"]:
            if entity["type"] in TYPES:
                seen[(entity["type"], identity(entity))][gold["id"]] = _nodes_for(union, gold["id"], entity)
    shared = {key: by_article for key, by_article in seen.items() if len(by_article) > 1}
    assert len(shared) >= 5  # the dev set has entities that recur: Kalimantan Selatan, KPU Kalsel, Muhidin ...
    duplicated = {key: by_article for key, by_article in shared.items()
                  if len(set().union(*by_article.values())) > 1}
    assert not duplicated


def test_different_entities_are_never_one_node(built):
    golds, union = built
    owners: dict = defaultdict(list)
    for gold in golds:
        for entity in gold["entities"]:
            if entity["type"] in TYPES:
                for node in _nodes_for(union, gold["id"], entity):
                    owners[node].append(entity)
    merged = {}
    for node, entities in owners.items():
        distinct = [e for i, e in enumerate(entities) if not any(same(e, o) for o in entities[:i])]
        if len(distinct) > 1:
            merged[node] = [e["name"] for e in distinct]
    assert not merged
