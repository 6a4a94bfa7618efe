"""Fetch pages and feeds over http(s), safely and politely.

* only ``http`` and ``https``; a host's addresses are checked after DNS resolution and
  again after every redirect, and loopback, private, link-local and other non-public
  addresses are refused unless ``allow_private`` (the connection goes to the address
  that was checked, so a second DNS answer cannot swap it);
* a time limit per fetch and a size limit on the body (compressed or not);
* a delay between two requests to one host (longer if its robots.txt asks);
* robots.txt honoured (RFC 9309: a missing file allows all, a server error forbids all);
* a User-Agent naming kg and its version.

Every failure is one :class:`~kg.errors.InputError` naming the URL.
"""
from __future__ import annotations

import dataclasses
import http.client
import ipaddress
import socket
import ssl
import time
import zlib
from urllib.parse import quote, urljoin, urlsplit

from kg.errors import InputError

__all__ = ["Fetcher", "Response", "USER_AGENT"]


def _version() -> str:
    from kg import __version__

    return __version__


USER_AGENT = f"kg/{_version()} (news reader for a knowledge graph of technology alliances)"
_REDIRECTS = {301, 302, 303, 307, 308}
_SAFE = "/%?=&;:@!$'()*+,~-._[]"  # kept as they are in a path or query; other characters %-encoded
_MAX_REDIRECTS = 5
_CHUNK = 65536
_ROBOTS_MAX = 512_000
_MAX_CRAWL_DELAY = 60.0
_ROBOTS_KEEP = 24 * 3600.0  # a robots.txt read is kept a day (RFC 9309)
_ROBOTS_RETRY = 600.0  # one that could not be read is asked for again after ten minutes


