"""One way to name an entity, for every command that takes one (explain, view --focus,
analyze --between, review).

An entity is named by its label or any other name the store or the gazetteer knows for it
(``"U.S."``, ``"USA"``, ``"America"``), its ISO3 code (``KOR``), a prefixed name
(``country:KOR``, ``tai:country/KOR``), a compact id (``country/KOR``) or its full IRI;
case and spacing do not matter. :class:`Names` indexes the names of a store
(:meth:`Names.from_store`) or of a networkx view graph (:meth:`Names.from_graph`);
:meth:`Names.find` returns every entity a name fits, raising
:class:`UnknownEntityError` (with close names to try) when none does; :func:`choices`
lists several for the user to choose from. :func:`in_store` and :func:`one` do the same
on a store (``kg review``), also accepting an id or IRI the store holds but types no
entity with; :func:`one` raises :class:`AmbiguousEntityError` with the list to choose from.

>>> names = Names()
>>> names.add("https://w3id.org/techalliance/id/country/USA", "United States", ["U.S."], ["USA"])
>>> [names.find(t) for t in ("usa", "U.S.", "country:USA", "tai:country/USA")] == [
...     ["https://w3id.org/techalliance/id/country/USA"]] * 4
True
"""
from __future__ import annotations

import csv
import difflib
import re
from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable

from .errors import KGError
from .vocab import PREFIXES, TA, TAI, compact

if TYPE_CHECKING:
    from .store.base import Store

__all__ = ["Names", "UnknownEntityError", "AmbiguousEntityError", "choices", "country_names",
           "fold", "in_store", "one"]

