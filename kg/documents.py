"""Read files and folders into ``Document`` records (CONTRACT.md section 1).

``.md``/``.markdown``/``.txt`` files may start with YAML front matter, ``.html``/``.htm``
files give their main text and metadata, ``.jsonl`` files hold one document per line.
Every body goes through :func:`kg.clean.clean`: ``Document.text`` is the cleaned text
that extraction reads, ``Document.written`` the body as written (the document text that
evidence offsets index) and :meth:`Document.as_written` maps spans from one to the other.
Feeds (``.rss``, ``.atom``, ``.rdf``, ``.xml``), web archives (``.warc``, ``.warc.gz``),
tables (``.csv``, ``.tsv``) and http(s) URLs of feeds or pages are read by
:mod:`kg.sources`.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "deal.md").write_text("---\\npublished: 2025-10-29\\n---\\nSeoul and Washington\\nsigned a pact.\\n")
>>> [(d.id, d.published.isoformat(), d.text) for d in read_documents([folder])]
[('deal', '2025-10-29', 'Seoul and Washington signed a pact.')]
"""
from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.clean import OffsetMap, clean, clean_text
from kg.errors import InputError
from kg.log import logger
from kg.vocab import doc_iri, slug

__all__ = ["Document", "read_documents", "SUFFIXES", "MAX_CHARS"]

SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm", ".jsonl")
"""Documents read from files of these kinds (and from feeds, archives and tables)."""
_TEXT_SUFFIXES = {".md", ".markdown", ".txt"}
_HTML_SUFFIXES = {".html", ".htm"}
# read in folders besides SUFFIXES (tables, .xml and .rdf only when named: they may be data)
_FOLDER_EXTRA = (".rss", ".atom", ".warc", ".warc.gz")
_READS = ("kg reads .md, .txt, .html, .htm, .jsonl, feeds (.rss, .atom, .rdf, .xml), "
          "web archives (.warc, .warc.gz) and tables (.csv, .tsv)")
_IN_FOLDERS = ".md, .txt, .html, .htm, .jsonl, .rss, .atom, .warc, .warc.gz"
_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://")
_MANGLED_URL = re.compile(r"(https?:)/(?=[^/])", re.I)
_KEYS = ("id", "title", "published", "url", "source")
_SNIFF = 8192
_LEAD = ("kg", "lead")  # fields key (never a JSON key): text before the body
MAX_CHARS = 1_000_000
"""Longest document text read: spaCy's pipelines refuse longer texts (``nlp.max_length``)."""
# Characters that cannot stand in the {id} of tai:doc/{id} (RFC 3987 excludes them).
_BAD_ID = re.compile(r"[\s<>\"{}|\\^`#?\x00-\x1f\x7f]")
_FRONT_END = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
# Control characters other than whitespace: dropped from titles, sources and URLs.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


@dataclasses.dataclass(frozen=True, slots=True)
class Document:
    """One news article: its cleaned text and what is known about it."""

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None
    line: int | None = None
    content_hash: str = ""
    written: str | None = None  # the body as written; None: ``text`` is as written
    offsets: OffsetMap | None = None  # from ``text`` to ``written``

    def as_written(self, start: int, end: int) -> tuple[int, int, str]:
        """The span ``text[start:end]`` in the body as written: ``(start, end, words)``,
        ``words`` being the written text there with its whitespace collapsed."""
        if self.written is None or self.offsets is None:
            return start, end, " ".join(self.text[start:end].split())
        a, b = self.offsets.span(start, end)
        return a, b, " ".join(self.written[a:b].split())

    @property
    def iri(self) -> str:
        """``tai:doc/{id}``, the IRI of the document and of its named graph."""
        return doc_iri(self.id)


