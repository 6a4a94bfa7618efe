"""Extraction in other processes: a local pool (``--workers N``) or a Dask cluster
(``--scheduler ADDRESS``).

Both hand batches of :class:`~kg.documents.Document` to :func:`extract_batch`, which runs
in the worker with a pipeline loaded once per process, and get back N-Quads bytes per
document (pyoxigraph terms do not pickle). At most ``2 × workers`` batches are in flight,
so memory stays bounded however long the corpus; results come back in input order,
so a parallel build writes what a single-process build writes.
"""
from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from .documents import Document
from .errors import InputError, KGError

_LOCK = threading.Lock()
_EXTRACTORS: dict[str | None, object] = {}

#: One document's outcome from a worker: (document id, N-Quads bytes, error message).
Outcome = tuple[str, bytes | None, str | None]


def _extractor(model: str | None):
    from .build import Extractor

    if model not in _EXTRACTORS:
        _EXTRACTORS.clear()  # one pipeline per process
        _EXTRACTORS[model] = Extractor(model)
    return _EXTRACTORS[model]


def extract_batch(documents: list[Document], model: str | None = None) -> list[Outcome]:
    """Run in a worker: extract ``documents``; per document its quads as N-Quads or an error."""
    import pyoxigraph as ox

    with _LOCK:  # a Dask worker may run several tasks in threads; spaCy pipelines are not shared
        extractor = _extractor(model)
        out: list[Outcome] = []
        for document, result in extractor.process(documents):
            if isinstance(result, InputError):
                out.append((document.id, None, result.reason))
            else:
                out.append((document.id, ox.serialize(list(result), format=ox.RdfFormat.N_QUADS), None))
        return out


def decode(document: Document, outcome: Outcome):
    """A worker's outcome -> a :class:`~kg.graph.DocumentGraph` or an :class:`InputError`."""
    import pyoxigraph as ox

    from .graph import DocumentGraph

    _id, data, error = outcome
    if error is not None:
        return InputError(document.path or document.id, error)
    graph = DocumentGraph(document.iri)
    for q in ox.parse(data, format=ox.RdfFormat.N_QUADS):
        (graph.quads if q.graph_name.value == document.iri else graph.entities).append(q)
    return graph


def batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(documents)
    while chunk := list(islice(it, size)):
        yield chunk


def _ordered(submit: Callable, result: Callable, documents: Iterable[Document],
             batch_size: int, inflight: int) -> Iterator[tuple[Document, object]]:
    """Submit batches, keep at most ``inflight`` pending, yield outcomes in input order."""
    pending: deque = deque()
    for chunk in batches(documents, batch_size):
        pending.append((chunk, submit(chunk)))
        while len(pending) >= inflight:
            yield from _collect(*pending.popleft(), result)
    while pending:
        yield from _collect(*pending.popleft(), result)


def _collect(chunk, future, result):
    outcomes = result(future)
    for document, outcome in zip(chunk, outcomes):
        yield document, decode(document, outcome)


def process_pool(documents: Iterable[Document], *, workers: int, model: str | None = None,
                 batch_size: int = 16) -> Iterator[tuple[Document, object]]:
    """Extract with ``workers`` local processes; yield ``(document, graph or InputError)``."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")  # no fork of a threaded parent
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from _ordered(lambda chunk: pool.submit(extract_batch, chunk, model),
                            lambda f: f.result(), documents, batch_size, 2 * workers)


def process_dask(documents: Iterable[Document], *, scheduler: str, model: str | None = None,
                 batch_size: int = 16) -> Iterator[tuple[Document, object]]:
    """Extract on the Dask cluster at ``scheduler`` (``tcp://host:8786``)."""
    try:
        from distributed import Client
    except ImportError as e:
        raise KGError("--scheduler needs Dask distributed: pip install 'kg[distributed]'") from e
    try:
        client = Client(scheduler, timeout=30)
    except (OSError, TimeoutError) as e:
        raise KGError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from e
    try:
        workers = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info().get("workers", {}).values()))
        yield from _ordered(lambda chunk: client.submit(extract_batch, chunk, model, pure=False),
                            lambda f: f.result(), documents, batch_size, 2 * workers)
    finally:
        client.close()
