"""One way to name an entity (kg.resolve): every command that takes one resolves it alike."""
from __future__ import annotations

import doctest
import json
import subprocess
import sys
from pathlib import Path

import pytest

import kg.resolve as resolve_module
from kg.resolve import AmbiguousEntityError, Names, UnknownEntityError, choices
from kg.vocab import TAI

ROOT = Path(__file__).resolve().parents[1]
USA, GEO, PERSON = TAI + "country/USA", TAI + "country/GEO", TAI + "person/georgia-roe"


def _names() -> Names:
    names = Names()
    names.add(USA, "United States")
    names.add(GEO, "Georgia")
    names.add(PERSON, "Georgia Roe", ["Georgia"])
    names.add(TAI + "agreement/kor-usa-2025", "Korea – United States agreement (2025)")
    names.add_gazetteer()
    return names


@pytest.mark.parametrize("text", [
    pytest.param("United States", id="label"),
    pytest.param("united   STATES", id="label-any-case-and-spacing"),
    pytest.param("U.S.", id="dotted-alias"),
    pytest.param("USA", id="iso3"),
    pytest.param("usa", id="iso3-lower-case"),
    pytest.param("America", id="gazetteer-alias"),
    pytest.param("United States of America", id="long-alias"),
    pytest.param("country:USA", id="prefixed-name"),
    pytest.param("tai:country/USA", id="tai-id"),
    pytest.param("country/USA", id="compact-id"),
    pytest.param(USA, id="full-iri"),
])
def test_a_country_answers_to_every_name(text):
    assert _names().find(text) == [USA]


def test_a_name_of_several_entities_returns_them_all_and_a_list_to_choose_from():
    names = _names()
    found = names.find("georgia")
    assert found == sorted([GEO, PERSON])
    message = choices(names, "georgia", found)
    assert "'georgia' names 2 entities" in message
    assert "Georgia (country:GEO)" in message and "Georgia Roe (person:georgia-roe)" in message


@pytest.mark.parametrize("text, hint", [
    pytest.param("Untied States", "'United States'", id="misspelt"),
    pytest.param("", "no entity given", id="empty"),
    pytest.param("country:XXX", "no entity matches", id="unknown-id"),
])
def test_unknown_names_suggest_close_ones(text, hint):
    with pytest.raises(UnknownEntityError, match=hint):
        _names().find(text)


def test_doctest():
    assert doctest.testmod(resolve_module).failed == 0


# ---- the same names on every command ---------------------------------------------------

def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("news")
    (folder / "a.md").write_text("---\npublished: 2024-04-10\n---\nJapan and the United States signed an "
                                 "agreement on semiconductors on Wednesday.\n")
    (folder / "b.md").write_text("---\npublished: 2024-05-02\n---\nSouth Korea and Japan signed a pact "
                                 "on quantum computing on Thursday.\n")
    path = tmp_path_factory.mktemp("store") / "s"
    proc = kg("build", folder, "--store", path)
    assert proc.returncode == 0, proc.stderr
    return path


@pytest.mark.parametrize("name", ["USA", "U.S.", "America", "country:USA", "tai:country/USA"])
def test_explain_takes_any_name(store, name):
    proc = kg("explain", name, "--store", store, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["iri"] == USA


@pytest.mark.parametrize("name", ["KOR", "country:KOR", "Korea", "Republic of Korea"])
def test_view_focus_takes_any_name(store, tmp_path, name):
    proc = kg("view", "--store", store, "--out", tmp_path / "v.html", "--focus", name, "--depth", "0")
    assert proc.returncode == 0, proc.stderr
    assert "(1 nodes" in proc.stderr


@pytest.mark.parametrize("a, b", [("America", "country:KOR"), ("U.S.", "Republic of Korea")])
def test_analyze_between_takes_any_name(store, a, b):
    proc = kg("analyze", "--store", store, "--between", a, b, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["path"]["countries"] == ["USA", "JPN", "KOR"]


def test_ambiguous_focus_lists_the_choices():
    import networkx as nx

    from kg.view.select import select

    g = nx.MultiDiGraph()
    g.add_node(GEO, label="Georgia", iri=GEO, type="Country")
    g.add_node(PERSON, label="Georgia Roe", alt_labels=["Georgia"], iri=PERSON, type="Person")
    with pytest.raises(AmbiguousEntityError, match=r"--focus: 'Georgia' names 2 entities; choose one"):
        select(g, focus="Georgia")


def test_a_code_that_is_also_a_label_names_both():
    names = Names()
    names.add(TAI + "country/SUN", "Soviet Union")
    names.add(TAI + "org/sun", "Sun")
    names.add_gazetteer()
    assert names.find("Sun") == sorted([TAI + "country/SUN", TAI + "org/sun"])
    assert names.find("USSR") == [TAI + "country/SUN"]
