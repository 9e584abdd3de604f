"""``/sparql``: a read-only SPARQL 1.1 Protocol endpoint.

- Query by GET (``?query=``), by POST form-encoded (``query=``) and by POST with
  ``Content-Type: application/sparql-query``; the answer's format is negotiated
  (``Accept``, or ``format=``/``output=`` which override it).
- Without a query: the service description (Turtle, N-Triples, JSON-LD, RDF/XML), or
  for a browser a page with a query form.
- Updates (``update=``, ``application/sparql-update``) are refused with 403: this
  endpoint only reads.  A malformed query gets 400 with the parser's message and
  position; a format the server cannot write gets 406; an unsupported request body
  415; a body over 1 MiB 413; a query past the time limit 503.
"""
from __future__ import annotations

from urllib.parse import parse_qs

from rdflib import DCTERMS, RDF, RDFS, Graph, Literal, Namespace, URIRef
from starlette.requests import Request
from starlette.responses import Response

from kg.remote import query_form
from kg.server import formats
from kg.server.app import Problem, call, format_names, page
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


async def read_query(request: Request) -> str | None:
    """The query text of a protocol request (None when there is none), or a Problem."""
    params = parse_params(request.scope.get("query_string", b""))
    query = params.get("query", [])
    if request.method == "POST":
        body = await request.body()
        if len(body) > MAX_QUERY_BYTES:
            raise Problem(413, f"the request body is over {MAX_QUERY_BYTES} bytes; send a shorter query")
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
    if params.get("default-graph-uri") or params.get("named-graph-uri"):
        raise Problem(400, "default-graph-uri and named-graph-uri are not supported: the default graph is the "
                           "union of all named graphs; use FROM or GRAPH in the query to choose graphs")
    if len(query) > 1:
        raise Problem(400, f"give exactly one query, not {len(query)}")
    if query and not query[0].strip():
        raise Problem(400, "the query is empty")
    return query[0] if query else None


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
        f"Read-only. The default graph is the union of the named graphs. A query may run "
        f"{pool_status['timeout']:g} s and return {pool_status['max_results']} rows or triples.", lang="en")))
    return g


async def endpoint(request: Request) -> Response:
    """``GET|POST /sparql``."""
    text = await read_query(request)
    names, accept = format_names(request), request.headers.get("accept")
    status = request.app.state.pool.status()
    if text is None:
        fmt = formats.negotiate(accept, formats.GRAPH, names)
        if fmt is None:
            raise Problem(406, "the service description is available as " + _listing(formats.GRAPH))
        if fmt.is_html:
            return page(request, "sparql.html", query=EXAMPLE, result=None, limits=status)
        body = formats.serialize(description(str(request.url.replace(query="")), status), fmt.media_type)
        return Response(body, media_type=formats.content_type(fmt), headers={"Vary": "Accept"})
    form = query_form(text)
    offered = formats.offered_for(form)
    fmt = formats.negotiate(accept, offered, names)
    if fmt is None:
        raise Problem(406, f"cannot answer a {form} query as {accept}; ask for " + _listing(offered))
    if fmt.is_html:
        result = await call(request, Job("query", (text,)))
        return page(request, "sparql.html", query=text, result=result, limits=status)
    body = await call(request, Job("query", (text,), media_type=fmt.media_type))
    return Response(body, media_type=formats.content_type(fmt), headers={"Vary": "Accept"})


def _listing(offered) -> str:
    return ", ".join(f.media_type for f in offered)
