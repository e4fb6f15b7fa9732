"""`connect`: the one place that turns a store spec (`--store`, else $KG_STORE, else the default
folder) into a store. An http(s) URL is a SPARQL server, anything else a folder for the embedded
store."""
from __future__ import annotations

import os
from pathlib import Path

from kg.graph.embedded import EmbeddedStore
from kg.graph.protocol import Store, StoreError
from kg.graph.remote import RemoteStore

DEFAULT_STORE = Path(".pemilu-kg") / "store"
ENV = "KG_STORE"
URL_SCHEMES = ("http://", "https://")


def resolve(spec: str | os.PathLike[str] | None = None) -> str:
    """The store spec in force: `spec`, else $KG_STORE, else ./.pemilu-kg/store."""
    raw = os.fspath(spec) if spec not in (None, "") else os.environ.get(ENV) or str(DEFAULT_STORE)
    if raw.startswith(("http:/", "https:/")) and not is_url(raw):  # a URL that went through Path
        raise StoreError(f"{raw!r} is a mangled URL", "give the SPARQL server's URL as http://HOST:PORT")
    return raw


def is_url(spec: object) -> bool:
    return isinstance(spec, str) and spec.startswith(URL_SCHEMES)


def connect(spec: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Store:
    """The store named by `spec` (see `resolve`): a SPARQL server, or the embedded store in a folder
    (created when missing, unless `read_only`)."""
    raw = resolve(spec)
    if is_url(raw):
        return RemoteStore.from_url(raw)
    return EmbeddedStore.open(Path(raw), read_only=read_only)
