"""kg.query: prefixes pre-bound, canned queries found by name, results printed as a
table, CSV or JSON; and the canned queries' answers on the sample graph."""
from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest

from helpers_rdf import KOR, TPD, USA, load_sample, memory_store  # noqa: F401  (fixtures)
from kg.errors import QueryError
from kg.query import (QueryResult, canned_queries, format_result, resolve_query, run_query,
                      with_prefixes)
from kg.resources import queries
from kg.vocab import TA

CANNED = sorted(canned_queries())


@pytest.fixture
def sample_store(memory_store):
    """The three sample documents, as kg build leaves a store: with the fact index and
    the derived graph, which the canned queries read."""
    from kg.rules import apply_rules

    load_sample(memory_store)
    apply_rules(memory_store)  # builds the fact index first: the store has none
    return memory_store


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


def test_query_resolve_long_sparql_text_is_not_taken_for_a_file_name():
    text = "SELECT ?s WHERE { ?s ?p ?o " + "FILTER (?s != <urn:x>) " * 20 + "}"
    assert len(text) > 255  # longer than a file name may be
    assert resolve_query(text, None) == text


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


def test_query_canned_evidence_for_facts_between_the_us_and_china(sample_store):
    result = run_query(sample_store, resolve_query("evidence-for-facts", None))
    assert result.records() == [{"subject": "US chip export controls", "predicate": TA + "targets", "object": "China",
                                 "sentence": "Washington restricted exports of advanced chips to China.",
                                 "title": "US tightens chip controls on China", "confidence": "0.85"}]


def test_query_canned_evidence_without_the_focus_gives_one_row_per_evidence_record(sample_store):
    text = resolve_query("evidence-for-facts", None)
    unfocused = "\n".join(line for line in text.splitlines() if not line.rstrip().endswith("# focus"))
    assert unfocused != text  # the query's comment says: delete the line marked "focus"
    result = run_query(sample_store, unfocused)
    assert len(result.rows) == 4
    assert len({(r["subject"], r["predicate"], r["object"], r["title"]) for r in result.records()}) == 4


# -- format_result ------------------------------------------------------------------------

@pytest.fixture
def party_result(sample_store):
    return run_query(sample_store, f"SELECT ?agreement ?country (COUNT(DISTINCT ?g) AS ?sources) ?nothing "
                                   f"WHERE {{ GRAPH ?g {{ ?agreement ta:party ?country }} FILTER (STRSTARTS(STR(?g), STR(doc:))) "
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


# -- guard: SPARQL from users stays inside the store ----------------------------------------

_BLOCKED = [
    pytest.param("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE", id="SERVICE"),
    pytest.param("select * { service <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE",
                 id="lowercase service"),
    pytest.param("SELECT * { SERVICE SILENT ?endpoint { ?s ?p ?o } }", "SERVICE", id="SERVICE SILENT on a variable"),
    pytest.param("SELECT * { SERVICESILENT<http://127.0.0.1:9/>{} }", "SERVICE",
                 id="keyword glued to the next one, as Oxigraph reads it"),
    pytest.param("PREFIX : <http://127.0.0.1:9/>\nSELECT * { SERVICE:x {} }", "SERVICE",
                 id="SERVICE glued to a prefixed name"),
    pytest.param("PREFIX : <http://127.0.0.1:9/>\nSELECT * { BIND(1 AS ?a) BIND(2 AS ?b) "
                 "FILTER(?a<?b)SERVICE:x#>\n{} }", "SERVICE",
                 id="a less-than and a comment do not make an IRI that hides SERVICE"),
    pytest.param("SELECT * { ?s ?p '#' . SERVICE <http://x/> {} }", "SERVICE", id="'#' in a string is no comment"),
    pytest.param("SELECT * { ?s <http://x/#a> ?o . SERVICE <http://x/> {} }", "SERVICE",
                 id="'#' in an IRI is no comment"),
    pytest.param("SELECT * { \\u0053ERVICE <http://x/> { ?s ?p ?o } }", "SERVICE",
                 id="SERVICE written with a \\u escape"),
    pytest.param("SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }", "FROM <file:///etc/passwd>", id="FROM file:"),
    pytest.param("SELECT * FROM NAMED <FILE:///etc/passwd> { GRAPH ?g { ?s ?p ?o } }",
                 "FROM NAMED <FILE:///etc/passwd>", id="FROM NAMED FILE: in capitals"),
    pytest.param("PREFIX f: <file:///etc/>\nSELECT * FROM f:passwd { ?s ?p ?o }", "FROM <file:///etc/passwd>",
                 id="file: IRI through a prefix"),
    pytest.param("BASE <file:///etc/>\nSELECT * FROM <passwd> { ?s ?p ?o }", "FROM <file:///etc/passwd>",
                 id="file: IRI through BASE"),
    pytest.param("LOAD <http://example.org/data.ttl>", "LOAD", id="LOAD"),
    pytest.param("load silent <file:///etc/passwd> INTO GRAPH <urn:g>", "LOAD", id="lowercase load of a file"),
    pytest.param("LOADSILENT<http://127.0.0.1:9/x>", "LOAD", id="LOAD glued to SILENT"),
    pytest.param("DELETE { ?s ?p ?o } USING <file:///etc/passwd> WHERE { ?s ?p ?o }",
                 "USING <file:///etc/passwd>", id="USING file:"),
    pytest.param("INSERT { ?s ?p ?o } WHERE { SERVICE <http://x/> { ?s ?p ?o } }", "SERVICE",
                 id="SERVICE in an update"),
]

_ALLOWED = [
    pytest.param("SELECT * { ?s ?p 'SERVICE <http://x/>' }", id="SERVICE in a string"),
    pytest.param('SELECT * { ?s ?p """LOAD\n<file:///etc/passwd>""" }', id="LOAD in a long string"),
    pytest.param("# SERVICE <http://x/> and LOAD\nSELECT * { ?s ?p ?o }", id="keywords in a comment"),
    pytest.param("SELECT ?service ?load { ?service ?p ?load }", id="variables named service and load"),
    pytest.param("SELECT * { ?s <http://example.org/service/load> ?o }", id="words inside an IRI"),
    pytest.param("SELECT * { ?s ta:service ?o }", id="a local name"),
    pytest.param("SELECT * FROM <https://w3id.org/techalliance/id/doc/a> { ?s ?p ?o }", id="FROM a graph IRI"),
    pytest.param("SELECT * { ?s ?p ?o FILTER(?o < 5 && ?o > 1) }", id="comparisons"),
    pytest.param("SELECT * { ?s ?p <file:///x> }", id="a file: IRI as a term is only data"),
]


@pytest.mark.parametrize("sparql, what", _BLOCKED)
def test_query_guard_blocks_remote_and_file_access(sparql, what):
    from kg.query import check_sparql

    with pytest.raises(QueryError) as info:
        check_sparql(sparql)
    message = str(info.value)
    assert message.startswith(f"{what} at line ") and "is blocked" in message
    assert "--allow-remote (allow_remote=True)" in message and "\n" not in message
    check_sparql(sparql, allow_remote=True)  # the explicit option lifts the block


@pytest.mark.parametrize("sparql", _ALLOWED)
def test_query_guard_lets_plain_queries_through(sparql):
    from kg.query import check_sparql

    check_sparql(sparql)


def test_query_guard_names_the_line(memory_store):
    with pytest.raises(QueryError, match=r"^SERVICE at line 3 is blocked"):
        run_query(memory_store, "SELECT *\nWHERE {\n  SERVICE <http://x/> { ?s ?p ?o } }")


def test_query_run_refuses_service_unless_allowed(memory_store):
    sparql = "SELECT * { SERVICE SILENT <http://127.0.0.1:9/> { ?s ?p ?o } }"
    with pytest.raises(QueryError, match="SERVICE at line 1 is blocked"):
        run_query(memory_store, sparql)
    # allowed, it reaches the engine (which refuses port 9 by itself: SILENT gives one empty row)
    assert len(run_query(memory_store, sparql, allow_remote=True).rows) == 1


def test_query_run_update_refuses_load_unless_allowed(memory_store):
    from kg.query import run_update

    with pytest.raises(QueryError, match="LOAD at line 1 is blocked"):
        run_update(memory_store, "LOAD <file:///etc/passwd> INTO GRAPH <urn:g>")
    run_update(memory_store, "INSERT DATA { GRAPH <urn:g> { tai:a rdfs:label 'A' } }")
    assert len(memory_store) == 1


def test_query_run_timeout_zero_means_no_limit(sample_store):
    assert run_query(sample_store, "ASK { ?s ?p ?o }", timeout=0) is True


# -- the command line: blocked queries and the time limit -----------------------------------

def _kg(*args):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=120)


