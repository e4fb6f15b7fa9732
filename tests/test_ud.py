"""Tests of kg.training.ud: the CoNLL-U reader (multi-word tokens, empty nodes, relations), the
scorer, and a tiny training run. Never runs the full training; the treebank test skips when
shared/data is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from kg.training.ud import (  # noqa: E402
    RECIPES,
    MissingTreebankError,
    evaluate_ud,
    load_set,
    load_ud,
    read_conllu,
    split_holdout,
    train_ud,
)

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
needs_ud = pytest.mark.skipif(
    not (DATA / "ud-indonesian-gsd" / "legacy-r2.1").is_dir(),
    reason=f"UD Indonesian treebanks not found under {DATA} (see shared/data/SOURCES.md)",
)

SAMPLE = """# sent_id = s1
# text = Rumahnya besar.
1-2\tRumahnya\t_\t_\t_\t_\t_\t_\t_\t_
1\tRumah\trumah\tNOUN\t_\t_\t3\tnsubj\t_\t_
2\tnya\tdia\tPRON\t_\t_\t1\tnmod:poss\t_\t_
3\tbesar\tbesar\tADJ\t_\t_\t0\troot\t_\tSpaceAfter=No
3.1\tada\tada\tVERB\t_\t_\t_\t_\t1:nsubj\t_
4\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\tSpaceAfter=No

# sent_id = s2
# text = Dia datang
1\tDia\tdia\tPRON\t_\t_\t2\tnsubj\t_\t_
2\tdatang\tdatang\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No

"""


@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.conllu"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_surface_tokens_merge_a_multiword_token(sample: Path) -> None:
    first, second = read_conllu(sample)
    assert first.words == ("Rumahnya", "besar", ".")
    assert first.upos == ("NOUN", "ADJ", "PUNCT")  # the head word's analysis
    assert first.heads == (1, 1, 1)  # "besar" is the root: it points at itself
    assert first.deps == ("nsubj", "ROOT", "punct")
    assert first.spaces == (True, False, False)
    assert first.n_mwt == 1 and first.sent_id == "s1"
    assert second.words == ("Dia", "datang") and second.heads == (1, 1)


def test_syntactic_words_keep_clitics_apart(sample: Path) -> None:
    first = read_conllu(sample, tokens="words")[0]
    assert first.words == ("Rumah", "nya", "besar", ".")
    assert first.spaces == (False, True, False, False)
    assert first.deps == ("nsubj", "nmod", "ROOT", "punct")  # subtypes cut
    assert first.heads == (2, 0, 2, 2)


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(MissingTreebankError, match="nope.conllu"):
        read_conllu(tmp_path / "nope.conllu")


def test_a_gold_parse_scores_perfectly(sample: Path) -> None:
    class Gold:
        """Stands in for a pipeline: gives each doc its sentence's gold analysis."""

        def __init__(self, nlp, sents):
            self.nlp, self.vocab, self.sents = nlp, nlp.vocab, sents

        def pipe(self, docs, batch_size=0):
            from kg.training.ud import to_doc
            return [to_doc(self.vocab, s) for s in self.sents]

    sents = read_conllu(sample)
    scores = evaluate_ud(Gold(spacy.blank("id"), sents), sents)
    assert scores == {"upos": 1.0, "uas": 1.0, "las": 1.0, "tokens": 5, "sentences": 2}


