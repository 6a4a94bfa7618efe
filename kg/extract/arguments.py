"""The argument finder for agreements: which states a trigger's syntactic arguments name.

A party is an argument of the trigger: a modifier of the noun ("U.S.-Japan pact", "Japan's
accord"), its "with X" / "between X and Y", the subject or agent of the verb that makes it
("X and Y signed", "signed by X"), a collective subject ("the two sides") resolved to the
event last talked about. A state merely named elsewhere in the sentence is not a party.
Frames (which prepositions, verbs and nouns count) are data: ``data/rules/agreements.yaml``.
"""
from __future__ import annotations

from functools import lru_cache

import yaml

from .. import resources
from ..vocab import country_iri
from .modality import trigger_chain

_PRONOUNS = {"it", "they", "we", "its", "their", "our"}
_CLIMB = ("ccomp", "xcomp", "conj", "advcl", "acomp")  # "are due to sign": up to "are"


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
        self.bilateral = {str(k).lower(): int(v) for k, v in data["bilateral"].items()}
        self.topic_verbs = low(data["topic_verbs"])
        self.company_nouns = low(data["company_nouns"])
        self.company_kinds = low(data["company_kinds"])
        self.state_body_words = low(data["state_body_words"])
        self.company_suffixes = low(data["company_suffixes"])
        self.state_body_kinds = low(data["state_body_kinds"])
        self.content_verbs = low(data["content_verbs"])
        self.business_deal_modifiers = low(data["business_deal_modifiers"])
        self.founded_only_nouns = low(data.get("founded_only_nouns", ()))
        self.founding_verbs = low(data.get("founding_verbs", ()))
        self.adjective_nouns = low(data.get("adjective_nouns", ()))
        self.joining_verbs = low(data.get("joining_verbs", ()))
        self.plan_preps = low(data.get("plan_preps", ()))
        self.pact_groupings = low(data.get("pact_groupings", ()))
        self.accusing_verbs = low(data.get("accusing_verbs", ()))
        self.membership_nouns = low(data.get("membership_nouns", ()))
        self.domestic_kinds = low(data.get("domestic_kinds", ()))
        self.outcome_verbs = low(data.get("outcome_verbs", ()))
        self.meeting_nouns = low(data.get("meeting_nouns", ()))
        self.signing_idioms = {str(k).lower(): low(v) for k, v in (data.get("signing_idioms") or {}).items()}
        self.signing_idiom_preps = low(data.get("signing_idiom_preps", ()))
        self.occasion_nouns = low(data.get("occasion_nouns", ()))
        self.visit_nouns = low(data.get("visit_nouns", ()))
        self.frame_preps = low(data.get("frame_preps", ()))


@lru_cache(maxsize=1)
def capital_names() -> frozenset[str]:
    """Capital cities' names (``countries.csv``): "the Washington Declaration" and "the Paris
    Agreement" are named after where they were made, not after a party."""
    import csv
    with resources.gazetteer("countries.csv").open(encoding="utf-8") as fh:
        return frozenset(c.strip().lower() for row in csv.DictReader(fh)
                         for c in (row.get("capitals") or "").split("|") if c.strip())


@lru_cache(maxsize=1)
def load_frames() -> Frames:
    path = resources.root() / "data" / "rules" / "agreements.yaml"
    return Frames(yaml.safe_load(path.read_text(encoding="utf-8")))


def _without_clauses(prep):
    """The tokens under a preposition but not in a relative clause on its object: "a deal
    with Euronext, which runs the Paris exchange" names Euronext, not France."""
    spans = [(x.left_edge.i, x.right_edge.i) for x in prep.subtree if x.dep_ in ("relcl", "acl")]
    return [x for x in prep.subtree if not any(a <= x.i <= b for a, b in spans)]


def _first_verb(t, depth: int = 5):
    """The nearest verb governing ``t`` (through prepositions and nouns)."""
    for _w, tok in trigger_chain(t, depth):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None




