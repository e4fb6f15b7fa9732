"""In which institution a post is held when its own sentence does not say.

News names the institution once and the post elsewhere: "Kasat Reskrim AKP Indra" in a story whose
"Polres Lhokseumawe" comes two paragraphs later, "Menteri Kesehatan Nila Moeloek" beside the
"Kementerian Kesehatan", "Gubernur DKI Jakarta Anies" in an article about the "Pemprov DKI Jakarta".
A scorer over (post, institution of the article) pairs, trained like the other post linkers
(`kg.training.linker`), picks one institution or none. Its features are about kinds of words, never
names: which post word goes with which institution word, how far apart in sentences, whether the
post's other words or the region after it stand in the institution's name, whether the institution
is the only one of its head word.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from kg.nlp.listed import event_tasks
from kg.nlp.orgs import GOVERNMENTS, OrgHit
from kg.nlp.post_linker import Linker, Stretch
from kg.nlp.posts import definition_of, personal_posts, unit_heads
from kg.nlp.quotes import quoted_spans, speech_verbs
from kg.nlp.text import alternation
from kg.records import Membership
from kg.resources import lexicon, split_list, title_words
from kg.resources import words as lexicon_words

WORD = re.compile(r"\w+")
RESEARCH_BODIES = frozenset({"lipi", "brin"})  # state bodies whose researchers comment as analysts ("peneliti LIPI")
SKIPPED_HEADS = frozenset({"wakil", "plt", "pj", "pjs", "mantan", "eks", "plh"})


@dataclass(frozen=True)
class Candidate:
    """One institution of the article: its key, where it is named, and the words of its names."""

    key: str
    mentions: tuple[Stretch, ...]
    words: str  # its canonical name and the surface forms, space-joined
    head: str  # first two words of its canonical name: institutions of one kind share them ("kepolisian resor")


def candidate(key: str, mentions: Sequence[Stretch], names: Sequence[str]) -> Candidate:
    """An institution as the scorer sees it, from where it is named and its names (canonical first)."""
    first = _words(names[0]) if names else []
    return Candidate(key, tuple(sorted(mentions, key=lambda m: m.start)), " ".join(names), " ".join(first[:2]))


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def post_head(post_words: str) -> str:
    words = [w for w in _words(post_words) if w not in SKIPPED_HEADS]
    return words[0] if words else ""


def _sentence_bucket(post_sentence: int, org_sentence: int) -> str:
    gap = org_sentence - post_sentence
    if gap == 0:
        return "same"
    side = "next" if gap > 0 else "prev"
    gap = abs(gap)
    return f"{side}:{'1' if gap == 1 else '2-3' if gap <= 3 else '4+'}"


def pair_features(text: str, sentence_of, post: Stretch, post_words: str, holder: Stretch | None,
                  org: Candidate, others: Sequence[Candidate]) -> list[str]:
    """Names of the features of one post and one institution of the article. `sentence_of` maps a
    character offset to its sentence index."""
    nearest = min(org.mentions, key=lambda m: min(abs(m.start - post.end), abs(post.start - m.end)))
    mention = _words(text[nearest.start:nearest.end])
    org_head = mention[0] if mention else ""
    org_words = set(_words(org.words)) | set(mention)
    head = post_head(post_words)
    feats = [f"sents={_sentence_bucket(sentence_of(post.start), sentence_of(nearest.start))}",
             f"pair={head}|{org_head}", f"org_head={org_head}", f"post_head={head}"]
    rest = [w for w in _words(post_words) if w != head and w not in SKIPPED_HEADS and len(w) > 2]
    if rest:
        inside = sum(1 for w in rest if w in org_words)
        feats.append("rest=all" if inside == len(rest) else "rest=some" if inside else "rest=none")
        # "Ketua Divisi Teknis" goes with a "komisi", "Koordinator Divisi Penanganan Pelanggaran" with a "badan"
        feats += [f"rest_word={w}|{org_head}" for w in rest[:4]]
    if holder is not None and holder.start >= post.end:  # "Gubernur DKI Jakarta Anies": the region between
        region = [w for w in WORD.findall(text[post.end:holder.start])
                  if w[0].isupper() and w.rstrip(".") not in title_words()]
        if region:
            inside = sum(1 for w in region if w.lower() in org_words)
            feats.append("region=all" if inside == len(region) else "region=some" if inside else "region=none")
    if post.start <= nearest.start and nearest.end <= max(post.end, holder.start if holder and holder.start > post.end
                                                          else post.end):
        feats.append("named_with_post")
    same_head = sum(1 for o in others if o.key != org.key and o.head == org.head)
    feats.append(f"same_head_others={min(same_head, 2)}")
    distance = sorted(min(abs(m.start - post.end) for m in o.mentions) for o in others)
    mine = min(abs(m.start - post.end) for m in org.mentions)
    feats.append(f"rank={min(distance.index(mine) if mine in distance else 0, 3)}")
    feats.append(f"mentions={min(len(org.mentions), 3)}")
    return feats


SAYS_WHICH = frozenset({"rest=all", "region=all", "named_with_post"})


def best_institution(text: str, sentence_of, post: Stretch, post_words: str, holder: Stretch | None,
                     candidates: Sequence[Candidate], linker: Linker) -> tuple[str, float] | None:
    """The institution of the article the post is most likely held in, when one scores above threshold.
    When the article names another of its kind and the post's words do not say which ("Polres Rokan
    Hulu dan Polres Kampar ... Kapolres X"), none."""
    best: tuple[float, Candidate, list[str]] | None = None
    for org in candidates:
        feats = pair_features(text, sentence_of, post, post_words, holder, org, candidates)
        prob = linker.probability(feats)
        if prob >= linker.threshold and (best is None or prob > best[0]):
            best = (prob, org, feats)
    if best is None:
        return None
    prob, org, feats = best
    if not SAYS_WHICH & set(feats) and any(o.key != org.key and o.head == org.head for o in candidates):
        return None
    return org.key, prob


