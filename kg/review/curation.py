"""The curation graph in a store: reading, writing and honouring analysts' decisions.

Readers honour decisions through two things only: the fact index and the derived graph
leave rejected facts out (and take added ones in), which is what the canned queries and
rules read; and :func:`rejected_facts` / :func:`keep` filter what other readers take
from the document graphs (export, view, analyze, eval, explain).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..vocab import PROV, RDF, RDFS, TA, TAI, XSD
from .model import CURATION_GRAPH, VERDICTS, Decision

if TYPE_CHECKING:
    from ..store.base import Store

_C = f"<{CURATION_GRAPH}>"
_BY_VERDICT = {v: a for a, v in VERDICTS.items()}
_REIFIED = (RDF + "subject", RDF + "predicate", RDF + "object")
_DECISION = f"{TAI}decision/"


def rejection_pattern(s: str = "?s", p: str = "?p", o: str = "?o") -> str:
    """A SPARQL group pattern that matches when the fact ``s p o`` is rejected; use it
    as ``FILTER NOT EXISTS { ... }``."""
    return (f"GRAPH {_C} {{ ?kg_rejection <{TA}verdict> <{TA}Rejected> ; <{RDF}subject> {s} ; "
            f"<{RDF}predicate> {p} ; <{RDF}object> {o} }}")


def has_curation(store: Store) -> bool:
    return bool(store.query(f"ASK {{ GRAPH {_C} {{ ?d <{TA}verdict> ?v }} }}"))


def decisions(store: Store) -> list[Decision]:
    """Every decision in the store, oldest first."""
    if not has_curation(store):
        return []
    result = store.query(f"""
        SELECT ?v ?s ?p ?o ?by ?at ?note ?doc ?sentence ?start ?end WHERE {{ GRAPH {_C} {{
          ?d <{TA}verdict> ?v ; <{RDF}subject> ?s ; <{RDF}predicate> ?p ; <{RDF}object> ?o .
          OPTIONAL {{ ?d <{PROV}wasAttributedTo> ?who OPTIONAL {{ ?who <{RDFS}label> ?by }} }}
          OPTIONAL {{ ?d <{PROV}generatedAtTime> ?at }}
          OPTIONAL {{ ?d <{RDFS}comment> ?note }}
          OPTIONAL {{ ?d <{PROV}used> ?e . ?e <{PROV}wasDerivedFrom> ?doc ; <{TA}sentence> ?sentence ;
                      <{TA}charStart> ?start ; <{TA}charEnd> ?end }} }} }}""")
    from ..store.catalog import DOC_PREFIX

    out = []
    for (v, s, p, o, by, at, note, doc, sentence, start, end), kinds in zip(result.rows, result.kinds):
        datatype = None
        if kinds[3] not in ("iri", "bnode"):
            datatype = _datatype_of(store, s, p, o)
        out.append(Decision(_BY_VERDICT.get(v[len(TA):], "confirm"), s, p, o, datatype=datatype,
                            by=by or "analyst", at=at or "", note=note,
                            doc=doc[len(DOC_PREFIX):] if doc else None, sentence=sentence,
                            start=int(start) if start is not None else None,
                            end=int(end) if end is not None else None))
    return sorted(out, key=lambda d: (d.at, d.terms()))


def _datatype_of(store: Store, s: str, p: str, value: str) -> str:
    rows = store.query(f"""SELECT (DATATYPE(?o) AS ?t) WHERE {{ GRAPH {_C} {{ ?d <{RDF}subject> <{s}> ;
        <{RDF}predicate> <{p}> ; <{RDF}object> ?o FILTER (isLiteral(?o) && STR(?o) = {_string(value)}) }} }} LIMIT 1""").rows
    return rows[0][0] if rows and rows[0][0] else XSD + "string"


def _string(value: str) -> str:
    from pyoxigraph import Literal

    return str(Literal(value))


def rejected_facts(store: Store) -> dict[tuple[str, str, str], Decision]:
    """``(subject, predicate, object value)`` -> its rejection, for readers that filter rows."""
    return {d.fact: d for d in decisions(store) if d.action == "reject"}


def keep(rows: Iterable, rejected: dict, positions: tuple[int, int, int] = (0, 1, 2)) -> Iterator:
    """The rows (sequences holding s, p, o values at ``positions``) whose fact is not rejected."""
    i, j, k = positions
    for row in rows:
        if (row[i], row[j], row[k]) not in rejected:
            yield row


def filter_quads(quads: Iterable, rejected: dict) -> Iterator:
    """Quads (or triples) without the rejected facts and the evidence records of them
    (recognised by their rdf:subject/predicate/object); decision records stay, as the
    mark of what was rejected."""
    if not rejected:
        yield from quads
        return
    quads = list(quads)
    parts: dict = {}
    for q in quads:
        if q.predicate.value in _REIFIED and not q.subject.value.startswith(_DECISION):
            parts.setdefault((getattr(q, "graph_name", None), q.subject), {})[q.predicate.value] = q.object.value
    dropped = {key for key, p in parts.items() if tuple(p.get(r) for r in _REIFIED) in rejected}
    for q in quads:
        if (q.subject.value, q.predicate.value, q.object.value) in rejected:
            continue
        if (getattr(q, "graph_name", None), q.subject) in dropped:
            continue
        yield q


def record(store: Store, items: Iterable[Decision], *, refresh: bool = True) -> int:
    """Write decisions into the curation graph, each replacing the earlier decision on its
    fact (but a confirm leaves a fact added by hand as it is); then bring the fact index
    and the derived graph up to date. Returns how many were written."""
    from pyoxigraph import NamedNode, Quad

    items = list(items)
    added = {d.iri for d in decisions(store) if d.action == "add"} if any(d.action == "confirm" for d in items) else set()
    # a fact added by hand needs no confirming: confirming it must not take it away
    items = [d for d in items if not (d.action == "confirm" and d.iri in added)]
    if not items:
        return 0
    drops, quads, touched = [], [], set()
    for d in items:
        for node in (f"<{d.iri}>", f"<{d.iri}/evidence>"):
            pattern = f"GRAPH {_C} {{ {node} ?p ?o }}"
            drops.append(f"DELETE {{ {pattern} }} WHERE {{ {pattern} }}")
        obj = d.object_term()
        drops.append(f"DELETE DATA {{ GRAPH {_C} {{ <{d.subject}> <{d.predicate}> {obj} }} }}")
        quads += d.quads()
        touched.add(d.subject)
        if d.datatype is None:
            touched.add(d.object)
    store.update(" ;\n".join(drops))
    # curators' names and types are shared by their decisions: written once each
    store.add(list(dict.fromkeys(quads)))
    if refresh:
        refresh_readers(store, touched)
    return len(items)


def refresh_readers(store: Store, subjects: Iterable[str]) -> None:
    """Recompute what the fact index says about ``subjects`` and re-derive the rules."""
    from ..rules import apply_rules
    from ..store import factindex

    if not factindex.exists(store):
        factindex.rebuild(store)
    else:
        factindex.refresh(store, subjects)
    apply_rules(store)
