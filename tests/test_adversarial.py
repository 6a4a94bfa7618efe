"""Hostile and broken input through the real command line (issue F).

``tests/adversarial/`` holds small files written for these tests: markup and script in
titles, sentences and names, a ``javascript:`` URL, right-to-left and zero-width marks,
control characters, XML external entities and an entity bomb in HTML and RDF/XML, YAML
``!!python`` tags and an alias bomb, impossible dates, broken front matter and markup,
a JSONL feed with bad lines, Latin-1 text, an empty file. The test adds what should not
be committed: a binary file, a 100 MB file, a 900,000-character word, a long line, HTML
nested 300 deep, NUL bytes after the first 8 KB, a file name with a terminal escape and
a newline, an XXE pointing at a canary file, and a folder with no documents.

``kg build`` must report each bad file on one line naming it, build every good one,
exit 1, read no file it was not given, expand no entity, run no YAML tag; the exports
and the HTML view must carry article text only as escaped text.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from browser import browser_fixture, console_errors, open_page, requested_urls

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).parent / "adversarial"
DOC = "https://w3id.org/techalliance/id/doc/"
CANARY = "KG-CANARY-5c1e9"
HOSTILE_TITLE = 'Chip pact signed <script>alert("title")</script>'
HOSTILE_SENTENCE = ('Japan and South Korea signed an agreement on semiconductors and artificial '
                    'intelligence <script>alert("sentence")</script> in Tokyo on Friday.')
MARKUP = re.compile(r"<\s*/?\s*(script|img|svg|iframe|b|a)\b", re.I)

# file (relative to the build folder) -> the reason kg gives for refusing it
BAD = {
    "corpus/alias-bomb.md": "published date is a list, not a date (YYYY-MM-DD)",
    "corpus/broken-yaml.md": "front matter is not valid YAML",
    "corpus/deep.html": "HTML elements are nested more than 256 deep",
    "corpus/empty.md": "empty document",
    "corpus/feed.jsonl:2": "line is not valid JSON",
    "corpus/feed.jsonl:3": "line is a JSON list, not an object with a 'text' key",
    "corpus/feed.jsonl:4": "no 'text' key",
    "corpus/feed.jsonl:5": "'text' is a number, not a string",
    "corpus/feed.jsonl:6": "published date '2025-13-45' is not a valid date",
    "corpus/feed.jsonl:7": r"published date '\x1b[2J\x1b]0;pwned\x07' is not a valid date",
    "corpus/feed.jsonl:8": "cannot be part of an IRI",
    "corpus/feed.jsonl:9": "line is not valid JSON (nested too deeply)",
    "corpus/feed.jsonl:11": "duplicate document id 'feed-good-1'",
    "corpus/huge.txt": "file is 100.0 MB, over the 50 MB limit",
    "corpus/huge-text.txt": "text is 1,000,001 characters, over the 1,000,000",
    "corpus/impossible-date.md": "published date '2025-02-30' is not a valid date (YYYY-MM-DD)",
    "corpus/photo.txt": "binary file, not text",
    "corpus/python-name.md": "could not determine a constructor for the tag",
    "corpus/python-tag.md": "could not determine a constructor for the tag",
    "corpus/unclosed-front-matter.md": "front matter starts with '---' but has no closing '---' line",
    "corpus/whitespace-only.txt": "empty document",
    r"corpus/escape\x1b[31mname\x0a.md": "empty document",
    "empty-folder": "no documents (.md, .txt, .html, .htm, .jsonl, .rss, .atom, .warc, .warc.gz) in this folder",
    "corpus/rdf/xxe.rdf": "not an RSS, Atom or RDF feed",  # .rdf is read as an RSS 1.0 feed
    "missing.md": "no such file or folder",
}
GOOD = ["alias-bomb-ignored", "broken-markup", "canary-xxe", "entity-bomb", "escaped-entities",
        "feed-good-1", "feed-good-2", "hostile-names", "huge-word", "latin1", "long-line",
        "nul-late", "unicode-tricks", "xxe-entity"]


def kg(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=900)


def _generate(folder: Path) -> None:
    """The adversarial files that are generated rather than committed."""
    corpus = folder / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    with (corpus / "huge.txt").open("wb") as f:  # 100 MB of real text
        block = b"Seoul and Tokyo agreed to work on chips. " * 25_000 + b"\n"
        while f.tell() < 100_000_000:
            f.write(block)
        f.truncate(100_000_000)
    (corpus / "huge-text.txt").write_text("x" * 1_000_001, encoding="utf-8")
    (corpus / "huge-word.txt").write_text(
        "Japan and Korea signed a chip pact in Tokyo on Monday. " + "w" * 900_000, encoding="utf-8")
    (corpus / "long-line.txt").write_text(
        ("Italy and Greece signed a pact on drones in Rome on Monday. " * 300).strip(), encoding="utf-8")
    (corpus / "deep.html").write_text("<html><body>" + "<div>" * 300 + "<p>Too deep to read.</p>",
                                      encoding="utf-8")
    (corpus / "nul-late.txt").write_bytes(
        b"Norway and Denmark agreed to cooperate on offshore wind technology. " * 150
        + b"\x00\x00 and text after NUL bytes.\n")
    (corpus / "escape\x1b[31mname\n.md").write_bytes(b"")
    secret = folder / "secret.txt"
    secret.write_text(f"{CANARY}: do not read\n", encoding="utf-8")
    (corpus / "canary-xxe.html").write_text(
        f'<!DOCTYPE html [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>'
        "<html><body><p>Kenya and Ghana signed an agreement on mobile payments in Nairobi. "
        "Leak: &leak; end.</p></body></html>", encoding="utf-8")
    (folder / "empty-folder").mkdir()
    (folder / "empty-folder" / "notes.csv").write_text("a,b\n", encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The adversarial corpus built through the CLI; the exports and the view of it."""
    folder = tmp_path_factory.mktemp("adversarial")
    _generate(folder)
    proc = kg("build", "corpus", "empty-folder", "corpus/rdf/xxe.rdf", "missing.md",
              "--store", "store", "-q", cwd=folder)
    (folder / "corpus" / "huge.txt").unlink()  # 100 MB less left in the temporary folder
    outputs = {}
    for fmt in ("nquads", "turtle", "jsonld", "graphml", "gexf"):
        kg("export", "--store", "store", "--format", fmt, "--out", f"out.{fmt}", cwd=folder)
        outputs[fmt] = (folder / f"out.{fmt}").read_text(encoding="utf-8")
    kg("view", "--store", "store", "--out", "view.html", cwd=folder)
    outputs["html"] = (folder / "view.html").read_text(encoding="utf-8")
    return folder, proc, outputs


