"""Saved SPARQL queries: one ``queries/<name>.rq`` file per question, grlc-style.

A file starts with ``#+`` header lines (YAML: ``summary``, ``description``, ``tags``,
``defaults``, ``enumerate``, ``inference``, ``pagination``, ``view``) followed by the query.  Variables named
``?_name`` are required parameters, ``?__name`` optional ones; a suffix gives the kind
of value: ``_iri``, a datatype (``_integer``, ``_decimal``, ``_date``, ``_gYear``, ...)
or a language (``_en``).  Values are bound as RDF terms, never pasted into the text.
A query with ``#+ pagination: N`` answers N rows a page; the ``page`` parameter (1, 2,
...) picks one, and :meth:`SavedQuery.inline` appends its ``LIMIT``/``OFFSET``.
``#+ view: timeline`` (or ``table``, ``map``, ``graph``) names how the server's pages
show the answer first.

>>> catalogue = Catalogue.load()
>>> query = catalogue["memberships"]
>>> [p.variable for p in query.params]
['__member_iri', '__organisation_iri', '__status_iri']
>>> query.bindings({"member": "id:pakistan"})
{'member': rdflib.term.URIRef('https://w3id.org/pakru/id/pakistan')}
>>> catalogue.get_or_raise("membership")
Traceback (most recent call last):
  ...
kg.errors.QueryError: unknown query 'membership'; did you mean 'memberships'?
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import pyoxigraph
import rdflib
import yaml
from rdflib import DCTERMS, RDF, RDFS, XSD, Literal, URIRef
from rdflib.term import Node

from kg import guard
from kg.errors import QueryError
from kg.namespaces import PREFIXES, SDO, SH
from kg.workspace import shipped
from kg.params import (IRI, BadParameter, MissingParameter, Param,  # noqa: F401 (errors re-exported)
                       UnknownParameter, sparql_term)

QUERY_DIR = shipped("queries")
QUERY_NS = "https://w3id.org/pakru/query/"
ENDPOINT = URIRef("https://w3id.org/pakru/sparql")
QUERY_TYPES = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
HEADER_KEYS = ("summary", "description", "tags", "defaults", "enumerate", "inference", "pagination", "view")
VIEWS = ("table", "timeline", "map", "graph")  # how a page may show an answer (the view header)
PAGE = "page"  # the parameter that picks a page of a query with a pagination header
TOKEN = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<var>[?$][A-Za-z0-9_]+)
  | (?P<word>[A-Za-z_][\w.-]*(?::[\w.:%-]*)?|:[\w.:%-]*)
  | (?P<open>\{)
  | (?P<other>\S)""", re.VERBOSE)


