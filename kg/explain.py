"""Explain one entity: what the graph says about it, and the sentences that say so.

:func:`explain` finds an entity as every command does (:mod:`kg.resolve`: label, any
alias, ISO3 code, ``country:KOR``, ``tai:country/KOR`` or IRI), and collects its facts in
both directions (for a country: the agreements it is party to, the controls that target
it, the countries it is aligned with), each with its evidence records, the documents
they come from and how many sources state it (distinct stories: syndicated copies of one
story, linked by ``ta:sameStoryAs``, count once). :func:`render_text` prints an
:class:`Explanation` with rich.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from .resolve import SAFE_IRI, Names, UnknownEntityError, fold, in_store  # noqa: F401  (UnknownEntityError: explain raises it)
from .vocab import PREFIXES, RDF, RDFS, SKOS, TA, TAI, compact, local_name

if TYPE_CHECKING:
    from .store.base import QueryResult, Store

_HEADER = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
# ta: properties that describe a node or a record rather than relate it to something.
_NOT_FACTS = ("mentions", "iso3", "wikidata", "published", "supportCount", "sentence",
              "charStart", "charEnd", "confidence", "extractorVersion", "agreementCount",
              "firstDate", "lastDate")
_ATTRIBUTES = ("iso3", "wikidata", "supportCount")
# How a relation reads from its object's side (``?s ta:party <country>``: "party to").
_INVERSE = {
    "party": "party to", "signatory": "signed", "covers": "covered by",
    "location": "location of", "date": "date of", "status": "status of",
    "duringEvent": "event of", "participant": "participant in", "imposedBy": "imposes",
    "targets": "targeted by", "represents": "represented by", "memberOf": "has member",
    "locatedIn": "contains", "controlsTargetedAt": "targeted by controls of",
}
_SYMMETRIC = ("alignedWith",)


@dataclass
class Source:
    """One evidence record behind a fact: the sentence and the document it stands in."""

    sentence: str | None
    document: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    confidence: float | None = None
    char_start: int | None = None
    copy_of: str | None = None  # a syndicated copy: the first document of its story
    id: str | None = None  # the evidence id (kg review reject ID)


@dataclass
class Fact:
    """One relation of the explained entity: ``direction`` is ``"out"`` when the entity
    is the subject (``entity relation node``) and ``"in"`` when it is the object."""

    relation: str
    direction: str
    node: str
    node_label: str
    node_is_iri: bool = True
    node_types: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    stories: int = 0  # distinct stories among ``documents`` (syndicated copies count once)
    derived: bool = False
    details: dict[str, str] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    review: str | None = None  # an analyst's decision: "rejected by ana on 2026-12-02: note"

    @property
    def heading(self) -> str:
        """The relation as read from the entity's side ("party", "party to")."""
        name = local_name(self.relation)
        if self.direction == "in" and name not in _SYMMETRIC:
            return _INVERSE.get(name, f"{_words(name)} (of)")
        return _words(name)


@dataclass
class Explanation:
    """An entity, its facts grouped by relation, and other entities with the same name."""

    iri: str
    label: str
    types: list[str] = field(default_factory=list)
    alt_labels: list[str] = field(default_factory=list)
    attributes: dict[str, list[str]] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    others: list[tuple[str, str]] = field(default_factory=list)

    def groups(self) -> dict[str, list[Fact]]:
        """Facts per relation heading, outgoing relations first."""
        ordered = sorted(self.facts, key=lambda f: (f.direction != "out", f.heading, f.node_label.lower()))
        grouped: dict[str, list[Fact]] = {}
        for f in ordered:
            grouped.setdefault(f.heading, []).append(f)
        return grouped

    def to_dict(self) -> dict:
        """The explanation as a JSON-ready dict (full IRIs plus compact ids)."""
        return {
            "iri": self.iri, "id": compact(self.iri), "label": self.label,
            "types": [compact(t) for t in self.types], "alt_labels": self.alt_labels,
            "attributes": self.attributes,
            "relations": {h: [_fact_dict(f) for f in fs] for h, fs in self.groups().items()},
            "other_matches": [{"iri": i, "label": lbl} for i, lbl in self.others],
        }


