"""Facts the two seed articles state, read back from the extractor's fact records."""
from __future__ import annotations

from kg.records import Kind

TAPIN = "000_e3d696af9c73c6e7"
BANJARMASIN = "002_673190b6f8a3f2cf"


def _posts(facts):
    return {(m.person, m.role.label, m.organization) for m in facts.memberships}


def test_kapolda_winarto_holds_post_in_polda_kalimantan_selatan(seed_facts):
    facts = seed_facts[TAPIN]
    assert ("person:winarto--polda-63", "Kapolda", "org:polda-63") in _posts(facts)
    winarto = next(m for m in facts.memberships if m.person == "person:winarto--polda-63")
    assert winarto.rank == "Irjen Pol"
    assert "Kepala Kepolisian Daerah" in winarto.role.alt_labels
    polda = facts.entity("org:polda-63")
    assert polda.label == "Kepolisian Daerah Kalimantan Selatan" and polda.area == "place:63"
    assert "Polda Kalsel" in polda.alt_labels


def test_fakhrian_noor_is_ketua_of_kpu_tapin(seed_facts):
    facts = seed_facts[TAPIN]
    assert ("person:fakhrian-noor", "Ketua", "org:kpu-63.05") in _posts(facts)
    person = facts.entity("person:fakhrian-noor")
    assert person.label == "Fakhrian Noor" and "Fakhrian" in person.alt_labels
    assert facts.entity("org:kpu-63.05").area == "place:63.05"


def test_rank_is_not_part_of_the_name(seed_facts):
    persons = [e for e in seed_facts[TAPIN].entities if e.kind is Kind.PERSON]
    assert {p.label for p in persons} == {"Winarto", "Fakhrian Noor"}


def test_asisten_ii_post_in_setda_kalimantan_selatan(seed_facts):
    facts = seed_facts[BANJARMASIN]
    assert _posts(facts) == {("person:nurul-fajar-desira", "Asisten II Bidang Pemerintahan dan Kesra",
                              "org:setda-63")}
    setda = facts.entity("org:setda-63")
    assert setda.label == "Sekretariat Daerah Provinsi Kalimantan Selatan"  # the level: "Blitar" is two regions
    assert "Sekretariat Daerah Kalimantan Selatan" in setda.alt_labels


def test_rantau_lies_in_tapin_which_lies_in_kalimantan_selatan(seed_facts):
    facts = seed_facts[TAPIN]
    rantau = facts.entity("place:63.05-rantau")
    assert rantau.label == "Rantau" and rantau.within == "place:63.05"
    tapin = facts.entity("place:63.05")
    assert tapin.code == "63.05" and tapin.subtype == "kabupaten" and tapin.within == "place:63"
    assert facts.dateline_place == "place:63.05-rantau" and facts.outlet == "ANTARA"


def test_quotations_and_their_speakers(seed_facts):
    tapin = seed_facts[TAPIN].quotations
    by_speaker = {}
    for q in tapin:
        by_speaker.setdefault(q.speaker, []).append(q)
    assert set(by_speaker) == {"person:winarto--polda-63", "person:fakhrian-noor"}
    direct = [q.text for q in tapin if q.direct]
    assert any(t.startswith("Pilkada merupakan momen") for t in direct)
    assert any(q.text.startswith("Semua pihak menyatakan komitmen") and q.speaker == "person:fakhrian-noor"
               for q in tapin)
    # "Menurut dia, ..." after Winarto's quote is Winarto's; "Dia memastikan ..." after Fakhrian's is his
    assert any(q.text.startswith("semua pihak menginginkan") and q.speaker == "person:winarto--polda-63" for q in tapin)
    assert any(q.text.startswith("sosialisasi kepada masyarakat") and q.speaker == "person:fakhrian-noor"
               for q in tapin)
    assert all(q.speaker_role is not None for q in tapin)

    banjarmasin = seed_facts[BANJARMASIN].quotations
    assert {q.speaker for q in banjarmasin} == {"person:nurul-fajar-desira"}
    assert sum(q.direct for q in banjarmasin) == 3


def test_coordination_meeting_in_banjarmasin(seed_facts):
    facts = seed_facts[BANJARMASIN]
    rakor = next(e for e in facts.entities if e.kind is Kind.EVENT and e.label.startswith("Rakor"))
    assert rakor.label == "Rakor Penyelenggara Pemilu Wilayah III" and rakor.subtype == "meeting"
    event = next(f for f in facts.events if f.event == rakor.key)
    assert "place:63.71" in event.places
    assert "person:nurul-fajar-desira" in event.actors


def test_elections_are_shared_nodes_with_their_year(seed_facts):
    assert seed_facts[TAPIN].entity("event:pilkada-2024").label == "Pilkada 2024"
    assert seed_facts[BANJARMASIN].entity("event:pemilu-2024") is not None


def test_quote_keeps_the_event_where_it_was_said(seed_facts):
    tapin = seed_facts[TAPIN]
    quote = next(q for q in tapin.quotations if q.text.startswith("Pilkada merupakan momen"))
    assert tapin.entity(quote.event).label == "deklarasi pilkada damai"
    assert quote.speaker_role.label == "Kapolda" and quote.speaker_organization == "org:polda-63"
    said = next(q for q in seed_facts[BANJARMASIN].quotations if q.text.startswith("Jika penyelenggara"))
    assert seed_facts[BANJARMASIN].entity(said.event).label == "Rakor Penyelenggara Pemilu Wilayah III"
