"""Choosing what the HTML view draws (kg.view.select) and the page's filters: focus and
depth, date windows, communities for very large graphs; in headless Chromium: status,
date, domain and document filters, and a reset message instead of an empty canvas."""
from __future__ import annotations

import doctest
import json
import re
from pathlib import Path

import networkx as nx
import pytest

from browser import browser_fixture, console_errors, open_page
from kg.errors import KGError
from kg.view import render_html
from kg.view import select as view_select
from kg.view.select import aggregate, select

T = "https://example.org/tai/"


def _events_graph() -> nx.MultiDiGraph:
    """Two countries, three agreements (planned, completed, cancelled) over two domains,
    a summit, a chain KOR - deal - AI - chips-ban to test depth."""
    g = nx.MultiDiGraph()

    def node(path, label, type_, **attrs):
        g.add_node(T + path, label=label, type=type_, iri=T + path, **attrs)
        return T + path

    kor = node("country/KOR", "South Korea", "Country", documents=["d1", "d2"])
    usa = node("country/USA", "United States", "Country", documents=["d1"])
    deal = node("agreement/deal", "Technology Prosperity Deal", "Agreement",
                date="2025-10-29", status="Planned", documents=["d1"])
    old = node("agreement/old", "Old Chip Pact", "Agreement", date="2023-03", status="Completed", documents=["d2"])
    dead = node("agreement/dead", "Cancelled Quantum Accord", "Agreement",
                date="2024-06-01", status="Cancelled", documents=["d2"])
    apec = node("summit/apec", "APEC Summit 2025", "Summit", date="2025-10-31", documents=["d1"])
    ai = node("domain/ai", "Artificial intelligence", "TechnologyDomain")
    quantum = node("domain/quantum", "Quantum computing", "TechnologyDomain")
    ban = node("exportcontrol/ban", "AI chip export ban", "ExportControl", date="2024")
    for u, v, label in [(kor, deal, "party"), (usa, deal, "party"), (deal, ai, "covers"),
                        (kor, old, "party"), (old, ai, "covers"), (kor, dead, "party"),
                        (dead, quantum, "covers"), (kor, apec, "participant"), (ban, ai, "covers")]:
        g.add_edge(u, v, label=label,
                   evidence=[{"sentence": f"{label} sentence", "doc": "d1", "title": "Seoul and Washington"}])
    return g


