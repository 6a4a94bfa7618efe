"""The HTML view (kg.view.render_html): one offline page, hostile text shown as text,
a legend per class, Python layout for large graphs; in headless Chromium: every node
drawn, no console errors, no requests, no script run from data, filter and search work."""
from __future__ import annotations

import doctest
import json
import re
from pathlib import Path

import networkx as nx
import pytest

from browser import browser_fixture, console_errors, open_page, require_chromium, requested_urls
from kg.errors import ExportError
from kg.view import render_html
from kg.view import html as view_html
from kg.view import layout as view_layout
from kg.vocab import CORE_CLASSES, TAI

HOSTILE = "<img src=x onerror=alert(1)>"
HOSTILE_SENTENCE = 'Seoul said "</script><script>alert(2)</script>" & left.'


def _alliance_graph() -> nx.MultiDiGraph:
    """Every class once or more, evidence on an edge, a parallel edge, a hostile label."""
    g = nx.MultiDiGraph()

    def node(path, label, type_, **attrs):
        g.add_node(TAI + path, label=label, type=type_, iri=TAI + path, **attrs)
        return TAI + path

    kor = node("country/KOR", "South Korea", "Country")
    usa = node("country/USA", "United States", "Country")
    jpn = node("country/JPN", "Japan", "Country")
    lee = node("person/lee-jae-myung", "Lee Jae-myung", "Person")
    sam = node("organization/samsung", "Samsung Electronics", "Organization")
    evil = node("organization/evil", HOSTILE, "Organization", documents=["a1"])
    gyeongju = node("place/gyeongju", "Gyeongju", "Place")
    deal = node("agreement/tpd", "Technology Prosperity Deal", "Agreement",
                date="2025-10-29", status="Planned", documents=["a1", "a2"])
    apec = node("summit/apec-2025", "APEC Summit 2025", "Summit", date="2025-10-31")
    ec = node("exportcontrol/chips", "Chip export controls", "ExportControl")
    ai = node("domain/ai", "Artificial intelligence", "TechnologyDomain")
    doc = node("doc/a1", "Korea and the US plan a technology deal", "Document")
    evidence = [{"sentence": HOSTILE_SENTENCE, "doc": "a1", "title": "Deal <b>planned</b>",
                 "published": "2025-10-29", "url": "javascript:alert(3)", "confidence": 0.9}]
    for u, v, label, extra in [
        (kor, deal, "party", {"evidence": evidence}), (usa, deal, "party", {}),
        (lee, deal, "signatory", {}), (deal, ai, "covers", {}), (apec, gyeongju, "location", {}),
        (kor, apec, "participant", {}), (ec, usa, "imposedBy", {}), (sam, kor, "locatedIn", {}),
        (evil, ai, "covers", {}), (doc, deal, "mentions", {}), (jpn, apec, "participant", {}),
        (kor, usa, "alignedWith", {}), (kor, usa, "alignedWith", {}),
    ]:
        g.add_edge(u, v, label=label, **extra)
    return g


def _random_graph(n: int) -> nx.MultiDiGraph:
    base = nx.barabasi_albert_graph(n, 2, seed=3)
    g = nx.MultiDiGraph()
    for i in base:
        cls = CORE_CLASSES[i % len(CORE_CLASSES)]
        g.add_node(f"{TAI}n/{i}", label=f"{cls} {i}", type=cls, iri=f"{TAI}n/{i}")
    for u, v in base.edges:
        g.add_edge(f"{TAI}n/{u}", f"{TAI}n/{v}", label="memberOf")
    return g


