"""RDF store -> networkx graph: the full entity graph, or a projection onto countries.

Everything is read with a handful of SPARQL queries (types, labels, facts, evidence),
never one query per node, so conversion stays fast on stores of 100k+ triples.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations
from typing import TYPE_CHECKING

from kg.errors import KGError
from kg.vocab import TAI, CORE_CLASSES, DCTERMS, PREFIXES, PROV, RDF, RDFS, SKOS, TA, doc_iri, local_name

if TYPE_CHECKING:
    import networkx as nx

    from kg.store.base import QueryResult, Store

PROJECTIONS = ("full", "countries")

_HEADER = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
# Triples that are plumbing rather than facts between entities.
_NOT_FACTS = (RDF + "type", RDFS + "label", SKOS + "altLabel", RDF + "subject",
              RDF + "predicate", RDF + "object", PROV + "wasDerivedFrom")
_STATUS_ORDER = ("Completed", "Cancelled", "Planned")  # tie-break between documents


def to_networkx(store: Store, *, projection: str = "full", include_documents: bool = False,
                include_rejected: bool = False):
    """Turn the store into a networkx graph.

    ``projection="full"``: a ``MultiDiGraph`` with one node per typed entity (node id =
    IRI; attributes ``label``, ``type``, ``iri``, ``date``, ``status``, ``documents``,
    ``sources``, ``alt_labels``) and one edge per fact between two entities, keyed by the
    predicate's local name, with ``label``, ``predicate``, ``documents``, ``sources`` and
    ``evidence`` (dicts with ``sentence``, ``doc``, ``title``, ``published``, ``url``,
    ``confidence``). ``sources`` counts distinct stories: syndicated copies of one story
    (``ta:sameStoryAs``) count once, and so do they when a date or status is chosen.
    ``include_documents`` adds ``ta:Document`` nodes and their ``mentions`` edges.

    ``projection="countries"``: a ``Graph`` of countries, linked when they are parties
    to the same agreement (``weight`` = number of agreements, ``agreements`` = their
    labels, ``label`` = "N agreements").

    Facts an analyst rejected (``kg review``) are left out, unless ``include_rejected``:
    then their edges carry ``rejected=True`` and the decision (``review``).
    """
    if projection not in PROJECTIONS:
        raise KGError(f"unknown projection {projection!r}; valid projections: {', '.join(PROJECTIONS)}")
    import networkx as nx

    classes = [c for c in CORE_CLASSES if include_documents or c != "Document"]
    nodes = _node_types(store, ["Country"] if projection == "countries" else classes)
    from kg.review import rejected_facts
    from kg.review.readers import network_facts, rejected_edge

    rejected = rejected_facts(store)
    facts = network_facts(store, _facts(store, classes, include_documents), {} if include_rejected else rejected)
    stories = story_of(store)
    attrs = _node_attributes(store, nodes, facts, stories)
    if projection == "countries":
        graph = nx.Graph()
        graph.add_nodes_from(sorted(attrs.items()))
        _add_country_edges(store, graph, {} if include_rejected else rejected)
        return graph
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(sorted(attrs.items()))
    evidence = _evidence(store)
    for (s, p, o, o_is_iri), docs in sorted(facts.items()):
        if s not in nodes or not o_is_iri or o not in nodes:
            continue
        key = local_name(p)
        if graph.has_edge(s, o, key) and graph.edges[s, o, key]["predicate"] != p:
            key = p  # two vocabularies with the same local name between the same nodes
        named = sorted(d for d in docs if d is not None)
        graph.add_edge(s, o, key=key, label=local_name(p), predicate=p, documents=named,
                       sources=count_stories(named, stories), evidence=evidence.get((s, p, o), []),
                       **rejected_edge(rejected, s, p, o))
    return graph


def _doc_id(graph: str) -> str:
    """``tai:doc/{id}`` -> ``id`` (any other graph IRI -> its local name)."""
    prefix = doc_iri("")
    return graph[len(prefix):] if graph.startswith(prefix) else local_name(graph)


def story_of(store: Store) -> dict[str, str]:
    """Id of each syndicated copy -> id of its story's first document (ta:sameStoryAs,
    :mod:`kg.sources.stories`); documents that copy none are not listed."""
    result = _select(store, "SELECT ?copy ?first WHERE { GRAPH ?copy { ?copy ta:sameStoryAs ?first } }")
    return {_doc_id(copy): _doc_id(first) for copy, first in result.rows}


def count_stories(documents, stories: dict[str, str]) -> int:
    """How many distinct stories the document ids ``documents`` are (None: the default graph)."""
    return len({stories.get(d, d) if d is not None else None for d in documents})


def _select(store: Store, body: str, *, union: bool = True) -> QueryResult:
    return store.query(_HEADER + body, union_default_graph=union)


def _node_types(store: Store, classes: list[str]) -> dict[str, str]:
    """IRI -> core class local name (the first in CORE_CLASSES order if several)."""
    values = " ".join(f"ta:{c}" for c in classes)
    result = _select(store, f"SELECT DISTINCT ?n ?t WHERE {{ VALUES ?t {{ {values} }} ?n a ?t FILTER isIRI(?n) }}")
    rank = {c: i for i, c in enumerate(CORE_CLASSES)}
    types: dict[str, str] = {}
    for n, t in result.rows:
        name = local_name(t)
        if n not in types or rank[name] < rank[types[n]]:
            types[n] = name
    return types


Fact = tuple[str, str, str, bool]  # subject, predicate, object value, object is an IRI


def _facts(store: Store, classes: list[str], include_documents: bool) -> dict[Fact, set[str | None]]:
    """Each fact about a typed node -> ids of the documents asserting it (None: default graph)."""
    excluded = _NOT_FACTS + (() if include_documents else (TA + "mentions",))
    keep = "FILTER (isIRI(?s) && ?p NOT IN ({}))".format(", ".join(f"<{p}>" for p in excluded))
    values = " ".join(f"ta:{c}" for c in classes)
    facts: dict[Fact, set[str | None]] = defaultdict(set)
    # Typed subjects first (DISTINCT: a node is typed again in every document), then
    # their triples: far fewer terms to decode than scanning every quad.
    named = _select(store, f"SELECT ?s ?p ?o ?g WHERE {{ {{ SELECT DISTINCT ?s WHERE {{ "
                           f"VALUES ?t {{ {values} }} ?s a ?t }} }} GRAPH ?g {{ ?s ?p ?o }} {keep} "
                           f"FILTER(STRSTARTS(STR(?g), \"{TAI}doc/\")) }}")  # derived graph: not a document
    for (s, p, o, g), kinds in zip(named.rows, named.kinds):
        facts[(s, p, o, kinds[2] == "iri")].add(_doc_id(g))
    default = _select(store, f"SELECT ?s ?p ?o WHERE {{ ?s ?p ?o {keep} }}", union=False)
    for (s, p, o), kinds in zip(default.rows, default.kinds):
        facts[(s, p, o, kinds[2] == "iri")].add(None)
    return facts


def _node_attributes(store: Store, nodes: dict[str, str], facts: dict[Fact, set[str | None]],
                     stories: dict[str, str]) -> dict[str, dict]:
    labels: dict[str, list[str]] = defaultdict(list)
    titles: dict[str, list[str]] = defaultdict(list)  # label of documents without rdfs:label
    alt_labels: dict[str, set[str]] = defaultdict(set)
    result = _select(store, "SELECT DISTINCT ?n ?p ?l WHERE { "
                            "VALUES ?p { rdfs:label skos:altLabel dcterms:title } ?n ?p ?l }")
    for n, p, label in result.rows:
        if n not in nodes or label is None:
            continue
        if p == SKOS + "altLabel":
            alt_labels[n].add(label)
        elif p == RDFS + "label":
            labels[n].append(label)
        else:
            titles[n].append(label)
    documents: dict[str, set[str]] = defaultdict(set)
    dates: dict[str, Counter] = defaultdict(Counter)
    statuses: dict[str, Counter] = defaultdict(Counter)
    for (s, p, o, o_is_iri), docs in facts.items():
        named = {d for d in docs if d is not None}
        for node in (s, o) if o_is_iri else (s,):
            if node in nodes:
                documents[node] |= named
        if s in nodes and p == TA + "date":
            dates[s][o] += count_stories(docs, stories)
        elif s in nodes and p == TA + "status":
            statuses[s][local_name(o)] += count_stories(docs, stories)
    attrs: dict[str, dict] = {}
    for iri, kind in nodes.items():
        main = sorted(labels[iri]) or sorted(titles[iri])
        node = {"label": main[0] if main else local_name(iri), "type": kind, "iri": iri,
                "documents": sorted(documents[iri]), "sources": count_stories(documents[iri], stories),
                "alt_labels": sorted(alt_labels[iri] - set(main[:1]))}
        if dates[iri]:
            node["date"] = _most_supported(dates[iri])
        if statuses[iri]:
            node["status"] = _most_supported(statuses[iri], _STATUS_ORDER)
        attrs[iri] = node
    return attrs


def _most_supported(counts: Counter, order: tuple[str, ...] = ()) -> str:
    """The value asserted by most stories; ties go by ``order``, then alphabetically."""
    rank = {v: i for i, v in enumerate(order)}
    return min(counts, key=lambda v: (-counts[v], rank.get(v, len(rank)), v))


def _evidence(store: Store) -> dict[tuple[str, str, str], list[dict]]:
    """(s, p, o) -> the evidence records of that fact, with their documents' metadata."""
    docs: dict[str, tuple] = {}
    result = _select(store, """
        SELECT ?doc ?title ?published ?url WHERE { ?doc a ta:Document
          OPTIONAL { ?doc dcterms:title ?title } OPTIONAL { ?doc ta:published ?published }
          OPTIONAL { ?doc schema:url ?url } }""")
    for doc, *meta in sorted(result.rows, key=lambda row: [v or "" for v in row]):
        docs.setdefault(doc, tuple(meta))
    result = _select(store, """
        SELECT ?s ?p ?o ?sentence ?doc ?confidence WHERE {
          ?e a ta:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
          OPTIONAL { ?e ta:sentence ?sentence } OPTIONAL { ?e ta:confidence ?confidence }
          OPTIONAL { ?e prov:wasDerivedFrom ?doc } }""")
    found: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    records = []
    for s, p, o, sentence, doc, confidence in set(map(tuple, result.rows)):
        title, published, url = docs.get(doc, (None, None, None))
        records.append((published or "", doc or "", sentence or "", s, p, o, title, url, confidence))
    # oldest report first
    for published, doc, sentence, s, p, o, title, url, confidence in sorted(records):
        found[(s, p, o)].append({
            "sentence": sentence or None, "doc": _doc_id(doc) if doc else None, "title": title,
            "published": published or None, "url": url,
            "confidence": float(confidence) if confidence is not None else None,
        })
    return found


