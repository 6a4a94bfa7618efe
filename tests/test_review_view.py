"""The HTML view's review buttons (issue J, item 7): in headless Debian Chromium, click an
edge, Reject it with a note, save the decisions, and import the saved file with kg review;
the page stays offline (no request but the page itself)."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from browser import browser_fixture, console_errors, open_page, requested_urls

from helpers_rdf import KOR, PARTY, TPD, USA, load_sample
from kg.vocab import FACTS_GRAPH

driver = browser_fixture()
READY = "window.kgReady === true"


@pytest.fixture
def store_and_page(tmp_path):
    from kg.network import to_networkx
    from kg.rules import apply_rules
    from kg.store import factindex, open_store
    from kg.view import render_html

    path = tmp_path / "store"
    with open_store(path) as st:
        load_sample(st)
        factindex.rebuild(st)
        apply_rules(st)
        page = render_html(to_networkx(st), tmp_path / "view.html")
    return path, Path(page)


def test_page_carries_each_edge_relation_and_the_review_script(store_and_page):
    _, page = store_and_page
    text = page.read_text()
    assert '"predicate"' in text and PARTY in text
    assert "kg-review-save" in text and "fetch(" not in text and "XMLHttpRequest" not in text


def _select_edge(driver, s, p, o) -> None:
    edge = driver.execute_script(
        "const d = JSON.parse(document.getElementById('kg-data').textContent);"
        "const e = d.edges.find(e => e.from === arguments[0] && e.predicate === arguments[1] && e.to === arguments[2]);"
        "return e && e.id;", s, p, o)
    assert edge, "the view should draw the fact as an edge"
    driver.execute_script(
        "kgNetwork.body.emitter.emit('click', {nodes: [], edges: [arguments[0]], pointer: {DOM: {x: 0, y: 0}}})", edge)


def _saved(folder: Path, timeout: float = 20) -> Path:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        done = [p for p in folder.glob("*.jsonl")]
        if done and not list(folder.glob("*.crdownload")):
            return done[0]
        time.sleep(0.1)
    raise AssertionError(f"no decisions file saved in {folder}")


@pytest.mark.browser
def test_reject_in_the_browser_then_import_the_saved_file(driver, store_and_page, tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app
    from kg.query import run_query
    from kg.store import open_store

    store, page = store_and_page
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    open_page(driver, page, ready=READY)
    assert driver.find_element("id", "kg-review-save").get_attribute("disabled") is not None
    driver.find_element("id", "kg-review-by").send_keys("Ana")
    _select_edge(driver, TPD, PARTY, KOR)
    driver.find_element("id", "kg-review-note").send_keys("Seoul only observes")
    driver.find_element("id", "kg-review-reject").click()
    assert driver.find_element("id", "kg-review-status").text == "Rejected"
    _select_edge(driver, TPD, PARTY, USA)
    assert driver.find_element("id", "kg-review-status").text == ""
    driver.find_element("id", "kg-review-confirm").click()
    save = driver.find_element("id", "kg-review-save")
    assert save.text == "Save decisions (2)"
    save.click()
    saved = _saved(downloads)
    lines = [json.loads(line) for line in saved.read_text().splitlines()]
    assert {(d["action"], d["object"]) for d in lines} == {("reject", KOR), ("confirm", USA)}
    assert all(d["by"] == "Ana" for d in lines)
    assert console_errors(driver) == []
    assert [u for u in requested_urls(driver) if u != page.resolve().as_uri() and not u.startswith("blob:")] == []

    result = CliRunner().invoke(app, ["review", "import", str(saved), "--store", str(store)])
    assert result.exit_code == 0 and "imported 2 decisions" in result.output, result.output
    with open_store(store, read_only=True) as st:
        assert not run_query(st, f"ASK {{ GRAPH <{FACTS_GRAPH}> {{ <{TPD}> <{PARTY}> <{KOR}> }} }}")
    listing = CliRunner().invoke(app, ["review", "list", "--store", str(store)]).output
    assert "Seoul only observes" in listing and "Ana" in listing
