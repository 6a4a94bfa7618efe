"""How readers outside SPARQL honour decisions: one call each, so they stay small.

The fact index and the derived graph already leave rejected facts out (kg.store.factindex,
queries/rules); these helpers serve readers that take facts from the document graphs.
"""
from __future__ import annotations

import io
from typing import TYPE_CHECKING

from ..vocab import PREFIXES, compact, doc_iri
from .curation import decisions, filter_quads
from .model import CURATION_GRAPH

if TYPE_CHECKING:
    from ..store.base import Store


def annotate_explanation(store: Store, expl) -> None:
    """Mark the facts of a :class:`kg.explain.Explanation` that analysts decided on
    ("rejected by ana on 2026-12-02: note"); an added fact's evidence names its document."""
    found = {d.fact: d for d in decisions(store)}
    if not found:
        return
    for f in expl.facts:
        key = (expl.iri, f.relation, f.node) if f.direction == "out" else (f.node, f.relation, expl.iri)
        d = found.get(key)
        if d is None:
            continue
        f.review = d.describe()
        if d.action == "add" and d.doc:
            f.documents = [doc_iri(d.doc) if g == CURATION_GRAPH else g for g in f.documents]
            for s in f.sources:
                if s.document == CURATION_GRAPH:
                    s.document = doc_iri(d.doc)


def network_facts(store: Store, facts: dict, rejected: dict) -> dict:
    """The facts of :func:`kg.network.to_networkx` (``(s, p, o, o_is_iri) -> documents``)
    without the ``rejected`` ones and with those added by hand (under their document)."""
    out = {k: v for k, v in facts.items() if (k[0], k[1], k[2]) not in rejected}
    for d in decisions(store):
        if d.action == "add":
            out.setdefault((d.subject, d.predicate, d.object, d.datatype is None), set()).add(d.doc)
    return out


def rejected_edge(rejected: dict, s: str, p: str, o: str) -> dict:
    """Edge attributes marking a rejected fact (when an export includes them), else ``{}``."""
    d = rejected.get((s, p, o))
    return {"rejected": True, "review": d.describe()} if d is not None else {}


def dump(store: Store, fmt: str, out, *, include_rejected: bool = False) -> None:
    """``store.dump`` without the rejected facts and their evidence records (unless
    ``include_rejected``: then everything, the curation graph marking what is rejected)."""
    from .curation import rejected_facts

    rejected = {} if include_rejected else rejected_facts(store)
    if not rejected:
        store.dump(out, fmt)
        return
    from pyoxigraph import RdfFormat, serialize

    rdf_format = RdfFormat.N_QUADS if fmt == "nquads" else RdfFormat.TRIG
    data = serialize(filter_quads(store.quads(), rejected), format=rdf_format,
                     **({"prefixes": PREFIXES} if fmt == "trig" else {})) or b""
    if isinstance(out, (str, bytes)) or hasattr(out, "__fspath__"):
        with open(out, "wb") as fh:
            fh.write(data)
    else:
        out.write(data)


def nquads(store: Store, *, include_rejected: bool = False) -> bytes:
    """Every quad as N-Quads bytes (rejected facts left out unless asked)."""
    buffer = io.BytesIO()
    dump(store, "nquads", buffer, include_rejected=include_rejected)
    return buffer.getvalue()
