"""Export-control rules: who imposes a control, what it covers, whom it targets."""
from __future__ import annotations

from ..vocab import country_iri
from .modality import status_of, trigger_chain


class ControlRules:
    """Mixed into EventFinder: finds export controls in a sentence."""

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
