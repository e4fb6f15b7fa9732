"""One node per institution in an article: the model's names joined to the node the same institution
already has when written otherwise (kg.nlp.same_institution)."""
from kg.nlp.orgs import OrgHit
from kg.nlp.same_institution import same_institutions
from kg.nlp.text import slug


def learned(start: int, name: str, alt: tuple[str, ...] = ()) -> OrgHit:
    return OrgHit(start, start + len(name), name, f"org:x-{slug(name)}", name, "other", alt_labels=alt)


def rules(start: int, name: str, key: str, alt: tuple[str, ...] = ()) -> OrgHit:
    return OrgHit(start, start + len(name), name, key, name, "legislature", alt_labels=alt)


def joined(orgs: list[OrgHit]) -> dict[str, str]:
    return {orgs[i].text: hit.key for i, hit in same_institutions(orgs).items()}


def test_an_abbreviation_defined_in_brackets_joins_the_full_name():
    orgs = [learned(0, "Yayasan Lembaga Konsumen Indonesia", ("YLKI",)), learned(60, "YLKI"), learned(90, "Ombudsman")]
    assert joined(orgs) == {"YLKI": "org:x-yayasan-lembaga-konsumen-indonesia"}
    hit = same_institutions(orgs)[1]
    assert (hit.start, hit.end, hit.text, hit.label) == (60, 64, "YLKI", "Yayasan Lembaga Konsumen Indonesia")


def test_shorter_forms_of_a_commission_join_its_fullest_name():
    dpr = rules(0, "DPR", "org:dpr", ("DPR RI",))
    orgs = [dpr, learned(10, "Komisi III"), learned(30, "Komisi III DPR"), learned(60, "Komisi III DPR RI")]
    assert joined(orgs) == {"Komisi III": "org:x-komisi-iii-dpr-ri", "Komisi III DPR": "org:x-komisi-iii-dpr-ri"}


def test_a_short_form_two_institutions_could_have_stays_apart():
    orgs = [rules(0, "DPR", "org:dpr"), rules(5, "DPRD Sumut", "org:dprd-12"), learned(20, "Komisi III"),
            learned(40, "Komisi III DPR"), learned(70, "Komisi III DPRD Sumut")]
    assert "Komisi III" not in joined(orgs)


def test_a_misspelt_word_joins_but_another_number_does_not():
    party = rules(0, "Partai Demokrat", "org:party-demokrat", ("Demokrat",))
    assert joined([party, learned(40, "Parta Demokrat")]) == {"Parta Demokrat": "org:party-demokrat"}
    assert joined([learned(0, "Komisi II"), learned(20, "Komisi III")]) == {}
    assert joined([learned(0, "Dinas Pendidikan"), learned(30, "Dinas Perdagangan")]) == {}


def test_the_rules_institutions_keep_their_own_nodes():
    orgs = [rules(0, "KPU", "org:kpu"), learned(10, "Komisi Pemilihan Umum", ("KPU",))]
    assert joined(orgs) == {}
