"""Write the store in RDF formats (N-Quads, TriG, Turtle, JSON-LD) or as a network
(GraphML, GEXF) for Gephi, Cytoscape and networkx.

>>> from kg.store.oxigraph import OxigraphStore
>>> import io; buf = io.BytesIO()
>>> export(OxigraphStore(), "nquads", buf); buf.getvalue()
b''
"""
from __future__ import annotations

import io
import json
import re
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Iterator

from kg.errors import ExportError, KGError
from kg.vocab import PREFIXES

if TYPE_CHECKING:
    from kg.store.base import Store

FORMATS = ("nquads", "trig", "turtle", "jsonld", "graphml", "gexf")
RDF_FORMATS = ("nquads", "trig", "turtle", "jsonld")
_RDFLIB_NAMES = {"nquads": "nquads", "trig": "trig", "turtle": "turtle", "jsonld": "json-ld"}


def export(store: Store, fmt: str, out: str | Path | BinaryIO, *, include_rejected: bool = False) -> None:
    """Write the whole store to ``out`` (a path or a binary file) in format ``fmt``.

    ``nquads`` and ``trig`` keep the named graph of each document; ``turtle`` is the
    union of all graphs as plain triples; ``jsonld`` keeps named graphs with a compact
    ``@context`` of the kg prefixes; ``graphml`` and ``gexf`` write the entity network
    of :func:`kg.network.to_networkx` with string/number attributes only.

    Facts an analyst rejected (``kg review reject``) are left out, with their evidence
    records, unless ``include_rejected``: then they stay, marked by the decision records
    of the curation graph (RDF formats) or a ``rejected`` edge attribute (graphml, gexf).
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; valid formats: {', '.join(FORMATS)}")
    from kg.review.readers import dump

    if fmt in ("nquads", "trig"):
        dump(store, fmt, out, include_rejected=include_rejected)  # the store translates its own errors
        return
    try:
        if fmt == "turtle":
            data = _turtle(store, include_rejected)
        elif fmt == "jsonld":
            data = _jsonld(store, include_rejected)
        else:
            data = _network(store, fmt, include_rejected)
        _write(out, data)
    except KGError:
        raise
    except (OSError, ValueError, TypeError) as e:
        raise ExportError(f"cannot write {fmt} to {_name(out)}: {e}") from e


def import_file(store: Store, path: str | Path | BinaryIO, fmt: str, *,
                allow_remote: bool = False) -> None:
    """Add the quads of an RDF file (nquads, trig, turtle or jsonld) to ``store``.

    Turtle triples go to the default graph; JSON-LD named graphs stay named graphs.
    ``path`` is a local file or a binary stream, never fetched as a URL, and a JSON-LD
    ``@context`` or ``@import`` that names another document (a URL or a ``file:`` path)
    is an error unless ``allow_remote``. RDF/XML is not read at all, so no XML entity
    is ever expanded.
    """
    if fmt not in RDF_FORMATS:
        raise ExportError(f"cannot import {fmt!r}; importable formats: {', '.join(RDF_FORMATS)}")
    if fmt in ("nquads", "trig"):
        store.load(path, fmt)
        return
    from rdflib import Dataset

    try:
        data = Path(path).read_bytes() if isinstance(path, (str, Path)) else path.read()
    except FileNotFoundError as e:
        raise ExportError(f"{_name(path)}: no such file") from e
    except OSError as e:
        raise ExportError(f"{_name(path)}: cannot read ({e.strerror or e})") from e
    if fmt == "jsonld" and not allow_remote:
        try:
            remote = _remote_context(json.loads(data))
        except (ValueError, RecursionError) as e:
            raise ExportError(f"{_name(path)}: not valid jsonld: {e}") from e
        if remote is not None:
            raise ExportError(f"{_name(path)}: the JSON-LD context {remote!r} is another document; "
                              "kg fetches no context (import_file(..., allow_remote=True) allows it)")
    dataset = Dataset()
    try:
        with _quiet_rdflib():
            dataset.parse(data=data, format=_RDFLIB_NAMES[fmt])
    except Exception as e:  # rdflib parsers raise many unrelated exception types
        raise ExportError(f"{_name(path)}: not valid {fmt}: {e}") from e
    with _quiet_rdflib():
        data = dataset.serialize(format="nquads", encoding="utf-8")
    store.load(io.BytesIO(data), "nquads")


def _remote_context(document) -> str | None:
    """The first ``@context`` or ``@import`` in a JSON-LD document that names another
    document (rdflib would fetch it: a URL, or a local file), else None."""
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key == "@import" and isinstance(value, str):
                    return value
                if key == "@context":
                    for context in value if isinstance(value, list) else [value]:
                        if isinstance(context, str):
                            return context
                stack.append(value)
    return None


def _turtle(store: Store, include_rejected: bool = False) -> bytes:
    from pyoxigraph import RdfFormat, serialize

    from kg.review import filter_quads, rejected_facts

    triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    if not include_rejected:
        triples = list(filter_quads(triples, rejected_facts(store)))
    text = (serialize(triples, format=RdfFormat.TURTLE, prefixes=PREFIXES) or b"").decode("utf-8")
    # "<" and ">" of article text written as \u003C and \u003E: the same literal to any
    # Turtle reader, and no markup to a browser that sniffs the file for HTML
    return _TURTLE_STRING.sub(lambda m: m.group().replace("<", "\\u003C").replace(">", "\\u003E"),
                              text).encode("utf-8")


# A string literal as pyoxigraph writes Turtle: one line, quotes and backslashes escaped.
_TURTLE_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')


def _jsonld(store: Store, include_rejected: bool = False) -> bytes:
    from rdflib import Dataset

    from kg.review.readers import dump

    buffer = io.BytesIO()
    dump(store, "nquads", buffer, include_rejected=include_rejected)
    dataset = Dataset()
    with _quiet_rdflib():
        dataset.parse(data=buffer.getvalue(), format="nquads")
        text = dataset.serialize(format="json-ld", context=dict(PREFIXES), encoding="utf-8")
    document = json.loads(text)
    # rdflib wraps the default graph in {"@graph": [...]} without "@id", which other
    # JSON-LD readers (pyoxigraph, jsonld.js) take for a blank-node graph: unwrap it.
    top: list = []
    for item in document.get("@graph", []):
        if set(item) == {"@graph"}:
            top.extend(item["@graph"])
        else:
            top.append(item)
    if "@graph" in document:
        document["@graph"] = top
    text = json.dumps(document, ensure_ascii=False, indent=2)
    # "<", ">" and "&" only occur inside JSON strings: escaped, they are the same text to
    # a JSON reader and no markup to a browser (as in kg.view's inline data)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").encode("utf-8")


def _network(store: Store, fmt: str, include_rejected: bool = False) -> bytes:
    import networkx as nx

    from kg.network import to_networkx

    graph = flatten_attributes(to_networkx(store, include_rejected=include_rejected))
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, buffer, encoding="utf-8")
    else:
        nx.write_gexf(graph, buffer, encoding="utf-8")
    return buffer.getvalue()


def flatten_attributes(graph):
    """A copy of ``graph`` whose attributes are all strings, numbers or booleans.

    Lists of plain values are joined with ``" | "``; lists of dicts (edge evidence) and
    dicts become JSON text; ``None`` and empty lists are dropped.

    >>> import networkx as nx
    >>> g = nx.Graph(); g.add_node("a", label="A", documents=["d1", "d2"], date=None)
    >>> flatten_attributes(g).nodes["a"]
    {'label': 'A', 'documents': 'd1 | d2'}
    """
    flat = graph.__class__()
    flat.graph.update(_flat(graph.graph))
    flat.add_nodes_from((n, _flat(data)) for n, data in graph.nodes(data=True))
    if graph.is_multigraph():
        flat.add_edges_from((u, v, k, _flat(d)) for u, v, k, d in graph.edges(keys=True, data=True))
    else:
        flat.add_edges_from((u, v, _flat(d)) for u, v, d in graph.edges(data=True))
    return flat


def _flat(data: dict) -> dict:
    out = {}
    for key, value in data.items():
        if value is None or (isinstance(value, (list, tuple, set, dict)) and not value):
            continue
        if isinstance(value, (str, int, float, bool)):
            out[key] = value
        elif isinstance(value, dict) or (isinstance(value, (list, tuple))
                                         and any(isinstance(v, dict) for v in value)):
            out[key] = json.dumps(value, ensure_ascii=False, sort_keys=True)
        elif isinstance(value, (list, tuple, set)):
            items = sorted(value, key=str) if isinstance(value, set) else value
            out[key] = " | ".join(str(v) for v in items)
        else:
            out[key] = str(value)
    return out


@contextmanager
def _quiet_rdflib() -> Iterator[None]:
    """rdflib's own JSON-LD and N-Quads plugins still call its deprecated Dataset API."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        yield


def _write(out: str | Path | BinaryIO, data: bytes) -> None:
    if isinstance(out, (str, Path)):
        Path(out).write_bytes(data)
    else:
        out.write(data)


def _name(target) -> str:
    return str(target) if isinstance(target, (str, Path)) else getattr(target, "name", "<stream>")
