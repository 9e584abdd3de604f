"""Parameters of saved queries: what a value must look like, and its RDF term.

A variable ``?_name_suffix`` of a saved query is a parameter (``?__name`` optional); the
suffix gives the kind of value: ``_iri``, a datatype (``_integer``, ``_gYear``, ...) or a
language (``_en``).  :meth:`Param.term` checks a value and makes the term;
:func:`sparql_term` writes a term as SPARQL text with every string escape applied.

>>> p = Param.from_variable("__since_gYear")
>>> p.name, p.required, p.term("2015")
('since', False, rdflib.term.Literal('2015', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#gYear')))
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rdflib import XSD, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError
from kg.namespaces import PREFIXES

LANGUAGES = ("en", "ru", "ur")
LEXICAL = {  # grlc datatype suffix -> (lexical form, example for error messages)
    "integer": (r"[+-]?\d+", "42"), "decimal": (r"[+-]?(\d+(\.\d*)?|\.\d+)", "700000000"),
    "boolean": (r"true|false|1|0", "true"), "date": (r"\d{4}-\d{2}-\d{2}", "2018-10-21"),
    "gYearMonth": (r"\d{4}-(0[1-9]|1[0-2])", "2015-07"), "gYear": (r"\d{4}", "2005"),
}
IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]*")


class MissingParameter(QueryError):
    """A required parameter has neither a value nor a default."""


class UnknownParameter(QueryError):
    """A value was given for a parameter the query does not have."""


class BadParameter(QueryError):
    """A value does not fit its parameter: not an IRI, wrong lexical form, not allowed."""


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
        return cls(name, variable, kind, datatype, lang, not variable.startswith("__"), None)

    @property
    def expects(self) -> str:
        """What a value looks like, for messages: ``an xsd:gYear such as 2005``."""
        if self.enumerate:
            return "one of " + ", ".join(self.enumerate)
        if self.kind == "page":
            return "a page number: 1, 2, ..."
        if self.kind == "iri":
            return "an IRI such as https://w3id.org/pakru/id/pakistan or id:pakistan"
        if self.datatype:
            local = self.datatype.rsplit("#", 1)[1]
            return f"an xsd:{local} such as {LEXICAL[local][1]}"
        return f"text (@{self.lang})" if self.lang else "text"

    def term(self, value: str, query: str = "?") -> Node:
        """The RDF term for ``value``, or :class:`BadParameter` saying what is expected."""
        local = self.datatype.rsplit("#", 1)[1] if self.datatype else ""
        if self.kind == "iri":
            ok = bool(IRI.fullmatch(expand(value)))
        else:
            ok = not local or (bool(re.fullmatch(LEXICAL[local][0], value)) and (local != "date" or _is_date(value)))
        if ok and self.enumerate:
            ok = _key(self, value) in {_key(self, v) for v in self.enumerate}
        if not ok:
            raise BadParameter(f"parameter '{self.name}' of query '{query}' expects {self.expects}, got {value!r}")
        if self.kind == "iri":
            return URIRef(expand(value))
        return Literal(value, datatype=self.datatype and URIRef(self.datatype), lang=self.lang, normalize=False)


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def sparql_term(term: Node) -> str:
    r"""An RDF term as SPARQL text, every string escape applied (tabs included).

    >>> from rdflib import Literal
    >>> print(sparql_term(Literal('x" } ; DROP ALL ; #\t')))
    "x\" } ; DROP ALL ; #\t"
    """
    if not isinstance(term, Literal):
        return term.n3()
    body = "".join(_ESCAPES.get(ch, ch) for ch in str(term))
    if term.language:
        return f'"{body}"@{term.language}'
    if term.datatype is not None:
        return f'"{body}"^^<{term.datatype}>'
    return f'"{body}"'


def expand(value: str) -> str:
    """``id:pakistan`` -> ``https://w3id.org/pakru/id/pakistan``; other text unchanged."""
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return str(PREFIXES[prefix]) + local
    return value


def _key(p: Param, value: str) -> str:
    return expand(value) if p.kind == "iri" else value


def _is_date(value: str) -> bool:
    try:
        return bool(date.fromisoformat(value))
    except ValueError:
        return False
