"""Reading agreements out of the ``(subject, predicate, object)`` facts that the
``extract_text`` fixture returns (shared by the golden extraction tests)."""
from __future__ import annotations

_AGREEMENT_PREDICATES = ("party", "covers", "status", "date", "location", "signatory", "duringEvent")


def agreements(facts) -> dict[str, set]:
    """{agreement id: {(predicate, object)}}: the subjects with a ``party`` (export
    controls have ``imposedBy``, summits ``participant``)."""
    ids = {s for s, p, _o in facts if p == "party"}
    out: dict[str, set] = {}
    for s, p, o in facts:
        if s in ids and p in _AGREEMENT_PREDICATES:
            out.setdefault(s, set()).add((p, o))
    return out


def parties(facts) -> set[frozenset]:
    """The party sets of the agreements found."""
    return {frozenset(o for p, o in fs if p == "party") for fs in agreements(facts).values()}


def only(facts) -> set:
    """The (predicate, object) pairs of the one agreement found (fails if there are several)."""
    (fs,) = agreements(facts).values()
    return fs
