"""The build pipeline: documents → spaCy → extraction → quads → store.

Builds are incremental: a document whose content hash and extractor version match what
the store holds is skipped. The rest are extracted (here, in a local process pool, or on
a Dask cluster) and written in batches (``Store.write_documents``), each document's
graph whole or not at all; a failure in one document never stops the others.
``prune`` drops the documents of the store that are not among the inputs.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__  # one version for the package, the graphs and the User-Agent
from .documents import Document, read_documents
from .errors import InputError, KGError
from .log import logger


#: A build writes documents in batches of up to this many documents or quads (each
#: document's quads counted with its entity statements): one bulk write of 2,000 quads
#: costs about what one of 50,000 does, so small batches load slowly.
BATCH_DOCS = 1000
BATCH_QUADS = 50_000
#: After a build that wrote this many quads the store compacts itself (Store.optimize):
#: on a freshly bulk-loaded Oxigraph store that made canned queries 2 to 5 times faster.
OPTIMIZE_AFTER = 200_000


@dataclass
class BuildReport:
    """What a build did: documents written, skipped as unchanged, pruned; failures."""

    documents: int = 0
    quads: int = 0
    unchanged: int = 0
    removed: int = 0
    failures: list[InputError] = field(default_factory=list)
    #: document id -> facts extracted by kind (the predicate's local name: party, covers, ...)
    facts: dict[str, dict[str, int]] = field(default_factory=dict)
    #: ids of the documents skipped as unchanged whose stored graph holds no fact
    unchanged_factless: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def factless(self) -> list[str]:
        """Ids of the documents of this run (built, or unchanged in the store) without any fact."""
        return sorted([doc for doc, kinds in self.facts.items() if not kinds] + self.unchanged_factless)

    def kinds(self) -> list[str]:
        return sorted({k for kinds in self.facts.values() for k in kinds})

    def to_dict(self) -> dict:
        return {"documents": self.documents, "quads": self.quads, "unchanged": self.unchanged,
                "removed": self.removed, "failures": [str(f) for f in self.failures],
                "facts": self.facts, "factless": self.factless,
                "unchanged_factless": self.unchanged_factless}

    def format(self, fmt: str) -> str:
        """The facts per document as ``"table"`` (one row per document, one column per
        kind) or ``"json"``."""
        import json

        if fmt == "json":
            return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)
        if fmt != "table":
            raise KGError(f"unknown report format '{fmt}'; choose one of: {', '.join(REPORT_FORMATS)}")
        kinds = self.kinds()
        rows = [["document", *kinds, "total"]]
        for doc, counts in sorted(self.facts.items()):
            rows.append([doc, *(str(counts.get(k, 0)) for k in kinds), str(sum(counts.values()))])
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        return "\n".join("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in
                                   enumerate(zip(r, widths))).rstrip() for r in rows)


REPORT_FORMATS = ("table", "json")


def fact_kinds(graph) -> dict[str, int]:
    """Facts of a :class:`~kg.graph.DocumentGraph` by kind (one per evidence record)."""
    from .vocab import RDF, TA

    counts: dict[str, int] = {}
    for q in graph.quads:
        if q.predicate.value == RDF + "predicate" and q.object.value.startswith(TA):
            kind = q.object.value[len(TA):]
            counts[kind] = counts.get(kind, 0) + 1
    return dict(sorted(counts.items()))


def extractor_version(model: str | None = None) -> str:
    """What produced a graph: kg's version and the spaCy pipeline's, e.g.
    ``"kg 0.1.0 (en_core_web_sm 3.8.0)"``; a change of either rebuilds every document."""
    from .nlp.pipeline import model_version

    return f"kg {__version__} ({model_version(model)})"


class Extractor:
    """The spaCy pipeline and gazetteer, loaded once and reused for many documents."""

    def __init__(self, model: str | None = None):
        from .extract.cues import load_cues
        from .nlp import load_pipeline
        from .nlp.gazetteer import load_gazetteer

        self.nlp = load_pipeline(model)
        self.gazetteer = load_gazetteer()
        self.cues = load_cues()
        self.version = extractor_version(model)

    def parse(self, documents: Iterable[Document], batch_size: int = 32):
        """Yield ``(document, spacy_doc)`` pairs."""
        def docs():
            for d in documents:
                sdoc = self.nlp.make_doc(d.text)
                sdoc.user_data["kg_published"] = d.published  # read by the gazetteer component
                yield sdoc, d
        for sdoc, d in self.nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
            yield d, sdoc

    def extract(self, document: Document, sdoc):
        from .extract import extract

        return extract(document, sdoc, gazetteer=self.gazetteer, cues=self.cues)

    def quads(self, document: Document, extraction):
        """The :class:`~kg.graph.DocumentGraph` of ``document`` (iterate it for all quads)."""
        from .graph import document_quads

        return document_quads(document, extraction, gazetteer=self.gazetteer, version=self.version)

    def process(self, documents: Iterable[Document], *, zone: int = 256
                ) -> Iterator[tuple[Document, object]]:
        """Yield ``(document, DocumentGraph)``, or ``(document, InputError)`` when
        extraction fails unexpectedly on it (a kg bug, reported with the document named);
        the other documents go on.

        Documents are parsed ``zone`` at a time inside a spaCy memory zone, so the
        strings a long corpus brings are freed and memory does not grow with it.
        """
        from .parallel import batches

        for chunk in batches(documents, zone):
            with self.nlp.memory_zone():
                for d, sdoc in self.parse(chunk):
                    try:
                        yield d, self.quads(d, self.extract(d, sdoc))
                    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the build
                        logger.exception("extraction failed on %s", d.id)
                        yield d, InputError(d.path or d.id, f"extraction failed ({type(exc).__name__}: "
                                            f"{exc}); please report this as a kg bug")


def build(paths: Iterable[str | Path], store, *, model: str | None = None,
          extractor: Extractor | None = None,
          on_error: Callable[[InputError], None] | None = None,
          on_document: Callable[[Document], None] | None = None,
          workers: int = 1, scheduler: str | None = None,
          force: bool = False, prune: bool = False, batch_size: int | None = None,
          batch_quads: int | None = None, sources=None) -> BuildReport:
    """Read ``paths``, extract, and write each new or changed document's graph into ``store``.

    Bad inputs are reported through ``on_error`` (and in the report) and skipped.
    ``workers`` > 1 extracts in that many local processes, ``scheduler`` on a Dask
    cluster; ``force`` rebuilds unchanged documents too; ``prune`` removes the stored
    documents that are not among ``paths``. Documents are written in batches of up to
    ``batch_size`` documents or ``batch_quads`` quads (default :data:`BATCH_DOCS`,
    :data:`BATCH_QUADS`). ``on_document`` is called for every
    document read (built or skipped). ``paths`` may hold http(s) URLs of feeds and
    pages and :class:`~kg.documents.Document` records; ``sources`` (a
    :class:`kg.sources.SourceOptions`) says how feeds, pages, archives and tables are read.
    """
    from .rules import DERIVED_GRAPH, apply_rules
    from .store import factindex
    from .store.catalog import collect_garbage, drop_incomplete, remove_documents, stored_documents

    report = BuildReport()
    batch_size = batch_size or BATCH_DOCS
    batch_quads = batch_quads or BATCH_QUADS

    def failed(err: InputError) -> None:
        report.failures.append(err)
        logger.warning("%s", err)
        if on_error is not None:
            on_error(err)

    known = stored_documents(store)
    # the fact index is recomputed whole when a build that changed it died, when the
    # store has documents but no index (made by an older kg, or loaded from a file), or
    # when every document is rebuilt anyway
    rebuild_index = force or factindex.is_stale(store) or bool(known and not factindex.exists(store))
    dropped = drop_incomplete(store, known)
    seen: set[str] = set()
    unchanged: dict[str, str] = {}  # IRI -> id of the documents skipped as unchanged
    touched: set[str] = set()  # entities whose index entries a removed or replaced graph spoke of
    current_version = extractor.version if extractor is not None else extractor_version(model)

    def todo() -> Iterator[Document]:
        for document in read_documents(paths, on_error=failed, sources=sources):
            seen.add(document.iri)
            stored = known.get(document.iri)
            if (not force and stored is not None and stored.content_hash == document.content_hash
                    and stored.version == current_version):
                report.unchanged += 1
                unchanged[document.iri] = document.id
                if on_document is not None:
                    on_document(document)
                continue
            yield document

    if scheduler or workers > 1:
        from .parallel import process_dask, process_pool

        results = (process_dask(todo(), scheduler=scheduler, model=model) if scheduler
                   else process_pool(todo(), workers=workers, model=model))
    else:
        results = _local(todo(), extractor, model)

    batch: list[tuple[str, list]] = []
    shared: dict = {}
    pending = 0  # quads in the batch
    replaced = stale = False

    def changing() -> None:
        """Before the first change: derived graph out, fact index marked, so a build
        that dies from here on leaves the next one re-deriving and re-indexing."""
        nonlocal stale
        if not stale:
            store.remove_graph(DERIVED_GRAPH)
            factindex.mark_stale(store)
            stale = True

    def flush() -> None:
        nonlocal replaced, pending
        pending = 0
        if batch:
            changing()
            again = [iri for iri, _ in batch if iri in known]
            replaced = replaced or bool(again)
            if again and not rebuild_index:
                touched.update(factindex.spoken_of(store, again))
            entities = list(shared)
            store.write_documents(batch, entities + factindex.index_quads(batch))
            if not rebuild_index:
                factindex.refresh_labels(store, factindex.typed_subjects(entities))
            batch.clear()
            shared.clear()

    stories = None  # syndicated copies: the store's signatures, loaded at the first document built
    for document, result in results:
        if isinstance(result, InputError):
            failed(result)
            continue
        if stories is None:
            from .sources.stories import StoryIndex

            stories = StoryIndex.from_store(store)
        _add_story(result, document, stories)
        batch.append((document.iri, result.quads))
        shared.update(dict.fromkeys(result.entities))
        report.facts[document.id] = fact_kinds(result)
        report.documents += 1
        report.quads += len(result)
        pending += len(result)
        if on_document is not None:
            on_document(document)
        if len(batch) >= batch_size or pending >= batch_quads:
            flush()
    flush()

    if prune:
        gone = [iri for iri in known if iri not in seen]
        if gone:
            changing()
            if not rebuild_index:
                touched.update(factindex.spoken_of(store, gone))
            report.removed = remove_documents(store, gone)
    if replaced or dropped:
        collect_garbage(store)
    if rebuild_index or dropped:
        factindex.rebuild(store)
    elif touched:
        factindex.refresh(store, touched)
    if stale:
        factindex.clear_stale(store)
    if stale or dropped or force or DERIVED_GRAPH not in store.graphs():
        apply_rules(store)  # the derived graph follows the documents
    if report.quads >= OPTIMIZE_AFTER:
        store.optimize()
    if unchanged:
        report.unchanged_factless = [unchanged[g] for g in _factless_graphs(store) if g in unchanged]
    return report


def _factless_graphs(store) -> list[str]:
    """The document graphs of ``store`` that hold no evidence record (so no fact)."""
    from .store.catalog import DOC_PREFIX
    from .vocab import RDF, TA

    rows = store.query(f"""
        SELECT ?g WHERE {{ GRAPH ?g {{ ?g <{RDF}type> <{TA}Document> }}
            FILTER (STRSTARTS(STR(?g), "{DOC_PREFIX}"))
            FILTER NOT EXISTS {{ GRAPH ?g {{ ?e <{RDF}type> <{TA}Evidence> }} }} }}""")
    return [row[0] for row in rows.rows]


def _add_story(result, document: Document, stories) -> None:
    """The document's text signature and, for a syndicated copy, its ``ta:sameStoryAs``
    link (kg.sources.stories), before the closing ``ta:contentHash`` of its graph."""
    from .sources.stories import story_quads

    extra = story_quads(document, stories)
    if extra:
        result.quads[-1:-1] = extra


def _local(documents: Iterator[Document], extractor: Extractor | None, model: str | None):
    """Extract in this process; the pipeline loads only if some document needs it."""
    first = next(documents, None)
    if first is None:
        return
    extractor = extractor or Extractor(model)
    yield from extractor.process(itertools.chain([first], documents))


def remove(store, refs: Iterable[str]) -> tuple[list[str], list[str]]:
    """Remove documents (ids or IRIs) and what only they supported; re-derive.

    Returns ``(removed ids, unknown refs)``.
    """
    from .rules import DERIVED_GRAPH, apply_rules
    from .store import factindex
    from .store.catalog import DOC_PREFIX, document_graph, remove_documents

    present = set(store.graphs())
    wanted = {ref: document_graph(ref) for ref in refs}
    found = [g for g in dict.fromkeys(wanted.values()) if g in present]
    unknown = [ref for ref, g in wanted.items() if g not in present]
    if found:
        touched = factindex.spoken_of(store, found)
        store.remove_graph(DERIVED_GRAPH)  # re-derived below, or by the next build if this one dies
        factindex.mark_stale(store)
        remove_documents(store, found)
        factindex.refresh(store, touched)
        factindex.clear_stale(store)
        apply_rules(store)
    if not found and not unknown:
        raise KGError("no document given to remove")
    return [g[len(DOC_PREFIX):] for g in found], unknown
