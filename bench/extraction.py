"""Section 1 (extraction throughput) and section 4 (peak RSS of the extraction run).

Baseline: the bare spaCy pipeline (``spacy.load(model)``, all its components) running
``nlp.pipe(texts)``. Measured: kg's whole extraction, ``Extractor.parse`` + ``extract`` +
``quads``, on the same texts with the same batch size. Each pass runs in its own process
(after a warm-up on the first documents), bare and kg alternating, twice each; the better
pass counts, so a burst of load from elsewhere on the machine hurts neither side alone.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter

from bench.child import in_child, peak_rss_mb
from bench.progress import console, tracked


@dataclass
class Pass:
    """One timed pass over the corpus."""

    seconds: float
    docs: int
    rss_mb: float
    tokens: int = 0
    quads: int = 0
    parse_s: float = 0.0  # kg only: spaCy + gazetteer component
    gazetteer_s: float = 0.0  # kg only: the kg_gazetteer_v1 component, within parse_s
    find_s: float = 0.0  # kg only: Gazetteer.find over the texts alone, timed after the pass
    extract_s: float = 0.0  # kg only: rules over the parse
    quads_s: float = 0.0  # kg only: records -> RDF quads


@dataclass
class Throughput:
    bare: list[Pass] = field(default_factory=list)
    kg: list[Pass] = field(default_factory=list)
    words: int = 0
    batch_size: int = 32
    warmup: int = 0

    @property
    def best_bare(self) -> Pass:
        return min(self.bare, key=lambda p: p.seconds)

    @property
    def best_kg(self) -> Pass:
        return min(self.kg, key=lambda p: p.seconds)

    @property
    def ratio(self) -> float:
        """kg's documents/s over the bare pipeline's (same texts, so words/s alike)."""
        return self.best_bare.seconds / self.best_kg.seconds

    @property
    def rss_ratio(self) -> float:
        """kg's peak RSS over the bare pipeline's."""
        return max(p.rss_mb for p in self.kg) / max(p.rss_mb for p in self.bare)


def bare_pass(model: str, texts: list[str], batch_size: int, warmup: int, label: str) -> Pass:
    """Time ``spacy.load(model).pipe(texts)``."""
    import spacy

    nlp = spacy.load(model)
    for _ in nlp.pipe(texts[:warmup], batch_size=batch_size):
        pass
    tokens = 0
    start = perf_counter()
    for doc in tracked(nlp.pipe(texts, batch_size=batch_size), label, total=len(texts)):
        tokens += len(doc)
    seconds = perf_counter() - start
    return Pass(seconds, len(texts), peak_rss_mb(), tokens=tokens)


def kg_pass(model: str, documents: list, batch_size: int, warmup: int, label: str,
            nquads: str | None = None) -> Pass:
    """Time kg's extraction; with ``nquads``, also write every quad there (not timed)."""
    import pyoxigraph as ox

    from kg.build import Extractor

    ex = Extractor(model)
    for d, sdoc in ex.parse(documents[:warmup], batch_size=batch_size):
        ex.quads(d, ex.extract(d, sdoc))
    gazetteer_spent = _time_component(ex.nlp, "kg_gazetteer_v1")
    out = open(nquads, "wb") if nquads else None
    p = Pass(0.0, 0, 0.0)
    untimed = 0.0
    try:
        start = perf_counter()
        mark = start
        for d, sdoc in tracked(ex.parse(documents, batch_size=batch_size), label, total=len(documents)):
            t1 = perf_counter()
            extraction = ex.extract(d, sdoc)
            t2 = perf_counter()
            quads = ex.quads(d, extraction)
            t3 = perf_counter()
            p.parse_s += t1 - mark
            p.extract_s += t2 - t1
            p.quads_s += t3 - t2
            p.docs += 1
            p.tokens += len(sdoc)
            p.quads += len(quads)
            if out is not None:
                ox.serialize(quads, out, format=ox.RdfFormat.N_QUADS)
            mark = perf_counter()
            untimed += mark - t3
        p.seconds = perf_counter() - start - untimed
    finally:
        if out is not None:
            out.close()
    p.rss_mb = peak_rss_mb()
    p.gazetteer_s = gazetteer_spent[0]
    start = perf_counter()
    for d in documents:
        for _ in ex.gazetteer.find(d.text):
            pass
    p.find_s = perf_counter() - start
    return p


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


def measure(corpus, model: str, *, batch_size: int, warmup: int, runs: int, nquads: Path) -> Throughput:
    """Alternate bare and kg passes, ``runs`` of each; the first kg pass writes ``nquads``."""
    texts = [d.text for d in corpus.documents]
    result = Throughput(words=corpus.words, batch_size=batch_size, warmup=warmup)
    for i in range(1, runs + 1):
        console.log(f"extraction pass {i} of {runs}: bare spaCy, then kg")
        result.bare.append(in_child(bare_pass, model, texts, batch_size, warmup, f"bare spaCy #{i}"))
        result.kg.append(in_child(kg_pass, model, corpus.documents, batch_size, warmup, f"kg #{i}",
                                  str(nquads) if i == 1 else None))
    return result