@pytest.fixture(scope="module")
def cartesian_store(tmp_path_factory):
    """A store of 2,000 quads on disk: a three-way cartesian product over it is 8e9 rows."""
    from kg.store import open_store

    path = tmp_path_factory.mktemp("timeout") / "store"
    graph = ox.NamedNode("https://w3id.org/techalliance/id/doc/generated")
    with open_store(path) as store:
        store.add(ox.Quad(ox.NamedNode(f"https://w3id.org/techalliance/id/x/{i}"),
                          ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal(str(i)), graph)
                  for i in range(2000))
    return path


def test_query_cli_blocks_service_with_a_one_line_error(cartesian_store):
    proc = _kg("query", "select * { service <http://127.0.0.1:9/> { ?s ?p ?o } }", "--store", cartesian_store)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip().splitlines() == [
        "kg: error: SERVICE at line 1 is blocked: it sends the query to another server; "
        "allow it with --allow-remote (allow_remote=True)"]


def test_query_cli_stops_an_expensive_query_at_the_time_limit(cartesian_store):
    import time

    started = time.monotonic()
    proc = _kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z }",
               "--store", cartesian_store, "--timeout", "1")
    assert time.monotonic() - started < 30  # the process exits though the engine cannot be cancelled
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "kg: error: query did not finish within 1 s; add a LIMIT or more specific patterns, "
        "or allow a longer timeout"]


def test_query_cli_has_a_default_time_limit():
    proc = _kg("query", "--help")
    assert "--timeout" in proc.stdout and "30" in proc.stdout and "--allow-remote" in proc.stdout


def test_query_format_table_escapes_terminal_control_characters():
    out = io.StringIO()
    format_result(QueryResult(["t"], [["red\x1b[31m\u202e\nnext line"]], [["literal"]]), "table", out)
    assert "\x1b" not in out.getvalue() and "\u202e" not in out.getvalue()
    assert "red\\x1b[31m\\u202e" in out.getvalue() and "next line" in out.getvalue()


def test_query_guard_docstring_examples():
    import doctest

    import kg.query.guard

    result = doctest.testmod(kg.query.guard)
    assert result.failed == 0 and result.attempted > 0