def candidates_of(orgs: Sequence[OrgHit]) -> list[Candidate]:
    """The article's institutions, one candidate per key with all its mentions."""
    mentions: dict[str, list[Stretch]] = {}
    names: dict[str, list[str]] = {}
    for o in orgs:
        mentions.setdefault(o.key, []).append(Stretch(o.start, o.end))
        names.setdefault(o.key, [o.label]).extend(n for n in (o.text, *o.alt_labels) if n not in names[o.key])
    return [candidate(key, ms, names[key]) for key, ms in mentions.items()]


def _post_in(text: str, m: Membership) -> Stretch:
    """Where the post stands in the membership's evidence (the evidence itself when its words are not found)."""
    lowered = text[m.evidence.start:m.evidence.end].lower()
    for form in (m.role.label, *m.role.alt_labels):
        at = lowered.find(form.lower()) if form else -1
        if at >= 0:
            return Stretch(m.evidence.start + at, m.evidence.start + at + len(form))
    return Stretch(m.evidence.start, m.evidence.end)


def attach_institutions(text: str, sentence_of, memberships: Sequence[Membership],
                        persons: Sequence[tuple[str, Stretch]], orgs: Sequence[OrgHit],
                        linker: Linker | None, regional: Sequence[Stretch] = ()) -> list[Membership]:
    """Each membership without an institution gets the article's most likely one, when one scores
    above threshold. `persons`: (person key, where the person is named). `regional`: where posts that
    name their region or a foreign country stand ("Bupati Siak", "Presiden Iran"): the region says where
    the post is held, and an institution of the article is of another ("Pemkab Bengkalis"), else the rules
    would have placed the post in it. A task at an event (panelis, moderator) and a post held for a person
    ("Sekretaris Pribadi") are held in none. A post whose kind of institution the lexicon knows
    (kg/lexicons/post_institution_kinds.tsv: a Menteri in a Kementerian) takes one of that kind, an analyst's
    none that is a state body or party. An institution named only in what the holder says is no
    candidate; one the text gives to another person (in their brackets, in their post phrase) is no choice:
    the linker's evidence then is that other person's, and the post gets none."""
    candidates = candidates_of(orgs)
    if linker is None or not candidates:
        return list(memberships)
    kind_of = {o.key: o.type for o in orgs}
    quoted = quoted_spans(text)
    brackets = [(key, Stretch(b.start(1), b.end(1))) for key, p in persons
                if (b := ROLE_BRACKETS.match(text, p.end)) is not None]
    out = []
    for m in memberships:
        if m.organization is None and m.role.label.casefold() not in event_tasks() \
                and m.role.label.casefold() not in personal_posts() and not any(
                m.evidence.start <= r.start and r.end <= m.evidence.end for r in regional):
            post = _post_in(text, m)
            holder = next((s for key, s in persons if key == m.person and m.evidence.start <= s.start
                           and s.end <= m.evidence.end and not (s.start < post.end and post.start < s.end)), None)
            own = next((b for key, b in brackets if key == m.person and b.start <= post.start and post.end <= b.end),
                       None)  # "Nawawi Pomolango (Hakim)": the brackets say who he is, with his institution if any
            served = _governments_served(m.role.label)
            head = post_head(m.role.label)
            by_head = institutions_by_post_head("post_institution_kinds")
            kinds = by_head.get(m.role.label.casefold(), by_head.get(head))  # the whole post ("ketua rt"), else its head
            unfitting = institutions_by_post_head("post_unfitting_institutions").get(head, ())
            fitting = [c for c in candidates if (served is None or kind_of[c.key] in served)
                       and (kinds is None or kinds == (INDEPENDENT,) or _of_kind(c, kinds)) and not _of_kind(c, unfitting)
                       and not _in_reported_speech(text, sentence_of, holder, c, quoted)
                       and (own is None or any(own.start <= s.start and s.end <= own.end for s in c.mentions))]
            best = best_institution(text, sentence_of, post, m.role.label, holder, fitting, linker) if fitting else None
            chosen = next((c for c in fitting if best is not None and c.key == best[0]), None)
            if chosen is not None and not _of_another_s_brackets(chosen, m.person, brackets) \
                    and not _another_short_form_after(text, post, m.role.label, chosen) \
                    and not (kinds == (INDEPENDENT,) and _public_body(chosen, kind_of[chosen.key])) \
                    and not _named_with_another_s_post(sentence_of, holder, chosen, m.person, memberships) \
                    and not _where_the_holder_comes_from(text, sentence_of, post, holder, chosen):
                m = replace(m, organization=chosen.key)  # the linker's choice, unless the text gives it to another
        out.append(m)
    return _one_each(out)


