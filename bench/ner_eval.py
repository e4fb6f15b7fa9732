"""Benchmark of the project's NER pipeline; writes bench/NER_RESULTS.md.

Not part of the test suite.  Sections (each can be run on its own; results are
kept in bench/ner_results.json and the Markdown is re-rendered from all of them):

* ``indolem``: NER-UI / NER-UGM with the IndoLEM protocol (train on train.0k,
  select the epoch on dev.0k, test on test.0k), one model per fold.
* ``shipped``: the shipped model (kg/models/ner) on IDNer2k test, NERGrit test
  and NERP test (entity-level, exact span + label).
* ``speed``: words/s of ``nlp.pipe`` on CLICK-ID news (one process, median of
  3 runs) and size on disk.
* ``ablation``: the NERP decision: the shipped recipe trained with NERP left
  out / in one of the ways of corpora.nerp_variant, scored on the cased
  dev and test sets (long: one full training per variant).

Usage::

    python bench/ner_eval.py                       # indolem + shipped + speed
    python bench/ner_eval.py --sections indolem --folds 1,2
    python bench/ner_eval.py --sections ablation
    # a labelled IndoLEM run with static vectors (built there if missing), kept beside the baseline
    python bench/ner_eval.py --sections indolem --sets nerui --vectors /tmp/vec --run-label vectors
    # a candidate model (not the shipped one): results kept apart from the shipped model's
    python bench/ner_eval.py --sections shipped,speed --model /tmp/model --as-candidate
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from kg.training import evaluate_ner, read_set, sentences_to_docs, train_pipeline  # noqa: E402
from kg.training.pretrain import RECORD, ensure_pretrained  # noqa: E402
from kg.training.vectors import clickid_texts, ensure_vectors  # noqa: E402
from kg.training.train import (  # noqa: E402
    DEV_SETS,
    EVAL_SETS,
    SHIPPED_TRAIN,
    load_train_sentences,
)
from kg.training.loop import ner_overrides  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
MODEL = ROOT / "kg" / "models" / "ner"
RESULTS_JSON = ROOT / "bench" / "ner_results.json"
RESULTS_MD = ROOT / "bench" / "NER_RESULTS.md"
WORK = ROOT / ".pemilu-kg" / "ner-bench"  # corpora and spaCy's runs
LABELS = ("PER", "ORG", "LOC")
PUBLISHED = {  # IndoLEM paper, mean F1 over 5 folds
    "nerui": {"Bi-LSTM-CRF": 82.2, "mBERT": 82.2, "IndoBERT": 90.1},
    "nerugm": {"Bi-LSTM-CRF": 70.9, "mBERT": 71.6, "IndoBERT": 74.9},
}


def log(msg: str) -> None:
    print(msg, flush=True)


def _scores(nlp, sents) -> dict:
    s = evaluate_ner(nlp, sentences_to_docs(nlp.vocab, sents))
    return {
        "f": round(s["f"] * 100, 2),
        "p": round(s["p"] * 100, 2),
        "r": round(s["r"] * 100, 2),
        "n_gold": s["n_gold"],
        "per_label": {k: round(v["f"] * 100, 2) for k, v in s["per_label"].items()},
    }


# --------------------------------------------------------------------------- sections


def _train(train, dev, work: Path, overrides: dict):
    """kg/training/configs/ner.cfg with `overrides`, through spaCy's loop: the kept pipeline and its run."""
    run = train_pipeline(train, dev, work, seed=0, overrides=overrides, log=log)
    return spacy.load(run.best), run


