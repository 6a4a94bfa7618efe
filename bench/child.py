"""Run one measurement in a fresh process, so its peak RSS is its own.

``ru_maxrss`` only ever grows within a process: measuring the bare spaCy pipeline, kg's
extraction and the store loads each in a new (spawned, not forked) interpreter keeps
one measurement's memory out of the next one's figure. A child can also be stopped:
pyoxigraph cannot cancel a running query, but a process can be killed.
"""
from __future__ import annotations

import multiprocessing
import resource
import sys
import traceback


class TimedOut(Exception):
    """The child ran past its time limit and was killed."""


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MB (Linux reports KiB)."""
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kib / 1024 if sys.platform != "darwin" else kib / 1024 / 1024


class ChildError(RuntimeError):
    """A measurement failed in its child process; the message holds the child's traceback."""


def _run(conn, fn, args, kwargs) -> None:
    try:
        conn.send((True, fn(*args, **kwargs)))
    except BaseException:  # handed back to the parent, which raises it with the traceback
        conn.send((False, traceback.format_exc()))
    finally:
        conn.close()


def in_child(fn, *args, timeout: float | None = None, **kwargs):
    """``fn(*args, **kwargs)`` in a new interpreter; its return value comes back pickled.

    Raises :class:`TimedOut` (after killing the child) when it takes longer than ``timeout``.
    """
    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_run, args=(send, fn, args, kwargs), daemon=True)
    proc.start()
    send.close()
    name = getattr(fn, "__name__", str(fn))
    try:
        if not receive.poll(timeout):
            proc.kill()
            raise TimedOut(f"{name} took longer than {timeout:g} s")
        try:
            ok, value = receive.recv()
        except EOFError:
            proc.join()
            raise RuntimeError(f"benchmark child {name} died (exit code {proc.exitcode})") from None
    finally:
        proc.join()
        receive.close()
    if not ok:
        raise ChildError(f"{name} failed in its benchmark process:\n{value}")
    return value
