"""Agreement rules: nominal triggers ("pact", "accord", "MoU", "initiative") and verbal ones
("X and Y agreed to ..."); their parties come from the argument finder (``arguments.py``).

The trigger words and frames are data (``data/rules/agreements.yaml`` and the agreement
nouns of ``cues.yaml``); this module is the machinery.
"""
from __future__ import annotations

from .agreement_links import AgreementLinks
from .agreement_places import AgreementPlaces
from .agreement_signing import AgreementSigning
from .agreement_parties import AgreementParties
from .arguments import ArgumentFinder, Frames, load_frames
from .modality import trigger_chain

PERSON_LIKE = {"leader", "leaders", "countries", "nations", "sides", "governments", "allies"}


class AgreementRules(AgreementLinks, AgreementPlaces, AgreementSigning, AgreementParties, ArgumentFinder):
    """Mixed into EventFinder: finds agreements in a sentence."""

    frames = None  # set on first use

    def _frames(self) -> Frames:
        if self.frames is None:
            self.frames = load_frames()
        return self.frames

    # -- triggers ---------------------------------------------------------------------------
    def _is_agreement_noun(self, t) -> bool:
        f, low = self._frames(), t.lower_
        if t.pos_ not in ("NOUN", "PROPN") and not self._misparsed_noun(t) and not self._misparsed_verb(t):
            return False
        if low in f.nouns_with_complement:  # "code of conduct"
            want = f.nouns_with_complement[low]
            return t.i not in self.by_token and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ == want for g in c.children)
                for c in t.children)
        if low not in self.cues.agreement_nouns and low not in f.extra_nouns:
            return False
        m = self.by_token.get(t.i)
        if m is not None and (m.entry is not None or m.cls not in ("Organization", "Place")):
            # part of a known name: "General Agreement on Tariffs and Trade"; but a weak noun
            # ending a known initiative's name counts when it is founded: "launched the
            # Minerals Security Partnership"
            return self._founded_initiative(t, m)
        if low in f.founded_only_nouns and not self._founded(t):
            return False  # "cooperation" counts only under "launch", "establish", ...
        if low in ("memorandum", "memorandums", "memoranda"):
            return True
        if low == "understanding":
            return t.head.lower_ == "of" and t.head.head.lower_ == "memorandum"
        if any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "not") for c in t.lefts):
            return False  # "there is no treaty between them"
        if self._mass_noun(t):
            return False  # "a barrier to agreement", "progress towards accord": consent, not a pact
        if low in ("deal", "deals") and any(c.lower_ in ("great", "good", "better", "best") for c in t.lefts):
            return False
        if any(c.lower_ in f.business_deal_modifiers for c in t.lefts):
            return False  # "a takeover deal", "a sponsorship deal": business, not between states
        return True

    def _misparsed_noun(self, t) -> bool:
        """"signed an AI and defence technology compact worth billions": the tagger reads the
        noun as an adjective on the next noun; it is one when no noun follows it."""
        doc = t.doc
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if nxt is not None and nxt.text == "," and t.i + 2 < len(doc) and doc[t.i + 2].pos_ == "ADJ":
            return False  # "a compact, efficient design": one of two adjectives
        return t.pos_ == "ADJ" and t.lower_ in self._frames().adjective_nouns and \
            (nxt is None or nxt.pos_ not in ("NOUN", "PROPN") or nxt.lower_ == "worth")

    def _misparsed_verb(self, t) -> bool:
        """"inked a critical minerals deal last month": after a plural noun the tagger reads
        "deal" as a verb; it is a noun when it holds a noun's place (object, subject) and
        has a determiner."""
        return t.pos_ == "VERB" and t.lower_ in self.cues.agreement_nouns and \
            t.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos") and \
            any(x.dep_ in ("det", "poss") for c in t.lefts for x in c.subtree)

    def _founded(self, t) -> bool:
        """A verb of founding governs ``t`` (through its name and one verb up):
        "launched the X Partnership", "decided to launch a cooperation"."""
        founding = self._frames().founding_verbs
        return any(tok.pos_ == "VERB" and tok.lemma_.lower() in founding for _w, tok in trigger_chain(t, 3))

    def _founded_initiative(self, t, m) -> bool:
        return (m.cls == "Organization" and m.entry is not None and m.entry.kind == "international"
                and t.i == m.end - 1 and self._is_weak(t) and self._founded(t))

    def _stance(self, v) -> bool:
        """"they were committed to efforts to cut the deficit": a stance each side holds,
        not a commitment the two made to each other (that is "committed themselves to")."""
        if v.lemma_.lower() not in self.cues.stance_verbs or v.tag_ != "VBN":
            return False
        if v.dep_ == "acomp" and v.head.lemma_ in ("be", "remain", "stay"):
            return True  # "they are committed to", "remain committed to"
        return any(c.dep_ in ("auxpass", "aux") and c.lemma_ in ("be", "remain") for c in v.children)

    def _mass_noun(self, t) -> bool:
        """"a major barrier to agreement", "hopes for accord": a bare singular noun (no
        determiner, modifier or partner) after a preposition on another noun."""
        if t.pos_ != "NOUN" or t.tag_ != "NN" or any(c.dep_ != "punct" for c in t.lefts):
            return False
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in self.cues.mass_noun_heads:
            return True  # "signs of accord between X and Y", "a lack of agreement"
        if any(c.dep_ == "prep" and c.lower_ in self._frames().party_preps for c in t.rights):
            return False
        prep = t.head
        before = t.doc[prep.i - 1] if prep.i > 0 else prep
        # the parser may hang "to agreement" on the verb: "removed a barrier to agreement"
        return t.dep_ == "pobj" and prep.lower_ in self.cues.mass_noun_preps and (
            prep.head.pos_ == "NOUN" or before.pos_ == "NOUN")

    def _nonstate_partner(self, head) -> bool:
        """"an accord with opposition parties", "a deal with the unions": the partner named
        with "with" is no state, body or person, so the deal is not between states and its
        one state gets no second party from the rest of the story."""
        verb = head.head if head.dep_ in ("dobj", "nsubjpass") else None
        preps = [c for c in head.rights if c.dep_ == "prep" and c.lower_ == "with"]
        if verb is not None:
            preps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"]
        for prep in preps:
            for g in prep.children:
                if g.dep_ != "pobj" or g.lower_ in ("it", "them", "us", "him", "her") or self._collective(g):
                    continue
                if g.lower_ in PERSON_LIKE:
                    continue
                found = [m for m in (self.by_token.get(x.i) for x in g.subtree) if m is not None]
                if any(m.cls == "Organization" and m.entry is not None and m.entry.kind in
                       self._frames().domestic_kinds for m in found):
                    return True  # "reach agreement with Congress": a deal at home
                if any(m.cls not in ("Person", "Country") for m in found):
                    continue  # a body or a company: the other rules decide
                states, people = self._actors(list(g.subtree))
                if states or any(self.state_of(p) for p in people):
                    continue
                return True  # "with the opposition", "with French businessman X"
        return False

    def _is_weak(self, t) -> bool:
        low = t.lower_
        return low in self.cues.weak_agreement_nouns or low in self._frames().weak_extra_nouns

    def _agreements(self, sent, seen_here):
        for t in sent:
            if not self._is_agreement_noun(t) or t.lower_ == "understanding":
                continue  # "understanding" is covered by "memorandum"
            states, people = self._parties_of_noun(t)
            if self._not_made(t):
                continue  # "failed to reach an agreement", "did not sign a pact": none was made
            if self._membership(t):
                continue  # "China must be a member of the General Agreement ...": a multilateral's member
            if self._separate_counterparts(t, states):
                continue  # "agreements were reached with Chile and Venezuela": one with each
            if len(set(states)) < 2:  # "penalize Japan for breaking a pact"
                states += [x for x in self._accusation_parties(t) if x not in states]
            head = self._noun_head(t)
            contact = self._contact_clause(head)
            if contact is not None:  # "an accord the two leaders signed in London"
                subj, verb = contact
                states += [x for x in (self._collective(subj) or self._states_in(subj, verb)) if x not in states]
            definite = any(c.lower_ in ("the", "this", "that", "these", "those", "both", "its", "their")
                           and c.dep_ in ("det", "poss")
                           for c in head.lefts) or self._definite_title(t)
            weak = self._is_weak(t)
            if not states:
                # "the pact", "the two countries signed a pact": the agreement last talked about
                here = next((e for e in reversed(seen_here) if e.kind == "Agreement"), None)
                ev = (here or self.last.get("Agreement")) if (definite or self._two_of(t)) else None
                ev = self._named_before(t) or ev  # "The Hiroshima Accord spans ...": named earlier
                if ev is not None and self._company_argument(head):
                    ev = None  # "the basic agreement reached with Schlumberger": a company's, not the states'
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
            if len(set(states)) < 2 and (self._company_argument(head) or self._nonstate_partner(head)):
                self._company_deals.add(id(ev))  # "Citibank signed an agreement with a Tokyo bank"
            elif len(set(states)) == 1 and (self._own_instrument(head, t) or self._signed_alone(head, states[0])):
                self._company_deals.add(id(ev))  # "the EU's code of conduct": its own, no partner
            self._note(ev, t, sent, seen_here)
            self._title_head_details(ev, t, head, sent)
            self._capital_named_after(ev, t, sent)
            if contact is not None:
                self._note(ev, contact[1], sent, seen_here)
            name = " ".join(x.text for x in t.lefts if x.pos_ == "PROPN" and not self.mention_at(x))
            if name and not ev.name_hint:
                ev.name_hint = f"{name} {t.text}"
            self._remember_name(ev, t)

    def _verbal_agreements(self, sent, seen_here):
        """"The EU and the US agreed to begin talks", "Xi and Trump agreed when they met":
        a verb of agreeing whose subject names two or more states."""
        f = self._frames()
        for v in sent:
            needs = f.verbal.get(v.lemma_.lower()) if v.pos_ == "VERB" else None
            if not needs or self._negated(v) or self._stance(v):
                continue
            have = {c.dep_ for c in v.children} | {f"prep:{c.lower_}" for c in v.children if c.dep_ == "prep"}
            if not have & needs and v.dep_ not in ("advcl", "relcl", "ccomp"):
                continue
            if any(self._is_agreement_noun(x) for c in v.children if c.dep_ in ("dobj", "nsubjpass", "prep")
                   for x in c.subtree):
                continue  # "signed an accord", "agreed on a pact": the noun rule has it
            states = self._subject_states(v)
            for c in v.children:  # "the Netherlands agreed with Washington to ..."
                if c.dep_ == "prep" and c.lower_ == "with" and states:
                    s2, p2 = self._actors(list(c.subtree))
                    states += [x for x in s2 + [self.state_of(p) for p in p2] if x and x not in states]
                # "Japan and the Netherlands agreed to join the United States in curbing ...":
                # the state joined is a party too
                if c.dep_ == "xcomp" and c.lemma_.lower() in f.joining_verbs and states:
                    s2, p2 = self._actors([x for o in c.children if o.dep_ == "dobj" for x in o.subtree])
                    states += [x for x in s2 + [self.state_of(p) for p in p2] if x and x not in states]
            if len(states) < 2:
                if any(c.dep_ == "prep" and c.lower_ in f.summit_preps for c in v.children):
                    self._pending_at_summit.append(v)  # "what was agreed at the summit": see below
                continue
            ev = self._find_or_create("Agreement", states, sent)
            for s in states:
                ev.add_party(s, sent)
            self._note(ev, v, sent, seen_here)
        self._founded_pacts(sent, seen_here)

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
        if self._acronym_again(sent, seen_here) or self._its_content(sent, seen_here):
            return  # "TRUST will drive work on ...", "Its scope includes ...": the agreement just named
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

    def _makes(self, v) -> bool:
        """A verb that makes an agreement ("sign", "agree", "launch", "reach")."""
        f = self._frames()
        return v.lemma_.lower() in f.making_verbs or v.lower_ in self.cues.signing_verbs or \
            v.lemma_.lower() in f.verbal or self._signing_idiom(v)

    def _signing_verb(self, v) -> bool:
        """A verb whose subject or agent is a signatory ("X signed", "concluded by X")."""
        lemma = v.lemma_.lower()
        if lemma in self.cues.signatory_verbs or v.lower_ in self.cues.signatory_verbs or self._signing_idiom(v):
            return True
        return lemma in self.cues.agent_signatory_verbs and any(c.dep_ == "agent" for c in v.children)

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
            states, people = self._actors(tokens)
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
            ev.triggers.append(v)
            if sent not in ev.sentences:
                ev.sentences.append(sent)
            if ev not in seen_here:
                seen_here.append(ev)
            self._dates_for(ev, v, sent, future=False)

    def _find_or_create(self, kind, states, sent):
        key = set(states)
        same = [ev for ev in reversed(self.events) if ev.kind == kind and key and ev.parties == key]
        if same:  # the pact of exactly these parties before a wider one that includes them
            return same[0]
        for ev in reversed(self.events):
            if ev.kind == kind and key and ev.parties and key <= ev.parties:
                return ev
        return self.new_event(kind, sent)

    def _modifies_domain(self, m) -> bool:
        """"computer chip pact": a domain word that only modifies another domain's noun is that
        domain ("computer" here says which chips)."""
        root = self.sdoc[m.end - 1]
        head = self.by_token.get(root.head.i) if root.dep_ == "compound" else None
        return head is not None and head is not m and head.cls == "TechnologyDomain" and head.iri != m.iri

    def _in_other_clause(self, x, ev) -> bool:
        """A domain in a side clause with a subject of its own that is not a party ("... signed
        a pact while Nvidia reported record AI sales", "as markets focused on chips")."""
        for a in [x] + list(x.ancestors):
            if a.dep_ in ("advcl", "parataxis") or (a.dep_ == "conj" and a.pos_ == "VERB"):
                subj = [c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")]
                if not subj or subj[0].lower_ in ("it", "they", "which", "who", "that") or \
                        any(self._is_agreement_noun(y) for y in subj[0].subtree):
                    continue
                states, people = self.actors_in(list(subj[0].subtree))
                named = set(states) | {self.state_of(p) for p in people if self.state_of(p)}
                if not named & ev.parties and not self._collective(subj[0]):
                    return True
        return False

    def _control_spans(self, sent, ev):
        """The phrases of export controls in the sentence that the agreement does not govern
        ("... GSOMIA, escalating a dispute over Tokyo's curbs on exports of chip materials"):
        what they restrict is not what the agreement covers."""
        mine = {t.i for t in ev.triggers if sent.start <= t.i < sent.end}
        spans = []
        for t in sent:
            if t.lower_ not in self.cues.export_control_heads or any(a.i in mine for a in t.ancestors):
                continue
            # "curbs on exports of ...", "curbs on graphite exports": the head, "on", then "exports"
            nxt = self.sdoc[t.i + 1: min(sent.end, t.i + 5)]
            ex = None
            if len(nxt) >= 2 and nxt[0].lower_ in ("on", "of"):
                ex = next((x for x in nxt[1:] if x.lemma_.lower() == "export"), None)
                if ex is not None and any(x.pos_ in ("VERB", "PUNCT") for x in self.sdoc[t.i + 1: ex.i]):
                    ex = None
            if ex is not None:
                spans.append((t.left_edge.i, max(t.right_edge.i, ex.right_edge.i)))
            elif self._is_control(t):
                spans.append((t.left_edge.i, t.right_edge.i))
        return spans
