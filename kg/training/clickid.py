"""The political, government and police articles of the CLICK-ID news corpus (2019, CC BY 4.0).

One definition of "political article" serves the annotation pool, the hand-checked samples and the
benchmarks, so that every figure that says "political articles" means the same set.
"""
from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import MissingInputError
from kg.ingest.readers import normalise_text, parse_date
from kg.resources import words

#: the corpus, relative to the shared data folder
CLICKID = Path("clickid-news-articles") / "clickid_articles.jsonl"

#: the news sections of each outlet (entertainment, sport, lifestyle and business sections are left out)
NEWS_SECTIONS = frozenset({
    "News", "Nasional", "Daerah", "Metro", "Regional", "Berita Utama", "nasional", "Berita Sumut",
    "Kriminal", "Metropolitan", "DPR RI", "DPD RI", "Kilas Kementerian",
})
MIN_HITS = 3


@dataclass(frozen=True)
class ClickArticle:
    id: str
    url: str
    title: str
    published: str | None
    outlet: str
    section: str
    text: str  # encoding repaired, one paragraph a line


def _political_words() -> re.Pattern[str]:
    alternatives = sorted(words("political_words"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in alternatives) + r")\b", re.IGNORECASE)


def political_articles(data_dir: Path, hits: range = range(MIN_HITS, 10**9),
                       news: bool = True) -> Iterator[ClickArticle]:
    """Articles of the news sections with at least MIN_HITS political words (or a number of them in
    `hits`), in corpus order; with `news` False those of the other sections (economy, international,
    celebrity ...), which write of politics in their own way."""
    path = Path(data_dir) / CLICKID
    if not path.is_file():
        raise MissingInputError(f"CLICK-ID corpus not found: {path}. See shared/data/SOURCES.md.")
    pattern = _political_words()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if (d.get("category") in NEWS_SECTIONS) != news or len(pattern.findall(d["text"])) not in hits:
                continue
            published = parse_date(d.get("published"))
            yield ClickArticle(d["id"], d.get("url") or "", d.get("title") or "",
                               published.isoformat() if published else None,
                               d.get("source") or "", d["category"], normalise_text(d["text"]))


def sample(data_dir: Path, n: int, seed: int, min_words: int = 0, max_words: int = 10**9,
           exclude: set[str] = frozenset()) -> list[ClickArticle]:
    """A seeded random sample of political articles within a length range, minus `exclude` ids."""
    pool = [a for a in political_articles(data_dir)
            if min_words <= len(a.text.split()) <= max_words and a.id not in exclude]
    return random.Random(seed).sample(pool, min(n, len(pool)))
