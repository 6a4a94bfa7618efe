"""The remote store: any SPARQL 1.1 endpoint over HTTP (Query, Update, and the Graph Store
Protocol where the server has it), with the standard library's ``urllib`` only.

Every HTTP and URL failure is translated here, once: a SPARQL text the server rejects
(HTTP 400) becomes :class:`~kg.errors.QueryError`, anything else (refused connection,
401, 404, 5xx) :class:`~kg.errors.StoreError` naming the endpoint and what to do.

Servers differ in three ways that matter to kg; the store asks the endpoint once (its
``Server`` header) and adapts, without rewriting the user's SPARQL:

* **Union default graph.** kg queries expect the default graph to be the union of all
  named graphs. Oxigraph server gets it per request (``union-default-graph`` parameter);
  Virtuoso's default graph already is the union, of its own system graphs too, which the
  store leaves out (``define input:default-graph-exclude``) and never lists, counts or
  dumps; any other server must be set up so (Fuseki: ``tdb2:unionDefaultGraph true``;
  GraphDB and Neptune are so by default). The first union query checks this on the data
  and fails with a StoreError if the default graph is not the union, rather than answer
  wrongly. A query naming its own dataset (``FROM``) is sent as it is.
* **The store's own default graph** (``union_default_graph=False``, quads without a
  graph name): Oxigraph has one; Virtuoso has none, so the store keeps it in the graph
  :data:`DEFAULT_GRAPH` (``default-graph-uri``); on other servers kg reads and counts
  named graphs only. Virtuoso finds nothing in ``GRAPH <iri>`` once a request names a
  dataset, so queries with such a pattern go to it as written.
* **Limits.** Virtuoso refuses blank nodes in ``INSERT DATA`` and long triple blocks,
  silently cuts answers at 10,000 rows and refuses ``OFFSET`` past 10,000: writes go in
  blocks of 1,000 triples (``INSERT {...} WHERE {}`` when there are blank nodes), and
  reads go a few graphs at a time, large graphs by subject, checking every count.

>>> endpoints("http://127.0.0.1:7878/query")
('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/update', 'http://127.0.0.1:7878/store')
>>> endpoints("http://localhost:8890/sparql-auth")
('http://localhost:8890/sparql-auth', 'http://localhost:8890/sparql-auth', None)
"""
from __future__ import annotations

import json
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from http.client import HTTPException
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Sequence

import pyoxigraph as ox

from kg import __version__
from kg.errors import QueryError, StoreError
from kg.log import logger
from kg.store.base import QueryResult, Store, nt_line
from kg.store.oxigraph import _NUMERIC, _format, _short
from kg.vocab import PREFIXES

#: Where the store keeps its default graph on servers without one of their own (Virtuoso).
DEFAULT_GRAPH = "urn:x-kg:default-graph"
_VIRTUOSO_SYSTEM_GRAPHS = ("http://www.openlinksw.com/schemas/virtrdf#", "http://www.w3.org/ns/ldp#")
_SERVICE = "http://www.w3.org/ns/sparql-service-description#Service"
_BLOCK = 1_000       # triples per GRAPH block of an update (Virtuoso's parser overflows near 5,000)
_REQUEST = 20_000    # quads per update request when writing many documents
_PAGE = 10_000       # rows per SELECT (Virtuoso's ResultSetMaxRows defaults to 10,000)
_JSON = "application/sparql-results+json"
_FORM_TYPE = "application/x-www-form-urlencoded"
_TRIPLES = "application/n-triples, text/plain;q=0.9, text/turtle;q=0.8"
_PROLOGUE = re.compile(r"""(?:\s+|\#[^\n]*|PREFIX\s*[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>
    |define\s+\S+\s+(?:<[^>]*>|"[^"]*"|'[^']*'|\S+))*""", re.IGNORECASE | re.VERBOSE)
