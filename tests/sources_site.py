"""A small news site served from 127.0.0.1 for the kg.sources tests: article pages,
RSS/Atom/RDF feeds, robots.txt, redirects, conditional GET. Every text here is made up."""
from __future__ import annotations

import contextlib
import gzip
import html
import threading
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STORIES = {
    "chip-lab": ("Freedonia and Sylvania open a joint chip laboratory", "2024-04-09", [
        "Freedonia and Sylvania opened a joint semiconductor laboratory in Marsport on Tuesday, "
        "the two science ministries said in a shared statement.",
        "The laboratory will let engineers from both countries test new chip designs side by side "
        "and exchange results every month, according to the statement.",
        "Officials said the project forms part of a wider technology partnership the two "
        "governments agreed last year, and that more sites could follow."]),
    "space-talks": ("Grand Fenwick joins Ruritania in satellite talks", "2024-05-14", [
        "Grand Fenwick joined talks with Ruritania on Thursday about sharing weather satellite "
        "data, a spokesperson for the Ruritanian foreign ministry said.",
        "The two countries plan to sign a memorandum on satellite cooperation before the end of "
        "the year, the spokesperson added, without giving a date.",
        "Analysts in Strelsau said the talks show how smaller states are pooling money for space "
        "programmes they could not pay for alone."]),
    "export-rules": ("Sylvania tightens export rules on quantum sensors", "2024-06-20", [
        "Sylvania tightened its export rules on quantum sensors on Monday, requiring a licence "
        "for every shipment to countries outside its alliance.",
        "The trade ministry said the change followed a review of technologies with military uses, "
        "and that companies had until September to apply for the new licences.",
        "Industry groups in the capital warned that the rules could slow research projects that "
        "depend on parts made abroad."]),
}


def article_page(slug: str, base: str, *, site: str = "The Marsport Ledger", meta_date: bool = True) -> str:
    """A news page as sites make them: menus, share bar, the story, related links, footer."""
    title, date, paragraphs = STORIES[slug]
    body = "\n".join(f"      <p>{html.escape(p)}</p>" for p in paragraphs)
    date_meta = (f'<meta property="article:published_time" content="{date}T08:30:00+00:00">'
                 if meta_date else "")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{html.escape(title)} | {site}</title>
  <meta property="og:title" content="{html.escape(title)}">
  <meta property="og:site_name" content="{site}">
  {date_meta}
  <link rel="canonical" href="{base}/news/{slug}">
  <script>window.analytics = {{"page": "{slug}"}};</script>
</head>
<body>
  <div class="cookie-consent">This site uses cookies. <button>Accept</button></div>
  <header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
    <li><a href="/tech">Technology</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
  <main>
    <article>
      <h1>{html.escape(title)}</h1>
      <div class="byline">By Staff Reporter</div>
      <div class="share"><a href="#">Share on social media</a> <a href="#">Email</a></div>
{body}
    </article>
    <aside class="related"><h2>More stories</h2><ul>
      <li><a href="/news/other-1">Markets close higher on strong earnings</a></li>
      <li><a href="/news/other-2">Weather service warns of storms</a></li></ul></aside>
  </main>
  <footer><p>Copyright {site}. All rights reserved.</p><p><a href="/about">About us</a></p></footer>
</body>
</html>
"""


def story_text(slug: str) -> str:
    return "\n\n".join(STORIES[slug][2])


def rfc2822(date: str) -> str:
    import datetime as dt

    return format_datetime(dt.datetime.fromisoformat(date + "T07:00:00+00:00"))


def rss_feed(base: str, slugs, *, title: str = "Ledger Technology", link_path: str = "/news/") -> str:
    items = "\n".join(f"""    <item>
      <title>{html.escape(STORIES[s][0])}</title>
      <link>{base}{link_path}{s}</link>
      <guid isPermaLink="false">ledger-{s}</guid>
      <pubDate>{rfc2822(STORIES[s][1])}</pubDate>
      <description>{html.escape("<p>" + STORIES[s][2][0] + "</p>")}</description>
    </item>""" for s in slugs)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
    <title>{title}</title><link>{base}/</link><description>Technology news</description>
{items}
</channel></rss>
"""


def atom_feed(base: str, slugs, *, title: str = "Ledger Atom") -> str:
    entries = "\n".join(f"""  <entry>
    <title>{html.escape(STORIES[s][0])}</title>
    <link href="{base}/news/{s}"/>
    <id>tag:ledger.example,2024:{s}</id>
    <published>{STORIES[s][1]}T07:00:00Z</published><updated>{STORIES[s][1]}T09:00:00Z</updated>
    <content type="html">{html.escape("".join(f"<p>{p}</p>" for p in STORIES[s][2]))}</content>
  </entry>""" for s in slugs)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>{title}</title><id>tag:ledger.example,2024:feed</id><updated>2024-06-20T09:00:00Z</updated>
{entries}
</feed>
"""


def rdf_feed(base: str, slugs, *, title: str = "Ledger RDF") -> str:
    items = "\n".join(f"""  <item rdf:about="{base}/news/{s}">
    <title>{html.escape(STORIES[s][0])}</title><link>{base}/news/{s}</link>
    <description>{html.escape(" ".join(STORIES[s][2]))}</description>
    <dc:date>{STORIES[s][1]}T07:00:00Z</dc:date>
  </item>""" for s in slugs)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="{base}/rdf"><title>{title}</title><link>{base}/</link>
    <description>Technology news</description></channel>
{items}
</rdf:RDF>
"""


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict = field(default_factory=dict)
    gzip: bool = False
    hang: bool = False


class Site:
    """``routes`` path -> Route; ``requests`` lists (path, headers) of every request."""

    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict]] = []
        self.release = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                site.requests.append((self.path, dict(self.headers)))
                route = site.routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "9")
                    self.end_headers()
                    self.wfile.write(b"not found")
                    return
                if route.hang:
                    site.release.wait(30)
                    return
                etag = route.headers.get("ETag")
                if etag and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                body = gzip.compress(route.body) if route.gzip else route.body
                self.send_response(route.status)
                for key, value in route.headers.items():
                    self.send_header(key, value)
                if route.gzip:
                    self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def page(self, path: str, text: str, content_type: str = "text/html; charset=utf-8", **kw):
        self.routes[path] = Route(text.encode("utf-8"), headers={"Content-Type": content_type}, **kw)

    def add_news(self, slugs=STORIES):
        for slug in slugs:
            self.page(f"/news/{slug}", article_page(slug, self.base))

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


@contextlib.contextmanager
def serve():
    site = Site()
    thread = threading.Thread(target=site.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.release.set()
        site.server.shutdown()
        site.server.server_close()
