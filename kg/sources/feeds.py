"""RSS 2.0, Atom and RDF (RSS 1.0) feeds, read with feedparser: one document per entry.

An entry's id is its ``id``/``guid`` (else its link) made into a slug, its title the
entry's, its source the feed's title. By default the entry's link is fetched and the
page's main text, canonical URL and publication date are read; when that fails the
entry's own content (or summary) is used and a one-line warning says so. With
``follow=False`` the entry's content is used without fetching anything.
"""
from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator

from kg.errors import InputError
from kg.log import logger

from . import SourceOptions, fields_hash, url_id

__all__ = ["looks_like_feed", "read_feed", "parse_feed", "entry_key"]

_FEED_START = re.compile(rb"<(?:[\w-]+:)?(?:rss|feed|RDF)\b")


def looks_like_feed(raw: bytes) -> bool:
    """Whether ``raw`` starts like an RSS, Atom or RDF document (not an HTML page)."""
    head = raw[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if re.match(rb"<!doctype\s+html|<html", head, re.I):
        return False
    return bool(_FEED_START.search(head))


def parse_feed(where, raw: bytes, *, url: str | None = None, content_type: str | None = None):
    """feedparser's result for ``raw`` (never fetched by feedparser); an error when it
    is no feed."""
    import feedparser

    headers = {"content-location": url or ""}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(io.BytesIO(raw), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({' '.join(str(problem).split())[:120]})" if problem else ""
        raise InputError(where, f"not an RSS, Atom or RDF feed{detail}")
    return parsed


def entry_key(entry) -> str | None:
    """What names an entry: its id, else its link."""
    return (entry.get("id") or entry.get("link") or "").strip() or None


def entry_version(entry) -> str:
    """Changes when the entry is edited (for ``kg watch``)."""
    import hashlib

    # dict.get: feedparser's own get maps a missing "updated" to "published", with a warning
    parts = [dict.get(entry, k) or "" for k in ("updated", "published", "title", "link", "summary")]
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def read_feed(where, raw: bytes, options: SourceOptions, fail, *, url: str | None = None,
              content_type: str | None = None, entries=None) -> Iterator[tuple[object, bool]]:
    """``(Document, True)`` for each entry of the feed ``raw`` read from ``where``;
    ``entries`` limits reading to those entries of an already parsed feed."""
    if entries is None:
        parsed = parse_feed(where, raw, url=url, content_type=content_type)
        entries = parsed.entries
        feed_title = parsed.feed.get("title")
    else:
        feed_title, entries = entries
    if not entries:
        raise InputError(where, "the feed has no entries")
    for number, entry in enumerate(entries, start=1):
        try:
            document = entry_document(f"{where} entry {number}", entry, feed_title, options, file=where)
        except InputError as error:
            fail(error)
            continue
        if document is not None:
            yield document, True


def entry_document(where: str, entry, feed_title: str | None, options: SourceOptions, *, file):
    """The Document of one feed entry (None when its id was read before in this run)."""
    from kg.documents import _document

    from .web import read_html

    key = entry_key(entry)
    if key is None:
        raise InputError(where, "entry has neither an id nor a link")
    doc_id = url_id(key)
    if doc_id in options.seen_urls:
        logger.info("%s: '%s' was read already", where, key)
        return None
    link = (entry.get("link") or "").strip() or None
    fields = {"id": doc_id, "title": entry.get("title"), "published": _entry_date(entry),
              "url": link, "source": feed_title, "text": ""}
    page = None
    if options.follow and link and link.lower().startswith(("http://", "https://")):
        try:
            page = read_page(link, options)
        except InputError as error:
            if not _entry_text(entry):
                raise
            options.on_warning(f"{error}; using the feed's own text of the entry")
    if page is not None:
        if page["url"] in options.seen_urls:
            logger.info("%s: '%s' was read already", where, page["url"])
            return None
        fields.update(text=page["text"], url=page["url"] or link,
                      published=page["published"] or fields["published"],
                      title=fields["title"] or page["title"], source=feed_title or page["source"])
    else:
        content = _entry_text(entry)
        if not content:
            raise InputError(where, "entry has no text (no content and no summary)")
        kind, value = content
        fields["text"] = read_html(where, value)["text"] if "html" in kind else value
    document, _ = _document(where, fields, None, fields_hash(fields), default_id=doc_id, file=file)
    options.seen_urls.update(filter(None, [doc_id, fields["url"], link]))
    return document


def read_page(url: str, options: SourceOptions) -> dict:
    """Fetch ``url`` and read its page: the fields of :func:`kg.sources.web.read_html`,
    ``url`` the canonical URL or the URL fetched after redirects."""
    from .web import decode_html, read_html

    response = options.get_fetcher().get(url)
    if response.content_type and "html" not in response.content_type and response.content_type != "text/plain":
        raise InputError(response.url, f"not a web page ({response.content_type})")
    text = decode_html(response.body, response.charset)
    if response.content_type == "text/plain":
        page = {"title": None, "published": None, "url": None, "source": None, "text": text}
    else:
        page = read_html(response.url, text, url=response.url)
    if not (page.get("text") or "").strip():
        raise InputError(response.url, "no article text on the page")
    page["url"] = page.get("url") or response.url
    return page


def _entry_text(entry) -> tuple[str, str] | None:
    """(content type, value) of the entry's fullest text."""
    for item in entry.get("content") or []:
        if (item.get("value") or "").strip():
            return item.get("type") or "text/html", item["value"]
    detail = entry.get("summary_detail") or {}
    if (entry.get("summary") or "").strip():
        return detail.get("type") or "text/html", entry["summary"]
    return None


def _entry_date(entry) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.date(*value[:3])
            except (TypeError, ValueError):
                continue
    return None
