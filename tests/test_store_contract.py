"""The Store contract on every backend: the embedded on-disk Oxigraph store, and
SparqlStore on ``oxigraph serve`` and on Virtuoso 7; then ``kg build/query/export``
end to end against each server, compared with the embedded store.

The contract is test_store.py's StoreContract extended here (one suite, habit 5): one
abstract class, one subclass per backend, each giving a ``store`` fixture (empty, open
for writing) and ``reopen`` (the same data through a new handle).
"""
from __future__ import annotations

import base64
import csv
import doctest
import http.server
import io
import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from helpers_rdf import DOCS, TRIG, load_sample
from kg.errors import QueryError, StoreError
from kg.store import open_store
from kg.store.sparql import DEFAULT_GRAPH, SparqlStore
from kg.vocab import ENTITIES_GRAPH, RDFS, TA, TAI, XSD
from test_store import G1, G2, StoreContract as _BaseContract, quad

ROOT = Path(__file__).resolve().parents[1]
G3 = f"{TAI}doc/g3"


def canonical(quads) -> set[str]:
    """Quads as N-Quads lines with blank nodes canonically renamed (isomorphism test)."""
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return {str(q) for q in dataset}


def sample_quads() -> list[ox.Quad]:
    return list(ox.parse(TRIG.encode(), format=ox.RdfFormat.TRIG))


