"""Where news comes from besides local text files: web pages, feeds, web archives, tables.

``web`` reads one HTML page (main text with trafilatura, metadata with htmldate),
``fetch`` gets pages over http(s) safely and politely, ``feeds`` reads RSS, Atom and RDF
feeds, ``warc`` web archives, ``tables`` CSV/TSV exports, and ``watch`` follows feeds.
:class:`SourceOptions` carries what the command line says about them.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from kg.log import logger
from kg.vocab import slug

__all__ = ["SourceOptions", "url_id", "is_url", "fields_hash", "parse_columns", "FIELDS"]

FIELDS = ("id", "title", "published", "url", "source", "text")
"""The fields of a document a table column can give."""

_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://")


def _warn(message: str) -> None:
    logger.warning("%s", message)


@dataclasses.dataclass
class SourceOptions:
    """How kg reads feeds, pages, archives and tables.

    ``follow``: a feed entry's link is fetched and its page's main text read (else the
    entry's own content is used); ``allow_private``: fetching from loopback, private and
    link-local addresses is allowed; ``columns``: kg field -> table column name;
    ``delay``: seconds between two requests to one host; ``on_warning``: where one-line
    warnings go (default: the kg logger). ``fetcher`` is made on first use.
    """

    follow: bool = True
    allow_private: bool = False
    columns: dict[str, str] = dataclasses.field(default_factory=dict)
    delay: float = 1.0
    timeout: float = 20.0
    max_bytes: int = 10_000_000
    on_warning: Callable[[str], None] = _warn
    fetcher: object = None
    seen_urls: set = dataclasses.field(default_factory=set)

    def get_fetcher(self):
        if self.fetcher is None:
            from .fetch import Fetcher

            self.fetcher = Fetcher(allow_private=self.allow_private, delay=self.delay,
                                   timeout=self.timeout, max_bytes=self.max_bytes)
        return self.fetcher


def is_url(text) -> bool:
    """Whether ``text`` is written as a URL (any scheme), not a file name."""
    return isinstance(text, str) and bool(_URL.match(text))


def url_id(url: str) -> str:
    """A document id from a URL or a feed entry's id: host and path as a slug, shortened
    with a hash when long (``https://news.example.com/2024/pact?x=1`` ->
    ``news-example-com-2024-pact-x-1``)."""
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        text = parts.netloc.removeprefix("www.") + parts.path + ("?" + parts.query if parts.query else "")
    else:
        text = url
    value = slug(text)
    if len(value) > 80:
        value = value[:68].rstrip("-") + "-" + hashlib.sha256(url.encode()).hexdigest()[:10]
    return value


def fields_hash(fields: dict) -> str:
    """The content hash of a document read from the web: of its text and metadata, so a
    page whose adverts or scripts change is not rebuilt."""
    keys = ("id", "title", "published", "url", "source", "text")
    data = json.dumps({k: str(fields.get(k) or "") for k in keys}, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def parse_columns(spec: str) -> dict[str, str]:
    """``"text=body,published=date"`` -> ``{"text": "body", "published": "date"}``.

    >>> parse_columns("text=body, published=date")
    {'text': 'body', 'published': 'date'}
    """
    from kg.errors import KGError

    mapping: dict[str, str] = {}
    for part in spec.split(","):
        if not part.strip():
            continue
        field, sep, column = part.partition("=")
        field, column = field.strip().lower(), column.strip()
        if not sep or not column:
            raise KGError(f"--columns: '{part.strip()}' is not FIELD=COLUMN (e.g. text=body)")
        if field not in FIELDS:
            raise KGError(f"--columns: unknown field '{field}'; the fields are {', '.join(FIELDS)}")
        mapping[field] = column
    return mapping
