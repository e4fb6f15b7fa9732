"""The shape of the package, checked from its imports (read with ast, nothing imported): one door to
the store, and no two modules that need each other."""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

from conftest import ROOT

PACKAGE = ROOT / "kg"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module `path` imports, at the top or inside a function, relative imports resolved."""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[:len(package) - node.level + 1]) if node.level else ""
            found.add(".".join(part for part in (base, node.module or "") if part))
    return found


def import_graph() -> nx.DiGraph:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        graph.add_edges_from((name, target) for target in imports(path) if target in modules and target != name)
    return graph


def test_only_the_graph_package_imports_pyoxigraph():
    importers = {module_name(p) for p in PACKAGE.rglob("*.py") if "pyoxigraph" in imports(p)}
    assert importers and all(name.startswith("kg.graph.") for name in importers), sorted(importers)


def test_no_import_cycles():
    assert [set(cycle) for cycle in nx.simple_cycles(import_graph())] == []


def test_the_named_query_catalogue_has_no_engine_code():
    assert not {"pyoxigraph", "rdflib"} & imports(PACKAGE / "graph" / "catalogue.py")