def _graphs(nquads: str) -> dict[str, set]:
    import pyoxigraph as ox

    graphs: dict[str, set] = {}
    for q in ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS):
        graphs.setdefault(getattr(q.graph_name, "value", ""), set()).add(q)
    return graphs


def _strings(node) -> set[str]:
    """Every string value in a JSON document."""
    if isinstance(node, dict):
        return set().union(*map(_strings, node.values())) if node else set()
    if isinstance(node, list):
        return set().union(*map(_strings, node)) if node else set()
    return {node} if isinstance(node, str) else set()


# ---- the build ------------------------------------------------------------------------

def test_adversarial_build_exits_1_and_reports_every_bad_file_on_one_line(built):
    _folder, proc, _ = built
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    errors = [line for line in lines if line.startswith("kg: error: ")]
    for where, reason in BAD.items():
        found = [line for line in errors if line.startswith(f"kg: error: {where}: ")]
        assert len(found) == 1, (where, errors)
        assert reason in found[0], found[0]
    assert len(errors) == len(BAD), errors
    # the summary, then (H item 6) the warning naming documents that gave no facts
    summary = lines[-2] if lines[-1].startswith("kg: warning: ") else lines[-1]
    assert f"built {len(GOOD)} documents" in summary and f"{len(BAD)} failed" in summary


def test_adversarial_errors_never_reach_the_terminal_raw(built):
    _folder, proc, _ = built
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", proc.stderr)  # no escape, no bell, no CR
    assert all(len(line) < 400 for line in proc.stderr.splitlines())


def test_adversarial_every_good_document_is_stored(built):
    graphs = _graphs(built[2]["nquads"])
    stored = sorted(g[len(DOC):] for g in graphs if g.startswith(DOC))
    assert stored == sorted(GOOD)


def test_adversarial_latin1_text_is_read_not_rejected(built):
    text = built[2]["nquads"]
    assert "at a caf\\u00E9 near the port" in text or "at a café near the port" in text


def test_adversarial_no_file_content_leaks_and_no_entity_expands(built):
    folder, _proc, outputs = built
    passwd = Path("/etc/passwd")
    first = passwd.read_text(errors="replace").splitlines()[0] if passwd.is_file() else "root:x:0:0"
    for name, text in outputs.items():
        assert CANARY not in text, name
        assert first not in text and "root:x:0:0" not in text, name
        assert "lollollol" not in text, name  # the billion laughs stayed unexpanded
        assert len(text) < 5_000_000, name
    assert "Leak:" not in outputs["nquads"] or "&leak;" in outputs["nquads"]
    assert not any(p.name == "kg-yaml-pwned.txt" for p in folder.rglob("*"))  # no YAML tag ran


# ---- exports and the view -------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_adversarial_xml_exports_hold_article_text_as_text(built, fmt):
    from lxml import etree

    text = built[2][fmt]
    assert not MARKUP.search(text)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(text.encode("utf-8"), parser)
    local = {etree.QName(el).localname.lower() for el in root.iter() if isinstance(el.tag, str)}
    assert not local & {"script", "img", "svg", "iframe", "a", "b"}
    values = " ".join([el.text or "" for el in root.iter()] + [v for el in root.iter() for v in el.attrib.values()])
    assert "<script>alert(" in values  # the hostile text is kept, as escaped text