def _page_data(text: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


# ---- select() ----------------------------------------------------------------------

@pytest.mark.parametrize(("focus", "depth", "expected"), [
    pytest.param("south korea", 0, {"country/KOR"}, id="label, any case, depth 0: the node alone"),
    pytest.param("South Korea", 1, {"country/KOR", "agreement/deal", "agreement/old", "agreement/dead",
                                    "summit/apec"}, id="depth 1: direct neighbours both ways"),
    pytest.param(T + "domain/quantum", 2, {"domain/quantum", "agreement/dead", "country/KOR"},
                 id="IRI, depth 2"),
])
def test_select_focus_takes_the_ego_network(focus, depth, expected):
    sub = select(_events_graph(), focus=focus, depth=depth)
    assert set(sub) == {T + p for p in expected}
    assert all(sub.has_edge(u, v) for u, v in _events_graph().subgraph(sub).edges())


@pytest.mark.parametrize("focus", [
    pytest.param("KOR", id="ISO3 code"),
    pytest.param("country:KOR", id="prefixed name"),
    pytest.param("tai:country/KOR", id="tai id"),
    pytest.param("Republic of Korea", id="gazetteer alias"),
    pytest.param("  SOUTH korea ", id="label in any case and spacing"),
])
def test_select_focus_names_an_entity_as_every_command_does(focus):
    from kg.vocab import TAI

    g = nx.MultiDiGraph()
    for path, label in [("country/KOR", "South Korea"), ("country/USA", "United States"),
                        ("agreement/deal", "Chip deal")]:
        g.add_node(TAI + path, label=label, iri=TAI + path, type=path.split("/")[0].title())
    g.add_edge(TAI + "country/KOR", TAI + "agreement/deal", label="party")
    assert set(select(g, focus=focus, depth=0)) == {TAI + "country/KOR"}
    assert set(select(g, focus="usa", depth=0)) == {TAI + "country/USA"}
    assert set(select(g, focus="America", depth=0)) == {TAI + "country/USA"}


def test_select_unknown_focus_lists_close_labels():
    with pytest.raises(KGError, match=r"--focus: no entity matches 'South Kore'; try a label such as 'South Korea'"):
        select(_events_graph(), focus="South Kore")


@pytest.mark.parametrize(("since", "until", "dropped"), [
    pytest.param("2025-01-01", None, {"agreement/old", "agreement/dead", "exportcontrol/ban"}, id="since a day"),
    pytest.param(None, "2024", {"agreement/deal", "summit/apec"}, id="until a year"),
    pytest.param("2024-06", "2024-06", {"agreement/deal", "summit/apec", "agreement/old"},
                 id="one month; a year-only date overlaps it"),
])
def test_select_date_window_drops_only_dated_nodes_outside(since, until, dropped):
    g = _events_graph()
    sub = select(g, since=since, until=until)
    assert set(g) - set(sub) == {T + p for p in dropped}


def test_select_rejects_a_date_that_is_not_iso():
    with pytest.raises(KGError, match="--since '29/10/2025' is not an ISO date"):
        select(_events_graph(), since="29/10/2025")


def test_select_leaves_the_input_graph_alone():
    g = _events_graph()
    select(g, focus="United States", depth=0).add_node("x")
    assert "x" not in g and len(g) == 9


# ---- aggregation -------------------------------------------------------------------

def _clustered_graph(groups: int, size: int) -> nx.MultiDiGraph:
    base = nx.connected_caveman_graph(groups, size)
    g = nx.MultiDiGraph()
    for i in base:
        g.add_node(f"n{i}", label=f"Node {i}", type="Organization")
    for u, v in base.edges:
        g.add_edge(f"n{u}", f"n{v}", label="memberOf")
    return g


def test_aggregate_makes_one_node_per_community():
    g = _clustered_graph(6, 10)
    agg = aggregate(g)
    assert agg.number_of_nodes() == 6
    assert sum(m for _, m in agg.nodes(data="members")) == 60
    assert all(t == "Community" for _, t in agg.nodes(data="type"))
    assert all(label.startswith("Node ") and label.endswith("+7") for _, label in agg.nodes(data="label"))
    assert agg.number_of_edges() == 6 and all(w == 1 for *_, w in agg.edges(data="weight"))


def test_view_above_max_nodes_draws_communities_with_a_banner(tmp_path):
    g = _clustered_graph(8, 25)  # 200 nodes, a stand-in for 25,000 with max_nodes=100
    text = render_html(g, tmp_path / "agg.html", max_nodes=100).read_text(encoding="utf-8")
    assert ("Aggregated view: 200 nodes in 8 communities; use --focus or filters to see individual nodes"
            in text)
    data = _page_data(text)
    assert data["aggregated"] == {"nodes": 200, "edges": g.number_of_edges(), "communities": 8}
    assert len(data["nodes"]) == 8 and {n["type"] for n in data["nodes"]} == {"Community"}
    assert render_html(g, tmp_path / "full.html", max_nodes=200).read_text().count("kg-banner") == 1  # css only


def test_view_payload_offers_the_filter_choices(tmp_path):
    data = _page_data(render_html(_events_graph(), tmp_path / "f.html").read_text(encoding="utf-8"))
    filters = data["filters"]
    assert [d["label"] for d in filters["domains"]] == ["Artificial intelligence", "Quantum computing"]
    assert filters["statuses"] == ["Planned", "Completed", "Cancelled"]
    assert filters["documents"] == [{"id": "d1", "title": "Seoul and Washington"}, {"id": "d2", "title": ""}]
    assert filters["months"] == ["2023-03", "2025-10"]
    domains = {n["label"]: n.get("domains") for n in data["nodes"]}
    assert domains["AI chip export ban"] == [T + "domain/ai"] and domains["South Korea"] is None


def test_select_docstring_examples_run():
    result = doctest.testmod(view_select)
    assert result.attempted and not result.failed


# ---- in the browser ----------------------------------------------------------------

driver = browser_fixture()
READY = "window.kgReady === true"
DRAWN_LABELS = "return kgNetwork.body.nodeIndices.map(id => kg.nodes.get(id).label).sort()"


@pytest.fixture(scope="module")
def events_page(tmp_path_factory) -> Path:
    return render_html(_events_graph(), tmp_path_factory.mktemp("filters") / "events.html")


def _set_range(driver, element_id: str, value: int) -> None:
    driver.execute_script(
        "const e = document.getElementById(arguments[0]); e.value = String(arguments[1]);"
        "e.dispatchEvent(new Event('input'));", element_id, value)


@pytest.mark.browser
def test_view_browser_status_filter_hides_cancelled_agreements(driver, events_page):
    open_page(driver, events_page, ready=READY)
    driver.find_element("css selector", '#kg-statuses input[data-status="Cancelled"]').click()
    drawn = driver.execute_script(DRAWN_LABELS)
    assert "Cancelled Quantum Accord" not in drawn and len(drawn) == 8
    assert "showing 8 nodes" in driver.find_element("id", "kg-counts").text
    driver.find_element("id", "kg-reset").click()
    assert len(driver.execute_script(DRAWN_LABELS)) == 9
    assert console_errors(driver) == []


@pytest.mark.browser
def test_view_browser_date_slider_narrows_dated_nodes(driver, events_page):
    open_page(driver, events_page, ready=READY)
    start = driver.execute_script("return Number(document.getElementById('kg-date-from').min)")
    assert start == 2023 * 12 + 2
    _set_range(driver, "kg-date-from", 2025 * 12)  # from 2025-01
    drawn = driver.execute_script(DRAWN_LABELS)
    assert drawn == sorted(["South Korea", "United States", "Technology Prosperity Deal", "APEC Summit 2025",
                            "Artificial intelligence", "Quantum computing"])
    assert driver.find_element("id", "kg-date-label").text == "2025-01 – 2025-10"
    _set_range(driver, "kg-date-to", 2024 * 12 + 11)  # the two ends crossed: 2024-12 .. 2025-01
    assert "APEC Summit 2025" not in driver.execute_script(DRAWN_LABELS)
    assert console_errors(driver) == []


@pytest.mark.browser
def test_view_browser_domain_and_document_filters(driver, events_page):
    from selenium.webdriver.support.ui import Select

    open_page(driver, events_page, ready=READY)
    Select(driver.find_element("id", "kg-domain")).select_by_visible_text("Quantum computing")
    drawn = driver.execute_script(DRAWN_LABELS)
    assert "Cancelled Quantum Accord" in drawn and "Technology Prosperity Deal" not in drawn
    assert "AI chip export ban" not in drawn and "Artificial intelligence" not in drawn
    assert "South Korea" in drawn  # classes the domain filter does not apply to stay
    Select(driver.find_element("id", "kg-domain")).select_by_index(0)
    Select(driver.find_element("id", "kg-doc")).select_by_value("d2")
    assert driver.execute_script(DRAWN_LABELS) == ["Cancelled Quantum Accord", "Old Chip Pact", "South Korea"]
    assert console_errors(driver) == []


@pytest.mark.browser
def test_view_browser_filters_that_hide_everything_offer_a_reset(driver, events_page):
    from selenium.webdriver.support.ui import Select

    open_page(driver, events_page, ready=READY)
    message = driver.find_element("id", "kg-nomatch")
    assert not message.is_displayed()
    Select(driver.find_element("id", "kg-doc")).select_by_value("d2")
    driver.find_element("css selector", '#kg-legend input[data-class="Country"]').click()
    _set_range(driver, "kg-date-to", 2023 * 12 + 2)  # only the 2023-03 pact left ...
    driver.find_element("css selector", '#kg-statuses input[data-status="Completed"]').click()  # ... and not that
    assert driver.execute_script("return kgNetwork.body.nodeIndices.length") == 0
    assert message.is_displayed() and "No node matches these filters" in message.text
    driver.find_element("id", "kg-nomatch-reset").click()
    assert not message.is_displayed()
    assert driver.execute_script("return kgNetwork.body.nodeIndices.length") == 9
    assert driver.find_element("css selector", '#kg-legend input[data-class="Country"]').is_selected()
    assert console_errors(driver) == []


@pytest.mark.browser
def test_view_browser_aggregated_page_shows_the_banner(driver, tmp_path):
    page = render_html(_clustered_graph(8, 25), tmp_path / "agg.html", max_nodes=100)
    open_page(driver, page, ready=READY)
    banner = driver.find_element("id", "kg-banner")
    assert banner.is_displayed() and banner.text.startswith("Aggregated view: 200 nodes in 8 communities")
    assert driver.execute_script("return kgNetwork.body.nodeIndices.length") == 8
    assert console_errors(driver) == []


# ---- entities without facts (H 7) --------------------------------------------------

def _with_mentioned_only() -> nx.MultiDiGraph:
    g = _events_graph()
    g.add_node(T + "person/roe", label="Jane Roe", type="Person", iri=T + "person/roe")
    g.add_node(T + "org/acme", label="Acme Corp", type="Organization", iri=T + "org/acme")
    return g


@pytest.mark.parametrize("kwargs, hidden", [
    pytest.param({}, set(), id="library-default-keeps-all"),
    pytest.param({"all_entities": False}, {"person/roe", "org/acme"}, id="mentioned-only-hidden"),
    pytest.param({"all_entities": False, "since": "2025"}, {"person/roe", "org/acme", "domain/quantum"},
                 id="left-without-edges-by-a-window"),
])
def test_select_hides_entities_without_facts(kwargs, hidden):
    g = _with_mentioned_only()
    assert set(g) - set(select(g, **kwargs)) >= {T + h for h in hidden}
    assert not ({T + h for h in hidden} & set(select(g, **kwargs)))


def test_select_keeps_a_focused_entity_without_facts():
    assert set(select(_with_mentioned_only(), focus="Jane Roe", all_entities=False)) == {T + "person/roe"}


def test_countries_projection_hides_countries_without_ties():
    g = nx.Graph()
    g.add_node("KOR", label="South Korea")
    g.add_node("USA", label="United States")
    g.add_node("FJI", label="Fiji")
    g.add_edge("KOR", "USA", weight=1)
    assert set(select(g, all_entities=False)) == {"KOR", "USA"}
    assert set(select(g)) == {"KOR", "USA", "FJI"}
