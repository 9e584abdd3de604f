"""The charts of the pages: ``/network`` (who is related to whom), ``/map`` (where events
took place), the timeline chart of ``/timeline`` and of entity pages, and the views of any
answer (table, timeline, map, graph) on ``/queries/<name>`` and ``/sparql``.

The server only writes containers (``<figure class="kg-view" data-query=...>``): the
browser fetches the rows of the saved query as SPARQL JSON and draws them with Vega
(``static/vendor``, pinned by ``scripts/vendor_js.sh``), from ``static/views/*.js``; no
inline script, so the pages run under a strict Content-Security-Policy.  What the
templates need for them (the charts' settings, readable property names) is in
:mod:`kg.server.render`.
"""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from kg.server.web import Problem, call, page
from kg.server.worker import Job


async def timeline_list(request: Request, given: dict[str, str]) -> tuple[list[dict], list[dict], str | None]:
    """The events ``/timeline`` lists under its chart, one page of the saved query
    ``events`` (fast on any size of graph: the chart draws all of them): dated and
    undated events each with their sentences, and the URL of the next page, if any.
    ``given`` holds the form's participant (a name or IRI), kind, since and until."""
    from urllib.parse import urlencode

    values: dict[str, str] = {}
    who = given.get("participant")
    if who and (":" in who):
        values["participant"] = who
    elif who:
        found = await call(request, Job("run", ("entity_by_name",), {"name": who}))
        if not found.rows:
            raise Problem(404, f"nothing in the graph is named {who!r}; search for it at /search?q={who}")
        values["participant"] = found.rows[0]["entity"]
    if given.get("kind"):
        values["type"] = given["kind"] if ":" in given["kind"] else "pakru:" + given["kind"]
    values.update({k: given[k] for k in ("since", "until") if given.get(k)})
    number = request.query_params.get("page", "1")
    result = await call(request, Job("run", ("events",), {**values, "page": number}))
    events: dict[str, dict] = {}
    for r in result.rows:
        when = r["date"] if r["date"] is not None else r["startDate"]
        e = events.setdefault(r["event"], {"iri": r["event"], "label": r["label"], "date": when, "evidence": []})
        if r["sentence"] and r["document"]:
            ev = (r["document"], r["start"], r["end"], r["sentence"])
            if ev not in e["evidence"]:
                e["evidence"].append(ev)
    more = None
    size = request.app.state.catalogue["events"].page_size
    if size and len(result.rows) == size:
        more = "/timeline?" + urlencode({**given, "page": int(number) + 1})
    dated = [e for e in events.values() if e["date"] is not None]
    return dated, [e for e in events.values() if e["date"] is None], more


async def network(request: Request) -> Response:
    """``/network``: states, organisations, people and projects, and how they are related."""
    return await page(request, "network.html", title="Relation network")


async def places(request: Request) -> Response:
    """``/map``: the places with coordinates, sized by the events there."""
    return await page(request, "map.html", title="Map of places")
