"""Gold articles (eval/GUIDELINES.md) as training examples: checked, and aligned to character offsets.

Gold names mentions by their surface strings, not by offsets. `align` turns them into spans once,
here, so that training and evaluation never guess differently: every whole-word occurrence of an
alias is a mention, the longest alias wins at a position, and an alias that two entities of the same
type share goes to the entity whose unambiguous mention is nearest.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError
from kg.resources import post_head_words

KINDS = {"Person": "PER", "Organization": "ORG", "Place": "LOC", "Event": "EVENT"}
RELATIONS = {"holds_post", "located_in", "org_in_place", "event_place", "event_date", "participant", "statement"}


class GoldError(KgError, ValueError):
    """A gold file that training cannot use; the message names the file and the problem."""


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str  # PER, ORG, LOC, EVENT, POST
    ref: str | None = None  # the gold entity id (None for posts)


@dataclass(frozen=True)
class GoldArticle:
    path: Path
    data: dict

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def text(self) -> str:
        return self.data["text"]


def load_gold(path: Path) -> GoldArticle:
    """One gold file, checked for what training relies on; GoldError says what to fix."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot read it as UTF-8 JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise GoldError(f"{path}: a gold file is one JSON object (see eval/GUIDELINES.md)")
    for key in ("id", "text", "entities", "relations"):
        if key not in data:
            raise GoldError(f"{path}: no '{key}' field (see eval/GUIDELINES.md)")
    if data["id"] != path.stem:
        raise GoldError(f"{path}: id {data['id']!r} does not match the file name; rename the file or fix the id")
    text, ids = data["text"], set()
    folded = _fold(text)
    for e in data["entities"]:
        eid = e.get("id")
        if e.get("type") not in KINDS:
            raise GoldError(f"{path}: entity {eid}: unknown type {e.get('type')!r}; "
                            f"use one of {', '.join(sorted(KINDS))}")
        if eid in ids:
            raise GoldError(f"{path}: entity id {eid!r} is used twice")
        ids.add(eid)
        forms = [e.get("name") or "", *(e.get("aliases") or [])]
        missing = [a for a in forms if a and _fold(a) not in folded]
        wrong = [a for a in missing if a in (e.get("aliases") or [])]
        if e["type"] == "Person" and wrong:  # places and institutions may add an expansion
            raise GoldError(f"{path}: person {eid}: alias {wrong[0]!r} is not in the text; "
                            "a person's aliases are strings of the text")
        if e["type"] != "Organization" and len(missing) == len([a for a in forms if a]):
            raise GoldError(f"{path}: entity {eid} ({e['type']}): none of its names is in the text")
    for i, r in enumerate(data["relations"]):
        if r.get("type") not in RELATIONS:
            raise GoldError(f"{path}: relation {i}: unknown type {r.get('type')!r}; "
                            f"use one of {', '.join(sorted(RELATIONS))}")
        for role in ("person", "speaker", "organization", "place", "within", "event", "agent"):
            ref = r.get(role)
            if ref is not None and ref not in ids:
                raise GoldError(f"{path}: relation {i} ({r['type']}): {role} {ref!r} is no entity id")
    return GoldArticle(path, data)


def _fold(text: str) -> str:
    """Case and punctuation folded, as eval/check_gold.py compares names with the text."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def load_gold_dirs(dirs: Iterable[Path]) -> list[GoldArticle]:
    """Every gold file under the folders, in a stable order; an article id seen twice is an error."""
    out: dict[str, GoldArticle] = {}
    for folder in dirs:
        folder = Path(folder)
        if not folder.is_dir():
            raise GoldError(f"{folder}: no such folder of gold files")
        for path in sorted(folder.glob("*.json")):
            gold = load_gold(path)
            if gold.id in out:
                raise GoldError(f"{path}: article {gold.id!r} is also in {out[gold.id].path}")
            out[gold.id] = gold
    return list(out.values())


def _occurrences(text: str, form: str) -> list[tuple[int, int]]:
    if not form.strip():
        return []
    pattern = re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def align(gold: GoldArticle) -> list[Span]:
    """Entity and post spans of one gold article, non-overlapping, longest form first."""
    text = gold.text
    candidates: list[tuple[int, int, str, str | None]] = []
    owners: dict[tuple[str, str], set[str]] = {}
    for e in gold.data["entities"]:
        label = KINDS[e["type"]]
        forms = {e["name"], *(e.get("aliases") or [])}
        for form in forms:
            if label != "PER" or not _titled(form, forms):
                owners.setdefault((label, form), set()).add(e["id"])
    for (label, form), ids in owners.items():
        for start, end in _occurrences(text, form):
            candidates.append((start, end, label, tuple(sorted(ids))))
    posts = set()
    for r in gold.data["relations"]:
        if r["type"] == "holds_post":
            posts.update(f for f in [r.get("post") or "", *(r.get("post_aliases") or [])] if f)
    for form in posts:
        candidates.extend((s, e, "POST", ()) for s, e in _occurrences(text, form))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken = bytearray(len(text))
    kept = []
    for start, end, label, ids in candidates:
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\1" * (end - start)
        kept.append((start, end, label, ids))
    kept.sort()
    return [Span(start, end, label, _owner(start, label, ids, kept)) for start, end, label, ids in kept]


def _titled(form: str, forms: set[str]) -> bool:
    """A person's form that opens with a post and holds another of the person's forms ("Presiden Joko Widodo",
    "Menteri Susi"): the name is that form and the post a post phrase; taught whole, as 3 % of the gold's
    person mentions were, the model reads a post as part of the name ("Presiden Xi Jinping")."""
    first = form.split()[0].casefold() if form.split() else ""
    return first in post_head_words() and any(other != form and other in form for other in forms)


def _owner(start: int, label: str, ids: tuple[str, ...], kept: list) -> str | None:
    """The entity a mention names: its only owner, or of several the one named unambiguously nearest."""
    if len(ids) <= 1:
        return ids[0] if ids else None
    near = sorted((abs(s - start), own[0]) for s, _, lab, own in kept
                  if lab == label and len(own) == 1 and own[0] in ids)
    return near[0][1] if near else ids[0]
