"""UD tagger + parser benchmark: accuracy on the UD Indonesian test splits, speed, size.

Trains (``--train``) or reuses (``--model NAME=PATH``) pipelines written by
kg.training.ud.train_ud, scores UPOS / UAS / LAS on gold tokens of every test split,
times ``nlp.pipe`` on CLICK-ID news text in this one process (median of 3), and
writes bench/UD_RESULTS.md and bench/ud_results.json. Models go under /tmp, never
into the repository.

    OMP_NUM_THREADS=1 .venv/bin/python bench/ud_eval.py --train            # both recipes
    .venv/bin/python bench/ud_eval.py --model bysa=kg/models/ud --model gsd21+csui-NC=/tmp/ud/gsd+csui

Only the "bysa" recipe (CSUI train + GSD v2.17 dev, CC BY-SA 4.0) may ship; models trained on
GSD UD 2.1 (CC BY-NC-SA 3.0 US) are scored for comparison only.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.training.vectors import clickid_texts  # noqa: E402
from kg.training.ud import RECIPES, UD_SETS, evaluate_ud, load_set, load_ud, train_ud  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
RUNS = {"bysa": RECIPES["bysa"], "gsd21+csui-NC": RECIPES["gsd21-nc"]}
TESTS = ("gsd21-test", "gsd-test", "csui-test", "pud-test")
PUBLISHED = {"uas": 86.16, "las": 78.38, "what": "spaCy transformer pipeline, UD Indonesian GSD v2.5 test"}
TEST_NOTES = {
    "gsd21-test": "GSD UD 2.1 test: same annotation as the NC models' GSD training split and as v2.5",
    "gsd-test": "GSD v2.17 test: revised annotation (v2.9); same annotation as the bysa model's GSD dev "
                "training part, different from the NC models' GSD 2.1 train",
    "csui-test": "CSUI test (news, economics); in domain for every run with CSUI train",
    "pud-test": "PUD test (translated news and Wikipedia)",
}


def words_per_second(nlp, texts: list[str], repeats: int = 3) -> dict:
    """Median whitespace words per second of nlp.pipe over `texts`, in this process."""
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:5]))  # warm up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    return {"words": words, "texts": len(texts), "seconds": [round(t, 2) for t in times],
            "words_per_second": round(words / median)}


def size_on_disk(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def machine() -> dict:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor())
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "spacy": version("spacy"), "thinc": version("thinc"),
            "threads": os.environ.get("OMP_NUM_THREADS", "unset")}


def license_of(train_sets) -> str:
    if any(s.startswith("gsd21") for s in train_sets):
        return "CC BY-NC-SA 3.0 US: NOT shippable (research only)"
    return "CC BY-SA 4.0"


def evaluate_model(name: str, path: Path, data: Path, texts: list[str]) -> dict:
    nlp = load_ud(path)
    training = json.loads((path / "ud_training.json").read_text(encoding="utf-8"))
    tests = {t: evaluate_ud(nlp, load_set(data, t)) for t in TESTS}
    return {"name": name, "path": str(path), "training": training, "test": tests,
            "speed": words_per_second(nlp, texts), "size_bytes": size_on_disk(path)}


def _epochs_run(training: dict) -> int:
    """Epochs a run went through: a record of spaCy's loop lists its evaluations, an older one its epochs."""
    rows = training.get("evaluations") or training.get("epochs") or []
    return rows[-1]["epoch"] + 1 if "evaluations" in training and rows else len(rows)


def treebank_counts(data: Path) -> dict:
    out = {}
    for name in UD_SETS:
        sents = load_set(data, name)
        out[name] = {"file": UD_SETS[name], "sentences": len(sents), "tokens": sum(len(s.words) for s in sents),
                     "words": sum(len(s.words) for s in load_set(data, name, "words")),
                     "multiword_tokens": sum(s.n_mwt for s in sents)}
    return out


def git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def pct(x: float) -> str:
    return f"{100 * x:.2f}"


