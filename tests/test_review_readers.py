"""Every reader honours an analyst's rejection by default (issue J, item 5): the fact
index, the derived rules, the canned queries, exports (an option keeps rejected facts,
marked), the network behind views, analyze, eval and explain."""
from __future__ import annotations

import io
import json

import pytest

from helpers_rdf import AI, CHN, CONTROL, JPN, KOR, PARTY, TPD, USA, load_sample
from kg.review.curation import record
from kg.review.model import Decision
from kg.vocab import FACTS_GRAPH, TA, TAI

TARGETS = f"{TA}targets"


def reject(store, s, p, o, note="wrong", by="ana"):
    record(store, [Decision("reject", s, p, o, by=by, at="2026-12-01T09:30:00Z", note=note)])


@pytest.fixture
def store():
    from kg.rules import apply_rules
    from kg.store import factindex
    from kg.store.oxigraph import OxigraphStore

    with OxigraphStore() as st:
        load_sample(st)
        factindex.rebuild(st)
        apply_rules(st)
        yield st


def facts_in_index(store, p):
    return {tuple(r) for r in store.query(f"SELECT ?s ?o WHERE {{ GRAPH <{FACTS_GRAPH}> {{ ?s <{p}> ?o }} }}").rows}


def test_fact_index_leaves_a_rejected_fact_out_and_takes_it_back_on_confirm(store):
    assert (TPD, KOR) in facts_in_index(store, PARTY)
    reject(store, TPD, PARTY, KOR)
    assert (TPD, KOR) not in facts_in_index(store, PARTY)
    assert (TPD, USA) in facts_in_index(store, PARTY)  # the other party stays
    record(store, [Decision("confirm", TPD, PARTY, KOR, by="bob", at="2026-12-01T10:00:00Z")])
    assert (TPD, KOR) in facts_in_index(store, PARTY)


def test_whole_index_rebuild_keeps_the_rejection(store):
    from kg.store import factindex

    reject(store, TPD, PARTY, KOR)
    factindex.rebuild(store)
    assert (TPD, KOR) not in facts_in_index(store, PARTY)


def test_derived_rules_follow_the_rejection(store):
    aligned = f"SELECT ?a ?b WHERE {{ GRAPH graph:derived {{ ?a ta:alignedWith ?b }} }}"
    controls = f"ASK {{ GRAPH graph:derived {{ <{USA}> ta:controlsTargetedAt <{CHN}> }} }}"
    from kg.query import run_query

    assert [KOR, USA] in run_query(store, aligned).rows and run_query(store, controls)
    reject(store, TPD, PARTY, KOR)
    reject(store, CONTROL, TARGETS, CHN)
    assert [KOR, USA] not in run_query(store, aligned).rows
    assert [JPN, USA] in run_query(store, aligned).rows
    assert not run_query(store, controls)


@pytest.mark.parametrize("query, gone", [
    pytest.param("agreements-by-country-pair", "South Korea", id="agreements-by-country-pair"),
    pytest.param("alliances-by-domain", "South Korea", id="alliances-by-domain"),
    pytest.param("evidence-for-facts", "Washington restricted exports", id="evidence-for-facts"),
    pytest.param("export-controls-by-target", "China", id="export-controls-by-target"),
])
def test_canned_queries_leave_rejected_facts_out(store, query, gone):
    from kg.query import resolve_query, run_query

    sparql = resolve_query(query, None)
    def text():
        return json.dumps(run_query(store, sparql).rows)
    assert gone in text()
    reject(store, TPD, PARTY, KOR)
    reject(store, CONTROL, TARGETS, CHN)
    assert gone not in text()


@pytest.mark.parametrize("fmt", ["nquads", "trig", "turtle", "jsonld"])
def test_rdf_exports_drop_rejected_facts_and_their_evidence_unless_asked(store, fmt, tmp_path):
    from kg.export import export

    reject(store, TPD, PARTY, KOR)
    plain, full = tmp_path / f"plain.{fmt}", tmp_path / f"full.{fmt}"
    export(store, fmt, plain)
    export(store, fmt, full, include_rejected=True)
    sentence = "Seoul and Washington signed the deal"  # evidence of the rejected fact only
    assert sentence not in plain.read_text() and sentence in full.read_text()
    # the decision record that marks the rejection is in both
    for path in (plain, full):
        assert "Rejected" in path.read_text() and "wrong" in path.read_text()
    assert "Washington restricted exports" in plain.read_text()  # other evidence untouched


def test_nquads_export_leaves_out_exactly_the_rejected_quads(store):
    from kg.export import export

    reject(store, TPD, PARTY, KOR)
    out = io.BytesIO()
    export(store, "nquads", out)
    lines = out.getvalue().decode().splitlines()
    assert not [l for l in lines if l.startswith(f"<{TPD}> <{PARTY}> <{KOR}> <{TAI}doc/")]
    assert [l for l in lines if l.startswith(f"<{TPD}> <{PARTY}> <{USA}> <{TAI}doc/")]


