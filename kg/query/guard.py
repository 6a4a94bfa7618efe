"""Keep SPARQL from users inside the store: no ``SERVICE``, no ``LOAD``, no ``file:`` IRIs.

``SERVICE`` makes the query engine send requests to other servers, ``LOAD`` makes the
store fetch a URL, and a ``file:`` IRI in ``FROM``, ``FROM NAMED``, ``USING`` or
``USING NAMED`` asks an engine that fetches datasets (Virtuoso, Jena) to read a local
file. :func:`check_sparql` refuses all of them unless the caller allows it.

The check reads tokens the way a SPARQL parser does, so ``"SERVICE"`` in a string or
a comment is fine while ``service`` in any case is the keyword; ``<`` is read as an IRI
or as the less-than operator from its context, so a comment cannot hide a keyword
behind a "less-than" that the lexer took for the start of an IRI.

>>> check_sparql("SELECT * { ?s ?p 'SERVICE' } # LOAD <file:///etc/passwd>")
>>> check_sparql("SELECT * { service <https://dbpedia.org/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
kg.errors.QueryError: SERVICE at line 1 is blocked: it sends the query to another server; allow it with --allow-remote (allow_remote=True)
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from kg.errors import QueryError, printable

__all__ = ["check_sparql"]

ALLOW = "--allow-remote (allow_remote=True)"

# Token patterns, tried in this order at each position.
_SPACE = re.compile(r"\s+")
_COMMENT = re.compile(r"#[^\r\n]*")
_STRING = re.compile(r"""'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                         |'(?:[^'\\\r\n]|\\.)*'|"(?:[^"\\\r\n]|\\.)*\"""", re.S | re.X)
_IRI = re.compile(r"<([^<>\"{}|^`\\\x00-\x20]*)>")
_VAR = re.compile(r"[?$][\w\u00b7\u00c0-\uffff]+")
_NAME = r"[A-Za-z\u00c0-\uffff](?:[\w.\-\u00b7\u00c0-\uffff]*[\w\-\u00b7\u00c0-\uffff])?"
_PNAME = re.compile(rf"(?:{_NAME}|_)?:(?:[\w:%\-\u00b7\u00c0-\uffff]|\\[_~.\-!$&'()*+,;=/?#@%]"
                    rf"|\.(?=[\w:%\-\u00b7\u00c0-\uffff\\]))*")
_WORD = re.compile(r"[A-Za-z_]\w*")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?")
_LANG = re.compile(r"@[A-Za-z]+(?:-[A-Za-z0-9]+)*")
_PUNCT = re.compile(r"<=|>=|!=|&&|\|\||\^\^|<<|>>|.", re.S)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_DIGITS = "0123456789"
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

# Words after which "(" opens an expression even inside a group graph pattern.
_EXPRESSION_OPENERS = {"filter", "bind", "having", "by", "asc", "desc", "select", "distinct",
                       "reduced", "in", "exists"}
# Tokens that end an operand: after one, "<" is the less-than operator.
_OPERAND_END = {"var", "string", "number", "iri", "pname", "lang"}


class _Token(NamedTuple):
    kind: str  # word, pname, iri, var, string, number, lang, punct
    text: str
    start: int


def check_sparql(sparql: str, *, allow_remote: bool = False) -> None:
    """Raise :class:`~kg.errors.QueryError` when ``sparql`` (a query or an update) uses
    ``SERVICE``, ``LOAD`` or a ``file:`` dataset IRI, unless ``allow_remote``.

    SPARQL 1.1 lets engines decode ``\\uXXXX`` escapes before parsing (Oxigraph does
    not, others do), so the text is checked with and without them decoded.
    """
    if allow_remote:
        return
    _check(sparql)
    if "\\u" in sparql or "\\U" in sparql:
        _check(_UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16))
                                   if int(m.group(1) or m.group(2), 16) <= 0x10FFFF else m.group(), sparql))


def _check(sparql: str) -> None:
    tokens = list(_split_keywords(_tokens(sparql)))
    prefixes: dict[str, str] = {}
    base = ""
    for i, token in enumerate(tokens):
        if token.kind != "word":
            continue
        # Oxigraph reads a keyword without a break after it ("SERVICESILENT<...>"),
        # so a word that starts with one counts as that keyword.
        word = token.text.lower()
        if word.startswith("service"):
            _block(sparql, token, "SERVICE", "it sends the query to another server")
        elif word.startswith("load"):
            _block(sparql, token, "LOAD", "it makes the store fetch a URL or file")
        elif word in ("prefix", "base"):
            following = tokens[i + 1:i + 3]
            if word == "base" and following and following[0].kind == "iri":
                base = _resolve(following[0].text[1:-1], base)
            elif (word == "prefix" and len(following) == 2 and following[0].kind == "pname"
                  and following[1].kind == "iri"):
                prefixes[following[0].text[:-1]] = _resolve(following[1].text[1:-1], base)
        elif word.startswith(("from", "using")):
            j = i + 1
            if j < len(tokens) and tokens[j].kind == "word" and tokens[j].text.lower().startswith("named"):
                j += 1
            if j < len(tokens):
                iri = _iri_of(tokens[j], prefixes, base)
                if iri is not None and iri[:5].lower() == "file:":
                    clause = " ".join(t.text.upper() for t in tokens[i:j])
                    _block(sparql, token, f"{clause} <{iri}>",
                           "a query may not name a local file as its dataset")


# Keywords that Oxigraph also finds at the start of a prefixed name: "SERVICE:x {}" is
# the SERVICE keyword and ":x", "FROM:f" is FROM and ":f".
_GLUED = ("service", "load", "from", "using", "named")


def _split_keywords(tokens: Iterator[_Token]) -> Iterator[_Token]:
    for token in tokens:
        prefix, _, local = token.text.partition(":")
        if token.kind == "pname" and prefix.lower().startswith(_GLUED):
            yield _Token("word", prefix, token.start)
            yield _Token("pname", ":" + local, token.start + len(prefix))
        else:
            yield token


def _block(sparql: str, token: _Token, what: str, why: str) -> None:
    line = sparql.count("\n", 0, token.start) + 1
    raise QueryError(f"{printable(what)} at line {line} is blocked: {why}; allow it with {ALLOW}")


def _iri_of(token: _Token, prefixes: dict[str, str], base: str) -> str | None:
    if token.kind == "iri":
        return _resolve(token.text[1:-1], base)
    if token.kind == "pname":
        prefix, _, local = token.text.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + local
    return None


def _resolve(iri: str, base: str) -> str:
    """An absolute IRI as far as the scheme goes: a relative one takes the base's."""
    if _SCHEME.match(iri) or not base:
        return iri
    return base + iri


