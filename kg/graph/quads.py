"""Turn one document's :class:`~kg.extract.records.Extraction` into RDF quads.

Two graphs receive them:

* the document's named graph ``tai:doc/{id}``: the document node (with its
  ``ta:contentHash``, written last, so a graph holding it is whole), ``ta:mentions``, the
  facts and one ``ta:Evidence`` record per fact (RDF reification + PROV-O), and the
  labels this article gives to things the gazetteer does not know (people, bodies,
  agreements, summits), so ``GRAPH <doc> {...}`` says what the article says;
* the shared entities graph :data:`~kg.vocab.ENTITIES_GRAPH`: each entity's ``rdf:type``
  (its IRI fixes its class) and, for gazetteer entries, label, aliases, ISO code,
  Wikidata id and containing country. These statements depend on the entity only, so
  every document writes the same ones and the store keeps them once; that keeps joins
  on types and labels from multiplying by the number of documents.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode, Quad

from ..extract.records import Extraction, Value
from ..vocab import DCTERMS, ENTITIES_GRAPH, PROV, RDF, RDFS, SCHEMA, SKOS, TA, TAI, XSD

_T = {name: NamedNode(TA + name) for name in (
    "Evidence", "Document", "mentions", "sentence", "charStart", "charEnd", "confidence",
    "extractorVersion", "published", "iso3", "wikidata", "locatedIn", "contentHash", "Country")}
TYPE, LABEL, ALT = NamedNode(RDF + "type"), NamedNode(RDFS + "label"), NamedNode(SKOS + "altLabel")
SUBJ, PRED, OBJ = NamedNode(RDF + "subject"), NamedNode(RDF + "predicate"), NamedNode(RDF + "object")
DERIVED = NamedNode(PROV + "wasDerivedFrom")
IN_SCHEME = NamedNode(SKOS + "inScheme")
DOMAIN_SCHEME = NamedNode(TAI + "domain-scheme")
ENTITIES = NamedNode(ENTITIES_GRAPH)
CONTENT_HASH = _T["contentHash"]
XSD_DATE, XSD_INT, XSD_DEC = NamedNode(XSD + "date"), NamedNode(XSD + "integer"), NamedNode(XSD + "decimal")
XSD_URI = NamedNode(XSD + "anyURI")
_NAMED = ("Organization", "Person", "Place")


@dataclass
class DocumentGraph:
    """What one document adds to the store: its own graph and shared entity statements."""

    iri: str
    quads: list[Quad] = field(default_factory=list)     # in the document's graph
    entities: list[Quad] = field(default_factory=list)  # in the entities graph

    def __len__(self) -> int:
        return len(self.quads) + len(self.entities)

    def __iter__(self):
        yield from self.quads
        yield from self.entities


def _obj(value):
    if isinstance(value, Value):
        return Literal(value.lexical, datatype=NamedNode(value.datatype))
    return NamedNode(value)


def _aliases(entry) -> set[str]:
    from ..resolve import country_names

    if entry.cls == "Country":
        return set(country_names().get(entry.iri, ()))
    if entry.cls in _NAMED:
        return set(entry.aliases)
    mixed = {a.casefold() for a in entry.aliases if not a.isupper()}
    return {a for a in entry.aliases if not (a.isupper() and a.casefold() in mixed)}


def _written(document, ev) -> tuple[int, int, str]:
    """Offsets and sentence of evidence ``ev`` in the document text as written."""
    as_written = getattr(document, "as_written", None)
    if as_written is None:
        return ev.start, ev.end, ev.sentence
    return as_written(ev.start, ev.end)


def document_quads(document, extraction: Extraction, *, gazetteer=None,
                   version: str = "kg 0.1.0") -> DocumentGraph:
    """The quads ``document`` contributes: its named graph and the entities graph."""
    g = NamedNode(document.iri)
    doc = g
    out = DocumentGraph(document.iri)
    add = lambda s, p, o: out.quads.append(Quad(s, p, o, g))  # noqa: E731
    shared: dict[Quad, None] = {}  # ordered set
    share = lambda s, p, o: shared.setdefault(Quad(s, p, o, ENTITIES))  # noqa: E731

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
    add(doc, _T["extractorVersion"], Literal(version))

    for ent in extraction.entities.values():
        node = NamedNode(ent.iri)
        share(node, TYPE, NamedNode(TA + ent.cls))
        if ent.mentioned:  # named in the text; not a state only implied (a grouping's member, an official's country)
            add(doc, _T["mentions"], node)
        entry = gazetteer.entries.get(ent.iri) if gazetteer is not None else None
        if entry is None:  # the article's own naming: its graph
            add(node, LABEL, Literal(ent.label))
            for alt in sorted(ent.alt_labels):
                if alt and alt != ent.label:
                    add(node, ALT, Literal(alt))
            continue
        share(node, LABEL, Literal(entry.label))
        # the gazetteer's other names, searchable as skos:altLabel: for a country its
        # names ("U.S.", "USA", "America"; not its capitals or demonyms), for a domain its
        # synonyms; all-caps copies of a name are matching patterns, not names
        aliases = _aliases(entry) if entry.cls == ent.cls else set()
        for alt in sorted(aliases - {entry.label}):
            if alt:
                share(node, ALT, Literal(alt))
        for alt in sorted(ent.alt_labels - aliases - {entry.label}):
            if alt:  # a spelling of this article's (case or hyphen variant)
                add(node, ALT, Literal(alt))
        if ent.cls == "Country":
            share(node, _T["iso3"], Literal(entry.country))
        if ent.cls == "TechnologyDomain":
            share(node, IN_SCHEME, DOMAIN_SCHEME)
        if entry.qid:
            share(node, _T["wikidata"], NamedNode(f"http://www.wikidata.org/entity/{entry.qid}"))
        if ent.cls == "Place" and entry.cls == "Place" and entry.country:
            country = NamedNode(f"{TAI}country/{entry.country}")
            share(node, _T["locatedIn"], country)
            share(country, TYPE, _T["Country"])
            home = gazetteer.entries.get(country.value)
            if home is not None:
                share(country, LABEL, Literal(home.label))

    seen = set()
    for fact in extraction.facts:
        s, p, o = NamedNode(fact.subject), NamedNode(TA + fact.predicate), _obj(fact.object)
        key = (fact.subject, fact.predicate, str(o))
        if key in seen:
            continue
        seen.add(key)
        add(s, p, o)
        ev = fact.evidence
        # offsets and sentence in the document as written (extraction read the cleaned text)
        start, end, sentence = _written(document, ev)
        digest = hashlib.sha1(f"{document.id}|{key}|{start}".encode()).hexdigest()[:16]
        e = NamedNode(f"{TAI}evidence/{digest}")
        add(e, TYPE, _T["Evidence"])
        add(e, SUBJ, s)
        add(e, PRED, p)
        add(e, OBJ, o)
        add(e, _T["sentence"], Literal(sentence))
        add(e, _T["charStart"], Literal(str(start), datatype=XSD_INT))
        add(e, _T["charEnd"], Literal(str(end), datatype=XSD_INT))
        add(e, _T["confidence"], Literal(f"{ev.confidence:.2f}", datatype=XSD_DEC))
        add(e, _T["extractorVersion"], Literal(version))
        add(e, DERIVED, doc)
    # last: the mark of a whole graph
    add(doc, CONTENT_HASH, Literal(document.content_hash or hashlib.sha256(document.text.encode()).hexdigest()))
    out.entities = list(shared)
    return out
