"""Draw the hand-check samples: memberships and quotations of the corpus's political articles.

    python bench/hand_check.py --data ../shared/data --out bench/hand_check/after [--n 100 --seed 2026]

Reads the political articles of CLICK-ID (kg.training.clickid: news sections, three political
words or more) that are not in corpus/annotated, extracts them as `kg build` does, and draws a
seeded random sample of `n` memberships and `n` quotations. Writes `memberships.csv` and
`quotations.csv` with the fact, its source sentence and empty `verdict` / `reason` columns that a
person fills in by reading the sentence (right / wrong, and why). A post the graph marks as acting
(Pj, Plt), former (mantan) or elect (terpilih) says so in brackets, as the graph does with pemilu:qualifier. `--ids FILE` reads the article ids
from a file instead (one per line), so that an older version of the extractor, which has no
kg.training.clickid, draws from the same articles: the "before" sample. `--unjudged bench/hand_check` draws
only facts whose sentence no earlier draw has judged (with `--by-kind`, no earlier draw of that kind of fact:
a membership in a sentence judged only for its quotation); `--political-words 2` reads the news articles
with exactly two political words instead, below the political threshold, that no draw has read;
`--other-sections` the political articles outside the news sections (economy, international ...).
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def political_ids(data: Path, political_words: int | None = None, news: bool = True) -> list[str]:
    from kg.training.clickid import MIN_HITS, political_articles

    annotated = {p.stem for p in (ROOT / "corpus" / "annotated").glob("*.json")}
    hits = range(MIN_HITS, 10**9) if political_words is None else range(political_words, political_words + 1)
    return [a.id for a in political_articles(data, hits, news) if a.id not in annotated]


def judged_sentences(folder: Path, column: str | None = None) -> set[tuple[str, str]]:
    """(article, sentence) of every row of the CSVs under `folder`: what earlier draws judged and the fixes
    were written from, so that a sample of the rest measures text no fix was written from. With `column`
    ("person", "speaker"), only the rows of CSVs of that kind of fact."""
    out = set()
    for path in folder.rglob("*.csv"):
        with open(path, newline="", encoding="utf-8") as fh:
            out |= {(r["article"], r["sentence"]) for r in csv.DictReader(fh)
                    if "sentence" in r and (column is None or column in r)}
    return out


MEMBERSHIP_COLUMNS = ("article", "person", "post", "organization", "sentence")
QUOTATION_COLUMNS = ("article", "speaker", "quotation", "direct", "sentence")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, required=True, help="folder for memberships.csv and quotations.csv")
    ap.add_argument("--ids", type=Path, help="article ids to read, one per line (default: the political articles)")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--unjudged", type=Path, metavar="FOLDER",
                    help="draw only facts whose sentence no CSV under FOLDER (e.g. bench/hand_check) has judged")
    ap.add_argument("--by-kind", action="store_true",
                    help="with --unjudged: a membership is unjudged when no membership draw judged its sentence "
                         "(a draw may have judged a quotation there), a quotation likewise")
    ap.add_argument("--political-words", type=int, metavar="N",
                    help="read the news articles with exactly N political words instead (N below three: articles "
                         "outside the political ones, that no draw has read)")
    ap.add_argument("--other-sections", action="store_true",
                    help="read the articles with three political words or more outside the news sections "
                         "(economy, international ...), that no draw has read")
    args = ap.parse_args()

    from kg.nlp.extract import extract
    from kg.nlp.pipeline import load_pipeline
    from kg.ingest.readers import article_from_record

    ids = args.ids.read_text().split() if args.ids \
        else political_ids(args.data, args.political_words, news=not args.other_sections)
    wanted = set(ids)
    nlp = load_pipeline()
    members, quotes = [], []
    path = args.data / "clickid-news-articles" / "clickid_articles.jsonl"
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            record = json.loads(line)
            if record["id"] not in wanted:
                continue
            article = article_from_record(record, f"{path}:{n}", record["id"])
            facts = extract(article, nlp)
            labels = {e.key: e.label for e in facts.entities}
            for m in facts.memberships:
                members.append({"article": article.id, "person": labels.get(m.person, m.person),
                                "post": m.role.label + (f" ({m.qualifier})" if m.qualifier else ""),
                                "organization": labels.get(m.organization, "") if m.organization else "",
                                "sentence": facts.sentences[m.sentence].text})
            for q in facts.quotations:
                quotes.append({"article": article.id, "speaker": labels.get(q.speaker, q.speaker),
                               "quotation": q.text, "direct": q.direct, "sentence": facts.sentences[q.sentence].text})
    if args.unjudged:
        judged_members = judged_sentences(args.unjudged, "person" if args.by_kind else None)
        judged_quotes = judged_sentences(args.unjudged, "speaker") if args.by_kind else judged_members
        members = [r for r in members if (r["article"], r["sentence"]) not in judged_members]
        quotes = [r for r in quotes if (r["article"], r["sentence"]) not in judged_quotes]
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, rows, columns in (("memberships", members, MEMBERSHIP_COLUMNS), ("quotations", quotes, QUOTATION_COLUMNS)):
        sample = rng.sample(rows, min(args.n, len(rows)))
        with open(args.out / f"{name}.csv", "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=[*columns, "verdict", "reason"])
            writer.writeheader()
            for row in sample:
                writer.writerow({**row, "verdict": "", "reason": ""})
        print(f"{name}: {len(rows)} in {len(wanted)} articles, {len(sample)} drawn -> {args.out / name}.csv",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
