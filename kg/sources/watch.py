"""``kg watch``: poll a list of feeds and build what is new or changed.

Each poll asks every feed with a conditional GET (``If-None-Match`` /
``If-Modified-Since`` from the last answer), reads the entries not seen before or
changed since (by id and a hash of their date, title, link and summary), and builds
their documents through the incremental build. What has been seen is kept in the store
directory (``kg-watch.json``), written after each poll, so a restarted watch goes on
where it stopped. A stop request (Ctrl-C, SIGTERM) is honoured between two documents:
the documents read so far are written whole, the others are read again next time.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path

from kg.errors import InputError, KGError

from . import SourceOptions

__all__ = ["parse_every", "read_feed_list", "Watcher", "STATE_FILE"]

STATE_FILE = "kg-watch.json"
_EVERY = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)", re.I)
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, */*;q=0.5"


def parse_every(text: str) -> float:
    """Seconds in ``30m``, ``1h``, ``1h30m``, ``90s`` or ``90``.

    >>> parse_every("1h30m"), parse_every("45s"), parse_every("2")
    (5400.0, 45.0, 2.0)
    """
    text = text.strip()
    parts = list(_EVERY.finditer(text))
    if not parts or "".join(m.group(0) for m in parts).replace(" ", "") != text.replace(" ", ""):
        raise KGError(f"--every: '{text}' is not a duration (e.g. 30m, 1h, 90s)")
    seconds = sum(float(m.group(1)) * _UNITS[m.group(2).lower()] for m in parts)
    if seconds <= 0:
        raise KGError("--every: the duration must be more than zero")
    return seconds


def read_feed_list(path: Path) -> list[str]:
    """The feed URLs of ``path``: one per line; blank lines and ``#`` comments skipped."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read the list of feeds ({getattr(exc, 'strerror', None) or exc})") from exc
    urls = []
    for number, line in enumerate(lines, start=1):
        line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if not line:
            continue
        if not re.match(r"https?://", line, re.I):
            raise InputError(f"{path}:{number}", f"'{line}' is not an http(s) URL of a feed")
        urls.append(line)
    if not urls:
        raise InputError(path, "no feed URLs in this file (one http(s) URL per line)")
    return list(dict.fromkeys(urls))


@dataclasses.dataclass
class PollReport:
    number: int
    feeds: int
    unchanged: int = 0
    built: int = 0
    seen: int = 0
    failed: int = 0
    stopped: bool = False

    def line(self) -> str:
        when = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S")
        text = (f"{when} poll {self.number}: {self.feeds} feeds ({self.unchanged} unchanged), "
                f"{self.built} new or changed articles built, {self.failed} failed")
        return text + ("; stopped" if self.stopped else "")


class Watcher:
    """Polls ``feeds`` into ``store`` (an open embedded store)."""

    def __init__(self, feeds: list[str], store, *, options: SourceOptions, extractor=None,
                 model: str | None = None, on_error: Callable[[InputError], None] | None = None,
                 stop: threading.Event | None = None):
        if store.path is None:
            raise KGError("kg watch keeps what it has seen in the store's directory; give a store "
                          "directory for --store, not a SPARQL endpoint")
        self.feeds = feeds
        self.store = store
        self.options = options
        self.extractor = extractor
        self.model = model
        self.on_error = on_error or (lambda e: None)
        self.stop = stop or threading.Event()
        self.state_path = Path(store.path) / STATE_FILE
        self.state = self._load()
        self.polls = 0

    def _load(self) -> dict:
        try:
            state = json.loads(self.state_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"feeds": {}, "entries": {}}
        except (OSError, ValueError) as exc:
            raise KGError(f"{self.state_path}: cannot read what kg watch has seen ({exc}); "
                          "remove the file to start afresh") from exc
        state.setdefault("feeds", {})
        state.setdefault("entries", {})
        return state

    def _save(self) -> None:
        tmp = self.state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.state, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.state_path)

    def poll(self) -> PollReport:
        """One poll of every feed; the state is saved at its end."""
        from kg.build import Extractor, build

        from .feeds import entry_document, entry_key, entry_version, parse_feed

        self.polls += 1
        report = PollReport(self.polls, len(self.feeds))
        pending = []  # (document, entry key, version)
        finished_feeds = {}  # feed URL -> its validators, when every entry was read
        for url in self.feeds:
            if self.stop.is_set():
                break
            known = self.state["feeds"].get(url, {})
            headers = {}
            if known.get("etag"):
                headers["If-None-Match"] = known["etag"]
            if known.get("last_modified"):
                headers["If-Modified-Since"] = known["last_modified"]
            try:
                response = self.options.get_fetcher().get(url, headers=headers, accept=_ACCEPT)
                if response.status == 304:
                    report.unchanged += 1
                    continue
                parsed = parse_feed(url, response.body, url=response.url, content_type=response.content_type)
            except InputError as error:
                report.failed += 1
                self.on_error(error)
                continue
            feed_title = parsed.feed.get("title")
            complete = True
            for number, entry in enumerate(parsed.entries, start=1):
                if self.stop.is_set():
                    complete = False
                    break
                key = entry_key(entry)
                version = entry_version(entry)
                if key is None or self.state["entries"].get(key) == version:
                    continue
                try:
                    document = entry_document(f"{url} entry {number}", entry, feed_title, self.options,
                                              file=url)
                except InputError as error:
                    report.failed += 1
                    self.on_error(error)
                    complete = False  # asked in full next time: the entry is tried again
                    continue
                if document is None:  # read already in this poll, from another feed
                    self.state["entries"][key] = version
                    continue
                pending.append((document, key, version))
            if complete:
                finished_feeds[url] = {"etag": response.headers.get("etag"),
                                       "last_modified": response.headers.get("last-modified")}
        consumed: list = []

        def documents():
            for item in pending:
                if self.stop.is_set():
                    return
                consumed.append(item)
                yield item[0]

        if pending and not self.stop.is_set():
            if self.extractor is None:
                self.extractor = Extractor(self.model)
            failures = []
            result = build(documents(), self.store, extractor=self.extractor,
                           on_error=failures.append, sources=self.options)
            report.built = result.documents
            report.failed += len(failures)
            for error in failures:
                self.on_error(error)
            for _, key, version in consumed:  # an extraction failure is a kg bug: not retried
                self.state["entries"][key] = version
        if len(consumed) < len(pending):
            finished_feeds = {}  # entries left unread: ask the feeds in full next time
        for url, validators in finished_feeds.items():
            self.state["feeds"][url] = {k: v for k, v in validators.items() if v}
        report.stopped = self.stop.is_set()
        self._save()
        return report

    def run(self, every: float, *, once: bool = False, on_poll: Callable[[PollReport], None]) -> None:
        """Poll now and then every ``every`` seconds until stopped (or once)."""
        while not self.stop.is_set():
            on_poll(self.poll())
            if once:
                return
            self.stop.wait(every)
