"""Words the news writes in lower case: kg/lexicons/common_words.tsv, counted over CLICK-ID (CC BY 4.0).

Why: the model reads a capitalised word as a one-word name now and then ("Wartawan", "Jurnalis",
"Foto", "Residu" at a line's start or in a slogan), and one article rarely writes the same word in
lower case to give it away. A word that 9,719 news articles write in lower case far more often than
capitalised within a sentence is a word, not a name. Names that are words too ("Indah", "Putri")
are written capitalised often enough to stay out of the list.

    python -m kg.training.common_words --data ../shared/data -o kg/lexicons/common_words.tsv
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from kg.ingest.readers import normalise_text
from kg.training.clickid import CLICKID

MIN_LOWER = 20  # times written in lower case
LOWER_SHARE = 10  # times as often in lower case as capitalised within a sentence
WORD = re.compile(r"(?<![\w'’-])([A-Za-z][a-z]{2,})(?![\w'’-])")
SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”'‘’(\n]\s*|-\s+)$")


def count(corpus: Path) -> tuple[Counter, Counter]:
    """(lower-case uses, capitalised uses within a sentence) of each word, lower-cased."""
    lower, capital = Counter(), Counter()
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            text = normalise_text(json.loads(line)["text"])
            for m in WORD.finditer(text):
                w = m.group(1)
                if w[0].islower():
                    lower[w] += 1
                elif not SENTENCE_START.search(text[max(0, m.start() - 3):m.start()]):
                    capital[w.lower()] += 1
    return lower, capital


def common_words(lower: Counter, capital: Counter) -> list[str]:
    return sorted(w for w, n in lower.items() if n >= MIN_LOWER and n >= LOWER_SHARE * capital[w])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("-o", "--output", type=Path, default=Path("kg/lexicons/common_words.tsv"))
    args = ap.parse_args()
    found = common_words(*count(args.data / CLICKID))
    header = ("# words the CLICK-ID news corpus (Andika William, CC BY 4.0) writes in lower case at least "
              f"{MIN_LOWER} times and {LOWER_SHARE} times as often as capitalised within a sentence; "
              "made by python -m kg.training.common_words\n")
    args.output.write_text(header + "\n".join(found) + "\n", encoding="utf-8")
    print(f"{len(found)} words -> {args.output}")


if __name__ == "__main__":
    main()
