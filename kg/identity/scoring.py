"""Match probabilities for pairs of person nodes, by Splink (Fellegi-Sunter, DuckDB on one machine).

Candidates are blocked on name words (but those more than MAX_BLOCK nodes bear), on the first three letters of the first name word (for
nicknames, "jok" in Jokowi and Joko Widodo) and on initials (SBY). Each pair is compared on
how the names relate (kg.identity.names, a DuckDB function), how rare the name word they share
is (term frequency over the nodes), the posts and institutions the nodes
hold, their provinces, the persons, institutions and places named beside them and the words that set
their articles apart (kg.identity.records.KEYWORDS); u-probabilities come from random pairs,
m-probabilities from expectation maximisation over the blocked pairs (and, for the shipped model, from
hand-labelled pairs: kg train --identity --labels bench/identity). The only module that
imports Splink and DuckDB, and only when a linker runs: they take a third of a second to import, and
most one-article builds have no candidate pair.
"""
from __future__ import annotations

import json
import logging
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.identity.names import RELATIONS, relation, words
from kg.errors import MissingInputError
from kg.identity.records import PersonRecord

if TYPE_CHECKING:
    import splink.comparison_library as cl
    from splink import Linker, SettingsCreator

MODEL = Path(__file__).resolve().parents[1] / "models" / "identity" / "splink.json"
EVIDENCE = (("post", "posts"), ("institution", "orgs"), ("province", "provinces"), ("persons", "persons"),
            ("institutions or places", "named"), ("headline words", "topics"), ("article words", "keywords"))
MIN_PROBABILITY = 0.05  # pairs below are not kept
MAX_BLOCK = 300  # a name word shared by more nodes than this does not block
RARE = 6  # a rare name word: no more nodes than this bear it


@dataclass(frozen=True)
class ScoredPair:
    a: str
    b: str
    probability: float
    names: str  # how the names relate (kg.identity.names.RELATIONS)
    evidence: tuple[str, ...]  # the comparisons that agreed: "post", "institution", "province", "persons"


def fit(records: dict[str, PersonRecord], seed: int = 13,
        matches: Iterable[tuple[str, str]] = ()) -> dict[str, Any]:
    """The model's parameters learnt from `records`: u-probabilities from random pairs,
    m-probabilities by expectation maximisation over pairs blocked on the first letters of the first
    name and on initials, and, given `matches` (pairs of nodes judged by hand to be one person), from
    those pairs too (Splink averages the three estimates of each m). A Splink settings dict
    (kg/models/identity/splink.json)."""
    from splink import block_on

    with _linker(*_rows(records), _settings()) as linker:
        linker.training.estimate_u_using_random_sampling(max_pairs=2e5, seed=seed)
        for rule in (block_on("nick_key"), block_on("initials_key")):
            linker.training.estimate_parameters_using_expectation_maximisation(rule, fix_u_probabilities=True)
        labels = [{"unique_id_l": a, "unique_id_r": b} for a, b in sorted(matches) if a in records and b in records]
        if labels:
            linker.table_management.register_table(labels, "labels", overwrite=True)
            linker.training.estimate_m_from_pairwise_labels("labels")
        return linker.misc.save_model_to_json()


def score(records: dict[str, PersonRecord], model: dict[str, Any] | None = None,
          only: set[str] | None = None) -> list[ScoredPair]:
    """Candidate pairs among `records` with their match probability (≥ MIN_PROBABILITY), by `model`
    (default: the shipped one). With `only`, the pairs of those nodes (and maybe some others): just
    the nodes sharing a blocking key with them are compared, so one new article costs seconds, and
    one that shares none with any other node costs no linker at all."""
    rows, counts = _rows(records, only)
    if not _blocked_pair(rows):
        return []
    # only the columns read here: every node's context lists, read back into Python for each of the
    # corpus's 35,000 pairs, cost seconds
    columns = ["unique_id_l", "unique_id_r", "match_probability", "names_l", "names_r",
               *(f"gamma_{column}" for _, column in EVIDENCE)]
    with _linker(rows, counts, model or load_model()) as linker:
        frame = linker.inference.predict(threshold_match_probability=MIN_PROBABILITY)
        found = frame.as_duckdbpyrelation().select(", ".join(columns)).fetchall()
    out = []
    for a, b, probability, names_a, names_b, *evidence in found:
        agreed = tuple(name for (name, _), gamma in zip(EVIDENCE, evidence) if (gamma or 0) > 0)
        out.append(ScoredPair(a, b, float(probability), _best_relation(names_a, names_b), agreed))
    return out


def load_model(path: Path = MODEL) -> dict[str, Any]:
    if not path.exists():
        raise MissingInputError(f"no identity model at {path}",
                                "run `kg train --identity --store STORE` on a built corpus to make it")
    return json.loads(path.read_text(encoding="utf-8"))


def _rows(records: dict[str, PersonRecord], only: set[str] | None = None) -> tuple[list[dict], Counter]:
    """The linker's input rows (with `only`: those nodes' and the nodes sharing a blocking key with
    them) and how many nodes bear each name word, counted over every node."""
    rows = [_row(r) for r in records.values()]
    counts = Counter(k for row in rows for k in row["block_keys"])
    for row in rows:
        row["name_words"] = row["block_keys"]
        row["block_keys"] = [k for k in row["block_keys"] if counts[k] <= MAX_BLOCK]
    return (rows if only is None else _sharing_keys(rows, only)), counts


def _blocked_pair(rows: list[dict]) -> bool:
    """Whether two of `rows` share a blocking key (a name word, initials or a nickname key): without
    that, the blocking rules of `_settings` make no candidate pair."""
    return any(n > 1 for n in Counter(k for row in rows for k in _keys(row)).values())


