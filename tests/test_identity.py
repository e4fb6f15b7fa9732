"""Identity resolution across articles (kg.identity): names that can be one person's, clusters that
never over-merge, one canonical node in every query, and an incremental build that touches only
the clusters it joins."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kg.cli import main
from kg.graph import connect
from kg.identity.clusters import cluster
from kg.identity.context import second_pass
from kg.identity.fiction import synopsis_title
from kg.identity.names import compatible, relation
from kg.identity.records import PersonRecord, _add_first_names, _add_keywords, _drop_common, most_common, news_desk
from kg.identity.resolve import canonical
from kg.identity.scoring import ScoredPair, score
from kg.ingest.build import build

from conftest import quads_by_graph

ARTICLES = Path(__file__).parent / "data" / "identity"
PERSON = "https://w3id.org/pemilu-kg/id/person/"


@pytest.mark.parametrize("a, b, expected", [
    ("Jokowi", "Joko Widodo", "nickname"),
    ("Zulhas", "Zulkifli Hasan", "nickname"),
    ("SBY", "Susilo Bambang Yudhoyono", "acronym"),
    ("B.J. Habibie", "Bacharuddin Jusuf Habibie", "initials"),
    ("BJ Habibie", "B. J. Habibie", "same"),
    ("Ridwan Kamil", "Mochamad Ridwan Kamil", "contains"),
    ("Susi Pujiastuti", "Susi Pudjiastuti", "same"),  # "dj": the old spelling of "j"
    ("Scarlet Johansson", "Scarlett Johansson", "same"),  # a consonant doubled: one spelling
    ("Ujang Komarudin", "Ujang Komaruddin", "same"),
    ("Scarlet Johansson", "Scarlett Johanson Kim", "contains"),
    ("Abdul Hariz", "Abdul Haris", "variant"),  # another letter: the scorer's to judge
    ("Prabowo Subianto", "Edhy Prabowo", "none"),
    ("Susilo Bambang Yudhoyono", "Agus Harimurti Yudhoyono", "none"),
    ("Ridwan Kamil", "Emil Dardak", "none"),
    ("Sofianto Wijaya", "Sofianto Widjaja", "same"),  # the old spelling and today's
    ("Soeharto", "Suharto", "same"),
    ("Yuda", "Juda", "none"),  # no letter pair of the old spelling: two names
    ("Hasan Sharifudin", "Hasan Syarifudin", "same"),  # the English "sh" of an Arabic name, today's "sy"
    ("Hasan Sharifudin", "Habib Muhamad Hasan Syarifudin", "contains"),  # inside, in the other spelling
    ("Soetarjo", "Haji Sutarjo Wiryo", "contains"),  # inside, in the old spelling
    ("Mita Michiteru", "Michiteru Mita", "variant"),  # family name first, then last
    ("Khun Vichai", "Vichai Srivaddhanaprabha", "contains"),  # a Thai form of address
    ("Baby Arsyila", "Arsyila Putri Lestari", "contains"),  # the celebrity news's form for a star's infant
    ("Pidato Jarwoko", "Jarwoko", "same"),
    ("J. Sukardi", "Bambang Joko Sukardi", "initials"),  # a name cut after its first initial ("B. J. Sukardi")
    ("B. Sukardi", "Bambang Joko Sukardi", "initials"),  # "pidato" (speech), a word the news writes in lower case, glued on
    ("Rivaldo Jr", "Rivaldo Junior", "same"),  # a suffix written short
    ("Rivaldo Sr", "Rivaldo Junior", "none"),  # father and son
    ("Haryanto Vi", "Haryanto Vikaldi", "variant"),  # the last word cut by a headline
    ("Haryanto Vik", "Haryanto Vikaldi", "none"),  # three letters of a word are another name as often
])
def test_how_two_names_relate(a, b, expected):
    assert relation(a, b) == expected
    assert compatible(a, b) == (expected != "none")


def record(node: str, label: str, graphs: set[str]) -> PersonRecord:
    return PersonRecord(PERSON + node, label, names={label}, graphs=graphs)


def pair(a: str, b: str, p: float, names: str, evidence: tuple[str, ...] = ()) -> ScoredPair:
    return ScoredPair(PERSON + a, PERSON + b, p, names, evidence)


def members(clusters, node: str) -> set[str]:
    return next((c.nodes for c in clusters if PERSON + node in c.nodes), {PERSON + node})


def test_a_shared_family_name_never_joins_father_and_son():
    records = {r.node: r for r in (
        record("susilo-bambang-yudhoyono", "Susilo Bambang Yudhoyono", {"g1", "g2"}),
        record("agus-harimurti-yudhoyono", "Agus Harimurti Yudhoyono", {"g3"}),
        record("yudhoyono--31", "Yudhoyono", {"g4"}),
        record("yudhoyono--32", "Yudhoyono", {"g5"}),
    )}
    pairs = [pair("yudhoyono--31", "susilo-bambang-yudhoyono", 0.95, "contains"),
             pair("yudhoyono--32", "agus-harimurti-yudhoyono", 0.93, "contains"),
             pair("yudhoyono--31", "yudhoyono--32", 0.99, "same")]
    clusters = cluster(records, pairs)
    assert PERSON + "agus-harimurti-yudhoyono" not in members(clusters, "susilo-bambang-yudhoyono")
    assert PERSON + "yudhoyono--31" in members(clusters, "susilo-bambang-yudhoyono")


@pytest.mark.parametrize("son_articles, joins", [(2, True), (4, False)])
def test_bare_names_that_fit_a_father_and_his_son_join_the_one_the_news_names_three_times_as_often(son_articles, joins):
    """Bare "Wijaya" nodes, one person among themselves, fit "Hendra Wijaya" (9 articles) and his son "Dimas
    Wijaya" alike: they join the father where he is named in three times as many articles as the son."""
    bare = [record(f"wijaya--3{i}", "Wijaya", {f"b{i}"}) for i in range(3)]
    records = {r.node: r for r in (
        record("hendra-wijaya", "Hendra Wijaya", {f"g{i}" for i in range(9)}),
        record("dimas-wijaya", "Dimas Wijaya", {f"s{i}" for i in range(son_articles)}), *bare)}
    pairs = [pair(r.node.removeprefix(PERSON), full, 1.0, "contains") for r in bare
             for full in ("hendra-wijaya", "dimas-wijaya")]
    pairs += [pair(a.node.removeprefix(PERSON), b.node.removeprefix(PERSON), 0.99, "same")
              for i, a in enumerate(bare) for b in bare[i + 1:]]
    father = members(cluster(records, pairs), "hendra-wijaya")
    assert ({r.node for r in bare} <= father) is joins
    assert PERSON + "dimas-wijaya" not in father


