"""Property tests (hypothesis): arbitrary text, front matter and JSONL lines never crash
ingest or extraction, and never lose a valid document.

Every test runs a fixed, derandomised set of examples with no example database, so the
suite gives the same answer on every machine and in CI.
"""
from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import pyoxigraph as ox
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.documents import Document, read_documents
from kg.errors import InputError

DOC = "https://w3id.org/techalliance/id/doc/"


def ci(max_examples: int) -> settings:
    """Deterministic settings: a fixed set of examples, no example database."""
    return settings(derandomize=True, database=None, deadline=None, print_blob=False,
                    max_examples=max_examples,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# Any Unicode text but lone surrogates (they cannot be written to a file as UTF-8):
# control characters, NUL, right-to-left and zero-width marks, emoji, combining marks.
_chars = st.characters(blacklist_categories=("Cs",))
_text = st.text(_chars, max_size=200)
# a file with NUL in its first 8 KB is binary: a valid document has none
_body = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=200)
_line = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\x00"), max_size=80)
_ids = st.lists(st.from_regex(r"id-[A-Za-z0-9][A-Za-z0-9._-]{0,15}", fullmatch=True), unique=True,
                min_size=8, max_size=8)
_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _line,
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_line, inner, max_size=3),
                     max_leaves=8)
_extra_keys = st.dictionaries(_line.filter(lambda k: k not in ("id", "title", "published", "url", "source", "text")),
                              _json, max_size=3)
SENTENCE = "Seoul and Tokyo signed a pact on chips."


def _read(*paths) -> tuple[list[Document], list[InputError]]:
    errors: list[InputError] = []
    return list(read_documents(paths, on_error=errors.append)), errors


def _one_or_error(path: Path) -> None:
    docs, errors = _read(path)
    assert len(docs) + len(errors) == 1, (docs, errors)
    for doc in docs:
        assert doc.id and doc.text and doc.text == doc.text.strip()
    for error in errors:
        assert str(error).startswith(f"{path}: ") and "\n" not in str(error)


# ---- ingest: never a crash, one document or one error per file --------------------------

