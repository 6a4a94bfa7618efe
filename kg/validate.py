"""SHACL validation of a store: each document graph on its own, against ontology/shapes.ttl.

A document graph ``tai:doc/{id}`` must be self-contained (the types and labels of every
node a fact touches, and an evidence record per fact, in that same graph), so each one is
validated as its own data graph, joined with nothing else, with inference ``none``. The
derived graph (:data:`kg.rules.DERIVED_GRAPH`) is validated too, when present.

>>> from kg.store.oxigraph import OxigraphStore
>>> report = validate_store(OxigraphStore())
>>> report.conforms, report.graphs
(True, [])
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .errors import ValidationError
from .log import logger
from .vocab import XSD, compact, doc_iri

if TYPE_CHECKING:
    from rdflib import Graph

    from .store.base import Store

_DOC_PREFIX = doc_iri("")
_SH = "http://www.w3.org/ns/shacl#"
_IRI = re.compile(r"<?(https?://[^\s<>\"{}|^`(),]+)>?")


@dataclass(frozen=True)
class Violation:
    """One SHACL result: where (graph, focus node, path, value) and what is wrong.

    ``document`` is the document id (``tai:doc/{id}`` -> ``id``), or ``"derived"`` for
    the derived graph; IRIs are full; ``value`` is an IRI or a literal in N-Triples
    form (``"soon"``, ``"2025"^^<...#gYear>``); ``component`` is the SHACL constraint
    component's local name (``MinCountConstraintComponent``).
    """

    document: str
    graph: str
    focus: str
    path: str | None
    value: str | None
    message: str
    component: str = ""
    severity: str = "Violation"

    def to_dict(self, *, compact_iris: bool = False) -> dict:
        """The violation as a JSON-ready dict (IRIs shortened when ``compact_iris``)."""
        data = asdict(self)
        if compact_iris:
            for key in ("focus", "path", "value", "message"):
                if data[key]:
                    data[key] = compact_text(data[key])
        return data


@dataclass
class ValidationReport:
    """What :func:`validate_store` found: the graphs it checked and their violations."""

    graphs: list[str] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        """True when no graph has a violation."""
        return not self.violations

    def by_document(self) -> dict[str, list[Violation]]:
        """Violations grouped per document id, in graph order."""
        grouped: dict[str, list[Violation]] = {}
        for v in self.violations:
            grouped.setdefault(v.document, []).append(v)
        return grouped

    def raise_for_violations(self) -> None:
        """Raise :class:`~kg.errors.ValidationError` if any graph does not conform."""
        if self.violations:
            bad = self.by_document()
            first = self.violations[0]
            raise ValidationError(
                f"{len(self.violations)} SHACL violation(s) in {len(bad)} of {len(self.graphs)} "
                f"graph(s), first in {first.document}: {compact_text(first.message)}; "
                "run `kg validate --store DIR` for the full list")

    def to_dict(self, *, compact_iris: bool = True) -> dict:
        """The report as a JSON-ready dict."""
        return {
            "conforms": self.conforms,
            "graphs": len(self.graphs),
            "violations": [v.to_dict(compact_iris=compact_iris) for v in self.violations],
        }


def compact_text(text: str) -> str:
    """Shorten every known-namespace IRI inside ``text`` (``<...#date>`` -> ``ta:date``)."""
    def short(m: re.Match) -> str:
        iri = m.group(1)
        short_form = compact(iri)
        return short_form if short_form != iri else m.group(0)
    return _IRI.sub(short, text)


def document_id(graph: str) -> str:
    """``tai:doc/{id}`` -> ``id``; the derived graph -> ``"derived"``; else the IRI."""
    from .rules import DERIVED_GRAPH

    if graph.startswith(_DOC_PREFIX):
        return graph[len(_DOC_PREFIX):]
    return "derived" if graph == DERIVED_GRAPH else graph


def load_shapes(shapes: str | Path | Graph | None = None) -> Graph:
    """The SHACL shapes as an rdflib Graph: ``ontology/shapes.ttl`` by default, a Turtle
    file, or a Graph given as is."""
    from rdflib import Graph

    if isinstance(shapes, Graph):
        return shapes
    from .resources import ontology

    path = Path(shapes) if shapes is not None else ontology("shapes.ttl")
    try:
        return Graph().parse(path, format="turtle")
    except FileNotFoundError as e:
        raise ValidationError(f"shapes file {path} not found; give a Turtle file of SHACL shapes") from e
    except Exception as e:  # rdflib raises many parser exception types
        raise ValidationError(f"cannot read shapes file {path}: {e}") from e


def validated_graphs(store: Store) -> list[str]:
    """The graphs :func:`validate_store` checks: every document graph, then the derived one."""
    from .rules import DERIVED_GRAPH

    names = store.graphs()
    docs = [g for g in names if g.startswith(_DOC_PREFIX)]
    return docs + ([DERIVED_GRAPH] if DERIVED_GRAPH in names else [])


def validate_store(store: Store, *, shapes: str | Path | Graph | None = None,
                   graphs: Iterable[str] | None = None) -> ValidationReport:
    """Validate each document graph of ``store`` (and the derived graph) with SHACL.

    Each graph is checked together with what the entities graph says of the nodes it
    uses (their types, so the shapes' target classes apply).

    ``shapes`` is a Turtle file or rdflib Graph (default: ``ontology/shapes.ttl``);
    ``graphs`` restricts the check to some graph IRIs. Each graph is its own data graph,
    validated with pyshacl (inference ``none``, advanced features on).
    """
    from .vocab import ENTITIES_GRAPH

    shapes_graph = load_shapes(shapes)
    report = ValidationReport()
    about: dict = {}  # the entities graph, by subject: types and gazetteer facts
    for q in store.quads(ENTITIES_GRAPH):
        about.setdefault(q.subject, []).append(q)
    for graph in (list(graphs) if graphs is not None else validated_graphs(store)):
        report.graphs.append(graph)
        quads = list(store.quads(graph))
        if graph.startswith(_DOC_PREFIX):
            extra = [q for node in {q.subject for q in quads} | {q.object for q in quads}
                     for q in about.get(node, ())]
            extra += [q for node in {q.object for q in extra} for q in about.get(node, ())]
            quads += extra
        report.violations.extend(validate_quads(quads, graph, shapes=shapes_graph))
    logger.info("validated %d graphs: %d violations", len(report.graphs), len(report.violations))
    return report


def validate_quads(quads: Iterable, graph: str, *, shapes: Graph) -> list[Violation]:
    """Validate the triples of ``quads`` (pyoxigraph quads; graph names ignored) as one
    data graph named ``graph``; return its violations."""
    from pyshacl import validate

    data = _data_graph(quads)
    try:
        conforms, results, _ = validate(data, shacl_graph=shapes, inference="none",
                                        advanced=True, inplace=True)
    except Exception as e:  # pyshacl reports bad shapes with its own exception types
        raise ValidationError(f"SHACL validation of <{graph}> failed: {e}") from e
    return [] if conforms else _violations(results, graph)


def _data_graph(quads: Iterable):
    """A data graph pyshacl can read: an in-memory pyoxigraph store when this pyshacl
    supports one (its SPARQL constraints then run in Oxigraph, much faster), else rdflib."""
    import pyoxigraph as ox

    triples = [(q.subject, q.predicate, q.object) for q in quads]
    try:
        from pyshacl.graph_abstraction import has_oxigraph
    except ImportError:
        has_oxigraph = False
    if has_oxigraph:
        data = ox.Store()
        data.extend([ox.Quad(s, p, o, ox.DefaultGraph()) for s, p, o in triples])
        return data
    from rdflib import Graph

    text = "\n".join(f"{s} {p} {o} ." for s, p, o in triples)
    return Graph().parse(data=text, format="nt")


def _term_text(term) -> str:
    """An IRI as is; a literal as ``"lex"``, ``"lex"@lang`` or ``"lex"^^<datatype>``."""
    from rdflib import Literal

    if not isinstance(term, Literal):
        return str(term)
    text = '"' + str(term).replace("\\", "\\\\").replace('"', '\\"') + '"'
    if term.language:
        return f"{text}@{term.language}"
    if term.datatype is not None and str(term.datatype) != XSD + "string":
        return f"{text}^^<{term.datatype}>"
    return text


def _violations(results: Graph, graph: str) -> list[Violation]:
    from rdflib import BNode, Namespace
    from rdflib.namespace import RDF

    SH = Namespace(_SH)
    document = document_id(graph)
    found = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        def one(p):
            return results.value(r, p)
        focus, path, value = one(SH.focusNode), one(SH.resultPath), one(SH.value)
        messages = sorted(str(m) for m in results.objects(r, SH.resultMessage))
        component = one(SH.sourceConstraintComponent)
        severity = one(SH.resultSeverity)
        found.append(Violation(
            document=document, graph=graph,
            focus=str(focus) if not isinstance(focus, BNode) else f"_:{focus}",
            path=str(path) if path is not None and not isinstance(path, BNode) else None,
            value=_term_text(value) if value is not None else None,
            message="; ".join(messages) or (str(component).rsplit("#", 1)[-1] if component else "violation"),
            component=str(component).rsplit("#", 1)[-1] if component else "",
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
        ))
    return sorted(found, key=lambda v: (v.focus, v.path or "", v.value or "", v.message))
