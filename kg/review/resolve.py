"""Naming the terms of a fact on the command line, as everywhere else in kg.

Entities are resolved by the shared resolver (:mod:`kg.resolve`), as ``kg explain``,
``kg view --focus`` and ``kg analyze --between`` do; what is review-specific stays here:
a relation is ``ta:party``, ``party`` or its IRI; a date or status object is a literal or
``ta:`` individual.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..resolve import Names, one
from ..vocab import FACT_PROPERTIES, STATUSES, TA, XSD
from .model import ReviewError

if TYPE_CHECKING:
    from ..store.base import Store



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


def names(store: Store) -> Names:
    """The names of the entities in ``store``, to resolve several terms with one look-up."""
    return Names.from_store(store)


def entity(store: Store, text: str, known: Names | None = None) -> str:
    """The IRI of the entity ``text`` names, resolved as by every command (:mod:`kg.resolve`):
    label, alias ("U.S.", "America"), ISO3 code, ``country:KOR``, ``tai:`` id or full IRI.
    Several matches raise :class:`~kg.resolve.AmbiguousEntityError` listing them to choose from;
    none raises :class:`~kg.resolve.UnknownEntityError` with close names to try."""
    return one(store, text, known)


def value(store: Store, pred: str, text: str, known: Names | None = None) -> tuple[str, str | None]:
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
    return entity(store, text, known), None