def test_view_network_hides_rejected_edges_and_marks_them_when_asked(store):
    from kg.network import to_networkx

    reject(store, TPD, PARTY, KOR, note="Seoul only observes")
    assert not to_networkx(store).has_edge(TPD, KOR)
    marked = to_networkx(store, include_rejected=True)
    edge = marked.edges[TPD, KOR, "party"]
    assert edge["rejected"] is True and "rejected by ana on 2026-12-01: Seoul only observes" == edge["review"]
    assert not to_networkx(store, projection="countries").has_edge(KOR, USA)


def test_graphml_export_marks_rejected_edges_only_when_asked(store, tmp_path):
    from kg.export import export

    reject(store, TPD, PARTY, KOR)
    export(store, "graphml", tmp_path / "a.graphml")
    export(store, "graphml", tmp_path / "b.graphml", include_rejected=True)
    assert "rejected by ana" not in (tmp_path / "a.graphml").read_text()
    assert "rejected by ana" in (tmp_path / "b.graphml").read_text()


def test_analyze_no_longer_aligns_a_rejected_party(store):
    from kg.network.analyze import NoPathError, analyze, shortest_path

    def ties():
        return {(t["a"], t["b"]) for t in analyze(store).ties}
    assert ("KOR", "USA") in ties() and shortest_path(store, "KOR", "USA").hops == 1
    reject(store, TPD, PARTY, KOR)
    assert ("KOR", "USA") not in ties() and ("JPN", "USA") in ties()
    with pytest.raises(NoPathError):
        shortest_path(store, "KOR", "USA")


def test_explain_shows_who_rejected_when_and_why(store):
    from rich.console import Console

    from kg.explain import explain, render_text

    reject(store, TPD, PARTY, KOR, note="Seoul only observes", by="ana")
    expl = explain(store, "Technology Prosperity Deal")
    party = {f.node: f for f in expl.facts if f.relation == PARTY}
    assert party[KOR].review == "rejected by ana on 2026-12-01: Seoul only observes"
    assert party[USA].review is None
    console = Console(record=True, width=200)
    render_text(expl, console)
    text = console.export_text()
    assert "rejected by ana on 2026-12-01: Seoul only observes" in text
    assert "tai:evidence/e1" in text  # the evidence id a reviewer can pass to kg review


def test_eval_scores_with_or_without_the_decisions(store, tmp_path):
    from kg.evaluate import evaluate

    gold = {"id": "a3", "entities": {}, "facts": [
        ["export_control", "USA"], ["export_control_target", "USA", "CHN"],
        ["export_control_covers", "USA", "semiconductors"]]}
    (tmp_path / "a3.gold.json").write_text(json.dumps(gold))
    assert evaluate(store, tmp_path).views["export_control_target"].tp == 1
    reject(store, CONTROL, TARGETS, CHN)
    assert evaluate(store, tmp_path).views["export_control_target"].fn == 1
    assert evaluate(store, tmp_path, curation=False).views["export_control_target"].tp == 1


def test_eval_counts_a_fact_added_by_hand_for_its_document(store, tmp_path):
    from kg.evaluate import evaluate

    gold = {"id": "a3", "entities": {}, "facts": [
        ["export_control", "USA"], ["export_control_target", "USA", "CHN"],
        ["export_control_covers", "USA", "semiconductors"],
        ["export_control_covers", "USA", "artificial-intelligence"]]}
    (tmp_path / "a3.gold.json").write_text(json.dumps(gold))
    assert evaluate(store, tmp_path).views["export_control_covers"].fn == 1
    record(store, [Decision("add", CONTROL, f"{TA}covers", AI, by="ana", at="2026-12-01T11:00:00Z",
                            doc="a3", sentence="advanced chips", start=30, end=44)])
    assert evaluate(store, tmp_path).views["export_control_covers"].tp == 2
    assert evaluate(store, tmp_path, curation=False).views["export_control_covers"].fn == 1


def test_support_count_and_most_corroborated_drop_a_document_whose_every_claim_is_rejected(store):
    from helpers_rdf import JPN_USA
    from kg.query import resolve_query, run_query
    from kg.vocab import XSD

    def support():
        rows = run_query(store, f"SELECT ?n WHERE {{ GRAPH graph:derived {{ <{JPN_USA}> ta:supportCount ?n }} }}").rows
        return int(rows[0][0]) if rows else 0
    assert support() == 1
    claims = [(PARTY, JPN, None), (PARTY, USA, None), (f"{TA}covers", AI, None),
              (f"{TA}status", f"{TA}Completed", None), (f"{TA}date", "2025-10", XSD + "gYearMonth")]
    record(store, [Decision("reject", JPN_USA, p, o, datatype=t, by="ana", at="2026-12-01T09:30:00Z")
                   for p, o, t in claims])
    assert support() == 0
    ranked = run_query(store, resolve_query("most-corroborated-agreements", None)).column("agreement")
    assert "US-Japan AI accord" not in ranked and "Technology Prosperity Deal" in ranked
