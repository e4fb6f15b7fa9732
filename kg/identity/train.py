"""`kg train --identity`: fit the identity-resolution model on the persons of a built corpus, and on
the hand-labelled pairs when given (`--labels bench/identity`, as the shipped model is)."""
from __future__ import annotations

import json
from pathlib import Path

from kg.atomic import write_atomically
from kg.errors import MissingInputError
from kg.graph import connect, count_articles
from kg.identity.labels import matches, read_labels
from kg.identity.records import read_persons
from kg.identity.scoring import MODEL, fit


def train_identity(store_spec: str | None, output: Path | None = None, labels: Path | None = None) -> Path:
    """Fit the model on the store's person nodes (and the `labels` folder's same pairs) and write it as
    JSON; returns the path."""
    store = connect(store_spec, read_only=True)
    if count_articles(store) == 0:
        raise MissingInputError(f"the store at {store.location} holds no articles",
                                "build a corpus first (kg build FILE --no-resolve --store STORE), then "
                                "kg train --identity --store STORE")
    records = read_persons(store)
    store.close()
    model = fit(records, matches=matches(records, read_labels(labels)) if labels else ())
    path = output or MODEL
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(model, indent=1, sort_keys=True).encode("utf-8")
    write_atomically(path, lambda out: out.write(data))
    return path
