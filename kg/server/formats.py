"""Media types, content negotiation and serialisation of answers.

A SELECT or ASK answer can be written as SPARQL results JSON, XML, CSV or TSV; an RDF
graph (CONSTRUCT, DESCRIBE, a resource's description) as Turtle, N-Triples, JSON-LD or
RDF/XML.  :func:`negotiate` picks one from the ``Accept`` header (RFC 9110 quality
values, most specific range wins) or from a ``format=`` argument, which overrides it.

>>> negotiate("application/sparql-results+xml;q=0.9, text/csv", RESULTS).media_type
'text/csv'
>>> negotiate("*/*", GRAPH).media_type
'text/turtle'
>>> negotiate("application/pdf", RESULTS) is None
True
>>> negotiate("*/*", RESULTS, ["json-ld", "tsv"]).media_type
'text/tab-separated-values'
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph

from kg.namespaces import bind_prefixes
from kg.results import Result


@dataclass(frozen=True)
class Format:
    """One representation: its media type, other media types it answers, short names."""

    media_type: str
    aliases: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    rdflib: str | None = None    # the rdflib serializer, for graphs

    @property
    def is_html(self) -> bool:
        return self.media_type == "text/html"


HTML = Format("text/html", ("application/xhtml+xml",), ("html",))
SPARQL_JSON = Format("application/sparql-results+json", ("application/json",), ("json", "srj"))
SPARQL_XML = Format("application/sparql-results+xml", ("application/xml", "text/xml"), ("xml", "srx"))
CSV = Format("text/csv", (), ("csv",))
TSV = Format("text/tab-separated-values", (), ("tsv",))
TURTLE = Format("text/turtle", ("application/turtle", "application/x-turtle", "text/n3", "text/rdf+n3",
                                "application/n3"), ("turtle", "ttl", "n3"), "turtle")
NTRIPLES = Format("application/n-triples", ("text/plain",), ("nt", "ntriples", "n-triples"), "nt")
JSONLD = Format("application/ld+json", ("application/x-json+ld", "application/json"), ("json-ld", "jsonld", "json"),
                "json-ld")
RDFXML = Format("application/rdf+xml", ("application/xml", "text/xml"), ("rdf", "rdf+xml", "rdfxml", "xml", "owl"),
                "xml")

#: In order of preference when the client accepts several equally.
RESULTS = (SPARQL_JSON, SPARQL_XML, CSV, TSV, HTML)
GRAPH = (TURTLE, NTRIPLES, JSONLD, RDFXML, HTML)
PAGE = (HTML, TURTLE, JSONLD, NTRIPLES, RDFXML)   # linked-data pages: people first
ALL = {f.media_type: f for f in RESULTS + GRAPH}
#: The query-string arguments that name a format (SPARQLWrapper sends all three).
FORMAT_ARGUMENTS = ("format", "output", "results")


def parse_accept(header: str | None) -> list[tuple[str, str, float]]:
    """``(type, subtype, q)`` for each media range of an Accept header; none given = ``*/*``.

    >>> parse_accept("text/html, */*;q=0.8")
    [('text', 'html', 1.0), ('*', '*', 0.8)]
    """
    ranges = []
    for part in (header or "*/*").split(","):
        fields = [f.strip() for f in part.split(";")]
        main, _, sub = fields[0].lower().partition("/")
        if not main:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append((main, sub or "*", q))
    return ranges


def _quality(media_type: str, ranges: Sequence[tuple[str, str, float]]) -> tuple[float, int]:
    """The q of the most specific range matching ``media_type``, with its specificity."""
    main, _, sub = media_type.partition("/")
    best = (0.0, -1)
    for rmain, rsub, q in ranges:
        if rmain == main and rsub == sub:
            spec = 2
        elif rmain == main and rsub == "*":
            spec = 1
        elif rmain == "*" and rsub == "*":
            spec = 0
        else:
            continue
        if spec > best[1]:
            best = (q, spec)
    return best


def by_name(names: Iterable[str], offered: Sequence[Format]) -> Format | None:
    """The first offered format that one of ``names`` (``json``, ``text/csv``, ...) names."""
    for name in names:
        key = name.strip().lower()
        for f in offered:
            if key == f.media_type or key in f.names or key in f.aliases:
                return f
    return None


def negotiate(accept: str | None, offered: Sequence[Format], names: Iterable[str] = ()) -> Format | None:
    """The format to answer in: one named by ``names`` if any is offered, else the best
    for the Accept header (ties go to the earlier offered format); None if none fits."""
    named = by_name(names, offered)
    if named is not None:
        return named
    ranges = parse_accept(accept)
    best, best_q = None, 0.0
    for f in offered:
        q = max(_quality(t, ranges) for t in (f.media_type,) + f.aliases)[0]
        if q > best_q:
            best, best_q = f, q
    return best


def content_type(f: Format) -> str:
    """The Content-Type header value (text formats say their charset)."""
    return f.media_type + ("; charset=utf-8" if f.media_type.startswith("text/") else "")


def serialize(value: Result | Graph, media_type: str) -> bytes:
    """A query answer or graph in the format ``media_type`` (not HTML)."""
    f = ALL[media_type]
    graph = value if isinstance(value, Graph) else value.graph
    if graph is not None:
        if f.rdflib is None:
            raise ValueError(f"{media_type} is not an RDF graph format")
        bind_prefixes(graph)
        if f.rdflib == "json-ld":
            context = {p: str(ns) for p, ns in graph.namespaces() if p}
            text = graph.serialize(format="json-ld", context=context, auto_compact=True)
        else:
            text = graph.serialize(format=f.rdflib)
        return text.encode("utf-8") if isinstance(text, str) else text
    writer = {SPARQL_JSON: lambda: value.to_json(indent=None), SPARQL_XML: value.to_xml, CSV: value.to_csv,
              TSV: value.to_tsv}.get(f)
    if writer is None:
        raise ValueError(f"{media_type} is not a SPARQL results format")
    return writer().encode("utf-8")


#: The SPARQL results formats pyoxigraph writes itself (SELECT answers; ASK answers
#: only in JSON and XML, see :data:`NATIVE_BOOLEAN`: in CSV/TSV they keep this
#: server's ``boolean`` header, so they go through :func:`serialize`), with the fewest
#: bytes one row can take in each.
NATIVE = {SPARQL_JSON.media_type: (ox.QueryResultsFormat.JSON, 3),    # {},
          SPARQL_XML.media_type: (ox.QueryResultsFormat.XML, 17),     # <result></result>
          CSV.media_type: (ox.QueryResultsFormat.CSV, 2),             # CRLF
          TSV.media_type: (ox.QueryResultsFormat.TSV, 1)}             # LF


def write_solutions(solutions: ox.QuerySolutions, media_type: str) -> bytes:
    """SELECT solutions written by pyoxigraph in ``media_type`` (a key of
    :data:`NATIVE`): no Python object per row or term.  CSV lines end in CRLF (RFC
    4180); TSV writes terms in Turtle syntax (``1`` for ``"1"^^xsd:integer``), as the
    SPARQL 1.1 CSV/TSV recommendation allows.  pyoxigraph's errors met while
    evaluating the rows (``OSError``, ``RuntimeError``, ``ValueError``) pass through."""
    return solutions.serialize(format=NATIVE[media_type][0])


#: The formats in which pyoxigraph writes an ASK answer as this server does.
NATIVE_BOOLEAN = frozenset({SPARQL_JSON.media_type, SPARQL_XML.media_type})


def write_boolean(answer: ox.QueryBoolean, media_type: str) -> bytes:
    """An ASK answer written by pyoxigraph in ``media_type`` (one of
    :data:`NATIVE_BOOLEAN`), with no :class:`~kg.results.Result` made for it."""
    return answer.serialize(format=NATIVE[media_type][0])


def rows_beyond(body: bytes, media_type: str, limit: int) -> int:
    """0 if the SELECT answer ``body`` written by :func:`write_solutions` has at most
    ``limit`` rows, else its number of rows.  An answer too short to hold more rows is
    not read; a longer one is counted exactly (parsed where a row can span lines)."""
    if len(body) <= NATIVE[media_type][1] * limit:
        return 0
    if media_type == SPARQL_JSON.media_type:
        n = _json_rows(body)
    elif media_type == SPARQL_XML.media_type:
        n = body.count(b"<result>")   # markup in values is escaped (&lt;), so this is exact
    elif media_type == CSV.media_type:
        n = _QUOTED.sub(b"", body).count(b"\r\n") - 1  # a quoted field may hold line breaks
    else:
        n = body.count(b"\n") - 1         # TSV escapes line breaks inside values
    return n if n > limit else 0


_QUOTED = re.compile(rb'"(?:[^"]|"")*"')


def _json_rows(body: bytes) -> int:
    """The rows of SPARQL results JSON as pyoxigraph writes it (no spaces).  Inside a
    JSON string a quote is always escaped, so ``{"`` only opens an object: the
    document, ``head``, ``results``, each row with a binding and each term.  Parsed
    instead when a row may be empty (``{}``) or a term is a triple (more objects)."""
    if b"{}" in body or b'{"subject"' in body:
        return len(json.loads(body)["results"]["bindings"])
    return body.count(b'{"') - body.count(b'{"type":') - 3


def offered_for(form: str) -> tuple[Format, ...]:
    """The formats for a query form: results for SELECT/ASK, graphs for CONSTRUCT/DESCRIBE."""
    return GRAPH if form in ("CONSTRUCT", "DESCRIBE") else RESULTS
