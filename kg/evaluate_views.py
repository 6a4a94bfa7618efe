"""What the store asserts per document, as the normalised fact tuples gold files are scored on.

The reading follows ``eval/GUIDELINES.md``: agreements are keyed by the set of their
parties, summits by the countries (and bodies) taking part, persons counting through the
country they represent, export controls per imposing country. Facts come from each
document's named graph (``tai:doc/{id}``); types, labels and ``ta:represents`` may sit in
any graph, so they are read from the union.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from typing import TYPE_CHECKING

from kg.vocab import PREFIXES, TA, TAI, doc_iri

if TYPE_CHECKING:
    from kg.store.base import Store

#: Entity classes the ``entity`` view scores (mentions of the document).
ENTITY_CLASSES = ("Country", "Person", "Organization", "Place", "TechnologyDomain")
_GROUPED = ("Agreement", "Summit", "ExportControl")
_HEADER = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
_AGREEMENT_PROPS = (("covers", "agreement_covers"), ("signatory", "agreement_signatory"),
                    ("location", "agreement_location"), ("date", "agreement_date"),
                    ("status", "agreement_status"), ("duringEvent", "agreement_event"))
_SUMMIT_PROPS = (("participant", "summit_participant"), ("location", "summit_location"),
                 ("date", "summit_date"), ("status", "summit_status"))
_FACT_PROPS = ("mentions", "party", "covers", "signatory", "location", "date", "status",
               "duringEvent", "participant", "imposedBy", "targets", "represents", "memberOf")

Term = tuple[str, bool]  # value, is a literal


def normalize(text: str) -> str:
    """Fold a name for comparison: no accents, lowercase, punctuation as single spaces.

    >>> normalize("Lee Jae-myung"), normalize("  Ministry of   Trade ")
    ('lee jae myung', 'ministry of trade')
    """
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def set_key(parts) -> str:
    """The key of a set of parties: normalised names, sorted, joined by ``+``.

    >>> set_key(["USA", "KOR", "usa"])
    'kor+usa'
    """
    return "+".join(sorted({normalize(p) for p in parts})) or "?"


class StoreFacts:
    """Reads a store once (types, labels, who represents whom) and yields per-document facts."""

    def __init__(self, store: Store, *, curation: bool = True):
        from kg.review import decisions

        self.store = store
        # analysts' decisions (kg review): rejected facts do not count, added ones do
        found = decisions(store) if curation else []
        self.rejected = {d.fact for d in found if d.action == "reject"}
        self.added = [d for d in found if d.action == "add"]
        self.types: dict[str, set[str]] = defaultdict(set)
        self.labels: dict[str, set[str]] = defaultdict(set)
        self.represents: dict[str, set[str]] = defaultdict(set)
        classes = " ".join(f"ta:{c}" for c in ENTITY_CLASSES + _GROUPED)
        for node, cls in self._select(f"SELECT DISTINCT ?n ?t WHERE {{ VALUES ?t {{ {classes} }} ?n a ?t }}").rows:
            self.types[node].add(cls[len(TA):])
        labels = self._select("SELECT DISTINCT ?n ?l WHERE { "
                              "VALUES ?p { rdfs:label skos:altLabel skos:prefLabel } ?n ?p ?l }")
        for node, label in labels.rows:
            if label is not None:
                self.labels[node].add(normalize(label))
        for person, country in self._select("SELECT DISTINCT ?s ?o WHERE { ?s ta:represents ?o }").rows:
            self.represents[person].add(country)

    def _select(self, body: str):
        return self.store.query(_HEADER + body)

    def document_ids(self) -> set[str]:
        """Ids of the documents that have a named graph in the store."""
        prefix = doc_iri("")
        return {g[len(prefix):] for g in self.store.graphs() if g.startswith(prefix)}

    def is_a(self, node: Term, cls: str) -> bool:
        return not node[1] and cls in self.types.get(node[0], ())

    def key(self, node: Term, alias: set[str]) -> str:
        """The comparison key of a node: ISO3 or domain slug, a gold name it is known by,
        else its smallest label; a literal is its lexical value."""
        value, is_literal = node
        if is_literal:
            return value.strip()
        for prefix in (TAI + "country/", TAI + "domain/", TA):
            if value.startswith(prefix):
                return normalize(value[len(prefix):])
        labels = self.labels.get(value, set())
        for label in sorted(labels):
            if label in alias:
                return label
        return min(labels, default=normalize(value.rsplit("/", 1)[-1]))

    def document_facts(self, doc_id: str, alias: set[str]) -> set[tuple]:
        """Every fact the graph of ``doc_id`` asserts, keyed as gold facts are.

        ``alias`` holds the (normalised) names the gold file uses: a node with several
        labels is keyed by the one the gold file knows.
        """
        doc = doc_iri(doc_id)
        values = " ".join(f"ta:{p}" for p in _FACT_PROPS)
        result = self._select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{doc}> {{ ?s ?p ?o }} VALUES ?p {{ {values} }} }}")
        edges: dict[tuple[str, str], list[Term]] = defaultdict(list)
        for (s, p, o), kinds in zip(result.rows, result.kinds):
            if (s, p, o) not in self.rejected:
                edges[(s, p[len(TA):])].append((o, kinds[2] not in ("iri", "bnode")))
        for d in (d for d in self.added if d.doc == doc_id and d.predicate.startswith(TA)):
            here = edges[(d.subject, d.predicate[len(TA):])]
            if (d.object, d.datatype is not None) not in here:
                here.append((d.object, d.datatype is not None))
        grouped = self._select(f"SELECT DISTINCT ?s WHERE {{ GRAPH <{doc}> {{ ?s ?p ?o }} "
                               f"FILTER EXISTS {{ VALUES ?t {{ {' '.join(f'ta:{c}' for c in _GROUPED)} }} ?s a ?t }} }}")
        grouped.rows += [[d.subject] for d in self.added
                         if d.doc == doc_id and [d.subject] not in grouped.rows]
        objects = lambda s, prop: edges.get((s, prop), [])  # noqa: E731
        key = lambda node: self.key(node, alias)  # noqa: E731
        facts: set[tuple] = set()
        for entity in objects(doc, "mentions"):
            facts.update(("entity:" + cls, key(entity)) for cls in ENTITY_CLASSES if self.is_a(entity, cls))
        for (s,) in grouped.rows:
            node = (s, False)
            if self.is_a(node, "Agreement"):
                k = set_key(key(o) for o in objects(s, "party"))
                facts.add(("agreement", k))
                for prop, view in _AGREEMENT_PROPS:
                    for o in objects(s, prop):
                        value = self._summit_key(o[0], objects, key) if view == "agreement_event" else key(o)
                        facts.add((view, k, value))
            if self.is_a(node, "Summit"):
                k = self._summit_key(s, objects, key)
                facts.add(("summit", k))
                for prop, view in _SUMMIT_PROPS:
                    for o in objects(s, prop):
                        if view == "summit_participant" and not self.is_a(o, "Person"):
                            continue  # countries and bodies that take part are in the summit's key
                        facts.add((view, k, key(o)))
            if self.is_a(node, "ExportControl"):
                for who in [key(o) for o in objects(s, "imposedBy")] or ["?"]:
                    facts.add(("export_control", who))
                    facts.update(("export_control_covers", who, key(d)) for d in objects(s, "covers"))
                    facts.update(("export_control_target", who, key(t)) for t in objects(s, "targets"))
        for (s, prop), found in edges.items():
            view = {"represents": "represents", "memberOf": "member_of"}.get(prop)
            if view:
                facts.update((view, key((s, False)), key(o)) for o in found)
        return facts

    def _summit_key(self, summit: str, objects, key) -> str:
        """Countries and bodies taking part (persons through whom they represent), else
        ``at PLACE``, else ``label NAME``."""
        countries = set()
        for who in objects(summit, "participant"):
            if self.is_a(who, "Country") or self.is_a(who, "Organization"):
                countries.add(key(who))
            if not who[1]:
                countries.update(key((c, False)) for c in self.represents.get(who[0], ()))
        if countries:
            return set_key(countries)
        places = sorted(key(place) for place in objects(summit, "location"))
        if places:
            return "at " + places[0]
        return "label " + min(self.labels.get(summit, {"?"}))


__all__ = ["ENTITY_CLASSES", "StoreFacts", "normalize", "set_key"]
