"""The domain gazetteer: CSV files in ``data/gazetteer/`` loaded into one alias index.

Each entry links a surface form to a canonical entity (an IRI of the contract) and its
core class. Aliases with an upper-case letter match case-sensitively ("AI", "US", "ROK");
all-lowercase aliases match case-insensitively ("quantum computing").
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from .. import resources
from ..vocab import country_iri, domain_iri, entity_iri


@dataclass(slots=True)
class Entry:
    """A canonical entity the gazetteer knows."""

    iri: str
    cls: str  # Country, Person, Organization, Place, TechnologyDomain
    label: str
    aliases: set[str] = field(default_factory=set)
    country: str | None = None  # ISO3: the state a person/org/place belongs to
    organization: str | None = None  # IRI of a person's organisation
    role: str = ""
    qid: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    kind: str = ""

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return self.valid_to is None
        return (self.valid_from is None or day >= self.valid_from) and (
            self.valid_to is None or day < self.valid_to)


@dataclass(slots=True)
class Title:
    title: str
    organization: str | None  # IRI
    country: str | None  # ISO3
    kind: str


def _split(cell: str | None) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


def _date(cell: str | None) -> date | None:
    try:
        return date.fromisoformat(cell.strip()) if cell and cell.strip() else None
    except ValueError:
        return None


_MINISTRY = re.compile(
    r"^(?:ministry|department) (?:for|of) (?:the )?(?P<a>[a-z ,&]+?)(?: of (?:the )?[a-z ]+)?$"
    r"|^(?:[\w.]+(?:'s|’s)? )*?(?P<b>[a-z]+(?: affairs)?) (?:ministry|department)$")


# "X-related" speaks of X itself ("chip-related items", "semiconductor-related products")
_ABOUT_SUFFIXES = frozenset({"related"})


def ministry_descriptor(name: str) -> str | None:
    """"foreign" for "Japan's Foreign Ministry", "commerce" for "Ministry of Commerce of
    China": what a state ministry is for, lower case."""
    m = _MINISTRY.match(re.sub(r"^the ", "", name.lower()))
    if not m:
        return None
    return (m.group("a") or m.group("b")).strip()


def _rows(path: Path):
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


