"""Namespaces, prefixes and identifier rules of the contract (CONTRACT.md section 2)."""
from __future__ import annotations

import re
import unicodedata

TA = "https://w3id.org/techalliance/ontology#"
TAI = "https://w3id.org/techalliance/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"

PREFIXES: dict[str, str] = {
    "ta": TA, "tai": TAI, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL,
    "skos": SKOS, "prov": PROV, "dcterms": DCTERMS, "schema": SCHEMA,
    # SPARQL prefixed names may not contain "/", so each kind of thing has its own prefix:
    # country:KOR is tai:country/KOR, domain:quantum is tai:domain/quantum.
    **{kind: f"{TAI}{kind}/" for kind in ("country", "domain", "doc", "agreement", "summit",
                                           "person", "org", "place", "export-control", "graph")},
}

#: The shared graph of what is true of an entity whatever the article: its type, and for
#: gazetteer entries their label, aliases, ISO code, Wikidata id and containing country.
#: Written once per entity (a quad store keeps sets), so the union default graph sees
#: each type and gazetteer label once instead of once per document.
ENTITIES_GRAPH = f"{TAI}graph/entities"

#: The fact index (kg.store.factindex): each fact the documents state, each type and one
#: label per entity, once; what the canned queries read.
FACTS_GRAPH = f"{TAI}graph/facts"

#: The relations the contract names (CONTRACT.md section 2) but ta:mentions: what the fact
#: index (kg.store.factindex) copies out of the document graphs.
FACT_PROPERTIES = ("party", "signatory", "covers", "location", "date", "status", "duringEvent",
                   "participant", "imposedBy", "targets", "represents", "memberOf", "locatedIn")

CORE_CLASSES = (
    "Country", "Person", "Organization", "Place", "Agreement", "Summit",
    "ExportControl", "TechnologyDomain", "Document",
)
STATUSES = ("Planned", "Completed", "Cancelled")


def slug(text: str) -> str:
    """A lowercase ASCII slug: ``slug("Lee Jae-myung") == "lee-jae-myung"``."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def doc_iri(doc_id: str) -> str:
    return f"{TAI}doc/{doc_id}"


def country_iri(iso3: str) -> str:
    return f"{TAI}country/{iso3.upper()}"


def domain_iri(domain_slug: str) -> str:
    return f"{TAI}domain/{domain_slug}"


def entity_iri(kind: str, name: str) -> str:
    """IRI of a person, organisation, place, agreement, summit or export control."""
    return f"{TAI}{kind}/{slug(name)}"


def local_name(iri: str) -> str:
    """``local_name(TA + "party") == "party"``; works for ``#`` and ``/`` IRIs."""
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


def compact(iri: str) -> str:
    """Shorten an IRI with the known prefixes: ``compact(TA + "party") == "ta:party"``."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri
