"""Scored pairs → clusters of person nodes, one per real person, built so that they never over-merge.

Pairs (at least THRESHOLD) are joined from the most probable down: longer names with each other
first, then each one-word name to a longer name, then one-word names to each other. A join is
refused when
  * the two clusters' main longer names (or the joining nodes' own) cannot be one person's
    ("Susilo Bambang Yudhoyono" and "Agus Harimurti Yudhoyono" through a shared "Yudhoyono"), or
    one is inside the other and an article names both ("Joko Widodo", "Iriana Joko Widodo");
  * two one-word names would join two clusters that each hold a longer name;
  * a node goes by a first name that the name reader drops as a common word, but that its articles
    write capitalised mid-sentence ("Novel Baswedan", read as a bare "Baswedan"), and the other side's
    longer name ends in the same word but begins with another ("Anies Baswedan");
  * one holds a character of a film or series (a one-word name met only in synopses of it) and the
    other anyone the news names or another work's character ("Dedeh" of a sinetron, the preacher
    Mama Dedeh: `_fiction_apart`, kg.identity.fiction);
Then a group of one-word names judged one person joins the longer name most of its members point to
(`_group_votes`), with the same refusals. Then a node left alone joins the cluster that owns its
name: one that bears it in most of the articles naming it (`_owned_names`: "Jokowi"), and so does a
group of one-word names holding no longer name.
  * a one-word name fits two longer names that cannot be one person ("Prabowo": Prabowo Subianto,
    Edhy Prabowo) and the evidence for one does not clearly beat the other, nor is one named in
    PROMINENCE times as many articles (a bare name in the news is the prominent bearer's: an
    article about the other would name him in full, and the extractor joins the two there);
    `_choose_longer_names`. A one-word name whose own headline names a longer name bearing it in full
    may join only that person ("Nabila" under "Foto Rumah Nabila Syakieb" is no "Fasty Nabila").
Then a one-word node still alone joins the one longer name it may be when their articles speak of the
same places in the same news (`_one_bearer_in_context`: "Sancho" in football news naming Dortmund), or
when it is likelier that person than not and the longer name's own articles call it by the bare name,
or when its own headline names it in full (`_named_in_headline`: "Kanye" under "Kanye West ...").
Last, one-word names that no longer name holds join on weaker evidence (VOTE), each node of one
cluster linked so to each of the other (`unshared_names`). These weaker joins of bare names need some
agreement beside the names (a post, a place, a person, a headline word ...): a probability that comes
from the names alone is no evidence that two bare "Mimi" or a "Purwadi" and a "Purwadi Sutanto" are one.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.identity.names import LEADING_NAMES, compatible, relation, relation_words, words
from kg.identity.records import PersonRecord
from kg.identity.scoring import RARE, ScoredPair

THRESHOLD = 0.7
BARE_THRESHOLD = 0.9  # two one-word names join on this much evidence ("Dewi" and "Dewi": many women)
MARGIN = 0.1  # a one-word name's best longer name must beat an incompatible second by this much,
VOTE = 0.5  # a member of a group of one-word names votes for the longer names it reaches with this
VOTE_LEAD = 3  # the winner's votes over the runner-up's
PROMINENCE = 10  # or be named in this many times as many articles ("Joko Widodo" / "Jokowi Rp")
OWNED = 5  # a cluster owns a name it bears in this many articles, and in more than all its other bearers
FLOOR = 0.15  # a node left alone with that name joins its owner on a pair this probable
NATIONAL = 3  # a cluster named in the news of this many provinces is a national figure's
SHARED_NAMED = 2  # a bare name left alone joins its one longer name if their articles name this many places alike


@dataclass
class Cluster:
    nodes: set[str]
    long_names: dict[str, set[str]]  # its nodes' names (rdfs:label) of two words or more → their articles
    graphs: set[str]
    links: list[ScoredPair] = field(default_factory=list)
    characters: bool = False  # it holds a character of a film or series (PersonRecord.character)
    # (first name, name words) of its nodes that go by a first name (PersonRecord.first_name)
    first_names: set[tuple[str, tuple[str, ...]]] = field(default_factory=set)


def cluster(records: dict[str, PersonRecord], pairs: Iterable[ScoredPair], threshold: float = THRESHOLD,
            existing: Iterable[set[str]] = ()) -> list[Cluster]:
    """Clusters of two nodes or more (a node that joins nothing stays as it is); `existing` clusters
    of an earlier resolution are kept and may grow (theirs `links` are only the new ones)."""
    pairs = [p for p in pairs if p.a in records and p.b in records]
    chosen = _choose_longer_names(records, pairs, threshold)
    ambiguous = {n for n, c in chosen.items() if c is None}
    candidates = [p for p in pairs if p.probability >= VOTE and (len(records[p.a].words) == 1) != (len(records[p.b].words) == 1)]
    weak = [p for p in pairs if p.probability < threshold and p.names != "none"]
    named = [p for p in pairs if p.names != "none"]
    unshared = unshared_names(records)
    likely = sorted((p for p in pairs if p.probability >= VOTE and p.evidence and p.names == "same" and records[p.a].words == records[
        p.b].words and records[p.a].words in unshared), key=lambda p: (-p.probability, p.a, p.b))
    pairs = [p for p in pairs if p.probability >= threshold]
    parent: dict[str, str] = {}
    clusters: dict[str, Cluster] = {}

    def find(node: str) -> str:
        while parent.get(node, node) != node:
            node = parent[node]
        return node

    def of(node: str) -> Cluster:
        root = find(node)
        if root not in clusters:
            r = records[node]
            clusters[root] = Cluster({node}, {r.label: set(r.graphs)} if len(r.words) > 1 else {}, set(r.graphs),
                                     characters=r.character,
                                     first_names={(r.first_name, r.words)} if r.first_name else set())
        return clusters[root]

    for group in existing:
        first, *rest = sorted(group)
        for node in rest:
            if find(first) != find(node):
                _join(clusters, parent, of(first), of(node), find(first), find(node))
    one_word = {n for n, r in records.items() if len(r.words) == 1}
    works = {g: title for r in records.values() for g, title in r.fiction.items()}
    ordered = sorted(pairs, key=lambda p: (-p.probability, p.a, p.b))

    def join(p: ScoredPair) -> None:
        if p.names == "none":  # context alone never joins two names
            return
        ra, rb = find(p.a), find(p.b)
        if ra == rb:
            return
        ca, cb = of(p.a), of(p.b)
        names_a = _names_to_check(ca, records[p.a])
        names_b = _names_to_check(cb, records[p.b])
        bridges = (records[p.a].label, records[p.b].label)
        if any(_apart(x, gx, y, gy) and not _bridged(x, y, bridges) for x, gx in names_a for y, gy in names_b):
            return
        if (p.a in one_word and p.b in one_word) and ca.long_names and cb.long_names:
            return  # two one-word names joined to two longer names: not through each other
        if _fiction_apart(ca, cb, works) or _other_first_name(ca, names_b) or _other_first_name(cb, names_a):
            return
        _join(clusters, parent, ca, cb, ra, rb).links.append(p)

    for p in ordered:  # longer names first: spelling variants, initials, a name inside another
        if p.a not in one_word and p.b not in one_word:
            join(p)
    for p in _one_longer_name(records, weak):
        join(p)
    for p in ordered:  # then each one-word name to the longer name it chose
        if (p.a in one_word) != (p.b in one_word) and (chosen.get(p.a) == p.b or chosen.get(p.b) == p.a):
            join(p)
    strong = {frozenset((p.a, p.b)) for p in pairs if p.probability >= BARE_THRESHOLD}
    for p in ordered:  # then one-word names to each other, on stronger evidence
        if p.a in one_word and p.b in one_word and p.probability >= BARE_THRESHOLD and (
                not (of(p.a).nodes | of(p.b).nodes) & ambiguous or _all_linked(of(p.a).nodes, of(p.b).nodes, strong)):
            join(p)
    for p in _group_votes(records, candidates, find, clusters):  # then groups of one-word names, by vote
        join(p)
    for p in _owned_names(records, weak, find, clusters):
        join(p)  # then a node left alone joins the cluster that owns its name
    for p in _one_bearer_in_context(records, named, find, clusters, _rare_words(records)):
        join(p)  # then one left alone joins its one longer name in the same news
    for p in _named_in_headline(records, named, find, clusters):
        join(p)  # then one left alone joins the longer name its own headline gives it
    linked = {frozenset((p.a, p.b)) for p in likely}
    for p in likely:  # last, a one-word name no longer name holds, on weaker evidence, never through a chain
        if _all_linked(of(p.a).nodes, of(p.b).nodes, linked):
            join(p)
    return sorted((c for c in clusters.values() if len(c.nodes) > 1), key=lambda c: sorted(c.nodes)[0])


def _one_longer_name(records: dict[str, PersonRecord], pairs: list[ScoredPair]) -> list[ScoredPair]:
    """Pairs of two nodes whose labels are one name of two words or more, but for a word glued before
    it or its old spelling ("Nih Nikita Mirzani" / "Nama Nikita Mirzani", "Djajang Nurdjaman" /
    "Djadjang Nurdjaman"), on any evidence: the extractor makes one node of one full name in every
    article, whatever the articles say beside it, and so do these."""
    return [p for p in pairs if len(records[p.a].words) > 1 and len(records[p.b].words) > 1
            and relation(records[p.a].label, records[p.b].label) == "same"]


def unshared_names(records: dict[str, PersonRecord]) -> set[tuple[str, ...]]:
    """One-word names that no name of two words or more in the store holds (no label nor other name:
    "Novarita" with no "Novarita Sari"): no namesake the news names in full, so two nodes of such a
    name that are likelier one person than two (VOTE) join, where a name that full names hold ("Dewi":
    Dewi Sandra, Dewi Perssik) needs BARE_THRESHOLD."""
    held = {w for r in records.values() for name in r.names if len(words(name)) > 1 for w in words(name)}
    return {r.words for r in records.values() if len(r.words) == 1 and r.words[0] not in held}


def _fiction_apart(a: Cluster, b: Cluster, works: dict[str, str]) -> bool:
    """A character of a film or series and anyone the news names, or characters of two works: never one
    person ("Dedeh" of a sinetron's synopsis and the preacher Mama Dedeh; "Edi" of two series)."""
    if not (a.characters or b.characters):
        return False
    titles = [{works.get(g) for g in c.graphs} for c in (a, b)]
    return None in titles[0] | titles[1] or not titles[0] & titles[1]


def _all_linked(a: set[str], b: set[str], strong: set[frozenset[str]]) -> bool:
    """Every node of `a` strongly linked to every node of `b`: one-word names that could each be
    someone's longer name ("Dewi") join only so, never through a chain of look-alikes."""
    return all(frozenset((x, y)) in strong for x in a for y in b)


def _names_to_check(c: Cluster, node: PersonRecord) -> list[tuple[str, set[str]]]:
    """The longer names a join must not contradict: the cluster's main one (named in most articles)
    and the joining node's own. A stray one ("Pribadi BJ Habibie", one article) vetoes nothing."""
    out = []
    if c.long_names:
        main = max(c.long_names, key=lambda n: (len(c.long_names[n]), n))
        out.append((main, c.long_names[main]))
    if len(node.words) > 1 and node.label in c.long_names and (not out or out[0][0] != node.label):
        out.append((node.label, c.long_names[node.label]))
    return out


def _join(clusters: dict[str, Cluster], parent: dict[str, str], ca: Cluster, cb: Cluster,
          ra: str, rb: str) -> Cluster:
    root, other = (ra, rb) if len(ca.nodes) >= len(cb.nodes) else (rb, ra)
    merged, gone = clusters[root], clusters.pop(other)
    merged.nodes |= gone.nodes
    for name, graphs in gone.long_names.items():
        merged.long_names.setdefault(name, set()).update(graphs)
    merged.graphs |= gone.graphs
    merged.links += gone.links
    merged.characters |= gone.characters
    merged.first_names |= gone.first_names
    parent[other] = root
    return merged


def _other_first_name(c: Cluster, names: list[tuple[str, set[str]]]) -> bool:
    """Whether a node of `c` goes by a first name ("Novel Baswedan", read as a bare "Baswedan") that the
    other side's longer name, ending in the same word, has not ("Anies Baswedan"): two people. A longer
    name that begins as the node's name read without it ("Setia Gara" of "Tiga Setia Gara") may be his."""
    return any(len(w := words(name)) > 1 and w[-1] == own[-1] and w[0] != own[0]
               and relation(first, w[0]) != "same" for first, own in c.first_names for name, _ in names)


def _group_votes(records: dict[str, PersonRecord], candidates: list[ScoredPair], find, clusters) -> list[ScoredPair]:
    """A group of one-word nodes already judged one person (no longer name among them) joins the
    longer name most of them point to: each member votes, with its probability, for the clusters of
    its longer-name candidates; the winner needs half the group's members and VOTE_LEAD times the
    runner-up's votes, or to be named in VOTE_LEAD times as many articles as every other candidate (a bare
    name in the news is the prominent bearer's). Returns the best pair to each winner."""
    votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    best: dict[tuple[str, str], ScoredPair] = {}
    for p in candidates:
        one, other = (p.a, p.b) if len(records[p.a].words) == 1 else (p.b, p.a)
        group, target = find(one), find(other)
        if group not in clusters or clusters[group].long_names or group == target:
            continue
        votes[group][target] += p.probability
        if (group, target) not in best or best[(group, target)].probability < p.probability:
            best[(group, target)] = p
    out = []
    for group, tally in votes.items():
        ranked = sorted(tally.items(), key=lambda kv: -kv[1])
        winner, score = ranked[0]
        runner, runner_score = ranked[1] if len(ranked) > 1 else (None, 0.0)
        named = {t: len(clusters[t].graphs if t in clusters else records[t].graphs) for t, _ in ranked}
        prominent = runner is not None and all(  # "Habibie": B. J. Habibie's, not his sons' (Thareq, Ilham Habibie)
            named[winner] >= VOTE_LEAD * named[other] for other, _ in ranked[1:])
        if score >= 0.5 * len(clusters[group].nodes) and (score >= VOTE_LEAD * runner_score or prominent):
            out.append(best[(group, winner)])
    return out


def _owned_names(records: dict[str, PersonRecord], pairs: list[ScoredPair], find, clusters) -> list[ScoredPair]:
    """A node left alone whose name one cluster bears in OWNED articles or more, and in more articles
    than every other node and cluster bearing it together ("Jokowi": 99 articles of one cluster, 11
    nodes of one article each that share no context with it), joins that cluster on weaker evidence
    (FLOOR): the news gives a famous name its bearer's meaning. A cluster that calls one of its
    nodes so (as a label or another name: "Prabowo" in the articles that call "Prabowo Subianto"
    so) in PROMINENCE times as many articles as all the others call theirs takes it in on any pair
    the scorer keeps: a node of one article shares little context with anyone. A name many people
    bear ("Dewi") is owned by none; a node placed in another province stays apart (`_elsewhere`).
    A group of bare names already judged one person, with no longer name among them ("Messi" in two
    articles on one match), is as alone as one node: it joins the owner of its name so too, if the
    owner holds a longer name and no member of the group is placed elsewhere.
    Returns the best pair of each such node to its owner."""
    labels: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # label → cluster → articles
    names: dict[tuple[str, ...], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # by name words
    for node, r in records.items():
        labels[r.label][find(node)] |= r.graphs
        for name, graphs in r.naming().items():
            names[name][find(node)] |= graphs
    best: dict[str, ScoredPair] = {}
    for p in pairs:
        for lone, other in ((p.a, p.b), (p.b, p.a)):
            owner, group = find(other), clusters.get(find(lone))
            if owner not in clusters or owner == find(lone) or (group and (
                    group.long_names or not clusters[owner].long_names)) or (
                    lone in best and best[lone].probability >= p.probability):
                continue
            famous = _share(names[records[lone].words], owner) >= PROMINENCE
            owned = p.probability >= FLOOR and _share(labels[records[lone].label], owner) > 1 and len(
                labels[records[lone].label][owner]) >= OWNED
            members = [records[n] for n in clusters[owner].nodes]
            if (owned or famous) and not any(_elsewhere(records[n], members, famous) for n in (
                    group.nodes if group else {lone})):
                best[lone] = p
    return sorted(best.values(), key=lambda p: (-p.probability, p.a, p.b))


def _one_bearer_in_context(records: dict[str, PersonRecord], pairs: list[ScoredPair], find,
                           clusters: dict[str, Cluster], rare: set[str]) -> list[ScoredPair]:
    """A one-word node left alone whose longer-name candidates are all in one cluster joins it on a
    weak pair (FLOOR) when the two nodes' articles name SHARED_NAMED institutions or places alike
    (`_shared_specific`) and come from one news desk ("Sancho" in a football article naming Dortmund,
    "Jadon Sancho" in others naming it): its article gave no longer name, and what it speaks of is the
    longer name's. So does a rare one (RARE nodes or fewer bear it: "Romli", not "Tommy", which longer
    names the scorer never paired with it may hold) that the scorer finds likelier one person than two
    (VOTE) with a longer name whose own articles call it by the bare name too ("Romli Atmasasmita"
    called "Romli" further on). Without such context a bare name and its only longer bearer are two
    people as a rule. The bare name must be a word of the cluster's main name ("Wimbledon" is none of "Simona
    Halep"'s, though a node "Wimbledon Simona Halep" holds it). Returns the best pair of each such node."""
    targets: dict[str, set[str]] = defaultdict(set)
    best: dict[str, ScoredPair] = {}
    for p in pairs:
        for lone, other in ((p.a, p.b), (p.b, p.a)):
            one, full = records[lone], records[other]
            if len(one.words) != 1 or len(full.words) == 1 or find(lone) in clusters:
                continue
            targets[lone].add(find(other))
            context = (p.probability >= FLOOR and _shared_specific(one.named, full.named) >= SHARED_NAMED
                       and one.desks & full.desks)
            called = (p.probability >= VOTE and p.evidence and one.words[0] in rare
                      and one.words in full.naming())  # its articles call it so too
            if (context or called) and (lone not in best or best[lone].probability < p.probability):
                best[lone] = p
    out = []
    for lone, p in sorted(best.items()):
        other = p.b if p.a == lone else p.a
        owner = clusters.get(find(other))
        main = _names_to_check(owner, records[other])[0][0] if owner else records[other].label
        members = [records[n] for n in (owner.nodes if owner else {other})]
        if len(targets[lone]) == 1 and records[lone].words[0] in words(main) and not _elsewhere(records[lone], members):
            out.append(p)
    return out


def _named_in_headline(records: dict[str, PersonRecord], pairs: list[ScoredPair], find,
                       clusters: dict[str, Cluster]) -> list[ScoredPair]:
    """A one-word node of one article, left alone, joins the one longer name bearing its word whose
    other words the article's headline gives beside it ("Kanye" under "Kanye West Beri DJ Khaled Sepatu
    ...", "Ringgo" under "... Ringgo Agus Heran ..."): the article names the person in full in its
    headline only, and the extractor, which reads the text, kept the bare name. Not under a headline
    naming a relative ("Terungkap Soal Kematian Adik Louis Tomlinson": the bare name is the sister's),
    nor a longer name the article's text names too (the extractor read both and kept them apart), nor
    one of a province the node is not placed in. Returns the best pair of each such node."""
    fits: dict[str, dict[str, ScoredPair]] = defaultdict(dict)
    for p in pairs:
        for lone, other in ((p.a, p.b), (p.b, p.a)):
            one, full = records[lone], records[other]
            if len(one.words) != 1 or len(one.graphs) != 1 or len(full.words) < 2 or find(lone) in clusters \
                    or one.graphs & full.graphs or one.words[0] not in full.words:
                continue
            if any(w != one.words[0] and w not in LEADING_NAMES and w in one.topics for w in full.words) \
                    and not one.topics & relation_words():
                target = find(other)
                if target not in fits[lone] or fits[lone][target].probability < p.probability:
                    fits[lone][target] = p
    out = []
    for lone, by_target in sorted(fits.items()):
        if len(by_target) == 1:
            p = next(iter(by_target.values()))
            other = p.b if p.a == lone else p.a
            owner = clusters.get(find(other))
            if not _elsewhere(records[lone], [records[n] for n in (owner.nodes if owner else {other})]):
                out.append(p)
    return out


def _rare_words(records: dict[str, PersonRecord]) -> set[str]:
    """Name words RARE nodes or fewer bear, in any of their names (as the scorer counts them)."""
    counts = Counter(w for r in records.values() for w in {w for name in r.names for w in words(name)})
    return {w for w, n in counts.items() if n <= RARE}


def _shared_specific(a: set[str], b: set[str]) -> int:
    """How many institutions and places both nodes' articles name, but countries and provinces: two
    Jakarta articles name Indonesia and Jakarta whoever they speak of."""
    return sum(not (key.startswith("country-") or key.isdigit()) for key in (iri.rsplit("/", 1)[1] for iri in a & b))


def _share(by_cluster: dict[str, set[str]], owner: str) -> float:
    """How many times as many articles name `owner` so as name every other bearer so together."""
    others = sum(len(g) for c, g in by_cluster.items() if c != owner)
    return len(by_cluster.get(owner, ())) / others if others else float("inf")


def _elsewhere(node: PersonRecord, members: list[PersonRecord], famous: bool = False) -> bool:
    """A node of a province none of the cluster's members is placed in: a namesake ("Muhamad",
    Sekda of a Banten city, and a "Muhamad" of a Jakarta article). A node that only an article's
    province places is no namesake of a figure the news of NATIONAL provinces or more names
    ("Jokowi" in news from Jambi), nor of a `famous` one (whose full-name node no article places);
    one holding a post there is."""
    provinces = {code for m in members for code in m.provinces}
    if not (node.provinces and provinces) or node.provinces & provinces:
        return False
    return bool(node.held_in) or (len(provinces) < NATIONAL and not famous)


def _choose_longer_names(records: dict[str, PersonRecord], pairs: list[ScoredPair],
                         threshold: float) -> dict[str, str | None]:
    """Each one-word node with a longer-name candidate → the longer name it may join, or None.

    Candidates that are two names glued (`_glued`) are left out. The choice is the candidate named in most articles among those at `threshold` or above and
    within MARGIN of the most probable (a bare name in the news is the prominent bearer's); None
    when another candidate within MARGIN cannot be the same person and the choice is not named in
    PROMINENCE times as many articles, unless the node's own article names exactly one of them in full
    ("Prabowo" of "Prabowo-Sandi" in an article naming Prabowo Subianto, not Edhy Prabowo)."""
    labels: dict[tuple[str, ...], set[str]] = defaultdict(set)  # a longer name → the articles naming it
    for r in records.values():
        if len(r.words) > 1:
            labels[r.words] |= r.graphs
    candidates: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for p in pairs:
        if p.names == "none":  # a longer name the bare one cannot be ("Kadek Arel" for "Kadokura") is no rival
            continue
        for one, other in ((p.a, p.b), (p.b, p.a)):
            if len(records[one].words) == 1 and len(records[other].words) > 1 and not _glued(records[other].words, labels):
                candidates[one].append((p.probability, other))
    by_word: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for name in labels:
        for w in set(name):
            by_word[w].append(name)
    out: dict[str, str | None] = {}
    for node, options in candidates.items():
        if full := _headline_names(records[node], by_word):
            options = [(p, o) for p, o in options if any(compatible(records[o].label, " ".join(f)) for f in full)]
            if not options:
                continue
        top = max(p for p, _ in options)
        close = [(p, o) for p, o in options if top - p < MARGIN]
        eligible = [(p, o) for p, o in close if p >= threshold]
        if not eligible:
            continue
        _, best = max(eligible, key=lambda po: (len(records[po[1]].graphs), po[0], po[1]))
        rec = records[best]
        if any(
                _apart(rec.label, rec.graphs, records[o].label, records[o].graphs)
                and len(rec.graphs) < PROMINENCE * len(records[o].graphs) for _, o in close if o != best):
            beside = [o for p, o in eligible if records[o].graphs & records[node].graphs]
            out[node] = beside[0] if len(beside) == 1 else None
        else:
            out[node] = best
    return out


def _headline_names(node: PersonRecord, by_word: dict[str, list[tuple[str, ...]]]) -> list[tuple[str, ...]]:
    """The longer names bearing a one-word node's name whose every word its one article's headline gives
    ("Nabila Syakieb" for "Nabila" under "9 Foto Rumah Nabila Syakieb ..."): the person it is, whom the
    extractor found in the headline only; another bearer of the name ("Fasty Nabila") is not."""
    if len(node.graphs) != 1:
        return []
    return [name for name in by_word.get(node.words[0], ()) if all(w in node.topics for w in name)]


def _glued(name: tuple[str, ...], labels: dict[tuple[str, ...], set[str]]) -> bool:
    """A longer name that is another person's full name with a name before or after it ("Prabowo
    Sandiaga Uno" from "Prabowo-Sandiaga Uno", "Iriana Joko Widodo"): no anchor for a bare name,
    which could be either person's. A last name named in fewer articles than the whole is the
    whole cut, not another person ("Indar Parawansa" of "Khofifah Indar Parawansa": the bare
    "Khofifah" is hers)."""
    named = len(labels.get(name, ()))
    return any(name[:len(name) - i] in labels or len(labels.get(name[i:], ())) >= named
               for i in range(1, len(name) - 1))


def _bridged(a: str, b: str, joining: tuple[str, str]) -> bool:
    """Two names neither of which can be the other's ("Athallah Araihan", "Ahmad Athallah") that both sit
    inside the full name of one of the two nodes a join links, themselves one name spelt alike ("Ahmad
    Athallah Araihan" / "Ahmd Athallah Araihan"): the parts of one person's name."""
    first, second = joining
    if compatible(a, b) or relation(first, second) not in ("same", "variant", "initials"):
        return False
    return any(len(words(full)) >= 3 and all(relation(full, part) in ("same", "contains") for part in (a, b))
               for full in joining)


def _apart(a: str, a_graphs: set[str], b: str, b_graphs: set[str]) -> bool:
    """Two longer names that cannot be one person's: incompatible names, or one inside the other
    with a word before or after it while an article names both ("Joko Widodo" and "Iriana Joko
    Widodo", his wife); a word between the first and the last is a middle name."""
    if a == b:
        return False
    if not compatible(a, b):
        return True
    if relation(a, b) != "contains" or not a_graphs & b_graphs:
        return False
    short, long = sorted((words(a), words(b)), key=len)
    if long[0] in LEADING_NAMES and len(long) > len(short):  # "(Ahmad) Athallah Araihan": a first name he goes without
        long = long[1:]
    return not (short[0] == long[0] and short[-1] == long[-1])  # "Anies (Rasyid) Baswedan" is one man
