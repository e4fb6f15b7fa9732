"""Which institution names of one article name one institution: the model's names joined to the node
of the same institution written otherwise.

The model reads an institution wherever it is written, and each name it reads becomes a node of its
own ("org:x-..."). News writes one institution several ways in one article, so one node became two or
three:
  * its abbreviation, defined once in brackets and used alone after ("Yayasan Lembaga Konsumen
    Indonesia (YLKI)" ... "YLKI");
  * shorter, without the parent institution or "RI" that a fuller mention gives ("Komisi III",
    "Komisi III DPR", "Komisi III DPR RI"; "Dewan Pengawas" and "Dewan Pengawas KPK");
  * misspelt once ("Parta Demokrat", "Komisi Pemberatasan Korupsi");
  * a company with and without its legal form ("PT Pertamina (Persero)", "Pertamina");
  * an institution and its level without the region ("KPU Provinsi" of the article's "KPU Maluku");
  * a body of an institution named by the institution's other name ("Fraksi PAN", "Fraksi Partai Amanat
    Nasional");
  * with the abbreviation of its leading words that brackets gave ("Panitia Khusus (Pansus) Pengkajian
    Ibu Kota DPR", then "Pansus Pengkajian Ibu Kota").
Only the model's names are joined (the rules' institutions carry their branch and region); a name
that could be either of two institutions stays as it is.
"""
from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz.distance import Levenshtein

from functools import cache

from kg.nlp.orgs import LEVEL, OrgHit, org_types
from kg.resources import lexicon

LEARNED = "org:x-"
COUNTRY_SUFFIXES = (("ri",), ("republik", "indonesia"))
ROMAN_OR_NUMBER = re.compile(r"^(?:[ivxlc]+|\d+)$")
CONNECTIVES = frozenset({"dan", "serta"})  # no letter of an abbreviation
LEGAL_FORMS = frozenset({"pt", "cv", "perum", "persero", "tbk"})  # a company's name with or without them
MIN_TYPO_WORD = 5
SAME_WORDS = 0.6  # share of the words of two institutions' names that one abbreviation they share needs  # a misspelt word this long or longer; shorter words differ by meaning ("Kab", "Kota")


def same_institutions(orgs: list[OrgHit]) -> dict[int, OrgHit]:
    """For each of `orgs` (by index) that names an institution another node already stands for, that
    node's hit, placed where the name is written."""
    nodes: dict[str, OrgHit] = {}
    forms: dict[str, set[tuple[str, ...]]] = {}
    for o in orgs:
        nodes.setdefault(o.key, o)
        forms.setdefault(o.key, set()).update(
            form for n in (o.label, o.text, *o.alt_labels) if n for form in (_words(n), _abbreviation_first(n)) if form)
    joins: dict[str, str] = {}
    for hit in nodes.values():
        if not hit.key.startswith(LEARNED):
            continue
        others = {k: o for k, o in nodes.items() if k != hit.key}
        name = _words(hit.label)
        written = {_words(n) for n in (hit.label, hit.text, *hit.alt_labels) if n}
        target = _abbreviated(name, written, others, forms) or _misspelt(name, others) \
            or _shorter(name, others, forms) or _without_legal_form(name, others, forms) \
            or _level_only(name, others, forms) or _initials(name, others) or _kind_and_abbreviation(name, others, forms) \
            or _party_written_otherwise(hit.key, name, others, forms)
        if target is not None:
            joins[hit.key] = target.key
    out: dict[int, OrgHit] = {}
    for i, hit in enumerate(orgs):
        key = _joined_to(hit.key, joins)
        if key != hit.key:
            out[i] = replace(nodes[key], start=hit.start, end=hit.end, text=hit.text)
    return out


def _joined_to(key: str, joins: dict[str, str]) -> str:
    """The node a chain of joins ends at; where two of the model's nodes each join the other ("Dewan
    Pengawas" written once as "Dewas Pengawas", each the other's other name), the first of them."""
    seen = [key]
    while key in joins:
        key = joins[key]
        if key in seen:
            return min(seen[seen.index(key):])
        seen.append(key)
    return key


def _words(name: str) -> tuple[str, ...]:
    """A name's words, short words written out (kg/lexicons/institution_word_forms.tsv: "Badan Pengawas
    Pemilu" is "... Pemilihan Umum", "Ditjen Imigrasi" "Direktorat Jenderal Imigrasi")."""
    words = re.sub(r"[^\w\s]", " ", name).casefold().split()
    return tuple(w for word in words for w in _written_out().get(word, (word,)))


