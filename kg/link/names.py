"""The shapes of names: what a span's words say about what it names, before any linking.

Titles around a word ("Commerce" in "Commerce Secretary"), company and venue heads,
product numbers, pairs of states ("U.S./Japan"), a building named like an office
("at the White House"), full names the model missed and ministries written in lower case.
The word lists are data (``data/gazetteer/name_words.csv``, ``titles.csv``).
"""
from __future__ import annotations

import re

from ..nlp.gazetteer import Entry

_PERSON_TITLE_KINDS = ("leader", "minister", "official", "legislator", "diplomat", "spokesperson")
# "pressure from Washington" is the state: "from" is not locative
LOCATIVE = {"in", "at", "to", "near", "outside", "inside", "visited", "visit", "visiting", "toured"}


class NameShapes:
    """Mixin of :class:`~kg.link.mentions.MentionLinker`: needs ``self.gaz`` and ``self.published``."""

    def _untagged_full_names(self, sdoc) -> list:
        """"Shuichi Takemoto of the Foreign Ministry ..." missed by the model while the
        surname alone is tagged later: the given name and surname together are the person."""
        from spacy.tokens import Span

        singles = {e.text for e in sdoc.ents if e.label_ == "PERSON" and len(e) == 1}
        if not singles:
            return []
        honorifics = self.gaz.words("honorific")
        out = []
        for t in sdoc:
            if t.text not in singles or t.i == 0:
                continue
            if t.ent_iob_ != "O" and not (t.ent_iob_ == "B" and t.ent_type_ in ("PLACE", "ORG", "PERSON") and not t.ent_kb_id_
                                         and (t.i + 1 == len(sdoc) or sdoc[t.i + 1].ent_iob_ != "I")):
                continue
            prev = sdoc[t.i - 1]
            if prev.ent_iob_ == "O" and prev.is_alpha and prev.is_title and prev.pos_ == "PROPN" \
                    and prev.text not in honorifics and not self.gaz.title(prev.text):
                out.append(Span(sdoc, t.i - 1, t.i + 1, label="PERSON"))
        return out

    def _lowercase_ministries(self, sdoc) -> list:
        """"China's commerce ministry", "the Chinese foreign ministry": the model rarely tags
        a ministry written in lower case; a state word and a known descriptor make it one."""
        from spacy.tokens import Span

        out = []
        for t in sdoc:
            if t.lower_ != "ministry" or t.ent_iob_ != "O" or t.i < 2:
                continue
            k = t.i - 1
            if sdoc[k].ent_iob_ != "O" or sdoc[k].lower_ not in self.gaz.ministry_names:
                continue
            j = k - 1 if sdoc[k - 1].text in ("'s", "’s") else k
            if sdoc[j - 1].ent_type_ == "COUNTRY" and j - 1 >= 0:
                out.append(Span(sdoc, k, t.i + 1, label="ORG"))
            elif t.i + 2 < len(sdoc) and sdoc[t.i + 1].lower_ == "in" and sdoc[t.i + 2].ent_type_ == "COUNTRY":
                out.append(Span(sdoc, k, t.i + 1, label="ORG"))  # "the commerce ministry in Beijing"
        return out

    # -- shapes of names -----------------------------------------------------------------
    def _titled(self, ent) -> bool:
        """A two- or three-word name followed by ", <state>'s <title>" or led by a title:
        the model's organisation or place is a person ("Nadia Petrova, Bulgaria's trade
        minister", "Foreign Minister Hakan Fidan")."""
        words = ent.text.split()
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
            return False
        if self._ends_with(ent.text, "legal_suffix") or self._ends_with(ent.text, "org_head"):
            return False
        doc = ent.doc
        prev = doc[ent.start - 1] if ent.start > 0 else None
        if prev is not None and (t := self.gaz.title(prev.text)) is not None and t.kind in _PERSON_TITLE_KINDS:
            return True
        after = doc[ent.end:ent.end + 6]
        if len(after) and after[0].text in self.gaz.words("postnominal"):
            return True  # "Karen Holt MP"
        if len(after) < 2 or after[0].text != ",":
            return False
        for k, tok in enumerate(after[1:], start=1):
            for n in (3, 2, 1):  # "State Minister of ...", "Deputy Foreign Minister"
                t = self.gaz.title(" ".join(x.text for x in after[k:k + n]).lower())
                if t is not None and t.kind in _PERSON_TITLE_KINDS:
                    return True
            if not (tok.ent_type_ == "COUNTRY" or tok.text in ("'s", "’s", "the", "a") or tok.is_lower
                    or tok.is_title and tok.is_alpha and not tok.ent_type_):  # "Deputy Trade Minister"
                return False
        return False

    def _has_digits(self, ent) -> bool:
        """Products and model numbers ("NXT:2050i", "Model 3") are neither people nor places."""
        return any(any(c.isdigit() for c in t.text) for t in ent)

    def _country_pair(self, text: str) -> bool:
        parts = [p for p in re.split(r"[/\-–]", text) if p.strip()]
        return len(parts) > 1 and all(
            (e := self.gaz.lookup(p.strip(), self.published)) is not None and e.cls == "Country" for p in parts)

    def _title_fragment(self, ent) -> bool:
        """"Commerce" in "Commerce Secretary", "State" in "Secretary of State", "Trade" in
        "Trade Representative", "Commerce" in "Commerce and Industry Minister": a portfolio
        word that is part of a title, not a body; so is any one word that makes a known
        title with its neighbours."""
        if len(ent) != 1 or ent.text.isupper() or not ent.text[:1].isupper():
            return False
        doc, i = ent.doc, ent.start
        heads = self.gaz.words("title_head")
        for k in range(i + 1, min(len(doc), i + 5) if ent.text in self.gaz.words("portfolio") else i + 1):
            # "Commerce [and Industry] Minister"
            t = doc[k]
            if t.text in heads:
                return True
            if not (t.text in (",", "and", "&") or t.is_title):
                break
        j = i - 1 - (1 if i >= 1 and doc[i - 1].lower_ == "the" else 0)
        if j >= 1 and doc[j].lower_ in ("of", "for") and doc[j - 1].text in heads \
                and ent.text in self.gaz.words("portfolio"):
            return True  # "Secretary of State", "Minister for Trade"
        for left in range(max(0, i - 3), i + 1):
            for right in range(i + 1, min(len(doc), i + 4) + 1):
                if right - left >= 2 and self.gaz.title(doc[left:right].text) is not None:
                    return True
        return False

    def _portfolio_body(self, ent) -> str | None:
        """"Trade and Industry Secretary X", "Minister of Internal Affairs and Communications
        X", "Undersecretary of State for Economic Affairs X": a portfolio of several words
        before or after a title word names the ministry ("Ministry of Trade and Industry",
        "Department of State"), not a body called "Trade and Industry". Returns that name,
        "" for a portfolio whose title names no ministry (a commissioner's), or None."""
        words = [t for t in ent if t.text not in (",", "&")]
        if len(words) < 2 or ent.text.isupper():
            return None
        doc, heads = ent.doc, self.gaz.words("title_head")
        head = doc[ent.end] if ent.end < len(doc) and doc[ent.end].text in heads else None
        j = ent.start - 1
        title_first = head is None and j >= 1 and doc[j].lower_ in ("of", "for") and doc[j - 1].text in heads
        if title_first:
            head = doc[j - 1]
        # after "Minister for" only a ministry's own word ends a body: "Internal Affairs and
        # Communications" is a portfolio there, "Communications" no company's head
        bodies = self.gaz.words("gov_head") if title_first else \
            self.gaz.words("gov_head") | self.gaz.words("org_head") | self.gaz.words("legal_suffix")
        connectors = ("and", "of", "for", "the")
        if any(t.text in bodies - {"Affairs"} for t in words) or not all(t.is_title or t.lower_ in connectors for t in words):
            return None
        if head is None:
            return None
        text = re.sub(r"^(?:the|The)\s+", "", ent.text).strip(" ,")
        first, _sep, _rest = text.partition(" for ")  # "State for Economic Affairs": the State Department
        if first in self.gaz.words("portfolio"):
            text = first
        low = head.lower_
        name = f"Ministry of {text}" if low.startswith("minister") else f"Department of {text}" if "secretar" in low else ""
        if title_first and name:
            # "Minister for Digital Transformation": a title; the ministry counts only as a
            # body the gazetteer knows by that very name
            known = self.gaz.lookup(name, self.published)
            return name if known is not None and known.cls == "Organization" else ""
        return name

    def _names_a_site(self, ent) -> bool:
        """A name right before a geographic common noun ("oilfields", "gas field", "island"),
        alone or in a list of such names, is the site: a place, not a person or a body."""
        doc, i = ent.doc, ent.start - 1
        while i >= 0 and (doc[i].lower_ in ("and", ",") or doc[i].ent_iob_ != "O" and doc[i].text[:1].isupper()):
            i -= 1
        if i < 0 or doc[i].lower_ != "the":
            return False  # "the Azadegan field", "the X and Y oilfields"
        i = ent.end
        nouns = self.gaz.words("site_noun")
        while i < len(doc) and i < ent.end + 12:
            t = doc[i]
            if t.lower_ in nouns:
                return True
            if t.lower_ in ("oil", "gas", "offshore") and i + 1 < len(doc) and doc[i + 1].lower_ in nouns:
                return True
            if t.lower_ in ("and", ",") or (t.ent_type_ and t.ent_iob_ != "O" and t.text[:1].isupper()):
                i += 1  # "Yadavaran and Jufeyr oilfields": the other names of the list
                continue
            return False
        return False

    def _in_lowercase_title(self, ent) -> bool:
        """"vice minister of science and ICT", "minister for trade and EU affairs": a word
        at the end of a portfolio written in lower case is part of the title."""
        if len(ent) != 1:
            return False
        doc, i = ent.doc, ent.start - 1
        heads = {w.lower() for w in self.gaz.words("title_head")}
        while i >= max(0, ent.start - 6):
            t = doc[i]
            if t.lower_ in ("of", "for") and i > 0 and doc[i - 1].is_lower and doc[i - 1].lower_ in heads:
                return True
            if not (t.is_lower and t.is_alpha or t.text == ","):
                return False
            i -= 1
        return False

    def _venue_after_locative(self, ent) -> bool:
        """"at the Old Royal Naval College", "in Lancaster House": a name of two or more words
        ending in a building word that may also name an institution is a venue after "at"/"in"."""
        words = ent.text.split()
        if len(words) < 2 or words[-1] not in self.gaz.words("venue_head_at"):
            return False
        i = ent.start - (1 if ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the" else 0)
        if ent.doc[ent.start].lower_ == "the":
            i = ent.start
        return i > 0 and ent.doc[i - 1].lower_ in ("at", "in", "inside", "outside")

    def _country_prefixed_bodies(self, sdoc) -> dict:
        """"the U.S. Air Force" named in the story: a bare "Air Force" there is that body;
        "the Commission" in a story naming the EU is the European Commission
        (``context_aliases.csv``)."""
        out = {}
        named = {e.kb_id_ for e in sdoc.ents if e.kb_id_}
        for alias, pairs in self.gaz.context_aliases.items():
            orgs = {org for ctx, org in pairs if ctx in named or org in named}
            if len(orgs) == 1:  # "the Treasury" in a story naming the US and not Britain
                out[alias] = self.gaz.entries[orgs.pop()]
        for e in sdoc.ents:
            entry = self.gaz.entries.get(e.kb_id_) if e.kb_id_ else None
            if entry is None or entry.cls != "Organization" or not entry.country:
                continue
            first, _sep, tail = entry.label.partition(" ")
            home = self.gaz.lookup(first, self.published)
            if tail and tail[:1].isupper() and home is not None and home.cls == "Country" and home.country == entry.country:
                out.setdefault(tail, entry)
        return out

    def _ends_with(self, name: str, kind: str) -> bool:
        heads = self.gaz.words(kind)
        words = name.split()
        return bool(words) and (words[-1] in heads or " ".join(words[-2:]) in heads)

    def _place_twin(self, ent, entry: Entry) -> Entry | None:
        """"at the White House": the building, where "the White House said" is the office."""
        twin = self.gaz.place_twins.get(entry.iri)
        if twin is None:
            return None
        i = ent.start - (1 if ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the" else 0)
        prev = ent.doc[i - 1] if i > 0 else None
        return twin if prev is not None and prev.lower_ in LOCATIVE else None

    def _names_a_body_part(self, ent, entry: Entry) -> bool:
        """A place's adjective inside a body's name ("North American Division", "European
        Affairs Bureau") is not a mention of the place."""
        if ent.text == entry.label or ent.end >= len(ent.doc):
            return False
        nxt = ent.doc[ent.end]
        heads = self.gaz.words("gov_head") | self.gaz.words("org_head") | self.gaz.words("legal_suffix")
        return nxt.is_title and nxt.text in heads

    # -- where a name sits and which state a body's name gives ---------------------------
    @staticmethod
    def _based_in(ent) -> bool:
        """"the Paris-based committee", "a Seoul-headquartered firm": the city it sits in."""
        after = ent.doc[ent.end:ent.end + 2]
        return len(after) == 2 and after[0].text == "-" and after[1].lower_ in ("based", "headquartered")

    def _is_capital_as_place(self, ent, entry: Entry) -> bool:
        """"signed in Tokyo": a capital after a locative word is the city, not the state;
        so is a dateline ("WASHINGTON, April 17 —" at the start of a paragraph)."""
        capitals = self.gaz.capitals.get(entry.iri, ())
        if ent.text not in capitals and ent.text.title() not in capitals:
            return False
        if self._based_in(ent):
            return ent.text != entry.label  # "the Paris-based committee": where it sits; a city-state stays one
        prev = ent.doc[ent.start - 1] if ent.start > 0 else None
        if prev is None or "\n" in prev.text or prev.is_space:
            nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
            return nxt is not None and nxt.text == ","
        return prev.lower_ in LOCATIVE

    def _country_of(self, ent) -> str | None:
        """The state a ministry's name gives: a country word inside it or just before it."""
        doc = ent.doc
        for t in doc[max(0, ent.start - 2):ent.end]:
            if t.ent_type_ == "COUNTRY" and t.ent_kb_id_:
                entry = self.gaz.entries.get(t.ent_kb_id_)
                if entry is not None and entry.cls == "Country":
                    return entry.country
        for w in ent.text.replace("’s", "").replace("'s", "").split():
            entry = self.gaz.lookup(w, self.published)
            if entry is not None and entry.cls == "Country":
                return entry.country
        if ent.end + 1 < len(doc) and doc[ent.end].lower_ == "in" and doc[ent.end - 1].lower_ == "ministry" \
                and doc[ent.end + 1].ent_type_ == "COUNTRY" and doc[ent.end + 1].ent_kb_id_:
            entry = self.gaz.entries.get(doc[ent.end + 1].ent_kb_id_)  # "the commerce ministry in Beijing"
            if entry is not None and entry.cls == "Country":
                return entry.country
        return None