@dataclass(frozen=True)
class SavedQuery:
    """A parsed ``.rq`` file: header, parameters and SPARQL text."""

    name: str
    path: Path
    summary: str
    description: str
    tags: tuple[str, ...]
    params: tuple[Param, ...]
    text: str
    query_type: str
    uses_inference: bool
    where: tuple[int, ...] = ()  # where inline() puts the VALUES row: after these "{"
    page_size: int | None = None  # rows a page (the pagination header), None: every row
    view: str = "table"  # how a page shows the answer first (the view header)

    @property
    def inputs(self) -> tuple[Param, ...]:
        """What a caller can give: the parameters, then ``page`` if the query is paginated."""
        if self.page_size is None:
            return self.params
        return self.params + (Param(PAGE, "", "page", str(XSD.integer), None, False, "1"),)

    def page(self, values: Mapping[str, str | None]) -> int:
        """The page number in ``values`` (1 if not given), checked: a whole number from 1."""
        value = values.get(PAGE)
        if value is None:
            return 1
        if self.page_size is None:
            raise UnknownParameter(f"query '{self.name}' is not paginated: it has no parameter 'page'")
        if not re.fullmatch(r"\s*\+?0*[1-9]\d{0,8}\s*", str(value)):
            raise BadParameter(f"parameter 'page' of query '{self.name}' expects a page number (1, 2, ...), "
                               f"got {value!r}")
        return int(value)

    @property
    def body(self) -> str:
        """The query without its ``#+`` header lines."""
        return "".join(line for line in self.text.splitlines(True) if not line.lstrip().startswith("#+"))

    def bindings(self, values: Mapping[str, str | None]) -> dict[str, Node]:
        """Parameter name -> RDF term, defaults applied, unset optional ones left out.

        Keys may be parameter names (``state``) or variable names (``_state_iri``);
        a value of ``None`` counts as not given.
        """
        by_key = {p.name: p for p in self.params} | {p.variable: p for p in self.params}
        given: dict[str, str] = {}
        self.page(values)
        for key, value in values.items():
            if key == PAGE:
                continue
            param = by_key.get(key.lstrip("?$"))
            if param is None:
                close = difflib.get_close_matches(key, [p.name for p in self.params], 1)
                hint = f"did you mean '{close[0]}'?" if close else \
                    f"it takes: {', '.join(p.name for p in self.inputs) or 'no parameters'}"
                raise UnknownParameter(f"query '{self.name}' has no parameter '{key}'; {hint}")
            if value is not None:
                given[param.name] = value
        out: dict[str, Node] = {}
        for p in self.params:
            value = given.get(p.name, p.default)
            if value is not None:
                out[p.name] = p.term(value, self.name)
            elif p.required:
                raise MissingParameter(f"query '{self.name}' needs parameter '{p.name}': {p.expects}")
        return out

    def inline(self, values: Mapping[str, str | None]) -> str:
        """The text with a ``VALUES`` row binding the parameters, for plain endpoints.

        The row opens the WHERE group of every SELECT that lists the parameters (the
        main one, and a subquery that selects a page, say), where FILTERs see it (a VALUES
        after the query would be joined only after FILTER and GROUP BY), as substitution
        binds a variable everywhere; unset optional parameters are ``UNDEF``.  Terms are written by :func:`sparql_term`, which escapes every special
        character of a literal (a raw TAB would reach rdflib's parser as spaces).
        A paginated query gets ``LIMIT``/``OFFSET`` for the page asked for (default 1).
        """
        terms = self.bindings(values)
        return self.paged(self._with_values(terms) if self.params else self.text, values)

    def paged(self, text: str, values: Mapping[str, str | None]) -> str:
        """``text`` (this query's, parameters bound or not) with the ``LIMIT``/``OFFSET`` of the
        page ``values`` ask for (default 1) where ``# page`` marks it, else at the end; the text
        as it is when the query is not paginated."""
        if self.page_size is None:
            return text
        limit = f"LIMIT {self.page_size} OFFSET {(self.page(values) - 1) * self.page_size}"
        mark = _page_mark(text)
        return f"{text.rstrip()}\n{limit}\n" if mark is None else text[:mark.start()] + limit + text[mark.end():]

    def _with_values(self, terms: Mapping[str, Node]) -> str:
        cells = []
        for p in self.params:
            term = terms.get(p.name)
            if isinstance(term, URIRef) and not IRI.fullmatch(str(term)):  # defence in depth
                raise BadParameter(f"parameter '{p.name}' is not an IRI: {str(term)!r}")
            cells.append("UNDEF" if term is None else sparql_term(term))
        names = " ".join("?" + p.variable for p in self.params)
        row = f"\n  VALUES ({names}) {{ ({' '.join(cells)}) }}"
        text = self.text
        for at in sorted(self.where, reverse=True):
            text = text[: at + 1] + row + text[at + 1:]
        return text


class Catalogue(Mapping[str, SavedQuery]):
    """All saved queries of a directory, parsed and checked when loaded."""

    def __init__(self, queries: Mapping[str, SavedQuery]):
        self._queries = dict(sorted(queries.items()))

    @classmethod
    def load(cls, directory: Path | None = None) -> Catalogue:
        """Parse every ``*.rq`` file; the first broken one raises :class:`QueryError`."""
        directory = Path(directory) if directory is not None else QUERY_DIR
        if not directory.is_dir():
            raise QueryError("the saved-query directory does not exist", path=directory)
        return cls({p.stem: parse_file(p) for p in sorted(directory.glob("*.rq"))})

    def __getitem__(self, name: str) -> SavedQuery:
        return self._queries[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._queries)

    def __len__(self) -> int:
        return len(self._queries)

    def closest(self, name: str) -> list[str]:
        """Names of saved queries that look like ``name``, best first."""
        return difflib.get_close_matches(name, list(self._queries), n=3, cutoff=0.5)

    def get_or_raise(self, name: str) -> SavedQuery:
        """The query called ``name``, or a :class:`QueryError` suggesting the closest name."""
        if name in self._queries:
            return self._queries[name]
        close = self.closest(name)
        hint = f"did you mean '{close[0]}'?" if close else f"known: {', '.join(self._queries)}"
        raise QueryError(f"unknown query '{name}'; {hint}")

    def to_rdf(self) -> rdflib.Graph:
        """The catalogue as SHACL SPARQL executables, in the style of SIB sparql-examples."""
        g = rdflib.Graph()
        for prefix in ("sh", "schema", "rdfs", "dcterms"):
            g.bind(prefix, PREFIXES[prefix])
        g.bind("query", QUERY_NS)
        for name, q in self._queries.items():
            node = URIRef(QUERY_NS + name)
            for p, o in [(RDF.type, SH.SPARQLExecutable), (RDF.type, SH[f"SPARQL{q.query_type.capitalize()}Executable"]),
                         (RDFS.label, Literal(q.summary, lang="en")), (DCTERMS.identifier, Literal(name)),
                         (RDFS.comment, Literal(q.description or q.summary, lang="en")),
                         (SH[q.query_type.lower()], Literal(q.body)), (SDO.target, ENDPOINT),
                         *((SDO.keywords, Literal(tag)) for tag in q.tags)]:
                g.add((node, p, o))
        return g


