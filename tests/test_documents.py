"""Reading files and folders into Document records (kg/documents.py)."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.documents import Document, read_documents
from kg.errors import InputError
from kg.vocab import TAI

FIXTURES = Path(__file__).parent / "fixtures" / "documents"
GOOD = "---\nid: good-one\n---\nFreedonia and Sylvania renewed their space pact.\n"


def read_all(*paths, **options) -> tuple[list[Document], list[InputError]]:
    errors: list[InputError] = []
    docs = list(read_documents(paths, on_error=errors.append, **options))
    return docs, errors


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


# --- Markdown and plain text ----------------------------------------------------------

def test_documents_reads_front_matter_and_cleans_body():
    path = FIXTURES / "chip-pact.md"
    [doc] = read_documents([path])
    assert doc.id == "sample-chip-pact"
    assert doc.title == "Freedonia and Sylvania agree to pool chip research"
    assert doc.published == dt.date(2024, 5, 14)
    assert doc.url == "https://news.example.org/2024/05/14/chip-pact"
    assert doc.source == "Example Wire"
    assert doc.path == str(path) and doc.line is None
    assert doc.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.iri == TAI + "doc/sample-chip-pact"
    assert doc.text == (
        "Freedonia and Sylvania signed a memorandum on Tuesday to pool their semiconductor "
        "research, the two trade ministries said.\n\n"
        "The accord covers chip design tools and packaging plants and runs for five years.\n\n"
        "Officials said a first joint laboratory would open in Marsport."
    )


def test_documents_unknown_front_matter_keys_are_ignored():
    [doc] = read_documents([FIXTURES / "chip-pact.md"])
    assert "desk" not in repr(doc) and "technology" not in doc.text


def test_documents_id_defaults_to_slug_of_file_stem():
    [doc] = read_documents([FIXTURES / "Quantum Talks Resume.txt"])
    assert doc.id == "quantum-talks-resume"


def test_documents_reads_wire_text_with_hard_wraps():
    [doc] = read_documents([FIXTURES / "wire-story.txt"])
    assert doc.title is None  # the first line runs on: it is not a headline
    assert doc.text.split("\n\n") == [
        "Sylvania's trade office said it would ease licence rules for exports of lithography "
        "equipment to Freedonia from next month.",
        "The office said the change followed a review of the 1986 technology pact, which both "
        "governments called a cross-border success <SYL.X>.",
        "A spokesman said no new talks were planned.",
    ]


@pytest.mark.parametrize("name, content, title, first_words", [
    pytest.param("a.txt", "Drone pact agreed\n\nThe two states agreed.\n", "Drone pact agreed",
                 "The two", id="BBC-style headline then blank line is the title"),
    pytest.param("a.txt", "Why did the talks fail?\n\nNobody knows.\n", "Why did the talks fail?",
                 "Nobody", id="a question can be a headline"),
    pytest.param("a.md", "# Drone pact agreed\n\nThe two states agreed.\n", "Drone pact agreed",
                 "The two", id="Markdown heading on line 1 is the title"),
    pytest.param("a.txt", "The two states agreed.\n\nTalks go on.\n", None,
                 "The two", id="a first line with a final period is body"),
    pytest.param("a.txt", "Drone pact agreed\nThe two states agreed.\n", None,
                 "Drone pact", id="no blank line after the first line: body"),
    pytest.param("a.txt", "x" * 150 + "\n\nThe two states agreed.\n", None,
                 "xxx", id="a 150-character first line is body"),
    pytest.param("a.md", "---\nsource: X\n---\nDrone pact agreed\n\nThe two states agreed.\n",
                 None, "Drone pact", id="with front matter the first line stays body"),
    pytest.param("a.txt", "Drone pact agreed\n", None,
                 "Drone pact", id="a lone line is the body, not a title"),
])
def test_documents_headline_becomes_title(tmp_path, name, content, title, first_words):
    [doc] = read_documents([write(tmp_path / name, content)])
    assert doc.title == title
    assert doc.text.startswith(first_words)


@pytest.mark.parametrize("value, expected", [
    pytest.param("2025-10-29", dt.date(2025, 10, 29), id="plain YAML date"),
    pytest.param("'2025-10-29'", dt.date(2025, 10, 29), id="quoted ISO date"),
    pytest.param("2025-10-29T08:30:00Z", dt.date(2025, 10, 29), id="ISO datetime in UTC"),
    pytest.param("2025-10-29 23:30:00+09:00", dt.date(2025, 10, 29), id="datetime keeps its own day"),
    pytest.param("", None, id="empty value is no date"),
    pytest.param("~", None, id="null is no date"),
])
def test_documents_published_formats(tmp_path, value, expected):
    path = write(tmp_path / "a.md", f"---\npublished: {value}\n---\nBody text.\n")
    [doc] = read_documents([path])
    assert doc.published == expected


@pytest.mark.parametrize("line, expected", [
    pytest.param("id: 007", "007", id="numeric-looking id keeps its zeros"),
    pytest.param("title: yes", "yes", id="YAML 1.1 boolean words stay text"),
    pytest.param("title: 2024", "2024", id="a number as title is text"),
])
def test_documents_front_matter_scalars_stay_text(tmp_path, line, expected):
    path = write(tmp_path / "a.md", f"---\n{line}\n---\nBody text.\n")
    [doc] = read_documents([path])
    key = line.split(":")[0]
    assert getattr(doc, key) == expected


def test_documents_crlf_line_endings(tmp_path):
    path = write(tmp_path / "a.md", "---\r\ntitle: T\r\n---\r\nOne line\r\nwrapped.\r\n\r\nTwo.\r\n")
    [doc] = read_documents([path])
    assert (doc.title, doc.text) == ("T", "One line wrapped.\n\nTwo.")


# --- Encodings ------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    pytest.param("The club paid £15m for the striker.".encode("cp1252"),
                 "The club paid £15m for the striker.", id="Latin-1 pound sign"),
    pytest.param("He said \u201cno\u201d \u2013 twice.".encode("cp1252"),
                 "He said \u201cno\u201d \u2013 twice.", id="cp1252 curly quotes and dash"),
    pytest.param(b"Caf\xe9 \x81 owner", "Caf\xe9 owner",
                 id="byte undefined in cp1252 falls back to Latin-1"),
    pytest.param(b"\xef\xbb\xbfPlain UTF-8 with a BOM.", "Plain UTF-8 with a BOM.",
                 id="UTF-8 BOM stripped"),
    pytest.param("UTF-16 text, £5.".encode("utf-16"), "UTF-16 text, £5.", id="UTF-16 with BOM"),
])
def test_documents_decodes_legacy_encodings(tmp_path, raw, expected):
    [doc] = read_documents([write(tmp_path / "a.txt", raw)])
    assert doc.text == expected


# --- Errors: one InputError per bad file, and the batch goes on -----------------------

@pytest.mark.parametrize("name, content, reason", [
    pytest.param("bad.md", b"", "empty document", id="empty file"),
    pytest.param("bad.txt", b"  \n\t\n", "empty document", id="only whitespace"),
    pytest.param("bad.md", b"---\ntitle: Nothing else\n---\n", "empty document", id="only front matter"),
    pytest.param("bad.md", b"Photo shows a factory.\n", "empty document", id="only a caption"),
    pytest.param("bad.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text",
                 id="binary file"),
    pytest.param("bad.md", b"---\ntitle: [unclosed\nid: x\n---\nBody.\n",
                 "front matter is not valid YAML (line 3: expected ',' or ']', but got ':')",
                 id="broken YAML front matter"),
    pytest.param("bad.md", b"---\ntitle: one\nid: two: three\n---\nBody.\n",
                 "front matter is not valid YAML (line 3: mapping values are not allowed here)",
                 id="YAML error names the file line"),
    pytest.param("bad.md", b"---\n- a\n- b\n---\nBody.\n",
                 "front matter is not a mapping of keys to values (it is a list); write 'key: value' lines",
                 id="front matter is a list"),
    pytest.param("bad.md", b"---\nid: a\ntitle: b\n---\nBody.\n---\n", None, id="dashes later are body"),
    pytest.param("bad.md", b"---\ntitle: no end\nBody.\n",
                 "front matter starts with '---' but has no closing '---' line", id="unclosed front matter"),
    pytest.param("bad.md", b"---\npublished: 2025-02-30\n---\nBody.\n",
                 "published date '2025-02-30' is not a valid date (YYYY-MM-DD)", id="impossible date"),
    pytest.param("bad.md", b"---\npublished: next week\n---\nBody.\n",
                 "published date 'next week' is not a valid date (YYYY-MM-DD)", id="date in words"),
    pytest.param("bad.md", b"---\ntitle: [a, b]\n---\nBody.\n",
                 "'title' is a list; it must be a single text value", id="title is a list"),
    pytest.param("bad.md", b"---\nid: my doc\n---\nBody.\n",
                 "id 'my doc' cannot be part of an IRI (it contains ' '); use letters, digits, '-', '_' and '.'",
                 id="id with a space"),
    pytest.param("bad.html", b"<html><body><nav><p>Home</p></nav></body></html>", "empty document",
                 id="HTML with only a menu"),
    pytest.param("bad.html", b"<!-- nothing -->", "empty document", id="HTML with only a comment"),
    pytest.param("bad.jsonl", b"\n\n", "empty document", id="JSONL with only blank lines"),
])
def test_documents_bad_file_gives_one_error_and_batch_goes_on(tmp_path, name, content, reason):
    bad = write(tmp_path / name, content)
    write(tmp_path / "good.md", GOOD)
    docs, errors = read_all(tmp_path)
    if reason is None:  # a control case: the file is fine
        assert not errors and len(docs) == 2
        return
    assert [str(e) for e in errors] == [f"{bad}: {reason}"]
    assert errors[0].path == str(bad) and errors[0].reason == reason
    assert [d.id for d in docs] == ["good-one"]


def test_documents_missing_path_reported_and_rest_read(tmp_path):
    good = write(tmp_path / "good.md", GOOD)
    missing = tmp_path / "missing.md"
    docs, errors = read_all(missing, good)
    assert [str(e) for e in errors] == [f"{missing}: no such file or folder"]
    assert [d.id for d in docs] == ["good-one"]


def test_documents_named_file_with_other_suffix_is_error(tmp_path):
    pdf = write(tmp_path / "report.pdf", b"%PDF-1.4")
    good = write(tmp_path / "good.md", GOOD)
    docs, errors = read_all(pdf, good)
    assert [str(e) for e in errors] == [
        f"{pdf}: unsupported file type '.pdf'; kg reads .md, .txt, .html, .htm, .jsonl, feeds (.rss, "
        ".atom, .rdf, .xml), web archives (.warc, .warc.gz) and tables (.csv, .tsv)"]
    assert len(docs) == 1


def test_documents_file_over_size_limit(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # sparse: no 100 MB written
        f.truncate(100_000_000)
    write(tmp_path / "good.md", GOOD)
    docs, errors = read_all(tmp_path)
    assert [str(e) for e in errors] == [f"{big}: file is 100.0 MB, over the 50 MB limit"]
    assert len(docs) == 1


def test_documents_size_limit_is_an_option(tmp_path):
    path = write(tmp_path / "a.txt", "word " * 300)
    docs, errors = read_all(path, max_bytes=1000)
    assert [str(e) for e in errors] == [f"{path}: file is 1.5 KB, over the 1 KB limit"] and not docs


def test_documents_folder_without_documents_is_one_error(tmp_path):
    empty = tmp_path / "empty"
    write(empty / "notes.gold.json", "{}")
    write(empty / ".hidden.md", GOOD)
    good = write(tmp_path / "good.md", GOOD)
    docs, errors = read_all(empty, good)
    assert [str(e) for e in errors] == [
        f"{empty}: no documents (.md, .txt, .html, .htm, .jsonl, .rss, .atom, .warc, .warc.gz) in this folder"]
    assert len(docs) == 1


def test_documents_text_over_max_chars_is_error(tmp_path):
    long = write(tmp_path / "long.txt", "word " * 300)
    write(tmp_path / "good.md", GOOD)
    docs, errors = read_all(tmp_path, max_chars=1000)
    assert [str(e) for e in errors] == [
        f"{long}: text is 1,499 characters, over the 1,000 kg extracts from one document; "
        "split it into smaller documents"]
    assert [d.id for d in docs] == ["good-one"]


def test_documents_published_alias_bomb_is_one_quick_error(tmp_path):
    levels = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]'] + [
        f"{c}: &{c} [{', '.join([f'*{p}'] * 10)}]" for p, c in zip("abcdefgh", "bcdefghi")]
    bomb = write(tmp_path / "bomb.md", "---\n" + "\n".join(levels) + "\npublished: *i\n---\nBody.\n")
    docs, errors = read_all(bomb)  # a billion items if printed: must not be
    assert [str(e) for e in errors] == [f"{bomb}: published date is a list, not a date (YYYY-MM-DD)"]


def test_documents_metadata_drops_control_characters(tmp_path):
    path = write(tmp_path / "a.md", '---\ntitle: "Red\\e[31m alert\\a"\nsource: "Wire\\x07"\n---\nBody.\n')
    [doc] = read_documents([path])
    assert (doc.title, doc.source) == ("Red[31m alert", "Wire")


def test_documents_error_messages_escape_control_characters(tmp_path):
    bad = write(tmp_path / "bad\x1b[2Jname\n.md", "")
    line = json.dumps({"text": "x", "published": "\x1b]0;title\x07\u202e"})
    feed = write(tmp_path / "feed.jsonl", line + "\n")
    docs, errors = read_all(bad, feed)
    assert [str(e) for e in errors] == [
        f"{tmp_path}/bad\\x1b[2Jname\\x0a.md: empty document",
        f"{feed}:1: published date '\\x1b]0;title\\x07\\u202e' is not a valid date (YYYY-MM-DD)"]
    assert errors[0].path == str(bad)  # the path itself is kept as it is


def test_documents_default_on_error_raises(tmp_path):
    with pytest.raises(InputError, match="missing.md: no such file or folder"):
        list(read_documents([tmp_path / "missing.md"]))


# --- Folders --------------------------------------------------------------------------

def test_documents_folder_recurses_sorted_and_skips_hidden_and_other_files(tmp_path):
    for rel in ["b.md", "a.txt", "sub/c.html", "sub/deeper/d.markdown", "z.htm",
                ".hidden.md", ".git/e.md", "notes.gold.json", "data.csv", "UPPER.MD"]:
        write(tmp_path / rel, f"<p>Text of {rel}, about a chip pact.</p>")
    docs, errors = read_all(tmp_path)
    assert not errors
    assert [Path(d.path).relative_to(tmp_path).as_posix() for d in docs] == [
        "UPPER.MD", "a.txt", "b.md", "sub/c.html", "sub/deeper/d.markdown", "z.htm"]


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_documents_folder_follows_no_link_outside_it(tmp_path):
    secret = write(tmp_path / "private" / "secret.txt", "TOP-SECRET-VALUE")
    corpus = tmp_path / "corpus"
    write(corpus / "good.md", GOOD)
    (corpus / "leak.txt").symlink_to(secret)
    (corpus / "again.md").symlink_to(corpus / "good.md")  # inside the folder: read once
    docs, errors = read_all(corpus)
    assert [d.id for d in docs] == ["good-one"]
    assert [str(e) for e in errors] == [
        f"{corpus}/leak.txt: symbolic link to {secret.resolve()}, outside {corpus}; kg follows no link out "
        "of a folder (name the file itself to read it)"]
    [doc] = read_documents([corpus / "leak.txt"])  # named itself, it is read
    assert doc.text == "TOP-SECRET-VALUE"


def test_documents_same_file_named_twice_is_read_once(tmp_path):
    path = write(tmp_path / "a.md", GOOD)
    docs, errors = read_all(path, tmp_path, str(path))
    assert len(docs) == 1 and not errors


def test_documents_taken_derived_id_gets_folder_prefix(tmp_path):
    write(tmp_path / "business" / "001.txt", "Markets rose.\n")
    write(tmp_path / "tech" / "001.txt", "Chips fell.\n")
    docs, errors = read_all(tmp_path)
    assert [d.id for d in docs] == ["001", "tech-001"] and not errors


def test_documents_duplicate_explicit_id_is_error(tmp_path):
    first = write(tmp_path / "a.md", GOOD)
    second = write(tmp_path / "b.md", GOOD)
    docs, errors = read_all(tmp_path)
    assert [d.path for d in docs] == [str(first)]
    assert [str(e) for e in errors] == [
        f"{second}: duplicate document id 'good-one', already used by {first}; "
        "give each document its own id"]


# --- JSONL ----------------------------------------------------------------------------

def test_documents_jsonl_reads_good_lines_and_reports_bad_ones():
    path = FIXTURES / "feed.jsonl"
    docs, errors = read_all(path)
    assert [(d.id, d.line) for d in docs] == [("feed-one", 1), ("feed-2", 2), ("feed-six", 7)]
    assert [str(e) for e in errors] == [
        f"{path}:3: line is not valid JSON (column 1: Expecting value)",
        f"{path}:5: line is a JSON list, not an object with a 'text' key",
        f"{path}:6: no 'text' key; each line needs the document body in 'text'",
    ]
    first = docs[0]
    assert (first.title, first.published, first.path) == (
        "Satellite deal signed", dt.date(2024, 6, 1), str(path))
    assert docs[2].text == "Both sides agreed to review the pact in 2026."


def test_documents_jsonl_hash_is_of_the_line(tmp_path):
    line = json.dumps({"text": "Seoul and Tokyo met."}).encode()
    path = write(tmp_path / "News Feed.jsonl", b"\xef\xbb\xbf" + line + b"\r\n")
    [doc] = read_documents([path])
    assert doc.id == "news-feed-1"
    assert doc.content_hash == hashlib.sha256(line).hexdigest()


@pytest.mark.parametrize("record, reason", [
    pytest.param({"text": 5}, "'text' is a number, not a string", id="text not a string"),
    pytest.param({"text": "Body.", "published": "2024-13-01"},
                 "published date '2024-13-01' is not a valid date (YYYY-MM-DD)", id="bad date"),
    pytest.param({"text": "Body.", "source": {"name": "x"}},
                 "'source' is a mapping; it must be a single text value", id="source is an object"),
    pytest.param({"text": "  \n"}, "empty document", id="blank text"),
])
def test_documents_jsonl_bad_record_names_line(tmp_path, record, reason):
    good = json.dumps({"id": "ok", "text": "Fine."})
    path = write(tmp_path / "f.jsonl", f"{good}\n{json.dumps(record)}\n")
    docs, errors = read_all(path)
    assert [str(e) for e in errors] == [f"{path}:2: {reason}"]
    assert [d.id for d in docs] == ["ok"]


def test_documents_jsonl_latin1_file(tmp_path):
    path = write(tmp_path / "f.jsonl", '{"text": "A £2bn deal."}\n'.encode("cp1252"))
    [doc] = read_documents([path])
    assert doc.text == "A £2bn deal."


# --- HTML -----------------------------------------------------------------------------

def test_documents_html_metadata():
    [doc] = read_documents([FIXTURES / "article.html"])
    assert doc.id == "article"
    assert doc.title == "Sylvania joins Freedonia in AI safety accord"
    assert doc.published == dt.date(2024, 7, 2)
    assert doc.url == "https://times.example.com/ai-accord"
    assert doc.source == "Example Times"


def test_documents_html_keeps_main_text_and_drops_boilerplate():
    [doc] = read_documents([FIXTURES / "article.html"])
    assert doc.text == (
        "Sylvania on Tuesday joined an artificial intelligence safety accord that Freedonia "
        "launched last year, officials in both capitals said.\n\n"
        "What the accord covers\n\n"
        "The accord sets shared testing rules for large models & chips.\n\n"
        "Joint test centres\n\nCommon incident reports"
    )
    for boilerplate in ["cookies", "Home", "By A. Reporter", "Share", "signing ceremony",
                        "Picture credit", "Related", "Sign up", "Copyright", "script text"]:
        assert boilerplate not in doc.text


def test_documents_html_broken_markup_still_gives_text():
    [doc] = read_documents([FIXTURES / "broken.html"])
    assert doc.title == "Broken page about drones"
    assert doc.text.startswith("Freedonia ordered twelve drones from Sylvania\n\nThe first delivery")


@pytest.mark.parametrize("html, field, expected", [
    pytest.param("<title> Plain  title </title><p>Body.</p>", "title", "Plain title",
                 id="title from <title>"),
    pytest.param("<h1>Heading title</h1><p>Body.</p>", "title", "Heading title",
                 id="title from first <h1>"),
    pytest.param('<meta name="date" content="2023-01-05"><p>Body.</p>', "published",
                 dt.date(2023, 1, 5), id="date from meta name=date"),
    # htmldate takes the oldest of the page's dates as its original publication date
    pytest.param('<p>Body on <time datetime="2022-03-04T10:00">Friday</time>.</p>'
                 '<time datetime="2021-01-01">x</time>', "published", dt.date(2021, 1, 1),
                 id="date from the oldest <time datetime>"),
    pytest.param('<script type="application/ld+json">{"@type": "NewsArticle", '
                 '"datePublished": "2024-05-06T08:00:00Z"}</script><p>Body.</p>', "published",
                 dt.date(2024, 5, 6), id="date from JSON-LD datePublished"),
    pytest.param('<link rel="canonical" href="https://e.example/2024/pact"><p>Body.</p>', "url",
                 "https://e.example/2024/pact", id="url from canonical link"),
    pytest.param('<meta property="article:published_time" content="2023-02-30">'
                 '<time datetime="2023-02-03">x</time><p>Body.</p>', "published",
                 dt.date(2023, 2, 3), id="an impossible meta date is skipped"),
    pytest.param('<meta property="og:url" content="https://e.example/x"><p>Body.</p>', "url",
                 "https://e.example/x", id="url from og:url"),
])
def test_documents_html_metadata_fallbacks(tmp_path, html, field, expected):
    [doc] = read_documents([write(tmp_path / "page.htm", html)])
    assert getattr(doc, field) == expected


_PARAGRAPHS = [f"Paragraph {n} of the story: the two governments set out how the joint laboratory "
               "will share chip designs and test results." for n in ("one", "two", "three")]
_STORY = "".join(f"<p>{text}</p>" for text in _PARAGRAPHS)
_STORY_TEXT = "\n\n".join(_PARAGRAPHS)


@pytest.mark.parametrize("html, expected", [
    # trafilatura judges the main text by its size on the page: the story must be a story
    pytest.param("<body><div class='rail'><p>Short teaser.</p></div><div id='story'>" + _STORY
                 + "</div></body>", _STORY_TEXT, id="without article the densest block of <p> wins"),
    pytest.param("<body><div class='promo'><p>Outside teaser.</p></div><main>" + _STORY
                 + "</main><div class='footer'><p>Contact us.</p></div></body>",
                 _STORY_TEXT, id="<main> is preferred"),
    pytest.param("<body><div id='story'>" + _STORY + "</div><div class='related'><ul>"
                 "<li><a href='/a'>Other story one</a></li><li><a href='/b'>Other story two</a></li>"
                 "</ul></div></body>", _STORY_TEXT, id="a list of related links is dropped"),
    pytest.param("<body class='has-social-share'><article class='story related-x'><p>Kept.</p>"
                 "</article></body>", "Kept.", id="containers are never dropped for their class"),
    pytest.param("<body><div class='shared-content'><p>Only text here.</p></div></body>",
                 "Only text here.", id="when the class rule empties the page it is not applied"),
    pytest.param("<body><p>Line one<br>line two.</p><div>Raw div text</div></body>",
                 "Line one line two.", id="<br> is a space"),
    pytest.param("<body>Just words, no paragraphs.</body>", "Just words, no paragraphs.",
                 id="text without blocks"),
    pytest.param("<p>Photo shows a plant.</p><p>The plant opened.</p>", "The plant opened.",
                 id="caption paragraphs are cleaned away"),
])
def test_documents_html_main_text_choice(tmp_path, html, expected):
    [doc] = read_documents([write(tmp_path / "page.html", html)])
    assert doc.text == expected


def test_documents_html_never_resolves_external_entities(tmp_path):
    secret = write(tmp_path / "secret.txt", "TOP-SECRET-VALUE")
    html = (f'<!DOCTYPE html [<!ENTITY leak SYSTEM "file://{secret}">]>'
            "<html><body><p>Before &leak; after.</p></body></html>")
    [doc] = read_documents([write(tmp_path / "page.html", html)])
    assert "TOP-SECRET" not in doc.text and "Before" in doc.text


@pytest.mark.parametrize("html, expected", [
    pytest.param("<body>" + "<div>" * 300 + "<p>Too deep.</p>", None, id="text only below depth 256"),
    pytest.param("<body><p>Read this.</p>" + "<div>" * 300 + "<p>Too deep.</p>", "Read this.",
                 id="text above depth 256 is read"),
])
def test_documents_html_nested_too_deep(tmp_path, html, expected):
    path = write(tmp_path / "deep.html", html)
    docs, errors = read_all(path)
    if expected is None:
        assert [str(e) for e in errors] == [
            f"{path}: HTML elements are nested more than 256 deep and there is no text above "
            "that depth; kg reads no deeper"]
    else:
        assert [d.text for d in docs] == [expected] and not errors


def test_documents_html_entity_bomb_is_not_expanded(tmp_path):
    entities = '<!ENTITY a "lol">' + "".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi"))
    path = write(tmp_path / "bomb.html", f"<!DOCTYPE html [{entities}]><p>Start &i; end.</p>")
    [doc] = read_documents([path])
    assert doc.text == "Start &i; end."


def test_documents_html_latin1_with_declared_charset(tmp_path):
    html = '<meta charset="iso-8859-1"><p>Prix: 5 \xa3, caf\xe9.</p>'.encode("latin-1")
    [doc] = read_documents([write(tmp_path / "page.html", html)])
    assert doc.text == "Prix: 5 £, café."


# --- Property: never crash, never lose a document silently ---------------------------

_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30) \
    | st.dates() | st.datetimes()
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=3)
                       | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=6)
_front_matter = st.dictionaries(
    st.sampled_from(["id", "title", "published", "url", "source", "desk"]) | st.text(max_size=8),
    _values | st.sampled_from(["2024-02-29", "2023-02-29", "a-b_c.d", ""]), max_size=6)


_bodies = st.text(max_size=300) | st.lists(st.sampled_from([
    "---", "...", "", "A headline", "Body text.", "Photo shows x", "    indented", "REUTER",
    "&#3;", "\r", "\x00", "key: value", "# Title"]), max_size=8).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(front=st.none() | _front_matter, body=_bodies)
def test_documents_any_markdown_gives_a_document_or_an_error(front, body):
    content = body if front is None else "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.md"
        path.write_bytes(content.encode("utf-8"))
        docs, errors = read_all(path)
    assert len(docs) + len(errors) == 1, (docs, errors)
    for doc in docs:
        assert doc.id and doc.text and doc.text == doc.text.strip()
        assert doc.published is None or isinstance(doc.published, dt.date)
    for error in errors:
        assert isinstance(error, InputError) and str(error).startswith(f"{path}: ")
        assert "\n" not in str(error)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_documents_unreadable_file_is_error(tmp_path):
    path = write(tmp_path / "locked.md", GOOD)
    path.chmod(0)
    docs, errors = read_all(path)
    assert [str(e) for e in errors] == [f"{path}: cannot read file (Permission denied)"]


def test_documents_docstring_example():
    import doctest

    import kg.documents

    result = doctest.testmod(kg.documents)
    assert result.failed == 0 and result.attempted > 0


def test_documents_error_docstring_examples():
    import doctest

    import kg.errors

    result = doctest.testmod(kg.errors)
    assert result.failed == 0 and result.attempted > 0


def test_documents_import_is_light():
    import subprocess
    import sys

    code = ("import sys, kg; before = set(sys.modules); import kg.documents; "
            "print(sorted({'lxml', 'yaml'} & (set(sys.modules) - before)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
