"""Export-control events: triggers (:mod:`kg.extract.control_frames`) -> roles
(:mod:`kg.extract.control_roles`) -> one event per imposing state.

A trigger whose imposer the text does not name (a pronoun, "the government", nothing) takes
it from the context: the actor of the previous sentence, the control this sentence's subject
names, the control on the same goods or the one talked about last, then the dateline. A
definite trigger ("the embargo") is the control named before unless its imposer is on the
noun or acts on it ("Japan tightened the curbs"). The imposer is never its own target.
"""
from __future__ import annotations

from ..vocab import country_iri, domain_iri
from .control_frames import TriggerFinder
from .control_lexicon import load_lexicon
from .control_roles import SUBJECTS, ControlRoles
from .modality import status_of


class ControlRules(ControlRoles):
    """Mixed into EventFinder: finds export controls in a sentence."""

    _ctl_ready = False

    def _ctl_setup(self):
        self._ctl_ready = True
        self.lex = load_lexicon()
        export_context = any(t.lower_.startswith(self.lex.export_words) for t in self.sdoc)
        technology = any(m.cls == "TechnologyDomain" for m in self.mentions) or any(
            t.lower_ in self.lex.technology_words for t in self.sdoc)
        # a story about coffee quotas or grain tenders that names no technology has no
        # technology export control
        self._ctl_finder = TriggerFinder(self.lex, self._is_good, export_context, self._ctl_is_company,
                                         self._ctl_is_traded)
        self._ctl_off = not technology and sum(self._ctl_finder.is_commodity(t) for t in self.sdoc) >= 2
        self._ctl_sents: list = []  # sentences read so far (their actors are read on demand)
        self._ctl_groups: dict[int, set] = {}  # id(event) -> the kinds of words that named it
        self._ctl_dateline = self._ctl_find_dateline()
        self._ctl_found: dict[int, list] = {}  # sentence start -> its triggers
        self._ctl_args: dict[int, dict] = {}  # sentence start -> id(event) -> domains in its arguments

    def _ctl_own_goods(self, sent, ev):
        """The domains ``ev`` covers in ``sent`` when the sentence holds controls of several
        imposers ("the EU banned aircraft sales to Russia and Japan stopped chip shipments"):
        each takes the goods in its own arguments. ``None``: one control here, it covers
        the sentence's domains."""
        here = self._ctl_args.get(sent.start, {})
        if len(here) < 2 or id(ev) not in here:
            return None
        return here[id(ev)]

    def _controls(self, sent, seen_here):
        if not self._ctl_ready:
            self._ctl_setup()
        by_token = {}  # trigger token -> its control, in this sentence
        prev = self._ctl_sents[-1] if self._ctl_sents else None
        after_control = prev is not None and any(
            ev.kind == "ExportControl" and prev in ev.sentences for ev in self.events[-4:])
        for trig in self._ctl_triggers(sent):
            if trig.kind == "anaphor" and not after_control and self._ctl_finder.scope_anaphor(trig.token):
                continue  # "It covers ...", "the list includes ...": only right after a control
            targets = self._targets(trig, sent)
            imposers, how, blocked = self._imposers(trig) if trig.kind != "anaphor" else ([], "none", set())
            if how in ("own", "object") or how.startswith("verb:"):
                targets = [x for x in targets if x not in imposers]  # the subject is the imposer
            else:
                blocked |= set(targets)  # "blacklisted Chinese firms": a target is not an imposer
            imposers = [i for i in imposers if i not in blocked]
            owner = country_iri(trig.owner) if trig.owner else None
            if owner and imposers and owner not in imposers and (
                    trig.kind == "list" and trig.token.tag_ == "VBN" or trig.kind == "phrase" and how.startswith("verb:")):
                # "X, China's top chipmaker, was placed on the Unverified List": the list's
                # keeper lists, the states named with the listed firm are its target
                targets = list(dict.fromkeys(targets + imposers))
                imposers = [owner]
            ev = None
            if trig.anaphoric and not self._says_imposer(how, imposers):
                ev = self._antecedent(trig)  # "the embargo"
            if ev is not None:
                imposers = []
            elif trig.kind == "anaphor" or how == "bloc":
                continue  # "the curbs" with no control named before; "G7 leaders agreed to ban"
            else:
                if not imposers and trig.owner and country_iri(trig.owner) not in blocked:
                    imposers = [country_iri(trig.owner)]  # "was added to the Entity List"
                if not imposers and how in ("none", "pronoun"):
                    imposers = [x for x in self._applicants_state(trig) if x not in blocked]
                if not imposers and how == "none":
                    imposers = self._ctl_sole_body_state(sent, blocked, targets)
                if not imposers:
                    # "Export controls imposed by X have cut China off": the subject is a control
                    subj = [c.i for c in trig.token.children if c.dep_ in SUBJECTS]
                    here = next((by_token[i] for i in subj if i in by_token), None)
                    imposers = self._context_imposers(trig, how, blocked, here)
                if self._someone_elses_exports(trig, imposers):
                    continue
                ev = self._control_event(imposers, sent)
            if ev is None:
                continue
            by_token[trig.token.i] = ev
            self._ctl_groups.setdefault(id(ev), set()).add(self._group(trig.token))
            for i in imposers:
                ev.add_party(i, sent)
            for target in targets:
                if target not in ev.parties:
                    ev.targets.setdefault(target, sent)
            for good in self._ctl_goods(trig) + self._ctl_also_covers(sent):
                ev.covers.setdefault(good, sent)
            self._ctl_args.setdefault(sent.start, {}).setdefault(id(ev), set()).update(self._ctl_goods(trig, True))
            if sent not in ev.sentences:
                ev.sentences.append(sent)
            status = status_of(trig.token, self.cues)
            if status:
                ev.statuses.append((status, sent))
            if ev not in seen_here:
                seen_here.append(ev)
        self._ctl_sents.append(sent)

    def _ctl_triggers(self, sent) -> list:
        """The export-control triggers of ``sent`` (found once per sentence)."""
        if not self._ctl_ready:
            self._ctl_setup()
        if self._ctl_off:
            return []
        if sent.start not in self._ctl_found:
            self._ctl_found[sent.start] = self._ctl_finder.find(sent)
        return self._ctl_found[sent.start]

    def _is_control(self, t) -> bool:
        """Whether token ``t`` names an export control (for the other kinds' rules)."""
        return any(trig.token.i == t.i for trig in self._ctl_triggers(t.sent))

    def _applicants_state(self, trig) -> list[str]:
        """"British firms will need a licence to export ...", "Chinese exporters must apply for
        licences": a state's own exporters who need its licence name the state that imposes it."""
        t = trig.token
        if t.lemma_.lower() not in self.lex.licence_nouns and t.lower_ not in self.lex.licence_nouns:
            return []
        verb = self._ctl_finder.verb_of(t)
        if verb is None:
            return []
        subj = [c for c in verb.children if c.dep_ in SUBJECTS]
        finder = self._ctl_finder
        exporting = any(finder.is_trade(x) for c in t.children if c.dep_ in ("relcl", "acl") for x in c.subtree) \
            or any(finder.is_trade(x) for c in verb.children if c.dep_ in ("xcomp", "advcl") for x in c.subtree)
        out = []
        for s in subj:
            lemma = s.lemma_.lower()
            if lemma in self.lex.holders and exporting or lemma in ("exporter", "exporters", "shipper", "shippers"):
                out += self._states(c for c in s.children if c.dep_ in ("amod", "compound", "nmod"))
        return out

    def _ctl_goods(self, trig, all_goods=False) -> list[str]:
        """Domains named in the control's arguments by words that are no domain mention on
        their own: "chip export curbs", "a ban on chipmaking tools", "licences to sell
        chips" (the lone word "chip" in a control is semiconductors)."""
        t = trig.token
        scope = [x for c in t.children if c.dep_ not in SUBJECTS + ("ccomp", "advcl", "parataxis", "conj")
                 for x in c.subtree] if t.pos_ not in ("NOUN", "PROPN") else list(t.subtree)
        verb = self._ctl_finder.verb_of(t)
        if verb is not None and t.pos_ in ("NOUN", "PROPN") and t.dep_ == "dobj":
            scope += [x for c in verb.children if c.i != t.i and (
                (c.dep_ == "prep" and c.lower_ in ("on", "of", "for", "to")) or c.dep_ in ("nsubj", "nsubjpass"))
                for x in c.subtree]  # "imposed curbs on chipmakers' equipment", "machines will need licences"
        out = []
        for x in scope:
            m = self.by_token.get(x.i)
            slug = self.lex.goods_words.get(x.lower_)
            if m is None and slug and domain_iri(slug) not in out:
                out.append(domain_iri(slug))
            elif all_goods and m is not None and m.cls == "TechnologyDomain" and m.iri not in out:
                out.append(m.iri)
        return out

    def _ctl_sole_body_state(self, sent, blocked, targets) -> list[str]:
        """"The deal follows the Commerce Department's decision to rescind the rule, which
        would have capped exports ...": no imposer in the parse, but the sentence names one
        state body as a possessor (its decision, move, plan) and no other state (its targets
        aside): that body's state. Not "a White House fact sheet spoke of licences"."""
        states, others = set(), set()
        for x in sent:
            m = self.by_token.get(x.i)
            if m is None or m.start != x.i:
                continue
            if m.cls == "Organization" and m.entry is not None and m.entry.kind == "government" \
                    and m.end < sent.end and self.sdoc[m.end].text in ("'s", "’s"):  # "the ministry's decision to"
                s = self._state_of_mention(m, person=False)
                if s:
                    states.add(s)
            elif m.cls in ("Country", "Person"):
                s = self._state_of_mention(m)
                if s and s not in targets:
                    others.add(s)
        if len(states) != 1 or others - states or states & set(blocked):
            return []
        return sorted(states)

    def _ctl_also_covers(self, sent) -> list[str]:
        """"licences to sell advanced AI chips": a domain mention that names a second field
        (``also_covers``), read in the control's sentence like its other domains."""
        out = []
        for x in sent:
            m = self.by_token.get(x.i)
            if m is not None and m.cls == "TechnologyDomain" and x.i == m.start:
                out += [domain_iri(s) for s in self.lex.also_covers.get(m.surface.lower(), ())]
        return out

    def _someone_elses_exports(self, trig, imposers) -> bool:
        """"The US imposed curbs on Japanese exports": a state restricting another state's
        exports restricts its own imports (a trade sanction), not an export control."""
        exporters = set()
        scope = list(trig.token.subtree)
        verb = self._ctl_finder.verb_of(trig.token)
        if verb is not None and trig.token.pos_ in ("NOUN", "PROPN"):  # "impose curbs [on Japanese exports]"
            scope += [x for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "to") for x in c.subtree]
        for x in scope:
            if self._ctl_finder.is_trade(x) and x.pos_ in ("NOUN", "PROPN"):
                exporters.update(self._states(y for c in x.children if c.dep_ in ("poss", "amod", "compound", "nmod")
                                              for y in c.subtree))
        return bool(exporters) and not exporters & set(imposers)

    def _prev_actors(self) -> list[str]:
        """The main actors of the nearest earlier sentence that has one (at most 3 back)."""
        for sent in reversed(self._ctl_sents[-3:]):
            actors = self._subject_actors(sent)
            if actors:
                return actors
        return []

    def _says_imposer(self, how, imposers) -> bool:
        """A definite trigger ("the embargo") names its imposer itself only on the noun ("the
        EU's embargo"), as the subject of a verb that acts on controls ("Japan tightened the
        curbs") or when that state already imposes a control here; else it is the control
        named before ("Washington argues that if the embargo is lifted")."""
        if not imposers:
            return False
        if how in ("own", "object"):
            return True
        if how.startswith("verb:") and how[5:] in self.lex.operating_verbs:
            return True
        return any(ev.kind == "ExportControl" and set(imposers) <= ev.parties for ev in self.events)

    def _control_event(self, imposers, sent):
        if not imposers:
            return None
        for old in reversed(self.events):
            if old.kind == "ExportControl" and old.parties == set(imposers):
                return old
        return self.new_event("ExportControl", sent)

    def _context_imposers(self, trig, how, blocked, here=None):
        """No imposer named with the trigger: "it"/"the government" is the actor of the
        previous sentence; a bare trigger is the control this sentence or the text talked
        about last ("Export controls imposed by X have cut China off from ..."); then the
        dateline."""
        last = here or self._same_goods(trig) or self.last.get("ExportControl")
        if how == "pronoun":
            prev = self._prev_actors()  # "it", "the government": one actor, else it is unclear whom
            order = [prev if len(prev) == 1 else [], sorted(last.parties) if last else [], [self._ctl_dateline]]
        else:
            order = [sorted(last.parties) if last else [], [self._ctl_dateline]]
            if trig.kind == "anaphor":
                order = order[:1]
        for states in order:
            states = [s for s in states if s and s not in blocked]
            if states:
                return states
        return []

    def _group(self, t) -> str | None:
        return self.lex.anaphor_groups.get(t.lower_) or self.lex.anaphor_groups.get(t.lemma_.lower())

    def _antecedent(self, trig):
        """The control a definite trigger refers back to: the one on the same goods, else
        the latest one named with the same kind of word ("prohibited ... the ban"), else
        the latest."""
        found = self._same_goods(trig)
        if found is None:
            group = self._group(trig.token)
            found = next((ev for ev in reversed(self.events) if ev.kind == "ExportControl"
                          and group in self._ctl_groups.get(id(ev), ())), None) if group else None
        return found or self.last.get("ExportControl")

    def _same_goods(self, trig):
        """The latest control on the goods this trigger names ("the April curbs on rare
        earths" is the control on rare earths talked about before)."""
        goods = {m.iri for m in (self.by_token.get(x.i) for x in trig.token.subtree)
                 if m is not None and m.cls == "TechnologyDomain"}
        if not goods:
            return None
        return next((ev for ev in reversed(self.events) if ev.kind == "ExportControl"
                     and goods & set(ev.covers)), None)
