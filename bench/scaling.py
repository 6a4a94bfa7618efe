"""Section 5: scaling of ``kg build`` from 1 to 2 worker processes.

The sampled stories are written to a JSONL file (one ``{"id", "text", "title",
"published"}`` object a line, kg.documents' format); ``kg.build.build([that file],
store, workers=N)`` then runs end to end (reading, extraction, writing in batches,
rules) into a fresh on-disk store, each run in a fresh process, for N = 1 (extraction in
the build's own process) and N = 2 (a pool of two spawned processes, each loading the
pipeline; the build's process reads, decodes the workers' N-Quads and writes). Which N
goes first alternates; the better of each N's runs counts. Every run's store is
compared: N = 1 and N = 2 must give the same set of quads.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter

from bench.child import (TreeSampler, children_peak_rss_mb, cpu_seconds, in_child,
                         peak_rss_mb)
from bench.progress import console

WORKERS = (1, 2)
TARGET = 1.7  # issue E: 2 workers >= 1.7 x one worker


@dataclass
class BuildRun:
    """One timed ``kg.build.build`` into a fresh store."""

    workers: int
    seconds: float  # the build() call, then a flush
    documents: int  # written
    failures: int
    quads: int  # in the store afterwards (every graph, the derived one too)
    digest: str  # sha256 of the store's sorted N-Quads lines
    main_cpu_s: float  # CPU seconds of the build's own process during the build
    workers_cpu_s: float  # CPU seconds of its worker processes (0 with N = 1)
    main_rss_mb: float  # peak RSS of the build's process
    worker_rss_mb: float  # largest peak RSS among its workers (0 with N = 1)
    tree_rss_mb: float = 0.0  # sampled peak of the summed RSS of the process tree
    load_before: tuple = ()


@dataclass
class Scaling:
    docs: int
    words: int
    cpus: int
    runs: dict[int, list[BuildRun]] = field(default_factory=dict)
    differing: int = 0  # quads in one N's store but not in the other's
    examples: list[str] = field(default_factory=list)

    def best(self, workers: int) -> BuildRun:
        return min(self.runs[workers], key=lambda r: r.seconds)

    def rate(self, workers: int) -> float:
        """Documents per second of the best run with ``workers``."""
        return self.docs / self.best(workers).seconds

    @property
    def ratio(self) -> float:
        """2-worker docs/s over 1-worker docs/s."""
        return self.rate(2) / self.rate(1)

    @property
    def equal(self) -> bool:
        return len({r.digest for rs in self.runs.values() for r in rs}) == 1

    @property
    def verdict(self) -> str:
        met = "met" if self.ratio >= TARGET else "not met"
        return met if self.equal else f"{met}; outputs differ"


def write_jsonl(documents: list, path: Path) -> Path:
    """The documents as kg reads a ``.jsonl`` file."""
    with open(path, "w", encoding="utf-8") as f:
        for d in documents:
            record = {"id": d.id, "text": d.text}
            if d.title:
                record["title"] = d.title
            if d.published:
                record["published"] = d.published.isoformat()
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def build_run(jsonl: str, store_dir: str, workers: int, model: str | None, dump: str | None) -> BuildRun:
    """Run in a fresh process: ``kg.build.build`` into a fresh store, timed end to end."""
    import resource

    from kg.build import build
    from kg.store import open_store

    load_before = os.getloadavg()
    store = open_store(store_dir)
    cpu0 = cpu_seconds()
    start = perf_counter()
    report = build([jsonl], store, model=model, workers=workers)
    store.flush()
    seconds = perf_counter() - start
    main_cpu = cpu_seconds() - cpu0
    workers_cpu = cpu_seconds(resource.RUSAGE_CHILDREN)
    lines = sorted(str(q) for q in store.quads())
    store.close()
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    if dump:
        Path(dump).write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.rmtree(store_dir, ignore_errors=True)
    return BuildRun(workers, seconds, report.documents, len(report.failures), len(lines), digest,
                    main_cpu, workers_cpu, peak_rss_mb(), children_peak_rss_mb() if workers > 1 else 0.0,
                    load_before=load_before)


def measure(corpus, model: str | None, workdir: Path, *, runs: int) -> Scaling:
    jsonl = write_jsonl(corpus.documents, workdir / "scaling-sample.jsonl")
    result = Scaling(len(corpus.documents), corpus.words, os.cpu_count() or 0,
                     {n: [] for n in WORKERS})
    for r in range(runs):
        order = WORKERS if r % 2 == 0 else WORKERS[::-1]
        for n in order:
            console.log(f"scaling, round {r + 1} of {runs}: kg build of {result.docs:,} stories "
                        f"with {n} worker{'s' if n > 1 else ''}")
            dump = str(workdir / f"scaling-{n}.nq") if r == 0 else None
            sampler = TreeSampler()
            t0 = dt.datetime.now()
            run = in_child(build_run, str(jsonl), str(workdir / f"scaling-store-{n}-{r}"), n, model, dump,
                           daemon=False, watch=sampler)
            run.tree_rss_mb = sampler.peak_mb
            result.runs[n].append(run)
            console.log(f"  {run.documents:,} documents, {run.quads:,} quads in {run.seconds:.1f} s "
                        f"({run.documents / run.seconds:.2f} docs/s; started {t0:%H:%M:%S})")
    if not result.equal:
        one, two = (set((workdir / f"scaling-{n}.nq").read_text(encoding="utf-8").splitlines()) for n in WORKERS)
        diff = sorted(one ^ two)
        result.differing = len(diff)
        result.examples = [("only N=1: " if line in one else "only N=2: ") + line[:300] for line in diff[:5]]
        console.log(f"[red]scaling: the stores of 1 and 2 workers differ in {len(diff):,} quads")
    return result
