"""Summit frames: which words name a summit, and where in the parse its participants are.

The words come from ``data/rules/summits.yaml``; this module holds the syntactic machinery
that maps a trigger's arguments to roles (participants, destination of a visit) and the
summit-specific modality (a visit someone "prepares" for is planned).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml

from .. import resources

_REL_PRONOUNS = {"who", "that", "which", "whom"}
_CLAUSE_TOPS = ("advcl", "ccomp", "relcl", "acl", "conj", "parataxis")


@dataclass(frozen=True)
class SummitFrames:
    strong_nouns: frozenset
    weak_nouns: frozenset
    visit_nouns: frozenset
    visit_noun_blockers: frozenset
    meet_verbs: frozenset
    phrasal_meet_verbs: frozenset
    host_verbs: frozenset
    visit_verbs: frozenset
    travel_verbs: dict
    holding_verbs: frozenset
    chairing_verbs: frozenset
    participation_preps: frozenset
    group_subjects: frozenset
    planned_markers: frozenset
    cancelled_markers: frozenset
    grouping_min_mentions: int
    grouping_max_members: int
    place_nouns: frozenset
    day_parts: frozenset
    definite_group_nouns: frozenset
    shared_possessives: frozenset
    leading_verbs: frozenset
    remote_words: frozenset
    sideline_nouns: frozenset
    participle_verbs: frozenset
    joint_verbs: frozenset
    time_preps: frozenset
    guest_verbs: frozenset
    gathering_verbs: frozenset
    companion_verbs: frozenset
    attending_verbs: frozenset
    presence_verbs: frozenset
    negated_cancel_verbs: frozenset
    bodies_of: dict
    scheduled_verbs: frozenset
    official_nouns: frozenset
    before_preps: frozenset
    scheduled_present_verbs: frozenset
    refusal_verbs: frozenset
    journey_preps: frozenset
    unions: tuple
    member_nouns: frozenset
    pending_nouns: frozenset
    future_modals: frozenset
    occurrence_verbs: frozenset
    partner_pronouns: frozenset
    quantity_nouns: frozenset
    qualifier_participles: frozenset
    gerund_deps: frozenset
    meetable_nouns: frozenset
    presence_nouns: frozenset
    neutral_venues: frozenset
    honorifics: frozenset
    owner_preps: frozenset
    venue_nouns: frozenset
    described_titles: frozenset
    described_window: int

    def kind(self, t) -> str | None:
        """What ``t`` names: "noun", "visit-noun", "meet", "host", "visit", "travel" or None."""
        low, lemma = t.lower_, t.lemma_.lower()
        if t.pos_ == "NOUN" and t.dep_ in self.gerund_deps and low.endswith("ing"):
            # "Meeting at the White House on Thursday, A and B announced ...": a gerund the
            # tagger took for a noun heads a clause of its own; it is the verb
            verb = self._gerund_kind(low[:-3])
            if verb is not None:
                return verb
        if t.pos_ in ("NOUN", "PROPN"):
            if low in self.visit_nouns:
                return "visit-noun"
            if low in self.strong_nouns or low in self.weak_nouns:
                return "noun"
            return None
        if t.pos_ != "VERB":
            return None
        if any(f"{lemma} {c.lower_}" in self.phrasal_meet_verbs for c in t.children if c.dep_ == "prt"):
            return "meet"  # "sit down with"
        return self._verb_kind(lemma)

    def _gerund_kind(self, stem: str) -> str | None:
        """The kind of the verb a gerund's stem ("meet", "visit", "host", "arriv") names."""
        for lemma in (stem, stem + "e", stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem):
            kind = self._verb_kind(lemma)
            if kind is not None:
                return kind
        return None

    def _verb_kind(self, lemma: str) -> str | None:
        if lemma in self.meet_verbs:
            return "meet"
        if lemma in self.host_verbs:
            return "host"
        if lemma in self.visit_verbs:
            return "visit"
        if lemma in self.travel_verbs:
            return "travel"
        return None


