"""Summit rules: summits, meetings, talks and visits, and who takes part.

Triggers and frames are data (``data/rules/summits.yaml``, read by ``summit_frames``):
a summit noun ("summit", "talks", "meeting", "visit"), a verb of meeting ("met", "hosted",
"visited", "arrived in ... for talks"). Participants are the trigger's arguments: left
modifiers and "with/between/of X" on a noun, subject/object/"with X" on a verb, the subject
of the verb that holds or attends the meeting, and the place a visit goes to (through its
state). A grouping of states ("the Quad") stands for its members when the article is about it.

Stages: ``summit_frames`` (trigger words and where their arguments are) →
``summit_participants`` (who takes part) → this module (which summit a mention is: a new one, the one with the same states, the one
"the two leaders" or "the Sydney meeting" refer to) → ``summit_details`` (date, place and
status of the mention; another occasion of the same states kept apart; after the last
sentence, a lead meeting with no place takes the dateline's (``datelines``) and a meeting
right after a journey takes the journey's place).
"""
from __future__ import annotations

from ..link.groupings import load_groupings
from .summit_actors import SummitActors
from .summit_details import SummitDetails
from .summit_participants import SummitParticipants
from .summit_venues import SummitVenues
from .summit_frames import destination_tokens, load_frames, meeting_partners, subject_tokens, with_objects