def _tokens(text: str) -> Iterator[_Token]:
    """SPARQL tokens without spaces and comments.

    Brackets keep a stack of contexts: ``{`` a graph pattern, ``[`` a blank node,
    ``(`` an expression when a keyword, a function name, a (sub-)select's clauses or the
    query's top level opens it, else a collection of terms. Only in an expression, right
    after an operand, is ``<`` the less-than operator; everywhere else it starts an IRI.
    """
    stack: list[str] = []  # "pattern", "term" or "expression"
    clause = False  # in a sub-select's projection, GROUP BY, ORDER BY or HAVING
    previous: _Token | None = None
    before_previous: _Token | None = None
    pos = 0
    n = len(text)
    while pos < n:
        m = _SPACE.match(text, pos) or _COMMENT.match(text, pos)
        if m:
            pos = m.end()
            continue
        context = stack[-1] if stack else "top"
        char = text[pos]
        token = None
        if char in "'\"":
            m = _STRING.match(text, pos)
            if m:  # else an unterminated string: the quote is read as punctuation
                token = _Token("string", m.group(), pos)
        elif char == "<":
            operator = (context == "expression" and previous is not None
                        and (previous.kind in _OPERAND_END or previous.text in (")", "]")
                             or (previous.kind == "word" and previous.text.lower() in ("true", "false"))))
            m = None if operator else _IRI.match(text, pos)
            if m:
                token = _Token("iri", m.group(), pos)
        elif char in "?$":
            m = _VAR.match(text, pos)
            if m:
                token = _Token("var", m.group(), pos)
        elif char == "@":
            m = _LANG.match(text, pos)
            if m:
                token = _Token("lang", m.group(), pos)
        elif char in _DIGITS or (char == "." and pos + 1 < n and text[pos + 1] in _DIGITS):
            m = _NUMBER.match(text, pos)
            token = _Token("number", m.group(), pos)
        if token is None:
            m = _PNAME.match(text, pos)
            if m and m.group():
                token = _Token("pname", m.group(), pos)
            else:
                m = _WORD.match(text, pos)
                if m:
                    token = _Token("word", m.group(), pos)
                else:
                    token = _Token("punct", _PUNCT.match(text, pos).group(), pos)
        if token.kind == "word" and token.text.lower() in ("select", "by", "having"):
            clause = True
        elif token.kind == "punct":
            if token.text in "{}":
                clause = False
            if token.text == "{":
                stack.append("pattern")
            elif token.text == "[":
                stack.append("term")
            elif token.text == "(":
                stack.append("expression" if clause and context == "pattern"
                             else _paren_context(context, previous, before_previous))
            elif token.text in ")}]" and stack:
                stack.pop()
        pos += len(token.text)
        before_previous, previous = previous, token
        yield token


def _paren_context(context: str, previous: _Token | None, before: _Token | None) -> str:
    """What a "(" opens: an expression or a collection of terms."""
    if context in ("expression", "top"):
        return "expression"  # nested expressions; the projection, GROUP/ORDER BY, HAVING
    if previous is None:
        return "term"
    if previous.kind == "word":
        # FILTER (...), BIND (...), a built-in call such as regex(...), EXISTS; but
        # "?s a (1 2)" is a collection after the keyword "a"
        word = previous.text.lower()
        return "term" if word in ("a", "true", "false") else "expression"
    if previous.kind in ("iri", "pname") and before is not None and before.kind == "word" \
            and before.text.lower() in _EXPRESSION_OPENERS:
        return "expression"  # FILTER <function>(...)
    return "term"