def run_indolem(folds: list[int], sets: list[str], overrides: dict) -> dict:
    out: dict = {}
    for name in sets:
        rows = {}
        for k in folds:
            t0 = time.perf_counter()
            train = read_set(DATA, name, "train", k)
            dev = read_set(DATA, name, "dev", k)
            test = read_set(DATA, name, "test", k)
            log(f"== {name} fold {k}: {len(train)}/{len(dev)}/{len(test)} sentences")
            load0 = os.getloadavg()[0]
            nlp, res = _train(train, dev, WORK / f"{name}-{k}", overrides)
            sc = _scores(nlp, test)
            sc["best_epoch"] = res.best_row["epoch"]
            sc["dev_f"] = round(res.best_row["score"] * 100, 2)  # the kept pipeline's dev F1: what configs are chosen by
            sc["seconds"] = round(time.perf_counter() - t0, 1)
            sc["load_avg_1min"] = [round(load0, 1), round(os.getloadavg()[0], 1)]
            rows[str(k)] = sc
            log(f"RESULT {name} fold {k}: F1 {sc['f']} {sc['per_label']} ({sc['seconds']}s)")
        out[name] = rows
    return out


def run_shipped(model: Path) -> dict:
    nlp = spacy.load(model)
    res = {}
    for n, s in EVAL_SETS:
        if s != "test":
            continue
        res[f"{n}.{s}"] = _scores(nlp, read_set(DATA, n, s))
        log(f"shipped {n}.{s}: {res[f'{n}.{s}']}")
    meta = nlp.meta.get("pemilu_kg", {})
    res["_train"] = {
        "train_seconds": meta.get("train_seconds"),
        "best_epoch": meta.get("best_epoch"),
        "steps_run": meta.get("steps_run"),
        "train_sentences": meta.get("train_sentences"),
        "dropped": meta.get("dropped"),
        "nerp_mode": meta.get("nerp_mode"),
        "config": meta.get("config"),
        "overrides": meta.get("overrides"),
    }
    return res


def run_speed(model: Path, limit_words: int, runs: int = 3) -> dict:
    nlp = spacy.load(model)
    texts = clickid_texts(DATA, limit_words)
    list(nlp.pipe(texts[:20]))  # warm-up
    rates, tokens, loads, cpu_rates = [], 0, [], []
    for i in range(runs):
        loads.append(round(os.getloadavg()[0], 1))
        t0, c0 = time.perf_counter(), time.process_time()
        tokens = sum(len(d) for d in nlp.pipe(texts, batch_size=64))
        dt, dc = time.perf_counter() - t0, time.process_time() - c0
        rates.append(tokens / dt)
        cpu_rates.append(tokens / dc)
        log(f"speed run {i + 1}: {tokens} tokens in {dt:.1f}s wall / {dc:.1f}s CPU = "
            f"{tokens / dt:.0f} words/s wall, {tokens / dc:.0f} words per CPU-second")
    size = sum(f.stat().st_size for f in model.rglob("*") if f.is_file())
    return {
        "articles": len(texts),
        "whitespace_words": sum(len(t.split()) for t in texts),
        "tokens": tokens,
        "runs": [round(r) for r in rates],
        "median_wps": round(statistics.median(rates)),
        "cpu_runs": [round(r) for r in cpu_rates],
        "median_wps_cpu": round(statistics.median(cpu_rates)),
        "size_bytes": size,
        "load_avg_1min": loads,
    }


ABLATION_VARIANTS = {
    "no NERP": None,
    "NERP PER/LOC spans, title-cased, all else missing": "spans",
    "NERP title-cased, its O kept as O (IND/EVT/FNB missing)": "titlecase_o",
    "NERP raw lowercase, PER/LOC spans only": "raw",
}


def run_ablation(overrides: dict, variants: list[str] | None) -> dict:
    held = {f"{n}.{s}": read_set(DATA, n, s) for n, s in EVAL_SETS}
    exclude = [s for v in held.values() for s in v]
    out = {}
    for label, mode in ABLATION_VARIANTS.items():
        if variants and (mode or "none") not in variants:
            continue
        t0 = time.perf_counter()
        sets = tuple(SHIPPED_TRAIN) + ("nerp",) if mode else tuple(s for s in SHIPPED_TRAIN if s != "nerp")
        train, _ = load_train_sentences(DATA, sets, nerp_mode=mode, exclude=exclude)
        log(f"== ablation {label}: {len(train)} sentences")
        dev = [s for n, sp in DEV_SETS for s in held[f"{n}.{sp}"]]
        nlp, res = _train(train, dev, WORK / f"ablation-{mode or 'none'}", overrides)
        row = {k: _scores(nlp, v) for k, v in held.items()}
        row["_best_epoch"] = res.best_row["epoch"]
        row["_seconds"] = round(time.perf_counter() - t0, 1)
        row["_n_train"] = len(train)
        out[label] = row
        log(f"RESULT ablation {label}: " + ", ".join(f"{k} {v['f']}" for k, v in row.items() if not k.startswith("_")))
    return out