class StoreContract(_BaseContract):
    """What every Store backend must do, beyond test_store.py's StoreContract."""

    @pytest.fixture
    def reopen(self, store):
        """``reopen(read_only=...)``: a second handle on the store's data."""
        raise NotImplementedError

    # -- writing -------------------------------------------------------------------
    def test_store_write_documents_replaces_graphs_and_adds_shared_quads(self, store):
        store.add([quad(f"{TAI}x/a", ox.Literal("old"), G1), quad(f"{TAI}x/z", ox.Literal("stale"), G1),
                   quad(f"{TAI}x/k", ox.Literal("kept"), G3)])
        entity = quad(f"{TAI}x/e", ox.Literal("entity"), ENTITIES_GRAPH)
        store.write_documents(
            [(G1, [quad(f"{TAI}x/a", ox.Literal("new"))]),
             (G2, [quad(f"{TAI}x/b", ox.Literal("b"), ENTITIES_GRAPH)])],  # own graph name ignored
            shared=[entity, entity])
        assert sorted(q.object.value for q in store.quads(G1)) == ["new"]
        assert [(q.object.value, q.graph_name.value) for q in store.quads(G2)] == [("b", G2)]
        assert list(store.quads(ENTITIES_GRAPH)) == [entity]
        assert [q.object.value for q in store.quads(G3)] == ["kept"]
        store.write_documents([(G1, [])])
        assert store.graphs() == sorted([G2, G3, ENTITIES_GRAPH])
        store.write_documents([])  # nothing to do

    def test_store_remove_graphs_counts_those_that_existed(self, store):
        store.add([quad(f"{TAI}x/a", ox.Literal("a"), G1), quad(f"{TAI}x/b", ox.Literal("b"), G2),
                   quad(f"{TAI}x/c", ox.Literal("c"), G3)])
        assert store.remove_graphs([G1, G2, f"{TAI}doc/missing"]) == 2
        assert store.graphs() == [G3]
        assert store.remove_graphs([]) == 0

    def test_store_add_keeps_the_default_graph_apart(self, store):
        store.add([quad(f"{TAI}x/a", ox.Literal("named"), G1), quad(f"{TAI}x/a", ox.Literal("default"))])
        assert store.graphs() == [G1]
        assert len(store) == 2
        by_graph = {q.object.value: q.graph_name for q in store.quads()}
        assert by_graph == {"named": ox.NamedNode(G1), "default": ox.DefaultGraph()}

    @pytest.mark.parametrize("fmt", ["nquads", "trig"])
    def test_store_load_adds_named_and_default_graphs(self, store, fmt):
        data = ox.serialize(sample_quads(), format=ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS)
        store.load(io.BytesIO(data), fmt)
        assert store.graphs() == DOCS
        assert len(store) == len(sample_quads())
        assert canonical(store.quads()) == canonical(sample_quads())

    def test_store_large_graphs_are_written_and_read_whole(self, store):
        big = [quad(f"{TAI}x/{i}", ox.Literal(f"label {i}"), G1) for i in range(12_500)]
        small = [(f"{TAI}doc/s{i}", [quad(f"{TAI}x/s{i}/{j}", ox.Literal(str(j))) for j in range(150)])
                 for i in range(80)]
        store.add(big)
        store.write_documents(small)
        assert len(store) == 12_500 + 80 * 150
        assert len(store.graphs()) == 81
        assert {q.object.value for q in store.quads(G1)} == {f"label {i}" for i in range(12_500)}
        assert sum(1 for _ in store.quads()) == len(store)

    # -- reading -------------------------------------------------------------------
    def test_store_query_kinds_tell_iris_numbers_literals_and_blank_nodes(self, store):
        a, e = ox.NamedNode(f"{TAI}x/a"), ox.BlankNode()
        n = ox.NamedNode(TA + "count")
        store.add([
            ox.Quad(a, n, ox.Literal("3", datatype=ox.NamedNode(XSD + "integer")), ox.NamedNode(G1)),
            ox.Quad(a, n, ox.Literal("0.5", datatype=ox.NamedNode(XSD + "decimal")), ox.NamedNode(G1)),
            ox.Quad(a, n, ox.Literal("three", language="en"), ox.NamedNode(G1)),
            ox.Quad(a, n, e, ox.NamedNode(G1)),
            ox.Quad(a, n, ox.NamedNode(f"{TAI}x/b"), ox.NamedNode(G1)),
        ])
        result = store.query(f"SELECT ?s ?o ?none WHERE {{ ?s <{n.value}> ?o OPTIONAL {{ ?o <urn:x> ?none }} }}")
        cells = sorted(zip((r[1] for r in result.rows), (k[1] for k in result.kinds)), key=lambda c: c[1])
        by_kind = {}
        for value, kind in cells:
            by_kind.setdefault(kind, []).append(value)
        assert sorted(by_kind["number"]) == ["0.5", "3"]
        assert by_kind["literal"] == ["three"]
        assert by_kind["iri"] == [f"{TAI}x/b"]
        assert len(by_kind["bnode"]) == 1 and by_kind["bnode"][0].startswith("_:")
        assert {k[0] for k in result.kinds} == {"iri"} and {k[2] for k in result.kinds} == {None}

    def test_store_query_union_sees_named_graphs_and_graph_keeps_them_apart(self, store):
        shared = f"{TAI}x/shared"
        store.add([quad(shared, ox.Literal("s"), G1), quad(shared, ox.Literal("s"), G2),
                   quad(f"{TAI}x/only", ox.Literal("o"), G2)])
        assert store.query(f"ASK {{ <{TAI}x/only> ?p ?o }}") is True
        assert store.query(f"ASK {{ <{TAI}x/only> ?p ?o }}", union_default_graph=False) is False
        in_graphs = store.query(f"SELECT ?g WHERE {{ GRAPH ?g {{ <{shared}> ?p ?o }} }} ORDER BY ?g")
        assert in_graphs.column("g") == [G1, G2]
        distinct = store.query(f"SELECT DISTINCT ?s WHERE {{ ?s <{RDFS}label> ?o }} ORDER BY ?s")
        assert distinct.column("s") == [f"{TAI}x/only", shared]

    def test_store_query_construct_and_describe_give_triples(self, store):
        load_sample(store)
        triples = store.query(f"CONSTRUCT {{ ?s <{RDFS}label> ?l }} WHERE {{ ?s <{RDFS}label> ?l }}")
        assert triples and all(isinstance(t, ox.Triple) for t in triples)
        labels = {t.object.value for t in triples}
        assert {"South Korea", "quantum"} <= labels
        described = store.query(f"DESCRIBE <{TAI}country/KOR>")
        assert all(isinstance(t, ox.Triple) for t in described)
        assert ox.Literal("South Korea") in {t.object for t in described}

    def test_store_query_orders_aggregated_labels_as_strings(self, store):
        load_sample(store)
        result = store.query(f"SELECT ?l WHERE {{ {{ SELECT ?c (MIN(?x) AS ?l) WHERE {{ "
                             f"?c a <{TA}Country> ; <{RDFS}label> ?x }} GROUP BY ?c }} }} ORDER BY ?l")
        assert result.column("l") == ["China", "Japan", "South Korea", "United States"]

    def test_store_persists_across_handles(self, store, reopen):
        load_sample(store)
        n = len(store)
        again = reopen(read_only=True)
        assert len(again) == n and again.graphs() == DOCS

    def test_store_dump_round_trip_is_isomorphic(self, store, tmp_path):
        load_sample(store)
        for fmt in ("nquads", "trig"):
            out = tmp_path / f"dump.{fmt}"
            store.dump(out, fmt)
            got = ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS if fmt == "nquads" else ox.RdfFormat.TRIG)
            assert canonical(got) == canonical(sample_quads())

    # -- errors ----------------------------------------------------------------------
    def test_store_read_only_refuses_every_write(self, store, reopen):
        store.add([quad(f"{TAI}x/a", ox.Literal("a"), G1)])
        ro = reopen(read_only=True)
        writes = {
            "add": lambda: ro.add([quad(f"{TAI}x/b", ox.Literal("b"), G1)]),
            "replace_graph": lambda: ro.replace_graph(G1, []),
            "write_documents": lambda: ro.write_documents([(G2, [quad(f"{TAI}x/b", ox.Literal("b"))])]),
            "remove_graph": lambda: ro.remove_graph(G1),
            "remove_graphs": lambda: ro.remove_graphs([G1]),
            "update": lambda: ro.update(f"DROP GRAPH <{G1}>"),
            "load": lambda: ro.load(io.BytesIO(b""), "nquads"),
        }
        for name, write in writes.items():
            with pytest.raises(StoreError, match="read-only"):
                write()
        assert ro.graphs() == [G1]  # reading still works, and nothing changed

    def test_store_closed_store_refuses_every_call(self, store):
        store.close()
        calls = {
            "graphs": store.graphs,
            "quads": lambda: list(store.quads()),
            "query": lambda: store.query("ASK { ?s ?p ?o }"),
            "update": lambda: store.update(f"DROP SILENT GRAPH <{G1}>"),
            "add": lambda: store.add([quad(f"{TAI}x/a", ox.Literal("a"), G1)]),
            "dump": lambda: store.dump(io.BytesIO(), "nquads"),
        }
        for name, call in calls.items():
            with pytest.raises(StoreError, match="closed"):
                call()

    def test_store_bad_update_is_query_error_and_changes_nothing(self, store):
        store.add([quad(f"{TAI}x/a", ox.Literal("a"), G1)])
        with pytest.raises(QueryError, match="invalid SPARQL update"):
            store.update(f"DROP GRAPH <{G1}> ; INSERT DATA {{ <a> <b> }}")
        assert store.graphs() == [G1]


