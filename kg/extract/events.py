"""Find agreements, summits and export controls in a parsed document.

Each rule works on one sentence's dependency parse; definite references ("the pact",
"the two leaders", "it") attach to the event the document last talked about.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from ..vocab import country_iri
from .cues import Cues
from .modality import status_of, trigger_chain

EVENT_VERBS = {"sign", "hold", "meet", "conclude", "reach", "schedule", "plan", "set", "seal",
               "strike", "ink", "finalize", "take", "impose", "announce", "agree", "form", "launch", "expect", "coincide"}
PERSON_LIKE = {"leader", "leaders", "countries", "nations", "sides", "governments", "allies"}


@dataclass(slots=True)
class Event:
    kind: str  # Agreement, Summit, ExportControl
    parties: set[str] = field(default_factory=set)  # countries/orgs (imposers for controls)
    persons: set[str] = field(default_factory=set)  # signatories / participants
    covers: dict[str, object] = field(default_factory=dict)  # domain IRI -> sentence
    targets: dict[str, object] = field(default_factory=dict)
    places: dict[str, object] = field(default_factory=dict)
    dates: list[tuple] = field(default_factory=list)  # (Value, sentence)
    statuses: list[tuple] = field(default_factory=list)  # (status, sentence)
    during: list[tuple] = field(default_factory=list)  # (Event, sentence)
    sentences: list = field(default_factory=list)  # spans where the event is named
    name_hint: str = ""  # "APEC summit", "Technology Prosperity Deal"
    party_sent: dict[str, object] = field(default_factory=dict)
    person_sent: dict[str, object] = field(default_factory=dict)

    def add_party(self, iri, sent):
        self.parties.add(iri)
        self.party_sent.setdefault(iri, sent)

    def add_person(self, iri, sent):
        self.persons.add(iri)
        self.person_sent.setdefault(iri, sent)


class EventFinder:
    """Runs the rules over a document, sentence by sentence."""

    def __init__(self, sdoc, mentions, cues: Cues, person_country, published):
        self.sdoc = sdoc
        self.cues = cues
        self.published = published
        self.person_country = person_country  # person IRI -> country IRI
        self.by_token: dict[int, object] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self.by_token[i] = m
        self.mentions = mentions
        self.events: list[Event] = []
        self.last: dict[str, Event] = {}
        self.country_counts: dict[str, int] = {}
        # DATE entities in document order; Span.ents would rebuild every entity of the
        # document for each sentence, which is quadratic on long documents
        self.date_ents = [e for e in sdoc.ents if e.label_ == "DATE"]
        self.date_starts = [e.start for e in self.date_ents]

    # -- helpers --------------------------------------------------------------------------
    def mention_at(self, token):
        return self.by_token.get(token.i)

    def actors_in(self, tokens, *, persons: bool = True):
        """Countries/organisations (and persons) named among ``tokens``."""
        states, people, seen = [], [], set()
        for t in tokens:
            m = self.by_token.get(t.i)
            if m is None or id(m) in seen:
                continue
            seen.add(id(m))
            if m.cls == "Country" or (m.cls == "Organization" and m.entry is not None
                                      and m.entry.kind in ("international", "bloc") and m.label == "European Union"):
                states.append(m.iri)
            elif m.cls == "Person" and persons:
                people.append(m.iri)
        return states, people

    def state_of(self, person_iri):
        return self.person_country.get(person_iri)

    def new_event(self, kind, sent) -> Event:
        ev = Event(kind)
        ev.sentences.append(sent)
        self.events.append(ev)
        return ev

    # -- main loop --------------------------------------------------------------------------
    def run(self) -> list[Event]:
        for m in self.mentions:
            if m.cls == "Country":
                self.country_counts[m.iri] = self.country_counts.get(m.iri, 0) + 1
        for sent in self.sdoc.sents:
            seen_here: list[Event] = []
            self._agreements(sent, seen_here)
            self._elliptical_agreements(sent, seen_here)
            self._summits(sent, seen_here)
            self._controls(sent, seen_here)
            self._pronoun_subject(sent, seen_here)
            self._signatories(sent, seen_here)
            self._link_agreement_to_summit(sent, seen_here)
            for ev in seen_here:
                self._domains(sent, ev)
                self.last[ev.kind] = ev
            self._carry_over(sent, seen_here)
        self._fill_single_party()
        return [ev for ev in self.events if self._keep(ev)]

    def _keep(self, ev: Event) -> bool:
        if ev.kind == "Agreement":
            return len(ev.parties) >= 1
        if ev.kind == "Summit":
            return bool(ev.parties or ev.persons or ev.places)
        return bool(ev.parties)

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

    # -- shared per-mention bookkeeping ----------------------------------------------------
    def _note(self, ev, t, sent, seen_here):
        if sent not in ev.sentences:
            ev.sentences.append(sent)
        status = status_of(t, self.cues)
        if status:
            ev.statuses.append((status, sent))
        self._dates_for(ev, t, sent, future=status == "Planned")
        self._places_for(ev, t, sent)
        if ev not in seen_here:
            seen_here.append(ev)

    def _dates_for(self, ev, t, sent, *, future):
        """Dates that say when the event happens: on the event noun ("the July agreement",
        "signed last September") or on a verb of the event ("will sign ... on the 29th").
        A date on another noun ("an April 1 deadline") or a reporting verb ("reported on
        the 28th") is not the event's."""
        from ..link.dates import resolve_date
        chain = {tok.i for _w, tok in trigger_chain(t)}
        lo, hi = bisect_left(self.date_starts, sent.start), bisect_left(self.date_starts, sent.end)
        for ent in self.date_ents[lo:hi]:
            if ent.end > sent.end:
                continue
            tok, ok = ent.root, False
            for _step in range(6):
                if tok.i == t.i:
                    ok = True
                    break
                head = tok.head
                if head.i == tok.i:
                    break
                inside = any(a.i == t.i for a in head.ancestors)
                if head.pos_ in ("VERB", "AUX") and not inside:
                    lemma = head.lemma_.lower()
                    ok = (lemma in EVENT_VERBS or head.lower_ in self.cues.signing_verbs) and (
                        head.i in chain or head.head.i == t.i or head.i == t.i)
                    break
                if head.pos_ in ("NOUN", "PROPN") and head.i != t.i and not (ent.start <= head.i < ent.end) \
                        and not inside:
                    break  # the date belongs to another noun
                tok = head
            if not ok:
                continue
            value = resolve_date(ent.text, self.published, future=future)
            if value is not None:
                ev.dates.append((value, sent))

    def _places_for(self, ev, t, sent):
        chain = {tok.i for _w, tok in trigger_chain(t)} | {t.i}
        for m in {id(m): m for m in (self.by_token.get(x.i) for x in sent) if m}.values():
            if m.cls != "Place":
                continue
            tok = self.sdoc[m.start]
            prev = self.sdoc[m.start - 1].lower_ if m.start > 0 else ""
            if prev not in ("in", "at"):
                continue
            governors = [a for a in tok.ancestors if a.pos_ in ("VERB", "AUX") or a.i == t.i]
            if governors and (governors[0].i in chain or governors[0].i == t.i or governors[0].head.i == t.i):
                ev.places.setdefault(m.iri, sent)
        # "Gyeongju, where the summit is being held": a relative clause on the place
        for _w, v in trigger_chain(t, 3):
            if v.dep_ == "relcl" and any(c.lower_ == "where" for c in v.children):
                m = self.by_token.get(v.head.i)
                if m is not None and m.cls == "Place":
                    ev.places.setdefault(m.iri, sent)

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

    # -- export controls ----------------------------------------------------------------------
    def _is_control(self, t) -> bool:
        if t.lower_ not in self.cues.export_control_heads or t.pos_ not in ("NOUN", "PROPN", "VERB"):
            return False
        if any(c.lower_ in ("export", "exports", "export-control") for c in t.lefts):
            return True
        if t.lower_ in ("controls", "control") and t.i > 0 and t.doc[t.i - 1].lower_ == "export":
            return True
        for c in t.rights:
            if c.dep_ == "prep" and c.lower_ in ("on", "of"):
                if any(x.lemma_.lower() == "export" or x.lower_ == "exports" for x in c.subtree):
                    return True
        return False

    def _controls(self, sent, seen_here):
        for t in sent:
            if not self._is_control(t):
                continue
            before = [x for x in sent if x.i < t.i]
            tokens = [x for left in t.lefts for x in left.subtree]
            for _w, verb in trigger_chain(t)[:4]:
                for c in verb.children:
                    if c.dep_ in ("nsubj", "agent"):
                        tokens += list(c.subtree)
            states, people = self.actors_in(tokens)
            orgs = [m for m in (self.by_token.get(x.i) for x in tokens) if m and m.cls == "Organization"
                    and m.entry is not None and m.entry.country]
            imposers = list(states) + [self.state_of(p) for p in people if self.state_of(p)]
            imposers += [country_iri(o.entry.country) for o in orgs]
            if not imposers:
                # nearest states before the noun in the same clause: "for Korea and the U.S. to strengthen export controls"
                verbs = [tok for _w, tok in trigger_chain(t)[:1]]
                window = []
                for x in reversed(before):
                    if x.i < t.i - 10 or (x.pos_ in ("VERB", "AUX") and x not in verbs and x.dep_ != "aux"):
                        break
                    window.append(x)
                s2, _p = self.actors_in(window)
                imposers = s2
            imposers = list(dict.fromkeys(i for i in imposers if i))
            if not imposers:
                ev = self.last.get("ExportControl")
                if ev is None:
                    continue
            else:
                ev = None
                for old in reversed(self.events):
                    if old.kind == "ExportControl" and old.parties == set(imposers):
                        ev = old
                        break
                ev = ev or self.new_event("ExportControl", sent)
            for i in imposers:
                ev.add_party(i, sent)
            self._targets(ev, sent, t)
            if sent not in ev.sentences:
                ev.sentences.append(sent)
            status = status_of(t, self.cues)
            if status:
                ev.statuses.append((status, sent))
            if ev not in seen_here:
                seen_here.append(ev)

    def _targets(self, ev, sent, t):
        """Other states in the sentence are the control's targets, except partners
        ("pact with the U.S."), parties of agreements and "other than X"."""
        excluded = set(ev.parties)
        for x in sent:
            m = self.by_token.get(x.i)
            if m is None or m.cls != "Country" or m.iri in excluded:
                continue
            window = " ".join(y.lower_ for y in self.sdoc[max(sent.start, m.start - 3):m.start])
            if any(f" {w} " in f" {window} " or window.endswith(w) for w in self.cues.target_exclusions):
                continue
            after = self.sdoc[m.end].lower_ if m.end < sent.end else ""
            if not (set(window.split()) & self.cues.target_cues or after in ("'s", "’s")):
                continue  # a target is named as one: "aimed at China", "exports to China", "China's"
            if any(self._is_agreement_noun(y) for y in self.sdoc[m.end:min(sent.end, m.end + 3)]):
                continue  # "U.S.-Japan pact"
            ev.targets.setdefault(m.iri, sent)

    # -- coreference across sentences -------------------------------------------------------
    def _pronoun_subject(self, sent, seen_here):
        """"It will also include ...": a sentence whose subject is "it" continues the last event."""
        if seen_here:
            return
        root = sent.root
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and subj[0].lower_ == "it" and self._prev_subject_event is not None:
            ev = self._prev_subject_event
            if sent not in ev.sentences:
                ev.sentences.append(sent)
            seen_here.append(ev)

    _prev_subject_event = None

    def _carry_over(self, sent, seen_here):
        """Remember the event that was the subject of this sentence, for a following "it"."""
        root = sent.root
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        self._prev_subject_event = None
        if subj:
            head = subj[0]
            if self._is_agreement_noun(head) or head.lower_ == "it":
                self._prev_subject_event = next((e for e in seen_here if e.kind == "Agreement"), None) \
                    or (self.last.get("Agreement") if head.lower_ == "it" else None)

    def _signatories(self, sent, seen_here):
        """"Kratsios is expected to sign": a person who signs; the agreement is the one named
        in the sentence or the last one."""
        for v in sent:
            if v.lemma_.lower() != "sign" and v.lower_ not in ("sign", "signed", "signing", "signs"):
                continue
            subj = [c for c in v.children if c.dep_ in ("nsubj",)]
            if not subj and v.dep_ == "xcomp":  # "Kratsios is expected to sign"
                subj = [c for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            agents = [c for c in v.children if c.dep_ == "agent"]
            tokens = [x for s in subj + agents for x in s.subtree
                      if not (x.dep_ == "compound" and x.head.pos_ == "NOUN")]
            _states, people = self.actors_in(tokens)
            if not people:
                continue
            ev = next((e for e in seen_here if e.kind == "Agreement"), None) or self.last.get("Agreement")
            if ev is None:
                continue
            for p in people:
                ev.add_person(p, sent)
                c = self.state_of(p)
                if c and len(ev.parties) < 2:
                    ev.add_party(c, sent)
            status = status_of(v, self.cues)
            if status:
                ev.statuses.append((status, sent))
            if ev not in seen_here:
                seen_here.append(ev)

    def _link_agreement_to_summit(self, sent, seen_here):
        agreements = [e for e in seen_here if e.kind == "Agreement"]
        summits = [e for e in seen_here if e.kind == "Summit"]
        for a in agreements:
            for s in summits:
                a.during.append((s, sent))

    def _domains(self, sent, ev):
        if ev.kind == "Summit":
            return
        for x in sent:
            m = self.by_token.get(x.i)
            if m is not None and m.cls == "TechnologyDomain":
                ev.covers.setdefault(m.iri, sent)
