"""Names a scraper cut out of the text: the holder of a post standing before an empty slot.

Some sources lose their hyperlinked words when scraped: CLICK-ID's Kompas articles read "Gubernur Jawa
Tengah  , berencana ..." where the page linked "Ganjar Pranowo", and name him by a short form later
("Hal tersebut dikatakan Ganjar"). The slot (space before a comma, then the clause goes on in lower case)
is read as a mention of the first person the article introduces after it: in a later sentence (the
slot's own sentence goes on about others: "Gubernur DKI Jakarta, , menjenguk presiden Ke-3 BJ Habibie"),
within a few paragraphs, named there for the first time ("presiden Ke-3 BJ Habibie" in the slot's sentence
makes a later "Habibie" no newcomer, "Joko Widodo" a later "Jokowi"), holding no other post and not taken by an earlier slot.
The slot's hit carries that person's name, so the post rules, the post linker and the speakers treat
it as the name it stands for.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import cache

from kg.identity.names import relation
from kg.nlp.persons import PersonHit
from kg.nlp.posts import definition_of
from kg.nlp.quotes import speech_verbs
from kg.nlp.text import DEMONSTRATIVE, alternation
from kg.resources import lexicon

HOLE_EVIDENCE = "hole"
REACH = 800  # characters after the slot in which the person it stands for is looked for
NEAR = 20  # a name this close after the slot's comma is the post's holder: the slot was not a name
FAR = 120  # nor one this close with only where the post is held between ("di DPRD Kota  ,")
PLACE_BETWEEN = re.compile(r"\s*(?:di|pada)\s+(?:[A-Z][\w.&'-]*|\([^()\n]{0,20}\)|,|\s)+")
#: a cut speaker: a capitalised word after another word (the end of a post's institution: "Wakil Ketua Umum DPP ,, ,
#: mengatakan"; not "Mulanya , meminta"), the slot, a reporting verb
CUT_SPEAKER = re.compile(r"(?<=[\w)] )[A-Z][\w)]*\s+,(?:\s*,)*\s+(?P<verb>[a-z]+)")


@cache
def _slot_after_post() -> re.Pattern[str]:
    """What stands after a post whose holder's name was cut: an emptied abbreviation "( ,)", a rank
    ("Kombes"), then a space before a comma and the clause in lower case ("  , mengatakan"); not a
    demonstrative, which points back at someone named before: the cut words were the post's institution
    ("ujar anggota , ini": a member of the DPR the page linked)."""
    ranks = alternation([row[0] for row in lexicon("ranks")])
    return re.compile(rf"\s?(?P<slot>(?:\s*\([^()\n]{{0,20}}\))?(?:\s+(?P<rank>{ranks})\.?)?\s*,?\s+),(?:\s*,)*\s*"
                      rf"(?=(?!{DEMONSTRATIVE})[a-z])")


@cache
def _heads_of_state() -> dict[str, frozenset[str]]:
    """The names of every president and vice president (kg/lexicons/heads_of_state.tsv), by post: a slot after
    "Presiden" was one of them, not whoever the article names next ("Presiden  , menunjuk  , sebagai Plt
    Menteri ..." and later "Imam Nahrawi")."""
    names: dict[str, set[str]] = {}
    for post, forms, *_ in lexicon("heads_of_state"):
        for name in forms.casefold().split(","):  # and each word of a name: "Kalla" of Jusuf Kalla
            names.setdefault(post.casefold(), set()).update({name.strip(), *name.split()})
    return {post: frozenset(n) for post, n in names.items()}


def named_holes(text: str, posts: Iterable[tuple[int, str]], persons: Sequence[PersonHit],
                held: dict[PersonHit, str], sentence_at: Callable[[int], int]) -> list[PersonHit]:
    """One hit per slot after a post (`posts`: where each ends, and its words), named as the person it
    stands for; slots no later person fits are left out. `held`: the persons the article already names
    with a post of their own, and that post. A slot after a post one of them holds is that person
    ("Presiden Joko Widodo" ... "Presiden  , melakukan"): it adds nothing and is left out."""
    pattern = _slot_after_post()
    known = {post.casefold() for post in held.values()}
    slots: dict[int, re.Match[str]] = {}  # by the slot's comma: two posts may end before one slot
    slot_words: dict[int, str] = {}
    for end, words in posts:
        if (m := pattern.match(text, end)) is not None and m.end("slot") not in slots \
                and words.casefold() not in known:
            slots[m.end("slot")] = m
            slot_words[m.end("slot")] = words
    if not slots:
        return []
    ordered = sorted(persons, key=lambda h: h.start)
    speakers_cut = [m.start() for m in CUT_SPEAKER.finditer(text) if m.group("verb") in speech_verbs()]
    # a person the article gives a post elsewhere, under any of the names it gives them ("Kepala BPBD Riau Edwar
    # Sanger" ... "Edwar"), is not the one whose name was cut
    held_names = {h.name for h in persons if any(h.name == k.name or _related(h.name, k.name) for k in held)}
    taken: set[str] = set()
    filled: list[tuple[set[str], str]] = []  # the forms of each post whose slot is named, and the name
    out = []
    paired = _coordinated(text, slots, slot_words)
    for comma, m in sorted(slots.items()):
        slot = m.start("slot")
        if comma in paired:
            continue  # "Baik Ketua Tim Dokter Kepresidenan, ,, maupun Sekretaris Pribadi, ,, membenarkan": whose name
            # the article gives next is not said
        forms = _forms(slot_words[comma])
        same = next((name for done, name in filled if done & forms), None)
        if same is not None:  # "Menteri Pemuda dan Olahraga (Menpora) , sebagai tersangka ... Menpora , ditetapkan"
            out.append(PersonHit(slot, comma, same, same, slot, m.group("rank"), HOLE_EVIDENCE))
            continue
        heads = _heads_of_state().get(slot_words[comma].casefold())
        if any(comma < h.start <= comma + NEAR and "," not in text[comma + 1:h.start]
               or comma < h.start <= comma + FAR and PLACE_BETWEEN.fullmatch(text, comma + 1, h.start) for h in ordered):
            continue  # "Ketua  , nondefinitif Pantas Nainggolan", "Ketua Fraksi  , di DPRD Kota  , Entang Suryaman":
            # the cut words were the institution's
        # a newcomer after another cut speaker is that speaker's name, not this slot's ("Ketua Umum , , menyatakan
        # ... Wakil Ketua Umum DPP ,, , mengatakan ... ungkap Nurhayati")
        bound = min((at for at in speakers_cut if at > comma and sentence_at(at) != sentence_at(slot)), default=len(text))
        newcomers = [h for h in ordered if slot < h.start <= min(slot + REACH, bound) and h.name not in held_names
                     and not _written_small(text, h.name)
                     and sentence_at(h.start) != sentence_at(slot) and h.name not in taken
                     and (heads is None or h.name.casefold() in heads)
                     and not any(_related(h.name, b.name) for b in ordered if b.start < h.start)]
        # a cut speaker ("Wakil Ketua DPR  ,  , mengatakan ...") is the newcomer the article gives words to ("...,"
        # kata Fahri Hamzah), not one it names in passing first ("yang dipimpin Shukurjon Zukhurof")
        person = next((h for h in newcomers if _cut_speaker(text, comma) and _speaks(text, h)), None) \
            or next(iter(newcomers), None)
        if person is None:
            continue
        taken.add(person.name)
        filled.append((forms, person.name))
        out.append(PersonHit(slot, comma, person.name, person.name, slot, m.group("rank") or person.rank,
                             HOLE_EVIDENCE))
    return out


CUT_AFTER = re.compile(r"\s\s+,(?!\s*\()")  # "Presiden Rusia Vladimir  , menawarkan": the linked surname cut
SLOTS_BEFORE = re.compile(r"(?:\s\s+,)+\s*$")  # "Menteri Dalam Negeri  , Kumolo menyampaikan": the linked first name cut


def completed_names(text: str, persons: Sequence[PersonHit], sentence_at: Callable[[int], int],
                    post_ends: Iterable[int] = ()) -> list[PersonHit]:
    """A name the scraper cut its linked last word from ("Presiden Rusia Vladimir  , menawarkan ...", later "Putin
    mengatakan"), or its first word (`_cut`: "Menteri Dalam Negeri  , Kumolo", later "Tjahjo"), is completed by
    the first one-word name the article introduces after it in a later sentence: within REACH, not past the next
    cut name ("Presiden Vladimir  , ... Presiden Donald  , ... Trump": Trump's), unrelated to any name before it,
    never written in a longer name ("BJ Habibie" is no one's cut last name) and not right after a post ("Bacharuddin
    Jusuf  , ..." then "Wapres Kalla": the vice president's own name). A bracket after the slot gives
    another form ("Bambang  , (Bamsoet)"), and is no completion."""
    ordered = sorted(persons, key=lambda h: h.start)
    ends = set(post_ends)
    cuts = [h for h in ordered if _cut(text, h, ordered, ends)]
    out = []
    for hit in persons:
        if hit not in cuts or len(hit.name.split()) > 2:
            out.append(hit)
            continue
        initialled = _initialled(hit, ordered) if CUT_AFTER.match(text, hit.end) else None
        if initialled is not None:  # "Baharuddin Jusuf  , ..." then "BJ Habibie": the rest of the name initialled so
            out.append(replace(hit, name=f"{hit.name} {initialled}"))
            continue
        cut_next = next((h.start for h in cuts if h.start > hit.end), len(text))
        rest = next((h for h in ordered if hit.end < h.start < min(hit.end + REACH + 1, cut_next)
                     and sentence_at(h.start) != sentence_at(hit.start) and len(h.name.split()) == 1 and h.name[0].isupper()
                     and not any(0 <= h.start - end <= 3 for end in ends)  # "Wapres Kalla": a post's own holder
                     and not any(_related(h.name, b.name) for b in ordered if b.start < h.start)
                     and not any(h.name in b.name.split() and b.name != h.name for b in ordered)), None)
        if rest is None:
            out.append(hit)
        else:
            name = f"{hit.name} {rest.name}" if CUT_AFTER.match(text, hit.end) else f"{rest.name} {hit.name}"
            out.append(replace(hit, name=name))
    return out


def _initialled(hit: PersonHit, persons: Sequence[PersonHit]) -> str | None:
    """The rest of a name the article also writes with the cut name's words as initials ("Baharuddin Jusuf  ,"
    and "BJ Habibie" or "B.J. Habibie": Habibie)."""
    initials = "".join(w[0] for w in hit.name.split()).upper()
    for p in persons:
        head, _, rest = p.name.partition(" ")
        if rest and len(initials) > 1 and head.replace(".", "").upper() == initials and rest[:1].isupper():
            return rest
    return None


def _cut(text: str, hit: PersonHit, persons: Sequence[PersonHit], post_ends: set[int]) -> bool:
    """A name with a slot right after it ("Vladimir  ,"), or a one-word name with slots between it and a post before
    it, never written alone again ("Menteri Dalam Negeri  , Kumolo", then "Tjahjo"; not "Wakil Ketua  , Sukamta",
    then "kata Sukamta"); not one the article writes whole elsewhere ("Airlangga Hartarto")."""
    if CUT_AFTER.match(text, hit.end) is None:
        before = SLOTS_BEFORE.search(text, max(0, hit.start - 16), hit.start)
        if before is None or before.start() not in post_ends or hit.start != hit.name_start \
                or len(hit.name.split()) != 1 or any(p.name == hit.name and p.start != hit.start for p in persons):
            return False
    # "Ketua Umum  , Hartarto" ... "Airlangga Hartarto": the article gives the whole name itself
    return not any(hit.name in p.name.split() and p.name != hit.name for p in persons)


SLOT_THEN_WORD = re.compile(r"(?:\s*,)*\s*(?P<verb>[a-z]+)")


def _cut_speaker(text: str, comma: int) -> bool:
    """Whether the slot ending at `comma` is followed by a reporting verb ("  , mengatakan"): the cut name spoke."""
    m = SLOT_THEN_WORD.match(text, comma + 1)
    return m is not None and m.group("verb") in speech_verbs()


@cache
def _speech_before() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{alternation(sorted(speech_verbs()))})(?:nya)?\s+$")