def parse_file(path: Path) -> SavedQuery:
    """Read and check one ``.rq`` file: header, SPARQL syntax, parameters, defaults."""
    text = path.read_text(encoding="utf-8")
    header, lines = _header(text, path)
    summary = header.get("summary")
    if not isinstance(summary, str) or not summary.strip():
        raise QueryError("the header needs '#+ summary: <one line>'", path=path, line=1)
    query_type, where, variables = _scan(text)
    _check_syntax(text, path, variables)
    params: dict[str, Param] = {}
    for var in variables:
        p = Param.from_variable(var)
        if p.name in params:
            raise QueryError(f"parameter '{p.name}' is written two ways: ?{params[p.name].variable} and ?{var}",
                             path=path, line=_line_of(text, "?" + var))
        params[p.name] = p
    if params and not where:
        raise QueryError("a query with parameters must spell out 'WHERE {'", path=path)
    for key in ("enumerate", "defaults"):
        entries = header.get(key) or []
        for item in entries if isinstance(entries, list) else [entries]:
            if not isinstance(item, dict):
                raise QueryError(f"{key}: write '- name: value', not {item!r}", path=path, line=lines.get(key))
            for name, value in item.items():
                p = params.get(str(name)) or next((q for q in params.values() if q.variable == name), None)
                if p is None:
                    raise QueryError(f"{key}: the query has no parameter '{name}'", path=path, line=lines.get(name))
                if key == "defaults":
                    params[p.name] = p = replace(p, default=str(value))
                    try:
                        p.term(p.default, path.stem)
                    except BadParameter as exc:
                        raise QueryError(f"defaults: {exc.message}", path=path, line=lines.get(name)) from None
                elif isinstance(value, list) and value:
                    params[p.name] = replace(p, enumerate=tuple(str(v) for v in value))
                else:
                    raise QueryError(f"enumerate: list the values allowed for '{name}'", path=path,
                                     line=lines.get(name))
    if PAGE in params:
        raise QueryError("'page' is the page number of a paginated query; name the variable otherwise",
                         path=path, line=_line_of(text, "?" + params[PAGE].variable))
    size = header.get("pagination")
    if size is not None and (isinstance(size, bool) or not isinstance(size, int) or size < 1):
        raise QueryError(f"pagination: give the rows a page as a whole number from 1, not {size!r}",
                         path=path, line=lines.get("pagination"))
    if size is not None and {"LIMIT", "OFFSET"} & set(_tail_words(text)):
        raise QueryError("a paginated query ends without LIMIT/OFFSET: the page adds them", path=path)
    mark = _page_mark(text)
    if mark is not None and size is None:
        raise QueryError("'# page' marks where a page's LIMIT goes: add '#+ pagination: <rows a page>'",
                         path=path, line=text.count("\n", 0, mark.start()) + 1)
    if mark is not None and any(mark.start() < at for at in where):
        raise QueryError("'# page' comes after the WHERE groups that take the parameters", path=path,
                         line=text.count("\n", 0, mark.start()) + 1)
    view = header.get("view", "table")
    if view not in VIEWS:
        raise QueryError(f"view: one of {', '.join(VIEWS)}, not {view!r}", path=path, line=lines.get("view"))
    if view != "table" and query_type != "SELECT":
        raise QueryError(f"view: {query_type} queries have no rows to show as a {view}; keep the table", path=path,
                         line=lines.get("view"))
    tags = header.get("tags") or []
    return SavedQuery(path.stem, path, summary.strip(), str(header.get("description") or "").strip(),
                      tuple(str(t) for t in (tags if isinstance(tags, list) else [tags])),
                      tuple(params.values()), text, query_type, header.get("inference") is True, where, size,
                      view)


