"""Modality: is an agreement, summit or control planned, completed or cancelled?

Reads the verbs that govern the event's noun ("will sign an agreement", "the pact signed
last year", "the summit to be held in Busan", "scrapped the deal").
"""
from __future__ import annotations

from .cues import Cues

# verbs that carry a planned reading only with an infinitive: "set to sign", "due to meet"
_NEEDS_INFINITIVE = {"set", "due", "poised", "ready", "aim", "aims", "seek", "seeks", "hope", "hopes", "prepare"}
_EVENT_LEMMAS = {"sign", "conclude", "reach", "seal", "strike", "ink", "forge", "finalize", "finalise",
                 "hold", "meet", "impose", "tighten", "introduce", "adopt", "announce", "launch",
                 "agree", "form", "unveil", "expand", "enter", "take", "implement", "strengthen"}


_PARTICLES = {"up", "out", "off", "away", "down", "back"}


def trigger_chain(t, depth: int = 5):
    """The tokens that govern ``t``, nearest first: ``[(lower, token), ...]``."""
    chain, cur = [], t
    while cur.head.i != cur.i and len(chain) < depth:
        cur = cur.head
        chain.append((cur.lower_, cur))
    return chain


def _markers(v) -> set[str]:
    marks = {v.lower_, v.lemma_.lower()}
    marks.update(c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass", "neg", "prt", "mark"))
    # phrasal verbs: "pulled out of", "tore up", "walked away from"
    marks.update(f"{w} {c.lower_}" for c in v.children if c.dep_ in ("prt", "advmod", "prep") and c.lower_ in _PARTICLES
                 for w in (v.lower_, v.lemma_.lower()))
    return marks


def _planned_marks(v, cues: Cues) -> bool:
    marks = _markers(v)
    hits = marks & cues.planned_words
    for word in list(hits):
        if word in _NEEDS_INFINITIVE and not any(c.dep_ == "xcomp" for c in v.children):
            hits.discard(word)
    if hits:
        return True
    # "to be signed", "to be held"
    kids = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
    return v.lower_ in cues.planned_to_be and "to" in kids and "be" in kids


def _cancelled(v, cues: Cues) -> bool:
    marks = _markers(v)
    hit = bool(marks & cues.cancelled_words) or (v.lemma_.lower() == "call" and "off" in marks)
    return hit and not _threatened(v, cues)


def _threatened(v, cues: Cues) -> bool:
    """"threats to scrap the pact", "threatened to cancel the deal", "could scrap it": a
    cancellation only threatened or possible."""
    if _markers(v) & {"could", "may", "might"}:
        return True
    return v.dep_ in ("xcomp", "acl", "advcl") and v.head.lower_ in cues.threat_words


def _promised(v, cues: Cues) -> bool:
    """"promising to sign an accord", "pledged to conclude a pact": an infinitive under a
    verb or noun of promising."""
    if v.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) \
            or v.dep_ not in ("xcomp", "acl"):
        return False
    if v.head.lower_ in cues.promise_words:
        return True
    # "agreed to sign a pact next month", "decided to conclude an accord"
    return v.lemma_.lower() in getattr(cues, "future_signing_verbs", ()) and \
        v.head.lemma_.lower() in getattr(cues, "agreeing_verbs", ())


def _through_other_noun(t, v) -> bool:
    """"tore up a contract ... in favour of a new pact": the cancelling verb governs another
    noun, and the agreement only hangs on that noun."""
    for _w, tok in trigger_chain(t, 5):
        if tok.i == v.i:
            return False
        if tok.pos_ == "NOUN" and tok.dep_ != "compound" and not tok.lower_.endswith("ing"):
            return True
        if tok.pos_ in ("ADP", "SCONJ") and tok.lower_ in ("after", "before", "since", "despite", "following", "amid"):
            return True  # "cancelled an order after a new pact": the pact is the occasion
    return False


def _referenced(t, cues: Cues) -> bool:
    """The noun is the argument of a verb or noun that treats the agreement as in force:
    "for breaking its chip pact", "an effort to save the accord", "violations of the pact"."""
    cur = t
    for _step in range(3):
        head = cur.head
        if head.i == cur.i:
            return False
        if head.pos_ == "ADP":
            cur = head
            continue
        if head.pos_ == "VERB":
            return head.lemma_.lower() in cues.reference_verbs and cur.dep_ in ("dobj", "prep", "pobj")
        if head.pos_ == "NOUN":
            return head.lower_ in cues.reference_nouns and cur.dep_ in ("prep", "pobj")
        return False
    return False


def _under_planned_noun(t, cues: Cues):
    """The talks or plans the event is the object of ("talks on a pact", "plans to sign a
    deal"), or None."""
    cur = t
    for _step in range(3):
        head = cur.head
        if head.i == cur.i:
            return None
        if head.pos_ in ("NOUN", "PROPN") and head.lower_ in cues.planned_nouns:
            return head
        before = head.doc[head.i - 1] if head.pos_ == "ADP" and head.i > 0 else None
        if before is not None and before.pos_ == "NOUN" and before.lower_ in cues.planned_nouns:
            return before  # "named the last barriers to a deal": the parser hangs "to" on the verb
        if head.pos_ in ("VERB", "AUX") and cur.dep_ not in ("xcomp", "acl") and cur.i != t.i:
            return None
        if head.pos_ in ("VERB", "AUX") and cur.i == t.i and t.pos_ != "VERB":
            cur = head  # "sign" governing the noun: look above the verb
            continue
        cur = head
    return None


