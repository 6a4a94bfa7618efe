"""Evidence records point into the document as written, and their sentences are sentences.

``ta:charStart``/``ta:charEnd`` are offsets in the document text: the body after front
matter (the whole file when there is none; the extracted main text for HTML). Cleaning
drops captions and decodes entities; none of that may move an offset, and a headline,
byline or credit is never glued to the sentence after it.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from kg.vocab import TA

WRITTEN = Path(__file__).parent / "fixtures" / "written"


def _document_text(path: Path) -> str:
    """The document text, computed here from the file (not by kg)."""
    text = path.read_bytes().decode("utf-8")  # as written: no newline translation
    if text.startswith("---\n"):
        return text[text.index("\n---\n", 3) + 5:]
    return text


def _evidence(extractor, paths):
    """{document id: [(sentence, start, end)]} for the documents in ``paths``."""
    from kg.documents import read_documents

    docs = list(read_documents(paths))
    found: dict[str, list] = {d.id: [] for d in docs}
    for doc, graph in extractor.process(docs):
        records: dict = {}
        for q in graph.quads:
            if q.predicate.value in (TA + "sentence", TA + "charStart", TA + "charEnd"):
                records.setdefault(q.subject.value, {})[q.predicate.value[len(TA):]] = q.object.value
        found[doc.id] = [(r["sentence"], int(r["charStart"]), int(r["charEnd"])) for r in records.values()]
    return docs, found


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def evidence(extractor):
    return _evidence(extractor, [WRITTEN])


@pytest.mark.parametrize("name", [
    pytest.param("caption-and-entities.md", id="markdown-caption-and-html-entities"),
    pytest.param("headline-byline.md", id="markdown-credit-headline-byline-in-one-block"),
    pytest.param("wire.txt", id="wire-text-crlf-headline-entities-sign-off"),
])
def test_offsets_index_the_document_as_written(evidence, name):
    docs, found = evidence
    doc = next(d for d in docs if Path(d.path).name == name)
    written = _document_text(WRITTEN / name)
    assert found[doc.id], f"{name} gave no evidence"
    for sentence, start, end in found[doc.id]:
        assert _squash(written[start:end]) == _squash(sentence), (start, end, sentence)


@pytest.mark.parametrize("doc_id", [
    pytest.param("page", id="html-main-text"),
    pytest.param("jsonl-a", id="jsonl-text-with-entity-and-credit"),
])
def test_offsets_index_html_and_jsonl_text(evidence, doc_id):
    docs, found = evidence
    doc = next(d for d in docs if d.id == doc_id)
    assert found[doc_id]
    for sentence, start, end in found[doc_id]:
        assert _squash(doc.written[start:end]) == _squash(sentence), (start, end, sentence)


def test_entities_stay_as_written_in_the_evidence_sentence(evidence):
    _, found = evidence
    sentences = [s for s, _, _ in found["caption-and-entities"]]
    assert any("&amp;" in s for s in sentences)
    assert not any("Photo shows" in s for s in sentences)


@pytest.mark.parametrize("doc_id, glued", [
    pytest.param("headline-byline", "India and France deepen space ties", id="headline"),
    pytest.param("headline-byline", "By Jane Roe", id="byline"),
    pytest.param("headline-byline", "Example Wire Service", id="photo-credit"),
    pytest.param("wire", "Germany and Japan hold chip talks", id="plain-text-headline"),
    pytest.param("caption-and-entities", "Courtesy", id="caption"),
])
def test_no_evidence_sentence_carries_a_headline_byline_or_credit(evidence, doc_id, glued):
    _, found = evidence
    assert found[doc_id]
    for sentence, _, _ in found[doc_id]:
        assert glued not in sentence


@pytest.mark.parametrize("text, first", [
    pytest.param("Chip pact signed in Tokyo\n\nJapan and India signed an agreement on semiconductors.",
                 "Japan and India signed", id="headline-paragraph"),
    pytest.param("By Jane Roe\n\nThe United States and Japan signed a pact on quantum computing.",
                 "The United States and Japan", id="byline-paragraph"),
    pytest.param("SEOUL, June 3, 2025\n\nSouth Korea and Canada signed an agreement on batteries.",
                 "South Korea and Canada", id="dateline-paragraph"),
])
def test_a_paragraph_break_ends_a_sentence(extract_text, text, first):
    extraction, _ = extract_text(text)
    sentences = {f.evidence.sentence for f in extraction.facts}
    assert sentences and all(s.startswith(first) for s in sentences), sentences


# the dev articles beside the checkout (as in conftest.SHARED), or where KG_DEV_DIR says
DEV = Path(os.environ.get("KG_DEV_DIR") or Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev")


@pytest.mark.skipif(not DEV.is_dir(), reason="the dev articles are not on this machine")
def test_dev_evidence_offsets(extractor):
    docs, found = _evidence(extractor, sorted(DEV.glob("*.md")))
    for doc in docs:
        written = _document_text(Path(doc.path))
        for sentence, start, end in found[doc.id]:
            assert _squash(written[start:end]) == _squash(sentence), (doc.id, start, sentence)


def test_sample_corpus_evidence_offsets(extractor):
    """Every evidence record of the bundled corpus (Markdown, HTML, JSONL) indexes its text."""
    corpus = Path(__file__).resolve().parents[1] / "data" / "corpus"
    docs, found = _evidence(extractor, [corpus])
    checked = 0
    for doc in docs:
        path = Path(doc.path)
        written = _document_text(path) if path.suffix in (".md", ".txt") else doc.written
        for sentence, start, end in found[doc.id]:
            assert _squash(written[start:end]) == _squash(sentence), (doc.id, start, sentence)
            checked += 1
    assert checked > 50
