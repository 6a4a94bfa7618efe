"""The build pipeline end to end: documents in, one named graph per document out."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build
from kg.store import open_store

TAI = "https://w3id.org/techalliance/id/"

ARTICLE_A = """---
id: a
title: Japan and India sign robotics accord
published: 2024-03-05
---
Japan and India signed an accord on robotics on Tuesday in New Delhi.
"""
ARTICLE_B = """---
id: b
title: Robotics accord welcomed
published: 2024-03-07
---
Industry groups welcomed the accord on robotics that Japan and India signed on March 5, 2024.
"""


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _quads(store) -> set[str]:
    """The store's quads as N-Quads lines (kg writes no blank nodes, so equal sets are isomorphic)."""
    return {str(q) for q in store.quads()}


def test_build_one_named_graph_per_document(tmp_path, extractor):
    corpus = _write(tmp_path / "c", {"a.md": ARTICLE_A, "b.md": ARTICLE_B})
    with open_store(tmp_path / "s") as store:
        report = build([corpus], store, extractor=extractor)
        assert report.documents == 2 and report.ok
        docs = sorted(g for g in store.graphs() if g.startswith(TAI + "doc/"))
        assert docs == [TAI + "doc/a", TAI + "doc/b"]


def test_build_same_agreement_in_two_documents_is_one_node(tmp_path, extractor):
    corpus = _write(tmp_path / "c", {"a.md": ARTICLE_A, "b.md": ARTICLE_B})
    with open_store(tmp_path / "s") as store:
        build([corpus], store, extractor=extractor)
        rows = store.query("""
            SELECT ?a (COUNT(DISTINCT ?g) AS ?docs) WHERE {
              ?a a <https://w3id.org/techalliance/ontology#Agreement> .
              GRAPH ?g { ?a <https://w3id.org/techalliance/ontology#party> ?p }
              FILTER (STRSTARTS(STR(?g), "https://w3id.org/techalliance/id/doc/")) } GROUP BY ?a""").records()
    assert len(rows) == 1, rows
    assert rows[0]["docs"] == "2"


def test_build_twice_gives_an_isomorphic_graph(tmp_path, extractor):
    corpus = _write(tmp_path / "c", {"a.md": ARTICLE_A, "b.md": ARTICLE_B})
    with open_store(tmp_path / "s") as store:
        build([corpus], store, extractor=extractor)
        first, n = _quads(store), len(store)
        build([corpus], store, extractor=extractor)
        assert len(store) == n
        assert _quads(store) == first


def test_build_bad_document_does_not_stop_the_others(tmp_path, extractor):
    corpus = _write(tmp_path / "c", {"a.md": ARTICLE_A, "broken.md": "---\ntitle: [unclosed\n---\ntext\n"})
    errors = []
    with open_store(tmp_path / "s") as store:
        report = build([corpus], store, extractor=extractor, on_error=errors.append)
        assert report.documents == 1
        assert len(errors) == 1 and "broken.md" in str(errors[0])
        assert [g for g in store.graphs() if g.startswith(TAI + "doc/")] == [TAI + "doc/a"]


def test_build_evidence_offsets_index_the_document_text(tmp_path, extractor):
    from kg.documents import read_documents

    corpus = _write(tmp_path / "c", {"a.md": ARTICLE_A})
    doc, = read_documents([corpus])
    with open_store(tmp_path / "s") as store:
        build([corpus], store, extractor=extractor)
        rows = store.query("""
            SELECT ?sentence ?start ?end WHERE { ?e a <https://w3id.org/techalliance/ontology#Evidence> ;
              <https://w3id.org/techalliance/ontology#sentence> ?sentence ;
              <https://w3id.org/techalliance/ontology#charStart> ?start ;
              <https://w3id.org/techalliance/ontology#charEnd> ?end }""").records()
    assert rows
    for r in rows:
        assert doc.text[int(r["start"]):int(r["end"])] == r["sentence"]


@pytest.mark.slow
def test_build_sample_corpus_has_the_demo_answer(sample_store):
    from kg.query import resolve_query, run_query

    rows = run_query(sample_store, resolve_query("agreements-covering-domain", None)).records()
    text = str(rows)
    assert "United States" in text and ("South Korea" in text or "Japan" in text)


def test_build_extraction_failure_skips_only_that_document(tmp_path, extractor, monkeypatch):
    corpus = _write(tmp_path / "c", {"a.md": ARTICLE_A, "b.md": ARTICLE_B})
    real = extractor.extract

    def flaky(document, sdoc):
        if document.id == "b":
            raise RuntimeError("boom")
        return real(document, sdoc)

    monkeypatch.setattr(extractor, "extract", flaky)
    errors = []
    with open_store(tmp_path / "s") as store:
        report = build([corpus], store, extractor=extractor, on_error=errors.append)
        assert report.documents == 1
        assert len(errors) == 1 and "b.md" in str(errors[0]) and "boom" in str(errors[0])
