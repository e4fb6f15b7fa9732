"""Who holds which post: the membership records of an article, from the rules' post-name pairs, the post
linker's choices for the names the rules left without a post, the lists after a group's post, and the
institution each one holds the post in.

`article_memberships` is the one entry point `kg.nlp.extract` calls; the helpers below are its steps.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from dataclasses import replace
from functools import cache

from kg.nlp.listed import CANDIDATES, GROUP, Listed, event_tasks, group_role, listed_holders
from kg.nlp.orgs import OrgHit, institution_short_forms
from kg.nlp.persons import PersonHit
from kg.nlp.pipeline import Analysis
from kg.nlp.places import country_at
from kg.nlp.post_institution import attach_institutions
from kg.nlp.post_linker import PostLinkers, Stretch, best_holders, best_org, list_head
from kg.nlp.posts import (ORDINAL_AFTER, TICKET_BEFORE, Holding, PostHit, abbreviates, definition_of, holder_cut,
                          ends_opening_clause, not_held_by_name_after, of_another, post_defs, post_qualifier, post_words,
                          role_for)
from kg.nlp.quotes import before_verb, is_kin, quoted_spans, reporting_verbs
from kg.nlp.text import CUT_SLOT, DEMONSTRATIVE, alternation, overlaps, slug
from kg.records import Article, Membership, Mention
from kg.regions import gazetteer
from kg.resources import lexicon, post_head_words, split_list
from kg.resources import words as words_of


def article_memberships(article: Article, analysis: Analysis, posts: list[PostHit], persons: list[PersonHit],
                        orgs: list[OrgHit], holdings: list[Holding], keys: dict[PersonHit, str],
                        linker: PostLinkers | None) -> list[Membership]:
    """The article's memberships, in the order the steps need: the rules' pairs, the linker's, the lists';
    then the institutions a post implies, the linker's institution for the rest, what lists and
    "bersama" share, no bare repeat of a placed post and one membership per post however written."""
    text = article.text
    memberships = _memberships(holdings, keys, analysis, article, [Stretch(h.start, h.end) for h in persons])
    memberships += _learned_memberships(text, analysis, posts, persons, orgs, keys, memberships, linker,
                                       article.published)
    listed = listed_holders(text, analysis.sentences, posts, persons, {(h.post.start, h.post.end) for h in holdings})
    memberships += _listed_memberships(text, analysis, listed, orgs, keys, memberships)
    memberships = _chairs_of_lists(text, analysis, listed, keys, memberships)
    named = orgs + [p.org for p in posts if p.org is not None]
    memberships = _implied_orgs(memberships, named, posts)
    if linker is not None:
        memberships = attach_institutions(text, analysis.sentence_at, memberships,
                                          [(keys[h], Stretch(h.start, h.end)) for h in persons],
                                          named, linker.institution,
                                          [Stretch(p.start, p.end) for p in posts if p.area is not None
                                           or country_at(text, ABBREVIATION_AFTER.match(text, p.word_end).end())
                                           is not None or (p.org is None and CUT_SLOT.match(text, p.end) is not None)])
    memberships = _heads_of_state(_divisions_in_colleagues_bodies(memberships, named), keys, article.published)
    memberships = _of_the_late(text, _of_that_time(text, _of_acting_groups(text, memberships)), keys)
    memberships = _of_the_replaced(text, _of_the_resigned(text, _of_earlier_volumes(text, memberships)), keys)
    memberships = _in_office_then(_of_the_elected(text, analysis, memberships, keys, named, article.published), keys,
                                  article.published)
    memberships = _of_campaigns_over(text, memberships, named)
    memberships = _without_tickets(text, _without_witnesses_of_cases(text, analysis, memberships))
    return _one_per_post(_without_bare_repeats(_lists_share_institution(_along_with(text, memberships))))


NAME_LIST_GAP = re.compile(r"\s*(?:\([^()]{0,60}\))?\s*,\s*(?:(?:dan|serta)\s+)?|\s*(?:\([^()]{0,60}\))?\s+(?:dan|serta)\s+")
KNOWN_AS = re.compile(r"\b(?:dikenal|dijuluki|digelari|julukan)\s+(?:sebagai\s+)?(?:sang\s+)?$")
ABBREVIATION_AFTER = re.compile(r"\s*(?:\([A-Za-z./-]{1,12}\)\s*)?")  # "Perdana Menteri (PM) Malaysia": then the country


@cache
def _post_pair() -> re.Pattern[str]:
    """'Bupati dan Wakil Bupati', 'Presiden dan Wakil Presiden': a post elected with its deputy (a regional
    head of kg/lexicons/posts.tsv, a head of state), named as the pair."""
    heads = {d.label for d in post_defs().values() if d.kind == "area"} | {r[0] for r in lexicon("heads_of_state")}
    return re.compile(rf"\b(?P<post>{alternation(heads)})\s+dan\s+Wakil?\s+(?P=post)\b")


ELECTED_AFTER = re.compile(r"[^.,;]{0,40}?\bterpilih\b")  # "Bupati dan Wakil Bupati Madina terpilih"
DESIGNATED_BEFORE = re.compile(r"\bsebagai\s+$")  # "menetapkan A dan B sebagai Gubernur dan Wakil Gubernur Bali"


def _without_tickets(text: str, memberships: list[Membership]) -> list[Membership]:
    """No post from a ticket's pair of posts: the names by "pasangan calon Bupati dan Wakil Bupati",
    "sebagai Gubernur dan Wakil Gubernur Bali", "Bupati dan Wakil Bupati Polman terpilih" run for them
    or won them, and hold neither yet."""
    tickets = [(m.start(), m.end()) for m in _post_pair().finditer(text)
               if TICKET_BEFORE.search(text, max(0, m.start() - 40), m.start())
               or DESIGNATED_BEFORE.search(text, max(0, m.start() - 10), m.start())
               or ELECTED_AFTER.match(text, m.end())]
    return [m for m in memberships
            if not any(overlaps(m.evidence.start, m.evidence.end, *ticket) for ticket in tickets)]


@cache
def _acting_group() -> re.Pattern[str]:
    """"Penjabat kades yang dilantik ... yaitu Kades Matarape, A; Kades Ulunipa, B", "melantik 12 Pj Kades": acting
    holders of a post (a qualifier of kg/lexicons/post_qualifiers.tsv meaning "acting", in either case), named as a
    group before the list of who they are."""
    acting = alternation(r[0] for r in lexicon("post_qualifiers") if r[1] == "acting")
    return re.compile(rf"(?<![\w-])(?i:{acting})\s+(?P<post>[A-Za-z]+)\s+(?:yang\s+(?:baru\s+)?dilantik|yaitu|yakni|"
                      rf"antara lain|\d+|:)|\b(?:\d+|para|sejumlah|puluhan|belasan)\s+(?i:{acting})\s+(?P<counted>[A-Za-z]+)")


def _of_acting_groups(text: str, memberships: list[Membership]) -> list[Membership]:
    """Posts held by a group the article calls acting before it lists them ("Penjabat kades yang dilantik
    untuk Kecamatan Menuai yaitu Kades Matarape, Tahang Arsad ...; Kades Ulunipa, Hasrun Laris ..."): each
    such post named after it is held acting, the list running on past its sentence."""
    groups = [(m.start(), (m.group("post") or m.group("counted")).casefold()) for m in _acting_group().finditer(text)]
    if not groups:
        return memberships
    return [replace(m, qualifier="acting") if m.qualifier is None and any(
        at < m.evidence.start and m.role.label.split()[0].casefold() == post for at, post in groups) else m
        for m in memberships]


def _of_that_time(text: str, memberships: list[Membership]) -> list[Membership]:
    """A post with "saat itu" (or "ketika itu", "waktu itu", "kala itu") right after it, its region
    (or "terpilih") between, was held then, not now: "Wali Kota Malang saat itu, Moch Anton", "Moch Anton, Wali Kota
    Malang saat itu"; after the holder's name it dates a deed instead ("kata Kapolres X saat itu")."""
    out = []
    for m in memberships:
        at = text.find(m.role.label, m.evidence.start, m.evidence.end + len(m.role.label)) \
            if m.qualifier in (None, "elect") else -1
        then = THEN_AFTER.match(text, at + len(m.role.label)) if at >= 0 else None
        if then and (then.end() < m.evidence.end or m.evidence.start < at and m.evidence.end <= then.start("then")):
            m = replace(m, qualifier="former")  # the word before the name, or the name before the post
        out.append(m)
    return out


VOLUME = re.compile(r"\b[Jj]ilid\s+(?P<n>[IVX]+|\d+)\b")
ROMAN = {"I": 1, "V": 5, "X": 10}


def _volume(numeral: str) -> int:
    """The number a volume is written with ("IV": 4, "5": 5)."""
    if numeral.isdigit():
        return int(numeral)
    values = [ROMAN[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _of_earlier_volumes(text: str, memberships: list[Membership]) -> list[Membership]:
    """A post dated by a body's "jilid" (its numbered leadership) older than one the article also names
    ("Taufiequrachman Ruki (Ketua KPK Jilid I)" beside "pimpinan jilid IV yang dikomandoi Agus Rahardjo") was
    held formerly: the phrase itself ("Ketua KPK jilid II Taufiequrachman Ruki"), or what follows it up to its
    closing bracket or comma, gives the volume."""
    volumes = {m.start(): _volume(m.group("n")) for m in VOLUME.finditer(text)}
    if len(set(volumes.values())) < 2:
        return memberships
    latest = max(volumes.values())
    out = []
    for m in memberships:
        phrase = SENTENCE_REST.match(text, m.evidence.end).group()
        close = min((i for i in (phrase.find(")"), phrase.find(",")) if i >= 0), default=len(phrase))
        vol = VOLUME.search(m.evidence.text) or VOLUME.search(phrase[:close])
        if vol is not None and m.qualifier is None and _volume(vol.group("n")) < latest:
            m = replace(m, qualifier="former")
        out.append(m)
    return out


CAMPAIGN_WORDS = re.compile(r"\b(?:Tim|Badan)\s+(?:Kampanye|Pemenangan|Sukses)\b|\b(?:TKN|TKD|BPN)\b")
SENTENCE_REST = re.compile(r"[^.;!?\n]*")


@cache
def _election_over() -> re.Pattern[str]:
    """"pada Pilpres 2019 lalu": an election of kg/lexicons/elections.tsv, its year, and "lalu": over."""
    names = alternation([r[0] for r in lexicon("elections")])
    return re.compile(rf"\b(?:{names})\s+(?:[A-Z][\w-]*\s+)?(?:19|20)\d\d\s+(?:yang\s+)?lalu\b", re.IGNORECASE)


def _of_campaigns_over(text: str, memberships: list[Membership], orgs: list[OrgHit]) -> list[Membership]:
    """A post in a campaign team ("Ketua Tim Pemenangan ... untuk Kota Jayapura pada Pilpres 2019 lalu") whose
    sentence calls its election past was held then: the team ends with the election."""
    team = {o.key for o in orgs if o.type == "campaign_team" or CAMPAIGN_WORDS.search(o.label)}
    out = []
    for m in memberships:
        if m.qualifier is None and (m.organization in team or CAMPAIGN_WORDS.search(m.role.label)):
            rest = SENTENCE_REST.match(text, m.evidence.end).group()
            if _election_over().search(rest):
                m = replace(m, qualifier="former")
        out.append(m)
    return out


@cache
def _election_count() -> re.Pattern[str]:
    """An election (kg/lexicons/elections.tsv) or its count, where a "saksi" is a ticket's or party's witness."""
    names = alternation([r[0] for r in lexicon("elections")])
    return re.compile(rf"\b(?:{names}|rekapitulasi|pleno|TPS|paslon|pasangan\s+calon)\b", re.IGNORECASE)


CASE_WORDS = re.compile(r"\b(?:terdakwa|dakwaan|sidang|persidangan|diperiksa|tersangka|penyidik)\b", re.IGNORECASE)


def _without_witnesses_of_cases(text: str, analysis: Analysis, memberships: list[Membership]) -> list[Membership]:
    """A "saksi" holds a post only as an election's witness (a ticket's or party's at the count); one in a
    trial or an investigation ("terdakwa bersama saksi X", "diperiksa sebagai saksi"), or in an article
    on no election, is a witness of a case."""
    if not any(m.role.label.casefold().startswith("saksi") for m in memberships):
        return memberships
    election = _election_count().search(text) is not None
    out = []
    for m in memberships:
        sent = analysis.sentences[m.sentence]
        if m.role.label.casefold().startswith("saksi") and (
                not election or CASE_WORDS.search(text, sent.start, sent.end)):
            continue
        out.append(m)
    return out


# "Edy Mulyadi Soepardi (Alm)", "almarhum Taufiq Kiemas", "mendiang Ani Yudhoyono": someone who has died
LATE_AFTER = re.compile(r"\s*\((?:[Aa]lm|[Aa]lmh|[Aa]lmarhum|[Aa]lmarhumah)\.?\)")
LATE_BEFORE = re.compile(r"\b(?:[Aa]lmarhum|[Aa]lmarhumah|[Mm]endiang|[Aa]lm\.|[Mm]akam|[Pp]usara)\s+$")  # or their grave


def _of_the_late(text: str, memberships: list[Membership], keys: dict[PersonHit, str]) -> list[Membership]:
    """The posts of someone the article calls late ("(Alm)", "almarhum", "mendiang", before the name or
    the post: "mendiang Ketua MPR Taufiq Kiemas") or whose grave it names ("ziarah ke Makam Panglima Besar
    Jenderal Sudirman") were held formerly."""
    late = {key for hit, key in keys.items()
            if LATE_AFTER.match(text, hit.end) or LATE_BEFORE.search(text, max(0, hit.start - 12), hit.start)}
    return [replace(m, qualifier="former") if m.qualifier is None and (m.person in late or LATE_BEFORE.search(
        text, max(0, m.evidence.start - 12), m.evidence.start)) else m for m in memberships]


# "Menpora Imam Nahrawi sebelumnya mengundurkan diri dari kabinet", "Menteri Sosial Idrus Marham, juga mengundurkan
# diri dari Kabinet Kerja": the post left; not "akan mundur" (still held) nor "Menpora Imam Nahrawi mundur dari
# jabatannya" (the news of the day, a post the text still calls his: the cabinet left, or a post left already)
RESIGNED_AFTER = re.compile(r",?\s+(?:(?P<done>sebelumnya|telah|sudah|resmi)\s+|(?:juga|pun)\s+)*"
                            r"(?:mengundurkan\s+diri|mundur)\s+dari\s+(?:(?P<cabinet>[Kk]abinet)|jabatan(?:nya)?|posisi(?:nya)?|kursi)\b")


def _of_the_resigned(text: str, memberships: list[Membership]) -> list[Membership]:
    """The post of a holder the sentence says resigned from it, right after the post and name ("Menteri Pemuda
    dan Olahraga Imam Nahrawi sebelumnya mengundurkan diri dari kabinet") was held formerly."""
    out = []
    for m in memberships:
        resigned = RESIGNED_AFTER.match(text, m.evidence.end) if m.qualifier in (None, "acting") else None
        out.append(replace(m, qualifier="former") if resigned and (resigned.group("done") or resigned.group("cabinet"))
                   else m)
    return out


REPLACED_BEFORE = re.compile(r"\bmenggantikan\s+(?:posisi\s+|jabatan\s+)?$")


def _of_the_replaced(text: str, memberships: list[Membership], keys: dict[PersonHit, str]) -> list[Membership]:
    """The post of someone another replaces in its sentence ("Kades Padei Barat, Yusuf Beddu menggantikan
    Ritno") was held formerly."""
    replaced = {(key, hit.start) for hit, key in keys.items()
                if REPLACED_BEFORE.search(text, max(0, hit.start - 30), hit.start)}
    return [replace(m, qualifier="former") if m.qualifier in (None, "acting") and any(
        key == m.person and m.evidence.start <= at < m.evidence.end for key, at in replaced) else m
        for m in memberships]


# "terpilihnya Firli Bahuri sebagai ketua KPK", "Komisi III memilih Irjen Firli sebagai Ketua", "Rudy terpilih menjadi Ketua
# DPRD": a post of a state body someone was elected to, not yet in office (not one re-elected, "terpilihnya kembali Jokowi":
# the incumbent; not a party's or association's, whose chair holds it once the congress elects him)
ELECTED_BEFORE = re.compile(r"\b(?:terpilihnya|terpilih|dipilih|memilih)\s+(?:[A-Z][\w.]*\s+){0,3}$")
ELECTED_AS = re.compile(r"\s+(?:sebagai|menjadi)\s+(?P<head>[\w-]+)")
ELECTED_AFTER = re.compile(r",?\s+(?:(?:resmi|telah|sudah|akhirnya|yang)\s+)*(?:terpilih|dipilih)"
                           r"\s+(?:sebagai|menjadi)\s+(?P<head>[\w-]+)")
UNELECTED_TYPES = frozenset({"other", "party", "campaign_team"})
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
SINCE_ELECTED = re.compile(r"\b(?:sejak|semenjak|ketika|saat|kala|pernah|sempat)\s+(?:[\w.]+\s+){0,4}$", re.IGNORECASE)


def _of_the_elected(text: str, analysis: Analysis, memberships: list[Membership], keys: dict[PersonHit, str],
                    orgs: list[OrgHit], published: date | None) -> list[Membership]:
    """A state body's post the article says someone was elected to ("terpilihnya Firli Bahuri sebagai ketua
    KPK") is held elect wherever the article names it, unless the sentence dates the election before the year
    the article was published ("Jokowi terpilih sebagai Presiden pada 2014") or since then ("sejak
    terpilih"): in office since."""
    elected: set[tuple[str, str]] = set()
    for hit, key in keys.items():
        cue = ELECTED_AFTER.match(text, hit.end)
        if cue is None and ELECTED_BEFORE.search(text, max(0, hit.start - 40), hit.start):
            cue = ELECTED_AS.match(text, hit.end)
        if cue is None or SINCE_ELECTED.search(text, max(0, hit.start - 50), hit.start):
            continue  # "sejak Jokowi terpilih sebagai presiden": in office since
        sentence = analysis.sentences[analysis.sentence_at(hit.start)]
        if published is not None and any(int(y.group()) < published.year
                                          for y in YEAR.finditer(text, sentence.start, sentence.end)):
            continue
        elected.add((key, cue.group("head").casefold()))
    state = {o.key for o in orgs if o.type not in UNELECTED_TYPES}
    return [replace(m, qualifier="elect") if m.qualifier is None and m.organization in state
            and (m.person, m.role.label.split()[0].casefold()) in elected else m for m in memberships]


def _heads_of_state(memberships: list[Membership], keys: dict[PersonHit, str], published: date | None) -> list[Membership]:
    """A president or vice president of Indonesia (kg/lexicons/heads_of_state.tsv), or a president, vice
    president or prime minister of another country (kg/lexicons/foreign_heads_of_state.tsv), holds the post
    in no institution of the article ("putusan MA yang menolak kasasi Presiden Joko Widodo": not the MA's);
    one whose every term begun by the day the article was published had ended held it formerly ("era
    Presiden Soekarno", "Presiden Mesir Hosni Mubarak" in 2019, Donald Trump in 2022), whatever the sentence
    says; one in office then stays current. The Nth one ("Presiden ke-3 RI Habibie", "presiden ketiga") holds
    that title for good: the post is "Presiden ke-3", current. A bare "menteri" before a president's name is the president's minister ("menteri
    Jokowi"), no post of the president's."""
    names = _name_forms(keys)
    spans = _term_spans()
    out = []
    for m in memberships:
        if m.role.label.casefold() == "menteri" and any(("Presiden", name) in spans for name in names[m.person]):
            continue  # "Idrus Marham merupakan menteri Jokowi": the president's minister, not the president
        post, numbered = _numbered(m.role.label)
        terms = [span for name in names[m.person] for span in spans.get((post, name), ())]
        if terms and m.organization is not None:
            m = replace(m, organization=None)
        if published is None:
            out.append(m)
            continue
        ends = [last for first, last in terms if first <= published]  # a later term is not yet held
        nth = numbered or (ORDINAL_AFTER.match(m.evidence.text, m.evidence.text.find(post) + len(post))
                           if post in _ordered_terms() and post in m.evidence.text else None)
        if nth and m.qualifier in (None, "former"):  # "Presiden ke-3 RI Jusuf Habibie": the third president, a
            # title he holds for good, whatever the name
            title = post + " " + " ".join(nth.group().split())
            out.append(replace(m, role=replace(m.role, key=f"role:{slug(title)}", label=title,
                                               alt_labels=tuple(dict.fromkeys((*m.role.alt_labels, post)))),
                               qualifier=None))
            continue
        if ends and m.qualifier is None and all(end is not None and end < published for end in ends):
            m = replace(m, qualifier="former")
        out.append(m)
    return out


def _numbered(label: str) -> tuple[str, re.Match[str] | None]:
    """The post of the table a post phrase names and its number in it, when the phrase holds the number
    ("Presiden Ketiga Republik Indonesia", "Presiden ke-3 RI": the third Presiden); else the phrase."""
    for post in sorted(_ordered_terms(), key=len, reverse=True):
        if label.startswith(post + " ") and (nth := ORDINAL_AFTER.match(label, len(post))):
            return post, nth
    return label, None


@cache
def _ordered_terms() -> dict[str, tuple[date | None, ...]]:
    """Each post → the last day of its terms in order: the third "Presiden" row is the third president,
    the twelfth "Wakil Presiden" row the twelfth vice president (Jusuf Kalla's second term)."""
    rows: dict[str, list[tuple[str, date | None]]] = defaultdict(list)
    for post, _, first, last, *_ in lexicon("heads_of_state"):
        rows[post].append((first, date.fromisoformat(last) if last else None))
    return {post: tuple(last for _, last in sorted(terms, key=lambda t: t[0])) for post, terms in rows.items()}


def _name_forms(keys: dict[PersonHit, str]) -> dict[str, set[str]]:
    """Each person → the slugs of the names the article writes for them."""
    names: dict[str, set[str]] = defaultdict(set)
    for hit, key in keys.items():
        names[key].add(slug(hit.name))
    return names


def _in_office_then(memberships: list[Membership], keys: dict[PersonHit, str],
                    published: date | None) -> list[Membership]:
    """A head of state or government "terpilih" in an article published during a term of theirs
    (kg/lexicons/heads_of_state.tsv, foreign_heads_of_state.tsv) holds the post, elect no longer ("Wakil
    Presiden terpilih Ma'ruf Amin" written six days after the inauguration)."""
    if published is None:
        return memberships
    names = _name_forms(keys)
    spans = _term_spans()
    return [replace(m, qualifier=None) if m.qualifier == "elect" and any(
        first <= published and (last is None or published <= last)
        for name in names[m.person] for first, last in spans.get((m.role.label, name), ())) else m
        for m in memberships]


@cache
def _term_spans() -> dict[tuple[str, str], tuple[tuple[date, date | None], ...]]:
    """(post, name form) → the first and last day of each of that person's terms (None: in office), at
    home and abroad."""
    spans: dict[tuple[str, str], list[tuple[date, date | None]]] = defaultdict(list)
    for post, names, first, last, *_ in (*lexicon("heads_of_state"), *lexicon("foreign_heads_of_state")):
        for name in split_list(names):
            spans[(post, slug(name))].append((date.fromisoformat(first), date.fromisoformat(last) if last else None))
    return {k: tuple(v) for k, v in spans.items()}


def _memberships(holdings: list[Holding], keys: dict[PersonHit, str], analysis: Analysis,
                 article: Article, names: list[Stretch]) -> list[Membership]:
    seen = set()
    out = []
    for h in holdings:
        wider = _model_phrase_ending_with(article.text, analysis, h.post, names)
        role = role_for(wider[0], None) if wider else role_for(h.post.label, h.post.definition)
        org = h.post.org.key if h.post.org else None
        ident = (keys[h.person], role.key, org, h.post.qualifier)
        if ident in seen:
            continue
        seen.add(ident)
        sentence = analysis.sentence_at(h.start)
        out.append(Membership(keys[h.person], role, org, sentence,
                              Mention(h.start, h.end, article.text[h.start:h.end], sentence),
                              h.person.rank, h.post.qualifier or (wider[1] if wider else None)
                              or _term_after(article.text, h.post.end, article.published),
                              0.9 if h.start == h.post.start else 0.8))
    return out


def _model_phrase_ending_with(text: str, analysis: Analysis, post: PostHit,
                              names: list[Stretch]) -> tuple[str, str | None] | None:
    """The model's post phrase that ends where the rules' post words end and begins before them, when the
    lexicon knows only its last words ("Plt Kepala Pusat Data, Informasi dan Humas" BNPB, of which the rules
    read "Humas"): the post as written, and the term its opening qualifier gives ("Plt": acting); None where
    that qualifier says nobody here holds it ("calon")."""
    end = post.word_end if post.word_end > 0 else post.end
    for e in analysis.entities:
        if e.label != "POST" or not (e.start < post.start < e.end):
            continue
        span = _post_words(text, Stretch(e.start, e.end), names)
        if span is None or span.end != end:
            continue
        words = text[span.start:end]
        opening = _qualifier_opening().match(words)
        term = post_qualifier(opening.group(1)) if opening else None
        words = words[opening.end():] if opening else words
        while (first := re.match(r"(\S+)\s+", words)) and first.group(1) in words_of("address_words"):
            words = words[first.end():]  # "Bapak Presiden": a form of address
        if term in ("none", "of") or words.split()[0].casefold() in words_of("not_posts") \
                or len(words.split()) <= len(post.label.split()) or post_words(words) == post.label:
            return None
        return words, term
    return None


@cache
def _qualifier_opening() -> re.Pattern[str]:
    """A qualifier of kg/lexicons/post_qualifiers.tsv opening a post phrase ("Plt Kepala Pusat ...")."""
    return re.compile(rf"({_qualifier_words()})\s+")


def _without_bare_repeats(memberships: list[Membership]) -> list[Membership]:
    """A post the article also gives the same person in an institution, repeated without one ("Ketua"
    after "Ketua KPU Tapin"), says nothing more: only the placed membership is kept. So does the bare
    head of a post the person holds in full ("menteri Jokowi" of a "Menteri Sosial")."""
    placed = {(m.person, m.role.key, m.qualifier) for m in memberships if m.organization}
    full = defaultdict(list)
    for m in memberships:
        if m.organization:
            full[m.person].append(m.role.label.casefold())
    return [m for m in memberships if m.organization or (
        (m.person, m.role.key, m.qualifier) not in placed
        and not any(label.startswith(f"{m.role.label.casefold()} ") for label in full[m.person]))]


def _one_per_post(memberships: list[Membership]) -> list[Membership]:
    """"Menteri Pemuda dan Olahraga Imam Nahrawi" and later "Menpora Imam Nahrawi": one post written
    two ways (the lexicon's acronym and its expansion) is one membership, the first, with the other's
    forms too (cross-validated: 2 false memberships fewer, none lost)."""
    out: list[Membership] = []
    written: list[set[str]] = []  # the forms of each kept membership's post
    for m in memberships:
        forms = {f.casefold() for f in (m.role.label, *m.role.alt_labels)}
        same = next((i for i, o in enumerate(out) if (o.person, o.organization, o.qualifier) ==
                     (m.person, m.organization, m.qualifier) and o.role.key != m.role.key
                     and forms & written[i]), None)
        if same is None:
            out.append(m)
            written.append(forms)
            continue
        written[same] |= forms
        role = out[same].role
        alts = tuple(dict.fromkeys(f for f in (*role.alt_labels, m.role.label, *m.role.alt_labels) if f != role.label))
        out[same] = replace(out[same], role=replace(role, alt_labels=alts))
    return out


def _lists_share_institution(memberships: list[Membership]) -> list[Membership]:
    """The names listed after one post ("enam anggota DKPP, yakni A, B, C dan D") hold it in one
    institution: where the linkers placed some of them and left the others without one, the others
    take it too (only when the list's members were given a single institution)."""
    groups: dict[tuple, set[str]] = defaultdict(set)
    for m in memberships:
        if m.organization:
            groups[(m.sentence, m.evidence.start, m.role.key)].add(m.organization)
    return [replace(m, organization=next(iter(orgs))) if m.organization is None and len(
        orgs := groups.get((m.sentence, m.evidence.start, m.role.key), set())) == 1 else m for m in memberships]


ALONG_WITH = re.compile(r"\b(?:bersama(?:\s+dengan)?|beserta|didampingi(?:\s+oleh)?)(?:\s+(?:para|seluruh|jajaran|sejumlah))?\s+$")


# between two post-name pairs of one list: "Ketua DPR Bambang Soesatyo, Wakil Ketua Fadli Zon"
NEXT_IN_LIST = re.compile(r"\s*[,;]\s*(?:(?:dan|serta)\s+)?|\s+(?:dan|serta)\s+")


def _along_with(text: str, memberships: list[Membership]) -> list[Membership]:
    """"Ketua KPU Kabupaten Kupang Nikson Mangoa bersama anggota Samsul Gole, ...": a post of no
    institution given "along with" the holder of a post of one is held in that institution; so is one
    that follows it in a list of posts and names ("Ketua DPR Bambang Soesatyo, Wakil Ketua Fadli Zon,
    Wakil Ketua Utut Adianto"): the institution is written once, at the list's head."""
    placed: list[Membership] = []  # in the order of the text, those held in an institution
    out: dict[int, Membership] = {}
    for i, m in sorted(enumerate(memberships), key=lambda im: im[1].evidence.start):
        earlier = [p for p in placed if p.sentence == m.sentence]
        definition = post_defs().get(m.role.label[:1].upper() + m.role.label[1:])
        if m.organization is None and definition is not None and definition.kind == "head" and earlier and (
                ALONG_WITH.search(text, max(0, m.evidence.start - 30), m.evidence.start)
                or NEXT_IN_LIST.fullmatch(text, earlier[-1].evidence.end, m.evidence.start)):
            m = replace(m, organization=earlier[-1].organization)
        if m.organization:
            placed.append(m)
        out[i] = m
    return [out[i] for i in range(len(memberships))]


def _one_holder(text: str, chosen: dict[Stretch, tuple[Stretch, str, float]]) -> dict[Stretch, tuple[Stretch, str, float]]:
    """A post one person holds ("dipimpin Wakil Ketua DPR ..., itu adalah A, B, C") goes to the likeliest of
    the names the linker gave it; a post many hold ("anggota", "para Kepala Dinas", "Ketua dan Anggota")
    stays with all of them."""
    by_post: dict[Stretch, list[Stretch]] = defaultdict(list)
    for person, (post, words, prob) in chosen.items():
        by_post[post].append(person)
    out = dict(chosen)
    for post, people in by_post.items():
        words = chosen[people[0]][1]
        if len(people) < 2 or " dan " in words or group_role(text, post.start) \
                or GROUP.search(text, max(0, post.start - 30), post.start):
            continue
        best = max(people, key=lambda p: chosen[p][2])
        for person in people:
            if person != best:
                del out[person]
    return out


# "anggota KPU ... yang dilantik Jokowi", "dipimpin oleh X": the name after a passive verb is its agent
PASSIVE_AGENT = re.compile(r"\byang\s+di[a-z]{3,}(?:kan|i)?\s+(?:oleh\s+)?$")
# "Menpora era Pemerintahan Susilo Bambang Yudhoyono (SBY), Andi Mallarangeng": a name that dates the post is not its holder
ERA_OF = re.compile(r"\b(?:era|zaman|masa|rezim|periode)\s+(?:(?:pertama|kedua|ketiga)\s+)?(?:(?:pemerintahan|kepemimpinan|kabinet)\s+)?"
                    r"(?:(?:Presiden|Gubernur|Bupati)\s+)?$", re.IGNORECASE)  # "tugas Menpora di periode kedua Jokowi"
# "kinerja Uu sebagai wakil gubernur": the word before "sebagai" names the post's holder, whoever the model reads as a name
HOLDER_NAMED_AS = re.compile(r"(?<![\w-])(?P<word>[A-Z][\w'-]*)\s+(?:sebagai|selaku)\s+$")
KIN_NAMED_AS = re.compile(r"\b(?P<kin>[a-z]+)\s+(?:(?:yang\s+)?(?:bertugas|menjabat|bekerja|berdinas|dilantik|diangkat|"
                          r"ditunjuk)\s+)?(?:sebagai|menjadi)\s+$")
CUT_HOLDER = re.compile(r"\s,\s+(?:sebagai|selaku)\s+$")
# "dua menterinya yang akan dilantik sebagai anggota DPR": the noun before "yang" holds the post, no name elsewhere
NOUN_NAMED_AS = re.compile(r"\b[a-z]\w*\s+yang\s+(?:(?:akan|telah|sudah|baru|resmi)\s+)*(?:dilantik|ditunjuk|diangkat|dipilih|"
                           r"terpilih|menjabat)\s+(?:sebagai|menjadi)\s+$")
# "perkelahian antara anggota Satlantas dengan Zaenal Abidin": the other party of an act, not the post's holder
OTHER_PARTY = re.compile(r"\b(?:dengan|melawan|terhadap)\s+$")
# "Presiden Jokowi didorong menunjuk Menteri Pemuda dan Olahraga baru": whom a verb of appointing names holds the post,
# not its subject
APPOINTING = re.compile(r"\b(?:menunjuk|mengangkat|melantik|memilih|mencopot|memberhentikan)\s+$")
# "kata Kapolres Kerinci melalui Kasat Narkoba Iptu Edi Mardi": who speaks for the post's holder, not the holder;
# "anggota KKB pimpinan Abu Razak": the group's leader, not its member
SPEAKS_FOR = re.compile(r"\b(?:melalui|lewat|diwakili)\b|\bpimpinan\s+$")


# a comma and a connective between a post and a name: the name opens the next clause ("paparan pemerintah yang
# diwakili Menkumham, lantas Fahri menanyakan ..."), it does not hold the post
NEW_CLAUSE = re.compile(r"\s*,\s*(?:lantas|lalu|kemudian|namun|sementara|sedangkan|tetapi|tapi|sehingga|maka)\s+")
# a post someone possesses ("Novanto dan penasihat hukumnya"): only the name apposed to it holds it ("penasihat hukumnya,
# Maqdir Ismail"), not a name before it (whose lawyer it is) nor one further on
POSSESSED = re.compile(r"(?!lain|(?:sebelum|selanjut|berikut|sebenar|sesungguh|akhir|biasa|se\w+)nya)[a-z]*nya(?![\w-])")
APPOSED_TO_POSSESSED = re.compile(r"\s+[a-z]+nya\s*,?\s*")


def _possessed(text: str, post: Stretch) -> bool:
    """The word right after the post ends in the possessive -nya ("penasihat hukumnya"; not the post's own
    word: "wakilnya adalah Nawawi" names the deputy)."""
    after = re.match(r"\s+([a-z]\S*)", text[post.end:post.end + 30])
    return after is not None and POSSESSED.fullmatch(after.group(1)) is not None


# "penasihat hukumnya, Andi", "dua wakilnya yakni Saut": the holder right after it
OWNED_APPOSED = re.compile(r"(?:nya)?\s*,?\s*(?:(?:yakni|yaitu|adalah|ialah)\s*:?\s*)?")


def _owned(text: str, post: Stretch) -> bool:
    """A post of two words or more whose last word takes the possessive -nya ("A dan penasihat hukumnya"): the post of
    someone the possessor has, held by a name right after it only; one word may be the post's own ("wakilnya, yaitu
    A")."""
    phrase = text[post.start:post.end + 3]
    return " " in phrase.strip() and re.search(r"\wnya$", phrase if phrase.endswith("nya") else phrase[:-3]) is not None


def _named_as_another(text: str, post: Stretch, person: Stretch, orgs: list[Stretch]) -> bool:
    """A word before "sebagai" right before the post names its holder ("kinerja Uu sebagai wakil gubernur"), or a
    slot the scraper emptied or a noun does, and it is not `person`'s. A word the news writes in lower case, a post
    ("diangkat Presiden sebagai Menko") or an institution's ("dari Partai Gerindra sebagai ...") names no holder."""
    kin = KIN_NAMED_AS.search(text, max(0, post.start - 40), post.start)
    if CUT_HOLDER.search(text, max(0, post.start - 20), post.start) \
            or NOUN_NAMED_AS.search(text, max(0, post.start - 60), post.start) or (kin and is_kin(kin.group("kin"))):
        return True  # "mengganti posisi , sebagai Menteri ...": the holder's name was cut; "menterinya yang akan
        # dilantik sebagai anggota DPR": a group the sentence does not name; "mengikuti ayahnya bertugas sebagai Duta
        # Besar": a relative
    named = HOLDER_NAMED_AS.search(text, max(0, post.start - 40), post.start)
    if named is None or person.start <= named.start() < person.end:
        return False
    word = named.group("word").casefold()
    return word not in words_of("common_words") and word not in post_head_words() \
        and not any(o.start <= named.start() < o.end for o in orgs)


def _institution_after_post(text: str, span: Stretch, said: list[str], analysis: Analysis) -> bool:
    """A model's post phrase that opens with an institution's short form right after another post phrase and
    its comma is that post's institution ("Kepala Bidang P2P, Dinkes Kobar Ahmad Sulkan"), not a post of its
    own as where a one-person body is one ("Hotma sebagai Panwaslu Desa Guwosari")."""
    return said[0] in institution_short_forms() and any(
        e.label == "POST" and e.end <= span.start and re.fullmatch(r"\s*,\s*", text[e.end:span.start])
        for e in analysis.entities)


def _learned_memberships(text: str, analysis: Analysis, posts: list[PostHit], persons: list[PersonHit],
                         orgs: list[OrgHit], keys: dict[PersonHit, str], found: list[Membership],
                         linker: PostLinkers | None, published: date | None = None) -> list[Membership]:
    """Posts for the persons the rules left without one: the post linker scores each person against the
    post phrases of its sentence (the lexicon's and the model's POST spans)."""
    if linker is None:
        return []
    held = {m.person for m in found}
    rule_posts = {Stretch(p.start, p.word_end if p.word_end > 0 else p.end): p for p in posts
                  if p.qualifier not in ("none", "of")}
    set_aside = [Stretch(p.start, max(p.end, p.word_end)) for p in posts if p.qualifier in ("none", "of")]
    longer = {}  # the model's post phrase where it holds the rules' and more ("Staf Ahli Gubernur", "Ketua Divisi Teknis")
    names = [Stretch(h.start, h.end) for h in persons]
    # an institution the rules know right after a post the lexicon knows: where the post ends
    after_posts = [Stretch(o.start, o.end) for o in orgs if not o.key.startswith("org:x-")
                   and any(s.end < o.start and not text[s.end:o.start].strip() for s in rule_posts)]
    for e in analysis.entities:
        span = _post_words(text, Stretch(e.start, e.end), names, after_posts) if e.label == "POST" else None
        if span is None or any(overlaps(span.start, span.end, s.start, s.end) for s in set_aside):  # "calon Gubernur", "mewakili Bupati"
            continue
        said = text[span.start:span.end].split()
        if said[0].casefold() in words_of("not_posts") or _institution_after_post(text, span, said, analysis) \
                or ":" in text[span.start:span.end] \
                or all(w in words_of("address_words") for w in said) \
                or CANDIDATES.search(text, max(0, span.start - 20), span.start) \
                or KNOWN_AS.search(text, max(0, span.start - 30), span.start) \
                or (said[0] == "kepala" and len(said) > 1 and definition_of(said[1]) is not None) \
                or said == ["pimpinan"] \
                or (len(said) == 1 and said[0][:1].isupper() and said[0].casefold() not in post_head_words()
                    and any(NAME_LIST_GAP.fullmatch(text, n.end, span.start) for n in names if n.end <= span.start)):
            continue  # "pihak swasta, Abu Bakar"; "dari Pak  , Imam Nahrawi": a form of address; "Dinkes Kobar": an
            # institution; "calon pimpinan";
            # "memenggal kepala Presiden Joko Widodo": the head of the one holding the post after it; "dikenal sebagai
            # Bapak Teknologi": an epithet; "Penulis :
            # Kontributor Makassar, X": a byline, no post; "kelompok pimpinan Abu Rasyid": led by him; "A (Dapil ...), dan
            # Hillary Brigita Lasut": a word the lexicon knows for no post, in a list of names, opens the last name
        inside = [s for s in rule_posts if overlaps(span.start, span.end, s.start, s.end)]
        if not inside or (span.start <= min(s.start for s in inside) and span.end >= max(s.end for s in inside)
                          and span.end - span.start > max(s.end - s.start for s in inside)):
            longer[span] = inside
    covered = {s for inside in longer.values() for s in inside}
    candidates: list[tuple[Stretch, str]] = [(s, text[s.start:s.end]) for s in rule_posts if s not in covered]
    candidates += [(s, text[s.start:s.end]) for s in longer]
    candidates = _without_short_forms(text, candidates)
    for span, inside in longer.items():  # the institution the rules gave the words inside, if any
        owner = next((rule_posts[s] for s in inside if rule_posts[s].org is not None), None)
        if owner is not None:
            rule_posts[span] = owner
    if not candidates:
        return []
    person_at = {Stretch(h.start, h.end): h for h in persons if keys[h] not in held}
    everyone = [Stretch(h.start, h.end) for h in persons]
    org_at = {Stretch(o.start, o.end): o for o in orgs}
    org_spans = list(org_at)
    org_forms = _institution_forms(orgs)
    post_spans = [s for s, _ in candidates]
    quoted = quoted_spans(text)
    out, seen = [], set()
    for sent in analysis.sentences:
        bounds = Stretch(sent.start, sent.end)
        chosen = _one_holder(text, best_holders(text, bounds, candidates, everyone, org_spans, linker.person))
        for person, (post, words, prob) in sorted(chosen.items(), key=lambda kv: kv[0].start):
            if of_another(text, post.start, post.end, person.start) or PASSIVE_AGENT.search(text, max(0, person.start - 40), person.start) \
                    or (post.end <= person.start and not_held_by_name_after(text, post.start, post.end, person.end)) \
                    or ERA_OF.search(text, max(0, person.start - 40), person.start) \
                    or _quote_of(quoted, post.start) != _quote_of(quoted, person.start) \
                    or (post.end <= person.start and _said_aside().search(text[post.end:person.start])) \
                    or (post.end <= person.start and before_verb().match(text, post.end)) \
                    or NEW_CLAUSE.fullmatch(text, post.end, person.start) \
                    or ends_opening_clause(text, post.start, post.end, person.start, person.end) \
                    or (_possessed(text, post) and not APPOSED_TO_POSSESSED.fullmatch(text, post.end, person.start)) \
                    or (_owned(text, post) and not OWNED_APPOSED.fullmatch(text, post.end,
                                                                          list_head(text, person, everyone).start)) \
                    or _named_as_another(text, post, person, org_spans) \
                    or (post.end <= person.start and (OTHER_PARTY.search(text, post.end, person.start)
                                                      or SPEAKS_FOR.search(text, post.end, person.start))) \
                    or (person.end <= post.start and APPOINTING.search(text, max(0, post.start - 20), post.start)) \
                    or (post in rule_posts and holder_cut(text, rule_posts[post], person.start)):
                continue  # '"... memilih beliau untuk jadi Ketum Golkar," kata Demer': the quote's post is not the speaker's;
                # "Kapolres menjelaskan, rumah itu milik X": a post followed by its reporting verb speaks, X is in what it says
            hit = person_at.get(person)
            if hit is None:
                continue
            rule = rule_posts.get(post)
            named = _named_institution(words, org_forms) if rule is None or rule.org is None or post in longer \
                else None  # "Humas LIPI Ambon": the model's phrase runs on past the rules' post into its institution
            if named is not None:  # "Rektor UNS", "Sekretaris Fraksi NasDem MPR": the phrase ends with its institution
                words, org = named
            role = role_for(rule.label, rule.definition) if rule and post not in longer \
                else role_for(words, post_defs().get(words))
            if rule is not None and rule.org is not None:
                org = rule.org.key
            elif named is None:
                best = best_org(text, bounds, post, words, person, everyone, post_spans, org_spans, linker.org)
                org = org_at[best].key if best else None
            ident = (keys[hit], role.key, org)
            if ident in seen:
                continue
            seen.add(ident)
            lo, hi = min(post.start, person.start), max(post.end, person.end)
            qualifier = rule.qualifier if rule is not None and rule.qualifier in TERM_QUALIFIERS \
                else _term_before(text, post.start) or _term_after(text, rule.end if rule else post.end, published) \
                or ("elect" if ELECT_AFTER.search(text, post.start, post.end) or _group_chosen(text, post.start)
                    else None)  # the model's "Ketua KPK terpilih", "memilih lima pimpinan KPK ... yakni A, B"
            out.append(Membership(keys[hit], role, org, sent.index, Mention(lo, hi, text[lo:hi], sent.index),
                                  hit.rank, qualifier, round(0.5 + 0.4 * prob, 2)))
    return out


def _without_short_forms(text: str, candidates: list[tuple[Stretch, str]]) -> list[tuple[Stretch, str]]:
    """The post phrases less those that are another's short form in brackets right after it ("Perdana
    Menteri (PM) India Narendra Modi"): one post, which the longer form names."""
    return [(s, words) for s, words in candidates
            if not (text[s.end:s.end + 1] == ")" and any(
                text[other.end:s.start].strip() == "(" and abbreviates(words, long) for other, long in candidates))]


def _quote_of(quoted: Sequence[tuple[int, int]], at: int) -> tuple[int, int] | None:
    """The quoted passage `at` stands in, if any."""
    return next(((start, end) for start, end in quoted if start <= at < end), None)


TERM_QUALIFIERS = frozenset({"former", "acting"})


@cache
def _qualifier_words() -> str:
    """The qualifiers of kg/lexicons/post_qualifiers.tsv, words or phrases, as one regex alternation."""
    return alternation(r[0] for r in lexicon("post_qualifiers"))


@cache
def _qualifier_before() -> re.Pattern[str]:
    """A qualifier of kg/lexicons/post_qualifiers.tsv, a word or a phrase, right before a post."""
    return re.compile(rf"(?<![\w-])({_qualifier_words()})\s+$")


PLACE_WORDS = r"(?:\s+[A-Z][\w-]*){0,4}?"  # the post's region or institution before the word that dates it
TERM_AFTER = re.compile(rf"{PLACE_WORDS}\s*,?\s*\(?(?:periode|masa (?:bakti|jabatan)|tahun)?\s*"
                        r"(?P<first>(?:19|20)\d\d)\s*[-–]\s*(?P<last>(?:19|20)\d\d)\b")
INTERIM_AFTER = re.compile(r"(?:\s+,)?\s+(?:sementara|interim|non-?definitif)\b(?!\s+(?:itu|ini)\b)")  # "Ketua  , nondefinitif"
# "pimpinan KPK terdahulu, khususnya X", "Ketua KPU sebelumnya, X" (not "Kapolda sebelumnya mengatakan": said before)
FORMER_AFTER = re.compile(rf"{PLACE_WORDS}\s+(?:terdahulu\b|sebelumnya\s*,)")
ELECT_AFTER = re.compile(rf"{PLACE_WORDS}\s+terpilih\b")  # "Anggota DPD Papua Barat terpilih Filep"
NEXT_TERM = re.compile(rf"{PLACE_WORDS}\s+(?:untuk\s+)?periode\s+(?:selanjutnya|berikutnya|mendatang)\b")
# "Komisi III DPR telah memilih lima pimpinan KPK periode 2019-2023 yakni A, B, ...", "sudah menentukan lima pimpinan
# KPK yaitu A, B": chosen, not yet in office
ELECTED_IN = re.compile(r"\s+(?:pada\s+)?(?:tahun\s+)?(?P<year>(?:19|20)\d\d)\b")
ELECT_BEFORE = re.compile(r"\b(?:memilih|menentukan|menetapkan|terpilih)\s+(?:[\w-]+\s+){0,2}$")
# "Lima pimpinan KPK 2019-2023 terpilih dalam voting ..., yakni A, B": a group's post, its institution and term, chosen
ELECTED_GROUP = re.compile(r"(?:\s+(?:[A-Z][\w-]*|muda|baru)){0,3}(?:\s+(?:periode\s+)?\d{4}(?:\s*[-–/]\s*\d{4})?)?"
                           r"\s+terpilih\b")  # "anggota DPR muda NasDem terpilih periode 2019-2024. Mereka yakni A, B"
# "Wali Kota Malang saat itu", "Wakil Gubernur terpilih saat itu": elect then, in office since or gone
THEN_AFTER = re.compile(rf"{PLACE_WORDS}(?:\s+terpilih|\s+yang\s+(?:masih\s+)?menjabat)?\s+"
                        r"(?P<then>(?:saat|ketika|waktu|kala)\s+itu)\b")  # "Gubernur Sumut yang menjabat kala itu, X"


def _group_chosen(text: str, start: int) -> bool:
    """"Komisi III DPR memilih lima pimpinan KPK ... yakni A, B": a group's post its holders were chosen for,
    not yet in office (a number before the post: not "warga memilih Presiden Jokowi", who holds it)."""
    return bool(ELECT_BEFORE.search(text, max(0, start - 40), start) and GROUP.search(text, max(0, start - 30), start))


def _term_before(text: str, start: int) -> str | None:
    """"eks Direktur Utama ...", "Plt Kepala ...", "tidak lagi menjabat sebagai ...": a former or acting post,
    as the words before the model's post phrase say (kg/lexicons/post_qualifiers.tsv); the rules' posts read
    them themselves."""
    before = _qualifier_before().search(text, max(0, start - 40), start)
    qualifier = post_qualifier(before.group(1)) if before else None
    return qualifier if qualifier in TERM_QUALIFIERS else None


def _term_after(text: str, end: int, published: date | None) -> str | None:
    """"Ketua DPRD Jabar sementara, Taufik", "Wakil Ketua DPRD DKI nondefinitif Syarif": an interim holder,
    as the word after the post says; "Ketua KPK terpilih Firli Bahuri", "sebagai Ketua KPK periode
    selanjutnya": elected, not yet in office; "Ketua KPK periode 2003-2007": a term that ended before the
    article was published, a former post, as is one held before the one now ("pimpinan KPK terdahulu")."""
    if INTERIM_AFTER.match(text, end):
        return "acting"
    elect = ELECT_AFTER.match(text, end)
    if elect and published is not None and (year := ELECTED_IN.match(text, elect.end())) \
            and int(year.group("year")) < published.year:
        return None  # "Presiden Tsai Ing-wen terpilih pada 2016": elected before the article, in office since
    if elect or NEXT_TERM.match(text, end):
        return "elect"
    if FORMER_AFTER.match(text, end):
        return "former"
    term = TERM_AFTER.match(text, end)
    return "former" if term and published is not None and int(term.group("last")) < published.year else None


def _institution_forms(orgs: list[OrgHit]) -> dict[str, set[str]]:
    """Every written form of the article's institutions (case-folded) → the keys of those it names."""
    forms: dict[str, set[str]] = defaultdict(set)
    for o in orgs:
        for form in (o.text, o.label, *o.alt_labels):
            if form:
                forms[form.casefold()].add(o.key)
    return forms


def _named_institution(words: str, forms: dict[str, set[str]]) -> tuple[str, str] | None:
    """The post words and institution key of a post phrase of the model's that ends with a name of
    one institution of the article ("Rektor UNS", "Anggota Baleg"; `forms`: `_institution_forms`), or with
    one and the region of its office ("Humas LIPI Ambon"), the longest such name; None when none ends it or
    the post words would be left empty."""
    tokens = words.split()
    for i in range(1, len(tokens)):
        for j in range(len(tokens), i, -1):
            keys = forms.get(" ".join(tokens[i:j]).casefold(), set())
            if len(keys) == 1 and (j == len(tokens) or gazetteer().candidates(" ".join(tokens[j:]))):
                return " ".join(tokens[:i]), next(iter(keys))
    return None


def _listed_memberships(text: str, analysis: Analysis, listed: list[Listed], orgs: list[OrgHit],
                        keys: dict[PersonHit, str], found: list[Membership]) -> list[Membership]:
    """The post of a group for each name listed after it ("lima komisioner KPU, masing-masing A, B dan C"),
    for the names no other rule gave a post; a task at an event ("10 panelis ... seperti Mohammad Nasih (rektor
    Universitas Airlangga)") also for those that hold one. A group whose institutions are named by their kind
    ("pimpinan partai politik ... Mereka adalah A (Partai Golkar), B serta C (PPP)") holds each name's post in
    the institution of that name's brackets, and a name without them gets none."""
    held: dict[str, set[str]] = defaultdict(set)  # person → the first words of the posts found for them
    held_in: dict[str, set] = defaultdict(set)  # person → the sentences and institutions of those posts
    for m in found:
        held[m.person].add(m.role.label.split()[0].casefold())
        held_in[m.person] |= {m.sentence, m.organization}
    out, seen = [], set()
    for item in listed:
        key = keys[item.person]
        words = text[item.start:item.end]
        sentence = analysis.sentence_at(item.person.start)
        task = words.casefold() in event_tasks() and words.split()[0].casefold() not in held.get(key, set())
        org = item.post.org.key if item.post and item.post.org else _unit_named(text, item, orgs)
        if org is None and INSTITUTIONS_BY_KIND.match(text, item.end):
            if (org := _bracketed_institution(text, item.person, orgs)) is None:
                continue
        if (key in held and (org is None or held_in[key] & {sentence, org}) and not task) or key in seen:
            continue
        seen.add(key)
        role = role_for(item.post.label, item.post.definition) if item.post \
            else role_for(words, post_defs().get(words[:1].upper() + words[1:]))
        lo, hi = min(item.start, item.person.start), max(item.end, item.person.end)
        elected = "elect" if ELECT_BEFORE.search(text, max(0, item.start - 40), item.start) \
            or ELECTED_GROUP.match(text, item.end) else None
        if (item.post is not None and item.post.qualifier == "former") or post_qualifier(words.split()[0]) == "former":
            elected = "former"  # "Beberapa eks pimpinan KPK ... Antara lain, A, B": the group's post held formerly
        out.append(Membership(key, role, org, sentence,
                              Mention(lo, hi, text[lo:hi], sentence), item.person.rank, elected, 0.7))
    return out


def _chairs_of_lists(text: str, analysis: Analysis, listed: list[Listed], keys: dict[PersonHit, str],
                     found: list[Membership]) -> list[Membership]:
    """"Ketua dan Anggota Bawaslu Muaro Jambi yakni A, B dan C": the first name chairs, whatever step gave
    each name the members' post."""
    firsts = {}
    for item in listed:
        if CHAIR_AND.search(text, max(0, item.start - 12), item.start):
            firsts.setdefault((item.start, item.end), item.person)
    chairs = {(keys[p], analysis.sentence_at(p.start)) for p in firsts.values()}
    chair = role_for("Ketua", post_defs()["Ketua"])
    return [replace(m, role=chair) if (m.person, m.sentence) in chairs and m.role.label.casefold() == "anggota" else m
            for m in found]


def _unit_named(text: str, item, orgs: list[OrgHit]) -> str | None:
    """The institution the words after a listed post name: one named right after a group's role ("Lima
    orang Anggota Bawaslu periode 2022-2027 ... adalah A, B"), or in the words after the post ("Wakil Ketua
    Pansus berisikan A, B dan C"), or the article's that those words begin ("Pansus Pemindahan Ibu Kota")."""
    if item.post is None:
        return next((o.key for o in orgs if o.start > item.end and not text[item.end:o.start].strip()), None)
    unit = text[item.post.end:item.end].strip()
    return next((o.key for o in orgs if item.post.end <= o.start and o.end <= item.end), None) or next(
        (o.key for o in orgs if unit and (o.text == unit or o.text.startswith(unit + " "))), None)


CHAIR_AND = re.compile(r"\b[Kk]etua\s+dan\s+$")  # "Ketua dan Anggota ..." before a list: its first name chairs
INSTITUTIONS_BY_KIND = re.compile(r"\s+(?:partai(?:\s+politik)?|parpol|ormas|organisasi)(?!\w)(?!\s+[A-Z])")
BRACKET_AHEAD = re.compile(r"[^,;()\n]{0,60}?\(([^()\n]{1,60})\)")  # "A serta B (PPP)": A's brackets too


def _bracketed_institution(text: str, person: PersonHit, orgs: list[OrgHit]) -> str | None:
    """The institution named in the brackets after a listed name, or after the names joined to it before
    the next comma."""
    bracket = BRACKET_AHEAD.match(text, person.end)
    return next((o.key for o in orgs if bracket and bracket.start(1) <= o.start and o.end <= bracket.end(1)), None)


POST_TAIL = re.compile(r"(?:[\s(),.;:/-]+|\s+(?:dari|di|dan|serta|yang|untuk|pada|ke|sebagai|sekaligus|merangkap))+$")


def _post_words(text: str, span: Stretch, names: list[Stretch], institutions: Iterable[Stretch] = ()) -> Stretch | None:
    """A post phrase of the model without what does not belong to it: a name it runs into ("Presiden
    RI Joko Widodo ("), one of `institutions` (those the rules found right after the lexicon's post) and
    the words it runs on into after it ("Ketua Konstitusi dan Demokrasi Inisiatif (Kode Inisiatif": the
    post is "Ketua", held there; a phrase ending with the institution, "pimpinan KPK", is the post
    with its institution, read as such further on; "Koordinator Koalisi Mahasiswa Dan Pemuda Cinta KPK"
    has no lexicon post right before it), a dangling
    bracket or joining word ("Pakar Hukum dari", "Divisi Teknis)", "Direktur sekaligus" of "Direktur
    sekaligus Komisaris PT SDS")."""
    end = min([n.start for n in names if span.start < n.start < span.end]
              + [i.start for i in institutions if span.start < i.start and i.end < span.end] + [span.end])
    tail = POST_TAIL.search(text, span.start, end)
    end = tail.start() if tail else end
    return Stretch(span.start, end) if end - span.start >= 3 else None


DIVISION = re.compile(r"(?:^|\s)Divisi\s")


def _implied_orgs(memberships: list[Membership], orgs: list[OrgHit], posts: list[PostHit]) -> list[Membership]:
    """A post without its institution is held in the one institution of the kind it implies or serves
    in that the article names, when it names exactly one: "Kapolres" in the article's Polres, "Kasat
    Reskrim" in its Polres, Polresta or Polrestabes, "Komisioner Divisi Hukum" in its KPU or Bawaslu,
    "Bupati Pasangkayu" in the Pemkab Pasangkayu (a
    regional office's institution must serve the region the post names, when it names one)."""
    by_type: dict[str, set[OrgHit]] = defaultdict(set)
    for o in orgs:
        by_type[o.type].add(o)
    out = []
    for m in memberships:
        definition = definition_of(m.role.label) if m.organization is None else None
        if m.organization is None and _division(m.role.label) and not (definition and definition.serves):
            definition = post_defs()["Ketua Divisi"]  # "Komisioner Divisi Teknis": a division serves where its head does
        if definition is not None:
            kinds = definition.serves or ((definition.implies,) if definition.implies else ())
            area = _area_of(m, posts) if definition.kind == "area" else None
            candidates = {o.key for kind in kinds for o in by_type.get(kind, ()) if area is None or o.area in (None, area)}
            if len(candidates) == 1:
                m = replace(m, organization=next(iter(candidates)))
        out.append(m)
    return out


def _divisions_in_colleagues_bodies(memberships: list[Membership], orgs: list[OrgHit]) -> list[Membership]:
    """A division's post still without its institution, where the article names several election bodies,
    is held in the one its holder or the posts of its sentence are held in (`_bodies_of_colleagues`)."""
    kinds = post_defs()["Ketua Divisi"].serves
    bodies = {o.key for o in orgs if o.type in kinds}
    out = []
    for m in memberships:
        if m.organization is None and _division(m.role.label) and len(
                chosen := _bodies_of_colleagues(m, memberships, bodies)) == 1:
            m = replace(m, organization=next(iter(chosen)))
        out.append(m)
    return out


def _division(label: str) -> bool:
    """Whether a post is held in an election body's division ("Komisioner Divisi Teknis", "Kordiv Hukum")."""
    return bool(DIVISION.search(label)) or label.split()[0].casefold() in ("kordiv", "koordiv")


def _bodies_of_colleagues(m: Membership, memberships: list[Membership], candidates: set[str]) -> set[str]:
    """Of the institutions a division's post may be held in, those its holder holds another post in ("Anggota
    KPU NTT Baharudin Hamzah yang juga Ketua divisi Sosialisasi"), else those the holders of the posts named in
    its sentence hold posts in ("Kelima komisioner yang dilantik yaitu A sebagai ketua, B (Divisi Teknis)", A
    the Ketua KPU Garut elsewhere)."""
    own = {o.organization for o in memberships if o.person == m.person} & candidates
    colleagues = {o.person for o in memberships if o.sentence == m.sentence}
    return own or {o.organization for o in memberships if o.person in colleagues} & candidates


def _area_of(m: Membership, posts: list[PostHit]) -> str | None:
    """The region a regional office's post names in the membership's evidence ("Bupati Pasangkayu")."""
    return next((p.area for p in posts if p.area and p.label == m.role.label
                 and m.evidence.start <= p.start < m.evidence.end), None)


def post_holders(posts: list[PostHit], holdings: list[Holding], keys: dict[PersonHit, str]):
    """Post phrases without a name ("kata Kapolda Riau") stand for the holder named elsewhere; a short
    form stands for the holder of the post it shortens ("Kepala Biro Operasi (Karo Ops) Polda Sulteng,
    Kombes Giuseppe" ... "Karo Ops menekankan")."""
    held = defaultdict(set)
    for h in holdings:
        org = h.post.org.key if h.post.org else None
        for name in {h.post.definition.label, h.post.label}:
            held[(name, org)].add(keys[h.person])
            held[(name, None)].add(keys[h.person])
    out = []
    for post in posts:
        org = post.org.key if post.org else None
        named = [held.get((name, org), set()) for name in (post.label, *post.definition.expansions)]
        people = next((p for p in named if len(p) == 1), held.get((post.definition.label, org), set()))
        if len(people) == 1:
            out.append((post.start, post.end, next(iter(people))))
    return out


POINTING = re.compile(rf"[^.,;:\"“”]{{0,60}}?\s{DEMONSTRATIVE}")


@cache
def _said_aside() -> re.Pattern[str]:
    """'Pangdam, sambung Eko, juga akan ...', 'penugasan anggota Polri di luar struktur, kata Emrus': a reporting
    verb and its speaker set after a comma after a post; the post is what the speaker talks about, not his."""
    return re.compile(rf",\s*(?:{alternation(reporting_verbs('after'))})\s+$")


@cache
def _described_by() -> re.Pattern[str]:
    """'..., ujar politikus Partai Demokrat ini.': after the words said, a reporting verb of the speaker
    after it (kg/lexicons/speech_verbs.tsv), then who said them, by a post."""
    return re.compile(rf"[\s,\"”']*(?:{alternation(reporting_verbs('after'))})\s+(?:sang\s+)?")


def described_speakers(text: str, analysis: Analysis, posts: list[PostHit], orgs: list[OrgHit],
                       statements, found: list[Membership], published: date | None = None) -> list[Membership]:
    """The post a speaker is pointed at by after a quotation ('"...," ujar politikus Partai Demokrat ini'):
    the speaker, whom the quotation's attribution resolved, holds it. `statements`: kg.nlp.quotes'."""
    spans = _pointing_posts(text, analysis, posts)
    forms = _institution_forms(orgs)
    have = {(m.person, m.role.key) for m in found}
    out = []
    for stmt in statements:
        lead = _described_by().match(text, stmt.end)
        described = _described(text, analysis, spans, orgs, forms, lead.end(), published) if lead else None
        if described is not None and (stmt.speaker, described.role.key) not in have:
            have.add((stmt.speaker, described.role.key))
            out.append(replace(described, person=stmt.speaker))
    return out


@cache
def _description_opener() -> re.Pattern[str]:
    """What opens a sentence about someone just named: "Bahkan, Menteri Perindustrian itu dinilai ...",
    "Menurut politikus Partai Golkar itu, ...", "Tapi politikus PKB ini ...", "Dicegahnya politikus Golkar
    itu ...", "Ditanya soal alasan lain, politikus PDIP itu menyebut ..."; a fronted time or place with no
    speaker's verb in it ("Dalam acara Rapim TNI-Polri yang digelar tertutup, mantan Ketua MK itu ..."); or
    what opens a clause about him ("... diajukan agar mantan Ketua DPR RI itu dapat bebas")."""
    speaking = alternation(reporting_verbs("before"))
    return re.compile(r"(?:(?:Menurut|Bahkan|Namun|Kini|Adapun|Sebelumnya|Sementara itu|Selain itu|Saat ini"
                      r"|Lebih lanjut|Selanjutnya)"
                      r"|^\s*(?:Tapi|Tetapi|(?:Kemudian\s+)?[Ll]anjut|Di[a-z]+nya|Ditanya\b[^\"“”]*,"
                      rf"|(?:Dalam|Pada|Saat|Usai|Seusai|Setelah|Sebelum|Ketika)\b(?![^,]*\b(?:{speaking})\b)"
                      r"[^\"“”,]{3,100},)"
                      r"|\s(?:agar|maka|sehingga)\s*)\s*,?\s*$")


def described_persons(text: str, analysis: Analysis, posts: list[PostHit], orgs: list[OrgHit],
                      persons: list[tuple[int, str]], statements, found: list[Membership],
                      published: date | None = None) -> list[Membership]:
    """The post a sentence opens with to speak of the person named last before it ("Airlangga ... mampu
    memimpin Partai Golkar. Bahkan, Menteri Perindustrian itu dinilai ..."), or of the speaker of the
    words just quoted ('"...," imbuhnya. Menurut politikus Partai Golkar itu, ...'): that person holds
    it. `persons`: where each person mention starts, and whose it is; `statements`: kg.nlp.quotes'."""
    spans = _pointing_posts(text, analysis, posts)
    forms = _institution_forms(orgs)
    named_in = defaultdict(list)  # sentence → the persons named in it outside quotes, in order
    quoted = quoted_spans(text)
    for at, key in sorted(persons):
        if _quote_of(quoted, at) is None:  # '"... periode kedua Jokowi," ujar Djayadi. Direktur Eksekutif LSI tersebut'
            named_in[analysis.sentence_at(at)].append((at, key))
    have = {(m.person, m.role.key) for m in found}
    held = {(m.role.key, m.organization) for m in found}
    held_by = {(m.person, m.role.key, m.organization) for m in found}
    heads = {(m.person, m.role.label.split()[0].casefold()) for m in found}
    out = []
    for start in sorted(spans):
        sentence = analysis.sentence_at(start)
        opening = text[analysis.sentences[sentence].start:start]
        if opening.strip() and not _description_opener().search(opening):
            continue
        described = _described(text, analysis, spans, orgs, forms, start, published)
        if described is None or (described.role.key, described.organization) in held:
            continue  # someone the article names holds that post: the description may be theirs
        if re.search(r"\bMenurut\s*$", opening):  # "Menurut mantan politisi PKS ini, ...": who spoke last,
            # not whom he named
            person = _last_speaker(analysis, statements, sentence) or _topic(named_in, sentence, start)
        else:
            person = _topic(named_in, sentence, start) or _last_speaker(analysis, statements, sentence)
        head = described.role.label.split()[0].casefold()
        if described.qualifier == "former":  # "Kapolda Bali Irjen Daniel ... Mantan Kapolda Kalimantan Utara ini":
            # he may have held the post elsewhere before
            told = (person, described.role.key, described.organization) in held_by
        else:  # a minister named so before is not described as another ministry's
            told = (person, described.role.key) in have or (person, head) in heads
        if person is None or told:
            continue
        have.add((person, described.role.key))
        held.add((described.role.key, described.organization))
        held_by.add((person, described.role.key, described.organization))
        out.append(replace(described, person=person))
    return out


def _topic(named_in: dict[int, list[tuple[int, str]]], sentence: int, start: int) -> str | None:
    """Whom a description at `start` speaks of: the first person named in its sentence before it, else in
    the sentence before ("Airlangga, ia melanjutkan, mampu ..."; not the speaker named after him)."""
    for wanted in (sentence, sentence - 1):
        named = [key for at, key in named_in.get(wanted, ()) if at < start]
        if named:
            return named[0]
    return None


def _last_speaker(analysis: Analysis, statements, sentence: int) -> str | None:
    """Who spoke the words quoted last in the sentence before `sentence`, if anyone did."""
    said = [stmt for stmt in statements if analysis.sentence_at(max(stmt.end - 1, stmt.start)) == sentence - 1]
    return max(said, key=lambda stmt: stmt.end).speaker if said else None


def _pointing_posts(text: str, analysis: Analysis, posts: list[PostHit]) -> dict[int, tuple[int, PostHit | None]]:
    """The post phrases of the rules and the model that point back at someone ("politikus ... ini",
    "Menteri Perindustrian itu"), by where they start: their end, and the rules' post if they read it."""
    spans = {p.start: (p.end, p) for p in posts if p.qualifier not in ("none", "of")}
    for e in analysis.entities:
        if e.label == "POST":
            spans.setdefault(e.start, (e.end, None))
    return {start: span for start, span in spans.items() if POINTING.match(text, span[0])}


def _described(text: str, analysis: Analysis, spans: dict[int, tuple[int, PostHit | None]], orgs: list[OrgHit],
               forms: dict[str, set[str]], start: int, published: date | None = None) -> Membership | None:
    """The membership a pointing post phrase starting at `start` describes, its holder left empty; None
    when no such phrase starts there or it names no institution ("Wakil Ketua ... ini": too little to hold).
    A term that ended before the article dates it former ("Bendahara Umum DPP Partai Golkar 2014-2016 ini")."""
    if start not in spans:
        return None
    end, rule = spans[start]
    if rule is not None:
        role, org = role_for(rule.label, rule.definition), rule.org.key if rule.org else None
    else:
        words, org = _named_institution(text[start:end], forms) or (text[start:end], None)
        if words.split()[0].casefold() in words_of("not_posts"):
            return None  # "kata Alumni UIN Jakarta ini": a graduate, no post
        role = role_for(words, post_defs().get(words))
    if org is None:  # "Politikus Partai Kebangkitan Bangsa (PKB) ini": the institution right after the post
        org = next((o.key for o in orgs if end <= o.start and text[end:o.start].strip() in ("", "dari")), None)
    if org is None:
        return None
    sentence = analysis.sentence_at(start)
    qualifier = rule.qualifier if rule is not None and rule.qualifier in TERM_QUALIFIERS else _term_before(text, start)
    qualifier = qualifier or _term_after(text, rule.end if rule is not None else end, published)
    return Membership("", role, org, sentence, Mention(start, end, text[start:end], sentence), None, qualifier, 0.7)