@pytest.mark.parametrize("named_beside, joins", [(False, False), (True, True)])
def test_a_bare_name_that_fits_two_people_equally_joins_only_the_one_its_own_article_names_in_full(named_beside, joins):
    """A bare "Prabowo" fits Prabowo Subianto and Edhy Prabowo about equally: it stays apart, unless its own
    article names one of them in full (the extractor kept the bare name apart, as in "Prabowo-Sandi")."""
    records = {r.node: r for r in (
        record("prabowo-subianto", "Prabowo Subianto", {"g1", "g2"} | ({"g4"} if named_beside else set())),
        record("edhy-prabowo", "Edhy Prabowo", {"g3"}),
        record("prabowo--31", "Prabowo", {"g4"}),
    )}
    pairs = [pair("prabowo--31", "prabowo-subianto", 0.9, "contains"),
             pair("prabowo--31", "edhy-prabowo", 0.88, "contains")]
    alone = {PERSON + "prabowo--31"}
    assert members(cluster(records, pairs), "prabowo--31") == (alone | {PERSON + "prabowo-subianto"} if joins else alone)


def test_bare_names_two_people_could_bear_join_only_when_each_is_linked_to_each():
    """"Dewi" fits two longer names: two bare "Dewi" nodes strongly linked are one person, but a third
    linked to only one of them does not join through it (no chain of look-alikes)."""
    records = {r.node: r for r in (
        record("dewi-sartika", "Dewi Sartika", {"g1"}), record("dewi-lestari", "Dewi Lestari", {"g2"}),
        record("dewi--31", "Dewi", {"g3"}), record("dewi--32", "Dewi", {"g4"}), record("dewi--33", "Dewi", {"g5"}),
    )}
    pairs = [pair("dewi--31", "dewi-sartika", 0.9, "contains"), pair("dewi--31", "dewi-lestari", 0.88, "contains"),
             pair("dewi--31", "dewi--32", 0.99, "same"), pair("dewi--32", "dewi--33", 0.95, "same")]
    clusters = cluster(records, pairs)
    assert members(clusters, "dewi--31") == {PERSON + "dewi--31", PERSON + "dewi--32"}


def test_a_one_word_name_no_longer_name_holds_joins_on_weaker_evidence_each_node_to_each():
    """"Wulandira" no full name holds: two nodes likelier one person than two join; "Dewinta", which
    "Dewinta Sari" holds, needs BARE_THRESHOLD; three "Ratnaning" join no further than each is linked;
    two "Sulastri" that agree on nothing but the name (the scorer's probability all from it) do not."""
    records = {r.node: r for r in (
        record("wulandira--32", "Wulandira", {"g1"}), record("wulandira--g2", "Wulandira", {"g2"}),
        record("dewinta--32", "Dewinta", {"g3"}), record("dewinta--g4", "Dewinta", {"g4"}),
        record("dewinta-sari", "Dewinta Sari", {"g5"}),
        record("ratnaning--g6", "Ratnaning", {"g6"}), record("ratnaning--g7", "Ratnaning", {"g7"}),
        record("ratnaning--g8", "Ratnaning", {"g8"}),
        record("sulastri--g9", "Sulastri", {"g9"}), record("sulastri--g10", "Sulastri", {"g10"}),
    )}
    seen = ("headline words",)
    pairs = [pair("wulandira--32", "wulandira--g2", 0.6, "same", seen),
             pair("dewinta--32", "dewinta--g4", 0.6, "same", seen),
             pair("ratnaning--g6", "ratnaning--g7", 0.6, "same", seen),
             pair("ratnaning--g7", "ratnaning--g8", 0.55, "same", seen),
             pair("sulastri--g9", "sulastri--g10", 0.7, "same")]
    clusters = cluster(records, pairs)
    assert members(clusters, "sulastri--g9") == {PERSON + "sulastri--g9"}
    assert members(clusters, "wulandira--32") == {PERSON + "wulandira--32", PERSON + "wulandira--g2"}
    assert members(clusters, "dewinta--32") == {PERSON + "dewinta--32"}
    assert members(clusters, "ratnaning--g6") == {PERSON + "ratnaning--g6", PERSON + "ratnaning--g7"}


@pytest.mark.parametrize("headline, joins", [
    ({"larasati", "wulandira", "kencan", "malibu"}, True),  # "Larasati Wulandira Kencan di Malibu"
    ({"kencan", "malibu"}, False),  # the headline does not name her in full
    ({"adik", "larasati", "wulandira", "berduka"}, False),  # a headline naming a relative: the bare name may be hers
])
def test_a_bare_name_joins_the_longer_name_its_own_headline_gives_it(headline, joins):
    """"Larasati" alone in the text of an article headed "Larasati Wulandira ...": the extractor, which
    reads the text, kept the bare name; the headline says whose it is. A weak pair, no shared context."""
    records = {r.node: r for r in (
        PersonRecord(PERSON + "larasati--g1", "Larasati", names={"Larasati"}, graphs={"g1"}, topics=headline),
        record("larasati-wulandira", "Larasati Wulandira", {"g2", "g3"}),
    )}
    clusters = cluster(records, [pair("larasati--g1", "larasati-wulandira", 0.2, "contains")])
    assert (members(clusters, "larasati--g1") == {PERSON + "larasati--g1", PERSON + "larasati-wulandira"}) == joins


@pytest.mark.parametrize("headline, joins", [
    ({"foto", "rumah", "kirana", "larasati"}, "kirana-larasati"),  # "9 Foto Rumah Kirana Larasati"
    ({"foto", "rumah", "larasati"}, "larasati-wulandira"),  # the headline names no one in full
])
def test_a_bare_name_never_joins_another_bearer_than_the_one_its_headline_names_in_full(headline, joins):
    """"Larasati" under a headline naming "Kirana Larasati" is hers, though the scorer likes "Larasati
    Wulandira" (more articles, a closer pair) better."""
    records = {r.node: r for r in (
        PersonRecord(PERSON + "larasati--g1", "Larasati", names={"Larasati"}, graphs={"g1"}, topics=headline),
        record("larasati-wulandira", "Larasati Wulandira", {"g2", "g3", "g4"}),
        record("kirana-larasati", "Kirana Larasati", {"g5"}),
    )}
    pairs = [pair("larasati--g1", "larasati-wulandira", 0.97, "contains"),
             pair("larasati--g1", "kirana-larasati", 0.8, "contains")]
    assert members(cluster(records, pairs), "larasati--g1") == {PERSON + "larasati--g1", PERSON + joins}


