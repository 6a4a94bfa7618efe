"""The facts most in need of a look: lowest confidence first, then fewest independent
sources (copies of one wire story, ``ta:sameStoryAs``, count once)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..vocab import FACTS_GRAPH, RDF, RDFS, TA, compact
from .curation import decisions

if TYPE_CHECKING:
    from ..store.base import Store

#: --kind -> the class of the facts' subject
KINDS = {"agreement": "Agreement", "summit": "Summit", "export-control": "ExportControl"}


@dataclass
class QueueItem:
    subject: str
    predicate: str
    object: str
    confidence: float | None
    sources: int
    evidence: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)

    def terms(self) -> str:
        return f"{self.labels.get(self.subject, compact(self.subject))} {compact(self.predicate)} " \
               f"{self.labels.get(self.object, compact(self.object))}"

    def to_dict(self) -> dict:
        return {"subject": self.subject, "predicate": self.predicate, "object": self.object,
                "confidence": self.confidence, "sources": self.sources, "evidence": self.evidence,
                "text": self.terms()}


def queue(store: Store, *, kind: str | None = None, limit: int | None = 20) -> list[QueueItem]:
    """Undecided facts about agreements, summits and export controls (or one ``kind``),
    least sure first: by highest evidence confidence, then independent sources."""
    classes = [KINDS[kind]] if kind else list(KINDS.values())
    values = " ".join(f"<{TA}{c}>" for c in classes)
    result = store.query(f"""
        SELECT ?s ?p ?o ?e ?g ?conf WHERE {{
          {{ SELECT DISTINCT ?s WHERE {{ VALUES ?t {{ {values} }} ?s a ?t }} }}
          GRAPH <{FACTS_GRAPH}> {{ ?s ?p ?o }}
          OPTIONAL {{ GRAPH ?g {{ ?e a <{TA}Evidence> ; <{RDF}subject> ?s ; <{RDF}predicate> ?p ; <{RDF}object> ?o
                                  OPTIONAL {{ ?e <{TA}confidence> ?conf }} }} }}
          FILTER (?p != <{RDF}type> && ?p != <{RDFS}label>) }}""")
    decided = {d.fact for d in decisions(store)}
    facts: dict[tuple, dict] = defaultdict(lambda: {"conf": None, "docs": set(), "evidence": []})
    for s, p, o, e, g, conf in result.rows:
        if (s, p, o) in decided:
            continue
        f = facts[(s, p, o)]
        if g:
            f["docs"].add(g)
        if e and e not in f["evidence"]:
            f["evidence"].append(e)
        if conf is not None:
            f["conf"] = max(f["conf"] or 0.0, float(conf))
    root = _stories(store)
    items = [QueueItem(s, p, o, f["conf"], len({root.get(d, d) for d in f["docs"]}),
                       sorted(compact(e) for e in f["evidence"]))
             for (s, p, o), f in facts.items()]
    items.sort(key=lambda i: (i.confidence if i.confidence is not None else 0.0, i.sources, i.subject, i.predicate, i.object))
    items = items[:limit] if limit else items
    _label(store, items)
    return items


def _stories(store: Store) -> dict[str, str]:
    """Document -> the first document of its story (copies joined through ta:sameStoryAs)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for a, b in store.query(f"SELECT DISTINCT ?a ?b WHERE {{ ?a <{TA}sameStoryAs> ?b }}").rows:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in parent}


def _label(store: Store, items: list[QueueItem]) -> None:
    nodes = sorted({n for i in items for n in (i.subject, i.object) if n.startswith("http")})
    if not nodes:
        return
    values = " ".join(f"<{n}>" for n in nodes)
    labels: dict[str, str] = {}
    for n, label in store.query(f"SELECT DISTINCT ?n ?l WHERE {{ VALUES ?n {{ {values} }} ?n <{RDFS}label> ?l }}").rows:
        if n not in labels or label < labels[n]:
            labels[n] = label
    for i in items:
        i.labels = labels