def explain(store: Store, entity: str) -> Explanation:
    """Explain ``entity`` (an IRI, a compact id like ``tai:country/KOR`` or
    ``country/KOR``, or a label): its label, types and facts with their evidence.

    When several entities carry the label, the one with the most facts is explained and
    the others are listed in ``Explanation.others``. Raises :class:`UnknownEntityError`
    (a KGError) with close labels to try when nothing matches.
    """
    names = Names.from_store(store)
    iri, others = _resolve(store, entity, names)
    expl = Explanation(iri=iri, label=names.labels.get(iri, ""), others=others)
    _describe(store, expl)
    expl.facts = _facts(store, iri)
    from .review.readers import annotate_explanation

    annotate_explanation(store, expl)
    _count_stories(store, expl.facts)  # after kg review's added facts name their documents
    return expl


# -- resolution ------------------------------------------------------------------------
def _resolve(store: Store, text: str, names: Names) -> tuple[str, list[tuple[str, str]]]:
    """The entity ``text`` names (kg.resolve), and the others it names too."""
    matches = in_store(store, text, names)  # or the one IRI the store holds but types no entity with
    if len(matches) == 1:
        return matches[0], []
    counts = _fact_counts(store, matches)
    key = fold(text)
    best = max(matches, key=lambda i: (counts.get(i, 0), fold(names.labels.get(i, "")) == key, -len(i)))
    return best, [(i, names.label(i)) for i in matches if i != best]


def _fact_counts(store: Store, iris: list[str]) -> dict[str, int]:
    values = " ".join(f"<{i}>" for i in iris if SAFE_IRI.match(i))
    result = _select(store, f"""
        SELECT ?n (COUNT(*) AS ?facts) WHERE {{
          VALUES ?n {{ {values} }}
          {{ ?n ?p ?o }} UNION {{ ?o ?p ?n }}
          {_fact_filter("?p")}
        }} GROUP BY ?n""")
    return {n: int(c) for n, c in result.rows}


# -- description -----------------------------------------------------------------------
def _describe(store: Store, expl: Explanation) -> None:
    attrs = " ".join(f"ta:{a}" for a in _ATTRIBUTES)
    result = _select(store, f"""
        SELECT DISTINCT ?p ?v WHERE {{
          VALUES ?p {{ rdf:type rdfs:label skos:altLabel {attrs} }}
          <{expl.iri}> ?p ?v }}""")
    labels, alts = [], []
    for p, v in result.rows:
        if p == RDF + "type":
            expl.types.append(v)
        elif p == RDFS + "label":
            labels.append(v)
        elif p == SKOS + "altLabel":
            alts.append(v)
        else:
            expl.attributes.setdefault(local_name(p), []).append(v)
    expl.types.sort(key=lambda t: (not t.startswith(TA), t))
    expl.label = expl.label or (sorted(labels)[0] if labels else local_name(expl.iri))
    expl.alt_labels = sorted(set(alts + labels) - {expl.label})
    for values in expl.attributes.values():
        values.sort()


def _facts(store: Store, iri: str) -> list[Fact]:
    from .rules import DERIVED_GRAPH
    from .vocab import FACTS_GRAPH

    facts: dict[tuple[str, str, str], Fact] = {}
    for direction, pattern, evidence in (
        ("out", f"<{iri}> ?p ?n", f"rdf:subject <{iri}> ; rdf:predicate ?p ; rdf:object ?n"),
        ("in", f"?n ?p <{iri}>", f"rdf:subject ?n ; rdf:predicate ?p ; rdf:object <{iri}>"),
    ):
        result = _select(store, f"""
            SELECT ?g ?p ?n ?sentence ?conf ?start ?e WHERE {{
              GRAPH ?g {{ {pattern} .
                OPTIONAL {{ ?e a ta:Evidence ; {evidence} .
                  OPTIONAL {{ ?e ta:sentence ?sentence }} OPTIONAL {{ ?e ta:confidence ?conf }}
                  OPTIONAL {{ ?e ta:charStart ?start }} }} }}
              {_fact_filter("?p")}
            }}""")
        for (g, p, n, sentence, conf, start, e), kinds in zip(result.rows, result.kinds):
            if direction == "in" and local_name(p) in _SYMMETRIC:
                continue  # materialised both ways: the outgoing triple says it already
            fact = facts.get((direction, p, n))
            if fact is None:
                fact = facts[(direction, p, n)] = Fact(
                    relation=p, direction=direction, node=n, node_label=n,
                    node_is_iri=kinds[2] == "iri")
            if g == FACTS_GRAPH:
                continue  # the fact index repeats what the documents say
            fact.derived = fact.derived or g == DERIVED_GRAPH
            if g != DERIVED_GRAPH and g not in fact.documents:
                fact.documents.append(g)
            if sentence is not None or conf is not None:
                fact.sources.append(Source(sentence=sentence, document=g,
                                           confidence=float(conf) if conf is not None else None,
                                           char_start=int(start) if start is not None else None,
                                           id=compact(e) if kinds[6] == "iri" else None))
    _annotate(store, iri, list(facts.values()), DERIVED_GRAPH)
    return list(facts.values())