# --------------------------------------------------------------------------- report


def _cell(row: dict | None) -> str:
    """One fold's test F1 with the kept epoch's dev F1 beside it."""
    if not row:
        return "–"
    return f"{row['f']:.2f} ({_fmt(row.get('dev_f'))})"


def _fmt(x) -> str:
    return "–" if x is None else f"{x:.2f}" if isinstance(x, float) else str(x)


def render(res: dict) -> str:
    env = res.get("_env", {})
    L = [
        "# NER results (kg/models/ner and the IndoLEM protocol)",
        "",
        "Written by `bench/ner_eval.py` (not part of the test suite). "
        "Entity-level scores, exact span and label match (conlleval/seqeval style), in %.",
        "",
        f"- date: {env.get('date', '?')}; spaCy {env.get('spacy', '?')}; Python {env.get('python', '?')}",
        f"- machine: {env.get('machine', '?')}",
        "- model: spaCy `ner` (TransitionBasedParser.v2) on HashEmbedCNN.v2 tok2vec, lang `id`, "
        "one seed (0); static vectors and a pretrained tok2vec only where a run says so.",
        "",
    ]
    runs = ([("baseline, no vectors", res["indolem"])] if res.get("indolem") else []) + list(
        res.get("indolem_runs", {}).items()
    )
    if runs:
        L += ["## NER-UI and NER-UGM, IndoLEM protocol", ""]
        L += [
            "One model per fold: train on `train.0k`, keep the epoch with the best dev F1 on "
            "`dev.0k`, test on `test.0k`. Folds are used as IndoLEM ships them "
            "(they contain some repeated sentences).",
            "",
        ]
        folds = sorted({k for _, ind in runs for rows in ind["results"].values() for k in rows}, key=int)
        L.append("Each cell: test F1 (dev F1 of the kept epoch). Settings are chosen by the mean dev F1; "
                 "the test F1 is reported, not used to choose. Runs made before dev F1 was recorded show –.")
        L.append("")
        L.append("| run | set | " + " | ".join(f"fold {k}" for k in folds)
                 + " | mean dev F1 | mean test F1 | published (Bi-LSTM / mBERT / IndoBERT) |")
        L.append("|---|---|" + "---|" * len(folds) + "---|---|---|")
        for label, name, rows in ((lb, n, r) for lb, ind in runs for n, r in ind["results"].items()):
            cells = [_cell(rows.get(k)) for k in folds]
            fs = [rows[k]["f"] for k in folds if k in rows]
            devs = [rows[k].get("dev_f") for k in folds if k in rows]
            mean = statistics.mean(fs) if fs else None
            dev_mean = statistics.mean(devs) if devs and None not in devs else None
            pub = PUBLISHED[name]
            note = "" if len(fs) == 5 else f" ({len(fs)} of 5 folds)"
            L.append(
                f"| {label} | {'NER-UI' if name == 'nerui' else 'NER-UGM'} | " + " | ".join(cells)
                + f" | {_fmt(dev_mean)} | **{_fmt(mean)}**{note} | "
                f"{pub['Bi-LSTM-CRF']} / {pub['mBERT']} / {pub['IndoBERT']} |"
            )
        L.append("")
        L.append("Per label (mean over the folds run):")
        L.append("")
        L.append("| run | set | PER | ORG | LOC | best epochs | train+test time per fold (s) | 1-min load (start/end of each fold) |")
        L.append("|---|---|---|---|---|---|---|---|")
        for label, name, rows in ((lb, n, r) for lb, ind in runs for n, r in ind["results"].items()):
            per = {lab: statistics.mean(r["per_label"].get(lab, 0.0) for r in rows.values()) for lab in LABELS}
            eps = ", ".join(str(rows[k]["best_epoch"]) for k in sorted(rows, key=int))
            secs = ", ".join(str(round(rows[k]["seconds"])) for k in sorted(rows, key=int))
            loads = ", ".join("/".join(map(str, rows[k].get("load_avg_1min", ["–"]))) for k in sorted(rows, key=int))
            L.append(
                f"| {label} | {'NER-UI' if name == 'nerui' else 'NER-UGM'} | "
                + " | ".join(f"{per[lab]:.2f}" for lab in LABELS)
                + f" | {eps} | {secs} | {loads} |"
            )
        L.append("")
        for label, ind in runs:
            L.append(f"Settings of {label}: {ind.get('overrides', ind.get('hyper'))}")
            if ind.get("vectors"):
                L.append(f"Vectors of {label}: {ind['vectors']}")
            if ind.get("pretrain"):
                L.append(f"Pretrained tok2vec of {label}: {ind['pretrain']}")
            L.append("")
    for key, title in (("shipped", "Shipped model `kg/models/ner`"), ("candidate", "Candidate model (not shipped)")):
        L += _render_model(res.get(key), res.get(f"{key}_speed" if key == "candidate" else "speed"), title)
    ab = res.get("ablation")
    if ab:
        L += _render_ablation(ab)
    notes = res.get("_notes")
    if notes:
        L += ["## Notes", ""] + [f"- {n}" for n in notes] + [""]
    return "\n".join(L)


