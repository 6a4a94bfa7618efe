"""`kg remove` leaves the store as a fresh build without the removed documents: what the
entities graph says of an entity stays while some document states a fact about it, even
one it does not name (the members of a grouping as participants of its summit)."""
from __future__ import annotations

import pytest

from kg.store import open_store
from kg.store.catalog import collect_garbage
from kg.vocab import ENTITIES_GRAPH, TA, TAI

ENTITY = f"{TAI}country/CAN"


@pytest.mark.parametrize("doc_graph, expect_kept", [
    pytest.param(f"<{TAI}doc/g7> {{ <{TAI}summit/g7-2024> <{TA}participant> <{ENTITY}> . "
                 f"<{TAI}doc/g7> <{TA}mentions> <{TAI}country/ITA> }}", True,
                 id="participant-not-mentioned-keeps-its-type"),
    pytest.param(f"<{TAI}doc/g7> {{ <{TAI}doc/g7> <{TA}mentions> <{ENTITY}> }}", True,
                 id="mentioned-keeps-its-type"),
    pytest.param(f"<{TAI}doc/g7> {{ <{TAI}doc/g7> <{TA}mentions> <{TAI}country/ITA> }}", False,
                 id="neither-mentioned-nor-in-a-fact-is-dropped"),
])
def test_collect_garbage_keeps_entities_a_document_states_facts_about(tmp_path, doc_graph, expect_kept):
    with open_store(tmp_path / "store") as store:
        store.update(f"INSERT DATA {{ GRAPH <{ENTITIES_GRAPH}> {{ <{ENTITY}> a <{TA}Country> }} "
                     f"GRAPH {doc_graph} }}")
        collect_garbage(store)
        kept = store.query(f"ASK {{ GRAPH <{ENTITIES_GRAPH}> {{ <{ENTITY}> a <{TA}Country> }} }}")
        assert bool(kept if isinstance(kept, bool) else kept.boolean) is expect_kept
