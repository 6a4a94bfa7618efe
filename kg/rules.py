"""Derived relations: SPARQL CONSTRUCT rules over the document graphs.

Each rule is a ``.rq`` file in ``queries/rules/`` whose leading comments say what it
derives (``aligned-with.rq``, ``controls-targeted-at.rq``, ``support-count.rq``).
:func:`apply_rules` evaluates every rule over the union of the store's graphs and writes
all their triples into one named graph, :data:`DERIVED_GRAPH`, replacing what was there
in a single transaction; ``kg build`` calls it after each build, so derived facts follow
the documents (also when a document is removed or rebuilt).

>>> from kg.store.oxigraph import OxigraphStore
>>> store = OxigraphStore()
>>> apply_rules(store)["aligned-with"]
0
>>> DERIVED_GRAPH in store.graphs()
False
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .errors import QueryError
from .log import logger
from .vocab import TAI

if TYPE_CHECKING:
    from .store.base import Store

#: The named graph that holds every derived triple (and nothing else).
DERIVED_GRAPH = f"{TAI}graph/derived"


def rule_files(folder: str | Path | None = None) -> dict[str, Path]:
    """Rule name (file stem) -> ``.rq`` file, sorted by name.

    ``folder`` defaults to the ``queries/rules/`` folder shipped with kg.
    """
    if folder is None:
        from .resources import queries

        folder = queries() / "rules"
    folder = Path(folder)
    return {p.stem: p for p in sorted(folder.glob("*.rq"))} if folder.is_dir() else {}


def rule_description(path: str | Path) -> str:
    """The first comment line of a rule file (what the rule derives)."""
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            return line.lstrip("# ").strip()
        if line.strip():
            break
    return ""


def derive(store: Store, *, folder: str | Path | None = None) -> dict[str, list]:
    """Evaluate every rule on ``store`` without writing; rule name -> derived triples."""
    from .query import run_query

    derived: dict[str, list] = {}
    for name, path in rule_files(folder).items():
        sparql = path.read_text(encoding="utf-8")
        try:
            result = run_query(store, sparql)
        except QueryError as e:
            raise QueryError(f"rule {path}: {e}") from e
        if not isinstance(result, list):
            raise QueryError(f"rule {path} is not a CONSTRUCT query; a rule must build triples")
        derived[name] = result
    return derived


def apply_rules(store: Store, *, folder: str | Path | None = None) -> dict[str, int]:
    """Recompute :data:`DERIVED_GRAPH` from all rules; return rule name -> triple count.

    The derived graph is dropped and rewritten in one transaction, so applying the rules
    twice gives the same graph (no duplicates), and a store without documents ends up
    without a derived graph.
    """
    from pyoxigraph import NamedNode, Quad

    from .store import factindex

    if not factindex.exists(store) and any(g.startswith(factindex.DOC_PREFIX) for g in store.graphs()):
        factindex.rebuild(store)  # the rules read the fact index: a store without one gets it
    graph = NamedNode(DERIVED_GRAPH)
    derived = derive(store, folder=folder)
    quads = {Quad(t.subject, t.predicate, t.object, graph) for triples in derived.values() for t in triples}
    store.replace_graph(DERIVED_GRAPH, sorted(quads, key=str))
    counts = {name: len(triples) for name, triples in derived.items()}
    logger.info("derived %d triples into <%s>: %s", len(quads), DERIVED_GRAPH, counts)
    return counts
