"""What a SPARQL query may do here, decided before it runs.

pyoxigraph evaluates ``SERVICE`` by sending an HTTP request as soon as the query is
handed to it, so a query must be looked at before any store sees it.  :func:`check`
parses the text (rdflib's SPARQL parser, which gives the syntax tree that pyoxigraph
does not expose) and refuses:

- ``SERVICE`` (``SILENT`` too) to any endpoint not named in ``allow_services``
  (by default none: a query never makes the server send a request);
- ``LOAD`` and every other update (the graph is changed with ``kg build``);
- groups or brackets nested deeper than :data:`MAX_DEPTH`, counted by a scan that
  skips strings, IRIs and comments, before anything recursive reads the text (5,000
  nested ``{`` crash pyoxigraph's parser).

It also reports the query's own dataset (``FROM`` / ``FROM NAMED``), so that a store
uses the union of the named graphs as the default graph only for queries that name no
graphs.

>>> check("SELECT * FROM <urn:nothing> WHERE { ?s ?p ?o }").has_dataset
True
>>> try:
...     check("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
... except Refused as exc:
...     print(exc)
SERVICE <http://127.0.0.1:9/> is refused: queries here never send requests to other endpoints
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache

from kg.errors import QueryError

#: The deepest nesting of ``{}`` and ``()`` a query may have.
MAX_DEPTH = 100
#: The recursion limit while rdflib's (recursive) parser reads a query of MAX_DEPTH.
PARSE_RECURSION = 20000
NO_REQUESTS = "queries here never send requests to other endpoints"
READ_ONLY = ("this graph is read-only: it answers queries (SELECT, ASK, CONSTRUCT, DESCRIBE), not updates; "
             "change the articles and run `kg build` to change the graph")

_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")  # an IRI's scheme
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_\-.:]*|[?$][A-Za-z0-9_]+|:[A-Za-z0-9_\-.]*")


class Refused(QueryError):
    """A query asks for something this server never does (a request elsewhere, an update)."""


@dataclass(frozen=True)
class Shape:
    """What :func:`check` found: the query's form, its own dataset and its SERVICE endpoints."""

    form: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    relative_iris: bool = True  # whether the text has an IRI without a scheme (resolved against a base)

    @property
    def has_dataset(self) -> bool:
        """Whether the query names its graphs with FROM or FROM NAMED."""
        return bool(self.default_graphs or self.named_graphs)


@dataclass(frozen=True)
class Scan:
    """The result of the lexical pass: deepest nesting and the bare keywords seen."""

    depth: int
    keywords: frozenset[str]
    relative_iris: bool = True


def scan(text: str) -> Scan:
    """Walk the text once, skipping strings, IRIs and comments: the deepest nesting of
    ``{``/``(`` and the set of bare (upper-cased) words, which are SPARQL's keywords."""
    depth = deepest = 0
    words: set[str] = set()
    relative = False
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "{(":
            depth += 1
            deepest = max(deepest, depth)
        elif c in "})":
            depth = max(0, depth - 1)
        elif c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        elif c in "'\"":
            quote = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
            continue
        elif c == "<":
            m = _IRIREF.match(text, i)
            if m:
                relative = relative or not _ABSOLUTE.match(text, i + 1)
                i = m.end()
                continue
        elif c.isalpha() or c in "?$:_":
            m = _WORD.match(text, i)
            if m:
                word = m.group()
                # a name with a colon (ex:a.b, _:b1) is one token in SPARQL too; elsewhere "."
                # and "-" end a keyword ("?s ?p true.SERVICE <x> {}" is true, ".", SERVICE)
                for part in ([word] if ":" in word else re.split(r"[.\-]", word)):
                    if part.isalpha():
                        words.add(part.upper())
                i = m.end()
                continue
        i += 1
    # an escape (\\u0073) may hide a relative IRI from the scan: assume one
    return Scan(deepest, frozenset(words), relative or "\\u" in text.lower())


def _walk(node, found: list) -> None:
    """Every ServiceGraphPattern / update operation in an rdflib parse tree."""
    name = getattr(node, "name", None)
    if name == "ServiceGraphPattern":
        found.append(node)
    if isinstance(node, dict):
        for value in node.values():
            _walk(value, found)
    elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        for value in node:
            _walk(value, found)


def _endpoint(term) -> str:
    text = str(term)
    return f"?{text}" if type(term).__name__ == "Variable" else f"<{text}>"


def _parse(text: str):
    """rdflib's parse tree of a query, or None when rdflib cannot read it."""
    from rdflib.plugins.sparql.parser import parseQuery

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, PARSE_RECURSION))
    try:
        return parseQuery(text)
    except Exception:  # pyparsing's ParseException, RecursionError, and rdflib's term errors
        return None
    finally:
        sys.setrecursionlimit(limit)


def sparql_syntax_error(message: str, text: str) -> QueryError:
    """A :class:`QueryError` saying where (line, column) the SPARQL text is broken."""
    m = re.search(r"(\d+):(\d+)(?:-\d+:\d+)?:\s*(.*)", message, re.S)
    if not m:
        return QueryError(f"SPARQL syntax error: {message}")
    line, col, what = int(m[1]), int(m[2]), m[3].strip()
    lines = text.splitlines() or [""]
    shown = lines[line - 1] if 0 < line <= len(lines) else ""
    return QueryError(f"SPARQL syntax error at line {line}, column {col}: {what}\n"
                      f"  {shown}\n  {' ' * max(col - 1, 0)}^", line=line)


