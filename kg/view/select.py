"""Choosing what a view draws: an entity's neighbourhood, a date window, or, for graphs
too large to draw node by node, one node per community.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("x:kor", label="South Korea", type="Country")
>>> g.add_node("x:deal", label="Chip Deal", type="Agreement", date="2025-10-29")
>>> g.add_node("x:usa", label="United States", type="Country")
>>> _ = g.add_edge("x:kor", "x:deal", label="party")
>>> _ = g.add_edge("x:usa", "x:deal", label="party")
>>> sorted(select(g, focus="south korea", depth=1))
['x:deal', 'x:kor']
>>> sorted(select(g, until="2025-01-01"))
['x:kor', 'x:usa']
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any

from kg.errors import KGError

__all__ = ["select", "aggregate", "COMMUNITY"]

COMMUNITY = "Community"
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def select(graph: Any, *, focus: str | None = None, depth: int = 1,
           since: str | None = None, until: str | None = None, all_entities: bool = True) -> Any:
    """The subgraph a view should draw (a copy; ``graph`` is left alone).

    ``focus``: an entity named as every command names one (:mod:`kg.resolve`: label or
    alias, any case; ISO3 code; ``country:KOR``; ``tai:`` id or IRI; every node with that
    label counts, a name fitting entities with different labels is an error listing
    them) and the nodes within ``depth`` links of it, edges followed both ways.
    ``since`` / ``until``: ISO dates (``2025``, ``2025-10`` or ``2025-10-29``); nodes
    with a ``date`` outside the window are dropped, undated nodes stay.
    ``all_entities=False`` drops the nodes left without an edge: entities whose only
    fact is being mentioned (and, in the countries projection, countries that share no
    agreement). The focus node itself is always kept.
    """
    start = _bound(since, "since", end=False)
    stop = _bound(until, "until", end=True)
    keep = set(graph.nodes)
    centres: set = set()
    if focus is not None:
        import networkx as nx

        if depth < 0:
            raise KGError(f"--depth must be 0 or more, got {depth}.")
        centres = _resolve(graph, focus)
        keep = set()
        for centre in centres:
            keep |= set(nx.ego_graph(graph, centre, radius=depth, undirected=True))
    if start or stop:
        keep = {n for n in keep if n in centres or _in_window(graph.nodes[n].get("date"), start, stop)}
    sub = graph.subgraph(keep)
    if not all_entities:
        keep = {n for n in keep if n in centres or sub.degree(n) > 0}
        sub = graph.subgraph(keep)
    return sub.copy()


def _resolve(graph: Any, focus: str) -> set:
    """The nodes ``focus`` names, as every command resolves names (:mod:`kg.resolve`)."""
    from kg.resolve import AmbiguousEntityError, Names, UnknownEntityError, choices, fold

    if focus in graph:
        return {focus}
    names = Names.from_graph(graph)
    try:
        iris = names.find(focus)
    except UnknownEntityError as exc:
        raise UnknownEntityError(f"--focus: {exc}") from None
    by_iri = {str(attrs.get("iri") or n): n for n, attrs in graph.nodes(data=True)}
    nodes = {by_iri[i] for i in iris if i in by_iri}
    labels = {fold(names.label(i)) for i in iris}
    if len(nodes) > 1 and len(labels) > 1:
        # several entities answer to this name under different labels ("Georgia"): choose
        raise AmbiguousEntityError(f"--focus: {choices(names, focus, sorted(iris))}", sorted(iris))
    return nodes


def _bound(value: str | None, name: str, *, end: bool) -> str | None:
    """An ISO date as the first (or last) day it covers: '2025' -> '2025-01-01'."""
    if value is None or value == "":
        return None
    match = _ISO.match(str(value).strip())
    if not match or len(str(value).strip()) not in (4, 7, 10):
        raise KGError(f"--{name} '{value}' is not an ISO date; write YYYY, YYYY-MM or YYYY-MM-DD.")
    return _pad(match, end)


def _pad(match: re.Match, end: bool) -> str:
    year, month, day = match.groups()
    return f"{year}-{month or ('12' if end else '01')}-{day or ('31' if end else '01')}"


def _in_window(date: Any, start: str | None, stop: str | None) -> bool:
    match = _ISO.match(str(date)) if date not in (None, "") else None
    if not match:
        return True  # undated (or unreadable) nodes are not events: keep them
    first, last = _pad(match, False), _pad(match, True)
    return (start is None or last >= start) and (stop is None or first <= stop)


def aggregate(graph: Any, *, seed: int = 42) -> Any:
    """One node per community, for graphs too big to draw node by node.

    Communities: label propagation first (seconds at 25,000 nodes, but thousands of
    small groups), then Louvain (``seed`` fixed) on the graph of those groups, which
    merges them into a few dozen; Louvain alone takes a minute at that size.

    Nodes get ``type`` "Community", ``members`` (count) and a ``label`` naming the
    three best-connected members; edges carry ``weight``, the number of links between
    the two communities.
    """
    import networkx as nx

    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    communities = _communities(simple, seed)
    communities.sort(key=lambda c: (-len(c), min(map(str, c))))
    degree = dict(simple.degree())
    where: dict = {}
    out = nx.Graph()
    for i, members in enumerate(communities):
        top = sorted(members, key=lambda n: (-degree[n], str(n)))[:3]
        names = [str(graph.nodes[n].get("label") or n) for n in top]
        more = len(members) - len(top)
        label = ", ".join(names) + (f" +{more:,}" if more > 0 else "")
        out.add_node(f"community/{i}", label=label, type=COMMUNITY, members=len(members))
        for n in members:
            where[n] = i
    links: Counter = Counter()
    for u, v in graph.edges():
        a, b = where[u], where[v]
        if a != b:
            links[(min(a, b), max(a, b))] += 1
    for (a, b), weight in links.items():
        out.add_edge(f"community/{a}", f"community/{b}", label="links", weight=weight)
    return out


def _communities(simple: Any, seed: int) -> list[set]:
    import networkx as nx

    community = nx.community
    if hasattr(community, "fast_label_propagation_communities"):  # networkx >= 3.4
        groups = [set(c) for c in community.fast_label_propagation_communities(simple, seed=seed)]
    else:
        groups = [set(c) for c in community.asyn_lpa_communities(simple, seed=seed)]
    where = {n: i for i, group in enumerate(groups) for n in group}
    coarse = nx.Graph()
    coarse.add_nodes_from(range(len(groups)))
    for u, v in simple.edges():
        a, b = where[u], where[v]  # links inside a group as a self-loop: same modularity
        weight = coarse.get_edge_data(a, b, {"weight": 0})["weight"]
        coarse.add_edge(a, b, weight=weight + 1)
    merged = community.louvain_communities(coarse, weight="weight", seed=seed)
    return [set().union(*(groups[i] for i in part)) for part in merged]
