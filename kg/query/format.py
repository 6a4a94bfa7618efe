"""Print query results as a table, CSV or JSON."""
from __future__ import annotations

import csv
import json
from typing import TYPE_CHECKING, TextIO

from kg.errors import QueryError, printable
from kg.store.base import QueryResult
from kg.vocab import compact

if TYPE_CHECKING:
    from pyoxigraph import Triple

OUTPUT_FORMATS = ("table", "csv", "json")


def format_result(result: QueryResult | bool | list[Triple], fmt: str, out: TextIO) -> None:
    """Write ``result`` to ``out`` as ``"table"``, ``"csv"`` or ``"json"``.

    SELECT results follow ``fmt``: the table shortens IRIs with the kg prefixes, CSV keeps
    full IRIs, JSON is a list of objects (numbers as numbers, unbound as null). An ASK
    answer prints ``true`` or ``false``; CONSTRUCT/DESCRIBE triples print as N-Triples.

    >>> import io; buf = io.StringIO()
    >>> format_result(QueryResult(["n"], [["1"]], [["number"]]), "json", buf)
    >>> buf.getvalue()
    '[\\n  {\\n    "n": 1\\n  }\\n]\\n'
    """
    if fmt not in OUTPUT_FORMATS:
        raise QueryError(f"unknown output format {fmt!r}; valid formats: {', '.join(OUTPUT_FORMATS)}")
    if isinstance(result, bool):
        out.write("true\n" if result else "false\n")
    elif isinstance(result, QueryResult):
        {"table": _table, "csv": _csv, "json": _json}[fmt](result, out)
    else:
        for triple in result:
            out.write(f"{triple} .\n")


def _kind(result: QueryResult, i: int, j: int) -> str | None:
    if i < len(result.kinds) and j < len(result.kinds[i]):
        return result.kinds[i][j]
    return "iri" if result.rows[i][j] is not None else None


def _table(result: QueryResult, out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(*result.columns, show_lines=False)
    for i, row in enumerate(result.rows):
        cells = []
        for j, value in enumerate(row):
            if value is None:
                cells.append("")
            else:
                text = compact(value) if _kind(result, i, j) == "iri" else value
                # a literal may carry a terminal escape: shown escaped, lines kept
                cells.append("\n".join(map(printable, text.split("\n"))))
        table.add_row(*cells)
    console = Console(file=out, highlight=False, markup=False, emoji=False,
                      width=None if out.isatty() else 200)
    console.print(table)
    console.print(f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}",
                  style="dim")


def _csv(result: QueryResult, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow(["" if v is None else v for v in row])


def _json(result: QueryResult, out: TextIO) -> None:
    records = []
    for i, row in enumerate(result.rows):
        record = {}
        for j, (column, value) in enumerate(zip(result.columns, row)):
            record[column] = _number(value) if _kind(result, i, j) == "number" else value
        records.append(record)
    json.dump(records, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _number(value: str | None) -> int | float | str | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        try:
            return float(value)
        except ValueError:
            return value
