"""How two person names can name one person: the same name, one inside the other, initials, an
acronym, a nickname made of the first syllables ("Jokowi" from Joko Widodo), a spelling variant.

The relation says only that the names are compatible; whether the persons are the same is the
scorer's question (kg.identity.scoring), which weighs it with posts, institutions and places.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from rapidfuzz.distance import JaroWinkler, Levenshtein

from kg.resources import one_word_posts, title_words
from kg.resources import words as words_of  # "words" here are a name's words

# From strongest to weakest; "none" when the names cannot be one person's.
# first names so common that the person goes by the next one ("Muhammad Jusuf Kalla": Jusuf Kalla)
LEADING_NAMES = frozenset({"muhammad", "mohammad", "mohamad", "muhamad", "mochammad", "mochamad", "moh", "muh", "m",
                           "abdul", "ahmad", "achmad", "andi", "i", "ni", "teuku", "tengku", "raden", "gusti"})
SUFFIXES = {"jr": "junior", "sr": "senior"}  # "Neymar Jr" / "Neymar Junior": one name
RELATIONS = ("same", "variant", "initials", "contains", "acronym", "nickname", "none")


@lru_cache(maxsize=1 << 18)
def words(name: str, keep_glued: bool = False) -> tuple[str, ...]:
    """Lowercase name words without dots, hyphens and apostrophes, and without forms of address,
    honorifics and ranks before them: "B.J. Habibie" → ("b", "j", "habibie"), "Eyang Habibie" →
    ("habibie",), "Ma'ruf Amin" → ("maruf", "amin"). A word the news writes in lower case that the
    extractor glued before a name is no part of it either ("Pidato Jokowi", "Karakter Arini"), unless
    `keep_glued`: the extractor, which would otherwise make "Kapasitas Nelson" the name of the article's
    Nelson Pomalingo, trims such words itself."""
    spaced = re.sub(r"(?<=\b\w)\.(?=\w)", ". ", name)
    spaced = re.sub(r"(?<=\w)['’`](?=\w)", "", spaced)  # "Ma'ruf" and "Maruf" are one spelling
    out = tuple(w for w in re.split(r"[\s.\-']+", spaced.lower()) if w)
    while len(out) > 1 and (out[0] in _address() or (not keep_glued and out[0] in _glued_words())):
        out = out[1:]
    if len(out) > 1 and out[-1] in SUFFIXES:
        out = out[:-1] + (SUFFIXES[out[-1]],)
    return out


@lru_cache(maxsize=1 << 18)
def someone_else(name: str) -> bool:
    """A name that names a relative, aide or counsel of the person it holds ("Istri Ibas Yudhoyono")."""
    first = name.split()[0].lower() if name.split() else ""
    return first in relation_words()


@cache
def _address() -> frozenset[str]:
    """Words before a name that are not the name: forms of address, ranks and honorifics, and one-word
    posts the extractor left glued to it ("Dubes Djani")."""
    return frozenset(w.lower().rstrip(".") for w in words_of("address_words") | title_words()) | one_word_posts()


@cache
def _glued_words() -> frozenset[str]:
    """Words the news writes in lower case (kg/lexicons/common_words.tsv): one capitalised before a
    name opens the sentence or a headline, and the name is what follows it."""
    return words_of("common_words")


@cache
def relation_words() -> frozenset[str]:
    return frozenset(w.lower() for w in words_of("relation_words"))


@lru_cache(maxsize=1 << 18)
def relation(a: str, b: str, keep_glued: bool = False) -> str:
    """The strongest way names `a` and `b` can name one person (one of RELATIONS); `keep_glued`: see `words`."""
    wa, wb = words(a, keep_glued), words(b, keep_glued)
    if not wa or not wb or someone_else(a) != someone_else(b):
        return "none"
    if wa == wb or _expanded(wa) == _expanded(wb) or (
            len(wa) == len(wb) and all(x == y or _spelt_alike(x, y) for x, y in zip(wa, wb))):
        return "same"  # "Soeharto" / "Suharto": one name in the old spelling and today's
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) == len(long) and (_spelling(short, long) or _reversed(short, long) or _cut_short(short, long)):
        return "variant"
    if _initials(short, long) or _initials(long, short):
        return "initials"
    if _inside(short, long) and not _middle_only(short, long):
        return "contains"
    if len(short) == 1 and len(long) >= 2:
        word = short[0]
        if len(word) >= 2 and word == "".join(w[0] for w in long):
            return "acronym"
        if _nickname(word, long):
            return "nickname"
    return "none"


def compatible(a: str, b: str) -> bool:
    """Whether one person can bear both names: any relation, or the shorter name's words inside the
    longer one's with a letter or two spelt otherwise ("Ridwal Kamil", "Mochamad Ridwan Kamil"), or
    as an initial ("Laode M Syarif", "Laode Muhammad Syarief")."""
    if relation(a, b) != "none":
        return True
    if someone_else(a) != someone_else(b):
        return False
    wa, wb = words(a), words(b)
    if _one_word_respelt(wa, wb):
        return True
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    it = iter(long)
    return len(short) >= 2 and all(any(_close(w, x) or _initial_of(w, x, len(short) == len(long)) for x in it)
                                   for w in short)


def _initial_of(a: str, b: str, either: bool) -> bool:
    """Word `a` of the shorter name written as the initial of word `b` of the longer ("m" of "muhammad"),
    or, `either` (names of as many words), one as the other's: a longer name that writes a word of
    the shorter as an initial ("Budi S. Sudarmadi", "Budi Setiyadi") is somebody else's."""
    return (len(a) == 1 and len(b) > 1 or either and len(b) == 1 and len(a) > 1) and a[0] == b[0]


