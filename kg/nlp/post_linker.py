"""Who holds a post phrase: a learned scorer over (post, person) pairs in one sentence.

The hand rules pair a post with the name right after it, or right before it in apposition. News
also writes lists ("anggota KPU RI adalah A, B, C dan D"), posts after a name and a comma clause,
and posts the lexicon does not know. The scorer is logistic regression over features of the pair
(side, distance, what stands between), trained by `kg train` from the annotated articles
(`kg.training.linker`) and stored as plain weights in the model folder (`linker/posts.json`); a second scorer
of the same kind picks the institution of the sentence the post is held in.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LINKER_FILE = Path("linker") / "posts.json"  # inside the model folder it was trained with
WORD = re.compile(r"\w+|[^\w\s]")
MARKERS = frozenset({"selaku", "sebagai", "yakni", "yaitu", "adalah", "ialah", "dan", "serta", "oleh", "kata",
                     "ujar", "mengatakan", "menjabat", "menjadi", "mantan", "dari", "bersama", "dengan", "saat", "("})


@dataclass(frozen=True)
class Stretch:
    start: int
    end: int


LIST_GLUE = re.compile(r"(?:\s*(?:,|dan|serta|&)\s*)+")
# a verb of the clause the post opens ("Anggota berhasil menemukan Mawar", "Eksekutor kemudian meminta X"): the
# name after it is the verb's object, not the post's holder; not one in a relative clause ("yang dilantik")
VERB = re.compile(r"(?:me[mn]?|meng|meny|ber|di)[a-z]{3,}")
NOT_VERBS = frozenset({
    "diantaranya", "dirinya", "dimana", "berikut", "berikutnya", "bersama", "bersamaan", "berasal", "beserta",
    "berdasarkan", "mereka", "memang", "berbagai", "beragam", "media", "medis", "menit", "meter", "menurut",
    "mengenai", "meski", "mendatang", "berupa", "mesin", "bersih", "digital", "berita", "berbahaya", "merah",
    "melainkan", "berapa", "bersangkutan", "berwarna", "menteri", "dinas", "divisi", "direktur", "direksi",
    "dirjen", "dirut", "distrik", "diskusi", "dialog", "mekanisme", "mengapa", "bermotor", "dibanding",
    "dibandingkan", "berusia",
    # verbs that introduce the holder's name: "anggota berinisial AK", "Ketua MKGR dijabat Roem", "berjuluk Dr M"
    "bernama", "berinisial", "berjuluk", "disapa", "dipanggil", "dijabat", "berisikan", "beranggotakan"})


def list_head(text: str, person: Stretch, persons: Sequence[Stretch]) -> Stretch:
    """The first name of the coordinated list ("A, B, C dan D") a name stands in; the name itself
    when it stands alone."""
    ordered = sorted(persons, key=lambda p: p.start)
    head = person
    for p in reversed([p for p in ordered if p.end <= person.start]):
        if not LIST_GLUE.fullmatch(text, p.end, head.start):
            break
        head = p
    return head


def _list_size(text: str, head: Stretch, persons: Sequence[Stretch]) -> int:
    """How many names stand in the coordinated list that `head` opens."""
    size, last = 1, head
    for p in sorted((p for p in persons if p.start >= head.end), key=lambda p: p.start):
        if not LIST_GLUE.fullmatch(text, last.end, p.start):
            break
        size, last = size + 1, p
    return size


def _gap_features(text: str, post: Stretch, other: Stretch, post_words: str,
                  max_between: int) -> tuple[int, int, str, list[str]]:
    """What stands between a post and another mention: side, distance, commas, the words (when
    few) and the marker words among them; also the post's first word."""
    after = other.start >= post.end
    lo, hi = (post.end, other.start) if after else (other.end, post.start)
    between = WORD.findall(text[lo:hi]) if hi > lo else []
    side = "after" if after else "before"
    n = len(between)
    bucket = "0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11+"
    feats = [f"side={side}", f"dist={side}:{bucket}", f"commas={side}:{min(between.count(','), 3)}",
             f"post_word={post_words.split()[0].lower() if post_words.split() else ''}"]
    if n <= max_between:
        feats.append(f"between={side}:{' '.join(w.lower() for w in between)}")
    feats += [f"marker={side}:{w.lower()}" for w in set(between) if w.lower() in MARKERS]
    if any(q in between for q in ('"', "“", "”")):
        feats.append("quote_between")
    if any(VERB.fullmatch(w) and w not in NOT_VERBS and (i == 0 or between[i - 1].lower() != "yang")
           for i, w in enumerate(between)):
        feats.append(f"verb_between={side}")
    lower = sum(1 for w in between if w.isalpha() and w.islower() and w not in MARKERS)
    feats.append(f"lower_between={side}:{min(lower, 3)}")  # "Kapolda Kalsel jamin keamanan Anies": a clause between
    return lo, hi, side, feats


