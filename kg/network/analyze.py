"""Alliance analytics on the country projection: centrality, blocs, paths and change over time.

Countries are linked when they are parties to the same agreement (edge ``weight`` = number
of shared agreements), as in ``to_networkx(store, projection="countries")``; countries
without any such tie are left out. Blocs are modularity communities
(``greedy_modularity_communities``, deterministic). Betweenness counts shortest paths by
hops; an alignment path has the fewest hops and, among those, the strongest ties.

>>> from kg.store.oxigraph import OxigraphStore
>>> store = OxigraphStore()
>>> store.update('''PREFIX ta: <https://w3id.org/techalliance/ontology#>
... PREFIX c: <https://w3id.org/techalliance/id/country/>
... PREFIX a: <https://w3id.org/techalliance/id/agreement/>
... INSERT DATA { GRAPH <https://w3id.org/techalliance/id/doc/d1> {
...   c:JPN a ta:Country . c:IND a ta:Country . c:USA a ta:Country .
...   a:jpn-ind a ta:Agreement ; ta:party c:JPN, c:IND .
...   a:ind-usa a ta:Agreement ; ta:party c:IND, c:USA } }''')
>>> [(row["country"], row["degree"], row["bloc"]) for row in analyze(store).countries]
[('IND', 2, 1), ('JPN', 1, 1), ('USA', 1, 1)]
>>> shortest_path(store, "JPN", "usa").countries
['JPN', 'IND', 'USA']
"""
from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from kg.errors import KGError
from kg.resolve import AmbiguousEntityError
from kg.vocab import PREFIXES, TA, TAI, local_name

if TYPE_CHECKING:
    import networkx as nx

    from kg.store.base import Store

WINDOWS = ("year",)
UNDATED = "undated"
ALL = "all"
_HEADER = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
_YEAR = re.compile(r"^(-?\d{4})")
_COUNTRY = TAI + "country/"


class AnalysisError(KGError):
    """The network analysis cannot be done as asked."""


class UnknownCountryError(AnalysisError):
    """A country name or code that is not in the store."""


class AmbiguousCountryError(AmbiguousEntityError, AnalysisError):
    """A name of several countries; the message lists them to choose from."""


class NoPathError(AnalysisError):
    """Two countries are not connected through shared agreements."""


@dataclass
class Analysis:
    """Tables (lists of dicts) describing the country network, overall or per window.

    ``countries``: window, country (ISO3), label, degree, weighted_degree, betweenness, bloc.
    ``blocs``: window, bloc, anchor (its most connected member), size, members.
    ``ties``: window, a, b, weight, agreements.
    ``changes``: between consecutive dated windows: window, previous, change
    (``joined``/``left``/``new tie``), country, bloc, partner, detail.
    """

    window: str | None
    windows: list[str]
    countries: list[dict] = field(default_factory=list)
    blocs: list[dict] = field(default_factory=list)
    ties: list[dict] = field(default_factory=list)
    changes: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class AlignmentPath:
    """The closest chain of shared agreements between two countries."""

    countries: list[str]
    labels: list[str]
    steps: list[dict]

    @property
    def hops(self) -> int:
        return len(self.steps)


@dataclass
class _Network:
    agreements: dict[str, dict]        # IRI -> {"label", "year", "parties"}
    labels: dict[str, str]             # ISO3 -> label
    names: dict[str, str]              # normalised name or code -> ISO3 (close-match hints)
    alts: dict[str, set[str]] = field(default_factory=dict)  # ISO3 -> skos:altLabels