def _one_word_respelt(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two names of two words or more alike but in one word, spelt with an edit or two in four letters
    or more with the same first letter ("Nirwono Joga" / "Nirwono Jogo", "Agatha Pricilla" / "Agatha
    Prescilla"): one person's name may be written so; too loose to say they are one (that is the
    scorer's), close enough not to forbid it."""
    if len(a) != len(b) or len(a) < 2:
        return False
    differ = [(x, y) for x, y in zip(map(_respelt, a), map(_respelt, b)) if x != y]
    return len(differ) == 1 and all(
        x[0] == y[0] and min(len(x), len(y)) >= 4 and Levenshtein.distance(x, y) <= max(1, min(len(x), len(y)) // 4)
        for x, y in differ)


def _close(a: str, b: str) -> bool:
    """Two words of two names, the rest of which agree, that may be one word spelt two ways: alike in
    today's spelling ("Joga" / "Yoga"), a letter added to a short one ("Pin" / "Ping"), or nearly the
    same (Jaro-Winkler ≥ .9, the same first letter)."""
    return a == b or _respelt(a) == _respelt(b) or (
        min(len(a), len(b)) >= 3 and abs(len(a) - len(b)) == 1 and (a.startswith(b) or b.startswith(a))) or (
        a[0] == b[0] and min(len(a), len(b)) >= 4 and JaroWinkler.similarity(a, b) >= 0.9)


# The spelling before 1972 that names keep ("Widjaja", "Djadjang", "Soeharto", "Tjahjo"), written as
# today's, and the English "sh" of an Arabic name for today's "sy" ("Shihab" / "Syihab", "Sharif" /
# "Syarif"); "y" as the old "j" so that either spelling of a sound meets the other ("Wijaya" / "Widjaja").
DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1")
OLD_SPELLING = (("dj", "j"), ("tj", "c"), ("oe", "u"), ("ch", "kh"), ("sh", "sy"), ("y", "j"))


def _spelt_alike(a: str, b: str) -> bool:
    """One name word spelt two ways: in the old spelling and today's, or with a consonant doubled
    ("Komaruddin" / "Komarudin", "Mohammad" / "Mohamad", "Scarlett" / "Scarlet")."""
    return _respelt_alike(a, b) or (min(len(a), len(b)) >= 4 and _undoubled(a) == _undoubled(b))


@lru_cache(maxsize=1 << 16)
def _undoubled(word: str) -> str:
    return DOUBLED.sub(r"\1", word)


def _respelt_alike(a: str, b: str) -> bool:
    """One word in the old spelling and today's: one of them has a letter pair only the old spelling
    writes, and both read alike respelt ("Yuda" and "Juda", with none, are two names)."""
    return (_old_spelt(a) or _old_spelt(b)) and _respelt(a) == _respelt(b)


@lru_cache(maxsize=1 << 16)
def _old_spelt(word: str) -> bool:
    return any(old in word for old, _ in OLD_SPELLING[:-1])


@lru_cache(maxsize=1 << 16)
def _respelt(word: str) -> str:
    for old, new in OLD_SPELLING:
        word = word.replace(old, new)
    return word


def misspelt(word: str, name: str, keep_glued: bool = False) -> bool:
    """One name word written as a word of `name` with a letter left out or put in ("Bivtri" / "Bivitri
    Susanti", "Sirajudin" / "Sirajuddin Abdul Wahab"), five letters or more, the same first letter. A
    letter spelt otherwise is another name as often as a slip ("Mulyadi" / "Yanuk Sri Mulyani"), and so
    is one put at the end ("Azhari" / "Azhar Mauhmud")."""
    w = words(word, keep_glued)
    return len(w) == 1 and len(w[0]) >= 5 and any(
        abs(len(x) - len(w[0])) == 1 and x[0] == w[0][0] and Levenshtein.distance(x, w[0]) == 1
        and x[:-1] != w[0] and w[0][:-1] != x for x in words(name, keep_glued))  # "Azhari" is not "Azhar" misspelt


def _spelling(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same number of words, each the same or spelt slightly otherwise ("Soesatyo"/"Susatyo", "Wijaya" /
    "Widjaja"): at least one word equal, the others close (the same in today's spelling, or Jaro-Winkler
    ≥ .9 and the same first letter)."""
    if len(a) < 2 or not any(x == y for x, y in zip(a, b)):
        return False
    return all(_close(x, y) for x, y in zip(a, b))


def _cut_short(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The same name but its last word cut to its first two letters, by a headline or the scraper
    ("Maverick Vi" / "Maverick Vinales", "Tagore AB" / "Tagore Abubakar")."""
    if len(a) < 2 or a[:-1] != b[:-1]:
        return False
    cut, whole = sorted((a[-1], b[-1]), key=len)
    return len(cut) == 2 and len(whole) >= 4 and whole.startswith(cut)


def _reversed(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two words in the other order ("Mita Michiteru" / "Michiteru Mita"): a Japanese or Chinese name
    written family name first in one article and last in another."""
    return len(a) == 2 and a == b[::-1] and a[0] != a[1]


def _initials(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """`a` writes some of `b`'s words as initials: "b j habibie" / "bacharuddin jusuf habibie";
    a run of initials may be one word ("bj habibie"), and words before the last may be left out
    ("j habibie", "b habibie": `_initials_of_some`). The last words must be equal."""
    expanded, full = _expanded(a), _expanded(b)
    if len(expanded) > len(full) or expanded[-1] != b[-1] or tuple(expanded) == b:
        return False
    if len(expanded) < len(full):
        return _initials_of_some(expanded[:-1], full[:-1])
    return any(len(x) == 1 for x in expanded) and all(
        x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)) for x, y in zip(expanded, full))


def _initials_of_some(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Each word of `a` is a word of `b`, in order, or its initial, and one at least is an initial
    ("j" of "bacharuddin jusuf", or of "b j"): a name cut after its first initial."""
    it = iter(b)
    return all(any(x == y or (len(x) == 1 and y.startswith(x)) for y in it) for x in a) and any(len(x) == 1 for x in a)


@lru_cache(maxsize=1 << 18)
def _expanded(name: tuple[str, ...]) -> tuple[str, ...]:
    """A run of initials written as one word split into letters: ("bj", "habibie") → ("b", "j", "habibie")."""
    return tuple(part for i, w in enumerate(name)
                 for part in (list(w) if len(w) <= 3 and i < len(name) - 1 and not _vowelled(w) else [w]))


def _vowelled(word: str) -> bool:
    return any(c in "aeiou" for c in word) and len(word) > 2


def _inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """The shorter name's words appear in the longer one in order, the same or one in the old spelling
    and the other in today's (as for "same"): "ridwan kamil" in "mochamad ridwan kamil", "prabowo"
    in "prabowo subianto", "rizieq shihab" in "muhammad rizieq syihab"."""
    if len(short) >= len(long):
        return False
    it = iter(long)
    return all(any(w == x or _spelt_alike(w, x) for x in it) for w in short)


def _middle_only(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """One word that is only a middle word of a name of three or more ("ananta" of "pramoedya ananta toer",
    "muhaimin" of "abdul muhaimin iskandar"): news calls a person by the first or the last of their
    names, so such a word names somebody else as a rule (bench/identity: 14 pairs different, 2 same).
    The word after a common first name is first too ("jusuf" of "muhammad jusuf kalla")."""
    first = long[1] if long[0] in LEADING_NAMES else long[0]
    return len(short) == 1 and len(long) >= 3 and short[0] not in (long[0], first, long[-1])


def _nickname(word: str, long: tuple[str, ...]) -> bool:
    """A one-word nickname made of the beginnings of two or more of the name's words, in order, each
    at least two letters ("jokowi" = joko + wi(dodo), "zulhas" = zul(kifli) + has(an))."""
    if len(word) < 4:
        return False

    def cover(rest: str, i: int, used: int) -> bool:
        if not rest:
            return used >= 2
        for j in range(i, len(long)):
            w = long[j]
            for n in range(min(len(w), len(rest)), 1, -1):
                if w[:n] == rest[:n] and cover(rest[n:], j + 1, used + 1):
                    return True
        return False

    return cover(word, 0, 0)
