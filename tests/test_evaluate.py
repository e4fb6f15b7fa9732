"""kg evaluate's figures on a subset of the articles (those annotated after the rules were written)."""
from __future__ import annotations

import pytest

from kg.training import extraction
from kg.training.gold import load_gold_dirs

from conftest import ROOT, needs_shared


@pytest.fixture()
def rules_only_folds(monkeypatch):
    """Each fold's three systems as the rules with the shipped news NER: the subset bookkeeping is under
    test, not a training run."""
    from kg.nlp.extract import extract
    from kg.nlp.pipeline import load_pipeline

    nlp = load_pipeline(str(extraction.MODEL_DIR))
    monkeypatch.setattr(extraction, "_systems", lambda fold_dir, train, log: {
        name: (lambda a: extract(a, nlp)) for name in extraction.SYSTEMS})


def test_a_subset_is_scored_on_its_own_articles_only(rules_only_folds, tmp_path):
    eval_dir = needs_shared("eval")
    golds = load_gold_dirs([eval_dir / "dev"])[:4]
    everything = frozenset(g.id for g in golds)
    one = frozenset({golds[0].id})
    result = extraction.evaluate(golds, eval_dir, tmp_path, k=2, subsets={"all": everything, "one": one},
                                 log=lambda m: None)
    assert result["subsets"]["all"]["systems"] == result["systems"]  # the same articles, the same figures
    assert result["subsets"]["one"]["articles"] == 1
    assert len(result["subsets"]["one"]["systems"]["hybrid"]["core"]["f1_folds"]) == 1  # the one fold holding it
    page = extraction.results_markdown(result, ["dev"], None)
    assert "## On one alone" in page and "one: 1 articles, each scored by the fold model" in page


def test_kg_evaluate_names_a_subset_file_with_unknown_ids(tmp_path, capsys):
    from kg.cli import main

    eval_dir = needs_shared("eval")
    ids = tmp_path / "ids.txt"
    ids.write_text("# not a gold article\nno-such-article\n", encoding="utf-8")
    code = main(["evaluate", "--gold", str(eval_dir / "dev"), "--eval-dir", str(eval_dir), "--subset", str(ids),
                 "--work", str(tmp_path / "work"), "-o", str(tmp_path / "out.md")])
    assert code == 2
    assert f"{ids}: 1 ids are in no gold folder (first: no-such-article)" in capsys.readouterr().err


def test_held_out_articles_are_scored_by_the_shipped_model_and_reported_apart():
    """corpus/heldout: gold no model trained on, scored with kg/models/extract as score.py scores a build."""
    eval_dir = needs_shared("eval")
    training = load_gold_dirs([eval_dir / "dev"])[:2]
    held = load_gold_dirs([ROOT / extraction.DEFAULT_HELDOUT])[:2]
    heldout = extraction.score_heldout(held, training, eval_dir, subsets={"last.txt": frozenset({held[1].id})})
    assert heldout["articles"] == 2
    alone = heldout["subsets"]["last.txt"]
    assert alone["articles"] == 1 and alone["systems"]["hybrid"] != heldout["systems"]["hybrid"]
    hybrid, rules = heldout["systems"]["hybrid"], heldout["systems"]["rules"]
    assert 0.5 < hybrid["Person"]["f1"] <= 1.0 and 0.0 < hybrid["core"]["f1"] <= 1.0
    assert hybrid != rules  # the shipped model's names and linkers, not the rules alone
    folds = {s: {kind: c | {"f1_sd": 0.0, "f1_folds": [c["f1"]]} for kind, c in heldout["systems"][s].items()}
             for s in extraction.SYSTEMS}
    result = {"articles": 2, "folds": 1, "seed": 0, "seconds": 0, "kinds": list(hybrid), "systems": folds,
              "subsets": {}, "heldout": {"folder": "corpus/heldout"} | heldout}
    section = extraction.results_markdown(result, ["dev"], None).split("## Held out: corpus/heldout")[1]
    core = rules["core"]
    whole, last = section.split("### Held out, last.txt alone")
    assert f"| core | {core['p']:.3f} / {core['r']:.3f} / **{core['f1']:.3f}** |" in whole
    core = alone["systems"]["rules"]["core"]
    assert "last.txt: 1 of these articles" in last
    assert f"| core | {core['p']:.3f} / {core['r']:.3f} / **{core['f1']:.3f}** |" in last