def analyze(store: Store, *, window: str | None = None) -> Analysis:
    """Centrality and blocs of the country network; per year with ``window="year"``.

    Agreements are bucketed by the year of their ``ta:date`` (the year most stories give:
    syndicated copies of one story count once); those without a date form the window
    ``"undated"``, listed last and left out of ``changes``.
    """
    if window is not None and window not in WINDOWS:
        raise AnalysisError(f"unknown window {window!r}; valid windows: {', '.join(WINDOWS)}")
    net = _read(store)
    if window is None:
        buckets = {ALL: list(net.agreements)}
    else:
        buckets = defaultdict(list)
        for iri, a in net.agreements.items():
            buckets[a["year"] or UNDATED].append(iri)
        buckets = {w: buckets[w] for w in sorted(buckets, key=lambda w: (w == UNDATED, w))}
    result = Analysis(window=window, windows=list(buckets))
    previous: tuple[str, dict[str, int], nx.Graph] | None = None
    next_bloc = [1]
    for name, iris in buckets.items():
        graph = _project(net, iris)
        blocs = _blocs(graph, previous[1] if previous else {}, next_bloc)
        _tables(result, name, graph, blocs, net)
        if window is not None and name != UNDATED:
            if previous is not None:
                result.changes.extend(_changes(name, previous, blocs, graph))
            previous = (name, blocs, graph)
    return result


def shortest_path(store: Store, a: str, b: str) -> AlignmentPath:
    """The shortest chain of shared agreements from country ``a`` to ``b`` (ISO3 or name).

    It has the fewest hops; among chains as short, the one whose ties are strongest
    (smallest sum of ``1 / weight``).
    """
    import networkx as nx

    net = _read(store)
    source, target = resolve_country(net, a), resolve_country(net, b)
    graph = _project(net, list(net.agreements))
    for code in (source, target):
        if code not in graph:
            raise NoPathError(f"{net.labels.get(code, code)} ({code}) shares no agreement with another country")
    try:
        scale = graph.number_of_edges() + 1  # the strength term never outweighs one hop
        nodes = nx.dijkstra_path(graph, source, target, weight=lambda u, v, d: 1 + d["distance"] / scale)
    except nx.NetworkXNoPath:
        raise NoPathError(f"no alignment path between {source} and {target}: "
                          "no chain of shared agreements connects them") from None
    steps = [{"from": x, "to": y, "weight": graph[x][y]["weight"], "agreements": graph[x][y]["agreements"]}
             for x, y in zip(nodes, nodes[1:])]
    return AlignmentPath(countries=nodes, labels=[net.labels.get(n, n) for n in nodes], steps=steps)


def resolve_country(net_or_store, text: str) -> str:
    """The ISO3 code of the country in the store that ``text`` names, as every command
    resolves names (:mod:`kg.resolve`): code, label, alternative label, a gazetteer alias
    ("America"), ``country:KOR`` or IRI; punctuation aside ("u s") as a last resort. A name
    of several countries raises :class:`AmbiguousCountryError` listing them to choose from."""
    from ..resolve import choices

    net = net_or_store if isinstance(net_or_store, _Network) else _read(net_or_store)
    names = _country_names(net)
    codes = _by_any_name(names, text)
    if not codes and _fold(text) in net.names:
        codes = [net.names[_fold(text)]]
    if len(codes) == 1:
        return codes[0]
    if codes:
        iris = [_COUNTRY + c for c in codes]
        raise AmbiguousCountryError(choices(names, text, iris), [(i, names.label(i)) for i in iris])
    key = _fold(text)
    candidates: dict[str, set[str]] = defaultdict(set)  # names, and the words of long names
    for name, code in net.names.items():
        for word in [name] + [w for w in name.split() if len(w) > 3]:
            candidates[word].add(code)
    close = difflib.get_close_matches(key, list(candidates), n=8, cutoff=0.6)
    codes = list(dict.fromkeys(c for word in close for c in sorted(candidates[word])))[:5]
    hint = (f"close matches: {', '.join(f'{c} ({net.labels.get(c, c)})' for c in codes)}" if codes
            else f"known countries: {', '.join(sorted(net.labels)[:12])}{', ...' if len(net.labels) > 12 else ''}")
    raise UnknownCountryError(f"unknown country {text!r}; {hint}")


