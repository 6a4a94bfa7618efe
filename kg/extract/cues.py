"""Cue lists for the extraction rules, read from ``data/rules/cues.yaml``."""
from __future__ import annotations

from functools import lru_cache

import yaml

from .. import resources


class Cues:
    def __init__(self, data: dict):
        for key, words in data.items():
            setattr(self, key, frozenset(str(w).lower() for w in words))


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    path = resources.root() / "data" / "rules" / "cues.yaml"
    return Cues(yaml.safe_load(path.read_text(encoding="utf-8")))