_FORM = re.compile(r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_DATASET = re.compile(r"\bFROM\s+(?:NAMED\s+)?(?:<|[^\s:<>]*:)", re.IGNORECASE)
# the GRAPH keyword (whitespace or "<" after it; "graph:" is a prefix) with an IRI or a
# prefixed name
_CONSTANT_GRAPH = re.compile(r"\bGRAPH(?:\s+|(?=<))(?:<|[^\s:<>?$]*:)", re.IGNORECASE)
# IRIs, long and short strings, comments: keywords are looked for in the rest only
_NOT_CODE = re.compile(r'''<[^<>"{}|^`\\\s]*>
    |"""(?:[^"\\]|\\.|"(?!""))*"""|'\''(?:[^'\\]|\\.|'(?!\''))*'\''
    |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\#[^\n]*''', re.VERBOSE)
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # in server messages
_BNODE_ID = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")


def endpoints(url: str) -> tuple[str, str, str | None]:
    """``(query, update, graph store)`` URLs for the one URL a user gives ``--store``.

    ``.../query`` (Oxigraph server, Fuseki) pairs with ``.../update`` and ``.../store``;
    a bare ``http://host:port`` is taken for an Oxigraph server; GraphDB's
    ``.../repositories/ID`` updates at ``.../repositories/ID/statements``; any other URL
    (Virtuoso ``/sparql`` or ``/sparql-auth``, Neptune ``/sparql``, Fuseki ``/DATASET``)
    answers queries and updates itself. ``KG_SPARQL_UPDATE_URL`` overrides the update URL.
    """
    parts = urllib.parse.urlsplit(url)
    path = parts.path.rstrip("/")

    def at(new_path: str) -> str:
        return urllib.parse.urlunsplit(parts._replace(path=new_path, query="", fragment=""))

    gsp = None
    if path == "":
        query, update, gsp = at("/query"), at("/update"), at("/store")
    elif path.endswith("/query"):
        base = path[: -len("/query")]
        query, update, gsp = url, at(base + "/update"), at(base + "/store")
    elif re.search(r"/repositories/[^/]+$", path):
        query, update = url, at(path + "/statements")
    else:
        query = update = url
    return query, os.environ.get("KG_SPARQL_UPDATE_URL") or update, gsp


class SparqlStore(Store):
    """A store behind SPARQL 1.1 endpoints (see the module docstring for server quirks).

    Credentials come from ``user``/``password``, else the URL's ``user:password@``, else
    the ``KG_SPARQL_USER``/``KG_SPARQL_PASSWORD`` environment variables, and are sent
    by HTTP Basic or Digest, whichever the server asks for. ``timeout`` bounds every
    request in seconds (a query's own ``timeout`` overrides it).
    """

    def __init__(self, query_url: str, update_url: str | None = None, gsp_url: str | None = None,
                 *, user: str | None = None, password: str | None = None,
                 timeout: float = 120.0, read_only: bool = False):
        self._query_url, url_user, url_password = _split_userinfo(query_url)
        self._update_url = _split_userinfo(update_url)[0] if update_url else self._query_url
        self._gsp_url = _split_userinfo(gsp_url)[0] if gsp_url else None
        self._user = user or url_user or os.environ.get("KG_SPARQL_USER") or None
        password = password or url_password or os.environ.get("KG_SPARQL_PASSWORD") or ""
        self._timeout = timeout
        self._read_only = read_only
        self._closed = False
        self._dialect: str | None = None        # "oxigraph", "virtuoso" or "generic"
        self._hidden: set[str] = set()         # server graphs that are not kg's data
        self._union_checked = False
        self._digest = None
        handlers: list[urllib.request.BaseHandler] = []
        if self._user:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            urls = [u for u in (self._query_url, self._update_url, self._gsp_url) if u]
            passwords.add_password(None, urls, self._user, password)
            self._digest = urllib.request.HTTPDigestAuthHandler(passwords)
            handlers = [self._digest, urllib.request.HTTPBasicAuthHandler(passwords)]
        self._opener = urllib.request.build_opener(*handlers)

    @classmethod
    def from_url(cls, url: str, *, read_only: bool = False) -> "SparqlStore":
        """The store for one ``--store`` URL, its other endpoints derived by :func:`endpoints`."""
        clean, user, password = _split_userinfo(url)
        query, update, gsp = endpoints(clean)
        return cls(query, update, gsp, user=user, password=password, read_only=read_only)

    # -- helpers -------------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        return None

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError(f"store {self._query_url} is closed")

    def _writable(self, action: str) -> None:
        self._check_open()
        if self._read_only:
            raise StoreError(f"store {self._query_url} is open read-only; cannot {action}")

    def _http(self, url: str, *, data: bytes | None = None, content_type: str | None = None,
              accept: str | None = None, timeout: float | None = None, kind: str = "request",
              stream: bool = False, shown: str | None = None):
        """Send one request; return ``(content type, body)``, or the open response with
        ``stream``.

        ``kind`` is ``"query"`` or ``"update"`` for the user's own SPARQL (a 400 is then a
        QueryError), else a phrase for the error message ("write graph <g>").
        """
        self._check_open()
        timeout = self._timeout if timeout is None else timeout
        headers = {"User-Agent": f"kg/{__version__}"}
        if accept:
            headers["Accept"] = accept
        if content_type:
            headers["Content-Type"] = content_type
        request = urllib.request.Request(url, data=data, headers=headers)
        deadline = time.monotonic() + timeout
        if self._digest is not None:
            # urllib counts a digest retry that ends in an HTTP error and never resets the
            # count: after five such errors every request would fail "digest auth failed"
            self._digest.reset_retry_count()
        try:
            response = self._opener.open(request, timeout=timeout)
            if self._dialect is None:
                self._dialect = _dialect_of(response.headers.get("Server", ""))
            if stream:
                return response
            with response:
                chunks = []
                while chunk := response.read(1 << 16):
                    chunks.append(chunk)
                    if time.monotonic() > deadline:  # a server trickling its answer
                        raise TimeoutError
            content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
            return content_type, b"".join(chunks)
        except urllib.error.HTTPError as e:
            raise self._http_error(e, shown or url, kind) from e
        except (TimeoutError, urllib.error.URLError, HTTPException, OSError, ValueError) as e:
            raise self._network_error(e, shown or url, kind, timeout) from e

    def _http_error(self, e: urllib.error.HTTPError, url: str, kind: str) -> Exception:
        try:
            text = e.read(4000).decode("utf-8", "replace")
        except (OSError, HTTPException):
            text = ""
        message = _UNPRINTABLE.sub("?", _short(_first_line(text) or e.reason or ""))
        if e.code == 400 and kind in ("query", "update"):
            return QueryError(f"invalid SPARQL {kind}: {message}")
        if e.code in (401, 403):
            who = (f"user {self._user!r} may not {_what(kind)} there" if self._user else
                   "it needs a user name and password")
            return StoreError(
                f"{url} refused access (HTTP {e.code}): {who}; set KG_SPARQL_USER and "
                "KG_SPARQL_PASSWORD (or give user:password@ in the URL), or grant that user "
                "the right (Virtuoso: use /sparql-auth, or GRANT SPARQL_UPDATE TO \"SPARQL\")")
        if e.code == 404:
            return StoreError(
                f"no SPARQL endpoint at {url} (HTTP 404); check the --store URL, e.g. "
                "http://HOST:7878/query (Oxigraph), http://HOST:8890/sparql (Virtuoso), "
                "http://HOST:3030/DATASET (Fuseki)")
        if e.code in (405, 415):
            hint = "; if updates go to another URL, set KG_SPARQL_UPDATE_URL to it"
        else:
            hint = "; check the server's log"
        if "permission" in message.lower() or "SECURITY" in message:
            hint = ("; the endpoint's user may not write: use an endpoint and user that may "
                    "(Virtuoso: /sparql-auth, or GRANT SPARQL_UPDATE TO \"SPARQL\")")
        return StoreError(f"{url} could not {_what(kind)} (HTTP {e.code}): {message}{hint}")

    def _network_error(self, e: Exception, url: str, kind: str, timeout: float) -> Exception:
        reason = e.reason if isinstance(e, urllib.error.URLError) else e
        if isinstance(reason, TimeoutError):
            if kind == "query":
                return QueryError(
                    f"query did not finish within {timeout:g} s; add a LIMIT or more specific "
                    "patterns, or allow a longer timeout")
            return StoreError(f"{url} did not answer within {timeout:g} s; the server may be "
                              "overloaded, or the request too large")
        if isinstance(reason, ConnectionRefusedError):
            return StoreError(f"cannot connect to {url}: connection refused; start the SPARQL "
                              "server or correct the --store URL")
        if isinstance(e, ValueError):  # urllib's own complaints: bad URL, unknown auth scheme
            return StoreError(f"cannot {_what(kind)} at {url}: {_short(e)}")
        return StoreError(f"cannot {_what(kind)} at {url}: {_short(reason)}; check that the "
                          "server is up and the --store URL is right")

    def _detect(self) -> str:
        """The server's kind, from the ``Server`` header of a trivial query (asked once)."""
        if self._dialect is None:
            self._http(self._query_url + _sep(self._query_url) + "query=ASK%7B%7D", accept=_JSON,
                       kind="reach the endpoint", shown=self._query_url)
            logger.info("SPARQL endpoint %s: %s server", self._query_url, self._dialect)
            if self._dialect == "virtuoso":
                self._hidden = set(_VIRTUOSO_SYSTEM_GRAPHS)
                found = self._select(f"SELECT ?g WHERE {{ GRAPH ?g {{ ?g a <{_SERVICE}> }} }} GROUP BY ?g",
                                     union=False, what="list system graphs")
                self._hidden |= {row["g"]["value"] for row in found}
        return self._dialect  # type: ignore[return-value]

    def _decorate(self, sparql: str, union: bool) -> tuple[str, list[tuple[str, str]]]:
        """The query text and protocol parameters that give it kg's default graph."""
        dialect = self._detect()
        code = _code(sparql)
        if _DATASET.search(code):
            return sparql, []  # the query names its own dataset
        if dialect == "oxigraph":
            return sparql, [("union-default-graph", "true")] if union else []
        if dialect == "virtuoso":
            if _CONSTANT_GRAPH.search(code):
                # Virtuoso finds nothing in GRAPH <iri> once a request names any dataset:
                # sent as is, the default graph is the union of all graphs, its own included
                return sparql, []
            if union:  # pragmas on the user's first line: error line numbers stay the user's
                return " ".join(f"define input:default-graph-exclude <{g}>"
                                for g in sorted(self._hidden)) + " " + sparql, []
            return sparql, [("default-graph-uri", DEFAULT_GRAPH)]
        return sparql, []

    def _post_query(self, sparql: str, *, union: bool, accept: str, timeout: float | None,
                    kind: str) -> tuple[str, bytes]:
        text, params = self._decorate(sparql, union)
        body = urllib.parse.urlencode([("query", text), *params]).encode()
        return self._http(self._query_url, data=body, content_type=_FORM_TYPE, accept=accept,
                          timeout=timeout, kind=kind)

    def _select(self, sparql: str, *, union: bool, what: str) -> list[dict]:
        """Bindings of an internal SELECT (kg's own query text: any error is a StoreError)."""
        _, body = self._post_query(sparql, union=union, accept=_JSON, timeout=None, kind=what)
        try:
            return json.loads(body)["results"]["bindings"]
        except (ValueError, KeyError, TypeError) as e:
            raise StoreError(f"{self._query_url} sent an unreadable answer to {what}: {_short(e)}") from e

    def _default_graph(self) -> str | None:
        """The graph standing for the default graph on servers without one (Virtuoso)."""
        return DEFAULT_GRAPH if self._detect() == "virtuoso" else None

    def _post_update(self, sparql: str, kind: str) -> None:
        # Virtuoso has no default graph to write bare triples to: give it ours (kg's own
        # writes name every graph; GRAPH <iri> would find nothing with a dataset named)
        virtuoso = self._detect() == "virtuoso" and not _CONSTANT_GRAPH.search(_code(sparql))
        params = [("default-graph-uri", DEFAULT_GRAPH)] if virtuoso else []
        body = urllib.parse.urlencode([("update", sparql), *params]).encode()
        self._http(self._update_url, data=body, content_type=_FORM_TYPE, kind=kind)

    def _check_union(self) -> None:
        """Fail rather than answer wrongly when the server's default graph is not the union."""
        if self._union_checked:
            return
        self._detect()
        hidden = ", ".join(f"<{g}>" for g in sorted(self._hidden)) or "<urn:x-kg:none>"
        probe = ("SELECT ?g ?seen WHERE { { SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
                 f"FILTER (?g NOT IN ({hidden})) }} LIMIT 1 }} BIND (EXISTS {{ ?s ?p ?o }} AS ?seen) }}")
        rows = self._select(probe, union=True, what="check the union default graph")
        if not rows:
            return  # no named graph yet: ask again next time
        if rows[0].get("seen", {}).get("value") not in ("true", "1"):
            raise StoreError(
                f"the default graph of {self._query_url} is not the union of its named graphs, "
                "which kg's queries need; configure the server so (Fuseki: "
                "tdb2:unionDefaultGraph true on the dataset)")
        self._union_checked = True

    # -- writing -------------------------------------------------------------------
    def add(self, quads: Iterable[ox.Quad]) -> int:
        self._writable("add quads")
        batch = list(quads)
        for request in _requests([_insert(batch, self._default_graph())]):
            self._post_update(request, "add quads")
        return len(batch)

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """Drop ``graph`` and insert ``quads`` into it in one Update request."""
        self._writable(f"write graph <{graph}>")
        self.write_documents([(graph, list(quads))])

    def write_documents(self, graphs: Sequence[tuple[str, Sequence[ox.Quad]]],
                        shared: Sequence[ox.Quad] = ()) -> None:
        """One Update request per 20,000 quads; a document never spans two requests."""
        self._writable("write documents")
        operations = []
        for graph, quads in graphs:
            name = ox.NamedNode(graph)
            ops = [f"DROP SILENT GRAPH {name}"]
            if quads:
                ops.append(_insert([ox.Quad(q.subject, q.predicate, q.object, name) for q in quads])[0])
            operations.append((" ;\n".join(ops), len(quads)))
        if shared:
            operations.append(_insert(list(shared), self._default_graph()))
        for request in _requests(operations):
            self._post_update(request, "write documents")

    def remove_graph(self, graph: str) -> bool:
        return self.remove_graphs([graph]) == 1

    def remove_graphs(self, graphs: Iterable[str]) -> int:
        """Drop the graphs that exist in one Update request; return how many did."""
        self._writable("remove graphs")
        graphs = list(dict.fromkeys(graphs))
        if not graphs:
            return 0
        body = "{}" if self._detect() == "oxigraph" else "{ ?s ?p ?o }"  # keeps empty graphs
        present = []
        for i in range(0, len(graphs), 500):
            values = " ".join(str(ox.NamedNode(g)) for g in graphs[i:i + 500])
            rows = self._select(f"SELECT ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {body} }} GROUP BY ?g",
                                union=False, what="list graphs")
            present += [row["g"]["value"] for row in rows]
        if present:
            self._post_update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in present), "remove graphs")
        return len(present)

    def update(self, sparql: str) -> None:
        self._writable("run an update")
        self._post_update(sparql, "update")

    def load(self, src: str | Path | BinaryIO, fmt: str) -> None:
        """Parse an N-Quads or TriG file or stream here, then send it (one GSP request to an
        Oxigraph server, else Update requests of at most 20,000 quads)."""
        rdf_format = _format(fmt)
        where = str(src) if isinstance(src, (str, Path)) else getattr(src, "name", "<stream>")
        self._writable(f"load {where}")
        try:
            if isinstance(src, (str, Path)):
                quads = list(ox.parse(path=str(src), format=rdf_format))
            else:
                quads = list(ox.parse(src, format=rdf_format))
        except SyntaxError as e:
            raise StoreError(f"{where}: not valid {fmt}: {_short(e)}") from e
        except FileNotFoundError as e:
            raise StoreError(f"{where}: no such file") from e
        except OSError as e:
            raise StoreError(f"cannot read {where}: {_short(e)}") from e
        if self._gsp_url and self._detect() == "oxigraph":
            data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
            self._http(self._gsp_url, data=data, content_type="application/n-quads",
                       kind=f"load {where}")
            return
        for request in _requests([_insert(quads, self._default_graph())]):
            self._post_update(request, f"load {where}")

    # -- reading -------------------------------------------------------------------
    def graphs(self) -> list[str]:
        if self._detect() != "oxigraph":  # (Virtuoso takes seconds over DISTINCT ?g, not GROUP BY)
            return sorted(g for g in self._counts(None) if g is not None)
        rows = self._select("SELECT ?g WHERE { GRAPH ?g {} }", union=False, what="list graphs")
        return sorted(_value(row["g"]) for row in rows)  # empty graphs too, as embedded

    def _counts(self, graph: str | None) -> dict[str | None, int]:
        """Quads per graph (``None``: the store's own default graph, where it has one)."""
        only = f"VALUES ?g {{ {ox.NamedNode(graph)} }}" if graph is not None else ""
        rows = self._select(f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ {only} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g",
                            union=False, what="count quads")
        counts: dict[str | None, int] = {}
        for row in rows:
            name = _value(row["g"])
            if name not in self._hidden:
                counts[None if name == DEFAULT_GRAPH else name] = int(row["n"]["value"])
        if graph is None and self._detect() == "oxigraph":
            rows = self._select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", union=False,
                                what="count quads")
            counts[None] = int(rows[0]["n"]["value"]) if rows else 0
        return {g: n for g, n in counts.items() if n}

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """Every quad, fetched a few graphs at a time (at most 10,000 rows a request)."""
        counts = self._counts(graph)
        batch: list[str] = []
        size = 0
        for name, n in sorted(counts.items(), key=lambda item: item[0] or ""):
            if name is None or n > _PAGE:
                yield from self._graph_pages(name, n)
                continue
            if size + n > _PAGE:
                yield from self._fetch_batch(batch, size)
                batch, size = [], 0
            batch.append(name)
            size += n
        if batch:
            yield from self._fetch_batch(batch, size)

    def _fetch_batch(self, names: list[str], expected: int) -> Iterator[ox.Quad]:
        values = " ".join(str(ox.NamedNode(g)) for g in names)
        rows = self._select(f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}",
                            union=False, what="read quads")
        self._check_rows(len(rows), expected)
        for row in rows:
            yield ox.Quad(_term(row["s"]), _term(row["p"]), _term(row["o"]), _term(row["g"]))

    def _graph_pages(self, name: str | None, expected: int) -> Iterator[ox.Quad]:
        """A graph too big for one answer, 10,000 rows at a time by subject IRI (Virtuoso
        refuses OFFSET past its MaxSortedTopRows, so pages start after the last subject)."""
        if name is None and self._dialect == "oxigraph":
            pattern = "?s ?p ?o"  # the server's own default graph
        else:
            pattern = f"VALUES ?g {{ {ox.NamedNode(name or DEFAULT_GRAPH)} }} GRAPH ?g {{ ?s ?p ?o }}"
        graph_name = ox.DefaultGraph() if name is None else ox.NamedNode(name)
        rows = self._select(f"SELECT ?s ?p ?o WHERE {{ {pattern} FILTER (!isIRI(?s)) }}",
                            union=False, what="read quads")
        self._check_rows(len(rows), min(expected, _PAGE - 1), partial=True)
        seen, after = len(rows), ""
        while True:
            yield from (ox.Quad(_term(r["s"]), _term(r["p"]), _term(r["o"]), graph_name) for r in rows)
            if after is None:
                break
            rows = self._select(f"SELECT ?s ?p ?o WHERE {{ {pattern} FILTER (isIRI(?s){after}) }} "
                                f"ORDER BY STR(?s) LIMIT {_PAGE}", union=False, what="read quads")
            if len(rows) < _PAGE:
                after = None  # the last page
            else:  # the last subject may go on in the next page: leave it for then
                last = rows[-1]["s"]["value"]
                rows = [r for r in rows if r["s"]["value"] != last]
                if not rows:
                    raise StoreError(f"{self._query_url}: subject <{last}> has more than "
                                     f"{_PAGE} quads in one graph; kg cannot page through it")
                after = f' && STR(?s) > "{rows[-1]["s"]["value"]}"'
            seen += len(rows)
            self._check_rows(seen, expected, partial=after is not None)

    def _check_rows(self, got: int, expected: int, partial: bool = False) -> None:
        """Fail when a server cut an answer short (Virtuoso does so silently)."""
        if got < expected and not partial or got > expected:
            raise StoreError(
                f"{self._query_url} returned {got} of {expected} quads: a result-size limit "
                "(Virtuoso: raise ResultSetMaxRows and MaxSortedTopRows) or a concurrent write")

    def __len__(self) -> int:
        self._check_open()
        return sum(self._counts(None).values())

    def query(self, sparql: str, *, timeout: float | None = None,
              union_default_graph: bool = True) -> QueryResult | bool | list[ox.Triple]:
        self._check_open()
        if union_default_graph:
            self._check_union()
        form = _query_form(_code(sparql))
        accept = _TRIPLES if form in ("CONSTRUCT", "DESCRIBE") else _JSON
        content_type, body = self._post_query(sparql, union=union_default_graph, accept=accept,
                                              timeout=timeout, kind="query")
        try:
            if "json" in content_type:
                data = json.loads(body)
                if "boolean" in data:
                    return bool(data["boolean"])
                if form == "ASK":  # Virtuoso 7.2 answers ASK as a table of one cell (or none)
                    cells = [v.get("value") for row in data["results"]["bindings"] for v in row.values()]
                    return bool(cells) and cells[0] not in ("0", "false")
                return _to_result(data)
            rdf_format = ox.RdfFormat.TURTLE if "turtle" in content_type else ox.RdfFormat.N_TRIPLES
            return [q.triple for q in ox.parse(body, format=rdf_format)]
        except (ValueError, KeyError, TypeError, SyntaxError) as e:
            raise StoreError(f"{self._query_url} sent an unreadable {content_type or 'answer'}: "
                             f"{_short(e)}") from e

    def dump(self, out: str | Path | BinaryIO, fmt: str) -> None:
        """Write every quad (streamed from an Oxigraph server's graph store, else paged)."""
        rdf_format = _format(fmt)
        self._check_open()
        if self._gsp_url and self._detect() == "oxigraph":
            response = self._http(self._gsp_url, accept="application/n-quads", stream=True,
                                  kind="read the dataset")
            with response:
                quads = ox.parse(response, format=ox.RdfFormat.N_QUADS)
                self._write(quads, out, fmt, rdf_format)
        else:
            self._write(self.quads(), out, fmt, rdf_format)

    def _write(self, quads, out, fmt: str, rdf_format: ox.RdfFormat) -> None:
        target = str(out) if isinstance(out, (str, Path)) else out
        try:
            ox.serialize(quads, target, format=rdf_format, prefixes=PREFIXES if fmt == "trig" else None)
        except (SyntaxError, HTTPException, TimeoutError) as e:
            raise StoreError(f"cannot read the dataset from {self._gsp_url}: {_short(e)}") from e
        except OSError as e:
            raise StoreError(f"cannot write {fmt} to {out}: {_short(e)}") from e

    # -- lifecycle -----------------------------------------------------------------
    def close(self) -> None:
        """Forget the endpoint (nothing is held open between requests)."""
        self._closed = True

    def __repr__(self) -> str:
        return f"SparqlStore({self._query_url!r}{', read_only=True' if self._read_only else ''})"