def read_documents(
    paths: Iterable[str | Path],
    *,
    on_error: Callable[[InputError], None] | None = None,
    max_bytes: int = 50_000_000,
    max_chars: int = MAX_CHARS,
    sources=None,
) -> Iterator[Document]:
    """Yield the documents in ``paths`` (files and folders, folders recursively).

    Each file or JSONL line that cannot be read becomes one :class:`InputError` passed to
    ``on_error`` (default: raised), and reading goes on with the next one: so does a file
    over ``max_bytes`` and a document whose text is over ``max_chars``. A file named
    twice is read once. Ids must be unique within one call: a derived id (from a file
    name) that is taken gets its folder names as prefix (``tech-001``); a duplicate
    explicit id is an error.

    ``paths`` may also hold http(s) URLs of feeds or pages and :class:`Document`
    records (passed through); ``sources`` (a :class:`kg.sources.SourceOptions`) says how
    feeds, pages, archives and tables are read.
    """

    def fail(error: InputError) -> None:
        if on_error is None:
            raise error
        on_error(error)

    seen_files: set = set()
    seen_ids: dict[str, str] = {}
    options = sources

    def source_options():
        nonlocal options
        if options is None:
            from kg.sources import SourceOptions

            options = SourceOptions()
        return options

    def emit(pairs) -> Iterator[Document]:
        for doc, explicit in pairs:
            if len(doc.text) > max_chars:
                fail(InputError(doc.path if doc.line is None else f"{doc.path}:{doc.line}",
                                f"text is {len(doc.text):,} characters, over the {max_chars:,} "
                                "kg extracts from one document; split it into smaller documents"))
                continue
            doc = _unique(doc, explicit, seen_ids, fail)
            if doc is not None:
                seen_ids[doc.id] = doc.path if doc.line is None else f"{doc.path}:{doc.line}"
                yield doc

    for given in paths:
        if isinstance(given, Document):
            yield from emit([(given, True)])
            continue
        if isinstance(given, Path) and (m := _MANGLED_URL.match(str(given))) and not given.exists():
            given = f"{m.group(1)}//{str(given)[m.end():]}"  # a URL that went through Path
        if isinstance(given, str) and _URL.match(given):
            from kg.sources.dispatch import read_url

            yield from emit(_guarded(read_url(given, source_options(), fail), fail))
            continue
        given = Path(given)
        if given.is_dir():
            files = _folder_files(given, fail)
            if files is None:
                continue
            if not files:
                fail(InputError(given, f"no documents ({_IN_FOLDERS}) in this folder"))
                continue
        elif given.is_file():
            suffix = given.suffix.lower()
            if suffix not in SUFFIXES and _source_kind(given) is None:
                kind = f"'{given.suffix}'" if given.suffix else "(no file extension)"
                fail(InputError(given, f"unsupported file type {kind}; {_READS}"))
                continue
            files = [given]
        elif given.exists() or given.is_symlink():
            reason = "broken symbolic link" if not given.exists() else "not a regular file or folder"
            fail(InputError(given, reason))
            continue
        else:
            fail(InputError(given, "no such file or folder"))
            continue
        for path in files:
            try:
                stat = path.stat()
                key = (stat.st_dev, stat.st_ino)
            except OSError:
                key = str(path)
            if key in seen_files:
                continue
            seen_files.add(key)
            kind = _source_kind(path)
            if kind is not None:
                from kg.sources.dispatch import read_source_file

                pairs = _guarded(read_source_file(path, kind, source_options(), fail, max_bytes), fail)
            else:
                pairs = _read_file(path, max_bytes, fail)
            yield from emit(pairs)


def _source_kind(path: Path) -> str | None:
    """``feed``, ``warc`` or ``table`` for files that kg.sources reads, else None."""
    name = path.name.lower()
    if not name.endswith((".rss", ".atom", ".rdf", ".xml", ".warc", ".warc.gz", ".csv", ".tsv")):
        return None
    from kg.sources.dispatch import file_kind

    return file_kind(path)


def _guarded(pairs, fail):
    """``pairs`` until one raises an InputError, which is reported; reading goes on."""
    try:
        yield from pairs
    except InputError as error:
        fail(error)


