"""`kg build`, `kg export`, `kg query` and `kg run` as a user runs them, on the seeds and small inputs."""
from __future__ import annotations

import json

import pytest
import rdflib

from kg.cli import main
from kg.rdf.namespaces import PEMILU, SCHEMA

from conftest import SEEDS

ARTICLE = ("Banjarmasin (ANTARA) - Ketua Bawaslu Kalsel Aries Mardiono mengatakan pengawasan kampanye "
           "diperketat di 13 kabupaten/kota.\n“Kami siap mengawasi seluruh tahapan pilkada,” kata Aries.")


def _dataset(path) -> rdflib.Dataset:
    ds = rdflib.Dataset(default_union=True)
    ds.parse(path)
    return ds


def test_build_seeds_writes_store_and_output(tmp_path, capsys):
    out = tmp_path / "seeds.trig"
    assert main(["build", str(SEEDS), "--store", str(tmp_path / "store"), "-o", str(out)]) == 0
    ds = _dataset(out)
    assert len(list(ds.subjects(rdflib.RDF.type, SCHEMA.NewsArticle))) == 2
    assert len({g for _, _, _, g in ds.quads()}) == 2  # one named graph per article
    assert "built 2 articles" in capsys.readouterr().err
    why = {str(o) for o in ds.objects(None, PEMILU.identityEvidence)}  # why a node is one across articles
    assert "full name" in why


def test_rebuild_is_idempotent_and_force_gives_the_same_graph(tmp_path, capsys):
    store = str(tmp_path / "store")
    first, second = tmp_path / "a.nq", tmp_path / "b.nq"
    assert main(["build", str(SEEDS), "--store", store, "-o", str(first)]) == 0
    assert main(["build", str(SEEDS), "--store", store]) == 0
    assert "built 0 articles, 2 unchanged" in capsys.readouterr().err
    assert main(["build", str(SEEDS), "--store", store, "--force", "-o", str(second)]) == 0
    # no blank nodes anywhere, so the same quads mean the same graph
    assert set(_dataset(first).quads()) == set(_dataset(second).quads())
    assert main(["export", "--store", store, "-o", str(tmp_path / "all.nq")]) == 0
    assert len(_dataset(tmp_path / "all.nq")) == len(_dataset(first))


def test_jsonl_keeps_metadata_and_resolves_weekday_with_publication_date(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x1", "url": "https://example.id/x1", "title": "Judul", "published": "2024-09-24",
                               "text": "Rantau, Tapin (ANTARA) - Kapolda Kalsel Irjen Pol Winarto hadir pada "
                                       "deklarasi pilkada damai di Rantau, Selasa.", "section": "politik"}) + "\n",
                   encoding="utf-8")
    out = tmp_path / "out.ttl"
    assert main(["build", str(src), "--store", str(tmp_path / "s"), "-o", str(out)]) == 0
    g = rdflib.Graph().parse(out)
    article = next(g.subjects(rdflib.RDF.type, SCHEMA.NewsArticle))
    assert str(g.value(article, SCHEMA.url)) == "https://example.id/x1"
    assert str(g.value(article, SCHEMA.datePublished)) == "2024-09-24"
    assert any("section=politik" in str(o) for o in g.objects(article, SCHEMA.additionalProperty))
    dates = {str(d) for d in g.objects(None, SCHEMA.startDate)}
    assert "2024-09-24" in dates  # "Selasa" before publication on Tuesday 24 September 2024


def test_html_page_is_read_with_its_article_body(tmp_path):
    page = tmp_path / "berita.html"
    page.write_text(f"<html><head><title>Bawaslu</title></head><body><nav>Menu Beranda Politik</nav>"
                    f"<article><h1>Bawaslu Kalsel</h1><p>{ARTICLE.splitlines()[0]}</p>"
                    f"<p>{ARTICLE.splitlines()[1]}</p></article><footer>Hak cipta</footer></body></html>",
                    encoding="utf-8")
    out = tmp_path / "out.trig"
    assert main(["build", str(page), "--store", str(tmp_path / "s"), "-o", str(out)]) == 0
    ds = _dataset(out)
    labels = {str(o) for o in ds.objects(None, rdflib.RDFS.label)}
    assert "Aries Mardiono" in labels
    assert "Badan Pengawas Pemilihan Umum Provinsi Kalimantan Selatan" in labels