# -- the backends ---------------------------------------------------------------------

class TestEmbeddedOnDisk(StoreContract):
    @pytest.fixture
    def store(self, tmp_path):
        with open_store(tmp_path / "store") as store:
            yield store

    @pytest.fixture
    def reopen(self, store, tmp_path):
        handles = []

        def again(read_only: bool = False):
            store.close()  # the embedded store is locked by the process that writes it
            handles.append(open_store(tmp_path / "store", read_only=read_only))
            return handles[-1]
        yield again
        for handle in handles:
            handle.close()


def empty(store: SparqlStore) -> SparqlStore:
    """Clear a server store for the next test: every graph, and the default graph."""
    store.remove_graphs(store.graphs())
    store.update("DROP SILENT DEFAULT" if store._detect() == "oxigraph" else f"DROP SILENT GRAPH <{DEFAULT_GRAPH}>")
    assert len(store) == 0
    return store


def server_store(server, *, read_only: bool = False) -> SparqlStore:
    return SparqlStore(server.query_url, server.update_url, server.gsp_url, user=server.user,
                       password=server.password, read_only=read_only)


class ServerContract(StoreContract):
    server_fixture = ""

    @pytest.fixture
    def server(self, request):
        return request.getfixturevalue(self.server_fixture)

    @pytest.fixture
    def store(self, server):
        with empty(server_store(server)) as store:
            yield store

    @pytest.fixture
    def reopen(self, server):
        return lambda read_only=False: server_store(server, read_only=read_only)