# -- module helpers -------------------------------------------------------------------

def _split_userinfo(url: str) -> tuple[str, str | None, str | None]:
    """``(url without user:password@, user, password)``; rejects what is not an http(s) URL."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"{url!r} is not an http(s) URL of a SPARQL endpoint")
    netloc = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    try:
        port = parts.port
    except ValueError as e:
        raise StoreError(f"{parts.scheme}://{netloc}: {e}") from None
    if port:
        netloc += f":{port}"
    user = urllib.parse.unquote(parts.username) if parts.username else None
    password = urllib.parse.unquote(parts.password) if parts.password else None
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc)), user, password


def _dialect_of(server: str) -> str:
    server = server.lower()
    return "oxigraph" if "oxigraph" in server else "virtuoso" if "virtuoso" in server else "generic"


def _sep(url: str) -> str:
    return "&" if "?" in url else "?"


def _what(kind: str) -> str:
    return {"query": "run the query", "update": "run the update"}.get(kind, kind)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _code(sparql: str) -> str:
    """``sparql`` with comments and string literals blanked (IRIs are kept)."""
    return _NOT_CODE.sub(lambda m: m.group(0) if m.group(0).startswith("<") else " ", sparql)


def _query_form(sparql: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE, read past the prologue; None if unclear."""
    rest = sparql[_PROLOGUE.match(sparql).end():]  # type: ignore[union-attr]
    form = _FORM.match(rest)
    return form.group(1).upper() if form else None


