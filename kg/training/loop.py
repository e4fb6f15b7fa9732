"""Run a training config of ``kg/training/configs`` through spaCy's own training loop.

Why: the recipes are spaCy ``.cfg`` files, readable and runnable with ``spacy train`` by hand; this
module only writes the corpora they read (DocBin ``.spacy`` files), runs spaCy's loop and copies the
pipeline it kept to the model folder. The project's pieces a config names are registered by
:mod:`kg.training.registered`, imported here.
"""
from __future__ import annotations

import io
import json
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.training.initialize import init_nlp
from spacy.training.loop import train as spacy_train
from spacy.util import load_config
from thinc.api import Config

import kg.training.registered  # noqa: F401  (the project's pieces the configs name)

Log = Callable[[str], None]

#: the training configs shipped with the package
CONFIGS = Path(__file__).parent / "configs"


@dataclass
class Run:
    """What spaCy's loop did: where it wrote the best and the last pipeline, and its evaluations."""

    best: Path
    last: Path
    seconds: float
    history: list[dict] = field(default_factory=list)

    @property
    def best_row(self) -> dict:
        """The evaluation of the kept pipeline (the first of the best scores, as spaCy keeps it)."""
        return max(self.history, key=lambda r: (r["score"], -r["step"])) if self.history else {}


def write_docbin(docs: Iterable[Doc], path: Path) -> int:
    """Write `docs` to the DocBin file `path` (the corpus format spaCy's reader takes); returns their number."""
    db = DocBin(store_user_data=False)
    for doc in docs:
        db.add(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return len(db)


def ner_overrides(vectors: Path | None, init_tok2vec: Path | None) -> dict:
    """The config settings for the static vectors and the pretrained weights (None: without them)."""
    return {"paths.vectors": str(vectors) if vectors else None,
            "components.ner.model.tok2vec.pretrained_vectors": bool(vectors),
            "paths.init_tok2vec": str(Path(init_tok2vec) / "tok2vec.bin") if init_tok2vec else None}


def load_training_config(name: str, overrides: dict | None = None) -> Config:
    """The config ``kg/training/configs/<name>.cfg`` with `overrides` ("section.key": value) applied."""
    return load_config(CONFIGS / f"{name}.cfg", overrides=dict(overrides or {}), interpolate=False)


def run(name: str, work: Path, overrides: dict | None = None, log: Log = print) -> Run:
    """Train with config `name` and `overrides`; spaCy writes model-best and model-last under `work`."""
    work = Path(work)
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    journal = work / "log.jsonl"
    config = load_training_config(name, {**(overrides or {}), "training.logger.output_file": str(journal)})
    config.to_disk(work / "config.cfg")  # what ran, for `spacy train` by hand
    started = time.perf_counter()
    out = _Lines(log)
    nlp = init_nlp(config, use_gpu=-1)
    spacy_train(nlp, work, use_gpu=-1, stdout=out, stderr=out)
    out.flush()
    history = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines() if line.strip()]
    return Run(work / "model-best", work / "model-last", round(time.perf_counter() - started, 1), history)


def save_pipeline(source: Path, output: Path, meta: dict) -> None:
    """Copy the pipeline spaCy kept to `output`, `meta` merged into its meta.json.

    The config's [paths] name the training machine's files, which mean nothing elsewhere and are
    not read when loading, so the copy names none."""
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    for item in Path(source).iterdir():
        target = output / item.name
        if item.is_dir():
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(item, target)
        else:
            shutil.copyfile(item, target)
    config = load_config(output / "config.cfg", interpolate=False)
    config["paths"] = {key: None for key in config["paths"]}
    config["training"]["logger"]["output_file"] = None
    config.to_disk(output / "config.cfg")
    old = json.loads((output / "meta.json").read_text(encoding="utf-8"))
    (output / "meta.json").write_text(json.dumps({**old, **meta}, indent=2, ensure_ascii=False) + "\n",
                                      encoding="utf-8")


class _Lines(io.TextIOBase):
    """A stream that hands spaCy's table to `log` line by line (so `kg train` can send it to stderr)."""

    def __init__(self, log: Log) -> None:
        self.log, self.buffer_ = log, ""

    def write(self, text: str) -> int:
        self.buffer_ += text
        *lines, self.buffer_ = self.buffer_.split("\n")
        for line in lines:
            if line.strip():
                self.log(line)
        return len(text)

    def flush(self) -> None:
        if self.buffer_.strip():
            self.log(self.buffer_)
        self.buffer_ = ""
