"""The export-control frame lexicon: ``data/rules/export_controls.yaml`` read into word
sets by role (trade words, restrictive nouns and verbs, lists, role cues)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml

from .. import resources


def _words(items) -> frozenset[str]:
    return frozenset(str(w).lower() for w in items or ())


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The frame lexicon: word lists by role, phrases by first word."""

    trade_nouns: frozenset[str]
    trade_verbs: frozenset[str]
    receiving_verbs: frozenset[str]
    commodities: frozenset[str]
    weak_trade_nouns: frozenset[str]
    restrictive_nouns: frozenset[str]
    needs_trade: frozenset[str]
    export_story_only: frozenset[str]
    standalone: frozenset[str]
    phrases: dict[str, tuple[tuple[str, ...], ...]]
    licence_nouns: frozenset[str]
    restrictive_verbs: frozenset[str]
    restrict_goods: frozenset[str]
    permission_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    denial_objects: frozenset[str]
    denied_goods: frozenset[str]
    restrictive_lists: tuple[str, ...]
    trusted_lists: tuple[str, ...]
    add_verbs: frozenset[str]
    remove_verbs: frozenset[str]
    listing_verbs: frozenset[str]
    target_preps: frozenset[str]
    target_verbs: frozenset[str]
    not_destination: frozenset[str]
    target_exclusions: tuple[str, ...]
    opposing_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    holders: frozenset[str]
    located_holders: frozenset[str]
    raising_verbs: frozenset[str]
    object_control_verbs: frozenset[str]
    operating_verbs: frozenset[str]
    instruments: frozenset[str]
    scope_verbs: frozenset[str]
    bodies_of: dict[str, str]
    list_owners: tuple[tuple[str, str], ...]  # (list name, ISO3), longest name first
    anaphor_groups: dict[str, str]  # word -> group ("ban" and "prohibited" name one control)
    government_nouns: frozenset[str]
    anaphoric_determiners: frozenset[str]
    technology_words: frozenset[str] = frozenset()  # "high technology": a story about technology trade
    export_words: tuple[str, ...] = ()  # word beginnings that show a story speaks of exports
    tightening_verbs: frozenset[str] = frozenset()  # "tightened the rules" in a story about exports
    supply_verbs: frozenset[str] = frozenset()  # verbs whose object is the buyer ("supply SMIC")
    scope_pronouns: frozenset[str] = frozenset()  # "They apply to gallium": the control just named
    not_control_modifiers: frozenset[str] = frozenset()  # "voluntary export restraints"
    traded_domains: frozenset[str] = frozenset()  # domain slugs whose "controls on X" are export controls
    destination_words: frozenset[str] = frozenset()  # "destined for X", "bound for X"
    goods_words: dict = None  # word -> domain slug a control restricts ("chips" -> semiconductors)
    also_covers: dict = None  # domain mention (lower case) -> further slugs ("ai chips" -> AI too)
    trigger_words: frozenset[str] = frozenset()  # every word a trigger can start with

    def __post_init__(self):
        words = (frozenset(self.phrases) | self.restrictive_nouns | self.standalone | self.licence_nouns
                 | self.restrictive_verbs | self.restrict_goods | self.permission_verbs | self.denial_verbs
                 | self.add_verbs | self.remove_verbs | self.listing_verbs)
        object.__setattr__(self, "trigger_words", words)

    @classmethod
    def from_data(cls, data: dict) -> Lexicon:
        nominal, verbal, lists, roles = data["nominal"], data["verbal"], data["lists"], data["roles"]
        phrases: dict[str, list[tuple[str, ...]]] = {}
        for phrase in nominal["phrases"]:
            words = tuple(phrase.lower().split())
            phrases.setdefault(words[0], []).append(words)
        return cls(
            trade_nouns=_words(data["trade_nouns"]), trade_verbs=_words(data["trade_verbs"]),
            receiving_verbs=_words(data["receiving_verbs"]),
            weak_trade_nouns=_words(data["weak_trade_nouns"]), commodities=_words(data["commodities"]),
            restrictive_nouns=_words(nominal["restrictive"]), needs_trade=_words(nominal["needs_trade"]),
            export_story_only=_words(nominal.get("export_story_only")),
            standalone=_words(nominal["standalone"]),
            phrases={k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()},
            licence_nouns=_words(nominal["licence"]),
            restrictive_verbs=_words(verbal["restrictive"]), restrict_goods=_words(verbal["restrict_goods"]),
            permission_verbs=_words(verbal["permission"]), denial_verbs=_words(verbal["denial"]),
            denial_objects=_words(verbal["denial_objects"]), denied_goods=_words(verbal["denied_goods"]),
            restrictive_lists=tuple(w.lower() for w in lists["restrictive"]),
            trusted_lists=tuple(w.lower() for w in lists["trusted"]),
            add_verbs=_words(lists["add_verbs"]), remove_verbs=_words(lists["remove_verbs"]),
            listing_verbs=_words(lists["listing_verbs"]),
            target_preps=_words(roles["target_preps"]), target_verbs=_words(roles["target_verbs"]),
            not_destination=_words(roles["not_destination"]),
            target_exclusions=tuple(w.lower() for w in roles["target_exclusions"]),
            opposing_verbs=_words(roles["opposing_verbs"]), speech_verbs=_words(roles["speech_verbs"]),
            holders=_words(roles["holders"]), located_holders=_words(roles["located_holders"]),
            raising_verbs=_words(roles["raising_verbs"]),
            object_control_verbs=_words(roles["object_control_verbs"]),
            operating_verbs=_words(roles["operating_verbs"]), instruments=_words(roles["instruments"]),
            scope_verbs=_words(roles["scope_verbs"]),
            bodies_of=dict(roles["bodies_of"]),
            list_owners=tuple(sorted(((str(k).lower(), str(v)) for k, v in lists["owners"].items()),
                                     key=lambda kv: -len(kv[0]))),
            anaphor_groups={str(w).lower(): g for g, ws in roles["anaphor_groups"].items() for w in ws},
            government_nouns=_words(roles["government_nouns"]),
            anaphoric_determiners=_words(roles["anaphoric_determiners"]),
            technology_words=_words(data.get("technology_words")),
            traded_domains=_words(data.get("traded_domains")),
            not_control_modifiers=_words(nominal.get("not_control_modifiers")),
            scope_pronouns=_words(roles.get("scope_pronouns")),
            supply_verbs=_words(roles.get("supply_verbs")),
            tightening_verbs=_words(verbal.get("tightening")),
            destination_words=_words(roles.get("destination_words")),
            export_words=tuple(str(w).lower() for w in data.get("export_words") or ()),
            goods_words={str(w).lower(): slug for slug, ws in (data.get("goods_words") or {}).items() for w in ws},
            also_covers={str(k).lower(): list(v) for k, v in (data.get("also_covers") or {}).items()},
        )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    path = resources.root() / "data" / "rules" / "export_controls.yaml"
    return Lexicon.from_data(yaml.safe_load(path.read_text(encoding="utf-8")))
