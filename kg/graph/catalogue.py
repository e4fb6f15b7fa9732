"""The named-query catalogue: `queries/*.rq`, each with a header that says what it answers and
which parameters it takes. Text only: running a query is `kg.graph.sparql`'s.

A named query is one `queries/<name>.rq` file whose leading comment block is its header:

    # title: Who holds which post where
    # description: Every person–post–institution fact ...
    #   (lines indented after the `#` continue the previous field)
    # param: person_name  (optional) a person's name, matched against rdfs:label/skos:altLabel
    # param: org_iri  (required, iri) an institution IRI
    # param: person_name  (required, key) a name, bound as its key (see below)

A parameter is a query variable of the same name (`?person_name`) that `run_query` binds; values
never enter the query text. The rules a query text follows so that every store answers it alike
are in `kg.graph.sparql`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError
from kg.resources import data_dir

_HEADER_FIELD = re.compile(r"#\s*(title|description|param)\s*:\s*(.*)")
_PARAM_SPEC = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s+\(([^)]*)\)\s*(.*)")


class QueryError(KgError, ValueError):
    """A query that cannot be loaded, is refused, or cannot run; the message says what to do."""


@dataclass(frozen=True)
class Param:
    name: str
    required: bool
    iri: bool  # bind the value as an IRI instead of a plain literal
    description: str
    key: bool = False  # bind the value's name key (kg.rdf.keys.name_key), matched with pemilu:nameKey


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    path: Path | None


# ---------------------------------------------------------------- loading

def default_queries_dir() -> Path:
    """The named queries' folder: `kg/_queries` in an installed wheel, else the repository's
    `queries/` (`kg.resources.data_dir` decides, for queries and ontology alike)."""
    return data_dir("queries")


def parse_header(text: str, where: str = "query") -> tuple[str, str, tuple[Param, ...]]:
    """Title, description and parameters from the leading `# key: value` comment block."""
    fields: list[list[str]] = []  # [key, value] in order
    for line in text.lstrip().splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        match = _HEADER_FIELD.fullmatch(stripped)
        if match:
            fields.append([match.group(1), match.group(2).strip()])
        elif fields and re.match(r"#\s{2,}\S", stripped):  # indented continuation line
            fields[-1][1] += " " + stripped[1:].strip()
    title = next((v for k, v in fields if k == "title"), "")
    description = " ".join(v for k, v in fields if k == "description")
    params = tuple(_parse_param(v, where) for k, v in fields if k == "param")
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise QueryError(f"{where}: a parameter is declared twice in {names}; keep one '# param:' line each")
    for p in params:
        if not re.search(rf"[?$]{p.name}\b", text):
            raise QueryError(f"{where}: parameter {p.name!r} is declared but the query never uses "
                             f"?{p.name}; rename the variable or drop the '# param:' line")
    return title, description, params


def _parse_param(spec: str, where: str) -> Param:
    match = _PARAM_SPEC.fullmatch(spec)
    flags = {f.strip().lower() for f in match.group(2).split(",")} if match else set()
    if (not match or len(flags & {"required", "optional"}) != 1 or flags - {"required", "optional", "iri", "key"}
            or {"iri", "key"} <= flags):
        raise QueryError(f"{where}: bad parameter line '# param: {spec}'; write "
                         "'# param: NAME  (optional|required[, iri|key]) description'")
    return Param(match.group(1), "required" in flags, "iri" in flags, match.group(3).strip(), "key" in flags)


def load_query_file(path: Path) -> NamedQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise QueryError(f"cannot read query file {path}: {err.strerror}") from err
    title, description, params = parse_header(text, str(path))
    if not title:
        raise QueryError(f"{path}: the header has no title; start the file with '# title: ...'")
    return NamedQuery(path.stem, title, description, params, text, path)


def load_named_queries(folder: Path | None = None) -> dict[str, NamedQuery]:
    """All `*.rq` files of `folder` (default: `default_queries_dir()`), keyed by file stem."""
    folder = default_queries_dir() if folder is None else Path(folder)
    if not folder.is_dir():
        raise QueryError(f"query folder {folder} does not exist")
    return {path.stem: load_query_file(path) for path in sorted(folder.glob("*.rq"))}


def resolve_query(spec: str) -> tuple[str, NamedQuery | None]:
    """A named query's name, a path to a `.rq` file, or literal SPARQL text -> (text, query or None)."""
    word = spec.strip()
    if word.endswith(".rq") and "\n" not in word:
        path = Path(word)
        if not path.is_file():
            raise QueryError(f"query file {path} not found; give an existing .rq file, a query name or SPARQL text")
        query = load_query_file(path)
        return query.text, query
    if re.fullmatch(r"[\w./\\-]+", word):  # one token: a name, or a path without the .rq suffix
        queries = load_named_queries()
        if word in queries:
            return queries[word].text, queries[word]
        if Path(word).is_file():
            query = load_query_file(Path(word))
            return query.text, query
        raise QueryError(f"no named query {word!r}; known: {', '.join(sorted(queries))} "
                         "(or give a path to a .rq file, or SPARQL text)")
    return spec, None
