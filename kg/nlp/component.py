"""The ``kg_gazetteer_v1`` spaCy component (factory names may not contain dots): gazetteer entities win over the model's labels.

The statistical model calls "AI" a place in the seed report; a gazetteer match replaces
any model entity it overlaps, with a kg label and the canonical IRI as ``span.kb_id_``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .gazetteer import Gazetteer, load_gazetteer, ministry_descriptor

# kg's entity labels, by core class
CLASS_LABEL = {"Country": "COUNTRY", "Person": "PERSON", "Organization": "ORG",
               "Place": "PLACE", "TechnologyDomain": "TECH"}
# the statistical model's labels that kg keeps, renamed
MODEL_LABEL = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
               "DATE": "DATE", "NORP": "NORP", "EVENT": "EVENT", "LAW": "LAW"}


class GazetteerComponent:
    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer):
        self.name = name
        self.gazetteer = gazetteer
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        day = doc.user_data.get("kg_published")
        spans = []
        # the aliases as token patterns (PhraseMatcher), built for this pipeline's tokenizer
        for start, end, surface in self.gazetteer.matcher(self.nlp).find(doc):
            span = doc.char_span(start, end, alignment_mode="strict")
            if span is None:
                span = doc.char_span(start, end, alignment_mode="contract")
                if span is None or span.end_char - span.start_char < (end - start) - 1:
                    continue
            entry = self.gazetteer.lookup(surface, day)
            if entry is None:
                continue
            spans.append(Span(doc, span.start, span.end, label=CLASS_LABEL[entry.cls], kb_id=entry.iri))
        spans = self._venues(doc, self._company_names(doc, spans))
        chosen = self._surname_like_places(doc, filter_spans(spans))
        taken = set()
        for s in chosen:
            taken.update(range(s.start, s.end))
        for ent in doc.ents:
            label = MODEL_LABEL.get(ent.label_)
            if label == "PERSON" and taken.intersection(range(ent.start, ent.end)):
                ent = self._person_after(doc, ent, taken)  # "Lib Dem Norman Baker"
                if ent is None:
                    continue
            if label is None or taken.intersection(range(ent.start, ent.end)):
                continue
            if ent.label_ != label:
                ent = Span(doc, ent.start, ent.end, label=label)
            chosen.append(ent)
        doc.ents = filter_spans(chosen)
        return doc


    @staticmethod
    def _surname_like_places(doc: Doc, chosen: list[Span]) -> list[Span]:
        """"Lisa Monaco", "Ana Lima": a person the model found whose surname is a country or
        a city keeps the name; the gazetteer's place at the end of it goes."""
        drop = set()
        by_end = {s.end: s for s in chosen if s.label_ in ("COUNTRY", "PLACE") and len(s) == 1}
        for ent in doc.ents:
            if ent.label_ != "PERSON" or len(ent) < 2 or ent.end not in by_end:
                continue
            place = by_end[ent.end]
            given = doc[ent.start:place.start]
            if place.start > ent.start and all(t.is_alpha and t.is_title and not t.ent_kb_id_ for t in given) \
                    and not any(s.start < place.start and s.end > ent.start for s in chosen if s is not place):
                drop.add(id(place))
        return [s for s in chosen if id(s) not in drop]

    def _venues(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """"the Gyeongju Hilton", "the Tokyo Marriott": a city the gazetteer knows followed by
        a venue word is the venue, a place of its own."""
        heads = self.gazetteer.words("venue_head")
        out = []
        for s in spans:
            nxt = doc[s.end] if s.end < len(doc) else None
            if s.label_ in ("PLACE", "COUNTRY") and nxt is not None and nxt.text in heads and nxt.is_title \
                    and s.start > 0 and doc[s.start - 1].lower_ == "the":
                s = Span(doc, s.start, s.end + 1, label="PLACE")
            out.append(s)
        return out

    @staticmethod
    def _person_after(doc: Doc, ent: Span, taken: set[int]) -> Span | None:
        """The name left of a person span once a gazetteer entity at its start is taken
        away ("Lib Dem Norman Baker", "Labour MP Ann Clwyd"): two or more capitalised words."""
        start = ent.start
        while start < ent.end and start in taken:
            start += 1
        rest = doc[start:ent.end]
        if start == ent.start or len(rest) < 2 or taken.intersection(range(start, ent.end)):
            return None
        if not all(t.text[:1].isupper() for t in rest if t.is_alpha):
            return None
        return Span(doc, start, ent.end, label="PERSON")

    def _company_names(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A model ORG span with a company or body head ("China National Petroleum
        Corporation", "Los Angeles World Affairs Council", "Salomon Brothers Asia") keeps its
        whole name: the countries and places the gazetteer finds inside it are part of the
        name. An ORG whose only gazetteer match is an organisation is left to the gazetteer."""
        heads = self.gazetteer.words("legal_suffix") | self.gazetteer.words("org_head")
        out = list(spans)
        for ent in doc.ents:
            if ent.label_ != "ORG" or len(ent) < 2:
                continue
            words = [t.text.rstrip(".") for t in ent]
            if not any(w in heads for w in words[1:]) and not ministry_descriptor(ent.text):
                continue
            inside = [s for s in spans if s.start < ent.end and ent.start < s.end]
            # "the Ministry of Commerce": "Commerce" alone is not the US department here
            # ... and technology words inside a body's name ("Semiconductor Industry Association")
            allowed = ("COUNTRY", "PLACE", "TECH", "ORG") if ministry_descriptor(ent.text) else ("COUNTRY", "PLACE", "TECH")
            portfolio = self.gazetteer.words("portfolio")
            if not inside or any(s.label_ not in allowed and not (s.label_ == "ORG" and s.text in portfolio)
                                 or (s.label_ == "ORG" and len(s) > 1) for s in inside):
                continue  # "British Chambers of Commerce" keeps its "Commerce"
            if any(s.start < ent.start or s.end > ent.end for s in inside):
                continue
            if len(inside) == 1 and (inside[0].start, inside[0].end) == (ent.start, ent.end):
                continue
            first = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
            taken = {i for s in inside if s.label_ != "ORG" for i in range(s.start, s.end)}
            # a capitalised word of its own besides the head, or two heads ("Brazil Mining
            # Corporation"); "Bank of Korea" keeps only a head: "Korea" stays a country there
            own = [t for t in doc[first:ent.end] if t.i not in taken and t.is_alpha and t.text[0].isupper()
                   and t.text.rstrip(".") not in heads]
            n_heads = sum(1 for t in doc[first:ent.end] if t.i not in taken and t.text.rstrip(".") in heads)
            if not own and n_heads < 2 and not ministry_descriptor(ent.text):
                continue
            out = [s for s in out if s not in inside]
            out.append(Span(doc, first, ent.end, label="ORG"))
        return out


@Language.factory(
    "kg_gazetteer_v1",
    assigns=["doc.ents", "token.ent_type", "token.ent_kb_id"],
    requires=["doc.ents"],
    default_config={"folder": None},
)
def make_gazetteer(nlp: Language, name: str, folder: str | None):
    """Domain gazetteer (countries, officials, organisations, places, technology domains)."""
    return GazetteerComponent(nlp, name, load_gazetteer(folder))
