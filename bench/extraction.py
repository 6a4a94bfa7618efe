"""Section 1 (extraction throughput) and section 4 (peak RSS of the extraction run).

Baseline: the bare spaCy pipeline (``spacy.load(model)``, all its components) running
``nlp.pipe(texts)``. Measured: kg's whole extraction, ``Extractor.parse`` + ``extract`` +
``quads``, on the same texts with the same batch size.

Both pipelines stay loaded, each in its own worker process (so each has its own peak
RSS), warmed up on the first documents. The corpus is cut into chunks that go to the
bare and the kg worker in turn (which one goes first alternates), in two rounds; for
each chunk the better of its two timings counts, and the ratio is of the sums. On a
shared machine a burst of load from elsewhere then hits both sides alike instead of
one whole pass.
"""
from __future__ import annotations

import multiprocessing
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter

from bench.child import ChildError, peak_rss_mb
from bench.progress import bar, console


@dataclass
class Pass:
    """Timings of some documents (one chunk, or the sum of the best chunks)."""

    seconds: float = 0.0
    docs: int = 0
    tokens: int = 0
    quads: int = 0
    parse_s: float = 0.0  # kg only: spaCy + gazetteer component
    gazetteer_s: float = 0.0  # kg only: the kg_gazetteer_v1 component, within parse_s
    extract_s: float = 0.0  # kg only: rules over the parse
    quads_s: float = 0.0  # kg only: records -> RDF quads
    failed: list[str] = field(default_factory=list)  # kg only: "doc id: error" per failed document

    def __add__(self, other: "Pass") -> "Pass":
        return Pass(self.seconds + other.seconds, self.docs + other.docs, self.tokens + other.tokens,
                    self.quads + other.quads, self.parse_s + other.parse_s,
                    self.gazetteer_s + other.gazetteer_s, self.extract_s + other.extract_s,
                    self.quads_s + other.quads_s, self.failed + other.failed)


@dataclass
class Throughput:
    bare: Pass  # sum over chunks of each chunk's better timing
    kg: Pass
    bare_rounds: list[float]  # seconds of each whole round
    kg_rounds: list[float]
    bare_rss_mb: float
    kg_rss_mb: float
    find_s: float  # Gazetteer.find over all texts on its own, timed after the rounds
    words: int
    batch_size: int
    warmup: int
    chunk: int

    @property
    def ratio(self) -> float:
        """kg's documents/s over the bare pipeline's (same texts, so words/s alike)."""
        return self.bare.seconds / self.kg.seconds

    @property
    def rss_ratio(self) -> float:
        """kg's peak RSS over the bare pipeline's."""
        return self.kg_rss_mb / self.bare_rss_mb


class _Bare:
    def __init__(self, model: str, documents: list, batch_size: int):
        import spacy

        self.nlp = spacy.load(model)
        self.texts = [d.text for d in documents]
        self.batch_size = batch_size

    def run(self, start: int, end: int, nquads: str | None = None) -> Pass:
        p = Pass()
        t0 = perf_counter()
        for doc in self.nlp.pipe(self.texts[start:end], batch_size=self.batch_size):
            p.docs += 1
            p.tokens += len(doc)
        p.seconds = perf_counter() - t0
        return p


class _Kg:
    def __init__(self, model: str, documents: list, batch_size: int):
        from kg.build import Extractor

        self.ex = Extractor(model)
        self.documents = documents
        self.batch_size = batch_size
        self.gazetteer_spent = _time_component(self.ex.nlp, "kg_gazetteer_v1")

    def run(self, start: int, end: int, nquads: str | None = None) -> Pass:
        """Time kg's extraction of ``documents[start:end]``; with ``nquads``, append every
        quad to that file (not timed): each document's graph, then its entity statements,
        and a line ``[graph IRI, document-graph quads, entity quads]`` to
        :func:`index_path` ``(nquads)``, so the store load can rebuild each
        :class:`~kg.graph.DocumentGraph`."""
        import json

        import pyoxigraph as ox

        ex = self.ex
        p = Pass()
        untimed = 0.0
        gazetteer_before = self.gazetteer_spent[0]
        out = open(nquads, "ab") if nquads else None
        index = open(index_path(nquads), "a", encoding="utf-8") if nquads else None
        try:
            t0 = mark = perf_counter()
            for d, sdoc in ex.parse(self.documents[start:end], batch_size=self.batch_size):
                t1 = perf_counter()
                try:  # a document kg fails on is counted and reported; the run goes on
                    extraction = ex.extract(d, sdoc)
                    t2 = perf_counter()
                    quads = ex.quads(d, extraction)
                except Exception as e:
                    p.failed.append(f"{d.id}: {type(e).__name__} in {_where(e)}: {e}")
                    t2, quads = perf_counter(), None
                t3 = perf_counter()
                p.parse_s += t1 - mark
                p.extract_s += t2 - t1
                p.quads_s += t3 - t2
                p.docs += 1
                p.tokens += len(sdoc)
                if quads is not None:
                    p.quads += len(quads)
                    if out is not None:
                        ox.serialize(quads.quads + quads.entities, out, format=ox.RdfFormat.N_QUADS)
                        index.write(json.dumps([quads.iri, len(quads.quads), len(quads.entities)]) + "\n")
                mark = perf_counter()
                untimed += mark - t3
            p.seconds = perf_counter() - t0 - untimed
        finally:
            if out is not None:
                out.close()
                index.close()
        p.gazetteer_s = self.gazetteer_spent[0] - gazetteer_before
        return p

    def find(self) -> float:
        """Seconds of ``Gazetteer.find`` over every text, on its own."""
        t0 = perf_counter()
        for d in self.documents:
            for _ in self.ex.gazetteer.find(d.text):
                pass
        return perf_counter() - t0


