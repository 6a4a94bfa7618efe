"""One way to name an entity, everywhere (issue H item 3, issue J item 1): `kg explain`,
`kg view --focus`, `kg analyze --between` and `kg review` take the same names (label,
gazetteer alias, ISO3 code, prefixed name, tai: id, full IRI), and a name of several
entities gives the same list to choose from.

The store is a small hand-written graph: a US-Japan pact, a Japan-Korea accord and a pact
of the two Congos, which a news source both calls "Congo"."""
from __future__ import annotations

import io
import json
import shutil

import pytest
from typer.testing import CliRunner

from kg.vocab import TAI

USA, KOR, COG, COD = (f"{TAI}country/{c}" for c in ("USA", "KOR", "COG", "COD"))
CONGO_CHOICES = ("'Congo' names 2 entities; choose one by its id: Democratic Republic of the Congo "
                 "(country:COD); Republic of the Congo (country:COG)")

TRIG = """
@prefix ta: <https://w3id.org/techalliance/ontology#> .
@prefix c: <https://w3id.org/techalliance/id/country/> .
@prefix a: <https://w3id.org/techalliance/id/agreement/> .
@prefix e: <https://w3id.org/techalliance/id/evidence/> .
@prefix doc: <https://w3id.org/techalliance/id/doc/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .

doc:n1 {
  doc:n1 a ta:Document ; ta:published "2025-03-01"^^xsd:date ; ta:mentions c:USA, c:JPN .
  c:USA a ta:Country ; rdfs:label "United States" .
  c:JPN a ta:Country ; rdfs:label "Japan" .
  a:pacific-chip-pact a ta:Agreement ; rdfs:label "Pacific chip pact" ; ta:party c:USA, c:JPN .
  e:n1 a ta:Evidence ; rdf:subject a:pacific-chip-pact ; rdf:predicate ta:party ; rdf:object c:USA ;
      ta:sentence "Washington and Tokyo agreed a pact on chips." ; ta:charStart 0 ; ta:charEnd 44 ;
      ta:confidence 0.9 ; prov:wasDerivedFrom doc:n1 .
}
doc:n2 {
  doc:n2 a ta:Document ; ta:published "2025-04-01"^^xsd:date ; ta:mentions c:KOR, c:JPN .
  c:KOR a ta:Country ; rdfs:label "South Korea" .
  c:JPN a ta:Country ; rdfs:label "Japan" .
  a:quantum-accord a ta:Agreement ; rdfs:label "Seoul-Tokyo quantum accord" ; ta:party c:KOR, c:JPN .
}
doc:n3 {
  doc:n3 a ta:Document ; ta:published "2025-05-01"^^xsd:date ; ta:mentions c:COG, c:COD .
  c:COG a ta:Country ; rdfs:label "Republic of the Congo" ; skos:altLabel "Congo" .
  c:COD a ta:Country ; rdfs:label "Democratic Republic of the Congo" ; skos:altLabel "Congo" .
  c:USA a ta:Country ; rdfs:label "United States" .
  a:congo-data-pact a ta:Agreement ; rdfs:label "Congo river data pact" ; ta:party c:COG, c:COD, c:USA .
}
"""


def kg(*args):
    from kg.cli import app

    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    import pyoxigraph as ox

    from kg.rules import apply_rules
    from kg.store import factindex, open_store

    path = tmp_path_factory.mktemp("names") / "store"
    buffer = io.BytesIO()
    ox.serialize(ox.parse(TRIG.encode(), format=ox.RdfFormat.TRIG), buffer, format=ox.RdfFormat.N_QUADS)
    buffer.seek(0)
    with open_store(path) as st:
        st.load(buffer, "nquads")
        factindex.rebuild(st)
        apply_rules(st)
    return path


@pytest.fixture
def store(built, tmp_path):
    """A copy of the store per test: `kg review` writes decisions into it."""
    copy = tmp_path / "store"
    shutil.copytree(built, copy)
    return copy