def _folder_files(folder: Path, fail) -> list[Path] | None:
    """Readable files under ``folder`` in sorted order, skipping hidden names; None when
    ``folder`` itself cannot be listed (the error is reported)."""
    found: list[Path] = []
    unreadable: list[str] = []

    def walk_error(exc: OSError) -> None:
        unreadable.append(exc.filename)
        fail(InputError(exc.filename or folder, f"cannot read folder ({exc.strerror})"))

    inside = folder.resolve()
    for root, dirs, names in os.walk(folder, onerror=walk_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(root)
        for name in names:
            path = base / name
            if name.startswith(".") or (path.suffix.lower() not in SUFFIXES
                                         and not name.lower().endswith(_FOLDER_EXTRA)):
                continue
            if path.is_symlink() and not path.resolve().is_relative_to(inside):
                # a folder of downloaded articles must not pull in /etc/passwd or ~/.ssh
                fail(InputError(path, f"symbolic link to {path.resolve()}, outside {folder}; kg follows "
                                      "no link out of a folder (name the file itself to read it)"))
                continue
            found.append(path)
    if str(folder) in unreadable:
        return None
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def _unique(doc: Document, explicit: bool, seen: dict[str, str], fail) -> Document | None:
    """Keep ids unique in one run: rename a derived id, reject a repeated explicit one."""
    if doc.id not in seen:
        return doc
    where = doc.path if doc.line is None else f"{doc.path}:{doc.line}"
    if explicit:
        fail(InputError(where, f"duplicate document id '{doc.id}', already used by {seen[doc.id]}; "
                               "give each document its own id"))
        return None
    new_id = doc.id
    for folder in Path(os.path.abspath(doc.path or "")).parent.parts[::-1]:
        if new_id not in seen:
            break
        new_id = f"{slug(folder)}-{new_id}"
    n = 2
    while new_id in seen:
        new_id, n = f"{doc.id}-{n}", n + 1
    logger.info("%s: id '%s' is taken by %s; using '%s'", where, doc.id, seen[doc.id], new_id)
    return dataclasses.replace(doc, id=new_id)


def _read_file(path: Path, max_bytes: int, fail) -> Iterator[tuple[Document, bool]]:
    """Documents of one file, with whether their id was given (True) or derived."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            fail(InputError(path, f"file is {_size(size)}, over the {_limit(max_bytes)} limit"))
            return
        raw = path.read_bytes()
    except OSError as exc:
        fail(InputError(path, f"cannot read file ({exc.strerror or exc})"))
        return
    suffix = path.suffix.lower()
    try:
        text, encoding = _decode(path, raw, html=suffix in _HTML_SUFFIXES)
        if not text.strip():
            raise InputError(path, "empty document")
        if suffix == ".jsonl":
            yield from _read_jsonl(path, raw, text, encoding, fail)
            return
        digest = hashlib.sha256(raw).hexdigest()
        if suffix in _HTML_SUFFIXES:
            fields = _read_html(path, text)
        else:
            fields = _read_text(path, text, markdown=suffix != ".txt")
        yield _document(path, fields, None, digest, default_id=slug(path.stem),
                        lead=fields.pop(_LEAD, ""))
    except InputError as error:
        fail(error)


def _decode(path: Path, raw: bytes, *, html: bool = False) -> tuple[str, str]:
    """Text and encoding of ``raw``: UTF-8 (BOM stripped), UTF-16 with a BOM, else
    the charset an HTML page declares, else cp1252 (Windows Latin-1), else Latin-1."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    if b"\x00" in raw[:_SNIFF]:
        raise InputError(path, "binary file, not text")
    try:
        return raw.decode("utf-8-sig"), "utf-8-sig"
    except UnicodeDecodeError:
        pass
    encodings = ["cp1252", "latin-1"]
    if html and (m := re.search(rb"""charset\s*=\s*["']?([\w.:-]+)""", raw[:4096], re.I)):
        encodings.insert(0, m.group(1).decode("ascii"))
    for encoding in encodings:
        try:
            return raw.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def _read_text(path: Path, text: str, *, markdown: bool) -> dict:
    """Front matter fields plus ``text`` (the raw body) of a Markdown or text file."""
    fields: dict = {}
    if re.match(r"---[ \t]*\r?\n", text):
        end = _FRONT_END.search(text, text.index("\n") + 1)
        if end is None:
            raise InputError(path, "front matter starts with '---' but has no closing '---' line")
        fields = _front_matter(path, text[text.index("\n") + 1:end.start()])
        body = text[end.end() + 1:]
    else:
        body = text
        first, _, rest = body.lstrip("\r\n").partition("\n")
        headline = first.strip()
        if markdown and re.match(r"#[ \t]", headline):
            headline = headline[1:].strip()
        # A BBC-style headline: a short first line without a final period, then a blank line.
        if (headline and len(headline) < 150 and not headline.endswith(".")
                and not rest.partition("\n")[0].strip() and rest.strip()):
            fields["title"] = headline
            fields[_LEAD] = body[:len(body) - len(rest)]  # the headline stays in the document text
            body = rest
    fields["text"] = body
    return fields


def _front_matter(path: Path, source: str) -> dict:
    import yaml  # imported when needed: `import kg` stays fast

    try:
        data = yaml.load(source, Loader=_front_matter_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 2}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or _show(str(exc)) or type(exc).__name__
        raise InputError(path, f"front matter is not valid YAML ({where}{problem})") from exc
    except (ValueError, TypeError, RecursionError) as exc:
        raise InputError(path, f"front matter is not valid YAML ({exc})") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(path, f"front matter is not a mapping of keys to values "
                               f"(it is a {_kind(data)}); write 'key: value' lines")
    return data


_LOADER = None


def _front_matter_loader():
    """A safe YAML loader that keeps every scalar as text (``id: 007`` stays '007')."""
    global _LOADER
    if _LOADER is None:
        import yaml

        class Loader(yaml.SafeLoader):
            pass

        null = "tag:yaml.org,2002:null"
        Loader.yaml_implicit_resolvers = {
            first: [(tag, regex) for tag, regex in resolvers if tag == null]
            for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }
        _LOADER = Loader
    return _LOADER


def _read_jsonl(path: Path, raw: bytes, text: str, encoding: str, fail
                ) -> Iterator[tuple[Document, bool]]:
    """One document per line; ``content_hash`` is the hash of the line's bytes."""
    if encoding == "utf-16":  # "\n" is not one byte: split the text and hash it as UTF-8
        raw_lines = [line.encode("utf-8") for line in text.split("\n")]
        encoding = "utf-8"
    else:
        raw_lines = raw.split(b"\n")
        raw_lines[0] = raw_lines[0].removeprefix(codecs.BOM_UTF8)
    stem = slug(path.stem)
    count = 0
    for number, raw_line in enumerate(raw_lines, start=1):
        raw_line = raw_line.rstrip(b"\r")
        line = raw_line.decode(encoding)
        if not line.strip():
            continue
        count += 1
        where = f"{path}:{number}"
        try:
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(where, f"line is not valid JSON (column {exc.colno}: {exc.msg})") from exc
            except RecursionError as exc:
                raise InputError(where, "line is not valid JSON (nested too deeply)") from exc
            if not isinstance(record, dict):
                raise InputError(where, f"line is a JSON {_kind(record)}, not an object with a 'text' key")
            if "text" not in record:
                raise InputError(where, "no 'text' key; each line needs the document body in 'text'")
            if not isinstance(record["text"], str):
                raise InputError(where, f"'text' is a {_kind(record['text'])}, not a string")
            digest = hashlib.sha256(raw_line).hexdigest()
            yield _document(where, record, number, digest, default_id=f"{stem}-{number}", file=path)
        except InputError as error:
            fail(error)
    if not count:
        raise InputError(path, "empty document")


def _document(where, fields: dict, line: int | None, digest: str, *, default_id: str,
              file: Path | None = None, lead: str = "") -> tuple[Document, bool]:
    """Check the metadata fields and build the Document (``file`` for JSONL lines; ``lead``:
    the written text before the body, a headline taken as title)."""
    values = {key: _text_value(where, key, fields.get(key)) for key in _KEYS if key != "published"}
    doc_id = values.pop("id")
    if doc_id is not None and _BAD_ID.search(doc_id):
        bad = _BAD_ID.search(doc_id).group()
        raise InputError(where, f"id '{_show(doc_id)}' cannot be part of an IRI (it contains {bad!r}); "
                                "use letters, digits, '-', '_' and '.'")
    published = fields.get("published")
    if not isinstance(published, dt.date):
        published = _parse_date(where, published)
    elif isinstance(published, dt.datetime):
        published = published.date()
    cleaned = clean(fields["text"], shift=len(lead))
    text = cleaned.text
    if not text:
        raise InputError(where, "empty document")
    document = Document(
        id=doc_id or default_id, text=text, published=published, path=str(file or where),
        line=line, content_hash=digest, written=lead + fields["text"], offsets=cleaned.offsets, **values,
    )
    return document, doc_id is not None


def _text_value(where, key: str, value) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        if key != "id":  # an id with a control character is refused, not mended
            value = _CONTROL.sub("", value)
        return " ".join(value.split()) or None
    if isinstance(value, (int, float, dt.date)) and not isinstance(value, bool):
        return str(value)
    raise InputError(where, f"'{key}' is a {_kind(value)}; it must be a single text value")


def _parse_date(where, value) -> dt.date | None:
    """A date from an ISO date or datetime string (None when there is no value)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        text = value.strip()
        for parse in (dt.date.fromisoformat, lambda s: dt.datetime.fromisoformat(s).date()):
            try:
                return parse(text)
            except ValueError:
                pass
    if isinstance(value, (list, dict)):  # never printed: a YAML alias bomb is a billion items
        raise InputError(where, f"published date is a {_kind(value)}, not a date (YYYY-MM-DD)")
    shown = value if isinstance(value, str) else json.dumps(value, default=str)
    raise InputError(where, f"published date '{_show(shown)}' is not a valid date (YYYY-MM-DD)")


def _kind(value) -> str:
    return {dict: "mapping", list: "list", str: "string", bool: "boolean", int: "number",
            float: "number", type(None): "null"}.get(type(value), type(value).__name__)


def _show(text: str, width: int = 60) -> str:
    """``text`` on one line, shortened, for an error message."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.1f} KB" if n >= 1e3 else f"{n} bytes"


def _limit(n: int) -> str:
    return f"{n / 1e6:g} MB" if n >= 1e6 else f"{n / 1e3:g} KB" if n >= 1e3 else f"{n} bytes"


# --- HTML -------------------------------------------------------------------------

def _read_html(path: Path, text: str) -> dict:
    """Metadata and main text of a saved HTML page (see :mod:`kg.sources.web`)."""
    from kg.sources.web import read_html

    return read_html(path, text)