def index_path(nquads) -> str:
    """Where the per-document index of an extracted N-Quads file goes."""
    return f"{nquads}.documents.jsonl"


def _serve(conn, kind: str, model: str, documents: list, batch_size: int, warmup: int) -> None:
    """Worker loop: load the pipeline, warm it up, then run what the parent asks."""
    try:
        runner = (_Kg if kind == "kg" else _Bare)(model, documents, batch_size)
        runner.run(0, warmup)
        if kind == "kg":
            runner.gazetteer_spent[0] = 0.0
        conn.send((True, "ready"))
        while True:
            msg = conn.recv()
            if msg[0] == "stop":
                conn.send((True, peak_rss_mb()))
                return
            conn.send((True, getattr(runner, msg[0])(*msg[1:])))
    except BaseException:  # handed back to the parent with the traceback
        conn.send((False, traceback.format_exc()))
    finally:
        conn.close()


class _Worker:
    """A process holding one pipeline, running chunks of the corpus on request."""

    def __init__(self, kind: str, model: str, documents: list, batch_size: int, warmup: int):
        ctx = multiprocessing.get_context("spawn")
        self.kind = kind
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, kind, model, documents, batch_size, warmup),
                                daemon=True)
        self.proc.start()
        child.close()
        self._recv()

    def call(self, *msg):
        self.conn.send(msg)
        return self._recv()

    def _recv(self):
        try:
            ok, value = self.conn.recv()
        except EOFError:
            self.proc.join()
            raise ChildError(f"the {self.kind} extraction worker died (exit code {self.proc.exitcode})") from None
        if not ok:
            raise ChildError(f"the {self.kind} extraction worker failed:\n{value}")
        return value

    def close(self) -> float:
        """Stop the worker; its peak RSS in MB."""
        rss = self.call("stop")
        self.proc.join()
        return rss

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join()


def measure(corpus, model: str, *, batch_size: int, warmup: int, runs: int, chunk: int,
            nquads: Path) -> Throughput:
    """Alternate bare and kg over chunks of ``chunk`` documents, ``runs`` rounds; the first
    round's kg runs write every quad to ``nquads``."""
    docs = corpus.documents
    n = len(docs)
    chunks = [(i, min(i + chunk, n)) for i in range(0, n, chunk)]
    console.log(f"extraction: loading and warming up both pipelines ({warmup} documents)")
    workers = {}
    try:
        for kind in ("bare", "kg"):
            workers[kind] = _Worker(kind, model, docs, batch_size, warmup)
        best: dict[str, list[Pass | None]] = {"bare": [None] * len(chunks), "kg": [None] * len(chunks)}
        rounds: dict[str, list[float]] = {"bare": [], "kg": []}
        for r in range(runs):
            spent = {"bare": 0.0, "kg": 0.0}
            with bar(f"extraction round {r + 1} of {runs} (bare and kg in turn)", 2 * n) as advance:
                for j, (a, b) in enumerate(chunks):
                    order = ("bare", "kg") if (j + r) % 2 == 0 else ("kg", "bare")
                    for kind in order:
                        target = str(nquads) if kind == "kg" and r == 0 else None
                        p = workers[kind].call("run", a, b, target)
                        spent[kind] += p.seconds
                        if best[kind][j] is None or p.seconds < best[kind][j].seconds:
                            if r > 0:
                                p.failed = best[kind][j].failed  # report each failure once
                            best[kind][j] = p
                        advance(b - a)
            for kind in spent:
                rounds[kind].append(spent[kind])
        find_s = workers["kg"].call("find")
        rss = {kind: w.close() for kind, w in workers.items()}
    except BaseException:
        for w in workers.values():
            w.kill()
        raise
    total = {kind: sum(best[kind], Pass()) for kind in best}
    return Throughput(total["bare"], total["kg"], rounds["bare"], rounds["kg"], rss["bare"], rss["kg"],
                      find_s, corpus.words, batch_size, warmup, chunk)


def _where(exc: BaseException) -> str:
    """``kg.module.function (line N)`` where ``exc`` was raised in kg's code, else the last frame."""
    frames = traceback.extract_tb(exc.__traceback__)
    kg_frames = [f for f in frames if "/kg/" in f.filename.replace("\\", "/")] or frames
    f = kg_frames[-1]
    module = f.filename.replace("\\", "/").rsplit("/kg/", 1)[-1].removesuffix(".py").replace("/", ".")
    return f"kg.{module}.{f.name} (line {f.lineno})"


def _time_component(nlp, name: str) -> list[float]:
    """Wrap pipeline component ``name`` so the seconds spent in it add up in the returned
    one-item list. spaCy calls a component without a ``pipe`` method once per Doc, so a
    plain timing function in its place sees every call (the swap reaches into
    ``nlp._components``: there is no public way to wrap a component instance)."""
    spent = [0.0]
    for i, (n, proc) in enumerate(nlp._components):
        if n == name and not hasattr(proc, "pipe"):
            def timed(doc, _proc=proc, **kwargs):
                start = perf_counter()
                try:
                    return _proc(doc, **kwargs)
                finally:
                    spent[0] += perf_counter() - start
            nlp._components[i] = (n, timed)
    return spent
