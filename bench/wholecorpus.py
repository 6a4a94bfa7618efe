"""Peak RSS of ``kg build --workers 2`` over the whole Reuters-21578 corpus (section 4).

``bench/run.py --whole-corpus-rss`` runs only this (it takes about a quarter of an hour
on two cores, so ``make bench`` leaves it out): every story with a body goes into one
JSONL file, and the ``kg build FILE --store DIR --workers 2 --quiet`` command runs on it
into a fresh store, as a user would run it. While it runs, the summed VmRSS of its
process tree (the build's own process, its two workers, the multiprocessing resource
tracker) is sampled from ``/proc`` every half second; each process's own peak (VmHWM)
is kept too, and ``getrusage(RUSAGE_CHILDREN)`` gives the largest ``ru_maxrss`` among
them when it ends.

The figures go to bench/whole-corpus.json, which bench/report.py puts into section 4
and the summary of every later results.md (with their date); the results.md in place is
updated at once.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.child import TreeSampler, _mb
from bench.corpus import load_corpus
from bench.progress import console
from bench.scaling import write_jsonl

WORKERS = 2
RESULT = Path(__file__).resolve().parent / "whole-corpus.json"


def _kg_command() -> list[str]:
    script = Path(sys.executable).with_name("kg")
    if script.exists():
        return [sys.executable, str(script)]
    return [sys.executable, "-c", "from kg.cli import main; main()"]


def measure(model: str | None = None, *, docs: int | None = None, out: Path | None = RESULT) -> dict:
    """Build the corpus (all of it unless ``docs``) with ``kg build --workers 2``; return
    and write the figures."""
    corpus = load_corpus(docs)
    if corpus.source != "reuters-21578":
        raise SystemExit(f"--whole-corpus-rss needs the Reuters-21578 corpus: {corpus.description}")
    work = Path(tempfile.mkdtemp(prefix="kg-bench-whole-"))
    try:
        jsonl = write_jsonl(corpus.documents, work / "reuters.jsonl")
        store = work / "store"
        log = work / "kg-build.log"
        command = _kg_command() + ["build", str(jsonl), "--store", str(store), "--workers", str(WORKERS), "--quiet"]
        if model:
            command += ["--model", model]
        console.log(f"whole corpus: kg build of {len(corpus.documents):,} stories "
                    f"({corpus.words:,} words) with {WORKERS} workers; sampling RSS every 0.5 s")
        started = dt.datetime.now()
        load_before = os.getloadavg()
        sampler = TreeSampler()
        t0 = time.perf_counter()
        with open(log, "wb") as err:
            proc = subprocess.Popen(command, stdout=err, stderr=subprocess.STDOUT)
            sampler.start(proc.pid)
            try:
                last = t0
                while proc.poll() is None:  # the sampler thread reads /proc meanwhile
                    time.sleep(0.5)
                    if time.perf_counter() - last >= 60:
                        last = time.perf_counter()
                        console.log(f"  {(last - t0) / 60:.0f} min: tree peak so far "
                                    f"{sampler.peak_mb:,.0f} MB over {len(sampler.hwm_mb)} processes")
            finally:
                sampler.stop()
        seconds = time.perf_counter() - t0
        usage = resource_usage_of_children()
        output = log.read_text(encoding="utf-8", errors="replace")
        if proc.returncode != 0:
            raise SystemExit(f"kg build failed (exit {proc.returncode}):\n{output[-3000:]}")
        built = re.search(r"built (\d+) documents \((\d+) quads\).*store holds (\d+) quads", output)
        disk = sum(f.stat().st_size for f in store.rglob("*") if f.is_file()) / 1e6
    finally:
        shutil.rmtree(work, ignore_errors=True)
    main = sampler.peaks("main")
    workers = sorted(sampler.peaks("worker"), reverse=True)
    others = [mb for pid, mb in sampler.hwm_mb.items() if sampler.roles.get(pid) not in ("main", "worker")]
    result = {
        "date": f"{started:%Y-%m-%d %H:%M}",
        "command": "kg build reuters.jsonl --store STORE --workers 2 --quiet",
        "stories": len(corpus.documents),
        "available": corpus.available,
        "words": corpus.words,
        "chars": corpus.chars,
        "workers": WORKERS,
        "cpus": os.cpu_count(),
        "seconds": seconds,
        "documents": int(built.group(1)) if built else None,
        "quads_written": int(built.group(2)) if built else None,
        "store_quads": int(built.group(3)) if built else None,
        "store_disk_mb": disk,
        "main_peak_mb": max(main, default=0.0),
        "worker_peaks_mb": workers,
        "other_peaks_mb": sorted(others, reverse=True),
        "sum_of_peaks_mb": sampler.sum_of_peaks_mb,
        "tree_peak_sampled_mb": sampler.peak_mb,
        "samples": sampler.samples,
        "children_maxrss_mb": usage,
        "load_before": list(load_before),
        "load_after": list(os.getloadavg()),
        "model": model,
        "output": output.strip().splitlines()[-1] if output.strip() else "",
    }
    if out is not None:
        out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    console.log(f"{f'wrote {out}: ' if out else ''}tree peak {result['tree_peak_sampled_mb']:,.0f} MB sampled, "
                f"{result['sum_of_peaks_mb']:,.0f} MB summed per-process peaks; "
                f"{result['stories'] / seconds:.2f} docs/s")
    return result


def resource_usage_of_children() -> float:
    """Largest ``ru_maxrss`` among this process's waited-for children (and theirs), in MB."""
    import resource

    return _mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def load(path: Path = RESULT) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