def _annotate(store: Store, iri: str, facts: list[Fact], derived_graph: str) -> None:
    """Fill in node labels and types, document metadata and derived-edge details."""
    nodes = sorted({f.node for f in facts if f.node_is_iri and SAFE_IRI.match(f.node)})
    docs = sorted({s.document for f in facts for s in f.sources if SAFE_IRI.match(s.document)})
    labels: dict[str, str] = {}
    types: dict[str, set[str]] = {}
    if nodes:
        values = " ".join(f"<{n}>" for n in nodes)
        for n, p, v in _select(store, f"""SELECT DISTINCT ?n ?p ?v WHERE {{ VALUES ?n {{ {values} }}
                VALUES ?p {{ rdfs:label rdf:type }} ?n ?p ?v }}""").rows:
            if p == RDF + "type":
                types.setdefault(n, set()).add(v)
            elif n not in labels or v < labels[n]:
                labels[n] = v
    meta: dict[str, dict[str, str]] = {}
    if docs:
        values = " ".join(f"<{d}>" for d in docs)
        result = _select(store, f"""SELECT ?d (SAMPLE(?t) AS ?title) (SAMPLE(?pub) AS ?published)
                (SAMPLE(?u) AS ?url) WHERE {{ VALUES ?d {{ {values} }}
                OPTIONAL {{ ?d dcterms:title ?t }} OPTIONAL {{ ?d ta:published ?pub }}
                OPTIONAL {{ ?d schema:url ?u }} }} GROUP BY ?d""")
        meta = {r["d"]: r for r in result.records()}
    details = _derived_details(store, iri, derived_graph)
    for f in facts:
        if f.node_is_iri:
            f.node_label = labels.get(f.node) or (local_name(f.node) if f.node.startswith(TA) else compact(f.node))
            f.node_types = sorted(types.get(f.node, ()))
        f.details = details.get((f.relation, f.node), {}) if f.direction == "out" else {}
        for s in f.sources:
            m = meta.get(s.document, {})
            s.title, s.published, s.url = m.get("title"), m.get("published"), m.get("url")
        f.sources.sort(key=lambda s: (s.published or "", s.document, s.char_start or 0))


def _count_stories(store: Store, facts: list[Fact]) -> None:
    """Set each fact's ``stories``: its documents, a syndicated copy counted as its story."""
    docs = sorted({d for f in facts for d in f.documents if SAFE_IRI.match(d)})
    first: dict[str, str] = {}
    if docs:
        values = " ".join(f"<{d}>" for d in docs)
        first = dict(_select(store, f"""SELECT ?d ?first WHERE {{ VALUES ?d {{ {values} }}
                GRAPH ?d {{ ?d ta:sameStoryAs ?first }} }}""").rows)
    for f in facts:
        f.stories = len({first.get(d, d) for d in f.documents})
        for s in f.sources:
            s.copy_of = first.get(s.document)


def _derived_details(store: Store, iri: str, graph: str) -> dict[tuple[str, str], dict[str, str]]:
    """(relation, other node) -> aggregates of the derived record (ta:Alignment) behind it."""
    result = _select(store, f"""
        SELECT ?p ?n ?k ?v WHERE {{ GRAPH <{graph}> {{
          ?r a ta:Alignment ; rdf:subject <{iri}> ; rdf:predicate ?p ; rdf:object ?n ; ?k ?v .
          FILTER (isLiteral(?v) && STRSTARTS(STR(?k), STR(ta:))) }} }}""")
    details: dict[tuple[str, str], dict[str, str]] = {}
    for p, n, k, v in result.rows:
        details.setdefault((p, n), {})[local_name(k)] = v
    return details


