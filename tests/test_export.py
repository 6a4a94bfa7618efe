"""kg.export: every RDF format round-trips (compared by graph isomorphism); the network
formats open in networkx with readable labels."""
from __future__ import annotations

import io
import json

import networkx as nx
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from helpers_rdf import DOCS, KOR, TPD, memory_store, sample_dataset, sample_store  # noqa: F401
from kg.errors import ExportError
from kg.export import FORMATS, export, flatten_attributes, import_file
from kg.store.oxigraph import OxigraphStore

# rdflib's own parsers call its deprecated ConjunctiveGraph API when the tests read back
pytestmark = pytest.mark.filterwarnings("ignore:.*is deprecated.*:DeprecationWarning")

RDF_PARSERS = {"nquads": "nquads", "trig": "trig", "jsonld": "json-ld"}


def graphs_of(dataset: Dataset) -> dict[str, Graph]:
    """Non-empty graphs of a dataset by name ("" for the default graph)."""
    found = {}
    for graph in dataset.graphs():
        if len(graph):
            name = "" if graph.identifier == dataset.default_graph.identifier else str(graph.identifier)
            found[name] = graph
    return found


def union_of(dataset: Dataset) -> Graph:
    union = Graph()
    for graph in dataset.graphs():
        for triple in graph:
            union.add(triple)
    return union


@pytest.mark.parametrize("fmt", ["nquads", "trig", "jsonld"])
def test_export_dataset_formats_round_trip_every_graph(sample_store, tmp_path, fmt):
    path = tmp_path / f"out.{fmt}"
    export(sample_store, fmt, path)
    back = Dataset()
    back.parse(str(path), format=RDF_PARSERS[fmt])
    expected, actual = graphs_of(sample_dataset()), graphs_of(back)
    assert sorted(actual) == sorted(expected) == ["", *DOCS]
    for name, graph in expected.items():
        assert isomorphic(graph, actual[name]), f"graph {name or '(default)'} differs after {fmt}"


def test_export_turtle_is_the_union_of_all_graphs(sample_store):
    out = io.BytesIO()
    export(sample_store, "turtle", out)
    back = Graph().parse(data=out.getvalue(), format="turtle")
    assert isomorphic(back, union_of(sample_dataset()))
    assert b"@prefix ta: <https://w3id.org/techalliance/ontology#>" in out.getvalue()


def test_export_jsonld_uses_kg_prefixes_in_its_context(sample_store):
    out = io.BytesIO()
    export(sample_store, "jsonld", out)
    doc = json.loads(out.getvalue())
    assert doc["@context"]["ta"] == "https://w3id.org/techalliance/ontology#"
    assert "ta:party" in out.getvalue().decode()
    context = doc["@context"]

    def expand(iri: str) -> str:
        prefix, _, rest = iri.partition(":")
        return context[prefix] + rest if prefix in context else iri

    named = {expand(g["@id"]) for g in doc["@graph"] if "@graph" in g}
    assert named == set(DOCS)


def test_export_jsonld_default_graph_stays_default_for_other_readers(sample_store):
    import pyoxigraph as ox

    out = io.BytesIO()
    export(sample_store, "jsonld", out)
    quads = list(ox.parse(out.getvalue(), format=ox.RdfFormat.JSON_LD))
    names = {q.graph_name.value for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
    assert names == set(DOCS)
    assert len(quads) == len(sample_store)


@pytest.mark.parametrize("fmt", ["nquads", "trig", "turtle", "jsonld"])
def test_export_import_file_round_trips_through_the_store(sample_store, tmp_path, fmt):
    path = tmp_path / f"out.{fmt}"
    export(sample_store, fmt, path)
    copy = OxigraphStore()
    import_file(copy, path, fmt)
    if fmt == "turtle":  # triples only: everything lands in the default graph
        assert copy.graphs() == []
    else:
        assert copy.graphs() == DOCS
        assert len(copy) == len(sample_store)
    assert copy.query(f"ASK {{ <{TPD}> <https://w3id.org/techalliance/ontology#party> <{KOR}> }}") is True


@pytest.mark.parametrize("fmt, reader", [
    pytest.param("graphml", nx.read_graphml, id="graphml"),
    pytest.param("gexf", nx.read_gexf, id="gexf"),
])
def test_export_network_formats_open_in_networkx_with_labels(sample_store, tmp_path, fmt, reader):
    path = tmp_path / f"net.{fmt}"
    export(sample_store, fmt, path)
    graph = reader(path)
    labels = {data.get("label") for _, data in graph.nodes(data=True)}
    assert {"South Korea", "United States", "Technology Prosperity Deal"} <= labels
    assert None not in labels
    kor = graph.nodes[KOR]
    assert kor["type"] == "Country"
    assert kor["alt_labels"] == "Korea | Republic of Korea"
    party = [d for u, v, d in graph.edges(data=True) if u == TPD and v == KOR]
    assert len(party) == 1
    evidence = json.loads(party[0]["evidence"])
    assert {e["doc"] for e in evidence} == {"a1", "a2"}


def test_export_writes_to_an_open_binary_file(sample_store, tmp_path):
    path = tmp_path / "out.nq"
    with path.open("wb") as handle:
        export(sample_store, "nquads", handle)
    assert path.read_bytes().count(b"\n") == len(sample_store)


def test_export_unknown_format_lists_valid_ones(sample_store, tmp_path):
    with pytest.raises(ExportError, match="valid formats: " + ", ".join(FORMATS)):
        export(sample_store, "rdfxml", tmp_path / "x")
    assert not (tmp_path / "x").exists()


def test_export_import_reports_bad_input(memory_store, tmp_path):
    bad = tmp_path / "bad.jsonld"
    bad.write_text("{ not json")
    with pytest.raises(ExportError, match="bad.jsonld: not valid jsonld"):
        import_file(memory_store, bad, "jsonld")
    with pytest.raises(ExportError, match="importable formats: nquads, trig, turtle, jsonld"):
        import_file(memory_store, bad, "graphml")


def test_export_flatten_attributes_keeps_only_plain_values():
    graph = nx.MultiDiGraph()
    graph.add_node("a", label="A", documents=["d1", "d2"], date=None, alt_labels=[], meta={"k": 1})
    graph.add_edge("a", "b", key="party", weight=2, evidence=[{"doc": "d1", "sentence": "S."}])
    flat = flatten_attributes(graph)
    assert flat.nodes["a"] == {"label": "A", "documents": "d1 | d2", "meta": '{"k": 1}'}
    assert flat.edges["a", "b", "party"] == {"weight": 2, "evidence": '[{"doc": "d1", "sentence": "S."}]'}
    assert graph.nodes["a"]["documents"] == ["d1", "d2"]  # the original is untouched
