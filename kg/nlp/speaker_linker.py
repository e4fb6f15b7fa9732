"""Who said a statement: a learned scorer over (statement, person) pairs, on top of the rules.

The rules in `kg.nlp.quotes` name a speaker from the attribution (",” kata X", "X mengatakan,",
",” ujarnya" → the last speaker or the subject before). News breaks those patterns often enough
(an attribution two sentences on, a post instead of a name, a pronoun after someone else was
named) that the rules' choice is one piece of evidence among several. The scorer sees, for each
person named near the statement: whether the rules chose it, where it is named (inside the quote,
in the attribution after it, before it in the paragraph, in an earlier paragraph), how far, whether
a reporting verb stands beside the name, whether it was the last person named or the paragraph's
first. It is trained by `kg train --extraction` from the annotated statements
(`kg.training.speakers`), stored as plain weights (`linker/speakers.json` in the model folder),
and overrules the rules only when it prefers another person with a probability above its threshold.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

from kg.nlp.post_linker import Linker, Stretch, linker_from
from kg.nlp.quotes import Statement, speech_verbs

SPEAKER_FILE = Path("linker") / "speakers.json"
WINDOW = 700  # characters before a statement where its speaker may be named
WORD = re.compile(r"\w+")


def _bucket(n: int) -> str:
    return "0-20" if n <= 20 else "21-80" if n <= 80 else "81-250" if n <= 250 else "251+"


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def candidate_features(text: str, stmt: Statement, key: str, spans: Sequence[Stretch], rule_speaker: str | None,
                       everyone: Sequence[tuple[str, Stretch]]) -> list[str]:
    """Names of the features of one statement and one person (`spans`: where the person is named)."""
    para = _paragraph_start(text, stmt.start)
    para_end = text.find("\n", stmt.end)
    para_end = len(text) if para_end < 0 else para_end
    kind = "direct" if stmt.direct else "indirect"
    feats = [f"kind={kind}"]
    if key == rule_speaker:
        feats += ["rule", f"rule|{kind}"]
    places = []  # (where, distance, span) of each mention near the statement
    for s in spans:
        if stmt.start <= s.start and s.end <= stmt.end:
            places.append(("inside", 0, s))
        elif s.start >= stmt.end and s.start < para_end:
            places.append(("after", s.start - stmt.end, s))
        elif s.end <= stmt.start and s.start >= para:
            places.append(("before", stmt.start - s.end, s))
        elif s.end <= stmt.start and stmt.start - s.end <= WINDOW:
            places.append(("earlier", stmt.start - s.end, s))
    verbs = speech_verbs()
    for where in {w for w, _, _ in places}:
        feats.append(f"at={where}|{kind}")
        feats.append(f"dist={where}:{_bucket(min(d for w, d, _ in places if w == where))}")
        near = [s for w, _, s in places if w == where]
        if any(WORD.findall(text[max(0, s.start - 25):s.start].lower())[-1:] in ([v] for v in verbs) for s in near):
            feats.append(f"verb_before_name|{where}")  # ", kata X"
        if any(WORD.findall(text[s.end:s.end + 25].lower())[:1] in ([v] for v in verbs) for s in near):
            feats.append(f"verb_after_name|{where}")  # "X mengatakan"
    named_before = [k for k, s in everyone if s.end <= stmt.start]
    if named_before and named_before[-1] == key:
        feats.append(f"last_named|{kind}")
    in_para = [k for k, s in sorted(everyone, key=lambda ks: ks[1].start) if para <= s.start < para_end]
    if in_para and in_para[0] == key:
        feats.append("first_in_paragraph")
    feats.append(f"mentions={min(len(spans), 4)}")
    return feats


def candidates(stmt: Statement, everyone: Sequence[tuple[str, Stretch]], text: str) -> dict[str, list[Stretch]]:
    """The persons named in the statement's paragraph or up to WINDOW characters before it."""
    para_end = text.find("\n", stmt.end)
    para_end = len(text) if para_end < 0 else para_end
    lo = min(_paragraph_start(text, stmt.start), max(0, stmt.start - WINDOW))
    out: dict[str, list[Stretch]] = {}
    for key, span in everyone:
        out.setdefault(key, []).append(span)
    return {k: spans for k, spans in out.items() if any(lo <= s.start < para_end for s in spans)}


def relink(text: str, statements: Sequence[Statement], everyone: Sequence[tuple[str, Stretch]],
           linker: Linker | None) -> list[Statement]:
    """The statements, each with the speaker the scorer prefers when it overrules the rules."""
    if linker is None:
        return list(statements)
    out = []
    for stmt in statements:
        found = candidates(stmt, everyone, text)
        scored = {k: linker.probability(candidate_features(text, stmt, k, spans, stmt.speaker, everyone))
                  for k, spans in found.items()}
        if scored:
            best = max(scored, key=scored.get)
            if best != stmt.speaker and scored[best] >= linker.threshold and scored[best] > scored.get(stmt.speaker, 0.0):
                stmt = replace(stmt, speaker=best)
        out.append(stmt)
    return out


@cache
def load_speaker_linker(model_dir: str | None) -> Linker | None:
    """The speaker scorer trained with the model in `model_dir`; None when it has none (rules only)."""
    path = Path(model_dir) / SPEAKER_FILE if model_dir else None
    if path is None or not path.is_file():
        return None
    return linker_from(json.loads(path.read_text(encoding="utf-8")))