@dataclasses.dataclass
class Response:
    """What a fetch got: the final URL (after redirects), status, headers (lower-case
    names) and body."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


class Fetcher:
    """Fetches URLs one at a time (see the module's docstring for the rules)."""

    def __init__(self, *, allow_private: bool = False, delay: float = 1.0, timeout: float = 20.0,
                 max_bytes: int = 10_000_000, robots: bool = True, user_agent: str = USER_AGENT):
        self.allow_private = allow_private
        self.delay = delay
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.robots = robots
        self.user_agent = user_agent
        self._last: dict[tuple, float] = {}
        self._robots: dict[tuple, object] = {}
        self._robots_read: dict[tuple, float] = {}
        self._context = ssl.create_default_context()

    def get(self, url: str, *, headers: dict[str, str] | None = None,
            accept: str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8") -> Response:
        """GET ``url``, following redirects; raises :class:`InputError` on any failure.

        A ``304 Not Modified`` (for conditional ``headers``) is returned, not raised;
        every other status but 200 is an error."""
        start = time.monotonic()
        for _ in range(_MAX_REDIRECTS + 1):
            self._check_robots(url)
            response = self._request(url, {"Accept": accept, **(headers or {})}, start, self.max_bytes)
            if response.status in _REDIRECTS and response.headers.get("location"):
                url = urljoin(url, response.headers["location"].strip())
                continue
            if response.status == 304 or 200 <= response.status < 300:
                return response
            raise InputError(response.url, f"cannot fetch: the server answered {response.status} "
                                            f"{http.client.responses.get(response.status, '')}".rstrip())
        raise InputError(url, f"cannot fetch: more than {_MAX_REDIRECTS} redirects")

    # --- one request ------------------------------------------------------------------

    def _request(self, url: str, headers: dict, start: float, limit: int) -> Response:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise InputError(url, f"cannot fetch: only http and https URLs are fetched, not '{scheme}:'")
        try:
            host, port = parts.hostname, parts.port or (443 if scheme == "https" else 80)
        except ValueError as exc:
            raise InputError(url, f"cannot fetch: bad URL ({exc})") from exc
        if not host:
            raise InputError(url, "cannot fetch: the URL names no host")
        try:
            host = host.encode("idna").decode("ascii")  # a name in another script: its ASCII form
        except UnicodeError as exc:
            raise InputError(url, f"cannot fetch: bad host name '{host}'") from exc
        address = self._resolve(url, host, port)
        self._wait((scheme, host, port))
        path = quote(parts.path or "/", safe=_SAFE) + (f"?{quote(parts.query, safe=_SAFE)}" if parts.query else "")
        remaining = max(0.1, self.timeout - (time.monotonic() - start))
        conn_class = _TLSConnection if scheme == "https" else _Connection
        conn = conn_class(host, port, address, timeout=remaining, context=self._context)
        try:
            conn.putrequest("GET", path, skip_accept_encoding=True)
            for key, value in {"User-Agent": self.user_agent, "Accept-Encoding": "gzip",
                               "Connection": "close", **headers}.items():
                conn.putheader(key, value)
            conn.endheaders()
            raw = conn.getresponse()
            got = {k.lower(): v for k, v in raw.getheaders()}
            body = b""
            if raw.status not in _REDIRECTS and raw.status != 304:
                body = self._read(url, raw, got, start, limit)
            return Response(url=url, status=raw.status, headers=got, body=body)
        except InputError:
            raise
        except ssl.SSLError as exc:
            raise InputError(url, f"cannot fetch: TLS failed ({exc.reason or exc})") from exc
        except (socket.timeout, TimeoutError) as exc:
            raise InputError(url, f"cannot fetch: no answer within {self.timeout:g} s") from exc
        except (OSError, http.client.HTTPException, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            raise InputError(url, f"cannot fetch: {reason}") from exc
        finally:
            conn.close()
            self._last[(scheme, host, port)] = time.monotonic()

    def _read(self, url: str, raw, headers: dict, start: float, limit: int) -> bytes:
        too_big = f"cannot fetch: the page is over the {limit / 1e6:g} MB limit"
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            raise InputError(url, too_big)
        gzipped = headers.get("content-encoding", "").strip().lower() in ("gzip", "x-gzip")
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzipped else None
        chunks, size = [], 0
        while True:
            if time.monotonic() - start > self.timeout:
                raise InputError(url, f"cannot fetch: not received within {self.timeout:g} s")
            chunk = raw.read(_CHUNK)
            if not chunk:
                break
            if inflate is not None:
                try:
                    chunk = inflate.decompress(chunk, limit + 1 - size)
                except zlib.error as exc:
                    raise InputError(url, f"cannot fetch: bad gzip data ({exc})") from exc
                if inflate.unconsumed_tail:
                    raise InputError(url, too_big)
            size += len(chunk)
            if size > limit:
                raise InputError(url, too_big)
            chunks.append(chunk)
        return b"".join(chunks)

    def _resolve(self, url: str, host: str, port: int) -> str:
        """The address to connect to; every address the host has must be allowed."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise InputError(url, f"cannot fetch: cannot resolve host '{host}' ({exc.strerror})") from exc
        addresses = list(dict.fromkeys(info[4][0] for info in infos))
        if not addresses:
            raise InputError(url, f"cannot fetch: host '{host}' has no address")
        if not self.allow_private:
            for address in addresses:
                kind = _non_public(address)
                if kind:
                    shown = host if host == address else f"{host} ({address})"
                    raise InputError(url, f"refused to fetch from {shown}: a {kind} address; kg fetches "
                                          "only from public addresses unless --allow-private is given")
        return addresses[0]

    def _wait(self, key: tuple, delay: float | None = None) -> None:
        delay = self._delay_for(key) if delay is None else delay
        last = self._last.get(key)
        if last is not None:
            pause = last + delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)

    def _delay_for(self, key: tuple) -> float:
        rules = self._robots.get(key)
        crawl = None
        if rules is not None and not isinstance(rules, str):
            try:
                crawl = rules.crawl_delay("kg")
            except (TypeError, ValueError):
                crawl = None
        return max(self.delay, min(float(crawl or 0), _MAX_CRAWL_DELAY))

    # --- robots.txt -------------------------------------------------------------------

    def _check_robots(self, url: str) -> None:
        if not self.robots:
            return
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https") or not parts.hostname:
            return  # _request says why
        try:
            key = (scheme, parts.hostname, parts.port or (443 if scheme == "https" else 80))
        except ValueError:
            return
        age = time.monotonic() - self._robots_read.get(key, float("-inf"))
        if key not in self._robots or age > (_ROBOTS_RETRY if isinstance(self._robots[key], str)
                                             and self._robots[key] != "allow" else _ROBOTS_KEEP):
            self._robots[key] = self._load_robots(url, key)
            self._robots_read[key] = time.monotonic()
        rules = self._robots[key]
        if rules == "allow":
            return
        if isinstance(rules, str):
            raise InputError(url, rules)
        if not rules.can_fetch("kg", url):
            raise InputError(url, f"cannot fetch: robots.txt of {parts.netloc} disallows it for kg")

    def _load_robots(self, url: str, key: tuple):
        from urllib.robotparser import RobotFileParser

        robots_url = urljoin(url, "/robots.txt")
        try:
            response = self._request(robots_url, {"Accept": "text/plain"}, time.monotonic(), _ROBOTS_MAX)
        except InputError as error:
            if error.reason.startswith("refused"):
                raise InputError(url, error.reason) from error
            return error.reason  # the host cannot be reached (DNS, connection, TLS, time)
        if response.status in _REDIRECTS:  # followed once, on the same rules
            try:
                response = self._request(urljoin(robots_url, response.headers["location"]),
                                         {"Accept": "text/plain"}, time.monotonic(), _ROBOTS_MAX)
            except InputError:
                return "allow"
        if 400 <= response.status < 500 or response.status in _REDIRECTS:
            return "allow"
        if response.status >= 500:
            return (f"cannot fetch: robots.txt of {urlsplit(url).netloc} is unavailable (server "
                    f"error {response.status}); kg fetches nothing there until it can read it")
        parser = RobotFileParser()
        parser.parse(response.body.decode("utf-8", "replace").splitlines())
        return parser


def _non_public(address: str) -> str | None:
    """What kind of non-public address ``address`` is, or None when it is public."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_multicast:
        return "multicast"
    if ip.is_private:
        return "private"
    if not ip.is_global:
        return "reserved"
    return None


class _Connection(http.client.HTTPConnection):
    """An HTTP connection to an address already checked, for ``host``."""

    def __init__(self, host, port, address, *, timeout, context=None):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _TLSConnection(http.client.HTTPSConnection):
    """An HTTPS connection to an address already checked; the certificate must name ``host``."""

    def __init__(self, host, port, address, *, timeout, context):
        super().__init__(host, port, timeout=timeout, context=context)
        self._address = address
        self._tls = context

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._tls.wrap_socket(sock, server_hostname=self.host)