SHORT_FORM_AFTER = re.compile(r"\s+([A-Z]{3,6})(?![\w-])")
INSTITUTION_OPENING_AFTER = re.compile(r"\s+([A-Z][a-z]+)(?:\s+[A-Z][\w-]*)+")  # "Ketua Konsorsium PNRI", "Ketua Yayasan Bina ..."
BOARD_WORDS = frozenset({"DPP", "DPD", "DPW", "DPC", "PAC"})  # a party's or association's board, its name after


def _another_short_form_after(text: str, post: Stretch, label: str, org: Candidate) -> bool:
    """The post is written with an institution's short form after it that is not this institution's ("ujar
    Bambang, Ketua HMI Cirebon": not the KPK the article is about), or with a word that opens another
    institution's name ("Ketua Konsorsium PNRI"); a region's ("Kapolda NTB"), a rank, a
    board's word or a unit after a unit head's post ("Kabid IKP") says nothing."""
    if (opening := INSTITUTION_OPENING_AFTER.match(text, post.end)) and opening.group(1) in lexicon_words("institution_opens") \
            and not {w.casefold() for w in opening.group().split()} & set(_words(org.words)):
        return True  # "Ketua Konsorsium PNRI": the consortium the article names no further, not its KPK (but
        # "Ketua Majelis DKPP": a council of the DKPP)
    after = SHORT_FORM_AFTER.match(text, post.end)
    if after is None or label.split()[0] in unit_heads():
        return False
    short = after.group(1)
    if short in BOARD_WORDS or short in lexicon_words("region_aliases") or short in lexicon_words("ranks"):
        return False
    return short.casefold() not in _words(org.words)


SPEECH_VERB = re.compile(rf"\b(?:{alternation(sorted(speech_verbs()))})\b", re.IGNORECASE)
ROLE_BRACKETS = re.compile(r"\s*\(([^()\n]{1,80})\)")  # "Roby Arya (PNS Sekretariat Kabinet)": who the name is


def _of_another_s_brackets(org: Candidate, person: str, brackets: Sequence[tuple[str, Stretch]]) -> bool:
    """Whether the institution is named only in brackets after another person's name, saying who that one is:
    "Roby Arya (PNS Sekretariat Kabinet), ... Nurul Ghufron (dosen)" is no lecturer of the Cabinet Secretariat."""
    return all(any(key != person and b.start <= m.start and m.end <= b.end for key, b in brackets)
               for m in org.mentions)


