"""kg.query: prefixes pre-bound, canned queries found by name, results printed as a
table, CSV or JSON; and the canned queries' answers on the sample graph."""
from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest

from helpers_rdf import KOR, TPD, USA, memory_store, sample_store  # noqa: F401  (fixtures)
from kg.errors import QueryError
from kg.query import (QueryResult, canned_queries, format_result, resolve_query, run_query,
                      with_prefixes)
from kg.resources import queries
from kg.vocab import TA

CANNED = sorted(canned_queries())


# -- run_query ----------------------------------------------------------------------------

def test_query_run_binds_kg_prefixes(sample_store):
    result = run_query(sample_store, "SELECT ?c WHERE { tai:agreement\\/kor-usa-tpd ta:party ?c } ORDER BY ?c")
    assert sorted(set(result.column("c"))) == [KOR, USA]


def test_query_run_keeps_prefixes_the_user_declared(sample_store):
    sparql = "PREFIX ta: <urn:other#>\nASK { ?a ta:party ?c }"
    text, _ = with_prefixes(sparql)
    assert text.count("PREFIX ta:") == 1
    assert run_query(sample_store, sparql) is False  # the user's ta: wins


def test_query_run_error_positions_refer_to_the_users_text(sample_store):
    with pytest.raises(QueryError, match=r"error at 2:\d+") as info:
        run_query(sample_store, "SELECT ?s\nWHERE { ?s ta:party }")
    assert "invalid SPARQL" in str(info.value)


# -- resolve_query ------------------------------------------------------------------------

def test_query_resolve_finds_canned_query_by_name():
    text = resolve_query("alliances-by-domain", None)
    assert text == (queries() / "alliances-by-domain.rq").read_text()


def test_query_resolve_reads_a_file(tmp_path):
    path = tmp_path / "mine.rq"
    path.write_text("ASK { ?s ?p ?o }")
    assert resolve_query(None, path) == "ASK { ?s ?p ?o }"
    assert resolve_query(str(path), None) == "ASK { ?s ?p ?o }"


def test_query_resolve_passes_sparql_through():
    assert resolve_query("SELECT * WHERE { ?s ?p ?o }", None) == "SELECT * WHERE { ?s ?p ?o }"


@pytest.mark.parametrize("text, file, message", [
    pytest.param(None, "missing.rq", r"query file .*missing.rq not found; canned queries: .*alliances-by-domain",
                 id="missing file names it and lists canned queries"),
    pytest.param("alliances-by-domian", None, r"no canned query named 'alliances-by-domian'; available: .*alliances-by-domain",
                 id="misspelt canned name lists the valid ones"),
    pytest.param(None, None, "no query given", id="nothing given"),
    pytest.param("ASK {}", "x.rq", "not both", id="query and file both given"),
])
def test_query_resolve_errors_say_what_to_do(tmp_path, text, file, message):
    with pytest.raises(QueryError, match=message):
        resolve_query(text, tmp_path / file if file else None)


# -- canned queries -----------------------------------------------------------------------

@pytest.mark.parametrize("name", CANNED)
def test_query_canned_file_explains_itself_and_runs(sample_store, name):
    text = (queries() / f"{name}.rq").read_text()
    assert text.startswith("# ") and f"kg query {name}" in text
    result = run_query(sample_store, text, timeout=30)
    assert isinstance(result, QueryResult) and result.rows


def test_query_canned_set_is_complete():
    assert set(CANNED) >= {
        "alliances-by-domain", "agreements-covering-domain", "agreements-by-country-pair",
        "export-controls-by-target", "who-signed-what", "most-corroborated-agreements",
        "documents-mentioning-two-countries", "evidence-for-facts",
    }


@pytest.mark.parametrize("name, columns, rows", [
    pytest.param("alliances-by-domain", ["country_a", "country_b", "domain", "agreements", "sources"], [
        ["South Korea", "United States", "artificial intelligence", "1", "2"],
        ["South Korea", "United States", "quantum", "1", "2"],
        ["Japan", "United States", "artificial intelligence", "1", "1"],
    ], id="alliances: KOR-USA in two sources first"),
    pytest.param("agreements-by-country-pair", ["country_a", "country_b", "agreements", "titles"], [
        ["Japan", "United States", "1", "US-Japan AI accord"],
        ["South Korea", "United States", "1", "Technology Prosperity Deal"],
    ], id="country pairs"),
    pytest.param("export-controls-by-target", ["target", "controls", "imposed_by", "domains"], [
        ["China", "1", "United States", "semiconductors"],
    ], id="export controls aimed at China"),
    pytest.param("most-corroborated-agreements", None, [
        ["Technology Prosperity Deal", "2"], ["US-Japan AI accord", "1"],
    ], id="deal reported by two documents"),
    pytest.param("documents-mentioning-two-countries", None, [
        ["US and Korea sign deal; US-Japan AI accord"], ["Korea and US to sign technology deal"],
    ], id="documents naming both USA and KOR, newest first"),
])
def test_query_canned_answers_on_sample(sample_store, name, columns, rows):
    result = run_query(sample_store, resolve_query(name, None))
    if columns:
        assert result.columns == columns
    assert [row[:len(rows[0])] for row in result.rows] == rows


