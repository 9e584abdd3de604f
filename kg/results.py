"""Typed query results: rows of Python values, with the RDF terms kept alongside.

Every store (embedded or remote) hands back rdflib terms; :class:`Result` turns them
into plain Python values (IRIs and strings as ``str``, numbers as ``int``/``Decimal``/
``float``, ``xsd:date`` as :class:`datetime.date`, booleans as ``bool``) and writes
them in the SPARQL 1.1 result formats (JSON, XML, CSV, TSV) or as a text table.

>>> from rdflib import Literal, URIRef
>>> r = Result(["who", "n"], [{"who": URIRef("https://w3id.org/pakru/id/russia"),
...                            "n": Literal(3)}])
>>> r.rows
[{'who': 'https://w3id.org/pakru/id/russia', 'n': 3}]
>>> r.to_csv() == 'who,n\\r\\nhttps://w3id.org/pakru/id/russia,3\\r\\n'
True
>>> print(r.to_table())
who       | n
----------+--
id:russia | 3
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from xml.etree import ElementTree as ET

from rdflib import BNode, Graph, Literal, URIRef, XSD
from rdflib.term import Node

from kg.defaults import RESULT_FORMATS
from kg.errors import KGError
from kg.namespaces import PREFIXES

_INTEGERS = {XSD[n] for n in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                              "positiveInteger", "negativeInteger", "nonPositiveInteger",
                              "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}
_SPARQL_RESULTS = "http://www.w3.org/2005/sparql-results#"
#: Prefixes used to shorten IRIs in text tables (none of these namespaces starts another).
TABLE_PREFIXES = tuple((f"{prefix}:", str(PREFIXES[prefix])) for prefix in (
    "pakru", "graph", "doc", "id", "schema", "skos", "prov", "oa", "rdf", "rdfs", "owl", "xsd", "wd"))


def to_python(term: Node | None) -> object:
    """The Python value of an RDF term (``None`` for unbound).

    >>> from rdflib import Literal, XSD
    >>> to_python(Literal("2018-10-21", datatype=XSD.date))
    datetime.date(2018, 10, 21)
    >>> to_python(Literal("2018", datatype=XSD.gYear))
    '2018'
    """
    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    if not isinstance(term, Literal) or term.language or term.datatype is None:
        return str(term)
    return python_value(str(term), str(term.datatype))


_PLAIN_TYPES = frozenset({str(XSD.string), "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"})
_INTEGER_NAMES = frozenset(str(t) for t in _INTEGERS)
_DECIMAL, _FLOATS, _BOOLEAN = str(XSD.decimal), frozenset({str(XSD.double), str(XSD.float)}), str(XSD.boolean)
_DATE, _DATETIME = str(XSD.date), str(XSD.dateTime)


def python_value(lexical: str, datatype: str | None = None, language: str | None = None) -> object:
    """The Python value of a literal given by its parts, as :func:`to_python` gives it
    for the rdflib literal (so that a store can skip making rdflib terms).

    >>> python_value("42", "http://www.w3.org/2001/XMLSchema#integer"), python_value("x", None, "en")
    (42, 'x')
    """
    if language or datatype is None or datatype in _PLAIN_TYPES:
        return lexical
    try:
        if datatype in _INTEGER_NAMES:
            return int(lexical)
        if datatype == _DECIMAL:
            return Decimal(lexical)
        if datatype in _FLOATS:
            return float(lexical)
        if datatype == _BOOLEAN:
            return lexical.strip() in ("true", "1")
        if datatype == _DATE:
            return date.fromisoformat(lexical)
        if datatype == _DATETIME:
            return datetime.fromisoformat(lexical)
    except (ValueError, InvalidOperation):
        pass  # an ill-formed literal keeps its lexical form
    return lexical


def shorten(iri: str) -> str:
    """``id:russia`` for ``https://w3id.org/pakru/id/russia``; other IRIs unchanged."""
    for prefix, ns in TABLE_PREFIXES:
        if iri.startswith(ns):
            return prefix + iri[len(ns):]
    return iri


