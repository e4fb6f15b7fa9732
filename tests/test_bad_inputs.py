"""A corpus of bad inputs beside good articles: `kg build` builds every good article, reports every
bad input with its file (and line) and what to do, exits 1, and loses nothing else.

The corpus is generated here (tmp_path), so no binary or oddly encoded file lives in the repository.
"""
from __future__ import annotations

import json
import os
import pathlib
import shutil
from datetime import date
from pathlib import Path

import pytest

from kg.cli import main
from kg.graph.embedded import open_oxigraph
from kg.ingest.readers import MAX_ARTICLE_CHARS, parse_date, read_articles
from kg.problems import ERROR, WARNING, Problem
from kg.rdf import iris
from kg.rdf.namespaces import GRAPH, ID
from kg.records import Article

from conftest import SEEDS

SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))
KPU = "Ketua KPU Tapin Fakhrian Noor mengatakan bahwa tahapan pilkada di Kabupaten Tapin berjalan lancar."
BAWASLU = "Ketua Bawaslu Kalsel Aries Mardiono meminta semua pihak menjaga netralitas selama masa kampanye."
ENGLISH = ("The General Elections Commission said on Tuesday that the regional elections in Tapin would be held "
           "on 27 November, and the police chief of South Kalimantan urged all parties to keep the peace during "
           "the campaign period, which lasts until the end of the month. Officials said the preparations were "
           "on schedule and that the ballots would arrive in every district by next week.")


