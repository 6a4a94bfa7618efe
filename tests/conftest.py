"""Shared fixtures: the spaCy pipeline and the extractor are loaded once per session."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def extractor():
    from kg.build import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def extract_text(extractor):
    """Extract from a text written in a test: returns ``(extraction, facts)`` where facts
    is a set of ``(subject, predicate, object)`` with IRIs shortened to their local names."""
    from kg.documents import Document
    from kg.extract.records import Value
    from kg.vocab import local_name

    def run(text: str, published: date | None = date(2025, 10, 29), doc_id: str = "t"):
        doc = Document(id=doc_id, text=text, published=published)
        (d, sdoc), = list(extractor.parse([doc]))
        ext = extractor.extract(d, sdoc)
        # agreement ids end in the year when one is known: tests name them without it
        short = lambda v: v.lexical if isinstance(v, Value) else re.sub(r"-(1[89]|20)\d\d$", "", local_name(v))  # noqa: E731
        facts = {(short(f.subject), f.predicate, short(f.object)) for f in ext.facts}
        return ext, facts
    return run


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory, extractor):
    """The bundled sample corpus, built once into a store."""
    from kg.build import build
    from kg.store import open_store

    path = tmp_path_factory.mktemp("sample") / "store"
    store = open_store(path)
    report = build([ROOT / "data" / "corpus"], store, extractor=extractor)
    assert report.documents >= 8
    yield store
    store.close()
from conftest_servers import *  # noqa