@pytest.mark.parametrize("title, joins", [("anak langit", True), ("cinta suci", False)])
def test_a_character_of_a_series_joins_only_the_same_characters_synopses(title, joins):
    """"Dedeh" of a sinetron's synopses is one character across its episodes, and no one the news
    names: not the preacher "Mama Dedeh", nor "Dedeh" of another series."""
    def character(node: str, graph: str, work: str) -> PersonRecord:
        return PersonRecord(PERSON + node, "Dedeh", names={"Dedeh"}, graphs={graph}, fiction={graph: work})

    records = {r.node: r for r in (
        character("dedeh--g1", "g1", "anak langit"), character("dedeh--g2", "g2", title),
        record("mama-dedeh", "Mama Dedeh", {"g3", "g4"}),
    )}
    pairs = [pair("dedeh--g1", "dedeh--g2", 0.99, "same"), pair("dedeh--g1", "mama-dedeh", 0.95, "contains"),
             pair("dedeh--g2", "mama-dedeh", 0.95, "contains")]
    clusters = cluster(records, pairs)
    assert PERSON + "mama-dedeh" not in members(clusters, "dedeh--g1") | members(clusters, "dedeh--g2")
    assert (PERSON + "dedeh--g2" in members(clusters, "dedeh--g1")) is joins


@pytest.mark.parametrize("headline, title", [
    ("Sinopsis Sinetron 'ANAK LANGIT' Tayang Senin, 1 April 2019", "anak langit"),
    ("Sinopsis Sinetron 'ORANG KETIGA Episode 664, Tayang 14 Mei 2019", "orang ketiga"),  # the quote left open
    ("Sinopsis Orang Ketiga Selasa 10 September 2019: Aris Mulai Menyukai Yurisa?", "orang ketiga"),
    ("Sinopsis Drama RICH MAN Epsiode 9, Kebohongan", "rich man"),
    ("Sinopsis Drama STILL 17 Episode 27, 'Jika' adalah Kata yang Menyakitkan", "still 17"),
    ("Tayang Hari Ini, Simak Sinopsis Film Ad Astra yang Dibintangi Brad Pitt", "ad astra"),
    ("Sinopsis & Trailer Film Godzilla, Tayang Malam Ini", "godzilla"),
    ("Jokowi Lantik Menteri Kabinet Indonesia Maju", None),
])
def test_the_work_a_synopsis_tells_is_read_from_its_headline(headline, title):
    assert synopsis_title(headline) == title


def test_a_name_one_cluster_owns_takes_in_a_node_left_alone_with_it_but_not_a_namesake_elsewhere():
    """"Jokowi" of six articles joined to "Joko Widodo": a lone "Jokowi" sharing no context with them
    still joins (the news gives a famous name its bearer's meaning), even from an article about a
    province none of them is named in; a "Jokowi" holding a post in another province does not, nor
    does a lone "Dewi" where no cluster bears "Dewi" in most articles."""
    big = [record(f"jokowi--{i}", "Jokowi", {f"g{i}"}) for i in range(6)]
    records = {r.node: r for r in (
        record("joko-widodo", "Joko Widodo", {f"g{i}" for i in range(6)}), *big,
        record("jokowi--lone", "Jokowi", {"g10"}),
        PersonRecord(PERSON + "jokowi--elsewhere", "Jokowi", names={"Jokowi"}, graphs={"g11"}, provinces={"36"},
                     held_in={"36"}),
        PersonRecord(PERSON + "jokowi--15", "Jokowi", names={"Jokowi"}, graphs={"g15"}, provinces={"15"}),
        record("dewi--1", "Dewi", {"g12"}), record("dewi--2", "Dewi", {"g13"}), record("dewi--3", "Dewi", {"g14"}),
    )}
    for r, province in zip(big, ("31", "32", "33")):
        records[r.node].provinces.add(province)
    pairs = [pair(r.node.removeprefix(PERSON), "joko-widodo", 0.95, "same") for r in big] + [
        pair("jokowi--lone", "joko-widodo", 0.45, "same"), pair("jokowi--elsewhere", "joko-widodo", 0.45, "same"),
        pair("jokowi--15", "joko-widodo", 0.45, "same"),
        pair("dewi--1", "dewi--2", 0.95, "same"), pair("dewi--3", "dewi--1", 0.45, "same")]
    clusters = cluster(records, pairs)
    jokowi = members(clusters, "joko-widodo")
    assert {PERSON + "jokowi--lone", PERSON + "jokowi--15"} <= jokowi and {r.node for r in big} <= jokowi
    assert PERSON + "jokowi--elsewhere" not in jokowi
    assert PERSON + "dewi--3" not in members(clusters, "dewi--1")
    weak = [p for p in pairs if p.probability < 0.9 and p.a != PERSON + "dewi--3"]
    assert PERSON + "jokowi--lone" not in members(cluster(records, [p for p in pairs if p not in weak] + [
        pair("jokowi--lone", "joko-widodo", 0.1, "same")]), "joko-widodo")  # too little evidence


@pytest.mark.parametrize("owner_articles, joins", [(20, True), (5, False)])
def test_a_name_the_news_gives_one_person_takes_in_a_lone_node_on_any_kept_pair(owner_articles, joins):
    """"Sukarjo" is what 20 articles call "Sukarjo Wibowo" (another name of the node there) and what
    no other node is called but two lone ones: the lone "Sukarjo" of an article from another province,
    sharing no context with him (a pair of .08), is he; one holding a post in that province is not.
    Named so in 5 articles only, he does not own the name that much."""
    full = PersonRecord(PERSON + "sukarjo-wibowo", "Sukarjo Wibowo", names={"Sukarjo Wibowo", "Sukarjo"},
                        graphs={f"g{i}" for i in range(owner_articles)},
                        named_as={"Sukarjo": {f"g{i}" for i in range(owner_articles)}})
    records = {r.node: r for r in (
        full, PersonRecord(PERSON + "sukarjo--31", "Sukarjo", names={"Sukarjo"}, graphs={"g0"}, provinces={"31"}),
        PersonRecord(PERSON + "sukarjo--72", "Sukarjo", names={"Sukarjo"}, graphs={"g30"}, provinces={"72"}),
        PersonRecord(PERSON + "sukarjo--73", "Sukarjo", names={"Sukarjo"}, graphs={"g31"}, provinces={"73"},
                     held_in={"73"}))}
    pairs = [pair("sukarjo--31", "sukarjo-wibowo", 0.95, "contains"), pair("sukarjo--72", "sukarjo-wibowo", 0.08, "contains"),
             pair("sukarjo--73", "sukarjo-wibowo", 0.08, "contains")]
    joined = members(cluster(records, pairs), "sukarjo-wibowo")
    assert (PERSON + "sukarjo--72" in joined) == joins
    assert PERSON + "sukarjo--73" not in joined


