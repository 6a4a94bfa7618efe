"""Safe and polite fetching (kg/sources/fetch.py), against a server on 127.0.0.1."""
from __future__ import annotations

import socket
import time

import pytest

import kg.sources.fetch as fetch
from kg.errors import InputError
from kg.sources.fetch import USER_AGENT, Fetcher
from sources_site import Route, serve


@pytest.fixture
def site():
    with serve() as s:
        s.page("/a", "<p>Page A</p>")
        s.page("/b", "<p>Page B</p>")
        yield s


def fetcher(**kw) -> Fetcher:
    return Fetcher(**{"allow_private": True, "delay": 0, **kw})


@pytest.mark.parametrize("url, kind", [
    pytest.param("http://127.0.0.1:9/x", "127.0.0.1: a loopback address", id="loopback"),
    pytest.param("http://[::1]:9/x", "::1: a loopback address", id="loopback IPv6"),
    pytest.param("http://10.1.2.3/x", "10.1.2.3: a private address", id="private"),
    pytest.param("http://192.168.0.10/x", "192.168.0.10: a private address", id="home network"),
    pytest.param("http://169.254.169.254/latest/meta-data/", "169.254.169.254: a link-local address",
                 id="cloud metadata"),
    pytest.param("http://[::ffff:127.0.0.1]/x", "::ffff:127.0.0.1: a loopback address",
                 id="IPv4-mapped loopback"),
])
def test_fetch_private_address_refused_without_allow_private(url, kind):
    with pytest.raises(InputError) as caught:
        Fetcher(delay=0).get(url)
    assert str(caught.value) == (f"{url}: refused to fetch from {kind}; kg fetches only from "
                                 "public addresses unless --allow-private is given")


def test_fetch_checks_the_address_a_name_resolves_to(monkeypatch):
    real = socket.getaddrinfo

    def resolve(host, *args, **kw):
        if host == "intranet.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", 80))]
        return real(host, *args, **kw)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with pytest.raises(InputError, match=r"refused to fetch from intranet.example \(10.0.0.5\): "
                                         "a private address"):
        Fetcher(delay=0).get("http://intranet.example/news")


def test_fetch_checks_every_redirect(site, monkeypatch):
    # 127.0.0.1 counts as public here, 127.0.0.2 stays loopback: the redirect is refused
    real = fetch._non_public
    monkeypatch.setattr(fetch, "_non_public", lambda a: None if a == "127.0.0.1" else real(a))
    port = site.base.rsplit(":", 1)[1]
    site.routes["/jump"] = Route(status=302, headers={"Location": f"http://127.0.0.2:{port}/a"})
    with pytest.raises(InputError, match=r"127.0.0.2.*refused to fetch from 127.0.0.2: a loopback"):
        Fetcher(delay=0).get(site.base + "/jump")
    assert "/a" not in site.paths()


def test_fetch_follows_redirects_and_reports_the_final_url(site):
    site.routes["/old"] = Route(status=301, headers={"Location": "/a"})
    response = fetcher().get(site.base + "/old")
    assert (response.url, response.body) == (site.base + "/a", b"<p>Page A</p>")


def test_fetch_redirect_loop_is_one_error(site):
    site.routes["/loop"] = Route(status=302, headers={"Location": "/loop"})
    with pytest.raises(InputError, match="more than 5 redirects"):
        fetcher().get(site.base + "/loop")


@pytest.mark.parametrize("url, reason", [
    pytest.param("file:///etc/passwd", "only http and https URLs are fetched, not 'file:'", id="file"),
    pytest.param("ftp://ftp.example/pub/news.txt", "only http and https URLs are fetched, not 'ftp:'",
                 id="ftp"),
    pytest.param("gopher://old.example/1", "only http and https URLs are fetched, not 'gopher:'",
                 id="gopher"),
])
def test_fetch_other_schemes_refused(url, reason):
    with pytest.raises(InputError) as caught:
        Fetcher(delay=0).get(url)
    assert str(caught.value) == f"{url}: cannot fetch: {reason}"


def test_fetch_sends_a_user_agent_naming_kg_and_its_version(site):
    from kg import __version__

    fetcher().get(site.base + "/a")
    agents = {headers.get("User-Agent") for _, headers in site.requests}
    assert agents == {USER_AGENT} and USER_AGENT.startswith(f"kg/{__version__} ")


def test_fetch_honours_robots_txt(site):
    site.page("/robots.txt", "User-agent: *\nDisallow: /private\n\nUser-agent: kg\nDisallow: /b\n",
              "text/plain")
    site.page("/private/x", "<p>secret</p>")
    f = fetcher()
    assert f.get(site.base + "/a").body == b"<p>Page A</p>"
    with pytest.raises(InputError, match=r"/b: cannot fetch: robots.txt of 127.0.0.1:\d+ disallows it for kg"):
        f.get(site.base + "/b")
    assert site.paths() == ["/robots.txt", "/a"]  # robots.txt read once; /b never asked for


def test_fetch_robots_txt_server_error_forbids_the_host(site):
    site.routes["/robots.txt"] = Route(b"down", status=503)
    with pytest.raises(InputError, match="robots.txt of .* is unavailable"):
        fetcher().get(site.base + "/a")


