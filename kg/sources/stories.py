"""Syndicated copies: documents whose text is a near-duplicate of an earlier one.

A wire story republished by many outlets is one story, not many independent sources.
Each document gets a MinHash signature of its word 5-shingles (128 hash functions,
stored in its graph as ``ta:textSignature``); locality-sensitive hashing (16 bands of 8
rows) finds the earlier documents that may be near-duplicates, and a document whose
estimated Jaccard similarity with one of them is at least :data:`THRESHOLD` is linked to
that story's first document with ``ta:sameStoryAs``. Counts of supporting sources
(``queries/rules/support-count.rq``) count stories, not copies.

>>> a = " ".join(f"word{i}" for i in range(200))
>>> b = a + " (Reporting by a wire desk)"
>>> round(similarity(signature(a), signature(b)), 1) >= THRESHOLD
True
>>> similarity(signature(a), signature(" ".join(f"other{i}" for i in range(200)))) < THRESHOLD
True
"""
from __future__ import annotations

import base64
import re
import zlib

from kg.vocab import TA

__all__ = ["THRESHOLD", "signature", "similarity", "StoryIndex"]

THRESHOLD = 0.9
SHINGLE = 5
PERMUTATIONS = 128
BANDS, ROWS = 16, 8
SIGNATURE = f"{TA}textSignature"
SAME_STORY = f"{TA}sameStoryAs"
_PRIME = (1 << 31) - 1
_WORD = re.compile(r"\w+")
_PARAMS = None


def _params():
    global _PARAMS
    if _PARAMS is None:
        import numpy as np

        rng = np.random.default_rng(20251029)  # fixed: signatures stored in a store must stay comparable
        _PARAMS = (rng.integers(1, _PRIME, PERMUTATIONS, dtype=np.int64),
                   rng.integers(0, _PRIME, PERMUTATIONS, dtype=np.int64))
    return _PARAMS


def signature(text: str):
    """The MinHash signature (128 uint32) of ``text``'s word 5-shingles; None for a text
    of fewer than five words."""
    import numpy as np

    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return None
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    x = np.fromiter((zlib.crc32(s.encode("utf-8")) & 0x7FFFFFFF for s in shingles),
                    dtype=np.int64, count=len(shingles))
    a, b = _params()
    return ((a[:, None] * x[None, :] + b[:, None]) % _PRIME).min(axis=1).astype(np.uint32)


def similarity(one, other) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float((one == other).mean())


def encode(sig) -> str:
    return base64.b64encode(sig.astype("<u4").tobytes()).decode("ascii")


def decode(text: str):
    import numpy as np

    try:
        raw = base64.b64decode(text, validate=True)
    except ValueError:
        return None
    if len(raw) != 4 * PERMUTATIONS:
        return None
    return np.frombuffer(raw, dtype="<u4").astype(np.uint32)


class StoryIndex:
    """Signatures of the documents of a store, searchable by LSH bands."""

    def __init__(self):
        self._sigs: dict[str, object] = {}
        self._root: dict[str, str] = {}
        self._bands: dict[tuple, list[str]] = {}

    @classmethod
    def from_store(cls, store) -> StoryIndex:
        index = cls()
        rows = store.query(f"""
            SELECT ?g ?sig ?root WHERE {{ GRAPH ?g {{ ?g <{SIGNATURE}> ?sig
              OPTIONAL {{ ?g <{SAME_STORY}> ?root }} }} }}""").rows
        for g, sig, root in rows:
            value = decode(str(sig))
            if value is not None:
                index.add(str(g), value, str(root) if root is not None else None)
        return index

    def add(self, iri: str, sig, root: str | None = None) -> None:
        self.remove(iri)
        self._sigs[iri] = sig
        self._root[iri] = root or iri
        for key in self._keys(sig):
            self._bands.setdefault(key, []).append(iri)

    def remove(self, iri: str) -> None:
        sig = self._sigs.pop(iri, None)
        self._root.pop(iri, None)
        if sig is not None:
            for key in self._keys(sig):
                members = self._bands.get(key)
                if members and iri in members:
                    members.remove(iri)

    def story_of(self, iri: str, sig) -> str | None:
        """The first document of the story ``sig`` is a near-duplicate of (never ``iri``
        itself), or None."""
        best, best_score = None, THRESHOLD
        seen: set[str] = set()
        for key in self._keys(sig):
            for other in self._bands.get(key, ()):
                if other == iri or other in seen:
                    continue
                seen.add(other)
                score = similarity(sig, self._sigs[other])
                if score >= best_score and self._root[other] != iri:
                    best, best_score = self._root[other], score
        return best

    @staticmethod
    def _keys(sig):
        return [(band, sig[band * ROWS:(band + 1) * ROWS].tobytes()) for band in range(BANDS)]


def story_quads(document, index: StoryIndex) -> list:
    """The ``ta:textSignature`` of ``document`` and its ``ta:sameStoryAs`` link when it is
    a copy of an earlier story; ``document`` joins ``index``."""
    from pyoxigraph import Literal, NamedNode, Quad

    sig = signature(document.text)
    index.remove(document.iri)  # a rebuilt document is compared with the others only
    if sig is None:
        return []
    doc = NamedNode(document.iri)
    quads = [Quad(doc, NamedNode(SIGNATURE), Literal(encode(sig)), doc)]
    story = index.story_of(document.iri, sig)
    if story is not None:
        quads.append(Quad(doc, NamedNode(SAME_STORY), NamedNode(story), doc))
    index.add(document.iri, sig, story)
    return quads
