"""`kg train --extraction` and `kg evaluate`: the learned extraction components and their figures.

Training: the news NER (kg/models/ner) is fine-tuned on the annotated articles (PER, ORG, LOC and
POST spans, `kg.training.spans`), and the post linkers are fitted on the same articles
(`kg.training.linker`); both are written to one folder, by default the shipped kg/models/extract.

Evaluation: k-fold cross-validation by article over the gold folders, for three systems:
- rules: the hand rules with the news NER, no annotated article used;
- learned: the fine-tuned spans and the linkers alone (no rule finder of places, institutions,
  posts or persons; events, dates and quotations still come from their rules);
- hybrid: what ships, the rules plus the model's names and post phrases, linked by the linkers.
"""
from __future__ import annotations

import json
import platform
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import spacy

from kg.errors import MissingInputError
from kg.resources import EXTRACT_DIR, MODEL_DIR
from kg.training.gold import GoldArticle
from kg.nlp.speaker_linker import SPEAKER_FILE
from kg.training.linker import train_linkers
from kg.training.speakers import train_speaker_linker

Log = Callable[[str], None]
DEFAULT_GOLD = (Path("../shared/eval/dev"), Path("../shared/eval/train"), Path("corpus/annotated"))
# gold articles no model is trained on and whose gold no rule was written from: scored with the shipped model
DEFAULT_HELDOUT = Path("corpus/heldout")
#: the articles annotated after the rules were written (corpus/README.md): reported apart by `kg evaluate`
DEFAULT_SUBSET = Path("corpus/annotated_last.txt")
#: reported apart as well: the last held-out draw, whose gold and missed facts nobody had read when it was
#: scored (corpus/heldout_settled.txt, the draws whose doubly annotated articles were settled, is all of them)
DEFAULT_HELDOUT_SUBSETS = (Path("corpus/heldout_last.txt"),)
SYSTEMS = ("rules", "learned", "hybrid")


def train_extraction(golds: Sequence[GoldArticle], out: Path = EXTRACT_DIR, base: Path = MODEL_DIR,
                     seed: int = 0, epochs: int = 12, linkers_only: bool = False, log: Log = print) -> Path:
    """Fine-tune the spans and fit the linkers on `golds`; write both to `out`. `linkers_only`: keep the
    spans already in `out` and fit the linkers again (seconds instead of minutes)."""
    from kg.training.spans import fine_tune

    started = time.perf_counter()
    if linkers_only and not (out / "config.cfg").is_file():
        raise MissingInputError(f"no extraction model in {out} to fit linkers for: train it without --linkers-only")
    if not linkers_only:
        fine_tune(golds, out, base=base, epochs=epochs, seed=seed, log=log)
    linkers = train_linkers(golds)
    speakers = train_speaker_linker(golds)
    (out / "linker").mkdir(parents=True, exist_ok=True)
    (out / "linker" / "posts.json").write_text(linkers.to_json() + "\n", encoding="utf-8")
    (out / SPEAKER_FILE).write_text(speakers.to_json() + "\n", encoding="utf-8")
    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    if not linkers_only:
        meta["kg_training"] = {"articles": len(golds), "epochs": epochs, "seed": seed, "base": base.name,
                               "seconds": round(time.perf_counter() - started)}
    meta["kg_linkers"] = {"articles": len(golds), "person_features": len(linkers.person.weights),
                          "org_features": len(linkers.org.weights), "speaker_features": len(speakers.weights)}
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    log(f"extraction model: {len(golds)} articles, {time.perf_counter() - started:.0f} s -> {out}")
    return out


def _systems(fold_dir: Path, train: Sequence[GoldArticle], log: Log):
    """The three systems' extractors for one fold, the learned ones trained on `train` only."""
    if not (fold_dir / "linker" / "posts.json").is_file() or not (fold_dir / SPEAKER_FILE).is_file():
        spans_there = (fold_dir / "config.cfg").is_file()
        train_extraction(train, fold_dir, linkers_only=spans_there, log=lambda m: None)
        log(f"  trained {'the linkers' if spans_there else 'spans and linkers'} on {len(train)} articles -> {fold_dir}")
    return _extractors(fold_dir)


def _extractors(model_dir: Path) -> dict[str, Callable]:
    """The three systems' extractors with the learned components of `model_dir`: the rules with the news NER
    alone, the learned components alone and the hybrid."""
    from kg.nlp.extract import extract
    from kg.nlp.pipeline import load_pipeline
    from kg.nlp.post_linker import load_linkers

    base = load_pipeline(str(MODEL_DIR))
    tuned = load_pipeline(str(model_dir))
    linkers = load_linkers(str(model_dir))
    return {
        "rules": lambda a: extract(a, base),
        "learned": lambda a: extract(a, tuned, linkers, rules=False),
        "hybrid": lambda a: extract(a, tuned, linkers),
    }


