"""The fact index: one deduplicated copy of what the documents say, for fast queries.

In the union default graph a fact reported by k documents comes back k times, so every
query over many documents must deduplicate, and on a large store that costs more than
the question. The named graph :data:`~kg.vocab.FACTS_GRAPH` (``tai:graph/facts``) holds,
once each:

* every fact of a document graph: a triple whose predicate is one of the contract's
  relations (:data:`~kg.vocab.FACT_PROPERTIES`: ``ta:party``, ``ta:covers``, ...);
* the ``rdf:type`` of every entity the entities graph does not type (it types every
  entity a kg build writes; other tools' stores may type them anywhere);
* one ``rdfs:label`` per entity the entities graph does not label (the gazetteer
  labels them): the least (by code point) of its labels, so a query needs no ``MIN``
  to pick one. Documents' titles stay in the document graphs.

So together with the entities graph it states each type, label and fact once, and the
union default graph still gives each type and gazetteer label once: read types there
(``?a a ta:Agreement``), labels with ``VALUES ?ix { graph:facts graph:entities } GRAPH
?ix { ?a rdfs:label ?l }``, facts with ``GRAPH graph:facts { ... }``.

Facts come from the document graphs (``tai:doc/...``), types and labels from any graph
but the fact index and the derived graph (the contract lets them sit anywhere).

It is derived data, like the derived graph, but kept up to date incrementally: a
build adds the facts and types of each batch with the batch's own write
(:func:`index_quads`) and then recomputes the labels of the batch's entities
(:func:`refresh_labels`); removing or replacing documents recomputes everything about
the entities their old graphs spoke of (:func:`refresh`). :func:`rebuild` recomputes
the whole graph; a build does that when the store has documents but no index (a store
made by an older kg, or loaded from a file without one) or when a build that was
changing it died (the :data:`STALE` mark stays in the graph until a build finishes).
The canned queries in ``queries/`` read this graph.

Analysts' decisions (``kg review``, the graph ``tai:graph/curation``) shape it: a fact an
analyst rejected is left out, a fact added by hand (stated in the curation graph) is
taken in; :func:`clear_stale` applies them to what a build's batches just wrote.

>>> from kg.store.oxigraph import OxigraphStore
>>> store = OxigraphStore()
>>> rebuild(store)
0
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..log import logger
from ..vocab import ENTITIES_GRAPH, FACT_PROPERTIES, FACTS_GRAPH, RDF, RDFS, TA, TAI
from .catalog import DOC_PREFIX

if TYPE_CHECKING:
    from pyoxigraph import Quad

    from .base import Store

#: The mark of an index a build is changing: ``<graph/facts> ta:stale true`` in the graph.
STALE = f"<{FACTS_GRAPH}> <{TA}stale> true"
CHUNK = 500  # entities per SPARQL Update when recomputing

_F, _E = f"<{FACTS_GRAPH}>", f"<{ENTITIES_GRAPH}>"
_TYPE, _LABEL = f"<{RDF}type>", f"<{RDFS}label>"
_IS_DOC = f'STRSTARTS(STR(?g), "{DOC_PREFIX}")'


_FACT_VALUES = "VALUES ?p { " + " ".join(f"<{TA}{name}>" for name in FACT_PROPERTIES) + " }"


# Analysts' decisions (kg.review): a rejected fact stays out of the index, a fact added
# by hand (stated in the curation graph itself) goes in.
_C = f"<{TAI}graph/curation>"
_VERDICT = f"?r <{RDF}subject> ?s ; <{RDF}predicate> ?p ; <{RDF}object> ?o ; <{TA}verdict> <{TA}{{}}>"
_REJECTED = f"GRAPH {_C} {{ {_VERDICT.format('Rejected')} }}"


def _facts(values: str = "") -> str:
    return f"""
        INSERT {{ GRAPH {_F} {{ ?s ?p ?o }} }}
        WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{ {values} {_FACT_VALUES}
            GRAPH ?g {{ ?s ?p ?o }} FILTER ({_IS_DOC} || ?g = {_C})
            MINUS {{ {_REJECTED} }} }} }}"""


def _curation() -> str:
    """The update that makes the index follow the decisions: after a batch's facts went in
    with its write (:func:`index_quads` knows nothing of decisions)."""
    return (f"DELETE {{ GRAPH {_F} {{ ?s ?p ?o }} }} WHERE {{ {_REJECTED} GRAPH {_F} {{ ?s ?p ?o }} }} ;\n"
            f"INSERT {{ GRAPH {_F} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {_C} {{ {_VERDICT.format('Added')} }} "
            f"GRAPH {_C} {{ ?s ?p ?o }} }}")


_NOT_DOCUMENT_OR_EVIDENCE = f"?c NOT IN (<{TA}Evidence>, <{TA}Document>)"
_OTHERS = f"?g NOT IN ({_F}, <{TAI}graph/derived>, {_C})"  # every graph but the derived ones and the curation


def _types(values: str = "") -> str:
    return f"""
        INSERT {{ GRAPH {_F} {{ ?s {_TYPE} ?c }} }}
        WHERE {{ SELECT DISTINCT ?s ?c WHERE {{ {values}
            {{ GRAPH ?g {{ ?s {_TYPE} ?c }} FILTER ({_OTHERS}) }} UNION {{ ?s {_TYPE} ?c }}
            FILTER ({_NOT_DOCUMENT_OR_EVIDENCE})
            FILTER NOT EXISTS {{ GRAPH {_E} {{ ?s {_TYPE} ?c }} }} }} }}"""


def _labels(values: str = "") -> str:
    return f"""
        INSERT {{ GRAPH {_F} {{ ?s {_LABEL} ?label }} }}
        WHERE {{ SELECT ?s (MIN(STR(?l)) AS ?label) WHERE {{ {values}
            {{ GRAPH ?g {{ ?s {_LABEL} ?l }} FILTER ({_OTHERS}) }} UNION {{ ?s {_LABEL} ?l }}
            FILTER (!STRSTARTS(STR(?s), "{DOC_PREFIX}"))
            FILTER NOT EXISTS {{ GRAPH {_E} {{ ?s {_LABEL} ?e }} }} }} GROUP BY ?s }}"""


def rebuild(store: Store) -> int:
    """Recompute the whole fact index from the document and entities graphs.

    Returns the number of triples in it.
    """
    store.update(f"DROP SILENT GRAPH {_F} ;\n" + " ;\n".join((_facts(), _types(), _labels())))
    size = size_of(store)
    logger.info("fact index rebuilt: %d triples in <%s>", size, FACTS_GRAPH)
    return size


def exists(store: Store) -> bool:
    """Whether the store has a fact index (an empty store has none, and needs none)."""
    return bool(store.query(f"ASK {{ GRAPH {_F} {{ ?s ?p ?o }} }}"))


def size_of(store: Store) -> int:
    """How many triples the fact index holds (0 when there is none)."""
    rows = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {_F} {{ ?s ?p ?o }} }}").rows
    return int(rows[0][0]) if rows and rows[0][0] is not None else 0


def index_quads(graphs: Sequence[tuple[str, Sequence[Quad]]]) -> list[Quad]:
    """The fact-index quads a batch of document graphs brings: its facts (and the types
    its graphs state, which kg's own graphs leave to the entities graph). Written with
    the batch."""
    from pyoxigraph import NamedNode, Quad

    f = NamedNode(FACTS_GRAPH)
    facts = {NamedNode(TA + name) for name in FACT_PROPERTIES}
    rdf_type = NamedNode(RDF + "type")
    skip = {NamedNode(TA + "Evidence"), NamedNode(TA + "Document")}
    out: dict[Quad, None] = {}
    for _, quads in graphs:
        for q in quads:
            if q.predicate in facts or (q.predicate == rdf_type and q.object not in skip):
                out.setdefault(Quad(q.subject, q.predicate, q.object, f))
    return list(out)


def typed_subjects(shared: Iterable[Quad]) -> list[str]:
    """The IRIs the batch's entity statements type (every entity a kg document names):
    whose labels to recompute."""
    from pyoxigraph import NamedNode

    rdf_type = NamedNode(RDF + "type")
    return list(dict.fromkeys(q.subject.value for q in shared
                              if q.predicate == rdf_type and isinstance(q.subject, NamedNode)))


def refresh_labels(store: Store, subjects: Iterable[str]) -> None:
    """Recompute the index label of each of ``subjects`` (IRIs) after documents were added."""
    for values in _values(subjects):
        store.update(f"DELETE {{ GRAPH {_F} {{ ?s {_LABEL} ?l }} }} "
                     f"WHERE {{ {values} GRAPH {_F} {{ ?s {_LABEL} ?l }} }} ;\n" + _labels(values))


def refresh(store: Store, subjects: Iterable[str]) -> None:
    """Recompute everything the index says about ``subjects`` (IRIs): after documents
    that spoke of them were removed or replaced."""
    for values in _values(subjects):
        store.update(f"DELETE {{ GRAPH {_F} {{ ?s ?p ?o }} }} WHERE {{ {values} GRAPH {_F} {{ ?s ?p ?o }} }} ;\n"
                     + " ;\n".join((_facts(values), _types(values), _labels(values))))


def spoken_of(store: Store, graphs: Iterable[str]) -> set[str]:
    """The IRIs document graphs mention or state facts about: what to :func:`refresh`
    when those graphs go."""
    found: set[str] = set()
    graphs = list(graphs)
    for i in range(0, len(graphs), CHUNK):
        values = " ".join(f"<{g}>" for g in graphs[i:i + CHUNK])
        rows = store.query(f"""
            SELECT DISTINCT ?s WHERE {{ VALUES ?g {{ {values} }}
                GRAPH ?g {{ {{ ?g <{TA}mentions> ?s }} UNION {{ {_FACT_VALUES} ?s ?p ?o }}
                           UNION {{ ?s {_TYPE} ?c FILTER (?c NOT IN (<{TA}Evidence>, <{TA}Document>)) }} }}
                FILTER (isIRI(?s)) }}""").rows
        found.update(r[0] for r in rows if r[0])
    return found


def mark_stale(store: Store) -> None:
    """Mark the index as being changed; :func:`is_stale` tells a later build that the
    change did not finish."""
    store.update(f"INSERT DATA {{ GRAPH {_F} {{ {STALE} }} }}")


def clear_stale(store: Store) -> None:
    """Remove the :func:`mark_stale` mark: the index matches the documents (and the
    analysts' decisions, applied here to what the last batches added) again."""
    store.update(_curation() + f" ;\nDELETE DATA {{ GRAPH {_F} {{ {STALE} }} }}")


def is_stale(store: Store) -> bool:
    """Whether a build that was changing the index stopped before it finished."""
    return bool(store.query(f"ASK {{ GRAPH {_F} {{ {STALE} }} }}"))


def _values(subjects: Iterable[str]) -> Iterable[str]:
    subjects = sorted(set(subjects))
    for i in range(0, len(subjects), CHUNK):
        yield "VALUES ?s { " + " ".join(f"<{s}>" for s in subjects[i:i + CHUNK]) + " }"
