"""kg.network.to_networkx: the full entity graph and the country projection."""
from __future__ import annotations

import networkx as nx
import pyoxigraph as ox
import pytest

from helpers_rdf import (AI, CHN, CONTROL, JPN, JPN_USA, KOR, TPD, USA, memory_store,  # noqa: F401
                         sample_store)
from kg.errors import KGError
from kg.network import to_networkx
from kg.vocab import DCTERMS, PROV, RDF, RDFS, TA, TAI

LEE = f"{TAI}person/lee-jae-myung"
DOC_A1 = f"{TAI}doc/a1"


@pytest.fixture
def full(sample_store):
    return to_networkx(sample_store)


def test_network_full_is_a_multidigraph_of_typed_entities(full):
    assert isinstance(full, nx.MultiDiGraph)
    types = {data["type"] for _, data in full.nodes(data=True)}
    assert types == {"Country", "Person", "Place", "Agreement", "Summit", "ExportControl", "TechnologyDomain"}
    assert DOC_A1 not in full  # documents only on request
    assert not any(n.startswith(f"{TAI}evidence/") for n in full)


@pytest.mark.parametrize("node, expected", [
    pytest.param(KOR, {"label": "South Korea", "type": "Country", "iri": KOR, "documents": ["a1", "a2"],
                       "alt_labels": ["Korea", "Republic of Korea"]}, id="country with alt labels"),
    pytest.param(TPD, {"label": "Technology Prosperity Deal", "type": "Agreement", "date": "2025-10-29",
                       "status": "Completed", "documents": ["a1", "a2"]},
                 id="agreement: planned in a1, completed in a2 -> Completed"),
    pytest.param(JPN_USA, {"date": "2025-10", "status": "Completed", "documents": ["a2"]},
                 id="agreement dated to the month"),
    pytest.param(AI, {"label": "artificial intelligence", "type": "TechnologyDomain", "alt_labels": ["AI"],
                      "documents": ["a1", "a2"]}, id="domain labelled in the default graph"),
])
def test_network_full_node_attributes(full, node, expected):
    data = full.nodes[node]
    assert {key: data.get(key) for key in expected} == expected


def test_network_full_node_without_label_uses_local_name(memory_store):
    memory_store.add([ox.Quad(ox.NamedNode(f"{TAI}org/nato"), ox.NamedNode(RDF + "type"),
                              ox.NamedNode(TA + "Organization"), ox.NamedNode(DOC_A1))])
    graph = to_networkx(memory_store)
    assert graph.nodes[f"{TAI}org/nato"]["label"] == "nato"
    assert "date" not in graph.nodes[f"{TAI}org/nato"]


def test_network_full_edges_are_facts_keyed_by_predicate(full):
    assert full.has_edge(TPD, KOR, "party")
    edge = full.edges[TPD, KOR, "party"]
    assert edge["label"] == "party" and edge["predicate"] == TA + "party"
    assert edge["documents"] == ["a1", "a2"]
    assert sorted(full[TPD][LEE]) == ["signatory"]
    assert sorted(full[CONTROL][CHN]) == ["targets"]
    predicates = {d["label"] for _, _, d in full.edges(data=True)}
    assert predicates.isdisjoint({"type", "label", "altLabel", "subject", "predicate", "object",
                                  "wasDerivedFrom", "mentions", "status", "date"})


def test_network_full_edge_from_default_graph_has_no_documents(full):
    assert full.edges[f"{TAI}place/gyeongju", KOR, "locatedIn"]["documents"] == []


def test_network_full_edges_carry_their_evidence(full):
    evidence = full.edges[TPD, KOR, "party"]["evidence"]
    assert [(e["doc"], e["title"], e["published"], e["url"], e["confidence"]) for e in evidence] == [
        ("a1", "Korea and US to sign technology deal", "2025-10-29", "https://news.example/a1", 0.9),
        ("a2", "US and Korea sign deal; US-Japan AI accord", "2025-10-30", "https://news.example/a2", 0.95),
    ]
    assert evidence[1]["sentence"] == "Seoul and Washington signed the deal on Wednesday."
    blank = full.edges[CONTROL, CHN, "targets"]["evidence"]  # evidence record is a blank node
    assert [(e["doc"], e["url"]) for e in blank] == [("a3", None)]
    assert full.edges[TPD, USA, "party"]["evidence"] == []


