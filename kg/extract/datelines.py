"""The dateline a story opens with: "TOKYO, March 3 (Reuters) -", "WASHINGTON —",
"NEW DELHI, Feb 14:", "THE HAGUE —". One reading for every rule that needs it: the summit
rules (the dateline is not a party; "the summit opens here"; where a meeting reported in the
lead took place), the agreement rules ("signed the accord in the city") and the export-control
rules (the state a story is filed from).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..nlp.gazetteer import load_gazetteer
from ..vocab import entity_iri

_DASHES = ("—", "–", "--")
_LOOK = 16  # tokens a dateline fits in


@dataclass(frozen=True)
class Dateline:
    """``sep``: index of the separator token (``end`` - 1), ``end``: first token after it
    (both 0 when the story has no dateline); ``mentions``: the linked names before the
    separator; ``place``: the IRI of a Place named first; ``city``: that place, or the city
    a capital names ("WASHINGTON —" names the state in the linker) with its label."""
    sep: int = 0
    end: int = 0
    mentions: tuple = ()
    place: str | None = None
    city: str | None = None
    city_label: str | None = None


NO_DATELINE = Dateline()


def _separator(sdoc) -> int | None:
    """Index of the dash or colon that ends a dateline, or None."""
    for x in sdoc[:_LOOK]:
        if x.i == 0:
            continue
        prev = sdoc[x.i - 1]
        spaced = bool(prev.whitespace_) or prev.is_space
        if x.text in _DASHES or (x.text == "-" and spaced) or (x.text == ":" and prev.like_num):
            return x.i
        if x.pos_ in ("VERB", "AUX") or x.text in (".", ";"):
            return None  # the first clause began: no dateline
    return None


def find_dateline(sdoc, mentions) -> Dateline:
    """The dateline of ``sdoc``: its place words are in capitals ("TOKYO", "NEW DELHI") or
    one linked name; a date, a news agency in brackets and commas may follow."""
    sep = _separator(sdoc)
    if sep is None:
        return NO_DATELINE
    lead = [x for x in sdoc[:sep] if not x.is_space]
    if not lead:
        return NO_DATELINE
    words = []
    for x in lead:  # the place words: up to the first comma or bracket
        if x.text in (",", "("):
            break
        words.append(x)
    if not words or not all(w.is_upper or w.is_punct for w in words if w.is_alpha or w.is_punct):
        named = [m for m in mentions if m.start < sep]
        if not (len(named) == 1 and named[0].start == words[0].i and named[0].end == words[-1].i + 1
                and named[0].cls in ("Place", "Country") and all(w.is_title for w in words)):
            return NO_DATELINE
    if not all(x.is_upper or x.is_title or x.like_num or x.is_punct or x.text.lower().rstrip(".") in _DATE_WORDS
               for x in lead):
        return NO_DATELINE
    inside = tuple(m for m in mentions if m.start < sep)
    first = next((m for m in inside if m.start == words[0].i), None)
    place = first.iri if first is not None and first.cls == "Place" else None
    city, label = place, (first.label if place else None)
    if first is not None and first.cls == "Country" and (
            first.surface in load_gazetteer().capitals.get(first.iri, ())
            or first.surface.title() in load_gazetteer().capitals.get(first.iri, ())):
        label = first.surface.title() if first.surface.isupper() else first.surface
        city = entity_iri("place", label)
    return Dateline(sep=sep, end=sep + 1, mentions=inside, place=place, city=city, city_label=label)


_DATE_WORDS = {"jan", "feb", "mar", "apr", "may", "jun", "june", "jul", "july", "aug", "sep", "sept", "oct",
               "nov", "dec", "reuters", "ap", "afp", "xinhua", "yonhap", "kyodo", "bernama", "ani", "pti"}
