"""Tests of kg.training: readers, label harmonisation, tiny runs of the training configs through
spaCy's loop, the shipped model.

Never runs the full training: the configs are shrunk by overrides.  Tests that need ``shared/data``
skip when it is absent; the shipped-model test skips when kg/models/ner is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from kg.training import (  # noqa: E402
    MissingDataError,
    bio_to_spans,
    count_entities,
    dedupe,
    evaluate_ner,
    nerp_variant,
    read_set,
    sentences_to_docs,
    train_ner,
    train_pipeline,
)
from kg.training.corpora import Sentence, _harmonise, sentence_key  # noqa: E402
from kg.training.loop import load_training_config  # noqa: E402
from spacy.util import load_config  # noqa: E402
from kg.training.pretrain import RECORD, WEIGHTS, ensure_pretrained  # noqa: E402
from kg.training.loop import ner_overrides  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
MODEL = ROOT / "kg" / "models" / "ner"

#: ner.cfg shrunk: a small tok2vec, no vectors, one epoch, frequent evaluations
SHAPE = {"components.ner.model.tok2vec.width": 32, "components.ner.model.tok2vec.depth": 2,
         "components.ner.model.tok2vec.embed_size": 500}
TINY = {**ner_overrides(None, None), **SHAPE, "training.max_epochs": 1, "training.eval_frequency": 5}

needs_data = pytest.mark.skipif(
    not (DATA / "idner-news-2k").is_dir(),
    reason=f"shared NER data not found at {DATA} (see shared/data/SOURCES.md)",
)


# --------------------------------------------------------------------------- pure functions


def test_bio_to_spans_conlleval_style():
    tags = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-ORG", "I-PER", "-", "B-LOC"]
    assert bio_to_spans(tags) == [
        (0, 2, "PER"),
        (3, 5, "LOC"),  # I- without B- starts an entity
        (5, 6, "ORG"),
        (6, 7, "PER"),  # type change starts a new one
        (8, 9, "LOC"),
    ]


def test_harmonise_maps_and_marks_missing():
    nerp = ["B-PPL", "I-PPL", "O", "B-IND", "I-IND", "B-PLC", "I-EVT"]
    from kg.training.corpora import LABEL_MAPS

    assert _harmonise(nerp, LABEL_MAPS["nerp"], o_reliable=False) == [
        "B-PER", "I-PER", "-", "-", "-", "B-LOC", "-",
    ]
    ugm = ["B-TIME", "I-TIME", "B-ORGANIZATION", "I-ORGANIZATION", "I-LOCATION"]
    assert _harmonise(ugm, LABEL_MAPS["nerugm"], o_reliable=True) == [
        "O", "O", "B-ORG", "I-ORG", "B-LOC",
    ]
    grit = ["B-PERSON", "B-PLACE", "I-ORGANISATION"]
    assert _harmonise(grit, LABEL_MAPS["nergrit"], True) == ["B-PER", "B-LOC", "B-ORG"]


def test_nerp_variants_and_dedupe():
    s = Sentence(words=["kata", "joko", "widodo", "di", "solo"],
                 tags=["-", "B-PER", "I-PER", "-", "B-LOC"], source="nerp",
                 raw_tags=["O", "B-PPL", "I-PPL", "B-IND", "B-PLC"])
    t = nerp_variant([s], "spans")[0]
    assert t.words == ["Kata", "Joko", "Widodo", "di", "Solo"]
    assert t.tags == s.tags
    o = nerp_variant([s], "titlecase_o")[0]
    assert o.tags == ["O", "B-PER", "I-PER", "-", "B-LOC"]
    assert nerp_variant([s], "raw")[0].words == s.words
    other = Sentence(words=["Kata", "Joko Widodo", "di", "Solo"], tags=["O"] * 4, source="x")
    assert sentence_key(other.words) == sentence_key(s.words)
    kept, dropped = dedupe([s, t], exclude=[other])
    assert kept == [] and dropped == {"nerp": 2}


def test_evaluate_ner_exact_match():
    nlp = spacy.blank("id")
    gold = sentences_to_docs(nlp.vocab, [
        Sentence(words=["Ketua", "KPU", "Fakhrian", "Noor"], tags=["O", "B-ORG", "B-PER", "I-PER"]),
    ])
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "KPU"}, {"label": "PER", "pattern": "Noor"}])
    s = evaluate_ner(nlp, gold)
    assert s["tp"] == 1 and s["n_pred"] == 2 and s["n_gold"] == 2
    assert s["per_label"]["ORG"]["f"] == 1.0 and s["per_label"]["PER"]["f"] == 0.0
    assert s["f"] == pytest.approx(0.5)


def test_missing_data_dir_error(tmp_path):
    with pytest.raises(MissingDataError, match="idner-news-2k"):
        read_set(tmp_path, "idner", "train")
    with pytest.raises(FileNotFoundError, match="SOURCES.md"):
        train_ner(tmp_path / "nope", tmp_path / "out")
    (tmp_path / "idner-news-2k").mkdir()
    with pytest.raises(MissingDataError, match="expected folder .*indonlu-nergrit"):
        train_ner(tmp_path, tmp_path / "out")


# --------------------------------------------------------------------------- real files


# (set, split): sentences, entities per harmonised label (SOURCES.md counts)
EXPECTED = {
    ("idner", "train"): (1464, {"PER": 896, "ORG": 721, "LOC": 579}),
    ("idner", "dev"): (367, {"PER": 221, "ORG": 189, "LOC": 152}),
    ("idner", "test"): (509, {"PER": 515, "ORG": 401, "LOC": 103}),
    ("nergrit", "train"): (1672, {"LOC": 2688, "PER": 1618, "ORG": 1015}),
    ("nergrit", "dev"): (209, {"LOC": 328, "PER": 213, "ORG": 121}),
    ("nergrit", "test"): (209, {"LOC": 357, "PER": 207, "ORG": 124}),
}


@needs_data
@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_cased_readers_match_sources(key):
    sents = read_set(DATA, *key)
    n, ents = EXPECTED[key]
    assert len(sents) == n
    assert count_entities(sents) == ents
    assert all(len(s.words) == len(s.tags) for s in sents)


@needs_data
def test_nerp_reader_counts_and_mapping():
    sents = read_set(DATA, "nerp", "train")
    assert len(sents) == 6720
    starts = {}
    for s in sents:
        for t in s.raw_tags:
            if t.startswith("B-"):
                starts[t[2:]] = starts.get(t[2:], 0) + 1
    assert starts == {"PPL": 4845, "PLC": 4379, "IND": 3065, "EVT": 1022, "FNB": 542}
    tags = {t for s in sents for t in s.tags}
    assert tags == {"B-PER", "I-PER", "B-LOC", "I-LOC", "-"}  # no O, no ORG: NERP cannot tell
    assert not any(" " in w for s in sents for w in s.words)


@needs_data
def test_indolem_readers():
    ui = read_set(DATA, "nerui", "all")
    assert len(ui) == 2126 and sum(len(s) for s in ui) == 46190
    assert count_entities(ui) == {"PER": 1870, "ORG": 1949, "LOC": 1236}
    assert [len(read_set(DATA, "nerui", sp, 1)) for sp in ("train", "dev", "test")] == [1530, 170, 426]
    ugm = read_set(DATA, "nerugm", "all")
    assert len(ugm) == 2343 and sum(len(s) for s in ugm) == 51581
    assert set(count_entities(ugm)) == {"PER", "ORG", "LOC"}  # TIME/QUANTITY -> O
    assert count_entities(ugm, raw=True)["TIME"] > 0
    assert [len(read_set(DATA, "nerugm", sp, 1)) for sp in ("train", "dev", "test")] == [1687, 187, 469]


@needs_data
def test_nerp_idner_test_overlap_is_removed():
    from kg.training.train import load_train_sentences

    test = read_set(DATA, "idner", "test")
    nerp = read_set(DATA, "nerp", "train")
    test_keys = {s.key for s in test}
    assert sum(s.key in test_keys for s in nerp) >= 216  # SOURCES.md: 216 exact matches
    train, dropped = load_train_sentences(DATA, ("idner", "nerp"), nerp_mode="spans", exclude=test)
    assert not any(s.key in test_keys for s in train)
    assert dropped["nerp"] >= 216


@needs_data
def test_tiny_training_saves_a_pipeline_plain_spacy_loads(tmp_path):
    """The callbacks ner.cfg names are for training only: spaCy alone loads the saved pipeline."""
    from kg.training.loop import save_pipeline

    train = read_set(DATA, "idner", "train")[:50]
    dev = read_set(DATA, "idner", "dev")[:20]
    run = train_pipeline(train, dev, tmp_path / "work", seed=0, overrides=TINY, log=lambda m: None)
    assert run.history and run.best.is_dir()  # spaCy's loop evaluated and kept a best pipeline
    save_pipeline(run.best, tmp_path / "ner", {"name": "tiny"})
    assert "work" not in (tmp_path / "ner" / "config.cfg").read_text()  # no paths of the training machine
    code = ("import json, spacy; nlp = spacy.load(__import__('sys').argv[1]); "
            "doc = nlp('Ketua KPU Tapin Fakhrian Noor mengatakan partisipasi masyarakat penting.'); "
            "print(json.dumps([nlp.lang, nlp.pipe_names, sorted(nlp.get_pipe('ner').labels), len(doc), nlp.meta['name']]))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "ner")], capture_output=True, text=True,
                         check=True)
    # the Indonesian tokenizer on raw text: 10 tokens
    assert json.loads(out.stdout) == ["id", ["ner"], ["LOC", "ORG", "PER"], 10, "tiny"]


def test_training_is_reproducible(tmp_path):
    sents = [Sentence(words=["Ketua", "KPU", "Tapin", "Fakhrian", "Noor", "datang", "."],
                      tags=["O", "B-ORG", "I-ORG", "B-PER", "I-PER", "O", "O"]),
             Sentence(words=["Bawaslu", "menemukan", "pelanggaran", "di", "Soreang", "."],
                      tags=["B-ORG", "O", "O", "O", "B-LOC", "O"])] * 5
    a, b = (train_pipeline(sents, [], tmp_path / name, seed=3, overrides=TINY, log=lambda m: None) for name in "ab")
    assert (a.last / "ner" / "model").read_bytes() == (b.last / "ner" / "model").read_bytes()


def test_fine_tuning_sources_the_base_ner_and_adds_post(tmp_path):
    """extract.cfg: the base's ner, sourced, learns POST from gold articles (tiny base, one epoch)."""
    from kg.training.gold import load_gold
    from kg.training.spans import fine_tune

    sents = [Sentence(words=["Ketua", "KPU", "Tapin", "Fakhrian", "Noor", "datang", "."],
                      tags=["O", "B-ORG", "I-ORG", "B-PER", "I-PER", "O", "O"])] * 4
    base = train_pipeline(sents, [], tmp_path / "base", seed=0, overrides=TINY, log=lambda m: None).last
    golds = [load_gold(ROOT / "corpus" / "annotated" / "kompas-01300.json")]
    out = fine_tune(golds, tmp_path / "extract", base=base, epochs=1, work=tmp_path / "work", log=lambda m: None)
    assert {p.name for p in out.iterdir()} >= {"config.cfg", "meta.json", "ner", "vocab", "tokenizer"}
    meta = json.loads((out / "meta.json").read_text())
    assert meta["name"] == "pemilu_kg_extract" and "POST" in meta["labels"]["ner"]
    ner = load_config(out / "config.cfg")["components"]["ner"]
    assert ner["factory"] == "ner" and "source" not in ner  # a plain ner, loadable without the base


