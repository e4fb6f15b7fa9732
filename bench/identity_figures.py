"""National figures on the resolved corpus graph: how many person nodes still carry each one's names.

For each figure of bench/identity/figures.tsv (name, then the other names the press gives them),
counts the person nodes whose name (rdfs:label or skos:altLabel) is one of those names, and the
articles each node is in. One node per figure is the aim; a second node is a miss (or a namesake:
the table lists the labels so a reader can tell). The list has two parts: figures looked at while
building the resolver, and figures nobody looked at before the figures were made ("unseen").

    python bench/identity_figures.py --store STORE   # a store built and resolved from the corpus
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.graph import connect  # noqa: E402
from kg.rdf.keys import name_key  # noqa: E402

FIGURES = ROOT / "bench" / "identity" / "figures.tsv"
QUERY = """
SELECT ?p (SAMPLE(?label) AS ?name) (COUNT(DISTINCT ?g) AS ?articles) WHERE {
  VALUES ?key { KEYS }
  ?p a schema:Person ; pemilu:nameKey ?key ; rdfs:label ?label .
  GRAPH ?g { ?p a schema:Person } FILTER (STRSTARTS(STR(?g), "https://w3id.org/pemilu-kg/graph/article/"))
} GROUP BY ?p ORDER BY DESC(?articles)"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--figures", type=Path, default=FIGURES)
    args = ap.parse_args()
    store = connect(args.store, read_only=True)
    print(figures_table(store, args.figures))
    store.close()


def figures_table(store, figures: Path = FIGURES) -> str:
    """The markdown table: per figure, the person nodes bearing one of its names."""
    lines = ["| figure | names looked for | person nodes | articles of the largest | other nodes (articles) |",
             "|---|---|---|---|---|"]
    for line in figures.read_text(encoding="utf-8").splitlines():
        if line.startswith("# part:"):
            lines.append(f"| **{line.split(':', 1)[1].strip()}** | | | | |")
        if line.startswith("#") or not line.strip():
            continue
        names = [n.strip() for n in line.split("\t") if n.strip()]
        keys = " ".join('"' + name_key(n).replace('"', '\\"') + '"' for n in names)
        rows = store.select(QUERY.replace("KEYS", keys)).rows
        others = ", ".join(f"{' '.join(name.split())} ({n})" for _, name, n in rows[1:6]) + (" ..." if len(rows) > 6 else "")
        lines.append(f"| {names[0]} | {' / '.join(names)} | {len(rows)} | {rows[0][2] if rows else 0} | {others} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
