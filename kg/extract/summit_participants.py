"""Who takes part in a summit mention: the arguments of a summit trigger.

The participant tokens of a trigger ("the Lee-Trump summit", "X met Y", "X hosted the
meeting, attended by A and B", "EU leaders at a summit in Lisbon"), the subject that holds
or attends a meeting, "they" / "the two leaders" resolved to the last meeting, and the people
present at the summit just talked about ("Li told the meeting"). Mixed into ``SummitRules``.
"""
from __future__ import annotations

from .summit_frames import (attendee_holder, governing_verb, is_group_subject, noun_arguments, subject_tokens,
                            subtree_without_clauses, with_objects)


class SummitParticipants:
    """Mixed into SummitRules: the participants a summit trigger's arguments name."""

    def _participant_tokens(self, t, kind, frames):
        """Tokens naming who takes part, or None for a subject like "they" that stands for
        the last summit's participants."""
        self._context_ids = set()
        if kind in ("noun", "visit-noun"):
            tokens = noun_arguments(t, frames)
            rel = self._summit_relative_holder(t, frames)
            if rel is not None:  # "the visit Yoon paid to Tokyo", "the talks Biden held with Xi"
                tokens = tokens + subject_tokens(rel, frames) + with_objects(rel)
            a = t  # "had nine hours of talks", "held two rounds of talks": the amount is held
            if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in frames.quantity_nouns:
                a = t.head.head
            head = a.head
            if a.dep_ in ("dobj", "attr", "nsubjpass") and head.pos_ in ("VERB", "AUX") and (
                    head.lemma_.lower() in frames.holding_verbs or a.dep_ == "nsubjpass"):
                subj = self._actor_subject(head, frames) if a.dep_ != "nsubjpass" else []
                subj = self._resolve_group(head, subj, frames)
                if subj is None and not self._has_actor(tokens + with_objects(head)):
                    return None  # "the two leaders will hold talks"
                return tokens + (subj or []) + with_objects(head) + self._joined_by(head, frames)
            if t.dep_ == "nsubj" and head.lemma_.lower() in frames.gathering_verbs:
                tokens += [x for c in head.children if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "from")
                           for x in c.subtree]
            v, prep = governing_verb(t)
            partners = [x for c in t.rights if c.dep_ == "prep" and c.lower_ in ("with", "between")
                        for x in c.subtree]
            if v is not None and prep.lower_ in frames.time_preps and self._has_actor(partners):
                # "after talks with Ryzhkov, Thatcher said": the one who speaks after the
                # meeting with someone had it
                subj = self._actor_subject(v, frames)
                if subj and not is_group_subject(subj, frames):
                    tokens += subj
            elif v is not None and prep.lower_ in frames.time_preps and self._summit_two_sides(
                    subj := self._actor_subject(v, frames)):
                tokens += subj  # "Lula and Xi signed 15 deals after talks at the Great Hall": both had them
            elif v is not None and (prep.lower_ in frames.participation_preps or (
                    kind == "visit-noun" and prep.lower_ in frames.journey_preps)):
                subj = self._resolve_group(v, self._actor_subject(v, frames), frames)
                shared = any(x.dep_ == "poss" and x.lower_ in frames.shared_possessives for x in t.lefts)
                companions = with_objects(v) + ([x for c in v.children if c.dep_ == "dobj" for x in c.subtree]
                                                if v.lemma_.lower() in frames.companion_verbs or shared else [])
                if subj is None and not self._has_actor(tokens + companions):
                    return None
                self._context_ids = {x.i for x in (subj or []) + companions}
                tokens += (subj or []) + companions
            elif any(x.dep_ == "poss" and x.pos_ == "PRON" for x in t.lefts):
                owner = self._possessor(t, frames)  # "cast doubt on his planned meeting with Xi"
                if owner is None and not self._has_actor(tokens):
                    return None  # "their first summit"
                tokens += owner or []
            elif v is None and (holder := attendee_holder(t)) is not None and (
                    self._has_actor([holder]) or holder.lower_ in frames.official_nouns):
                # "EU leaders at a summit in Lisbon pledged ...": the subject attends
                held = [holder] + [x for c in holder.children if c.i != t.head.i and c.dep_ != "punct"
                                   for x in subtree_without_clauses(c)]
                self._context_ids = {x.i for x in held}
                tokens += held
            elif v is None and (owner := self._summit_owner(t, frames)) is not None:
                m = self.by_token[owner.i]  # "Nakasone, in Washington for talks with Reagan, said"
                tokens += list(t.doc[m.start:m.end])
            return tokens
        subj = self._resolve_group(t, self._actor_subject(t, frames), frames)
        if subj is None:
            return None
        tokens = subj + with_objects(t)
        if kind in ("meet", "host"):
            tokens += [x for c in t.children if c.dep_ == "dobj" for x in c.subtree]
            # "met her counterparts, X and Y, in Brussels": the names in apposition to the
            # object, which the parser may hang on the verb
            tokens += [x for c in t.children if c.dep_ in ("dep", "appos", "npadvmod") and c.i > t.i
                       and c.pos_ == "PROPN" and t.doc[c.left_edge.i - 1].text == "," for x in c.subtree]
        return tokens + self._joined_by(t, frames)

    def _present_at(self, t, ev, frames):
        """People of the summit's states who address, leave or tell the meeting ("Li told the
        meeting", "Macron left the summit", "spoke at the meeting"): they were there."""
        v = t.head if t.dep_ == "dobj" else t.head.head if t.dep_ == "pobj" and t.head.lower_ in ("at", "to") else None
        if v is None or v.pos_ != "VERB" or v.lemma_.lower() not in frames.presence_verbs:
            return []
        _s, people = self.actors_in(subject_tokens(v, frames), groupings=False)
        countries = self._countries_of(ev)
        return [p for p in people if self.state_of(p) in countries]

    def _summit_of_verb(self, t, noun, seen_here, frames):
        """A meeting noun the parser hangs on a verb of meeting or hosting as a second object
        or apposition ("hosted A and B at Camp David, the first summit of the three") names
        the meeting that verb reported in this sentence, not another one."""
        if not noun or t.dep_ not in ("dobj", "appos", "npadvmod"):
            return None
        last = next((e for e in reversed(seen_here) if e.kind == "Summit"), None)
        if last is None:
            return None
        head = t.head
        if frames.kind(head) not in ("meet", "host") or not any(
                c.dep_ == "dobj" and c.i < t.i and c.i in self.by_token for c in head.children):
            return None
        return last

    @staticmethod
    def _joined_by(v, frames):
        """"X and Y met in New York, joined by Z", "X hosted the meeting, attended by A and B":
        the agents of a participle on the meeting's verb take part."""
        return [x for c in v.children if c.dep_ in ("advcl", "conj", "acl") and c.tag_ == "VBN"
                and c.lemma_.lower() in frames.companion_verbs | frames.attending_verbs
                for a in c.children if a.dep_ == "agent" for x in a.subtree]

    def _joint(self, v, frames) -> bool:
        """Two or more people of different states are the subject of ``v`` together."""
        subj = [x for c in v.children if c.dep_ == "nsubj" for x in c.subtree]
        _states, people = self.actors_in(subj, groupings=False)
        return len(people) >= 2 and len({self.state_of(p) or p for p in people}) >= 2

    def _possessor(self, t, frames):
        """"his meeting", "their summit": the subject of the clause the noun is in."""
        cur = t
        for _ in range(5):
            if cur.head.i == cur.i:
                return []
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                subj = subject_tokens(cur, frames)
                if any(x.i == t.i for x in subj):
                    continue  # "X said his talks with Y were frank": the owner is the speaker
                return self._resolve_group(cur, subj, frames)
        return []

    def _resolve_group(self, v, subj, frames):
        """"when they met", "the two leaders met": the subject of the clause above, else
        None (the last summit's participants)."""
        if len(subj) == 1 and subj[0].lower_ in ("he", "she"):
            speaker = self._speaker(v)  # "Albanese said he would hold talks with Biden"
            if speaker is not None:
                return speaker
            # "Kuranari arrived in Washington on Monday. He met Shultz on Tuesday."
            return self._summit_antecedent(subj[0]) or subj
        if not is_group_subject(subj, frames) or self._has_actor(subj):
            return subj
        self._group_hint = subj
        head = v.head
        if v.dep_ in ("advcl", "conj", "ccomp", "relcl", "xcomp") and head.pos_ in ("VERB", "AUX"):
            above = subject_tokens(head, frames)
            if self._has_actor(above):
                return above
        return None

    def _speaker(self, v):
        """The person whose words contain clause ``v``: "X said he would ..."."""
        cur = v
        for _ in range(3):
            if cur.dep_ not in ("ccomp", "conj", "xcomp", "advcl") or cur.head.i == cur.i:
                return None
            cur = cur.head
            subj = [x for c in cur.children if c.dep_ == "nsubj" for x in c.subtree]
            people = [x for x in subj if (m := self.by_token.get(x.i)) is not None and m.cls == "Person"]
            if people:
                return subj
        return None

    _group_hint: list = []
    _context_ids: set = frozenset()  # tokens from the clause around a meeting noun
    _NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

    def _group_summit(self):
        """The summit "the four leaders" or "both sides" stand for: the latest one with that
        many states taking part, else the latest one."""
        wanted = next((self._NUMBERS[x.lower_] for x in self._group_hint if x.lower_ in self._NUMBERS), None)
        if wanted:
            for ev in reversed(self.events):
                if ev.kind == "Summit" and len(self._countries_of(ev)) == wanted:
                    return ev
        return self.last.get("Summit")

    def _actor_subject(self, v, frames):
        """The subject of ``v`` when it is someone who can meet: a state, person or body, an
        official ("negotiators", "the delegation"), a pronoun; not "tourists" or "the rebate"."""
        tokens = subject_tokens(v, frames)
        ids = {x.i for x in tokens}
        heads = [x for x in tokens if x.head.i not in ids or x.head.i == x.i]
        for h in heads or tokens[:1]:
            m = self.by_token.get(h.i)
            if m is not None and m.cls in ("Country", "Person", "Organization"):
                return tokens
            if h.pos_ == "PRON" or h.lower_ in frames.official_nouns or h.lower_ in frames.group_subjects:
                return tokens
            if any(x.lower_ in frames.official_nouns or x.lower_ in frames.honorifics
                   for x in h.lefts if x.dep_ in ("compound", "nmod", "amod")):
                return tokens  # "King Fahd", "Undersecretary Armacost": a titled name

        # a person named in the subject acts ("HIROSHIMA — Kishida and Sunak signed": the
        # dateline can head the parsed subject)
        if any((m := self.by_token.get(x.i)) is not None and m.cls == "Person" for x in tokens):
            return tokens
        return []

    def _when_clause(self, t):
        """The verb of a "when" clause the trigger is in, or None."""
        v = t
        while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
            v = v.head
        if v.pos_ in ("VERB", "AUX") and v is not v.sent.root and any(
                c.dep_ == "advmod" and c.lower_ == "when" for c in v.children):
            return v
        return None