def _seed_text() -> str:
    return (SEEDS / f"{SEED_IDS[0]}.txt").read_text(encoding="utf-8")


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """(folder, extra paths, ids that must be built, sources that must be reported as errors,
    sources that must be reported as warnings)."""
    root = tmp_path / "in"
    root.mkdir()
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, root / seed.name)
    good = list(SEED_IDS)
    errors, warnings = set(), set()

    def bad(name: str, data: bytes, line: int | None = None) -> pathlib.Path:
        path = root / name
        path.write_bytes(data)
        errors.add(f"{path}:{line}" if line else str(path))
        return path

    bad("empty.txt", b"")
    bad("blank.txt", b"  \n\t \r\n")
    bad("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    bad("controls.txt", bytes(range(1, 32)) * 40 + KPU.encode())
    bad("menu.html", b"<html><head><title>Berita</title></head><body><nav>Beranda</nav></body></html>")
    bad("english.txt", ENGLISH.encode())
    bad("empty.jsonl", b"\n\n")

    # read with a guess: built, and reported as warnings
    (root / "latin1.txt").write_bytes(f"Penjabat Bupati Tapin Saméhudin hadir. {KPU}".encode("latin-1"))
    (root / "quotes.txt").write_bytes(KPU.encode() + " \u201cKami siap,\u201d kata dia.".encode("cp1252"))
    (root / "notes.md").write_text("not an article", encoding="utf-8")
    warnings |= {str(root / "latin1.txt"), str(root / "quotes.txt"), str(root / "notes.md")}
    good += ["latin1", "quotes"]
    # a byte-order mark says the encoding: read without a report
    (root / "utf16.txt").write_text(_seed_text(), encoding="utf-16")
    good.append("utf16")

    # a 5 MB article: cut at MAX_ARTICLE_CHARS, built, and reported
    big = root / "big.txt"
    big.write_text(("\n".join([_seed_text()] * (5_000_000 // len(_seed_text()) + 1)))[:5_000_000], encoding="utf-8")
    errors.add(str(big))
    good.append("big")

    lines = root / "lines.jsonl"
    lines.write_text("\n".join([
        json.dumps({"id": "j1", "text": KPU, "published": "2024-09-24"}),
        '{"id": "j2", "text": "broken',
        json.dumps({"id": "j3", "title": "no text"}),
        json.dumps({"id": SEED_IDS[0], "text": BAWASLU}),  # duplicate id
        json.dumps({"id": "j5", "text": BAWASLU, "published": "kemarin sore"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "j7", "text": "   "}),
    ]) + "\n", encoding="utf-8")
    with lines.open("ab") as out:  # a line in Windows-1252: built, with a warning
        out.write(json.dumps({"id": "j8", "text": f"{KPU} \u201cKami siap,\u201d kata dia."},
                             ensure_ascii=False).encode("cp1252") + b"\n")
    errors |= {f"{lines}:2", f"{lines}:3", f"{lines}:4", f"{lines}:6", f"{lines}:7"}
    warnings |= {f"{lines}:5", f"{lines}:8"}
    good += ["j1", "j5", "j8"]

    # unreadable: a file and a folder (as root, chmod does not stop reading: simulate the error)
    locked_file = root / "locked.txt"
    locked_file.write_text(KPU, encoding="utf-8")
    locked_dir = root / "locked"
    locked_dir.mkdir()
    (locked_dir / "inside.txt").write_text(BAWASLU, encoding="utf-8")
    errors |= {str(locked_file), str(locked_dir)}
    if os.geteuid() == 0:
        real_open, real_scandir = pathlib.Path.open, os.scandir

        def open_(self, *args, **kwargs):
            if self == locked_file:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        def scandir(path="."):
            if os.fspath(path) == str(locked_dir):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real_scandir(path)

        monkeypatch.setattr(pathlib.Path, "open", open_)
        monkeypatch.setattr(os, "scandir", scandir)
    else:
        locked_file.chmod(0)
        locked_dir.chmod(0)
    missing = tmp_path / "missing.txt"
    errors.add(str(missing))
    yield root, [missing], sorted(good), errors, warnings
    locked_file.chmod(0o644)
    locked_dir.chmod(0o755)


def test_bad_inputs_are_reported_and_every_good_article_is_built(tmp_path, corpus, capsys):
    root, extra, good, errors, warnings = corpus
    failures = tmp_path / "failures.json"
    store = tmp_path / "store"
    status = main(["build", str(root), *map(str, extra), "--store", str(store), "--failures", str(failures)])
    assert status == 1

    report = json.loads(failures.read_text(encoding="utf-8"))
    reported = {(r["source"], r["severity"]) for r in report}
    assert {s for s, sev in reported if sev == ERROR} == errors
    assert {s for s, sev in reported if sev == WARNING} == warnings
    for record in report:
        assert record["problem"] and set(record) == {"source", "file", "line", "severity", "problem"}
        assert record["source"] == (f"{record['file']}:{record['line']}" if record["line"] else record["file"])

    db = open_oxigraph(Path(store), read_only=True)
    built = sorted(str(row["id"].value) for row in db.query(
        "SELECT ?id WHERE { GRAPH ?g { ?a a <https://schema.org/NewsArticle> ; <https://schema.org/identifier> ?id } }"))
    assert built == good  # every good article, nothing else, each once

    err = capsys.readouterr().err
    assert f"{root / 'lines.jsonl'}:2: not valid JSON" in err
    assert f"{root / 'locked.txt'}: cannot read: Permission denied" in err
    assert f"{root / 'english.txt'}: does not look like Indonesian" in err
    assert f"{root / 'big.txt'}: 5,000,000 characters" in err
    assert f"{root / 'latin1.txt'}: warning: not UTF-8" in err
    assert f"{root / 'lines.jsonl'}:8: warning: not UTF-8" in err
    assert f"built {len(good)} articles, 0 unchanged, {len(errors)} problems, {len(warnings)} warnings" in err


def test_warnings_alone_do_not_fail_the_build(tmp_path, capsys):
    (tmp_path / "latin1.txt").write_bytes(f"Bupati Saméhudin hadir. {KPU}".encode("latin-1"))
    failures = tmp_path / "failures.json"
    assert main(["build", str(tmp_path / "latin1.txt"), "--store", str(tmp_path / "s"),
                 "--failures", str(failures)]) == 0
    assert [r["severity"] for r in json.loads(failures.read_text(encoding="utf-8"))] == [WARNING]


def test_decoding_keeps_the_letters(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("Bupati Saméhudin hadir.".encode("latin-1"))
    (tmp_path / "mixed.txt").write_bytes("Café “Kami” ".encode() + "\u201csiap\u201d".encode("cp1252"))
    (tmp_path / "utf16be.txt").write_bytes(b"\xfe\xff" + "Bupati Saméhudin".encode("utf-16-be"))
    texts = {a.id: a.text for a in read_articles([tmp_path]) if isinstance(a, Article)}
    assert texts == {"latin1": "Bupati Saméhudin hadir.", "mixed": "Café “Kami” “siap”",
                     "utf16be": "Bupati Saméhudin"}


def test_a_long_article_is_cut_at_a_paragraph_break(tmp_path):
    paragraph = KPU + "\n"
    (tmp_path / "long.txt").write_text(paragraph * (2 * MAX_ARTICLE_CHARS // len(paragraph)), encoding="utf-8")
    problem, article = list(read_articles([tmp_path / "long.txt"]))
    assert isinstance(problem, Problem) and problem.severity == ERROR
    assert len(article.text) <= MAX_ARTICLE_CHARS and article.text.endswith(KPU)


def test_control_characters_and_lone_surrogates_are_made_safe(tmp_path):
    text = " ".join([KPU] * 3)
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "text": text + " \u0000 \ud800 \x1b"}) + "\n",
                                      encoding="utf-8")
    problem, article = list(read_articles([tmp_path / "a.jsonl"]))
    assert problem.severity == WARNING and "1 characters could not be decoded" in problem.message
    assert article.text == text + "   \ufffd  "  # same length: offsets into the text still hold


def test_a_pipe_in_a_folder_is_reported_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text(KPU, encoding="utf-8")
    items = list(read_articles([tmp_path, tmp_path / "pipe.txt"]))
    assert [i.source for i in items if isinstance(i, Problem)] == [str(tmp_path / "pipe.txt")] * 2
    assert [i.id for i in items if isinstance(i, Article)] == ["ok"]


def test_a_jsonl_line_that_is_not_utf8_is_read_as_windows_1252_with_a_warning(tmp_path):
    mixed = '{"id": "b", "text": "Caf\u00e9 \u201cKami\u201d '.encode() + "\u201csiap\u201d\"}".encode("cp1252")
    path = tmp_path / "a.jsonl"
    path.write_bytes(json.dumps({"id": "a", "text": KPU}).encode() + b"\n" + mixed + b"\n" + b'{"id": "c", "\x93\n')
    _, warning, article, error = read_articles([path])
    assert (warning.source, warning.severity) == (f"{path}:2", WARNING)
    bad_byte = mixed.index("\u201c".encode("cp1252"))
    assert warning.message.startswith(f"not UTF-8 (byte {bad_byte}): read the bytes that are not UTF-8 as Windows-1252")
    assert article.text == "Caf\u00e9 \u201cKami\u201d \u201csiap\u201d"  # its UTF-8 letters are kept
    assert (error.source, error.severity) == (f"{path}:3", ERROR)  # a broken line: its error, no warning


def test_ids_differing_only_in_case_stay_apart(tmp_path):
    src = tmp_path / "a.jsonl"
    local = ("\"Warga datang sejak pagi untuk mencoblos di tempat pemungutan suara,\" kata Budi kepada "
             "wartawan.")  # a one-word name, no post, no province: a node of its article only
    src.write_text(json.dumps({"id": "Berita-1", "text": local}) + "\n"
                   + json.dumps({"id": "berita-1", "text": local}) + "\n", encoding="utf-8")
    # unresolved: the two articles' identical text may make the resolver join their Budi (a one-word name no
    # longer name holds); what is checked here is that their IRIs do not collide
    assert main(["build", str(src), "--store", str(tmp_path / "s"), "--no-resolve"]) == 0
    db = open_oxigraph(Path(tmp_path / "s"), read_only=True)
    graphs = {str(r["g"].value): str(r["id"].value) for r in db.query(
        "SELECT ?g ?id WHERE { GRAPH ?g { ?a <https://schema.org/identifier> ?id } }")}
    assert graphs == {str(iris.graph("Berita-1")): "Berita-1", str(iris.graph("berita-1")): "berita-1"}
    query = "SELECT DISTINCT ?g ?p WHERE { GRAPH ?g { ?p a <https://schema.org/Person> } FILTER (CONTAINS(STR(?p), '--')) }"
    by_graph: dict[str, set[str]] = {}
    for r in db.query(query):
        by_graph.setdefault(r["g"].value, set()).add(r["p"].value)
    assert len(by_graph) == 2 and not set.intersection(*by_graph.values())  # article-local nodes stay apart


@pytest.mark.parametrize("article_id, name", [
    ("berita-1", "berita-1"),  # a slug already: the id itself
    ("Berita-1", "berita-1-e94c79"),  # else its slug and a hash of the exact id
    ("BERITA-1", "berita-1-229ab0"),
    ("000_e3d696af9c73c6e7", "000-e3d696af9c73c6e7-1f54b2"),  # the seeds' graphs keep their names
    ("002_673190b6f8a3f2cf", "002-673190b6f8a3f2cf-6285f2"),
])
def test_article_graph_names_are_readable_stable_and_apart(article_id, name):
    assert iris.graph(article_id) == GRAPH[f"article/{name}"]
    assert iris.article(article_id) == ID[f"article/{name}"]


def test_long_runs_of_punctuation_are_shortened(tmp_path):
    (tmp_path / "a.txt").write_text(f"{KPU}\n{'-' * 5000}\n{KPU}", encoding="utf-8")
    problem, article = list(read_articles([tmp_path / "a.txt"]))
    assert problem.severity == WARNING and "shortened" in problem.message
    assert article.text == f"{KPU}\n{'-' * 100}\n{KPU}"


@pytest.mark.parametrize("value, expected", [
    ("2024-09-24", date(2024, 9, 24)), ("2024-09-24T14:30:00+08:00", date(2024, 9, 24)),
    ("16/09/2019", date(2019, 9, 16)), ("16-09-2019", date(2019, 9, 16)), ("10-Sep-19", date(2019, 9, 10)),
    ("26 Oktober 2019", date(2019, 10, 26)), ("Senin, 16 September 2019 10:00 WIB", date(2019, 9, 16)),
    ("1 Agu 2020", date(2020, 8, 1)), ("Juli 19, 2019", date(2019, 7, 19)),
    ("kemarin sore", None), ("31/02/2019", None), ("12/13/2019", None), ("", None),
])
def test_publication_dates_in_the_forms_news_sites_write_them(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("published, url, expected", [
    ("2019-10-09", "https://megapolitan.kompas.com/read/2019/09/10/09181451/ganjil-genap", date(2019, 9, 10)),
    ("2019-09-10", "https://megapolitan.kompas.com/read/2019/09/10/09181451/ganjil-genap", date(2019, 9, 10)),
    ("2019-09-11", "https://megapolitan.kompas.com/read/2019/09/10/09181451/ganjil-genap", date(2019, 9, 11)),
    ("2019-10-09", "https://news.example.id/politik/ganjil-genap", date(2019, 10, 9)),
])
def test_a_date_with_day_and_month_swapped_against_its_url_s_is_the_url_s(tmp_path, published, url, expected):
    """A spreadsheet that read "10/09/2019" month first gives 2019-10-09 for 10 September; the URL keeps the date
    the site gave. Any other difference (an article updated a day later) keeps the publication date."""
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "text": KPU, "published": published, "url": url}) + "\n", encoding="utf-8")
    [article] = list(read_articles([path]))
    assert article.published == expected
