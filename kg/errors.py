"""One error tree for kg: every user-facing failure is a KGError.

Backend exceptions (pyoxigraph, rdflib, spaCy, OS errors) are translated once, at the
boundary where they are raised, with ``raise KGError(...) from exc``.
"""
from __future__ import annotations

import re

# C0 and C1 control characters, DEL, and the bidirectional marks, embeddings, overrides
# and isolates that can reorder what a terminal shows.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with control and bidirectional-override characters written as escapes.

    >>> printable("ok\\x1b[31m\\u202e")
    'ok\\\\x1b[31m\\\\u202e'
    """
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                            else f"\\u{ord(m.group()):04x}", text)


class KGError(Exception):
    """Base class of every error kg raises on purpose."""


class InputError(KGError):
    """A document or path could not be read.

    The message is one line of printable text: control characters and bidirectional
    overrides from a file name or its content are shown escaped (``\\x1b``), so an
    error never steers the terminal it is printed on.

    >>> str(InputError("a\\nb.md", "published date '\\x1b[2J' is not a valid date"))
    "a\\\\x0ab.md: published date '\\\\x1b[2J' is not a valid date"
    """

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{printable(self.path)}: {printable(reason)}")


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
