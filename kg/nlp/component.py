"""The ``kg_gazetteer_v1`` spaCy component (factory names may not contain dots): gazetteer entities win over the model's labels.

The statistical model calls "AI" a place in the seed report; a gazetteer match replaces
any model entity it overlaps, with a kg label and the canonical IRI as ``span.kb_id_``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .gazetteer import Gazetteer, load_gazetteer

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

    def __call__(self, doc: Doc) -> Doc:
        day = doc.user_data.get("kg_published")
        spans = []
        for start, end, surface in self.gazetteer.find(doc.text):
            span = doc.char_span(start, end, alignment_mode="strict")
            if span is None:
                span = doc.char_span(start, end, alignment_mode="contract")
                if span is None or span.end_char - span.start_char < (end - start) - 1:
                    continue
            entry = self.gazetteer.lookup(surface, day)
            if entry is None:
                continue
            spans.append(Span(doc, span.start, span.end, label=CLASS_LABEL[entry.cls], kb_id=entry.iri))
        chosen = filter_spans(spans)
        taken = set()
        for s in chosen:
            taken.update(range(s.start, s.end))
        for ent in doc.ents:
            label = MODEL_LABEL.get(ent.label_)
            if label is None or taken.intersection(range(ent.start, ent.end)):
                continue
            if ent.label_ != label:
                ent = Span(doc, ent.start, ent.end, label=label)
            chosen.append(ent)
        doc.ents = filter_spans(chosen)
        return doc


@Language.factory(
    "kg_gazetteer_v1",
    assigns=["doc.ents", "token.ent_type", "token.ent_kb_id"],
    requires=["doc.ents"],
    default_config={"folder": None},
)
def make_gazetteer(nlp: Language, name: str, folder: str | None):
    """Domain gazetteer (countries, officials, organisations, places, technology domains)."""
    return GazetteerComponent(nlp, name, load_gazetteer(folder))