def test_a_name_a_local_cluster_owns_takes_in_no_node_of_another_province():
    """A "Muhamad" of six Banten articles is a local man's name: a lone "Muhamad" of a Jakarta
    article is a namesake, though no post places him."""
    local = [record(f"muhamad--36-{i}", "Muhamad", {f"g{i}"}) for i in range(6)]
    records = {r.node: r for r in (
        record("muhamad-nabil", "Muhamad Nabil", {f"g{i}" for i in range(6)}), *local,
        PersonRecord(PERSON + "muhamad--31", "Muhamad", names={"Muhamad"}, graphs={"g10"}, provinces={"31"}))}
    for r in local:
        records[r.node].provinces.add("36")
    pairs = [pair(r.node.removeprefix(PERSON), "muhamad-nabil", 0.95, "same") for r in local] + [
        pair("muhamad--31", "muhamad-nabil", 0.45, "same")]
    clusters = cluster(records, pairs)
    assert {r.node for r in local} <= members(clusters, "muhamad-nabil")
    assert PERSON + "muhamad--31" not in members(clusters, "muhamad-nabil")


def test_a_longer_name_opening_with_a_common_word_is_no_rival_for_a_bare_name():
    """"Penampilan Sardon" is a word glued to the name: "Sardon" is Jose Sardon, not ambiguous."""
    records = {r.node: r for r in (
        record("jose-sardon", "Jose Sardon", {"g1"}), record("penampilan-sardon", "Penampilan Sardon", {"g2"}),
        record("sardon--13", "Sardon", {"g3"}),
    )}
    pairs = [pair("sardon--13", "jose-sardon", 0.99, "contains"),
             pair("sardon--13", "penampilan-sardon", 0.99, "contains")]
    assert PERSON + "sardon--13" in members(cluster(records, pairs), "jose-sardon")


def test_a_bare_name_with_a_lower_case_word_glued_before_it_joins_the_bare_name():
    """"Karakter Lestiani" (the word "karakter" that opened a sentence) is the bare "Lestiani" of
    another article, though no longer name anchors either."""
    records = {r.node: r for r in (
        record("karakter-lestiani", "Karakter Lestiani", {"g1"}), record("lestiani--32", "Lestiani", {"g2"}))}
    pairs = [pair("lestiani--32", "karakter-lestiani", 0.95, "same")]
    assert PERSON + "lestiani--32" in members(cluster(records, pairs), "karakter-lestiani")


def test_a_common_word_written_as_a_first_name_mid_sentence_keeps_the_name_from_another_bearer_of_the_surname():
    """"Novel" is a common word, so the name reader reads "Novel Baswedan" as a bare "Baswedan"; a
    sentence that writes it after another word shows it is his first name, and Anies Baswedan, the
    prominent bearer of the surname, is somebody else. "Pidato Anies" opening a headline stays his."""
    records = {r.node: r for r in (
        record("anies-baswedan", "Anies Baswedan", {f"g{i}" for i in range(20)}),
        record("novel-baswedan", "Novel Baswedan", {"n1"}), record("pidato-anies", "Pidato Anies", {"p1"}),
    )}
    _add_first_names(records, [("n1", "Penyidik senior KPK Novel Baswedan diperiksa."),
                               ("p1", "Pidato Anies di Balai Kota disambut warga.")])
    assert records[PERSON + "novel-baswedan"].first_name == "novel"
    assert records[PERSON + "pidato-anies"].first_name is None
    pairs = [pair("novel-baswedan", "anies-baswedan", 0.95, "contains"),
             pair("pidato-anies", "anies-baswedan", 0.95, "contains")]
    assert members(cluster(records, pairs), "anies-baswedan") == {PERSON + "anies-baswedan", PERSON + "pidato-anies"}


def test_one_full_name_in_two_spellings_joins_on_any_kept_pair_but_a_name_a_letter_apart_does_not():
    """"Djadjang Sumarno" and "Djajang Sumarno" (the old spelling), or "Nih Ratih Purwasih" and "Ratih
    Purwasih", are one full name, which the extractor makes one node in every article: they join on
    a pair of .14 though their articles share nothing; "Agus Sukarmanto" and "Agus Sukaryanto", two
    names a letter apart, do not."""
    records = {r.node: r for r in (
        record("djadjang-sumarno", "Djadjang Sumarno", {"g1"}), record("djajang-sumarno", "Djajang Sumarno", {"g2"}),
        record("nih-ratih-purwasih", "Nih Ratih Purwasih", {"g3"}), record("ratih-purwasih", "Ratih Purwasih", {"g4"}),
        record("agus-sukarmanto", "Agus Sukarmanto", {"g5"}), record("agus-sukaryanto", "Agus Sukaryanto", {"g6"}))}
    pairs = [pair("djadjang-sumarno", "djajang-sumarno", 0.14, "same"),
             pair("nih-ratih-purwasih", "ratih-purwasih", 0.14, "same"),
             pair("agus-sukarmanto", "agus-sukaryanto", 0.14, "variant")]
    clusters = cluster(records, pairs)
    assert PERSON + "djajang-sumarno" in members(clusters, "djadjang-sumarno")
    assert PERSON + "ratih-purwasih" in members(clusters, "nih-ratih-purwasih")
    assert PERSON + "agus-sukaryanto" not in members(clusters, "agus-sukarmanto")


