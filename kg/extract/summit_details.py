"""Summit details: the date, place and status a mention gives a summit, and a second
occasion of the same states ("their first summit, in 2021") kept apart from the first.

Mixed into :class:`~kg.extract.events.EventFinder` through ``SummitRules``.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta

from ..nlp.boundaries import previous_sentence
from ..vocab import XSD, local_name, slug
from .records import Value

from .summit_frames import (attendee_holder, governing_verb, infinitive_plan, past_clause, subordinate_clause,
                            summit_status)

_DATE_VERB_KINDS = ("meet", "host", "visit", "travel", "joint")


_PART_OF_PERIOD = re.compile(
    r"\b(?:the\s+)?(?:end|beginning|start|middle|close|turn)\s+of\s+(?:the|this)\s+(month|year)\b", re.I)


_DAY_AFTER = re.compile(r"^(?:the\s+|a\s+|one\s+)?(next|following|same|previous|day|that)(?:\s+day)?"
                        r"(?:\s+(later|after|earlier|before))?$", re.I)
_BEFORE_WORDS = {"previous", "earlier", "before"}


_PLACE_PREPS = {"at", "in"}  # a date hung on the place of a locative phrase


def _this_period(text: str) -> str:
    """"at the end of the month" is this month, "by the end of the year" this year, at the
    precision the text gives."""
    return _PART_OF_PERIOD.sub(lambda m: f"this {m[1].lower()}", text)


def _distance(lexical: str, day) -> int:
    """Days between ``day`` and the middle of the period ``lexical`` names (a day, a month,
    a year)."""
    parts = [int(x) for x in lexical.split("-")]
    mid = date(parts[0], parts[1] if len(parts) > 1 else 7, parts[2] if len(parts) > 2 else 15 if len(parts) > 1 else 1)
    return abs((mid - day).days)


def _who(parties, persons) -> str:
    """How a summit's node is named (as ``kg.extract._event_iri`` does): states, else people."""
    return "-".join(sorted(local_name(p) for p in parties)).lower() or "-".join(
        sorted(slug(local_name(p)) for p in persons))


