"""The cross-fitted identity figures (bench/identity_eval.py --crossfit): the labelled pairs split in
two seeded halves, the `same` pairs of one half found in the store to train the model, and a store
resolved with a model given on the command line."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kg.cli import main
from kg.identity.labels import matches, read_labels
from kg.identity.records import PersonRecord
from kg.identity.scoring import MODEL
from kg.ingest.build import build

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import identity_eval  # noqa: E402

ARTICLES = Path(__file__).parent / "data" / "identity"
LABELS = Path(__file__).resolve().parents[1] / "bench" / "identity"
PERSON = "https://w3id.org/pemilu-kg/id/person/"


def test_the_labelled_pairs_split_into_two_seeded_halves():
    first, second = identity_eval.halves()
    assert not first & second and len(first) == len(second) == 400
    assert first | second == set(range(1, 801))
    assert identity_eval.halves() == (first, second)


def test_the_blind_pairs_are_none_of_the_pairs_the_model_is_fitted_on():
    """bench/identity/blind: drawn (--round 4 ... 15) and labelled after the rules and the model, scored apart,
    each round on its own."""
    blind = read_labels(LABELS / "blind")
    fitted = read_labels(LABELS)
    assert {p.pair for p in blind} == set(range(801, 3801))
    assert identity_eval.blind_rounds() == {n: set(range(801 + 250 * (n - 4), 1051 + 250 * (n - 4))) for n in range(4, 16)}
    assert {p.verdict for p in blind} <= {"same", "different", "not-person", "unsure"}
    assert not {frozenset((p.node_a, p.node_b)) for p in blind} & {frozenset((p.node_a, p.node_b)) for p in fitted}
    assert identity_eval.BLIND == blind and identity_eval.LABELS == fitted


def test_only_the_pairs_of_the_fitting_half_judged_same_train_the_model():
    """Pair 4 (the PAN legislator Zita on two nodes) was judged `same`, pair 1 (two Dedes) `different`."""
    nodes = {PERSON + n: PersonRecord(PERSON + n, label, names={label}) for n, label in (
        ("zita--31", "Zita"), ("zita-anjani", "Zita Anjani"), ("dede--31", "Dede"), ("dede-nyai", "Dede Nyai"))}
    labelled = {p.pair: p for p in read_labels(LABELS)}
    assert (labelled[4].verdict, labelled[4].node_a, labelled[4].node_b) == ("same", PERSON + "zita--31",
                                                                             PERSON + "zita-anjani")
    assert (labelled[1].verdict, labelled[1].node_a, labelled[1].node_b) == ("different", PERSON + "dede--31",
                                                                             PERSON + "dede-nyai")
    labels = list(labelled.values())
    assert matches(nodes, labels, {1, 4}) == [(PERSON + "zita--31", PERSON + "zita-anjani")]
    assert matches(nodes, labels, {1}) == []


def test_a_store_resolved_with_the_model_named_on_the_command_line(tmp_path, capsys):
    store = tmp_path / "store"
    build([ARTICLES / n for n in ("pelantikan.txt", "sidang.txt")], store, workers=1, resolve_identities=False)
    assert main(["resolve", "--store", str(store), "--model", str(MODEL)]) == 0
    assert "1 nodes joined" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["resolve", "--store", str(store), "--model"])


def test_kg_train_names_a_labels_folder_without_labels(tmp_path, capsys):
    """The labels are read before the model is fitted: a wrong folder stops at once, saying which."""
    store = tmp_path / "store"
    build([ARTICLES / n for n in ("pelantikan.txt", "sidang.txt")], store, workers=1, resolve_identities=False)
    assert main(["train", "--identity", "--store", str(store), "--labels", str(tmp_path),
                 "-o", str(tmp_path / "model.json")]) != 0
    assert f"no labels.csv in {tmp_path}" in capsys.readouterr().err
    assert not (tmp_path / "model.json").exists()


def test_a_labelled_mention_is_found_again_under_a_longer_or_shorter_name_but_never_its_relative_s():
    """A store's extractor may read "Muslim Ansori" where the labels saw "Ansori", and the mention is that
    node; but where it reads "Mulan Jameela" in "Mertua Mulan Jameela" (her mother-in-law), that node is
    another person, and the labelled mention is not in the store."""
    from kg.identity.labels import located, locator
    from kg.rdf import iris

    graph = str(iris.graph("tribunnews-00461"))
    records = {PERSON + "muslim-ansori": PersonRecord(PERSON + "muslim-ansori", "Muslim Ansori",
                                                       names={"Muslim Ansori"}, graphs={graph}),
               PERSON + "mulan-jameela": PersonRecord(PERSON + "mulan-jameela", "Mulan Jameela",
                                                       names={"Mulan Jameela"}, graphs={graph})}
    context = "[tribunnews-00461 10-Sep-19] Korban kecelakaan ..."
    found = locator(records)
    assert located(PERSON + "ansori--gone", "Ansori", context, set(records), found) == PERSON + "muslim-ansori"
    assert located(PERSON + "mertua--gone", "Mertua Mulan Jameela", context, set(records), found) is None
