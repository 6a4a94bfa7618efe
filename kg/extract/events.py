"""Find agreements, summits and export controls in a parsed document.

Each rule works on one sentence's dependency parse; definite references ("the pact",
"the two leaders", "it") attach to the event the document last talked about.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from .agreements import AgreementRules
from .controls import ControlRules
from .cues import Cues
from .datelines import find_dateline
from .modality import status_of, trigger_chain
from .summits import SummitRules

EVENT_VERBS = {"sign", "hold", "meet", "conclude", "reach", "schedule", "plan", "set", "seal",
               "strike", "ink", "finalize", "take", "impose", "announce", "agree", "form", "launch", "expect", "coincide",
               "unveil", "adopt", "establish", "renew", "finalise", "forge", "create"}


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
    triggers: list = field(default_factory=list)  # tokens that name the event
    party_sent: dict[str, object] = field(default_factory=dict)
    person_sent: dict[str, object] = field(default_factory=dict)

    def add_party(self, iri, sent):
        self.parties.add(iri)
        self.party_sent.setdefault(iri, sent)

    def add_person(self, iri, sent):
        self.persons.add(iri)
        self.person_sent.setdefault(iri, sent)


class EventFinder(AgreementRules, SummitRules, ControlRules):
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
        self._recent: list[Event] = []  # events in the order the text last talked about them
        self._company_deals: set[int] = set()  # agreements whose other side is a company
        self._pending_at_summit: list = []  # verbs of agreeing at a summit, for _agreed_at_summit
        self.country_counts: dict[str, int] = {}
        # DATE entities in document order; Span.ents would rebuild every entity of the
        # document for each sentence, which is quadratic on long documents
        self.date_ents = [e for e in sdoc.ents if e.label_ == "DATE"]
        self.date_starts = [e.start for e in self.date_ents]
        # "HIROSHIMA — ...", "TOKYO, March 3 (Reuters) -": the dateline, read once for every
        # rule; its place is the one "signed in the city" and "here" refer to
        self.dateline_info = find_dateline(sdoc, mentions)
        self.dateline = self.dateline_info.place

    # -- helpers --------------------------------------------------------------------------
    def mention_at(self, token):
        return self.by_token.get(token.i)

    def actors_in(self, tokens, *, persons: bool = True, groupings: bool = True):
        """Countries/organisations (and persons) named among ``tokens``. A grouping of
        states ("the Quad", "G7", "AUKUS") stands for its members on the article's date
        (``data/gazetteer/groupings.csv``); ``groupings=False`` leaves groupings out."""
        from ..link.groupings import load_groupings
        states, people, seen = [], [], set()
        for t in tokens:
            m = self.by_token.get(t.i)
            if m is None or id(m) in seen:
                continue
            seen.add(id(m))
            if m.cls == "Country" or (m.cls == "Organization" and m.entry is not None
                                      and m.entry.kind in ("international", "bloc") and m.label == "European Union"):
                states.append(m.iri)
            elif m.cls == "Organization" and m.label in load_groupings():
                if groupings:
                    states.extend(s for s in load_groupings().members(m.label, self.published) if s not in states)
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
            if sent.text.isspace():
                continue  # a paragraph break the parser made a sentence: "it" still means the last pact
            seen_here: list[Event] = []
            self._agreements(sent, seen_here)
            self._verbal_agreements(sent, seen_here)
            self._elliptical_agreements(sent, seen_here)
            self._summits(sent, seen_here)
            self._agreed_at_summit(sent, seen_here)
            self._controls(sent, seen_here)
            self._pronoun_subject(sent, seen_here)
            self._continuation(sent, seen_here)
            self._signatories(sent, seen_here)
            self._link_agreement_to_summit(sent, seen_here)
            for ev in seen_here:
                self._domains(sent, ev)
                self.last[ev.kind] = ev
                self._recent = [e for e in self._recent if e is not ev] + [ev]
            self._frames_last(sent, seen_here)  # "under the AUKUS partnership": not the pact made here
            self._carry_over(sent, seen_here)
        self._fill_single_party()
        self._summit_dateline_places()
        self._summit_journey_places()
        self._same_day_summit()
        self._dateline_signing_places()
        return [ev for ev in self.events if self._keep(ev)]

    def _keep(self, ev: Event) -> bool:
        if ev.kind == "Agreement":
            return len(ev.parties) >= 2  # one state alone is a company deal or a fragment
        if ev.kind == "Summit":
            return bool(ev.parties or ev.persons or ev.places)
        return bool(ev.parties)

    # -- shared per-mention bookkeeping ----------------------------------------------------
    def _note(self, ev, t, sent, seen_here):
        if sent not in ev.sentences:
            ev.sentences.append(sent)
        ev.triggers.append(t)
        before = (len(ev.dates), set(ev.places), len(ev.statuses))
        status = status_of(t, self.cues)
        if status:
            ev.statuses.append((status, sent))
        self._dates_for(ev, t, sent, future=status == "Planned")
        self._places_for(ev, t, sent)
        if ev.kind == "Agreement":
            self._drop_talks_details(ev, t, *before)  # "discussed the pact on Monday": the talks' day
        if ev not in seen_here:
            seen_here.append(ev)

    def _dates_for(self, ev, t, sent, *, future):
        """Dates that say when the event happens: on the event noun ("the July agreement",
        "signed last September") or on a verb of the event ("will sign ... on the 29th").
        A date on another noun ("an April 1 deadline") or a reporting verb ("reported on
        the 28th") is not the event's."""
        from ..link.dates import resolve_date
        # the verbs that govern the event noun directly: up its chain of heads, stopping at
        # another noun ("launched an attempt to salvage the pact": "launched" is not the pact's)
        chain = set()
        for _w, tok in trigger_chain(t):
            chain.add(tok.i)
            if tok.pos_ in ("NOUN", "PROPN") and t.pos_ != "VERB":
                break
            if self._time_clause(tok):
                break  # "met on Friday, a year after they signed an accord": not the signing's day
        lo, hi = bisect_left(self.date_starts, sent.start), bisect_left(self.date_starts, sent.end)
        first = sent[0]
        if first.lower_ in ("today", "tonight") and not any(e.start == first.i for e in self.date_ents[lo:hi]) \
                and (first.head.i in chain or first.head.i == t.i):
            # a press release's "Today, X and Y signed ...", which the tagger leaves out of its dates
            value = resolve_date(first.text, self.published, future=future)
            if value is not None:
                ev.dates.append((value, sent))
        # "in May, when the two leaders signed a partnership": the date the clause hangs on
        verbs = [] if ev.kind != "Agreement" else \
            ([t] if t.pos_ == "VERB" else []) + [tok for _w, tok in trigger_chain(t, 2) if tok.pos_ == "VERB"][:1]
        for v in verbs:
            if v.dep_ in ("relcl", "advcl") and any(c.lower_ == "when" for c in v.children):
                if v.dep_ == "relcl":
                    ent = next((e for e in self.date_ents[lo:hi] if e.start <= v.head.i < e.end), None)
                else:  # "ties deepened in March, when the two countries concluded an accord"
                    ent = next((e for e in reversed(self.date_ents[lo:hi]) if e.end <= v.left_edge.i
                                and v.head.i in (e.root.head.i, e.root.head.head.i)), None)
                value = resolve_date(ent.text, self.published, future=future) if ent is not None else None
                if value is not None:
                    ev.dates.append((value, sent))
        for ent in self.date_ents[lo:hi]:
            if ent.end > sent.end:
                continue
            if ev.kind == "Agreement" and self._in_dateline(ent):
                continue  # "PRAGUE, June 5 - X and Y signed on Wednesday": the day the story was filed
            if ent.root.head.lower_ in self.cues.non_event_date_preps or \
                    (ent.start > 0 and self.sdoc[ent.start - 1].lower_ in self.cues.non_event_date_preps):
                continue  # "his first visit since 2018", "by 2030": a bound, not the event's date
            if ev.kind == "Agreement" and self._reported_on(ent, t):
                continue  # "X said on Tuesday they had signed a pact": the parser may hang it on "signed"
            tok, ok = ent.root, False
            for _step in range(6):
                if tok.i == t.i:
                    ok = True
                    break
                head = tok.head
                if head.i == tok.i:
                    break
                if head.i == t.i and ev.kind == "Agreement" and self._misparsed_verb(t):
                    # "inked a minerals deal last month" (the noun read as a verb)
                    ok = True
                    break
                inside = any(a.i == t.i for a in head.ancestors)
                if inside and head.pos_ == "VERB" and head.dep_ in ("relcl", "acl") and head.head.i == t.i \
                        and t.pos_ != "VERB" and ev.kind == "Agreement" and head.lemma_.lower() not in EVENT_VERBS \
                        and head.lemma_.lower() not in self.cues.clause_event_verbs:
                    break  # "a deal which helped it overcome a crisis last year": the crisis's date
                if head.pos_ in ("VERB", "AUX") and any(
                        c.lower_ in ("effect", "force") and ((c.dep_ == "dobj" and c.head.i == head.i) or
                                                             (c.dep_ == "pobj" and c.head.head.i == head.i))
                        for c in head.subtree):
                    break  # "took effect on Wednesday", "entered into force": not when it was made
                if head.dep_ == "advcl" and not inside and ev.kind == "Agreement" and \
                        self._participial_frame(head, t):
                    ok = True  # "Meeting in Paris on Monday, X and Y signed a pact"
                    break
                if head.pos_ in ("VERB", "AUX") and not inside:
                    lemma = head.lemma_.lower()
                    ok = (lemma in EVENT_VERBS or head.lower_ in self.cues.signing_verbs) and (
                        head.i in chain or head.head.i == t.i or head.i == t.i)
                    break
                if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "pobj" and head.head.lower_ in ("during", "at") \
                        and head.head.head.i in chain | {t.i} and not inside:
                    tok = head  # "signed during Biden's visit on Sunday": the visit's date is the signing's
                    continue
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
            if prev == "the" and ev.kind == "Agreement" and m.start > 1:
                prev = self.sdoc[m.start - 2].lower_  # "signed at the White House"
            if prev == "to" and ev.kind == "Agreement" and self._visit_to(tok, chain | {t.i}):
                ev.places.setdefault(m.iri, sent)  # "signed during Yoon's visit to Riyadh"
                continue
            if prev not in ("in", "at"):
                continue
            governors = [a for a in tok.ancestors if a.pos_ in ("VERB", "AUX") or a.i == t.i]
            if ev.kind == "Agreement" and governors and governors[0].i != t.i and not self._makes(governors[0]) \
                    and not (t.pos_ == "VERB" and governors[0].head.i == t.i):
                continue  # "In Beijing, a spokesman criticised the pact": not where it was made
            if governors and (governors[0].i in chain or governors[0].i == t.i or governors[0].head.i == t.i):
                ev.places.setdefault(m.iri, sent)
        if ev.kind == "Agreement" and self.dateline:  # "signed the accord in the city", "signed here"
            verbs = [t] + ([] if t.pos_ == "VERB" else [v for _w, v in trigger_chain(t, 2) if self._makes(v)][:1])
            for v in verbs:
                for c in v.children:
                    here = c.dep_ == "advmod" and c.lower_ == "here"
                    city = c.dep_ == "prep" and c.lower_ == "in" and any(
                        g.lower_ in ("city", "capital", "town") and any(d.lower_ == "the" for d in g.children)
                        for g in c.children)
                    if here or city:
                        ev.places.setdefault(self.dateline, sent)
        # "Gyeongju, where the summit is being held": a relative clause on the place
        for _w, v in trigger_chain(t, 3):
            if v.dep_ == "relcl" and any(c.lower_ == "where" for c in v.children):
                m = self.by_token.get(v.head.i)
                if m is not None and m.cls == "Place":
                    ev.places.setdefault(m.iri, sent)

    def _visit_to(self, tok, chain) -> bool:
        """``tok`` is X of "during/on a visit to X" on a verb that makes the agreement."""
        visit = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "to" else None
        if visit is None or visit.lower_ not in ("visit", "trip", "tour", "stop", "stopover"):
            return False
        prep = visit.head if visit.dep_ == "pobj" else None
        return prep is not None and prep.lower_ in ("during", "on") and prep.head.i in chain \
            and self._makes(prep.head)

    # -- coreference across sentences -------------------------------------------------------
    def _pronoun_subject(self, sent, seen_here):
        """"It will also include ...": a sentence whose subject is "it" continues the last event."""
        if seen_here:
            return
        root = self._content_root(sent)  # "It also covers AI, officials said": the clause reported
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        ev = self._prev_subject_event
        if ev is None and root.lemma_.lower() in self._frames().content_verbs:
            ev = self._prev_object_event  # "X and Y signed an accord. It includes work on fusion."
        if subj and subj[0].lower_ == "it" and ev is not None:
            if sent not in ev.sentences:
                ev.sentences.append(sent)
            seen_here.append(ev)

    _prev_subject_event = None
    _prev_object_event = None

    def _carry_over(self, sent, seen_here):
        """Remember the event that was the subject of this sentence, for a following "it"."""
        root = sent.root
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        self._prev_subject_event = None
        agreements = [e for e in seen_here if e.kind == "Agreement"]
        self._prev_object_event = agreements[0] if len(agreements) == 1 else None
        if subj:
            head = subj[0]
            if self._is_agreement_noun(head) or head.lower_ == "it":
                self._prev_subject_event = next((e for e in seen_here if e.kind == "Agreement"), None) \
                    or (self.last.get("Agreement") if head.lower_ == "it" else None)

    def _signatories(self, sent, seen_here):
        """"Kratsios is expected to sign": a person who signs; the agreement is the one named
        in the sentence or the last one."""
        for v in sent:
            if not self._signing_verb(v):
                continue
            objs = self._signed_objects(v)  # its object; "put their names to the deal": the deal
            if any(c.dep_ == "prt" for c in v.children) or (objs and not any(
                    self._is_agreement_noun(o) or o.lower_ in ("it", "them", "one", "those", "which", "that")
                    for o in objs)):
                continue  # "signed an executive order", "signed up": not an agreement's signatory
            subj = [c for c in v.children if c.dep_ in ("nsubj",)]
            if not subj and v.dep_ == "xcomp":  # "Kratsios is expected to sign"
                subj = [c for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            agents = [c for c in v.children if c.dep_ == "agent"]
            subj += self._misparsed_signers(v, subj, agents)  # the parser lost the subject or a conjunct
            tokens = [x for s in subj + agents + self._cosigners(v, objs) for x in s.subtree
                      if not (x.dep_ == "compound" and x.head.pos_ == "NOUN")]
            _states, people = self.actors_in(tokens)
            people += [p for p in self._title_people(tokens) if p not in people]  # "Trump and the crown prince signed"
            if not people:
                continue
            here = next((e for e in seen_here if e.kind == "Agreement"), None)
            ev = here or self.last.get("Agreement")
            if ev is None:
                continue
            for p in people:
                c = self.state_of(p)
                if (c and len(ev.parties) >= 2 and c not in ev.parties) or (c is None and here is None):
                    continue  # a signer acts for a party; one of unknown state only for the pact named here
                ev.add_person(p, sent)
                if c and len(ev.parties) < 2:
                    ev.add_party(c, sent)
            status = status_of(v, self.cues)
            if status:
                ev.statuses.append((status, sent))
            pronoun = next((o for o in objs if o.lower_ in ("it", "them")), None)
            if pronoun is None and not objs and here is None and self._bare_signing(v):
                pronoun = v  # "Minister X of Japan signed in Tokyo", "X put pen to paper in Canberra"
            if pronoun is not None and here is None:
                # "X and Y are expected to sign it in Seoul in June": the signing's place and date
                self._dates_for(ev, pronoun, sent, future=status == "Planned")
                self._places_for(ev, pronoun, sent)
                self._visited_place(ev, v, pronoun, sent)  # "... sign it during a visit to New Delhi"
            if ev not in seen_here:
                seen_here.append(ev)

    def _link_agreement_to_summit(self, sent, seen_here):
        """An agreement named with a summit was made there ("signed during the summit"),
        unless it is only what the meeting is about ("a meeting to consider whether Japan is
        breaking the pact", "talks about the accord"): inside the summit noun's phrase or
        under a verb of deliberating, with no verb that makes it."""
        agreements = [e for e in seen_here if e.kind == "Agreement"]
        summits = [e for e in seen_here if e.kind == "Summit"]
        for a in agreements:
            made_here = any(x.start == sent.start for _st, x in a.statuses)
            mine = [t.i for t in a.triggers if sent.start <= t.i < sent.end]
            for s in summits:
                inside = [t for t in s.triggers if sent.start <= t.i < sent.end and t.pos_ != "VERB"
                          and any(t.left_edge.i <= i <= t.right_edge.i and i != t.i for i in mine)]
                topic = any(tok.lemma_.lower() in self._frames().topic_verbs or tok.lower_ in self._frames().topic_verbs
                            for i in mine for _w, tok in trigger_chain(self.sdoc[i], 5))
                if (inside or topic) and not made_here:
                    continue
                if self._summit_other_time(s, sent):
                    continue  # "signed in Hiroshima ahead of the G7 summit": not at it
                if self._same_act(a, s, sent) or self._other_time(a, s, sent):
                    continue  # "the leaders unveiled AUKUS": the founding, not a meeting it was made at
                owners = self._summit_owners(s, agreements, sent)
                if owners and a not in owners:
                    continue  # "... those reached during his trip to Japan and the one concluded with X"
                a.during.append((s, sent))
                if a in owners and not any(x is sent for _v, x in a.dates):
                    # "concluded at the council's meeting, held on 3 July": the meeting's day
                    a.dates.extend((v, x) for v, x in s.dates if x is sent)
        if not summits:
            self._link_to_summit_just_before(sent, agreements)

    @staticmethod
    def _summit_other_time(summit, sent) -> bool:
        """The summit is named here only as a time before or after the agreement: "ahead of
        the summit", "before the summit", "after the summit", "following the summit"."""
        for t in summit.triggers:
            if not (sent.start <= t.i < sent.end) or t.dep_ != "pobj":
                continue
            prep = t.head
            if prep.lower_ in ("before", "after", "following", "since", "until") or (
                    prep.lower_ in ("of", "to") and prep.head.lower_ in ("ahead", "prior")):
                return True
        return False

    def _domains(self, sent, ev):
        if ev.kind == "Summit":
            return
        own = self._ctl_own_goods(sent, ev) if ev.kind == "ExportControl" else None
        if own is not None:
            for d in own:
                ev.covers.setdefault(d, sent)
            return
        skip = self._control_spans(sent, ev) if ev.kind == "Agreement" else []
        for x in sent:
            m = self.by_token.get(x.i)
            if m is not None and m.cls == "TechnologyDomain" and not any(a <= x.i <= b for a, b in skip) \
                    and not (ev.kind == "Agreement" and (self._in_other_clause(x, ev) or self._modifies_domain(m))):
                ev.covers.setdefault(m.iri, sent)