class Result:
    """The answer to a query: ``variables`` and ``rows`` (SELECT), ``boolean`` (ASK),
    or ``graph`` (CONSTRUCT/DESCRIBE, whose rows are its triples, sorted).

    ``rows`` holds Python values; ``terms`` holds the same rows as rdflib terms.
    Iterating yields the rows; ``len()`` counts them; ``bool()`` is the ASK answer or
    whether there is any row.  Two results are equal when they have the same variables
    and the same terms in the same order, literals compared by value.
    """

    def __init__(self, variables: Sequence[str] = (), terms: Sequence[Mapping[str, Node | None]] = (),
                 *, boolean: bool | None = None, graph: Graph | None = None):
        if graph is not None:
            variables = ["subject", "predicate", "object"]
            terms = [{"subject": s, "predicate": p, "object": o} for s, p, o in sorted(graph)]
        self.variables: list[str] = list(variables)
        self.terms: list[dict[str, Node | None]] = [{v: row.get(v) for v in self.variables} for row in terms]
        self.rows: list[dict[str, object]] = [{v: to_python(t) for v, t in row.items()} for row in self.terms]
        self.boolean = boolean
        self.graph = graph

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict[str, object]]:
        return iter(self.rows)

    def __bool__(self) -> bool:
        return self.boolean if self.boolean is not None else bool(self.rows)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Result):
            return NotImplemented
        return (self.variables, self.boolean, _keys(self.terms)) == (other.variables, other.boolean, _keys(other.terms))

    def __repr__(self) -> str:
        if self.boolean is not None:
            return f"<Result ASK {self.boolean}>"
        return f"<Result {len(self.rows)} rows: {', '.join(self.variables)}>"

    def __str__(self) -> str:
        """The text table of :meth:`to_table` (so ``print(kg.run("timeline"))`` shows the rows)."""
        if self.boolean is not None or self.graph is not None:
            return repr(self)
        return self.to_table()

    def column(self, name: str) -> list[object]:
        """The values of one variable, in row order."""
        if name not in self.variables:
            raise KGError(f"no column {name!r}; the result has {', '.join(self.variables) or 'none'}")
        return [row[name] for row in self.rows]

    # --- SPARQL 1.1 result formats -------------------------------------------------
    def to_json(self, indent: int | None = 2) -> str:
        """SPARQL 1.1 Query Results JSON (``indent=None``: on one line, written several
        times faster, as the server sends it)."""
        if self.boolean is not None:
            return json.dumps({"head": {}, "boolean": self.boolean}, indent=indent)
        bindings = [{v: _json_term(t) for v, t in row.items() if t is not None} for row in self.terms]
        return json.dumps({"head": {"vars": self.variables}, "results": {"bindings": bindings}},
                          indent=indent, ensure_ascii=False)

    def to_xml(self) -> str:
        """SPARQL Query Results XML."""
        ET.register_namespace("", _SPARQL_RESULTS)
        root = ET.Element(f"{{{_SPARQL_RESULTS}}}sparql")
        head = ET.SubElement(root, f"{{{_SPARQL_RESULTS}}}head")
        if self.boolean is not None:
            ET.SubElement(root, f"{{{_SPARQL_RESULTS}}}boolean").text = str(self.boolean).lower()
        else:
            for v in self.variables:
                ET.SubElement(head, f"{{{_SPARQL_RESULTS}}}variable", name=v)
            results = ET.SubElement(root, f"{{{_SPARQL_RESULTS}}}results")
            for row in self.terms:
                res = ET.SubElement(results, f"{{{_SPARQL_RESULTS}}}result")
                for v, t in row.items():
                    if t is not None:
                        _xml_term(ET.SubElement(res, f"{{{_SPARQL_RESULTS}}}binding", name=v), t)
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

    def to_csv(self) -> str:
        """SPARQL 1.1 CSV: a header of variable names, then plain values (IRIs unbracketed),
        lines ending in CRLF as RFC 4180 says."""
        if self.boolean is not None:
            return f"boolean\r\n{str(self.boolean).lower()}\r\n"
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(self.variables)
        for row in self.terms:
            writer.writerow(["" if t is None else _plain(t) for t in row.values()])
        return out.getvalue()

    def to_tsv(self) -> str:
        """SPARQL 1.1 TSV: ``?var`` headers, then terms in N-Triples syntax."""
        if self.boolean is not None:
            return f"?boolean\n{str(self.boolean).lower()}\n"
        lines = ["\t".join(f"?{v}" for v in self.variables)]
        lines += ["\t".join("" if t is None else ntriples(t) for t in row.values()) for row in self.terms]
        return "\n".join(lines) + "\n"

    def to_table(self, max_width: int = 70) -> str:
        """An aligned text table for people: IRIs shortened with the project prefixes,
        long cells cut, and the ``?_param`` columns (echoes of the parameters) left out."""
        if self.boolean is not None:
            return "yes" if self.boolean else "no"
        shown = [v for v in self.variables if not v.startswith("_")] or self.variables  # not ?_param echoes
        cells = [[_cell(row[v], max_width) for v in shown] for row in self.terms]
        widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(shown)]
        fmt = lambda r: " | ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip()  # noqa: E731
        lines = [fmt(shown), "-+-".join("-" * w for w in widths)]
        return "\n".join(lines + [fmt(r) for r in cells])

    def to_dataframe(self):
        """A pandas DataFrame of the rows (needs the optional ``pandas`` extra)."""
        try:
            import pandas
        except ImportError:
            raise KGError("to_dataframe() needs pandas; install it with "
                          "`pip install 'pakru-kg[pandas]'` (or `pip install pandas`)") from None
        return pandas.DataFrame(self.rows, columns=self.variables)

    def format(self, name: str) -> str:
        """The result in one of :data:`FORMATS` by name."""
        if name not in FORMATS:
            raise KGError(f"unknown format {name!r}; choose one of {', '.join(FORMATS)}")
        return getattr(self, f"to_{name}")()