def test_political_articles_are_news_with_three_political_words_or_the_number_or_sections_asked(tmp_path):
    from kg.training.clickid import political_articles

    news = tmp_path / "clickid-news-articles"
    news.mkdir()
    rows = [("a", "Nasional", "KPU dan Bawaslu menggelar rapat pleno pemilu."),
            ("b", "Nasional", "Bawaslu menemukan pelanggaran kampanye."),
            ("c", "Seleb", "KPU dan Bawaslu menggelar rapat pleno pemilu."),
            ("d", "Daerah", "Warga menanam padi.")]
    (news / "clickid_articles.jsonl").write_text("".join(
        json.dumps({"id": i, "category": c, "text": t}) + "\n" for i, c, t in rows), encoding="utf-8")
    assert [a.id for a in political_articles(tmp_path)] == ["a"]
    assert [a.id for a in political_articles(tmp_path, range(2, 3))] == ["b"]
    assert [a.id for a in political_articles(tmp_path, news=False)] == ["c"]


def test_pretrained_tok2vec_is_cached_and_starts_the_ner(tmp_path):
    from spacy.training.initialize import init_nlp

    news = tmp_path / "clickid-news-articles"
    news.mkdir()
    text = "Ketua KPU Tapin Fakhrian Noor mengatakan partisipasi penting.,Bawaslu menemukan pelanggaran di Soreang."
    (news / "clickid_articles.jsonl").write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
    small = {"pretraining.objective.hidden_size": 16}
    folder = ensure_pretrained(tmp_path, tmp_path / "t2v", None, SHAPE, small, log=lambda m: None)
    record = json.loads((folder / RECORD).read_text())
    assert record["paragraphs"] == 2 and "width = 32" in record["config"]  # cut at CLICK-ID's ".," joins
    stamp = (folder / WEIGHTS).stat().st_mtime_ns
    assert ensure_pretrained(tmp_path, folder, None, SHAPE, small, log=lambda m: None) == folder
    assert (folder / WEIGHTS).stat().st_mtime_ns == stamp  # same config: reused
    corpus = tmp_path / "train.spacy"
    from kg.training.loop import write_docbin
    from kg.training.train import sentences_to_docs

    sents = [Sentence(words=text.split(".,")[1].split(), tags=["B-ORG"] + ["O"] * 4)]
    write_docbin(sentences_to_docs(spacy.blank("id").vocab, sents), corpus)
    config = load_training_config("ner", {**TINY, **ner_overrides(None, folder), "paths.train": str(corpus),
                                          "paths.dev": str(corpus)})
    nlp = init_nlp(config)  # what spaCy's loop starts from
    cnn = nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0]
    assert cnn.to_bytes() == (folder / WEIGHTS).read_bytes()