@pytest.mark.server
class TestOxigraphServer(ServerContract):
    server_fixture = "oxigraph_server"


@pytest.mark.server
class TestVirtuoso(ServerContract):
    server_fixture = "virtuoso_server"

    @pytest.mark.xfail(strict=True, reason=(
        "Virtuoso 7.2 sorts the strings MIN() returns by its internal ids (the order it first "
        "stored them), not as strings; its own STRLEN() then fails on them with 'Incomplete "
        "RDF box'. ORDER BY STR(?l) sorts right, but kg sends the user's query unchanged"))
    def test_store_query_orders_aggregated_labels_as_strings(self, store):
        super().test_store_query_orders_aggregated_labels_as_strings(store)

    def test_store_virtuoso_hides_its_system_graphs(self, store):
        assert store.graphs() == [] and len(store) == 0
        assert store.query("SELECT * WHERE { ?s ?p ?o } LIMIT 1").rows == []


# -- opening by URL, and the errors of an unreachable or refusing server ----------------

def test_store_sparql_doctests():
    import kg.store.sparql

    assert doctest.testmod(kg.store.sparql).failed == 0


@pytest.mark.parametrize("spec, query, update", [
    pytest.param("http://127.0.0.1:7878/query", "http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update",
                 id="oxigraph /query"),
    pytest.param("http:/127.0.0.1:7878/query", "http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update",
                 id="URL squashed by pathlib"),
    pytest.param("http://127.0.0.1:7878", "http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update",
                 id="bare oxigraph host"),
    pytest.param("http://h:8890/sparql", "http://h:8890/sparql", "http://h:8890/sparql", id="virtuoso"),
    pytest.param("https://h:7200/repositories/kg", "https://h:7200/repositories/kg",
                 "https://h:7200/repositories/kg/statements", id="graphdb"),
])
def test_store_open_url_derives_endpoints(monkeypatch, spec, query, update):
    monkeypatch.delenv("KG_SPARQL_UPDATE_URL", raising=False)
    store = open_store(spec)
    assert isinstance(store, SparqlStore) and store.path is None
    assert (store._query_url, store._update_url) == (query, update)


def test_store_open_url_update_endpoint_from_environment(monkeypatch):
    monkeypatch.setenv("KG_SPARQL_UPDATE_URL", "http://h:3030/ds/update")
    store = open_store("http://h:3030/ds/sparql")
    assert store._update_url == "http://h:3030/ds/update"


def test_store_open_url_takes_credentials_without_showing_them(monkeypatch):
    monkeypatch.delenv("KG_SPARQL_USER", raising=False)
    store = open_store("http://kg:s3cret@127.0.0.1:9/sparql")
    assert store._user == "kg" and "s3cret" not in repr(store) and "s3cret" not in store._query_url
    with pytest.raises(StoreError) as info:
        store.graphs()
    assert "s3cret" not in str(info.value)


def test_store_unreachable_server_is_one_line_store_error():
    port = __import__("servers").free_port()
    store = open_store(f"http://127.0.0.1:{port}/query")
    with pytest.raises(StoreError, match=rf"cannot connect to http://127.0.0.1:{port}/query: connection refused") as info:
        store.query("ASK {}")
    assert "\n" not in str(info.value)


class GenericEndpoint(http.server.BaseHTTPRequestHandler):
    """A SPARQL server kg does not know, behind HTTP Basic, whose default graph is not the
    union of its named graphs: the probe kg sends before union queries says so."""

    def do_GET(self):
        self.answer({"head": {}, "boolean": True})

    def do_POST(self):
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        probe = "EXISTS" in form["query"][0]
        row = {"g": {"type": "uri", "value": G1}, "seen": {"type": "literal", "value": "false"}}
        self.answer({"head": {"vars": ["g", "seen"] if probe else ["x"]},
                     "results": {"bindings": [row] if probe else [{"x": {"type": "literal", "value": "1"}}]}})

    def answer(self, data):
        expected = "Basic " + base64.b64encode(b"kg:pw").decode()
        if self.headers.get("Authorization") != expected:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="kg"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = json.dumps(data).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def generic_endpoint():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), GenericEndpoint)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    finally:
        server.shutdown()
        server.server_close()


