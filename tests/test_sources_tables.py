"""Tables (kg/sources/tables.py): CSV and TSV exports with a header row."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from kg.documents import read_documents
from kg.errors import KGError
from kg.sources import SourceOptions, parse_columns


def read(path, columns=None):
    errors = []
    docs = list(read_documents([path], on_error=errors.append,
                               sources=SourceOptions(columns=columns or {})))
    return docs, [str(e) for e in errors]


def test_csv_default_columns(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        "id,title,published,url,source,text\n"
        'lab-1,Chip lab opens,2024-04-09,https://ledger.example/a,Ledger,"Freedonia and Sylvania opened a lab.\n\nIt tests chips."\n'
        ",Satellite talks,2024-05-14,,Wire,Grand Fenwick joined the talks.\n", encoding="utf-8")
    docs, errors = read(path)
    assert not errors
    assert [(d.id, d.title, d.published, d.url, d.source, d.line) for d in docs] == [
        ("lab-1", "Chip lab opens", dt.date(2024, 4, 9), "https://ledger.example/a", "Ledger", 4),
        ("export-5", "Satellite talks", dt.date(2024, 5, 14), None, "Wire", 5)]
    assert docs[0].text == "Freedonia and Sylvania opened a lab.\n\nIt tests chips."


def test_tsv_with_mapped_columns_and_other_date_spellings(tmp_path):
    path = tmp_path / "db.tsv"
    path.write_text("Headline\tDate\tBody\tOutlet\n"
                    "Chip lab opens\t9 April 2024\tFreedonia and Sylvania opened a lab.\tLedger\n"
                    "Export rules\tThu, 20 Jun 2024 07:00:00 GMT\tSylvania tightened rules.\tWire\n",
                    encoding="utf-8")
    docs, errors = read(path, parse_columns("text=Body,published=date,title=headline,source=outlet"))
    assert not errors
    assert [(d.title, d.published, d.source, d.text) for d in docs] == [
        ("Chip lab opens", dt.date(2024, 4, 9), "Ledger", "Freedonia and Sylvania opened a lab."),
        ("Export rules", dt.date(2024, 6, 20), "Wire", "Sylvania tightened rules.")]


@pytest.mark.parametrize("content, columns, reason", [
    pytest.param("title,body\nA,B\n", None, "no 'text' column (the columns are: title, body); name "
                 "the column with the article text with --columns text=NAME", id="no text column"),
    pytest.param("title,text\nA,B\n", "published=date", "no column 'date' (for published); the columns "
                 "are: title, text", id="mapped column missing"),
    pytest.param("text\n", None, "the table has no rows", id="header only"),
    pytest.param("", None, "empty document", id="empty file"),
])
def test_table_bad_file_is_one_error(tmp_path, content, columns, reason):
    path = tmp_path / "t.csv"
    path.write_text(content, encoding="utf-8")
    docs, errors = read(path, parse_columns(columns) if columns else None)
    assert not docs and errors == [f"{path}: {reason}"]


def test_table_bad_rows_are_errors_the_others_go_on(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,published,text\na,2024-01-02,First text.\nb,someday,Second text.\n"
                    "c,2024-01-03,\nd,2024-01-04,Fourth text.\n", encoding="utf-8")
    docs, errors = read(path)
    assert [d.id for d in docs] == ["a", "d"]
    assert errors == [f"{path}:3: published date 'someday' is not a date kg can read (use YYYY-MM-DD)",
                      f"{path}:4: empty document"]


def test_table_in_cp1252(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes("text\nA \u00a32bn caf\u00e9 deal.\n".encode("cp1252"))
    [doc], _ = read(path)
    assert doc.text == "A \u00a32bn caf\u00e9 deal."


@pytest.mark.parametrize("spec, message", [
    pytest.param("text", "--columns: 'text' is not FIELD=COLUMN (e.g. text=body)", id="no equals"),
    pytest.param("body=text", "--columns: unknown field 'body'; the fields are id, title, published, "
                 "url, source, text", id="unknown field"),
    pytest.param("text=", "--columns: 'text=' is not FIELD=COLUMN (e.g. text=body)", id="no column"),
])
def test_columns_option_errors(spec, message):
    with pytest.raises(KGError) as caught:
        parse_columns(spec)
    assert str(caught.value) == message


def test_tables_are_read_only_when_named(tmp_path):
    (tmp_path / "stats.csv").write_text("text\nNot an article.\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("An article.\n", encoding="utf-8")
    docs, errors = read(tmp_path)
    assert [d.id for d in docs] == ["a"] and not errors


def test_cli_columns_option_is_checked(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", "x.csv", "--columns", "body",
                           "--store", "s"], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "kg: error: --columns: 'body' is not FIELD=COLUMN (e.g. text=body)"