def _speaks(text: str, h: PersonHit) -> bool:
    """Whether the name stands as a speaker: right after a reporting verb ("kata Fahri Hamzah") or right before
    one ("Zita mengatakan")."""
    after = SLOT_THEN_WORD.match(text, h.end)
    return _speech_before().search(text, max(0, h.start - 16), h.start) is not None \
        or (after is not None and after.group("verb") in speech_verbs() and "," not in text[h.end:after.start("verb")])


def _written_small(text: str, name: str) -> bool:
    """A one-word name the article also writes in lower case is a word read as a name ("Abu jenazah almarhum
    ... di depan abu jenazah"): no one a slot stands for."""
    return " " not in name and re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", text) is not None


COORDINATOR = re.compile(r"\s*(?:dan|serta|maupun|atau)\s+$")


def _coordinated(text: str, slots: dict[int, re.Match[str]], slot_words: dict[int, str]) -> set[int]:
    """The slots of two different posts joined by "dan", "serta", "maupun" or "atau" ("Ketua Tim Dokter
    Kepresidenan, ,, maupun Sekretaris Pribadi, ,,"): two names cut, and which the article gives next is not said."""
    out = set()
    ordered = sorted(slots.items())
    for (comma, m), (next_comma, n) in zip(ordered, ordered[1:]):
        words = slot_words[next_comma]
        start = n.start() - len(words)
        if text[start:n.start()] == words and COORDINATOR.match(text[m.end():start]) \
                and not _forms(slot_words[comma]) & _forms(words):
            out |= {comma, next_comma}
    return out


def _forms(words: str) -> set[str]:
    """A post's words and, when they are a lexicon post's, its expansions: "Menpora" is "Menteri Pemuda dan
    Olahraga"."""
    definition = definition_of(words)
    forms = {words.casefold()}
    if definition is not None and definition.label.casefold() == words.casefold():
        forms |= {e.casefold() for e in definition.expansions}
    return forms


def _related(a: str, b: str) -> bool:
    """Whether two names of the article can name one person (the extractor's own trimming kept)."""
    return relation(a, b, keep_glued=True) != "none"
