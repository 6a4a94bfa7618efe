"""What documents a store holds, and removing them cleanly: SPARQL over any :class:`Store`.

A document graph is *whole* when its document node carries ``ta:contentHash``: the graph
writer puts that quad last, so a graph without it (a build killed half-way through on
a backend that cannot write a batch atomically) is incomplete, and the next build drops
and rebuilds it.

>>> from kg.store.oxigraph import OxigraphStore
>>> stored_documents(OxigraphStore())
{}
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from ..log import logger
from ..vocab import ENTITIES_GRAPH, TA, TAI, doc_iri

if TYPE_CHECKING:
    from .base import Store

DOC_PREFIX = f"{TAI}doc/"


@dataclass(frozen=True)
class StoredDocument:
    """A document graph in the store: its IRI, content hash and extractor version."""

    iri: str
    content_hash: str | None
    version: str | None

    @property
    def id(self) -> str:
        return self.iri[len(DOC_PREFIX):]

    @property
    def whole(self) -> bool:
        return self.content_hash is not None


def stored_documents(store: Store) -> dict[str, StoredDocument]:
    """Every document graph in ``store`` (IRI -> record), whole or not."""
    rows = store.query(f"""
        SELECT ?g ?h ?v WHERE {{ GRAPH ?g {{
            ?g <{TA}contentHash> ?h . OPTIONAL {{ ?g <{TA}extractorVersion> ?v }} }}
            FILTER(STRSTARTS(STR(?g), "{DOC_PREFIX}")) }}""")
    found = {g: StoredDocument(g, h, v) for g, h, v in rows.rows}
    for g in store.graphs():
        if g.startswith(DOC_PREFIX) and g not in found:
            found[g] = StoredDocument(g, None, None)
    return found


def document_graph(ref: str) -> str:
    """A document id, ``doc/ID``, ``tai:doc/ID`` or full IRI -> the document's graph IRI."""
    if ref.startswith(DOC_PREFIX):
        return ref
    for prefix in ("tai:doc/", "doc:", "doc/"):
        if ref.startswith(prefix):
            return doc_iri(ref[len(prefix):])
    return doc_iri(ref)


def remove_documents(store: Store, graphs: Iterable[str]) -> int:
    """Drop document graphs, then every entity statement no remaining document supports.

    Returns how many of the graphs existed.
    """
    removed = store.remove_graphs(graphs)
    if removed:
        collect_garbage(store)
    return removed


def drop_incomplete(store: Store, documents: dict[str, StoredDocument]) -> list[str]:
    """Remove document graphs that lack their content hash (left by a killed build)."""
    broken = [d.iri for d in documents.values() if not d.whole]
    if broken:
        logger.warning("dropping %d incomplete document graphs left by an interrupted build", len(broken))
        store.remove_graphs(broken)
        for iri in broken:
            documents.pop(iri, None)
    return broken


def collect_garbage(store: Store) -> None:
    """Delete from the entities graph what is said of entities no document mentions.

    A country kept only as the ``ta:locatedIn`` of a mentioned place stays, and so does an
    entity a document states a fact about without naming it (the G7's members as the
    participants of a summit of "the G7").
    """
    store.update(f"""
        DELETE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?s ?p ?o }} }}
        WHERE {{
            GRAPH <{ENTITIES_GRAPH}> {{ ?s ?p ?o }}
            FILTER NOT EXISTS {{ GRAPH ?g {{ ?d <{TA}mentions> ?s }} }}
            FILTER NOT EXISTS {{ GRAPH ?f {{ ?x ?q ?s }}
                                 FILTER (STRSTARTS(STR(?f), "{DOC_PREFIX}")) }}
            FILTER NOT EXISTS {{ GRAPH <{ENTITIES_GRAPH}> {{ ?x <{TA}locatedIn> ?s }}
                                 GRAPH ?h {{ ?e <{TA}mentions> ?x }} }}
        }}""")
