"""Export-control triggers said as a denial: "keep chips out of Chinese hands", "limit
Chinese access to chips", "China remains barred from buying the chips". Mixed into
:class:`kg.extract.control_frames.TriggerFinder` (needs ``lex``, ``export_context``, ``_denied_good``,
``is_trade``, ``is_good``, ``_good_in``)."""
from __future__ import annotations


def _lem(t) -> str:
    return t.lemma_.lower()


class DenialFrames:
    def _barred_state(self, t):
        """"Countries of concern, including China, remain barred from receiving the chips":
        a restrictive participle the parser took for an adjective; the copula's subject
        are the buyers, the control's target."""
        if t.dep_ != "acomp" or not t.lower_.endswith("ed") or not self.export_context:
            return None
        w = t.lower_
        if not {w[:-1], w[:-2], w[:-3]} & self.lex.restrictive_verbs:
            return None
        buyers = [c for c in t.head.children if c.dep_ == "nsubj"]
        if buyers and any(c.dep_ == "prep" and c.lower_ == "from" and any(
                g.dep_ in ("pcomp", "pobj") and (self.is_trade(g) or _lem(g) in self.lex.receiving_verbs
                                                 and self._good_in(g.subtree)) for g in c.children)
                          for c in t.children):
            return _trigger(t, "verbal", buyers)
        return None

    def _denial(self, t, kids):
        """"keep chip technology out of Chinese hands", "limit Chinese access to chips",
        "deny China access to advanced tools": the possessor of the access is the target."""
        holders = []
        if any(c.dep_ == "prt" and c.lower_ == "off" for c in kids) and any(
                c.dep_ == "prep" and c.lower_ == "from" for c in kids):
            holders += [c for c in kids if c.dep_ in ("dobj", "nsubjpass")]  # "cut China off from the tools"
        for c in kids:
            if c.dep_ in ("dobj", "dative") and c.lower_ in self.lex.denial_objects:
                holders.append(c)
            elif c.dep_ == "prep" and c.lower_ == "out":
                holders += [x for x in c.subtree if x.lower_ in self.lex.denial_objects]
        if not holders:
            return None
        if not any(self._denied_good(x) for x in t.subtree):
            return None
        slots = [m for h in holders for m in h.children if m.dep_ in ("amod", "poss", "compound")
                 or (m.dep_ == "prep" and m.lower_ == "of")]  # "the ability of the PRC to make chips"
        slots += [h for h in holders if h.lower_ not in self.lex.denial_objects]
        slots += [c for c in kids if c.dep_ in ("dative",) or (c.dep_ == "dobj" and c not in holders)]
        return _trigger(t, "denial", slots) if slots else None


def _trigger(*args, **kw):
    from .control_frames import Trigger  # the frames module imports this one

    return Trigger(*args, **kw)
