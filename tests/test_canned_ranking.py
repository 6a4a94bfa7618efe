"""The canned ranking queries find their top rows the fast way (the N-th best count first,
then names only for the rows at or above it); on a graph full of ties they must return
exactly what a plain full sort returns."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kg.query import resolve_query, run_query

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def synthetic_store(tmp_path_factory):
    """A small synthetic graph (bench/synthetic.py, many equal counts) as kg build leaves
    it: the benchmark's own store builder (bulk load, fact index, derived graph)."""
    sys.path.insert(0, str(ROOT))
    from bench.querybench import build_store
    from kg.store import open_store

    where = tmp_path_factory.mktemp("synthetic") / "store"
    build_store(60_000, str(where))
    with open_store(where, read_only=True) as store:
        yield store


def _label(v: str) -> str:
    return (f"OPTIONAL {{ GRAPH graph:entities {{ {v} rdfs:label {v}_l2 }} }} "
            f"OPTIONAL {{ GRAPH graph:facts {{ {v} rdfs:label {v}_l1 }} }} "
            f"BIND (COALESCE({v}_l2, {v}_l1, STR({v})) AS {v}_name)")


def test_canned_alliances_equal_a_full_sort(synthetic_store):
    got = run_query(synthetic_store, resolve_query("alliances-by-domain", None)).rows
    plain = run_query(synthetic_store, f"""
        SELECT ?a_name ?b_name ?d_name ?n ?s WHERE {{
          GRAPH graph:derived {{ ?r ta:inDomain ?d ; ta:domainAgreementCount ?n ; ta:domainSourceCount ?s ;
                                    rdf:subject ?a ; rdf:object ?b }}
          {_label('?a')} {_label('?b')} {_label('?d')} }}
        ORDER BY DESC(?s) DESC(?n) ?a_name ?b_name ?d_name LIMIT 100""").rows
    assert len(got) == 100
    assert got == plain
    # the graph has ties at the 100th place, so the fast path had more candidates than rows
    at_or_above = run_query(synthetic_store, f"""SELECT (COUNT(*) AS ?m) WHERE {{
        GRAPH graph:derived {{ ?r ta:domainSourceCount ?s }} FILTER (?s >= {plain[-1][4]}) }}""").rows[0][0]
    assert int(at_or_above) > 100


def test_canned_country_pairs_equal_a_full_sort(synthetic_store):
    got = run_query(synthetic_store, resolve_query("agreements-by-country-pair", None)).records()
    plain = run_query(synthetic_store, f"""
        SELECT ?a_name ?b_name ?n WHERE {{
          {{ SELECT ?a ?b ?n WHERE {{
              GRAPH graph:derived {{ ?r a ta:Alignment ; ta:agreementCount ?n ; rdf:subject ?a ; rdf:object ?b }}
              FILTER (STR(?a) < STR(?b)) }} ORDER BY DESC(?n) STR(?a) STR(?b) LIMIT 100 }}
          {_label('?a')} {_label('?b')} }}
        ORDER BY DESC(?n) ?a_name ?b_name""").rows
    assert [[r["country_a"], r["country_b"], r["agreements"]] for r in got] == plain
    assert all(len(r["titles"].split(" | ")) == int(r["agreements"]) for r in got)


def test_canned_most_corroborated_equal_a_full_sort(synthetic_store):
    got = run_query(synthetic_store, resolve_query("most-corroborated-agreements", None)).rows
    plain = run_query(synthetic_store, f"""
        SELECT ?a_name ?n WHERE {{
          {{ SELECT ?a ?n WHERE {{ GRAPH graph:derived {{ ?a ta:supportCount ?n }} ?a a ta:Agreement }}
             ORDER BY DESC(?n) STR(?a) LIMIT 100 }}
          {_label('?a')} }}
        ORDER BY DESC(?n) ?a_name""").rows
    assert [row[:2] for row in got] == plain
    assert all(len(row[2].split(" | ")) == int(row[1]) for row in got)


def test_canned_agreements_covering_domain_newest_equal_a_full_sort(synthetic_store):
    text = resolve_query("agreements-covering-domain", None)
    assert text.count("LIMIT 1000 }") == 1 and text.count("?dated < 1000") == 1 and text.endswith("LIMIT 1000\n")
    ten = text.replace("LIMIT 1000 }", "LIMIT 10 }").replace("?dated < 1000", "?dated < 10")[:-len("1000\n")] + "10\n"
    got = run_query(synthetic_store, ten).rows
    plain = run_query(synthetic_store, f"""
        SELECT ?a_name ?latest WHERE {{
          {{ SELECT ?a (MAX(STR(?w)) AS ?latest) WHERE {{
              GRAPH graph:facts {{ ?a ta:covers domain:artificial-intelligence }} ?a a ta:Agreement
              OPTIONAL {{ GRAPH graph:facts {{ ?a ta:date ?w }} }} }} GROUP BY ?a }}
          {_label('?a')} }}
        ORDER BY DESC(?latest) ?a_name LIMIT 10""").rows
    assert len(got) == 10
    assert [[row[0], max(row[3].split(", "))] for row in got] == plain