def _insert(quads: Sequence[ox.Quad], default_graph: str | None = None) -> tuple[str, int]:
    """One operation adding ``quads``, in GRAPH blocks of 1,000 triples; quads of the
    default graph go into ``default_graph`` when the server has no default graph of its own.

    Blank nodes go through ``INSERT {...} WHERE {}``, which every server takes (Virtuoso
    refuses them in INSERT DATA); their labels then name the same node within the operation.
    """
    by_graph: dict[str, list[str]] = {}
    blank = False
    for q in quads:
        blank = blank or isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)
        graph = q.graph_name
        key = (str(ox.NamedNode(default_graph)) if default_graph else "") if isinstance(graph, ox.DefaultGraph) else str(graph)
        by_graph.setdefault(key, []).append(nt_line(q))
    parts = by_graph.pop("", [])  # default-graph triples stand bare, before the GRAPH blocks
    for graph, lines in by_graph.items():
        for i in range(0, len(lines), _BLOCK):
            parts.append(f"GRAPH {graph} {{\n" + "\n".join(lines[i:i + _BLOCK]) + "\n}")
    text = "\n".join(parts)
    return (f"INSERT {{\n{text}\n}} WHERE {{}}" if blank else f"INSERT DATA {{\n{text}\n}}"), len(quads)


