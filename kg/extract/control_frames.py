"""Export-control triggers: the words that name a control, read with the frame lexicon
(:mod:`kg.extract.control_lexicon`, ``data/rules/export_controls.yaml``).

A trigger is a token of one sentence's dependency parse: a restrictive noun with trade or a
good as its argument ("curbs on sales of chip tools", "export controls", "rare-earth
controls"), a restrictive verb with trade as its object ("ban exports of gallium"), a licence
noun in a clause about trade ("exports will require licences"), a listing verb ("added
Chinese firms to the Entity List", "dropped Korea from its white list") or a denial verb
("keep chips out of Chinese hands"). Which arguments fill which role is read in
:mod:`kg.extract.controls`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .control_denials import DenialFrames
from .control_lexicon import Lexicon

VERBS = ("VERB", "AUX")
NOUNS = ("NOUN", "PROPN")
_MODIFIER_DEPS = ("compound", "amod", "nmod", "poss", "npadvmod")
_ARG_PREPS = ("on", "of", "for", "over", "against", "to", "under", "covering")
_OBJECT_PREPS = ("on", "of", "for", "over", "covering")  # "curbs on sales", "licensing for exports"


@dataclass(slots=True)
class Trigger:
    """A word naming an export control, with the tokens whose subtree names its targets."""

    token: object
    kind: str  # nominal, phrase, licence, verbal, permission, list, denial
    target_slots: list = field(default_factory=list)
    anaphoric: bool = False  # "the curbs": a control named before
    owner: str | None = None  # ISO3 of the state whose list this is ("the Entity List" -> USA)


def _lem(t) -> str:
    return t.lemma_.lower()


class TriggerFinder(DenialFrames):
    """Finds export-control triggers in a sentence. ``is_good(token)`` says whether a token
    is part of a technology-domain mention (a good a control can restrict)."""

    def __init__(self, lex: Lexicon, is_good, export_context: bool, is_company=lambda _t: False,
                 is_traded=lambda _t: False):
        self.lex = lex
        self.is_good = is_good
        self.is_company = is_company
        self.export_context = export_context  # the document speaks of exports somewhere
        self.is_traded = is_traded  # a mention of goods whose controls are export controls (rare earths, chips)
        self._words = lex.trigger_words
        self._noun_words = lex.restrictive_nouns | lex.licence_nouns | lex.standalone

    # -- word classes ------------------------------------------------------------------
    def is_trade(self, t) -> bool:
        if t.pos_ in VERBS:
            return _lem(t) in self.lex.trade_verbs or t.lower_ in self.lex.trade_verbs
        if not (t.lower_ in self.lex.trade_nouns or (t.pos_ in NOUNS and _lem(t) in self.lex.trade_nouns)):
            return False
        if _lem(t) in self.lex.weak_trade_nouns or t.lower_ in self.lex.weak_trade_nouns:
            return self._cross_border(t)
        return True

    def _cross_border(self, t) -> bool:
        """"sales of chip tools", "supplies to China" are trade a control restricts; "the sale of
        a chipmaker" (a takeover) and "sales in Europe" (a market) are not."""
        preps = [c for c in t.children if c.dep_ == "prep"]
        if any(p.lower_ in ("in", "within", "inside") for p in preps):
            return False
        objs = [x for p in preps if p.lower_ == "of" for x in p.children if x.dep_ == "pobj"]
        if any(self.is_company(x) for o in objs for x in [o, *o.children] if x.dep_ in ("pobj", "compound")):
            return False  # the company itself is sold, not its products
        if t.dep_ in ("dobj", "nsubjpass") and t.head.pos_ in VERBS:
            # "restricted sales ... to X"
            preps += [c for c in t.head.children if c.dep_ == "prep" and c.lower_ == "to"]
        if any(c.dep_ in ("compound", "amod") and c.lower_ in self.lex.technology_words for c in t.children) or any(
                x.lower_ in self.lex.technology_words for x in objs):
            return True  # "technology transfers", "high-tech sales", "the flow of strategic technology"
        if self.export_context and any(x.ent_type_ == "TECH" for x in t.subtree):
            return True  # "curbs on chip sales" in a story about exports ("chip" alone is vague)
        return any(p.lower_ in ("to", "abroad") for p in preps) or self._good_in(t.subtree) or any(
            c.dep_ == "advmod" and c.lower_ in ("abroad", "overseas") for c in t.children)

    def _trade_in(self, tokens) -> bool:
        return any(self.is_trade(x) for x in tokens)

    def _good_in(self, tokens) -> bool:
        return any(self.is_good(x) for x in tokens)

    def _export_before(self, t) -> bool:
        """"export controls", "export-control rules", "exports curbs"."""
        doc = t.doc
        for j in (t.i - 1, t.i - 2):
            if j < 0:
                return False
            w = doc[j].lower_
            if w in ("-", "–"):
                continue
            return w in ("export", "exports", "export-control", "re-export")
        return False

    # -- triggers ----------------------------------------------------------------------
    def find(self, sent) -> list[Trigger]:
        out: list[Trigger] = []
        heads_done: set[int] = set()
        commodity = None
        words = self._words
        for t in sent:
            if self.scope_anaphor(t):
                # "They apply to gallium", "The list now includes drones": what the control
                # named just before covers (kept only right after a control)
                if t.i not in heads_done:
                    heads_done.add(t.i)
                    out.append(Trigger(t, "anaphor", anaphoric=True))
                continue
            if t.lower_ not in words and t.lemma_.lower() not in words and not (
                    t.dep_ == "acomp" and t.pos_ == "ADJ" and t.lower_.endswith("ed")):
                continue  # cheap filter: no trigger starts with this word
            trig = self._phrase(t, sent) or self._verbal(t) or self._nominal(t)
            if trig is None:
                continue
            while trig.token.dep_ == "compound" and trig.kind != "list" and self._instrument(trig.token.head):
                trig.token = trig.token.head  # "export control measures": the phrase's head takes the arguments
            if commodity is None:
                commodity = self.commodity_only(sent)  # once per sentence, only when needed
            if commodity:
                continue
            if trig.token.pos_ in NOUNS and any(c.dep_ == "det" and c.lower_ in self.lex.anaphoric_determiners
                                                for c in trig.token.children):
                trig.anaphoric = True  # "the embargo": the control named before, if any
            if trig.token.i not in heads_done:
                heads_done.add(trig.token.i)
                out.append(trig)
        return out

    def scope_anaphor(self, t) -> bool:
        """"They apply to gallium", "The list now includes drones": a pronoun or a definite
        instrument that is no trigger word, as the subject of a scope verb."""
        if t.dep_ not in ("nsubj", "nsubjpass") or _lem(t.head) not in self.lex.scope_verbs:
            return False
        if t.lower_ in self.lex.scope_pronouns:
            return True
        nouns = self._noun_words
        return t.pos_ in NOUNS and _lem(t) in self.lex.instruments and t.lower_ not in nouns and _lem(t) not in nouns \
            and any(c.dep_ == "det" and c.lower_ in self.lex.anaphoric_determiners for c in t.children)

    def _phrase(self, t, sent):
        for words in self.lex.phrases.get(t.lower_, ()):
            end = t.i + len(words)
            if end > sent.end:
                continue
            got = tuple(x.lower_ for x in t.doc[t.i:end])
            if got == words or tuple(_lem(x) for x in t.doc[t.i:end]) == words:
                text = " ".join(x.lower_ for x in t.doc[max(sent.start, t.i - 2):end])
                return Trigger(t.doc[end - 1], "phrase", owner=self.owner_of(text))
        return None

    def _nominal(self, t):
        if t.pos_ not in NOUNS:
            return None
        word, lemma = t.lower_, _lem(t)
        lex = self.lex
        is_licence = word in lex.licence_nouns or lemma in lex.licence_nouns or (
            lemma in lex.restrictive_nouns and any(c.dep_ == "compound" and c.lower_ in lex.licence_nouns
                                                   for c in t.children))  # "licence requirements for X"
        if not (word in lex.restrictive_nouns or lemma in lex.restrictive_nouns or is_licence):
            return None
        if word in lex.export_story_only and not self.export_context:
            return None  # "a crackdown on corruption in the chip sector"
        mods = [c for c in t.children if c.dep_ in _MODIFIER_DEPS]
        if any(c.lower_ in lex.not_control_modifiers for c in mods):
            return None  # "voluntary export restraints on cars": a trade deal, not a state's control
        preps = [c for c in t.children if c.dep_ == "prep" and c.lower_ in _ARG_PREPS]
        if t.dep_ == "dobj" and t.head.pos_ in VERBS:
            # "weighing new curbs on sales of chips": the parse hangs the noun's "on" on the verb
            preps += [c for c in t.head.children if c.dep_ == "prep" and c.i > t.i and c.lower_ in _OBJECT_PREPS
                      and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children)]  # not "on Friday"
        acls = [c for c in t.children if c.dep_ in ("acl", "relcl") and c.pos_ in VERBS]
        trade = self._export_before(t) or any(self.is_trade(c) for c in mods) or any(
            self._trade_in(self._objects(p)) for p in preps if p.lower_ in _OBJECT_PREPS) or any(
            self.is_trade(a) for a in acls)
        if trade or word in lex.standalone or lemma in lex.standalone:
            return Trigger(t, "nominal")
        if is_licence:
            return self._licence(t, preps)
        access = [o for p in preps if p.lower_ == "on" for o in self._objects(p) if o.lower_ in lex.denial_objects]
        if access and any(self._denied_good(x) for a in access for x in a.subtree):
            # "restrictions on Huawei's access to American technology": the holder is the target
            return Trigger(t, "nominal", [m for a in access for m in a.children
                                          if m.dep_ in ("poss", "amod", "compound")])
        if not self.export_context:
            # "imposing controls on rare earth items": controls on traded goods are export controls
            if word in lex.needs_trade or not any(self.is_traded(x) for p in preps if p.lower_ in ("on", "over", "covering")
                                                  for x in p.subtree):
                return None
            return Trigger(t, "nominal")
        if word in lex.needs_trade:
            # "the rules cover AI chips": a definite instrument says what the control covers
            det = [c for c in t.children if c.dep_ == "det" and c.lower_ in lex.anaphoric_determiners]
            if det and t.dep_ in ("nsubj", "nsubjpass") and _lem(t.head) in lex.scope_verbs:
                return Trigger(t, "anaphor", anaphoric=True)
            if det and t.dep_ == "dobj" and _lem(t.head) in lex.tightening_verbs and not preps:
                return Trigger(t, "nominal", anaphoric=True)  # "Washington has tightened the rules again"
            return None
        # a good as argument: "controls on chips", "rare-earth controls", "chip curbs", "placed under licensing"
        if any(self.is_good(c) or c.ent_type_ == "TECH" for c in mods) or any(
                self._good_in(p.subtree) for p in preps if p.lower_ in ("on", "to", "over", "covering")):
            return Trigger(t, "nominal")
            return Trigger(t, "nominal")
        verb = self.verb_of(t)
        if t.dep_ in ("nsubj", "csubj") and verb is not None and _lem(verb) not in lex.scope_verbs:
            verb = None  # "curbs might allow producers of chips to ...": a subject restricts only what it covers
        if verb is not None and self._goods_of_verb(verb):
            return Trigger(t, "nominal")
        if self._aimed(t):
            return Trigger(t, "nominal")  # "Washington's new curbs target Chinese chipmakers"
        det = [c for c in t.children if c.dep_ in ("det", "poss")]
        if det and all(c.lower_ in self.lex.anaphoric_determiners for c in det) and not preps \
                and not [c for c in mods if c.dep_ != "poss"] and _lem(t) in self.lex.restrictive_nouns:
            return Trigger(t, "anaphor", anaphoric=True)  # "the curbs", kept only after a control
        return None

    def _licence(self, t, preps):
        """"exports will require licences", "apply for authorisation before exporting",
        "a licence to ship", "a Chinese licence for products containing rare earths"."""
        if any(self._good_in(p.subtree) for p in preps if p.lower_ in ("for", "on", "to")):
            return Trigger(t, "licence")
        if any(self._trade_in(c.subtree) for c in t.children if c.dep_ in ("relcl", "acl")):
            return Trigger(t, "licence")  # "permits that let firms sell chips to Huawei", "licences allowing exports"
        verb = self.verb_of(t)
        if verb is None:
            return None
        if self.export_context and self._goods_of_verb(verb):
            return Trigger(t, "licence")  # "extended licensing to batteries", "placed under licensing"
        clause = [c for c in verb.children if c.i != t.i and c.dep_ not in ("ccomp", "parataxis", "conj")]
        if verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ in VERBS:
            # "will require exporters of drones to apply for licences"
            clause += [c for c in verb.head.children if c.i != verb.i and c.dep_ in ("dobj", "nsubj", "nsubjpass")]
        if any(self._trade_in(c.subtree) for c in clause) or self.is_trade(verb):
            return Trigger(t, "licence")
        return None

    def _denied_good(self, x) -> bool:
        """What a denial keeps from someone: a technology domain, or technology itself."""
        return self.is_good(x) or x.ent_type_ == "TECH" or x.lower_ in self.lex.denied_goods

    def _aimed(self, t) -> bool:
        """The restriction is aimed at someone: its verb is "target/aim" ("the curbs target
        X") or a participle on it says so ("restrictions aimed at X")."""
        if t.dep_ in ("nsubj", "nsubjpass") and _lem(t.head) in self.lex.target_verbs:
            return True
        return any(c.dep_ in ("acl", "relcl") and _lem(c) in self.lex.target_verbs for c in t.children)

    def _goods_of_verb(self, verb) -> bool:
        """A good is the object of the verb or its "to/on" argument ("extend controls to
        rare-earth equipment", "rare earths placed under licensing"), or trade is ("the
        restrictions apply to exports")."""
        for c in verb.children:
            if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ in ("to", "on", "for")):
                if self._good_in(c.subtree):  # "licences will be needed for chip tools"
                    return True
            if c.dep_ == "prep" and c.lower_ in ("to", "on") and self._trade_in(self._objects(c)):
                return True  # "the restrictions apply to exports to China"
        if verb.dep_ in ("acl", "relcl") and self.is_good(verb.head):
            return True  # "the seven rare earths placed under licensing"
        return False

    def owner_of(self, text: str) -> str | None:
        """The state that keeps a named list ("the Entity List" is the United States')."""
        padded = f" {text} "
        return next((iso for name, iso in self.lex.list_owners if f" {name} " in padded), None)

    def _instrument(self, t) -> bool:
        """A noun for the instrument of a control ("measures", "regime", "list")."""
        return t.pos_ in NOUNS and (_lem(t) in self.lex.instruments or t.lower_ in self.lex.restrictive_nouns)

    @staticmethod
    def _objects(prep) -> list:
        """The nouns a preposition governs, with their compounds and conjuncts: "on chip
        exports", "on sales and transfers"."""
        out = []
        for o in prep.children:
            if o.dep_ in ("pobj", "pcomp"):
                out += [o] + [c for c in o.children if c.dep_ in ("compound", "conj", "amod")]
        return out

    def commodity_only(self, tokens) -> bool:
        """The sentence is about farm goods, fuel or base metals and names no technology
        ("barley export licences", "the 1973 oil embargo"): trade policy, not a technology
        export control."""
        words = {x.lemma_.lower() for x in tokens} | {x.lower_ for x in tokens}
        if not words & self.lex.commodities or words & self.lex.technology_words or self._good_in(tokens):
            return False
        return any(self.is_commodity(x) for x in tokens)

    def is_commodity(self, x) -> bool:
        """A farm good, fuel or base metal as goods ("barley", "oil"), not as the kind of
        equipment it modifies ("oil and gas equipment", "steel-making machinery")."""
        if x.lower_ not in self.lex.commodities and x.lemma_.lower() not in self.lex.commodities:
            return False
        head = x
        for _ in range(4):  # "oil and gas equipment", "oil drilling equipment"
            if head.dep_ not in ("conj", "compound", "amod", "nmod") or head.head.i == head.i:
                break
            head = head.head
            if head.lower_ in self.lex.denied_goods:
                return False
        return True

    @staticmethod
    def verb_of(t):
        """The verb whose argument ``t`` is (through at most one preposition)."""
        head = t.head
        if head.dep_ == "prep" and head.head.i != head.i:
            head = head.head
        return head if head.pos_ in VERBS and head.i != t.i else None

    def _verbal(self, t):
        if t.pos_ not in VERBS:
            return self._barred_state(t)
        lemma, lex = _lem(t), self.lex
        kids = list(t.children)
        objs = [c for c in kids if c.dep_ in ("dobj", "nsubjpass", "attr")]
        if t.dep_ == "acomp" and not objs:
            objs = [c for c in t.head.children if c.dep_ == "nsubj"]  # "China will stay prohibited from buying"
        if lemma in lex.listing_verbs:
            slots = objs or ([t.head] if t.dep_ in ("amod", "acl") else [])
            return Trigger(t, "list", slots)
        for prep in (c for c in kids if c.dep_ == "prep"):
            text = " ".join(x.lower_ for x in prep.subtree)
            # "to its export control list", "to its list of strategic high-tech entities"
            export_list = "list" in text.split() and any(w.startswith(("export", "entit")) for w in text.split()) \
                and self.export_context
            if lemma in lex.add_verbs and prep.lower_ in ("to", "on", "onto") and (export_list or any(
                    f" {w}" in f" {text}" for w in lex.restrictive_lists)):
                return Trigger(t, "list", objs, owner=self.owner_of(text))
            if lemma in lex.remove_verbs and prep.lower_ in ("from", "off") and any(
                    f" {w}" in f" {text}" for w in lex.trusted_lists):
                return Trigger(t, "list", objs)
        if lemma in lex.restrictive_verbs and any(self.is_trade(o) for o in objs):
            return Trigger(t, "verbal")
        if lemma in lex.restrictive_verbs and any(
                c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG" and self.is_trade(c)
                and any(p.dep_ in ("prep", "dative") and p.lower_ in lex.target_preps for p in c.children)
                for c in kids):
            # "to stop selling its chips to China"; not "agreed to stop selling cut-price chips" (a price pact)
            return Trigger(t, "verbal")
        if lemma in lex.restrictive_verbs and t.dep_ == "amod" and t.i > 0 and t.doc[t.i - 1].lower_ in (
                "have", "has", "had") and self.is_trade(t.head):
            return Trigger(t, "verbal")  # "would have capped exports": the parser made the verb a modifier
        if lemma in lex.restrict_goods and any(c.dep_ == "ccomp" and self.is_trade(c) and c.tag_ == "VBN"
                                                for c in kids):
            return Trigger(t, "verbal")  # "capping how many chips can be shipped", "limit what may be exported"
        if lemma in lex.restrictive_verbs and any(
                c.dep_ == "prep" and c.lower_ == "from" and any(g.dep_ in ("pcomp", "pobj") and self.is_trade(g)
                                                               for g in c.children) for c in kids):
            return Trigger(t, "verbal")  # "barred Toshiba Machine from exporting", "banned firms from selling"
        if lemma in lex.restrictive_verbs and self.export_context and any(
                c.dep_ == "prep" and c.lower_ == "from" and any(
                    g.dep_ in ("pcomp", "pobj") and _lem(g) in lex.receiving_verbs and self._good_in(g.subtree)
                    for g in c.children) for c in kids):
            return Trigger(t, "verbal", objs)  # "Chinese firms were barred from buying AI chips": buyers are targets
        if lemma in lex.denial_verbs:
            denial = self._denial(t, kids)
            if denial is not None:
                return denial
        if lemma in lex.restrict_goods and self.export_context and any(self._good_in(o.subtree) for o in objs):
            return Trigger(t, "verbal")
        if lemma in lex.permission_verbs and any(c.dep_ == "neg" or c.lower_ in ("never", "no", "longer")
                                                 for c in kids) and any(
                c.dep_ in ("xcomp", "ccomp", "nsubjpass", "dobj") and (self.is_trade(c) or self.export_context and (
                    c.dep_ in ("nsubjpass", "dobj") and self.is_good(c))) for c in kids):
            # "never permitted to ship", "exports will not be allowed", "supercomputers would not be approved"
            return Trigger(t, "permission")
        return None