def _render_model(sh: dict | None, sp: dict | None, title: str) -> list[str]:
    L: list[str] = []
    if sh:
        tr = sh.get("_train", {})
        L += [f"## {title} on held-out test sets", ""]
        if sh.get("_path"):
            L += [f"Model folder: `{sh['_path']}`; recipe: {tr.get('config') or tr.get('hyper')}"
                  + (f" with {tr['overrides']}" if tr.get("overrides") else ""), ""]
        L.append("| test set | gold entities | P | R | F1 | PER | ORG | LOC |")
        L.append("|---|---|---|---|---|---|---|---|")
        names = {"idner.test": "IDNer2k test", "nergrit.test": "NERGrit test", "nerp.test": "NERP test (lowercase, no ORG)"}
        for key, set_title in names.items():
            s = sh.get(key)
            if not s:
                continue
            pl = s["per_label"]
            L.append(
                f"| {set_title} | {s['n_gold']} | {s['p']:.2f} | {s['r']:.2f} | **{s['f']:.2f}** | "
                + " | ".join(_fmt(pl.get(lab)) if lab in pl else "–" for lab in LABELS)
                + " |"
            )
        L += [
            "",
            "NERP test is all lowercase and has only PER (PPL) and LOC (PLC); its IND/EVT/FNB "
            "entities are not scored, and any ORG the model predicts counts as a false positive. "
            "It is reported as is, to show what the model does on lowercase text.",
            "",
            f"Training: {tr.get('train_sentences')} sentences by set after removing every sentence "
            f"(normalised text) found in IDNer2k dev/test, NERGrit dev/test or NERP test, and repeats "
            f"(dropped: {tr.get('dropped')}); NERP mode `{tr.get('nerp_mode')}`; kept the "
            f"pipeline of epoch {tr.get('best_epoch')} ({tr.get('steps_run')} steps run); training time "
            f"{tr.get('train_seconds')} s (includes the dev evaluations).",
            "",
        ]
    if sp:
        L += [f"## {title}: speed and size", ""]
        L.append("| measure | value |")
        L.append("|---|---|")
        L.append(
            f"| `nlp.pipe` throughput, one process, median of 3 | **{sp['median_wps']:,} words/s** "
            f"(runs: {', '.join(f'{r:,}' for r in sp['runs'])}) |"
        )
        if sp.get("median_wps_cpu"):
            L.append(
                f"| same, words per CPU-second of the process (load-independent) | **{sp['median_wps_cpu']:,}** "
                f"(runs: {', '.join(f'{r:,}' for r in sp['cpu_runs'])}) |"
            )
        L.append(
            f"| text | first {sp['articles']:,} CLICK-ID articles, {sp['whitespace_words']:,} "
            f"whitespace words = {sp['tokens']:,} spaCy tokens (words/s counts tokens, tokenizer included) |"
        )
        L.append(f"| size on disk | {sp['size_bytes'] / 1e6:.2f} MB ({sp['size_bytes']:,} bytes) |")
        if sp.get("load_avg_1min"):
            L.append(f"| machine load (1-min load average at each run, 2 cores) | {sp['load_avg_1min']} |")
        L.append("")
    return L


