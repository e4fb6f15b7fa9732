"""Start-up of `kg build`: the scorer runs one build per article, so a library a build does not use must
not be imported, and the collector must not rescan what loading made. Each check runs in a fresh
interpreter, where sys.modules and the collector's settings are the check's own."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT

LINKER = ("splink", "duckdb")


def run_python(code: str, cwd) -> str:
    """The last line `code` printed, run by a new Python that imports kg from this checkout."""
    done = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    return done.stdout.splitlines()[-1]


def imported_after(code: str, cwd) -> set[str]:
    """The top-level packages imported once `code` has run."""
    report = "import sys, json; print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    return set(json.loads(run_python(f"{code}\n{report}", cwd)))


def test_the_cli_and_the_build_modules_import_no_linker_and_no_shacl_engine(tmp_path):
    modules = imported_after("import kg.cli, kg.ingest.build, kg.identity.resolve, kg.validate", tmp_path)
    assert not {*LINKER, "pyshacl", "trafilatura"} & modules


def test_a_build_whose_persons_have_no_candidate_pair_never_imports_the_linker(tmp_path):
    (tmp_path / "a.txt").write_text("Ketua KPU Arief Budiman hadir di Jakarta, Senin (1/4/2019).\n", encoding="utf-8")
    code = ("from pathlib import Path\nfrom kg.ingest.build import build\n"
            "report = build([Path('a.txt')], Path('store'), workers=1)\n"
            "assert report.built == 1 and report.resolution.pairs == 0, report")
    modules = imported_after(code, tmp_path)
    assert "spacy" in modules and not set(LINKER) & modules


def test_the_kg_command_collects_rarely_and_importing_kg_changes_no_collector_setting(tmp_path):
    from kg.collector import THRESHOLDS

    code = ("import gc, json\ndefault = gc.get_threshold()\nimport kg.cli, kg.ingest.build, kg.nlp.extract\n"
            "imported = gc.get_threshold()\nkg.cli.main(['queries'])\n"
            "print(json.dumps([imported == default, gc.get_threshold()]))")
    unchanged, command = json.loads(run_python(code, tmp_path))
    assert unchanged and tuple(command) == THRESHOLDS
