"""Main text and metadata of one HTML page: trafilatura for the text, htmldate for the date.

:func:`read_html` gives the fields of a :class:`~kg.documents.Document`: ``title``,
``published`` (the page's publication date), ``url`` (its canonical URL), ``source``
(the site's name) and ``text`` (paragraphs separated by blank lines). A page with text
is never rejected: when trafilatura finds no article, the page's own paragraphs are read.

The page is parsed here, once, with settings that fetch and expand nothing: libxml2's
HTML parser reads no DTD, so ``<!ENTITY>`` declarations stay inert, and ``no_network``
forbids any fetch. Without ``huge_tree`` libxml2 stops at 256 levels of nesting: a page
with no text above that depth is an error, not an empty document.
"""
from __future__ import annotations

import datetime as dt
import re

from kg.errors import InputError
from kg.log import logger

__all__ = ["read_html", "decode_html"]

# Blocks of trafilatura's output that are read as one paragraph each.
_PARAGRAPHS = {"p", "head", "quote", "code", "pre", "item", "row"}
# Blocks of a page read when trafilatura found no article.
_PAGE_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dt", "dd", "td")
_PAGE_DROP = ("script", "style", "noscript", "template", "svg", "select", "button", "nav", "form")
_TITLE_SPLIT = re.compile(r"\s+[|\u2013\u2014-]\s+|\s+::\s+")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([\w.:-]+)""", re.I)


def decode_html(raw: bytes, charset: str | None = None) -> str:
    """Text of an HTML page: the charset the server named, else UTF-8, else the charset
    the page declares, else cp1252, else Latin-1."""
    import codecs

    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        charset = "utf-16"
    encodings = [charset] if charset else []
    encodings.append("utf-8-sig")
    if m := _CHARSET.search(raw[:4096]):
        encodings.append(m.group(1).decode("ascii"))
    encodings += ["cp1252", "latin-1"]
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def _parser():
    import lxml.html

    return lxml.html.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True,
                                remove_pis=True, recover=True, huge_tree=False)


def _parse(data: bytes, parser):
    import lxml.html
    from lxml import etree

    try:
        return lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError):  # "Document is empty": only comments or blanks
        return None


def read_html(where, text: str, *, url: str | None = None) -> dict:
    """The fields of the page ``text`` (fetched from ``url`` when given); ``where``
    names the page in errors."""
    import trafilatura

    parser = _parser()
    data = text.replace("\x00", "").encode("utf-8", "surrogatepass")
    root = _parse(data, parser)
    if root is None:
        return {"text": ""}
    too_deep = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    _drop_impossible_dates(root)
    result = trafilatura.bare_extraction(
        root, url=url, with_metadata=True, include_comments=False, include_tables=True,
        date_extraction_params={"original_date": True, "extensive_search": False,
                                "max_date": (dt.date.today() + dt.timedelta(days=1)).isoformat()})
    fields: dict = {"title": None, "published": None, "url": url, "source": None}
    blocks: list[str] = []
    if result is not None:
        fields.update(title=result.title, url=result.url or url, published=_date(result.date),
                      source=_site_name(root, result.sitename, result.title))
        blocks = _blocks(result.body) if result.body is not None else []
    if not blocks:  # no article found: read the page's own paragraphs
        fresh = _parse(data, _parser())
        blocks = _page_blocks(fresh) if fresh is not None else []
    if blocks and fields["title"] and _same(blocks[0], fields["title"]):
        blocks = blocks[1:]  # the headline is the title, not the first paragraph
    body = "\n\n".join(blocks)
    if too_deep:
        if not body.strip():
            raise InputError(where, "HTML elements are nested more than 256 deep and there is no "
                                    "text above that depth; kg reads no deeper")
        logger.warning("%s: HTML elements nested more than 256 deep; text below that depth "
                       "is not read", where)
    fields["text"] = body
    return fields


def _drop_impossible_dates(root) -> None:
    """Remove metadata dates that name no real day ("2023-02-30"): htmldate would read
    them as the first of the month."""
    for el in list(root.iter("meta", "time")):
        value = el.get("content") if el.tag == "meta" else el.get("datetime")
        if value and (m := _ISO_DATE.match(value)):
            try:
                dt.date(*map(int, m.groups()))
            except ValueError:
                logger.info("ignoring HTML date %r: not a valid date", value)
                if el.tag == "meta":
                    el.getparent().remove(el)
                else:
                    del el.attrib["datetime"]


def _date(value) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _site_name(root, sitename: str | None, title: str | None) -> str | None:
    """The site's name: trafilatura's (``og:site_name``, JSON-LD publisher, ...) unless it
    is the headline (its guess from a ``<title>`` of "Headline | Site" can pick the wrong
    half) or only a host name; then the other half of such a title, else the host name."""
    if sitename and title and _same(sitename, title):
        sitename = None
    if sitename and (" " in sitename or "." not in sitename):
        return sitename
    page_title = next(root.iter("title"), None)
    if page_title is None or not title:
        return sitename
    parts = [p.strip() for p in _TITLE_SPLIT.split(" ".join(page_title.text_content().split()))]
    if len(parts) == 2 and _same(parts[0], title) and parts[1]:
        return parts[1]
    if len(parts) == 2 and _same(parts[1], title) and parts[0]:
        return parts[0]
    return sitename


def _same(a: str, b: str) -> bool:
    norm = lambda s: " ".join(s.split()).casefold().strip(" .")  # noqa: E731
    return norm(a) == norm(b)


def _blocks(body) -> list[str]:
    """One line of text per paragraph, heading, quote, list item or table row of
    trafilatura's output (``<lb/>`` is a space)."""
    blocks: list[str] = []
    for el in body.iter():
        if el.tag not in _PARAGRAPHS or _inside(el, body):
            continue
        if el.tag == "row":
            text = " ".join(_line(cell) for cell in el)
        else:
            text = _line(el)
        if text:
            blocks.append(text)
    # trafilatura's last resort (its "baseline") dumps the page's text, menus included,
    # in one <p>: the page's own paragraphs are read instead
    if body.tag != "body" or (len(body) == 1 and body[0].tag == "p" and len(body[0]) == 0):
        return []
    return blocks


def _inside(el, body) -> bool:
    for ancestor in el.iterancestors():
        if ancestor is body:
            return False
        if ancestor.tag in _PARAGRAPHS:
            return True
    return False


def _line(el) -> str:
    parts = []

    def walk(node):
        if node.tag == "lb":
            parts.append(" ")
        elif node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return " ".join("".join(parts).split())


def _page_blocks(root) -> list[str]:
    """Paragraphs of the page itself, outside scripts, menus and forms; the body's
    text when it has no paragraphs."""
    for el in list(root.iter(*_PAGE_DROP)):
        if el.getparent() is not None:
            el.drop_tree()
    for br in root.iter("br"):
        br.tail = " " + (br.tail or "")
    blocks = []
    for el in root.iter(*_PAGE_BLOCKS):
        if any(a.tag in _PAGE_BLOCKS for a in el.iterancestors()):
            continue
        text = " ".join(el.text_content().split())
        if text:
            blocks.append(text)
    if not blocks:
        body = next(root.iter("body"), root)
        text = " ".join(body.text_content().split())
        blocks = [text] if text else []
    return blocks
