"""K-fold cross-validation by article of the whole extractor, scored as eval/score.py scores a build.

Each fold's articles are extracted in this process (one pipeline load, not one `kg build` per
article), mapped to RDF by the same mapping the build uses, and scored with `score_article` from
the shared `eval/score.py`, so a figure here is the figure the scorer would give. Systems that learn
are trained on the other folds only; nothing is tuned on a test fold.
"""
from __future__ import annotations

import importlib.util
import random
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import ModuleType

from rdflib import Dataset

from kg.rdf.mapping import article_graph
from kg.records import Article, ArticleFacts
from kg.training.gold import GoldArticle

Log = Callable[[str], None]
#: a system: trained on some gold articles, returns what extracts one article
System = Callable[[Sequence[GoldArticle], Path], Callable[[Article], ArticleFacts]]


def load_scorer(eval_dir: Path) -> ModuleType:
    """The shared scorer as a module (it is a script beside the gold sets, not a package)."""
    path = Path(eval_dir) / "score.py"
    if not path.is_file():
        raise FileNotFoundError(f"no scorer at {path}: give the shared eval folder (--eval-dir)")
    spec = importlib.util.spec_from_file_location("pemilu_eval_score", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def folds(golds: Sequence[GoldArticle], k: int, seed: int) -> list[list[GoldArticle]]:
    """k folds of whole articles, shuffled with `seed`."""
    order = sorted(golds, key=lambda g: g.id)
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def gold_article(gold: GoldArticle) -> Article:
    """The article as the scorer hands it to a build."""
    d = gold.data
    published = None
    if d.get("published"):
        try:
            published = date.fromisoformat(d["published"])
        except ValueError:
            published = None
    return Article(id=d["id"], text=d["text"], url=d.get("source_url"), title=d.get("title"), published=published)


def facts_dataset(facts: ArticleFacts) -> Dataset:
    ds = Dataset(default_union=True)
    name, g = article_graph(facts)
    named = ds.graph(name)
    for triple in g:
        named.add(triple)
    return ds


@dataclass
class FoldScores:
    """Per kind: (P, R, F1) of each fold, and the pooled counts."""

    per_fold: dict[str, list[tuple[float, float, float]]] = field(default_factory=dict)

    def add(self, tally, kinds: dict[str, list[str]]) -> None:
        for name, members in kinds.items():
            self.per_fold.setdefault(name, []).append(tally.prf(members))

    def mean(self, name: str) -> tuple[float, float, float, float]:
        """Mean P, R, F1 over folds and the F1's standard deviation."""
        rows = self.per_fold[name]
        p, r, f = (statistics.fmean(x[i] for x in rows) for i in range(3))
        sd = statistics.stdev(x[2] for x in rows) if len(rows) > 1 else 0.0
        return p, r, f, sd


def cross_validate(golds: Sequence[GoldArticle], system: System, scorer: ModuleType, work: Path,
                   k: int = 5, seed: int = 0, log: Log = print) -> FoldScores:
    kinds = {kind: [kind] for kind in scorer.KINDS}
    kinds["core"] = list(scorer.CORE)
    kinds["overall"] = list(scorer.KINDS)
    scores = FoldScores()
    parts = folds(golds, k, seed)
    for i, test in enumerate(parts):
        train = [g for j, part in enumerate(parts) if j != i for g in part]
        extract = system(train, Path(work) / f"fold{i}")
        tally = scorer.Tally()
        for gold in test:
            scorer.score_article(gold.data, facts_dataset(extract(gold_article(gold))), tally)
        scores.add(tally, kinds)
        p, r, f = tally.prf(scorer.CORE)
        log(f"fold {i + 1}/{k}: {len(train)} articles to train, {len(test)} to test, core F1 {f:.3f}")
    return scores
