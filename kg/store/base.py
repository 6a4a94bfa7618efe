"""The one interface every kg store implements (embedded Oxigraph now, remote SPARQL later).

Terms handed in and out are pyoxigraph objects (``NamedNode``, ``BlankNode``, ``Literal``,
``Quad``, ``Triple``), which every backend can produce; nothing here depends on how a
backend keeps its data.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Iterable, Iterator, Sequence

if TYPE_CHECKING:  # only for annotations: importing kg.store stays light
    from pyoxigraph import Quad, Triple

def nt_line(quad) -> str:
    """A quad's triple as one N-Triples line (pyoxigraph terms print in N-Triples form),
    for the ``INSERT DATA`` blocks the stores send."""
    return f"{quad.subject} {quad.predicate} {quad.object} ."


#: Serialisations every store can ``dump`` and ``load`` (datasets with named graphs).
DATASET_FORMATS = ("nquads", "trig")


@dataclass
class QueryResult:
    """The table a SPARQL ``SELECT`` returns, with plain Python values.

    ``rows`` hold IRIs as full IRI strings, literals as their lexical value, blank nodes
    as ``_:id`` and unbound variables as ``None``. ``kinds`` runs parallel to ``rows``
    and tells, per cell, ``"iri"``, ``"bnode"``, ``"literal"``, ``"number"`` or ``None``,
    so formatters can shorten IRIs and print numbers as numbers.

    >>> r = QueryResult(["x", "n"], [["https://w3id.org/techalliance/id/country/KOR", "3"]])
    >>> r.records()
    [{'x': 'https://w3id.org/techalliance/id/country/KOR', 'n': '3'}]
    """

    columns: list[str]
    rows: list[list[str | None]]
    kinds: list[list[str | None]] = field(default_factory=list, repr=False)

    def records(self) -> list[dict[str, str | None]]:
        """One dict per row, column name -> value."""
        return [dict(zip(self.columns, row)) for row in self.rows]

    def column(self, name: str) -> list[str | None]:
        """All values of one column, in row order."""
        i = self.columns.index(name)
        return [row[i] for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)


class Store(ABC):
    """A quad store: named graph per document, SPARQL over the union of all graphs.

    Use it as a context manager so the store is closed (and, for the embedded store,
    its lock released) when you are done::

        with open_store("kg-store") as store:
            store.replace_graph(doc_iri("a1"), quads)
    """

    # -- writing -------------------------------------------------------------------
    @abstractmethod
    def add(self, quads: Iterable[Quad]) -> int:
        """Add quads in bulk; return how many were handed in."""

    @abstractmethod
    def replace_graph(self, graph: str, quads: Iterable[Quad]) -> None:
        """Drop the named graph ``graph`` and insert ``quads`` into it, as one transaction.

        The quads' own graph names are ignored: all of them go into ``graph``. Either
        the whole new graph is visible afterwards or, on failure, the old one is intact.
        """

    def write_documents(self, graphs: Sequence[tuple[str, Sequence[Quad]]],
                        shared: Sequence[Quad] = ()) -> None:
        """Write a batch of document graphs at once: each ``(graph, quads)`` replaces the
        named graph ``graph`` (the quads' own graph names are ignored), and ``shared``
        quads are added to the graphs they name (the entities graph, typically).

        The batch is all or nothing as far as the backend allows: a build killed
        mid-batch leaves each document graph either absent, old or whole. This default
        sends one SPARQL Update (one transaction on every SPARQL 1.1 store); backends
        override it with something faster.
        """
        if not graphs and not shared:
            return
        drops = [f"DROP SILENT GRAPH <{g}>" for g, _ in graphs]
        by_graph = {f"<{g}>": [nt_line(q) for q in quads] for g, quads in graphs}
        for q in shared:
            by_graph.setdefault(str(q.graph_name), []).append(nt_line(q))
        blocks = [f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items()]
        request = " ;\n".join(drops + ["INSERT DATA {\n" + "\n".join(blocks) + "\n}"])
        self.update(request)

    @abstractmethod
    def remove_graph(self, graph: str) -> bool:
        """Delete a named graph; return whether it existed."""

    def remove_graphs(self, graphs: Iterable[str]) -> int:
        """Delete several named graphs in one request; return how many existed."""
        graphs = list(graphs)
        if not graphs:
            return 0
        existing = set(self.graphs())
        present = [g for g in graphs if g in existing]
        if present:
            self.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in present))
        return len(present)

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update request."""

    def optimize(self) -> None:
        """Reorganise storage for reading after a large write (``kg build`` calls it after
        writing many quads). Servers manage their own storage: nothing to do by default."""

    @abstractmethod
    def load(self, src: str | Path | BinaryIO, fmt: str) -> None:
        """Add the quads of an N-Quads (``"nquads"``) or TriG (``"trig"``) file or stream."""

    # -- reading -------------------------------------------------------------------
    @abstractmethod
    def graphs(self) -> list[str]:
        """The IRIs of all named graphs, sorted."""

    @abstractmethod
    def quads(self, graph: str | None = None) -> Iterator[Quad]:
        """All quads, or those of one named graph."""

    @abstractmethod
    def __len__(self) -> int:
        """Number of quads in the store."""

    @abstractmethod
    def query(
        self, sparql: str, *, timeout: float | None = None, union_default_graph: bool = True
    ) -> QueryResult | bool | list[Triple]:
        """Evaluate a SPARQL query.

        SELECT gives a :class:`QueryResult`, ASK a ``bool``, CONSTRUCT and DESCRIBE a
        list of pyoxigraph ``Triple``. With ``union_default_graph`` (the default) the
        query's default graph is the union of all graphs; otherwise it is the store's
        own default graph. A query running longer than ``timeout`` seconds raises
        :class:`~kg.errors.QueryError`.
        """

    @abstractmethod
    def dump(self, out: str | Path | BinaryIO, fmt: str) -> None:
        """Write every quad as N-Quads (``"nquads"``) or TriG (``"trig"``)."""

    # -- lifecycle -----------------------------------------------------------------
    @property
    @abstractmethod
    def path(self) -> Path | None:
        """Where the store lives on disk (``None`` for in-memory or remote stores)."""

    @abstractmethod
    def close(self) -> None:
        """Release the store; further calls raise :class:`~kg.errors.StoreError`."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