def score_heldout(golds: Sequence[GoldArticle], trained_on: Sequence[GoldArticle], eval_dir: Path,
                  model_dir: Path = EXTRACT_DIR, subsets: dict[str, frozenset[str]] | None = None) -> dict:
    """Per system and kind: P, R, F1 of the shipped model on gold articles it was not trained on: unlike the
    cross-validated folds, no rule was written after reading their gold (corpus/README.md says what of them was
    read), so these figures say best how the extractor holds on news nobody here has read. The same for each
    of `subsets` (name -> article ids: the last draw, say). An article also in
    `trained_on` is refused."""
    from kg.training.crossval import facts_dataset, gold_article, load_scorer

    shared = sorted({g.id for g in golds} & {g.id for g in trained_on})
    if shared:
        raise MissingInputError(f"held-out article {shared[0]} is also in the training gold ({len(shared)} such)",
                                "a held-out article must be in no folder that kg train reads")
    scorer = load_scorer(eval_dir)
    scopes = {None: {g.id for g in golds}} | dict(subsets or {})
    systems: dict[str | None, dict] = {scope: {} for scope in scopes}
    for name, extract in _extractors(model_dir).items():
        tallies = {scope: scorer.Tally() for scope in scopes}
        for gold in golds:
            facts = facts_dataset(extract(gold_article(gold)))
            for scope, ids in scopes.items():
                if gold.id in ids:
                    scorer.score_article(gold.data, facts, tallies[scope])
        for scope, tally in tallies.items():
            systems[scope][name] = {kind: dict(zip(("p", "r", "f1"), tally.prf(members)))
                                    for kind, members in _kinds(scorer).items()}
    shown = model_dir.relative_to(Path.cwd()) if model_dir.is_relative_to(Path.cwd()) else model_dir
    held = {g.id for g in golds}
    return {"articles": len(golds), "model": str(shown), "systems": systems[None],
            "subsets": {scope: {"articles": len(held & ids), "systems": systems[scope]}
                        for scope, ids in (subsets or {}).items()}}


def _rows(kinds: Sequence[str], systems: dict) -> list[str]:
    """One table row per kind that every system was scored on (P / R / F1), then a blank line."""
    return [f"| {kind} | " + " | ".join(f"{c['p']:.3f} / {c['r']:.3f} / **{c['f1']:.3f}**"
                                      for c in (systems[s][kind] for s in SYSTEMS)) + " |"
            for kind in kinds if all(kind in systems[s] for s in SYSTEMS)] + [""]


def _kinds(scorer) -> dict[str, list[str]]:
    """Each kind the scorer counts, and core and overall: the kinds each figure is over."""
    return {kind: [kind] for kind in scorer.KINDS} | {"core": list(scorer.CORE), "overall": list(scorer.KINDS)}


def evaluate(golds: Sequence[GoldArticle], eval_dir: Path, work: Path, k: int = 5, seed: int = 0,
             log: Log = print, subsets: dict[str, frozenset[str]] | None = None) -> dict:
    """Per system and kind: mean P, R, F1 over the folds and the F1's standard deviation; the same for
    each of `subsets` (name -> article ids), over the folds' test articles in it (how the figures hold on
    articles nobody had read when the rules were written, for one)."""
    from kg.training.crossval import facts_dataset, folds, gold_article, load_scorer

    scorer = load_scorer(eval_dir)
    kinds = _kinds(scorer)
    subsets = subsets or {}
    scopes = {None: None} | {name: ids for name, ids in subsets.items()}
    per_fold = {scope: {s: {name: [] for name in kinds} for s in SYSTEMS} for scope in scopes}
    parts = folds(golds, k, seed)
    started = time.perf_counter()
    for i, test in enumerate(parts):
        train = [g for j, part in enumerate(parts) if j != i for g in part]
        systems = _systems(Path(work) / f"fold{i}", train, log)
        for name, extract in systems.items():
            tallies = {scope: scorer.Tally() for scope in scopes}
            counted = {scope: 0 for scope in scopes}
            for gold in test:
                facts = facts_dataset(extract(gold_article(gold)))
                for scope, ids in scopes.items():
                    if ids is None or gold.id in ids:
                        scorer.score_article(gold.data, facts, tallies[scope])
                        counted[scope] += 1
            for scope in scopes:
                if counted[scope]:
                    for kind, members in kinds.items():
                        per_fold[scope][name][kind].append(tallies[scope].prf(members))
        log(f"fold {i + 1}/{k}: {len(test)} test articles; core F1 " + ", ".join(
            f"{name} {per_fold[None][name]['core'][-1][2]:.3f}" for name in SYSTEMS))
    result = {"articles": len(golds), "folds": k, "seed": seed, "seconds": round(time.perf_counter() - started),
              "systems": _means(per_fold[None]), "kinds": list(kinds), "subsets": {}}
    for name, ids in subsets.items():
        result["subsets"][name] = {"articles": sum(1 for g in golds if g.id in ids), "systems": _means(per_fold[name])}
    return result


