"""Clean a document body into "the document text" that evidence offsets index.

``clean_text`` is pure and runs on every body (Markdown, plain text, JSONL and the main
text extracted from HTML). It undoes newswire and web debris without rewriting prose:

>>> clean_text("Seoul and Tokyo agreed\\non Tuesday.\\n    Talks go on.\\n REUTER\\n&#3;")
'Seoul and Tokyo agreed on Tuesday.\\n\\nTalks go on.'

The output is paragraphs separated by ``"\\n\\n"``, each paragraph one line with single
spaces, and no leading or trailing whitespace.
"""
from __future__ import annotations

import html
import re

__all__ = ["clean_text"]

# Windows (CRLF) and old Mac (CR) line endings, Unicode line separator and NEL.
_LINE_BREAK = re.compile(r"\r\n?|[\u2028\x85]")

# Literal "^M" left at line ends by the SGML of the Reuters-21578 collection.
_CARET_M = re.compile(r"\^M[ \t]*$", re.MULTILINE)

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

# Blocks with a line this long were not hard-wrapped: each of their lines is a paragraph.
_WRAP_MAX = 100


def clean_text(text: str) -> str:
    """Return ``text`` with entities decoded, debris dropped and paragraphs rejoined.

    >>> clean_text("A &amp; B\\r\\nsigned.\\n\\nPhoto shows the signing. /Courtesy of X\\n\\nMore to come.")
    'A & B signed.\\n\\nMore to come.'
    """
    if "&" in text:
        text = html.unescape(text)
    text = _LINE_BREAK.sub("\n", text).replace("\u2029", "\n\n")
    if "^M" in text:
        text = _CARET_M.sub("", text)
    text = _CONTROL.sub("", text)

    lines = text.split("\n")
    # Dropped lines become blank, so they also end the paragraph they interrupt.
    lower = text.lower()
    cued = any(cue in lower for cue in _CUES)
    lines = ["" if _is_debris(line.strip(), cued) else line for line in lines]
    end = len(lines)
    while end and (not lines[end - 1].strip() or _SIGN_OFF.search(lines[end - 1].strip())):
        end -= 1

    paragraphs: list[str] = []
    block: list[str] = []
    for line in lines[:end]:
        if line.strip():
            block.append(line)
        elif block:
            _add_block(block, paragraphs)
            block = []
    if block:
        _add_block(block, paragraphs)
    return "\n\n".join(paragraphs)


def _is_debris(line: str, cued: bool) -> bool:
    """Whether a stripped line is a caption, credit, teaser or note rather than text."""
    if not line or _DROP_START.match(line):
        return bool(line)
    if not cued:  # the text has none of _CUES
        return False
    lower = line.lower()
    return any(cue in lower for cue in _CUES) and _DROP_ANYWHERE.search(line) is not None


def _add_block(block: list[str], paragraphs: list[str]) -> None:
    """Split a block of non-blank lines into paragraphs and append them."""
    if max(len(line) for line in block) > _WRAP_MAX:
        for line in block:
            _add_paragraph(line, paragraphs)
        return
    parts: list[str] = []
    for line in block:
        heading = _HEADING.match(line)
        if heading or line[0].isspace() or _BULLET.match(line):
            # An indented line (Reuters' new paragraph), a heading or a bullet starts afresh.
            _add_paragraph("".join(parts), paragraphs)
            parts = []
            if heading:
                _add_paragraph(line[heading.end():], paragraphs)
                continue
        line = line.strip()
        # A line ending in one hyphen ("chip-\nmakers", "U.S.-\nJapan") joins without a space.
        if parts and not (parts[-1][-1] == "-" and parts[-1][-2:-1] not in ("", " ", "-")):
            parts.append(" ")
        parts.append(line)
    _add_paragraph("".join(parts), paragraphs)


def _add_paragraph(text: str, paragraphs: list[str]) -> None:
    text = " ".join(text.split())
    if text:
        paragraphs.append(_HEADING.sub("", text) if text.startswith("#") else text)
