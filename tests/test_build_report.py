"""Say what happened: `kg build --report`, the warning about documents without facts, and
the note when a query returns no rows."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    (folder / "pact.md").write_text("---\npublished: 2024-04-10\n---\nJapan and the Philippines "
                                    "signed an agreement on semiconductors on Wednesday.\n")
    (folder / "weather.md").write_text("---\npublished: 2024-04-10\n---\nIt rained all day and the "
                                       "match was called off.\n")
    (folder / "recipe.txt").write_text("Stir the soup slowly and add salt to taste.\n")
    store = tmp_path_factory.mktemp("store") / "s"
    proc = kg("build", folder, "--store", store, "--report", "json")
    proc.folder = folder
    return proc, store


def test_build_report_json_lists_facts_by_kind_per_document(built):
    proc, _ = built
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert set(report["facts"]) == {"pact", "weather", "recipe"}
    assert report["facts"]["pact"].get("party") == 2
    assert report["facts"]["weather"] == {} and report["facts"]["recipe"] == {}


def test_build_ends_with_a_warning_naming_documents_without_facts(built):
    proc, _ = built
    last = proc.stderr.strip().splitlines()[-1]
    assert last == "kg: warning: 2 documents gave no facts: recipe, weather"


def test_build_report_table(tmp_path):
    (tmp_path / "a.md").write_text("India and France signed a pact on space cooperation on Monday.\n")
    proc = kg("build", tmp_path / "a.md", "--store", tmp_path / "s", "--report", "table")
    assert proc.returncode == 0, proc.stderr
    header, row = proc.stdout.strip().splitlines()
    assert header.split()[0] == "document" and "party" in header.split() and header.split()[-1] == "total"
    assert row.split()[0] == "a" and int(row.split()[-1]) >= 2
    assert "no facts" not in proc.stderr


def test_build_report_unknown_format(tmp_path):
    proc = kg("build", tmp_path, "--store", tmp_path / "s", "--report", "xml")
    assert proc.returncode == 2 and "table, json" in proc.stderr


@pytest.mark.parametrize("query, note", [
    pytest.param("export-controls-by-target", "kg: no rows: no export controls in this store",
                 id="canned-query-hint"),
    pytest.param("who-signed-what", "kg: no rows: no signatories of agreements in this store",
                 id="another-canned-query"),
    pytest.param("SELECT ?s WHERE { ?s a ta:Summit }", "kg: no rows: nothing in the store matches this query",
                 id="own-query"),
])
def test_query_without_rows_says_so_on_stderr(built, query, note):
    _, store = built
    proc = kg("query", query, "--store", store)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == note


def test_query_with_rows_has_no_note(built):
    _, store = built
    proc = kg("query", "SELECT ?s WHERE { ?s a ta:Country }", "--store", store)
    assert proc.returncode == 0 and "Japan" not in proc.stderr and proc.stderr.strip() == ""


def test_view_hides_mentioned_only_entities_unless_asked(tmp_path):
    (tmp_path / "a.md").write_text("---\npublished: 2024-04-10\n---\nJapan and the Philippines signed an "
                                   "agreement on semiconductors on Wednesday.\n\nElsewhere, Brazil and "
                                   "Argentina were not part of the talks.\n")
    store = tmp_path / "s"
    assert kg("build", tmp_path / "a.md", "--store", store).returncode == 0
    default = kg("view", "--store", store, "--out", tmp_path / "v.html")
    full = kg("view", "--store", store, "--out", tmp_path / "w.html", "--all-entities")
    assert default.returncode == 0 and full.returncode == 0, default.stderr + full.stderr
    assert "entities without a link hidden (--all-entities draws them)" in default.stderr
    assert "hidden" not in full.stderr
    assert "Brazil" not in (tmp_path / "v.html").read_text() and "Brazil" in (tmp_path / "w.html").read_text()
    countries = kg("view", "--store", store, "--out", tmp_path / "c.html", "--projection", "countries")
    assert "Argentina" not in (tmp_path / "c.html").read_text()


def test_a_rebuild_still_names_documents_without_facts(built):
    proc, store = built
    again = kg("build", proc.folder, "--store", store)
    assert again.returncode == 0, again.stderr
    assert "built 0 documents" in again.stderr and "3 unchanged" in again.stderr
    assert again.stderr.strip().splitlines()[-1] == "kg: warning: 2 documents gave no facts: recipe, weather"