FORMATS = RESULT_FORMATS


def _keys(rows: list[dict[str, Node | None]]) -> list[tuple]:
    """Rows compared by value: ``"92000000.0"^^xsd:decimal`` equals ``"92000000"^^xsd:decimal``."""
    return [tuple((type(t).__name__, to_python(t), getattr(t, "language", None), getattr(t, "datatype", None))
                  for t in row.values()) for row in rows]


def ntriples(t: Node) -> str:
    """A term in N-Triples syntax (one line, escaped).

    >>> ntriples(Literal('say "hi"\\n', lang="en"))
    '"say \\\\"hi\\\\"\\\\n"@en'
    """
    if isinstance(t, URIRef):
        return f"<{t}>"
    if isinstance(t, BNode):
        return f"_:{t}"
    text = str(t).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    text = text.replace("\t", "\\t")
    if t.language:
        return f'"{text}"@{t.language}'
    return f'"{text}"' if t.datatype is None else f'"{text}"^^<{t.datatype}>'


def _plain(t: Node) -> str:
    return f"_:{t}" if isinstance(t, BNode) else str(t)


def _cell(t: Node | None, max_width: int) -> str:
    if t is None:
        return ""
    text = shorten(str(t)) if isinstance(t, URIRef) else _plain(t)
    text = " ".join(text.split())
    return text if len(text) <= max_width else text[: max_width - 1] + "…"


def _json_term(t: Node) -> dict[str, str]:
    if isinstance(t, URIRef):
        return {"type": "uri", "value": str(t)}
    if isinstance(t, BNode):
        return {"type": "bnode", "value": str(t)}
    out = {"type": "literal", "value": str(t)}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype is not None:
        out["datatype"] = str(t.datatype)
    return out


def _xml_term(parent: ET.Element, t: Node) -> None:
    if isinstance(t, URIRef):
        ET.SubElement(parent, f"{{{_SPARQL_RESULTS}}}uri").text = str(t)
    elif isinstance(t, BNode):
        ET.SubElement(parent, f"{{{_SPARQL_RESULTS}}}bnode").text = str(t)
    else:
        attrs = {}
        if t.language:
            attrs["{http://www.w3.org/XML/1998/namespace}lang"] = t.language
        elif t.datatype is not None:
            attrs["datatype"] = str(t.datatype)
        ET.SubElement(parent, f"{{{_SPARQL_RESULTS}}}literal", attrs).text = str(t)


def term_from_json(binding: Mapping[str, str]) -> Node:
    """An rdflib term from one SPARQL 1.1 JSON binding (as sent by remote endpoints)."""
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    return literal(value, binding.get("xml:lang"), binding.get("datatype"))


def literal(value: str, lang: str | None = None, datatype: str | None = None) -> Literal:
    """A literal in one normal form for every store: ``xsd:string`` becomes a plain
    literal, the lexical form is kept exactly as the store gave it."""
    if lang:
        return Literal(value, lang=lang)
    if datatype in (None, str(XSD.string), "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"):
        return Literal(value)
    return Literal(value, datatype=URIRef(datatype), normalize=False)