# -- reading the store --------------------------------------------------------------
def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def _country_names(net: _Network):
    """The names of the store's countries (labels, altLabels, codes, gazetteer aliases)."""
    from ..resolve import Names

    names = Names()
    for code, label in net.labels.items():
        names.add(_COUNTRY + code, label, net.alts.get(code, ()), codes=[code])
    names.add_gazetteer()
    return names


def _by_any_name(names, text: str) -> list[str]:
    """The codes of the countries ``text`` names (:mod:`kg.resolve`), sorted."""
    from ..resolve import UnknownEntityError

    try:
        found = names.find(text)
    except UnknownEntityError:
        return []
    return sorted({iri[len(_COUNTRY):] for iri in found if iri.startswith(_COUNTRY)})


def _read(store: Store) -> _Network:
    def select(body: str, union: bool = True):
        return store.query(_HEADER + body, union_default_graph=union).rows

    prefix = TAI + "country/"
    labels: dict[str, str] = {}
    names: dict[str, str] = {}
    alts: dict[str, set[str]] = defaultdict(set)
    for iri, label, alt in select("""SELECT ?c ?label ?alt WHERE { ?c a ta:Country
            OPTIONAL { ?c rdfs:label ?label } OPTIONAL { ?c skos:altLabel ?alt } }"""):
        code = iri[len(prefix):] if iri.startswith(prefix) else local_name(iri)
        if label and (labels.get(code, code) == code or label < labels[code]):
            labels[code] = label
        labels.setdefault(code, code)
        names.update({_fold(n): code for n in (label, alt) if n})
        if alt:
            alts[code].add(alt)
    names.update({_fold(code): code for code in labels})  # codes win over clashing names
    from kg.review import rejected_facts

    rejected = rejected_facts(store)  # parties an analyst rejected (kg review) do not count
    agreements: dict[str, dict] = {}
    for iri, party, label in select("""SELECT DISTINCT ?a ?p ?label WHERE {
            ?a a ta:Agreement ; ta:party ?p . ?p a ta:Country OPTIONAL { ?a rdfs:label ?label } }"""):
        if (iri, TA + "party", party) in rejected:
            continue
        a = agreements.setdefault(iri, {"label": label or local_name(iri), "year": None, "parties": set()})
        a["label"] = min(a["label"], label) if label else a["label"]
        a["parties"].add(party[len(prefix):] if party.startswith(prefix) else local_name(party))
    given: dict[tuple[str, str], set] = defaultdict(set)  # (agreement, year) -> stories
    for iri, date, g, first in select("""SELECT DISTINCT ?a ?d ?g ?first WHERE {
            { ?a ta:date ?d } UNION { GRAPH ?g { ?a ta:date ?d } FILTER (?g != graph:facts)
              OPTIONAL { GRAPH ?g { ?g ta:sameStoryAs ?first } } } }""", union=False):
        m = _YEAR.match(date or "")
        if iri in agreements and m and (iri, TA + "date", date) not in rejected:
            given[(iri, m.group(1))].add(first or g)
    years: dict[str, Counter] = defaultdict(Counter)
    for (iri, year), stories in given.items():
        years[iri][year] = len(stories)
    for iri, counts in years.items():  # the year most stories give; ties go to the earliest
        agreements[iri]["year"] = min(counts, key=lambda y: (-counts[y], y))
    return _Network(agreements, labels, names, dict(alts))


def _project(net: _Network, iris: list[str]) -> nx.Graph:
    import networkx as nx

    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for iri in iris:
        parties = sorted(net.agreements[iri]["parties"])
        for i, a in enumerate(parties):
            for b in parties[i + 1:]:
                shared[(a, b)].append(net.agreements[iri]["label"])
    graph = nx.Graph()
    for (a, b), names in sorted(shared.items()):
        graph.add_edge(a, b, weight=len(names), distance=1 / len(names), agreements=sorted(names))
    return graph


