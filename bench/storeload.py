"""Section 2: store load rate, and the store load's peak RSS (section 4).

Measured: what ``kg build`` does with extracted documents, ``Store.write_documents(batch,
shared)`` for every batch of up to ``kg.build.BATCH_DOCS`` documents or
``kg.build.BATCH_QUADS`` quads (the build's batching), where
``batch`` holds each document's graph IRI and quads and ``shared`` the batch's
entity-graph quads (:data:`kg.vocab.ENTITIES_GRAPH`) without repeats, into a fresh on-disk
store, then a flush. Baseline: every extracted quad handed to one raw
``pyoxigraph.Store(path).bulk_extend(quads)`` of a fresh on-disk store, then a flush.
Both start from quads already in memory (parsed from the N-Quads the extraction wrote),
so neither side pays for parsing; both stores end with the same quads.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter

from bench.child import in_child, peak_rss_mb
from bench.extraction import index_path
from bench.progress import bar, console, tracked

from kg.build import BATCH_DOCS, BATCH_QUADS  # noqa: E402  (kg.build.build's batching)


@dataclass
class Load:
    seconds: float
    quads: int  # in the store afterwards
    graphs: int  # named graphs in the store afterwards
    rss_mb: float
    disk_mb: float
    given: int = 0  # quads handed to the store
    writes: int = 0  # write calls (batches; 1 for the bulk load)


@dataclass
class StoreLoad:
    kg: list[Load] = field(default_factory=list)
    raw: list[Load] = field(default_factory=list)
    batch_size: str = f"up to {BATCH_DOCS:,} documents or {BATCH_QUADS:,} quads"
    documents: int = 0

    @property
    def best_kg(self) -> Load:
        return min(self.kg, key=lambda p: p.seconds)

    @property
    def best_raw(self) -> Load:
        return min(self.raw, key=lambda p: p.seconds)

    @property
    def ratio(self) -> float:
        """kg's quads/s over the raw bulk load's (same quads end in both stores)."""
        return self.best_raw.seconds / self.best_kg.seconds


def _read(nquads: str):
    import pyoxigraph as ox

    return list(ox.parse(path=nquads, format=ox.RdfFormat.N_QUADS))


def documents(nquads: str) -> list[tuple[str, list, list]]:
    """``(graph IRI, document-graph quads, entity quads)`` per document, as each
    :class:`~kg.graph.DocumentGraph` had them (from the extraction's index)."""
    quads = _read(nquads)
    out, i = [], 0
    with open(index_path(nquads), encoding="utf-8") as f:
        for line in f:
            iri, n_doc, n_ent = json.loads(line)
            out.append((iri, quads[i:i + n_doc], quads[i + n_doc:i + n_doc + n_ent]))
            i += n_doc + n_ent
    if i != len(quads):
        raise RuntimeError(f"{nquads}: the index covers {i:,} quads of {len(quads):,}")
    return out


def _disk_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def kg_load(nquads: str, store_dir: str, label: str) -> Load:
    """``write_documents`` per batch (up to BATCH_DOCS documents or BATCH_QUADS quads,
    entity statements counted per document), then ``flush``, as ``kg build`` does."""
    from kg.store import open_store

    docs = documents(nquads)
    batches, current, pending = [], [], 0
    for doc in docs:
        current.append(doc)
        pending += len(doc[1]) + len(doc[2])
        if len(current) >= BATCH_DOCS or pending >= BATCH_QUADS:
            batches.append(current)
            current, pending = [], 0
    if current:
        batches.append(current)
    store = open_store(store_dir)
    given = 0
    start = perf_counter()
    for chunk in tracked(batches, label):
        batch = [(iri, doc_quads) for iri, doc_quads, _ in chunk]
        shared = list(dict.fromkeys(q for _, _, entity_quads in chunk for q in entity_quads))
        store.write_documents(batch, shared)
        given += sum(len(q) for _, q in batch) + len(shared)
    store.flush()
    seconds = perf_counter() - start
    count, graphs = len(store), len(store.graphs())
    store.close()
    load = Load(seconds, count, graphs, peak_rss_mb(), _disk_mb(Path(store_dir)), given, len(batches))
    shutil.rmtree(store_dir, ignore_errors=True)
    return load


def raw_load(nquads: str, store_dir: str, label: str) -> Load:
    """One ``bulk_extend`` of all the extracted quads into a fresh pyoxigraph store."""
    import pyoxigraph as ox

    quads = _read(nquads)
    store = ox.Store(store_dir)
    with bar(label, 1) as advance:
        start = perf_counter()
        store.bulk_extend(quads)
        store.flush()
        seconds = perf_counter() - start
        advance()
    count = len(store)
    graphs = sum(1 for _ in store.named_graphs())
    del store
    load = Load(seconds, count, graphs, peak_rss_mb(), _disk_mb(Path(store_dir)), len(quads), 1)
    shutil.rmtree(store_dir, ignore_errors=True)
    return load


def measure(nquads: Path, workdir: Path, *, runs: int) -> StoreLoad:
    """Alternate raw and kg loads (which goes first alternates), ``runs`` of each, each
    into a fresh store."""
    with open(index_path(nquads), encoding="utf-8") as f:
        result = StoreLoad(documents=sum(1 for _ in f))
    for i in range(1, runs + 1):
        raw = lambda: result.raw.append(  # noqa: E731
            in_child(raw_load, str(nquads), str(workdir / f"raw-{i}"), f"raw bulk load #{i}"))
        kg = lambda: result.kg.append(  # noqa: E731
            in_child(kg_load, str(nquads), str(workdir / f"kg-{i}"),
                     f"kg write_documents #{i}"))
        order = (raw, kg) if i % 2 else (kg, raw)  # which goes first alternates
        console.log(f"store load {i} of {runs}: " + (
            "raw bulk_extend, then kg write_documents" if i % 2 else "kg write_documents, then raw bulk_extend"))
        for load in order:
            load()
    if result.best_kg.quads != result.best_raw.quads:
        console.log(f"[red]store load: kg's store holds {result.best_kg.quads:,} quads, the raw "
                    f"store {result.best_raw.quads:,}")
    return result