def _page_data(text: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def demo_page(tmp_path_factory) -> Path:
    return render_html(_alliance_graph(), tmp_path_factory.mktemp("view") / "demo.html")


@pytest.fixture(scope="module")
def demo_text(demo_page) -> str:
    return demo_page.read_text(encoding="utf-8")


# ---- the file ----------------------------------------------------------------------

def test_view_writes_only_the_named_file(tmp_path):
    out = tmp_path / "a" / "b" / "graph.html"
    assert render_html(_alliance_graph(), str(out)) == out
    assert [p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")] == ["a", "a/b", "a/b/graph.html"]


def test_view_links_to_nothing_outside_the_file(demo_text):
    refs = re.findall(r"""\b(?:src|href)\s*=\s*["']?([^"'\s>]+)""", demo_text, re.I)
    assert [r for r in refs if re.match(r"(?:https?:)?//", r, re.I)] == []
    assert not re.search(r"<link\b[^>]*stylesheet", demo_text, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", demo_text, re.I)
    assert re.findall(r"<link\b[^>]*>", demo_text) == ['<link rel="icon" href="data:,">']


def test_view_policy_allows_only_the_pages_own_scripts(demo_text):
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', demo_text).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    scripts = re.findall(r"<script>(.*?)</script>", demo_text, re.S)
    assert len(scripts) == 2
    for script in scripts:
        assert view_html._csp_hash(script) in csp


@pytest.mark.parametrize("text", [
    pytest.param(HOSTILE, id="img onerror tag in a node label"),
    pytest.param(HOSTILE_SENTENCE, id="closing script tag in an evidence sentence"),
    pytest.param("Deal <b>planned</b>", id="markup in a document title"),
])
def test_view_escapes_article_text_in_the_data(demo_text, text):
    assert text not in demo_text
    escaped = json.dumps(text, ensure_ascii=False)[1:-1]
    escaped = escaped.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    assert escaped in demo_text
    assert text in json.dumps(_page_data(demo_text), ensure_ascii=False).replace('\\"', '"')


def test_view_escapes_the_title(tmp_path):
    text = render_html(_alliance_graph(), tmp_path / "t.html", title=f"Alliances {HOSTILE}").read_text()
    assert HOSTILE not in text
    assert "<title>Alliances &lt;img src=x onerror=alert(1)&gt;</title>" in text


def test_view_legend_lists_each_class_present(tmp_path):
    g = _alliance_graph()
    g.remove_nodes_from([n for n, t in g.nodes(data="type") if t in ("Summit", "Document")])
    g.add_node("x:odd", label="Odd one", type="Spaceship")
    text = render_html(g, tmp_path / "g.html").read_text(encoding="utf-8")
    legend = re.findall(r'<input type="checkbox" checked data-class="([^"]+)">', text)
    present = [c for c in CORE_CLASSES if c not in ("Summit", "Document")]
    assert legend == present + ["Spaceship"]


def test_view_header_shows_title_and_counts(demo_text):
    assert "<h1>kg — tech-alliance graph</h1>" in demo_text
    assert ">12 nodes · 13 edges<" in demo_text


@pytest.mark.parametrize(("n", "layout"), [
    pytest.param(view_html.LARGE_GRAPH, "physics", id="300 nodes: physics in the page"),
    pytest.param(view_html.LARGE_GRAPH + 1, "precomputed", id="301 nodes: positions from Python"),
])
def test_view_lays_out_large_graphs_in_python(tmp_path, n, layout):
    data = _page_data(render_html(_random_graph(n), tmp_path / "g.html").read_text(encoding="utf-8"))
    assert data["layout"] == layout
    assert all(("x" in node and "y" in node) == (layout == "precomputed") for node in data["nodes"])


def test_view_layout_is_deterministic_and_spread_out():
    g = _random_graph(600)
    first = view_layout.spring_positions(list(g), g.edges())
    assert first == view_layout.spring_positions(list(g), g.edges())
    assert len(set(first.values())) == 600
    xs = [x for x, _ in first.values()]
    assert max(xs) - min(xs) > 600  # about 80 px of room per node


def test_view_countries_projection_is_undirected_with_weights(tmp_path):
    g = nx.Graph()
    for iso, name in [("KOR", "South Korea"), ("USA", "United States"), ("JPN", "Japan")]:
        g.add_node(f"{TAI}country/{iso}", label=name, type="Country")
    g.add_edge(f"{TAI}country/KOR", f"{TAI}country/USA", label="alignedWith", weight=4)
    g.add_edge(f"{TAI}country/JPN", f"{TAI}country/USA", label="alignedWith", weight=1)
    data = _page_data(render_html(g, tmp_path / "c.html").read_text(encoding="utf-8"))
    assert data["directed"] is False
    assert sorted((e["weight"], e["width"]) for e in data["edges"]) == [(1, 1.0), (4, 6.0)]


def test_view_curves_parallel_edges_apart(demo_text):
    aligned = [e for e in _page_data(demo_text)["edges"] if e["label"] == "alignedWith"]
    assert [e.get("curve") for e in aligned] == [None, 0.2]


def test_view_draws_an_empty_graph(tmp_path):
    data = _page_data(render_html(nx.MultiDiGraph(), tmp_path / "e.html").read_text(encoding="utf-8"))
    assert data["nodes"] == [] and data["classes"] == []


def test_view_reports_an_unwritable_path(tmp_path):
    with pytest.raises(ExportError, match="Could not write the HTML view"):
        render_html(_alliance_graph(), tmp_path)  # a folder, not a file


def test_view_rejects_what_is_not_a_graph(tmp_path):
    with pytest.raises(TypeError, match="networkx graph"):
        render_html([("a", "b")], tmp_path / "x.html")


@pytest.mark.parametrize("module", [view_html, view_layout], ids=lambda m: m.__name__)
def test_view_docstring_examples_run(module):
    result = doctest.testmod(module)
    assert result.attempted and not result.failed


@pytest.mark.parametrize(("ci", "outcome"), [
    pytest.param("", pytest.skip.Exception, id="skips locally without chromium"),
    pytest.param("true", pytest.fail.Exception, id="fails in CI without chromium"),
])
def test_view_browser_helper_without_chromium(monkeypatch, tmp_path, ci, outcome):
    import browser

    monkeypatch.setattr(browser, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="chromium"):
        require_chromium()


# ---- in the browser ----------------------------------------------------------------

driver = browser_fixture()
READY = "window.kgReady === true"
DRAWN = "return kgNetwork.body.nodeIndices.length"


def _assert_quiet(driver, page: Path) -> None:
    """No console errors, no request but the page itself, no alert open."""
    from selenium.common.exceptions import NoAlertPresentException

    assert console_errors(driver) == []
    assert [u for u in requested_urls(driver) if u != page.resolve().as_uri() and not u.startswith("data:")] == []
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 - raises when no alert is open


def _click_node(driver, node_id: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    x, y = driver.execute_script(
        "const p = kgNetwork.canvasToDOM(kgNetwork.getPosition(arguments[0])); return [p.x, p.y];", node_id)
    canvas = driver.find_element("css selector", "#kg-canvas canvas")
    size = canvas.size
    ActionChains(driver).move_to_element_with_offset(
        canvas, int(x - size["width"] / 2), int(y - size["height"] / 2)).click().perform()


@pytest.mark.browser
@pytest.mark.parametrize("n", [pytest.param(None, id="demo graph with physics"),
                               pytest.param(400, id="400 nodes laid out in Python")])
def test_view_browser_draws_every_node_quietly(driver, demo_page, tmp_path, n):
    graph = _alliance_graph() if n is None else _random_graph(n)
    page = demo_page if n is None else render_html(graph, tmp_path / "big.html")
    open_page(driver, page, ready=READY)
    assert driver.execute_script("return kgNetwork.body.data.nodes.length") == len(graph)
    assert driver.execute_script(DRAWN) == len(graph)
    assert driver.execute_script("return kgNetwork.body.edgeIndices.length") == graph.number_of_edges()
    assert driver.execute_script("return kgNetwork.physics.options.enabled") is False
    _assert_quiet(driver, page)


@pytest.mark.browser
def test_view_browser_shows_hostile_text_as_text(driver, demo_page):
    from selenium.webdriver.common.action_chains import ActionChains

    open_page(driver, demo_page, ready=READY)
    evil = TAI + "organization/evil"
    assert driver.execute_script("return kg.nodes.get(arguments[0]).label", evil) == HOSTILE
    _click_node(driver, evil)
    assert driver.find_element("css selector", "#kg-details h3").text == HOSTILE
    ActionChains(driver).move_by_offset(1, 1).perform()  # still over the node: the tooltip
    assert driver.find_element("id", "kg-tip").text.splitlines() == [HOSTILE, "Organization"]
    edge = driver.execute_script("return kg.edges.get({filter: e => e.label === 'party'})[0].id")
    driver.execute_script(
        "kgNetwork.body.emitter.emit('click', {nodes: [], edges: [arguments[0]], pointer: {DOM: {x: 0, y: 0}}})", edge)
    panel = driver.find_element("css selector", "#kg-details").text
    assert HOSTILE_SENTENCE in panel and "Deal <b>planned</b>" in panel
    assert driver.execute_script("return document.querySelectorAll('img, #kg-details script, #kg-details b').length") == 0
    assert driver.execute_script("return document.querySelectorAll('#kg-details a').length") == 0  # javascript: URL
    _assert_quiet(driver, demo_page)


@pytest.mark.browser
def test_view_browser_class_filter_hides_and_restores(driver, demo_page):
    open_page(driver, demo_page, ready=READY)
    before = driver.execute_script("return kgNetwork.getPositions()")
    box = driver.find_element("css selector", '#kg-legend input[data-class="Country"]')
    box.click()
    types = driver.execute_script("return kgNetwork.body.nodeIndices.map(id => kg.nodes.get(id).kgType)")
    assert "Country" not in types and len(types) == 12 - 3
    assert "showing 9 nodes" in driver.find_element("id", "kg-counts").text
    box.click()
    assert driver.execute_script(DRAWN) == 12
    assert driver.execute_script("return kgNetwork.body.edgeIndices.length") == 13
    after = driver.execute_script("return kgNetwork.getPositions()")
    assert all(abs(after[k]["x"] - before[k]["x"]) < 1 and abs(after[k]["y"] - before[k]["y"]) < 1 for k in before)
    _assert_quiet(driver, demo_page)


@pytest.mark.browser
def test_view_browser_search_focuses_the_node(driver, demo_page):
    from selenium.webdriver.common.keys import Keys

    open_page(driver, demo_page, ready=READY)
    driver.find_element("css selector", '#kg-legend input[data-class="Summit"]').click()
    search = driver.find_element("id", "kg-search")
    search.send_keys("apec summit", Keys.ENTER)
    assert driver.execute_script("return kgNetwork.getSelectedNodes()") == [TAI + "summit/apec-2025"]
    assert driver.find_element("css selector", "#kg-details h3").text == "APEC Summit 2025"
    assert driver.find_element("css selector", '#kg-legend input[data-class="Summit"]').is_selected()
    search.clear()
    search.send_keys("no such node", Keys.ENTER)
    assert driver.find_element("id", "kg-search-status").text == "no match"
    assert driver.execute_script(DRAWN) == 12  # a miss hides nothing
    _assert_quiet(driver, demo_page)
