"""Where and when an agreement was made, read from the story's frame: the dateline ("SEOUL,
May 3 (Reuters) -": its date is the filing's, its city the signing's when the lead reports
one), "in the capital", a visit, a meeting the same sentence places, and talks that are only
about a pact (their time and place are not its)."""
from __future__ import annotations

from ..nlp.gazetteer import load_gazetteer
from .modality import trigger_chain


class AgreementPlaces:
    """Mixed into AgreementRules."""

    def _only_talked_about(self, t) -> bool:
        """"where they also discussed the AUKUS pact", "met on Monday and discussed a possible
        accord": the first verb over the agreement noun is one of deliberating, so the
        sentence's time and place are the talks', not the agreement's."""
        if t.pos_ == "VERB":
            return False
        verb = next((tok for _w, tok in trigger_chain(t, 3) if tok.pos_ == "VERB"), None)
        return verb is not None and verb.lemma_.lower() in self._frames().topic_verbs

    def _as_frame(self, t) -> bool:
        """"... to cement their cooperation under the AUKUS partnership": the agreement noun
        names the frame another act happens in (``frame_preps``), not an agreement made here."""
        if t.pos_ == "VERB":
            return False
        head = self._noun_head(t)
        return head.dep_ == "pobj" and head.head.lower_ in self._frames().frame_preps or (
            head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ == "framework"
            and head.head.head.dep_ == "pobj" and head.head.head.head.lower_ in self._frames().frame_preps)

    def _frames_last(self, sent, seen_here) -> None:
        """The agreement made here, not one named only as a frame, is the one a later "the
        treaty" means: it becomes the last agreement talked about."""
        def frame_only(ev):
            mine = [t for t in ev.triggers if sent.start <= t.i < sent.end and self._is_agreement_noun(t)]
            return bool(mine) and all(self._as_frame(t) for t in mine)
        made = [ev for ev in seen_here if ev.kind == "Agreement" and not frame_only(ev)]
        last = self.last.get("Agreement")
        if made and last is not None and any(last is e for e in seen_here) and frame_only(last):
            self.last["Agreement"] = made[-1]
            self._recent = [e for e in self._recent if e is not made[-1]] + [made[-1]]

    def _drop_talks_details(self, ev, t, n_dates, places, n_statuses) -> None:
        """Under a verb of deliberating the dates and places just read are the talks', unless
        the agreement noun's own phrase holds them ("compliance with the agreement hammered
        out last year"); so for a pact named as a frame ("under a 2020 agreement" keeps its
        year), whose status comes only from a verb of making in its own phrase."""
        frame = self._as_frame(t)
        if not frame and not self._only_talked_about(t):
            return
        head = self._noun_head(t) if t.pos_ != "VERB" else t
        lo, hi = head.left_edge.i, head.right_edge.i
        if frame and not any(x.pos_ == "VERB" and self._makes(x) for x in head.subtree):
            del ev.statuses[n_statuses:]
        if not any(lo <= e.start and e.end - 1 <= hi for e in self.date_ents):
            del ev.dates[n_dates:]
        if not any(m.cls == "Place" and lo <= m.start <= hi for m in self.mentions):
            for iri in [p for p in ev.places if p not in places]:
                del ev.places[iri]

    def _content_root(self, sent):
        """The sentence's main verb, or the clause a verb of saying after it reports: "It also
        covers AI and space, British officials said" is about "covers"."""
        root = sent.root
        if root.lemma_.lower() not in self.cues.reporting_verbs:
            return root
        said = next((c for c in root.children if c.dep_ == "ccomp" and c.i < root.i), None)
        return said if said is not None else root

    def _in_dateline(self, ent) -> bool:
        """A date inside the dateline ("SEOUL, May 3 (Reuters) -") is the day the story was
        filed, not the day of the signing the lead reports."""
        d = self.dateline_info
        return d is not None and d.end > 0 and ent.end <= d.end

    def _capital_of_dateline(self, ev, verb, noun, sent) -> None:
        """"WASHINGTON, March 28 - ... signed the deal at a ceremony in the capital", "on the
        sidelines of the forum in the Malaysian capital": "the capital"/"the city" with no name
        of its own, on the verb of signing or an occasion noun under it, is the dateline's city
        (when an adjective names a state, the dateline's city must be that state's capital)."""
        d = self.dateline_info
        if d is None or not d.city:
            return
        f = self._frames()
        for x in verb.subtree:
            if x.lower_ not in ("capital", "city") or x.dep_ != "pobj" or x.head.lower_ != "in" or \
                    not any(c.dep_ == "det" and c.lower_ == "the" for c in x.children) or \
                    any(c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ == "of") for c in x.children):
                continue
            up, ok = x.head.head, True  # the noun or verb "in the capital" hangs on
            for _step in range(8):
                if up.i in (verb.i, noun.i):
                    break
                ok = up.dep_ == "prep" or up.dep_ == "pobj" and (up.lower_ in f.occasion_nouns or (
                    up.head.lower_ == "of" and up.head.head.lower_ in f.occasion_nouns))
                if not ok:
                    break
                up = up.head
            ok = ok and up.i in (verb.i, noun.i)
            if not ok or (d.place and x.head.head.i in (verb.i, noun.i)):
                continue  # a dateline Place on the verb itself: the event rules read it already
            states = [m for m in (self.by_token.get(c.i) for c in x.children if c.dep_ in ("amod", "compound", "poss"))
                      if m is not None and m.cls == "Country"]
            if states and not all(d.city_label in load_gazetteer().capitals.get(m.iri, ()) for m in states):
                continue  # "in the Chinese capital" under a WASHINGTON dateline
            if d.place is None:
                self.__dict__.setdefault("extra_places", {})[d.city] = d.city_label
            ev.places.setdefault(d.city, sent)

    def _visited_place(self, ev, verb, noun, sent) -> None:
        """"signed a memorandum during Biden's visit to Hanoi", "... during Kishida's trip to
        New Delhi": the place visited, with "during"/"on" on the verb that makes the agreement
        or on the agreement noun, is where it was made (a name of several words included)."""
        for m in {id(m): m for m in (self.by_token.get(x.i) for x in sent) if m is not None}.values():
            if m.cls not in ("Place", "Country"):
                continue
            root = self.sdoc[m.end - 1]
            if root.dep_ != "pobj" or root.head.lower_ != "to":
                continue
            visit = root.head.head
            if visit.lower_ not in self._frames().visit_nouns or visit.dep_ != "pobj" or \
                    visit.head.lower_ not in ("during", "on") or visit.head.head.i not in (verb.i, noun.i):
                continue
            iri = m.iri if m.cls == "Place" else self._capital_place(m)  # "a visit to Tokyo" read as the state
            if iri:
                ev.places.setdefault(iri, sent)

    def _dateline_signing_places(self):
        """"STEPHENVILLE, Newfoundland, Aug 23 - Canada and Germany on Tuesday signed a
        hydrogen alliance": an agreement the lead reports signed, with no place of its own,
        was signed where the story is filed from, when that place lies in one of its parties."""
        self._meeting_places()
        d = self.dateline_info
        if d is None or not d.end or d.city is None or d.end >= len(self.sdoc) or not d.mentions:
            return
        first = d.mentions[0]
        state = first.iri if first.cls == "Country" else self._place_country(first)
        lead = self.sdoc[d.end].sent
        for ev in self.events:
            if ev.kind != "Agreement" or ev.places or ev.during or state not in ev.parties or \
                    not any(x.start == lead.start for x in ev.sentences):
                continue
            here = [s for s, x in ev.statuses if x.start == lead.start]
            signed = self._signed_in(ev, lead, past=True)
            if here != ["Completed"] * len(here) or not here or not signed or self._unknown_venue(ev):
                continue
            ev.places[d.city] = lead
            if d.city != d.place:
                self.__dict__.setdefault("extra_places", {})[d.city] = d.city_label

    def _unknown_venue(self, ev) -> bool:
        """A sentence of the agreement (or the one after the lead) says where it was signed, with
        a name the gazetteer does not know ("was signed ... at Chequers") or a place the rules
        could not give it ("The two leaders put pen to paper at the White House")."""
        lead = ev.sentences[0]
        after = [self.sdoc[lead.end].sent] if lead.end < len(self.sdoc) else []  # "The two leaders signed at X"
        for sent in list(ev.sentences) + after:
            for x in sent:
                verb = next((a for a in x.ancestors if a.pos_ in ("VERB", "AUX")), None)  # "by the leaders at X"
                if x.dep_ == "prep" and x.lower_ in ("at", "in") and verb is not None and \
                        (verb.lower_ in self.cues.signing_verbs or self._signing_idiom(verb)) and any(
                            g.dep_ == "pobj" and g.pos_ == "PROPN" and self._venue_name(g, sent is not lead)
                            for g in x.children):
                    return True
        return False

    def _venue_name(self, tok, later) -> bool:
        """No linked name, or one the linker guessed is an organisation ("at Chequers"); in a
        later sentence also a known place ("put pen to paper at the White House")."""
        m = self.by_token.get(tok.i)
        return m is None or (m.cls == "Organization" and m.entry is None) or (later and m.cls == "Place")

    def _meeting_places(self):
        """"will sign a pact when Modi travels to Paris in July": an agreement made at a meeting
        the same sentence places, with no place of its own, was made there."""
        for ev in self.events:
            if ev.kind != "Agreement" or ev.places:
                continue
            for summit, sent in ev.during:
                if not self._signed_in(ev, sent):
                    continue  # "first announced when Modi and Biden met in Tokyo": not signed there
                start = max(sent.start, self.dateline_info.end)
                here = [m for m in (self.by_token.get(i) for i in range(start, sent.end)) if m is not None]
                named = {m.iri for m in here} | {self._capital_place(m) for m in here if m.cls == "Country"}
                for iri, x in summit.places.items():
                    if (x is sent or x.start == sent.start) and iri in named:  # not the dateline's
                        ev.places.setdefault(iri, sent)

    def _signed_in(self, ev, sent, past=False) -> bool:
        """A verb of signing ("signed", "will ink", "to seal") makes the agreement in ``sent``."""
        for t in ev.triggers:
            if sent.start <= t.i < sent.end:
                for v in [t] + [tok for _w, tok in trigger_chain(t, 2)]:
                    if v.pos_ == "VERB" and (v.lower_ in self.cues.signing_verbs or v.lemma_.lower() in
                                             self.cues.signatory_verbs) and (not past or v.tag_ == "VBD"):
                        return True
        return False