class SummitRules(SummitParticipants, SummitDetails, SummitVenues, SummitActors):
    """Mixed into EventFinder: finds summits and meetings in a sentence."""

    # -- summits ----------------------------------------------------------------------------
    def _summits(self, sent, seen_here):
        frames = load_frames()
        for t in sent:
            kind = frames.kind(t)
            if kind is None and t.pos_ == "VERB" and t.lemma_.lower() in frames.joint_verbs and self._joint(t, frames):
                kind = "joint"
            if kind is None and t.pos_ == "VERB" and t.lemma_.lower() in frames.guest_verbs and any(
                    c.dep_ in ("dobj", "nsubjpass") and (m := self.by_token.get(c.i)) is not None and m.cls == "Person"
                    for c in t.children):
                kind = "host"  # "Xi received Blinken in Beijing"
            if kind is None or (kind in ("noun", "visit-noun") and t.i in self.by_token):
                continue
            if kind == "visit-noun" and any(x.lower_ in frames.visit_noun_blockers for x in t.lefts):
                continue
            if kind == "meet" and self._meets_a_thing(t, frames):
                continue  # "met the 2030 targets", "meeting demand": not a meeting
            if t.lower_ in frames.presence_nouns and not (t.dep_ == "pobj" and t.head.lower_ == "in"):
                continue  # "in the presence of A and B", not "the presence of Chinese firms in Indonesia"
            if kind == "noun" and t.dep_ == "compound" and frames.kind(t.head) in ("noun", "visit-noun"):
                continue  # "summit" in "summit meeting": the head noun is the trigger
            if kind == "visit" and t.tag_ == "VBG" and self._summit_visiting(t, sent, seen_here, frames):
                continue
            self._summit_at(t, kind, sent, seen_here, frames)
        self._chairs(sent, seen_here, frames)
        self._summit_remote(sent, seen_here, frames)

    def _summit_at(self, t, kind, sent, seen_here, frames, only=None):
        noun = kind in ("noun", "visit-noun")
        same = self._summit_of_verb(t, noun, seen_here, frames)
        if same is not None:  # "X hosted Y at Camp David, the first summit of the three": that meeting
            self._note_summit(same, t, kind, sent, seen_here, frames)
            return
        if not noun and self._summit_for_grouping(t, frames):
            return  # "hosts the G7 summit", "flew to Washington for the NATO summit": the gathering's noun says it
        tokens = self._participant_tokens(t, kind, frames)
        if tokens is None:  # "they met", "the two leaders": the actors of an earlier summit
            ev = self._group_summit()
            if ev is not None:
                before = (len(ev.statuses), len(ev.dates), set(ev.places), ev in seen_here, sent in ev.sentences)
                self._note_summit(ev, t, kind, sent, seen_here, frames)
                self._split_occasion(ev, before, [], sent, seen_here)
            return
        dest = destination_tokens(t, kind, frames) if only is None else only
        rel = self._summit_relative_holder(t, frames) if noun and only is None else None
        if rel is not None:  # "the visit Yoon paid to Tokyo": the clause's "to" says where
            dest = dest + [x for c in rel.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                           for x in c.subtree]
        partners = meeting_partners(t, frames) if kind in ("visit", "travel") else []
        groups = self._dest_by_state(dest) if only is None and not self._has_actor(partners) else {}
        if len(groups) >= 2:  # "will visit Rome and West Berlin": a visit to each state
            for group in groups.values():
                self._summit_at(t, kind, sent, seen_here, frames, only=group)
            return
        if self._has_actor(partners):
            tokens = tokens + partners  # "flies to Brussels for talks with EC officials": the partners say who
        tokens = self._without_attributions(tokens)
        stop = self._dateline_end()
        if stop and t.sent.start < stop:
            tokens = [x for x in tokens if x.i >= stop]  # "ROME - Peres met ...": the dateline is not a party
        if noun:  # "the Tokyo summit": a capital before the noun says where, not who
            tokens = [x for x in tokens if not self._capital_modifier(x, t)]
        states, people = self.actors_in(tokens, groupings=False)
        people += [p for p in self._summit_described(tokens, frames) + self._summit_honorific(tokens, frames)
                   if p not in people]
        states += [s for s in self._named_pair(tokens) + self._bodies(tokens, frames) if s not in states]
        groups = self._groupings_in(tokens)
        dstates, _dpeople = self.actors_in(dest, groupings=False)
        dplaces = [m for m in self._mentions_in(dest) if m.cls in ("Place", "Organization")]
        dstates += [c for c in (self._place_country(m) for m in dplaces) if c and c not in dstates]
        if self._has_actor(partners):
            dstates = []
        expanded = []
        for g in groups:
            if self._salient_grouping(g, frames):
                expanded += [s for s in load_groupings().members(g.label, self.published) if s not in expanded]
        named = [g for g in groups if not self._salient_grouping(g, frames)]
        states = list(dict.fromkeys(states + dstates + expanded))
        if kind == "host" and any(self.state_of(p) is None for p in people):
            home = self._summit_host_home(t, sent)  # "Healey hosted Austin at a college in Greenwich"
            if home is not None and home not in states:
                states.append(home)
        countries = set(states) | {self.state_of(p) for p in people if self.state_of(p)}
        if noun and not people and not states and any(x.lower_ in ("leaders", "heads") for x in tokens):
            _s, people = self.actors_in(list(sent), groupings=False)  # "the summit between the leaders of ..."
            countries = {self.state_of(p) for p in people if self.state_of(p)}
        if not people and not states and not named and noun and self._two_of(t) and "Summit" in self.last:
            self._note_summit(self.last["Summit"], t, kind, sent, seen_here, frames)
            return
        strong = noun and (t.lower_ in frames.strong_nouns or any(  # "the Venice summit meeting"
            c.dep_ == "compound" and c.lower_ in frames.strong_nouns for c in t.lefts))
        if strong and len(countries) == 1 and not people and not named and all(
                self.by_token.get(x.i) is None or x.dep_ == "amod" for x in tokens):
            states, countries = [], set()  # "the Swiss summit": where, not who
        if strong and len(countries) == 1 and not named and self._context_ids \
                and not self._has_actor([x for x in tokens if x.i not in self._context_ids]):
            # "West Germany will stand firm at the summit": one state's presence does not
            # say who meets; the summit is the one talked about, or the one at its place
            states, people, countries = [], [], set()
        when = self._when_clause(t)
        if when is not None and len(countries) < 2:
            # "India and the US launched X on Tuesday, when Doval and Sullivan chaired its first meeting"
            more, _p = self.actors_in(subject_tokens(when.sent.root, frames), groupings=False)
            states += [x for x in more if x not in states]
            countries |= set(more)
        if people and len(countries) == 1 and any(x.lower_ in frames.partner_pronouns and x.dep_ == "pobj"
                                                  and x.head.lower_ in ("with", "between") for x in tokens):
            other = self._recent_other_leader(t, countries)  # "X, who held talks with her": the one named before
            if other:
                people.append(other)
                countries.add(self.state_of(other))
        if len(countries) == 1 and (people or states) and not named and (kind == "noun" or (
                kind == "meet" and not any(c.dep_ == "dobj" for c in t.children))):
            abroad = self._summit_abroad(t, countries, frames)  # "Straw will hold talks in Beijing"
            if abroad is not None:
                states.append(abroad)
                countries.add(abroad)
        # "EC farm ministers will meet in Brussels": a union's members meet as the union
        union_meeting = len(countries) == 1 and not people and next(iter(countries)) in self._unions(frames) \
            and any(x.lower_ in frames.member_nouns for x in tokens)
        if not strong and len(countries) < 2 and not named and not union_meeting:
            named_places = {m.iri for x in t.lefts if (m := self.by_token.get(x.i)) is not None and m.cls == "Place"}
            if noun and not people and not states and "Summit" in self.last and named_places and any(
                    c.lower_ in ("the", "those", "these") for c in t.lefts):
                # "the Gyeongju talks": the summit held there, else the last one
                ev = next((e for e in reversed(self.events) if e.kind == "Summit" and named_places & set(e.places)),
                          self.last["Summit"])
                self._note_summit(ev, t, kind, sent, seen_here, frames)
            elif noun and not people and not states and not named_places and t.dep_ in ("nsubj", "nsubjpass") \
                    and any(c.lower_ == "the" for c in t.lefts) and self._summit_just_before(sent):
                # "X met Y on Thursday. The talks took place in Tokyo.": the meeting just reported
                self._note_summit(self.last["Summit"], t, kind, sent, seen_here, frames)
            elif noun and not people and not states and any(c.lower_ == "the" for c in t.lefts) \
                    and self._summit_just_before(sent) and (present := self._present_at(t, self.last["Summit"], frames)):
                for p in present:  # "... met in Seoul. Chinese Premier Li Qiang told the meeting ..."
                    self.last["Summit"].add_person(p, sent)
                self._note_summit(self.last["Summit"], t, kind, sent, seen_here, frames)
            return
        if strong and people and len(countries) == 1 and not self._summit_of_grouping(t, named):
            other = self._recent_other_leader(t, countries)
            if other:
                people.append(other)
                countries.add(self.state_of(other))
        if not (people or states or named) and noun and self._own_places(t):
            # "the Venice summit", "the summit in Venice": the one held there; the last one
            # only when it has no place yet, else a meeting of its own keyed by its place
            own, last = self._own_places(t), self.last.get("Summit")
            ev = next((e for e in reversed(self.events) if e.kind == "Summit" and own & set(e.places)), None)
            if ev is None and last is not None and not last.places and not self._countries_of(last):
                ev = last
            self._note_summit(ev or self.new_event("Summit", sent), t, kind, sent, seen_here, frames)
            return
        if not (people or states or named):
            definite = any(c.lower_ in ("the", "this", "that") for c in t.lefts)
            if definite and "Summit" in self.last:
                last = self.last["Summit"]
                for p in self._present_at(t, last, frames):  # "Macron left the summit early"
                    last.add_person(p, sent)
                self._note_summit(last, t, kind, sent, seen_here, frames)
                return
        last = self.last.get("Summit")
        if noun and len(countries) == 1 and not named and last is not None and len(self._countries_of(last)) >= 2 \
                and countries <= self._countries_of(last) and any(c.lower_ in ("the", "this") for c in t.lefts):
            # "Kishida, who hosted the summit, said": one side's people at the summit just
            # talked about take part in it; it is no meeting of one state
            for p in people:
                last.add_person(p, sent)
            self._note_summit(last, t, kind, sent, seen_here, frames)
            return
        if noun and len(countries) == 1 and self._summit_of_grouping(t, named):
            # "Modi will skip the SCO summit in Astana", "Xi, in town for the APEC forum": one
            # state's people at a grouping's gathering make no summit of that state; it is the
            # gathering, keyed by its place
            states, people, countries = [], [], set()
        ev = self._find_summit(countries, named, sent)
        known = set(ev.persons)
        for s in states:
            ev.add_party(s, sent)
        for p in people:
            ev.add_person(p, sent)
        if named and not ev.name_hint:
            ev.name_hint = f"{named[0].label} summit"
        for m in dplaces:
            if m.cls == "Place" and not (m.entry is not None and m.entry.cls == "Country" and m.iri == m.entry.iri):
                ev.places.setdefault(m.iri, sent)
        for m in self._mentions_in(dest):  # "will visit Tokyo": the capital visited is the place
            if self._capital_place(m):
                ev.places.setdefault(self._capital_place(m), sent)
        before = (len(ev.statuses), len(ev.dates), set(ev.places), ev in seen_here, sent in ev.sentences)
        self._note_summit(ev, t, kind, sent, seen_here, frames)
        if self._split_occasion(ev, before, people, sent, seen_here):
            for p in set(ev.persons) - known:  # they took part in the other occasion
                ev.persons.discard(p)
                ev.person_sent.pop(p, None)

    def _chairs(self, sent, seen_here, frames):
        """"Vestager, who co-chaired the council with Blinken and Raimondo": those who chair
        join the meeting the text last talked about, when their states already take part."""
        ev = next((e for e in seen_here if e.kind == "Summit"), None) or self.last.get("Summit")
        if ev is None:
            return
        for v in sent:
            if v.pos_ != "VERB" or v.lemma_.lower() not in frames.chairing_verbs:
                continue
            if any(c.dep_ == "dobj" and frames.kind(c) for c in v.children):
                continue  # "chaired the meeting": the noun rule has it
            objects = [c for c in v.children if c.dep_ == "dobj"]
            _states, people = self.actors_in(subject_tokens(v, frames) + with_objects(v)
                                             + [x for o in objects for x in with_objects(o)])
            subject = self._nearest_person_before(v, sent)  # "Vestager, ..., who co-chaired"
            if subject is not None and subject not in people:
                people.append(subject)
            countries = set(ev.parties) | {self.state_of(p) for p in ev.persons if self.state_of(p)}
            added = False
            for p in people:
                if self.state_of(p) is None or self.state_of(p) in countries:
                    ev.add_person(p, sent)
                    added = True
            if added and ev not in seen_here:
                seen_here.append(ev)

    def _find_summit(self, countries, named, sent):
        for ev in reversed(self.events):
            if ev.kind != "Summit":
                continue
            ev_countries = set(ev.parties) | {self.state_of(p) for p in ev.persons if self.state_of(p)}
            if countries and ev_countries == countries:
                return ev
            if not countries and not ev_countries and named and ev.name_hint.startswith(named[0].label):
                return ev
        return self.new_event("Summit", sent)
