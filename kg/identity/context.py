"""A second look at the one-word names the first resolution left alone, against whole clusters.

The first pass scores node against node, and a node's company is the person nodes its articles name:
"Jokowi" beside a bare "Prabowo" is an article-local node (`person:jokowi--kapanlagi-00424`), which
no article of "Prabowo Subianto" names, though they all name the one person it joined. Here every
cluster of the first pass is read as one record (its nodes' evidence together: `merged`) and every
person named beside a node as the cluster it joined (`canonical_persons`); the one-word nodes still
alone are scored against them and joined by the same rules (kg.identity.clusters).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from kg.identity.clusters import Cluster, cluster, unshared_names
from kg.identity.names import words
from kg.identity.records import CONTEXT, KEYWORDS, PersonRecord, most_common
from kg.identity.scoring import ScoredPair


def second_pass(records: dict[str, PersonRecord], clusters: list[Cluster], keep: Callable[[Cluster], str],
                score: Callable[[dict[str, PersonRecord], set[str]], list[ScoredPair]],
                lone: set[str] | None = None) -> list[Cluster]:
    """`clusters` grown by the one-word nodes left alone (those of `lone`; default: all) that join one,
    and the clusters such nodes make with a longer name left alone. `keep` gives a cluster's canonical
    node, `score` the pairs among records of some nodes (kg.identity.scoring.score). A pair counts
    only if the persons named beside the two agree (the evidence the first pass could not see), and
    only towards a longer name or a bare one no longer name holds (`_holder`)."""
    of = {node: keep(c) for c in clusters for node in c.nodes}
    alone = {n for n, r in records.items() if n not in of and len(r.words) == 1 and (lone is None or n in lone)}
    if not alone:
        return clusters
    merged = {n: _with_canonical_persons(r, of) for n, r in records.items() if n not in of}
    by_key = {keep(c): c for c in clusters}
    for key, c in by_key.items():
        merged[key] = _merged(key, [records[n] for n in sorted(c.nodes)], of)
    unshared = unshared_names(records)
    pairs = [p for p in score(merged, alone) if "persons" in p.evidence and (p.a in alone) != (p.b in alone)
             and _holder(merged[p.b if p.a in alone else p.a], unshared)]
    fresh = []
    for found in cluster(merged, pairs):
        keys = [n for n in found.nodes if n in by_key]
        if len(keys) > 1:  # two clusters the first pass kept apart: not through a bare name
            continue
        if keys:
            grown = by_key[keys[0]]
            grown.nodes |= found.nodes
            grown.graphs |= found.graphs
            grown.links += found.links
        else:
            fresh.append(found)
    return sorted([*by_key.values(), *fresh], key=lambda c: sorted(c.nodes)[0])


def _holder(r: PersonRecord, unshared: set[tuple[str, ...]]) -> bool:
    """A cluster or node a bare name may join here: one with a longer name, or one going by a name no
    longer name holds ("Moeldoko"); not one bare name many people bear ("Dewi": two women of one TV
    show, each beside the same coaches)."""
    return len(r.words) > 1 or r.words in unshared


def _its_name(name: str, own: set[str]) -> bool:
    """A name of a member that may be the cluster's: a bare one ("Jokowi") or one of the canonical
    name's words; not a name glued to another's ("Prabowo Sandiaga Uno" in the cluster of "Sandiaga
    Uno"), through which a bare "Prabowo" would seem to be his."""
    w = words(name)
    return len(w) == 1 or set(w) <= own


def _with_canonical_persons(r: PersonRecord, of: dict[str, str]) -> PersonRecord:
    return replace(r, persons={of.get(p, p) for p in r.persons} - {of.get(r.node, r.node)})


def _merged(key: str, members: list[PersonRecord], of: dict[str, str]) -> PersonRecord:
    """One record of a cluster's nodes: the label of its canonical node, their names, posts and places
    together, and the company most of them keep (CONTEXT, KEYWORDS), as a node named in many articles has."""
    first = next(r for r in members if r.node == key)

    def union(attr: str) -> set:
        return set().union(*(getattr(r, attr) for r in members))

    def most(attr: str, n: int, mapped: bool = False) -> set[str]:
        counts = Counter(of.get(x, x) if mapped else x for r in members for x in getattr(r, attr))
        counts.pop(key, None)
        return most_common(counts, n)

    own = set(first.words)
    named_as: dict[str, set[str]] = {}
    for r in members:
        for name, graphs in [(r.label, r.graphs), *r.named_as.items()]:
            if name != first.label and _its_name(name, own):
                named_as.setdefault(name, set()).update(graphs)
    fiction: dict[str, str] = {}
    for r in members:
        fiction.update(r.fiction)
    return PersonRecord(
        key, first.label, canonical=first.canonical, names={first.label, *named_as}, named_as=named_as, graphs=union("graphs"),
        posts=union("posts"), roles=union("roles"), orgs=union("orgs"), provinces=union("provinces"),
        held_in=union("held_in"), persons=most("persons", CONTEXT, mapped=True), named=most("named", CONTEXT),
        topics=most("topics", CONTEXT), keywords=most("keywords", KEYWORDS), desks=union("desks"), fiction=fiction,
        first_name=first.first_name)
