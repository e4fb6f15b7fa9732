"""Agreement between two annotators of the same articles, per fact kind, as eval/score.py counts it.

One annotation is taken as gold and the other, written as RDF by `kg.training.gold_rdf`, as the
system: F1 is symmetric, so which is which does not change it. The figures are the ceiling a
learned component can be compared with: above the annotators' agreement a model measures noise.
"""
from __future__ import annotations

from pathlib import Path
from types import ModuleType

from rdflib import Dataset

from kg.training.gold import load_gold_dirs
from kg.training.gold_rdf import gold_dataset


def _union(ds: Dataset) -> Dataset:
    out = Dataset(default_union=True)
    for s, p, o, g in ds.quads():
        out.graph(g).add((s, p, o))
    return out


def agreement(first: Path, second: Path, scorer: ModuleType) -> tuple[int, dict[str, tuple[float, float, float]]]:
    """Articles annotated in both folders and (P, R, F1) per kind, core and overall."""
    a = {g.id: g for g in load_gold_dirs([first])}
    b = {g.id: g for g in load_gold_dirs([second])}
    both = sorted(set(a) & set(b))
    tally = scorer.Tally()
    for article_id in both:
        scorer.score_article(a[article_id].data, _union(gold_dataset(b[article_id].data)), tally)
    kinds = {k: [k] for k in scorer.KINDS} | {"core": list(scorer.CORE), "overall": list(scorer.KINDS)}
    return len(both), {name: tally.prf(members) for name, members in kinds.items()}