def test_a_full_name_whose_surname_is_also_named_alone_still_anchors_a_bare_first_name():
    """"Indar Parawansa" (her name cut, one article) is no other person: the bare "Khofifah" joins
    "Khofifah Indar Parawansa"; "Iriana Joko Widodo" holds a name named more often than itself,
    another person's, so the bare "Iriana" does not join it (nor, through it, Joko Widodo)."""
    records = {r.node: r for r in (
        record("khofifah-indar-parawansa", "Khofifah Indar Parawansa", {"g1", "g2", "g3"}),
        record("indar-parawansa", "Indar Parawansa", {"g4"}),
        record("khofifah--35", "Khofifah", {"g5"}),
        record("joko-widodo", "Joko Widodo", {"g6", "g7", "g8"}),
        record("iriana-joko-widodo", "Iriana Joko Widodo", {"g6"}),
        record("iriana--31", "Iriana", {"g9"}),
    )}
    pairs = [pair("khofifah--35", "khofifah-indar-parawansa", 0.9, "contains"),
             pair("iriana--31", "iriana-joko-widodo", 0.9, "contains")]
    clusters = cluster(records, pairs)
    assert PERSON + "khofifah--35" in members(clusters, "khofifah-indar-parawansa")
    assert members(clusters, "iriana--31") == {PERSON + "iriana--31"}


def test_a_name_inside_another_named_beside_it_is_another_person():
    """An article that names "Joko Widodo" and "Iriana Joko Widodo" side by side names two people."""
    records = {r.node: r for r in (
        record("joko-widodo", "Joko Widodo", {"g1", "g2"}),
        record("iriana-joko-widodo", "Iriana Joko Widodo", {"g2"}),
    )}
    assert cluster(records, [pair("joko-widodo", "iriana-joko-widodo", 0.99, "contains")]) == []


def test_a_name_inside_another_after_a_common_first_name_is_the_same_person():
    """"Athallah Araihan" beside "Ahmad Athallah Araihan" in one article: a first name he goes without."""
    records = {r.node: r for r in (
        record("ahmad-athallah-araihan", "Ahmad Athallah Araihan", {"g1", "g2"}),
        record("athallah-araihan", "Athallah Araihan", {"g2"}),
    )}
    assert members(cluster(records, [pair("ahmad-athallah-araihan", "athallah-araihan", 0.99, "contains")]),
                   "athallah-araihan") == {PERSON + "ahmad-athallah-araihan", PERSON + "athallah-araihan"}


def test_a_longer_name_the_bare_one_cannot_be_is_no_rival():
    """Context alone ("Kadek Arel" beside "Kadokura" in one article) makes no rival for a bare name."""
    records = {r.node: r for r in (
        record("kadokura--52", "Kadokura", {"g1"}),
        record("akira-kadokura", "Akira Kadokura", {"g2"}),
        record("kadek-arel", "Kadek Arel", {"g1"}),
    )}
    pairs = [pair("kadokura--52", "akira-kadokura", 0.99, "contains"), pair("kadokura--52", "kadek-arel", 0.99, "none")]
    assert members(cluster(records, pairs), "kadokura--52") == {PERSON + "kadokura--52", PERSON + "akira-kadokura"}


@pytest.mark.parametrize("a, b, expected", [
    ("Nirwono Yoga", "Nirwono Joga", "variant"),  # "j" the old spelling of "y", the other word the same
    ("Jiang Pin", "Jiang Ping", "variant"),
    ("Dubes Djani", "Djani", "same"),  # a post glued to the name
])
def test_words_spelt_two_ways_beside_a_shared_word(a, b, expected):
    assert relation(a, b) == expected


@pytest.mark.parametrize("a, b, expected", [
    ("Nirwono Joga", "Nirwono Jogo", True),  # one letter spelt otherwise in one word
    ("Nirwono Yoga", "Nirwono Jogo", True),  # and "y" the old "j"
    ("Agatha Pricilla", "Agatha Prescilla", True),  # two edits in eight letters
    ("Agus Salim", "Agus Halim", False),  # another first letter: another name
    ("Budi Harto", "Budi Hartini", False),  # three edits in five letters
])
def test_names_alike_but_one_word_respelt_may_be_one_persons(a, b, expected):
    """Such names do not say the persons are one (no relation: that is the scorer's) but do not forbid it,
    so a variant joins a cluster whose main name is spelt a third way."""
    assert relation(a, b) == "none" or expected
    assert compatible(a, b) == expected


def test_a_variant_joins_a_cluster_named_a_third_way():
    records = {r.node: r for r in (
        record("nirwono-joga", "Nirwono Joga", {"g1", "g2"}), record("nirwono-yoga", "Nirwono Yoga", {"g3"}),
        record("nirwono-jogo", "Nirwono Jogo", {"g4", "g5"}),
    )}
    pairs = [pair("nirwono-joga", "nirwono-yoga", 0.99, "variant"), pair("nirwono-yoga", "nirwono-jogo", 0.98, "variant")]
    assert members(cluster(records, pairs), "nirwono-jogo") == set(records)


@pytest.mark.parametrize("a, b, expected", [
    ("Rudi M Hartanto", "Rudi Mulyadi Hartanta", True),  # an initial and a letter spelt otherwise
    ("Lestari S", "Lestari Sumiyati", True),  # the family name as its initial
    ("Hadi K. Santosa", "Hadi Kurniawan", False),  # the longer name writes the shorter's last word as an initial
])
def test_a_name_that_writes_a_word_as_its_initial_may_be_one_persons(a, b, expected):
    assert compatible(a, b) == expected


def test_a_name_with_an_initial_joins_the_cluster_that_spells_it_out_another_way():
    """"Rudi M Hartanto", the main name of its cluster, does not forbid "Rudi Mulyadi Hartanta" (one article)."""
    records = {r.node: r for r in (
        record("rudi-m-hartanto", "Rudi M Hartanto", {"g1", "g2", "g3"}),
        record("rudi-m-hartanta", "Rudi M Hartanta", {"g4"}),
        record("rudi-mulyadi-hartanta", "Rudi Mulyadi Hartanta", {"g5"}),
    )}
    pairs = [pair("rudi-m-hartanto", "rudi-m-hartanta", 0.99, "variant"),
             pair("rudi-m-hartanta", "rudi-mulyadi-hartanta", 0.99, "initials")]
    assert members(cluster(records, pairs), "rudi-mulyadi-hartanta") == set(records)


