"""Run one measurement in a fresh process, so its peak RSS is its own.

``ru_maxrss`` only ever grows within a process: measuring the bare spaCy pipeline, kg's
extraction and the store loads each in a new (spawned, not forked) interpreter keeps
one measurement's memory out of the next one's figure. A child can also be stopped:
pyoxigraph cannot cancel a running query, but a process can be killed.

:class:`TreeSampler` follows the memory of a whole process tree (a ``kg build`` and
its worker processes) from outside, by reading ``/proc``.
"""
from __future__ import annotations

import multiprocessing
import os
import resource
import sys
import threading
import traceback
from dataclasses import dataclass, field


class TimedOut(Exception):
    """The child ran past its time limit and was killed."""


def _mb(kib: int) -> float:
    return kib / 1024 if sys.platform != "darwin" else kib / 1024 / 1024


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MB (Linux reports KiB)."""
    return _mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def children_peak_rss_mb() -> float:
    """The largest peak RSS among this process's ended and waited-for children, in MB."""
    return _mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    """User + system CPU seconds of this process (or, with RUSAGE_CHILDREN, of its ended children)."""
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


class ChildError(RuntimeError):
    """A measurement failed in its child process; the message holds the child's traceback."""


def _run(conn, fn, args, kwargs) -> None:
    try:
        conn.send((True, fn(*args, **kwargs)))
    except BaseException:  # handed back to the parent, which raises it with the traceback
        conn.send((False, traceback.format_exc()))
    finally:
        conn.close()


def in_child(fn, *args, timeout: float | None = None, daemon: bool = True,
             watch: "TreeSampler | None" = None, **kwargs):
    """``fn(*args, **kwargs)`` in a new interpreter; its return value comes back pickled.

    Raises :class:`TimedOut` (after killing the child) when it takes longer than ``timeout``.
    ``daemon=False`` lets the child start processes of its own (a daemonic process may
    not); ``watch`` samples the child's process tree while it runs.
    """
    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_run, args=(send, fn, args, kwargs), daemon=daemon)
    proc.start()
    send.close()
    if watch is not None:
        watch.start(proc.pid)
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
        if watch is not None:
            watch.stop()
        proc.join()
        receive.close()
    if not ok:
        raise ChildError(f"{name} failed in its benchmark process:\n{value}")
    return value


# -- memory of a process tree, read from /proc ----------------------------------------

def _status_kib(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of ``pid`` in KiB (empty when it is gone or not readable)."""
    out = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    key, value = line.split(":", 1)
                    out[key] = int(value.split()[0])
    except (OSError, ValueError, IndexError):
        return {}
    return out


def _parents() -> dict[int, int]:
    """pid -> parent pid of every process visible in /proc."""
    found = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as f:
                stat = f.read()
            found[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    return found


def _role(pid: int, root: int) -> str:
    if pid == root:
        return "main"
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmd = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return "process"
    if "resource_tracker" in cmd:
        return "resource tracker"
    return "worker" if "multiprocessing" in cmd else "process"


@dataclass
class TreeSampler:
    """Every ``interval`` seconds, the summed VmRSS of a process and its descendants.

    ``peak_mb`` is the largest sum seen (the tree's true peak, up to the sampling
    interval); ``hwm_mb`` holds each process's own peak (VmHWM, last read while it lived).
    """

    interval: float = 0.5
    peak_mb: float = 0.0
    samples: int = 0
    hwm_mb: dict[int, float] = field(default_factory=dict)
    roles: dict[int, str] = field(default_factory=dict)

    def start(self, pid: int) -> None:
        self._root = pid
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="rss-sampler", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        while True:
            self.sample()
            if self._stop.wait(self.interval):
                return

    def sample(self) -> None:
        parents = _parents()
        tree, frontier = {self._root}, [self._root]
        while frontier:
            pid = frontier.pop()
            kids = [p for p, pp in parents.items() if pp == pid and p not in tree]
            tree.update(kids)
            frontier += kids
        total = 0
        for pid in tree:
            status = _status_kib(pid)
            if not status:
                continue
            total += status.get("VmRSS", 0)
            self.hwm_mb[pid] = max(self.hwm_mb.get(pid, 0.0), _mb(status.get("VmHWM", 0)))
            self.roles[pid] = _role(pid, self._root)  # re-read: a new process execs after its fork
        self.samples += 1
        self.peak_mb = max(self.peak_mb, _mb(total))

    def peaks(self, role: str) -> list[float]:
        """Peak RSS (VmHWM) of each process of ``role`` ("main", "worker", ...), in MB."""
        return [mb for pid, mb in self.hwm_mb.items() if self.roles.get(pid) == role]

    @property
    def sum_of_peaks_mb(self) -> float:
        """Main + every other process's own peak: an upper bound of the tree's peak."""
        return sum(self.hwm_mb.values())