@ci(150)
@given(raw=st.binary(max_size=3000), suffix=st.sampled_from([".md", ".txt", ".html"]))
def test_properties_any_bytes_give_one_document_or_one_error(raw, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"doc{suffix}"
        path.write_bytes(raw)
        _one_or_error(path)


@ci(150)
@given(text=_text, suffix=st.sampled_from([".md", ".txt", ".html"]))
def test_properties_any_text_gives_one_document_or_one_error(text, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"doc{suffix}"
        path.write_bytes(text.encode("utf-8"))
        _one_or_error(path)


# ---- ingest: valid documents are never lost ---------------------------------------------

_front = st.fixed_dictionaries({}, optional={
    "title": _line, "published": st.dates(), "url": _line, "source": _line,
    "explicit_id": st.booleans()})


@ci(60)
@given(fronts=st.lists(st.tuples(_front, _extra_keys, _body), min_size=1, max_size=8), ids=_ids)
def test_properties_valid_markdown_documents_are_never_lost(fronts, ids):
    with tempfile.TemporaryDirectory() as folder:
        expected = {}
        for i, (front, extra, body) in enumerate(fronts):
            fields = {**extra, **{k: v for k, v in front.items() if k != "explicit_id"}}
            if front.get("explicit_id"):
                fields["id"] = ids[i]
            path = Path(folder) / f"file-{i}.md"
            matter = yaml.safe_dump(fields, allow_unicode=True) if fields else ""
            # a body ending in a plain sentence is never empty once cleaned
            path.write_text(f"---\n{matter}---\n{body}\n\n{SENTENCE}\n", encoding="utf-8")
            expected[str(path)] = fields
        docs, errors = _read(folder)
    assert errors == []
    assert sorted(d.path for d in docs) == sorted(expected)
    assert len({d.id for d in docs}) == len(docs)
    for doc in docs:
        fields = expected[doc.path]
        assert doc.id == fields.get("id", Path(doc.path).stem)
        assert doc.published == fields.get("published")
        assert doc.text.endswith(SENTENCE)


_garbage = st.one_of(
    _line.map(lambda t: "!" + t),                                   # not JSON
    st.lists(_json, max_size=3).map(json.dumps),                    # a JSON list
    st.dictionaries(_line.filter(lambda k: k != "text"), _json, max_size=3).map(json.dumps),  # no text
    st.integers().map(lambda n: json.dumps({"text": n})),           # text not a string
    _line.map(lambda t: json.dumps({"text": SENTENCE, "published": "2025-02-30 " + t})),  # no such date
    st.integers(min_value=1100, max_value=3000).map(lambda n: "[" * n + "]" * n),          # too deep
)
_record = st.fixed_dictionaries({"text": _text.map(lambda t: f"{t}\n\n{SENTENCE}")}, optional={
    "title": _line, "published": st.dates().map(dt.date.isoformat), "url": _line, "source": _line})


@ci(60)
@given(lines=st.lists(st.tuples(st.booleans(), _record, _extra_keys, _garbage), min_size=1, max_size=12),
       ids=st.lists(st.from_regex(r"id-[a-z0-9]{1,8}", fullmatch=True), unique=True, min_size=12, max_size=12))
def test_properties_jsonl_keeps_every_good_line_and_reports_every_bad_one(lines, ids):
    content, good, bad = [], [], []
    for number, (is_good, record, extra, garbage) in enumerate(lines, start=1):
        if is_good:
            record = {**extra, **record}
            if number % 2:
                record["id"] = ids[number - 1]
            content.append(json.dumps(record, ensure_ascii=number % 3 == 0))
            good.append(number)
        else:
            content.append(garbage)
            bad.append(number)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "feed.jsonl"
        path.write_text("\n".join(content) + "\n", encoding="utf-8")
        docs, errors = _read(path)
    assert [d.line for d in docs] == good
    assert [str(e).split(": ", 1)[0] for e in errors] == [f"{path}:{n}" for n in bad]
    assert len({d.id for d in docs}) == len(docs)
    assert all("\n" not in str(e) for e in errors)


# ---- extraction: never a crash, every quad in its document's graph ----------------------

_words = st.sampled_from([
    "Japan", "South Korea", "the United States", "Korea", "India", "Germany", "the EU", "China",
    "signed", "will sign", "agreed", "cancelled", "an agreement", "a memorandum", "the pact",
    "on AI", "on semiconductors", "on quantum computing", "covering 6G and space", "export controls",
    "on chips", "a summit", "in Tokyo", "in Gyeongju", "on Monday", "on the 29th", "last year",
    "next month", "in 2026", "President", "Minister", "Michael Kratsios", "said", ".", ",", ";",
    "and", "with", "\n\n", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\u202e",
    "\u200b", "&amp;", "\"", "'", "(", ")", "--", "$", "100%", "U.S.-Japan", "Photo shows",
])
_prose = st.lists(_words | st.text(_chars, max_size=12), min_size=1, max_size=40).map(" ".join)


@ci(30)
@given(text=_prose, published=st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)))
def test_properties_extraction_never_crashes_and_stays_in_its_graph(extractor, text, published):
    from kg.clean import clean_text

    body = clean_text(text)
    if not body:
        return  # read_documents reports an empty document; nothing to extract
    doc = Document(id="prop", text=body, published=published)
    [(document, result)] = list(extractor.process([doc]))
    assert not isinstance(result, InputError), result
    graph = ox.NamedNode(doc.iri)
    own = list(getattr(result, "quads", result))
    assert own and all(q.graph_name == graph for q in own)
    shared = list(getattr(result, "entities", []))
    assert all(not getattr(q.graph_name, "value", "").startswith(DOC) for q in shared)
    written = ox.serialize(own + shared, format=ox.RdfFormat.N_QUADS)  # every IRI and literal is valid
    assert len(list(ox.parse(written, format=ox.RdfFormat.N_QUADS))) == len(own) + len(shared)


# ---- the SPARQL guard: any text is either let through or refused, never a crash ---------

_sparql_bits = st.sampled_from([
    "SELECT", "*", "{", "}", "(", ")", "[", "]", "<", ">", "<=", "?a", "$b", ":x", "ex:y", "_:b", "'", '"',
    "'''", '"""', "#", "\n", " ", "SERVICE", "service", "LOAD", "FROM", "NAMED", "USING", "PREFIX",
    "BASE", "<file:///etc/passwd>", "<http://x/#y>", "FILTER", "BIND", "AS", "1", ".5", "\\u0053", "@en",
    "^^", "&&", "a", "true", "EXISTS", "VALUES", "ORDER", "BY",
])


@ci(300)
@given(parts=st.lists(_sparql_bits | st.text(_chars, max_size=6), max_size=30))
def test_properties_sparql_guard_never_crashes(parts):
    from kg.errors import QueryError
    from kg.query import check_sparql

    text = "".join(parts)
    try:
        check_sparql(text)
    except QueryError as e:
        assert "\n" not in str(e) and "--allow-remote" in str(e)
    check_sparql(text, allow_remote=True)
