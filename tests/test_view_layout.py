"""Where the HTML view puts nodes without a link (drawn with --all-entities): beneath the
drawing, never on top of an edge (H item 7)."""
from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import pytest
from browser import browser_fixture, console_errors, open_page

from kg.view import render_html

driver = browser_fixture()
READY = "window.kgReady === true"


def _countries(tied: list[tuple[str, str]], lone: list[str]) -> nx.Graph:
    g = nx.Graph()
    for a, b in tied:
        g.add_edge(a, b, weight=1, label="1 agreement")
    for code in lone:
        g.add_node(code)
    for code in g:
        g.nodes[code].update(label=code, type="Country", iri=f"https://w3id.org/techalliance/id/country/{code}")
    return g


def _distance(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


@pytest.mark.browser
@pytest.mark.parametrize("tied, lone", [
    pytest.param([("USA", "JPN"), ("JPN", "KOR"), ("KOR", "USA")], ["FJI"], id="triangle-and-one"),
    pytest.param([("USA", "GBR"), ("GBR", "AUS"), ("AUS", "USA"), ("USA", "IND"), ("IND", "JPN"),
                  ("JPN", "AUS")], ["FJI", "TON", "WSM", "NRU"], id="quad-and-islands"),
    pytest.param([("FRA", "DEU")], ["ITA", "ESP", "PRT", "GRC", "MLT", "CYP"], id="one-tie-many-alone"),
])
def test_unconnected_countries_sit_beneath_the_edges(driver, tmp_path: Path, tied, lone):
    g = _countries(tied, lone)
    page = render_html(g, tmp_path / "countries.html")
    open_page(driver, page, ready=READY)
    pos = {k: (v["x"], v["y"]) for k, v in driver.execute_script("return kgNetwork.getPositions()").items()}
    bottom = max(pos[n][1] for e in tied for n in e)
    for code in lone:
        assert pos[code][1] > bottom
        for a, b in tied:
            assert _distance(pos[code], pos[a], pos[b]) > 40, (code, a, b)
    assert console_errors(driver) == []
