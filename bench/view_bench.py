"""How long a 5,000-node HTML view takes to become interactive in headless Chromium.

Builds a random graph with the attributes of the full projection (label, type, iri,
date, status, documents; edges with label, predicate, documents, evidence), renders it
with kg.view.render_html, opens it and reads two marks the page script sets:
``kgReadyAt`` (layout settled, ``window.kgReady`` true) and ``kgFirstDrawAt`` (first
vis-network ``afterDrawing``), both in ms from navigation start. Interactive = the later.

    .venv/bin/python bench/view_bench.py [--nodes 5000] [--results bench/results.md]

Prints the seconds; appends (or replaces) a "## View" section of bench/results.md when
that file exists.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 5.0
SEED = 5000


def random_graph(n: int, *, seed: int = SEED):
    """A Barabasi-Albert graph dressed as the full projection of a news corpus."""
    import networkx as nx

    from kg.vocab import CORE_CLASSES, TAI

    rng = random.Random(seed)
    base = nx.barabasi_albert_graph(n, 2, seed=seed)
    g = nx.MultiDiGraph()
    docs = [f"doc{i:04d}" for i in range(max(1, n // 20))]
    for i in base:
        cls = CORE_CLASSES[i % len(CORE_CLASSES)]
        attrs = {"label": f"{cls} {i}", "type": cls, "iri": f"{TAI}{cls.lower()}/{i}",
                 "documents": rng.sample(docs, k=min(len(docs), rng.randint(1, 3)))}
        if cls in ("Agreement", "Summit", "ExportControl"):
            attrs["date"] = f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if cls in ("Agreement", "Summit"):
            attrs["status"] = rng.choice(("Planned", "Completed", "Cancelled"))
        g.add_node(attrs["iri"], **attrs)
    iri = {i: f"{TAI}{CORE_CLASSES[i % len(CORE_CLASSES)].lower()}/{i}" for i in base}
    for u, v in base.edges:
        doc = rng.choice(docs)
        g.add_edge(iri[u], iri[v], label="relatedTo", predicate="https://example.org/ta#relatedTo",
                   documents=[doc],
                   evidence=[{"sentence": f"Sentence linking {u} and {v}.", "doc": doc,
                              "title": f"Story {doc}", "published": "2025-10-29",
                              "url": f"https://news.example/{doc}", "confidence": 0.8}])
    return g


def measure(page: Path, *, timeout: float = 60) -> dict[str, float]:
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import CHROMEDRIVER, CHROMIUM, console_errors, make_driver, open_page

    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        raise SystemExit(f"needs {CHROMIUM} and {CHROMEDRIVER} (make browser-deps)")
    profile = Path(tempfile.mkdtemp(prefix="kg-bench-chromium-"))
    driver = make_driver(profile)
    try:
        wall = time.perf_counter()
        open_page(driver, page, ready="window.kgReady === true && window.kgFirstDrawAt !== undefined",
                  timeout=timeout)
        wall = time.perf_counter() - wall
        ready_ms, draw_ms = driver.execute_script("return [window.kgReadyAt, window.kgFirstDrawAt]")
        drawn = driver.execute_script("return kgNetwork.body.nodeIndices.length")
        errors = console_errors(driver)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    return {"ready_s": ready_ms / 1000, "first_draw_s": draw_ms / 1000,
            "interactive_s": max(ready_ms, draw_ms) / 1000, "wall_s": wall,
            "drawn": drawn, "errors": len(errors)}


def write_results(path: Path, section: str) -> None:
    """Replace an older '## View' section of ``path`` or append one; nothing else changes."""
    from bench.report import replace_section

    replace_section(path, "View", section)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "results.md")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    from kg.view import render_html

    graph = random_graph(args.nodes)
    with tempfile.TemporaryDirectory(prefix="kg-view-bench-") as tmp:
        start = time.perf_counter()
        page = render_html(graph, Path(tmp) / "view.html")
        render_s = time.perf_counter() - start
        size_mb = page.stat().st_size / 1e6
        m = measure(page)
    verdict = "meets" if m["interactive_s"] < TARGET_S else "misses"
    print(f"{args.nodes:,} nodes, {graph.number_of_edges():,} edges: render_html {render_s:.2f} s "
          f"({size_mb:.1f} MB); in Chromium interactive after {m['interactive_s']:.2f} s "
          f"(kgReady {m['ready_s']:.2f} s, first afterDrawing {m['first_draw_s']:.2f} s), "
          f"{m['drawn']:,} nodes drawn, {m['errors']} console errors; {verdict} the {TARGET_S:.0f} s target")
    if args.results.exists():
        section = (
            "## View\n\n"
            f"`bench/view_bench.py`, {dt.date.today().isoformat()}: a random Barabasi-Albert graph of "
            f"{args.nodes:,} nodes and {graph.number_of_edges():,} edges with full-projection attributes, "
            "rendered by `kg.view.render_html` and opened in headless Chromium. Interactive = "
            "`window.kgReady` true and the first vis-network `afterDrawing`, timed from navigation start.\n\n"
            "| step | seconds |\n|---|---:|\n"
            f"| render_html (Python layout, {size_mb:.1f} MB page) | {render_s:.2f} |\n"
            f"| kgReady | {m['ready_s']:.2f} |\n"
            f"| first afterDrawing | {m['first_draw_s']:.2f} |\n"
            f"| **interactive** (target < {TARGET_S:.0f} s) | **{m['interactive_s']:.2f}** |\n\n"
            f"{m['drawn']:,} nodes drawn, {m['errors']} console errors.\n"
        )
        write_results(args.results, section)
        print(f"updated the View section of {args.results}")
    return 0 if m["errors"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