def _render_ablation(ab: dict) -> list[str]:
    L = ["## NERP decision (ablation)", ""]
    if ab:
        L += [
            "The shipped recipe (IDNer2k + NERGrit + NER-UI + NER-UGM train data, held-out sentences removed) "
            "trained once per way of using NERP; epoch chosen on the cased dev sets "
            "(mean F1 of IDNer2k dev and NERGrit dev).",
            "",
        ]
        keys = ["idner.dev", "nergrit.dev", "idner.test", "nergrit.test", "nerp.test"]
        L.append("| NERP used as | train sents | " + " | ".join(keys) + " | mean cased dev | mean cased test |")
        L.append("|---|---|" + "---|" * len(keys) + "---|---|")
        for label, row in ab.items():
            if label.startswith("_"):
                continue
            fs = [row[k]["f"] for k in keys]
            L.append(
                f"| {label} | {row['_n_train']} | "
                + " | ".join(f"{f:.2f}" for f in fs)
                + f" | {(fs[0] + fs[1]) / 2:.2f} | {(fs[2] + fs[3]) / 2:.2f} |"
            )
        if ab.get("_note"):
            L += ["", ab["_note"]]
        L.append("")
    return L


def _vectors_note(path: Path | None) -> str | None:
    """What the static vectors are (corpus, spec, size), for the report."""
    if not path:
        return None
    folder = Path(path)
    spec = json.loads((folder / "vectors_spec.json").read_text())
    size = sum(f.stat().st_size for f in (folder / "vocab").rglob("*") if f.is_file())
    how = ("floret skip-gram (one thread), words and char 4-5-grams hashed twice into "
           f"{spec['rows']:,} buckets" if spec["method"] == "floret"
           else f"word2vec skip-gram (gensim, seed {spec['seed']}, one worker), the {spec['rows']:,} most "
                "frequent norms")
    return (f"{how}; learned on CLICK-ID news (9,719 articles, ~2.7 M spaCy tokens, no labels), keyed by "
            f"spaCy NORM (lowercase); {spec['vocab']:,} norms with count >= {spec['min_count']}; "
            f"{spec['dims']} dims, window {spec['window']}, {spec['epochs']} epochs; "
            f"vectors table {size / 1e6:.1f} MB on disk")


def _pretrain_note(folder: Path | None) -> str | None:
    """How the tok2vec was pretrained (objective, corpus, budget, time), for the report."""
    if not folder:
        return None
    from thinc.api import Config

    meta = json.loads((Path(folder) / RECORD).read_text())
    config, words = Config().from_str(meta["config"]), meta["log"][-1]["nr_word"] if meta["log"] else 0
    objective, epochs = config["pretraining"]["objective"], config["pretraining"]["max_epochs"]
    return (f"spaCy pretrain (kg/training/configs/pretrain.cfg), characters objective (first/last "
            f"{objective['n_characters']} characters, hidden {objective['hidden_size']}), on "
            f"{meta['paragraphs']:,} CLICK-ID paragraphs (no labels), {epochs} epoch(s) = {words:,} words, "
            f"seed {config['system']['seed']}; {meta['seconds']:.0f} s on one core")


def _setting(item: str) -> tuple[str, object]:
    """"section.key=value" as a config override, the value read as JSON when it is JSON (as `spacy train` does)."""
    key, _, value = item.partition("=")
    try:
        return key, json.loads(value)
    except ValueError:
        return key, value


