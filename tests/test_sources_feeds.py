"""Feeds (kg/sources/feeds.py): RSS 2.0, Atom and RDF from files and from http URLs."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from kg.documents import read_documents
from kg.sources import SourceOptions
from sources_site import STORIES, atom_feed, rdf_feed, rss_feed, serve, story_text

FEEDS = {"rss": (rss_feed, "Ledger Technology"), "atom": (atom_feed, "Ledger Atom"),
         "rdf": (rdf_feed, "Ledger RDF")}
SLUGS = list(STORIES)


def read(paths, **options):
    warnings, errors = [], []
    opts = SourceOptions(allow_private=True, delay=0, on_warning=warnings.append, **options)
    docs = list(read_documents(paths, on_error=errors.append, sources=opts))
    return docs, [str(e) for e in errors], warnings


@pytest.fixture
def site():
    with serve() as s:
        s.add_news()
        yield s


@pytest.mark.parametrize("kind", [pytest.param(k, id=k) for k in FEEDS])
def test_feed_file_without_follow_reads_entry_content(tmp_path, kind):
    make, feed_title = FEEDS[kind]
    path = tmp_path / f"news.{ {'rss': 'rss', 'atom': 'atom', 'rdf': 'rdf'}[kind] }"
    path.write_text(make("https://ledger.example", SLUGS), encoding="utf-8")
    docs, errors, warnings = read([path], follow=False)
    assert not errors and not warnings
    assert [d.title for d in docs] == [STORIES[s][0] for s in SLUGS]
    assert [d.published for d in docs] == [dt.date.fromisoformat(STORIES[s][1]) for s in SLUGS]
    assert [d.url for d in docs] == [f"https://ledger.example/news/{s}" for s in SLUGS]
    assert {d.source for d in docs} == {feed_title}
    for doc, slug in zip(docs, SLUGS):
        assert doc.text.startswith(STORIES[slug][2][0])  # the entry's own text, markup removed
        assert "<p>" not in doc.text


@pytest.mark.parametrize("kind, ids", [
    pytest.param("rss", ["ledger-chip-lab", "ledger-space-talks"], id="rss guid"),
    pytest.param("atom", ["tag-ledger-example-2024-chip-lab", "tag-ledger-example-2024-space-talks"],
                 id="atom id"),
    pytest.param("rdf", ["ledger-example-news-chip-lab", "ledger-example-news-space-talks"],
                 id="rdf about (the link)"),
])
def test_feed_entry_ids(tmp_path, kind, ids):
    path = tmp_path / "feed.xml"
    path.write_text(FEEDS[kind][0]("https://ledger.example", SLUGS[:2]), encoding="utf-8")
    docs, errors, _ = read([path], follow=False)
    assert [d.id for d in docs] == ids and not errors


@pytest.mark.parametrize("kind", [pytest.param(k, id=k) for k in FEEDS])
def test_feed_url_follows_links_to_the_article_pages(site, kind):
    site.page("/feed", FEEDS[kind][0](site.base, SLUGS), "application/xml")
    docs, errors, warnings = read([site.base + "/feed"])
    assert not errors and not warnings
    assert [d.text for d in docs] == [story_text(s) for s in SLUGS]  # the pages' main text
    assert [d.url for d in docs] == [f"{site.base}/news/{s}" for s in SLUGS]
    assert [d.published for d in docs] == [dt.date.fromisoformat(STORIES[s][1]) for s in SLUGS]
    assert {d.source for d in docs} == {FEEDS[kind][1]}


def test_feed_entry_page_that_fails_uses_entry_content_with_a_warning(site):
    del site.routes["/news/space-talks"]
    site.page("/feed", rss_feed(site.base, SLUGS), "application/rss+xml")
    docs, errors, warnings = read([site.base + "/feed"])
    assert not errors and len(docs) == 3
    assert docs[1].text == STORIES["space-talks"][2][0]
    assert warnings == [f"{site.base}/news/space-talks: cannot fetch: the server answered 404 Not Found; "
                        "using the feed's own text of the entry"]


def test_no_follow_fetches_no_page(site):
    site.page("/feed", rss_feed(site.base, SLUGS), "application/rss+xml")
    docs, errors, _ = read([site.base + "/feed"], follow=False)
    assert len(docs) == 3 and not errors
    assert not any(p.startswith("/news/") for p in site.paths())


def test_article_page_url_is_one_document(site):
    docs, errors, _ = read([site.base + "/news/export-rules"])
    [doc] = docs
    assert (doc.id, doc.title, doc.published, doc.url, doc.source) == (
        f"127-0-0-1-{site.base.rsplit(':', 1)[1]}-news-export-rules", STORIES["export-rules"][0],
        dt.date(2024, 6, 20), site.base + "/news/export-rules", "The Marsport Ledger")
    assert doc.text == story_text("export-rules")


def test_same_article_in_two_feeds_is_read_once(site):
    site.page("/tech", rss_feed(site.base, SLUGS), "application/rss+xml")
    site.page("/world", rss_feed(site.base, SLUGS[:1], title="Ledger World"), "application/rss+xml")
    docs, errors, _ = read([site.base + "/tech", site.base + "/world", site.base + "/news/chip-lab"])
    assert [d.id for d in docs] == ["ledger-chip-lab", "ledger-space-talks", "ledger-export-rules"]
    assert not errors


@pytest.mark.parametrize("content, reason", [
    pytest.param("<html><body><p>Not a feed</p></body></html>", "not an RSS, Atom or RDF feed",
                 id="an HTML page"),
    pytest.param('<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>',
                 "the feed has no entries", id="no entries"),
    pytest.param('<?xml version="1.0"?><catalog><book>x</book></catalog>', "not an RSS, Atom or RDF feed",
                 id="other XML"),
])
def test_bad_feed_file_is_one_error(tmp_path, content, reason):
    path = tmp_path / "feed.xml"
    path.write_text(content, encoding="utf-8")
    docs, errors, _ = read([path], follow=False)
    assert not docs and len(errors) == 1 and errors[0].startswith(f"{path}: {reason}")


def test_feed_entry_without_text_is_one_error_the_others_go_on(tmp_path):
    feed = rss_feed("https://ledger.example", SLUGS[:2]).replace(
        f"<description>{'&lt;p&gt;'}{STORIES['chip-lab'][2][0]}", "<description>", 1)
    feed = feed.replace("<description></p></description>", "<description></description>")
    path = tmp_path / "f.rss"
    path.write_text(feed.replace("&lt;/p&gt;</description>", "</description>", 1), encoding="utf-8")
    docs, errors, _ = read([path], follow=False)
    assert [d.id for d in docs] == ["ledger-space-talks"]
    assert errors == [f"{path} entry 1: entry has no text (no content and no summary)"]


def test_feed_url_private_without_allow_private_fails_clearly(site):
    site.page("/feed", rss_feed(site.base, SLUGS), "application/rss+xml")
    errors = []
    docs = list(read_documents([site.base + "/feed"], on_error=errors.append,
                               sources=SourceOptions(delay=0)))
    assert not docs
    assert [str(e) for e in errors] == [
        f"{site.base}/feed: refused to fetch from 127.0.0.1: a loopback address; kg fetches only "
        "from public addresses unless --allow-private is given"]
    assert site.requests == []


def _kg(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=600)


def test_cli_build_feed_url_builds_every_entry_with_page_text_url_and_date(site, tmp_path):
    site.page("/feed.xml", rss_feed(site.base, SLUGS), "application/rss+xml")
    refused = _kg("build", site.base + "/feed.xml", "--store", "s", "-q", cwd=tmp_path)
    assert refused.returncode == 1
    assert "refused to fetch from 127.0.0.1: a loopback address" in refused.stderr
    assert "--allow-private" in refused.stderr

    proc = _kg("build", site.base + "/feed.xml", "--allow-private", "--store", "s", "-q", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "built 3 documents" in proc.stderr
    from kg.store import open_store

    with open_store(tmp_path / "s", read_only=True) as store:
        rows = store.query("""
            PREFIX schema: <https://schema.org/> PREFIX ta: <https://w3id.org/techalliance/ontology#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT ?g ?url ?published ?source ?hash WHERE { GRAPH ?g { ?g schema:url ?url ;
              ta:published ?published ; dcterms:source ?source ; ta:contentHash ?hash } }
            ORDER BY ?published""").rows
    assert [(str(g).rsplit("/", 1)[1], str(url), str(published), str(source))
            for g, url, published, source, _ in rows] == [
        (f"ledger-{s}", f"{site.base}/news/{s}", STORIES[s][1], "Ledger Technology") for s in SLUGS]
    # the hash is of the text read: each page's whole main text, not the feed's summary
    from kg.sources import fields_hash

    assert [str(row[4]) for row in rows] == [fields_hash({
        "id": f"ledger-{s}", "title": STORIES[s][0], "published": dt.date.fromisoformat(STORIES[s][1]),
        "url": f"{site.base}/news/{s}", "source": "Ledger Technology", "text": story_text(s)})
        for s in SLUGS]

    again = _kg("build", site.base + "/feed.xml", "--allow-private", "--store", "s", "-q", cwd=tmp_path)
    assert again.returncode == 0 and "built 0 documents" in again.stderr and "3 unchanged" in again.stderr


def test_url_that_went_through_path_is_still_a_url(site):
    docs, errors, _ = read([Path(site.base + "/news/chip-lab")])
    assert [d.url for d in docs] == [site.base + "/news/chip-lab"] and not errors


def test_feed_external_entities_are_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("KG-CANARY-feed", encoding="utf-8")
    path = tmp_path / "evil.rss"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>'
                    '<rss version="2.0"><channel><title>T</title><item><guid>x-1</guid><title>A</title>'
                    "<description>Before &leak; after, a story about chips.</description></item>"
                    "</channel></rss>", encoding="utf-8")
    docs, errors, _ = read([path], follow=False)
    assert not any("KG-CANARY" in d.text for d in docs)
    assert len(docs) + len(errors) == 1
