"""Section 3: latency of every canned query (``queries/*.rq``, not ``queries/rules/``).

A synthetic graph of the wanted size (bench/synthetic.py) is bulk-loaded into a fresh
on-disk store; each canned query then runs through ``kg.query.run_query`` (prefixes
bound, results converted as ``kg query`` gets them). Baseline, on the same store: a full
scan, ``SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }``. A query runs up to three times
(fewer when it is slow) and its best time counts.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter

from bench.child import in_child, peak_rss_mb
from bench.progress import console, tracked

FULL_SCAN = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
REPEAT_UNDER_S = 5.0  # repeat a query only while one run takes less than this


@dataclass
class Timing:
    name: str
    seconds: float
    runs: list[float]
    rows: int


@dataclass
class QueryRun:
    size: int  # quads asked for
    quads: int  # quads in the store
    graphs: int
    load_s: float  # generating and bulk-loading the synthetic graph
    rss_mb: float
    scan: Timing
    queries: list[Timing] = field(default_factory=list)

    @property
    def slowest(self) -> Timing:
        return max(self.queries, key=lambda q: q.seconds)


def canned() -> dict[str, str]:
    """Canned query name -> SPARQL text (queries/*.rq; queries/rules/ is not globbed)."""
    from kg.query import canned_queries, canned_query_path

    return {name: canned_query_path(name).read_text(encoding="utf-8") for name in canned_queries()}


def _time(store, name: str, sparql: str) -> Timing:
    from kg.query import run_query

    runs: list[float] = []
    rows = 0
    while len(runs) < 3:
        start = perf_counter()
        result = run_query(store, sparql)
        runs.append(perf_counter() - start)
        rows = len(result) if hasattr(result, "__len__") else 1
        if runs[-1] >= REPEAT_UNDER_S:
            break
    return Timing(name, min(runs), runs, rows)


def query_run(size: int, store_dir: str) -> QueryRun:
    """Build the synthetic store of ``size`` quads and time the canned queries on it."""
    import pyoxigraph as ox

    from bench.synthetic import synthetic_quads
    from kg.store import open_store

    console.log(f"generating and bulk-loading {size:,} synthetic quads")
    start = perf_counter()
    raw = ox.Store(store_dir)
    raw.bulk_extend(tracked(synthetic_quads(size), f"synthetic graph, {_size(size)}",
                             total=size, step=10_000))
    raw.flush()
    load_s = perf_counter() - start
    del raw
    store = open_store(store_dir)
    try:
        quads = len(store)
        graphs = len(store.graphs())
        scan = _time(store, "full scan (baseline)", FULL_SCAN)
        timings = [_time(store, name, text)
                   for name, text in tracked(list(canned().items()), f"canned queries at {_size(size)}")]
    finally:
        store.close()
        shutil.rmtree(store_dir, ignore_errors=True)
    return QueryRun(size, quads, graphs, load_s, peak_rss_mb(), scan, timings)


def _size(n: int) -> str:
    return f"{n / 1e6:g} M" if n >= 1_000_000 else f"{n / 1e3:g} k"


def measure(sizes: list[int], workdir: Path) -> list[QueryRun]:
    return [in_child(query_run, size, str(workdir / f"synthetic-{size}")) for size in sizes]
