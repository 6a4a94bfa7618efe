"""The ``kg_paragraphs_v1`` spaCy component: a paragraph break is a sentence break.

Cleaned document text separates paragraphs with a blank line; headlines, bylines,
datelines and credits stand in paragraphs of their own. The parser alone sometimes runs a
sentence across a blank line (a headline has no final period), which glues a headline
or a byline to the sentence after it. This component, placed before the parser, starts a
sentence at every whitespace token holding a line break (the token after it stays in that
sentence: a boundary set on the first word instead makes the parser cut that word off as a
sentence of its own). The parser keeps boundaries set before it; evidence sentences are
stripped of the leading whitespace.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("kg_paragraphs_v1")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence at every paragraph break (a whitespace token with a line break)."""
    for token in doc[1:-1]:
        if token.is_space and "\n" in token.text:
            token.is_sent_start = True
            doc[token.i + 1].is_sent_start = False
    return doc


def previous_sentence(doc: Doc, sent):
    """The sentence before ``sent``, past the blank lines between paragraphs; None for the
    first sentence of the document."""
    i = sent.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i].sent if i >= 0 else None