def _in_reported_speech(text: str, sentence_of, holder: Stretch | None, org: Candidate,
                        quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether the institution is named only in what the holder is reported to say, after a speech verb of
    the holder's sentence, or in quotation marks: "pakar komunikasi Sony Subrata menilai, hal ini seharusnya
    dilakukan Pemerintah Indonesia" is no expert of the government."""
    if holder is None:
        return False
    verb = SPEECH_VERB.search(text, holder.end, holder.end + 60)
    if verb is None or sentence_of(verb.start()) != sentence_of(holder.start):
        return False
    return all((m.start >= verb.end() and sentence_of(m.start) == sentence_of(holder.start))
               or any(a <= m.start and m.end <= b for a, b in quoted) for m in org.mentions)


def _named_with_another_s_post(sentence_of, holder: Stretch | None, org: Candidate, person: str,
                               memberships: Sequence[Membership]) -> bool:
    """Whether the institution is named only in the holder's sentence, in another person's post phrase:
    "Pengamat politik Ireng Maulana mengapresiasi Kepala BIN Budi Gunawan" is no analyst of BIN."""
    if holder is None:
        return False
    return all(sentence_of(m.start) == sentence_of(holder.start) and any(
        o.person != person and o.organization == org.key and o.evidence.start <= m.start and m.end <= o.evidence.end
        for o in memberships) for m in org.mentions)


COMES_FROM = re.compile(r"\s*,?\s*dari\s+$")


def _where_the_holder_comes_from(text: str, sentence_of, post: Stretch, holder: Stretch | None,
                                 org: Candidate) -> bool:
    """Whether the institution is named in the holder's sentence only right after his name with "dari", his
    post standing before the name: "Komisi 4, Ketua A dari Fraksi Persatuan, Wakil Ketua Joane Irwan dari
    Fraksi PDI Perjuangan" names the faction each comes from, not the body whose officers they are; a
    member ("Anggota , dari Fraksi PPP") is one of the faction's."""
    if holder is None or post.start > holder.start or post_head(text[post.start:post.end]) == "anggota":
        return False
    here = [m for m in org.mentions if sentence_of(m.start) == sentence_of(holder.start)]
    return bool(here) and all(COMES_FROM.fullmatch(text, holder.end, m.start) is not None for m in here)


INDEPENDENT = "independent"


@cache
def institutions_by_post_head(name: str) -> dict[str, tuple[str, ...]]:
    """Post head word → the first words of institutions' names, from a lexicon of that shape:
    kg/lexicons/post_institution_kinds.tsv (what the linker may give the post, or ("independent",)) and
    kg/lexicons/post_unfitting_institutions.tsv (what it may not: a Ketua in no ministry or government)."""
    return {row[0]: split_list(row[1]) for row in lexicon(name)}


def _of_kind(org: Candidate, kinds: tuple[str, ...]) -> bool:
    """Whether the institution's name begins as the post's kind of institution does: "Menteri Bambang" is held
    in a Kementerian, not in the company the article is about."""
    name = org.words.split(" ")
    return any(name[:len(k.split())] == k.split() for k in kinds)


def _public_body(org: Candidate, org_type: str) -> bool:
    """A body of kg/lexicons/org_types.tsv (state bodies, parliaments, parties, but also the media and social
    networks they list), a party, or one named as a state body: no analyst's or lawyer's institution
    ("pengamat politik ... BIN" comments on it, "advokat ... Instagram" reports an account on it)."""
    return org_type not in RESEARCH_BODIES and (org_type != "other"
                                                or org.words.split(" ")[0] in lexicon_words("state_body_openers"))


def _governments_served(label: str) -> frozenset[str] | None:
    """The kinds of government a regional head's post is held in ("Gubernur": a Pemprov, not the Pemkab
    of the article's regency; "Kades": none of the article's, not its village council), None for any
    other post: the gold articles hold 110 regional heads' posts, none in another kind of institution."""
    definition = definition_of(label)
    if definition is None or definition.kind != "area":
        return None
    return frozenset(definition.serves) & GOVERNMENTS


def _one_each(memberships: list[Membership]) -> list[Membership]:
    """One membership per person, post and institution (an attached institution can make two the same):
    the more confident one, where the first stood."""
    best: dict[tuple, Membership] = {}
    for m in memberships:
        ident = (m.person, m.role.key, m.organization)
        if ident not in best or m.confidence > best[ident].confidence:
            best[ident] = m
    order = list(dict.fromkeys((m.person, m.role.key, m.organization) for m in memberships))
    return [best[ident] for ident in order]