def test_two_parts_of_one_full_name_join_through_it_but_father_and_son_do_not():
    records = {r.node: r for r in (
        record("athallah-araihan", "Athallah Araihan", {"g1", "g2"}),
        record("ahmd-athallah-araihan", "Ahmd Athallah Araihan", {"g8"}),
        record("ahmad-athallah", "Ahmad Athallah", {"g3", "g4", "g5"}),
        record("ahmad-athallah-araihan", "Ahmad Athallah Araihan", {"g9"}),
        record("susilo-bambang-yudhoyono", "Susilo Bambang Yudhoyono", {"g6"}),
        record("agus-harimurti-yudhoyono", "Agus Harimurti Yudhoyono", {"g7"}),
    )}
    pairs = [pair("athallah-araihan", "ahmd-athallah-araihan", 0.99, "contains"),
             pair("ahmad-athallah", "ahmad-athallah-araihan", 0.99, "contains"),
             pair("ahmd-athallah-araihan", "ahmad-athallah-araihan", 0.98, "variant"),
             pair("susilo-bambang-yudhoyono", "agus-harimurti-yudhoyono", 0.95, "none")]
    clusters = cluster(records, pairs)
    assert members(clusters, "athallah-araihan") == {PERSON + n for n in (
        "athallah-araihan", "ahmd-athallah-araihan", "ahmad-athallah", "ahmad-athallah-araihan")}
    assert PERSON + "agus-harimurti-yudhoyono" not in members(clusters, "susilo-bambang-yudhoyono")


def _record(node: str, label: str, graphs: set[str], persons: tuple[str, ...] = ()) -> PersonRecord:
    return PersonRecord(PERSON + node, label, names={label}, graphs=graphs, persons={PERSON + p for p in persons})


def _second_look(records: dict[str, PersonRecord], first: list[ScoredPair], scorer=None) -> list:
    clusters = cluster(records, first)
    return second_pass(records, clusters, lambda c: canonical(c, records), scorer or (lambda m, alone: score(m, only=alone)))


def test_a_bare_name_left_alone_joins_the_cluster_named_beside_it_in_other_articles_through_its_neighbours():
    """A bare "Prabowo" whose article names a bare "Jokowi" shares no person node with "Prabowo
    Subianto", whose articles name "Joko Widodo"; once "Jokowi" is read as the cluster it joined, the
    shipped model finds them one person, and not "Edhy Prabowo", named beside nobody of theirs."""
    records = {r.node: r for r in (
        _record("joko-widodo", "Joko Widodo", {"g1", "g2"}, ("prabowo-subianto",)),
        _record("jokowi--g3", "Jokowi", {"g3"}, ("prabowo--g3",)),
        _record("prabowo-subianto", "Prabowo Subianto", {"g1", "g2"}, ("joko-widodo",)),
        _record("prabowo--g3", "Prabowo", {"g3"}, ("jokowi--g3",)),
        _record("edhy-prabowo", "Edhy Prabowo", {"g5"}))}
    first = [ScoredPair(PERSON + "jokowi--g3", PERSON + "joko-widodo", 0.95, "nickname", ())]
    assert members(cluster(records, first), "prabowo--g3") == {PERSON + "prabowo--g3"}
    clusters = _second_look(records, first)
    assert members(clusters, "prabowo--g3") == {PERSON + "prabowo--g3", PERSON + "prabowo-subianto"}
    assert members(clusters, "jokowi--g3") == {PERSON + "jokowi--g3", PERSON + "joko-widodo"}


def test_the_second_look_joins_no_bare_name_to_a_bare_name_longer_names_hold_nor_two_clusters():
    """Two "Dewi" of one TV show are named beside the same coaches: a likely pair by persons, yet
    "Dewi" is a name many bear (Dewi Sandra), so the lone one stays apart; and a bare name likely to be
    each of two clusters does not make them one."""
    records = {r.node: r for r in (
        _record("dewi--a", "Dewi", {"g1"}), _record("dewi--b", "Dewi", {"g2"}), _record("dewi--c", "Dewi", {"g3"}),
        _record("dewi-sandra", "Dewi Sandra", {"g4"}),
        _record("anto-wijaya", "Anto Wijaya", {"g5"}), _record("anto--a", "Anto", {"g6"}),
        _record("budi-wijaya", "Budi Wijaya", {"g7"}), _record("budi--a", "Budi", {"g8"}),
        _record("wijaya--a", "Wijaya", {"g9"}))}
    first = [ScoredPair(PERSON + "dewi--a", PERSON + "dewi--b", 0.99, "same", ()),
             ScoredPair(PERSON + "anto--a", PERSON + "anto-wijaya", 0.95, "contains", ()),
             ScoredPair(PERSON + "budi--a", PERSON + "budi-wijaya", 0.95, "contains", ())]

    def likely(merged, alone):  # "Dewi" against the Dewi cluster (kept as one of its nodes), "Wijaya" both Wijaya
        return [ScoredPair(lone, other, 0.99, "same" if merged[lone].label == merged[other].label else "contains",
                           ("persons",)) for lone in alone for other in merged
                if other not in alone and (merged[other].label == "Dewi" if lone.endswith("dewi--c")
                                           else merged[other].label.endswith(" Wijaya"))]

    clusters = _second_look(records, first, likely)
    assert members(clusters, "dewi--c") == {PERSON + "dewi--c"}
    assert PERSON + "budi-wijaya" not in members(clusters, "anto-wijaya")


@pytest.fixture()
def resolved(tmp_path):
    store = tmp_path / "store"
    report = build([ARTICLES / n for n in ("pelantikan.txt", "sidang.txt", "edhy.txt")], store, workers=1)
    assert report.resolution is not None and report.resolution.renamed >= 1
    return store


def _rows(store: Path, query: str, name: str) -> list[tuple]:
    s = connect(str(store), read_only=True)
    from kg.graph.catalogue import load_named_queries
    from kg.graph.sparql import ALL_ROWS, run_query

    rows = run_query(s, load_named_queries()[query].text, {"person_name": name}, page=ALL_ROWS).rows
    s.close()
    return sorted(rows)


def test_nickname_and_full_name_are_one_node_in_every_query(resolved):
    for query in ("copresence", "timeline", "posts"):
        assert _rows(resolved, query, "Jokowi") == _rows(resolved, query, "Joko Widodo"), query
    assert _rows(resolved, "copresence", "Jokowi")
    s = connect(str(resolved), read_only=True)
    names = {r[0] for r in s.select(f"SELECT ?n WHERE {{ <{PERSON}joko-widodo> skos:altLabel ?n }}").rows}
    evidence = s.select(f"SELECT ?e ?p WHERE {{ <{PERSON}joko-widodo> pemilu:identityEvidence ?e ; "
                        f"pemilu:matchProbability ?p }}").rows
    persons = {r[0] for r in s.select("SELECT ?l WHERE { ?p a schema:Person ; rdfs:label ?l }").rows}
    s.close()
    assert "Jokowi" in names
    assert evidence and float(evidence[0][1]) >= 0.7
    assert "Jokowi" not in persons and {"Joko Widodo", "Edhy Prabowo", "Prabowo Subianto"} <= persons


