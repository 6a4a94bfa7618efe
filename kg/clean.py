"""Clean a document body into the text that extraction reads, keeping a map back.

``clean_text`` is pure and runs on every body (Markdown, plain text, JSONL and the main
text extracted from HTML). It undoes newswire and web debris without rewriting prose:

>>> clean_text("Seoul and Tokyo agreed\\non Tuesday.\\n    Talks go on.\\n REUTER\\n&#3;")
'Seoul and Tokyo agreed on Tuesday.\\n\\nTalks go on.'

The output is paragraphs separated by ``"\\n\\n"``, each paragraph one line with single
spaces, and no leading or trailing whitespace. :func:`clean` also returns an
:class:`OffsetMap` from the cleaned text back to the body as written (the "document
text" that evidence offsets index): a caption dropped or an entity decoded moves no offset.

>>> c = clean("Photo shows a plant.\\n\\nA &amp; B signed.")
>>> c.text, c.offsets.span(0, 1), c.offsets.span(2, 3)
('A & B signed.', (22, 23), (24, 29))
"""
from __future__ import annotations

import html
import re
from array import array
from dataclasses import dataclass

__all__ = ["clean", "clean_text", "Cleaned", "OffsetMap"]

# Windows (CRLF) and old Mac (CR) line endings, Unicode line separator and NEL.
_LINE_BREAK = re.compile(r"\r\n?|[\u2028\x85]")

# Control characters (C0 except tab and newline, DEL, C1) such as Reuters' end-of-text
# "&#3;", plus zero-width spaces and stray byte-order marks.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff]")

# Lines that are not article text, recognised by how they start (matched on the stripped line).
_DROP_START = re.compile(
    r"""
    # caption: "Photo shows the new plant."
      (?i:photo|picture|image)\s+shows\b
    # short credit line: "Courtesy of the ministry"
    | \(?(?i:courtesy\s+of)\b.{0,80}$
    # credit label: "Photo: Reuters", "Image credit: ..."
    | (?i:photos?|photograph|pictures?|images?)(?:\s+(?i:credit))?\s*:
    # credit: "Photo by Jane Roe"
    | (?i:photos?|photograph|pictures?)\s+(?i:by|courtesy)\b
    # Associated Press credit: "(AP Photo/Jane Roe)"
    | \(?AP\s+Photo\b
    # teaser: "Also Read: ...", "Read more - ..."
    | (?i:also\s+read|read\s+more|read\s+also|see\s+also)\b\s*[:\-]
    # note of Korean outlets: "※ This article has been translated by AI."
    | ※.*(?i:translat)
    # the same note without the mark
    | (?i:this\s+article\s+(?:has\s+been|was)\s+(?:machine[-\s])?translated)
    # call to action: "Click here to subscribe"
    | (?i:click\s+here)\b
    """,
    re.VERBOSE,
)

# Lines that are not article text, recognised by a mark anywhere in them. Searched only
# when the line contains one of _CUES (a fast test: most lines contain none).
_DROP_ANYWHERE = re.compile(
    r"""
    # credit after a caption: "Ministers meet. /Courtesy of Yonhap"
      /\s*(?i:courtesy\s+of)\b
    # credit in brackets: "Ministers meet. (Photo: Yonhap)"
    | \((?i:photos?|photograph|pictures?|images?)(?:\s+(?i:by|credit|courtesy))?\s*[:=]
    # credit ending a line: "Jane Roe/Getty Images"
    | \bGetty\s+Images\)?$
    # credit inside a caption: "Ministers meet. (AP Photo/Jane Roe)"
    | \bAP\s+Photo\s*/
    # feedback invitation: "Share your feedback here."
    | (?i:share\s+your\s+feedback)
    """,
    re.VERBOSE,
)
_CUES = ("courtesy", "photo", "picture", "image", "getty", "feedback")

# Wire sign-offs, dropped only when they stand on their own lines at the end of the body.
_SIGN_OFF = re.compile(
    r"""
    # Reuters: "REUTER", "Reuter...", "(Reuters)"
      ^\(?(?i:reuters?)\)?(?:\.{1,3})?$
    # other agencies: "AP", "(AFP)"
    | ^\(?(?:AP|AFP|UPI|dpa|Yonhap)\)?$
    # credits: "-- Reporting by Jane Roe; Editing by John Doe", "(Writing by ...)"
    | ^[(\-–—\s]*(?i:(?:additional\s+)?reporting|writing|editing|compiled)\s+by\b.*$
    """,
    re.VERBOSE,
)

# A Markdown heading ("## Background") is a paragraph of its own; its marker is dropped.
_HEADING = re.compile(r"^#{1,6}[ \t]+")

# A Markdown or typographic bullet ("- ", "* ", "• ") starts a new paragraph.
_BULLET = re.compile(r"^[-*+•][ \t]")

# A byline standing on its own line ("By Jane Roe", "BY JANE ROE AND JOHN DOE"): a paragraph.
_BYLINE = re.compile(r"^(?i:by)\s+[A-Z][\w.'’-]*(?:,?\s+(?:[A-Z][\w.'’-]*|(?i:and)|&|de|van|von|bin|da))*$")