def test_store_generic_server_with_basic_auth_and_no_union_default_graph(generic_endpoint):
    store = SparqlStore(generic_endpoint, user="kg", password="pw")
    assert store.query("SELECT ?x WHERE { ?s ?p ?x }", union_default_graph=False).rows == [["1"]]
    with pytest.raises(StoreError, match="is not the union of its named graphs.*unionDefaultGraph"):
        store.query("SELECT ?x WHERE { ?s ?p ?x }")
    with pytest.raises(StoreError, match=r"HTTP 401\): it needs a user name and password"):
        SparqlStore(generic_endpoint).graphs()


@pytest.mark.server
def test_store_server_errors_name_the_endpoint(oxigraph_server, virtuoso_server):
    base = oxigraph_server.query_url.rsplit("/", 1)[0]
    with pytest.raises(StoreError, match=rf"no SPARQL endpoint at {base}/nowhere \(HTTP 404\)"):
        open_store(f"{base}/nowhere").graphs()
    without_password = SparqlStore(virtuoso_server.query_url)
    with pytest.raises(StoreError, match=r"refused access \(HTTP 401\): it needs a user name and password"):
        without_password.graphs()
    wrong = SparqlStore(virtuoso_server.query_url, user="dba", password="wrong")
    with pytest.raises(StoreError, match=r"HTTP 401\): user 'dba' may not"):
        wrong.graphs()


@pytest.mark.server
def test_store_virtuoso_digest_auth_survives_server_errors(virtuoso_server):
    store = server_store(virtuoso_server)
    for _ in range(8):  # urllib's digest handler used to give up after five failed requests
        with pytest.raises(StoreError, match="HTTP 500"):
            store.query("SELECT (<urn:kg:no-such-function>(1) AS ?x) WHERE {}")
    assert store.query("ASK {}") is True


@pytest.mark.server
def test_store_virtuoso_credentials_from_environment(virtuoso_server, monkeypatch):
    monkeypatch.setenv("KG_SPARQL_USER", virtuoso_server.user)
    monkeypatch.setenv("KG_SPARQL_PASSWORD", virtuoso_server.password)
    with empty(open_store(virtuoso_server.url)) as store:
        store.add([quad(f"{TAI}x/a", ox.Literal("a"), G1)])
        assert store.graphs() == [G1]
        empty(store)


# -- end to end: kg build / query / export against a server ---------------------------

def kg(*args, env=None):
    proc = subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, **(env or {})}, timeout=900)
    assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def embedded_reference(tmp_path_factory):
    """The corpus built by `kg build` into the embedded store: its query rows and quads."""
    where = tmp_path_factory.mktemp("e2e") / "store"
    kg("build", ROOT / "data" / "corpus", "--store", where, "--quiet")
    return (where, *answers(str(where), tmp_path_factory.mktemp("e2e-out"), {}))


def answers(spec: str, out: Path, env: dict) -> tuple[list[list[str]], set[str]]:
    rows = kg("query", "-f", ROOT / "queries" / "alliances-by-domain.rq", "--store", spec,
              "--format", "csv", env=env).stdout
    kg("export", "--store", spec, "--format", "nquads", "--out", out / "export.nq", env=env)
    quads = canonical(ox.parse(path=str(out / "export.nq"), format=ox.RdfFormat.N_QUADS))
    return list(csv.reader(io.StringIO(rows))), quads


@pytest.fixture(scope="module", params=["oxigraph_server", "virtuoso_server"])
def server_answers(request, tmp_path_factory):
    """The corpus built by `kg build --store URL` on a server: its query rows and quads."""
    server = request.getfixturevalue(request.param)
    empty(server_store(server)).close()
    env = {"KG_SPARQL_USER": server.user or "", "KG_SPARQL_PASSWORD": server.password or ""}
    kg("build", ROOT / "data" / "corpus", "--store", server.url, "--quiet", env=env)
    return (server, *answers(server.url, tmp_path_factory.mktemp(f"e2e-{server.name}"), env))


