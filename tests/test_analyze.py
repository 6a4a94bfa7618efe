"""kg analyze: centrality, blocs, alignment paths and change over time on a hand-built store."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.network.analyze import (UNDATED, AnalysisError, NoPathError, UnknownCountryError, analyze,
                                shortest_path)
from kg.vocab import RDF, RDFS, TA, XSD, country_iri, doc_iri, entity_iri

ROOT = Path(__file__).resolve().parents[1]
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

COUNTRIES = {"USA": "United States", "JPN": "Japan", "AUS": "Australia", "IND": "India",
             "CHN": "China", "RUS": "Russia", "IRN": "Iran", "BRA": "Brazil", "ARG": "Argentina",
             "KOR": "South Korea"}
# name, parties, date (None: undated), datatype
AGREEMENTS = [
    ("Quad critical technology pact", ["USA", "JPN", "AUS", "IND"], "2022-05-24", "date"),
    ("US-Japan chip accord", ["USA", "JPN"], "2022", "gYear"),
    ("US-India critical technology initiative", ["USA", "IND"], "2022-06", "gYearMonth"),
    ("Sino-Russian satellite deal", ["CHN", "RUS"], "2022-02", "gYearMonth"),
    ("China-Iran telecom accord", ["CHN", "IRN"], "2022-03-27", "date"),
    ("India-Russia defence pact", ["IND", "RUS"], "2023-07-01", "date"),
    ("Russia-Iran drone accord", ["RUS", "IRN"], "2023", "gYear"),
    ("AUKUS-style quantum pact", ["USA", "AUS"], "2023-03", "gYearMonth"),
    ("Brazil-Argentina biotech deal", ["BRA", "ARG"], "2023-11-02", "date"),
    ("Japan-Australia AI compact", ["JPN", "AUS"], None, None),
]


def _quads(countries=COUNTRIES, agreements=AGREEMENTS):
    from pyoxigraph import Literal, NamedNode, Quad

    n = NamedNode
    quads = []
    home = n(doc_iri("countries"))
    for code, label in countries.items():
        quads += [Quad(n(country_iri(code)), n(RDF + "type"), n(TA + "Country"), home),
                  Quad(n(country_iri(code)), n(RDFS + "label"), Literal(label), home)]
    for i, (name, parties, date, kind) in enumerate(agreements):
        g, a = n(doc_iri(f"article-{i}")), n(entity_iri("agreement", name))
        quads += [Quad(a, n(RDF + "type"), n(TA + "Agreement"), g), Quad(a, n(RDFS + "label"), Literal(name), g)]
        quads += [Quad(a, n(TA + "party"), n(country_iri(c)), g) for c in parties]
        if date:
            quads.append(Quad(a, n(TA + "date"), Literal(date, datatype=n(XSD + kind)), g))
    if agreements is not AGREEMENTS:
        return quads
    # a second article dates the China-Iran accord to 2021; the year most articles give wins
    a = n(entity_iri("agreement", "China-Iran telecom accord"))
    quads.append(Quad(a, n(TA + "date"), Literal("2021", datatype=n(XSD + "gYear")), n(doc_iri("later-report"))))
    quads.append(Quad(a, n(TA + "date"), Literal("2022", datatype=n(XSD + "gYear")), n(doc_iri("third-report"))))
    return quads


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    from kg.store import open_store

    path = tmp_path_factory.mktemp("analyze") / "store"
    with open_store(path) as store:
        store.add(_quads())
    return path


@pytest.fixture()
def store(store_path):
    from kg.store import open_store

    with open_store(store_path, read_only=True) as st:
        yield st


def _by(rows, key="country"):
    return {r[key]: r for r in rows}


def test_analyze_centrality_ranks_the_bridges_highest(store):
    result = analyze(store)
    rows = _by(result.countries)
    assert set(rows) == set(COUNTRIES) - {"KOR"}  # countries without ties are left out
    assert rows["USA"]["degree"] == 3 and rows["USA"]["weighted_degree"] == 6
    assert rows["IND"]["degree"] == 4 and rows["IND"]["weighted_degree"] == 5
    ranking = sorted(rows, key=lambda c: -rows[c]["betweenness"])
    assert ranking[:2] == ["IND", "RUS"]
    assert rows["IND"]["betweenness"] > rows["RUS"]["betweenness"] > rows["USA"]["betweenness"]
    assert rows["BRA"]["betweenness"] == 0.0
    assert result.countries[0]["country"] == "USA"  # rows come strongest first
    assert rows["USA"]["label"] == "United States" and result.changes == []


def test_analyze_blocs_split_along_the_alignments(store):
    result = analyze(store)
    blocs = {frozenset(b["members"]) for b in result.blocs}
    assert blocs == {frozenset({"USA", "JPN", "AUS", "IND"}), frozenset({"CHN", "RUS", "IRN"}),
                     frozenset({"BRA", "ARG"})}
    first = result.blocs[0]
    assert first["bloc"] == 1 and first["anchor"] == "USA" and first["size"] == 4
    rows = _by(result.countries)
    assert rows["JPN"]["bloc"] == rows["IND"]["bloc"] != rows["RUS"]["bloc"]


def test_analyze_matches_the_country_projection(store):
    from kg.network import to_networkx

    graph = to_networkx(store, projection="countries")
    expected = {(tuple(sorted((a, b))), d["weight"]) for a, b, d in graph.edges(data=True)}
    ours = {((f"{t['a']}", f"{t['b']}"), t["weight"]) for t in analyze(store).ties}
    prefix = country_iri("")
    assert {((a[len(prefix):], b[len(prefix):]), w) for (a, b), w in expected} == ours


def test_analyze_windows_bucket_agreements_by_year(store):
    result = analyze(store, window="year")
    assert result.windows == ["2022", "2023", UNDATED]
    ties = {(t["window"], t["a"], t["b"]): t["weight"] for t in result.ties}
    assert ties[("2022", "JPN", "USA")] == 2  # the Quad pact and the chip accord
    assert ("2022", "CHN", "IRN") in ties  # two of three graphs date it 2022
    assert ties[(UNDATED, "AUS", "JPN")] == 1
    blocs = {(b["window"], frozenset(b["members"])): b["bloc"] for b in result.blocs}
    assert blocs[("2022", frozenset({"USA", "JPN", "AUS", "IND"}))] == 1
    assert blocs[("2022", frozenset({"CHN", "RUS", "IRN"}))] == 2
    # blocs keep their number when most of their members stay; new ones take the next
    assert blocs[("2023", frozenset({"IND", "RUS", "IRN"}))] == 2
    assert blocs[("2023", frozenset({"USA", "AUS"}))] == 1
    assert blocs[("2023", frozenset({"BRA", "ARG"}))] == 3


def test_analyze_window_changes_report_moves_and_new_ties(store):
    changes = analyze(store, window="year").changes
    assert {c["window"] for c in changes} == {"2023"}  # the undated window is not compared
    moves = {(c["change"], c["country"]): c for c in changes if c["change"] != "new tie"}
    assert moves[("left", "IND")]["bloc"] == 1 and moves[("left", "IND")]["detail"] == "to bloc 2"
    assert moves[("joined", "IND")]["bloc"] == 2 and moves[("joined", "IND")]["detail"] == "from bloc 1"
    assert moves[("left", "JPN")]["detail"] == "no ties in this window"
    assert moves[("joined", "BRA")]["detail"] == "no ties in 2022"
    assert ("joined", "USA") not in moves and ("left", "RUS") not in moves
    ties = {(c["country"], c["partner"]) for c in changes if c["change"] == "new tie"}
    assert ties == {("IND", "RUS"), ("IRN", "RUS"), ("ARG", "BRA")}  # USA-AUS was tied in 2022 too


@pytest.mark.parametrize("a, b, expected", [
    pytest.param("USA", "IRN", ["USA", "IND", "RUS", "IRN"], id="across blocs through the bridges"),
    pytest.param("japan", "china", ["JPN", "IND", "RUS", "CHN"], id="by label, any case"),
    pytest.param("JPN", "USA", ["JPN", "USA"], id="direct tie"),
    pytest.param("Japan", "America", ["JPN", "USA"], id="gazetteer alias"),
    pytest.param("country:JPN", "U.S.", ["JPN", "USA"], id="prefixed name and dotted alias"),
    pytest.param("tai:country/JPN", "https://w3id.org/techalliance/id/country/USA", ["JPN", "USA"],
                 id="tai id and full IRI"),
])
def test_analyze_shortest_path(store, a, b, expected):
    path = shortest_path(store, a, b)
    assert path.countries == expected
    assert path.hops == len(expected) - 1
    assert path.steps[0]["from"] == expected[0] and path.steps[-1]["to"] == expected[-1]


def test_analyze_shortest_path_prefers_strong_ties_among_equally_short(store):
    from kg.store.oxigraph import OxigraphStore

    # AUS -> JPN: a direct tie of one agreement beats two hops over stronger ties
    assert shortest_path(store, "AUS", "JPN").countries == ["AUS", "JPN"]
    # FRA -> ITA: two routes of two hops; the one over two agreements a step wins
    small = OxigraphStore()
    small.add(_quads({"FRA": "France", "DEU": "Germany", "ESP": "Spain", "ITA": "Italy"}, [
        ("a", ["FRA", "DEU"], None, None), ("b", ["DEU", "ITA"], None, None),
        ("c", ["FRA", "ESP"], None, None), ("d", ["FRA", "ESP"], None, None),
        ("e", ["ESP", "ITA"], None, None), ("f", ["ESP", "ITA"], None, None)]))
    assert shortest_path(small, "FRA", "ITA").countries == ["FRA", "ESP", "ITA"]
    # USA -> RUS must pass India; the step lists the agreements behind the tie
    assert shortest_path(store, "USA", "RUS").steps[0] == {
        "from": "USA", "to": "IND", "weight": 2,
        "agreements": ["Quad critical technology pact", "US-India critical technology initiative"]}


@pytest.mark.parametrize("a, b, error, needle", [
    pytest.param("Iramn", "USA", UnknownCountryError, "IRN (Iran)", id="typo lists close matches"),
    pytest.param("USA", "BRA", NoPathError, "no alignment path", id="separate components"),
    pytest.param("KOR", "USA", NoPathError, "shares no agreement", id="country without ties"),
])
def test_analyze_shortest_path_errors(store, a, b, error, needle):
    with pytest.raises(error, match=needle.replace("(", r"\(").replace(")", r"\)")):
        shortest_path(store, a, b)


def test_analyze_unknown_window_is_an_error(store):
    with pytest.raises(AnalysisError, match="valid windows: year"):
        analyze(store, window="decade")


def test_analyze_empty_store_gives_empty_tables(tmp_path):
    from kg.store import open_store

    with open_store(tmp_path / "empty") as st:
        result = analyze(st, window="year")
    assert result.countries == [] and result.blocs == [] and result.windows == []


def test_analyze_chart_is_a_png(store, tmp_path):
    from kg.network.analyze_output import write_chart

    out = write_chart(analyze(store, window="year"), tmp_path / "blocs.png")
    data = out.read_bytes()
    assert data.startswith(PNG_MAGIC) and len(data) > 1024
    with pytest.raises(AnalysisError, match=r"\.png"):
        write_chart(analyze(store), tmp_path / "blocs.svg")


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_analyze_formats(store, fmt):
    import io

    from kg.network.analyze_output import format_analysis

    buf = io.StringIO()
    format_analysis(analyze(store, window="year"), fmt, buf, path=shortest_path(store, "USA", "IRN"))
    text = buf.getvalue()
    if fmt == "json":
        data = json.loads(text)
        assert data["path"]["countries"] == ["USA", "IND", "RUS", "IRN"] and data["window"] == "year"
    elif fmt == "csv":
        assert "# countries\nwindow,country,label,degree,weighted_degree,betweenness,bloc\n" in text
        assert "\n# changes\n" in text and "\n# path\n" in text
    else:
        assert "USA -> IND -> RUS -> IRN (3 hops)" in text


def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT)


def test_cli_analyze_help():
    proc = kg("analyze", "--help")
    assert proc.returncode == 0 and "--store" in proc.stdout and "--between" in proc.stdout


def test_cli_analyze_json_with_path_and_chart(store_path, tmp_path):
    chart = tmp_path / "blocs.png"
    proc = kg("analyze", "--store", store_path, "--window", "year", "--between", "USA", "Iran",
              "--format", "json", "--chart", chart)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["windows"] == ["2022", "2023", "undated"]
    assert data["path"]["countries"] == ["USA", "IND", "RUS", "IRN"]
    assert chart.read_bytes().startswith(PNG_MAGIC)


@pytest.mark.parametrize("args, needle", [
    pytest.param(["--between", "USA", "Iramn"], "IRN", id="unknown country"),
    pytest.param(["--window", "month"], "valid windows", id="unknown window"),
    pytest.param(["--format", "xml"], "xml", id="unknown format"),
    pytest.param(["--chart", "{tmp}/chart.jpg"], ".png", id="chart not png"),
])
def test_cli_analyze_user_errors_are_one_line(store_path, tmp_path, args, needle):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    proc = kg("analyze", "--store", store_path, *args)
    assert proc.returncode == 2
    assert proc.stderr.startswith("kg: error:") and needle in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_analyze_doctests():
    import doctest

    import kg.network.analyze

    result = doctest.testmod(kg.network.analyze)
    assert result.attempted and not result.failed
