"""A synthetic knowledge graph in the contract's layout (CONTRACT.md section 3), any size.

One named graph ``tai:doc/synthetic-N`` per synthetic document, holding what kg's
``document_quads`` writes for a news story: the ``ta:Document`` node, ``ta:mentions`` of
each entity, the labels of things the gazetteer does not know, the facts, and one
``ta:Evidence`` record (10 triples) per fact; plus, as kg writes them, each entity's type
and the gazetteer's labels and codes once, in the shared entities graph. Countries and technology domains are the gazetteer's, so the canned
queries' fixed IRIs (``country/USA``, ``country/KOR``, ``domain/artificial-intelligence``)
occur. An agreement is reported by several documents (same IRI, parties and domains in
each), as the contract requires. About 100 quads per document.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterator

from kg.vocab import DCTERMS, ENTITIES_GRAPH, PROV, RDF, RDFS, SKOS, TA, TAI, XSD

DOCS_PER_AGREEMENT = 3
MAJOR = ("USA", "KOR", "JPN", "CHN", "DEU", "FRA", "GBR", "IND", "NLD", "TWN", "CAN", "AUS")


class _Terms:
    def __init__(self):
        import pyoxigraph as ox

        self.ox = ox
        n = ox.NamedNode
        self.type, self.label = n(RDF + "type"), n(RDFS + "label")
        self.subj, self.pred, self.obj = n(RDF + "subject"), n(RDF + "predicate"), n(RDF + "object")
        self.title, self.ident = n(DCTERMS + "title"), n(DCTERMS + "identifier")
        self.derived, self.in_scheme = n(PROV + "wasDerivedFrom"), n(SKOS + "inScheme")
        self.scheme = n(TAI + "domain-scheme")
        self.date_t, self.int_t, self.dec_t = n(XSD + "date"), n(XSD + "integer"), n(XSD + "decimal")
        self.ta = {name: n(TA + name) for name in (
            "Document", "Country", "TechnologyDomain", "Agreement", "ExportControl", "Person",
            "Evidence", "mentions", "published", "iso3", "party", "covers", "date", "status",
            "imposedBy", "targets", "signatory", "represents", "sentence", "charStart", "charEnd",
            "confidence", "extractorVersion", "contentHash", "Planned", "Completed", "Cancelled")}
        self.entities = n(ENTITIES_GRAPH)
        self.version = ox.Literal("kg-bench synthetic")


def _entities():
    """(IRI, label, ISO3) of today's countries, the major ones first; (IRI, label) of domains."""
    from kg.nlp.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    countries = [(e.iri, e.label, e.country) for e in gaz.entries.values()
                 if e.cls == "Country" and e.valid_to is None]
    countries.sort(key=lambda c: (c[2] not in MAJOR, MAJOR.index(c[2]) if c[2] in MAJOR else 0, c[2]))
    domains = [(e.iri, e.label) for e in gaz.entries.values() if e.cls == "TechnologyDomain"]
    domains.sort()
    ai = [d for d in domains if d[0].endswith("/artificial-intelligence")]
    return countries, ai + [d for d in domains if d not in ai]