def test_a_new_article_touches_only_its_graph_and_the_cluster_it_joins(resolved):
    before = quads_by_graph(resolved)
    report = build([ARTICLES / "bendungan.txt"], resolved, workers=1)
    after = quads_by_graph(resolved)
    changed = {g for g in set(before) | set(after) if before.get(g) != after.get(g)}
    assert report.resolution.renamed == 1
    assert changed == {"https://w3id.org/pemilu-kg/graph/article/bendungan",
                       "https://w3id.org/pemilu-kg/graph/identity/joko-widodo"}


def test_resolving_again_changes_nothing(resolved, capsys):
    before = quads_by_graph(resolved)
    assert main(["resolve", "--store", str(resolved)]) == 0
    assert "0 canonical persons written" in capsys.readouterr().err
    assert quads_by_graph(resolved) == before


def test_an_office_the_text_does_not_place_is_a_node_of_its_article_only():
    from kg.nlp.extract import extract
    from kg.records import Article

    text = ("Kapolres AKBP Budi Santoso mengatakan Kepolisian Resor telah menyiapkan pengamanan pemilu. "
            "Kejaksaan Negeri juga hadir dalam rapat itu. Ketua KPU Arief Budiman hadir di Jakarta, Senin (1/4/2019).")
    keys = {a: {e.key for e in extract(Article(a, text)).entities if e.kind.name == "ORGANIZATION"}
            for a in ("satu", "dua")}
    assert {"org:polres--satu", "org:kejari--satu", "org:kpu"} <= keys["satu"]
    assert keys["satu"] & keys["dua"] == {"org:kpu"}


def test_scoring_only_the_new_nodes_gives_their_pairs_as_a_whole_store_run(tmp_path):
    from kg.identity.records import read_persons
    from kg.identity.scoring import score

    store = tmp_path / "store"
    build(sorted(ARTICLES.glob("*.txt")), store, workers=1, resolve_identities=False)
    s = connect(str(store), read_only=True)
    records = read_persons(s)
    s.close()
    fresh = {n for n, r in records.items() if "https://w3id.org/pemilu-kg/graph/article/bendungan" in r.graphs}

    def of_fresh(pairs):
        return {(p.a, p.b): round(p.probability, 9) for p in pairs if p.a in fresh or p.b in fresh}

    assert fresh and of_fresh(score(records, only=fresh)) == of_fresh(score(records))
    assert of_fresh(score(records))


def test_nodes_that_no_blocking_rule_pairs_never_reach_the_linker(monkeypatch):
    from kg.identity import scoring

    def no_linker(*args, **kwargs):
        raise AssertionError("the linker was set up for nodes that no blocking rule pairs")

    apart = {r.node: r for r in (record("budi-santoso", "Budi Santoso", {"g1"}), record("rina", "Rina", {"g2"}))}
    monkeypatch.setattr(scoring, "_linker", no_linker)
    assert scoring.score(apart, only={PERSON + "rina"}) == []
    sharing = apart | {PERSON + "budi": record("budi", "Budi", {"g3"})}
    with pytest.raises(AssertionError, match="no blocking rule pairs"):
        scoring.score(sharing, only={PERSON + "budi"})


def test_a_node_keeps_the_article_words_it_can_share_with_another_but_no_names(tmp_path):
    """The words that set a node's articles apart (TF-IDF over the headlines and kept sentences):
    "bendungan" is in one article only, so no other node can share it; names are no keywords."""
    from kg.identity.records import read_persons

    store = tmp_path / "store"
    build(sorted(ARTICLES.glob("*.txt")), store, workers=1, resolve_identities=False)
    s = connect(str(store), read_only=True)
    records = read_persons(s)
    s.close()
    by_article = {(r.label, min(r.graphs).rsplit("/", 1)[1]): r.keywords for r in records.values()}
    assert by_article[("Jokowi", "bendungan")] == {"mendampingi", "presiden", "wakil"}
    assert by_article[("Jokowi", "sidang")] >= {"istana", "menteri", "presiden"}
    names = {w for r in records.values() for n in r.names for w in n.lower().split()}
    assert all(len(w) >= 4 and w.isalpha() and w not in names for r in records.values() for w in r.keywords)


def test_a_word_of_every_article_is_no_keyword():
    """In a store of two copies of one article, every word is in every article: none sets the
    articles apart, so none is a keyword (the two article-local "Budi" stay apart, as
    test_bad_inputs.test_ids_differing_only_in_case_stay_apart asks)."""
    records = {n: PersonRecord(n, "Budi", names={"Budi"}, graphs={g}) for n, g in (("a", "g1"), ("b", "g2"))}
    text = "Warga datang sejak pagi untuk mencoblos di tempat pemungutan suara"
    _add_keywords(records, {"g1": {"a"}, "g2": {"b"}}, [("g1", text), ("g2", text)])
    assert records["a"].keywords == records["b"].keywords == set()


def test_a_place_named_in_more_than_one_article_of_twenty_is_no_context():
    """"Indonesia", named in a quarter of the corpus, beside a bare "Timotius" and a "Timotius Murib"
    says nothing of their being one man; a regency two articles of forty name does."""
    named = {f"g{i}": {"place:country-indonesia"} for i in range(40)}
    named["g0"] |= {"place:91.02"}
    named["g1"] |= {"place:91.02"}
    named["g2"] |= {"place:91.03"}
    _drop_common(named)
    assert named["g0"] == named["g1"] == {"place:91.02"} and named["g2"] == {"place:91.03"}
    assert all(entities == set() for g, entities in named.items() if g not in {"g0", "g1", "g2"})


def test_the_context_kept_of_a_node_does_not_hang_on_the_order_persons_were_counted_in():
    """Persons named beside a node as often as each other, counted in two orders (a set of IRIs
    is iterated in another order under another hash seed): the same CONTEXT of them are kept."""
    names = [f"person:warga-{i:02d}" for i in range(40)]
    assert most_common(Counter(names), 30) == most_common(Counter(reversed(names)), 30)



ID = "https://w3id.org/pemilu-kg/id/"


