"""The embedded store: pyoxigraph (RocksDB) in a directory on disk, or in memory.

Every pyoxigraph exception is translated here, once: SPARQL syntax errors become
:class:`~kg.errors.QueryError`, I/O and lock failures :class:`~kg.errors.StoreError`.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Sequence

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.log import logger
from kg.store.base import DATASET_FORMATS, QueryResult, Store, nt_line
from kg.vocab import PREFIXES, XSD

_RDF_FORMATS = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}
_BULK_THRESHOLD = 50_000  # above this many quads, add() writes with bulk_extend
_NUMERIC = {XSD + t for t in (
    "integer", "decimal", "double", "float", "int", "long", "short", "byte",
    "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
    "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte",
)}


def _short(exc: BaseException) -> str:
    """The first line of a backend message (parser errors list every expected token)."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."


def _is_lock_error(exc: OSError) -> bool:
    text = str(exc).lower()
    return "lock" in text and ("unavailable" in text or "hold" in text or "lock file" in text)


class OxigraphStore(Store):
    """A store kept by pyoxigraph; ``path=None`` gives a throw-away in-memory store.

    >>> from pyoxigraph import Literal, NamedNode, Quad
    >>> store = OxigraphStore()
    >>> g = "https://w3id.org/techalliance/id/doc/a1"
    >>> store.replace_graph(g, [Quad(NamedNode(g), NamedNode("https://schema.org/name"), Literal("A1"))])
    >>> store.graphs(), len(store)
    (['https://w3id.org/techalliance/id/doc/a1'], 1)
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False):
        self._path = Path(path) if path is not None else None
        self._read_only = read_only
        try:
            if self._path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(self._path))
            else:
                self._store = ox.Store(str(self._path))
        except OSError as e:
            if _is_lock_error(e):
                raise StoreError(
                    f"store {self._path} is in use by another kg process ({_short(e)}); "
                    "wait for it to finish"
                ) from e
            raise StoreError(f"cannot open store {self._path}: {_short(e)}") from e

    # -- helpers -------------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def _db(self) -> ox.Store:
        if self._store is None:
            raise StoreError(f"store {self._path or '(in memory)'} is closed")
        return self._store

    def _where(self) -> str:
        return str(self._path) if self._path else "(in memory)"

    def _writable(self, action: str) -> ox.Store:
        if self._read_only:
            raise StoreError(f"store {self._where()} is open read-only; cannot {action}")
        return self._db

    def _write_error(self, e: Exception, action: str) -> StoreError:
        return StoreError(f"cannot {action} in store {self._where()}: {_short(e)}")

    # -- writing -------------------------------------------------------------------
    def add(self, quads: Iterable[ox.Quad]) -> int:
        """Add quads (one transaction unless there are more than 50,000)."""
        db = self._writable("add quads")
        batch = list(quads)
        try:
            if len(batch) > _BULK_THRESHOLD:
                db.bulk_extend(batch)
            else:
                db.extend(batch)
        except (OSError, RuntimeError) as e:
            raise self._write_error(e, "add quads") from e
        return len(batch)

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """Drop ``graph`` and write ``quads`` into it in one SPARQL Update (one transaction)."""
        db = self._writable(f"write graph <{graph}>")
        name = ox.NamedNode(graph)
        lines = [nt_line(q) for q in quads]
        request = f"DROP SILENT GRAPH {name}"
        if lines:
            body = "\n".join(lines)
            request += f" ;\nINSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}"
        try:
            db.update(request)
        except SyntaxError as e:  # a term the update syntax cannot carry
            raise StoreError(f"cannot write graph <{graph}>: {_short(e)}") from e
        except (OSError, RuntimeError) as e:
            raise self._write_error(e, f"write graph <{graph}>") from e

    def write_documents(self, graphs: Sequence[tuple[str, Sequence[ox.Quad]]],
                        shared: Sequence[ox.Quad] = ()) -> None:
        """Replace a batch of document graphs and add ``shared`` quads.

        Graphs that exist already are dropped first, in one transaction; then the whole
        batch goes in with one ``bulk_extend``, which RocksDB ingests as one set of
        files (batches here are far below the bulk loader's one-million-quad chunk), so
        a process killed mid-write leaves each document graph absent or whole. Either
        way, every document graph ends with its ``ta:contentHash``, and ``kg build``
        drops graphs without it (see :mod:`kg.store.catalog`).
        """
        db = self._writable("write documents")
        quads: list[ox.Quad] = []
        names = []
        for graph, items in graphs:
            name = ox.NamedNode(graph)
            names.append(name)
            quads.extend(q if q.graph_name == name else ox.Quad(q.subject, q.predicate, q.object, name)
                         for q in items)
        quads.extend(shared)
        try:
            existing = [n for n in names if db.contains_named_graph(n)]
            if existing:
                db.update(" ;\n".join(f"DROP GRAPH {n}" for n in existing))
            if len(quads) >= 1_000_000:  # beyond one bulk chunk: keep the transaction
                db.extend(quads)
            elif quads:
                db.bulk_extend(quads)
        except (OSError, RuntimeError) as e:
            raise self._write_error(e, "write documents") from e

    def remove_graphs(self, graphs: Iterable[str]) -> int:
        db = self._writable("remove graphs")
        try:
            names = [ox.NamedNode(g) for g in dict.fromkeys(graphs)]
            present = [n for n in names if db.contains_named_graph(n)]
            if present:
                db.update(" ;\n".join(f"DROP GRAPH {n}" for n in present))
        except (OSError, RuntimeError) as e:
            raise self._write_error(e, "remove graphs") from e
        return len(present)

    def remove_graph(self, graph: str) -> bool:
        db = self._writable(f"remove graph <{graph}>")
        name = ox.NamedNode(graph)
        try:
            if not db.contains_named_graph(name):
                return False
            db.remove_graph(name)
        except (OSError, RuntimeError) as e:
            raise self._write_error(e, f"remove graph <{graph}>") from e
        return True

    def update(self, sparql: str) -> None:
        db = self._writable("run an update")
        try:
            db.update(sparql)
        except SyntaxError as e:
            raise QueryError(f"invalid SPARQL update: {_short(e)}") from e
        except (OSError, RuntimeError) as e:
            raise self._write_error(e, "run the update") from e

    def optimize(self) -> None:
        """Compact the on-disk indexes (RocksDB); queries after a large bulk write get
        several times faster. Takes about 5 s per million quads."""
        if self.path is None:
            return
        db = self._writable("optimize the store")
        try:
            db.optimize()
        except (OSError, RuntimeError) as e:
            raise self._write_error(e, "optimize the store") from e

    def load(self, src: str | Path | BinaryIO, fmt: str) -> None:
        """Add the quads of an N-Quads or TriG file (path) or binary stream, in one transaction."""
        rdf_format = _format(fmt)
        where = str(src) if isinstance(src, (str, Path)) else getattr(src, "name", "<stream>")
        db = self._writable(f"load {where}")
        try:
            if isinstance(src, (str, Path)):
                db.load(path=str(src), format=rdf_format)
            else:
                db.load(src, format=rdf_format)
        except SyntaxError as e:
            raise StoreError(f"{where}: not valid {fmt}: {_short(e)}") from e
        except FileNotFoundError as e:
            raise StoreError(f"{where}: no such file") from e
        except (OSError, RuntimeError) as e:
            raise self._write_error(e, f"load {where}") from e

    # -- reading -------------------------------------------------------------------
    def graphs(self) -> list[str]:
        try:
            return sorted(str(g) if isinstance(g, ox.BlankNode) else g.value
                          for g in self._db.named_graphs())
        except OSError as e:
            raise StoreError(f"cannot read store {self._where()}: {_short(e)}") from e

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        name = ox.NamedNode(graph) if graph is not None else None
        try:
            yield from self._db.quads_for_pattern(None, None, None, name)
        except OSError as e:
            raise StoreError(f"cannot read store {self._where()}: {_short(e)}") from e

    def __len__(self) -> int:
        return len(self._db)

    def query(self, sparql: str, *, timeout: float | None = None,
              union_default_graph: bool = True) -> QueryResult | bool | list[ox.Triple]:
        if timeout is None:
            return self._evaluate(sparql, union_default_graph)
        outcome: dict[str, object] = {}

        def work() -> None:
            try:
                outcome["value"] = self._evaluate(sparql, union_default_graph)
            except BaseException as e:  # handed back to the caller's thread below
                outcome["error"] = e

        worker = threading.Thread(target=work, name="kg-query", daemon=True)
        worker.start()
        worker.join(timeout)
        if worker.is_alive():
            # pyoxigraph cannot cancel a running query: the thread finishes on its own.
            logger.warning("query exceeded %ss and was abandoned", timeout)
            raise QueryError(
                f"query did not finish within {timeout:g} s; add a LIMIT or more specific "
                "patterns, or allow a longer timeout"
            )
        if "error" in outcome:
            raise outcome["error"]  # type: ignore[misc]
        return outcome["value"]  # type: ignore[return-value]

    def _evaluate(self, sparql: str, union: bool) -> QueryResult | bool | list[ox.Triple]:
        try:
            result = self._db.query(sparql, use_default_graph_as_union=union)
            if isinstance(result, ox.QueryBoolean):
                return bool(result)
            if isinstance(result, ox.QueryTriples):
                return list(result)
            return _to_result(result)
        except SyntaxError as e:
            raise QueryError(f"invalid SPARQL query: {_short(e)}") from e
        except OSError as e:
            raise StoreError(f"cannot read store {self._where()}: {_short(e)}") from e
        except (RuntimeError, ValueError, TypeError) as e:  # evaluation errors
            raise QueryError(f"query failed: {_short(e)}") from e

    def dump(self, out: str | Path | BinaryIO, fmt: str) -> None:
        rdf_format = _format(fmt)
        prefixes = PREFIXES if fmt == "trig" else None
        target = str(out) if isinstance(out, (str, Path)) else out
        try:
            self._db.dump(target, format=rdf_format, prefixes=prefixes)
        except OSError as e:
            raise StoreError(f"cannot write {fmt} to {out}: {_short(e)}") from e

    # -- lifecycle -----------------------------------------------------------------
    def flush(self) -> None:
        """Make sure every write is on disk."""
        if self._path is not None and not self._read_only:
            self._db.flush()

    def close(self) -> None:
        """Flush and release the store (and its lock on the directory)."""
        if self._store is None:
            return
        try:
            self.flush()
        except OSError as e:
            raise StoreError(f"cannot flush store {self._where()}: {_short(e)}") from e
        finally:
            self._store = None  # dropping the last reference releases the RocksDB lock

    def __repr__(self) -> str:
        return f"OxigraphStore({self._where()!r}{', read_only=True' if self._read_only else ''})"


def _format(fmt: str) -> ox.RdfFormat:
    try:
        return _RDF_FORMATS[fmt]
    except KeyError:
        raise StoreError(
            f"unknown store format {fmt!r}; valid formats: {', '.join(DATASET_FORMATS)}"
        ) from None


def _to_result(solutions: ox.QuerySolutions) -> QueryResult:
    columns = [v.value for v in solutions.variables]
    rows: list[list[str | None]] = []
    kinds: list[list[str | None]] = []
    for solution in solutions:
        row: list[str | None] = []
        kind: list[str | None] = []
        for term in solution:
            if term is None:
                row.append(None)
                kind.append(None)
            elif isinstance(term, ox.NamedNode):
                row.append(term.value)
                kind.append("iri")
            elif isinstance(term, ox.BlankNode):
                row.append(str(term))
                kind.append("bnode")
            elif isinstance(term, ox.Literal):
                row.append(term.value)
                kind.append("number" if term.datatype.value in _NUMERIC else "literal")
            else:  # an RDF 1.2 triple term
                row.append(str(term))
                kind.append("literal")
        rows.append(row)
        kinds.append(kind)
    return QueryResult(columns, rows, kinds)
