"""The store seam as a user meets it: exports readable by others (the umask), JSON-LD a person can
read that comes back as the same quads, one way to name the store, a store that cannot be written
told in one message, and progress a script or CI can see."""
from __future__ import annotations

import io
import json
import os
import re
import stat
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg.cli import main
from kg.graph import DEFAULT_STORE, StoreError, connect, resolve
import kg.graph.embedded
from kg.graph.embedded import EmbeddedStore
from kg.ingest.progress import ProgressPrinter, Tick

from conftest import SEEDS


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("seam") / "store"
    assert main(["build", str(SEEDS), "--store", str(store)]) == 0
    return store


def quads(path: Path, fmt: str) -> set:
    dataset = rdflib.Dataset()
    dataset.parse(path, format=fmt)
    return {(s, p, o, g) for s, p, o, g in dataset.quads()}


@pytest.mark.parametrize("name", ["g.nq", "g.jsonld", "g.ttl", "view.html", "g.graphml"])
def test_files_written_keep_the_users_umask(built, tmp_path, name):
    previous = os.umask(0o022)
    try:
        if name.endswith(".html"):
            assert main(["view", "--store", str(built), "-o", str(tmp_path / name)]) == 0
        else:
            assert main(["export", "--store", str(built), "-o", str(tmp_path / name)]) == 0
        os.umask(0o027)
        assert main(["export", "--store", str(built), "-o", str(tmp_path / "private.nq")]) == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "private.nq").stat().st_mode) == 0o640


def test_json_ld_is_compacted_with_a_context_and_reads_back_as_the_same_quads(built, tmp_path):
    assert main(["export", "--store", str(built), "-o", str(tmp_path / "g.jsonld")]) == 0
    assert main(["export", "--store", str(built), "-o", str(tmp_path / "g.nq")]) == 0
    document = json.loads((tmp_path / "g.jsonld").read_text(encoding="utf-8"))
    context = document["@context"]
    assert {"schema", "org", "prov", "skos", "sem", "pemilu"} <= set(context)
    assert context["schema"] == "https://schema.org/" and context["pemilu"] == "https://w3id.org/pemilu-kg/ontology#"
    text = (tmp_path / "g.jsonld").read_text(encoding="utf-8")
    assert '"schema:NewsArticle"' in text and "https://schema.org/NewsArticle" not in text  # compact IRIs
    assert quads(tmp_path / "g.jsonld", "json-ld") == quads(tmp_path / "g.nq", "nquads")


def test_one_function_reads_the_store_spec(tmp_path, monkeypatch):
    monkeypatch.delenv("KG_STORE", raising=False)
    assert resolve(None) == str(DEFAULT_STORE)
    monkeypatch.setenv("KG_STORE", str(tmp_path / "env"))
    assert resolve(None) == str(tmp_path / "env") and resolve(tmp_path / "given") == str(tmp_path / "given")
    assert type(connect(None)).__name__ == "EmbeddedStore" and (tmp_path / "env").is_dir()
    monkeypatch.setenv("KG_STORE", "http://127.0.0.1:7878")
    assert type(connect(None)).__name__ == "RemoteStore"
    with pytest.raises(StoreError, match="mangled URL"):
        resolve(Path("http://127.0.0.1:7878"))  # what type=Path made of a URL


