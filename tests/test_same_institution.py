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
    orgs = [rules(0, "KPU", "org:kpu"), rules(5, "KPU Tapin", "org:kpu-63.05"), learned(20, "Komisi Pemilihan Umum")]
    assert joined(orgs) == {}


def test_a_name_of_the_model_with_a_form_of_the_rules_node_is_that_node():
    # train e55: the model read "Badan Pengawasan Pemilu (Bawaslu) Kabupaten Paser" (one letter off the
    # statutory name) and "Panitia Pengawas Kecamatan (Panwascam)" beside the rules' nodes of both
    branch = rules(0, "Bawaslu Kabupaten Paser", "org:bawaslu-64.01", ("Bawaslu Paser",))
    panwas = OrgHit(40, 49, "Panwascam", "org:panwascam--e55", "Panitia Pengawas Pemilihan Kecamatan", "other",
                    alt_labels=("Panwascam",))
    model = learned(60, "Badan Pengawasan Pemilu Kabupaten Paser", ("Bawaslu Kabupaten Paser",))
    sub = learned(120, "Panitia Pengawas Kecamatan", ("Panwascam",))
    assert joined([branch, panwas, model, sub]) == {"Badan Pengawasan Pemilu Kabupaten Paser": "org:bawaslu-64.01",
                                                    "Panitia Pengawas Kecamatan": "org:panwascam--e55"}
    # one abbreviation two institutions share: a party's regional board is not the senate
    senate = rules(0, "Dewan Perwakilan Daerah", "org:dpd", ("DPD", "DPD RI"))
    assert joined([senate, learned(40, "Dewan Pimpinan Daerah", ("DPD",))]) == {}
    # two of the model's nodes sharing a form would each join the other: neither does
    assert joined([learned(0, "Pertamina Energy Services", ("PES",)), learned(40, "PES")]) == {
        "PES": "org:x-pertamina-energy-services"}


def test_a_company_without_its_legal_form_is_the_company_with_it():
    orgs = [learned(0, "PT Pertamina (Persero)"), learned(40, "Pertamina"), learned(60, "Pertamina Energy Services")]
    assert joined(orgs) == {"Pertamina": "org:x-pt-pertamina-persero"}


def test_a_shorter_form_joins_the_rules_node_written_in_full():
    kpk = rules(0, "KPK", "org:kpk", ("Komisi Pemberantasan Korupsi",))
    dewas = rules(10, "Dewan Pengawas KPK", "org:dewas-kpk", ("Dewas KPK",))
    orgs = [kpk, dewas, learned(40, "Dewan Pengawas"), learned(70, "Badan Legislasi")]
    assert joined(orgs) == {"Dewan Pengawas": "org:dewas-kpk"}


def test_an_institution_and_a_level_without_region_is_the_article_s_one_branch_at_that_level():
    kpu = OrgHit(0, 10, "KPU Maluku", "org:kpu-81", "Komisi Pemilihan Umum Provinsi Maluku", "kpu", "place:81",
                 "province", ("KPU Maluku", "KPU Provinsi Maluku"))
    kpud = OrgHit(20, 36, "KPU Kota Ambon", "org:kpu-81.71", "Komisi Pemilihan Umum Kota Ambon", "kpu", "place:81.71",
                  "city", ("KPU Kota Ambon",))
    orgs = [kpu, kpud, learned(50, "KPU Provinsi"), learned(70, "Bawaslu Provinsi")]
    assert joined(orgs) == {"KPU Provinsi": "org:kpu-81"}


def test_an_abbreviation_of_the_initials_joins_the_institution_a_post_names():
    ministry = OrgHit(0, 30, "Menteri Kelautan dan Perikanan", "org:kementerian-kelautan-dan-perikanan",
                      "Kementerian Kelautan dan Perikanan", "ministry")
    orgs = [ministry, learned(40, "KKP"), learned(60, "PDSPKP")]
    assert joined(orgs) == {"KKP": "org:kementerian-kelautan-dan-perikanan"}


def test_pemilu_written_out_is_the_same_name():
    dkpp = rules(0, "Dewan Kehormatan Penyelenggara Pemilu", "org:dkpp", ("DKPP",))
    model = learned(50, "Dewan Kehormatan Penyelenggara Pemilihan Umum", ("DKPP",))
    assert joined([dkpp, model]) == {"Dewan Kehormatan Penyelenggara Pemilihan Umum": "org:dkpp"}


def test_two_names_of_the_model_that_each_give_the_other_become_one_node():
    orgs = [learned(0, "Dewas Pengawas", ("Dewan Pengawas",)), learned(40, "Dewan Pengawas", ("Dewas Pengawas",))]
    assert len({hit.key for hit in [same_institutions(orgs).get(i, o) for i, o in enumerate(orgs)]}) == 1


def test_a_company_by_its_legal_form_and_abbreviation_and_a_ministry_by_its_kind_and_abbreviation():
    company = learned(0, "PT Asmin Koalindo Tuhup", ("AKT",))
    ministry = learned(40, "Kementerian Energi dan Sumber Daya Mineral", ("ESDM",))
    orgs = [company, ministry, learned(100, "PT AKT"), learned(120, "Kementeriaan ESDM"), learned(140, "Dinas ESDM")]
    assert joined(orgs) == {"PT AKT": "org:x-pt-asmin-koalindo-tuhup",
                            "Kementeriaan ESDM": "org:x-kementerian-energi-dan-sumber-daya-mineral"}


def test_a_commission_of_a_national_parliament_the_article_names_only_with_it_joins_its_fullest_name():
    orgs = [learned(0, "Komisi VIII DPR RI"), learned(40, "Komisi VIII"), learned(70, "Kementerian Agama")]
    assert joined(orgs) == {"Komisi VIII": "org:x-komisi-viii-dpr-ri"}


def test_a_faction_named_by_its_party_s_abbreviation_is_the_faction_named_by_the_party_in_full():
    pan = rules(0, "Partai Amanat Nasional", "org:party-pan", ("PAN",))
    pks = rules(30, "Partai Keadilan Sejahtera", "org:party-pks", ("PKS",))
    orgs = [pan, pks, learned(60, "Fraksi Partai Amanat Nasional"), learned(100, "Fraksi PAN"), learned(120, "Fraksi PKS")]
    assert joined(orgs) == {"Fraksi PAN": "org:x-fraksi-partai-amanat-nasional"}


def test_a_body_named_after_by_the_abbreviation_brackets_gave_its_leading_words_is_that_body():
    full = learned(0, "Panitia Khusus Pengkajian Ibu Kota DPR")
    full = OrgHit(0, 48, "Panitia Khusus (Pansus) Pengkajian Ibu Kota DPR", full.key, full.label, "other")
    orgs = [full, learned(80, "Pansus Pengkajian Ibu Kota"), learned(120, "Panitia Khusus Hak Angket")]
    assert joined(orgs) == {"Pansus Pengkajian Ibu Kota": "org:x-panitia-khusus-pengkajian-ibu-kota-dpr"}
