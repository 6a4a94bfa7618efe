"""Typed records that extraction hands to the graph stage."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Entity:
    """A thing the document talks about, with its canonical IRI."""

    iri: str
    cls: str  # core class local name: Country, Person, Agreement, ...
    label: str
    alt_labels: set[str] = field(default_factory=set)
    mentioned: bool = True  # named in the text (gives a ta:mentions)


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence that supports a fact, with its offsets in the document text."""

    sentence: str
    start: int
    end: int
    confidence: float


@dataclass(frozen=True, slots=True)
class Value:
    """A literal value: a date (``datatype`` xsd:date, xsd:gYearMonth, xsd:gYear)."""

    lexical: str
    datatype: str


@dataclass(frozen=True, slots=True)
class Fact:
    """``subject predicate object``: IRIs, the predicate a ta: local name."""

    subject: str
    predicate: str
    object: str | Value
    evidence: Evidence


@dataclass(slots=True)
class Extraction:
    """Everything kg extracted from one document."""

    doc_id: str
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)

    def add_entity(self, entity: Entity) -> Entity:
        known = self.entities.get(entity.iri)
        if known is None:
            self.entities[entity.iri] = entity
            return entity
        known.alt_labels.update(entity.alt_labels)
        known.mentioned = known.mentioned or entity.mentioned
        return known

    def add_fact(self, fact: Fact) -> None:
        self.facts.append(fact)
