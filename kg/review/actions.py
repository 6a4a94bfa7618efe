"""What the ``kg review`` commands do: find the fact a user names, decide on it, add a
missed one, list, export and import decisions."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..resolve import SAFE_IRI
from ..store.catalog import DOC_PREFIX, document_graph
from ..vocab import RDF, TA, TAI, compact
from . import resolve
from .curation import decisions, record
from .model import CURATION_GRAPH, Decision, ReviewError, now

if TYPE_CHECKING:
    from ..store.base import Store

_EVIDENCE = f"{TAI}evidence/"


def evidence_fact(store: Store, ref: str) -> tuple[str, str, str, str | None]:
    """The fact behind an evidence id as ``kg explain`` prints it (``evidence/3f2a…``,
    ``tai:evidence/3f2a…``, the bare hex digits or the full IRI)."""
    ref = ref.strip()
    iri = ref if ref.startswith(_EVIDENCE) else _EVIDENCE + re.sub(r"^(tai:)?evidence/", "", ref)
    if not SAFE_IRI.match(iri):
        raise ReviewError(f"{ref!r} is not an evidence id")
    result = store.query(f"SELECT ?s ?p ?o (DATATYPE(?o) AS ?t) WHERE {{ <{iri}> <{RDF}subject> ?s ; "
                         f"<{RDF}predicate> ?p ; <{RDF}object> ?o }} LIMIT 1")
    if not result.rows:
        raise ReviewError(f"no evidence record {compact(iri)} in the store; `kg explain ENTITY` lists them")
    s, p, o, t = result.rows[0]
    return s, p, o, t if result.kinds[0][2] not in ("iri", "bnode") else None


def stored_fact(store: Store, subject: str, predicate: str, obj: str) -> tuple[str, str, str, str | None]:
    """The fact ``subject predicate obj`` as a document (or an earlier ``add``) states it."""
    known = resolve.names(store)
    s, p = resolve.entity(store, subject, known), resolve.predicate(predicate)
    result = store.query(f"""SELECT DISTINCT ?o (DATATYPE(?o) AS ?t) WHERE {{ GRAPH ?g {{ <{s}> <{p}> ?o }}
        FILTER (STRSTARTS(STR(?g), "{DOC_PREFIX}") || ?g = <{CURATION_GRAPH}>) }}""")
    found = {(o, t if k[0] not in ("iri", "bnode") else None) for (o, t), k in zip(result.rows, result.kinds)}
    for o, t in found:
        if t is not None and o == obj.strip():
            return s, p, o, t
    if found:
        want, _ = resolve.value(store, p, obj, known)
        for o, t in found:
            if t is None and o == want:
                return s, p, o, None
    stated = ", ".join(sorted(compact(o) if t is None else repr(o) for o, t in found)) or "nothing"
    raise ReviewError(f"the store has no fact {compact(s)} {compact(p)} {obj!r}; "
                      f"for {compact(p)} it states {stated}")


def decide(store: Store, action: str, fact: tuple[str, str, str, str | None], *,
           by: str, note: str | None = None) -> Decision:
    """Reject or confirm a stored fact."""
    s, p, o, t = fact
    decision = Decision(action, s, p, o, datatype=t, by=by, at=now(), note=note)
    if not record(store, [decision]):  # confirming a fact added by hand: it stays added
        return next(d for d in decisions(store) if d.iri == decision.iri)
    return decision


def add(store: Store, subject: str, predicate: str, obj: str, *, doc: str, sentence: str,
        by: str, note: str | None = None, source: str | Path | None = None) -> Decision:
    """Add a fact the extractor missed, with the sentence of ``doc`` that states it."""
    known = resolve.names(store)
    s, p = resolve.entity(store, subject, known), resolve.predicate(predicate)
    o, t = resolve.value(store, p, obj, known)
    graph = document_graph(doc)
    if graph not in set(store.graphs()):
        raise ReviewError(f"no document {doc!r} in the store")
    doc_id = graph[len(DOC_PREFIX):]
    start, end, found = _locate(store, graph, doc_id, sentence, source)
    decision = Decision("add", s, p, o, datatype=t, by=by, at=now(), note=note, doc=doc_id,
                        sentence=found, start=start, end=end)
    record(store, [decision])
    return decision


def _locate(store: Store, graph: str, doc_id: str, sentence: str, source) -> tuple[int, int, str]:
    """Offsets of ``sentence`` in the document text: read from ``source`` (the document's
    file or folder) when given, else from the sentences the store already has for it."""
    sentence = sentence.strip()
    if not sentence:
        raise ReviewError("--sentence is empty")
    pattern = re.compile(r"\s+".join(map(re.escape, sentence.split())))
    if source is not None:
        from ..documents import read_documents

        errors: list = []
        texts = [d.text for d in read_documents([source], on_error=errors.append) if d.id == doc_id]
        if not texts:
            raise ReviewError(f"{source} holds no document with id {doc_id!r}")
        m = pattern.search(texts[0])
        if m is None:
            raise ReviewError(f"the sentence does not occur in the text of document {doc_id!r}")
        return m.start(), m.end(), m.group()
    rows = store.query(f"""SELECT DISTINCT ?text ?start WHERE {{ GRAPH <{graph}> {{
        ?e <{TA}sentence> ?text ; <{TA}charStart> ?start }} }}""").rows
    for text, start in sorted(rows, key=lambda r: int(r[1])):
        m = pattern.search(text)
        if m is not None:
            return int(start) + m.start(), int(start) + m.end(), m.group()
    raise ReviewError(f"the sentence is not among the sentences kg keeps for document {doc_id!r}; "
                      "give the document's file with --source PATH so its text can be searched")


def export_decisions(store: Store, path: str | Path) -> int:
    """Write every decision to ``path`` as JSON Lines; returns how many."""
    items = decisions(store)
    try:
        with open(path, "w", encoding="utf-8") as out:
            out.writelines(d.to_json() + "\n" for d in items)
    except OSError as e:
        raise ReviewError(f"cannot write {path}: {e.strerror or e}") from e
    return len(items)


def read_decisions(path: str | Path) -> list[Decision]:
    """The decisions of a JSON Lines file (blank lines skipped); errors name the line."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ReviewError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ReviewError(f"{path}: cannot read ({e})") from e
    out = []
    for n, line in enumerate(lines, 1):
        if line.strip():
            try:
                out.append(Decision.from_json(line))
            except (ValueError, TypeError, ReviewError) as e:
                raise ReviewError(f"{path}:{n}: not a decision: {e}") from None
    return out


def import_decisions(store: Store, path: str | Path) -> tuple[int, int]:
    """Add the decisions of ``path``; one the store (or the file) has a newer decision for
    is skipped, as is a confirm of a fact added by hand. Returns ``(imported, skipped)``."""
    stamp = now()
    items = [d if d.at else replace(d, at=stamp) for d in read_decisions(path)]
    current = {d.iri: d for d in decisions(store)}
    latest: dict[str, Decision] = {}
    for d in items:  # the file's own latest per fact
        if d.iri not in latest or d.at >= latest[d.iri].at:
            latest[d.iri] = d
    fresh = [d for d in latest.values() if d.iri not in current or d.at >= current[d.iri].at]
    n = record(store, fresh)
    return n, len(items) - n
