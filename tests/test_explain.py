"""Explaining an entity (kg.explain, `kg explain`): lookup by IRI, id or label, facts in
both directions grouped by relation, each with its sentence and document."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.explain import Explanation, UnknownEntityError, explain, render_text
from kg.rules import apply_rules
from kg.store import open_store
from kg.store.oxigraph import OxigraphStore
from kg.vocab import TA, TAI, country_iri, doc_iri

ROOT = Path(__file__).resolve().parents[1]

HEADER = """
@prefix ta: <https://w3id.org/techalliance/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix doc: <https://w3id.org/techalliance/id/doc/> .
@prefix c: <https://w3id.org/techalliance/id/country/> .
@prefix a: <https://w3id.org/techalliance/id/agreement/> .
@prefix x: <https://w3id.org/techalliance/id/export-control/> .
@prefix p: <https://w3id.org/techalliance/id/person/> .
@prefix pl: <https://w3id.org/techalliance/id/place/> .
"""


def _ev(doc: str, s: str, p: str, o: str, sentence: str, conf: str = "0.8") -> str:
    return (f'[] a ta:Evidence ; rdf:subject {s} ; rdf:predicate ta:{p} ; rdf:object {o} ; '
            f'ta:sentence "{sentence}" ; ta:charStart 0 ; ta:charEnd {len(sentence)} ; '
            f'ta:confidence {conf} ; prov:wasDerivedFrom doc:{doc} .\n')


S1 = "Kenya and Ghana signed a fintech accord in Accra."
S2 = "Ghana and Kenya renewed their fintech accord."
S3 = "Ghana restricted exports of cobalt to Kenya."
GRAPHS = {
    "k1": f"""
doc:k1 a ta:Document ; dcterms:title "Kenya and Ghana sign fintech accord" ;
    ta:published "2024-05-02"^^xsd:date ; schema:url "https://news.example/k1" .
c:KEN a ta:Country ; rdfs:label "Kenya" ; skos:altLabel "Republic of Kenya" .
c:GHA a ta:Country ; rdfs:label "Ghana" .
pl:accra a ta:Place ; rdfs:label "Accra" .
a:ken-gha a ta:Agreement ; rdfs:label "Kenya-Ghana fintech accord" ;
    ta:party c:KEN , c:GHA ; ta:location pl:accra ; ta:date "2024-05-01"^^xsd:date .
""" + _ev("k1", "a:ken-gha", "party", "c:KEN", S1, "0.9") + _ev("k1", "a:ken-gha", "party", "c:GHA", S1)
    + _ev("k1", "a:ken-gha", "location", "pl:accra", S1) + _ev("k1", "a:ken-gha", "date", '"2024-05-01"^^xsd:date', S1),
    "k2": f"""
doc:k2 a ta:Document ; dcterms:title "Accord renewed" ; ta:published "2025-01-10"^^xsd:date .
c:KEN a ta:Country ; rdfs:label "Kenya" .
c:GHA a ta:Country ; rdfs:label "Ghana" .
a:ken-gha a ta:Agreement ; rdfs:label "Kenya-Ghana fintech accord" ; ta:party c:KEN , c:GHA .
x:cobalt a ta:ExportControl ; rdfs:label "Ghana cobalt controls" ; ta:imposedBy c:GHA ; ta:targets c:KEN .
""" + _ev("k2", "a:ken-gha", "party", "c:KEN", S2) + _ev("k2", "a:ken-gha", "party", "c:GHA", S2)
    + _ev("k2", "x:cobalt", "imposedBy", "c:GHA", S3) + _ev("k2", "x:cobalt", "targets", "c:KEN", S3),
    # a person who shares a name with the country, with fewer facts
    "k3": """
