"""Derived relations (kg.rules, queries/rules/*.rq): alignedWith with its ta:Alignment
records, controlsTargetedAt, supportCount, recomputed on every build."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.rules import DERIVED_GRAPH, apply_rules, rule_description, rule_files
from kg.store.oxigraph import OxigraphStore
from kg.vocab import TAI, XSD, country_iri, doc_iri

DOCS = {
    "robotics.md": """---
id: tiny-robotics
title: Japan and India sign robotics accord
published: 2024-03-04
---
Japan and India signed an accord on robotics on 3 March 2024.
""",
    "chips.md": """---
id: tiny-chips
title: India and Japan agree chip pact
published: 2025-07-11
---
India and Japan signed a semiconductor agreement in Tokyo on 10 July 2025.
""",
    "controls.md": """---
id: tiny-controls
title: Japan restricts chip tool exports to China
published: 2023-06-02
---
Japan imposed export controls on chipmaking equipment targeting China on 1 June 2023.
""",
}

ALIGNMENTS = """
SELECT ?a ?b ?count ?first ?firstType ?last ?lastType WHERE {
  GRAPH <https://w3id.org/techalliance/id/graph/derived> {
    ?a ta:alignedWith ?b .
    ?r a ta:Alignment ; rdf:subject ?a ; rdf:predicate ta:alignedWith ; rdf:object ?b ;
       ta:agreementCount ?count .
    OPTIONAL { ?r ta:firstDate ?first BIND (DATATYPE(?first) AS ?firstType) }
    OPTIONAL { ?r ta:lastDate ?last BIND (DATATYPE(?last) AS ?lastType) }
  }
} ORDER BY ?a ?b
"""


def _alignments(store) -> dict[tuple[str, str], dict]:
    from kg.query import run_query

    return {(r["a"], r["b"]): r for r in run_query(store, ALIGNMENTS).records()}


def _derived(store) -> set[str]:
    return {f"{q.subject} {q.predicate} {q.object}" for q in store.quads(DERIVED_GRAPH)}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory, extractor):
    """The three documents above, built once; yields (store, corpus folder)."""
    from kg.build import build

    folder = tmp_path_factory.mktemp("tiny-corpus")
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = OxigraphStore(tmp_path_factory.mktemp("tiny-store") / "store")
    build([folder], store, extractor=extractor)
    yield store, folder
    store.close()


def test_rules_aligned_with_both_ways_with_count_and_dates(tiny):
    store, _ = tiny
    ind, jpn = country_iri("IND"), country_iri("JPN")
    found = _alignments(store)
    assert set(found) >= {(ind, jpn), (jpn, ind)}
    for pair in ((ind, jpn), (jpn, ind)):
        row = found[pair]
        assert row["count"] == "2"
        assert (row["first"], row["firstType"]) == ("2024-03-03", XSD + "date")
        assert (row["last"], row["lastType"]) == ("2025-07-10", XSD + "date")


def test_rules_controls_targeted_at_from_export_control(tiny):
    store, _ = tiny
    assert store.query(f"ASK {{ GRAPH <{DERIVED_GRAPH}> {{ <{country_iri('JPN')}> "
                       f"<https://w3id.org/techalliance/ontology#controlsTargetedAt> <{country_iri('CHN')}> }} }}")
    # directed: the target does not control the imposer
    assert not store.query(f"ASK {{ <{country_iri('CHN')}> "
                           f"<https://w3id.org/techalliance/ontology#controlsTargetedAt> ?x }}")


def test_rules_rebuild_keeps_counts(tiny, extractor):
    from kg.build import build

    store, folder = tiny
    before, alignments = _derived(store), _alignments(store)
    build([folder], store, extractor=extractor)
    assert _derived(store) == before
    assert _alignments(store) == alignments


def test_rules_derived_graph_of_built_corpus_conforms(tiny):
    from kg.validate import validate_store

    report = validate_store(tiny[0])
    assert DERIVED_GRAPH in report.graphs
    assert report.conforms, report.violations


# -- hand-written graphs: no extraction involved -----------------------------------------
HEADER = """
@prefix ta: <https://w3id.org/techalliance/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix c: <https://w3id.org/techalliance/id/country/> .
@prefix a: <https://w3id.org/techalliance/id/agreement/> .
@prefix x: <https://w3id.org/techalliance/id/export-control/> .
@prefix o: <https://w3id.org/techalliance/id/org/> .
"""
GRAPHS = {
    # Chile and Peru: one dated (year only) and one undated agreement; the EU is a party too
    "d1": """c:CHL a ta:Country . c:PER a ta:Country . o:eu a ta:Organization .
             a:lithium a ta:Agreement ; ta:party c:CHL , c:PER , o:eu ; ta:date "2022"^^xsd:gYear .
             a:copper a ta:Agreement ; ta:party c:CHL , c:PER .""",
    # a second report of the lithium agreement, with a month; and an export control
    "d2": """c:CHL a ta:Country . c:PER a ta:Country . c:ARG a ta:Country .
             a:lithium a ta:Agreement ; ta:party c:CHL ; ta:date "2023-02"^^xsd:gYearMonth .
             x:ore a ta:ExportControl ; ta:imposedBy c:PER ; ta:targets c:ARG .""",
}


def _hand_store() -> OxigraphStore:
    from pyoxigraph import RdfFormat, parse

    store = OxigraphStore()
    for doc_id, body in GRAPHS.items():
        store.replace_graph(doc_iri(doc_id), list(parse(HEADER + body, format=RdfFormat.TURTLE)))
    return store


def test_rules_alignment_aggregates_partial_dates():
    store = _hand_store()
    counts = apply_rules(store)
    assert counts["aligned-with"] > 0 and counts["controls-targeted-at"] == 1
    row = _alignments(store)[(country_iri("CHL"), country_iri("PER"))]
    assert row["count"] == "2"
    assert (row["first"], row["firstType"]) == ("2022", XSD + "gYear")
    assert (row["last"], row["lastType"]) == ("2023-02", XSD + "gYearMonth")
    # organisations are parties but not countries: no alignedWith to or from them
    assert all("/org/" not in a and "/org/" not in b for a, b in _alignments(store))


def test_rules_support_count_counts_document_graphs():
    from kg.query import run_query

    store = _hand_store()
    apply_rules(store)
    apply_rules(store)  # the derived graph itself never counts as support
    rows = run_query(store, "SELECT ?n ?c WHERE { ?n ta:supportCount ?c }").records()
    counts = {r["n"]: int(r["c"]) for r in rows}
    assert counts == {TAI + "agreement/lithium": 2, TAI + "agreement/copper": 1,
                      TAI + "export-control/ore": 1}


def test_rules_follow_removed_documents():
    from kg.build import remove

    store = _hand_store()
    apply_rules(store)
    remove(store, ["d2"])  # re-derives
    row = _alignments(store)[(country_iri("CHL"), country_iri("PER"))]
    assert (row["first"], row["last"]) == ("2022", "2022")
    assert not store.query("ASK { ?s <https://w3id.org/techalliance/ontology#controlsTargetedAt> ?o }")
    remove(store, ["d1"])
    assert DERIVED_GRAPH not in store.graphs()


def test_rules_apply_twice_is_idempotent():
    store = _hand_store()
    apply_rules(store)
    first = _derived(store)
    apply_rules(store)
    assert _derived(store) == first


@pytest.mark.parametrize("name", ["aligned-with", "controls-targeted-at", "support-count"])
def test_rules_files_start_with_comments(name):
    files = rule_files()
    assert name in files
    text = files[name].read_text(encoding="utf-8")
    assert text.startswith("# ") and "CONSTRUCT" in text
    assert rule_description(files[name])


def test_rules_non_construct_rule_is_an_error(tmp_path: Path):
    from kg.errors import QueryError

    (tmp_path / "bad.rq").write_text("# not a rule\nSELECT * WHERE { ?s ?p ?o }", encoding="utf-8")
    with pytest.raises(QueryError, match="not a CONSTRUCT"):
        apply_rules(OxigraphStore(), folder=tmp_path)


def test_rules_domain_alignment_records_per_pair_and_field(tiny):
    """One ta:DomainAlignment per pair and field, in one direction, with the agreements
    covering the field and the documents naming one of the two as a party."""
    from kg.query import run_query

    rows = run_query(tiny[0], """
        SELECT ?r ?a ?b ?d ?n ?s WHERE { GRAPH graph:derived {
          ?r a ta:DomainAlignment ; rdf:subject ?a ; rdf:predicate ta:alignedWith ; rdf:object ?b ;
             ta:inDomain ?d ; ta:domainAgreementCount ?n ; ta:domainSourceCount ?s } }""").records()
    found = {(r["a"], r["b"], r["d"].rsplit("/", 1)[1]): (r["n"], r["s"], r["r"]) for r in rows}
    ind, jpn = country_iri("IND"), country_iri("JPN")
    assert found == {
        (ind, jpn, "robotics"): ("1", "1", TAI + "alignment/IND-JPN/robotics"),
        (ind, jpn, "semiconductors"): ("1", "1", TAI + "alignment/IND-JPN/semiconductors"),
    }


def test_rules_via_agreement_links_each_alignment_to_its_agreements(tiny):
    from kg.query import run_query

    rows = run_query(tiny[0], """
        SELECT ?r ?n (COUNT(DISTINCT ?agreement) AS ?via) WHERE { GRAPH graph:derived {
          ?r a ta:Alignment ; ta:agreementCount ?n OPTIONAL { ?r ta:viaAgreement ?agreement } } }
        GROUP BY ?r ?n""").records()
    assert rows and all(r["n"] == r["via"] for r in rows)
    assert {r["r"] for r in rows} == {TAI + "alignment/IND-JPN", TAI + "alignment/JPN-IND"}