def _add_country_edges(store: Store, graph: "nx.Graph", rejected: dict) -> None:
    """Link countries that are parties to the same agreement (pairs built here, not in
    SPARQL: a join over the union graph would repeat each row once per document)."""
    parties: dict[str, set[str]] = defaultdict(set)
    result = _select(store, "SELECT DISTINCT ?agreement ?x WHERE { ?agreement ta:party ?x "
                            "FILTER EXISTS { ?agreement a ta:Agreement } }")
    for agreement, party in result.rows:
        if party in graph and (agreement, TA + "party", party) not in rejected:
            parties[agreement].add(party)
    labels: dict[str, str] = {}
    result = _select(store, "SELECT DISTINCT ?agreement ?l WHERE { ?agreement rdfs:label ?l "
                            "FILTER EXISTS { ?agreement a ta:Agreement } }")
    for agreement, label in sorted(result.rows):
        labels.setdefault(agreement, label)
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for agreement, countries in parties.items():
        for a, b in combinations(sorted(countries), 2):
            pairs[(a, b)].add(agreement)
    for (a, b), agreements in sorted(pairs.items()):
        n = len(agreements)
        names = sorted(labels.get(x) or local_name(x) for x in agreements)
        graph.add_edge(a, b, weight=n, agreements=names,
                       label=f"{n} agreement{'s' if n != 1 else ''}")


__all__ = ["PROJECTIONS", "count_stories", "story_of", "to_networkx"]
