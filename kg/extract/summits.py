"""Summit rules: summits, meetings and talks, and who takes part."""
from __future__ import annotations


class SummitRules:
    """Mixed into EventFinder: finds summits and meetings in a sentence."""

    # -- summits ----------------------------------------------------------------------------
    def _summits(self, sent, seen_here):
        for t in sent:
            noun = t.pos_ in ("NOUN", "PROPN") and t.lower_ in self.cues.summit_nouns and t.i not in self.by_token
            verb = t.pos_ == "VERB" and t.lemma_.lower() in ("meet", "host")
            if not (noun or verb):
                continue
            tokens = []
            if noun:
                tokens = [x for left in t.lefts for x in left.subtree]
                for c in t.rights:
                    if c.dep_ == "prep" and c.lower_ in ("with", "between", "among", "of"):
                        tokens += list(c.subtree)
                    if c.dep_ in ("acl", "relcl"):  # "the summit between Lee and Trump scheduled for ..."
                        tokens += [x for x in c.subtree if x.dep_ in ("nsubj", "compound", "conj", "pobj", "appos")
                                   or self.by_token.get(x.i) is not None]
                if t.dep_ in ("dobj", "attr"):  # "Lee and Trump will hold a summit"
                    for c in t.head.children:
                        if c.dep_ == "nsubj":
                            tokens += list(c.subtree)
            else:
                for c in t.children:
                    if c.dep_ in ("nsubj", "dobj") or (c.dep_ == "prep" and c.lower_ == "with"):
                        tokens += list(c.subtree)
            states, people = self.actors_in(tokens)
            orgs = [self.by_token[x.i] for x in t.lefts if self.by_token.get(x.i) is not None
                    and self.by_token[x.i].cls == "Organization"]
            if noun and not people and not states and any(
                    x.lower_ in ("leaders", "heads", "between") for x in t.subtree):
                # "the first summit between the leaders of the three countries": those named here
                _s, people = self.actors_in(list(sent))
            countries = set(states) | {self.state_of(p) for p in people if self.state_of(p)}
            if not people and not states and self._two_of(t) and "Summit" in self.last:
                ev = self.last["Summit"]
                self._note(ev, t, sent, seen_here)
                continue
            if noun and t.lower_ in self.cues.weak_summit_nouns or verb:
                if len(countries) < 2:
                    continue
            if noun and t.lower_ == "summit" and people and len(countries) == 1:
                other = self._recent_other_leader(t, countries)
                if other:
                    people.append(other)
                    countries.add(self.state_of(other))
            if not (people or states or orgs):
                definite = any(c.lower_ == "the" for c in t.lefts)
                if definite and "Summit" in self.last:
                    self._note(self.last["Summit"], t, sent, seen_here)
                    continue
            ev = self._find_summit(countries, orgs, sent)
            for s in states:
                ev.add_party(s, sent)
            for p in people:
                ev.add_person(p, sent)
            if orgs and not ev.name_hint:
                ev.name_hint = f"{orgs[0].surface} summit"
            self._note(ev, t, sent, seen_here)

    def _recent_other_leader(self, t, countries):
        """"a summit with Xi": the other side is the last-named person of another state."""
        for m in sorted((m for m in self.mentions if m.end <= t.i and m.cls == "Person"),
                        key=lambda m: -m.start):
            c = self.state_of(m.iri)
            if c and c not in countries:
                return m.iri
        return None

    def _find_summit(self, countries, orgs, sent) -> Event:
        for ev in reversed(self.events):
            if ev.kind != "Summit":
                continue
            ev_countries = set(ev.parties) | {self.state_of(p) for p in ev.persons if self.state_of(p)}
            if countries and ev_countries == countries:
                return ev
            if not countries and not ev_countries and orgs and ev.name_hint.startswith(orgs[0].surface):
                return ev
        return self.new_event("Summit", sent)
