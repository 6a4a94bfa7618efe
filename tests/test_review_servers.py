"""kg review on the SPARQL stores (oxigraph serve, Virtuoso 7): decisions are written,
read back and honoured by the fact index, the rules and the export, as on the embedded
store."""
from __future__ import annotations

import pytest

from helpers_rdf import CONTROL, KOR, PARTY, TPD, USA, load_sample
from kg.vocab import FACTS_GRAPH, TA, TAI
from test_store_contract import empty, server_store


@pytest.fixture(params=["oxigraph_server", "virtuoso_server"])
def store(request):
    from kg.rules import apply_rules
    from kg.store import factindex

    server = request.getfixturevalue(request.param)
    with empty(server_store(server)) as st:
        load_sample(st)
        factindex.rebuild(st)
        apply_rules(st)
        yield st
        empty(st)


@pytest.mark.server
def test_review_on_a_server_store(store):
    from kg.review import decisions
    from kg.review.actions import add, decide, stored_fact
    from kg.review.readers import nquads

    assert store.query(f"ASK {{ GRAPH <{FACTS_GRAPH}> {{ <{TPD}> <{PARTY}> <{KOR}> }} }}")
    decide(store, "reject", stored_fact(store, "Technology Prosperity Deal", "party", "Korea"), by="ana", note="no")
    decide(store, "confirm", stored_fact(store, TPD, "party", "USA"), by="bob")
    add(store, CONTROL, "covers", "quantum", doc="a3", sentence="advanced chips", by="ana")
    found = {(d.action, d.object, d.by) for d in decisions(store)}
    assert found == {("reject", KOR, "ana"), ("confirm", USA, "bob"), ("add", f"{TAI}domain/quantum", "ana")}
    assert not store.query(f"ASK {{ GRAPH <{FACTS_GRAPH}> {{ <{TPD}> <{PARTY}> <{KOR}> }} }}")
    assert store.query(f"ASK {{ GRAPH <{FACTS_GRAPH}> {{ <{CONTROL}> <{TA}covers> <{TAI}domain/quantum> }} }}")
    assert not store.query(f"ASK {{ GRAPH <{TAI}graph/derived> {{ <{KOR}> <{TA}alignedWith> <{USA}> }} }}")
    text = nquads(store).decode()
    assert f"<{TPD}> <{PARTY}> <{KOR}> <{TAI}doc/" not in text
    assert f"<{TPD}> <{PARTY}> <{KOR}> <{TAI}doc/" in nquads(store, include_rejected=True).decode()