@contextmanager
def _linker(rows: list[dict], counts: Counter, settings: SettingsCreator | dict[str, Any]) -> Iterator[Linker]:
    import duckdb
    from splink import DuckDBAPI, Linker

    logging.getLogger("splink").setLevel(logging.ERROR)
    con = duckdb.connect()
    con.create_function("name_relation", _best_relation, ["VARCHAR[]", "VARCHAR[]"], "VARCHAR")
    con.create_function("shared_word_nodes", lambda a, b: _shared_word_nodes(counts, a, b),
                        ["VARCHAR[]", "VARCHAR[]"], "INTEGER")
    table = DuckDBAPI(connection=con).register(rows, table_name="persons")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield Linker(table, settings, log_level=logging.ERROR)
    finally:
        con.close()


def _sharing_keys(rows: list[dict], only: set[str]) -> list[dict]:
    """The rows of `only` and of every node that shares a blocking key with one of them."""
    wanted = set().union(*(_keys(row) for row in rows if row["unique_id"] in only))
    return [row for row in rows if row["unique_id"] in only or _keys(row) & wanted]


def _keys(row: dict) -> set[tuple[str, str]]:
    """The blocking keys of a row: its name words, initials and nickname key."""
    return {("word", k) for k in row["block_keys"]} | {
        (kind, row[column]) for kind, column in (("initials", "initials_key"), ("nick", "nick_key")) if row[column]}


def _row(r: PersonRecord) -> dict:
    first = words(r.label)
    block = sorted({w for n in r.names for w in words(n) if len(w) >= 3})
    return {"unique_id": r.node, "names": sorted(r.names), "block_keys": block,
            "nick_key": first[0][:3] if first else None, "one_word": len(first) == 1,
            "initials_key": _initials(first),
            "posts": sorted(r.posts) or None, "orgs": sorted(r.orgs) or None,
            "provinces": sorted(r.provinces) or None, "persons": sorted(r.persons) or None,
            "named": sorted(r.named) or None, "topics": sorted(r.topics) or None,
            "keywords": sorted(r.keywords) or None}


def _shared_word_nodes(counts: Counter, a: list[str] | None, b: list[str] | None) -> int:
    """How many nodes bear the rarest name word two nodes share: a name word only two nodes bear
    ("ryamizard") says more than one a hundred bear ("surya")."""
    shared = set(a or ()) & set(b or ())
    return min(counts[w] for w in shared) if shared else 0


def _initials(name: tuple[str, ...]) -> str | None:
    if len(name) == 1:
        return name[0] if name[0].isalpha() and len(name[0]) <= 4 else None
    return "".join(w[0] for w in name)


@lru_cache(maxsize=1 << 18)
def _best_pair(a: tuple[str, ...], b: tuple[str, ...]) -> str:
    best = len(RELATIONS) - 1
    for x in a:
        for y in b:
            best = min(best, RELATIONS.index(relation(x, y)))
    return RELATIONS[best]


def _best_relation(a: Iterable[str] | None, b: Iterable[str] | None) -> str:
    return _best_pair(tuple(a or ()), tuple(b or ())) if a and b else "none"


def _settings() -> SettingsCreator:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    rel = "name_relation(names_l, names_r)"
    names = cl.CustomComparison(output_column_name="names", comparison_levels=[
        cll.CustomLevel(f"{rel} = 'same' AND NOT (one_word_l AND one_word_r)", "same longer name"),
        cll.CustomLevel(f"{rel} = 'same'", "same one-word name"),
        cll.CustomLevel(f"{rel} IN ('variant', 'initials')", "spelling or initials"),
        cll.CustomLevel(f"{rel} = 'contains'", "one name inside the other"),
        cll.CustomLevel(f"{rel} IN ('acronym', 'nickname')", "acronym or nickname"),
        cll.ElseLevel(),
    ])
    shared = "shared_word_nodes(name_words_l, name_words_r)"
    rarity = cl.CustomComparison(output_column_name="rarity", comparison_levels=[
        cll.CustomLevel(f"{shared} = 0", "no name word shared").configure(is_null_level=True),
        cll.CustomLevel(f"{shared} <= 2", "a name word only these two bear"),
        cll.CustomLevel(f"{shared} <= {RARE}", "a rare name word"),
        cll.CustomLevel(f"{shared} <= 30", "an uncommon name word"),
        cll.ElseLevel(),
    ])
    return SettingsCreator(
        link_type="dedupe_only",
        comparisons=[names, rarity] + [_overlap(column) for column in ("posts", "orgs", "provinces", "persons")]
        + [_overlap("named", 3, 1), _overlap("topics", 3, 1), _overlap("keywords", 3, 2, 1)],
        blocking_rules_to_generate_predictions=[
            block_on("block_keys", arrays_to_explode=["block_keys"]),
            "l.nick_key = r.nick_key AND (l.one_word <> r.one_word)",
            block_on("initials_key"),
        ],
        probability_two_random_records_match=1e-4,
        additional_columns_to_retain=["one_word"],
        retain_matching_columns=True,
    )


def _overlap(column: str, *sizes: int) -> cl.CustomComparison:
    """Null, at least each of `sizes` shared (most first; default: one), none shared."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    return cl.CustomComparison(output_column_name=column, comparison_levels=[
        cll.NullLevel(column),
        *(cll.ArrayIntersectLevel(column, n) for n in sorted(sizes or (1,), reverse=True)),
        cll.ElseLevel(),
    ])