def markdown(results: dict) -> str:
    lines = ["# UD Indonesian tagger + parser", "",
             "Written by `bench/ud_eval.py`; raw figures in `bench/ud_results.json`. Scores are on the gold",
             "tokens of each test split (surface tokens: a multi-word token such as *bukunya* is one token",
             "with its head word's analysis), punctuation included, LAS on universal relations (subtypes",
             "cut, as in the CoNLL 2018 scorer). The published figure is end to end from raw text, so",
             "it is not strictly comparable (gold tokens make ours easier).", "",
             "| model | test split | sentences | tokens | UPOS | UAS | LAS |", "|---|---|---|---|---|---|---|"]
    for m in results["models"]:
        for t, s in m["test"].items():
            lines.append(f"| {m['name']} | {t} | {s['sentences']} | {s['tokens']} | {pct(s['upos'])} | "
                         f"{pct(s['uas'])} | {pct(s['las'])} |")
    p = PUBLISHED
    lines += [f"| published: {p['what']} | GSD v2.5 test | 557 | | | {p['uas']:.2f} | {p['las']:.2f} |", "",
              "| model | train splits | licence of the model | train sentences | epoch chosen on | best epoch | "
              "dev UPOS / UAS / LAS | training time | words/s (nlp.pipe, 1 process) | size on disk |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    for m in results["models"]:
        tr, d, sp = m["training"], m["training"]["dev"], m["speed"]
        lines.append(f"| {m['name']} | {' + '.join(tr['train_sets'])} | {license_of(tr['train_sets'])} | "
                     f"{tr['train_sentences']} | {tr.get('dev_set') or 'gsd21-dev'} "
                     f"({tr.get('dev_sentences') or 559} sentences) | "
                     f"{tr['best_epoch']} of {_epochs_run(tr)} | {pct(d['upos'])} / {pct(d['uas'])} / "
                     f"{pct(d['las'])} | {tr['seconds']:.0f} s | {sp['words_per_second']:,} | "
                     f"{m['size_bytes'] / 1e6:.1f} MB |")
    lines += ["", "Test splits:", ""] + [f"- `{t}`: {note}." for t, note in TEST_NOTES.items()]
    lines += ["", "Treebanks (surface tokens / syntactic words / multi-word tokens):", ""]
    for name, c in results["treebanks"].items():
        lines.append(f"- `{name}` ({c['file']}): {c['sentences']} sentences, {c['tokens']} tokens, "
                     f"{c['words']} words, {c['multiword_tokens']} MWTs")
    sp = results["models"][0]["speed"] if results["models"] else {}
    mach = results["machine"]
    lines += ["", f"Speed: {sp.get('words', 0):,} whitespace words in {sp.get('texts', 0)} CLICK-ID articles, "
              "`nlp.pipe` with batch size 32, median of 3 runs after a warm-up, tok2vec + morphologizer + parser "
              "only (no NER, no rules).",
              f"Machine: {mach['cpu']}, {mach['cores']} cores, OMP_NUM_THREADS={mach['threads']}; Python "
              f"{mach['python']}, spaCy {mach['spacy']}, thinc {mach['thinc']}; commit {results['commit']}."]
    lines += extraction_markdown(results.get("extraction"))
    for note in results.get("notes", []):
        lines += ["", note]
    return "\n".join(lines) + "\n"


def extraction_markdown(ext: dict | None) -> list[str]:
    """The extraction experiment (measured by hand with score.py and a before/after diff, kept in
    the JSON under "extraction" because this script does not rerun it)."""
    if not ext:
        return []
    lines = ["", "## Does the parse help extraction?", "", ext["use"], "",
             "| dev gold (12 articles, shared/eval/dev) | holds_post F1 | statement P / R / F1 | core F1 | overall F1 |",
             "|---|---|---|---|---|"]
    for row in ext["dev_gold"]:
        lines.append(f"| {row['run']} | {row['holds_post_f1']:.3f} | {row['statement_p']:.3f} / "
                     f"{row['statement_r']:.3f} / {row['statement_f1']:.3f} | {row['core_f1']:.3f} | "
                     f"{row['overall_f1']:.3f} |")
    hand = ext["hand_check"]
    lines += ["", f"Hand check ({hand['what']}): " + hand["result"], "",
              "| whole extraction (spaCy + rules, no store), one process | words/s |", "|---|---|"]
    for row in ext["speed"]:
        lines.append(f"| {row['run']} | {row['words_per_second']:,} |")
    lines += ["", ext["speed_note"]]
    if ext.get("post_probe"):
        lines += ["", ext["post_probe"]]
    lines += ["", "Decision: " + ext["decision"]]
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--train", action="store_true", help="train the runs first (into --workdir)")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/ud"))
    ap.add_argument("--model", action="append", default=[], help="NAME=PATH of a trained pipeline")
    ap.add_argument("--speed-words", type=int, default=60000)
    ap.add_argument("--notes", type=Path, help="a Markdown file appended to the results")
    ap.add_argument("--out", type=Path, default=ROOT / "bench")
    ap.add_argument("--render", action="store_true", help="only rewrite the Markdown from the JSON")
    args = ap.parse_args(argv)
    json_path = args.out / "ud_results.json"
    previous = json.loads(json_path.read_text(encoding="utf-8")) if json_path.is_file() else {}
    if args.render:
        (args.out / "UD_RESULTS.md").write_text(markdown(previous), encoding="utf-8")
        return 0
    models = dict(m.split("=", 1) for m in args.model)
    if args.train:
        for name, recipe in RUNS.items():
            train_ud(args.data, args.workdir / name, seed=0, train_sets=recipe["train_sets"],
                     dev_set=recipe["dev_set"], work=args.workdir / f"{name}-run")
            models[name] = str(args.workdir / name)
    if not models:
        ap.error("give --train or at least one --model NAME=PATH")
    texts = clickid_texts(args.data, args.speed_words)
    results = {"machine": machine(), "commit": git_commit(), "published": PUBLISHED,
               "treebanks": treebank_counts(args.data),
               "models": [evaluate_model(n, Path(p), args.data, texts) for n, p in models.items()],
               "notes": [args.notes.read_text(encoding="utf-8")] if args.notes else [],
               "extraction": previous.get("extraction")}
    (args.out / "ud_results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    (args.out / "UD_RESULTS.md").write_text(markdown(results), encoding="utf-8")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
