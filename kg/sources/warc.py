"""Web archives (``.warc``, ``.warc.gz``), streamed with warcio: one document per HTML page.

Every ``response`` record with status 200 and an HTML content type becomes a document:
its URL is the record's ``WARC-Target-URI`` (the page's canonical URL when it names
one), its date the page's publication date, else the record's ``WARC-Date``. Records
are read one at a time and each page body at most ``max_bytes``, so memory stays
bounded however large the archive (Common Crawl's news archives are gigabytes).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from kg.errors import InputError

from . import SourceOptions, fields_hash, url_id

__all__ = ["read_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, options: SourceOptions, fail) -> Iterator[tuple[object, bool]]:
    """``(Document, True)`` for every HTML page archived in ``path``."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    pages = 0
    try:
        with open(path, "rb") as stream:
            if not _starts_like_warc(stream.read(4096)):
                raise ArchiveLoadFailed("it does not start with a WARC record")
            stream.seek(0)
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                if record.http_headers.get_statuscode() != "200" or not content_type.startswith(_HTML_TYPES):
                    continue
                pages += 1
                uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<> ")
                where = f"{path} {uri}" if uri else f"{path} record {pages}"
                try:
                    document = _page(where, path, uri, record, content_type, options)
                except InputError as error:
                    fail(error)
                    continue
                if document is not None:
                    yield document, True
    except ArchiveLoadFailed as exc:
        raise InputError(path, f"not a web archive (WARC) or damaged ({' '.join(str(exc).split())[:160]})") from exc
    except OSError as exc:
        raise InputError(path, f"cannot read file ({exc.strerror or exc})") from exc
    except EOFError as exc:
        raise InputError(path, "the web archive ends in the middle of a record (truncated)") from exc
    if not pages:
        raise InputError(path, "no HTML pages in this web archive")


def _starts_like_warc(head: bytes) -> bool:
    if head.startswith(b"\x1f\x8b"):
        import zlib

        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return head.lstrip().startswith(b"WARC/")


def _page(where: str, path: Path, uri: str, record, content_type: str, options: SourceOptions):
    from kg.documents import _document

    from .web import decode_html, read_html

    raw = record.content_stream().read(options.max_bytes + 1)
    if len(raw) > options.max_bytes:
        raise InputError(where, f"page is over the {options.max_bytes / 1e6:g} MB limit")
    charset = None
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    fields = read_html(where, decode_html(raw, charset), url=uri or None)
    fields["url"] = fields.get("url") or uri or None
    fields["published"] = fields.get("published") or _warc_date(record)
    if not fields.get("source") and uri:
        fields["source"] = urlsplit(uri).hostname
    doc_id = url_id(uri or fields["url"] or where)
    if doc_id in options.seen_urls:
        return None  # the same page archived twice: the first capture is read
    fields["id"] = doc_id
    document, _ = _document(where, fields, None, fields_hash(fields), default_id=doc_id, file=path)
    options.seen_urls.add(doc_id)
    return document


def _warc_date(record) -> dt.date | None:
    value = record.rec_headers.get_header("WARC-Date") or ""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