class SummitDetails:
    """Date, place and status of a summit mention; occasions."""

    def _split_occasion(self, ev, before, people, sent, seen_here) -> bool:
        """The same states meeting on another date ("their first summit, in Washington in
        2021" in a story about a cancelled one) is another summit with its own date, place
        and status."""
        n_status, n_dates, places, was_seen, had_sent = before
        old, new = ev.dates[:n_dates], ev.dates[n_dates:]
        other_day = bool(old and new) and not any(a.lexical.startswith(b.lexical) or b.lexical.startswith(a.lexical)
                                                  for a, _s in new for b, _t in old)
        # one done and one still to come: "talks have failed ... as he prepares to visit for talks"
        was = {x for x, _s in ev.statuses[:n_status]}
        now = {x for x, _s in ev.statuses[n_status:]}
        other_time = bool(was and now) and {"Completed", "Planned"} <= (was | now) and not (was & now) \
            and "Cancelled" not in was | now and len(was) == 1
        if not (other_day or other_time):
            return False
        # the summit's node is named by its states (else its people) and first date: two
        # occasions on one day must differ in how they are named, or stay one summit
        day = self.published.isoformat() if self.published else ""
        persons = sorted(people or ev.persons)  # "the two leaders" stand for the same people
        parties = set(ev.parties)
        key = set(ev.parties) | {self.state_of(p) for p in ev.persons if self.state_of(p)}
        if (new[0][0].lexical if new else day) == (old[0][0].lexical if old else day):
            if _who(ev.parties, ev.persons) == _who(parties, persons):
                parties = set()  # name it by its people; their states keep the key
                if {self.state_of(p) for p in persons} != key or _who(ev.parties, ev.persons) == _who(parties, persons):
                    return False
        occ = self.new_event("Summit", sent)
        occ.name_hint = ev.name_hint
        for p in sorted(parties):
            occ.add_party(p, sent)
        for p in persons:
            occ.add_person(p, sent)
        occ.dates, occ.statuses = new, ev.statuses[n_status:]
        occ.places = {k: v for k, v in ev.places.items() if k not in places}
        del ev.dates[n_dates:], ev.statuses[n_status:]
        for k in occ.places:
            del ev.places[k]
        if not had_sent and sent in ev.sentences:
            ev.sentences.remove(sent)
        if not was_seen and ev in seen_here:
            seen_here.remove(ev)
        seen_here.append(occ)
        return True

    # -- bookkeeping ----------------------------------------------------------------------
    def _note_summit(self, ev, t, kind, sent, seen_here, frames):
        n_status, n_dates = len(ev.statuses), len(ev.dates)
        self._note(ev, t, sent, seen_here)
        if subordinate_clause(t):
            # "signed on Thursday, a day before the summit opens": the main clause's date and
            # modality are not the meeting's; the meeting's own verbs say them
            del ev.dates[n_dates:], ev.statuses[n_status:]
        _v, prep = governing_verb(t) if kind in ("noun", "visit-noun") else (None, None)
        timed = prep is not None and prep.lower_ in frames.time_preps
        # the verbs of the meeting's own clause first, then the shared cues; but a clause on
        # the noun ("the summit to be held") or a time preposition ("ahead of the summit")
        # is read by the shared cues first
        shared = ev.statuses[n_status][0] if len(ev.statuses) > n_status else None
        own_clause = any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" for c in t.children)
        mine = summit_status(t, frames)
        status = (shared or mine) if (timed or own_clause) else (mine or shared)
        if status == "Completed" and infinitive_plan(t, frames):
            status = "Planned"  # "agreed to begin talks"
        if timed and status is None and ((prep.lower_ in frames.before_preps and not (
                _v.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ == "had" for c in _v.children)))
                or any(c.dep_ == "aux" and c.lower_ in frames.future_modals for c in _v.children)):
            status = "Planned"  # "will push for it before the summit", "might step down after the summit"
        if timed and status == "Cancelled":
            status = None  # "shelved during the visit": the verb's cancelling is not the visit's
        del ev.statuses[n_status:]
        if status:
            ev.statuses.append((status, sent))
        verbs = self._event_verbs(t, kind, sent, frames)
        planned = status == "Planned"
        today = self.published.isoformat() if self.published else ""
        if today and status in ("Planned", "Completed") and any(
                (d.lexical < today[:len(d.lexical)]) if planned else (d.lexical > today[:len(d.lexical)])
                for d, _s in ev.dates[n_dates:]):
            # a planned meeting "on Thursday" is next Thursday, a past one last Thursday: read
            # the dates again in the meeting's own tense
            added = ev.dates[n_dates:]
            del ev.dates[n_dates:]
            self._summit_dates(ev, t, verbs, sent, future=planned)
            if len(ev.dates) == n_dates:
                ev.dates.extend(added)
        if len(ev.dates) == n_dates:
            # the mention's own tense, else the summit's: "refused to join a meeting in
            # February" is last February even when the summit is also planned again
            inherited = "" if past_clause(t) else (ev.statuses[-1][0] if ev.statuses else "")
            self._summit_dates(ev, t, verbs, sent, future=(status or inherited) == "Planned")
        if status is None and self.published and len(ev.dates) > n_dates and not past_clause(t):
            self._nearest_dates(ev, n_dates, sent)
        self._summit_places(ev, t, verbs, sent, frames)

    def _nearest_dates(self, ev, n_dates, sent):
        """A mention that says nothing of its time: "the summit in June" is the coming June
        when that is much nearer to the story's date than the last one (news reports the past
        more often, so the past wins when they are about as near)."""
        from ..link.dates import resolve_date
        lo, hi = bisect_left(self.date_starts, sent.start), bisect_left(self.date_starts, sent.end)
        swap = {}
        for ent in self.date_ents[lo:hi]:
            past = resolve_date(ent.text, self.published, future=False)
            ahead = resolve_date(ent.text, self.published, future=True)
            if past is not None and ahead is not None and past != ahead and \
                    2 * _distance(ahead.lexical, self.published) < _distance(past.lexical, self.published):
                swap[past] = ahead
        ev.dates[n_dates:] = [(swap.get(v, v), s) for v, s in ev.dates[n_dates:]]

    def _event_verbs(self, t, kind, sent, frames) -> set[int]:
        """Verbs whose "on DATE" and "in PLACE" are the meeting's: a meeting verb itself, the
        verb that holds or governs a meeting noun, and a participle after the noun that has
        no subject of its own ("the meeting of the council, held on Wednesday in Lulea")."""
        verbs = {t.i} if kind in _DATE_VERB_KINDS else set()
        rel = self._summit_relative_holder(t, frames) if kind in ("noun", "visit-noun") else None
        if rel is not None:
            verbs.add(rel.i)  # "the trip Yoon made to Tokyo in March"
        if kind in ("noun", "visit-noun"):
            v, prep = governing_verb(t)
            if v is not None and prep.lower_ not in frames.time_preps:
                verbs.add(v.i)  # not "after the summit, he will fly to Berlin on June 12"
            if t.head.pos_ in ("VERB", "AUX") and t.dep_ in ("dobj", "nsubjpass", "attr", "nsubj"):
                verbs.add(t.head.i)  # "the summit opens on Friday", "held talks in Tokyo"
            stop = self._dateline_end()
            if stop and t.head.i < stop <= t.i and t.dep_ in ("appos", "npadvmod", "conj") and \
                    t.head.dep_ in ("nsubj", "nsubjpass") and t.head.head.pos_ in ("VERB", "AUX"):
                verbs.add(t.head.head.i)  # "WASHINGTON, June 5 - Talks ... ended yesterday": the
                # parser made the dateline the subject and the meeting noun hangs on it
            holder = attendee_holder(t) if v is None else None
            if holder is not None:
                verbs.add(holder.head.i)  # "In 2000, EU leaders at a summit in Lisbon pledged ..."
            ancestors = {a.i for a in t.ancestors}
            for x in sent:
                if x.i > t.i and x.tag_ == "VBN" and x.lemma_.lower() in frames.participle_verbs \
                        and x.dep_ in ("advcl", "acl") and (x.head.i in ancestors or x.head.i == t.i) \
                        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in x.children):
                    verbs.add(x.i)
            for c in t.children:  # "a summit to take place in Caracas in May", "which will occur in May"
                if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and self._occurs(c, frames):
                    verbs.add(c.i)
            if t.dep_ == "dobj":  # "proposed a summit ... to take place in May" (parsed on the verb)
                verbs.update(c.i for c in t.head.children if c.dep_ in ("advcl", "xcomp") and c.i > t.i
                             and self._occurs(c, frames) and any(a.lower_ == "to" for a in c.children))
        return verbs

    @staticmethod
    def _occurs(v, frames) -> bool:
        lemma = v.lemma_.lower()
        objects = {f"{lemma} {c.lower_}" for c in v.children if c.dep_ == "dobj"}
        return lemma in frames.occurrence_verbs or bool(objects & frames.occurrence_verbs)

    def _summit_dates(self, ev, t, verbs, sent, *, future):
        """Dates on a meeting verb the shared rules do not know ("visited Riyadh in May",
        "arrives in Beijing on Thursday") or on the verb that holds a meeting noun."""
        from .summit_frames import load_frames
        frames = load_frames()
        lo, hi = bisect_left(self.date_starts, sent.start), bisect_left(self.date_starts, sent.end)
        when = self._when_clause(t)
        stop = self._dateline_end()
        for ent in self.date_ents[lo:hi]:
            if ent.start < stop:
                continue  # "LONDON, Oct 12 - Talks ... will open next Tuesday": the filing date
            if when is not None and when.dep_ == "relcl" and ent.start <= when.head.i < ent.end:
                # "on Tuesday, when they met"
                value = self._summit_resolve(ent.text, sent, future)
                if value is not None:
                    ev.dates.append((value, sent))
                continue
            tok = ent.root
            for _step in range(4):
                head = tok.head
                if head.i == tok.i:
                    break
                if head.i == t.i or (head.pos_ in ("VERB", "AUX") and head.i in verbs):
                    value = self._summit_resolve(ent.text, sent, future)
                    if value is not None:
                        ev.dates.append((value, sent))
                    break
                if head.lower_ in frames.day_parts and tok.dep_ == "compound":
                    tok = head  # "on Monday evening": the day names the evening's date
                    continue
                if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "pobj" and head.head.lower_ in _PLACE_PREPS \
                        and not (ent.start <= head.i < ent.end):
                    tok = head.head  # "hosted them at his home in Wilmington on Saturday": the
                    continue         # parser hangs the date on the place
                if head.pos_ in ("VERB", "AUX") or (head.pos_ in ("NOUN", "PROPN") and not (ent.start <= head.i < ent.end)):
                    break
                tok = head

    def _summit_resolve(self, text, sent, future):
        """A date expression's value; "the next day", "a day earlier", "the same day" count
        from the last day the story gave an event before this sentence."""
        from ..link.dates import resolve_date
        value = resolve_date(_this_period(text), self.published, future=future)
        m = _DAY_AFTER.match(" ".join(text.split()))
        if value is not None or m is None or (m[1].lower() == "day" and not m[2]):
            return value
        anchor = max(((s.start, d.lexical) for e in self.events for d, s in e.dates
                      if s.start < sent.start and len(d.lexical) == 10), default=None)
        if anchor is None:
            return None
        shift = 0 if m[1].lower() in ("same", "that") else -1 if m[1].lower() in _BEFORE_WORDS else 1
        shift = -1 if m[2] and m[2].lower() in _BEFORE_WORDS else shift
        day = date.fromisoformat(anchor[1]) + timedelta(days=shift)
        return Value(day.isoformat(), XSD + "date")

    def _summit_places(self, ev, t, verbs, sent, frames):
        """"held in Lulea", "held in the Swedish city of Lulea": places after "in/at" on the
        meeting's verbs."""
        if t.pos_ in ("NOUN", "PROPN"):
            for x in t.lefts:  # "the Gyeongju talks", "the Camp David summit"
                m = self.by_token.get(x.i)
                if m is None or x.dep_ not in ("compound", "nmod", "npadvmod", "amod", "poss"):
                    continue
                if m.cls == "Place":
                    ev.places.setdefault(m.iri, sent)
                elif self._capital_place(m) and x.dep_ != "poss":
                    ev.places.setdefault(self._capital_place(m), sent)  # "the Tokyo summit", "Moscow talks"
        owner = self._summit_owner(t, frames) if t.pos_ in ("NOUN", "PROPN") else None
        for x in sent:
            if x.lower_ == "here" and x.head.i in verbs | {t.i} and self._summit_dateline() is not None:
                ev.places.setdefault(self._summit_dateline(), sent)  # "the summit opens here": the dateline
                self._summit_here_today(ev, sent)
                continue
            m = self.by_token.get(x.i)
            if x.dep_ != "pobj" or x.head.lower_ not in ("in", "at"):
                continue
            gov = x.head.head
            if gov.dep_ == "pobj" and gov.head.lower_ in ("at", "in") and gov.pos_ == "NOUN":
                gov = gov.head.head  # "met at the presidential office in Seoul"
            if gov.i not in verbs | {t.i} and not self._summit_guest_place(gov, verbs | {t.i}) \
                    and not (owner is not None and gov.i == owner.i):
                continue
            if m is not None and m.cls == "Place":
                ev.places.setdefault(m.iri, sent)
            elif (m is None or (m.cls == "Organization" and m.entry is None)) and x.lower_ in frames.venue_nouns:
                venue = self._summit_venue(x, m) or self._summit_venue_named(x, frames)
                if venue is not None:
                    ev.places.setdefault(venue, sent)
            elif m is None and x.lower_ in frames.place_nouns:
                for c in x.children:
                    if c.dep_ == "prep" and c.lower_ == "of":
                        for y in c.children:
                            my = self.by_token.get(y.i)
                            if my is not None and my.cls == "Place":
                                ev.places.setdefault(my.iri, sent)

    def _summit_here_today(self, ev, sent):
        """"TOKYO, Nov 29 - officials ended two days of talks here": a meeting the story
        reports as done where it is filed, with no date in the sentence, was on the story's
        day."""
        from ..link.dates import resolve_date
        lo, hi = bisect_left(self.date_starts, sent.start), bisect_left(self.date_starts, sent.end)
        if self.published is None or not any(s == "Completed" and x == sent for s, x in ev.statuses) or any(
                resolve_date(e.text, self.published) is not None for e in self.date_ents[lo:hi]):
            return  # a date of its own ("two days of talks" is none)
        if not any(x == sent for _d, x in ev.dates):
            ev.dates.append((Value(self.published.isoformat(), XSD + "date"), sent))

    def _summit_guest_place(self, gov, verbs) -> bool:
        """"hosted X and Y at the college": the parser hangs the place on the last guest; a
        person who is an object of the meeting's verb is where the verb happens."""
        m = self.by_token.get(gov.i)
        if m is None or m.cls != "Person":
            return False
        cur = gov
        for _ in range(4):
            if cur.dep_ not in ("conj", "appos", "dobj") or cur.head.i == cur.i:
                return False
            cur = cur.head
            if cur.i in verbs:
                return True
        return False

    def _summit_visiting(self, t, sent, seen_here, frames) -> bool:
        """"... in the presence of Sheikh Mohamed and visiting US President Trump": "visiting"
        before a person names a visitor, not a place visited. The visitor meets the people of
        the host state named in the sentence: the state the story is filed from, else the one
        other state named there. True when ``t`` was read so."""
        obj = next((c for c in t.children if c.dep_ == "dobj"), None)
        m = self.by_token.get(obj.i) if obj is not None else None
        if m is None or m.cls != "Person" or any(c.dep_ == "nsubj" for c in t.children):
            return False
        guest = self.state_of(m.iri)
        d = self.dateline_info
        host = None
        if d.mentions:
            host = d.mentions[0].iri if d.mentions[0].cls == "Country" else self._place_country(d.mentions[0])
        people = [x for x in self._mentions_in(list(sent)) if x.cls == "Person" and x is not m]
        others = {self.state_of(x.iri) for x in people} - {None, guest}
        if host is None and len(others) == 1:
            host = next(iter(others))
        if guest is None or host is None or host == guest:
            return True
        ev = self._find_summit({guest, host}, [], sent)
        for p in [m.iri] + [x.iri for x in people if self.state_of(x.iri) == host]:
            ev.add_person(p, sent)
        for state in (guest, host):
            ev.add_party(state, sent)
        self._note_summit(ev, t, "visit", sent, seen_here, frames)
        return True

    def _summit_journey_places(self):
        """"Takaichi arrived in Kuala Lumpur on Sunday. The next day she met Li Qiang.": a
        meeting with no place of its own, reported right after a journey of one of its
        people, took place where the journey went."""
        from .summit_frames import load_frames
        frames = load_frames()
        journeys = [e for e in self.events if e.kind == "Summit" and e.places and e.persons
                    and any(frames.kind(x) in ("visit", "travel", "visit-noun") for x in e.triggers)]
        for ev in self.events:
            if ev.kind != "Summit" or ev.places or not ev.persons or not ev.sentences or ev in journeys:
                continue
            first = ev.sentences[0]
            window = (previous_sentence(self.sdoc, first) or first).start
            trip = next((j for j in reversed(journeys) if j.persons & ev.persons
                         and window <= j.sentences[-1].start <= first.start), None)
            if trip is not None and not any(s == "Planned" for s, _x in trip.statuses) and not any(
                    s == "Planned" for s, _x in ev.statuses):
                for iri in trip.places:
                    ev.places.setdefault(iri, first)
        self._summit_sideline_places()
