"""Agreement rules: nominal triggers ("pact", "accord", "MoU", "initiative") and verbal ones
("X and Y agreed to ..."), with the parties read from the trigger's arguments.

The trigger words and argument frames are data (``data/rules/agreements.yaml`` and the
agreement nouns of ``cues.yaml``); this module is the machinery. A party is an argument of
the trigger: a modifier of the noun ("U.S.-Japan pact", "Japan's accord"), its "with X" /
"between X and Y", the subject or agent of the verb that makes it ("X and Y signed", "signed
by X"). A state merely named elsewhere in the sentence is not a party.
"""
from __future__ import annotations

from functools import lru_cache

import yaml

from .. import resources
from .modality import trigger_chain

PERSON_LIKE = {"leader", "leaders", "countries", "nations", "sides", "governments", "allies"}
_PRONOUNS = {"it", "they", "we", "its", "their", "our"}
_CLIMB = ("ccomp", "xcomp", "conj", "advcl")


class Frames:
    """The agreement frame lexicon (``data/rules/agreements.yaml``)."""

    def __init__(self, data: dict):
        low = lambda xs: frozenset(str(x).lower() for x in xs)  # noqa: E731
        self.extra_nouns = low(data["extra_nouns"])
        self.weak_extra_nouns = low(data["weak_extra_nouns"])
        self.nouns_with_complement = {str(k).lower(): str(v).lower()
                                      for k, v in data["nouns_with_complement"].items()}
        self.verbal = {str(k).lower(): frozenset(v) for k, v in data["verbal_triggers"].items()}
        self.making_verbs = low(data["making_verbs"])
        self.collective_nouns = low(data["collective_nouns"])
        self.collective_numbers = {str(k).lower(): int(v) for k, v in data["collective_numbers"].items()}
        self.continuation_verbs = low(data["continuation_verbs"])
        self.party_preps = low(data["party_preps"])
        self.non_party_verbs = low(data["non_party_verbs"])
        self.argument_preps = low(data["argument_preps"])
        self.relational_collectives = low(data["relational_collectives"])
        self.summit_preps = low(data["summit_preps"])
        self.bilateral = low(data["bilateral"])
        self.topic_verbs = low(data["topic_verbs"])


@lru_cache(maxsize=1)
def load_frames() -> Frames:
    path = resources.root() / "data" / "rules" / "agreements.yaml"
    return Frames(yaml.safe_load(path.read_text(encoding="utf-8")))


def _first_verb(t, depth: int = 5):
    """The nearest verb governing ``t`` (through prepositions and nouns)."""
    for _w, tok in trigger_chain(t, depth):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


