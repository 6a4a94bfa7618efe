"""Agreement rules: agreement nouns ("pact", "accord", "MoU") and their parties."""
from __future__ import annotations

from .modality import trigger_chain

PERSON_LIKE = {"leader", "leaders", "countries", "nations", "sides", "governments", "allies"}


class AgreementRules:
    """Mixed into EventFinder: finds agreements in a sentence."""

    # -- agreements -------------------------------------------------------------------------
    def _is_agreement_noun(self, t) -> bool:
        if t.pos_ not in ("NOUN", "PROPN") or t.lower_ not in self.cues.agreement_nouns:
            return False
        if t.i in self.by_token:
            return False  # part of a name: "General Agreement on Tariffs and Trade"
        if t.lower_ == "memorandum":
            return True
        if t.lower_ == "understanding":
            return t.head.lower_ == "of" and t.head.head.lower_ == "memorandum"
        if t.lower_ == "deal" and any(c.lower_ in ("great", "good") for c in t.lefts):
            return False
        return True

    def _agreements(self, sent, seen_here):
        for t in sent:
            if not self._is_agreement_noun(t):
                continue
            if t.lower_ == "understanding":
                continue  # covered by "memorandum"
            states, people = self._parties_of_noun(t)
            definite = any(c.lower_ in ("the", "this", "that", "its", "their") and c.dep_ in ("det", "poss")
                           for c in t.lefts)
            weak = t.lower_ in self.cues.weak_agreement_nouns
            if not states:
                # "the pact", "the two countries signed a pact": the agreement last talked about
                ev = self.last.get("Agreement") if (definite or self._two_of(t)) else None
                if ev is None:
                    continue
            else:
                signed = any(w in self.cues.signing_verbs for w, _ in trigger_chain(t))
                if weak and not signed and len(states) < 2:
                    continue  # "a partnership on AI" needs a signing verb or two named parties
                ev = self._find_or_create("Agreement", states, sent)
            for s in states:
                ev.add_party(s, sent)
            for p in people:
                c = self.state_of(p)
                if c:
                    ev.add_party(c, sent)
            self._note(ev, t, sent, seen_here)
            name = " ".join(x.text for x in t.lefts if x.pos_ == "PROPN" and not self.mention_at(x))
            if name and not ev.name_hint:
                ev.name_hint = f"{name} {t.text}"

    def _two_of(self, t) -> bool:
        """"The two countries signed a pact": the subject is the parties of the last agreement."""
        for w, tok in trigger_chain(t):
            for c in tok.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in PERSON_LIKE and any(
                        g.lower_ in ("two", "both") for g in c.children):
                    return True
        return False

    def _parties_of_noun(self, t):
        """Parties named around an agreement noun: "U.S.-Japan pact", "pact with the U.S.",
        "agreement between X and Y", and the subject of the verb that governs the noun."""
        tokens = [x for left in t.lefts for x in left.subtree]
        for c in t.rights:
            if c.dep_ == "prep" and c.lower_ in ("with", "between", "among", "involving"):
                tokens += list(c.subtree)
            if c.dep_ in ("acl", "relcl"):
                tokens += [x for x in c.subtree if not self._is_agreement_noun(x)]
        states, people = self.actors_in(tokens)
        # the verb that governs the noun: "Japan denied breaking a pact with the U.S."
        if t.dep_ in ("dobj", "pobj", "attr", "conj", "appos", "nsubjpass"):
            for _w, verb in trigger_chain(t)[:3]:
                for c in verb.children:
                    if c.dep_ in ("nsubj", "agent", "nsubjpass") and c.i != t.i and not self._is_agreement_noun(c):
                        s2, p2 = self.actors_in(list(c.subtree))  # "X and Y are expected to sign"
                        states += s2
                        people += p2
        return list(dict.fromkeys(states)), list(dict.fromkeys(people))

    def _elliptical_agreements(self, sent, seen_here):
        """"... in line with those Trump reached in Japan and the one concluded with the UK":
        a signing verb with no object, in a sentence about agreements, is another agreement."""
        if not any(self._is_agreement_noun(t) for t in sent):
            return
        for v in sent:
            if v.lemma_.lower() not in ("reach", "conclude", "sign", "strike", "seal", "ink") and \
                    v.lower_ not in self.cues.signing_verbs:
                continue
            objs = [c for c in v.children if c.dep_ == "dobj"]
            pronoun_obj = objs and objs[0].lower_ in ("one", "ones", "those", "another")
            if not pronoun_obj and (v.dep_ not in ("acl", "relcl") or objs):
                continue
            if self._is_agreement_noun(v.head):
                continue
            tokens = [x for x in v.subtree if not (x.dep_ == "conj" and x.head.i == v.i)]
            if self.mention_at(v.head) is not None:
                tokens.append(v.head)
            if v.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in v.children):
                tokens += [x for c in v.head.children if c.dep_ == "nsubj" for x in c.subtree]
            states, people = self.actors_in(tokens)
            for p in people:
                c = self.state_of(p)
                if c:
                    states.append(c)
            states = list(dict.fromkeys(states))
            if not states:
                continue
            ev = self._find_or_create("Agreement", states, sent)
            for s in states:
                ev.add_party(s, sent)
            ev.statuses.append(("Completed", sent))
            if sent not in ev.sentences:
                ev.sentences.append(sent)
            if ev not in seen_here:
                seen_here.append(ev)
            self._dates_for(ev, v, sent, future=False)

    def _find_or_create(self, kind, states, sent) -> Event:
        key = set(states)
        for ev in reversed(self.events):
            if ev.kind == kind and key and (ev.parties == key or (ev.parties and key <= ev.parties)):
                return ev
        return self.new_event(kind, sent)

    def _fill_single_party(self):
        """An agreement "concluded with the United Kingdom" has the document's main actor
        as its other party: the state that is party to most other agreements here."""
        agreements = [e for e in self.events if e.kind == "Agreement"]
        for ev in agreements:
            if len(ev.parties) != 1:
                continue
            tally: dict[str, int] = {}
            for other in agreements:
                if other is not ev:
                    for p in other.parties - ev.parties:
                        tally[p] = tally.get(p, 0) + 1
            if not tally:
                tally = {c: n for c, n in self.country_counts.items() if c not in ev.parties}
            if tally:
                best = max(sorted(tally), key=lambda c: tally[c])
                ev.add_party(best, ev.sentences[0])