def synthetic_quads(target: int, *, seed: int = 7) -> Iterator:
    """Yield about ``target`` quads (whole documents; stops at the first past ``target``)."""
    t = _Terms()
    ox = t.ox
    countries, domains = _entities()
    rng = random.Random(seed)
    n_agreements = max(20, target // (100 * DOCS_PER_AGREEMENT))
    # The major countries and the first domains come up more often, as in the news.
    c_weights = [8.0 if c[2] in MAJOR else 1.0 for c in countries]
    d_weights = [4.0 if i < 5 else 1.0 for i in range(len(domains))]
    emitted = 0
    i = 0
    shared: set = set()  # entity statements already yielded (a store keeps them once)
    while emitted < target:
        quads = _document(i, t, ox, rng, countries, domains, c_weights, d_weights, n_agreements)
        quads = [q for q in quads if q.graph_name != t.entities or q not in shared]
        shared.update(q for q in quads if q.graph_name == t.entities)
        emitted += len(quads)
        i += 1
        yield from quads


def _document(i, t, ox, rng, countries, domains, c_weights, d_weights, n_agreements) -> list:
    g = ox.NamedNode(f"{TAI}doc/synthetic-{i}")
    quads: list = []
    add = lambda s, p, o: quads.append(ox.Quad(s, p, o, g))  # noqa: E731
    published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(11 * 365))
    title = f"Synthetic story {i}"
    add(g, t.type, t.ta["Document"])
    add(g, t.title, ox.Literal(title))
    add(g, t.label, ox.Literal(title))
    add(g, t.ta["published"], ox.Literal(published.isoformat(), datatype=t.date_t))
    add(g, t.ident, ox.Literal(f"synthetic-{i}"))

    # The agreement this story reports: its parties and domains follow from its number.
    k = rng.randrange(n_agreements)
    arng = random.Random(k)
    parties = _pick(arng, countries, c_weights, arng.choice((2, 2, 2, 3)))
    covers = _pick(arng, domains, d_weights, arng.choice((1, 1, 2)))
    agreement = ox.NamedNode(f"{TAI}agreement/synthetic-{k}")
    mentioned = {}

    def share(s, p, o):
        quads.append(ox.Quad(s, p, o, t.entities))

    def mention(iri, cls, label, extra=()):
        node = ox.NamedNode(iri)
        if iri not in mentioned:
            mentioned[iri] = node
            share(node, t.type, t.ta[cls])
            if cls in ("Country", "TechnologyDomain"):  # gazetteer entries: shared
                share(node, t.label, ox.Literal(label))
            else:  # the article's own naming: its graph
                add(node, t.label, ox.Literal(label))
            add(g, t.ta["mentions"], node)
            for p, o in extra:
                share(node, p, o)
        return node

    def fact(s, p, o, sentence):
        add(s, p, o)
        digest = hashlib.sha1(f"{i}|{s}|{p}|{o}".encode()).hexdigest()[:16]
        e = ox.NamedNode(f"{TAI}evidence/{digest}")
        start = rng.randrange(2000)
        add(e, t.type, t.ta["Evidence"])
        add(e, t.subj, s)
        add(e, t.pred, p)
        add(e, t.obj, o)
        add(e, t.ta["sentence"], ox.Literal(sentence))
        add(e, t.ta["charStart"], ox.Literal(str(start), datatype=t.int_t))
        add(e, t.ta["charEnd"], ox.Literal(str(start + len(sentence)), datatype=t.int_t))
        add(e, t.ta["confidence"], ox.Literal(f"{rng.choice((0.65, 0.7, 0.8, 0.9)):.2f}", datatype=t.dec_t))
        add(e, t.ta["extractorVersion"], t.version)
        add(e, t.derived, g)

    cnodes = [mention(c[0], "Country", c[1], [(t.ta["iso3"], ox.Literal(c[2]))]) for c in parties]
    dnodes = [mention(d[0], "TechnologyDomain", d[1], [(t.in_scheme, t.scheme)]) for d in covers]
    names = " and ".join(c[1] for c in parties)
    fields = " and ".join(d[1].lower() for d in covers)
    sentence = f"{names} agreed to cooperate on {fields}, officials said in story {i}."
    mention(agreement.value, "Agreement", f"{names} agreement on {fields}")
    for node in cnodes:
        fact(agreement, t.ta["party"], node, sentence)
    for node in dnodes:
        fact(agreement, t.ta["covers"], node, sentence)
    fact(agreement, t.ta["date"], ox.Literal(published.isoformat(), datatype=t.date_t), sentence)
    status = rng.choice(("Planned", "Completed", "Completed", "Cancelled"))
    fact(agreement, t.ta["status"], t.ta[status], sentence)

    if rng.random() < 0.4:  # a signatory who represents the first party
        person = mention(f"{TAI}person/synthetic-{rng.randrange(500)}", "Person", f"Minister {i % 500}")
        fact(agreement, t.ta["signatory"], person, sentence)
        fact(person, t.ta["represents"], cnodes[0], sentence)
    if rng.random() < 0.3:  # an export control between two countries on one domain
        imposer, target = _pick(rng, countries, c_weights, 2)
        domain = _pick(rng, domains, d_weights, 1)[0]
        control = ox.NamedNode(f"{TAI}export-control/{imposer[2].lower()}-{domain[0].rsplit('/', 1)[1]}-{published.year}")
        mention(control.value, "ExportControl", f"{imposer[1]} export controls on {domain[1]}")
        inode = mention(imposer[0], "Country", imposer[1], [(t.ta["iso3"], ox.Literal(imposer[2]))])
        tnode = mention(target[0], "Country", target[1], [(t.ta["iso3"], ox.Literal(target[2]))])
        dnode = mention(domain[0], "TechnologyDomain", domain[1], [(t.in_scheme, t.scheme)])
        said = f"{imposer[1]} restricted exports of {domain[1].lower()} to {target[1]}."
        fact(control, t.ta["imposedBy"], inode, said)
        fact(control, t.ta["targets"], tnode, said)
        fact(control, t.ta["covers"], dnode, said)
    add(g, t.ta["contentHash"], ox.Literal(hashlib.sha256(title.encode()).hexdigest()))
    return quads


def _pick(rng, items, weights, k):
    """``k`` distinct items drawn by weight."""
    chosen: list = []
    while len(chosen) < k:
        item = rng.choices(items, weights)[0]
        if item not in chosen:
            chosen.append(item)
    return chosen
