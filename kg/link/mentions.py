"""Link the pipeline's entity spans to canonical entities of one document.

Countries, domains and known officials come from the gazetteer (``span.kb_id_``); other
people and organisations found by the statistical model get stable ids from their names.
People named later by surname only ("Lee") are the person named in full earlier.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..nlp.gazetteer import Entry, Gazetteer
from ..vocab import entity_iri

LABEL_CLASS = {"COUNTRY": "Country", "PERSON": "Person", "ORG": "Organization",
               "PLACE": "Place", "TECH": "TechnologyDomain"}
_CORP_SUFFIX = re.compile(r"[,\s]+(?:Inc|Ltd|Corp|Co|Plc|PLC|LLC|AG|SA|NV|GmbH|Limited|Corporation)\.?$")
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")
_FAMILY_NAME_FIRST = {"KOR", "PRK", "CHN", "TWN", "HKG", "MAC", "VNM"}
_LOCATIVE = {"in", "at", "to", "from", "near", "outside", "visited", "visit", "visiting"}


@dataclass(slots=True)
class Mention:
    """One linked occurrence of an entity in the text."""

    iri: str
    cls: str
    label: str
    surface: str
    start: int  # token index
    end: int
    start_char: int
    end_char: int
    entry: Entry | None = None


def _clean_name(text: str) -> str:
    text = re.sub(r"^(?:the|The|THE)\s+", "", text.strip())
    text = _POSSESSIVE.sub("", text).strip()
    return _CORP_SUFFIX.sub("", text).strip(" ,")


class MentionLinker:
    """Turn ``doc.ents`` into :class:`Mention` records for one document."""

    def __init__(self, gazetteer: Gazetteer, published: date | None):
        self.gaz = gazetteer
        self.published = published
        self.people: dict[str, Mention] = {}  # surname or full name -> first person mention
        self.orgs: dict[str, tuple[str, str]] = {}  # first word of an organisation's name -> (iri, name)

    def link(self, sdoc) -> list[Mention]:
        out: list[Mention] = []
        for ent in sdoc.ents:
            mention = self._link_one(ent, sdoc)
            if mention is not None:
                out.append(mention)
        return out

    def _mention(self, ent, iri, cls, label, entry=None) -> Mention:
        return Mention(iri, cls, label, ent.text, ent.start, ent.end, ent.start_char, ent.end_char, entry)

    def _link_one(self, ent, sdoc) -> Mention | None:
        label = ent.label_
        if ent.kb_id_:
            entry = self.gaz.entries.get(ent.kb_id_)
            if entry is None:
                return None
            if entry.cls == "Country" and self._is_capital_as_place(ent, entry):
                name = ent.text.title() if ent.text.isupper() else ent.text
                return self._mention(ent, entity_iri("place", name), "Place", name, entry)
            if entry.cls == "Person":
                self._remember(entry.label, ent, entry)
            return self._mention(ent, entry.iri, entry.cls, entry.label, entry)
        if ent.text.isupper() and len(ent.text) > 3:
            entry = self.gaz.lookup(ent.text.title(), self.published)
            if entry is not None and entry.cls != "Person":
                return self._mention(ent, entry.iri, entry.cls, entry.label, entry)
            if label == "PERSON":
                return None  # "CAMP DAVID, Md." datelines and headlines
        if label == "PERSON":
            return self._person(ent)
        if label == "ORG":
            return self._person_by_surname(ent) or self._organization(ent)
        if label == "PLACE":
            name = _clean_name(ent.text)
            if not name or not name[0].isupper() or self._person_by_surname(ent):
                return None
            entry = self.gaz.lookup(name, self.published)
            if entry is not None and entry.cls in ("Country", "Place"):
                return self._mention(ent, entry.iri, entry.cls, entry.label, entry)
            return self._mention(ent, entity_iri("place", name), "Place", name)
        return None

    def _is_capital_as_place(self, ent, entry: Entry) -> bool:
        """"signed in Tokyo": a capital after a locative word is the city, not the state;
        so is a dateline ("WASHINGTON, April 17 —" at the start of a paragraph)."""
        capitals = self.gaz.capitals.get(entry.iri, ())
        if ent.text not in capitals and ent.text.title() not in capitals:
            return False
        prev = ent.doc[ent.start - 1] if ent.start > 0 else None
        if prev is None or "\n" in prev.text or prev.is_space:
            nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
            return nxt is not None and nxt.text == ","
        return prev.lower_ in _LOCATIVE

    def _remember(self, full: str, ent, entry: Entry | None) -> None:
        """Remember a full name so that a later surname finds it. East Asian names put the
        family name first ("Lee Jae-myung" → "Lee", "Xi Jinping" → "Xi")."""
        parts = full.split()
        if len(parts) > 1:
            keys = [parts[-1]]
            if entry is not None and entry.country in _FAMILY_NAME_FIRST:
                keys.append(parts[0])
            for key in keys:
                self.people[key] = self.people.get(key) or (full, entry)
            self.people[full] = (full, entry)

    def _person(self, ent) -> Mention | None:
        tokens = [t for t in ent if not (t.is_punct and t.text not in "-.'")]
        text = _clean_name(ent.text)
        # drop leading title words the model put inside the name ("Minsiter Yasuhiro Nakasone")
        words = text.split()
        for k in range(len(words)):
            entry = self.gaz.lookup(" ".join(words[k:]), self.published)
            if entry is not None and entry.cls == "Person":
                self._remember(entry.label, ent, entry)
                return self._mention(ent, entry.iri, "Person", entry.label, entry)
        words = [w for w in words if not self.gaz.title(w)]
        if not tokens or not words:
            return None
        if len(words) == 1:
            return self._person_by_surname(ent, words[0])
        if not all(w[0].isupper() for w in words if w[0].isalpha()):
            return None
        name = " ".join(words)
        self._remember(name, ent, None)
        return self._mention(ent, entity_iri("person", name), "Person", name)

    def _person_by_surname(self, ent, surname: str | None = None) -> Mention | None:
        surname = surname or _clean_name(ent.text)
        known = self.people.get(surname)
        if known:
            full, entry = known
            iri = entry.iri if entry else entity_iri("person", full)
            return self._mention(ent, iri, "Person", full, entry)
        if ent.label_ != "PERSON":
            return None
        candidates = [e for e in self.gaz.person_by_surname(surname)]
        if len(candidates) == 1:
            entry = candidates[0]
            self._remember(entry.label, ent, entry)
            return self._mention(ent, entry.iri, "Person", entry.label, entry)
        return None

    def _organization(self, ent) -> Mention | None:
        name = _clean_name(ent.text.split("(")[0])
        if len(name) < 2 or not name[0].isupper() or name.isdigit():
            return None
        entry = self.gaz.lookup(name, self.published)
        if entry is not None:
            if entry.cls == "Country":
                return None
            return self._mention(ent, entry.iri, entry.cls, entry.label, entry)
        first = ent.doc[ent.start]
        if first.lower_ == "the":
            first = ent.doc[min(ent.start + 1, ent.end - 1)]
        if first.ent_kb_id_ or self.gaz.lookup(first.text, self.published) is not None:
            return None  # "U.S. Semiconductor", "U.S. Government": a country word leads it
        if not any(c.isalpha() for c in name) or all(t.is_lower for t in ent if t.is_alpha):
            return None
        if len(name.split()) == 1:
            earlier = self.orgs.get(name)
            if earlier is not None:  # "Calmos" after "Calmos Systems Inc"
                return self._mention(ent, earlier[0], "Organization", earlier[1])
            if ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the":
                return None  # "the House", "the Board": a generic institution word
        iri = entity_iri("org", name)
        self.orgs.setdefault(name.split()[0], (iri, name))
        return self._mention(ent, iri, "Organization", name)
