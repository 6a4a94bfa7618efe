"""``kg watch`` (kg/sources/watch.py): polls with conditional GET, builds what is new."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time

import pytest

from kg.errors import InputError, KGError
from kg.sources import SourceOptions
from kg.sources.watch import STATE_FILE, Watcher, parse_every, read_feed_list
from kg.store import open_store
from sources_site import STORIES, Route, rss_feed, serve

SLUGS = list(STORIES)


def set_feed(site, text: str, etag: str) -> None:
    site.routes["/feed.xml"] = Route(text.encode("utf-8"), headers={
        "Content-Type": "application/rss+xml", "ETag": etag})


def doc_graphs(store) -> list[str]:
    return sorted(g.rsplit("/", 1)[1] for g in store.graphs() if "/doc/" in g)


@pytest.fixture
def site():
    with serve() as s:
        s.add_news()
        set_feed(s, rss_feed(s.base, SLUGS[:2]), '"v1"')
        yield s


def watcher(site, store, extractor, errors=None, stop=None):
    options = SourceOptions(allow_private=True, delay=0)
    return Watcher([site.base + "/feed.xml"], store, options=options, extractor=extractor,
                   on_error=(errors or []).append, stop=stop)


def test_watch_builds_new_entries_and_skips_an_unchanged_feed(site, tmp_path, extractor):
    with open_store(tmp_path / "s") as store:
        first = watcher(site, store, extractor).poll()
        assert (first.built, first.unchanged, first.failed) == (2, 0, 0)
        assert doc_graphs(store) == ["ledger-chip-lab", "ledger-space-talks"]

        again = watcher(site, store, extractor).poll()  # a restarted watch: state from the store
        assert (again.built, again.unchanged) == (0, 1)
        assert site.requests[-1][1].get("If-None-Match") == '"v1"'
        assert not any(p.startswith("/news/") for p in site.paths()[-2:])

        set_feed(site, rss_feed(site.base, SLUGS), '"v2"')  # one entry more
        grown = watcher(site, store, extractor).poll()
        assert (grown.built, grown.unchanged) == (1, 0)
        assert doc_graphs(store) == ["ledger-chip-lab", "ledger-export-rules", "ledger-space-talks"]
        fetched = [p for p in site.paths() if p.startswith("/news/")]
        assert fetched.count("/news/chip-lab") == 1  # seen entries are not fetched again
    state = json.loads((tmp_path / "s" / STATE_FILE).read_text())
    assert state["feeds"][site.base + "/feed.xml"] == {"etag": '"v2"'}
    assert sorted(state["entries"]) == [f"ledger-{s}" for s in sorted(SLUGS)]


def test_watch_changed_entry_is_rebuilt(site, tmp_path, extractor):
    with open_store(tmp_path / "s") as store:
        watcher(site, store, extractor).poll()
        set_feed(site, rss_feed(site.base, SLUGS[:2]).replace(
            STORIES["chip-lab"][0], "Freedonia and Sylvania open a chip laboratory in Marsport"), '"v3"')
        report = watcher(site, store, extractor).poll()
        assert report.built == 1
        [title] = store.query("""SELECT ?t WHERE { GRAPH ?g { ?g <http://purl.org/dc/terms/title> ?t }
            FILTER(STRENDS(STR(?g), "/ledger-chip-lab")) }""").column("t")
        assert title == "Freedonia and Sylvania open a chip laboratory in Marsport"


def test_watch_failed_feed_is_one_error_and_the_others_go_on(site, tmp_path, extractor):
    errors = []
    with open_store(tmp_path / "s") as store:
        options = SourceOptions(allow_private=True, delay=0)
        w = Watcher([site.base + "/gone.xml", site.base + "/feed.xml"], store, options=options,
                    extractor=extractor, on_error=errors.append)
        report = w.poll()
    assert (report.built, report.failed) == (2, 1)
    assert [str(e) for e in errors] == [f"{site.base}/gone.xml: cannot fetch: the server answered 404 Not Found"]


def test_watch_stopped_before_building_builds_nothing_and_forgets_nothing(site, tmp_path, extractor):
    stop = threading.Event()
    stop.set()
    with open_store(tmp_path / "s") as store:
        report = watcher(site, store, extractor, stop=stop).poll()
        assert report.stopped and report.built == 0 and doc_graphs(store) == []
        later = watcher(site, store, extractor).poll()  # next time everything is read
        assert later.built == 2


def test_watch_refuses_a_sparql_store(site):
    class Remote:
        path = None

    with pytest.raises(KGError, match="give a store directory"):
        Watcher([site.base + "/feed.xml"], Remote(), options=SourceOptions())


@pytest.mark.parametrize("text, seconds", [
    pytest.param("30m", 1800, id="minutes"), pytest.param("1h", 3600, id="hours"),
    pytest.param("1h30m", 5400, id="hours and minutes"), pytest.param("90s", 90, id="seconds"),
    pytest.param("45", 45, id="plain number"),
])
def test_watch_every(text, seconds):
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", [pytest.param("soon", id="word"), pytest.param("0m", id="zero"),
                                  pytest.param("5 weeks", id="unknown unit")])
def test_watch_every_refuses_bad_durations(text):
    with pytest.raises(KGError, match="--every"):
        parse_every(text)


def test_watch_feed_list(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text("# technology desks\nhttps://a.example/rss\n\n  https://b.example/atom  \n"
                    "https://a.example/rss\n", encoding="utf-8")
    assert read_feed_list(path) == ["https://a.example/rss", "https://b.example/atom"]
    path.write_text("https://a.example/rss\nfeeds/local.xml\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"feeds.txt:2: 'feeds/local.xml' is not an http\(s\) URL"):
        read_feed_list(path)


def test_cli_watch_polls_and_stops_cleanly_on_sigterm(site, tmp_path):
    (tmp_path / "feeds.txt").write_text(site.base + "/feed.xml\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "watch", "feeds.txt", "--store", "s",
                             "--every", "1h", "--allow-private"], cwd=tmp_path, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        line = proc.stdout.readline()  # the first poll's line
        assert "poll 1: 1 feeds (0 unchanged), 2 new or changed articles built, 0 failed" in line
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.stdout.read() == ""  # one line per poll, nothing more
    with open_store(tmp_path / "s", read_only=True) as store:
        assert doc_graphs(store) == ["ledger-chip-lab", "ledger-space-talks"]


def test_cli_watch_once(site, tmp_path):
    (tmp_path / "feeds.txt").write_text(site.base + "/feed.xml\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "kg.cli", "watch", "feeds.txt", "--store", "s", "--once", "--allow-private"]
    first = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    second = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert "2 new or changed articles built" in first.stdout
    assert "1 feeds (1 unchanged), 0 new or changed articles built" in second.stdout


def test_watch_entry_that_failed_is_tried_again_next_poll(site, tmp_path, extractor):
    feed = rss_feed(site.base, SLUGS[:2]).replace(
        f"<description>&lt;p&gt;{STORIES['space-talks'][2][0]}&lt;/p&gt;</description>", "")
    set_feed(site, feed, '"v1"')
    del site.routes["/news/space-talks"]  # no page and no text in the feed: the entry fails
    errors = []
    with open_store(tmp_path / "s") as store:
        first = watcher(site, store, extractor, errors).poll()
        assert (first.built, first.failed) == (1, 1)
        site.add_news(["space-talks"])  # the page is back; the feed has not changed
        second = watcher(site, store, extractor, errors).poll()
        assert (second.built, second.unchanged, second.failed) == (1, 0, 0)
        assert doc_graphs(store) == ["ledger-chip-lab", "ledger-space-talks"]
