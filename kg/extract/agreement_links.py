"""Links between an agreement and the rest of the story: the name it is given ("the Hiroshima
Accord", "the TRUST initiative") and found by again, and the meeting it was made at."""
from __future__ import annotations

from .modality import status_of, trigger_chain


class AgreementLinks:
    """Mixed into AgreementRules."""

    def _names(self) -> dict:
        return self.__dict__.setdefault("_agreement_names", {})

    def _name_keys(self, t) -> list[str]:
        """The names an agreement noun gives: "Hiroshima Accord" (its proper words with a
        capitalised noun), and an acronym among them ("TRUST" of "the US-India TRUST
        initiative"). A state's name is no name of an agreement ("the US-India pact")."""
        words = [x for x in t.lefts if x.pos_ == "PROPN" and x.dep_ == "compound"
                 and not self._is_state(x) and x.is_alpha]
        keys = []
        if words and t.text[:1].isupper():
            keys.append(" ".join(x.text for x in words + [t]))
        keys += [x.text for x in words if len(x.text) >= 3 and x.text.isupper()]
        return keys

    def _remember_name(self, ev, t) -> None:
        if len(ev.parties) >= 2:
            for key in self._name_keys(t):
                self._names().setdefault(key, ev)

    @staticmethod
    def _definite_title(t) -> bool:
        """"The General Security of Military Information Agreement", "the Agreement for
        Cooperation Concerning Peaceful Uses of Nuclear Energy": a capitalised agreement noun
        inside a formal title that "the" opens is definite (the parser hangs "the" elsewhere)."""
        if not t.text[:1].isupper() or t.i == t.sent.start:
            return False
        i = t.i - 1
        while i > t.sent.start and (t.doc[i].text[:1].isupper() or t.doc[i].lower_ in ("of", "for", "on", "and", "in")):
            if t.doc[i].lower_ == "the":
                return True
            i -= 1
        return t.doc[i].lower_ == "the"

    def _title_head_details(self, ev, t, head, sent) -> None:
        """"The General Security of Military Information Agreement, signed by the two
        neighbours in November 2016": the parser hangs the clause on the title's first word;
        its time and status are the agreement's."""
        if head.i == t.i or not self._definite_title(t) or not head.text[:1].isupper():
            return
        for c in head.children:
            if c.dep_ == "acl" and c.tag_ == "VBN" and self._makes(c):
                status = status_of(c, self.cues)
                if status:
                    ev.statuses.append((status, sent))
                self._dates_for(ev, c, sent, future=status == "Planned")
                self._places_for(ev, c, sent)

    def _named_before(self, t):
        """The agreement an earlier sentence gave this name, or None."""
        names = self._names()
        return next((names[k] for k in self._name_keys(t) if k in names), None)

    def _acronym_again(self, sent, seen_here) -> bool:
        """"TRUST will drive collaboration on ...": the acronym of an agreement named before
        stands for it (its domains, dates and status are the agreement's)."""
        names = self._names()
        if not names:
            return False
        for t in sent:
            ev = names.get(t.text) if t.pos_ in ("PROPN", "NOUN") and t.text.isupper() else None
            m = self.mention_at(t)
            if ev is None or (m is not None and (m.cls != "Organization" or m.entry is not None)):
                continue
            nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
            if nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN":
                continue  # part of a longer name
            if sent not in ev.sentences:
                ev.sentences.append(sent)
            seen_here.append(ev)
            return True
        return False

    def _summit_owners(self, summit, agreements, sent):
        """The agreements whose verb of making the summit's phrase hangs on: in "those Trump
        reached during his trip to Japan and the one concluded with the UK" the trip is only
        the first one's."""
        anchors = set()
        for t in summit.triggers:
            if sent.start <= t.i < sent.end and t.pos_ != "VERB":
                verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
                if verb is not None:
                    anchors.add(verb.i)
        owners = []
        for a in agreements:
            for t in a.triggers:
                if not (sent.start <= t.i < sent.end):
                    continue
                verb = t if t.pos_ == "VERB" else next(
                    (tok for _w, tok in trigger_chain(t, 3) if tok.pos_ in ("VERB", "AUX")), None)
                if verb is None or not self._makes(verb):
                    continue
                if verb.i in anchors or (not anchors and any(
                        c.dep_ == "prep" and c.lower_ in ("at", "during") and any(
                            g.dep_ == "pobj" and g.pos_ == "NOUN" for g in c.children) for c in verb.children)):
                    owners.append(a)  # no summit word kept: "concluded at the first meeting of ..."
                    break
        return owners

    def _participial_frame(self, clause, t) -> bool:
        """"Meeting in Paris on Monday, X and Y signed a pact", "Speaking in Canberra on
        Tuesday, the two leaders unveiled a partnership": a participial clause with no subject
        of its own on the verb that makes the agreement gives that verb's time."""
        participle = clause.tag_ in ("VBG", "VBN") or (clause.tag_ == "NN" and clause.lower_.endswith("ing"))
        if clause.dep_ != "advcl" or not participle or \
                any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children):
            return False
        main = clause.head
        if main.i == t.i:
            return t.pos_ == "VERB"
        return t.head.i == main.i and self._makes(main)

    def _cosigners(self, verb, objs) -> list:
        """"X signed the memorandum with his Singaporean counterpart, Y", "X inked the deal
        with Y": the people named with "with" on the verb of signing or its object sign too
        (states there are parties, not signers: only persons are read from it); and the name
        the parser hangs a past-tense "signed" on ("X, India's minister, signed for Delhi")."""
        out = []
        head = self.by_token.get(verb.head.i)
        if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and head is not None and head.cls == "Person" and \
                not any(c.dep_ in ("nsubj", "agent") for c in verb.children):
            out.append(verb.head)  # "X, India's commerce minister, signed for New Delhi": the parser's acl
        for holder in [verb] + list(objs):
            for c in holder.children:
                if c.dep_ == "prep" and c.lower_ == "with":
                    out += [g for g in c.children if g.dep_ == "pobj" and any(
                        (m := self.by_token.get(x.i)) is not None and m.cls == "Person" for x in g.subtree)]
        return out

    def _founded_pacts(self, sent, seen_here) -> None:
        """"When Biden, Morrison and Johnson unveiled AUKUS in 2021", "AUKUS was launched in
        2021": a grouping that is itself a pact (``pact_groupings``), as the object of a verb
        of founding, is an agreement among its members, made then."""
        f = self._frames()
        if not f.pact_groupings:
            return
        for m in {id(m): m for m in (self.by_token.get(x.i) for x in sent) if m is not None}.values():
            if m.cls != "Organization" or m.label.lower() not in f.pact_groupings:
                continue
            tok = self.sdoc[m.end - 1]
            verb = tok.head
            if tok.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB" or \
                    verb.lemma_.lower() not in f.founding_verbs or self._negated(verb):
                continue
            states, _people = self.actors_in([tok])
            if len(states) < 2:
                continue
            ev = self._find_or_create("Agreement", states, sent)
            for c in states:
                ev.add_party(c, sent)
            self._note(ev, verb, sent, seen_here)
            self.__dict__.setdefault("_founding_acts", {})[id(ev)] = verb

    def _same_act(self, agreement, summit, sent) -> bool:
        """The summit's only word here is the verb that makes the agreement ("Biden, Morrison
        and Johnson unveiled AUKUS"): one act, not an agreement made at a meeting."""
        founding = self.__dict__.get("_founding_acts", {})
        verb = founding.get(id(agreement))
        if verb is None or not (sent.start <= verb.i < sent.end):
            return False
        mine = {t.i for t in summit.triggers if sent.start <= t.i < sent.end}
        return not mine or mine <= {verb.i}

    def _other_time(self, agreement, summit, sent) -> bool:
        """The agreement was made at another time than the meeting named with it: "met on
        Friday, a year after they signed an accord" (a clause of time on the verb that makes
        it), "X and Y, which inked a pact in 2022, held talks on Tuesday" (its own date, not
        the meeting's)."""
        for t in agreement.triggers:
            if not (sent.start <= t.i < sent.end):
                continue
            verb = t if t.pos_ == "VERB" else next(
                (tok for _w, tok in trigger_chain(t, 3) if tok.pos_ in ("VERB", "AUX")), None)
            if verb is not None and self._time_clause(verb):
                return True
        mine = {v.lexical for v, x in agreement.dates if x is sent}
        theirs = {v.lexical for v, x in summit.dates if x is sent}
        return bool(mine and theirs) and not any(a.startswith(b) or b.startswith(a) for a in mine for b in theirs)

    @staticmethod
    def _time_clause(verb) -> bool:
        """A clause placed before or after another time: "a year after they signed"."""
        return verb.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "mark" and c.lower_ in ("after", "before", "since", "until") for c in verb.children)

    def _reported_on(self, ent, t) -> bool:
        """"X and Y said on Tuesday they had signed ...": a date right after a verb of saying
        (with "on" between or none) is the day of the report, wherever the parser hangs it."""
        k = ent.start - 1
        doc = ent.doc
        if k >= 0 and doc[k].lower_ == "on":
            k -= 1
        if k < 0 or k == t.i:
            return False
        v = doc[k]
        return v.pos_ == "VERB" and v.lemma_.lower() in self.cues.reporting_verbs

    def _link_to_summit_just_before(self, sent, agreements) -> None:
        """"Kishida hosted Sunak in Hiroshima on Thursday. The two leaders signed the accord":
        an agreement the meeting's parties ("the two leaders", "they") sign in the sentence
        right after a meeting, with no other time given, was made at that meeting."""
        if not agreements or sent.start == 0:
            return
        prev = self.sdoc[sent.start - 1].sent
        before = [e for e in self.events if e.kind == "Summit" and any(x.start == prev.start for x in e.sentences)]
        if len(before) != 1:
            return
        summit = before[0]
        countries = set(summit.parties) | {c for c in (self.state_of(p) for p in summit.persons) if c}
        for a in agreements:
            if a.parties != countries or any(x is sent for _v, x in a.dates) or a.during:
                continue
            for t in a.triggers:
                if not (sent.start <= t.i < sent.end):
                    continue
                verb = t if t.pos_ == "VERB" else next(
                    (tok for _w, tok in trigger_chain(t, 2) if tok.pos_ == "VERB"), None)
                if verb is None or verb.tag_ not in ("VBD", "VBN"):
                    continue
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subj is None:
                    continue
                f = self._frames()
                outcome = verb.lemma_.lower() in f.outcome_verbs and subj.lower_ in f.meeting_nouns \
                    and any(c.lower_ in ("the", "this", "that") for c in subj.children)  # "The visit produced 15 accords"
                if outcome or self._makes(verb) and (subj.lower_ == "they" or set(self._collective(subj)) == countries
                                                     and subj.lower_ in f.collective_nouns):
                    a.during.append((summit, sent))
                    break

    def _title_people(self, tokens) -> list[str]:
        """"President Donald Trump and the crown prince signed ...": "the" + a title the text
        earlier put before a name ("Crown Prince Mohammed bin Salman") is that person."""
        out, here = [], {t.i for t in tokens}
        for x in tokens:
            if x.pos_ != "NOUN" or self.by_token.get(x.i) is not None or \
                    not any(c.dep_ == "det" and c.lower_ == "the" for c in x.children):
                continue
            words = [c.lower_ for c in x.lefts if c.dep_ == "compound"] + [x.lower_]
            phrase = " ".join(words)
            if phrase not in self.cues.state_titles and words[0] not in ("crown",):
                continue
            n = len(words)
            for m in reversed(self.mentions):
                if m.start >= x.i or m.cls != "Person" or m.start < n or m.start in here:
                    continue  # not a name in the same subject ("Sunak and the prime minister")
                before = " ".join(t.lower_ for t in self.sdoc[m.start - n:m.start])
                if before == phrase:
                    out.append(m.iri)
                    break
        return out

    def _fill_single_party(self):
        """An agreement "concluded with the United Kingdom" has the document's main actor
        as its other party: the state that is party to most other agreements here."""
        agreements = [e for e in self.events if e.kind == "Agreement"]
        for ev in agreements:
            if len(ev.parties) != 1 or id(ev) in self._company_deals:
                continue  # a company's deal with a state does not get a second state
            tally: dict[str, int] = {}
            for other in agreements:
                if other is not ev:
                    for p in other.parties - ev.parties:
                        tally[p] = tally.get(p, 0) + 1
            if not tally:
                tally = {c: n for c, n in self._state_counts().items() if c not in ev.parties}
            if tally:
                best = max(sorted(tally), key=lambda c: tally[c])
                ev.add_party(best, ev.sentences[0])

    # -- what an agreement covers, and the summit it was made at ---------------------------

    def _same_day_summit(self):
        """An agreement signed on the day its parties held a summit was signed at that summit
        (the two sentences need not name each other)."""
        summits = [e for e in self.events if e.kind == "Summit" and e.dates]
        for a in self.events:
            if a.kind != "Agreement" or a.during or len(a.parties) < 2:
                continue
            days = {v.lexical for v, _s in a.dates if len(v.lexical) == 10}
            for s in summits:
                countries = set(s.parties) | {c for c in (self.state_of(p) for p in s.persons) if c}
                if countries == a.parties and days & {v.lexical for v, _s in s.dates}:
                    a.during.append((s, s.sentences[0]))
                    break

    def _its_content(self, sent, seen_here) -> bool:
        """"X and Y signed a pact. Its scope includes minerals": a subject owned by "its" with a
        verb of containing, right after a sentence about one agreement, describes that one."""
        root = self._content_root(sent)
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        ev = self._prev_subject_event or self._prev_object_event
        if ev is None or subj is None or root.lemma_.lower() not in self._frames().content_verbs or \
                not any(c.dep_ == "poss" and c.lower_ == "its" for c in subj.children):
            return False
        if sent not in ev.sentences:
            ev.sentences.append(sent)
        seen_here.append(ev)
        return True

    def _capital_named_after(self, ev, t, sent) -> None:
        """"signed the accord in the Philippine capital, Manila": the place named in apposition
        to "capital"/"city" after "in" on the verb that makes the agreement."""
        for acl in self._noun_head(t).children:  # "an accord initialled here today": the dateline's
            if acl.dep_ == "acl" and acl.tag_ == "VBN" and self._makes(acl) and \
                    self.dateline_info.city and any(c.dep_ == "advmod" and c.lower_ == "here" for c in acl.children):
                if self.dateline_info.place is None:
                    self.__dict__.setdefault("extra_places", {})[self.dateline_info.city] = self.dateline_info.city_label
                ev.places.setdefault(self.dateline_info.city, sent)
        verb = next((tok for _w, tok in trigger_chain(t, 2) if tok.pos_ == "VERB"), None)
        if verb is None or not self._makes(verb):
            return
        self._visited_place(ev, verb, self._noun_head(t), sent)
        for prep in list(verb.children) + list(self._noun_head(t).children):
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or noun.lower_ not in ("capital", "city", "town", "port"):
                    continue
                named = [c for c in noun.children if c.dep_ == "appos"] + [  # "the port city of Gdansk"
                    g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
                for c in named:
                    m = self.by_token.get(c.i)
                    if m is None:
                        continue
                    iri = m.iri if m.cls == "Place" else self._capital_place(m)  # "Manila" read as the state
                    if iri:
                        ev.places.setdefault(iri, sent)
        self._capital_of_dateline(ev, verb, self._noun_head(t), sent)
