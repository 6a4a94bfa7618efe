"""Tables (``.csv``, ``.tsv``) with a header row: one document per row, as exported
from news databases. The columns read are ``id, title, published, url, source, text``
(names matched without regard to case); ``SourceOptions.columns`` maps a field to
another column (``--columns text=body,published=date``). Rows are streamed.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.vocab import slug

from . import FIELDS, SourceOptions

__all__ = ["read_table"]

_SNIFF = 65536
_FIELD_LIMIT = 20_000_000
_YEAR = re.compile(r"\b\d{4}\b")


def read_table(path: Path, options: SourceOptions, fail, *, max_bytes: int | None = None
               ) -> Iterator[tuple[object, bool]]:
    """``(Document, has its own id)`` for every row of the table ``path``."""
    from kg.documents import _document

    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    try:
        with open(path, "rb") as f:
            head = f.read(_SNIFF)
        encoding = _encoding(head)
        with open(path, newline="", encoding=encoding, errors="replace") as f:
            reader = csv.reader(f, delimiter=delimiter)
            try:
                header = next(reader, None)
            except csv.Error as exc:
                raise InputError(path, f"not a readable table ({exc})") from exc
            if not header or not any(h.strip() for h in header):
                raise InputError(path, "empty document")
            index = _columns(path, header, options.columns)
            stem, count = slug(path.stem), 0
            while True:
                try:
                    row = next(reader, None)
                except csv.Error as exc:
                    fail(InputError(f"{path}:{reader.line_num}", f"row is not readable ({exc})"))
                    continue
                if row is None:
                    break
                if not any(cell.strip() for cell in row):
                    continue
                count += 1
                line = reader.line_num
                where = f"{path}:{line}"
                record = {field: (row[i] if i < len(row) else "") for field, i in index.items()}
                record = {k: (v if k == "text" else (v.strip() or None)) for k, v in record.items()}
                digest = hashlib.sha256("\x1f".join(row).encode("utf-8")).hexdigest()
                try:
                    record["published"] = _date(where, record.get("published"))
                    yield _document(where, record, line, digest, default_id=f"{stem}-{line}", file=path)
                except InputError as error:
                    fail(error)
    except OSError as exc:
        raise InputError(path, f"cannot read file ({exc.strerror or exc})") from exc
    if not count:
        raise InputError(path, "the table has no rows")


def _encoding(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        head.decode("utf-8-sig")
        return "utf-8-sig"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # a character cut by the end of the sniffed block
            return "utf-8-sig"
        return "cp1252"


def _columns(path: Path, header: list[str], mapping: dict[str, str]) -> dict[str, int]:
    """field -> column index."""
    names = [h.strip().lstrip("\ufeff") for h in header]
    lower = {name.lower(): i for i, name in reversed(list(enumerate(names)))}
    shown = ", ".join(names)
    index: dict[str, int] = {}
    for field in FIELDS:
        column = mapping.get(field, field)
        if column.lower() in lower:
            index[field] = lower[column.lower()]
        elif field in mapping:
            raise InputError(path, f"no column '{column}' (for {field}); the columns are: {shown}")
    if "text" not in index:
        raise InputError(path, f"no 'text' column (the columns are: {shown}); name the column "
                               "with the article text with --columns text=NAME")
    return index


def _date(where: str, value: str | None):
    """An ISO date as it is; other spellings ("5 March 2024", "Tue, 05 Mar 2024 10:00:00
    GMT", "03/05/2024") read by dateutil when they hold a four-digit year."""
    if not value:
        return None
    try:
        dt.date.fromisoformat(value[:10])
        return value
    except ValueError:
        pass
    if _YEAR.search(value):
        from dateutil import parser

        try:
            return parser.parse(value).date()
        except (ValueError, OverflowError):
            pass
    raise InputError(where, f"published date '{value}' is not a date kg can read (use YYYY-MM-DD)")