class ArgumentFinder:
    """Mixed into EventFinder (through AgreementRules): the arguments of a trigger."""

    def _actors(self, tokens):
        """``actors_in`` without the states that only say whose a company is: "Japanese car
        maker Mitsubishi", "Russia's Rosneft" name a company, and the company is the party."""
        f = self._frames()
        keep = []
        for x in tokens:
            if x.i < self.dateline_info.end:
                continue  # "LULEA, Sweden, May 31 — Officials from A and B agreed": the dateline is no party
            m = self.by_token.get(x.i)
            if m is not None and m.cls == "Country" and self._capital_in_name(m):
                continue  # "the Paris Club", "the Tokyo Round": a body or a round, not the state
            if m is not None and m.cls == "Country":
                first = x
                while first.dep_ == "conj" and first.head.i != first.i:
                    first = first.head  # "the Paris, Amsterdam and Lisbon exchanges"
                head = first.head if first.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod") else None
                heads = [head] if head is not None else []
                while head is not None and head.dep_ == "compound" and head.head.i != head.i:
                    head = head.head  # "Japanese car maker Mitsubishi": "maker", then "Mitsubishi"
                    heads.append(head)
                if any(self._is_company(h, f) for h in heads):
                    continue
            keep.append(x)
        states, people = self.actors_in(keep)
        for m in {id(m): m for m in (self.by_token.get(x.i) for x in keep) if m is not None}.values():
            # a government body acts for its state: "the National Science Foundation", "METI"
            if m.cls == "Organization" and m.entry is not None and m.entry.kind in f.state_body_kinds \
                    and m.entry.country:
                c = country_iri(m.entry.country)
                if c not in states:
                    states.append(c)
        return states, people

    def _company_argument(self, head) -> bool:
        """A company among the agreement's arguments: in its phrase or the subject of the verb
        that makes it ("Morton Thiokol entered into an agreement with Mitsubishi Chemical")."""
        f = self._frames()
        tokens = [x for c in head.children if c.dep_ not in ("relcl", "acl") for x in c.subtree]
        verb, _via = self._governor(head)
        if verb is not None:
            tokens += [x for c in verb.children if c.dep_ in ("nsubj", "agent") or
                       (c.dep_ == "prep" and c.lower_ == "with") for x in c.subtree]
        for x in tokens:
            m = self.by_token.get(x.i)
            if m is not None and m.cls == "Organization" and x.i == m.start and self._is_company(x, f):
                return True
        return False

    def _is_company(self, tok, f) -> bool:
        if tok.lower_ in f.company_nouns or any(c.dep_ == "compound" and c.lower_ in f.company_nouns
                                                for c in tok.children):
            return True  # "firm", "carmaker Fiat"
        m = self.by_token.get(tok.i)
        if m is None or m.cls != "Organization":
            return False
        if m.entry is not None:
            return m.entry.kind in f.company_kinds
        words = [w.lower().replace(".", "").strip(",<>()") for w in m.surface.split()]
        return any(w in f.company_suffixes or w in f.company_nouns for w in words) and \
            not any(w in f.state_body_words for w in words)

    def _place_in_name(self, x, t) -> bool:
        """A capital city in an agreement's proper name, not joined to another state by a
        hyphen: "the Washington Declaration" (not "the Washington-Seoul pact")."""
        m = self.by_token.get(x.i)
        if m is None or m.cls != "Country" or m.surface.lower() not in capital_names():
            return False
        if not t.text[:1].isupper() and not (m.end == t.i and x.dep_ == "compound"):
            return False  # lower case: only "the Paris accord", the capital right before the noun
        doc = x.doc
        near = [doc[i].text for i in (m.start - 1, m.end) if 0 <= i < len(doc)]
        return "-" not in near and "–" not in near and "/" not in near

    def _noun_head(self, t):
        """The head of the name an agreement noun ends: "General Security of Military
        Information Agreement" is headed by "Security" in the parse."""
        h = t
        if t.pos_ == "ADJ":  # a misparsed noun ("a technology compact worth billions"): its phrase's head
            while h.dep_ == "amod" and h.head.i != h.i:
                h = h.head
            return h
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
        tokens = [x for left in head.lefts for x in left.subtree if x.lower_ not in _PRONOUNS
                  and not self._place_in_name(x, t)]
        partner, group, listed = False, [], None
        for c in list(head.rights) + (list(t.rights) if t.i != head.i else []):
            if c.dep_ == "prep" and c.lower_ in f.party_preps:
                tokens += _without_clauses(c)
                group += [x for g in c.children if g.dep_ == "pobj" for x in self._collective(g)]
                partner = partner or c.lower_ == "with"
                listed = c if listed is None else listed
            elif c.dep_ == "prep" and c.lower_ in ("on", "in", "for", "over"):
                # "a framework on batteries between Chile, Argentina and Bolivia": the parser
                # hangs the party list on the topic
                for g in c.children:
                    for gg in (g.children if g.dep_ == "pobj" else ()):
                        if gg.dep_ == "prep" and gg.lower_ in ("between", "among"):
                            tokens += _without_clauses(gg)
                    if g.dep_ == "pobj":  # "a deal on China-UK tourism": the hyphened pair
                        tokens += self._hyphened_pair([x for left in g.lefts for x in left.subtree])
            elif listed is not None and c.dep_ == "conj" and c.i > listed.i and self._is_state(c):
                tokens += list(c.subtree)  # "a cooperation among Japan, the Philippines and ...":
                # the parser hangs the rest of the list on the noun
            if c.dep_ in ("acl", "relcl"):  # "the deal signed by X", "a pact that X and Y signed"
                for g in c.children:
                    if g.dep_ == "prep" and g.lower_ in ("between", "among", "with"):  # "inked between X and Y"
                        tokens += _without_clauses(g)
                    if g.dep_ in ("agent", "nsubj") and not self._is_agreement_noun(g) and g.lower_ not in _PRONOUNS:
                        tokens += list(g.subtree)
                        group += self._collective(g)  # "an accord the two leaders signed"
        states, people = self._actors(tokens)
        states += [c for c in (self.state_of(p) for p in people) if c] + group
        own = any(x.lower_ in ("its", "their", "our") and x.dep_ == "poss" for x in head.lefts)
        verb, via = self._governor(head)
        for noun in via:  # "Japan's compliance with the accord"
            for c in noun.children:
                if c.dep_ == "poss" and c.lower_ not in _PRONOUNS:
                    s2, p2 = self._actors(list(c.subtree))
                    states += s2 + [x for x in (self.state_of(p) for p in p2) if x]
        if verb is not None and head.dep_ != "nsubj":
            lemma = verb.lemma_.lower()
            making = lemma in f.making_verbs or verb.lower_ in self.cues.signing_verbs
            if head.dep_ == "pobj" and making:  # "Australia joined the US and Japan in a pact"
                for c in verb.children:
                    if c.dep_ == "dobj":
                        s2, p2 = self._actors(list(c.subtree))
                        states += s2 + [x for x in (self.state_of(p) for p in p2) if x]
            if head.dep_ in ("dobj", "nsubjpass"):  # "signed a pact with Japan", "terminate it with Japan"
                for c in verb.children:
                    if c.dep_ == "prep" and c.lower_ in ("with", "between", "among"):
                        s2, p2 = self._actors(_without_clauses(c))
                        states += s2 + [x for x in (self.state_of(p) for p in p2) if x]
                    elif c.dep_ == "prep" and c.lower_ == "on" and len(set(states)) < 2:
                        # "signed a deal on China-UK tourism", the topic hung on the verb
                        pair = self._hyphened_pair([x for g in c.children if g.dep_ == "pobj"
                                                    for left in g.lefts for x in left.subtree])
                        states += [m.iri for m in (self.by_token.get(x.i) for x in pair) if m is not None]
            if (making or partner or len(set(states)) < 2) and (lemma not in f.non_party_verbs or own):
                states += self._subject_states(verb, exclude=head)
        if len(set(states)) < 2 and head.dep_ == "pobj" and head.head.lower_ == "under" and \
                head.head.head.pos_ == "VERB":
            # "Under a 2020 agreement, Japan and Britain share data": two or more states acting
            # together under it are its parties (one state alone need not be)
            joint = self._subject_states(head.head.head)
            if len(set(joint)) >= 2:
                states += joint
        n = next((f.bilateral[x.lower_] for c in head.lefts for x in c.subtree if x.lower_ in f.bilateral), 0)
        if n and len(set(states)) < n:
            # "a bilateral pact": the two states the sentence talks about ("trilateral": three)
            named = {m.iri for m in (self.by_token.get(x.i) for x in head.sent) if m is not None and m.cls == "Country"}
            if len(named | set(states)) == n:
                states += sorted(named)
        return list(dict.fromkeys(states)), list(dict.fromkeys(people))

    def _is_state(self, tok) -> bool:
        m = self.by_token.get(tok.i)
        return m is not None and m.cls == "Country"

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
        states, people = self._actors(tokens)
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
            elif cur.dep_ == "pobj" and cur.head.lower_ in f.plan_preps and (
                    cur.head.head.lower_ in self.cues.planned_nouns or (cur.head.head.pos_ == "VERB" and cur.head.lower_ != "for")):
                up = cur.head.head  # "unveiled plans for a partnership", "work toward a pact"
            else:
                return None, via
            if up.i == cur.i:
                return None, via
            if up.pos_ in ("ADV", "ADP") and up.lower_ in ("away", "out", "back") and up.head.pos_ == "VERB":
                up = up.head  # "walked away from the deal", "pulled out of the pact"
            elif up.pos_ in ("ADJ", "ADV") and up.lower_ in self.cues.nearness_words and up.head.pos_ in ("VERB", "AUX"):
                up = up.head  # "are close to a deal", "moved closer to an accord"
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
            if not subj:  # "Quad leaders meeting in Wilmington agreed": the parser's clausal subject
                subj = [g for c in verb.children if c.dep_ == "csubj" for g in c.children if g.dep_ == "nsubj"]
            if len(subj) > 1:
                # "LULEA, Sweden, May 31 — Officials from A and B agreed": the parser makes
                # the dateline a second subject
                subj = [c for c in subj if c.i >= self.dateline_info.end] or subj
            if subj:
                s = subj[0]
                if s.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in verb.children):
                    s = next(c for c in verb.children if c.dep_ == "agent")
                if s.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
                    s = verb.head  # "dismissed by Japan and Korea, which signed the pact"
                    while s.dep_ == "conj" and s.head.i != s.i:
                        s = s.head
                    tokens = [x for x in s.subtree if not (verb.left_edge.i <= x.i <= verb.right_edge.i)]
                    states, people = self._actors(tokens)
                    return list(dict.fromkeys(states + [c for c in (self.state_of(p) for p in people) if c]))
                if s.lower_ in _PRONOUNS and verb.dep_ in _CLIMB + ("relcl",) and verb.head.i != verb.i:
                    verb = verb.head
                    continue
                group = self._collective(s)
                if group:
                    return group
                states, people = self._actors(list(s.subtree))
                return list(dict.fromkeys(states + [c for c in (self.state_of(p) for p in people) if c]))
            lost = self._subject_lost_in_front(verb)
            if lost:
                return lost
            if verb.dep_ in _CLIMB and verb.head.i != verb.i:
                verb = verb.head  # "X and Y are expected to sign", "X signed and ratified"
                continue
            if verb.dep_ == "pcomp" and verb.head.head.pos_ == "NOUN":
                noun = verb.head.head  # "X and Y are in the final stages of negotiating an accord"
                up = noun.head.head if noun.dep_ == "pobj" else noun.head
                if up.lemma_ in ("be", "remain") and up.i != verb.i:
                    verb = up
                    continue
            if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":  # "X and Y are in talks to sign"
                poss = [c for c in verb.head.children if c.dep_ == "poss" and c.lower_ not in _PRONOUNS]
                if poss:  # "Tokyo's failure to live up to the pact", "Japan's decision to sign"
                    states, people = self._actors(list(poss[0].subtree))
                    return list(dict.fromkeys(states + [c for c in (self.state_of(p) for p in people) if c]))
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