def _machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.machine()}, no GPU"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sections", default="indolem,shipped,speed",
                    help="comma list of indolem, shipped, speed, ablation, render")
    ap.add_argument("--folds", default="1,2,3,4,5", help="IndoLEM folds to run, e.g. 1,2")
    ap.add_argument("--sets", default="nerui,nerugm", help="IndoLEM sets to run")
    ap.add_argument("--model", type=Path, default=MODEL)
    ap.add_argument("--speed-words", type=int, default=300_000,
                    help="whitespace words of CLICK-ID text for the speed test")
    ap.add_argument("--max-epochs", type=int, default=None, help="cap on epochs (indolem/ablation)")
    ap.add_argument("--ablation-variants", default=None,
                    help="comma list among none,spans,titlecase_o,raw (default: all)")
    ap.add_argument("--vectors", type=Path, default=None,
                    help="static vectors folder (kg.training.vectors; built there if missing)")
    ap.add_argument("--pretrain", type=Path, default=None,
                    help="pretrained tok2vec folder (kg.training.pretrain; pretrained there if missing)")
    ap.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
                    help="a setting of kg/training/configs/ner.cfg, e.g. training.dropout=0.3 or "
                         "components.ner.model.hidden_width=64 (repeatable; default: the shipped recipe)")
    ap.add_argument("--run-label", default=None,
                    help="keep this IndoLEM run under a label beside the baseline (default: the baseline)")
    ap.add_argument("--as-candidate", action="store_true",
                    help="shipped/speed results of --model go to the candidate section, not the shipped one")
    args = ap.parse_args(argv)
    sections = [s.strip() for s in args.sections.split(",") if s.strip()]
    res = json.loads(RESULTS_JSON.read_text()) if RESULTS_JSON.exists() else {}
    res["_env"] = {
        "date": _dt.date.today().isoformat(),
        "spacy": spacy.__version__,
        "python": platform.python_version(),
        "machine": _machine(),
    }
    settings = dict(_setting(item) for item in args.set)
    if args.max_epochs:
        settings["training.max_epochs"] = args.max_epochs
    if args.vectors:
        ensure_vectors(DATA, args.vectors, log=log)
    if args.pretrain:
        ensure_pretrained(DATA, args.pretrain, args.vectors, settings, log=log)
    overrides = {**ner_overrides(args.vectors, args.pretrain), **settings}
    ship_key, speed_key = ("candidate", "candidate_speed") if args.as_candidate else ("shipped", "speed")

    def save():
        RESULTS_JSON.write_text(json.dumps(res, indent=1, ensure_ascii=False))
        RESULTS_MD.write_text(render(res))

    if "shipped" in sections:
        res[ship_key] = run_shipped(args.model)
        res[ship_key]["_path"] = str(args.model)
        save()
    if "speed" in sections:
        res[speed_key] = run_speed(args.model, args.speed_words)
        save()
    if "indolem" in sections:
        folds = [int(f) for f in args.folds.split(",")]
        sets = [s.strip() for s in args.sets.split(",")]
        for name in sets:
            for k in folds:  # one fold at a time, saved as it comes
                ind = run_indolem([k], [name], overrides)
                runs = res.setdefault("indolem_runs", {})
                old = runs.get(args.run_label, {}) if args.run_label else res.get("indolem", {})
                prev = old.get("results", {})
                prev.setdefault(name, {}).update(ind[name])
                run = {"results": prev, "overrides": overrides, "vectors": _vectors_note(args.vectors),
                       "pretrain": _pretrain_note(args.pretrain)}
                if args.run_label:
                    runs[args.run_label] = run
                else:
                    res["indolem"] = run
                save()
    if "ablation" in sections:
        variants = args.ablation_variants.split(",") if args.ablation_variants else None
        prev = {k: v for k, v in res.get("ablation", {}).items()}
        prev.update(run_ablation(overrides, variants))
        res["ablation"] = prev
        save()
    save()
    print(f"wrote {RESULTS_MD}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