def test_bad_inputs_are_reported_and_the_rest_is_built(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"id": "ok", "text": "Ketua KPU Tapin Fakhrian Noor hadir di Rantau."}\n'
                                        "{not json\n" '{"id": "notext"}\n', encoding="utf-8")
    failures = tmp_path / "failures.json"
    status = main(["build", str(tmp_path), str(tmp_path / "missing.txt"), "--store", str(tmp_path / "s"),
                   "--failures", str(failures)])
    assert status == 1
    report = json.loads(failures.read_text(encoding="utf-8"))
    sources = {item["source"] for item in report}
    assert {str(tmp_path / "empty.txt"), f"{tmp_path / 'bad.jsonl'}:2", f"{tmp_path / 'bad.jsonl'}:3",
            str(tmp_path / "missing.txt")} <= sources
    assert "built 2 articles" in capsys.readouterr().err


def test_an_output_file_of_no_known_format_stops_the_build_before_any_article_is_built(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    status = main(["build", str(tmp_path / "a.txt"), "--store", str(tmp_path / "s"), "-o", str(tmp_path / "graph")])
    err = capsys.readouterr().err
    assert status != 0
    assert "unknown export format" in err and ".trig" in err
    assert "built" not in err and not (tmp_path / "s").exists()


def test_query_command_prints_rows_and_refuses_service(tmp_path, capsys):
    store = str(tmp_path / "store")
    assert main(["build", str(SEEDS), "--store", store]) == 0
    capsys.readouterr()
    assert main(["query", "posts", "--store", store, "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "Winarto" in out and "Kapolda" in out and "Fakhrian Noor" in out
    assert main(["query", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
                 "--store", store]) == 2
    assert "SERVICE" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["graph.trig", "graph.ttl", "graph.jsonld", "graph.html", "results/posts.csv"])
def test_run_writes_graph_files_view_and_query_results(tmp_path, name, run_output):
    assert (run_output / name).stat().st_size > 0


@pytest.fixture(scope="module")
def run_output(tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    assert main(["run", str(SEEDS), "--out", str(out / "out"), "--store", str(out / "store")]) == 0
    return out / "out"


def test_a_changed_publication_date_alone_rebuilds_the_article(tmp_path, capsys):
    src, store = tmp_path / "in.jsonl", str(tmp_path / "s")
    record = {"id": "x1", "published": "16/09/2019", "text": ARTICLE}
    src.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert main(["build", str(src), "--store", store]) == 0
    src.write_text(json.dumps({**record, "published": "17/09/2019"}) + "\n", encoding="utf-8")
    assert main(["build", str(src), "--store", store, "-o", str(tmp_path / "o.ttl")]) == 0
    assert "built 1 articles, 0 unchanged" in capsys.readouterr().err.splitlines()[-1]
    g = rdflib.Graph().parse(tmp_path / "o.ttl")
    assert {str(d) for d in g.objects(None, SCHEMA.datePublished)} == {"2019-09-17"}


def test_a_retrained_model_rebuilds_the_articles_it_extracted(tmp_path, capsys):
    import shutil

    from kg.resources import EXTRACT_DIR

    model = tmp_path / "model"
    shutil.copytree(EXTRACT_DIR, model)
    src, store = tmp_path / "in.jsonl", str(tmp_path / "s")
    src.write_text(json.dumps({"id": "x1", "text": ARTICLE}) + "\n", encoding="utf-8")
    assert main(["build", str(src), "--store", store, "--model", str(model)]) == 0
    retrained = tmp_path / "retrained"
    shutil.copytree(model, retrained)  # what `kg train` leaves: same name and version, other linker weights
    linkers = retrained / "linker" / "speakers.json"
    data = json.loads(linkers.read_text(encoding="utf-8"))
    linkers.write_text(json.dumps({**data, "bias": data["bias"] - 0.1}), encoding="utf-8")
    assert main(["build", str(src), "--store", store, "--model", str(retrained)]) == 0
    assert "built 1 articles, 0 unchanged" in capsys.readouterr().err.splitlines()[-1]