# -- measures -----------------------------------------------------------------------
def _blocs(graph: nx.Graph, previous: dict[str, int], next_bloc: list[int]) -> dict[str, int]:
    """Country -> bloc number; blocs keep the number of the previous window's bloc they
    overlap most, new blocs take the next free number."""
    from networkx.algorithms.community import greedy_modularity_communities

    if graph.number_of_edges() == 0:
        return {}
    found = greedy_modularity_communities(graph, weight="weight")
    found = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))
    old: dict[int, set[str]] = defaultdict(set)
    for country, bloc in previous.items():
        old[bloc].add(country)
    pairs = sorted(((len(set(c) & members), bloc, i) for i, c in enumerate(found)
                    for bloc, members in old.items()), key=lambda t: (-t[0], t[1], t[2]))
    numbers: dict[int, int] = {}
    for overlap, bloc, i in pairs:
        if overlap and i not in numbers and bloc not in numbers.values():
            numbers[i] = bloc
    for i in range(len(found)):
        if i not in numbers:
            numbers[i] = next_bloc[0]
            next_bloc[0] += 1
    return {country: numbers[i] for i, c in enumerate(found) for country in c}


def _tables(result: Analysis, window: str, graph: nx.Graph, blocs: dict[str, int], net: _Network) -> None:
    import networkx as nx

    if graph.number_of_edges() == 0:
        return
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    strength = dict(graph.degree(weight="weight"))
    rows = [{"window": window, "country": c, "label": net.labels.get(c, c), "degree": graph.degree(c),
             "weighted_degree": strength[c], "betweenness": round(betweenness[c], 4), "bloc": blocs[c]}
            for c in graph]
    result.countries.extend(sorted(rows, key=lambda r: (-r["weighted_degree"], -r["betweenness"], r["country"])))
    members: dict[int, list[str]] = defaultdict(list)
    for country, bloc in blocs.items():
        members[bloc].append(country)
    for bloc, countries in sorted(members.items()):
        anchor = min(countries, key=lambda c: (-strength[c], c))
        result.blocs.append({"window": window, "bloc": bloc, "anchor": anchor, "size": len(countries),
                             "members": sorted(countries)})
    for a, b, data in sorted(graph.edges(data=True), key=lambda e: tuple(sorted(e[:2]))):
        a, b = sorted((a, b))
        result.ties.append({"window": window, "a": a, "b": b, "weight": data["weight"],
                            "agreements": data["agreements"]})


def _changes(window: str, previous: tuple, blocs: dict[str, int], graph: nx.Graph) -> list[dict]:
    before, old_blocs, old_graph = previous
    rows = []

    def row(change, country, bloc=None, partner=None, detail=""):
        rows.append({"window": window, "previous": before, "change": change, "country": country,
                     "bloc": bloc, "partner": partner, "detail": detail})

    for country in sorted(set(blocs) | set(old_blocs)):
        new, old = blocs.get(country), old_blocs.get(country)
        if new == old:
            continue
        if old is not None:
            row("left", country, old, detail=f"to bloc {new}" if new is not None else "no ties in this window")
        if new is not None:
            row("joined", country, new, detail=f"from bloc {old}" if old is not None else f"no ties in {before}")
    for a, b, data in sorted(graph.edges(data=True), key=lambda e: tuple(sorted(e[:2]))):
        a, b = sorted((a, b))
        if not old_graph.has_edge(a, b):
            n = data["weight"]
            row("new tie", a, partner=b, detail=f"{n} agreement{'s' if n != 1 else ''}")
    return rows


__all__ = ["ALL", "UNDATED", "WINDOWS", "AlignmentPath", "AmbiguousCountryError", "Analysis", "AnalysisError",
           "NoPathError", "UnknownCountryError", "analyze", "resolve_country", "shortest_path"]