def _means(per_fold: dict[str, dict[str, list]]) -> dict:
    """Per system and kind: the mean P, R, F1 over the folds, the F1's standard deviation and each fold's F1."""
    return {name: {kind: {"p": statistics.fmean(r[0] for r in rows), "r": statistics.fmean(r[1] for r in rows),
                          "f1": statistics.fmean(r[2] for r in rows),
                          "f1_sd": statistics.stdev(r[2] for r in rows) if len(rows) > 1 else 0.0,
                          "f1_folds": [round(r[2], 4) for r in rows]}
                   for kind, rows in kinds.items() if rows}
            for name, kinds in per_fold.items()}


def results_markdown(result: dict, sources: Sequence[str], agreement: tuple[int, dict] | None) -> str:
    """bench/EXTRACTION_RESULTS.md from `evaluate`'s result."""
    lines = ["# Extraction: cross-validated figures", "",
             "Written by `kg evaluate` (see README, \"Training and evaluation\"). Do not edit by hand.", "",
             f"- date: {date.today().isoformat()}; spaCy {spacy.__version__}; Python {platform.python_version()}; "
             f"{result['seconds']} s",
             f"- {result['folds']}-fold cross-validation by article (seed {result['seed']}) over "
             f"{result['articles']} gold articles: {', '.join(sources)}",
             "- scored as `eval/score.py` scores a build (its `score_article`), article by article; each cell is "
             "the mean over the folds, F1 ± its standard deviation over the folds",
             "- rules: hand rules with the news NER (no annotated article used); learned: the NER fine-tuned on "
             "the training folds (PER/ORG/LOC/POST) and the post linkers (holder, institution of the sentence, "
             "institution of the article), no rule finder of places, institutions, "
             "posts or persons; hybrid (shipped): rules plus the model's names and post phrases, linked by the "
             "linkers. Events, dates and quotations come from their rules in all three.",
             "- nothing is tuned on a test fold inside a run: the span settings are fixed (12 epochs, dropout "
             "0.2), the person linker's threshold is chosen on a held-out fifth of each fold's training "
             "articles (F0.5) and the article-level institution linker decides at 0.5.",
             "- not a blind test: between runs, rules of the hybrid and the rules (reporting patterns, offices "
             "placed by the article, lexicons of posts, ranks, regions and institutions) were written after "
             "reading the errors of these folds, and kept where these figures rose. The rules name kinds of "
             "words, never an article's names, but only articles from outlets none of this has seen are a "
             "blind test.", ""]
    header = "| kind | " + " | ".join(f"{s} P / R / F1" for s in SYSTEMS) + " |"
    lines += [header, "|---|" + "---|" * len(SYSTEMS)]
    for kind in result["kinds"]:
        cells = []
        for s in SYSTEMS:
            c = result["systems"][s][kind]
            cells.append(f"{c['p']:.3f} / {c['r']:.3f} / **{c['f1']:.3f}** ± {c['f1_sd']:.3f}")
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    lines += ["", "F1 of each fold (hybrid): " + "; ".join(
        f"{kind} {result['systems']['hybrid'][kind]['f1_folds']}" for kind in ("core", "holds_post", "statement")), ""]
    if heldout := result.get("heldout"):
        lines += [f"## Held out: {heldout['folder']}", "",
                  f"{heldout['articles']} gold articles that no model was trained on and whose gold and missed facts "
                  f"no rule was written from, scored with the shipped model ({heldout['model']}): how the extractor "
                  "holds on news nobody here has read (corpus/README.md says how they were drawn and annotated, and "
                  "what of them was read before).", "",
                  header, "|---|" + "---|" * len(SYSTEMS)]
        lines += _rows(result["kinds"], heldout["systems"])
        for name, sub in heldout.get("subsets", {}).items():
            lines += [f"### Held out, {name} alone", "",
                      f"{name}: {sub['articles']} of these articles, scored by the same model.", "",
                      header, "|---|" + "---|" * len(SYSTEMS)] + _rows(result["kinds"], sub["systems"])
    for name, sub in result.get("subsets", {}).items():
        lines += [f"## On {name} alone", "",
                  f"{name}: {sub['articles']} articles, each scored by the fold model that did not train on it "
                  "(mean over the folds that hold some of them).", "",
                  header, "|---|" + "---|" * len(SYSTEMS)] + _rows(result["kinds"], sub["systems"])
    if agreement is not None:
        n, scores = agreement
        lines += ["## Agreement between annotators", "",
                  f"{n} articles of corpus/annotated and corpus/heldout annotated twice, independently, by different "
                  "annotators (corpus/first, corpus/second: as written, before the differences were settled in "
                  "corpus/annotated and corpus/heldout, see corpus/ADJUDICATION.md); one taken as gold, the other scored as a system "
                  "(F1 is symmetric). A model above this on a kind measures noise.", "", "| kind | P | R | F1 |", "|---|---|---|---|"]
        for kind, (p, r, f) in scores.items():
            lines.append(f"| {kind} | {p:.3f} | {r:.3f} | {f:.3f} |")
        lines.append("")
    return "\n".join(lines)