@pytest.mark.server
@pytest.mark.slow
def test_store_cli_build_query_export_on_server_match_embedded(server_answers, embedded_reference):
    server, rows, quads = server_answers
    _, expected_rows, expected_quads = embedded_reference
    assert len(rows) > 1 and rows[0] == expected_rows[0]
    if server.name == "virtuoso":  # the same rows; their order: see TestVirtuoso's xfail on MIN()
        assert sorted(rows[1:]) == sorted(expected_rows[1:])
    else:
        assert rows == expected_rows
    assert quads == expected_quads  # kg uses no blank nodes: isomorphic is equal


_CONCAT_ORDER = ("SPARQL leaves the order of GROUP_CONCAT's values open: Virtuoso 7.2 joins the "
                 "titles in another order than Oxigraph")
#: Canned queries whose rows differ on Virtuoso 7.2 within what SPARQL 1.1 allows.
VIRTUOSO_DIFFERS = {
    "agreements-by-country-pair": _CONCAT_ORDER,
    "most-corroborated-agreements": _CONCAT_ORDER,
    "agreements-covering-domain": ("GROUP_CONCAT over no values is \"\" on Virtuoso 7.2 and unbound on "
                                   "Oxigraph 0.5 (SPARQL 1.1 says \"\") for an agreement without a date"),
}


@pytest.mark.server
@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(p.stem for p in (ROOT / "queries").glob("*.rq")))
def test_store_canned_queries_on_server_give_embedded_rows(server_answers, embedded_reference, name, request):
    from kg.query import run_query

    server = server_answers[0]
    if server.name == "virtuoso" and name in VIRTUOSO_DIFFERS:
        request.applymarker(pytest.mark.xfail(raises=AssertionError, strict=True,
                                              reason=VIRTUOSO_DIFFERS[name]))
    text = (ROOT / "queries" / f"{name}.rq").read_text()
    with open_store(embedded_reference[0], read_only=True) as local:
        expected = run_query(local, text)
    with server_store(server, read_only=True) as remote:
        got = run_query(remote, text)
    assert got.columns == expected.columns
    joined = [got.columns.index(c) for c in JOINED_NAMES.get(name, ())]
    assert Counter(zip(map(_unordered(joined), got.rows), map(tuple, got.kinds))) == \
        Counter(zip(map(_unordered(joined), expected.rows), map(tuple, expected.kinds)))  # the order: see the MIN() xfail


#: Columns joined with ", " whose order SPARQL leaves open (GROUP_CONCAT): compared as sets.
JOINED_NAMES = {"export-controls-by-target": ("imposed_by", "domains"),
                "who-signed-what": ("country", "status", "date")}


def _unordered(columns: list[int]):
    def key(row: list) -> tuple:
        return tuple(tuple(sorted(v.split(", "))) if i in columns and v else v for i, v in enumerate(row))
    return key


@pytest.mark.parametrize("text, constant", [
    pytest.param("SELECT * WHERE { ?s ?p ?o }", False, id="no GRAPH"),
    pytest.param("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", False, id="GRAPH ?var"),
    pytest.param("SELECT * WHERE { GRAPH graph:facts { ?s ?p ?o } }", True, id="GRAPH prefixed name"),
    pytest.param("SELECT * WHERE { GRAPH<urn:x> { ?s ?p ?o } }", True, id="GRAPH <iri>"),
])
def test_store_virtuoso_constant_graph_detection_ignores_the_graph_prefix(text, constant):
    """kg query pre-binds PREFIX graph:; that declaration is not a GRAPH <iri> pattern, or
    Virtuoso would lose the exclusion of its system graphs from every query."""
    from kg.query.run import with_prefixes
    from kg.store.sparql import _CONSTANT_GRAPH

    assert bool(_CONSTANT_GRAPH.search(with_prefixes(text)[0])) is constant
