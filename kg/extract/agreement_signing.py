"""How the news says who signed an agreement when the words are not "X signed the pact":
idioms ("put pen to paper on", "put their names to"), a verb of signing with no object, and
signers the parser cuts off the verb (a dashed apposition, ", and C" after a passive agent)."""
from __future__ import annotations


class AgreementSigning:
    """Mixed into AgreementRules."""

    @staticmethod
    def _misparsed_signers(v, subj, agents) -> list:
        """Names the parser cut off a verb of signing: a subject with a dashed apposition read
        as a modifier ("The three ministers - A, B and C - signed the convention"), and the
        last of a passive agent's list after ", and" ("signed by A and B, and C")."""
        if not subj and not agents and v.tag_ == "VBD":
            return [c for c in v.lefts if c.dep_ in ("npadvmod", "dobj", "dep") and c.pos_ in ("NOUN", "PROPN", "DET")]
        if agents:
            end = max(a.right_edge.i for a in agents)
            return [c for c in v.rights if c.dep_ in ("npadvmod", "conj", "appos") and c.pos_ == "PROPN"
                    and c.left_edge.i > end and v.doc[c.left_edge.i - 1].lower_ == "and"]
        return []

    def _signing_idiom(self, v) -> bool:
        """"put pen to paper", "put their names to", "affixed their signatures to"."""
        words = self._frames().signing_idioms.get(v.lemma_.lower())
        return bool(words) and v.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "dobj" and c.lower_ in words for c in v.children)

    def _bare_signing(self, v) -> bool:
        """A verb of signing with nothing signed named ("the leaders signed at the White House",
        "put pen to paper on Monday"): an active or idiomatic one, not "signed up"."""
        return v.pos_ == "VERB" and (self._signing_idiom(v) or v.lemma_.lower() == "sign") and \
            not any(c.dep_ in ("prt", "ccomp", "xcomp", "dative") for c in v.children)

    def _signed_objects(self, v) -> list:
        """What a verb of signing signs: its object, or for an idiom of signing the noun after
        "to"/"on" ("put their names to the deal", "put pen to paper on an accord")."""
        if not self._signing_idiom(v):
            return [c for c in v.children if c.dep_ == "dobj"]
        preps = self._frames().signing_idiom_preps
        holders = [v] + [c for c in v.children if c.dep_ == "dobj"] + [
            g for c in v.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children if g.dep_ == "pobj"]
        return [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in preps
                for g in c.children if g.dep_ == "pobj" and g.lower_ != "paper" and g.ent_type_ not in ("DATE", "TIME")]