def status_of(t, cues: Cues) -> str | None:
    """The status the text gives the event named by token ``t``, or None."""
    # "scrapped its planned deal": a cancelling verb wins over anything on the noun
    if t.pos_ != "VERB":
        for _w, v in trigger_chain(t, 2):
            if v.pos_ == "VERB" and _cancelled(v, cues) and not _through_other_noun(t, v):
                return "Cancelled"
            if v.pos_ == "VERB":
                break
    # participles and relative clauses on the noun: "the pact signed last year", "the summit scheduled for"
    for c in t.children:
        if c.dep_ in ("acl", "relcl", "amod") and c.pos_ in ("VERB", "ADJ"):
            if _cancelled(c, cues):
                return "Cancelled"
            if c.dep_ == "relcl" and not any(x.lemma_.lower() in _EVENT_LEMMAS or x.lower_ in cues.signing_verbs
                                             for x in c.subtree if x.pos_ == "VERB"):
                continue  # "a deal which could cost the UK £1bn": what it would do, not whether it is made
            if _planned_marks(c, cues) or c.lower_ in cues.planned_modifiers:
                return "Planned"
            if c.lemma_.lower() in _EVENT_LEMMAS and c.tag_ in ("VBN", "VBD"):
                return "Completed"
    if t.pos_ != "VERB" and t.dep_ == "pobj" and t.head.lower_ in getattr(cues, "planned_preps", ()):
        return "Planned"  # "agreed to work toward a pact"
    if t.pos_ != "VERB" and t.dep_ == "pobj" and t.head.lower_ == "to" and \
            t.head.head.lower_ in getattr(cues, "nearness_words", ()):
        return "Planned"  # "are close to a deal", "moved closer to an accord"
    if t.pos_ != "VERB" and t.dep_ == "nsubj" and t.head.lemma_ in ("be", "remain", "look", "seem", "appear") and any(
            c.dep_ == "acomp" and c.lower_ in getattr(cues, "unmade_adjectives", ()) for c in t.head.children):
        return "Planned"  # "a deal remains elusive", "an accord looks unlikely"
    if t.head.lower_ == "of" and t.head.head.lower_ == "ahead":
        return "Planned"  # "ahead of a summit"
    if t.pos_ != "VERB" and _referenced(t, cues):
        return None  # "for breaking its chip pact": a pact in force, whatever the verbs above say
    if t.pos_ != "VERB" and any(c.dep_ == "det" and c.lower_ in cues.hypothetical_determiners for c in t.children):
        return "Planned"  # "in any accord with Moscow"
    if t.pos_ != "VERB" and any(c.dep_ in ("amod", "compound") and c.lower_ in cues.planned_modifiers
                                for c in t.children):
        return "Planned"  # "a draft code of conduct", "a tentative deal"
    talks = _under_planned_noun(t, cues)
    if talks is not None:  # "talks on a trade pact", "in talks to sign an accord"
        above = [tok for _w, tok in trigger_chain(talks, 2) if tok.pos_ == "VERB"][:1]
        return "Cancelled" if above and _cancelled(above[0], cues) else "Planned"  # "halted talks on a pact"
    if t.pos_ == "VERB":
        verbs = [t] + [tok for _w, tok in trigger_chain(t, 3)]
    else:
        # verbs, and adjectives with an infinitive ("are due to sign", "are ready to conclude")
        verbs = [tok for _w, tok in trigger_chain(t, 4) if tok.pos_ in ("VERB", "AUX")
                 or (tok.pos_ == "ADJ" and any(c.dep_ == "xcomp" for c in tok.children))]
    for i, v in enumerate(verbs[:3]):
        if _cancelled(v, cues) and not _through_other_noun(t, v):
            return "Cancelled"
        if i == 0 and t.pos_ != "VERB" and v.pos_ == "VERB" and v.lemma_.lower() in cues.planned_words \
                and v.lemma_.lower() not in _NEEDS_INFINITIVE and (t.head.i == v.i or t.head.head.i == v.i):
            return "Planned"  # "considering a pact", "negotiating a deal", "expect an accord"
        if v.lemma_.lower() in _EVENT_LEMMAS or v.lower_ in cues.signing_verbs:
            if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in v.children):
                return "Planned"  # "whether X and Y can strike a deal"
            upward = verbs[i:i + 3]
            if any(_planned_marks(u, cues) for u in upward) or _promised(v, cues):
                return "Planned"
            if v.tag_ in ("VBD", "VBN") or (v.tag_ == "VBG" and any(c.lower_ == "being" for c in v.children)):
                return "Completed"
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in v.children):
            break  # "consider whether Japan is breaking the pact": the verbs above are not the pact's
    return None
