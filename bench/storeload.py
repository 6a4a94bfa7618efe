"""Section 2: store load rate, and the store load's peak RSS (section 4).

Measured: what ``kg build`` does, ``Store.replace_graph(doc_iri, quads)`` once per
document into a fresh on-disk store, then a flush. Baseline: the same quads handed to a
raw ``pyoxigraph.Store(path).bulk_extend(quads)`` of a fresh on-disk store, then a flush.
Both start from quads already in memory (parsed from the N-Quads the extraction wrote),
so neither side pays for parsing.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter

from bench.child import in_child, peak_rss_mb
from bench.progress import bar, console, tracked


@dataclass
class Load:
    seconds: float
    quads: int
    graphs: int
    rss_mb: float
    disk_mb: float


@dataclass
class StoreLoad:
    kg: list[Load] = field(default_factory=list)
    raw: list[Load] = field(default_factory=list)

    @property
    def best_kg(self) -> Load:
        return min(self.kg, key=lambda p: p.seconds)

    @property
    def best_raw(self) -> Load:
        return min(self.raw, key=lambda p: p.seconds)

    @property
    def ratio(self) -> float:
        """kg's quads/s over the raw bulk load's."""
        return self.best_raw.seconds / self.best_kg.seconds


def _read(nquads: str):
    import pyoxigraph as ox

    return list(ox.parse(path=nquads, format=ox.RdfFormat.N_QUADS))


def _disk_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def kg_load(nquads: str, store_dir: str, label: str) -> Load:
    """``replace_graph`` per document, as ``kg build`` does."""
    from kg.store import open_store

    by_graph: dict[str, list] = {}
    for q in _read(nquads):
        by_graph.setdefault(q.graph_name.value, []).append(q)
    store = open_store(store_dir)
    start = perf_counter()
    for graph, quads in tracked(list(by_graph.items()), label):
        store.replace_graph(graph, quads)
    store.flush()
    seconds = perf_counter() - start
    count = len(store)
    store.close()
    load = Load(seconds, count, len(by_graph), peak_rss_mb(), _disk_mb(Path(store_dir)))
    shutil.rmtree(store_dir, ignore_errors=True)
    return load


def raw_load(nquads: str, store_dir: str, label: str) -> Load:
    """One ``bulk_extend`` of all the quads into a fresh pyoxigraph store."""
    import pyoxigraph as ox

    quads = _read(nquads)
    graphs = len({q.graph_name for q in quads})
    store = ox.Store(store_dir)
    with bar(label, 1) as advance:
        start = perf_counter()
        store.bulk_extend(quads)
        store.flush()
        seconds = perf_counter() - start
        advance()
    count = len(store)
    del store
    load = Load(seconds, count, graphs, peak_rss_mb(), _disk_mb(Path(store_dir)))
    shutil.rmtree(store_dir, ignore_errors=True)
    return load


def measure(nquads: Path, workdir: Path, *, runs: int) -> StoreLoad:
    """Alternate raw and kg loads, ``runs`` of each, each into a fresh store."""
    result = StoreLoad()
    for i in range(1, runs + 1):
        console.log(f"store load {i} of {runs}: raw bulk_extend, then kg replace_graph")
        result.raw.append(in_child(raw_load, str(nquads), str(workdir / f"raw-{i}"), f"raw bulk load #{i}"))
        result.kg.append(in_child(kg_load, str(nquads), str(workdir / f"kg-{i}"), f"kg replace_graph #{i}"))
    return result
