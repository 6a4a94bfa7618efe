"""Who is (and is not) a party to an agreement, beyond the trigger's own arguments: the
state accused of breaking a pact and its accuser, a hyphened pair in the topic ("a deal on
China-UK tourism"), a subject the parser hung on a fronted phrase; and the states that only
look like parties (counterparts of plural deals, members of a multilateral text, a capital
inside a name, a state's own code or a text it signs alone)."""
from __future__ import annotations

from .arguments import capital_names
from .modality import trigger_chain


class AgreementParties:
    """Mixed into AgreementRules (before ArgumentFinder, whose rules call these)."""

    def _accusation_parties(self, t) -> list[str]:
        """"Reagan moved to penalize Japan for breaking a 1986 pact", "He accused Japan of
        failing to enforce the agreement": the state accused of breaking a pact and the state
        accusing it are its parties."""
        f, cues = self._frames(), self.cues
        broken = False
        for _w, tok in trigger_chain(t, 7):
            low, lemma = tok.lower_, tok.lemma_.lower()
            if lemma in cues.reference_verbs or low in cues.reference_nouns or lemma == "fail":
                broken = True
            if tok.pos_ != "VERB" or lemma not in f.accusing_verbs:
                continue
            if not broken:
                return []
            accused = [x for c in tok.children if c.dep_ == "dobj" for x in c.subtree]
            states, people = self._actors(accused)
            states += [c for c in (self.state_of(p) for p in people) if c]
            accusers = self._accuser_states(tok)
            both = list(dict.fromkeys(states + accusers))
            return both if states and accusers and len(both) >= 2 else []
        return []

    def _accuser_states(self, verb) -> list[str]:
        """The states of the subject of ``verb``, up through the clauses it hangs on ("he would
        raise tariffs to penalize Japan": "he", then "Reagan announced"); a "he" with nobody
        above is the person last named."""
        for _step in range(4):
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ not in ("he", "she", "it", "they", "we", "i"):
                states, people = self._actors(list(subj.subtree))
                return list(dict.fromkeys(states + [c for c in (self.state_of(p) for p in people) if c]))
            if verb.dep_ in ("ccomp", "xcomp", "advcl", "conj") and verb.head.i != verb.i:
                verb = verb.head
                continue
            return self._previous_speaker(verb) if subj is not None else []
        return []

    def _previous_speaker(self, verb) -> list[str]:
        """"He accused Japan ...": a "he"/"she" subject opening its sentence is the person the
        sentence before named last; their state."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        sent = verb.sent
        if subj is None or subj.lower_ not in ("he", "she") or subj.i != sent.start + \
                sum(1 for x in sent if x.is_space and x.i < subj.i) or sent.start == 0:
            return []
        prev = self.sdoc[sent.start - 1].sent
        people = [m for m in (self.by_token.get(x.i) for x in prev) if m is not None and m.cls == "Person"]
        state = self.state_of(people[-1].iri) if people else None
        return [state] if state else []

    def _own_instrument(self, head, t) -> bool:
        """"the EU's code of conduct on arms exports": a state's own instrument (a possessive
        state, no partner named, a noun that needs no counterpart) is no pact with anyone."""
        if t.lower_ not in self._frames().nouns_with_complement:
            return False
        return any(c.dep_ == "poss" and self.actors_in(list(c.subtree))[0] for c in head.children) and \
            not any(c.dep_ == "prep" and c.lower_ in self._frames().party_preps for c in head.children)

    def _signed_alone(self, head, state) -> bool:
        """"Russia has signed the Charter": the one state is the subject of the verb that makes
        the agreement and no partner is named ("with", "between"): it joins a text, and the
        story's other state is no party to it."""
        verb, _via = self._governor(head)
        if verb is None or head.dep_ != "dobj" or not self._makes(verb):
            return False
        if not (head.text[:1].isupper() or any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)):
            return False  # "India signed an agreement to sell cars to Hungary": a partner may follow
        preps = ("with", "between", "among")
        if any(c.dep_ == "prep" and c.lower_ in preps for c in list(verb.children) + list(head.children)):
            return False
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None and verb.dep_ == "conj":  # "Argentina ratified and signed the accord"
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return False
        m = self.by_token.get(subj.i)
        return m is not None and m.cls == "Country" and m.iri == state and len(list(subj.subtree)) <= 3

    def _separate_counterparts(self, t, states) -> bool:
        """"Agreements were reached with Chile and Venezuela", "bilateral accords with the UK and
        France": plural agreements (or bilateral ones) whose only states are a list after "with",
        made by someone unnamed, are one with each, not a pact among the listed states."""
        bilateral = any(x.lower_ == "bilateral" for c in t.lefts for x in c.subtree)
        if t.tag_ != "NNS" and not bilateral or len(set(states)) < 2:
            return False
        head = self._noun_head(t)
        verb, _via = self._governor(head)
        holders = [head] + ([verb] if verb is not None else [])
        listed = []
        for h in holders:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ == "with":
                    found, people = self._actors(list(c.subtree))
                    listed += found + [x for x in (self.state_of(p) for p in people) if x]
        if len(set(listed)) < 2 or set(states) != set(listed):
            return False
        return verb is None or not any(c.dep_ in ("nsubj", "agent") for c in verb.children)

    def _membership(self, t) -> bool:
        """The agreement noun is what a state is or becomes a member of ("a member of the
        General Agreement ...", "its accession to the treaty"): a multilateral text, not a pact
        among the states named."""
        _verb, via = self._governor(self._noun_head(t))
        return any(n.lower_ in self._frames().membership_nouns for n in via)

    def _state_counts(self) -> dict:
        """How often each state is named, leaving out capitals inside names ("the Paris Club")."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            if m.cls == "Country" and not self._capital_in_name(m):
                counts[m.iri] = counts.get(m.iri, 0) + 1
        return counts

    def _hyphened_pair(self, tokens) -> list:
        """The tokens of two or more states joined by hyphens ("China-UK", "US–Japan"), or []."""
        states = [x for x in tokens if self._is_state(x)]
        if len(states) < 2:
            return []
        joined = all(any(x.text in ("-", "–", "/") for x in tokens if a.i < x.i < b.i) and b.i - a.i <= 4
                     for a, b in zip(states, states[1:]))
        return states if joined else []

    def _capital_in_name(self, m) -> bool:
        """A capital's name followed by a capitalised word that names nothing else ("Paris
        Club", "Tokyo Round", "Washington Consensus"): part of a proper name."""
        doc = self.sdoc
        if m.end >= len(doc) or m.surface.lower() not in capital_names():
            return False
        nxt = doc[m.end]
        return nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.is_alpha and nxt.i not in self.by_token \
            and not self._is_agreement_noun(nxt) and nxt.text not in ("Declaration", "Statement", "Communique")

    def _subject_lost_in_front(self, verb) -> list[str]:
        """"On the sidelines of the summit in New Delhi, India and Saudi Arabia signed ...": the
        parser hangs the subject on the fronted phrase's last noun; the names between the last
        comma and a subjectless main verb are its subject."""
        if verb.dep_ != "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
            return []
        sent, i = verb.sent, verb.i - 1
        span = []
        while i >= sent.start and verb.doc[i].text != ",":
            span.insert(0, verb.doc[i])
            i -= 1
        if i < sent.start or not span or not all(x.pos_ in ("PROPN", "CCONJ", "DET", "ADV", "AUX") or
                                                 x.lower_ in ("and", "the", "both") for x in span):
            return []
        states, people = self._actors(span)
        return list(dict.fromkeys(states + [c for c in (self.state_of(p) for p in people) if c]))

    def _not_made(self, t) -> bool:
        """"Japan and Korea failed to reach an agreement", "they did not sign a pact": an
        indefinite agreement under a negated verb of making was never made."""
        head = self._noun_head(t)
        if head.dep_ != "dobj" or any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "any")
                                      for c in head.children):
            return False
        verb = head.head
        return verb.pos_ == "VERB" and self._makes(verb) and self._negated(verb)
