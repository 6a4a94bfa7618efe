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


def export(store: Store, fmt: str, out: str | Path | BinaryIO) -> None:
    """Write the whole store to ``out`` (a path or a binary file) in format ``fmt``.

    ``nquads`` and ``trig`` keep the named graph of each document; ``turtle`` is the
    union of all graphs as plain triples; ``jsonld`` keeps named graphs with a compact
    ``@context`` of the kg prefixes; ``graphml`` and ``gexf`` write the entity network
    of :func:`kg.network.to_networkx` with string/number attributes only.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; valid formats: {', '.join(FORMATS)}")
    if fmt in ("nquads", "trig"):
        store.dump(out, fmt)  # the store translates its own errors
        return
    try:
        if fmt == "turtle":
            data = _turtle(store)
        elif fmt == "jsonld":
            data = _jsonld(store)
        else:
            data = _network(store, fmt)
        _write(out, data)
    except KGError:
        raise
    except (OSError, ValueError, TypeError) as e:
        raise ExportError(f"cannot write {fmt} to {_name(out)}: {e}") from e


def import_file(store: Store, path: str | Path | BinaryIO, fmt: str) -> None:
    """Add the quads of an RDF file (nquads, trig, turtle or jsonld) to ``store``.

    Turtle triples go to the default graph; JSON-LD named graphs stay named graphs.
    """
    if fmt not in RDF_FORMATS:
        raise ExportError(f"cannot import {fmt!r}; importable formats: {', '.join(RDF_FORMATS)}")
    if fmt in ("nquads", "trig"):
        store.load(path, fmt)
        return
    from rdflib import Dataset

    dataset = Dataset()
    try:
        source = str(path) if isinstance(path, (str, Path)) else path
        with _quiet_rdflib():
            dataset.parse(source, format=_RDFLIB_NAMES[fmt])
    except FileNotFoundError as e:
        raise ExportError(f"{_name(path)}: no such file") from e
    except Exception as e:  # rdflib parsers raise many unrelated exception types
        raise ExportError(f"{_name(path)}: not valid {fmt}: {e}") from e
    with _quiet_rdflib():
        data = dataset.serialize(format="nquads", encoding="utf-8")
    store.load(io.BytesIO(data), "nquads")


def _turtle(store: Store) -> bytes:
    from pyoxigraph import RdfFormat, serialize

    triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    return serialize(triples, format=RdfFormat.TURTLE, prefixes=PREFIXES) or b""


def _jsonld(store: Store) -> bytes:
    from rdflib import Dataset

    buffer = io.BytesIO()
    store.dump(buffer, "nquads")
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
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def _network(store: Store, fmt: str) -> bytes:
    import networkx as nx

    from kg.network import to_networkx

    graph = flatten_attributes(to_networkx(store))
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