# -- helpers ---------------------------------------------------------------------------
def _fact_filter(var: str) -> str:
    excluded = ", ".join(f"ta:{p}" for p in _NOT_FACTS)
    return f"FILTER (STRSTARTS(STR({var}), STR(ta:)) && {var} NOT IN ({excluded}))"


def _select(store: Store, body: str) -> QueryResult:
    return store.query(_HEADER + body)


def _words(name: str) -> str:
    """``"duringEvent"`` -> ``"during event"``."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower()


def _fact_dict(f: Fact) -> dict:
    data = asdict(f)
    data["relation"] = compact(f.relation)
    data["node_types"] = [compact(t) for t in f.node_types]
    return data


# -- rendering -------------------------------------------------------------------------
def render_text(expl: Explanation, console=None) -> None:
    """Print ``expl`` readably with rich: header, then each relation with its evidence."""
    from rich.console import Console
    from rich.markup import escape

    out = console or Console()
    kinds = ", ".join(local_name(t) for t in expl.types if t.startswith(TA)) or "entity"
    out.print(f"[bold]{escape(expl.label)}[/bold]  [dim]{escape(compact(expl.iri))}[/dim]  ({escape(kinds)})")
    if expl.alt_labels:
        out.print(f"  also: {escape(', '.join(expl.alt_labels))}")
    for name, values in sorted(expl.attributes.items()):
        out.print(f"  {escape(_words(name))}: {escape(', '.join(compact(v) for v in values))}")
    if expl.others:
        others = "; ".join(f"{lbl} ({compact(i)})" for i, lbl in expl.others)
        out.print(f"  [yellow]other entities with this name:[/yellow] {escape(others)}")
    groups = expl.groups()
    if not groups:
        out.print("\n  [dim]no facts about this entity[/dim]")
    for heading, facts in groups.items():
        out.print(f"\n[bold cyan]{escape(heading)}[/bold cyan] ({len(facts)})")
        for f in facts:
            line = f"  • {escape(f.node_label)}"
            if f.details:
                line += f" [dim]({escape(_details_text(f.details))})[/dim]"
            if f.stories:
                line += f" [dim]· {f.stories} source{'s' if f.stories != 1 else ''}[/dim]"
            if f.derived and not f.documents:
                line += " [magenta]derived[/magenta]"
            out.print(line)
            if f.review:
                out.print(f"      [{'red' if f.review.startswith('rejected') else 'green'}]{escape(f.review)}[/]")
            for s in f.sources:
                _print_source(out, s, escape)
            if not f.sources and f.documents:
                out.print(f"      [dim]no evidence record; in {escape(', '.join(compact(d) for d in f.documents))}[/dim]")


def _details_text(details: dict[str, str]) -> str:
    n = details.get("agreementCount")
    parts = [f"{n} agreement{'s' if n != '1' else ''}"] if n else []
    first, last = details.get("firstDate"), details.get("lastDate")
    if first and last:
        parts.append(first if first == last else f"{first} – {last}")
    parts += [f"{_words(k)} {v}" for k, v in sorted(details.items())
              if k not in ("agreementCount", "firstDate", "lastDate")]
    return ", ".join(parts)


def _print_source(out, s: Source, escape) -> None:
    copy = f"copy of {compact(s.copy_of)}" if s.copy_of else None
    where = ", ".join(x for x in (s.title or compact(s.document), s.published, s.url, copy) if x)
    conf = f" [dim]confidence {s.confidence:.2f}[/dim]" if s.confidence is not None else ""
    conf += f" [dim]\\[{escape(s.id)}][/dim]" if s.id else ""
    out.print(f"      “{escape((s.sentence or '').strip())}”")
    # the source line is never wrapped by rich: a URL broken across lines cannot be opened
    out.print(f"        [dim]— {escape(where)}[/dim]{conf}", soft_wrap=True)
