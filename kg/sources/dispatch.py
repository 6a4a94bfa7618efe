"""From a URL or a file of one of the new kinds to documents: what kg.documents calls."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError

from . import SourceOptions, fields_hash, url_id

__all__ = ["FILE_KINDS", "file_kind", "read_url", "read_source_file"]

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/xml", "text/xml", "application/feed+xml")
_ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
           "application/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
FILE_KINDS = {".rss": "feed", ".atom": "feed", ".rdf": "feed", ".xml": "feed",
              ".warc": "warc", ".warc.gz": "warc", ".csv": "table", ".tsv": "table"}


def file_kind(path: Path) -> str | None:
    """``feed``, ``warc`` or ``table`` for a file of those kinds, else None."""
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return FILE_KINDS.get(path.suffix.lower())


def read_url(url: str, options: SourceOptions, fail) -> Iterator[tuple[object, bool]]:
    """The documents at ``url``: every entry of a feed, or the one article of a page."""
    from kg.documents import _document

    from .feeds import looks_like_feed, read_feed
    from .web import decode_html, read_html

    response = options.get_fetcher().get(url, accept=_ACCEPT)
    kind = response.content_type
    if looks_like_feed(response.body) or (kind in _FEED_TYPES and b"<html" not in response.body[:2048].lower()):
        yield from read_feed(url, response.body, options, fail, url=response.url, content_type=kind)
        return
    if kind and "html" not in kind and kind != "text/plain":
        raise InputError(url, f"neither a feed nor a web page ({kind})")
    text = decode_html(response.body, response.charset)
    if kind == "text/plain":
        fields = {"text": text}
    else:
        fields = read_html(url, text, url=response.url)
    fields["url"] = fields.get("url") or response.url
    fields["id"] = url_id(fields["url"])
    if {fields["id"], fields["url"], response.url} & options.seen_urls:
        return  # read already, as an entry of a feed or under another URL
    document, _ = _document(url, fields, None, fields_hash(fields), default_id=fields["id"], file=url)
    options.seen_urls.update([fields["id"], fields["url"], response.url, url])
    yield document, True


def read_source_file(path: Path, kind: str, options: SourceOptions, fail, max_bytes: int
                     ) -> Iterator[tuple[object, bool]]:
    """The documents of a feed, web archive or table file."""
    if kind == "warc":
        from .warc import read_warc

        yield from read_warc(path, options, fail)
        return
    if kind == "table":
        from .tables import read_table

        yield from read_table(path, options, fail, max_bytes=max_bytes)
        return
    from .feeds import read_feed

    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(path, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit")
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read file ({exc.strerror or exc})") from exc
    if not raw.strip():
        raise InputError(path, "empty document")
    yield from read_feed(path, raw, options, fail)
