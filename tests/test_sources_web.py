"""Web pages: main text with trafilatura, metadata with htmldate (kg/sources/web.py)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.documents import read_documents
from sources_site import STORIES, article_page, story_text

BASE = "https://ledger.example"


def read_page(tmp_path: Path, html: str, name: str = "page.html"):
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    errors = []
    docs = list(read_documents([path], on_error=errors.append))
    return docs, [str(e) for e in errors]


@pytest.mark.parametrize("slug", [pytest.param(s, id=s) for s in STORIES])
def test_web_page_gives_story_text_and_metadata(tmp_path, slug):
    [doc], errors = read_page(tmp_path, article_page(slug, BASE))
    title, date, _ = STORIES[slug]
    assert not errors
    assert doc.text == story_text(slug)  # no menu, byline, share bar, related links or footer
    assert (doc.title, doc.published, doc.url, doc.source) == (
        title, dt.date.fromisoformat(date), f"{BASE}/news/{slug}", "The Marsport Ledger")


@pytest.mark.parametrize("where, expected", [
    pytest.param('<meta name="dc.date.issued" content="2024-04-09">', dt.date(2024, 4, 9),
                 id="Dublin Core date"),
    pytest.param('<script type="application/ld+json">{"@context": "https://schema.org", '
                 '"@type": "NewsArticle", "datePublished": "2024-04-10T06:00:00+02:00"}</script>',
                 dt.date(2024, 4, 10), id="JSON-LD"),
    pytest.param('<meta itemprop="datePublished" content="2024-04-11">', dt.date(2024, 4, 11),
                 id="microdata"),
    pytest.param("", None, id="no date anywhere"),
])
def test_web_page_publication_date_from_page_metadata(tmp_path, where, expected):
    page = article_page("chip-lab", BASE, meta_date=False).replace("</head>", where + "</head>")
    [doc], _ = read_page(tmp_path, page)
    assert doc.published == expected


def test_web_page_date_in_body_text_is_not_a_publication_date(tmp_path):
    page = article_page("chip-lab", BASE, meta_date=False).replace(
        "<p>Officials", "<p>The accord of 3 March 2021 is the model. Officials")
    [doc], _ = read_page(tmp_path, page)
    assert doc.published is None


@pytest.mark.parametrize("html", [
    pytest.param("<html><body><nav><ul><li>Home</li><li>World</li></ul></nav></body></html>",
                 id="only a menu"),
    pytest.param("<html><head><script>var x = 1;</script></head><body></body></html>",
                 id="only a script"),
    pytest.param("<html><body><form><button>Sign in</button></form></body></html>", id="only a form"),
])
def test_web_page_without_text_is_an_empty_document(tmp_path, html):
    docs, errors = read_page(tmp_path, html)
    assert not docs and errors == [f"{tmp_path / 'page.html'}: empty document"]


@pytest.mark.parametrize("html, expected", [
    pytest.param("<html><body><p>Freedonia and Sylvania met.</p></body></html>",
                 "Freedonia and Sylvania met.", id="one short paragraph"),
    pytest.param("<html><body><div>Ruritania signed a chip pact on Monday.</div></body></html>",
                 "Ruritania signed a chip pact on Monday.", id="text in a bare div"),
    pytest.param("<html><body><nav>Home World</nav><p>Grand Fenwick <b>joined</b> the talks "
                 "on <time datetime='2024-05-14'>Tuesday</time>.</p></body></html>",
                 "Grand Fenwick joined the talks on Tuesday.", id="inline markup and a menu"),
])
def test_web_page_with_little_text_is_never_rejected(tmp_path, html, expected):
    [doc], errors = read_page(tmp_path, html)
    assert doc.text == expected and not errors


def test_web_page_line_breaks_and_lists(tmp_path):
    items = "".join(f"<li>Item {n} of the joint work plan for the laboratory.</li>" for n in (1, 2))
    page = article_page("chip-lab", BASE).replace(
        "<p>Officials", f"<p>The plan has<br>two parts:</p><ul>{items}</ul><p>Officials")
    [doc], _ = read_page(tmp_path, page)
    assert ("The plan has two parts:\n\nItem 1 of the joint work plan for the laboratory.\n\n"
            "Item 2 of the joint work plan for the laboratory.") in doc.text


def test_web_page_in_a_legacy_charset(tmp_path):
    page = article_page("export-rules", BASE).replace('charset="utf-8"', 'charset="iso-8859-1"')
    page = page.replace("on Monday", "on Monday (co\u00fbt: 5 \u00a3)")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("latin-1"))
    [doc] = read_documents([path])
    assert "on Monday (co\u00fbt: 5 \u00a3)" in doc.text


def test_html_bench_writes_its_section(tmp_path):
    import re
    import sys

    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root))
    from bench import html_bench

    results = tmp_path / "results.md"
    results.write_text("# Bench\n\n## View\n\nold view numbers\n", encoding="utf-8")
    assert html_bench.main(["--pages", "4", "--results", str(results)]) == 0
    text = results.read_text(encoding="utf-8")
    assert "## View\n\nold view numbers" in text  # other sections stay
    rows = re.findall(r"^\| (kg|trafilatura.extract) \| ([\d.]+) \| ([\d.]+) \| (\d+) \|$", text, re.M)
    assert [r[0] for r in rows] == ["kg", "trafilatura.extract"]
    assert float(rows[0][2]) > 0.9 and rows[0][3] == "0"  # kg's text is the article, no page rejected


@pytest.mark.parametrize("head, source", [
    pytest.param('<title>Chip lab opens | Marsport Ledger</title><meta property="og:title" '
                 'content="Chip lab opens">', "Marsport Ledger", id="title then site"),
    pytest.param('<title>Marsport Ledger - Chip lab opens</title><meta property="og:title" '
                 'content="Chip lab opens">', "Marsport Ledger", id="site then title"),
    pytest.param('<title>Chip lab opens | Ledger</title><meta property="og:site_name" '
                 'content="The Marsport Ledger">', "The Marsport Ledger", id="og:site_name wins"),
])
def test_web_page_site_name_is_never_the_headline(tmp_path, head, source):
    page = article_page("chip-lab", BASE)
    start, end = page.index("<title>"), page.index("<link rel=")
    [doc], _ = read_page(tmp_path, page[:start] + head + page[end:])
    assert doc.source == source
