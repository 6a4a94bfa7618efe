"""SHACL validation of a store (kg.validate, `kg validate`), and provenance: every fact in a
built graph leads, by SPARQL, to an evidence record with its sentence and document."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.store import open_store
from kg.store.oxigraph import OxigraphStore
from kg.validate import ValidationReport, compact_text, validate_store
from kg.vocab import TA, TAI, doc_iri

ROOT = Path(__file__).resolve().parents[1]

PREFIXES = """
@prefix ta: <https://w3id.org/techalliance/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix doc: <https://w3id.org/techalliance/id/doc/> .
@prefix country: <https://w3id.org/techalliance/id/country/> .
@prefix agreement: <https://w3id.org/techalliance/id/agreement/> .
@prefix domain: <https://w3id.org/techalliance/id/domain/> .
"""
SENTENCE = "Brazil and Norway signed a pact on offshore robotics in March 2024."


def evidence(p: str, o: str, doc: str = "doc:v1") -> str:
    return f"""
[] a ta:Evidence ; rdf:subject agreement:bra-nor ; rdf:predicate ta:{p} ; rdf:object {o} ;
   ta:sentence "{SENTENCE}" ; ta:charStart 0 ; ta:charEnd {len(SENTENCE)} ;
   ta:confidence 0.8 ; ta:extractorVersion "test" ; prov:wasDerivedFrom {doc} .
"""


# One document graph that conforms: an agreement with two parties, a date and a domain.
VALID = PREFIXES + """
doc:v1 a ta:Document ; dcterms:title "Brazil-Norway pact" ; ta:published "2024-03-20"^^xsd:date .
country:BRA a ta:Country ; rdfs:label "Brazil" .
country:NOR a ta:Country ; rdfs:label "Norway" .
domain:robotics a ta:TechnologyDomain ; rdfs:label "Robotics" .
agreement:bra-nor a ta:Agreement ; rdfs:label "Brazil-Norway robotics pact" ;
    ta:party country:BRA , country:NOR ;
    ta:covers domain:robotics ;
    ta:date "2024-03"^^xsd:gYearMonth .
""" + "".join(evidence(p, o) for p, o in [
    ("party", "country:BRA"), ("party", "country:NOR"), ("covers", "domain:robotics"),
    ("date", '"2024-03"^^xsd:gYearMonth')])

SPACE = 'domain:space a ta:TechnologyDomain ; rdfs:label "Space" .\n'
# (text in VALID, replacement, SHACL component expected, path expected)
BROKEN = {
    "agreement without a party": (
        "ta:party country:BRA , country:NOR ;", "", "MinCountConstraintComponent", TA + "party"),
    "date that is not a date": (
        '"2024-03"^^xsd:gYearMonth', '"next spring"', "OrConstraintComponent", TA + "date"),
    "fact without evidence": (
        "ta:covers domain:robotics ;", "ta:covers domain:robotics , domain:space ;",
        "SPARQLConstraintComponent", TA + "covers"),
}


def _quads(turtle: str):
    from pyoxigraph import RdfFormat, parse

    return list(parse(turtle, format=RdfFormat.TURTLE))


def _store(graphs: dict[str, str], store=None):
    """A store with each document id's Turtle written into its named graph."""
    store = store if store is not None else OxigraphStore()
    for doc_id, turtle in graphs.items():
        store.replace_graph(doc_iri(doc_id), _quads(turtle))
    return store


def test_validate_valid_graph_conforms():
    report = validate_store(_store({"v1": VALID}))
    assert report.conforms, report.violations
    assert report.graphs == [doc_iri("v1")]


@pytest.mark.parametrize("case", list(BROKEN.values()), ids=list(BROKEN))
def test_validate_broken_graph_is_caught(case):
    old, new, component, path = case
    assert old in VALID
    broken = VALID.replace(old, new) + SPACE
    report = validate_store(_store({"v1": VALID, "b1": broken.replace("doc:v1", "doc:b1")}))
    assert not report.conforms
    assert {v.document for v in report.violations} == {"b1"}
    assert any(v.component == component and v.path == path for v in report.violations), report.violations
    assert all(v.focus == TAI + "agreement/bra-nor" for v in report.violations)


def test_validate_date_violation_reports_value():
    broken = VALID.replace('"2024-03"^^xsd:gYearMonth', '"next spring"')
    report = validate_store(_store({"b1": broken}))
    values = {v.value for v in report.violations if v.path == TA + "date"}
    assert '"next spring"' in values


def test_validate_each_graph_alone_types_elsewhere_do_not_count():
    # The countries are typed and labelled only in another document's graph: each graph is
    # its own data graph, so the party constraint (sh:class ta:Country) fails here.
    untyped = VALID.replace('country:BRA a ta:Country ; rdfs:label "Brazil" .', "").replace(
        'country:NOR a ta:Country ; rdfs:label "Norway" .', "").replace("doc:v1", "doc:u1")
    report = validate_store(_store({"v1": VALID, "u1": untyped}))
    assert {v.document for v in report.violations} == {"u1"}
    assert any("must be typed ta:Country or ta:Organization" in v.message for v in report.violations)


