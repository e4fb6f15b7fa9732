"""The cyclic garbage collector in the processes kg runs: the `kg` command and its extraction workers.

Loading spaCy, the models, rdflib and the region table makes some 140,000 objects that live as long as
the process, and at Python's default thresholds (700, 10, 10) the collector scans them again and again
while they load and after: 0.4 s of a 2.9 s one-article `kg build`, 7% of a worker's extraction, freeing
almost nothing. The command collects less often; a worker, which runs for hours, keeps the default
thresholds (higher ones raised a corpus build's peak memory by a quarter) and exempts what it loaded.
A program that imports kg keeps its own settings.
"""
from __future__ import annotations

import gc

THRESHOLDS = (10_000, 10, 10)  # allocations before a young collection; young collections before an older one


def tune_collector() -> None:
    """Collect less often in the `kg` command's process: called by `kg.cli.main`, never on import."""
    gc.set_threshold(*THRESHOLDS)


def exempt_loaded() -> None:
    """Leave what is alive now (a worker's pipeline, region table and shapes) out of every later collection."""
    gc.freeze()