def test_a_store_that_cannot_be_written_is_one_message_with_what_to_do(tmp_path, monkeypatch, capsys):
    store = tmp_path / "store"
    assert main(["build", str(SEEDS / "000_e3d696af9c73c6e7.txt"), "--store", str(store)]) == 0

    def disk_full(self, graphs):
        raise OSError("IO error: No space left on device")

    monkeypatch.setattr(EmbeddedStore, "replace", disk_full)
    capsys.readouterr()
    assert main(["build", str(SEEDS), "--store", str(store)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert f"kg build: writing to the store at {store} failed: IO error: No space left on device" in err
    assert "the store is intact (it holds 1 complete articles" in err and "run the same `kg build` again" in err

    monkeypatch.undo()  # space freed: the same command finishes the job
    assert main(["build", str(SEEDS), "--store", str(store)]) == 0
    assert "built 1 articles, 1 unchanged" in capsys.readouterr().err


def test_a_store_locked_by_another_process_says_so(tmp_path, monkeypatch, capsys):
    store = tmp_path / "store"
    holder = kg.graph.embedded.open_oxigraph(store)  # this process holds the lock, as a running build would
    monkeypatch.setattr("kg.ingest.build.LOCK_WAIT_SECONDS", 0.3)
    assert main(["build", str(SEEDS), "--store", str(store)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and f"cannot open the store at {store}" in err
    assert "is another kg process using it?" in err and "waited 0.3 s" in err
    del holder


def test_a_store_another_build_is_opening_at_the_same_moment_is_waited_for(tmp_path, monkeypatch, capsys):
    """The train scorer's builds, side by side on one store: RocksDB's info log, rotated by the other
    process as both open the store, vanished under this one ("while unlink() file: LOG.old..."). That is
    the other build's hold, like its lock: wait, then build."""
    import kg.ingest.build

    store = tmp_path / "store"
    real, calls = kg.ingest.build.connect, []

    def racing(spec):
        calls.append(spec)
        if len(calls) == 1:
            cause = OSError(f"IO error: No such file or directory: while unlink() file: {store}/LOG.old.1796396065409640: "
                            "No such file or directory")
            raise StoreError(f"cannot open the store at {store}: {cause}", "is another kg process using it?") from cause
        return real(spec)

    monkeypatch.setattr(kg.ingest.build, "connect", racing)
    assert main(["build", str(SEEDS), "--store", str(store)]) == 0
    assert len(calls) == 2 and re.search(r"built [1-9]\d* articles, 0 unchanged", capsys.readouterr().err)


def test_progress_is_plain_lines_when_not_on_a_terminal():
    out = io.StringIO()
    printer = ProgressPrinter(out, every=0)
    printer(Tick(3, 1, 2.0, total=10))
    printer(Tick(10, 2, 4.0, total=12, final=True))
    printer.close()
    assert out.getvalue().splitlines() == ["4/10 articles (3 built, 1 unchanged), 2.0 articles/s, ETA 0m03s",
                                           "12 articles (10 built, 2 unchanged), 3.0 articles/s"]
    quiet = io.StringIO()
    short = ProgressPrinter(quiet, every=60)  # a build shorter than a period prints no progress line
    short(Tick(2, 0, 0.5, total=2))
    short(Tick(2, 0, 0.6, total=2, final=True))
    assert quiet.getvalue() == ""


def test_an_oxigraph_store_and_an_rdflib_dataset_answer_alike_through_the_seam(seed_store):
    from kg.graph import as_store
    from kg.graph.dataset import DatasetStore

    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(data=ox.serialize(seed_store, format=ox.RdfFormat.N_QUADS), format="nquads")
    text = "SELECT DISTINCT ?l WHERE { ?p a schema:Person ; rdfs:label ?l } ORDER BY ?l"
    embedded, memory = as_store(seed_store), DatasetStore(dataset)
    assert embedded.select(text).rows == memory.select(text).rows and embedded.select(text).rows
    construct = "CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a schema:Person ; rdfs:label ?l }"
    assert set(embedded.construct(construct)) == set(memory.construct(construct))


def test_a_store_that_cannot_be_opened_says_what_to_do_by_the_cause(tmp_path, monkeypatch, capsys):
    def refused(path):
        raise OSError(f"IO error: While open a file for appending: {path}/000008.log: Permission denied")

    monkeypatch.setattr(kg.graph.embedded.ox, "Store", refused)
    assert main(["build", str(SEEDS), "--store", str(tmp_path / "store")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and f"this user may not write {tmp_path / 'store'}: fix its permissions" in err