@cache
def _written_out() -> dict[str, tuple[str, ...]]:
    return {short: tuple(full.split()) for short, full, *_ in lexicon("institution_word_forms")}


LEADING_ABBREVIATION = re.compile(r"^(?P<head>[^()]+?)\s*\((?P<short>[A-Za-z][\w-]{1,11})\)\s+(?P<rest>\S.*)$")


def _abbreviation_first(name: str) -> tuple[str, ...]:
    """A name with its leading words' abbreviation in brackets, written with the abbreviation instead:
    "Panitia Khusus (Pansus) Pengkajian Ibu Kota DPR" → "Pansus Pengkajian Ibu Kota DPR", the form
    the article uses after; () when the name has none (or the brackets shorten something else)."""
    m = LEADING_ABBREVIATION.match(name)
    if m is None or m.group("short")[0].casefold() != m.group("head")[0].casefold():
        return ()
    return _words(f"{m.group('short')} {m.group('rest')}")


def _initials(name: tuple[str, ...], others: dict[str, OrgHit]) -> OrgHit | None:
    """An abbreviation made of the first letters of another node's name ("KKP" of the "Kementerian
    Kelautan dan Perikanan" that "Menteri Kelautan dan Perikanan" names), when one node's only."""
    if len(name) != 1 or not 2 <= len(name[0]) <= 6:
        return None
    return _only([o for o in others.values()
                  if "".join(w[0] for w in _words(o.label) if w not in CONNECTIVES) == name[0]])


def _only(found: list[OrgHit]) -> OrgHit | None:
    return found[0] if len(found) == 1 else None


def _abbreviated(name: tuple[str, ...], written: set[tuple[str, ...]], others: dict[str, OrgHit],
                 forms) -> OrgHit | None:
    """A name that is another node's abbreviation or other name ("YLKI" of "Yayasan Lembaga Konsumen
    Indonesia (YLKI)"), or one with a form of the rules' node among its own forms ("Badan Pengawasan
    Pemilu (Bawaslu) Kabupaten Paser", read by the model, is "Bawaslu Kabupaten Paser" as the rules read
    it; only the rules' node: two of the model's nodes would each join the other). A one-word form
    they share joins them only where most of their names' words are the same: "Panitia Pengawas
    Kecamatan (Panwascam)" is "Panitia Pengawas Pemilihan Kecamatan", "Dewan Pimpinan Daerah (DPD)" of
    a party is not the senate ("Dewan Perwakilan Daerah", "DPD")."""
    def shares(key: str, other: OrgHit) -> bool:
        common = written & forms[key]
        if any(len(form) > 1 for form in common):
            return True  # "Bawaslu Kabupaten Paser"
        words = set(_words(other.label))  # one word: an abbreviation two institutions may share ("DPD")
        return bool(common) and len(words & set(name)) / len(words | set(name)) >= SAME_WORDS

    return _only([o for k, o in others.items() if name in forms[k]]) or \
        _only([o for k, o in others.items() if not k.startswith(LEARNED) and shares(k, o)])


def _kind_and_abbreviation(name: tuple[str, ...], others: dict[str, OrgHit], forms) -> OrgHit | None:
    """"Kementerian ESDM" (or "Kementeriaan ESDM") of "Kementerian Energi dan Sumber Daya Mineral (ESDM)":
    the first word of another node's name, then that node's abbreviation."""
    if len(name) != 2:
        return None
    return _only([o for k, o in others.items() if (name[1],) in forms[k] and len(_words(o.label)) > 2
                  and (_words(o.label)[0] == name[0] or _typo(_words(o.label)[0], name[0]))])




def _misspelt(name: tuple[str, ...], others: dict[str, OrgHit]) -> OrgHit | None:
    """A name one word of which is another node's word misspelt (two edits at most, in a word of
    MIN_TYPO_WORD letters or more, not a number: "Komisi II" is not "Komisi III")."""
    def one_typo(other: tuple[str, ...]) -> bool:
        differ = [(a, b) for a, b in zip(name, other) if a != b]
        return len(other) == len(name) >= 2 and len(differ) == 1 and _typo(*differ[0])

    return _only([o for o in others.values() if one_typo(_words(o.label))])