# --------------------------------------------------------------------------- shipped model


@pytest.fixture(scope="module")
def shipped():
    if not (MODEL / "meta.json").is_file():
        pytest.skip(f"no shipped NER model at {MODEL}")
    return spacy.load(MODEL)


def test_shipped_model_finds_person(shipped):
    doc = shipped("Ketua KPU Tapin Fakhrian Noor mengatakan partisipasi masyarakat penting.")
    ents = {(e.text, e.label_) for e in doc.ents}
    # the person must be found; its span's edges are the model's known weak point (the model
    # before the vectors glued the regency, "Tapin Fakhrian Noor", this one drops the first name,
    # "Noor"; the extractor's rules repair both), so an overlap with the name is asserted
    assert any(lab == "PER" and (text in "Fakhrian Noor" or "Fakhrian Noor" in text) for text, lab in ents), ents
    doc = shipped("Direktur Eksekutif Lembaga Survei Indonesia Djayadi Hanan menyebut elektabilitas naik.")
    assert ("Djayadi Hanan", "PER") in {(e.text, e.label_) for e in doc.ents}


def test_shipped_model_finds_org_and_place(shipped):
    doc = shipped("Komisi Pemilihan Umum menggelar rapat pleno di Jakarta pada Selasa.")
    labels = {e.label_ for e in doc.ents}
    texts = {e.text for e in doc.ents}
    assert "ORG" in labels or "LOC" in labels, texts
    assert "Jakarta" in texts, texts
    doc = shipped("Bawaslu Kabupaten Bandung menemukan pelanggaran kampanye di Soreang.")
    assert any(e.label_ in ("ORG", "LOC") for e in doc.ents), [(e.text, e.label_) for e in doc.ents]


def test_a_linker_threshold_is_chosen_on_every_training_article_held_out_once():
    """Inner cross-validation: each article's pairs are scored once, by a linker fitted without them; the
    threshold is one of the candidates, and a feature that decides the label gives a high one."""
    from kg.training.linker import THRESHOLDS, _inner_splits, choose_threshold

    articles = [[([f"a{i}", "near"], 1), ([f"a{i}", "far"], 0)] for i in range(12)]
    splits = _inner_splits(articles, seed=0)
    held = [id(a) for _, part in splits for a in part]
    assert sorted(held) == sorted(id(a) for a in articles)  # every article held out exactly once
    for train, part in splits:
        assert not {id(a) for a in train} & {id(a) for a in part}
    assert choose_threshold(articles, c=1.0) in THRESHOLDS
    assert choose_threshold(articles, c=1.0) >= 0.5