doc:k3 a ta:Document ; dcterms:title "Profile" .
p:kenya a ta:Person ; rdfs:label "Kenya" .
""",
}


def _write(store):
    from pyoxigraph import RdfFormat, parse

    for doc_id, body in GRAPHS.items():
        store.replace_graph(doc_iri(doc_id), list(parse(HEADER + body, format=RdfFormat.TURTLE)))
    apply_rules(store)
    return store


@pytest.fixture(scope="module")
def store():
    return _write(OxigraphStore())


@pytest.mark.parametrize("name", [
    pytest.param("https://w3id.org/techalliance/id/country/KEN", id="full IRI"),
    pytest.param("tai:country/KEN", id="compact id"),
    pytest.param("country/KEN", id="id without prefix"),
    pytest.param("country:KEN", id="prefixed name"),
    pytest.param("KEN", id="ISO3 code"),
    pytest.param("ken", id="ISO3 code, any case"),
    pytest.param("kenya", id="label, any case"),
    pytest.param("  republic of KENYA ", id="altLabel, any case and spacing"),
])
def test_explain_finds_entity(store, name):
    expl = explain(store, name)
    assert expl.iri == country_iri("KEN")
    assert expl.label == "Kenya"
    assert TA + "Country" in expl.types


@pytest.mark.parametrize("name", [
    pytest.param("USA", id="ISO3 code"),
    pytest.param("U.S.", id="dotted alias"),
    pytest.param("America", id="gazetteer alias"),
    pytest.param("united states of america", id="long alias, any case"),
    pytest.param("country:USA", id="prefixed name"),
])
def test_explain_names_a_built_country_by_any_gazetteer_name(sample_store, name):
    assert explain(sample_store, name).iri == country_iri("USA")


def test_gazetteer_aliases_are_stored_as_alt_labels(sample_store):
    rows = sample_store.query(
        "SELECT ?s WHERE { ?s <http://www.w3.org/2004/02/skos/core#altLabel> \"America\" }").rows
    assert [r[0] for r in rows] == [country_iri("USA")]


def test_explain_same_label_picks_entity_with_most_facts(store):
    expl = explain(store, "Kenya")
    assert expl.iri == country_iri("KEN")
    assert expl.others == [(TAI + "person/kenya", "Kenya")]


def test_explain_groups_facts_both_ways_with_evidence(store):
    groups = explain(store, "Kenya").groups()
    assert set(groups) >= {"party to", "targeted by", "aligned with"}
    (party,) = groups["party to"]
    assert party.node == TAI + "agreement/ken-gha" and party.node_label == "Kenya-Ghana fintech accord"
    assert [s.sentence for s in party.sources] == [S1, S2]  # ordered by publication date
    first = party.sources[0]
    assert (first.title, first.published, first.url, first.confidence) == (
        "Kenya and Ghana sign fintech accord", "2024-05-02", "https://news.example/k1", 0.9)
    (target,) = groups["targeted by"]
    assert target.node_label == "Ghana cobalt controls" and target.sources[0].sentence == S3


def test_explain_derived_alignment_has_count_and_dates(store):
    (aligned,) = explain(store, "Ghana").groups()["aligned with"]
    assert aligned.node == country_iri("KEN") and aligned.derived
    assert aligned.details == {"agreementCount": "1", "firstDate": "2024-05-01", "lastDate": "2024-05-01"}


def test_explain_agreement_lists_outgoing_facts(store):
    groups = explain(store, "tai:agreement/ken-gha").groups()
    assert {f.node_label for f in groups["party"]} == {"Kenya", "Ghana"}
    assert [f.node for f in groups["date"]] == ["2024-05-01"] and not groups["date"][0].node_is_iri
    assert groups["location"][0].node_label == "Accra"


@pytest.mark.parametrize("name, suggestion", [
    pytest.param("Kenyaa", "'Kenya'", id="misspelt label"),
    pytest.param("ghana republic", "'Ghana'", id="word of a label"),
    pytest.param("country/XXX", "try a label such as", id="unknown id"),
])
def test_explain_unknown_entity_suggests_labels(store, name, suggestion):
    with pytest.raises(UnknownEntityError, match=f"no entity matches '{name}'") as err:
        explain(store, name)
    assert suggestion in str(err.value)


def test_explain_to_dict_and_text(store):
    expl = explain(store, "Kenya")
    data = json.loads(json.dumps(expl.to_dict()))
    assert data["id"] == "tai:country/KEN" and data["types"] == ["ta:Country"]
    assert data["relations"]["party to"][0]["sources"][0]["sentence"] == S1
    buf = io.StringIO()
    from rich.console import Console

    render_text(expl, Console(file=buf, width=200))
    text = buf.getvalue()
    assert "Kenya" in text and "party to" in text and S1 in text and "Accord renewed" in text


def test_explain_sample_corpus_country(sample_store):
    expl = explain(sample_store, "tai:country/USA")
    assert isinstance(expl, Explanation) and expl.label == "United States"
    facts = [f for fs in expl.groups().values() for f in fs]
    assert facts
    with_sources = [f for f in facts if f.sources]
    assert with_sources
    for f in with_sources:
        for s in f.sources:
            assert s.sentence and s.sentence.strip()
            assert s.document.startswith(doc_iri("")) and s.title


# -- command line ------------------------------------------------------------------------
def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("explain") / "store"
    with open_store(path) as st:
        _write(st)
    return path


def test_explain_cli_help():
    proc = kg("explain", "--help")
    assert proc.returncode == 0 and "--store" in proc.stdout


def test_explain_cli_text(store_dir):
    proc = kg("explain", "ghana", "--store", store_dir)
    assert proc.returncode == 0, proc.stderr
    assert "Ghana" in proc.stdout and "imposes" in proc.stdout and "cobalt" in proc.stdout


def test_explain_cli_json(store_dir):
    proc = kg("explain", "country/GHA", "--store", store_dir, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["iri"] == country_iri("GHA") and "party to" in data["relations"]


def test_explain_cli_unknown_entity_is_one_line(store_dir):
    proc = kg("explain", "Atlantis", "--store", store_dir)
    assert proc.returncode == 2
    assert proc.stderr.startswith("kg: error: no entity matches 'Atlantis'; try a label such as")
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("width", [
    pytest.param(12, id="very-narrow-terminal"),
    pytest.param(16, id="narrower-than-the-url"),
    pytest.param(20, id="just-under-the-url"),
])
def test_explain_text_never_breaks_a_url(store, width):
    from rich.console import Console

    buf = io.StringIO()
    render_text(explain(store, "Kenya"), Console(file=buf, width=width))
    assert "https://news.example/k1" in buf.getvalue()
