"""Every count of supporting sources counts distinct stories (issue 15, item 6).

A wire story and its syndicated copy (linked by ``ta:sameStoryAs``) are one source; an
independent report is another. The derived counts, the canned queries, ``kg explain``,
the view and ``kg analyze`` all say 2 sources here, never 3 documents.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from browser import browser_fixture, console_errors, open_page

from kg.build import build
from kg.store import open_store

TA = "https://w3id.org/techalliance/ontology#"
TAI = "https://w3id.org/techalliance/id/"
DERIVED = f"{TAI}graph/derived"

STORY = (
    "South Korea and Canada signed an agreement on quantum computing in Ottawa on 5 March 2024, "
    "the two governments said in a joint statement. The pact creates a shared research centre for "
    "quantum sensors and lets scientists from both countries spend a year in each other's "
    "laboratories. Officials said the centre would open in the autumn and that both sides would "
    "share its running costs. Business groups in Seoul said the deal could help small firms that "
    "build cryogenic equipment find buyers abroad, and university leaders in Toronto called it a "
    "welcome step for young researchers.")
OWN = ("Canada and South Korea signed a quantum computing agreement in Ottawa on 4 March 2024, "
       "officials of both countries told our reporter in an interview.")


def _doc(doc_id: str, title: str, text: str, source: str, published: str) -> str:
    return f"---\nid: {doc_id}\ntitle: {title}\npublished: {published}\nsource: {source}\n---\n{text}\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The wire story, a syndicated copy of it (dateline and credit added) and an
    independent report of the same agreement, which gives another day."""
    folder = tmp_path_factory.mktemp("stories") / "corpus"
    folder.mkdir()
    files = {
        "a-wire.md": _doc("wire", "Korea and Canada sign quantum pact", STORY, "Wire", "2024-03-05"),
        "b-copy.md": _doc("copy", "Seoul and Ottawa in quantum deal",
                          "OTTAWA (Wire) - " + STORY + " (Reporting by the Ottawa desk.)",
                          "Daily Paper", "2024-03-06"),
        "c-own.md": _doc("own", "Our report on the quantum accord", OWN, "Own Reporting", "2024-03-06"),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def embedded(corpus, extractor):
    """The corpus built into an embedded (Oxigraph) store."""
    st = open_store(corpus.parent / "store")
    build([corpus], st, extractor=extractor)
    yield st
    st.close()


@pytest.fixture(scope="module")
def on_virtuoso(corpus, extractor, request):
    """The corpus built into Virtuoso 7.2 (see tests/test_store_contract.py), emptied after."""
    from kg.store.sparql import DEFAULT_GRAPH, SparqlStore

    server = request.getfixturevalue("virtuoso_server")
    st = SparqlStore(server.query_url, server.update_url, server.gsp_url, user=server.user,
                     password=server.password)

    def empty():
        st.remove_graphs(st.graphs())
        st.update(f"DROP SILENT GRAPH <{DEFAULT_GRAPH}>")

    empty()
    build([corpus], st, extractor=extractor)
    yield st
    empty()
    st.close()


@pytest.fixture(scope="module", params=[
    pytest.param("embedded", id="embedded"),
    pytest.param("on_virtuoso", id="virtuoso", marks=[pytest.mark.server, pytest.mark.slow]),
])
def store(request):
    return request.getfixturevalue(request.param)


def _agreement(store) -> str:
    rows = store.query(f"SELECT DISTINCT ?a WHERE {{ ?a a <{TA}Agreement> }}").rows
    assert len(rows) == 1, rows
    return str(rows[0][0])


def _value(term) -> str:
    return str(term.value if hasattr(term, "value") else term)


def _derived(store, prop: str) -> list[int]:
    rows = store.query(f"SELECT ?n WHERE {{ GRAPH <{DERIVED}> {{ ?x <{TA}{prop}> ?n }} }}").rows
    return [int(_value(n)) for n, in rows]


def _canned(store, name: str) -> list[int]:
    from kg.query import resolve_query, run_query

    return [int(r["sources"]) for r in run_query(store, resolve_query(name, None)).records()]


def _explain(store) -> list[int]:
    from kg.explain import explain

    expl = explain(store, "South Korea")
    return [f.stories for f in expl.facts if f.heading == "party to"]


def _explain_text(store) -> str:
    from io import StringIO

    from rich.console import Console

    from kg.explain import explain, render_text

    out = StringIO()
    render_text(explain(store, "South Korea"), Console(file=out, width=200, color_system=None))
    return out.getvalue()


def _view_nodes(store) -> list[int]:
    from kg.network import to_networkx
    from kg.view.html import graph_payload

    payload = graph_payload(to_networkx(store))
    return [n["sources"] for n in payload["nodes"] if n["type"] == "Agreement"]


def _view_edges(store) -> list[int]:
    from kg.network import to_networkx
    from kg.view.html import graph_payload

    graph = to_networkx(store)
    payload = graph_payload(graph)
    return sorted({e["sources"] for e in payload["edges"] if e["label"] == "party"})


READERS = [
    pytest.param(lambda s: _derived(s, "supportCount"), id="rule-support-count"),
    pytest.param(lambda s: _derived(s, "domainSourceCount"), id="rule-aligned-in-domain-source-count"),
    pytest.param(lambda s: _canned(s, "alliances-by-domain"), id="query-alliances-by-domain"),
    pytest.param(lambda s: _canned(s, "most-corroborated-agreements"), id="query-most-corroborated-agreements"),
    pytest.param(_explain, id="explain-party-to"),
    pytest.param(_view_nodes, id="view-agreement-node"),
    pytest.param(_view_edges, id="view-party-edges"),
]


def test_story_counts_copy_is_linked_to_its_story(store):
    rows = store.query(f"SELECT ?a ?b WHERE {{ GRAPH ?a {{ ?a <{TA}sameStoryAs> ?b }} }}").rows
    assert [(str(a).rsplit("/", 1)[1], str(b).rsplit("/", 1)[1]) for a, b in rows] == [("copy", "wire")]


@pytest.mark.parametrize("reader", READERS)
def test_story_counts_every_reader_counts_two_sources_not_three(store, reader):
    assert reader(store) == [2]


def test_story_counts_explain_prints_two_sources(store):
    text = _explain_text(store)
    line = next(x for x in text.splitlines() if "•" in x and "South Korea agreement" in x)
    assert "2 sources" in line, text
    # the copy's sentence says which story it copies; the others copy none
    copies = [x.strip() for x in text.splitlines() if "copy of" in x]
    assert len(copies) == 1 and copies[0].startswith(
        "— Seoul and Ottawa in quantum deal, 2024-03-06, copy of tai:doc/wire "), text


def test_story_counts_analyze_buckets_the_agreement_by_its_year(store):
    """kg analyze reads the stories of each date on every store kind (here all say 2024)."""
    from kg.network.analyze import analyze

    result = analyze(store, window="year")
    assert result.windows == ["2024"]
    assert [(t["a"], t["b"], t["weight"]) for t in result.ties] == [("CAN", "KOR", 1)]


def test_story_counts_view_date_is_not_outvoted_by_copies(embedded):
    """The copies give 5 March, the independent report 4 March: one story each, so the
    tie goes to the earlier date (counted by documents, the copies would win)."""
    from kg.network import to_networkx

    graph = to_networkx(embedded)
    node = graph.nodes[_agreement(embedded)]
    assert node["date"] == "2024-03-04"
    assert node["sources"] == 2 and len(node["documents"]) == 3


def test_story_counts_analyze_year_is_not_outvoted_by_copies(tmp_path):
    """kg analyze buckets an agreement by the year most stories give: a wire story and its
    copy saying 2025 are one story against one report saying 2024; the tie goes to the
    earlier year (counted by documents, 2025 would win)."""
    from kg.network.analyze import analyze

    graphs = {"wire": "2025", "copy": "2025", "own": "2024"}
    data = " ".join(
        f"GRAPH <{TAI}doc/{doc}> {{ <{TAI}doc/{doc}> a ta:Document . "
        f"<{TAI}agreement/x> a ta:Agreement ; ta:party <{TAI}country/KOR> , <{TAI}country/CAN> ; "
        f"ta:date \"{year}\"^^<http://www.w3.org/2001/XMLSchema#gYear> . "
        f"<{TAI}country/KOR> a ta:Country . <{TAI}country/CAN> a ta:Country . }}"
        for doc, year in graphs.items())
    data += f" GRAPH <{TAI}doc/copy> {{ <{TAI}doc/copy> ta:sameStoryAs <{TAI}doc/wire> }}"
    with open_store(tmp_path / "s") as st:
        st.update(f"PREFIX ta: <{TA}> INSERT DATA {{ {data} }}")
        assert analyze(st, window="year").windows == ["2024"]


driver = browser_fixture()


@pytest.mark.browser
def test_story_counts_view_panel_shows_two_sources(driver, embedded, tmp_path):
    """kg view: the side panel of the agreement and of a party edge says Sources 2."""
    from kg.network import to_networkx
    from kg.view.html import render_html

    page = tmp_path / "view.html"
    store = embedded
    render_html(to_networkx(store), page)
    open_page(driver, page, ready="window.kgReady === true")
    click = "kgNetwork.body.emitter.emit('click', {nodes: arguments[0], edges: arguments[1], pointer: {DOM: {x: 0, y: 0}}})"
    driver.execute_script(click, [_agreement(store)], [])
    panel = driver.find_element("css selector", "#kg-details").text.splitlines()
    assert panel[panel.index("Sources") + 1] == "2"
    edge = driver.execute_script("return kg.edges.get({filter: e => e.label === 'party'})[0].id")
    driver.execute_script(click, [], [edge])
    panel = driver.find_element("css selector", "#kg-details").text.splitlines()
    assert panel[panel.index("Sources") + 1] == "2"
    assert console_errors(driver) == []