def _requests(operations: list[tuple[str, int]]) -> Iterator[str]:
    """Join operations into Update requests of about 20,000 quads each (never splitting one)."""
    batch: list[str] = []
    size = 0
    for text, n in operations:
        if batch and size + n > _REQUEST:
            yield " ;\n".join(batch)
            batch, size = [], 0
        batch.append(text)
        size += n
    if batch:
        yield " ;\n".join(batch)


def _value(term: dict) -> str:
    return "_:" + _bnode_id(term["value"]) if term["type"] == "bnode" else term["value"]


def _bnode_id(value: str) -> str:
    """A blank node id pyoxigraph takes (Virtuoso says ``nodeID://b10000``)."""
    value = value.removeprefix("nodeID://").removeprefix("_:")
    return value if _BNODE_ID.fullmatch(value) else "x" + value.encode().hex()


def _term(term: dict):
    """A pyoxigraph term from a SPARQL JSON results term."""
    kind = term["type"]
    if kind == "uri":
        return ox.NamedNode(term["value"])
    if kind == "bnode":
        return ox.BlankNode(_bnode_id(term["value"]))
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in term:
            return ox.Literal(term["value"], language=term["xml:lang"])
        if "datatype" in term:
            return ox.Literal(term["value"], datatype=ox.NamedNode(term["datatype"]))
        return ox.Literal(term["value"])
    if kind == "triple":
        v = term["value"]
        return ox.Triple(_term(v["subject"]), _term(v["predicate"]), _term(v["object"]))
    raise ValueError(f"unknown term type {kind!r}")


def _to_result(data: dict) -> QueryResult:
    """A QueryResult from SPARQL JSON results, with the embedded store's values and kinds."""
    columns = list(data["head"].get("vars", []))
    rows: list[list[str | None]] = []
    kinds: list[list[str | None]] = []
    for binding in data["results"]["bindings"]:
        row: list[str | None] = []
        kind: list[str | None] = []
        for name in columns:
            term = binding.get(name)
            if term is None:
                row.append(None)
                kind.append(None)
            elif term["type"] == "uri":
                row.append(term["value"])
                kind.append("iri")
            elif term["type"] == "bnode":
                row.append(_value(term))
                kind.append("bnode")
            elif term["type"] in ("literal", "typed-literal"):
                row.append(term["value"])
                kind.append("number" if term.get("datatype") in _NUMERIC else "literal")
            else:  # an RDF 1.2 triple term
                row.append(str(_term(term)))
                kind.append("literal")
        rows.append(row)
        kinds.append(kind)
    return QueryResult(columns, rows, kinds)