def _typo(a: str, b: str) -> bool:
    """Two spellings of one word: two edits at most in a word of MIN_TYPO_WORD letters or more (one
    below eight), not a number ("Komisi II" is not "Komisi III")."""
    if min(len(a), len(b)) < MIN_TYPO_WORD or ROMAN_OR_NUMBER.match(a) or ROMAN_OR_NUMBER.match(b):
        return False
    return Levenshtein.distance(a, b) <= (1 if min(len(a), len(b)) < 8 else 2)


def _without_legal_form(name: tuple[str, ...], others: dict[str, OrgHit], forms) -> OrgHit | None:
    """A company's name written without its legal form where another node has it ("Pertamina" of "PT
    Pertamina (Persero)"; not the other way: each would join the other), or with it where another node
    has the name without ("PT AKT" of "PT Asmin Koalindo Tuhup (AKT)")."""
    def bare(words: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(w for w in words if w not in LEGAL_FORMS)

    core = bare(name)
    if not core:
        return None
    return _only([o for o in others.values() if bare(_words(o.label)) == core == name
                  and len(_words(o.label)) > len(name)]) or \
        _only([o for k, o in others.items() if core != name and core != _words(o.label)
                and core in {bare(f) for f in forms[k]}])


def _level_only(name: tuple[str, ...], others: dict[str, OrgHit], forms) -> OrgHit | None:
    """"KPU Provinsi", "Bawaslu Kabupaten": an institution and a level with no region, where the article
    names one branch of it at that level (the rules' node, which carries the region)."""
    if len(name) != 2 or name[1] not in LEVEL:
        return None
    return _only([o for k, o in others.items() if not k.startswith(LEARNED) and o.level == LEVEL[name[1]]
                  and any(form[:1] == name[:1] for form in forms[k])])


def _shorter(name: tuple[str, ...], others: dict[str, OrgHit], forms) -> OrgHit | None:
    """A name that a longer node's name starts with, the rest naming a parent institution of the
    article, a national one or the country ("Komisi III" + "DPR RI"): the longest such node, when the
    others are shorter forms of it."""
    parents = set().union(*forms.values()) | set(COUNTRY_SUFFIXES) | _national_forms()

    def extends(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
        rest = longer[len(shorter):]
        return len(longer) > len(shorter) and longer[:len(shorter)] == shorter and (
            rest in parents or any(rest[:k] in parents and rest[k:] in COUNTRY_SUFFIXES for k in range(1, len(rest))))

    longer = [o for k, o in others.items() if k.startswith(LEARNED) and any(extends(form, name) for form in forms[k])]
    if not longer:  # a node of the rules written in full ("Dewan Pengawas KPK" of "Dewan Pengawas"), when one only
        return _only([o for k, o in others.items() if not k.startswith(LEARNED)
                      and any(extends(form, name) for form in forms[k])])
    longest = max(longer, key=lambda o: len(_words(o.label)))
    top = _words(longest.label)
    return longest if all(top[:len(_words(o.label))] == _words(o.label) for o in longer) else None


@cache
def _national_forms() -> frozenset[tuple[str, ...]]:
    """The names of the national institutions (kg/lexicons/org_types.tsv): "DPR", "Dewan Perwakilan Rakyat"."""
    return frozenset(_words(n) for t in org_types().values() if t.area_rule == "none" for n in (*t.abbreviations, t.full))


def _party_written_otherwise(key: str, name: tuple[str, ...], others: dict[str, OrgHit], forms) -> OrgHit | None:
    """A body named by its head words and another node's name, where another of the model's nodes has the
    same head words and another name of that node ("Fraksi PAN" and "Fraksi Partai Amanat Nasional"):
    the shorter joins the longer (of two as long, the first key), so that neither joins both ways."""
    def written_otherwise(other_key: str, other: tuple[str, ...]) -> bool:
        if (len(other), other_key) <= (len(name), key):
            return False
        for k in range(1, min(len(name), len(other))):
            if name[:k] != other[:k] or name[k:] == other[k:]:
                continue
            if any(name[k:] in f and other[k:] in f for third, f in forms.items() if third not in (key, other_key)):
                return True
        return False

    return _only([o for k, o in others.items() if k.startswith(LEARNED) and written_otherwise(k, _words(o.label))])