@lru_cache(maxsize=1)
def load_frames() -> SummitFrames:
    path = resources.root() / "data" / "rules" / "summits.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    words = {k: frozenset(str(w).lower() for w in v) for k, v in data.items() if isinstance(v, list) and k != "unions"}
    return SummitFrames(travel_verbs={str(k).lower(): str(v).lower() for k, v in data["travel_verbs"].items()},
                        bodies_of={str(k): str(v) for k, v in data["bodies_of"].items()},
                        unions=tuple(str(u) for u in data["unions"]),
                        grouping_min_mentions=int(data["grouping_min_mentions"]),
                        grouping_max_members=int(data["grouping_max_members"]),
                        described_window=int(data["described_window"]), **words)


# -- arguments --------------------------------------------------------------------------
def subtree_without_clauses(tok):
    """``tok``'s subtree minus relative and adverbial clauses hanging off it."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in load_frames().leading_verbs:
            # "a delegation led by Kuroda", "a mission headed by the minister": its head takes part
            out.extend(x for a in c.children if a.dep_ == "agent" for x in a.subtree)
            continue
        if c.dep_ in ("relcl", "acl", "advcl", "ccomp", "punct") and c.pos_ in ("VERB", "AUX", "PUNCT"):
            continue
        out.extend(subtree_without_clauses(c))
    return out


def with_objects(v):
    """Tokens of "with X" (and "between X and Y") phrases on verb ``v`` or on its object
    ("raised his concerns with Macron over dinner")."""
    out = []
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ in ("with", "between", "among", "alongside"):
            out.extend(subtree_without_clauses(c))
        elif c.dep_ == "dobj" and v.pos_ in ("VERB", "AUX"):
            out.extend(x for p in c.children if p.dep_ == "prep" and p.lower_ == "with"
                       for x in subtree_without_clauses(p))
    return out


def meeting_partners(v, frames: SummitFrames):
    """"flies to Brussels for talks with EC officials": the "with" partners of the meeting a
    journey is for, or of the journey itself."""
    out = with_objects(v)
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            for x in c.subtree:
                if x.lower_ in frames.weak_nouns or x.lower_ in frames.strong_nouns:
                    out.extend(y for y in with_objects(x))
    return out


def subject_tokens(v, frames: SummitFrames, depth: int = 0):
    """The subject of verb ``v`` as tokens, looking through relative clauses ("Vestager, who
    co-chaired"), control verbs ("Nakasone prepares to visit"), conjoined verbs and
    infinitives on a noun ("the first British prime minister to visit")."""
    subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    agents = [x for c in v.children if c.dep_ == "agent" for x in c.subtree]
    if subj:
        before = [c for c in subj if c.i < v.i]
        s = before[-1] if before else subj[0]  # the nearest: a dateline ("HIROSHIMA —") can parse as one
        if s.lower_ in _REL_PRONOUNS and v.dep_ == "relcl":
            return subtree_without_clauses(v.head) + agents
        # two subjects in one clause is a misparse of one long subject ("A mission led by the
        # minister Kirya will visit"): both, unless the first is a dateline ("HIROSHIMA —")
        extra = [x for c in before[:-1] if not _dateline_like(c) for x in subtree_without_clauses(c)]
        return extra + subtree_without_clauses(s) + agents
    if agents:
        return agents
    doc = v.doc
    if v.tag_ == "VBG" and v.dep_ in ("advcl", "acl") and v.i >= 2 and doc[v.i - 1].text == "," \
            and doc[v.i - 2].pos_ in ("NOUN", "PROPN"):
        return subtree_without_clauses(doc[v.i - 2])  # "G7 leaders, meeting in Hiroshima, called for"
    if depth < 3 and v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in ("VERB", "AUX"):
        return subject_tokens(v.head.head, frames, depth + 1)  # "X told reporters after meeting Y"
    if depth < 3 and v.dep_ in ("xcomp", "conj", "advcl", "acomp") and v.head.i != v.i:
        return subject_tokens(v.head, frames, depth + 1)  # "is due to arrive", "prepares to visit"
    if v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN"):
        return subtree_without_clauses(v.head)
    return []


def _dateline_like(tok) -> bool:
    """An all-capitals place at the start of a text, followed by a dash."""
    nxt = tok.doc[tok.right_edge.i + 1] if tok.right_edge.i + 1 < len(tok.doc) else None
    return tok.is_upper or (nxt is not None and nxt.text in ("—", "–", "-", "--"))


def is_group_subject(tokens, frames: SummitFrames) -> bool:
    """"they", "the two leaders", "both sides": a subject that names nobody itself."""
    words = sorted((x for x in tokens if not x.is_space), key=lambda x: x.i)  # not a paragraph break
    if words and len(words) <= 3 and words[0].lower_ == "the" and words[-1].lower_ in frames.definite_group_nouns:
        return True  # "the ministers will next meet in Washington", "the negotiators met again"
    return bool(words) and any(t.lower_ in frames.group_subjects for t in words) and len(words) <= 4


def governing_verb(t, max_steps: int = 5):
    """The verb a noun hangs from through prepositions ("signed ... during a meeting",
    "arrive for four days of meetings"), with the preposition that attaches to the verb,
    or (None, None)."""
    cur, prep = t, None
    if t.dep_ in ("dobj", "pobj") and t.head.lower_ == "following" and t.head.dep_ in ("acl", "advcl"):
        # "unveiled a deal following their talks": the parser makes "following" a verb
        v = t.head.head
        while v.pos_ in ("NOUN", "PROPN") and v.dep_ in ("dobj", "pobj", "nsubj") and v.head.i != v.i:
            v = v.head if v.head.pos_ in ("VERB", "AUX") else v.head.head
        return (v, t.head) if v.pos_ in ("VERB", "AUX") else (None, None)
    for _ in range(max_steps):
        if prep is not None and cur.dep_ == "dobj" and cur.head.pos_ == "VERB":
            return cur.head, prep  # "discussed chips with Biden over lunch"
        if cur.dep_ not in ("pobj", "prep", "conj") or cur.head.i == cur.i:
            return None, None
        if cur.dep_ == "prep":
            prep = cur
            if cur.head.pos_ in ("VERB", "AUX"):
                return cur.head, prep
        cur = cur.head
    return None, None


def attendee_holder(t):
    """"EU leaders at a summit in Lisbon pledged ...": the subject noun a meeting noun hangs
    from through "at", or None."""
    if t.dep_ != "pobj" or t.head.lower_ != "at" or t.head.dep_ != "prep":
        return None
    holder = t.head.head
    if holder.pos_ not in ("NOUN", "PROPN") or holder.dep_ not in ("nsubj", "nsubjpass") \
            or holder.head.pos_ not in ("VERB", "AUX"):
        return None
    return holder


def noun_arguments(t, frames: SummitFrames):
    """Participant tokens on a summit noun: left modifiers ("the Lee-Trump summit", "Quad
    leaders' meeting", "Trump's visit"), "with/between/among/of X", and the subject of a
    participle or relative clause ("talks held by X"); purpose infinitives ("a meeting to
    decide whether Japan ...") and "to X" destinations are not participants."""
    tokens = []
    for left in t.lefts:
        if left.dep_ in ("det", "nummod", "predet"):
            continue
        tokens.extend(left.subtree)
    for c in t.rights:
        if c.dep_ == "prep" and c.lower_ in ("with", "between", "among", "of", "by"):
            tokens.extend(subtree_without_clauses(c))
        elif c.dep_ in ("acl", "relcl") and c.pos_ == "VERB":
            if any(x.lower_ == "to" and x.dep_ == "aux" for x in c.children):
                continue  # "a meeting to decide ..."
            for x in c.children:
                if x.dep_ in ("nsubj", "agent") and x.lower_ not in _REL_PRONOUNS:
                    tokens.extend(subtree_without_clauses(x))
                if x.dep_ == "prep" and x.lower_ in ("with", "between", "among", "by"):
                    tokens.extend(subtree_without_clauses(x))
    return tokens


def destination_tokens(t, kind: str, frames: SummitFrames):
    """The place a visit goes to: "visit to Y", "visited Y", "arrive in Y"."""
    if kind == "visit-noun":
        heads = [x for c in t.rights if c.dep_ == "prep" and c.lower_ == "to" for x in c.children if x.dep_ == "pobj"]
    elif kind == "visit":
        heads = [c for c in t.children if c.dep_ == "dobj"]
    elif kind == "host":  # "welcomed Macron to New Delhi"
        heads = [x for c in t.children if c.dep_ == "prep" and c.lower_ == "to" for x in c.children if x.dep_ == "pobj"]
    elif kind == "travel":
        prep = frames.travel_verbs.get(t.lemma_.lower())
        heads = [x for c in t.children if c.dep_ == "prep" and c.lower_ == prep for x in c.children if x.dep_ == "pobj"]
    else:
        return []
    # the place itself, and places listed with it ("visit Germany and Britain"); not what
    # hangs off a common noun ("visited a chip plant in Arizona")
    out = []
    for h in heads:
        named = [x for x in [h, *h.conjuncts] if x.pos_ == "PROPN" or x.ent_type_]
        out.extend(named)
        out.extend(y for x in named for y in x.lefts if y.dep_ == "compound" and y.pos_ == "PROPN")
    return out


# -- modality ---------------------------------------------------------------------------
def _marks(v) -> set[str]:
    marks = {v.lower_, v.lemma_.lower()}
    marks.update(c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass", "neg", "prt", "mark"))
    if any(c.dep_ == "prt" and c.lower_ == "off" for c in v.children):
        marks.add(f"{v.lower_} off")
    return marks


def infinitive_plan(t, frames: SummitFrames) -> bool:
    """The meeting is the object of an infinitive someone agrees, plans or is due to carry
    out ("agreed to begin talks", "is due to visit"): it has not happened yet."""
    v = t if t.pos_ == "VERB" else (t.head if t.dep_ in ("dobj", "pobj") and t.head.pos_ == "VERB" else None)
    if v is None and t.dep_ == "pobj" and t.head.head.pos_ == "VERB":
        v = t.head.head  # "travel to Washington for talks"
    return v is not None and v.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) \
        and v.head.lemma_.lower() not in frames.refusal_verbs  # "refused to join the talks": not a plan


def subordinate_clause(t) -> bool:
    """Is the trigger in a subordinate clause ("a day before the summit opens")?"""
    v = t
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    return v.pos_ in ("VERB", "AUX") and v.dep_ in ("advcl", "ccomp", "relcl", "acl") and not _bare_participle(v)


def _bare_participle(v) -> bool:
    """"G7 leaders, meeting in Hiroshima, called ...": a participle with no subject, auxiliary
    or conjunction of its own shares the tense of the clause it hangs from."""
    return v.tag_ in ("VBG", "VBN") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") or c.lower_ in ("when", "where") for c in v.children)


def _dated(v) -> bool:
    """A date to come hangs on verb ``v`` ("on Tuesday", "Wednesday", "next week"); not
    "today", which a meeting under way shares."""
    dates = [c for c in v.children if c.ent_type_ == "DATE" and c.dep_ in ("npadvmod", "tmod", "advmod")]
    dates += [x for c in v.children if c.dep_ == "prep" for x in c.children if x.dep_ == "pobj" and x.ent_type_ == "DATE"]
    return any(not any(y.lower_ in ("today", "tonight") for y in d.subtree) for d in dates)


def past_clause(t) -> bool:
    """A verb of the past governs the trigger ("refused to join a meeting in February")."""
    cur = t
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") and (cur.tag_ == "VBD" or any(
                c.dep_ == "aux" and c.lower_ in ("had", "has", "have") for c in cur.children)):
            return True
        if cur.head.i == cur.i or (cur.pos_ in ("VERB", "AUX") and cur.dep_ in _CLAUSE_TOPS):
            return False  # the verb above a clause of its own says nothing of this one
        cur = cur.head
    return False


def summit_status(t, frames: SummitFrames) -> str | None:
    """Status said by the verbs above a visit or meeting trigger that the shared modality
    cues do not know ("prepares to visit", "is due to arrive", "postponed his visit")."""
    chain, cur = [t] if t.pos_ == "VERB" else [], t
    for _ in range(8):
        if cur.head.i == cur.i or (chain and chain[-1].dep_ in _CLAUSE_TOPS and not _bare_participle(chain[-1])):
            break  # the verb above a subordinate clause says nothing of the meeting
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX", "ADJ"):
            chain.append(cur)
    if t.dep_ == "nsubj" and t.head.lemma_.lower() in frames.scheduled_verbs and t.head.tag_ in ("VBZ", "VBP"):
        return "Planned"  # "the summit opens on Friday"
    if any(c.dep_ == "prep" and c.lower_ == "under" and any(x.lower_ in frames.pending_nouns for x in c.children)
           for v in chain[:2] for c in v.children):
        return "Planned"  # "a visit to Moscow was under consideration"
    nouns = [t] if t.pos_ != "VERB" else []
    while nouns and nouns[-1].dep_ in ("pobj", "prep") and nouns[-1].head.pos_ in ("ADP", "NOUN") and len(nouns) < 4:
        nouns.append(nouns[-1].head)  # "two rounds of talks, scheduled for Thursday"
    if any(c.dep_ == "acl" and c.tag_ == "VBN" and _marks(c) & frames.planned_markers
           for n in nouns if n.pos_ == "NOUN" for c in n.children):
        return "Planned"
    if t.pos_ != "VERB" and any(c.dep_ == "amod" and c.lower_ in frames.planned_markers for c in t.children):
        if t.dep_ in ("dobj", "nsubjpass") and _marks(t.head) & frames.cancelled_markers and not any(
                c.dep_ == "neg" for c in t.head.children):
            return "Cancelled"  # "scrapped a planned summit", "the upcoming visit was postponed"
        return "Planned"  # "his planned meeting with Xi", "the upcoming summit"
    for v in chain[:3]:
        if v.dep_ in ("xcomp", "ccomp", "acomp") and v.head.lemma_.lower() == "be" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            return "Planned"  # "Reagan and Gorbachev are to meet in December", "is to visit"
        present = v.tag_ in ("VBZ", "VBP") or (v.tag_ == "VBG" and any(  # "are meeting on Thursday"
            c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in v.children))
        if present and v.lemma_.lower() in frames.scheduled_present_verbs and (
                _dated(v) or _dated(t)):
            return "Planned"  # "Nakasone leaves on Wednesday", "begins a state visit on Tuesday"
        m = _marks(v)
        if m & frames.cancelled_markers:
            return "Cancelled"
        if v.lemma_.lower() in frames.negated_cancel_verbs and any(c.dep_ == "neg" for c in v.children):
            return "Cancelled"  # "the summit will not go ahead"
        if m & frames.planned_markers:
            return "Planned"
        if v.tag_ == "VBD" or (v.tag_ == "VBN" and any(  # "has met", "was received by"
                c.dep_ == "aux" or (c.dep_ == "auxpass" and c.tag_ == "VBD") for c in v.children)):
            return "Completed"
    if t.pos_ != "VERB":
        for c in t.children:
            if c.dep_ == "amod" and c.lower_ in frames.planned_markers:
                return "Planned"
    if _ongoing(t, chain):
        return "Completed"  # "is in Washington for talks", "is at a summit": under way
    return None


def _ongoing(t, chain) -> bool:
    """A meeting under way on the story's day: someone "is in Washington for talks", "is at a
    summit", "is on a visit" (not "negotiators are meeting to resolve it", which may be a
    process still going on)."""
    for v in chain[:2]:
        if v.lemma_ == "be" and v.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in v.children) \
                and t.dep_ == "pobj" and not _dated(v):
            return True
    return False
