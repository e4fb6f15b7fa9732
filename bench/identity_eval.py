"""Identity resolution against the hand-labelled set: pairwise and B-cubed precision and recall, and its cost.

Copies a store built from the CLICK-ID corpus without resolution (`kg build ... --no-resolve`),
runs `kg resolve` on the copy (wall time and peak memory of that process), reads which nodes it
joined (`owl:sameAs` in the identity graphs) and scores them against
  * bench/identity/labels.csv (pairs.csv, pairs_2.csv, pairs_3.csv): mention pairs judged same / different by hand
    (pairs judged not-person or unsure are left out of precision and recall and counted apart; a labelled
    node IRI the store lacks is found again as the one node of the same article bearing the same name);
  * bench/identity/clusters.json: blocks of nodes grouped into persons by hand (B-cubed).
Writes bench/IDENTITY_RESULTS.md. The shipped model was fitted on the labelled pairs too, so its
pairwise figures there are in-sample; the honest ones are the cross-fitted figures below.

With --crossfit the labelled pairs also train the model, cross-fitted: the pair ids are split into
two halves (seeded, SEED); the model is fitted on the store (kg.identity.scoring.fit) with one
half's `same` pairs, the store resolved with it and scored on the other half's pairs, and the
reverse; the figures of both halves and their mean are reported (B-cubed on clusters.json, which
trains nothing, for each model). With --write-model too, the shipped model is then fitted on all
labels (kg/models/identity/splink.json).

    python bench/identity_eval.py --store .pemilu-kg/corpus-raw
    python bench/identity_eval.py --store .pemilu-kg/corpus-raw --crossfit --write-model
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.identity_figures import figures_table  # noqa: E402
from kg.graph import connect  # noqa: E402
from kg.identity.records import read_persons  # noqa: E402
from kg.identity.labels import located, locator, matches, read_labels  # noqa: E402
from kg.identity.scoring import MODEL, fit  # noqa: E402
from kg.identity.train import train_identity  # noqa: E402

DATA = ROOT / "bench" / "identity"
SEED = 2026  # the split of the labelled pair ids into two halves for --crossfit
LABELS = read_labels(DATA)
# pairs drawn and labelled after the resolver's rules and the shipped model were written, never fitted on: the blind test
BLIND = read_labels(DATA / "blind") if (DATA / "blind" / "labels.csv").is_file() else []
SAME_AS = ("SELECT ?o ?c WHERE { GRAPH ?g { ?o owl:sameAs ?c } "
           "FILTER (STRSTARTS(STR(?g), 'https://w3id.org/pemilu-kg/graph/identity/')) }")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", required=True, help="a store built without resolution")
    ap.add_argument("--out", type=Path, help="the report (default: bench/IDENTITY_RESULTS.md, with --crossfit "
                                               "bench/IDENTITY_CROSSFIT.md)")
    ap.add_argument("--crossfit", action="store_true", help="the labels train the model too, cross-fitted on two halves")
    ap.add_argument("--write-model", action="store_true", help="with --crossfit: then fit the shipped model on all labels")
    args = ap.parse_args()
    out = args.out or ROOT / "bench" / ("IDENTITY_CROSSFIT.md" if args.crossfit else "IDENTITY_RESULTS.md")
    work = ROOT / ".pemilu-kg"  # beside the stores, on their disk: a copy of one is large
    work.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=work) as tmp:
        if args.crossfit:
            report = crossfit(Path(args.store), Path(tmp), args.write_model)
        else:
            run = resolved(Path(args.store), Path(tmp) / "store")
            pairs = score_pairs(run["canon"], run["present"], run["locate"])
            blind = {n: {**score_pairs(run["canon"], run["present"], run["locate"], only=ids, labels=BLIND),
                         "pairs": len(ids)} for n, ids in blind_rounds().items()}
            report = render(pairs, run["bcubed"], run["seconds"], run["peak_mb"], run["last"], run["figures"], blind)
    out.write_text(report, encoding="utf-8")
    print(report)


def blind_rounds() -> dict[int, set[int]]:
    """The labelled pair ids of each blind round (bench/identity/blind/pairs_N.csv: round N), in order; a round
    drawn and judged but not yet merged into blind/labels.csv (kept unread for a later change) is left out."""
    labelled = {p.pair for p in BLIND}
    rounds = {int(path.stem.split("_")[1]): {int(r["pair"]) for r in csv.DictReader(path.open(encoding="utf-8"))}
              for path in (DATA / "blind").glob("pairs_*.csv")}
    return {n: ids & labelled for n, ids in sorted(rounds.items()) if ids & labelled}


def resolved(store: Path, copy: Path, model: Path | None = None) -> dict:
    """Resolve a copy of `store` (with `model`, else the shipped one) and read what it joined."""
    shutil.copytree(store, copy)
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "kg.cli", "resolve", "--store", str(copy)]
                         + (["--model", str(model)] if model else []), capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if run.returncode:
        sys.exit(f"kg resolve failed: {run.stderr}")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    s = connect(str(copy), read_only=True)
    canon = {o: c for o, c in s.select(SAME_AS).rows}
    records = read_persons(s)
    figures = figures_table(s) if model is None else ""
    s.close()
    shutil.rmtree(copy)
    # a node the resolver renamed to its canonical node is still the node that was labelled
    return {"canon": canon, "present": set(records) | set(canon) | set(canon.values()), "locate": locator(records), "seconds": seconds,
            "peak_mb": peak_mb, "last": run.stderr.strip().splitlines()[-1:], "figures": figures,
            "bcubed": score_blocks(canon, set(records))}


def halves() -> tuple[set[int], set[int]]:
    """The labelled pair ids split in two, seeded (SEED)."""
    ids = sorted(p.pair for p in LABELS)
    random.Random(SEED).shuffle(ids)
    return set(ids[:len(ids) // 2]), set(ids[len(ids) // 2:])


def crossfit(store: Path, tmp: Path, write_model: bool) -> str:
    store = Path(shutil.copytree(store, tmp / "unresolved"))  # the given store is only ever copied
    s = connect(str(store), read_only=True)
    records = read_persons(s)
    s.close()
    runs = []
    for fitted, tested in (halves(), halves()[::-1]):
        model = tmp / "model.json"
        model.write_text(json.dumps(fit(records, matches=matches(records, LABELS, fitted))), encoding="utf-8")
        run = resolved(store, tmp / "store", model)
        runs.append((run, score_pairs(run["canon"], run["present"], run["locate"], only=tested)))
    if write_model:  # as `kg train --identity --store STORE --labels bench/identity` does
        train_identity(str(store), MODEL, DATA)
    return render_crossfit(runs)


def _canonical(canon: dict[str, str], node: str) -> str:
    seen = set()
    while node in canon and node not in seen:
        seen.add(node)
        node = canon[node]
    return node


def score_pairs(canon: dict[str, str], present: set[str], locate: dict | None = None,
                only: set[int] | None = None, labels: list | None = None) -> dict:
    """Pairwise counts per stratum over the labelled pairs (with `only`, those pair ids; `labels`: another set,
    such as the blind pairs, instead of LABELS)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    errors = []
    for p in LABELS if labels is None else labels:
        if only is not None and p.pair not in only:
            continue
        a = located(p.node_a, p.name_a, p.context_a, present, locate or {})
        b = located(p.node_b, p.name_b, p.context_b, present, locate or {})
        if a is None or b is None:  # a mention the extractor that built this store does not make
            counts["all"]["missing"] += 1
            continue
        if a != p.node_a or b != p.node_b:
            counts["all"]["relocated"] += 1
        joined = _canonical(canon, a) == _canonical(canon, b)
        for key in ("all", p.stratum):
            if p.verdict in ("same", "different"):
                counts[key][("tp" if joined else "fn") if p.verdict == "same" else ("fp" if joined else "tn")] += 1
            else:
                counts[key][f"{p.verdict} {'joined' if joined else 'apart'}"] += 1
        if p.verdict in ("same", "different") and joined != (p.verdict == "same"):
            errors.append((p.pair, p.stratum, p.verdict, p.name_a, p.name_b))
    return {"counts": counts, "errors": errors}


