"""Groupings of states (the Quad, AUKUS, G7, NATO, ...) and who belonged to them when.

``data/gazetteer/groupings.csv`` has one row per membership: the grouping's name as in
``organizations.csv``, the member (an ISO alpha-3 code, or the name of a body such as
"European Union"), the day it joined and the day it left (empty while a member).
A grouping named as a summit participant or an agreement party stands for its members
on the article's date.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .. import resources
from ..errors import KGError
from ..vocab import country_iri, entity_iri


class GroupingsError(KGError):
    """The groupings table cannot be read."""


@dataclass(frozen=True, slots=True)
class Membership:
    member: str  # IRI of the member state or body
    joined: date | None
    left: date | None

    def on(self, day: date | None) -> bool:
        if day is None:
            return self.left is None
        return (self.joined is None or self.joined <= day) and (self.left is None or day < self.left)


def _day(cell: str, path, line: int) -> date | None:
    cell = (cell or "").strip()
    if not cell:
        return None
    try:
        return date.fromisoformat(cell)
    except ValueError as exc:
        raise GroupingsError(f"{path}:{line}: not a date: {cell!r}") from exc


def member_iri(member: str) -> str:
    """``"JPN"`` → the country's IRI; ``"European Union"`` → the organisation's IRI."""
    member = member.strip()
    if len(member) == 3 and member.isalpha() and member.isupper():
        return country_iri(member)
    return entity_iri("org", member)


class Groupings:
    """Membership over time, by grouping name (the organisation's label)."""

    def __init__(self, rows: dict[str, list[Membership]]):
        self.rows = rows

    def __contains__(self, name: str) -> bool:
        return name in self.rows

    def members(self, name: str, day: date | None = None) -> list[str]:
        """Members of grouping ``name`` on ``day`` (today's members without a day), sorted."""
        return sorted({m.member for m in self.rows.get(name, ()) if m.on(day)})


def read_groupings(path) -> Groupings:
    rows: dict[str, list[Membership]] = {}
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                name, member = (row.get("grouping") or "").strip(), (row.get("member") or "").strip()
                if not name or not member:
                    raise GroupingsError(f"{path}:{line}: grouping and member are required")
                rows.setdefault(name, []).append(Membership(
                    member_iri(member), _day(row.get("joined"), path, line), _day(row.get("left"), path, line)))
    except OSError as exc:
        raise GroupingsError(f"cannot read {path}: {exc}") from exc
    return Groupings(rows)


@lru_cache(maxsize=1)
def load_groupings() -> Groupings:
    path = resources.gazetteer("groupings.csv")
    return read_groupings(path) if path.exists() else Groupings({})
