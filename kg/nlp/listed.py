"""Names listed after a post that many hold: "menetapkan lima komisioner KPU, masing-masing A, B dan
C"; "... lima panelis yang merupakan akademisi. Mereka adalah Dr. A (Ekonomi), Prof. B, ...".

The post is given once, to a group, and the names follow an introducing word (yakni, yaitu,
adalah, antara lain, masing-masing, terdiri dari, seperti; or a verb that fills the post right before it
with them: berisikan, diisi oleh, dijabat oleh) in the same sentence, or open the next
sentence ("Mereka adalah", "Yaitu", "Diantaranya", "Selanjutnya,", "Selanjutnya adalah"), or follow an introducing word
after words that point back to the group of the sentence before ("Adapun tujuh orang yang dilantik
tersebut yakni A, B"). Names listed right before "sebagai" or "menjadi" and a post many hold take that post
("menetapkan A, B dan C sebagai anggota KPU Bantul"). Each name of the list holds the post; the post is the group's (a number or
"para"/"tim" before it) or else the last post before the introducing word that many hold
(kg/lexicons/group_roles.tsv: anggota, komisioner, panelis...) and no name holds already; a task
at an event (panelis, moderator) is held beside the post a name holds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.nlp.persons import PersonHit
from kg.nlp.posts import PostHit, post_qualifier
from kg.nlp.quotes import reporting_verbs
from kg.nlp.text import alternation
from kg.resources import lexicon, words

INTRODUCER = re.compile(r"(?<!\w)(?:yaitu|yakni|ialah|adalah|antara lain|di ?antaranya|masing-masing"
                        r"|terdiri (?:dari|atas)|sebagai berikut|seperti|(?P<filled>berisikan|berisi|diisi(?: oleh)?"
                        r"|dijabat oleh|ditempati oleh))(?!\w)\s*:?|:(?=\s)", re.I)
OPENER = re.compile(r"\W*(?:Mereka\s+(?:adalah|yakni|yaitu|ialah|masing-masing)|Yaitu|Yakni|Di ?antaranya"
                    r"|Antara lain|Masing-masing|Selanjutnya(?=,)|Selanjutnya\s+(?:adalah|yakni|yaitu))(?!\w)\s*[:,]?", re.I)
NUMBER = (r"(?:\d+|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belasan|puluhan)"
          r"(?:\s*\(\w+\))?(?:\s+(?:orang|nama))?")
GROUP = re.compile(rf"(?:{NUMBER}|para|tim|sejumlah|beberapa|seluruh|semua|jajaran)\s+$", re.I)
BETWEEN = re.compile(r"[^!?\n]{0,120}?(?:,|\bdan\b|\bserta\b|&)[^!?\n]{0,40}$")
BACK_REFERENCE = re.compile(r"\b(?:tersebut|itu|ini)\b|^\s*Adapun\b")  # the group of the sentence before
CANDIDATES = re.compile(r"\bcalon\s+$", re.I)  # a list of candidates for a post holds none
ARRESTED_BEFORE = re.compile(r"\b(?:meringkus|menangkap|membekuk|mengamankan|menciduk|menahan|ditangkap|diringkus"
                             r"|dibekuk|diamankan)\s+$", re.I)
UNIT_BETWEEN = re.compile(r"(?:\s+[A-Z][\w.-]*){0,5}\s*")  # "Wakil Ketua Pansus berisikan": the post's unit
BRACKETED = re.compile(r"\([^()]*\)")  # "(keempatnya adalah akademisi)": what the brackets say of a name
MAX_LEAD = 30  # characters from the introducing word to the first name (titles, "Dr.", a colon)
# "menetapkan A, B dan C sebagai anggota KPU ...", "A, B dan C resmi dilantik menjadi komisioner ...": the names
# before it take the post after it
AS_POST = re.compile(r"\s*,?\s*(?:(?:resmi|kembali|telah|sudah|akan)\s+)?(?:(?:di|ter)[a-z]+\s+)?(?:sebagai|menjadi)\s+")
DEPUTY = re.compile(r"[Ww]akil\s")  # "sebagai wakil ketua": a deputy's post, which several may hold
ANOTHER_POST = re.compile(r"\s+(?:dan|serta)\s+[A-Za-z]")  # "sebagai Ketua dan Sekretaris": each name its own
LIST_GAP = re.compile(r"\s*,\s*(?:(?:dan|serta)\s+)?|\s+(?:dan|serta|&)\s+")  # between two names of a list


@dataclass(frozen=True)
class Listed:
    """One name of a list and the post its group holds."""
    person: PersonHit
    start: int  # the post phrase as written
    end: int
    post: PostHit | None  # the rules' post, when the phrase is one (then its institution holds too)


@cache
def event_tasks() -> frozenset[str]:
    """Roles of group_roles.tsv that are a task at an event, held beside one's own post (panelis, moderator)."""
    return frozenset(row[0] for row in lexicon("group_roles") if len(row) > 1 and row[1] == "task")


