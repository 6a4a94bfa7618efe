"""Turn one document's :class:`~kg.extract.records.Extraction` into RDF quads.

Everything a document supports goes into its named graph ``tai:doc/{id}``: the document
node, ``ta:mentions``, each entity's type and label, the facts, and one ``ta:Evidence``
record per fact (RDF reification + PROV-O), so ``GRAPH <doc> {...}`` is self-contained.
"""
from __future__ import annotations

import hashlib

from pyoxigraph import Literal, NamedNode, Quad

from ..extract.records import Extraction, Value
from ..vocab import DCTERMS, PROV, RDF, RDFS, SCHEMA, SKOS, TA, TAI, XSD

_T = {name: NamedNode(ns + name) for ns, names in (
    (TA, ("Evidence", "Document", "mentions", "sentence", "charStart", "charEnd", "confidence",
          "extractorVersion", "published", "iso3", "wikidata", "locatedIn")),
) for name in names}
TYPE, LABEL, ALT = NamedNode(RDF + "type"), NamedNode(RDFS + "label"), NamedNode(SKOS + "altLabel")
SUBJ, PRED, OBJ = NamedNode(RDF + "subject"), NamedNode(RDF + "predicate"), NamedNode(RDF + "object")
DERIVED = NamedNode(PROV + "wasDerivedFrom")
IN_SCHEME = NamedNode(SKOS + "inScheme")
DOMAIN_SCHEME = NamedNode(TAI + "domain-scheme")
XSD_DATE, XSD_INT, XSD_DEC = NamedNode(XSD + "date"), NamedNode(XSD + "integer"), NamedNode(XSD + "decimal")
XSD_URI = NamedNode(XSD + "anyURI")


def _obj(value):
    if isinstance(value, Value):
        return Literal(value.lexical, datatype=NamedNode(value.datatype))
    return NamedNode(value)


def document_quads(document, extraction: Extraction, *, gazetteer=None, version: str = "kg 0.1.0") -> list[Quad]:
    """All quads for ``document``'s named graph."""
    g = NamedNode(document.iri)
    doc = g
    quads: list[Quad] = []
    add = lambda s, p, o: quads.append(Quad(s, p, o, g))  # noqa: E731

    add(doc, TYPE, _T["Document"])
    if document.title:
        add(doc, NamedNode(DCTERMS + "title"), Literal(document.title))
        add(doc, LABEL, Literal(document.title))
    else:
        add(doc, LABEL, Literal(document.id))
    if document.published:
        add(doc, _T["published"], Literal(document.published.isoformat(), datatype=XSD_DATE))
    if document.url:
        add(doc, NamedNode(SCHEMA + "url"), Literal(document.url, datatype=XSD_URI))
    if document.source:
        add(doc, NamedNode(DCTERMS + "source"), Literal(document.source))
    add(doc, NamedNode(DCTERMS + "identifier"), Literal(document.id))

    for ent in extraction.entities.values():
        node = NamedNode(ent.iri)
        add(node, TYPE, NamedNode(TA + ent.cls))
        add(node, LABEL, Literal(ent.label))
        for alt in sorted(ent.alt_labels):
            if alt and alt != ent.label:
                add(node, ALT, Literal(alt))
        add(doc, _T["mentions"], node)
        entry = gazetteer.entries.get(ent.iri) if gazetteer is not None else None
        if ent.cls == "Country" and entry is not None:
            add(node, _T["iso3"], Literal(entry.country))
        if ent.cls == "TechnologyDomain":
            add(node, IN_SCHEME, DOMAIN_SCHEME)
        if entry is not None and entry.qid:
            add(node, _T["wikidata"], NamedNode(f"http://www.wikidata.org/entity/{entry.qid}"))
        if ent.cls == "Place" and entry is not None and entry.country and entry.cls == "Place":
            country = f"{TAI}country/{entry.country}"
            if country in extraction.entities:
                add(node, _T["locatedIn"], NamedNode(country))

    seen = set()
    for fact in extraction.facts:
        s, p, o = NamedNode(fact.subject), NamedNode(TA + fact.predicate), _obj(fact.object)
        key = (fact.subject, fact.predicate, str(o))
        if key in seen:
            continue
        seen.add(key)
        add(s, p, o)
        ev = fact.evidence
        digest = hashlib.sha1(f"{document.id}|{key}|{ev.start}".encode()).hexdigest()[:16]
        e = NamedNode(f"{TAI}evidence/{digest}")
        add(e, TYPE, _T["Evidence"])
        add(e, SUBJ, s)
        add(e, PRED, p)
        add(e, OBJ, o)
        add(e, _T["sentence"], Literal(ev.sentence))
        add(e, _T["charStart"], Literal(str(ev.start), datatype=XSD_INT))
        add(e, _T["charEnd"], Literal(str(ev.end), datatype=XSD_INT))
        add(e, _T["confidence"], Literal(f"{ev.confidence:.2f}", datatype=XSD_DEC))
        add(e, _T["extractorVersion"], Literal(version))
        add(e, DERIVED, doc)
    return quads
