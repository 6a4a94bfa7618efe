"""The Store contract, run against every backend (one subclass per store), plus
open_store and the on-disk Oxigraph specifics (persistence, locks, read-only)."""
from __future__ import annotations

import contextlib
import io
import socket
import subprocess
import sys
import textwrap
import threading
import time

import pyoxigraph as ox
import pytest

from helpers_rdf import DOCS, KOR, PARTY, TPD, load_sample
from kg.errors import QueryError, StoreError
from kg.store import QueryResult, open_store
from kg.store.oxigraph import OxigraphStore
from kg.vocab import RDFS, TAI

G1, G2 = f"{TAI}doc/g1", f"{TAI}doc/g2"
LABEL = ox.NamedNode(RDFS + "label")


def quad(s: str, o: str | ox.Literal, g: str | None = None, p: str = RDFS + "label") -> ox.Quad:
    obj = o if isinstance(o, ox.Literal) else ox.NamedNode(o)
    return ox.Quad(ox.NamedNode(s), ox.NamedNode(p), obj,
                   ox.NamedNode(g) if g else ox.DefaultGraph())


@contextlib.contextmanager
def stalled_queries(store, monkeypatch):
    """Inside the block, the store's queries never finish on their own: the embedded store's
    evaluation waits for the block to end, a SPARQL store talks to a server that accepts the
    request and never answers."""
    from kg.store.sparql import SparqlStore
    release = threading.Event()
    if isinstance(store, SparqlStore):
        store.query("ASK { }")  # the server's kind is found before the switch
        monkeypatch.setattr(store, "_union_checked", True)  # no other request to the silent server
        monkeypatch.setattr(store, "_timeout", 10.0)  # internal requests, had there been any
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        host, port = listener.getsockname()
        monkeypatch.setattr(store, "_query_url", f"http://{host}:{port}/sparql")
        try:
            yield
        finally:
            listener.close()
        return
    real = store._evaluate

    def blocked(*args, **kwargs):
        release.wait()
        return real(*args, **kwargs)

    monkeypatch.setattr(store, "_evaluate", blocked)
    try:
        yield
    finally:
        release.set()


