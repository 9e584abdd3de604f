"""Saved SPARQL queries: one ``queries/<name>.rq`` file per question, grlc-style.

A file starts with ``#+`` header lines (YAML: ``summary``, ``description``, ``tags``,
``defaults``, ``enumerate``, ``inference``) followed by the query.  Variables named
``?_name`` are required parameters, ``?__name`` optional ones; a suffix gives the kind
of value: ``_iri``, a datatype (``_integer``, ``_decimal``, ``_date``, ``_gYear``, ...)
or a language (``_en``).  Values are bound as RDF terms, never pasted into the text.

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
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pyoxigraph
import rdflib
import yaml
from rdflib import DCTERMS, RDF, RDFS, XSD, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Node

from kg.errors import QueryError
from kg.namespaces import PREFIXES, SDO, SH

QUERY_DIR = Path(__file__).resolve().parents[1] / "queries"
QUERY_NS = "https://w3id.org/pakru/query/"
ENDPOINT = URIRef("https://w3id.org/pakru/sparql")
HEADER_KEYS = {"summary", "description", "tags", "defaults", "enumerate", "inference"}
LANGUAGES = {"en", "ru", "ur"}
# grlc datatype suffix -> (lexical form, example shown in errors)
LEXICAL = {
    "integer": (r"[+-]?\d+", "42"),
    "nonNegativeInteger": (r"\+?\d+", "42"),
    "decimal": (r"[+-]?(\d+(\.\d*)?|\.\d+)", "700000000"),
    "double": (r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|NaN|-?INF", "1.5e9"),
    "boolean": (r"true|false|1|0", "true"),
    "date": (r"\d{4}-\d{2}-\d{2}", "2018-10-21"),
    "gYearMonth": (r"\d{4}-(0[1-9]|1[0-2])", "2015-07"),
    "gYear": (r"\d{4}", "2005"),
    "string": (r"(?s:.*)", "text"),
}
IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]*")
TOKEN = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<var>[?$][A-Za-z0-9_]+)
  | (?P<word>[A-Za-z_][\w.-]*(?::[\w.:%-]*)?|:[\w.:%-]*)
  | (?P<open>\{)
  | (?P<other>\S)""", re.VERBOSE)


class MissingParameter(QueryError):
    """A required parameter has neither a value nor a default."""


class UnknownParameter(QueryError):
    """A value was given for a parameter the query does not have."""


class BadParameter(QueryError):
    """A value does not fit its parameter (not an IRI, wrong lexical form, not allowed)."""


