"""A gold file written as the RDF that CONTRACT.md asks of a build: the scorer's perfect system.

Scoring gold against itself must give 1.000 on every kind; anything less means the gold file says
something the scorer cannot read (an alias that is not a name, a quote that is not in the text), so
annotators run this on every file they write:

    python ../shared/eval/score.py --gold DIR --cmd "python -m kg.training.gold_rdf DIR {input} {output}"
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import ORG, PROV, RDF, RDFS, SDO, SKOS, XSD

from kg.rdf.namespaces import SEM

BASE = "https://w3id.org/pemilu-kg/gold/"
KIND = {"Person": SDO.Person, "Organization": SDO.Organization, "Place": SDO.Place, "Event": SDO.Event}


def gold_dataset(gold: dict) -> Dataset:
    """The facts of one gold article as a dataset with one named graph."""
    ds = Dataset()
    base = BASE + gold["id"] + "/"
    g = ds.graph(URIRef(base))
    article = URIRef(base + "article")
    g.add((article, RDF.type, SDO.NewsArticle))

    def node(eid: str) -> URIRef:
        return URIRef(base + eid)

    for e in gold["entities"]:
        n = node(e["id"])
        g.add((n, RDF.type, KIND[e["type"]]))
        g.add((article, SDO.mentions, n))
        g.add((n, RDFS.label, Literal(e["name"])))
        for alias in e.get("aliases", []):
            g.add((n, SKOS.altLabel, Literal(alias)))
    for i, r in enumerate(gold.get("relations", [])):
        fact = URIRef(f"{base}r{i}")
        kind = r["type"]
        if kind == "holds_post":
            role = URIRef(f"{base}r{i}/role")
            g.add((fact, RDF.type, ORG.Membership))
            g.add((fact, ORG.member, node(r["person"])))
            g.add((fact, ORG.role, role))
            g.add((role, RDFS.label, Literal(r["post"])))
            for alias in r.get("post_aliases") or []:
                g.add((role, SKOS.altLabel, Literal(alias)))
            if r.get("organization"):
                g.add((fact, ORG.organization, node(r["organization"])))
        elif kind == "statement":
            g.add((fact, RDF.type, SDO.Quotation))
            g.add((fact, SDO.creator, node(r["speaker"])))
            g.add((fact, SDO.text, Literal(r["quote"])))
        elif kind == "located_in":
            g.add((node(r["place"]), SDO.containedInPlace, node(r["within"])))
        elif kind == "org_in_place":
            g.add((node(r["organization"]), SDO.areaServed, node(r["place"])))
        elif kind == "event_place":
            g.add((node(r["event"]), SDO.location, node(r["place"])))
        elif kind == "event_date":
            date = r["date"]
            g.add((node(r["event"]), SDO.startDate,
                   Literal(date, datatype=XSD.date if not date.startswith("-") else XSD.gMonthDay)))
        elif kind == "participant":
            g.add((node(r["event"]), SEM.hasActor, node(r["agent"])))
        if kind in ("holds_post", "statement"):
            g.add((fact, PROV.wasDerivedFrom, article))
    return ds


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: python -m kg.training.gold_rdf GOLD_DIR INPUT.jsonl OUTPUT.trig", file=sys.stderr)
        return 2
    gold_dir, source, output = (Path(a) for a in argv)
    article_id = json.loads(source.read_text(encoding="utf-8").splitlines()[0])["id"]
    matches = list(gold_dir.rglob(f"{article_id}.json"))
    if not matches:
        print(f"no gold file {article_id}.json under {gold_dir}", file=sys.stderr)
        return 2
    gold = json.loads(matches[0].read_text(encoding="utf-8"))
    gold_dataset(gold).serialize(destination=str(output), format="trig")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