# ta: classes whose instances are not entities one names
_NOT_ENTITIES = ("Document", "Evidence", "Alignment", "DomainAlignment", "Decision")
_IRI_FORM = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$", re.IGNORECASE)
_PREFIXED = re.compile(r"^([A-Za-z][\w-]*):(\S+)$")
_COMPACT = re.compile(r"^([\w-]+)/(\S+)$")
SAFE_IRI = re.compile(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", re.IGNORECASE)


class UnknownEntityError(KGError):
    """No entity in the store matches the name, id or IRI given."""


class AmbiguousEntityError(KGError):
    """A name fits several entities; the message lists them to choose from."""

    def __init__(self, message: str, candidates: list[tuple[str, str]]):
        super().__init__(message)
        self.candidates = candidates


def fold(text: str) -> str:
    """Case- and spacing-insensitive form of a name."""
    return " ".join(str(text).casefold().split())


class Names:
    """Names of entities: fold(name) -> IRIs, and each IRI's label."""

    def __init__(self):
        self.by_name: dict[str, set[str]] = defaultdict(set)
        self.labels: dict[str, str] = {}
        self.iris: dict[str, str] = {}  # casefolded IRI -> IRI

    def add(self, iri: str, label: str | None = None, alts: Iterable[str] = (),
            codes: Iterable[str] = ()) -> None:
        self.iris.setdefault(iri.casefold(), iri)
        if label and (iri not in self.labels or label < self.labels[iri]):
            self.labels[iri] = label
        for name in [label, *alts, *codes]:
            if name and str(name).strip():
                self.by_name[fold(name)].add(iri)

    def label(self, iri: str) -> str:
        return self.labels.get(iri) or compact(iri)

    # -- building ------------------------------------------------------------------------
    @classmethod
    def from_store(cls, store: Store) -> "Names":
        """Every typed entity of ``store`` with its labels, altLabels and ISO3 code, plus the
        names the gazetteer knows for the countries and domains in it."""
        from .vocab import RDFS, SKOS

        excluded = ", ".join(f"ta:{c}" for c in _NOT_ENTITIES)
        header = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
        result = store.query(header + f"""
            SELECT DISTINCT ?s ?p ?l WHERE {{
              ?s a ?t . FILTER (isIRI(?s) && STRSTARTS(STR(?t), STR(ta:)) && ?t NOT IN ({excluded}))
              OPTIONAL {{ VALUES ?p {{ rdfs:label skos:altLabel ta:iso3 }} ?s ?p ?l }}
            }}""")
        names = cls()
        for s, p, value in result.rows:
            if p == RDFS + "label":
                names.add(s, value)
            elif p == SKOS + "altLabel" or p == TA + "iso3":
                names.add(s, alts=[value])
            else:
                names.add(s)
        names.add_gazetteer()
        return names

    @classmethod
    def from_graph(cls, graph: Any) -> "Names":
        """The nodes of a networkx graph made by :func:`kg.network.to_networkx`."""
        names = cls()
        for node, attrs in graph.nodes(data=True):
            iri = str(attrs.get("iri") or node)
            alts = attrs.get("alt_labels") or []
            if isinstance(alts, str):
                alts = [alts]
            codes = [attrs["iso3"]] if attrs.get("iso3") else []
            names.add(iri, attrs.get("label"), alts, codes)
        names.add_gazetteer()
        return names

    def add_gazetteer(self) -> None:
        """The gazetteer's names of the countries and domains indexed here (stores built
        before these were stored as skos:altLabel still answer to them)."""
        try:
            from .nlp.gazetteer import load_gazetteer

            entries = load_gazetteer().entries
        except Exception:  # noqa: BLE001 - names from the store still work
            return
        countries = country_names()
        for key, iri in list(self.iris.items()):
            entry = entries.get(iri)
            if entry is None:
                continue
            if entry.cls == "Country":
                self.add(iri, alts=countries.get(iri, ()), codes=[entry.country or ""])
            elif entry.cls == "TechnologyDomain":
                self.add(iri, alts=entry.aliases)

    # -- lookup ----------------------------------------------------------------------------
    def find(self, text: str) -> list[str]:
        """Every entity ``text`` names (one, when it is an id or IRI), sorted."""
        text = (text or "").strip()
        if not text:
            raise UnknownEntityError("no entity given; name one by label, code (KOR), id "
                                     "(country:KOR, country/KOR) or IRI")
        for iri in _as_iris(text):
            known = self.iris.get(iri.casefold())
            if known is not None:
                return [known]
        hits = self.by_name.get(fold(text))
        if hits:
            return sorted(hits)
        raise UnknownEntityError(f"no entity matches {text!r}; try {self.suggest(text)}")

    def suggest(self, text: str) -> str:
        """Close names to try, as a phrase for an error message."""
        key = fold(text)
        shown = {n: self.label(next(iter(sorted(i)))) for n, i in self.by_name.items()}
        words = [w for w in key.split() if len(w) > 2]
        close = sorted((n for n in shown if any(w in n for w in words)), key=len)[:5]
        close += [c for c in difflib.get_close_matches(key, list(shown), n=5, cutoff=0.5) if c not in close]
        picked = list(dict.fromkeys(shown[c] for c in close))[:5]
        if not picked:
            return "a label, code or id of an entity in the store (the store has none: run `kg build`)" \
                if not self.iris else "a label such as " + ", ".join(repr(self.label(i)) for i in sorted(self.iris.values())[:5])
        return "a label such as " + ", ".join(repr(p) for p in picked)


def choices(names: Names, text: str, iris: list[str]) -> str:
    """``'Kenya' names 2 entities; choose one: Kenya (country:KEN), Kenya (person:kenya)``."""
    listed = "; ".join(f"{names.label(i)} ({_short(i)})" for i in iris)
    return f"{text!r} names {len(iris)} entities; choose one by its id: {listed}"


def in_store(store: Store, text: str, names: Names | None = None) -> list[str]:
    """Every entity ``text`` names in ``store`` (:meth:`Names.find`), or the one IRI it
    spells when the store holds that IRI without typing an entity with it."""
    names = names if names is not None else Names.from_store(store)
    try:
        return names.find(text)
    except UnknownEntityError:
        for iri in _as_iris((text or "").strip()):
            if SAFE_IRI.match(iri) and store.query(f"ASK {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?p <{iri}> }} }}"):
                return [iri]
        raise


def one(store: Store, text: str, names: Names | None = None, *, where: str = "") -> str:
    """The one entity ``text`` names in ``store``; :class:`AmbiguousEntityError` listing the
    choices when it names several, :class:`UnknownEntityError` when none. ``where``
    (``"--focus"``) starts the messages."""
    names = names if names is not None else Names.from_store(store)
    lead = f"{where}: " if where else ""
    try:
        found = in_store(store, text, names)
    except UnknownEntityError as exc:
        raise UnknownEntityError(f"{lead}{exc}") from None
    if len(found) > 1:
        raise AmbiguousEntityError(lead + choices(names, text, found), [(i, names.label(i)) for i in found])
    return found[0]


def _short(iri: str) -> str:
    """``country:KOR`` for ``tai:country/KOR``: the prefixed form commands accept."""
    if iri.startswith(TAI) and "/" in iri[len(TAI):]:
        kind, _, rest = iri[len(TAI):].partition("/")
        return f"{kind}:{rest}"
    return compact(iri)


def _as_iris(text: str) -> list[str]:
    """The IRIs ``text`` may spell: full IRI, ``prefix:local``, ``kind:ID``, ``kind/ID``."""
    out = []
    if _IRI_FORM.match(text):
        out.append(text)
    m = _PREFIXED.match(text)
    if m and m.group(1) in PREFIXES:
        out.append(PREFIXES[m.group(1)] + m.group(2))
    elif m:
        out.append(f"{TAI}{m.group(1)}/{m.group(2)}")  # country:KOR
    if _COMPACT.match(text) and not _IRI_FORM.match(text):
        out.append(TAI + text)
    return out  # an ISO3 code is a name (ta:iso3): "Sun" may also be a label


@lru_cache(maxsize=1)
def country_names() -> dict[str, tuple[str, ...]]:
    """Country IRI -> the gazetteer's names for it (its "aliases" column: "U.S.", "USA",
    "America"; not capitals or demonyms), spelled as written, all-caps copies left out."""
    from . import resources

    out: dict[str, tuple[str, ...]] = {}
    try:
        with open(resources.gazetteer("countries.csv"), encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
                mixed = {a.casefold() for a in aliases if not a.isupper()}
                kept = [a for a in aliases if not (a.isupper() and a.casefold() in mixed)]
                out[f"{TAI}country/{row['iso3']}"] = tuple(dict.fromkeys(kept))
    except (OSError, KeyError):
        pass
    return out
