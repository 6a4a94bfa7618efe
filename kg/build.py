"""The build pipeline: documents → spaCy → extraction → quads → store.

Each document's graph is written in one transaction (``Store.replace_graph``), so a
failure in one document never leaves half of it in the store, and a failed document
never stops the others.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .documents import Document, read_documents
from .errors import InputError
from .log import logger

__version__ = "0.1.0"


@dataclass
class BuildReport:
    """What a build did: documents written, quads added, and the failures."""

    documents: int = 0
    quads: int = 0
    failures: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


class Extractor:
    """The spaCy pipeline and gazetteer, loaded once and reused for many documents."""

    def __init__(self, model: str | None = None):
        from .extract.cues import load_cues
        from .nlp import load_pipeline
        from .nlp.gazetteer import load_gazetteer

        self.nlp = load_pipeline(model)
        self.gazetteer = load_gazetteer()
        self.cues = load_cues()

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
        from .graph import document_quads

        return document_quads(document, extraction, gazetteer=self.gazetteer, version=f"kg {__version__}")

    def process(self, documents: Iterable[Document], on_error=None):
        """Yield ``(document, quads)`` for each document.

        A document whose extraction fails unexpectedly is reported through ``on_error``
        as an InputError (a kg bug, with the document named) and skipped; the others go on.
        """
        for d, sdoc in self.parse(documents):
            try:
                yield d, self.quads(d, self.extract(d, sdoc))
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop the build
                if on_error is None:
                    raise
                logger.exception("extraction failed on %s", d.id)
                on_error(InputError(d.path or d.id, f"extraction failed ({type(exc).__name__}: {exc}); "
                                    "please report this as a kg bug"))


def build(paths: Iterable[str | Path], store, *, model: str | None = None,
          extractor: Extractor | None = None,
          on_error: Callable[[InputError], None] | None = None,
          on_document: Callable[[Document], None] | None = None) -> BuildReport:
    """Read ``paths``, extract, and write each document's graph into ``store``.

    Bad inputs are reported through ``on_error`` (and in the report) and skipped.
    """
    report = BuildReport()
    extractor = extractor or Extractor(model)

    def failed(err: InputError) -> None:
        report.failures.append(err)
        logger.warning("%s", err)
        if on_error is not None:
            on_error(err)

    documents = read_documents(paths, on_error=failed)
    for document, quads in extractor.process(documents, on_error=failed):
        store.replace_graph(document.iri, quads)
        report.documents += 1
        report.quads += len(quads)
        if on_document is not None:
            on_document(document)
    from .rules import apply_rules; apply_rules(store)  # noqa: E702 (derived graph follows the documents)
    return report
