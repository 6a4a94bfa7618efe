"""Web archives (kg/sources/warc.py): WARC files written here with warcio."""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from kg.documents import read_documents
from kg.sources import SourceOptions
from sources_site import STORIES, article_page, story_text

BASE = "https://ledger.example"


def write_warc(path: Path, records, *, gzip: bool) -> Path:
    """``records``: (uri, status, content type, body bytes, WARC-Date) responses, or
    ("request", uri) for a request record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for record in records:
            if record[0] == "request":
                headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "ledger.example")], is_http_request=True)
                writer.write_record(writer.create_warc_record(record[1], "request", http_headers=headers))
                continue
            uri, status, content_type, body, date = record
            headers = StatusAndHeaders(f"{status} {'OK' if status == 200 else 'Not Found'}",
                                       [("Content-Type", content_type)], protocol="HTTP/1.1")
            warc_headers = {"WARC-Date": date} if date else None
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict=warc_headers))
    return path


def page(slug: str, **kw) -> bytes:
    return article_page(slug, BASE, **kw).encode("utf-8")


def read(path, **options):
    errors = []
    docs = list(read_documents([path], on_error=errors.append,
                               sources=SourceOptions(**options) if options else None))
    return docs, [str(e) for e in errors]


@pytest.mark.parametrize("gzip, name", [pytest.param(True, "crawl.warc.gz", id="warc.gz"),
                                        pytest.param(False, "crawl.warc", id="warc")])
def test_warc_every_html_response_is_a_document(tmp_path, gzip, name):
    path = write_warc(tmp_path / name, [
        ("request", f"{BASE}/news/chip-lab"),
        (f"{BASE}/news/chip-lab", 200, "text/html; charset=utf-8", page("chip-lab"), "2024-04-10T01:02:03Z"),
        (f"{BASE}/logo.png", 200, "image/png", b"\x89PNG\r\n", None),
        (f"{BASE}/news/missing", 404, "text/html", b"<p>Not found</p>", None),
        (f"{BASE}/news/space-talks", 200, "text/html", page("space-talks"), None),
    ], gzip=gzip)
    docs, errors = read(path)
    assert not errors
    assert [(d.id, d.url, d.published, d.title) for d in docs] == [
        ("ledger-example-news-chip-lab", f"{BASE}/news/chip-lab", dt.date(2024, 4, 9), STORIES["chip-lab"][0]),
        ("ledger-example-news-space-talks", f"{BASE}/news/space-talks", dt.date(2024, 5, 14),
         STORIES["space-talks"][0])]
    assert [d.text for d in docs] == [story_text("chip-lab"), story_text("space-talks")]
    assert {d.path for d in docs} == {str(path)}


def test_warc_date_used_when_the_page_has_none(tmp_path):
    path = write_warc(tmp_path / "a.warc.gz", [
        ("https://wire.example/item?id=7", 200, "text/html",
         page("export-rules", meta_date=False), "2024-06-21T10:00:00Z")], gzip=True)
    [doc], _ = read(path)
    assert doc.published == dt.date(2024, 6, 21)
    assert doc.url == f"{BASE}/news/export-rules"  # the canonical URL the page names


def test_warc_page_captured_twice_is_read_once(tmp_path):
    path = write_warc(tmp_path / "a.warc.gz", [
        (f"{BASE}/news/chip-lab", 200, "text/html", page("chip-lab"), "2024-04-10T00:00:00Z"),
        (f"{BASE}/news/chip-lab", 200, "text/html", page("chip-lab"), "2024-04-11T00:00:00Z")], gzip=True)
    docs, errors = read(path)
    assert len(docs) == 1 and not errors


def test_warc_oversized_page_is_one_error_and_the_rest_goes_on(tmp_path):
    huge = b"<html><body>" + b"<p>filler text</p>" * 20_000 + b"</body></html>"
    path = write_warc(tmp_path / "a.warc.gz", [
        (f"{BASE}/huge", 200, "text/html", huge, None),
        (f"{BASE}/news/chip-lab", 200, "text/html", page("chip-lab"), None)], gzip=True)
    docs, errors = read(path, max_bytes=100_000)
    assert [d.url for d in docs] == [f"{BASE}/news/chip-lab"]
    assert errors == [f"{path} {BASE}/huge: page is over the 0.1 MB limit"]


@pytest.mark.parametrize("content, reason", [
    pytest.param(b"this is not an archive\n", "not a web archive (WARC) or damaged", id="not a WARC"),
    pytest.param(None, "no HTML pages in this web archive", id="no HTML pages"),
])
def test_warc_bad_archive_is_one_error(tmp_path, content, reason):
    path = tmp_path / "bad.warc"
    if content is None:
        write_warc(path, [(f"{BASE}/a.png", 200, "image/png", b"png", None)], gzip=False)
    else:
        path.write_bytes(content)
    docs, errors = read(path)
    assert not docs and len(errors) == 1 and errors[0].startswith(f"{path}: {reason}")


def test_warc_in_a_folder_is_read(tmp_path):
    (tmp_path / "crawl").mkdir()
    write_warc(tmp_path / "crawl" / "part-1.warc.gz",
               [(f"{BASE}/news/chip-lab", 200, "text/html", page("chip-lab"), None)], gzip=True)
    (tmp_path / "crawl" / "note.md").write_text("---\nid: note\n---\nA note.\n", encoding="utf-8")
    docs, errors = read(tmp_path / "crawl")
    assert sorted(d.id for d in docs) == ["ledger-example-news-chip-lab", "note"] and not errors


def test_warc_build(tmp_path, extractor):
    from kg.build import build
    from kg.store import open_store

    path = write_warc(tmp_path / "a.warc.gz", [
        (f"{BASE}/news/{s}", 200, "text/html", page(s), None) for s in STORIES], gzip=True)
    with open_store(tmp_path / "s") as store:
        report = build([path], store, extractor=extractor)
        graphs = sorted(g.rsplit("/", 1)[1] for g in store.graphs() if "/doc/" in g)
    assert report.documents == 3 and report.ok
    assert graphs == sorted(f"ledger-example-news-{s}" for s in STORIES)


def test_warc_is_streamed_in_bounded_memory(tmp_path):
    import tracemalloc

    filler = ("<script>" + "var counter = 1234567890;" * 16000 + "</script></head>").encode()
    records = [(f"{BASE}/news/{n}", 200, "text/html",
                page("chip-lab").replace(b"</head>", filler).replace(b"/news/chip-lab", f"/n/{n}".encode()),
                None) for n in range(40)]
    path = write_warc(tmp_path / "big.warc.gz", records, gzip=True)
    total = sum(len(r[3]) for r in records)
    assert total > 15_000_000
    read(write_warc(tmp_path / "warm.warc.gz", records[:1], gzip=True))  # imports before measuring
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_documents([path]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 40
    assert peak < total / 5  # a page or two at a time, never the archive
