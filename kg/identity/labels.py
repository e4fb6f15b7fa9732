"""Hand-labelled mention pairs (bench/identity: pairs*.csv and labels.csv) as pairs of a store's person nodes.

A label judges two mentions, named by the node IRI and the name of the extractor that drew the set;
a store built by another version of the extractor may name the mention otherwise, so each is found
again as the one node of the same article bearing the same name, or a name that holds it or that it
holds. Used to fit the shipped identity model (`kg train --identity --labels DIR`) and to score
resolution against the labels (bench/identity_eval.py).
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from kg.errors import MissingInputError
from kg.identity.names import someone_else
from kg.identity.records import PersonRecord
from kg.rdf import iris

ARTICLE = re.compile(r"\[([\w-]+) ")  # "[kompas-02272 20/09/2019] ..." in a pair's context


@dataclass(frozen=True)
class LabelledPair:
    pair: int
    stratum: str
    verdict: str  # same, different, not-person, unsure
    node_a: str
    node_b: str
    name_a: str
    name_b: str
    context_a: str
    context_b: str


def read_labels(folder: Path) -> list[LabelledPair]:
    """The labelled pairs of `folder`, by pair id."""
    if not (folder / "labels.csv").is_file():
        raise MissingInputError(f"no labels.csv in {folder}", "give the folder of the labelled pairs (bench/identity)")
    nodes = {}
    for path in sorted(folder.glob("pairs*.csv")):  # pairs.csv, pairs_2.csv ...
        for r in csv.DictReader(path.open(encoding="utf-8")):
            nodes[int(r["pair"])] = r
    out = []
    for r in csv.DictReader((folder / "labels.csv").open(encoding="utf-8")):
        n = nodes[int(r["pair"])]
        out.append(LabelledPair(int(r["pair"]), n["stratum"], r["verdict"], n["node_a"], n["node_b"], n["name_a"],
                                n["name_b"], n["context_a"], n["context_b"]))
    return sorted(out, key=lambda p: p.pair)


def locator(records: dict[str, PersonRecord]) -> dict[tuple[str, str], set[str]]:
    """(article graph, name in lower case) -> the person nodes of that article bearing that name."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for node, r in records.items():
        for graph in r.graphs:
            for name in r.names | {r.label}:
                out[(graph, name.casefold())].add(node)
    return out


def located(node: str, name: str, context: str, present: set[str], locate: dict) -> str | None:
    """The labelled node, or where the extractor that built this store put the same mention: the one
    node of the same article bearing the same name, else the one bearing a name that holds it or that
    it holds (labels judge mentions; node IRIs and name boundaries change with the extractor)."""
    if node in present:
        return node
    graphs = [str(iris.graph(a)) for a in ARTICLE.findall(context)]
    found = set().union(*(locate.get((g, name.casefold()), set()) for g in graphs))
    if not found:  # the name the extractor now reads there is longer or shorter ("Ansori" / "Muslim Ansori"),
        # but a relative's is never the name of the person it holds ("Mertua Mulan Jameela" / "Mulan Jameela")
        words = set(name.casefold().split())
        found = {n for (g, form), nodes in locate.items() if g in graphs and words and (
            words <= set(form.split()) or set(form.split()) <= words) and someone_else(form) == someone_else(name)
                 for n in nodes}
    return next(iter(found)) if len(found) == 1 else None


def matches(records: dict[str, PersonRecord], labels: list[LabelledPair],
            pairs: set[int] | None = None) -> list[tuple[str, str]]:
    """The node pairs of the store that the labels (of `pairs`, default all) judge to be one person."""
    present, locate, out = set(records), locator(records), []
    for p in labels:
        if p.verdict == "same" and (pairs is None or p.pair in pairs):
            a = located(p.node_a, p.name_a, p.context_a, present, locate)
            b = located(p.node_b, p.name_b, p.context_b, present, locate)
            if a and b and a != b:
                out.append((a, b))
    return out