def test_adversarial_jsonld_and_turtle_hold_article_text_escaped(built):
    import pyoxigraph as ox

    outputs = built[2]
    for fmt in ("jsonld", "turtle"):
        assert not MARKUP.search(outputs[fmt]), fmt
    assert HOSTILE_SENTENCE in _strings(json.loads(outputs["jsonld"]))
    literals = {t.object.value for t in ox.parse(outputs["turtle"].encode("utf-8"), format=ox.RdfFormat.TURTLE)
                if isinstance(t.object, ox.Literal)}
    assert HOSTILE_SENTENCE in literals and HOSTILE_TITLE in literals


def test_adversarial_view_holds_article_text_only_as_data(built):
    import lxml.html

    page = built[2]["html"]
    assert not MARKUP.search(page.split('id="kg-data">', 1)[1].split("</script>", 1)[0])
    root = lxml.html.document_fromstring(page)
    scripts = root.xpath("//script")
    assert [s.get("type") for s in scripts] == ["application/json", None, None]
    assert not any(s.get("src") for s in scripts)
    assert not root.xpath("//img | //iframe | //object | //embed | //a[starts-with(@href, 'javascript')]")
    handlers = [(el.tag, a) for el in root.iter() if isinstance(el.tag, str)
                for a in el.attrib if a.lower().startswith("on")]
    assert handlers == []
    data = json.loads(scripts[0].text)
    evidence = [e for edge in data["edges"] for e in edge.get("evidence", ())]
    assert any(e.get("sentence") == HOSTILE_SENTENCE and e.get("title") == HOSTILE_TITLE for e in evidence)
    assert HOSTILE_TITLE in [d["title"] for d in data["filters"]["documents"]]


driver = browser_fixture()


@pytest.mark.browser
def test_adversarial_view_in_a_browser_runs_no_injected_script(driver, built):
    from selenium.common.exceptions import NoAlertPresentException

    page = built[0] / "view.html"
    open_page(driver, page, ready="window.kgReady === true")
    titles = driver.execute_script(
        "return Array.from(document.querySelectorAll('#kg-doc option')).map(o => o.textContent)")
    assert f"hostile-names \u2014 {HOSTILE_TITLE}" in titles
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', built[2]["html"], re.S).group(1))
    edge = next(f"e{i}" for i, e in enumerate(data["edges"])
                if any(v.get("sentence") == HOSTILE_SENTENCE for v in e.get("evidence", ())))
    driver.execute_script(
        "kgNetwork.body.emitter.emit('click', {nodes: [], edges: [arguments[0]], pointer: {DOM: {x: 0, y: 0}}})",
        edge)
    panel = driver.find_element("css selector", "#kg-details").text
    assert HOSTILE_SENTENCE in panel and HOSTILE_TITLE in panel
    injected = "img, iframe, svg[onload], #kg-details script, #kg-details b, #kg-details a"
    assert driver.execute_script(f"return document.querySelectorAll('{injected}').length") == 0
    assert console_errors(driver) == []
    assert [u for u in requested_urls(driver) if u != page.resolve().as_uri() and not u.startswith("data:")] == []
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 - raises when no alert is open


# ---- readers on their own -------------------------------------------------------------

def test_adversarial_rdf_imports_expand_no_entity_and_fetch_nothing(tmp_path):
    from kg.errors import ExportError
    from kg.export import import_file
    from kg.store.oxigraph import OxigraphStore

    store = OxigraphStore()
    with pytest.raises(ExportError, match="cannot import 'rdfxml'"):
        import_file(store, CORPUS / "rdf" / "xxe.rdf", "rdfxml")
    with pytest.raises(ExportError, match=r"context 'file:///etc/passwd' is another document.*allow_remote=True"):
        import_file(store, CORPUS / "rdf" / "remote-context.jsonld", "jsonld")
    with pytest.raises(ExportError, match="context 'http://127.0.0.1:9/context.jsonld' is another document"):
        import_file(store, CORPUS / "rdf" / "import-context.jsonld", "jsonld")
    with pytest.raises(ExportError, match="no such file"):  # a URL is a file name, never fetched
        import_file(store, "http://127.0.0.1:9/data.ttl", "turtle")
    assert len(store) == 0


def test_adversarial_html_parser_settings_fetch_and_expand_nothing(tmp_path):
    from kg.documents import read_documents

    secret = tmp_path / "secret.txt"
    secret.write_text(CANARY, encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(
        f'<?xml version="1.0"?><!DOCTYPE html SYSTEM "{secret.as_uri()}" ['
        f'<!ENTITY a SYSTEM "{secret.as_uri()}"><!ENTITY % p SYSTEM "{secret.as_uri()}"> %p;'
        '<!ENTITY b "&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY c "&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY d "ha">]>'
        "<html><body><p>Start &a; &b; end.</p></body></html>", encoding="utf-8")
    [doc] = read_documents([page])
    assert CANARY not in doc.text and "hahaha" not in doc.text and doc.text.startswith("Start")