class AgreementRules:
    """Mixed into EventFinder: finds agreements in a sentence."""

    frames = None  # set on first use

    def _frames(self) -> Frames:
        if self.frames is None:
            self.frames = load_frames()
        return self.frames

    # -- triggers ---------------------------------------------------------------------------
    def _is_agreement_noun(self, t) -> bool:
        if t.pos_ not in ("NOUN", "PROPN"):
            return False
        f, low = self._frames(), t.lower_
        if low in f.nouns_with_complement:  # "code of conduct"
            want = f.nouns_with_complement[low]
            return t.i not in self.by_token and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ == want for g in c.children)
                for c in t.children)
        if low not in self.cues.agreement_nouns and low not in f.extra_nouns:
            return False
        m = self.by_token.get(t.i)
        if m is not None and (m.entry is not None or m.cls not in ("Organization", "Place")):
            return False  # part of a known name: "General Agreement on Tariffs and Trade"
        if low == "memorandum":
            return True
        if low == "understanding":
            return t.head.lower_ == "of" and t.head.head.lower_ == "memorandum"
        if low == "deal" and any(c.lower_ in ("great", "good") for c in t.lefts):
            return False
        return True

    def _is_weak(self, t) -> bool:
        low = t.lower_
        return low in self.cues.weak_agreement_nouns or low in self._frames().weak_extra_nouns

    def _agreements(self, sent, seen_here):
        for t in sent:
            if not self._is_agreement_noun(t) or t.lower_ == "understanding":
                continue  # "understanding" is covered by "memorandum"
            states, people = self._parties_of_noun(t)
            head = self._noun_head(t)
            contact = self._contact_clause(head)
            if contact is not None:  # "an accord the two leaders signed in London"
                subj, verb = contact
                states += [x for x in (self._collective(subj) or self._states_in(subj, verb)) if x not in states]
            definite = any(c.lower_ in ("the", "this", "that", "its", "their") and c.dep_ in ("det", "poss")
                           for c in head.lefts)
            weak = self._is_weak(t)
            if not states:
                # "the pact", "the two countries signed a pact": the agreement last talked about
                here = next((e for e in reversed(seen_here) if e.kind == "Agreement"), None)
                ev = (here or self.last.get("Agreement")) if (definite or self._two_of(t)) else None
                if ev is None:
                    continue
            else:
                made = any(w in self.cues.signing_verbs or tok.lemma_.lower() in self._frames().making_verbs
                           for w, tok in trigger_chain(t, 3))
                named = t.pos_ == "PROPN" or t.text[:1].isupper()
                if weak and not (made or named) and len(states) < 2:
                    continue  # "a partnership on AI" needs a verb of making, a name or two parties
                ev = self._find_or_create("Agreement", states, sent)
            for s in states:
                ev.add_party(s, sent)
            self._note(ev, t, sent, seen_here)
            if contact is not None:
                self._note(ev, contact[1], sent, seen_here)
            name = " ".join(x.text for x in t.lefts if x.pos_ == "PROPN" and not self.mention_at(x))
            if name and not ev.name_hint:
                ev.name_hint = f"{name} {t.text}"

    def _verbal_agreements(self, sent, seen_here):
        """"The EU and the US agreed to begin talks", "Xi and Trump agreed when they met":
        a verb of agreeing whose subject names two or more states."""
        f = self._frames()
        for v in sent:
            needs = f.verbal.get(v.lemma_.lower()) if v.pos_ == "VERB" else None
            if not needs or self._negated(v):
                continue
            have = {c.dep_ for c in v.children} | {f"prep:{c.lower_}" for c in v.children if c.dep_ == "prep"}
            if not have & needs and v.dep_ not in ("advcl", "relcl", "ccomp"):
                continue
            if any(self._is_agreement_noun(x) for c in v.children if c.dep_ in ("dobj", "nsubjpass", "prep")
                   for x in c.subtree):
                continue  # "signed an accord", "agreed on a pact": the noun rule has it
            states = self._subject_states(v)
            if len(states) < 2:
                if any(c.dep_ == "prep" and c.lower_ in f.summit_preps for c in v.children):
                    self._pending_at_summit.append(v)  # "what was agreed at the summit": see below
                continue
            ev = self._find_or_create("Agreement", states, sent)
            for s in states:
                ev.add_party(s, sent)
            self._note(ev, v, sent, seen_here)

    def _agreed_at_summit(self, sent, seen_here):
        """"What was agreed at his summit with Trump", "the deals reached during the visit":
        an agreement made at a summit named here has the summit's countries as parties."""
        pending, self._pending_at_summit = self._pending_at_summit, []
        summits = [e for e in seen_here if e.kind == "Summit"]
        for v in pending:
            for e in summits:
                parties = set(e.parties) | {c for c in (self.state_of(p) for p in e.persons) if c}
                if len(parties) < 2:
                    continue
                ev = self._find_or_create("Agreement", sorted(parties), sent)
                for c in sorted(parties):
                    ev.add_party(c, sent)
                self._note(ev, v, sent, seen_here)
                break

    def _continuation(self, sent, seen_here):
        """"Under it, the two sides will cooperate on quantum": a sentence whose subject is the
        parties of an agreement already named, with a verb of cooperating, continues it."""
        if any(e.kind == "Agreement" for e in seen_here):
            return
        f = self._frames()
        agreements = [e for e in self._recent if e.kind == "Agreement"]
        if not agreements:
            return
        for v in sent:
            if v.pos_ != "VERB" or v.lemma_.lower() not in f.continuation_verbs or self._negated(v):
                continue
            states = set(self._subject_states(v))
            if len(states) < 2:
                continue
            ev = next((e for e in reversed(agreements) if e.parties == states), None)
            if ev is not None:
                if sent not in ev.sentences:
                    ev.sentences.append(sent)
                seen_here.append(ev)
                return

    # -- arguments --------------------------------------------------------------------------
    def _noun_head(self, t):
        """The head of the name an agreement noun ends: "General Security of Military
        Information Agreement" is headed by "Security" in the parse."""
        h = t
        for _step in range(4):
            if h.pos_ != "PROPN":
                break
            if h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.pos_ == "PROPN":
                h = h.head.head
            elif h.dep_ == "compound" and h.head.pos_ == "PROPN":
                h = h.head
            else:
                break
        return h

    def _parties_of_noun(self, t):
        """Parties named as arguments of an agreement noun: "U.S.-Japan pact", "Japan's accord",
        "pact with the U.S.", "agreement between X and Y", "the deal signed by X", and the
        subject of the verb that makes, keeps or breaks it."""
        f = self._frames()
        head = self._noun_head(t)
        tokens = [x for left in head.lefts for x in left.subtree if x.lower_ not in _PRONOUNS]
        partner, group = False, []
        for c in list(head.rights) + (list(t.rights) if t.i != head.i else []):
            if c.dep_ == "prep" and c.lower_ in f.party_preps:
                tokens += list(c.subtree)
                group += [x for g in c.children if g.dep_ == "pobj" for x in self._collective(g)]
                partner = partner or c.lower_ == "with"
            if c.dep_ in ("acl", "relcl"):  # "the deal signed by X", "a pact that X and Y signed"
                for g in c.children:
                    if g.dep_ in ("agent", "nsubj") and not self._is_agreement_noun(g) and g.lower_ not in _PRONOUNS:
                        tokens += list(g.subtree)
                        group += self._collective(g)  # "an accord the two leaders signed"
        states, people = self.actors_in(tokens)
        states += [c for c in (self.state_of(p) for p in people) if c] + group
        own = any(x.lower_ in ("its", "their", "our") and x.dep_ == "poss" for x in head.lefts)
        verb, via = self._governor(head)
        for noun in via:  # "Japan's compliance with the accord"
            for c in noun.children:
                if c.dep_ == "poss" and c.lower_ not in _PRONOUNS:
                    s2, p2 = self.actors_in(list(c.subtree))
                    states += s2 + [x for x in (self.state_of(p) for p in p2) if x]
        if verb is not None and head.dep_ != "nsubj":
            if head.dep_ in ("dobj", "nsubjpass"):  # "signed a pact with Japan", "terminate it with Japan"
                for c in verb.children:
                    if c.dep_ == "prep" and c.lower_ in ("with", "between", "among"):
                        s2, p2 = self.actors_in(list(c.subtree))
                        states += s2 + [x for x in (self.state_of(p) for p in p2) if x]
            lemma = verb.lemma_.lower()
            making = lemma in f.making_verbs or verb.lower_ in self.cues.signing_verbs
            if (making or partner or len(set(states)) < 2) and (lemma not in f.non_party_verbs or own):
                states += self._subject_states(verb, exclude=head)
        if len(set(states)) < 2 and any(c.lower_ in f.bilateral for c in head.lefts):
            # "a bilateral pact": the two states the sentence talks about
            named = {m.iri for m in (self.by_token.get(x.i) for x in head.sent) if m is not None and m.cls == "Country"}
            if len(named | set(states)) == 2:
                states += sorted(named)
        return list(dict.fromkeys(states)), list(dict.fromkeys(people))

    def _contact_clause(self, head):
        """A relative clause with no "that" the parser reads as a noun with a participle:
        "the accord the two leaders signed in London", "the initiative the four leaders
        launched". Returns (subject, verb) or None."""
        x = next((c for c in head.rights if c.dep_ == "appos"), None)
        after = max([head.i] + [c.right_edge.i for c in head.rights if x is None or c.i != x.i]) + 1
        if after >= head.sent.end:
            return None
        if x is None:
            nxt = head.doc[after]
            x = next((a for a in [nxt] + list(nxt.ancestors) if a.left_edge.i == after
                      and a.dep_ in ("dobj", "npadvmod", "appos", "nsubj") and a.pos_ in ("NOUN", "PROPN")), None)
        if x is None or x.left_edge.i != after:
            return None
        verb = next((c for c in x.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")
                     and self._makes(c) and not any(g.dep_ == "dobj" for g in c.children)), None)
        return (x, verb) if verb is not None else None

    def _states_in(self, subj, verb) -> list[str]:
        tokens = [x for x in subj.subtree if not (verb.left_edge.i <= x.i <= verb.right_edge.i)]
        states, people = self.actors_in(tokens)
        return list(dict.fromkeys(states + [c for c in (self.state_of(p) for p in people) if c]))

    def _governor(self, head):
        """The verb that takes the agreement noun as an argument, directly or through
        argument prepositions and nouns ("in favour of a pact", "compliance with the accord"),
        and the nouns on the way."""
        f, cur, via = self._frames(), head, []
        for _step in range(4):
            if cur.dep_ in ("dobj", "nsubjpass", "attr", "appos", "conj", "oprd", "nsubj"):
                up = cur.head
            elif cur.dep_ == "pobj" and cur.head.lower_ in f.argument_preps:
                up = cur.head.head
            else:
                return None, via
            if up.i == cur.i:
                return None, via
            if up.pos_ in ("VERB", "AUX"):
                return up, via
            if up.pos_ not in ("NOUN", "PROPN") or self._is_agreement_noun(up):
                return None, via
            via.append(up)
            cur = up
        return None, via

    def _subject_states(self, verb, exclude=None) -> list[str]:
        """States named by the subject (or agent) of ``verb``: persons count for their state;
        "it"/"they" and an infinitive take the subject of the governing clause; "the two
        sides" are the parties of the event last talked about with that many parties."""
        for _step in range(4):
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "agent")
                    and (exclude is None or exclude.i not in {x.i for x in c.subtree})]
            if subj:
                s = subj[0]
                if s.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in verb.children):
                    s = next(c for c in verb.children if c.dep_ == "agent")
                if s.lower_ in _PRONOUNS and verb.dep_ in _CLIMB + ("relcl",) and verb.head.i != verb.i:
                    verb = verb.head
                    continue
                group = self._collective(s)
                if group:
                    return group
                states, people = self.actors_in(list(s.subtree))
                return list(dict.fromkeys(states + [c for c in (self.state_of(p) for p in people) if c]))
            if verb.dep_ in _CLIMB and verb.head.i != verb.i:
                verb = verb.head  # "X and Y are expected to sign", "X signed and ratified"
                continue
            if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":  # "X and Y are in talks to sign"
                up = _first_verb(verb.head, 3)
                if up is not None:
                    verb = up
                    continue
            break
        return []

    def _collective(self, tok) -> list[str]:
        """"the two sides", "both governments", "the four leaders": the parties of the last
        event with that many parties."""
        f = self._frames()
        if tok.lower_ not in f.collective_nouns:
            return []
        n = next((f.collective_numbers[c.lower_] for c in tok.children if c.lower_ in f.collective_numbers), None)
        if n is None and not (tok.lower_ in f.relational_collectives and any(c.lower_ == "the" for c in tok.lefts)):
            return []
        for ev in reversed(self._recent):
            parties = set(ev.parties) | {c for c in (self.state_of(p) for p in ev.persons) if c}
            if ev.kind in ("Agreement", "Summit") and (len(parties) == n or (n is None and len(parties) >= 2)):
                return sorted(parties)
        return self._salient_states(tok, n) if n else []

    def _salient_states(self, tok, n) -> list[str]:
        """"The two countries" with no event yet: the n states the text has named most so
        far, when they stand out (as many distinct states, or the n-th named more often than
        the next)."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            if m.start >= tok.i:
                break
            if m.cls == "Country":
                counts[m.iri] = counts.get(m.iri, 0) + 1
        ranked = sorted(counts, key=lambda c: (-counts[c], c))
        if len(ranked) < n or (len(ranked) > n and counts[ranked[n - 1]] == counts[ranked[n]]):
            return []
        return sorted(ranked[:n])

    def _makes(self, v) -> bool:
        """A verb that makes an agreement ("sign", "agree", "launch", "reach")."""
        f = self._frames()
        return v.lemma_.lower() in f.making_verbs or v.lower_ in self.cues.signing_verbs or v.lemma_.lower() in f.verbal

    def _negated(self, v) -> bool:
        if any(c.dep_ == "neg" for c in v.children):
            return True
        return any(w in ("fail", "refuse", "decline", "reject") for w in
                   (tok.lemma_.lower() for _w, tok in trigger_chain(v, 2)))

    def _two_of(self, t) -> bool:
        """"The two countries signed a pact": the subject is the parties of the last agreement."""
        for w, tok in trigger_chain(t):
            for c in tok.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in PERSON_LIKE and any(
                        g.lower_ in ("two", "both") for g in c.children):
                    return True
        return False

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

    def _find_or_create(self, kind, states, sent):
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
