"""The command line: --help for every command, clean errors, and one end-to-end run."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = ["build", "remove", "query", "export", "view", "validate", "explain", "eval", "analyze"]


def kg(*args, check=False):
    proc = subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_help_for_every_command(command):
    proc = kg(command, "--help", check=True)
    assert "--store" in proc.stdout


def test_cli_help_lists_commands():
    proc = kg("--help", check=True)
    for command in COMMANDS:
        assert command in proc.stdout


@pytest.mark.parametrize("args, needle", [
    pytest.param(["build", "no/such/path", "--store", "{tmp}/s"], "no/such/path", id="missing input path"),
    pytest.param(["query", "SELECT * WHERE {", "--store", "{store}"], "error", id="bad query"),
    pytest.param(["export", "--store", "{store}", "--format", "pdf", "--out", "{tmp}/x"], "pdf", id="unknown format"),
    pytest.param(["query", "SELECT * WHERE {?s ?p ?o}", "--store", "{tmp}/none"], "no store", id="missing store"),
])
def test_cli_user_errors_are_one_line_without_traceback(tmp_path, built_store, args, needle):
    args = [a.replace("{tmp}", str(tmp_path)).replace("{store}", str(built_store)) for a in args]
    proc = kg(*args)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert needle in proc.stderr
    assert proc.stderr.strip().startswith("kg: error:")


@pytest.fixture(scope="module")
def built_store(tmp_path_factory):
    store = tmp_path_factory.mktemp("cli") / "store"
    kg("build", ROOT / "data" / "corpus", "--store", store, check=True)
    return store


@pytest.mark.slow
def test_cli_end_to_end_build_query_export_view(built_store, tmp_path):
    # which agreements cover AI, and who their parties are (the question from issue A)
    proc = kg("query", "agreements-covering-domain", "--store", built_store, "--format", "json", check=True)
    rows = json.loads(proc.stdout)
    assert rows, "no agreement covers artificial intelligence in the sample corpus"
    assert any("United States" in json.dumps(r) for r in rows)
    proc = kg("query", "-f", ROOT / "queries" / "alliances-by-domain.rq", "--store", built_store,
              "--format", "csv", check=True)
    assert proc.stdout.splitlines()[0].startswith("country_a")
    nq = tmp_path / "all.nq"
    kg("export", "--store", built_store, "--format", "nquads", "--out", nq, check=True)
    assert "<https://w3id.org/techalliance/id/doc/" in nq.read_text()
    html = tmp_path / "g.html"
    kg("view", "--store", built_store, "--out", html, check=True)
    assert "<html" in html.read_text().lower()


def test_cli_build_reports_bad_file_and_builds_the_rest(tmp_path):
    (tmp_path / "good.md").write_text("---\ntitle: Good\npublished: 2024-05-01\n---\nJapan and India signed an accord on robotics.\n")
    (tmp_path / "empty.md").write_text("")
    proc = kg("build", tmp_path, "--store", tmp_path / "s")
    assert proc.returncode == 1
    assert "empty.md" in proc.stderr
    assert "built 1 documents" in proc.stderr