def pair_features(text: str, post: Stretch, person: Stretch, persons: Sequence[Stretch],
                  orgs: Sequence[Stretch], post_words: str) -> list[str]:
    """Names of the features that hold for one post and one person of the same sentence. A name in a
    list after the post ("anggota KPU RI adalah A, B, C dan D") is judged as the list's first name: it
    holds the post when the first does (cross-validated holds_post F1 .506 with a feature of its own,
    .510 this way)."""
    if person.start >= post.end:
        head = list_head(text, person, persons)
        if head != person and head.start >= post.end:
            return pair_features(text, post, head, persons, orgs, post_words)
    lo, hi, side, feats = _gap_features(text, post, person, post_words, 6)
    size = _list_size(text, person, persons)
    if size > 1:  # "anggota DKPP yang dilantik yakni, A, B, C dan D": a list introduced after the post
        intro = WORD.findall(text[max(lo, person.start - 30):person.start])[-2:]
        feats += [f"list={side}:{min(size, 4)}"] + [f"list_intro={side}:{w.lower()}" for w in intro
                                                    if w.lower() in MARKERS or w in (":", ",")]
    others = sum(1 for p in persons if p != person and lo <= p.start and p.end <= hi)
    feats += [f"persons_between={min(others, 3)}",
              f"orgs_between={min(sum(1 for o in orgs if lo <= o.start and o.end <= hi), 2)}"]
    after = side == "after"
    nearest = min((p for p in persons if (p.start >= post.end) == after),
                  key=lambda p: abs(p.start - post.end) if after else abs(post.start - p.end), default=None)
    if nearest == person:
        feats.append(f"nearest={side}")
    before = WORD.findall(text[max(0, post.start - 15):post.start])[-1:]  # "adalah Ketua", "calon Ketua", "; Kadis"
    feats.append(f"before_post={side}:{before[0].lower() if before else ''}")
    if ";" in text[lo:hi]:  # "Kadis Pertanian; Arfan, Kadis Koperasi": items of a list set apart
        feats.append(f"semicolon_between={side}")
    # what closes the pair's phrase: "Abidin, Kepala Bappeda; Musbar, ...", "Kadis Pertanian; Arfan, Kadis ..."
    end = max(post.end, person.end)
    closing = WORD.findall(text[end:end + 12])[:1]
    feats.append(f"closing={side}:{closing[0].lower() if closing and not closing[0][0].isupper() else 'Name' if closing else ''}")
    return feats


def org_features(text: str, post: Stretch, org: Stretch, holder: Stretch | None, persons: Sequence[Stretch],
                 posts: Sequence[Stretch], post_words: str) -> list[str]:
    """Names of the features that hold for a post and an institution of the same sentence."""
    lo, hi, _, feats = _gap_features(text, post, org, post_words, 4)
    feats += [f"persons_between={min(sum(1 for p in persons if lo <= p.start and p.end <= hi), 3)}",
              f"posts_between={min(sum(1 for p in posts if p != post and lo <= p.start and p.end <= hi), 2)}"]
    if holder is not None and lo <= holder.start and holder.end <= hi:
        feats.append("holder_between")
    org_head = WORD.findall(text[org.start:org.end])[:1]
    feats += [f"rest_word={w.lower()}|{org_head[0].lower()}" for w in post_words.split()[1:5] if org_head]
    return feats


@dataclass(frozen=True)
class Linker:
    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: Sequence[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> str:
        return json.dumps({"bias": self.bias, "threshold": self.threshold,
                           "weights": dict(sorted(self.weights.items()))}, ensure_ascii=False, indent=1)


@dataclass(frozen=True)
class PostLinkers:
    """Who holds a post phrase, and in which institution."""

    person: Linker
    org: Linker
    institution: Linker | None = None  # of the whole article, where the sentence names none (kg.nlp.post_institution)

    def to_json(self) -> str:
        data = {"person": json.loads(self.person.to_json()), "org": json.loads(self.org.to_json())}
        if self.institution is not None:
            data["institution"] = json.loads(self.institution.to_json())
        return json.dumps(data, ensure_ascii=False, indent=1)


def linker_from(data: dict) -> Linker:
    return Linker({k: float(v) for k, v in data["weights"].items()}, float(data["bias"]), float(data["threshold"]))


def read_linkers(path: Path) -> PostLinkers:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return PostLinkers(linker_from(data["person"]), linker_from(data["org"]),
                       linker_from(data["institution"]) if "institution" in data else None)


@cache
def load_linkers(model_dir: str | None) -> PostLinkers | None:
    """The linkers trained with the model in `model_dir`; None when it has none (rules only)."""
    path = Path(model_dir) / LINKER_FILE if model_dir else None
    return read_linkers(path) if path is not None and path.is_file() else None


def best_org(text: str, sentence: Stretch, post: Stretch, words: str, holder: Stretch, persons: Sequence[Stretch],
             posts: Sequence[Stretch], orgs: Sequence[Stretch], linker: Linker) -> Stretch | None:
    """The institution of the sentence the post is held in, when one scores above threshold."""
    best, best_p = None, linker.threshold
    for org in orgs:
        if not (sentence.start <= org.start and org.end <= sentence.end) or (org.start < post.end and post.start < org.end):
            continue
        prob = linker.probability(org_features(text, post, org, holder, persons, posts, words))
        if prob >= best_p:
            best, best_p = org, prob
    return best


def best_holders(text: str, sentence: Stretch, posts: Sequence[tuple[Stretch, str]], persons: Sequence[Stretch],
                 orgs: Sequence[Stretch], linker: Linker) -> dict[Stretch, tuple[Stretch, str, float]]:
    """For each person of the sentence, the post phrase it most likely holds, when above threshold."""
    inside = [p for p in persons if sentence.start <= p.start and p.end <= sentence.end]
    out: dict[Stretch, tuple[Stretch, str, float]] = {}
    for person in inside:
        for post, words in posts:
            if not (sentence.start <= post.start and post.end <= sentence.end):
                continue
            if post.start < person.end and person.start < post.end:
                continue
            features = pair_features(text, post, person, inside, orgs, words)
            if "verb_between=after" in features:
                continue  # "Anggota berhasil menemukan Mawar": the name after the verb of the post's clause is its object
            prob = linker.probability(features)
            if prob >= linker.threshold and prob > out.get(person, (None, "", 0.0))[2]:
                out[person] = (post, words, prob)
    return out
