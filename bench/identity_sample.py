"""Draw the labelled identity set from the corpus graph: mention pairs and blocks of nodes to be judged by hand.

Reads the person nodes of a store built from the CLICK-ID corpus *before* resolution
(`kg build ... --no-resolve`), and draws, with a fixed seed:

  A  200 pairs: a one-word name and a longer name that contains it ("Prabowo" / "Edhy Prabowo")
  B  100 pairs: two longer names sharing a word, neither inside the other (relatives, shared first names)
  C  100 pairs: the same one-word name kept apart by the extractor (another province, institution or article)
  D  100 pairs: a nickname, acronym, initials or spelling variant of a longer name ("SBY", "Jokowi", "B.J.")
  and 40 blocks: every node whose name has one word (drawn among words 3-12 nodes share), to be
  grouped into persons (clusters, for B-cubed figures).

Within a stratum a word (or label) is drawn first, then a pair in it, so frequent names do not fill
the set. Each node comes with up to two sentences of its articles (CLICK-ID, CC BY 4.0) so a judge
can decide from the text. Writes bench/identity/pairs.csv (verdict and reason left empty) and
bench/identity/blocks.json; `--round 2` draws 250 more pairs (seed 2027, half of each stratum, none
drawn before) into bench/identity/pairs_2.csv, numbered 501-750; `--round 3` 50 more (seed 2028,
a tenth of each stratum) into pairs_3.csv, numbered 751-800; `--round 4` 250 more (seed 2029, half of each
stratum) into pairs_4.csv, numbered 801-1050: drawn after the resolver's rules and model were written, the blind
test of bench/IDENTITY_RESULTS.md; `--round 5` ... `11` (seeds 2030-2036) 250 more each, with `--out bench/identity/blind`.

    python bench/identity_sample.py --store .pemilu-kg/corpus-store
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.graph import connect  # noqa: E402
from kg.identity.names import relation, words  # noqa: E402
from kg.identity.records import PersonRecord, read_persons  # noqa: E402
from kg.nlp.text import id_slug  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "clickid-news-articles" / "clickid_articles.jsonl"
OUT = ROOT / "bench" / "identity"
SEED = 2026
SIZES = {"A": 200, "B": 100, "C": 100, "D": 100}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--out", type=Path, default=OUT,
                    help="folder of the new pairs file (bench/identity/blind for a blind round)")
    ap.add_argument("--round", type=int, default=1,
                    help="2, 3, 4, 5 ...: a further draw (seed + round - 1; a tenth of the sizes in round 3, half "
                         "in the others; no blocks) numbered after the pairs drawn before")
    args = ap.parse_args()
    records = read_persons(connect(args.store, read_only=True))
    texts = _texts(args.corpus)
    rng = random.Random(SEED + args.round - 1)
    earlier = _earlier_pairs() if args.round > 1 else []
    sizes = SIZES if args.round == 1 else {k: v // (10 if args.round == 3 else 2) for k, v in SIZES.items()}
    pairs = draw_pairs(records, rng, sizes, {frozenset((a, b)) for _, a, b in earlier})
    blocks = draw_blocks(records, rng, {n for p in pairs for n in p[1:]}) if args.round == 1 else []
    args.out.mkdir(parents=True, exist_ok=True)
    contexts: dict[str, list[dict]] = {}

    def context(node: str) -> list[dict]:
        if node not in contexts:
            contexts[node] = _context(records[node], texts, random.Random(f"{SEED}{node}"))
        return contexts[node]

    name = "pairs.csv" if args.round == 1 else f"pairs_{args.round}.csv"
    with (args.out / name).open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["pair", "stratum", "node_a", "name_a", "posts_a", "context_a",
                    "node_b", "name_b", "posts_b", "context_b", "verdict", "reason"])
        for i, (stratum, a, b) in enumerate(pairs, len(earlier) + 1):
            w.writerow([i, stratum, a, records[a].label, _posts(records[a]), _render(context(a)),
                        b, records[b].label, _posts(records[b]), _render(context(b)), "", ""])
    if not blocks:
        print(f"{len(pairs)} pairs → {args.out / name}")
        return
    (args.out / "blocks.json").write_text(json.dumps(
        [{"block": i, "word": word, "nodes": [{"node": n, "name": records[n].label, "posts": _posts(records[n]),
                                                 "context": context(n)} for n in nodes]}
         for i, (word, nodes) in enumerate(blocks, 1)], ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(pairs)} pairs, {len(blocks)} blocks ({sum(len(n) for _, n in blocks)} nodes) → {args.out}")


def _earlier_pairs() -> list[tuple[str, str, str]]:
    out = []
    for path in sorted(OUT.rglob("pairs*.csv")):  # pairs.csv, pairs_2.csv ... and the blind rounds' in blind/
        with path.open(encoding="utf-8") as f:
            out += [(r["stratum"], r["node_a"], r["node_b"]) for r in csv.DictReader(f)]
    return out


def draw_pairs(records: dict[str, PersonRecord], rng: random.Random, sizes: dict[str, int],
               seen: set[frozenset[str]]) -> list[tuple[str, str, str]]:
    one = [r for r in records.values() if len(words(r.label)) == 1]
    longer = [r for r in records.values() if len(words(r.label)) > 1]
    by_word: dict[str, list[PersonRecord]] = defaultdict(list)
    for r in longer:
        for w in set(words(r.label)):
            if len(w) >= 3:
                by_word[w].append(r)
    by_label: dict[str, list[PersonRecord]] = defaultdict(list)
    for r in one:
        by_label[words(r.label)[0]].append(r)
    pools: dict[str, dict[str, list[tuple[str, str]]]] = {s: defaultdict(list) for s in SIZES}
    for label, ones in by_label.items():
        for r in ones:
            for f in by_word.get(label, ()):
                pools["A"][label].append((r.node, f.node))
        for i, r in enumerate(ones):
            for s in ones[i + 1:]:
                pools["C"][label].append((r.node, s.node))
    for w, group in by_word.items():
        for i, r in enumerate(group):
            for s in group[i + 1:]:
                if relation(r.label, s.label) in ("none", "contains"):
                    pools["B"][w].append((r.node, s.node))
    by_start: dict[str, list[PersonRecord]] = defaultdict(list)
    for r in longer:
        by_start[words(r.label)[0][:2]].append(r)
    for r in records.values():
        for f in by_start.get(words(r.label)[0][:2], ()):
            if f.node != r.node and relation(r.label, f.label) in ("nickname", "acronym", "initials", "variant"):
                pools["D"][words(f.label)[-1]].append((r.node, f.node))
    for r in one:  # acronyms do not share a start with their name beyond the first letter
        if r.label.isupper() and 2 <= len(r.label) <= 4:
            for f in longer:
                if relation(r.label, f.label) == "acronym":
                    pools["D"][r.label.lower()].append((r.node, f.node))
    chosen: list[tuple[str, str, str]] = []
    for stratum, size in sizes.items():
        keys = sorted(pools[stratum])
        taken = 0
        while taken < size and keys:
            key = rng.choice(keys)
            options = [p for p in pools[stratum][key] if frozenset(p) not in seen]
            if not options:
                keys.remove(key)
                continue
            a, b = rng.choice(sorted(options))
            seen.add(frozenset((a, b)))
            chosen.append((stratum, a, b))
            taken += 1
    return chosen


def draw_blocks(records: dict[str, PersonRecord], rng: random.Random, avoid: set[str],
                count: int = 40) -> list[tuple[str, list[str]]]:
    by_word: dict[str, list[str]] = defaultdict(list)
    for r in records.values():
        for w in set(words(r.label)):
            if len(w) >= 3:
                by_word[w].append(r.node)
    candidates = sorted(w for w, nodes in by_word.items() if 3 <= len(nodes) <= 12)
    rng.shuffle(candidates)
    blocks, used = [], set()
    for w in candidates:
        nodes = sorted(by_word[w])
        if used & set(nodes):
            continue
        blocks.append((w, nodes))
        used.update(nodes)
        if len(blocks) == count:
            break
    return blocks


def _texts(path: Path) -> dict[str, dict]:
    out = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            out[id_slug(str(row["id"]))] = row
    return out


def _context(record: PersonRecord, texts: dict[str, dict], rng: random.Random) -> list[dict]:
    graphs = sorted(record.graphs)
    rng.shuffle(graphs)
    out = []
    for g in graphs:
        row = texts.get(g.rsplit("/", 1)[1])
        if row is None:
            continue
        sentence = _sentence(row.get("text") or row.get("content") or "", record.names)
        if sentence:
            out.append({"article": row["id"], "title": row.get("title", ""), "date": str(row.get("date") or
                        row.get("published") or ""), "sentence": sentence})
        if len(out) == 2:
            break
    return out


def _sentence(text: str, names: set[str]) -> str:
    for sentence in re.split(r"(?<=[.!?\"”])\s+", text):
        if any(n and re.search(rf"\b{re.escape(n)}\b", sentence) for n in sorted(names, key=len, reverse=True)):
            return sentence.strip()[:400]
    return ""


def _posts(record: PersonRecord) -> str:
    def tail(iri: str) -> str:
        return iri.rsplit("/", 1)[1]
    posts = [" @ ".join(tail(part) for part in p.split("@", 1)) for p in record.posts]
    return "; ".join(sorted(posts) or sorted(tail(r) for r in record.roles))


def _render(context: list[dict]) -> str:
    return " || ".join(f"[{c['article']} {c['date']}] {c['title']}: {c['sentence']}" for c in context)


if __name__ == "__main__":
    main()
