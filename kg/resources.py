"""Locate the data files that ship with kg (gazetteers, ontology, canned queries).

Installed from a wheel they sit inside the package (``kg/_data``); in a source checkout
(editable install) they are the top-level ``data/``, ``ontology/`` and ``queries/`` folders.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def root() -> Path:
    """The folder holding ``data/``, ``ontology/`` and ``queries/``."""
    env = os.environ.get("KG_RESOURCES")
    for candidate in ([Path(env)] if env else []) + [_PKG / "_data", _PKG.parent]:
        if (candidate / "ontology").is_dir() and (candidate / "data").is_dir():
            return candidate
    raise FileNotFoundError(f"kg data files not found near {_PKG}; set KG_RESOURCES")


def gazetteer(name: str) -> Path:
    return root() / "data" / "gazetteer" / name


def ontology(name: str = "techalliance.ttl") -> Path:
    return root() / "ontology" / name


def queries() -> Path:
    return root() / "queries"