def test_network_include_documents_adds_documents_and_mentions(sample_store):
    graph = to_networkx(sample_store, include_documents=True)
    assert graph.nodes[DOC_A1]["type"] == "Document"
    assert graph.nodes[DOC_A1]["label"] == "Korea and US to sign technology deal"  # its title
    assert graph.has_edge(DOC_A1, KOR, "mentions")
    assert graph.edges[DOC_A1, KOR, "mentions"]["documents"] == ["a1"]


def test_network_countries_projection_links_agreement_parties(sample_store):
    graph = to_networkx(sample_store, projection="countries")
    assert isinstance(graph, nx.Graph) and not graph.is_directed()
    assert set(graph) == {KOR, USA, JPN, CHN}
    assert graph.nodes[KOR]["label"] == "South Korea"
    assert graph.edges[KOR, USA] == {"weight": 1, "agreements": ["Technology Prosperity Deal"],
                                     "label": "1 agreement"}
    assert graph.has_edge(JPN, USA)
    assert graph.degree(CHN) == 0  # export controls are not alliances


def test_network_countries_projection_counts_distinct_agreements(sample_store):
    extra = f"{TAI}agreement/kor-usa-chips"
    g = ox.NamedNode(f"{TAI}doc/a4")
    sample_store.replace_graph(g.value, [
        ox.Quad(ox.NamedNode(extra), ox.NamedNode(RDF + "type"), ox.NamedNode(TA + "Agreement"), g),
        ox.Quad(ox.NamedNode(extra), ox.NamedNode(RDFS + "label"), ox.Literal("Chips pact"), g),
        ox.Quad(ox.NamedNode(extra), ox.NamedNode(TA + "party"), ox.NamedNode(KOR), g),
        ox.Quad(ox.NamedNode(extra), ox.NamedNode(TA + "party"), ox.NamedNode(USA), g),
    ])
    edge = to_networkx(sample_store, projection="countries").edges[KOR, USA]
    assert edge["weight"] == 2
    assert edge["agreements"] == ["Chips pact", "Technology Prosperity Deal"]
    assert edge["label"] == "2 agreements"


def test_network_unknown_projection_lists_valid_ones(sample_store):
    with pytest.raises(KGError, match="valid projections: full, countries"):
        to_networkx(sample_store, projection="people")


def test_network_empty_store_gives_empty_graph(memory_store):
    assert to_networkx(memory_store).number_of_nodes() == 0
    assert to_networkx(memory_store, projection="countries").number_of_nodes() == 0


def _add_documents(store, n: int) -> None:
    """n documents, each with an agreement between two countries and its evidence."""
    def node(x):
        return ox.NamedNode(x)

    for i in range(n):
        g = node(f"{TAI}doc/bulk{i}")
        agreement = node(f"{TAI}agreement/bulk{i % 40}")
        a, b = node(f"{TAI}country/C{i % 7}"), node(f"{TAI}country/D{i % 5}")
        e = node(f"{TAI}evidence/bulk{i}")
        store.replace_graph(g.value, [ox.Quad(*t, g) for t in [
            (g, node(RDF + "type"), node(TA + "Document")), (g, node(DCTERMS + "title"), ox.Literal(f"T{i}")),
            (agreement, node(RDF + "type"), node(TA + "Agreement")),
            (a, node(RDF + "type"), node(TA + "Country")), (b, node(RDF + "type"), node(TA + "Country")),
            (agreement, node(TA + "party"), a), (agreement, node(TA + "party"), b),
            (e, node(RDF + "type"), node(TA + "Evidence")), (e, node(RDF + "subject"), agreement),
            (e, node(RDF + "predicate"), node(TA + "party")), (e, node(RDF + "object"), a),
            (e, node(TA + "sentence"), ox.Literal(f"S{i}")), (e, node(PROV + "wasDerivedFrom"), g),
        ]])


@pytest.mark.parametrize("projection", ["full", "countries"])
def test_network_reads_with_a_few_queries_whatever_the_size(memory_store, projection):
    calls = []
    original = memory_store.query

    def counting(sparql, **kwargs):
        calls.append(sparql)
        return original(sparql, **kwargs)

    memory_store.query = counting
    _add_documents(memory_store, 20)
    to_networkx(memory_store, projection=projection)
    few = len(calls)
    calls.clear()
    _add_documents(memory_store, 200)
    graph = to_networkx(memory_store, projection=projection)
    assert len(calls) == few <= 9  # 9: kg review's decisions, and the syndicated copies (stories)
    assert graph.number_of_nodes() == (52 if projection == "full" else 12)
