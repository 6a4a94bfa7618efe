"""Link the pipeline's entity spans to canonical entities of one document.

Countries, domains and known officials come from the gazetteer (``span.kb_id_``); other
people and organisations found by the statistical model get stable ids from their names.
People named later by surname only ("Lee") are the person named in full earlier.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..nlp.gazetteer import Entry, Gazetteer, ministry_descriptor
from .names import NameShapes
from ..vocab import country_iri, entity_iri

LABEL_CLASS = {"COUNTRY": "Country", "PERSON": "Person", "ORG": "Organization",
               "PLACE": "Place", "TECH": "TechnologyDomain"}
_CORP_SUFFIX = re.compile(r"[,\s]+(?:(?:and|&)\s+Co|Inc|Ltd|Corp|Co|Plc|PLC|LLC|AG|SA|NV|GmbH|Limited|Corporation|Pte)\.?$")
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")
_FAMILY_NAME_FIRST = {"KOR", "PRK", "CHN", "TWN", "HKG", "MAC", "VNM"}
_COURTESY = {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr."}
_PEERAGE = {"Lord", "Lady", "Sir", "Dame", "Baroness", "Baron", "Earl"}


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
    country: str | None = None  # ISO3 of a body named with its state ("China's commerce ministry")


_TICKER = re.compile(r"\s*(?:<|&lt;)[^>]*>?\s*$")  # wire copy's "Exxon Corp <XON>"


def _clean_name(text: str) -> str:
    text = _TICKER.sub("", text)
    text = re.sub(r"^(?:the|The|THE)\s+", "", text.strip())
    text = _POSSESSIVE.sub("", text).strip()
    return _CORP_SUFFIX.sub("", text).strip(" ,")


class MentionLinker(NameShapes):
    """Turn ``doc.ents`` into :class:`Mention` records for one document."""

    def __init__(self, gazetteer: Gazetteer, published: date | None):
        self.gaz = gazetteer
        self.published = published
        self.people: dict[str, Mention] = {}  # surname or full name -> first person mention
        self.orgs: dict[str, tuple[str, str]] = {}  # first word of an organisation's name -> (iri, name)
        self.by_words: dict[frozenset, str] = {}  # the words of a full name, any order -> name
        self.model_orgs: set[str] = set()  # names the model calls an organisation somewhere
        self.not_orgs: set[str] = set()  # names of agreements and programmes (and their acronyms)
        self.tails: dict[str, Entry] = {}  # "Air Force" -> the "U.S. Air Force" this story names

    def link(self, sdoc) -> list[Mention]:
        out: list[Mention] = []
        self.model_orgs = {e.text for e in sdoc.ents if e.label_ == "ORG" and not e.kb_id_}
        self.model_people = {e.text for e in sdoc.ents if e.label_ == "PERSON" and not e.kb_id_} - self.model_orgs
        self.tails = self._country_prefixed_bodies(sdoc)
        extra = self._untagged_full_names(sdoc) + self._lowercase_ministries(sdoc)
        replaced = {i for e in extra for i in range(e.start, e.end)}
        ents = sorted([*(e for e in sdoc.ents if e.start not in replaced), *extra], key=lambda e: e.start)
        for ent in ents:
            mention = self._link_one(ent, sdoc)
            if mention is not None:
                inner = self._state_inside(mention, sdoc)
                if inner is not None:
                    out.append(inner)  # before the body: the body keeps its tokens for the roles
                out.append(mention)
        return out

    def _state_inside(self, m: Mention, sdoc) -> Mention | None:
        """"Taiwan's Ministry of Economic Affairs", "the Japanese Foreign Ministry": a body
        named with its state names the state too (a mention of its own)."""
        if m.cls != "Organization" or m.end - m.start < 2:
            return None
        toks = sdoc[m.start:m.end]
        k = next((j for j, t in enumerate(toks[:4]) if t.text in ("'s", "’s")), None)
        lead = toks[:k] if k else toks[:1]
        if k is None and (len(toks) < 2 or toks[1].text in ("'s", "’s")):
            return None
        if lead[0].lower_ == "the":
            lead = lead[1:]
        if not len(lead):
            return None
        entry = self.gaz.lookup(lead.text, self.published)
        if entry is None or entry.cls != "Country":
            return None
        if k is None and lead.text in self.gaz.capitals.get(entry.iri, ()):
            return None  # "the Warsaw Pact", "the Paris Club": a city in a body's name, not its state
        return Mention(entry.iri, "Country", entry.label, lead.text, lead.start, lead.end,
                       lead.start_char, lead.end_char, entry)

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
            if entry.cls == "Country" and (capital := self._capital_by_description(ent, entry)) is not None:
                return capital
            if entry.cls == "Person":
                self._remember(entry.label, ent, entry)
            if entry.cls == "Place" and self._names_a_body_part(ent, entry):
                return None  # "the Foreign Ministry's North American Division"
            if entry.cls == "Organization":
                if self._title_fragment(ent):
                    return None
                if len(ent) == 1 and ent.start >= 2 and ent.doc[ent.start - 1].lower_ in ("of", "for") \
                        and ent.doc[ent.start - 2].lower_ in ("ministry", "department"):
                    return self._ministry(ent.doc[ent.start - 2:ent.end], ent.doc[ent.start - 2:ent.end].text)
                if len(ent) == 1 and ent.end < len(ent.doc) and ent.doc[ent.end].lower_ == "ministry" \
                        and ent.text.lower() in self.gaz.ministry_names:
                    # "Commerce ministry spokesperson He Yadong": part of a ministry's name, whose
                    # state the context gives, not the body the bare word names ("Commerce": US)
                    return None
                twin = self._place_twin(ent, entry)
                if twin is not None:
                    return self._mention(ent, twin.iri, "Place", twin.label, twin)
                if entry.kind == "government" and ministry_descriptor(ent.text):
                    # "India's Ministry of Commerce" is not China's, whatever the alias says
                    country = self._country_of(ent)
                    if country is not None and country != entry.country:
                        return self._ministry(ent, ent.text)
            return self._mention(ent, entry.iri, entry.cls, entry.label, entry)
        if label in ("ORG", "PERSON", "PLACE") and _clean_name(ent.text) in self.gaz.words("not_entity"):
            return None  # "LNG", "LPG", "MAGA": goods and slogans, not bodies
        if label in ("ORG", "PLACE") and ent.end + 1 < len(ent.doc) and ent.doc[ent.end].text == "-" \
                and ent.doc[ent.end + 1].lower_ in self.gaz.words("era_suffix"):
            return self._person_by_surname(ent)  # "a Biden-era rule": the president's time, not a place
        if ent.text.isupper() and len(ent.text) > 3:
            entry = self.gaz.lookup(ent.text.title(), self.published)
            if entry is not None and entry.cls != "Person":
                return self._mention(ent, entry.iri, entry.cls, entry.label, entry)
            if label == "PERSON":
                return None  # "CAMP DAVID, Md." datelines and headlines
        if label in ("PERSON", "PLACE") and ent.text in self.model_orgs:
            label = "ORG"  # "Yukos" a person here, an organisation elsewhere in the story
        elif label in ("ORG", "PLACE") and (ent.text in self.model_people or self._titled(ent)):
            label = "PERSON"  # "Nadia Petrova, Bulgaria's trade minister": a person
        elif label in ("ORG", "PLACE"):
            k = next((k for k, t in enumerate(ent[:-1]) if t.text in _COURTESY), None)
            if k is not None:  # "Later Ms Blears", "Mr Ebbers": a person after the honorific
                ent, label = ent.doc[ent.start + k:ent.end], "PERSON"
        if label == "EVENT" and self._ends_with(_clean_name(ent.text), "venue_head"):
            label = "PLACE"
        if label in ("PERSON", "PLACE") and self._has_digits(ent):
            return None
        if label == "PLACE" and self._country_pair(ent.text):
            return None  # "U.S./Japan", "U.S.-Japan": two states, not a place
        if label in ("ORG", "PERSON") and self._names_a_site(ent):
            label = "PLACE"  # "the Yadavaran and Jufeyr oilfields", "the Shah Deniz gas field"
        if label in ("ORG", "PLACE", "PERSON") and self._venue_after_locative(ent):
            name = _clean_name(ent.text)  # "at the Old Royal Naval College": the venue
            return self._mention(ent, entity_iri("place", name), "Place", name)
        if label in ("ORG", "PLACE") and self._ends_with(_clean_name(ent.text), "venue_head"):
            name = _clean_name(ent.text)
            return self._mention(ent, entity_iri("place", name), "Place", name)
        bare = _TICKER.sub("", ent.text).rstrip(".")
        if label == "PERSON" and len(ent) > 1 and (self._ends_with(bare, "legal_suffix") or self._ends_with(bare, "org_head")):
            label = "ORG"  # "Seibu Railways", "Westar Mining": a company the model took for a person
        if label == "PERSON":
            return self._person(ent)
        if label == "ORG":
            if ent.end < len(ent.doc) and self.gaz.title(f"{_clean_name(ent.text)} {ent.doc[ent.end].text}") is not None:
                return None  # "Business and Trade Secretary": a known title, its words no body
            body = self._portfolio_body(ent)
            if body is not None:  # "Trade and Industry Secretary": the ministry, if any
                known = self.gaz.lookup(body, self.published) if body.startswith("Ministry of ") else None
                if known is not None and known.cls == "Organization":
                    return self._mention(ent, known.iri, known.cls, known.label, known)
                return self._ministry(ent, body) if body else None
            if self._title_fragment(ent) or self.gaz.title(_clean_name(ent.text)) is not None \
                    or self._in_lowercase_title(ent):
                return None  # "Secretary of State": a title, "National Security Adviser" too
            return self._person_by_surname(ent) or self._ministry(ent, _clean_name(ent.text)) or self._organization(ent)
        if label == "PLACE":
            name = _clean_name(ent.text)
            if not name or not name[0].isupper() or self._person_by_surname(ent):
                return None
            entry = self.gaz.lookup(name, self.published)
            if entry is not None and entry.cls == "Country" and self._is_capital_as_place(ent, entry) \
                    and self._based_in(ent):
                return self._mention(ent, entity_iri("place", name), "Place", name, entry)
            if entry is not None and entry.cls in ("Country", "Place"):
                return self._mention(ent, entry.iri, entry.cls, entry.label, entry)
            return self._mention(ent, entity_iri("place", name), "Place", name)
        return None

    def _capital_by_description(self, ent, entry: Entry) -> Mention | None:
        """"in the Vietnamese capital", "the Japanese capital's": a demonym before "capital"
        names the state's capital city (a Place), when the state has one capital."""
        doc = ent.doc
        if len(ent) != 1 or ent.end >= len(doc) or doc[ent.end].lower_ != "capital" \
                or ent.start == 0 or doc[ent.start - 1].lower_ != "the" or doc[ent.end].dep_ == "compound":
            return None  # (not "the Japanese capital markets")
        names = {c.title() if c.isupper() else c for c in self.gaz.capitals.get(entry.iri, ())}
        if len(names) != 1 or ent.text in names:
            return None
        name = next(iter(names))
        span = doc[ent.start:ent.end + 1]
        return Mention(entity_iri("place", name), "Place", name, span.text, span.start, span.end,
                       span.start_char, span.end_char, entry)

    def _remember(self, full: str, ent, entry: Entry | None) -> None:
        """Remember a full name so that a later surname finds it. East Asian names put the
        family name first ("Lee Jae-myung" → "Lee", "Xi Jinping" → "Xi"); a surname may
        carry particles ("Jean-Yves Le Drian" → "Le Drian", "Faisal bin Farhan")."""
        parts = full.split()
        if len(parts) > 1:
            keys = [parts[-1]]
            particles = self.gaz.words("particle")
            for k in range(len(parts) - 2, 0, -1):  # "Le Drian", "van der Leyen"
                if parts[k] not in particles:
                    break
                keys.append(" ".join(parts[k:]))
            if entry is not None and entry.country in _FAMILY_NAME_FIRST:
                keys.append(parts[0])
            for key in keys:
                self.people[key] = self.people.get(key) or (full, entry)
            self.people[full] = (full, entry)
            self.by_words.setdefault(frozenset(parts), full)

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
        honorifics, particles = self.gaz.words("honorific"), self.gaz.words("particle")
        peerage = ent.start > 0 and ent.doc[ent.start - 1].text in _PEERAGE
        stripped = True
        while words and stripped:  # "Mr Aiyar", "Prince Faisal bin Farhan", "Crown Prince X"
            stripped = False
            for n in (3, 2, 1):
                if len(words) > n and (self.gaz.title(" ".join(words[:n])) or n == 1 and words[0] in honorifics):
                    peerage = peerage or words[0] in _PEERAGE
                    words, stripped = words[n:], True
                    break
        while len(words) > 1 and words[-1] in self.gaz.words("postnominal"):
            words = words[:-1]  # "Ian Baird QC", "Ruth Kelly MP"
        # title words inside the name go, but not its last word: "Madeleine King", "Angus King"
        words = [w for i, w in enumerate(words) if w in particles or not self.gaz.title(w)
                 or (i == len(words) - 1 and i > 0)]
        if not tokens or not words:
            return None
        if len(words) == 1:
            # "Lord Harris" is not the gazetteer's Kamala Harris
            return self._person_by_surname(ent, words[0], gazetteer=not peerage)
        if not all(w[0].isupper() for w in words if w[0].isalpha() and w not in particles):
            return None
        name = " ".join(words)
        known = self.people.get(name)
        if known is None and frozenset(words) in self.by_words:  # "Jae-myung Lee" after "Lee Jae-myung"
            known = self.people.get(self.by_words[frozenset(words)])
        if known is None and len(words) == 2 and words[-1] in self.people and words[0] in self.people.get(words[-1])[0].split():
            known = self.people[words[-1]]  # "George Bush" after "George W. Bush"
        if known is not None:
            full, entry = known
            return self._mention(ent, entry.iri if entry else entity_iri("person", full), "Person", full, entry)
        entry = self._gazetteer_person(words)
        if entry is not None:
            self._remember(entry.label, ent, entry)
            return self._mention(ent, entry.iri, "Person", entry.label, entry)
        self._remember(name, ent, None)
        return self._mention(ent, entity_iri("person", name), "Person", name)

    def _gazetteer_person(self, words: list[str]) -> Entry | None:
        """A known official under a shorter or reordered form ("Kono Taro", "Prince Faisal")."""
        entry = self.gaz.lookup(" ".join(reversed(words)), self.published)
        return entry if entry is not None and entry.cls == "Person" else None

    def _person_by_surname(self, ent, surname: str | None = None, gazetteer: bool = True) -> Mention | None:
        surname = surname or _clean_name(ent.text)
        known = self.people.get(surname)
        if known:
            full, entry = known
            iri = entry.iri if entry else entity_iri("person", full)
            return self._mention(ent, iri, "Person", full, entry)
        if ent.label_ != "PERSON" or not gazetteer:
            return None
        candidates = self.gaz.person_by_surname(surname)
        if self.published is not None:  # "President Bush" in 2005 is not his father
            candidates = [e for e in candidates if e.valid_on(self.published)]
        elif len(candidates) > 1:
            candidates = []
        if len(candidates) == 1:
            entry = candidates[0]
            self._remember(entry.label, ent, entry)
            return self._mention(ent, entry.iri, "Person", entry.label, entry)
        return None

    def _ministry(self, ent, name: str) -> Mention | None:
        """"China's commerce ministry", "the Chinese foreign ministry", "Ministry of
        Commerce": that state's ministry, labelled "Ministry of Commerce" as such bodies are
        usually named."""
        descriptor = ministry_descriptor(name)
        if descriptor is None:
            return None
        country = self._country_of(ent)
        head = "Department" if "department" in name.lower() else "Ministry"
        entry, canonical = self.gaz.ministry(country, descriptor, head)
        if entry is not None:
            m = self._mention(ent, entry.iri, "Organization", entry.label, entry)
        elif country is not None:
            cname = self.gaz.entries[country_iri(country)].label
            m = self._mention(ent, entity_iri("org", f"{canonical} of {cname}"), "Organization", canonical)
        elif name[:1].isupper():
            m = self._mention(ent, entity_iri("org", canonical), "Organization", canonical)
        else:
            return None
        m.country = country or (entry.country if entry else None)
        return m

    def _with_country_word(self, ent) -> Entry | None:
        """"China's National Petroleum Corporation": the body "China National Petroleum
        Corporation" with its state's name split off by a possessive."""
        doc = ent.doc
        if ent.start < 2 or doc[ent.start - 1].text not in ("'s", "’s") or not doc[ent.start - 2].ent_kb_id_:
            return None
        text = ent.text[4:] if ent.text.startswith("the ") else ent.text
        for name in (f"{doc[ent.start - 2].text} {text}", f"{doc[ent.start - 2].text} {_clean_name(text)}"):
            entry = self.gaz.lookup(name, self.published)
            if entry is not None and entry.cls == "Organization":
                return entry
        return None

    def _organization(self, ent) -> Mention | None:
        name = _clean_name(ent.text.split("(")[0])
        if len(name) < 2 or not name[0].isupper() or name.isdigit():
            return None
        words = name.split()
        not_org_heads = self.gaz.words("not_org_head")
        before = ent.doc[max(0, ent.start - 2):ent.start]
        if len(before) == 2 and before[1].text == "(" and before[0].text in not_org_heads:
            self.not_orgs.add(name)  # "Military Information Agreement (GSOMIA)"
        if len(words) > 2 and words[0] in not_org_heads and words[1] in ("on", "for", "of", "to"):
            self.not_orgs.add(name)  # "Initiative on Critical and Emerging Technology"
        if name in self.not_orgs or self._ends_with(name, "not_org_head"):
            # "the Global Combat Air Programme", "the Initiative on ...": not a body; nor is
            # its acronym in brackets right after it
            self.not_orgs.add(name)
            nxt = ent.doc[ent.end:ent.end + 3]
            if len(nxt) == 3 and nxt[0].text == "(" and nxt[2].text == ")":
                self.not_orgs.add(nxt[1].text)
            return None
        entry = self.gaz.lookup(name, self.published) or self._with_country_word(ent) or self.tails.get(name)
        if entry is not None:
            if entry.cls == "Country":
                return None
            return self._mention(ent, entry.iri, entry.cls, entry.label, entry)
        first = ent.doc[ent.start]
        if first.lower_ == "the":
            first = ent.doc[min(ent.start + 1, ent.end - 1)]
        heads = self.gaz.words("legal_suffix") | self.gaz.words("org_head")
        company = any(w.rstrip(".,") in heads for w in ent.text.split()[1:])
        if not company and (first.ent_kb_id_ or self.gaz.lookup(first.text, self.published) is not None):
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
