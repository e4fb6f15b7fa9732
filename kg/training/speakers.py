"""Train the speaker scorer (kg.nlp.speaker_linker) from gold statements.

The rules of `kg.nlp.quotes` are run over each gold article with the gold persons as the only
names, so the scorer learns when their choice holds; every statement they find that the gold has
too (its first four words stand in it, as the scorer matches) gives one pair per person named
near it, positive for the gold speaker.
"""
from __future__ import annotations

from collections.abc import Sequence

from kg.nlp.pipeline import analyse, load_pipeline
from kg.nlp.post_linker import Linker, Stretch
from kg.nlp.quotes import SpeakerResolver, find_statements
from kg.nlp.speaker_linker import candidate_features, candidates
from kg.training.gold import GoldArticle, align
from kg.training.linker import fit, norm

Pairs = list[tuple[list[str], int]]


def speaker_pairs(gold: GoldArticle) -> Pairs:
    """(features, label) of every person named near each statement the rules and the gold share."""
    text = gold.text
    persons = [(s.ref, Stretch(s.start, s.end)) for s in align(gold) if s.label == "PER" and s.ref]
    said = [(r["speaker"], " ".join(norm(r["quote"]).split()[:4])) for r in gold.data["relations"]
            if r["type"] == "statement"]
    if not persons or not said:
        return []
    resolver = SpeakerResolver([(s.start, s.end, key) for key, s in persons], [])
    out: Pairs = []
    for stmt in find_statements(text, analyse(text, load_pipeline("none")), resolver):
        words = norm(stmt.text)
        speaker = next((who for who, head in said if head and head in words), None)
        if speaker is None:
            continue
        for key, spans in candidates(stmt, persons, text).items():
            out.append((candidate_features(text, stmt, key, spans, stmt.speaker, persons), int(key == speaker)))
    return out


def train_speaker_linker(golds: Sequence[GoldArticle], c: float = 1.0) -> Linker:
    """Logistic regression over the speaker pairs of the gold articles, deciding at 0.5."""
    return fit([p for gold in golds for p in speaker_pairs(gold)], 0.5, c, "statement-speaker")