def score_blocks(canon: dict[str, str], present: set[str]) -> dict:
    blocks = json.loads((DATA / "clusters.json").read_text(encoding="utf-8"))
    precision, recall, n = 0.0, 0.0, 0
    tp = fp = fn = junk_joined = 0
    gold_clusters = 0
    for block in blocks:
        gold = {node: i for i, group in enumerate(block["groups"]) for node in group["nodes"]
                if node in present and group.get("flag") != "not_person"}
        junk = [node for group in block["groups"] if group.get("flag") == "not_person"
                for node in group["nodes"] if node in present]
        junk_joined += sum(_canonical(canon, a) == _canonical(canon, b) for i, a in enumerate(junk) for b in junk[i + 1:])
        gold_clusters += sum(group.get("flag") != "not_person" for group in block["groups"])
        pred = {node: _canonical(canon, node) for node in gold}
        for node in gold:
            same_pred = {m for m in gold if pred[m] == pred[node]}
            same_gold = {m for m in gold if gold[m] == gold[node]}
            precision += len(same_pred & same_gold) / len(same_pred)
            recall += len(same_pred & same_gold) / len(same_gold)
            n += 1
        members = sorted(gold)
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                g, p = gold[a] == gold[b], pred[a] == pred[b]
                tp += g and p
                fp += p and not g
                fn += g and not p
    return {"nodes": n, "blocks": len(blocks), "clusters": gold_clusters, "precision": precision / n,
            "recall": recall / n, "pair_tp": tp, "pair_fp": fp, "pair_fn": fn, "junk_joined": junk_joined}


