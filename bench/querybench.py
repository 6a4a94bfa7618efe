"""Section 3: latency of every canned query (``queries/*.rq``, not ``queries/rules/``).

A synthetic graph of the wanted size (bench/synthetic.py) is bulk-loaded into a fresh
on-disk store, which then gets what ``kg build`` adds after writing (the fact index, the
derived graph, ``optimize``); each canned query then runs through ``kg.query.run_query`` (prefixes
bound, results converted as ``kg query`` gets them). Baseline, on the same store: a full
scan, ``SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }``. A query runs up to three times
(fewer when it is slow) and its best time counts; each runs in its own process, stopped
at a time limit (pyoxigraph cannot cancel a query).
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter

from bench.child import TimedOut, in_child, peak_rss_mb
from bench.progress import console, tracked
from kg.vocab import TA

FULL_SCAN = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
REPEAT_UNDER_S = 5.0  # repeat a query only while one run takes less than this


@dataclass
class Timing:
    name: str
    seconds: float | None  # best run; None when stopped at the time limit
    runs: list[float]
    rows: int | None

    @property
    def shown(self) -> str:
        return f"{self.seconds:.3f}" if self.seconds is not None else "stopped"


@dataclass
class QueryRun:
    size: int  # quads asked for
    quads: int  # quads in the store
    graphs: int
    load_s: float  # generating and bulk-loading the synthetic graph
    rss_mb: float
    timeout: float
    duplicates: tuple[int, int] | None = None  # rows of `?c a ta:Country`, distinct countries
    scan: Timing | None = None
    queries: list[Timing] = field(default_factory=list)

    @property
    def slowest(self) -> Timing:
        return max(self.queries, key=lambda q: float("inf") if q.seconds is None else q.seconds)


def canned(folder: Path | str | None = None) -> dict[str, str]:
    """Canned query name -> SPARQL text (queries/*.rq; queries/rules/ is not globbed), or
    the ``*.rq`` files of ``folder`` (another version of the canned queries)."""
    if folder is not None:
        return {p.stem: p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.rq"))}
    from kg.query import canned_queries, canned_query_path

    return {name: canned_query_path(name).read_text(encoding="utf-8") for name in canned_queries()}


def build_store(size: int, store_dir: str) -> tuple[int, int, float, float, tuple[int, int]]:
    """Bulk-load ``size`` synthetic quads into a fresh store.

    Returns quads, named graphs, seconds, peak RSS (MB), and how many rows ``?c a
    ta:Country`` gives in the union default graph against how many countries there are.
    """
    import pyoxigraph as ox

    from bench.synthetic import synthetic_quads

    start = perf_counter()
    store = ox.Store(store_dir)
    store.bulk_extend(tracked(synthetic_quads(size), f"synthetic graph, {_size(size)}",
                              total=size, step=10_000))
    store.flush()
    del store
    # then what kg build does after writing: the fact index, the derived graph, compaction
    from kg.rules import apply_rules
    from kg.store import open_store
    from kg.store.factindex import rebuild

    with open_store(store_dir) as kg_store:
        rebuild(kg_store)
        apply_rules(kg_store)
        kg_store.optimize()
    store = ox.Store.read_only(store_dir)
    seconds = perf_counter() - start
    country = f"<{TA}Country>"
    (rows, distinct), = store.query(
        f"SELECT (COUNT(*) AS ?rows) (COUNT(DISTINCT ?c) AS ?n) WHERE {{ ?c a {country} }}",
        use_default_graph_as_union=True)
    duplicates = (int(rows.value), int(distinct.value))
    return len(store), sum(1 for _ in store.named_graphs()), seconds, peak_rss_mb(), duplicates


def time_query(store_dir: str, name: str, sparql: str) -> Timing:
    """Run ``sparql`` through kg.query.run_query up to three times; the best run counts."""
    from kg.query import run_query
    from kg.store import open_store

    runs: list[float] = []
    rows = 0
    with open_store(store_dir, read_only=True) as store:
        while len(runs) < 3:
            start = perf_counter()
            result = run_query(store, sparql)
            runs.append(perf_counter() - start)
            rows = len(result) if hasattr(result, "__len__") else 1
            if runs[-1] >= REPEAT_UNDER_S:
                break
    return Timing(name, min(runs), runs, rows)


def _timed(store_dir: str, name: str, sparql: str, timeout: float) -> Timing:
    try:
        return in_child(time_query, store_dir, name, sparql, timeout=timeout)
    except TimedOut:
        return Timing(name, None, [], None)


def measure(sizes: list[int], workdir: Path, *, timeout: float) -> list[QueryRun]:
    """For each size: build the synthetic store, time the full scan and each canned query.

    Every query runs in its own process, killed after ``timeout`` seconds.
    """
    out = []
    for size in sizes:
        store_dir = str(workdir / f"synthetic-{size}")
        console.log(f"canned queries: generating and bulk-loading {size:,} synthetic quads")
        try:
            quads, graphs, load_s, rss, duplicates = in_child(build_store, size, store_dir)
            run = QueryRun(size, quads, graphs, load_s, rss, timeout, duplicates)
            run.scan = _timed(store_dir, "full scan (baseline)", FULL_SCAN, timeout)
            for name, text in tracked(list(canned().items()), f"canned queries at {_size(size)}"):
                run.queries.append(_timed(store_dir, name, text, timeout))
        finally:
            shutil.rmtree(store_dir, ignore_errors=True)
        out.append(run)
    return out


def _size(n: int) -> str:
    return f"{n / 1e6:g} M" if n >= 1_000_000 else f"{n / 1e3:g} k"