class StoreContract:
    """Behaviour every Store backend must show; subclasses provide the ``store`` fixture."""

    @pytest.fixture
    def store(self):
        raise NotImplementedError

    def test_store_add_counts_and_keeps_quads(self, store):
        assert store.add(quad(f"{TAI}x/{i}", ox.Literal(str(i)), G1) for i in range(5)) == 5
        assert len(store) == 5
        assert store.graphs() == [G1]

    def test_store_replace_graph_replaces_only_that_graph(self, store):
        store.add([quad(f"{TAI}x/a", ox.Literal("old"), G1), quad(f"{TAI}x/b", ox.Literal("other"), G2)])
        store.replace_graph(G1, [quad(f"{TAI}x/a", ox.Literal("new")), quad(f"{TAI}x/c", ox.Literal("c"))])
        in_g1 = sorted(q.object.value for q in store.quads(G1))
        assert in_g1 == ["c", "new"]
        assert [q.object.value for q in store.quads(G2)] == ["other"]

    def test_store_replace_graph_keeps_old_graph_when_writing_fails(self, store):
        store.replace_graph(G1, [quad(f"{TAI}x/a", ox.Literal("old"))])

        def broken():
            yield quad(f"{TAI}x/a", ox.Literal("half"))
            raise RuntimeError("extractor crashed mid-document")

        with pytest.raises(RuntimeError):
            store.replace_graph(G1, broken())
        assert [q.object.value for q in store.quads(G1)] == ["old"]

    def test_store_replace_graph_with_no_quads_empties_it(self, store):
        store.replace_graph(G1, [quad(f"{TAI}x/a", ox.Literal("old"))])
        store.replace_graph(G1, [])
        assert list(store.quads(G1)) == []

    @pytest.mark.parametrize("term", [
        pytest.param(ox.Literal('He said "sign it"\nand left\\'), id="quotes, newline, backslash"),
        pytest.param(ox.Literal("이재명 대통령 — 😀"), id="non-ASCII text"),
        pytest.param(ox.Literal("bell\x07char"), id="control character"),
        pytest.param(ox.Literal("Séoul", language="fr"), id="language tag"),
        pytest.param(ox.Literal("2025-10", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYearMonth")),
                     id="gYearMonth date"),
        pytest.param(ox.Literal("0.85", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")),
                     id="decimal"),
    ])
    def test_store_replace_graph_keeps_literals_intact(self, store, term):
        store.replace_graph(G1, [quad(f"{TAI}x/a", term)])
        assert [q.object for q in store.quads(G1)] == [term]

    def test_store_replace_graph_keeps_blank_node_links(self, store):
        e = ox.BlankNode()
        store.replace_graph(G1, [
            ox.Quad(e, ox.NamedNode(RDFS + "comment"), ox.Literal("evidence")),
            ox.Quad(e, ox.NamedNode(RDFS + "seeAlso"), ox.NamedNode(KOR)),
        ])
        subjects = {q.subject for q in store.quads(G1)}
        assert len(subjects) == 1 and isinstance(subjects.pop(), ox.BlankNode)

    def test_store_remove_graph_reports_whether_it_existed(self, store):
        store.add([quad(f"{TAI}x/a", ox.Literal("a"), G1)])
        assert store.remove_graph(G1) is True
        assert store.remove_graph(G1) is False
        assert store.graphs() == [] and len(store) == 0

    def test_store_query_default_graph_is_union_of_graphs(self, store):
        store.add([quad(f"{TAI}x/a", ox.Literal("a"), G1), quad(f"{TAI}x/b", ox.Literal("b"), G2),
                   quad(f"{TAI}x/c", ox.Literal("c"))])
        union = store.query(f"SELECT ?l WHERE {{ ?s <{RDFS}label> ?l }} ORDER BY ?l")
        assert union.column("l") == ["a", "b", "c"]
        default_only = store.query(f"SELECT ?l WHERE {{ ?s <{RDFS}label> ?l }}", union_default_graph=False)
        assert default_only.column("l") == ["c"]

    def test_store_query_select_gives_plain_values(self, store):
        store.add([quad(f"{TAI}x/a", ox.Literal("A"), G1)])
        result = store.query(f"SELECT ?s ?l ?missing WHERE {{ ?s <{RDFS}label> ?l OPTIONAL {{ ?s <urn:nope> ?missing }} }}")
        assert isinstance(result, QueryResult)
        assert result.columns == ["s", "l", "missing"]
        assert result.rows == [[f"{TAI}x/a", "A", None]]
        assert result.records() == [{"s": f"{TAI}x/a", "l": "A", "missing": None}]

    def test_store_query_ask_and_construct(self, store):
        store.add([quad(f"{TAI}x/a", ox.Literal("A"), G1)])
        assert store.query("ASK { ?s ?p 'A' }") is True
        assert store.query("ASK { ?s ?p 'B' }") is False
        triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        assert [t.object.value for t in triples] == ["A"]

    @pytest.mark.parametrize("sparql", [
        pytest.param("SELECT ?s WHERE { ?s ?p }", id="missing object"),
        pytest.param("SELEKT * WHERE { ?s ?p ?o }", id="misspelt keyword"),
        pytest.param("SELECT * WHERE { ?s nope:p ?o }", id="undeclared prefix"),
    ])
    def test_store_query_syntax_error_is_query_error(self, store, sparql):
        with pytest.raises(QueryError, match="invalid SPARQL") as info:
            store.query(sparql)
        assert "\n" not in str(info.value)

    def test_store_query_timeout_is_query_error(self, store, monkeypatch):
        # a query that cannot finish (evaluation blocked until the test ends), so the
        # outcome never depends on how fast the machine is
        store.add(quad(f"{TAI}x/{i}", ox.Literal(str(i))) for i in range(3))
        with stalled_queries(store, monkeypatch):
            started = time.monotonic()
            with pytest.raises(QueryError, match="did not finish within 0.2 s"):
                store.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x }", timeout=0.2)
            assert time.monotonic() - started < 30  # it gave up instead of waiting forever

    def test_store_update_changes_data(self, store):
        store.update(f"INSERT DATA {{ GRAPH <{G1}> {{ <{TAI}x/a> <{RDFS}label> 'A' }} }}")
        assert store.graphs() == [G1]
        with pytest.raises(QueryError, match="invalid SPARQL update"):
            store.update("INSERT DATA { <a> <b> }")

    @pytest.mark.parametrize("fmt", ["nquads", "trig"])
    @pytest.mark.parametrize("target", ["path", "stream"])
    def test_store_dump_and_load_round_trip(self, store, tmp_path, fmt, target):
        load_sample(store)
        if target == "path":
            dest = tmp_path / f"dump.{fmt}"
            store.dump(dest, fmt)
            source = dest
        else:
            dest = io.BytesIO()
            store.dump(dest, fmt)
            source = io.BytesIO(dest.getvalue())
        copy = OxigraphStore()
        copy.load(source, fmt)
        assert copy.graphs() == DOCS
        assert len(copy) == len(store)

    def test_store_load_reports_bad_file(self, store, tmp_path):
        bad = tmp_path / "bad.nq"
        bad.write_text("<urn:a> <urn:b> .\n")
        with pytest.raises(StoreError, match="bad.nq: not valid nquads"):
            store.load(bad, "nquads")
        with pytest.raises(StoreError, match="no such file"):
            store.load(tmp_path / "missing.nq", "nquads")

    def test_store_unknown_format_lists_valid_ones(self, store):
        with pytest.raises(StoreError, match="valid formats: nquads, trig"):
            store.dump(io.BytesIO(), "rdfxml")

    def test_store_closed_store_refuses_work(self, store):
        store.close()
        with pytest.raises(StoreError, match="closed"):
            len(store)
        store.close()  # closing twice is harmless


class TestOxigraphInMemory(StoreContract):
    @pytest.fixture
    def store(self):
        with OxigraphStore() as store:
            yield store


class TestOxigraphOnDisk(StoreContract):
    @pytest.fixture
    def store(self, tmp_path):
        with open_store(tmp_path / "store") as store:
            yield store


# -- open_store and on-disk behaviour ---------------------------------------------------

def test_store_open_creates_directory_and_persists(tmp_path):
    where = tmp_path / "new" / "store"
    with open_store(where) as store:
        load_sample(store)
        n = len(store)
    assert (where / "CURRENT").is_file()
    with open_store(where, read_only=True) as again:
        assert len(again) == n
        assert again.query(f"ASK {{ <{TPD}> <{PARTY}> <{KOR}> }}") is True


def test_store_open_read_only_missing_store_says_how_to_build(tmp_path):
    with pytest.raises(StoreError, match=r"no store at .*nowhere; build one with `kg build PATH --store"):
        open_store(tmp_path / "nowhere", read_only=True)
    assert not (tmp_path / "nowhere").exists()


def test_store_open_read_only_refuses_writes(tmp_path):
    with open_store(tmp_path / "s") as store:
        load_sample(store)
    with open_store(tmp_path / "s", read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.replace_graph(G1, [quad(f"{TAI}x/a", ox.Literal("a"))])


@pytest.mark.parametrize("spec", ["http://localhost:7878/query", "https://example.org/sparql"])
def test_store_open_remote_url_gives_a_sparql_store_without_connecting(spec):
    from kg.store.sparql import SparqlStore

    store = open_store(spec)  # nothing is sent until the store is used
    assert isinstance(store, SparqlStore) and store.path is None


def test_store_open_unreachable_endpoint_fails_with_a_clear_error():
    with open_store("http://127.0.0.1:9/query") as store, pytest.raises(StoreError, match="127.0.0.1:9"):
        store.graphs()


def test_store_open_refuses_a_folder_that_is_not_a_store(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="not empty and holds no kg store"):
        open_store(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_store_open_takes_a_folder_where_another_kg_is_creating_a_store(tmp_path):
    """RocksDB writes LOCK before CURRENT: a second `kg build` racing the first must not
    call the half-made store someone else's folder (it then meets the lock, or opens it)."""
    (tmp_path / "LOCK").touch()
    with open_store(tmp_path) as store:
        assert len(store) == 0


def test_store_open_refuses_a_file(tmp_path):
    path = tmp_path / "file.nq"
    path.write_text("")
    with pytest.raises(StoreError, match="is a file, not a store directory"):
        open_store(path)


def test_store_close_releases_the_lock(tmp_path):
    open_store(tmp_path / "s").close()
    with open_store(tmp_path / "s") as store:
        assert len(store) == 0


def test_store_in_use_by_another_process_is_store_error(tmp_path):
    where = tmp_path / "s"
    open_store(where).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from kg.store import open_store
            store = open_store({str(where)!r})
            print("ready", flush=True)
            sys.stdin.readline()
            store.close()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match=r"is in use by another kg process \(.*\); wait for it to finish"):
            open_store(where)
    finally:
        holder.communicate("\n", timeout=30)
    with open_store(where) as store:  # free again once the other process is done
        assert len(store) == 0
