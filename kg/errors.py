"""One error tree for kg: every user-facing failure is a KGError.

Backend exceptions (pyoxigraph, rdflib, spaCy, OS errors) are translated once, at the
boundary where they are raised, with ``raise KGError(...) from exc``.
"""
from __future__ import annotations


class KGError(Exception):
    """Base class of every error kg raises on purpose."""


class InputError(KGError):
    """A document or path could not be read."""

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class ModelError(KGError):
    """The spaCy pipeline could not be loaded."""


class StoreError(KGError):
    """The store could not be opened, read or written."""


class QueryError(KGError):
    """A SPARQL query is invalid or failed."""


class ExportError(KGError):
    """An export format is unknown or the export failed."""


class ValidationError(KGError):
    """A graph does not conform to the SHACL shapes."""