@dataclass(frozen=True)
class Param:
    """One parameter, read from a ``?_name_suffix`` variable of the query."""

    name: str
    variable: str
    kind: str
    datatype: str | None
    lang: str | None
    required: bool
    default: str | None
    enumerate: tuple[str, ...] = ()

    @classmethod
    def from_variable(cls, variable: str) -> Param:
        """``"__since_gYear"`` -> an optional xsd:gYear literal parameter named ``since``."""
        required = not variable.startswith("__")
        name, _, suffix = variable.lstrip("_").rpartition("_")
        kind, datatype, lang = "literal", None, None
        if name and suffix == "iri":
            kind = "iri"
        elif name and suffix in LEXICAL:
            datatype = str(XSD[suffix])
        elif name and suffix in LANGUAGES:
            lang = suffix
        else:
            name = variable.lstrip("_")
        return cls(name, variable, kind, datatype, lang, required, None)

    def term(self, value: str, query: str = "?") -> Node:
        """The RDF term for ``value``, or :class:`BadParameter` saying what is expected."""
        where = f"parameter '{self.name}' of query '{query}'"
        if self.kind == "iri":
            iri = expand(value)
            if not IRI.fullmatch(iri):
                raise BadParameter(f"{where} expects an IRI such as https://w3id.org/pakru/id/pakistan"
                                   f" or id:pakistan, got {value!r}")
            term: Node = URIRef(iri)
        elif self.datatype:
            local = self.datatype.rsplit("#", 1)[1]
            pattern, example = LEXICAL[local]
            if not re.fullmatch(pattern, value) or (local == "date" and not _is_date(value)):
                raise BadParameter(f"{where} expects an xsd:{local} such as {example}, got {value!r}")
            term = Literal(value, datatype=URIRef(self.datatype), normalize=False)
        else:
            term = Literal(value, lang=self.lang)
        if self.enumerate and term not in {_same_kind(self, v) for v in self.enumerate}:
            raise BadParameter(f"{where} expects one of {', '.join(self.enumerate)}, got {value!r}")
        return term


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
    where: int = -1  # index of the "{" that opens the WHERE clause (for inline())

    @property
    def body(self) -> str:
        """The query without its leading comment and header lines."""
        lines = self.text.splitlines()
        while lines and (not lines[0].strip() or lines[0].lstrip().startswith("#")):
            lines.pop(0)
        return "\n".join(lines) + "\n"

    def bindings(self, values: Mapping[str, str | None]) -> dict[str, Node]:
        """Parameter name -> RDF term, with defaults applied; optional unset ones left out.

        Keys may be parameter names (``state``) or variable names (``_state_iri``).
        """
        by_key = {p.name: p for p in self.params} | {p.variable: p for p in self.params}
        given: dict[str, str] = {}
        for key, value in values.items():
            param = by_key.get(key.lstrip("?$"))
            if param is None:
                hint = difflib.get_close_matches(key, [p.name for p in self.params], 1)
                names = ", ".join(p.name for p in self.params) or "none"
                raise UnknownParameter(f"query '{self.name}' has no parameter '{key}'"
                                       + (f"; did you mean '{hint[0]}'?" if hint else f" (it takes: {names})"))
            if value is not None:
                given[param.name] = value
        out: dict[str, Node] = {}
        for p in self.params:
            value = given.get(p.name, p.default)
            if value is None:
                if p.required:
                    raise MissingParameter(f"query '{self.name}' needs parameter '{p.name}' ({_describe(p)})")
                continue
            out[p.name] = p.term(value, self.name)
        return out

    def inline(self, values: Mapping[str, str | None]) -> str:
        """The text with a ``VALUES`` block binding the parameters, for plain endpoints.

        The block opens the WHERE group, where FILTERs can see it (a trailing VALUES is
        joined only after FILTER and GROUP BY).  Terms are written with ``n3()``.
        """
        terms = self.bindings(values)
        if not self.params:
            return self.text
        cells = []
        for p in self.params:
            term = terms.get(p.name)
            if isinstance(term, URIRef) and not IRI.fullmatch(str(term)):  # defence in depth
                raise BadParameter(f"not an IRI: {term!r}")
            cells.append(term.n3() if term is not None else "UNDEF")
        names = " ".join("?" + p.variable for p in self.params)
        block = f"\n  VALUES ({names}) {{ ({' '.join(cells)}) }}"
        return self.text[: self.where + 1] + block + self.text[self.where + 1:]


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
        """The query called ``name``, or a :class:`QueryError` suggesting the closest names."""
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
            kind = q.query_type.capitalize()
            g.add((node, RDF.type, SH.SPARQLExecutable))
            g.add((node, RDF.type, SH[f"SPARQL{kind}Executable"]))
            g.add((node, RDFS.label, Literal(q.summary, lang="en")))
            g.add((node, RDFS.comment, Literal(q.description or q.summary, lang="en")))
            g.add((node, DCTERMS.identifier, Literal(name)))
            g.add((node, SH[q.query_type.lower()], Literal(q.body)))
            g.add((node, SDO.target, ENDPOINT))
            for tag in q.tags:
                g.add((node, SDO.keywords, Literal(tag)))
        return g


def expand(value: str) -> str:
    """``id:pakistan`` -> ``https://w3id.org/pakru/id/pakistan``; other text unchanged."""
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return str(PREFIXES[prefix]) + local
    return value


def parse_file(path: Path) -> SavedQuery:
    """Read and check one ``.rq`` file (header, SPARQL syntax, parameters)."""
    text = path.read_text(encoding="utf-8")
    header, lines = _header(text, path)
    summary = header.get("summary")
    if not isinstance(summary, str) or not summary.strip():
        raise QueryError("the header needs '#+ summary: <one line>'", path=path, line=1)
    query_type, projected = _check_syntax(text, path)
    variables = [m.group("var")[1:] for m in TOKEN.finditer(text) if m.lastgroup == "var"]
    params: dict[str, Param] = {}
    for var in dict.fromkeys(v for v in variables if v.startswith("_")):
        p = Param.from_variable(var)
        if p.name in params:
            raise QueryError(f"parameter '{p.name}' is written two ways: ?{params[p.name].variable}"
                             f" and ?{var}", path=path, line=_line_of(text, "?" + var))
        if projected is not None and var not in projected:
            raise QueryError(f"SELECT must list ?{var} (stores bind parameters on projected variables)",
                             path=path, line=_line_of(text, "?" + var))
        params[p.name] = p
    for key in ("defaults", "enumerate"):
        for name, value in _entries(header.get(key), key, path, lines).items():
            if name.lstrip("_") not in params and name not in {p.variable for p in params.values()}:
                raise QueryError(f"{key}: the query has no parameter '{name}'", path=path, line=lines.get(name))
            p = params.get(name.lstrip("_")) or next(q for q in params.values() if q.variable == name)
            if key == "enumerate":
                if not isinstance(value, list) or not value:
                    raise QueryError(f"enumerate: list the allowed values of '{name}'", path=path, line=lines.get(name))
                params[p.name] = p = _replace(p, enumerate=tuple(str(v) for v in value))
            else:
                params[p.name] = p = _replace(p, default=str(value))
    for p in params.values():  # a default must itself be a valid value
        if p.default is not None:
            try:
                p.term(p.default, path.stem)
            except BadParameter as exc:
                raise QueryError(f"default: {exc.message}", path=path, line=lines.get(p.name)) from None
    tags = header.get("tags") or []
    where = _where_brace(text)
    if where < 0 and params:
        raise QueryError("a query with parameters must spell out 'WHERE {'", path=path)
    return SavedQuery(path.stem, path, summary.strip(), str(header.get("description") or "").strip(),
                      tuple(str(t) for t in (tags if isinstance(tags, list) else [tags])),
                      tuple(params.values()), text, query_type, bool(header.get("inference", False)), where)


