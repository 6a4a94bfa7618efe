"""The ontology (OWL) and shapes (SHACL) in ontology/: they parse, declare the
contract's vocabulary, accept a well-formed document graph and catch broken ones."""

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

ONTOLOGY_DIR = Path(__file__).parents[1] / "ontology"
TA = Namespace("https://w3id.org/techalliance/ontology#")

CORE_CLASSES = [
    "Country", "Person", "Organization", "Place", "Agreement", "Summit",
    "ExportControl", "TechnologyDomain", "Document", "Evidence", "Status",
]
CORE_PROPERTIES = [
    "party", "signatory", "covers", "location", "date", "status", "duringEvent",
    "participant", "imposedBy", "targets", "represents", "memberOf", "locatedIn",
    "mentions",
    "sentence", "charStart", "charEnd", "confidence", "extractorVersion",
    "alignedWith", "agreementCount", "firstDate", "lastDate", "controlsTargetedAt",
    "supportCount", "published", "iso3", "wikidata",
]

PREFIXES = """
@prefix ta:   <https://w3id.org/techalliance/ontology#> .
@prefix doc:  <https://w3id.org/techalliance/id/doc/> .
@prefix country: <https://w3id.org/techalliance/id/country/> .
@prefix agreement: <https://w3id.org/techalliance/id/agreement/> .
@prefix domain: <https://w3id.org/techalliance/id/domain/> .
@prefix rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
"""

SENTENCE = "South Korea and the United States will sign a technology pact on 29 October."

# One document graph: an agreement between tai:country/KOR and tai:country/USA, every fact
# with evidence. (Turtle local names cannot contain "/", hence one prefix per tai: folder.)
VALID_DOC = PREFIXES + f"""
doc:d1 a ta:Document ; dcterms:title "Pact" ; ta:published "2025-10-20"^^xsd:date .
country:KOR a ta:Country ; rdfs:label "South Korea"@en ; ta:iso3 "KOR" .
country:USA a ta:Country ; rdfs:label "United States"@en ; ta:iso3 "USA" .
agreement:kor-usa-tech a ta:Agreement ; rdfs:label "Korea-US technology pact"@en ;
    ta:party country:KOR , country:USA ;
    ta:status ta:Planned ;
    ta:date "2025-10-29"^^xsd:date .
""" + "".join(
    f"""
[] a ta:Evidence ; rdf:subject agreement:kor-usa-tech ; rdf:predicate ta:{p} ; rdf:object {o} ;
   ta:sentence "{SENTENCE}" ; ta:charStart 0 ; ta:charEnd {len(SENTENCE)} ;
   ta:confidence 0.85 ; ta:extractorVersion "0.1.0" ; prov:wasDerivedFrom doc:d1 .
"""
    for p, o in [
        ("party", "country:KOR"),
        ("party", "country:USA"),
        ("status", "ta:Planned"),
        ("date", '"2025-10-29"^^xsd:date'),
    ]
)

# Each broken graph: (text to replace everywhere in VALID_DOC, replacement, fragment that
# every reported message must contain, so a case fails for its own reason only).
BROKEN = {
    "agreement-without-party": (
        "ta:party country:KOR , country:USA ;", "",
        "An agreement needs at least one party (ta:party)"),
    "date-not-a-date": (
        '"2025-10-29"^^xsd:date', '"soon"', "ta:date must be a literal typed xsd:date"),
    "fact-without-evidence": (
        'ta:date "2025-10-29"^^xsd:date .',
        'ta:date "2025-10-29"^^xsd:date ; ta:covers domain:quantum .\n'
        'domain:quantum a ta:TechnologyDomain ; rdfs:label "quantum"@en .',
        "Fact has no evidence record"),
    "confidence-above-one": (
        "ta:confidence 0.85 ;", "ta:confidence 1.5 ;", "a number from 0 to 1"),
    "status-not-allowed": (
        "ta:Planned", "ta:Maybe", "ta:status must be one of"),
}


@pytest.fixture(scope="module")
def ontology():
    return Graph().parse(ONTOLOGY_DIR / "techalliance.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes():
    return Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")


def _validate(data_ttl, shapes):
    data = Graph().parse(data=data_ttl, format="turtle")
    conforms, results, text = validate(data, shacl_graph=shapes, inference="none", advanced=True)
    return conforms, list(results.objects(None, SH.resultMessage)), text


def test_ontology_files_parse(ontology, shapes):
    assert (URIRef("https://w3id.org/techalliance/ontology"), OWL.versionInfo, None) in ontology
    assert len(shapes) > 0


@pytest.mark.parametrize("name", CORE_CLASSES)
def test_ontology_declares_class(ontology, name):
    cls = TA[name]
    assert (cls, RDF.type, OWL.Class) in ontology
    assert ontology.value(cls, RDFS.label) and ontology.value(cls, RDFS.comment)


@pytest.mark.parametrize("name", CORE_PROPERTIES)
def test_ontology_declares_property(ontology, name):
    prop = TA[name]
    kinds = set(ontology.objects(prop, RDF.type))
    assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}
    assert ontology.value(prop, RDFS.label) and ontology.value(prop, RDFS.comment)


@pytest.mark.parametrize("name", ["Planned", "Completed", "Cancelled"])
def test_ontology_declares_status_individual(ontology, name):
    assert (TA[name], RDF.type, TA.Status) in ontology
    assert (TA[name], RDF.type, OWL.NamedIndividual) in ontology
    assert ontology.value(TA[name], RDFS.label)


def test_ontology_valid_document_conforms(shapes):
    conforms, _, text = _validate(VALID_DOC, shapes)
    assert conforms, text


@pytest.mark.parametrize("case", list(BROKEN.values()), ids=list(BROKEN))
def test_ontology_broken_graph_is_caught(shapes, case):
    old, new, message = case
    assert old in VALID_DOC
    conforms, messages, text = _validate(VALID_DOC.replace(old, new), shapes)
    assert not conforms
    assert messages and all(message in str(m) for m in messages), text
