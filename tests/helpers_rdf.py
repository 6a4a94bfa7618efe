"""A small hand-written knowledge graph in the builder's layout, shared by the store,
query, export and network tests (imported by them; conftest.py is not involved).

Three documents:
  a1 (2025-10-29) Korea and the US plan the Technology Prosperity Deal (AI, quantum),
     Lee Jae-myung to sign at the APEC summit in Gyeongju; mentions KOR, USA.
  a2 (2025-10-30) the deal is signed (Completed); also a US-Japan AI accord; mentions
     KOR, USA, JPN.
  a3 (2025-11-02) US chip export controls on China; mentions USA, CHN; its evidence
     record is a blank node, as the contract's example shows.
The default graph holds gazetteer labels of the technology domains.
"""
from __future__ import annotations

import pytest

from kg.vocab import TA, TAI

TRIG = r"""
@prefix ta: <https://w3id.org/techalliance/ontology#> .
@prefix tai: <https://w3id.org/techalliance/id/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .

# default graph: gazetteer labels
<https://w3id.org/techalliance/id/domain/artificial-intelligence> a ta:TechnologyDomain ;
    rdfs:label "artificial intelligence" ; skos:altLabel "AI" .
<https://w3id.org/techalliance/id/domain/quantum> a ta:TechnologyDomain ; rdfs:label "quantum" .
<https://w3id.org/techalliance/id/domain/semiconductors> a ta:TechnologyDomain ; rdfs:label "semiconductors" .
<https://w3id.org/techalliance/id/place/gyeongju> ta:locatedIn <https://w3id.org/techalliance/id/country/KOR> .

<https://w3id.org/techalliance/id/doc/a1> {
  <https://w3id.org/techalliance/id/doc/a1> a ta:Document ;
      dcterms:title "Korea and US to sign technology deal" ;
      ta:published "2025-10-29"^^xsd:date ;
      schema:url "https://news.example/a1" ;
      dcterms:source "Example News" ;
      ta:mentions <https://w3id.org/techalliance/id/country/KOR> ,
                  <https://w3id.org/techalliance/id/country/USA> ,
                  <https://w3id.org/techalliance/id/agreement/kor-usa-tpd> ,
                  <https://w3id.org/techalliance/id/person/lee-jae-myung> .
  <https://w3id.org/techalliance/id/country/KOR> a ta:Country ; rdfs:label "South Korea" ;
      skos:altLabel "Korea" , "Republic of Korea" .
  <https://w3id.org/techalliance/id/country/USA> a ta:Country ; rdfs:label "United States" ;
      skos:altLabel "US" .
  <https://w3id.org/techalliance/id/person/lee-jae-myung> a ta:Person ; rdfs:label "Lee Jae-myung" ;
      ta:represents <https://w3id.org/techalliance/id/country/KOR> .
  <https://w3id.org/techalliance/id/summit/apec-2025> a ta:Summit ; rdfs:label "APEC summit 2025" ;
      ta:location <https://w3id.org/techalliance/id/place/gyeongju> .
  <https://w3id.org/techalliance/id/place/gyeongju> a ta:Place ; rdfs:label "Gyeongju" .
  <https://w3id.org/techalliance/id/agreement/kor-usa-tpd> a ta:Agreement ;
      rdfs:label "Technology Prosperity Deal" ;
      ta:party <https://w3id.org/techalliance/id/country/KOR> , <https://w3id.org/techalliance/id/country/USA> ;
      ta:covers <https://w3id.org/techalliance/id/domain/artificial-intelligence> ,
                <https://w3id.org/techalliance/id/domain/quantum> ;
      ta:signatory <https://w3id.org/techalliance/id/person/lee-jae-myung> ;
      ta:duringEvent <https://w3id.org/techalliance/id/summit/apec-2025> ;
      ta:status ta:Planned ;
      ta:date "2025-10-29"^^xsd:date .
  <https://w3id.org/techalliance/id/evidence/e1> a ta:Evidence ;
      rdf:subject <https://w3id.org/techalliance/id/agreement/kor-usa-tpd> ;
      rdf:predicate ta:party ; rdf:object <https://w3id.org/techalliance/id/country/KOR> ;
      ta:sentence "South Korea and the US will sign the Technology Prosperity Deal." ;
      ta:charStart 0 ; ta:charEnd 64 ; ta:confidence 0.9 ; ta:extractorVersion "kg 0.1.0" ;
      prov:wasDerivedFrom <https://w3id.org/techalliance/id/doc/a1> .
  <https://w3id.org/techalliance/id/evidence/e2> a ta:Evidence ;
      rdf:subject <https://w3id.org/techalliance/id/agreement/kor-usa-tpd> ;
      rdf:predicate ta:covers ; rdf:object <https://w3id.org/techalliance/id/domain/artificial-intelligence> ;
      ta:sentence "The deal covers artificial intelligence and quantum computing." ;
      ta:charStart 65 ; ta:charEnd 127 ; ta:confidence 0.8 ; ta:extractorVersion "kg 0.1.0" ;
      prov:wasDerivedFrom <https://w3id.org/techalliance/id/doc/a1> .
}

<https://w3id.org/techalliance/id/doc/a2> {
  <https://w3id.org/techalliance/id/doc/a2> a ta:Document ;
      dcterms:title "US and Korea sign deal; US-Japan AI accord" ;
      ta:published "2025-10-30"^^xsd:date ;
      schema:url "https://news.example/a2" ;
      ta:mentions <https://w3id.org/techalliance/id/country/KOR> ,
                  <https://w3id.org/techalliance/id/country/USA> ,
                  <https://w3id.org/techalliance/id/country/JPN> .
  <https://w3id.org/techalliance/id/country/KOR> a ta:Country ; rdfs:label "South Korea" .
  <https://w3id.org/techalliance/id/country/USA> a ta:Country ; rdfs:label "United States" .
  <https://w3id.org/techalliance/id/country/JPN> a ta:Country ; rdfs:label "Japan" .
  <https://w3id.org/techalliance/id/agreement/kor-usa-tpd> a ta:Agreement ;
      rdfs:label "Technology Prosperity Deal" ;
      ta:party <https://w3id.org/techalliance/id/country/KOR> , <https://w3id.org/techalliance/id/country/USA> ;
      ta:covers <https://w3id.org/techalliance/id/domain/artificial-intelligence> ;
      ta:status ta:Completed ;
      ta:date "2025-10-29"^^xsd:date .
  <https://w3id.org/techalliance/id/agreement/jpn-usa-ai> a ta:Agreement ;
      rdfs:label "US-Japan AI accord" ;
      ta:party <https://w3id.org/techalliance/id/country/JPN> , <https://w3id.org/techalliance/id/country/USA> ;
      ta:covers <https://w3id.org/techalliance/id/domain/artificial-intelligence> ;
      ta:status ta:Completed ;
      ta:date "2025-10"^^xsd:gYearMonth .
  <https://w3id.org/techalliance/id/evidence/e3> a ta:Evidence ;
      rdf:subject <https://w3id.org/techalliance/id/agreement/kor-usa-tpd> ;
      rdf:predicate ta:party ; rdf:object <https://w3id.org/techalliance/id/country/KOR> ;
      ta:sentence "Seoul and Washington signed the deal on Wednesday." ;
      ta:charStart 10 ; ta:charEnd 60 ; ta:confidence 0.95 ; ta:extractorVersion "kg 0.1.0" ;
      prov:wasDerivedFrom <https://w3id.org/techalliance/id/doc/a2> .
}

<https://w3id.org/techalliance/id/doc/a3> {
  <https://w3id.org/techalliance/id/doc/a3> a ta:Document ;
      dcterms:title "US tightens chip controls on China" ;
      ta:published "2025-11-02"^^xsd:date ;
      ta:mentions <https://w3id.org/techalliance/id/country/USA> ,
                  <https://w3id.org/techalliance/id/country/CHN> .
  <https://w3id.org/techalliance/id/country/USA> a ta:Country ; rdfs:label "United States" .
  <https://w3id.org/techalliance/id/country/CHN> a ta:Country ; rdfs:label "China" .
  <https://w3id.org/techalliance/id/exportcontrol/us-chips-2025> a ta:ExportControl ;
      rdfs:label "US chip export controls" ;
      ta:imposedBy <https://w3id.org/techalliance/id/country/USA> ;
      ta:targets <https://w3id.org/techalliance/id/country/CHN> ;
      ta:covers <https://w3id.org/techalliance/id/domain/semiconductors> .
  [] a ta:Evidence ;
      rdf:subject <https://w3id.org/techalliance/id/exportcontrol/us-chips-2025> ;
      rdf:predicate ta:targets ; rdf:object <https://w3id.org/techalliance/id/country/CHN> ;
      ta:sentence "Washington restricted exports of advanced chips to China." ;
      ta:charStart 0 ; ta:charEnd 57 ; ta:confidence 0.85 ; ta:extractorVersion "kg 0.1.0" ;
      prov:wasDerivedFrom <https://w3id.org/techalliance/id/doc/a3> .
}
"""

