"""An analyst's decision about one fact, and how it is written as RDF and as JSON.

A decision is identified by the terms of its fact (subject, predicate, object), never by
a blank node, so it means the same thing in every rebuild of the store and in a fresh
store: ``tai:decision/{hash of the three terms}``. One fact has one current decision; a
later one replaces it. In the curation graph ``tai:graph/curation`` it reads::

    <tai:decision/…> a ta:Decision ;
        ta:verdict ta:Rejected ;                     # or ta:Confirmed, ta:Added
        rdf:subject S ; rdf:predicate P ; rdf:object O ;
        prov:wasAttributedTo <tai:curator/ana> ;     # a prov:Agent with an rdfs:label
        prov:generatedAtTime "2026-12-02T11:00:00Z"^^xsd:dateTime ;
        rdfs:comment "the note" .

A fact added by hand also puts ``S P O`` itself in the curation graph, with an evidence
record ``<tai:decision/…/evidence>`` (sentence, offsets, confidence 1.0,
``prov:wasDerivedFrom`` the document, ``ta:assertedBy`` the curator).

>>> d = Decision("reject", "https://w3id.org/techalliance/id/agreement/a",
...              "https://w3id.org/techalliance/ontology#party",
...              "https://w3id.org/techalliance/id/country/KOR", by="ana", at="2026-12-02T10:00:00Z")
>>> Decision.from_json(d.to_json()) == d
True
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from datetime import datetime, timezone

from ..errors import KGError
from ..vocab import PROV, RDF, RDFS, TA, TAI, XSD, compact, doc_iri, slug

#: The named graph of every analyst's decision (CONTRACT.md section 3).
CURATION_GRAPH = f"{TAI}graph/curation"
#: action -> the ta: individual that is its verdict
VERDICTS = {"reject": "Rejected", "confirm": "Confirmed", "add": "Added"}
ACTIONS = tuple(VERDICTS)
_DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")


class ReviewError(KGError):
    """A review command cannot be carried out (unknown entity, no such fact, bad file)."""


def now() -> str:
    """The current UTC time, to the second, as ISO 8601 (``2026-12-02T11:00:00Z``)."""
    return datetime.now(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def fact_id(subject: str, predicate: str, obj: str) -> str:
    """The stable id of a fact: 16 hex digits of a hash of its three terms."""
    return hashlib.sha1(f"{subject}\n{predicate}\n{obj}".encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Decision:
    """A reject, confirm or add of the fact ``subject predicate object``.

    ``object`` is an IRI unless ``datatype`` is given (then it is a literal's lexical
    value). ``doc``, ``sentence``, ``start`` and ``end`` are set for ``add`` only.
    """

    action: str
    subject: str
    predicate: str
    object: str
    datatype: str | None = None
    by: str = "analyst"
    at: str = ""
    note: str | None = None
    doc: str | None = None
    sentence: str | None = None
    start: int | None = None
    end: int | None = None

    def __post_init__(self):
        if self.action not in VERDICTS:
            raise ReviewError(f"unknown decision {self.action!r}; choose one of: {', '.join(ACTIONS)}")

    @property
    def fact(self) -> tuple[str, str, str]:
        return self.subject, self.predicate, self.object

    @property
    def iri(self) -> str:
        return f"{TAI}decision/{fact_id(*self.fact)}"

    @property
    def curator_iri(self) -> str:
        return f"{TAI}curator/{slug(self.by)}"

    @property
    def date(self) -> str:
        return self.at[:10]

    def describe(self) -> str:
        """``rejected by ana on 2026-12-02: wrong party`` (the note only when there is one)."""
        text = f"{VERDICTS[self.action].lower()} by {self.by} on {self.date}"
        return f"{text}: {self.note}" if self.note else text

    def terms(self) -> str:
        """The fact in compact form: ``agreement:x ta:party country:KOR``."""
        obj = compact(self.object) if self.datatype is None else json.dumps(self.object)
        return f"{compact(self.subject)} {compact(self.predicate)} {obj}"

    # -- JSON Lines --------------------------------------------------------------------
    def to_json(self) -> str:
        data = {k: v for k, v in asdict(self).items() if v is not None}
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, line: str) -> "Decision":
        data = json.loads(line)
        if not isinstance(data, dict):
            raise ReviewError("a decision is a JSON object")
        missing = [k for k in ("action", "subject", "predicate", "object") if not data.get(k)]
        if missing:
            raise ReviewError(f"a decision needs {', '.join(missing)}")
        unknown = set(data) - set(cls.__dataclass_fields__)
        if unknown:
            raise ReviewError(f"unknown keys {', '.join(sorted(unknown))}")
        for key in ("subject", "predicate", "object", "by", "at", "note", "doc", "sentence", "datatype"):
            if key in data and not isinstance(data[key], str):
                raise ReviewError(f"{key} must be a string")
        for key in ("start", "end"):
            if key in data and not isinstance(data[key], int):
                raise ReviewError(f"{key} must be an integer")
        for key in ("subject", "predicate") + (("object",) if not data.get("datatype") else ()):
            if not data[key].startswith(("http://", "https://", "urn:")):
                raise ReviewError(f"{key} {data[key]!r} is not a full IRI")
        if data.get("at") and not _DATETIME.fullmatch(data["at"]):
            raise ReviewError(f"at {data['at']!r} is not an ISO 8601 date and time (2026-12-02T11:00:00Z)")
        if data["action"] == "add" and not (data.get("doc") and data.get("sentence")):
            raise ReviewError("an added fact needs doc and sentence")
        return cls(**data)

    # -- RDF ---------------------------------------------------------------------------
    def object_term(self):
        from pyoxigraph import Literal, NamedNode

        return NamedNode(self.object) if self.datatype is None else Literal(self.object, datatype=NamedNode(self.datatype))

    def quads(self) -> list:
        """The quads of this decision in the curation graph."""
        from pyoxigraph import Literal, NamedNode, Quad

        g = NamedNode(CURATION_GRAPH)
        d, who = NamedNode(self.iri), NamedNode(self.curator_iri)
        s, p, o = NamedNode(self.subject), NamedNode(self.predicate), self.object_term()
        out = [
            (d, NamedNode(RDF + "type"), NamedNode(TA + "Decision")),
            (d, NamedNode(TA + "verdict"), NamedNode(TA + VERDICTS[self.action])),
            (d, NamedNode(RDF + "subject"), s), (d, NamedNode(RDF + "predicate"), p),
            (d, NamedNode(RDF + "object"), o),
            (d, NamedNode(PROV + "wasAttributedTo"), who),
            (d, NamedNode(PROV + "generatedAtTime"), Literal(self.at, datatype=NamedNode(XSD + "dateTime"))),
            (who, NamedNode(RDF + "type"), NamedNode(PROV + "Agent")),
            (who, NamedNode(RDFS + "label"), Literal(self.by)),
        ]
        if self.note:
            out.append((d, NamedNode(RDFS + "comment"), Literal(self.note)))
        if self.action == "add":
            e = NamedNode(self.iri + "/evidence")
            out += [(s, p, o), (e, NamedNode(RDF + "type"), NamedNode(TA + "Evidence")),
                    (e, NamedNode(RDF + "subject"), s), (e, NamedNode(RDF + "predicate"), p),
                    (e, NamedNode(RDF + "object"), o),
                    (e, NamedNode(TA + "sentence"), Literal(self.sentence or "")),
                    (e, NamedNode(TA + "charStart"), Literal(str(self.start or 0), datatype=NamedNode(XSD + "integer"))),
                    (e, NamedNode(TA + "charEnd"), Literal(str(self.end or 0), datatype=NamedNode(XSD + "integer"))),
                    (e, NamedNode(TA + "confidence"), Literal("1.0", datatype=NamedNode(XSD + "decimal"))),
                    (e, NamedNode(PROV + "wasDerivedFrom"), NamedNode(doc_iri(self.doc or ""))),
                    (e, NamedNode(TA + "assertedBy"), who),
                    (d, NamedNode(PROV + "used"), e)]
        return [Quad(a, b, c, g) for a, b, c in out]