# A dateline standing on its own line ("SEOUL, June 3, 2025", "WASHINGTON, Oct 29 (Reuters)"):
# a paragraph. (A short line alone is no sign: Reuters' first line is short because its
# dateline was cut, and a headline cannot be told from it.)
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{1,30},\s+[\w .,]{0,30}\d(?:\s*\([A-Za-z ]+\))?\s*[-–—]*$")

# A line opening with a dateline ("SEOUL, June 3 (Reuters) - ...") starts a paragraph: the
# lines above it (a headline, a credit) are not part of its first sentence.
_DATELINE_START = re.compile(
    r"^[A-Z][A-Z .'-]{1,30},\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?"
    r"\s*(?:\([A-Za-z ]+\))?\s*(?:-{1,2}|[–—])\s")

# Blocks with a line this long were not hard-wrapped: each of their lines is a paragraph.
_WRAP_MAX = 100

# One pass over the body: entities, line breaks, "^M" and control characters.
_SCAN = re.compile(
    r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\s<&#;\x00-\x1f\x7f-\x9f\u200b\ufeff]{1,32};?)"
    r"|\r\n?|[\u2028\x85\u2029]"
    r"|\^M[ \t]*(?=[\r\n\u2028\x85\u2029]|\Z)"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff]")
_WORD = re.compile(r"\S+")
_MARKER = re.compile("#{1,6}")


