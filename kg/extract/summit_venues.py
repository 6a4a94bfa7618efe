"""Summit venues and datelines: the building, estate or retreat a meeting is held at, when
the linker does not know it ("at Lancaster House", "at the Filoli estate", "at the Camp David
presidential retreat"); the city a story is filed from; the gathering a side meeting is on
the sidelines of.

Mixed into :class:`~kg.extract.events.EventFinder` through ``SummitRules``.
"""
from __future__ import annotations

from ..vocab import entity_iri


class SummitVenues:
    """Places named by a venue's own name."""

    def _summit_venue(self, x, m):
        """The place IRI of a venue the linker left unnamed or took for a body ("the Old
        Royal Naval College", "Lancaster House"): the capitalised name ``x`` ends."""
        if m is not None:
            span = x.doc[m.start:m.end]
        elif x.ent_iob_ in ("B", "I") and x.ent_type_ in ("ORG", "FAC", "LOC", "GPE"):
            start = x.i
            while start > x.sent.start and x.doc[start].ent_iob_ == "I":
                start -= 1
            span = x.doc[start:x.i + 1]
        else:
            return None
        if span.end - 1 != x.i:
            return None
        words = [w for w in span if not (w.i == span.start and w.lower_ == "the")]
        if len(words) < 2 or not all(w.is_title or w.is_upper or w.lower_ in ("of", "de", "al") for w in words):
            return None
        name = " ".join(w.text for w in words)
        iri = entity_iri("place", name)
        self.__dict__.setdefault("extra_places", {})[iri] = name
        self.__dict__.setdefault("summit_venue_iris", set()).add(iri)
        return iri

    def _summit_venue_named(self, x, frames):
        """"at the Filoli estate", "at the Camp David presidential retreat", "at the Bharat
        Mandapam convention centre": a common venue noun ``x`` after a capitalised name (and
        perhaps plain words) names the place by that name; a known place is that place. Not
        a state's, a person's or a known body's building ("the Japanese prime minister's
        residence", "the Biden family estate")."""
        if not x.is_lower:
            return self._summit_venue_titled(x)
        words = [w for w in x.doc[x.left_edge.i:x.i] if not (w.i == x.left_edge.i and w.dep_ == "det")]
        name = []
        for w in words:  # the name: capitalised words (and the joints of "Mar-a-Lago") first
            joined = bool(name) and (not name[-1].whitespace_ or w.text == "-")
            if w.pos_ == "PROPN" and (w.is_title or w.is_upper) or (joined and w.text != "'s"):
                name.append(w)
            else:
                break
        rest = words[len(name):]
        if not name or not name[-1].is_alpha or not all(w.is_lower and w.is_alpha for w in rest):
            return None
        if any(w.ent_type_ in ("DATE", "TIME") for w in name) or any(
                w.lower_ in frames.visit_noun_blockers for w in rest):
            return None
        start, end = name[0].i, name[-1].i + 1
        known = [self.by_token.get(w.i) for w in name if self.by_token.get(w.i) is not None]
        if known:
            m = known[0]
            if m.start != start or m.end != end:
                return None
            if m.cls == "Place":
                if m.entry is None:
                    self.__dict__.setdefault("summit_venue_iris", set()).add(m.iri)
                return m.iri
            if m.cls not in ("Organization", "Person") or m.entry is not None:
                return None  # an unknown name the tagger took for a body or a person may be the venue's
        label = x.doc[start:end].text
        iri = entity_iri("place", label)
        self.__dict__.setdefault("extra_places", {})[iri] = label
        self.__dict__.setdefault("summit_venue_iris", set()).add(iri)
        return iri

    def _summit_venue_titled(self, x):
        """"at the Walter E. Washington Convention Center": a capitalised venue name the
        tagger did not take as one name because a state or city is named inside it."""
        words = [w for w in x.doc[x.left_edge.i:x.i + 1] if not (w.i == x.left_edge.i and w.dep_ == "det")]
        if len(words) < 3 or not all(w.pos_ == "PROPN" and (w.is_title or w.is_upper) for w in words):
            return None
        inner = [self.by_token.get(w.i) for w in words if self.by_token.get(w.i) is not None]
        if not inner or any(m.cls not in ("Country", "Place") or m.start < words[0].i for m in inner):
            return None  # only a name with a place inside it ("Washington"), not a person's
        label = " ".join(w.text for w in words)
        iri = entity_iri("place", label)
        self.__dict__.setdefault("extra_places", {})[iri] = label
        self.__dict__.setdefault("summit_venue_iris", set()).add(iri)
        return iri

    def _summit_venues(self) -> dict:
        """IRIs of the venues the gazetteer does not know, read as such ("at the Filoli
        estate", "the Sushma Swaraj Bhawan"), with their state when known. (A well-known
        venue, "the White House", names the place on its own.)"""
        from .summit_frames import load_frames
        nouns = load_frames().venue_nouns
        out = dict.fromkeys(self.__dict__.get("summit_venue_iris", ()))
        for m in self.mentions:
            if m.cls == "Place" and m.entry is None and (self.sdoc[m.end - 1].lower_ in nouns or (
                    m.end < len(self.sdoc) and self.sdoc[m.end].lower_ in nouns)):
                out[m.iri] = self._place_country(m)  # "the Sushma Swaraj Bhawan", "the Filoli estate"
        return out

    def _summit_sideline_places(self):
        """"On the sidelines, Starmer met Scholz": a meeting with no place of its own, held on
        the sidelines of a gathering, took place where the gathering did (and on its day,
        when it has none of its own and the gathering one)."""
        from .summit_frames import load_frames
        sideline = load_frames().sideline_nouns
        summits = [e for e in self.events if e.kind == "Summit"]
        for ev in summits:
            if ev.places or not ev.sentences:
                continue
            sent = ev.sentences[0]
            side = next((x for x in sent if x.lower_ in sideline), None)
            if side is None:
                continue
            gatherings = [e for e in summits if e is not ev and e.places and not self._countries_of(e)]
            of = [y for c in side.children if c.dep_ == "prep" and c.lower_ == "of"
                  for y in c.children if y.dep_ == "pobj"]
            host = next((e for e in gatherings if of and any(x.i == of[0].i for x in e.triggers)), None)
            if host is None and of and any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in of[0].children):
                continue  # "on the sidelines of a conference in Berlin": a gathering of its own
            if host is None:  # the gathering talked about last
                earlier = [e for e in gatherings if e.sentences[0].start <= sent.start]
                host = max(earlier, key=lambda e: max(s.start for s in e.sentences if s.start <= sent.start),
                           default=None)
            if host is None or not host.places:
                continue
            for iri in host.places:
                ev.places.setdefault(iri, sent)
            dates = {d.lexical: d for d, _s in host.dates}
            if not ev.dates and len(dates) == 1:
                ev.dates.append((next(iter(dates.values())), sent))

    def _summit_dateline_places(self):
        """"SEOUL — Lee and Trump held talks on Wednesday": a meeting the lead reports as held
        or under way, with no place of its own, took place where the story is filed from,
        when that place lies in one of the meeting's states."""
        d = self.dateline_info
        if not d.end or d.city is None or d.end >= len(self.sdoc) or not d.mentions:
            return
        first = d.mentions[0]
        state = first.iri if first.cls == "Country" else self._place_country(first)
        lead = self.sdoc[d.end].sent.start
        venues = self._summit_venues()
        for ev in self.events:
            if ev.kind != "Summit" or not ev.sentences or ev.sentences[0].start != lead:
                continue
            if ev.places and not all(p in venues and p != d.city and venues[p] in (None, state) for p in ev.places):
                continue  # a place of its own; a venue only ("at the Filoli estate") is in the city
            countries = self._countries_of(ev)
            if (state not in countries and (countries or ev.persons)) or any(
                    s in ("Planned", "Cancelled") for s, sent in ev.statuses if sent.start == lead):
                continue  # a gathering no state is named for ("NATO leaders gathered") is in the city
            ev.places[d.city] = ev.sentences[0]
            if d.city != d.place:
                self.__dict__.setdefault("extra_places", {})[d.city] = d.city_label

    def _dateline_end(self) -> int:
        """Index of the first token after a dateline ("ROME -", "HIROSHIMA —"), else 0."""
        return self.dateline_info.end

    def _summit_dateline(self):
        """The place a story is filed from ("HIROSHIMA — ..."), which "here" refers to."""
        return self.dateline_info.place