class Gazetteer:
    """All entries, an alias → entries index and the compiled matchers."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder
        self.entries: dict[str, Entry] = {}
        self.titles: dict[str, Title] = {}
        self.index: dict[str, list[Entry]] = {}  # exact alias -> entries
        self.lower_index: dict[str, list[Entry]] = {}  # lowercase alias -> entries
        self.surnames: dict[str, list[Entry]] = {}
        self.org_by_name: dict[str, str] = {}
        self.capitals: dict[str, set[str]] = {}  # country IRI -> capital names
        self.name_words: dict[str, set[str]] = {}  # kind (honorific, legal_suffix, ...) -> words
        self.place_twins: dict[str, Entry] = {}  # org IRI -> the place of the same name (White House)
        self._load(folder)
        self._regexes = None  # built on first use of find(); the pipeline uses matcher()

    # -- loading --------------------------------------------------------------------
    def _path(self, name: str) -> Path:
        return (self.folder / name) if self.folder else resources.gazetteer(name)

    def _add(self, entry: Entry, forms: list[str]) -> None:
        self.entries[entry.iri] = entry
        for form in {entry.label, *forms}:
            entry.aliases.add(form)
            if any(c.isupper() for c in form):
                self.index.setdefault(form, []).append(entry)
            else:
                self.lower_index.setdefault(form.lower(), []).append(entry)

    def _load(self, folder) -> None:
        for row in _rows(self._path("countries.csv")):
            e = Entry(country_iri(row["iso3"]), "Country", row["name"], country=row["iso3"],
                      qid=row.get("qid", ""), valid_from=_date(row.get("from")),
                      valid_to=_date(row.get("to")), kind="country")
            forms = _split(row.get("aliases")) + _split(row.get("capitals")) + _split(row.get("demonyms"))
            self.capitals.setdefault(e.iri, set()).update(_split(row.get("capitals")))
            self._add(e, forms)
        for row in _rows(self._path("domains.csv")):
            e = Entry(domain_iri(row["slug"]), "TechnologyDomain", row["label"], qid=row.get("qid", ""))
            self._add(e, _split(row.get("synonyms")))
        for row in _rows(self._path("organizations.csv")):
            e = Entry(entity_iri("org", row["name"]), "Organization", row["name"],
                      country=row.get("country") or None, kind=row.get("kind", ""), qid=row.get("qid", ""))
            self.org_by_name[row["name"]] = e.iri
            self._add(e, _split(row.get("aliases")))
        for row in _rows(self._path("places.csv")):
            e = Entry(entity_iri("place", row["name"]), "Place", row["name"],
                      country=row.get("country") or None, kind=row.get("kind", ""), qid=row.get("qid", ""))
            self._add(e, _split(row.get("aliases")))
        for row in _rows(self._path("people.csv")):
            org = self.org_by_name.get(row.get("organization") or "")
            # from/to: the years the person is the one a bare name means ("George Bush")
            e = Entry(entity_iri("person", row["name"]), "Person", row["name"],
                      country=row.get("country") or None, organization=org,
                      role=row.get("role", ""), qid=row.get("qid", ""),
                      valid_from=_date(row.get("from")), valid_to=_date(row.get("to")))
            self._add(e, _split(row.get("aliases")))
            for form in {e.label, *e.aliases}:
                words = form.split()
                if len(words) > 1:
                    known = self.surnames.setdefault(words[-1], [])
                    if e not in known:
                        known.append(e)
        self.ministry_names = {r["descriptor"]: r["canonical"] for r in _rows(self._path("ministries.csv"))}
        self.ministries: dict[tuple[str, str], Entry] = {}  # (ISO3, "commerce") -> that state's ministry
        for e in self.entries.values():
            if e.cls == "Organization" and e.country:
                for form in e.aliases:
                    d = ministry_descriptor(form)
                    if d:
                        self.ministries.setdefault((e.country, self.ministry_names.get(d, d.title()).lower()), e)
        # "the Commission" is the European Commission in a story that names the EU
        self.context_aliases: dict[str, list[tuple[str, str]]] = {}  # alias -> [(context IRI, org IRI)]
        for row in _rows(self._path("context_aliases.csv")):
            org = self.org_by_name.get(row["organization"])
            ctx = self.org_by_name.get(row["context"]) or next(
                (e.iri for e in self.index.get(row["context"], ()) if e.cls == "Country"), None)
            if org and ctx:
                self.context_aliases.setdefault(row["alias"], []).append((ctx, org))
        for row in _rows(self._path("name_words.csv")):
            self.name_words.setdefault(row["kind"], set()).add(row["word"])
        for e in list(self.entries.values()):
            if e.cls == "Place":
                for form in e.aliases:
                    for twin in self.index.get(form, ()):
                        if twin.cls == "Organization":
                            self.place_twins.setdefault(twin.iri, e)
        for row in _rows(self._path("titles.csv")):
            t = Title(row["title"], self.org_by_name.get(row.get("organization") or ""),
                      row.get("country") or None, row.get("kind", ""))
            self.titles[row["title"]] = t
            self.titles.setdefault(row["title"].lower(), t)

    def _compile(self):
        def alternation(forms, before, flags=0):
            forms = sorted((f for f in forms if f), key=len, reverse=True)
            if not forms:
                return None
            body = "|".join(re.escape(f) for f in forms)
            # whole words only: no letter/digit right before or after the alias
            return re.compile(rf"{before}(?:{body})(?![\w]|-[a-z])", flags)
        # names may follow a hyphen ("Japan-Canada pact"); common words may not ("non-space")
        return alternation(self.index, r"(?<!\w)"), alternation(self.lower_index, r"(?<![\w-])", re.IGNORECASE)

    # -- lookup ---------------------------------------------------------------------
    def find(self, text: str):
        """Yield ``(start, end, surface)`` for every alias occurrence, longest first: one
        regex over plain text (the pipeline matches tokens with :meth:`matcher` instead).

        Overlapping occurrences are all reported ("U.S. Senate" and "Senate Finance
        Committee"); the caller keeps the longest.
        """
        if self._regexes is None:
            self._regexes = self._compile()
        for rx in self._regexes:
            if rx is None:
                continue
            pos = 0
            while True:
                m = rx.search(text, pos)
                if m is None:
                    break
                yield m.start(), m.end(), m.group(0)
                # look again from the next word inside this match, for overlapping aliases
                nxt = text.find(" ", m.start() + 1, m.end())
                pos = nxt + 1 if nxt != -1 else m.end()

    def matcher(self, nlp):
        """A :class:`TokenMatcher` of every alias for ``nlp``'s tokenizer (built once)."""
        key = id(nlp.vocab)
        cached = getattr(self, "_matchers", {})
        if key not in cached:
            cached[key] = TokenMatcher(self, nlp)
            self._matchers = cached
        return cached[key]

    def lookup(self, surface: str, day: date | None = None) -> Entry | None:
        """The entry a surface form names, preferring entries valid on ``day``."""
        candidates = self.index.get(surface) or self.lower_index.get(surface.lower()) or []
        if not candidates:
            return None
        valid = [e for e in candidates if e.valid_on(day)] or candidates
        return valid[0]

    def person_by_surname(self, surname: str) -> list[Entry]:
        return list(self.surnames.get(surname, []))

    def ministry(self, country: str | None, descriptor: str, head: str = "Ministry") -> tuple[Entry | None, str]:
        """The gazetteer's ministry of ``country`` for ``descriptor`` ("commerce") and the
        canonical name of such a body ("Ministry of Commerce", "Department of Energy")."""
        canonical = self.ministry_names.get(descriptor, descriptor.title())
        entry = self.ministries.get((country, canonical.lower())) if country else None
        return entry, f"{head} of {canonical}"

    def words(self, kind: str) -> set[str]:
        """Name-shape words of one kind from ``name_words.csv`` (honorific, particle,
        legal_suffix, org_head, gov_head, venue_head, not_org_head)."""
        return self.name_words.get(kind, set())

    def title(self, text: str) -> Title | None:
        return self.titles.get(text) or self.titles.get(text.lower())


class TokenMatcher:
    """The aliases as spaCy ``PhraseMatcher`` patterns: case-sensitive forms on ``ORTH``,
    lower-case forms on ``LOWER``; what :meth:`Gazetteer.find` does with one regex over the
    text, at a fraction of its cost, with the same word-boundary rules."""

    def __init__(self, gaz: Gazetteer, nlp):
        from spacy.matcher import PhraseMatcher

        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact.add("exact", list(nlp.tokenizer.pipe(sorted(f for f in gaz.index if f))))
        self.lower.add("lower", list(nlp.tokenizer.pipe(sorted(f for f in gaz.lower_index if f))))

    def find(self, doc):
        """Yield ``(start_char, end_char, surface)`` for every alias occurrence in ``doc``."""
        for matcher, lower in ((self.exact, False), (self.lower, True)):
            for _key, start, end in matcher(doc):
                if self._bounded(doc, start, end, lower):
                    span = doc[start:end]
                    yield span.start_char, span.end_char, span.text

    @staticmethod
    def _bounded(doc, start, end, lower) -> bool:
        """Whole words: no word character glued on either side; a common word may not
        follow a hyphen ("non-space"), no alias may run into "-lowercase" ("AI-powered")."""
        if start > 0 and not doc[start - 1].whitespace_:
            last = doc[start - 1].text[-1]
            if last.isalnum() or last == "_" or (lower and last == "-"):
                return False
        if end < len(doc) and not doc[end - 1].whitespace_:
            nxt = doc[end].text
            if nxt[0].isalnum() or nxt[0] == "_":
                return False
            if nxt[0] == "-":
                rest = nxt[1:] or (doc[end + 1].text if end + 1 < len(doc) and not doc[end].whitespace_ else "")
                if (rest[:1].isalpha() if lower else rest[:1].islower()) and not doc[end - 1].text.endswith(".") \
                        and rest.lower() not in _ABOUT_SUFFIXES:
                    return False  # "AI-powered"; but "U.S.-made" names the United States, and
                    # "semiconductor-related products" are semiconductors
        return True


@lru_cache(maxsize=4)
def load_gazetteer(folder: str | None = None) -> Gazetteer:
    """The gazetteer shipped with kg (cached), or one read from ``folder``."""
    return Gazetteer(Path(folder) if folder else None)
