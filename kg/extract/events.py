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
from .modality import status_of, trigger_chain
from .summits import SummitRules

EVENT_VERBS = {"sign", "hold", "meet", "conclude", "reach", "schedule", "plan", "set", "seal",
               "strike", "ink", "finalize", "take", "impose", "announce", "agree", "form", "launch", "expect", "coincide"}


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
        self.country_counts: dict[str, int] = {}
        # DATE entities in document order; Span.ents would rebuild every entity of the
        # document for each sentence, which is quadratic on long documents
        self.date_ents = [e for e in sdoc.ents if e.label_ == "DATE"]
        self.date_starts = [e.start for e in self.date_ents]

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