@cache
def _speech() -> re.Pattern[str]:
    """A reporting verb after the speaker's words (kg/lexicons/speech_verbs.tsv: kata, ujar ...)."""
    return re.compile(rf"(?<!\w)(?:{alternation(reporting_verbs('after'))})(?!\w)", re.I)


@cache
def _roles() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{alternation(words('group_roles'))})(?![\w-])", re.I)


def group_role(text: str, start: int) -> bool:
    """The post at `start` is one that many hold ("anggota", "komisioner", "panelis")."""
    return _roles().match(text, start) is not None


def listed_holders(text: str, sentences, posts: list[PostHit], persons: list[PersonHit],
                   held: set[tuple[int, int]]) -> list[Listed]:
    """The members of every list after a group's post. `sentences` have .start and .end; `held` are
    the (start, end) of the rules' posts that a name holds already. A sentence may hold several lists, each
    with its group's post before it ("melaporkan Ketua dan Anggota Bawaslu Merangin yakni A, B ... Pengadu
    juga melaporkan Ketua dan Anggota Bawaslu Muaro Jambi yakni C, D", where the splitter saw one sentence)."""
    out: list[Listed] = []
    for i, sent in enumerate(sentences):
        opener = OPENER.match(text, sent.start, sent.end)
        if opener and i > 0:
            members = _list_after(text, opener.end(), persons, _list_end(text, opener.end(), sentences, i))
            previous = next(_lists_in(text, sentences, i - 1, persons), None)  # the post stands before its own list
            window = (sentences[i - 1].start, previous[0][1] if previous else sentences[i - 1].end)
            lists = [(window, members, i - 2, None)]
        else:
            lists = [(window, members, i - 1, intro) for window, intro, members in _lists_in(text, sentences, i, persons)]
        for window, members, before, intro in lists:
            out += _members(text, sentences, window, members, before, intro, posts, held)
    return out + _lists_right_after_roles(text, sentences, posts, persons) + _lists_before_roles(text, sentences, posts,
                                                                                                 persons)


def _lists_in(text: str, sentences, i: int, persons: list[PersonHit]):
    """Each list the sentence `i` introduces: the window before it where its group's post stands (from the end of
    the list before), its introducing word and its names."""
    lo = sentences[i].start
    for intro in INTRODUCER.finditer(text, sentences[i].start, sentences[i].end):
        if intro.start() >= lo and (found := _list_after(text, intro.end(), persons,
                                                          _list_end(text, intro.end(), sentences, i))):
            yield (lo, intro.start()), intro, found
            lo = found[-1].end


