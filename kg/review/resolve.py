"""Naming entities, relations and values on the command line, as everywhere else in kg.

Kept small on purpose: a shared resolver (kg/resolve.py) can replace :func:`entity`.
An entity is a full IRI, a prefixed IRI (``country:KOR``, ``tai:country/KOR``), a
``kind/slug`` id (``country/KOR``), an ISO 3166-1 alpha-3 code (``KOR``), or a label or
alias (case- and spacing-insensitive). A relation is ``ta:party``, ``party`` or its IRI.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..vocab import FACT_PROPERTIES, PREFIXES, RDFS, SKOS, STATUSES, TA, TAI, XSD, compact, country_iri
from .model import ReviewError

if TYPE_CHECKING:
    from ..store.base import Store

_SAFE_IRI = re.compile(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", re.IGNORECASE)


def predicate(text: str) -> str:
    """``"party"``, ``"ta:party"`` or the full IRI -> the IRI of a contract relation."""
    name = text.strip()
    if name.startswith(TA):
        name = name[len(TA):]
    elif name.startswith("ta:"):
        name = name[3:]
    if name not in FACT_PROPERTIES:
        raise ReviewError(f"unknown relation {text!r}; choose one of: {', '.join(FACT_PROPERTIES)}")
    return TA + name


def as_iri(text: str) -> str | None:
    """The IRI ``text`` spells out, if it is written as one."""
    if re.match(r"^(https?|urn):", text, re.IGNORECASE):
        return text if _SAFE_IRI.match(text) else None
    m = re.match(r"^([A-Za-z][\w-]*):(\S+)$", text)
    if m and m.group(1) in PREFIXES:
        return PREFIXES[m.group(1)] + m.group(2)
    if re.match(r"^[a-z][\w-]*/\S+$", text):
        return TAI + text
    return None


def entity(store: Store, text: str) -> str:
    """The IRI of the entity ``text`` names; a ReviewError when none or several do."""
    text = text.strip()
    if not text:
        raise ReviewError("no entity given")
    iri = as_iri(text)
    if iri is not None:
        if not _SAFE_IRI.match(iri) or not _known(store, iri):
            raise ReviewError(f"no entity {compact(iri)} in the store")
        return iri
    if re.fullmatch(r"[A-Za-z]{3}", text) and _known(store, country_iri(text)):
        return country_iri(text)
    key = " ".join(text.casefold().split())
    rows = store.query(f"""SELECT DISTINCT ?s WHERE {{ VALUES ?p {{ <{RDFS}label> <{SKOS}altLabel> }}
        ?s ?p ?l . FILTER (isIRI(?s) && LCASE(STR(?l)) = {_literal(key)})
        FILTER NOT EXISTS {{ ?s a <{TA}Document> }} }} ORDER BY ?s""").rows
    found = [r[0] for r in rows if not r[0].startswith((TAI + "curator/", TAI + "decision/"))]
    if not found:
        raise ReviewError(f"no entity is named {text!r}; name it by label, ISO code or id (country:KOR)")
    if len(found) > 1:
        raise ReviewError(f"{text!r} names {len(found)} entities: {', '.join(compact(i) for i in found[:6])}; "
                          "give one of these ids")
    return found[0]


def value(store: Store, pred: str, text: str) -> tuple[str, str | None]:
    """The object of a fact with relation ``pred``: ``(IRI, None)`` or ``(lexical, datatype)``.

    Dates are ``2025``, ``2025-10`` or ``2025-10-29``; a status is ``Planned``,
    ``ta:Planned`` or its IRI; everything else is an entity.
    """
    text = text.strip()
    if pred == TA + "date":
        for pattern, kind in ((r"\d{4}", "gYear"), (r"\d{4}-\d\d", "gYearMonth"), (r"\d{4}-\d\d-\d\d", "date")):
            if re.fullmatch(pattern, text):
                return text, XSD + kind
        raise ReviewError(f"{text!r} is not a date; write 2025, 2025-10 or 2025-10-29")
    if pred == TA + "status":
        name = text[3:] if text.startswith("ta:") else text[len(TA):] if text.startswith(TA) else text
        match = [s for s in STATUSES if s.lower() == name.lower()]
        if not match:
            raise ReviewError(f"unknown status {text!r}; choose one of: {', '.join(STATUSES)}")
        return TA + match[0], None
    return entity(store, text), None


def _known(store: Store, iri: str) -> bool:
    return bool(store.query(f"ASK {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?p <{iri}> }} }}"))


def _literal(text: str) -> str:
    from pyoxigraph import Literal

    return str(Literal(text))