def test_query_canned_agreements_covering_ai_lists_parties_and_statuses(sample_store):
    records = {r["agreement"]: r for r in run_query(sample_store, resolve_query("agreements-covering-domain", None)).records()}
    assert set(records) == {"Technology Prosperity Deal", "US-Japan AI accord"}
    deal = records["Technology Prosperity Deal"]
    assert sorted(deal["parties"].split(", ")) == ["South Korea", "United States"]
    assert sorted(deal["status"].split(", ")) == ["Completed", "Planned"]
    assert deal["date"] == "2025-10-29"


def test_query_canned_who_signed_what(sample_store):
    records = run_query(sample_store, resolve_query("who-signed-what", None)).records()
    assert [(r["person"], r["country"], r["agreement"]) for r in records] == [
        ("Lee Jae-myung", "South Korea", "Technology Prosperity Deal")]


def test_query_canned_evidence_gives_one_row_per_evidence_record(sample_store):
    result = run_query(sample_store, resolve_query("evidence-for-facts", None))
    assert len(result.rows) == 4
    china = [r for r in result.records() if r["object"] == "China"]
    assert china == [{"subject": "US chip export controls", "predicate": TA + "targets", "object": "China",
                      "sentence": "Washington restricted exports of advanced chips to China.",
                      "title": "US tightens chip controls on China", "confidence": "0.85"}]


# -- format_result ------------------------------------------------------------------------

@pytest.fixture
def party_result(sample_store):
    return run_query(sample_store, f"SELECT ?agreement ?country (COUNT(DISTINCT ?g) AS ?sources) ?nothing "
                                   f"WHERE {{ GRAPH ?g {{ ?agreement ta:party ?country }} "
                                   f"FILTER (?agreement = <{TPD}>) }} GROUP BY ?agreement ?country ?nothing ORDER BY ?country")


def test_query_format_table_compacts_iris(party_result):
    out = io.StringIO()
    format_result(party_result, "table", out)
    text = out.getvalue()
    assert "tai:agreement/kor-usa-tpd" in text and "tai:country/KOR" in text
    assert "https://w3id.org" not in text
    assert "2 rows" in text


def test_query_format_csv_keeps_full_iris(party_result):
    out = io.StringIO()
    format_result(party_result, "csv", out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows == [["agreement", "country", "sources", "nothing"],
                    [TPD, KOR, "2", ""], [TPD, USA, "2", ""]]


def test_query_format_json_is_a_list_of_objects(party_result):
    out = io.StringIO()
    format_result(party_result, "json", out)
    assert json.loads(out.getvalue()) == [
        {"agreement": TPD, "country": KOR, "sources": 2, "nothing": None},
        {"agreement": TPD, "country": USA, "sources": 2, "nothing": None},
    ]


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
@pytest.mark.parametrize("sparql, expected", [
    pytest.param("ASK { ?a ta:party tai:country\\/KOR }", "true\n", id="ASK true"),
    pytest.param("ASK { ?a ta:party tai:country\\/FRA }", "false\n", id="ASK false"),
])
def test_query_format_ask_prints_true_or_false(sample_store, fmt, sparql, expected):
    out = io.StringIO()
    format_result(run_query(sample_store, sparql), fmt, out)
    assert out.getvalue() == expected


def test_query_format_construct_prints_ntriples(sample_store):
    out = io.StringIO()
    format_result(run_query(sample_store, f"CONSTRUCT {{ ?a ta:party ?c }} WHERE {{ ?a ta:party ?c FILTER (?a = <{TPD}>) }}"),
                  "table", out)
    parsed = set(ox.parse(out.getvalue().encode(), format=ox.RdfFormat.N_TRIPLES))
    assert {t.object.value for t in parsed} == {KOR, USA}


def test_query_format_unknown_lists_valid_ones():
    with pytest.raises(QueryError, match="valid formats: table, csv, json"):
        format_result(QueryResult(["x"], []), "xml", io.StringIO())