@pytest.mark.parametrize("bare_named, bare_desks, rival, joins", [
    ({"org/x-persikota", "place/x-stadion-benteng", "place/36"}, {"sport"}, False, True),
    ({"place/36", "place/country-indonesia"}, {"sport"}, False, False),  # a province and a country say nothing
    ({"org/x-persikota", "place/x-stadion-benteng"}, {"entertainment"}, False, False),  # another desk
    ({"org/x-persikota", "place/x-stadion-benteng"}, {"sport"}, True, False),  # two longer names it may be
])
def test_a_bare_name_left_alone_joins_its_one_longer_name_in_the_same_news(bare_named, bare_desks, rival, joins):
    """"Sutanta" in a football article naming the club and the stadium "Bimo Sutanta"'s articles name: his,
    on a weak pair, but not on shared provinces, nor from the showbiz news, nor with another "Sutanta"
    about."""
    full = record("bimo-sutanta", "Bimo Sutanta", {"g1", "g2"})
    full.named, full.desks = {ID + k for k in ("org/x-persikota", "place/x-stadion-benteng", "place/36",
                                               "place/country-indonesia")}, {"sport"}
    bare = record("sutanta--okezone-00001", "Sutanta", {"g3"})
    bare.named, bare.desks = {ID + k for k in bare_named}, bare_desks
    other = record("rina-sutanta", "Rina Sutanta", {"g4"})
    records = {r.node: r for r in (full, bare, other)}
    pairs = [pair("sutanta--okezone-00001", "bimo-sutanta", 0.3, "contains")]
    if rival:
        pairs.append(pair("sutanta--okezone-00001", "rina-sutanta", 0.1, "contains"))
    assert (PERSON + "sutanta--okezone-00001" in members(cluster(records, pairs), "bimo-sutanta")) is joins


@pytest.mark.parametrize("called, p, rival, namesakes, joins", [
    (True, 0.6, False, 0, True),
    (False, 0.6, False, 0, False),  # its articles never call it by the bare name
    (True, 0.4, False, 0, False),  # likelier two people than one
    (True, 0.6, True, 0, False),  # two longer names it may be
    (True, 0.6, False, 5, False),  # a name many nodes bear, whose other bearers the scorer may not have paired
    (True, 0.6, False, 0, None),  # no evidence but the names: the probability is the name's alone
])
def test_a_bare_name_left_alone_joins_its_one_longer_name_that_goes_by_it_when_likelier_one_person(
        called, p, rival, namesakes, joins):
    """"Warsito" with nothing named alike: "Dedi Warsito"'s, whose own article calls him "Warsito" further
    on, when the scorer finds them likelier one person than two on more than their names (their
    headlines share a word), no other "Warsito" is about and few nodes bear the name."""
    full = record("dedi-warsito", "Dedi Warsito", {"g1"})
    if called:
        full.names.add("Warsito")
        full.named_as["Warsito"] = {"g1"}
    bare = record("warsito--okezone-00001", "Warsito", {"g2"})
    other = record("rina-warsito", "Rina Warsito", {"g3"})
    records = {r.node: r for r in (full, bare, other, *(
        record(f"warsito--kompas-0000{i}", "Warsito", {f"g{i + 4}"}) for i in range(namesakes)))}
    pairs = [pair("warsito--okezone-00001", "dedi-warsito", p, "same" if called else "contains",
                  () if joins is None else ("headline words",))]
    if rival:
        pairs.append(pair("warsito--okezone-00001", "rina-warsito", 0.1, "contains"))
    assert (PERSON + "warsito--okezone-00001" in members(cluster(records, pairs), "dedi-warsito")) is bool(joins)


@pytest.mark.parametrize("placed_elsewhere, joins", [(False, True), (True, False)])
def test_a_group_of_bare_names_left_alone_joins_the_cluster_that_owns_their_name(placed_elsewhere, joins):
    """Two "Warsito" nodes judged one person, each weakly paired with "Dedi Warsito", whose cluster calls
    five of its nodes "Warsito": his, as one node left alone would be; not with a member holding a post
    in a province none of his nodes is placed in."""
    full = record("dedi-warsito", "Dedi Warsito", {"g1"})
    full.provinces = {"31"}
    owned = [record(f"warsito--okezone-0000{i}", "Warsito", {f"g{i + 2}"}) for i in range(5)]
    group = [record(f"warsito--kompas-0000{i}", "Warsito", {f"g{i + 10}"}) for i in range(2)]
    if placed_elsewhere:
        group[1].provinces = group[1].held_in = {"36"}
    records = {r.node: r for r in (full, *owned, *group)}
    pairs = [pair(r.node.rsplit("/", 1)[1], "dedi-warsito", 0.95, "contains") for r in owned] + [
        pair("warsito--kompas-00000", "warsito--kompas-00001", 0.99, "same")] + [
        pair(r.node.rsplit("/", 1)[1], "dedi-warsito", 0.4, "contains") for r in group]
    clusters = cluster(records, pairs)
    assert members(clusters, "warsito--kompas-00000") == {PERSON + "warsito--kompas-00000", PERSON + "warsito--kompas-00001"} | (
        {r.node for r in (full, *owned)} if joins else set())


@pytest.mark.parametrize("url, desk", [
    ("https://bola.kompas.com/read/2019/09/16/x", "sport"),  # the section is the subdomain
    ("https://www.tribunnews.com/seleb/2019/09/16/x", "entertainment"),  # or, under www, the first segment
    ("https://www.koran-contoh.com/2019/09/16/x", None),  # a section the lexicon does not know
])
def test_the_news_desk_of_an_article_comes_from_its_address(url, desk):
    assert news_desk(url) == desk


def test_persons_two_articles_name_by_the_same_initials_stay_two_persons(tmp_path):
    """"berinisial SU (58)" in two police reports of one town: initials name nobody beyond their article."""
    text = ("Polisi mengamankan dua pemilik pabrik yakni WA (30) dan SU (58) di Bogor. Kapolres Bogor AKBP Budi "
            "Santoso mengatakan, SU sudah lama mengoperasikan pabrik itu di Bogor.")
    paths = []
    for name, town in (("pabrik-satu.txt", "Bogor"), ("pabrik-dua.txt", "Depok")):
        (tmp_path / name).write_text(text.replace("Bogor", town), encoding="utf-8")
        paths.append(tmp_path / name)
    build(paths, tmp_path / "store", workers=1)
    s = connect(str(tmp_path / "store"), read_only=True)
    nodes = {r[0] for r in s.select('SELECT DISTINCT ?p WHERE { GRAPH ?g { ?p a schema:Person ; rdfs:label "SU" } }').rows}
    s.close()
    assert len(nodes) == 2