def test_validate_report_groups_and_compacts():
    broken = VALID.replace("ta:party country:BRA , country:NOR ;", "")
    report = validate_store(_store({"b1": broken, "b2": broken.replace("doc:v1", "doc:b2")}))
    assert list(report.by_document()) == ["b1", "b2"]
    data = report.to_dict()
    assert data["conforms"] is False and data["graphs"] == 2
    assert data["violations"][0]["focus"] == "tai:agreement/bra-nor"
    assert compact_text(f"<{TA}date> {TAI}country/KOR") == "ta:date tai:country/KOR"
    with pytest.raises(Exception, match="SHACL violation"):
        report.raise_for_violations()


def test_validate_empty_store_conforms():
    report = validate_store(OxigraphStore())
    assert isinstance(report, ValidationReport) and report.conforms and report.graphs == []


def test_validate_sample_corpus_conforms_quickly(sample_store):
    started = time.perf_counter()
    report = validate_store(sample_store)
    elapsed = time.perf_counter() - started
    assert len(report.graphs) >= 8
    assert report.conforms, "\n".join(
        f"{v.document}: {compact_text(v.focus)} {compact_text(v.path or '')} "
        f"{v.value} -- {compact_text(v.message)}" for v in report.violations)
    assert elapsed < 10, f"validation took {elapsed:.1f} s"


# -- provenance: from any fact to its sentence and document ------------------------------

# Every triple of a document graph that states a fact, i.e. all but: the document's own
# metadata, evidence records, types, labels, ta:mentions, and descriptive or gazetteer
# triples (ta:iso3, ta:wikidata, skos:inScheme, ta:locatedIn -- exempt in shapes.ttl too).
FACT_TO_SENTENCE = """
SELECT ?g ?s ?p ?o ?e ?sentence ?start ?end ?doc ?title
WHERE {
  GRAPH ?g {
    ?s ?p ?o .
    FILTER (?s != ?g)
    FILTER NOT EXISTS { ?s a ta:Evidence }
    FILTER (?p NOT IN (rdf:type, rdfs:label, skos:altLabel, skos:inScheme, ta:mentions,
                       ta:iso3, ta:wikidata, ta:locatedIn))
    OPTIONAL {
      ?e a ta:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
         ta:sentence ?sentence ; prov:wasDerivedFrom ?doc .
      OPTIONAL { ?e ta:charStart ?start FILTER (DATATYPE(?start) = xsd:integer) }
      OPTIONAL { ?e ta:charEnd ?end FILTER (DATATYPE(?end) = xsd:integer) }
      OPTIONAL { ?doc dcterms:title ?title }
    }
  }
  FILTER (STRSTARTS(STR(?g), CONCAT(STR(tai:), "doc/")))
}
"""


def test_validate_every_fact_leads_to_sentence_and_document(sample_store):
    from kg.query import run_query

    result = run_query(sample_store, FACT_TO_SENTENCE)
    rows = result.records()
    assert len({(r["s"], r["p"], r["o"]) for r in rows}) > 50
    problems = []
    for r in rows:
        fact = f"{r['g']}: {r['s']} {r['p']} {r['o']}"
        if r["e"] is None:
            problems.append(f"no evidence for {fact}")
        elif not (r["sentence"] or "").strip():
            problems.append(f"empty sentence for {fact}")
        elif r["start"] is None or r["end"] is None or int(r["start"]) >= int(r["end"]):
            problems.append(f"bad offsets for {fact}")
        elif r["doc"] != r["g"] or not r["title"]:
            problems.append(f"evidence of {fact} not tied to its titled document")
    assert not problems, "\n".join(problems[:20])


# -- command line ------------------------------------------------------------------------
def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def broken_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("validate") / "store"
    broken = VALID.replace('"2024-03"^^xsd:gYearMonth', '"next spring"').replace("doc:v1", "doc:b1")
    with open_store(path) as store:
        _store({"v1": VALID, "b1": broken}, store)
    return path


def test_validate_cli_help():
    proc = kg("validate", "--help")
    assert proc.returncode == 0 and "--store" in proc.stdout


def test_validate_cli_lists_violations_per_document_and_exits_1(broken_store):
    proc = kg("validate", "--store", broken_store)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("b1  (")
    assert "tai:agreement/bra-nor ta:date = \"next spring\"" in proc.stdout
    assert "ta:date must be a literal typed xsd:date" in proc.stdout
    assert "v1" not in proc.stdout
    assert "Traceback" not in proc.stderr


def test_validate_cli_json(broken_store):
    proc = kg("validate", "--store", broken_store, "--format", "json")
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert data["conforms"] is False and data["graphs"] == 2
    assert {v["document"] for v in data["violations"]} == {"b1"}


def test_validate_cli_conforming_store_exits_0(tmp_path):
    with open_store(tmp_path / "s") as store:
        _store({"v1": VALID}, store)
    proc = kg("validate", "--store", tmp_path / "s")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip() == "1 graphs conform"


def test_validate_cli_unknown_format_is_a_clean_error(broken_store):
    proc = kg("validate", "--store", broken_store, "--format", "xml")
    assert proc.returncode == 2
    assert proc.stderr.startswith("kg: error: unknown format 'xml'")
