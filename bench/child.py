"""Run one measurement in a fresh process, so its peak RSS is its own.

``ru_maxrss`` only ever grows within a process: measuring the bare spaCy pipeline, kg's
extraction and the store loads each in a new (spawned, not forked) interpreter keeps
one measurement's memory out of the next one's figure.
"""
from __future__ import annotations

import multiprocessing
import resource
import sys
from concurrent.futures import ProcessPoolExecutor


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MB (Linux reports KiB)."""
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kib / 1024 if sys.platform != "darwin" else kib / 1024 / 1024


def in_child(fn, *args, **kwargs):
    """``fn(*args, **kwargs)`` in a new interpreter; its return value comes back pickled."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(fn, *args, **kwargs).result()