class OffsetMap:
    """Where each character of a cleaned text stands in the text as written (32-bit offsets:
    a body is at most 50 MB).

    ``starts[i]`` and ``ends[i]`` bound the written characters that cleaned character ``i``
    comes from (one character, or a whole entity such as ``&amp;``).
    """

    __slots__ = ("starts", "ends")

    def __init__(self, starts: array, ends: array):
        self.starts, self.ends = starts, ends

    @classmethod
    def identity(cls, n: int) -> "OffsetMap":
        return cls(array("i", range(n)), array("i", range(1, n + 1)))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the written text of the cleaned ``text[start:end]``."""
        n = len(self.starts)
        if not n:
            return 0, 0
        start, end = max(0, min(start, n)), max(0, min(end, n))
        if end <= start:
            at = self.starts[start] if start < n else self.ends[-1]
            return at, at
        return self.starts[start], self.ends[end - 1]

    def __eq__(self, other) -> bool:
        return isinstance(other, OffsetMap) and (self.starts, self.ends) == (other.starts, other.ends)

    def __hash__(self) -> int:  # a Document holding the map stays hashable
        return hash((len(self.starts), self.ends[-1] if self.ends else 0))

    def __reduce__(self):
        return OffsetMap, (self.starts, self.ends)

    def __repr__(self) -> str:
        return f"OffsetMap({len(self.starts)} characters)"


@dataclass(frozen=True, slots=True, eq=False)
class Cleaned:
    """A cleaned text and the map of its characters back to the text as written."""

    text: str
    offsets: OffsetMap


class _Text:
    """A text under construction with, per character, its span in the written text."""

    def __init__(self):
        self.parts: list[str] = []
        self.starts, self.ends = array("i"), array("i")

    def copy(self, source: "_Text | str", a: int, b: int) -> None:
        """Append ``source[a:b]`` (a _Text keeps its map; a str is the written text)."""
        if b <= a:
            return
        if isinstance(source, str):
            self.parts.append(source[a:b])
            self.starts.extend(range(a, b))
            self.ends.extend(range(a + 1, b + 1))
        else:
            self.parts.append(source.text[a:b])
            self.starts.extend(source.starts[a:b])
            self.ends.extend(source.ends[a:b])

    def insert(self, text: str, start: int, end: int) -> None:
        """Append ``text`` that stands for the written characters ``start:end``."""
        if text:
            self.parts.append(text)
            self.starts.extend([start] * len(text))
            self.ends.extend([end] * len(text))

    def done(self) -> "_Text":
        self.text = "".join(self.parts)
        return self


def clean_text(text: str) -> str:
    """Return ``text`` with entities decoded, debris dropped and paragraphs rejoined.

    >>> clean_text("A &amp; B\\r\\nsigned.\\n\\nPhoto shows the signing. /Courtesy of X\\n\\nMore to come.")
    'A & B signed.\\n\\nMore to come.'
    """
    return clean(text).text


def clean(text: str, *, shift: int = 0) -> Cleaned:
    """:func:`clean_text` with the :class:`OffsetMap` of the result back to ``text``
    (``shift`` is added to every offset: where ``text`` starts in the written text)."""
    decoded = _decode(text)
    t = decoded.text
    lines: list[tuple[str, int]] = []
    at = 0
    for line in t.split("\n"):
        lines.append((line, at))
        at += len(line) + 1
    # Dropped lines become blank, so they also end the paragraph they interrupt.
    lower = t.lower()
    cued = any(cue in lower for cue in _CUES)
    lines = [("", at) if _is_debris(line.strip(), cued) else (line, at) for line, at in lines]
    end = len(lines)
    while end and (not lines[end - 1][0].strip() or _SIGN_OFF.search(lines[end - 1][0].strip())):
        end -= 1

    paragraphs: list[list[tuple[int, int, str]]] = []
    block: list[tuple[str, int]] = []
    for line, at in lines[:end]:
        if line.strip():
            block.append((line, at))
        elif block:
            _add_block(t, block, paragraphs)
            block = []
    if block:
        _add_block(t, block, paragraphs)

    out = _Text()
    run = previous_end = 0  # words already joined by one space are copied as one run
    for number, words in enumerate(paragraphs):
        for k, (a, b, joiner) in enumerate(words):
            sep = "\n\n" if number and not k else joiner if k else ""
            if sep == " " and t[previous_end:a] == " ":
                previous_end = b
                continue
            out.copy(decoded, run, previous_end)
            if sep:
                out.insert(sep, decoded.ends[previous_end - 1], decoded.starts[a])
            run, previous_end = a, b
    out.copy(decoded, run, previous_end)
    out.done()
    if shift:
        out.starts = array("i", (i + shift for i in out.starts))
        out.ends = array("i", (i + shift for i in out.ends))
    return Cleaned(out.text, OffsetMap(out.starts, out.ends))


def _decode(text: str) -> _Text:
    """``text`` with entities decoded, line breaks as "\\n", "^M" and control characters out."""
    out = _Text()
    last = 0
    for m in _SCAN.finditer(text):
        a, b = m.span()
        out.copy(text, last, a)
        last = b
        found = m.group()
        if found[0] == "&":
            decoded = html.unescape(found)
            if decoded == found:
                out.copy(text, a, b)
                continue
            # an entity without ";" ("&ampfoo") decodes its head only: the tail is as written
            same = 0
            while same < min(len(found), len(decoded)) - 1 and found[-1 - same] == decoded[-1 - same]:
                same += 1
            head = decoded[:len(decoded) - same]
            head = _CONTROL.sub("", _LINE_BREAK.sub("\n", head).replace("\u2029", "\n\n"))
            out.insert(head, a, b - same)
            out.copy(text, b - same, b)
        elif found == "\u2029":
            out.insert("\n\n", a, b)
        elif found in ("\r", "\r\n", "\u2028", "\x85"):
            out.insert("\n", a, b)
        # else "^M" or a control character: dropped
    out.copy(text, last, len(text))
    return out.done()


def _is_debris(line: str, cued: bool) -> bool:
    """Whether a stripped line is a caption, credit, teaser or note rather than text."""
    if not line or _DROP_START.match(line):
        return bool(line)
    if not cued:  # the text has none of _CUES
        return False
    lower = line.lower()
    return any(cue in lower for cue in _CUES) and _DROP_ANYWHERE.search(line) is not None


def _words(line: str, at: int, start: int = 0) -> list[tuple[int, int, str]]:
    """The words of ``line`` (at offset ``at``) as (start, end, " ") spans."""
    return [(at + m.start(), at + m.end(), " ") for m in _WORD.finditer(line, start)]


def _add_block(t: str, block: list[tuple[str, int]], paragraphs: list) -> None:
    """Split a block of non-blank lines into paragraphs (lists of word spans) and append them."""
    if max(len(line) for line, _ in block) > _WRAP_MAX:
        for line, at in block:
            _add_paragraph(t, _words(line, at), paragraphs)
        return
    words: list[tuple[int, int, str]] = []
    for number, (line, at) in enumerate(block):
        heading = _HEADING.match(line)
        stripped = line.strip()
        alone = _BYLINE.match(stripped) is not None or _DATELINE.match(stripped) is not None
        if heading or line[0].isspace() or _BULLET.match(line) or alone or _DATELINE_START.match(line):
            # An indented line (Reuters' new paragraph), a heading, a bullet, a byline or a
            # dateline starts afresh.
            _add_paragraph(t, words, paragraphs)
            words = []
            if heading:
                _add_paragraph(t, _words(line, at, heading.end()), paragraphs)
                continue
        for k, (a, b, _) in enumerate(_words(line, at)):
            # "chip-\nmakers", "U.S.-\nJapan": a hyphen at a wrap joins without a space
            joins = not k and words and _joins(t[words[-1][0]:words[-1][1]])
            words.append((a, b, "" if joins else " "))
        if alone:  # a byline or dateline line is a paragraph of its own
            _add_paragraph(t, words, paragraphs)
            words = []
    _add_paragraph(t, words, paragraphs)


def _joins(word: str) -> bool:
    """Whether a line ending in ``word`` joins the next without a space (one final hyphen)."""
    return len(word) > 1 and word[-1] == "-" and word[-2] != "-"


def _add_paragraph(t: str, words: list[tuple[int, int, str]], paragraphs: list) -> None:
    """Append ``words`` (spans of ``t``) as a paragraph; a leading heading marker is dropped."""
    if len(words) > 1 and _MARKER.fullmatch(t, words[0][0], words[0][1]):
        words = words[1:]
    if words:
        paragraphs.append(words)