def syntax(text: str) -> None:
    """Raise a :class:`QueryError` with line and column if ``text`` is not a SPARQL 1.1
    query.  pyoxigraph gives the best message but evaluates what it parses, so it reads
    only text without SERVICE; other text is judged by rdflib's parser."""
    lexed = scan(text)
    if lexed.depth > MAX_DEPTH:
        raise _too_deep(lexed.depth)
    if "SERVICE" in lexed.keywords:
        if _parse(text) is None:
            raise QueryError("SPARQL syntax error (the query uses SERVICE, so only rdflib's parser read it)")
        return
    import pyoxigraph

    try:
        pyoxigraph.Store().query(text)
    except SyntaxError as exc:
        raise sparql_syntax_error(str(exc), text) from None


def precheck(text: str) -> Scan:
    """The quick check, by :func:`scan` alone, that makes it safe to hand ``text`` to
    pyoxigraph (whose parser evaluates SERVICE): refuses nesting past :data:`MAX_DEPTH`
    and the keywords SERVICE and LOAD, which a scan finds exactly (a bare word is never
    part of a name, variable, IRI or string).  :func:`check` is the full check."""
    lexed = scan(text)
    if lexed.depth > MAX_DEPTH:
        raise _too_deep(lexed.depth)
    if "SERVICE" in lexed.keywords:
        raise Refused(f"SERVICE is refused: {NO_REQUESTS}")
    if "LOAD" in lexed.keywords:
        raise Refused(f"LOAD is refused: {NO_REQUESTS}, and {READ_ONLY}")
    return lexed


def _too_deep(depth: int) -> QueryError:
    return QueryError(f"the query nests groups or brackets {depth} deep; this server reads at most "
                      f"{MAX_DEPTH} levels: flatten the query")


def _is_update(text: str) -> bool:
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text)
        return True
    except Exception:
        return False


#: Words after which a query is read by rdflib's parser: SERVICE and LOAD, the update
#: operations, which get their own refusal, and FROM, whose graphs the shape names.
PARSED = frozenset({"SERVICE", "LOAD", "INSERT", "DELETE", "WITH", "USING", "CLEAR", "DROP", "CREATE", "ADD",
                    "MOVE", "COPY", "FROM"})


def _shape_of_words(lexed: Scan) -> Shape:
    """The shape as far as the bare keywords tell it: the form, and whether the query
    names graphs (FROM / FROM NAMED, exact as bare words; their IRIs are not known)."""
    named = ("?",) if "NAMED" in lexed.keywords and "FROM" in lexed.keywords else ()
    default = ("?",) if "FROM" in lexed.keywords and not named else ()
    return Shape(_form(lexed.keywords), default, named, relative_iris=lexed.relative_iris)


@lru_cache(maxsize=4096)
def inspect(text: str) -> Shape:
    """The shape of ``text``; raises :class:`QueryError` for nesting past
    :data:`MAX_DEPTH`, an update (LOAD included) or SERVICE, and for a syntax error in
    a query it parses.  Cached by text.

    A query in which the scan finds none of the words of :data:`PARSED` (and no
    ``\\u`` escape, which rdflib expands before reading keywords) calls no other
    endpoint, changes nothing and names no graphs, so its shape comes from the scan alone
    (tens of microseconds instead of tens of milliseconds in rdflib's parser); its
    syntax errors are then reported by the store, with line and column."""
    lexed = scan(text)
    if lexed.depth > MAX_DEPTH:
        raise _too_deep(lexed.depth)
    if not lexed.keywords & PARSED and "\\u" not in text.lower():
        return _shape_of_words(lexed)
    tree = _parse(text)
    if tree is None:
        if "LOAD" in lexed.keywords and _is_update(text):
            raise Refused(f"LOAD is refused: {NO_REQUESTS}, and {READ_ONLY}")
        if _is_update(text):
            raise Refused(READ_ONLY)
        # rdflib may be stricter than the store: fall back on the keywords, which are exact
        # for SERVICE and FROM (a bare word is never part of a name, variable or string).
        if "SERVICE" in lexed.keywords:
            raise Refused(f"SERVICE is refused: {NO_REQUESTS}")
        syntax(text)  # raises with line and column; no SERVICE can reach the store
        return _shape_of_words(lexed)
    query = tree[1]
    dataset = query.get("datasetClause") or []
    default = tuple(str(d["default"]) for d in dataset if "default" in d)
    named = tuple(str(d["named"]) for d in dataset if "named" in d)
    found: list = []
    _walk(query, found)
    services = tuple(_endpoint(s["term"]) for s in found)
    if not services and "SERVICE" in lexed.keywords:  # defence in depth: the keyword is exact
        raise Refused(f"SERVICE is refused: {NO_REQUESTS}")
    form = query.name.replace("Query", "").upper()
    return Shape(form, default, named, services, lexed.relative_iris)


def _form(keywords: frozenset[str]) -> str:
    for form in ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK"):
        if form in keywords:
            return form
    return "SELECT"


def check(text: str, allow_services: frozenset[str] | tuple[str, ...] = ()) -> Shape:
    """The shape of ``text`` after refusing what this module refuses (see above);
    ``allow_services`` names endpoints (IRIs) a SERVICE may call, for local use."""
    shape = inspect(text)
    for endpoint in shape.services:
        if endpoint.strip("<>") not in allow_services:
            raise Refused(f"SERVICE {endpoint} is refused: {NO_REQUESTS}"
                          + (f" (allowed: {', '.join(sorted(allow_services))})" if allow_services else ""))
    return shape


__all__ = ["MAX_DEPTH", "Refused", "Shape", "check", "inspect", "precheck", "scan", "syntax", "sparql_syntax_error"]