# (name, entity it names, an agreement of which that entity is a party: for kg review)
NAMES = [
    pytest.param("United States", USA, "Pacific chip pact", id="label"),
    pytest.param("united   STATES", USA, "Pacific chip pact", id="label-any-case-and-spacing"),
    pytest.param("USA", USA, "Pacific chip pact", id="iso3-USA"),
    pytest.param("usa", USA, "Pacific chip pact", id="iso3-lower-case"),
    pytest.param("U.S.", USA, "Pacific chip pact", id="gazetteer-alias-U.S."),
    pytest.param("America", USA, "Pacific chip pact", id="gazetteer-alias-America"),
    pytest.param("country:USA", USA, "Pacific chip pact", id="prefixed-name"),
    pytest.param("tai:country/USA", USA, "Pacific chip pact", id="tai-id"),
    pytest.param("country/USA", USA, "Pacific chip pact", id="compact-id"),
    pytest.param(USA, USA, "Pacific chip pact", id="full-iri"),
    pytest.param("KOR", KOR, "Seoul-Tokyo quantum accord", id="iso3-KOR"),
    pytest.param("country:KOR", KOR, "Seoul-Tokyo quantum accord", id="prefixed-name-KOR"),
    pytest.param("Korea", KOR, "Seoul-Tokyo quantum accord", id="gazetteer-alias-Korea"),
    pytest.param("Congo", None, "Congo river data pact", id="ambiguous-Congo"),
]


@pytest.mark.parametrize("name, iri, _agreement", NAMES)
def test_explain(store, name, iri, _agreement):
    result = kg("explain", name, "--store", store, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    if iri is None:  # explains one, lists the other to choose from
        assert {data["iri"]} | {o["iri"] for o in data["other_matches"]} == {COG, COD}
        text = kg("explain", name, "--store", store).output
        assert "other entities with this name" in text
    else:
        assert data["iri"] == iri and data["other_matches"] == []


@pytest.mark.parametrize("name, iri, _agreement", NAMES)
def test_view_focus(store, tmp_path, name, iri, _agreement):
    out = tmp_path / "v.html"
    result = kg("view", "--store", store, "--out", out, "--focus", name, "--depth", "0")
    if iri is None:
        assert result.exit_code == 2 and CONGO_CHOICES in result.output, result.output
    else:
        assert result.exit_code == 0, result.output
        assert "(1 nodes" in result.output and iri in out.read_text()


@pytest.mark.parametrize("name, iri, _agreement", NAMES)
def test_analyze_between(store, name, iri, _agreement):
    result = kg("analyze", "--store", store, "--between", name, "Japan", "--format", "json")
    if iri is None:
        assert result.exit_code == 2 and CONGO_CHOICES in result.output, result.output
    else:
        assert result.exit_code == 0, result.output
        assert json.loads(result.output)["path"]["countries"] == [iri.rsplit("/", 1)[1], "JPN"]


@pytest.mark.parametrize("name, iri, agreement", NAMES)
def test_review(store, name, iri, agreement):
    result = kg("review", "reject", agreement, "party", name, "--store", store, "--by", "ana")
    if iri is None:
        assert result.exit_code == 2 and CONGO_CHOICES in result.output, result.output
        assert len(result.output.strip().splitlines()) == 1
    else:
        assert result.exit_code == 0, result.output
        listed = [json.loads(line) for line in kg("review", "list", "--store", store, "--format", "json")
                  .output.splitlines()]
        assert [d["object"] for d in listed] == [iri]


@pytest.mark.parametrize("name", [
    pytest.param("country:COG", id="prefixed-name"),
    pytest.param("COG", id="iso3"),
    pytest.param("Republic of the Congo", id="label"),
])
def test_an_id_from_the_list_then_works_everywhere(store, tmp_path, name):
    assert kg("view", "--store", store, "--out", tmp_path / "v.html", "--focus", name).exit_code == 0
    assert kg("analyze", "--store", store, "--between", name, "USA").exit_code == 0
    result = kg("review", "reject", "Congo river data pact", "party", name, "--store", store)
    assert result.exit_code == 0, result.output


def test_analyze_between_lists_countries_sharing_a_name_in_the_library(built):
    from kg.network.analyze import AmbiguousCountryError, AnalysisError, shortest_path
    from kg.resolve import AmbiguousEntityError
    from kg.store import open_store

    with open_store(built, read_only=True) as st, pytest.raises(AmbiguousCountryError) as info:
        shortest_path(st, "congo", "JPN")
    assert isinstance(info.value, AmbiguousEntityError) and isinstance(info.value, AnalysisError)
    assert [iri for iri, _label in info.value.candidates] == [COD, COG]