def _header(text: str, path: Path) -> tuple[dict, dict[str, int]]:
    """The YAML of the ``#+`` lines, and the file line of each key found in it."""
    rows: list[tuple[int, str]] = []
    in_body = False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("#+"):
            if in_body:
                raise QueryError("'#+' header line after the query text has started", path=path, line=number)
            rows.append((number, stripped[3:] if stripped[2:3] == " " else stripped[2:]))
        elif stripped and not stripped.startswith("#"):
            in_body = True
    source = "\n".join(r for _, r in rows)
    try:
        data = yaml.safe_load(source) if rows else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = rows[min(mark.line, len(rows) - 1)][0] if mark else rows[0][0]
        raise QueryError(f"header is not valid YAML: {getattr(exc, 'problem', exc)}", path=path, line=line) from None
    if not isinstance(data, dict):
        raise QueryError("header must be 'key: value' lines", path=path, line=rows[0][0] if rows else 1)
    lines: dict[str, int] = {}
    for number, row in rows:
        key = re.match(r"\s*-?\s*([\w-]+)\s*:", row)
        if key:
            lines.setdefault(key.group(1), number)
    for key in data:
        if key not in HEADER_KEYS:
            raise QueryError(f"unknown header key '{key}' (known: {', '.join(sorted(HEADER_KEYS))})",
                             path=path, line=lines.get(str(key)))
    return data, lines


def _entries(value: object, key: str, path: Path, lines: dict[str, int]) -> dict[str, object]:
    """``defaults``/``enumerate`` as a dict, from grlc's list of one-key maps or a plain map."""
    if value is None:
        return {}
    items = value if isinstance(value, list) else [value]
    out: dict[str, object] = {}
    for item in items:
        if not isinstance(item, dict):
            raise QueryError(f"{key}: write '- name: value', not {item!r}", path=path, line=lines.get(key))
        out.update({str(k): v for k, v in item.items()})
    return out


def _check_syntax(text: str, path: Path) -> tuple[str, set[str] | None]:
    """Parse with pyoxigraph and rdflib; the query type and projected variables (SELECT)."""
    try:
        pyoxigraph.Store().query(text)
    except SyntaxError as exc:
        where = re.search(r"at (\d+):(\d+)", str(exc))
        column = f", column {where.group(2)}" if where else ""
        raise QueryError(f"SPARQL syntax error{column}: {exc}", path=path,
                         line=int(where.group(1)) if where else None) from None
    try:
        algebra = prepareQuery(text).algebra
    except Exception as exc:  # pyparsing or rdflib algebra errors
        raise QueryError(f"SPARQL error (rdflib): {exc}", path=path, line=getattr(exc, "lineno", None)) from None
    kind = algebra.name.removesuffix("Query").upper()
    projected = {str(v) for v in algebra.get("PV", [])} if kind == "SELECT" else None
    return kind, projected


def _where_brace(text: str) -> int:
    """Index of the ``{`` after the first WHERE keyword outside strings, IRIs and comments."""
    seen_where = False
    for m in TOKEN.finditer(text):
        if m.lastgroup == "word" and m.group().upper() == "WHERE":
            seen_where = True
        elif m.lastgroup == "open" and seen_where:
            return m.start()
    return -1


def _line_of(text: str, needle: str) -> int | None:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else None


def _replace(p: Param, **changes: object) -> Param:
    return Param(**{**p.__dict__, **changes})


def _same_kind(p: Param, value: str) -> Node:
    return URIRef(expand(value)) if p.kind == "iri" else Literal(value, datatype=p.datatype and URIRef(p.datatype),
                                                                 lang=p.lang, normalize=False)


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _describe(p: Param) -> str:
    if p.kind == "iri":
        return "an IRI"
    if p.datatype:
        return "xsd:" + p.datatype.rsplit("#", 1)[1]
    return f"text in @{p.lang}" if p.lang else "text"
