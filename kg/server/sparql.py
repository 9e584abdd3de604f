"""``/sparql``: a read-only SPARQL 1.1 Protocol endpoint.

- Query by GET (``?query=``), by POST form-encoded (``query=``) and by POST with
  ``Content-Type: application/sparql-query``; the answer's format is negotiated
  (``Accept``, or ``format=``/``output=`` which override it).
- Without a query: the service description (Turtle, N-Triples, JSON-LD, RDF/XML), or
  for a browser a page with a query form.
- The dataset: ``default-graph-uri`` and ``named-graph-uri`` (any number of each)
  choose the graphs and override the query's ``FROM`` / ``FROM NAMED``; with neither,
  the query's own ``FROM`` is used, and a query naming no graphs sees the union of the
  named graphs as its default graph.  Relative IRIs in the query are resolved against
  the endpoint's URL.
- Updates (``update=``, ``application/sparql-update``) are refused with 403: this
  endpoint only reads.  ``SERVICE`` and ``LOAD`` are refused with 400 (queries never
  make the server send a request; :mod:`kg.guard`), as is nesting deeper than 100.  A
  malformed query gets 400 with the parser's message and position; a format the
  server cannot write gets 406; an unsupported request body 415; a body over 1 MiB 413
  (refused as soon as it passes the limit, not after reading it); a query past the
  time limit or the memory cap 503.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs

from rdflib import DCTERMS, RDF, RDFS, Graph, Literal, Namespace, URIRef
from starlette.requests import Request
from starlette.responses import Response

from kg.remote import query_form
from kg.server import formats
from kg.params import IRI
from kg.server.web import Problem, call, format_names, page
from kg.server.worker import Job

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
W3C_FORMATS = Namespace("http://www.w3.org/ns/formats/")
MAX_QUERY_BYTES = 1 << 20
READ_ONLY = ("this SPARQL endpoint is read-only: it answers queries (SELECT, ASK, CONSTRUCT, DESCRIBE), "
             "not updates; change data/ and run `kg build` to change the graph")
EXAMPLE = """PREFIX pakru: <https://w3id.org/pakru/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?event ?label ?date WHERE {
  ?event a pakru:MilitaryExercise ; skos:prefLabel ?label ; pakru:startDate ?date .
} ORDER BY ?date"""


def parse_params(raw: bytes | str) -> dict[str, list[str]]:
    """Form or query-string arguments, decoded as UTF-8 (400 if they are not)."""
    try:
        text = raw.decode("ascii") if isinstance(raw, bytes) else raw
        return parse_qs(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise Problem(400, "the arguments are not UTF-8 text; percent-encode the query as UTF-8") from None


@dataclass
class ProtocolRequest:
    """A protocol request: the query text (None: none given) and the dataset it names."""

    text: str | None
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)

    @property
    def dataset(self) -> dict:
        """Keyword arguments for :meth:`kg.facade.KnowledgeGraph.query`."""
        if not (self.default_graphs or self.named_graphs):
            return {}
        return {"default_graphs": self.default_graphs, "named_graphs": self.named_graphs}


async def read_body(request: Request, limit: int = MAX_QUERY_BYTES) -> bytes:
    """The request body, refused (413) as soon as it passes ``limit`` bytes: a declared
    length over it is refused before reading, and a streamed body once it is."""
    too_long = Problem(413, f"the request body is over {limit} bytes; send a shorter query")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_long
    chunks, total = [], 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise too_long
        chunks.append(chunk)
    return b"".join(chunks)


def graph_iris(params: dict[str, list[str]], key: str) -> list[str]:
    """The IRIs given for ``key`` (``default-graph-uri``, ``named-graph-uri``), checked."""
    iris = params.get(key, [])
    for iri in iris:
        if not IRI.fullmatch(iri):
            raise Problem(400, f"{key} must be an absolute IRI, not {iri!r}")
    return iris


async def read_query(request: Request) -> ProtocolRequest:
    """The query and dataset of a protocol request, or a Problem."""
    params = parse_params(request.scope.get("query_string", b""))
    query = params.get("query", [])
    if request.method == "POST":
        body = await read_body(request)
        ctype, _, options = request.headers.get("content-type", "").partition(";")
        ctype = ctype.strip().lower()
        charset = options.lower().replace(" ", "").partition("charset=")[2].strip('"') or "utf-8"
        if ctype == "application/sparql-update":
            raise Problem(403, READ_ONLY)
        if ctype == "application/x-www-form-urlencoded":
            form = parse_params(body)
            if "update" in form:
                raise Problem(403, READ_ONLY)
            query = query + form.get("query", [])
            for key in ("default-graph-uri", "named-graph-uri"):
                params.setdefault(key, []).extend(form.get(key, []))
        elif ctype == "application/sparql-query":
            if charset.replace("-", "") != "utf8":
                raise Problem(415, f"send the query as UTF-8 (charset={charset} is not accepted)")
            try:
                query = query + [body.decode("utf-8")]
            except UnicodeDecodeError:
                raise Problem(400, "the query is not valid UTF-8 text") from None
        else:
            raise Problem(415, f"a POST carries the query as application/sparql-query or as form field 'query' "
                               f"(application/x-www-form-urlencoded), not {ctype or 'no content type'}")
    if "update" in params:
        raise Problem(403, READ_ONLY)
    if len(query) > 1:
        raise Problem(400, f"give exactly one query, not {len(query)}")
    if query and not query[0].strip():
        raise Problem(400, "the query is empty")
    return ProtocolRequest(query[0] if query else None, graph_iris(params, "default-graph-uri"),
                    graph_iris(params, "named-graph-uri"))


def description(endpoint: str, pool_status: dict) -> Graph:
    """The SPARQL 1.1 Service Description of this endpoint."""
    g = Graph()
    g.bind("sd", SD)
    g.bind("formats", W3C_FORMATS)
    node, dataset = URIRef(endpoint), URIRef(endpoint + "#dataset")
    g.add((node, RDF.type, SD.Service))
    g.add((node, SD.endpoint, node))
    g.add((node, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((node, SD.feature, SD.UnionDefaultGraph))
    for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                 "Turtle", "N-Triples", "JSON-LD", "RDF_XML"):
        g.add((node, SD.resultFormat, W3C_FORMATS[name]))
    g.add((node, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, SD.defaultGraph, URIRef(endpoint + "#default-graph")))
    g.add((URIRef(endpoint + "#default-graph"), RDF.type, SD.Graph))
    g.add((node, DCTERMS.title, Literal("pakru-kg: a knowledge graph of Pakistan-Russia relations", lang="en")))
    g.add((node, RDFS.comment, Literal(
        f"Read-only; SERVICE and LOAD are refused. Without FROM or default-graph-uri the default graph is "
        f"the union of the named graphs. A query may run {pool_status['timeout']:g} s, use "
        f"{pool_status['memory_mb']} MB and return {pool_status['max_results']} rows or triples.", lang="en")))
    return g


async def endpoint(request: Request) -> Response:
    """``GET|POST /sparql``."""
    asked = await read_query(request)
    text = asked.text
    names, accept = format_names(request), request.headers.get("accept")
    pool = request.app.state.pools["sparql"]
    if text is None:
        fmt = formats.negotiate(accept, formats.GRAPH, names)
        if fmt is None:
            raise Problem(406, "the service description is available as " + _listing(formats.GRAPH))
        if fmt.is_html:
            return await page(request, "sparql.html", query=EXAMPLE, result=None, limits=pool.status())
        body = formats.serialize(description(str(request.url.replace(query="")), pool.status()), fmt.media_type)
        return Response(body, media_type=formats.content_type(fmt), headers={"Vary": "Accept"})
    form = query_form(text)
    offered = formats.offered_for(form)
    fmt = formats.negotiate(accept, offered, names)
    if fmt is None:
        raise Problem(406, f"cannot answer a {form} query as {accept}; ask for " + _listing(offered))
    options = {**asked.dataset, "base_iri": str(request.url.replace(query="", fragment=""))}
    if fmt.is_html:
        result = await call(request, Job("query", (text,), options), lane="sparql")
        return await page(request, "sparql.html", query=text, result=result, limits=pool.status())
    body = await call(request, Job("query", (text,), options, media_type=fmt.media_type), lane="sparql")
    return Response(body, media_type=formats.content_type(fmt), headers={"Vary": "Accept"})


def _listing(offered) -> str:
    return ", ".join(f.media_type for f in offered)
