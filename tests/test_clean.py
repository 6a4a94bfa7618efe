"""Cleaning document bodies (kg/clean.py): each rule with a small example."""
from __future__ import annotations

import doctest
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kg.clean
from kg.clean import clean_text


@pytest.mark.parametrize("raw, expected", [
    # Entities, line endings, control characters
    pytest.param("Profits &amp; losses &lt;ACME.T&gt; rose", "Profits & losses <ACME.T> rose",
                 id="HTML entities are decoded"),
    pytest.param("Last line of the story.\n&#3;", "Last line of the story.",
                 id="Reuters end-of-text &#3; is dropped"),
    pytest.param("Bell\x07 and\x0c feed\x03 chars", "Bell and feed chars", id="control characters are dropped"),
    pytest.param("zero\u200bwidth\ufeff marks", "zerowidth marks", id="zero-width marks are dropped"),
    pytest.param("One\r\ntwo\rthree", "One two three", id="CRLF and CR line endings"),
    pytest.param("Para one.\u2029Para two.", "Para one.\n\nPara two.", id="Unicode paragraph separator"),
    pytest.param("The fund closed.^M\n REUTER^M", "The fund closed.", id="literal ^M debris"),
    # Paragraphs
    pytest.param("Ministers from both states\nmet in the capital on\nFriday.",
                 "Ministers from both states met in the capital on Friday.",
                 id="hard line breaks inside a paragraph are joined"),
    pytest.param("The first paragraph\nwraps here.\n    The second one\nalso wraps.\n The third.",
                 "The first paragraph wraps here.\n\nThe second one also wraps.\n\nThe third.",
                 id="Reuters: an indented line starts a paragraph"),
    pytest.param("\tTabbed start.\n\tAnother.", "Tabbed start.\n\nAnother.", id="a tab also indents"),
    pytest.param("One.\n\n\n\nTwo.\n \nThree.", "One.\n\nTwo.\n\nThree.",
                 id="blank lines separate paragraphs"),
    pytest.param("Too    many   spaces\there.", "Too many spaces here.", id="spaces are collapsed"),
    pytest.param("the chip-\nmakers and the U.S.-\nJapan pact -- said\nto --\nbe firm",
                 "the chip-makers and the U.S.-Japan pact -- said to -- be firm",
                 id="a hyphen at a wrap joins without a space, a dash does not"),
    pytest.param("## Background\nThe pact dates\nfrom 1986.\n- first point\n- second point",
                 "Background\n\nThe pact dates from 1986.\n\n- first point\n\n- second point",
                 id="Markdown headings and bullets are paragraphs"),
    pytest.param("A first line that is long enough to show this block was never hard-wrapped by "
                 "any wire service in the whole world.\nA second line.",
                 "A first line that is long enough to show this block was never hard-wrapped by "
                 "any wire service in the whole world.\n\nA second line.",
                 id="in a block with a long line every line is a paragraph"),
    # Captions and credits
    pytest.param("The plant opened.\nPhoto shows workers at the new plant. /Courtesy of Example Daily\n"
                 "It employs 900.", "The plant opened.\n\nIt employs 900.",
                 id="'Photo shows' caption with courtesy credit"),
    pytest.param("Text.\n/Courtesy of the ministry\nMore text.", "Text.\n\nMore text.",
                 id="credit line starting with /Courtesy of"),
    pytest.param("Text.\nCourtesy of the ministry\nMore text.", "Text.\n\nMore text.",
                 id="short Courtesy of line"),
    pytest.param("The ministers shook hands. (Photo: Example Agency)\n\nText.", "Text.",
                 id="(Photo: ...) credit"),
    pytest.param("Photo by Jane Roe\nText.", "Text.", id="'Photo by' credit"),
    pytest.param("Photo: Example Agency\nText.", "Text.", id="'Photo:' credit label"),
    pytest.param("Jane Roe/Getty Images\nText.", "Text.", id="Getty Images credit"),
    pytest.param("(AP Photo/Jane Roe)\nText.", "Text.", id="AP Photo credit"),
    pytest.param("Delegates arrive in the capital. (AP Photo/Jane Roe)\nText.", "Text.",
                 id="caption ending in an AP Photo credit"),
    pytest.param("Getty Images agreed to buy a rival photo archive.",
                 "Getty Images agreed to buy a rival photo archive.",
                 id="a sentence about Getty Images is kept"),
    pytest.param("The photographs showed damage.", "The photographs showed damage.",
                 id="a sentence about photos is kept"),
    # Teasers, notes, calls to action
    pytest.param("Text.\nAlso Read: Chip talks stall\nMore.", "Text.\n\nMore.", id="Also Read line"),
    pytest.param("Text.\n\nRead more: how the pact works", "Text.", id="Read more line"),
    pytest.param("Text.\n\n※ This article has been translated by AI. Share your feedback here.",
                 "Text.", id="AI translation note"),
    pytest.param("Text.\n\nShare your feedback with our desk", "Text.", id="feedback invitation"),
    pytest.param("Click here to get our newsletter.\nText.", "Text.", id="Click here line"),
    # Wire sign-offs
    pytest.param("The talks end today.\n REUTER\n&#3;", "The talks end today.", id="REUTER"),
    pytest.param("The talks end today.\n Reuter...", "The talks end today.", id="Reuter with dots"),
    pytest.param("The talks end today.\n(Reuters)", "The talks end today.", id="(Reuters)"),
    pytest.param("The talks end today.\n\nAP", "The talks end today.", id="AP"),
    pytest.param("The talks end today.\nAFP", "The talks end today.", id="AFP"),
    pytest.param("The talks end today.\n\n-- Reporting by Jane Roe; Editing by John Doe\n\n REUTER",
                 "The talks end today.", id="reporting credit and sign-off"),
    pytest.param("The talks end today.\n(Reporting by Jane Roe)", "The talks end today.",
                 id="reporting credit in brackets"),
    pytest.param("Reuters said the talks end today.\nAP and AFP agreed.",
                 "Reuters said the talks end today. AP and AFP agreed.",
                 id="agency names inside text are kept"),
    pytest.param("REUTER\nThe talks resume.", "REUTER The talks resume.",
                 id="a sign-off word is removed only at the end"),
    # Kept
    pytest.param("SEOUL, Oct 1 (Yonhap) -- The two states agreed.\nBy Jane Roe",
                 "SEOUL, Oct 1 (Yonhap) -- The two states agreed.\n\nBy Jane Roe",
                 id="dateline and byline are kept, the byline as a paragraph"),
    # Bylines and datelines on their own lines are paragraphs (never glued to a sentence)
    pytest.param("Chip deal for Seoul\nBy Jane Roe\nThe two states agreed.",
                 "Chip deal for Seoul\n\nBy Jane Roe\n\nThe two states agreed.", id="headline then byline"),
    pytest.param("By JANE ROE AND JOHN DOE\nThe two states agreed.",
                 "By JANE ROE AND JOHN DOE\n\nThe two states agreed.", id="capitalised byline of two"),
    pytest.param("by Jane Roe, John Doe and Kim Lee\nThe two states agreed.",
                 "by Jane Roe, John Doe and Kim Lee\n\nThe two states agreed.", id="byline of three"),
    pytest.param("SEOUL, June 3, 2025\nThe two states agreed.", "SEOUL, June 3, 2025\n\nThe two states agreed.",
                 id="dateline alone"),
    pytest.param("WASHINGTON, Oct 29 (Reuters) -\nThe two states agreed.",
                 "WASHINGTON, Oct 29 (Reuters) -\n\nThe two states agreed.", id="dateline with agency alone"),
    pytest.param("NEW DELHI, March 12 --\nThe two states agreed.",
                 "NEW DELHI, March 12 --\n\nThe two states agreed.", id="dateline with dashes alone"),
    pytest.param("Chip pact signed\nSEOUL, June 3 (Reuters) - The two states agreed.",
                 "Chip pact signed\n\nSEOUL, June 3 (Reuters) - The two states agreed.", id="headline above a dateline"),
    pytest.param("Getty/Jane Roe\nChips for peace\nTOKYO, 4 May -- Japan agreed.",
                 "Getty/Jane Roe Chips for peace\n\nTOKYO, 4 May -- Japan agreed.", id="credit and headline above a dateline"),
    pytest.param("Deal done\nNEW DELHI, March 12, 2024 — India agreed.",
                 "Deal done\n\nNEW DELHI, March 12, 2024 — India agreed.", id="headline above a dateline with year"),
    pytest.param("The White House Economic Policy\nCouncil met on Friday.",
                 "The White House Economic Policy Council met on Friday.", id="a short first line is not a headline"),
    pytest.param("The deal was signed by\nJane Roe on Friday.", "The deal was signed by Jane Roe on Friday.",
                 id="'by' ending a wrapped line is no byline"),
    pytest.param("", "", id="empty text"),
    pytest.param(" REUTER\n&#3;", "", id="only a sign-off"),
])
def test_clean_rules(raw, expected):
    assert clean_text(raw) == expected


