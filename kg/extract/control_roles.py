"""Roles of an export control read from the parse: its imposer and its targets.

The imposer is named on the trigger ("Japan's curbs", "US export controls", "a Chinese
licence", "controls imposed by Tokyo"), or is the subject or agent of the verbs that govern
it ("Washington added ...", "..., China's commerce ministry said", "pressed the Netherlands
to restrict"), a government body's state ("the Commerce Department" -> USA) or a person's.
Subjects of verbs that act on someone else's control ("China criticised the curbs") and
speakers ("a fact sheet spoke of licences") are not imposers. Targets are the states in the
trigger's target arguments ("to China", "aimed at Beijing", "against Iran", "Chinese firms",
a listing verb's object, "China's access"), a capital or a company standing for its state.
"""
from __future__ import annotations

from ..vocab import country_iri, entity_iri
from .control_frames import NOUNS, VERBS

PRONOUNS = {"it", "they", "its", "their", "itself", "themselves", "we", "our", "he", "she", "his", "her"}
RELATIVES = {"that", "which", "who", "whose"}
SUBJECTS = ("nsubj", "csubj")


class ControlRoles:
    """Mixed into EventFinder (through ControlRules): finds who imposes a control and whom
    it targets. Needs ``self.lex``, ``self.by_token``, ``self.sdoc``, ``self.state_of``."""

    def _is_good(self, tok) -> bool:
        m = self.by_token.get(tok.i)
        return m is not None and m.cls == "TechnologyDomain"

    def _ctl_is_traded(self, tok) -> bool:
        m = self.by_token.get(tok.i)
        return m is not None and m.cls == "TechnologyDomain" and m.iri.rsplit("/", 1)[-1] in self.lex.traded_domains

    def _is_country(self, tok) -> bool:
        m = self.by_token.get(tok.i)
        return m is not None and m.cls == "Country"

    def _ctl_is_company(self, tok) -> bool:
        m = self.by_token.get(tok.i)
        return m is not None and m.cls == "Organization" and (m.entry is None or m.entry.kind == "company")

    # -- states named by mentions ----------------------------------------------------------
    def _state_of_mention(self, m, *, person=True) -> str | None:
        if m.cls == "Country":
            return m.iri
        if m.cls == "Place" and m.entry is not None and m.entry.cls == "Country":
            return m.entry.iri  # "aimed at Beijing": a capital named as a place
        if m.cls == "Organization" and m.entry is not None:
            if self._fragment_of_body(m):
                return None
            if m.label == "European Union":
                return m.iri
            if m.label in self.lex.bodies_of:  # "the European Commission" acts for the EU
                return entity_iri("org", self.lex.bodies_of[m.label])
            if m.entry.kind in ("government", "legislature") and m.entry.country:
                return country_iri(m.entry.country)
        if m.cls == "Person" and person:
            return self.state_of(m.iri)
        return None

    def _fragment_of_body(self, m) -> bool:
        """"the Ministry of Commerce" where only "Commerce" was linked: which state's
        ministry the text does not say here."""
        if m.start < 2 or self.sdoc[m.start - 1].lower_ != "of":
            return False
        return self.sdoc[m.start - 2].lemma_.lower() in ("ministry", "department", "minister", "secretary")

    def _states(self, tokens, *, person=True) -> list[str]:
        out, seen = [], set()
        for x in tokens:
            m = self.by_token.get(x.i)
            if m is None or id(m) in seen:
                continue
            seen.add(id(m))
            s = self._state_of_mention(m, person=person)
            if s and s not in out:
                out.append(s)
        return out

    def _ctl_find_dateline(self) -> str | None:
        """"BEIJING — ...", "THE HAGUE, March 3 - ...": the place the story is filed from."""
        dash = self.dateline_info.sep or None  # the shared reading (kg.extract.datelines)
        if dash is None:
            return None
        states = self._states(self.sdoc[:dash], person=False)
        return states[0] if len(states) == 1 else None

    # -- imposer -----------------------------------------------------------------------------
    def _named_on(self, t) -> list[str]:
        """States named as modifiers of a noun: "Japan's", "US", "Dutch", "US-led", "by X"."""
        toks = []
        for c in t.children:
            if c.dep_ == "poss" and c.lower_ == "whose":  # "Washington, whose curbs on ...": the antecedent
                toks += self._ctl_antecedent(c)
            elif c.dep_ in ("poss", "compound", "amod", "nmod", "npadvmod") and c.i < t.i:
                toks += list(c.subtree)
            elif c.dep_ in ("agent",) or (c.dep_ == "prep" and c.lower_ == "by"):
                toks += list(c.subtree)
            elif c.dep_ == "acl" and c.tag_ == "VBN":  # "controls imposed by the US and Japan"
                toks += [x for a in c.children if a.dep_ == "agent" for x in a.subtree]
            elif c.dep_ == "prep" and c.lower_ in ("on", "for"):  # "curbs on exports introduced by Tokyo"
                toks += [x for o in c.children if o.dep_ == "pobj" for a in o.children
                         if a.dep_ == "acl" and a.tag_ == "VBN" for g in a.children if g.dep_ == "agent"
                         for x in g.subtree]
        if t.pos_ in NOUNS:
            toks.append(t)  # the noun itself: "the Commerce Department"
        return self._states(toks)

    def _ctl_antecedent(self, rel) -> list:
        """The tokens of the mention a relative word ("whose", "which") right after a comma
        refers back to: "Washington, whose curbs ...", "the Netherlands, which requires ..."."""
        i = rel.i - 1
        if i < 1 or self.sdoc[i].text != ",":
            return []
        m = self.by_token.get(i - 1)
        return [] if m is None else list(self.sdoc[m.start:m.end])

    def _ctl_for_subject(self, verb) -> list[str]:
        """"provisions for Korea and the United States to strengthen export controls", "it is
        time for Britain to tighten controls": the states between "for" and the infinitive's
        "to" are its subject (the parser hangs them on the noun before)."""
        to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to" and c.i < verb.i), None)
        if to is None:
            return []
        i, seen = to.i - 1, []
        while i >= max(0, to.i - 12):
            x = self.sdoc[i]
            if x.lower_ == "for":
                return self._states(seen) if seen and any(self._is_country(y) for y in seen) else []
            m = self.by_token.get(i)
            if not (m is not None and m.cls == "Country" or x.lower_ in ("and", "the", ",")):
                return []
            seen.append(x)
            i -= 1
        return []

    def _ctl_subject_states(self, verb, skip=-1):
        """States in the subject of ``verb`` and a flag: the subject is a pronoun or a
        government noun ("it", "the ministry") that the context resolves. ``skip``: the
        index of the token we came from (a trigger in subject position is not its own imposer)."""
        subj = [c for c in verb.children if c.i != skip and (c.dep_ in SUBJECTS or (
            c.dep_ == "npadvmod" and c.i < verb.i and self._is_country(c)))]  # "Washington updated rules" misparsed
        agent = [c for c in verb.children if c.dep_ == "agent" and c.i != skip]
        if not subj and skip >= 0 and verb.lemma_.lower() in self.lex.raising_verbs \
                and any(c.i == skip and c.dep_ in ("xcomp", "npadvmod", "advcl") for c in verb.children):
            # "the Netherlands is expected to require licences[, a step that may curb sales]":
            # the subject of the raised clause
            subj = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not subj and not agent and verb.dep_ == "conj" and verb.head.pos_ in VERBS:
            subj = [c for c in verb.head.children if c.dep_ in SUBJECTS]  # "cut X and suspended Y"
        if not subj and not agent:
            found = self._ctl_for_subject(verb)
            if found:
                return found, False, True
        states, vague = [], False
        for s in subj + agent:
            heads = [s] + [c for c in s.children if c.dep_ == "conj"]
            toks = []
            for h in heads:
                toks += [x for x in h.subtree if not any(a.dep_ in ("relcl", "acl") for a in x.ancestors
                                                          if a.i != h.i and h in a.ancestors)
                         and self._acting(x)]
            found = self._states(toks)
            if found:
                states += found
            elif any(self.by_token.get(x.i) is not None and self.by_token[x.i].cls == "Organization" for x in toks):
                continue  # "G7 leaders", "ASML": a body the text names, not a state to guess
            elif s.lower_ in PRONOUNS or s.lemma_.lower() in self.lex.government_nouns:
                vague = True
        return states, vague, bool(subj or agent)

    def _bloc_subject(self, verb, skip=-1) -> bool:
        """The subject is a grouping or international body ("G7 leaders agreed to ban ...",
        "COCOM members"): not a state here, and no state to guess from the context."""
        for c in verb.children:
            if c.dep_ in SUBJECTS and c.i != skip:
                for x in c.subtree:
                    m = self.by_token.get(x.i)
                    if m is not None and m.cls == "Organization" and m.entry is not None \
                            and m.entry.kind == "international" and self._state_of_mention(m) is None:
                        return True
        return False

    def _acting(self, x) -> bool:
        """A state named in a subject acts only as the head ("Japan", "Tokyo"), a possessor
        ("Japan's cabinet") or on a government noun ("the Japanese cabinet"); "Japanese car
        makers" or "Japanese estimates" are not the state acting."""
        if x.dep_ not in ("amod", "compound", "nmod") or x.head.pos_ not in ("NOUN", "PROPN"):
            return True
        head = x.head
        if head.lemma_.lower() in self.lex.government_nouns:
            return True
        m = self.by_token.get(head.i)  # "U.S. President Biden", "the U.S. Commerce Department"
        return m is not None and (m.cls == "Person" or (m.cls == "Organization" and m.entry is not None
                                                        and m.entry.kind in ("government", "legislature")))

    def _imposers(self, trig):
        """``(states, how, blocked)``: the imposers named with trigger ``trig``; how they
        were found ("own", "object", "verb:LEMMA", "noun", "pronoun", "none"); states that
        must not be imposers (the subject of "criticised the curbs")."""
        t = trig.token
        cur, pronoun, blocked = t, False, set()
        applicant = t.lemma_.lower() in self.lex.licence_nouns or t.lower_ in self.lex.licence_nouns
        if t.dep_ == "acomp" and t.tag_ in ("VBN", "JJ"):
            # "China remains barred from buying the chips": the subject is barred, not barring
            return [], "none", set(self._ctl_subject_states(t.head)[0])
        if t.pos_ in VERBS:
            states, pronoun, has_subj = self._ctl_subject_states(t)
            if states:
                return states, "own", set()
            subj = next((c for c in t.children if c.dep_ in SUBJECTS), None)
            instrument = subj is not None and (subj.lemma_.lower() in self.lex.instruments
                                               or subj.lower_ in self.lex.restrictive_nouns)
            if self._bloc_subject(t):
                return [], "bloc", set()
            if subj is not None and subj.lower_ in RELATIVES and t.dep_ == "relcl":
                subj = t.head  # "factors which would restrain exports": the antecedent is the subject
                instrument = subj.lemma_.lower() in self.lex.instruments or subj.lower_ in self.lex.restrictive_nouns
                if not instrument and not self._named_on(subj) and subj.lemma_.lower() not in self.lex.government_nouns:
                    return [], "none", set()
            elif has_subj and not pronoun and subj is not None and not instrument:
                return [], "none", set()  # "protectionist pressures restricted exports"
            # "the rules restrict ..., BIS said": the rules' author imposes, read further up
            if trig.kind == "list" and (t.dep_ == "amod" or (t.dep_ == "acl" and t.tag_ == "VBN")):
                cur = t.head  # "blacklisted Chinese firms": the firms are the target
        else:
            own = self._named_on(t)
            if own:
                return own, "own", set()
            pronoun = any(c.dep_ == "poss" and c.lower_ in PRONOUNS for c in t.children)
        for _step in range(8):
            head = cur.head
            if head.i == cur.i:
                break
            if head.pos_ in VERBS:
                lemma = head.lemma_.lower()
                clause = cur.dep_ in ("ccomp", "parataxis")
                if lemma in self.lex.speech_verbs and not clause and cur.dep_ not in ("xcomp", "conj", "advcl"):
                    break  # "a fact sheet spoke of licences": the speaker does not impose them
                if lemma in self.lex.object_control_verbs and cur.dep_ in ("xcomp", "advcl"):
                    # "pressed the Netherlands to restrict sales": the object restricts
                    objs = [x for c in head.children if c.dep_ in ("dobj", "dative") or (
                        c.dep_ == "prep" and c.lower_ == "on") for x in c.subtree]  # "called on X to"
                    found = self._states(objs)
                    if found:
                        return found, "object", set(self._ctl_subject_states(head)[0])
                if lemma in self.lex.opposing_verbs and not clause and not self._manner(cur):
                    states, _vague, _ = self._ctl_subject_states(head)
                    blocked |= set(states)
                    if applicant and head.dep_ in ("xcomp", "advcl") and not states:
                        cur = head  # "will oblige shippers to seek a permit": the obliging state imposes
                        continue
                    return [], "blocked", blocked
                states, vague, has_subj = self._ctl_subject_states(head, skip=cur.i)
                if states:
                    return states, "verb:" + lemma, blocked
                if self._bloc_subject(head, skip=cur.i):
                    return [], "bloc", blocked
                pronoun = pronoun or vague
                if has_subj and not vague and not any(c.lower_ in RELATIVES for c in head.children
                                                      if c.dep_ in SUBJECTS):
                    # a named non-state subject ("Exports ... will require") passes the
                    # question on only to a verb that reports it ("..., the ministry said")
                    if head.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "relcl", "acl"):
                        break
            elif head.pos_ in NOUNS and cur.dep_ in ("acl", "relcl", "prep", "pobj", "appos", "conj", "dobj"):
                lemma = head.lemma_.lower()
                if lemma not in self.lex.trade_nouns and lemma not in self.lex.holders:
                    # a conjunct shares only a possessive: "Japan's tariffs and export controls"
                    found = self._states(x for c in head.children if c.dep_ == "poss" for x in c.subtree) \
                        if cur.dep_ == "conj" else self._named_on(head)
                    if found:
                        return found, "noun", blocked
                if any(c.dep_ == "poss" and c.lower_ in PRONOUNS for c in head.children):
                    pronoun = True
            cur = head
        return [], "pronoun" if pronoun else "none", blocked

    @staticmethod
    def _manner(cur) -> bool:
        """"responded by dropping Japan from its list", "retaliated with export curbs": the
        subject acts through the control."""
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "before", "since", "until", "when",
                                                                       "while", "as", "because", "although", "though")
                                       for c in cur.children):
            return False  # "officials complained after the curbs took effect": a time or a cause, not a means
        return cur.dep_ in ("xcomp", "advcl", "conj") or (cur.dep_ == "prep" and cur.lower_ in ("by", "with"))

    def _subject_actors(self, sent) -> list[str]:
        """The states acting as subject or agent of the main clause of ``sent`` (the
        shallowest verb that has one): what "it"/"the ministry" of the next sentence means."""
        best, out = None, []
        for t in sent:
            if t.dep_ in SUBJECTS and t.head.pos_ in VERBS:
                toks = [x for x in t.subtree if x.i <= t.i or x.dep_ == "conj"]
            elif t.dep_ == "pobj" and t.head.lower_ == "by":
                toks = list(t.subtree)
            else:
                continue
            states = self._states(toks)
            if not states:
                continue
            depth = sum(1 for _ in t.ancestors)
            if best is None or depth < best:
                best, out = depth, states
            elif depth == best:
                out += [x for x in states if x not in out]
        return out

    # -- targets -----------------------------------------------------------------------------
    def _targets(self, trig, sent) -> list[str]:
        t = trig.token
        slots = list(trig.target_slots)
        scope = list(t.subtree)
        verb = t if t.pos_ in VERBS else self._ctl_finder.verb_of(t)
        if t.pos_ in VERBS and t.dep_ == "amod" and t.head.head.pos_ in VERBS:
            verb = t.head.head  # "would have capped exports ... to X": the auxiliary took the arguments
        if verb is not None and verb.i != t.i:
            for c in verb.children:
                if c.dep_ in ("prep", "advcl", "dobj", "dative", "npadvmod", "acl", "xcomp"):
                    scope += list(c.subtree)
        for x in scope:
            if x.dep_ in ("prep", "dative") and x.lower_ in self.lex.target_preps and self._destination(x, t):
                slots.append(x)
            elif x.dep_ == "prep" and x.lower_ in ("on", "at") and any(
                    self._target_state(p) for p in x.children if p.dep_ == "pobj"):
                slots += [p for p in x.children if p.dep_ == "pobj"]
            elif x.dep_ in ("amod", "compound", "poss", "nmod") and x.head.lemma_.lower() in self.lex.holders \
                    and x.head.dep_ not in SUBJECTS:
                slots.append(x)  # "sales to Chinese firms", "blacklisted Chinese entities"
            elif x.dep_ == "prep" and x.lower_ == "in" and x.head.lower_ in self.lex.located_holders \
                    and x.head.dep_ not in SUBJECTS:
                slots += [p for p in x.children if p.dep_ == "pobj"]  # "the status of its plants in China"
        # "export controls ... the technology the U.S. is transferring to China": the destination
        # of trade named anywhere in the control's sentence
        for x in sent:
            if x.dep_ in ("prep", "dative") and x not in slots and (
                    (x.lower_ == "to" and self._ctl_finder.is_trade(x.head))
                    or (x.lower_ == "for" and x.head.lower_ in self.lex.destination_words)):
                slots.append(x)
            elif x.dep_ == "dobj" and x.head.lemma_.lower() in self.lex.supply_verbs:
                slots.append(x)  # "toolmakers seeking to supply SMIC", "supplying China with chips"
        # "a move aimed at Beijing", "targeting China" anywhere in the trigger's clause
        clause = verb.subtree if verb is not None else t.subtree
        for x in clause:
            if x.lemma_.lower() in self.lex.target_verbs and x.pos_ in VERBS:
                slots += [c for c in x.children if c.dep_ in ("dobj",) or (c.dep_ == "prep" and c.lower_ == "at")]
        out = []
        for slot in slots:
            for x in slot.subtree:
                m = self.by_token.get(x.i)
                if m is None or m.start != x.i:
                    continue
                s = self._target_state(x)
                if s and s not in out and not self._excluded(m, sent):
                    out.append(s)
        return out

    def _destination(self, prep, t) -> bool:
        """"exports to China", "restricted sales ... to China", "curbs against Iran" name a
        destination; "in response to China", "according to Japan", "a threat to US security"
        do not: the preposition must hang on the trigger, a verb, trade, a good or a holder."""
        head = prep.head
        if head.lower_ in self.lex.denial_objects:
            return False  # "China's access to American chips": the goods, not a destination
        if head.i == t.i or (head.pos_ in VERBS and head.lower_ not in self.lex.not_destination):
            return True
        if head.lower_ in self.lex.not_destination or head.lemma_.lower() in self.lex.not_destination:
            return False
        finder = self._ctl_finder
        if head.dep_ == "pobj" and head.head.lower_ == "of" and finder.is_trade(head.head.head):
            return True  # "exports of 682 items to Russia": the parser hangs the destination on the goods
        return finder.is_trade(head) or finder.is_good(head) or head.lemma_.lower() in self.lex.holders \
            or head.lemma_.lower() in self.lex.instruments

    def _target_state(self, tok):
        """The state a target mention stands for: a country, a capital, a company's home
        state ("sales to Huawei", "added SMIC to the Entity List")."""
        m = self.by_token.get(tok.i)
        if m is None:
            return None
        if m.cls in ("Country", "Place"):
            return self._state_of_mention(m, person=False)
        if m.cls == "Organization" and m.entry is not None and m.entry.kind == "company" and m.entry.country:
            return country_iri(m.entry.country)
        return None

    def _excluded(self, m, sent) -> bool:
        """"to countries other than the US", "destinations outside the EU"."""
        window = " " + " ".join(y.lower_ for y in self.sdoc[max(sent.start, m.start - 3):m.start]) + " "
        window = window.replace(" the ", " ")
        return any(window.endswith(f" {w} ") for w in self.lex.target_exclusions)