def _pr(c: Counter) -> tuple[float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return p, r


def render_crossfit(runs: list[tuple[dict, dict]]) -> str:
    lines = ["# Identity resolution: cross-fitted figures", "",
             f"`python bench/identity_eval.py --store STORE --crossfit`: the labelled pair ids split in two halves "
             f"(seed {SEED}); the model fitted (expectation maximisation and the `same` pairs of one half) and "
             "scored on the other half, and the reverse. bench/identity/README.md says how the pairs were drawn.", "",
             "| tested on | stratum | same | different | precision | recall |", "|---|---|---|---|---|---|"]
    for n, (_, pairs) in enumerate(runs, 1):
        for key in ("all", "A", "B", "C", "D"):
            c = pairs["counts"][key]
            p, r = _pr(c)
            lines.append(f"| half {n} | {key} | {c['tp'] + c['fn']} | {c['fp'] + c['tn']} | {p:.3f} | {r:.3f} |")
    for key in ("all", "A", "B", "C", "D"):
        figures = [_pr(pairs["counts"][key]) for _, pairs in runs]
        lines.append(f"| mean of the halves | {key} | | | {sum(p for p, _ in figures) / 2:.3f} | "
                     f"{sum(r for _, r in figures) / 2:.3f} |")
    lines += ["", "B-cubed on the blocks of clusters.json (no model was fitted on them), with each half's model:", ""]
    for n, (run, _) in enumerate(runs, 1):
        b = run["bcubed"]
        lines.append(f"* fitted on half {n}: precision {b['precision']:.3f}, recall {b['recall']:.3f}; "
                     f"kg resolve {run['seconds']:.1f} s. {' '.join(run['last'])}")
    lines += ["", "## Errors on the tested half", "", "| pair | stratum | label | name a | name b |", "|---|---|---|---|---|"]
    for _, pairs in runs:
        for pair, stratum, verdict, a, b in pairs["errors"]:
            lines.append(f"| {pair} | {stratum} | {verdict} | {a} | {b} |")
    return "\n".join(lines) + "\n"


def _strata_rows(pairs: dict) -> list[str]:
    """The pairwise table's rows: all pairs, then each stratum."""
    rows = []
    for key in ("all", "A", "B", "C", "D"):
        c = pairs["counts"][key]
        p, r = _pr(c)
        rows.append(f"| {key} | {c['tp'] + c['fn']} | {c['fp'] + c['tn']} | {p:.3f} | {r:.3f} | "
                    f"{c['not-person joined']} of {c['not-person joined'] + c['not-person apart']} | "
                    f"{c['unsure joined'] + c['unsure apart']} |")
    return rows


def render(pairs: dict, bcubed: dict, seconds: float, peak_mb: float, last: list[str], figures: str,
           blind: dict[int, dict] | None = None) -> str:
    lines = ["# Identity resolution: figures", "",
             "Made by `python bench/identity_eval.py --store STORE` on a store of the 9,719-article CLICK-ID corpus",
             "built without resolution (`kg build clickid_articles.jsonl --workers 2 --no-resolve`). The labelled",
             "set and how it was drawn: bench/identity/README.md.", "",
             "## Labelled mention pairs (pairwise)", "",
             "The shipped model was fitted on these pairs too (bench/identity/README.md): these figures are "
             "in-sample. The cross-fitted ones, each half scored by a model fitted on the other, are in "
             "bench/IDENTITY_CROSSFIT.md (`--crossfit`).", "",
             "| stratum | same | different | precision | recall | not-person pairs joined | unsure |",
             "|---|---|---|---|---|---|---|", *_strata_rows(pairs)]
    if pairs["counts"]["all"]["missing"]:
        lines += ["", f"{pairs['counts']['all']['missing']} labelled pairs name a mention this store does not have "
                      "(built by another version of the extractor: no node of that article bears that name) and "
                      "are left out."]
    if pairs["counts"]["all"]["relocated"]:
        lines += ["", f"{pairs['counts']['all']['relocated']} labelled pairs name a node IRI this store does not have; "
                      "they are scored on the one node of the same article bearing the same name, or a name that holds it or that it "
                      "holds (the extractor now reads a longer or shorter name there)."]
    for n, scored in (blind or {}).items():
        lines += ["", f"## Blind pairs (round {n})", "",
                  f"{scored['pairs']} pairs drawn by `python bench/identity_sample.py "
                  f"--round {n}` and labelled after the resolver's rules and the shipped model were written "
                  "(bench/identity/blind/), never fitted on; bench/identity/README.md says what was read of them "
                  "after they were scored.", "",
                  "| stratum | same | different | precision | recall | not-person pairs joined | unsure |",
                  "|---|---|---|---|---|---|---|", *_strata_rows(scored)]
        if scored["errors"]:
            lines += ["", "Errors: " + "; ".join(f"{i} {st} {v}: {a} / {b}" for i, st, v, a, b in scored["errors"]) + "."]
    lines += ["", "Strata: A one-word name / a longer name containing it; B two longer names sharing a word;",
              "C the same one-word name on two nodes; D nickname, acronym, initials or spelling variant.", "",
              "## Blocks grouped by hand (B-cubed)", "",
              f"{bcubed['blocks']} blocks, {bcubed['nodes']} person nodes, {bcubed['clusters']} persons (gold clusters; "
              f"nodes judged not a person are left out, as in the pairs): "
              f"B-cubed precision **{bcubed['precision']:.3f}**, recall **{bcubed['recall']:.3f}**; "
              f"pairs inside blocks: {bcubed['pair_tp']} joined rightly, {bcubed['pair_fp']} wrongly, "
              f"{bcubed['pair_fn']} missed. Pairs of not-person nodes joined: {bcubed['junk_joined']} (zodiac signs, "
              "places: one non-person thing each time, mostly).", "",
              "## Cost on the full corpus", "",
              f"`kg resolve` on the whole store: {seconds:.1f} s wall, peak memory {peak_mb:.0f} MB "
              f"(2 cores). {' '.join(last)}", "",
              "## National figures on the resolved corpus graph", "",
              "Person nodes that bear one of each figure's names (bench/identity/figures.tsv; "
              "`python bench/identity_figures.py --store STORE`). One node is the aim; the others are "
              "listed with their articles: a namesake, a node the extractor glued a word to, or a miss.", "",
              figures, "",
              "## Errors on the labelled pairs", "", "| pair | stratum | label | name a | name b |", "|---|---|---|---|---|"]
    for pair, stratum, verdict, a, b in pairs["errors"]:
        lines.append(f"| {pair} | {stratum} | {verdict} | {a} | {b} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
