"""Incremental builds, removal and pruning: the store always equals a fresh build of the
documents it holds (issue E.1), and parallel builds write what a single process writes."""
from __future__ import annotations

import subprocess
import sys

import pytest

from kg.build import build, remove
from kg.store import open_store
from kg.store.catalog import stored_documents
from kg.vocab import ENTITIES_GRAPH, TAI
from test_build import _quads, _write

ARTICLES = {
    "a.md": """---
id: a
title: Japan and India sign robotics accord
published: 2024-03-05
---
Japan and India signed an accord on robotics on Tuesday in New Delhi.
""",
    "b.md": """---
id: b
title: Robotics accord welcomed
published: 2024-03-07
---
Industry groups welcomed the accord on robotics that Japan and India signed on March 5, 2024.
""",
    "c.md": """---
id: c
title: Canberra and Seoul plan quantum pact
published: 2025-06-02
---
Australia and South Korea will sign a quantum computing agreement in Canberra next month,
Science Minister Ed Husic said.
""",
}


def _fresh(tmp_path, extractor, files: dict[str, str], name: str) -> set[str]:
    corpus = _write(tmp_path / f"{name}-corpus", files)
    with open_store(tmp_path / f"{name}-store") as store:
        build([corpus], store, extractor=extractor)
        return _quads(store)


def test_incremental_second_build_skips_unchanged_documents(tmp_path, extractor):
    corpus = _write(tmp_path / "c", ARTICLES)
    with open_store(tmp_path / "s") as store:
        first = build([corpus], store, extractor=extractor)
        before = _quads(store)
        again = build([corpus], store, extractor=extractor)
        assert (first.documents, first.unchanged) == (3, 0)
        assert (again.documents, again.unchanged) == (0, 3)
        assert _quads(store) == before


def test_incremental_changed_document_is_rebuilt_and_its_old_entities_go(tmp_path, extractor):
    corpus = _write(tmp_path / "c", ARTICLES)
    with open_store(tmp_path / "s") as store:
        build([corpus], store, extractor=extractor)
        assert any("Ed Husic" in q for q in _quads(store))
        changed = ARTICLES["c.md"].replace("Australia", "Canada").replace(
            "Canberra", "Ottawa").replace(",\nScience Minister Ed Husic said", "")
        (corpus / "c.md").write_text(changed, encoding="utf-8")
        report = build([corpus], store, extractor=extractor)
        assert (report.documents, report.unchanged) == (1, 2)
        got = _quads(store)
    assert not any("Ed Husic" in q or "country/AUS" in q for q in got)
    assert got == _fresh(tmp_path, extractor, {**ARTICLES, "c.md": changed}, "ref")


def test_incremental_remove_equals_a_build_without_the_document(tmp_path, extractor):
    corpus = _write(tmp_path / "c", ARTICLES)
    with open_store(tmp_path / "s") as store:
        build([corpus], store, extractor=extractor)
        removed, unknown = remove(store, ["c", "tai:doc/nope"])
        assert removed == ["c"] and unknown == ["tai:doc/nope"]
        got = _quads(store)
        entities = {str(q.subject) for q in store.quads(ENTITIES_GRAPH)}
    assert f"<{TAI}country/AUS>" not in entities  # only c mentioned Australia
    assert f"<{TAI}country/JPN>" in entities      # a and b still do
    assert got == _fresh(tmp_path, extractor, {k: v for k, v in ARTICLES.items() if k != "c.md"}, "ref")


def test_incremental_prune_drops_documents_no_longer_in_the_corpus(tmp_path, extractor):
    corpus = _write(tmp_path / "c", ARTICLES)
    with open_store(tmp_path / "s") as store:
        build([corpus], store, extractor=extractor)
        (corpus / "b.md").unlink()
        kept = build([corpus], store, extractor=extractor)          # without --prune: b stays
        assert kept.removed == 0 and f"{TAI}doc/b" in store.graphs()
        pruned = build([corpus], store, extractor=extractor, prune=True)
        assert pruned.removed == 1 and pruned.unchanged == 2
        got = _quads(store)
    assert got == _fresh(tmp_path, extractor, {k: v for k, v in ARTICLES.items() if k != "b.md"}, "ref")


def test_incremental_force_rebuilds_to_the_same_graph(tmp_path, extractor):
    corpus = _write(tmp_path / "c", ARTICLES)
    with open_store(tmp_path / "s") as store:
        build([corpus], store, extractor=extractor)
        before = _quads(store)
        report = build([corpus], store, extractor=extractor, force=True)
        assert report.documents == 3
        assert _quads(store) == before


def test_incremental_incomplete_graph_is_dropped_and_rebuilt(tmp_path, extractor):
    """A document graph without its content hash (a killed build) is rebuilt, not trusted."""
    corpus = _write(tmp_path / "c", ARTICLES)
    with open_store(tmp_path / "s") as store:
        build([corpus], store, extractor=extractor)
        before = _quads(store)
        store.update(f"DELETE WHERE {{ GRAPH <{TAI}doc/a> {{ ?d <https://w3id.org/techalliance/ontology#contentHash> ?h }} }}")
        assert not stored_documents(store)[f"{TAI}doc/a"].whole
        report = build([corpus], store, extractor=extractor)
        assert (report.documents, report.unchanged) == (1, 2)
        assert _quads(store) == before


def test_incremental_new_extractor_version_rebuilds(tmp_path, extractor, monkeypatch):
    corpus = _write(tmp_path / "c", ARTICLES)
    with open_store(tmp_path / "s") as store:
        build([corpus], store, extractor=extractor)
        monkeypatch.setattr(extractor, "version", extractor.version + "+dev")
        report = build([corpus], store, extractor=extractor)
    assert report.documents == 3


@pytest.mark.slow
def test_incremental_two_workers_build_what_one_process_builds(tmp_path, extractor):
    corpus = _write(tmp_path / "c", ARTICLES)
    reference = _fresh(tmp_path, extractor, ARTICLES, "ref")
    with open_store(tmp_path / "s") as store:
        report = build([corpus], store, workers=2)
        assert report.documents == 3 and report.ok
        assert _quads(store) == reference


def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_incremental_cli_remove_and_prune(tmp_path):
    corpus = _write(tmp_path / "c", ARTICLES)
    store = str(tmp_path / "s")
    assert _kg("build", str(corpus), "--store", store, "-q").returncode == 0
    again = _kg("build", str(corpus), "--store", store, "-q")
    assert again.returncode == 0 and "3 unchanged" in again.stderr
    gone = _kg("remove", "c", "nope", "--store", store)
    assert gone.returncode == 1
    assert "no document 'nope'" in gone.stderr and "removed 1 documents" in gone.stderr
    (corpus / "b.md").unlink()
    pruned = _kg("build", str(corpus), "--store", store, "--prune", "-q")
    assert pruned.returncode == 0 and "1 removed" in pruned.stderr
    missing = _kg("remove", "a", "--store", str(tmp_path / "no-such-store"))
    assert missing.returncode == 2 and "no store" in missing.stderr