def _members(text: str, sentences, window: tuple[int, int], members: list[PersonHit], before: int, intro,
             posts: list[PostHit], held: set[tuple[int, int]]) -> list[Listed]:
    """The names of one list with the post of its group: in `window` before it, or the post its introducing verb
    fills, or the group's of the sentence `before` that the window points back to."""
    post = _group_post(text, window, posts, held) if len(members) >= 2 else None
    if post is None and len(members) >= 2 and intro is not None and intro.group("filled"):
        # "Wakil Ketua Pansus berisikan A dari Fraksi PDIP, B ... dan C": the post right before fills with them
        post = next(((p.start, intro.start(), p) for p in posts if p.qualifier not in ("none", "of")
                     and UNIT_BETWEEN.fullmatch(text, p.end, intro.start())), None)
    if post is None and len(members) >= 2 and before >= 0 and BACK_REFERENCE.search(text, *window):
        # "... melantik tujuh komisioner KIP Aceh. Adapun tujuh orang yang dilantik tersebut yakni A, B, C"
        post = _group_post(text, (sentences[before].start, sentences[before].end), posts, held)
    return [Listed(p, post[0], post[1], post[2]) for p in members] if post is not None else []


def _lists_right_after_roles(text: str, sentences, posts: list[PostHit], persons: list[PersonHit]) -> list[Listed]:
    """Names listed right after a role many hold, with no word between ("bersama anggota Samsul Gole, Ines
    Louk, Polce Amalo dan Klemens Lega Laot"): each one holds it, in the institution the rules gave the role."""
    out: list[Listed] = []
    for i, sent in enumerate(sentences):
        for m in _roles().finditer(text, sent.start, sent.end):
            if not m.group()[0].islower() or CANDIDATES.search(text, max(sent.start, m.start() - 15), m.start()):
                continue  # a capitalised role opens a post phrase with its institution ("Anggota KPU Tapin A")
            if ARRESTED_BEFORE.search(text, max(sent.start, m.start() - 20), m.start()):
                continue  # "tim langsung meringkus anggota Gopal, Popoy, dan Yoyo": a gang's members, caught
            members = _list_after(text, m.end(), persons, _list_end(text, m.end(), sentences, i))
            if len(members) >= 2 and not text[m.end():members[0].start].strip(" :"):
                post = next((p for p in posts if p.start == m.start()), None)
                out += [Listed(p, m.start(), m.end(), post) for p in members]
    return out


def _lists_before_roles(text: str, sentences, posts: list[PostHit], persons: list[PersonHit]) -> list[Listed]:
    """Names listed right before "sebagai" or "menjadi" and a post many hold ("KPU Bantul menetapkan A, B dan C sebagai
    anggota KPU Kabupaten Bantul", "Adapun A, B dan C sebagai wakil ketua terpilih"): each one holds it. Not a
    pair of posts ("A dan B sebagai Ketua dan Sekretaris"), which the names hold each in turn."""
    out: list[Listed] = []
    ordered = sorted(persons, key=lambda p: p.start)
    for i, last in enumerate(ordered):
        joined = AS_POST.match(text, last.end)
        if joined is None or "\n" in joined.group():
            continue
        at = joined.end()
        post = next((p for p in posts if p.start == at and p.qualifier not in ("none", "of")), None)
        role = _roles().match(text, at)
        if role is None and (post is None or not DEPUTY.match(text, at)):
            continue
        end = post.end if post is not None else role.end()
        if ANOTHER_POST.match(text, post.word_end if post is not None and post.word_end > 0 else end):
            continue
        members = [last]
        for p in reversed(ordered[:i]):
            gap = BRACKETED.sub("", text[p.end:members[-1].start])
            if not LIST_GAP.fullmatch(gap) or p.name == members[-1].name:
                break
            members.append(p)
        if len({p.name for p in members}) >= 2:
            out += [Listed(p, at, end, post) for p in reversed(members)]
    return out


TITLE_AT_END = re.compile(r"(?<![\w.])[A-Z][a-z]{0,4}\.\s*$")  # "terdiri dari Prof." + "Atun Wardatun, M.Ag.": no end