def test_fetch_waits_between_requests_to_one_host(site):
    f = fetcher(delay=0.4)
    f.get(site.base + "/a")
    start = time.monotonic()
    f.get(site.base + "/b")
    assert time.monotonic() - start >= 0.35


def test_fetch_crawl_delay_of_robots_txt_is_honoured(site):
    site.page("/robots.txt", "User-agent: *\nCrawl-delay: 1\n", "text/plain")
    f = fetcher()
    f.get(site.base + "/a")
    start = time.monotonic()
    f.get(site.base + "/b")
    assert time.monotonic() - start >= 0.95


@pytest.mark.parametrize("route", [
    pytest.param(Route(b"x" * 5000), id="plain body"),
    pytest.param(Route(b"x" * 5000, gzip=True), id="gzip body (decompressed size counts)"),
])
def test_fetch_size_limit(site, route):
    site.routes["/big"] = route
    with pytest.raises(InputError, match="cannot fetch: the page is over the 0.001 MB limit"):
        fetcher(max_bytes=1000).get(site.base + "/big")


def test_fetch_gzip_body_is_decompressed(site):
    site.routes["/z"] = Route(b"<p>compressed page</p>", gzip=True)
    assert fetcher().get(site.base + "/z").body == b"<p>compressed page</p>"


def test_fetch_timeout(site):
    site.routes["/slow"] = Route(hang=True)
    with pytest.raises(InputError, match=r"/slow: cannot fetch: no answer within 0.5 s"):
        fetcher(timeout=0.5).get(site.base + "/slow")


@pytest.mark.parametrize("path, reason", [
    pytest.param("/missing", "the server answered 404 Not Found", id="404"),
    pytest.param("/gone", "the server answered 410 Gone", id="410"),
    pytest.param("/broken", "the server answered 500 Internal Server Error", id="500"),
])
def test_fetch_http_error_is_one_line(site, path, reason):
    site.routes["/gone"] = Route(b"", status=410)
    site.routes["/broken"] = Route(b"", status=500)
    with pytest.raises(InputError) as caught:
        fetcher().get(site.base + path)
    assert str(caught.value) == f"{site.base}{path}: cannot fetch: {reason}"


def test_fetch_connection_refused_is_one_line():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(InputError, match=rf"127.0.0.1:{port}/x: cannot fetch: .*refused"):
        fetcher().get(f"http://127.0.0.1:{port}/x")


def test_fetch_conditional_get_gives_304(site):
    site.routes["/feed"] = Route(b"<rss/>", headers={"ETag": '"v1"'})
    f = fetcher()
    assert f.get(site.base + "/feed").headers["etag"] == '"v1"'
    assert f.get(site.base + "/feed", headers={"If-None-Match": '"v1"'}).status == 304


@pytest.fixture
def tls_site(tmp_path):
    """The site over HTTPS with a certificate for 127.0.0.1 that no public CA signed."""
    import shutil
    import ssl
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    with serve() as s:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        s.server.socket = context.wrap_socket(s.server.socket, server_side=True)
        s.base = s.base.replace("http://", "https://")
        s.page("/a", "<p>Secure page</p>")
        yield s, cert


def test_fetch_https_checks_the_certificate(tls_site):
    site, _ = tls_site
    with pytest.raises(InputError, match=r"/a: cannot fetch: TLS failed \(CERTIFICATE_VERIFY_FAILED\)"):
        fetcher().get(site.base + "/a")


def test_fetch_https_with_a_trusted_certificate(tls_site):
    import ssl

    site, cert = tls_site
    f = fetcher()
    f._context = ssl.create_default_context(cafile=str(cert))
    assert f.get(site.base + "/a").body == b"<p>Secure page</p>"


def test_fetch_robots_txt_that_could_not_be_read_is_asked_for_again_later(site, monkeypatch):
    monkeypatch.setattr(fetch, "_ROBOTS_RETRY", 0.0)
    site.routes["/robots.txt"] = Route(b"down", status=503)
    f = fetcher()
    with pytest.raises(InputError, match="robots.txt of .* is unavailable"):
        f.get(site.base + "/a")
    del site.routes["/robots.txt"]  # the server is back: no robots.txt, everything allowed
    assert f.get(site.base + "/a").body == b"<p>Page A</p>"


@pytest.mark.parametrize("path, served", [
    pytest.param("/caf\u00e9/news", "/caf%C3%A9/news", id="non-ASCII path"),
    pytest.param("/news/a b", "/news/a%20b", id="space in path"),
    pytest.param("/search?q=chip pact&lang=\u00e9", "/search?q=chip%20pact&lang=%C3%A9", id="query"),
])
def test_fetch_url_with_characters_to_encode(site, path, served):
    site.page(served, "<p>Encoded</p>")
    assert fetcher().get(site.base + path).body == b"<p>Encoded</p>"


def test_fetch_bad_host_name_is_one_line():
    with pytest.raises(InputError, match="cannot fetch"):
        Fetcher(delay=0).get("http://" + "a" * 70 + ".example/x")
