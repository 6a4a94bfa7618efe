"""Run SPARQL against a store with the kg prefixes pre-bound; find canned queries."""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import QueryError
from kg.query.guard import check_sparql
from kg.resources import queries as _queries_dir
from kg.vocab import PREFIXES

if TYPE_CHECKING:
    from pyoxigraph import Triple

    from kg.store.base import QueryResult, Store

_DECLARED = re.compile(r"^\s*PREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.IGNORECASE | re.MULTILINE)
_POSITION = re.compile(r"\bat (\d+):(\d+)")
_NAME = re.compile(r"^[\w.-]+$")


def with_prefixes(sparql: str) -> tuple[str, int]:
    """Prepend a ``PREFIX`` line for each kg prefix the query does not declare itself.

    Returns the new text and how many lines were added.

    >>> text, added = with_prefixes("PREFIX ta: <urn:x#> SELECT * { ?s ta:p ?o }")
    >>> "PREFIX ta: <https://" in text, "PREFIX tai: <https://" in text
    (False, True)
    >>> added == len(PREFIXES) - 1  # every kg prefix but the one declared
    True
    """
    declared = {m.group(1) or "" for m in _DECLARED.finditer(sparql)}
    lines = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p not in declared]
    if not lines:
        return sparql, 0
    return "\n".join(lines) + "\n" + sparql, len(lines)


def run_query(store: Store, sparql: str, *, timeout: float | None = None,
              allow_remote: bool = False) -> QueryResult | bool | list[Triple]:
    """Run ``sparql`` on ``store`` with the ``ta:``, ``tai:``, ``rdfs:``... prefixes bound.

    Returns what :meth:`Store.query` returns: a QueryResult for SELECT, a bool for ASK,
    a list of triples for CONSTRUCT/DESCRIBE. Error positions refer to the user's text.
    A query running over ``timeout`` seconds raises QueryError (``None`` or ``0``: no
    limit). ``SERVICE`` and ``file:`` dataset IRIs raise QueryError unless
    ``allow_remote`` (see :func:`kg.query.guard.check_sparql`).
    """
    check_sparql(sparql, allow_remote=allow_remote)
    text, added = with_prefixes(sparql)
    try:
        return store.query(text, timeout=timeout if timeout and timeout > 0 else None)
    except QueryError as e:
        raise _shift_positions(e, added) from e.__cause__


def run_update(store: Store, sparql: str, *, allow_remote: bool = False) -> None:
    """Run a SPARQL Update on ``store`` with the kg prefixes bound; ``LOAD``, ``SERVICE``
    and ``file:`` IRIs in ``USING`` raise QueryError unless ``allow_remote``."""
    check_sparql(sparql, allow_remote=allow_remote)
    text, added = with_prefixes(sparql)
    try:
        store.update(text)
    except QueryError as e:
        raise _shift_positions(e, added) from e.__cause__


def _shift_positions(error: QueryError, added: int) -> QueryError:
    """``error`` with its "at LINE:COLUMN" counted in the user's text (before the prefixes)."""
    if not added:
        return error
    return QueryError(_POSITION.sub(lambda m: f"at {int(m.group(1)) - added}:{m.group(2)}", str(error)))


def canned_queries() -> dict[str, str]:
    """Canned query name -> what it answers (the first comment line of its .rq file)."""
    folder = _queries_dir()
    found: dict[str, str] = {}
    for path in sorted(folder.glob("*.rq")) if folder.is_dir() else []:
        first = path.read_text(encoding="utf-8").lstrip().splitlines()[:1]
        found[path.stem] = first[0].lstrip("# ").strip() if first and first[0].startswith("#") else ""
    return found


def canned_query_path(name: str) -> Path | None:
    """The .rq file of a canned query, or None if there is no such query."""
    stem = name[:-3] if name.endswith(".rq") else name
    path = _queries_dir() / f"{stem}.rq"
    return path if _NAME.match(stem) and path.is_file() else None


_WHEN_EMPTY = re.compile(r"^#\s*When empty:\s*(.+)$", re.MULTILINE)


def no_rows_message(sparql: str, result) -> str | None:
    """What to tell the user when a SELECT returned no rows (None when it returned some):
    a canned query's own hint ("no export controls in this store") or a plain note."""
    from kg.store.base import QueryResult

    if not isinstance(result, QueryResult) or result.rows:
        return None
    hint = _WHEN_EMPTY.search(sparql)
    return f"no rows: {hint.group(1).strip()}" if hint else "no rows: nothing in the store matches this query"


def resolve_query(text: str | None, file: Path | None) -> str:
    """The SPARQL to run: ``text`` itself, the content of ``file``, or a canned query.

    ``text`` may be SPARQL, the name of a canned query (``"alliances-by-domain"``) or the
    path of an existing ``.rq`` file.
    """
    if text is not None and file is not None:
        raise QueryError("give either a query or --file, not both")
    if file is not None:
        return _read(Path(file))
    if text is None or not text.strip():
        raise QueryError(f"no query given; write SPARQL, use -f FILE, or name one of: {_names()}")
    stripped = text.strip()
    canned = canned_query_path(stripped)
    if canned is not None:
        return _read(canned)
    if stripped.endswith((".rq", ".sparql")) or _is_file(stripped):
        return _read(Path(stripped))
    if _NAME.match(stripped):
        raise QueryError(f"no canned query named {stripped!r}; available: {_names()}")
    return text


def _is_file(text: str) -> bool:
    """Whether ``text`` names an existing file; SPARQL longer than a file name can be is not."""
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # too long for a file name, or a NUL byte
        return False


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QueryError(
            f"query file {path} not found; canned queries: {_names()}"
        ) from None
    except (OSError, UnicodeDecodeError) as e:
        raise QueryError(f"cannot read query file {path}: {e}") from e


def _names() -> str:
    return ", ".join(canned_queries()) or "(none installed)"
