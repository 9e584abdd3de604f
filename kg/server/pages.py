"""Linked-data pages: the graph's IRIs resolve on this server by path.

``https://w3id.org/pakru/id/russia`` is served at ``/id/russia`` and
``https://w3id.org/pakru/doc/<id>`` at ``/doc/<id>``: HTML for browsers, and Turtle,
JSON-LD, N-Triples or RDF/XML for RDF clients (``Accept``, or ``?format=turtle``),
whose content is every triple with the resource as subject or object.  Besides those:
``/`` (the articles), ``/timeline`` (events in order with their evidence), ``/search``
(entities by any name) and ``/ontology`` (the classes, with counts).
"""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from rdflib import RDFS

from kg.namespaces import ONTOLOGY_GRAPH, PAKRU
from kg.server import formats, markup
from kg.server.web import Problem, call, format_names, page
from kg.server.worker import Job

ID, DOC = markup.ID, markup.DOC
#: The event classes, as the ontology graph defines them (subclasses of pakru:Event).
EVENT_KINDS_QUERY = (f"SELECT DISTINCT ?kind WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> "
                     f"{{ ?kind <{RDFS.subClassOf}>+ <{PAKRU.Event}> }} }} ORDER BY ?kind")


async def event_kinds(request: Request) -> tuple[str, ...]:
    """The local names of the event classes, read from the ontology graph once."""
    kinds = getattr(request.app.state, "event_kinds", None)
    if kinds is None:
        rows = (await call(request, Job("query", (EVENT_KINDS_QUERY,)))).rows
        kinds = tuple(str(r["kind"])[len(str(PAKRU)):] for r in rows if str(r["kind"]).startswith(str(PAKRU)))
        request.app.state.event_kinds = kinds
    return kinds


def _format(request: Request, offered=formats.PAGE) -> formats.Format:
    fmt = formats.negotiate(request.headers.get("accept"), offered, format_names(request))
    if fmt is None:
        raise Problem(406, "this page is available as " + ", ".join(f.media_type for f in offered))
    return fmt


async def _rdf(request: Request, iri: str, fmt: formats.Format) -> Response:
    body = await call(request, Job("describe", (iri,), media_type=fmt.media_type))
    return Response(body, media_type=formats.content_type(fmt), headers={"Vary": "Accept"})


async def home(request: Request) -> Response:
    """``/``: what the graph is, the articles, and where to go next."""
    documents = await call(request, Job("run", ("documents",)))
    return await page(request, "home.html", documents=documents.rows)


async def resource(request: Request) -> Response:
    """``/id/<path>``: an entity, event, claim, relation or span."""
    iri = ID + request.path_params["path"]
    fmt = _format(request)
    if not fmt.is_html:
        return await _rdf(request, iri, fmt)
    html = await call(request, Job("resource_page", (iri,)))  # rendered in the worker
    return HTMLResponse(html, headers={"Vary": "Accept"})


async def article(request: Request) -> Response:
    """``/doc/<id>``: the article's text with its mentions, events and claims highlighted."""
    iri = DOC + request.path_params["path"]
    fmt = _format(request)
    if not fmt.is_html:
        return await _rdf(request, iri, fmt)
    doc = await call(request, Job("article", (iri,)))
    body = markup.render(markup.tree(doc.text, doc.annotations))
    entities: dict[str, dict] = {}
    for a in doc.annotations:
        if a.kind == "mention":
            e = entities.setdefault(a.target, {"iri": a.target, "label": a.label, "first": a, "count": 0})
            e["count"] += 1
    facts = [a for a in doc.annotations if a.kind != "mention"]
    return await page(request, "article.html", title=doc.headline or doc.identifier, doc=doc, body=body,
                entities=sorted(entities.values(), key=lambda e: (-e["count"], e["label"])), facts=facts)


async def timeline(request: Request) -> Response:
    """``/timeline``: events in time order, each with the sentences that report it;
    filter by participant (a name or IRI), kind and years."""
    args = {k: request.query_params.get(k, "").strip() for k in ("participant", "kind", "since", "until")}
    given = {k: v for k, v in args.items() if v}
    fmt = _format(request, (formats.HTML,) + formats.RESULTS[:-1])
    try:
        if fmt.is_html:  # one page of events under the chart (kg.server.views)
            from kg.server.views import timeline_list

            dated, undated, more = await timeline_list(request, given)
        else:
            rows = await call(request, Job("events", (), given, media_type=fmt.media_type))
    except Problem as exc:
        if exc.status not in (400, 404):
            raise
        return await page(request, "timeline.html", status=400, title="Timeline", args=args,
                    kinds=await event_kinds(request), error=exc.message, dated=[], undated=[], more=None)
    if not fmt.is_html:
        return Response(rows, media_type=formats.content_type(fmt), headers={"Vary": "Accept"})
    return await page(request, "timeline.html", title="Timeline", args=args, kinds=await event_kinds(request), error=None,
                dated=dated, undated=undated, more=more)


async def search(request: Request) -> Response:
    """``/search?q=``: entities whose name contains the words, exact names first."""
    q = request.query_params.get("q", "").strip()
    matches = await call(request, Job("search", (q,))) if q else []
    if len(matches) == 1 and request.query_params.get("go"):
        from starlette.responses import RedirectResponse

        return RedirectResponse(markup.local(matches[0].iri), status_code=303)
    return await page(request, "search.html", title=f"Search: {q}" if q else "Search", q=q, matches=matches)


async def ontology(request: Request) -> Response:
    """``/ontology``: the classes of the ontology with how many resources each has; as
    RDF, the ontology graph itself."""
    fmt = _format(request)
    if not fmt.is_html:
        text = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}"
        body = await call(request, Job("query", (text,), media_type=fmt.media_type))
        return Response(body, media_type=formats.content_type(fmt), headers={"Vary": "Accept"})
    classes = await call(request, Job("run", ("class_counts",)))
    return await page(request, "ontology.html", title="Ontology", classes=classes.rows)