DOCS = [f"{TAI}doc/a1", f"{TAI}doc/a2", f"{TAI}doc/a3"]
KOR, USA, JPN, CHN = (f"{TAI}country/{c}" for c in ("KOR", "USA", "JPN", "CHN"))
TPD = f"{TAI}agreement/kor-usa-tpd"
JPN_USA = f"{TAI}agreement/jpn-usa-ai"
CONTROL = f"{TAI}exportcontrol/us-chips-2025"
AI = f"{TAI}domain/artificial-intelligence"
PARTY = f"{TA}party"


def load_sample(store) -> None:
    """Put the sample graph into ``store``."""
    import io

    import pyoxigraph as ox

    buffer = io.BytesIO()
    ox.serialize(ox.parse(TRIG.encode(), format=ox.RdfFormat.TRIG), buffer, format=ox.RdfFormat.N_QUADS)
    buffer.seek(0)
    store.load(buffer, "nquads")


def sample_dataset():
    """The sample graph as an rdflib Dataset (the reference for round trips)."""
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(data=TRIG, format="trig")
    return dataset


@pytest.fixture
def memory_store():
    """An empty in-memory Oxigraph store."""
    from kg.store.oxigraph import OxigraphStore

    with OxigraphStore() as store:
        yield store


@pytest.fixture
def sample_store(memory_store):
    """An in-memory store holding the three sample documents."""
    load_sample(memory_store)
    return memory_store