def _header(text: str, path: Path) -> tuple[dict, dict[str, int]]:
    """The YAML of the ``#+`` lines, and the file line where each key first appears."""
    rows: list[tuple[int, str]] = []
    lines: dict[str, int] = {}
    in_body = False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("#+") and in_body:
            raise QueryError("'#+' header line after the query has started", path=path, line=number)
        if stripped.startswith("#+"):
            rows.append((number, stripped[3:] if stripped[2:3] == " " else stripped[2:]))
            if key := re.match(r"\s*-?\s*([\w-]+)\s*:", rows[-1][1]):
                lines.setdefault(key.group(1), number)
        in_body = in_body or bool(stripped and not stripped.startswith("#"))
    try:
        data = yaml.safe_load("\n".join(r for _, r in rows)) if rows else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = rows[min(mark.line, len(rows) - 1)][0] if mark else rows[0][0]
        raise QueryError(f"header is not valid YAML: {getattr(exc, 'problem', exc)}", path=path, line=line) from None
    if not isinstance(data, dict):
        raise QueryError("the header must be '#+ key: value' lines", path=path, line=rows[0][0] if rows else 1)
    for key in data:
        if key not in HEADER_KEYS:
            raise QueryError(f"unknown header key '{key}' (known: {', '.join(HEADER_KEYS)})",
                             path=path, line=lines.get(str(key)))
    return data, lines


def _scan(text: str) -> tuple[str, tuple[int, ...], list[str]]:
    """Query type, indices of the ``{`` where the parameters' VALUES row goes (none if
    there is no WHERE group) and the ``?_parameter`` names.

    The row opens the WHERE group of every SELECT that lists every parameter (the main
    one, and subqueries that use them, such as the one that selects a page); for a query
    whose main SELECT does not list them all (an ASK, say), the first WHERE group.
    """
    query_type, variables = "", []
    groups: list[tuple[set[str], int]] = []  # per "WHERE {": variables of its SELECT, index
    projected: set[str] | None = None  # between a SELECT and its WHERE
    seen_where, first_where = False, -1
    for m in TOKEN.finditer(text):
        kind, token = m.lastgroup, m.group()
        if kind == "word" and not query_type and token.upper() in QUERY_TYPES:
            query_type = token.upper()
        if kind == "word" and token.upper() == "SELECT":
            projected = set()
        elif kind == "word" and token.upper() == "WHERE":
            seen_where = True
        elif kind == "open" and seen_where:
            groups.append((projected or set(), m.start()))
            first_where = m.start() if first_where < 0 else first_where
            projected, seen_where = None, False
        elif kind == "open":
            projected = None  # a SELECT without WHERE: its group takes no row
        if kind == "var" and projected is not None:
            projected.add(token[1:])
        if kind == "var" and token[1] == "_" and token[1:] not in variables:
            variables.append(token[1:])
    where = tuple(i for names, i in groups if variables and set(variables) <= names)
    if not where or (groups and where[0] != groups[0][1]):
        where = (first_where,) + where if first_where >= 0 else where
    return query_type or "SELECT", where, variables


def _check_syntax(text: str, path: Path, variables: list[str]) -> None:
    """Parse with pyoxigraph, then bind every parameter once: a store refuses unprojected ones."""
    try:  # before pyoxigraph, which would send a SERVICE request while parsing; running the
        guard.precheck(text)  # query checks it in full (kg.guard.check, on the parsed query)
    except QueryError as exc:
        raise QueryError(exc.message, path=path) from None
    store = pyoxigraph.Store()
    try:
        store.query(text)
    except SyntaxError as exc:
        at = re.search(r"at (\d+):(\d+)", str(exc))
        raise QueryError(f"SPARQL syntax error{f', column {at.group(2)}' if at else ''}: {_short(exc)}",
                         path=path, line=int(at.group(1)) if at else None) from None
    try:
        store.query(text, substitutions={pyoxigraph.Variable(v): pyoxigraph.Literal("") for v in variables})
    except Exception as exc:  # pyoxigraph: RuntimeError "... does not contains variable ?x in its SELECT ..."
        var = re.search(r"\?(\w+)", str(exc))
        raise QueryError(f"cannot bind parameters ({_short(exc)}); list every ?_parameter after SELECT", path=path,
                         line=_line_of(text, "?" + var.group(1)) if var else None) from None


def _page_mark(text: str) -> re.Match | None:
    """The comment ``# page`` that ends the ORDER BY of the subquery selecting a page."""
    return next((m for m in TOKEN.finditer(text) if m.lastgroup == "comment"
                 and re.fullmatch(r"#\s*page\s*", m.group())), None)


def _tail_words(text: str) -> list[str]:
    """The keywords after the query's last ``}`` (upper case): its solution modifiers."""
    words: list[str] = []
    for m in TOKEN.finditer(text):
        if m.group() == "}":
            words = []
        elif m.lastgroup == "word":
            words.append(m.group().upper())
    return words


def _short(exc: Exception) -> str:
    """The first line of an error message, at most 200 characters."""
    return (str(exc).splitlines() or [type(exc).__name__])[0][:200]


def _line_of(text: str, needle: str) -> int | None:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else None