def test_tiny_training_run_writes_a_loadable_pipeline(sample: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    for split in ("csui-train", "gsd-dev"):  # the default, share-alike recipe
        from kg.training.ud import UD_SETS
        target = data / UD_SETS[split]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(SAMPLE * 40, encoding="utf-8")
    tiny = {"components.tok2vec.model.width": 32, "components.tok2vec.model.depth": 1,
            "components.tok2vec.model.embed_size": 200, "components.parser.model.hidden_width": 16,
            "training.max_epochs": 2, "training.eval_frequency": 2}
    run = train_ud(data, tmp_path / "model", seed=0, overrides=tiny, work=tmp_path / "work", log=lambda m: None)
    assert run.train_sentences == 144 and run.dev_sentences == 16  # 10% of 160 held out
    assert run.evaluations and run.best_epoch <= 1 and run.dev_set.startswith("held-out")
    assert (tmp_path / "work" / "corpora" / "train.spacy").is_file()  # spaCy's loop read DocBin corpora
    nlp = load_ud(tmp_path / "model")
    assert nlp.meta["license"] == "CC BY-SA 4.0"
    doc = nlp("Rumahnya besar.")
    assert doc.has_annotation("DEP") and doc.has_annotation("POS")
    assert (tmp_path / "model" / "ud_training.json").is_file()


def test_holdout_is_fixed_by_the_seed_and_disjoint(sample: Path) -> None:
    sents = [s for _ in range(50) for s in read_conllu(sample)]
    train, held = split_holdout(sents, 0.1, seed=0)
    again = split_holdout(sents, 0.1, seed=0)
    assert (train, held) == again and len(held) == 10 and len(train) == 90
    assert split_holdout(sents, 0.1, seed=1) != (train, held)
    with pytest.raises(ValueError):
        split_holdout(sents, 0.0, seed=0)


def test_default_recipe_uses_share_alike_data_only() -> None:
    import inspect
    default = inspect.signature(train_ud).parameters["train_sets"].default
    assert tuple(default) == RECIPES["bysa"]["train_sets"] == ("csui-train", "gsd-dev")
    assert not any(s.startswith("gsd21") for s in default)
    assert "NC" in RECIPES["gsd21-nc"]["license"]


def test_rules_only_pipeline_never_parses(monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.nlp import pipeline

    calls = []
    monkeypatch.setattr(pipeline, "load_parser", lambda: calls.append(1))
    nlp = pipeline.load_pipeline("none")
    assert not pipeline.uses_parser(nlp)
    analysis = pipeline.analyse("Budi mengatakan pemilu lancar.", nlp)
    assert analysis.parse(0, 10) == () and not calls
    assert all(not a.use_parser for a in pipeline.analyse_many(["Dia datang."], nlp))
    assert "ud_tagger_parser" not in pipeline.model_name(nlp)


def test_pronoun_means_the_person_named_as_subject_since_the_last_speaker(monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.nlp import pipeline
    from kg.nlp.extract import extract
    from kg.records import Article

    text = ("Menteri Koordinator Kemaritiman Luhut Binsar Panjaitan mengatakan, rapat kerja itu adalah "
            "pertemuan terakhir kabinet dengan DPR.\n"
            "Pada hari yang sama, Menteri Kelautan dan Perikanan juga pamitan.\n"
            "Menteri Susi Pudjiastuti memohon maaf bila banyak kesalahan yang dibuat selama menjabat.\n"
            "Ia mengatakan, hal itu perlu ia lakukan karena sangat berobsesi memperbaiki sektor kelautan.\n"
            "Dia menambahkan, kementerian akan terus bekerja sampai akhir masa jabatan.")
    monkeypatch.setenv("KG_UD_MODEL", "none")
    pipeline.load_parser.cache_clear()
    try:
        quotes = [q.speaker for q in extract(Article("t2", text), pipeline.load_pipeline("none")).quotations]
    finally:
        pipeline.load_parser.cache_clear()
    assert quotes == ["person:luhut-binsar-panjaitan", "person:susi-pudjiastuti", "person:susi-pudjiastuti"]


@needs_ud
def test_treebank_counts_match_sources_md() -> None:
    train = load_set(DATA, "gsd21-train")
    assert len(train) == 4477 and sum(len(s.words) for s in train) == 97531
    test = load_set(DATA, "gsd-test")
    assert len(test) == 557 and sum(s.n_mwt for s in test) == 215
    assert sum(len(s.words) for s in load_set(DATA, "gsd-test", "words")) == 11756


SHIPPED = Path(__file__).resolve().parents[1] / "kg" / "models" / "ud"
needs_shipped = pytest.mark.skipif(not (SHIPPED / "config.cfg").is_file(),
                                   reason=f"no UD parser at {SHIPPED} (train_ud writes one)")


@needs_shipped
def test_shipped_parser_finds_the_subject_of_a_speech_verb() -> None:
    nlp = load_ud(SHIPPED)
    doc = nlp("Ketua KPU Tapin Fakhrian Noor mengatakan pemilu berjalan lancar.")
    verb = next(t for t in doc if t.text == "mengatakan")
    assert "nsubj" in {c.dep_ for c in verb.children}
    assert {t.pos_ for t in doc} >= {"PROPN", "VERB"}


@needs_shipped
def test_parse_names_the_speaker_the_patterns_miss(monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.nlp import pipeline
    from kg.nlp.extract import extract
    from kg.records import Article

    article = Article("t1", "Ridwan Kamil hadir di Bandung, Senin (9/9/2019).\n"
                            "Sebab itu, dengan tegas ia berharap persoalan tersebut tak perlu dibesar-besarkan oleh media.\n"
                            "Asrar tidak menyebut jumlah pemilih secara rinci kepada wartawan di kantornya.")
    monkeypatch.delenv("KG_UD_MODEL", raising=False)
    pipeline.load_parser.cache_clear()
    try:
        quotes = [(q.speaker, q.text) for q in extract(article).quotations]
        monkeypatch.setenv("KG_UD_MODEL", "none")
        pipeline.load_parser.cache_clear()
        without = extract(article).quotations
    finally:
        pipeline.load_parser.cache_clear()
    assert quotes == [("person:ridwan-kamil", "persoalan tersebut tak perlu dibesar-besarkan oleh media")]
    assert without == ()  # the patterns alone find no speaker; a denied speech act is never a statement
