"""Who a summit mention names: states, people and bodies among a trigger's arguments, the
places a meeting names itself ("the Venice summit", "visit Tokyo") and the states a journey
goes to. Mixed into :class:`~kg.extract.events.EventFinder` through ``SummitRules``.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..link.groupings import load_groupings
from ..nlp.boundaries import previous_sentence
from ..nlp.gazetteer import load_gazetteer
from ..vocab import country_iri, entity_iri
from .summit_frames import with_objects

_PAIR = re.compile(r"^(?:the\s+)?([A-Z][\w.]*)[-–/]([A-Z][\w.]*)\s")


class SummitActors:
    """Participants and places among a summit trigger's tokens."""

    def _countries_of(self, ev):
        return set(ev.parties) | {self.state_of(p) for p in ev.persons if self.state_of(p)}

    def _has_actor(self, tokens) -> bool:
        return any((m := self.by_token.get(x.i)) is not None and m.cls in ("Country", "Person", "Organization")
                   for x in tokens)

    def _mentions_in(self, tokens):
        return list({id(m): m for m in (self.by_token.get(x.i) for x in tokens) if m is not None}.values())

    def _groupings_in(self, tokens):
        groupings = load_groupings()
        return [m for m in self._mentions_in(tokens) if m.cls == "Organization" and m.label in groupings]

    def _named_pair(self, tokens):
        """States in the name of a bilateral body: "the EU-US Trade and Technology Council",
        "the U.S.-Japan Economic Dialogue"."""
        gaz, out = load_gazetteer(), []
        for m in self._mentions_in(tokens):
            match = _PAIR.match(m.surface) if m.cls == "Organization" else None
            if match is None:
                continue
            entries = [gaz.lookup(part, self.published) for part in match.groups()]
            if all(e is not None and (e.cls == "Country" or e.label == "European Union") for e in entries):
                out += [e.iri for e in entries if e.iri not in out]
        return out

    def _summit_described(self, tokens, frames) -> list:
        """"Modi and the US president", "his Japanese counterpart": a state's official named
        only by title is the person of that state named last before, in this sentence or
        the few before it."""
        out = []
        for x in tokens:
            m, title = self.by_token.get(x.i), x.head
            if m is None or m.cls != "Country" or x.dep_ not in ("compound", "amod", "nmod") \
                    or title.lower_ not in frames.described_titles or self.by_token.get(title.i) is not None \
                    or self._names_person(title) \
                    or any(self.by_token.get(y.i) is not None and self.by_token[y.i].cls == "Person"
                           for y in title.subtree):
                continue
            people, ends = self._summit_people_index()
            for k in range(bisect_right(ends, title.i) - 1, -1, -1):
                p = people[k]
                if title.i - p.end > frames.described_window:
                    break
                if self.state_of(p.iri) == m.iri:
                    out.append(p.iri)
                    break
        return out

    def _names_person(self, title) -> bool:
        """"Chinese Premier Li Qiang", "his counterpart, Lloyd Austin": the title goes with a name."""
        if title.dep_ in ("compound", "appos") and (m := self.by_token.get(title.head.i)) is not None \
                and m.cls == "Person":
            return True
        return any(c.dep_ in ("appos", "compound") and (m := self.by_token.get(c.i)) is not None and m.cls == "Person"
                   for c in title.children)

    def _summit_just_before(self, sent) -> bool:
        """The last summit was named in this sentence or the one before it."""
        last = self.last.get("Summit")
        if last is None or not last.sentences:
            return False
        prev = previous_sentence(self.sdoc, sent)
        return last.sentences[-1].start >= (prev or sent).start

    def _recent_other_leader(self, t, countries):
        """"a summit with Xi": the other side is the last-named person of another state."""
        people, _ends = self._summit_people_index()
        for m in sorted((m for m in people if m.end <= t.i), key=lambda m: -m.start):
            c = self.state_of(m.iri)
            if c and c not in countries:
                return m.iri
        return None

    def _nearest_person_before(self, v, sent):
        """The person a relative clause is about ("X, a commissioner, who chaired ...")."""
        who = [x for x in sent if x.i < v.i and x.lower_ == "who"]
        if not who:
            return None
        for i in range(who[-1].i - 1, sent.start - 1, -1):
            m = self.by_token.get(i)
            if m is not None and m.cls == "Person":
                return m.iri
        return None

    def _summit_host_home(self, t, sent):
        """"X hosted Y at the college in Greenwich": a host whose state is unknown receives
        guests at home; the state the meeting's places lie in (one state only), else None.
        Only when the host is the subject and the guests are all of other states."""
        subj = [x for c in t.children if c.dep_ == "nsubj" for x in c.subtree]
        hosts = [m for m in self._mentions_in(subj) if m.cls == "Person"]
        if not hosts or any(self.state_of(m.iri) is not None for m in hosts):
            return None
        homes = set()
        for x in sent:
            m = self.by_token.get(x.i)
            if m is not None and m.cls == "Place" and x.dep_ == "pobj" and x.head.lower_ in ("in", "at") \
                    and any(a.i == t.i for a in x.ancestors):
                homes.add(self._place_country(m))
        homes.discard(None)
        guests = {self.state_of(m.iri) for x in t.children if x.dep_ == "dobj"
                  for m in self._mentions_in(list(x.subtree)) if m.cls == "Person"}
        return next(iter(homes)) if len(homes) == 1 and not homes & guests else None

    def _summit_abroad(self, t, countries, frames):
        """"Straw, who will hold talks in Beijing": people of one state meeting in another
        state's capital meet that state (not in a city that hosts international bodies,
        "talks in Brussels", "in Geneva"); the state, else None."""
        anchors = {t.i} | ({t.head.i} if t.dep_ in ("dobj", "nsubjpass") and t.head.pos_ == "VERB" else set())
        for c in [c for a in anchors for c in t.doc[a].children]:
            if c.dep_ != "prep" or c.lower_ != "in":
                continue
            for x in c.children:
                m = self.by_token.get(x.i)
                if x.dep_ != "pobj" or m is None or m.cls != "Place" or m.label.lower() in frames.neutral_venues:
                    continue
                state = self._place_country(m)
                capitals = load_gazetteer().capitals.get(state, ()) if state else ()
                if state and state not in countries and state not in self._unions(frames) \
                        and not countries & self._unions(frames) and m.label in capitals:
                    return state
        return None

    def _meets_a_thing(self, t, frames) -> bool:
        """"met the 2030 targets", "meet demand": the object of "meet" is a thing, not
        someone who can meet (a person, state, body, official, pronoun)."""
        objects = [c for c in t.children if c.dep_ == "dobj"]
        if any(self._has_actor([c]) for c in objects):
            return False  # "met Macron and Tusk ..., their first summit": someone is met
        for c in objects:
            if c.pos_ != "NOUN":
                continue
            if c.lower_ in frames.official_nouns or c.lower_ in frames.group_subjects \
                    or c.lower_ in frames.meetable_nouns:
                continue
            return True
        return False

    def _summit_people_index(self):
        """The document's person mentions in order, and their end tokens (for bisect)."""
        if not hasattr(self, "_summit_people"):
            self._summit_people = [m for m in self.mentions if m.cls == "Person"]
            self._summit_people_ends = [m.end for m in self._summit_people]
        return self._summit_people, self._summit_people_ends

    def _summit_antecedent(self, pron):
        """The person "he" or "she" stands for: the one named last before it, in its sentence
        or the one before (tokens of that mention), else None."""
        people, ends = self._summit_people_index()
        window = (previous_sentence(self.sdoc, pron.sent) or pron.sent).start
        k = bisect_right(ends, pron.i) - 1
        if k < 0 or people[k].start < window:
            return None
        m = people[k]
        return list(self.sdoc[m.start:m.end])

    def _summit_honorific(self, tokens, frames) -> list:
        """"Mr Straw, visiting Beijing, ...": a surname after an honorific that the tagger
        left unnamed is the person of that surname named before."""
        out = []
        for x in tokens:
            if x.pos_ != "PROPN" or x.i in self.by_token or x.i == 0 or x.doc[x.i - 1].lower_.rstrip(".") \
                    not in frames.honorifics:
                continue
            for m in self.mentions:
                if m.start >= x.i:
                    break
                if m.cls == "Person" and m.label.split()[-1] == x.text and m.iri not in out:
                    out.append(m.iri)
                    break
        return out

    def _summit_owner(self, t, frames):
        """"Nakasone, in Washington for talks with Reagan, ...", "Kuranari, on a visit to
        Washington, ...": the person a meeting noun hangs from through prepositions of
        place and purpose, or None."""
        cur = t
        for _ in range(3):
            if cur.dep_ != "pobj" or cur.head.lower_ not in frames.owner_preps:
                return None
            head = cur.head.head
            m = self.by_token.get(head.i)
            if m is not None and m.cls == "Person":
                return head
            if head.dep_ != "pobj" or head.pos_ not in ("NOUN", "PROPN"):
                return None
            cur = head
        return None

    def _capital_modifier(self, x, t) -> bool:
        m = self.by_token.get(x.i)
        if m is None or m.cls != "Country" or x.head.i != t.i or x.dep_ not in ("compound", "nmod", "npadvmod"):
            return False
        return m.surface in load_gazetteer().capitals.get(m.iri, ())

    def _dest_by_state(self, dest) -> dict:
        """The places a journey goes to, grouped by the state they lie in."""
        groups: dict = {}
        for x in dest:
            m = self.by_token.get(x.i)
            state = None if m is None else (m.iri if m.cls == "Country" else self._place_country(m))
            if state is not None:
                groups.setdefault(state, []).append(x)
        return groups

    @staticmethod
    def _unions(frames) -> set:
        return {entity_iri("org", u) for u in frames.unions}

    def _own_places(self, t) -> set:
        """Places a meeting noun names itself: "the Venice summit", "the Tokyo talks", "the
        summit in Venice"."""
        out = set()
        for x in t.lefts:
            m = self.by_token.get(x.i)
            if m is not None and x.dep_ in ("compound", "nmod", "npadvmod", "amod"):
                iri = m.iri if m.cls == "Place" else self._capital_place(m)
                if iri:
                    out.add(iri)
        for c in t.rights:
            if c.dep_ == "prep" and c.lower_ in ("in", "at"):
                for x in c.children:
                    m = self.by_token.get(x.i)
                    if m is not None and x.dep_ == "pobj" and m.cls == "Place":
                        out.add(m.iri)
        return out

    def _capital_place(self, m):
        """The city a capital names ("visit Tokyo", "the Moscow talks"), as a place IRI, when
        the mention stands for its state; else None. Its label is kept for the graph."""
        if m.cls != "Country" or m.surface not in load_gazetteer().capitals.get(m.iri, ()):
            return None
        name = m.surface.title() if m.surface.isupper() else m.surface
        iri = entity_iri("place", name)
        self.__dict__.setdefault("extra_places", {})[iri] = name
        return iri

    def _bodies(self, tokens, frames):
        """States a body stands for: a ministry for its state ("talks with MITI"), an EU
        institution for the European Union."""
        out = []
        for m in self._mentions_in(tokens):
            if m.cls != "Organization" or m.entry is None:
                continue
            if m.label in frames.bodies_of:
                out.append(entity_iri("org", frames.bodies_of[m.label]))
            elif m.entry.kind == "government" and m.entry.country:
                out.append(country_iri(m.entry.country))
        return out

    def _salient_grouping(self, m, frames) -> bool:
        """A grouping stands for its members when the article is about it (named often
        enough) and it is small enough to meet as its members."""
        if not hasattr(self, "_mention_counts"):
            self._mention_counts = {}
            for x in self.mentions:
                self._mention_counts[x.iri] = self._mention_counts.get(x.iri, 0) + 1
        count = self._mention_counts.get(m.iri, 0)
        members = load_groupings().members(m.label, self.published)
        return count >= frames.grouping_min_mentions and 2 <= len(members) <= frames.grouping_max_members

    def _place_country(self, m):
        """The state a visited place lies in: a capital ("Riyadh"), a city of the gazetteer,
        a venue such as the White House."""
        if m.entry is None:
            return None
        if m.entry.cls == "Country":
            return m.entry.iri
        return country_iri(m.entry.country) if m.entry.country else None

    def _without_attributions(self, tokens):
        """"... talks with President Reagan, Chief Cabinet Secretary Gotoda told reporters": a
        person parsed in apposition to another person is the speaker of the sentence, not
        the first person's other name; drop them."""
        drop = set()
        for x in tokens:
            m, h = self.by_token.get(x.i), self.by_token.get(x.head.i)
            if x.dep_ == "appos" and m is not None and h is not None and m is not h \
                    and m.cls == "Person" and h.cls == "Person" \
                    and not any(y.dep_ == "cc" for y in x.subtree):
                # (a list of people in the apposition, "A, B and C met", is a misparsed
                # list of participants, not the speaker)
                drop.update(y.i for y in x.subtree)
            # "Soviet-led Comecon", "U.S.-backed forces": the state qualifies a body, it does not meet
            if m is not None and m.cls == "Country" and x.i + 2 < len(x.doc) and x.doc[x.i + 1].text == "-" \
                    and x.doc[x.i + 2].lower_ in self._qualifier_participles():
                drop.add(x.i)
        return [x for x in tokens if x.i not in drop] if drop else tokens

    @staticmethod
    def _qualifier_participles():
        from .summit_frames import load_frames
        return load_frames().qualifier_participles

    def _summit_for_grouping(self, v, frames) -> bool:
        """Verb ``v`` hosts, travels to or attends a grouping's gathering ("will host the G7
        summit", "flew to Washington for the NATO summit") and meets no one "with" it."""
        if with_objects(v):
            return False
        nouns = [c for c in v.children if c.dep_ == "dobj"]
        nouns += [x for c in v.children if c.dep_ == "prep" and c.lower_ in ("for", "at", "to")
                  for x in c.children if x.dep_ == "pobj"]
        return any(frames.kind(n) == "noun" and self._summit_of_grouping(n, self._groupings_in(list(n.subtree)))
                   for n in nouns)

    def _summit_of_grouping(self, t, named) -> bool:
        """The meeting noun ``t`` is named by one of the groupings ``named``: "the SCO
        summit", "the summit of the G20", "a summit of Quad leaders", "the G7 leaders' summit"."""
        from .summit_frames import load_frames
        people = load_frames().member_nouns
        for g in named:
            last = t.doc[g.end - 1]
            if last.head.i != t.i and last.head.lower_ in people and last.dep_ in ("compound", "nmod", "amod"):
                last = last.head  # "Quad leaders", "G7 leaders'"
            if (last.head.i == t.i and last.i < t.i) or (
                    last.head.lower_ == "of" and last.head.head.i == t.i):
                return True
        return False

    def _summit_remote(self, sent, seen_here, frames):
        """"while Putin took part by video link", "Modi joined virtually": one who takes part
        from afar takes part in the meeting of this sentence, else in the one just reported."""
        from .summit_frames import subject_tokens
        for v in sent:
            if v.pos_ != "VERB" or not self._summit_remote_verb(v, frames):
                continue
            _s, people = self.actors_in(subject_tokens(v, frames), groupings=False)
            here = [e for e in seen_here if e.kind == "Summit"]
            ev = here[-1] if here else (self.last.get("Summit") if self._summit_just_before(sent) else None)
            if ev is None or not people:
                continue
            for p in people:
                ev.add_person(p, sent)
            if ev not in seen_here:
                self._note(ev, v, sent, seen_here)

    @staticmethod
    def _summit_remote_verb(v, frames) -> bool:
        """"took part by video link", "participated virtually", "joined remotely": taking part
        (with no object of its own) from afar."""
        lemma = v.lemma_.lower()
        objects = [c for c in v.children if c.dep_ == "dobj"]
        taking = (lemma == "take" and [c.lower_ for c in objects] == ["part"]) or (
            lemma in ("participate", "join", "attend", "appear") and not objects)
        if not taking or any(c.dep_ == "prep" and c.lower_ == "in" for c in v.children):
            return False
        words = {x.lower_ for x in v.subtree if x.dep_ == "advmod" and v.i in (x.head.i, x.head.head.i)}
        words |= {x.lower_ for c in v.children if c.dep_ == "prep" and c.lower_ in ("by", "via", "through", "over")
                  for x in c.subtree}
        return bool(words & frames.remote_words)

    def _summit_two_sides(self, tokens) -> bool:
        """People or states of two or more states are named among ``tokens``."""
        states, people = self.actors_in(tokens, groupings=False)
        return len(set(states) | {self.state_of(p) for p in people if self.state_of(p)}) >= 2

    @staticmethod
    def _summit_relative_holder(t, frames):
        """"the visit Yoon paid to Tokyo", "the talks Biden held with Xi": a relative clause
        on the meeting noun whose verb holds it (the noun is its object) and has a subject."""
        for c in t.children:
            if c.dep_ == "relcl" and c.i > t.i and c.lemma_.lower() in frames.holding_verbs and not any(
                    x.dep_ == "dobj" for x in c.children) and any(x.dep_ == "nsubj" for x in c.children):
                return c
        return None