def test_clean_docstring_examples():
    result = doctest.testmod(kg.clean)
    assert result.failed == 0 and result.attempted > 0


_lines = st.lists(
    st.text(max_size=40) | st.sampled_from([
        "", "   ", "    indented", "REUTER", "&#3;", "Photo shows x", "## Head", "- item",
        "word-", "AP", "&amp;", "\r", "\x00", "※ note translated", "x" * 120,
    ]), max_size=12).map("\n".join)


@settings(max_examples=400, deadline=None)
@given(text=st.text(max_size=300) | _lines)
def test_clean_output_is_normalised(text):
    out = clean_text(text)
    assert out == out.strip()
    assert "\r" not in out and "\n\n\n" not in out
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", out)
    for paragraph in out.split("\n\n") if out else []:
        assert paragraph and "\n" not in paragraph
        assert paragraph == " ".join(paragraph.split())


@settings(max_examples=400, deadline=None)
@given(text=st.text(max_size=300) | _lines)
def test_clean_offsets_map_every_word_back_to_the_text_as_written(text):
    import html

    from kg.clean import clean

    cleaned = clean(text)
    assert cleaned.text == clean_text(text)
    for word in re.finditer(r"\S+", cleaned.text):
        start, end = cleaned.offsets.span(word.start(), word.end())
        assert 0 <= start <= end <= len(text)
        written = re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff]", "", html.unescape(text[start:end]))
        assert "".join(written.replace("^M", "").split()) == word.group().replace("^M", "")  # "^M" kept mid-line


@pytest.mark.parametrize("raw, word, written", [
    pytest.param("Photo shows a plant.\n\nSeoul agreed.", "Seoul", "Seoul", id="after a dropped caption"),
    pytest.param("A &amp; B agreed.", "&", "&amp;", id="a decoded entity spans the entity"),
    pytest.param("Tom &amp; Jerry &lt;TJ&gt; agreed.", "<TJ>", "&lt;TJ&gt;", id="entities inside a word"),
    pytest.param("First\r\nline and\r\n  more.", "more.", "more.", id="after CRLF line ends"),
    pytest.param("## Heading\nText here.", "Heading", "Heading", id="after a heading marker"),
])
def test_clean_offsets_examples(raw, word, written):
    from kg.clean import clean

    cleaned = clean(raw)
    at = cleaned.text.index(word)
    start, end = cleaned.offsets.span(at, at + len(word))
    assert raw[start:end] == written