def _list_end(text: str, start: int, sentences, i: int) -> int:
    """A list of names with degrees ("Prof. Dr. A, M.Ag., M.A., Ph.D dari UIN") may run over what
    the sentence splitter took for sentence ends: the list goes on while a sentence opens with a
    name's title or a bracket, or continues after a comma, a title ("Prof.") or inside a bracket ("Winarti,
    M.Si. (keempatnya akademisi), B ...")."""
    end = sentences[i].end
    for nxt in sentences[i + 1:]:
        so_far = text[sentences[i].start:end]
        if not re.match(r"\s*(?:[A-Z][a-z]{0,4}\.|[A-Z]{1,3}\b|M\.\w|\()", text[nxt.start:nxt.start + 8]) \
                and not so_far.rstrip().endswith(",") and so_far.count("(") <= so_far.count(")") \
                and not TITLE_AT_END.search(so_far):
            break
        end = nxt.end
        if "\n" in text[nxt.start:nxt.end]:
            break
    return end


def _list_after(text: str, start: int, persons: list[PersonHit], end: int) -> list[PersonHit]:
    """The names that make a list right after `start`: the first within a few characters, each next
    one after a comma or "dan"/"serta" (a degree or "dari <institution>" may stand between)."""
    after = sorted((p for p in persons if start <= p.start < end), key=lambda p: p.start)
    if not after or after[0].start - start > MAX_LEAD or "\n" in text[start:after[0].start]:
        return []
    members = [after[0]]
    for p in after[1:]:
        gap = text[members[-1].end:p.start]
        if not BETWEEN.fullmatch(gap) or "\n" in gap or any(q in gap for q in "“”\"") or _speech().search(gap) \
                or INTRODUCER.search(BRACKETED.sub("", gap)):
            break  # "... dan Irjen Firli Bahuri, kata Aziz": the speaker closes the list; "... dan Markus sebagai
            # Teradu I-V. Pengadu juga melaporkan Ketua dan Anggota Bawaslu Muaro Jambi yakni Yasril": another opens
        members.append(p)
    return members if len({p.name for p in members}) >= 2 else []


def _group_post(text: str, window: tuple[int, int], posts: list[PostHit],
                held: set[tuple[int, int]]) -> tuple[int, int, PostHit | None] | None:
    """The post of the group, in the window before the list: the first with a number or "para"/"tim"
    before it, else the last one that many hold (a group role) and no name holds."""
    lo, hi = window
    found = [(p.start, p.end, p) for p in posts if lo <= p.start < hi and p.qualifier not in ("none", "of")
             and (p.start, p.end) not in held]
    found += [(m.start(), m.end(), None) for m in _roles().finditer(text, lo, hi)
              if not any(s <= m.start() < e for s, e, _ in found)
              and not CANDIDATES.search(text, max(lo, m.start() - 15), m.start())]  # "lima calon pimpinan ... A, B"
    grouped = [f for f in found if GROUP.search(text, max(lo, f[0] - 30), f[0])]
    if grouped:
        return min(grouped, key=lambda f: f[0])
    # a post one person holds ("dipimpin Wakil Ketua DPR ..., itu adalah A, B, C") is no group's
    shared = [f for f in found if group_role(text, f[0])]
    if not shared:
        return None
    last = max(shared, key=lambda f: f[0])
    if not _former(text, lo, last) and any(_former(text, lo, f) and _head(text, f) == _head(text, last) for f in found):
        return None  # "pertemuan antara mantan pimpinan dengan Pimpinan KPK saat ini. Antara lain, A, B": whose list?
    return last


def _former(text: str, lo: int, found: tuple[int, int, PostHit | None]) -> bool:
    """A post of the window held formerly ("mantan pimpinan", "eks anggota": kg/lexicons/post_qualifiers.tsv)."""
    before = text[max(lo, found[0] - 8):found[0]].split()
    return (found[2] is not None and found[2].qualifier == "former") \
        or bool(before) and post_qualifier(before[-1]) == "former"


def _head(text: str, found: tuple[int, int, PostHit | None]) -> str:
    """The role word of a post of the window, without its qualifier: "pimpinan" of "mantan pimpinan"."""
    words = [w for w in text[found[0]:found[1]].split() if post_qualifier(w) is None]
    return words[0].casefold() if words else ""
