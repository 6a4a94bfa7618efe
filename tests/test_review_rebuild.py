"""Decisions survive what rebuilds the store (issue J, item 4): kg build --force, --prune,
an incremental rebuild of the document the rejected fact came from, kg remove, and,
through kg review export/import, a fresh store. Real builds of two short articles."""
from __future__ import annotations

import pytest

from kg.vocab import FACTS_GRAPH, TA, TAI

CHN, KOR = f"{TAI}country/CHN", f"{TAI}country/KOR"
TARGETS, PARTY = f"{TA}targets", f"{TA}party"

PACT = """---
id: pact
title: Ottawa and Seoul agree on batteries
published: 2025-03-10
---
Canada and South Korea signed an agreement on battery supply chains in Ottawa on Monday.
"""
CURBS = """---
id: curbs
title: Dutch extend chip tool rules
published: 2025-04-02
---
The Netherlands imposed new export controls on advanced chipmaking equipment to China on Wednesday.
"""


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "pact.md").write_text(PACT)
    (folder / "curbs.md").write_text(CURBS)
    return folder


@pytest.fixture
def built(tmp_path, corpus, extractor):
    from kg.build import build
    from kg.store import open_store

    path = tmp_path / "store"
    with open_store(path) as st:
        build([corpus], st, extractor=extractor)
    return path


def control_of(st, country="NLD"):
    rows = st.query(f"SELECT ?c WHERE {{ ?c <{TA}imposedBy> <{TAI}country/{country}> }}").rows
    assert rows, "the sample article should give an export control"
    return rows[0][0]


def rejected_in_readers(st, control) -> bool:
    """Whether the fact index and the derived graph both leave the rejected fact out."""
    from kg.rules import DERIVED_GRAPH

    indexed = st.query(f"ASK {{ GRAPH <{FACTS_GRAPH}> {{ <{control}> <{TARGETS}> <{CHN}> }} }}")
    derived = st.query(f"ASK {{ GRAPH <{DERIVED_GRAPH}> {{ ?x <{TA}controlsTargetedAt> <{CHN}> }} }}")
    return not indexed and not derived


def reject_control(st):
    from kg.review.actions import decide, stored_fact

    control = control_of(st)
    decide(st, "reject", stored_fact(st, control, "targets", "China"), by="ana", note="not aimed at anyone")
    return control


def test_rejection_survives_build_force(built, corpus, extractor):
    from kg.build import build
    from kg.review import decisions
    from kg.store import open_store

    with open_store(built) as st:
        control = reject_control(st)
        assert rejected_in_readers(st, control)
        report = build([corpus], st, extractor=extractor, force=True)
        assert report.documents == 2
        assert rejected_in_readers(st, control)
        assert [d.action for d in decisions(st)] == ["reject"]


def test_rejection_survives_prune_and_the_document_coming_back(built, corpus, extractor):
    from kg.build import build
    from kg.review import decisions
    from kg.store import open_store

    with open_store(built) as st:
        control = reject_control(st)
        build([corpus / "pact.md"], st, extractor=extractor, prune=True)  # curbs pruned
        assert f"{TAI}graph/curation" in st.graphs()
        assert len(decisions(st)) == 1
        build([corpus], st, extractor=extractor)  # curbs built again, incrementally
        assert control_of(st) == control
        assert rejected_in_readers(st, control)


def test_rejection_survives_removing_another_document(built, extractor):
    from kg.build import remove
    from kg.store import open_store

    with open_store(built) as st:
        control = reject_control(st)
        remove(st, ["pact"])
        assert rejected_in_readers(st, control)


def test_decisions_reach_a_fresh_store_through_export_and_import(built, corpus, extractor, tmp_path):
    from kg.build import build
    from kg.review.actions import export_decisions, import_decisions
    from kg.store import open_store

    with open_store(built) as st:
        reject_control(st)
        export_decisions(st, tmp_path / "decisions.jsonl")
    with open_store(tmp_path / "fresh") as st:
        build([corpus], st, extractor=extractor)
        control = control_of(st)
        assert not rejected_in_readers(st, control)
        assert import_decisions(st, tmp_path / "decisions.jsonl") == (1, 0)
        assert rejected_in_readers(st, control)


def test_an_added_fact_survives_build_force(built, corpus, extractor):
    from kg.build import build
    from kg.review.actions import add
    from kg.store import open_store

    with open_store(built) as st:
        agreement = st.query(f"SELECT ?a WHERE {{ ?a <{PARTY}> <{KOR}> }}").rows[0][0]
        d = add(st, agreement, "covers", "domain:semiconductors", doc="pact",
                sentence="an agreement on battery supply chains", by="ana")
        assert (d.start, d.end, d.sentence) == (30, 67, "an agreement on battery supply chains")
        fact = f"ASK {{ GRAPH <{FACTS_GRAPH}> {{ <{agreement}> <{TA}covers> <{TAI}domain/semiconductors> }} }}"
        assert st.query(fact)
        build([corpus], st, extractor=extractor, force=True)
        assert st.query(fact)
        # never written into the document's own graph
        assert not st.query(f"ASK {{ GRAPH <{TAI}doc/pact> {{ <{agreement}> <{TA}covers> <{TAI}domain/semiconductors> }} }}")
