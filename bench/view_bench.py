"""What the default overview draws, and how fast it is still and clickable in headless Chromium (not a test).

    .venv/bin/python bench/view_bench.py [--store .pemilu-kg/corpus] [--small-store .pemilu-kg/first1000]
                                         [--nodes 1500] [--runs 3]

Builds the news corpus into --store when it is not there yet (`kg build`, a few minutes on two
cores), writes the overview page (`kg view` with no part), opens it --runs times in Debian's
chromium (tests/view_browser.py: outside requests blocked) and measures, from the start of
navigation: when the page is still (laid out, physics off) and when a click on the best-connected
node has shown its details. --small-store (the first 1,000 corpus articles) adds what its overview
draws. Writes the figures to bench/VIEW_RESULTS.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from view_browser import Chromium, chromium_missing  # noqa: E402

from kg.graph.embedded import open_oxigraph  # noqa: E402
from kg.present.view import write_html  # noqa: E402
from kg.present.viewing import draw  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "clickid-news-articles" / "clickid_articles.jsonl"
TARGET_S = 5.0


def ensure_store(store: Path) -> float | None:
    """Build the corpus into `store` unless it is there; the build's seconds, or None."""
    if store.exists():
        return None
    start = time.monotonic()
    subprocess.run([str(ROOT / ".venv" / "bin" / "kg"), "build", str(CORPUS), "--store", str(store)], check=False)
    return time.monotonic() - start


def measure(page: Path, top: str) -> dict:
    with Chromium(Path(tempfile.mkdtemp(prefix="view-bench-")), width=1400, height=900, timeout=120) as browser:
        tab = browser.open(page.as_uri())
        tab.wait_for("!!(window.kgView && kgView.ready)", timeout=120, interval=0.02)
        still_ms = tab.evaluate("kgView.readyAt")  # ms since navigation started
        # the node drawn at the most-mentioned node's centre (a smaller one may lie on top of it)
        x, y, top = tab.evaluate(
            f"(function () {{ var n = kgView.network, p = n.canvasToDOM(n.getPosition({json.dumps(top)})),"
            " r = document.getElementById('network').getBoundingClientRect(); "
            "return [r.left + p.x, r.top + p.y, n.getNodeAt(p)]; })()")
        tab.evaluate("window.__clicked = null; kgView.network.once('click', function (p) { "
                     "window.__clicked = [p.nodes[0], performance.now()]; }); true")
        tab.click(x, y)
        node, clicked_ms = tab.wait_for("window.__clicked", timeout=60, interval=0.01)
        shown = tab.evaluate("(document.querySelector('#details h2') || {}).textContent || ''")
        drawn = tab.evaluate("kgView.drawn()")
        return {"still_s": still_ms / 1000, "clicked_s": clicked_ms / 1000, "hit": node == top and bool(shown), "drawn": drawn,
                "outside": tab.outside_requests, "errors": tab.errors}


def drawn_figures(net) -> dict:
    """Nodes, edges, the share of nodes with a drawn edge, kinds and communities of a page."""
    ends = {end for edge in net.edges for end in (edge["from"], edge["to"])}
    kinds: dict[str, int] = {}
    for node in net.nodes:
        kinds[node["kind"]] = kinds.get(node["kind"], 0) + 1
    return {"nodes": len(net.nodes), "edges": len(net.edges), "total": net.total_nodes,
            "linked": sum(node["id"] in ends for node in net.nodes) / max(len(net.nodes), 1),
            "kinds": kinds, "communities": len(net.communities), "pool": len(net.pool_nodes)}


def _row(name: str, f: dict) -> str:
    kinds = ", ".join(f"{v} {k}" for k, v in sorted(f["kinds"].items(), key=lambda kv: -kv[1]))
    return (f"| {name} | {f['nodes']} / {f['edges']} of {f['total']} nodes | {100 * f['linked']:.1f} % | "
            f"{f['kinds'].get('article', 0)} | {kinds} | {f['communities']} | {f['pool']} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=ROOT / ".pemilu-kg" / "corpus")
    parser.add_argument("--small-store", type=Path, help="a store of the first 1,000 corpus articles")
    parser.add_argument("--nodes", type=int, default=1500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "VIEW_RESULTS.md")
    args = parser.parse_args()
    if chromium_missing():
        print(chromium_missing(), file=sys.stderr)
        return 2
    build_s = ensure_store(args.store)
    figures = {}
    if args.small_store:
        figures["first 1,000 articles"] = drawn_figures(draw(open_oxigraph(args.small_store, read_only=True), args.nodes))
    start = time.monotonic()
    net = draw(open_oxigraph(Path(args.store), read_only=True), args.nodes)
    read_s = time.monotonic() - start
    figures["whole corpus"] = drawn_figures(net)
    page = Path(tempfile.mkdtemp(prefix="view-bench-")) / "graph.html"
    start = time.monotonic()
    write_html(net, page)
    write_s = time.monotonic() - start
    top = net.nodes[0]["id"]  # the overview's first node: the densest core's best-connected
    runs = [measure(page, top) for _ in range(args.runs)]
    for run in runs:
        print(json.dumps(run), file=sys.stderr)
    still = statistics.median(r["still_s"] for r in runs)
    clicked = statistics.median(r["clicked_s"] for r in runs)
    load = os.getloadavg()[0]
    lines = [
        "# View benchmark: the default overview in headless Chromium",
        "",
        f"`{' '.join(['bench/view_bench.py', *sys.argv[1:]])}` on {platform.node() or 'this machine'}, "
        f"{os.cpu_count()} CPUs, load average {load:.1f} at the end, "
        f"{subprocess.run(['/usr/bin/chromium', '--version'], capture_output=True, text=True).stdout.strip()}.",
        "",
        f"Store: the news corpus ({CORPUS.name}) built with `kg build`"
        + (f" in {build_s:.0f} s" if build_s else " (already built)") + ".",
        "",
        "| store | drawn nodes / edges | with a drawn edge | article nodes | kinds | communities | carried, not drawn |",
        "|---|---|---|---|---|---|---|",
        *(_row(name, f) for name, f in figures.items()),
        "",
        "| step (whole corpus) | figure |",
        "|---|---|",
        f"| read the store, choose, carry the neighbourhood, layout (Python) | {read_s:.1f} s |",
        f"| write the page | {write_s:.1f} s, {page.stat().st_size / 1e6:.1f} MB |",
        f"| still (laid out, physics off), from navigation start, median of {len(runs)} | **{still:.1f} s** |",
        f"| clickable (a click on the first node's spot selects it, details shown), median | **{clicked:.1f} s** |",
        f"| target | ≤ {TARGET_S:.0f} s: {'met' if clicked <= TARGET_S else 'NOT met'} |",
        f"| every run: drawn = graph, click hit the node, no outside request, no console error | "
        f"{all(r['drawn'] == {'nodes': len(net.nodes), 'edges': len(net.edges)} and r['hit'] and not r['outside'] and not r['errors'] for r in runs)} |",
        "",
        "Runs (still s / clickable s): " + "; ".join(f"{r['still_s']:.1f} / {r['clicked_s']:.1f}" for r in runs),
        "",
        "The overview draws the persons, institutions, posts, places and events of the largest connected",
        "parts, grown from the densest core (kg.present.overview); articles, quotations and the drawn",
        "nodes' other neighbours are carried in the page for the legend toggle, double-click expansion",
        "and path search (kg.present.explore). Past 500 nodes the page comes laid out from Python and",
        "vis-network's physics stays off.",
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
