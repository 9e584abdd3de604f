"""The charts of the pages: ``/network`` (who is related to whom), ``/map`` (where events
took place), the timeline chart of ``/timeline`` and of entity pages, and the views of any
answer (table, timeline, map, graph) on ``/queries/<name>`` and ``/sparql``.

The server only writes containers (``<figure class="kg-view" data-query=...>``): the
browser fetches the rows of the saved query as SPARQL JSON and draws them with Vega
(``static/vendor``, pinned by ``scripts/vendor_js.sh``), from ``static/views/*.js``; no
inline script, so the pages run under a strict Content-Security-Policy.  This module also
gives the templates readable property names (``pakru:participatedIn`` -> "participated
in", the CURIE on hover).
"""
from __future__ import annotations

import functools
import re

from jinja2 import Environment
from markupsafe import Markup, escape
from rdflib import RDFS, URIRef
from starlette.requests import Request
from starlette.responses import Response

from kg.results import shorten
from kg.server.web import Problem, call, page
from kg.server.worker import Job

#: The kinds of node and of relation of the network (as queries/network.rq names them).
NODE_KINDS = ("State", "Organisation", "Person", "Project")
RELATIONS = ("same event", "cooperation", "membership", "interest", "statement")
PAKRU = "https://w3id.org/pakru/ontology#"
#: Most items a page lists of one kind (events, mentions, values of a property): a page stays
#: under 1 MB however large the graph; the charts and saved queries give the rest.
LIST_LIMIT = 100
#: Entities whose page shows their timeline and network.
CHARTED = tuple(PAKRU + kind for kind in NODE_KINDS)
#: Names of the common properties the ontology does not label.
EXTERNAL_LABELS = {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type": "type",
    "http://www.w3.org/2004/02/skos/core#prefLabel": "name",
    "http://www.w3.org/2004/02/skos/core#altLabel": "also called",
    "http://www.w3.org/2002/07/owl#sameAs": "same as",
    "https://schema.org/description": "description",
    "https://schema.org/name": "name",
    "http://www.w3.org/ns/prov#wasDerivedFrom": "from the article",
    "http://www.w3.org/ns/prov#wasAttributedTo": "said by",
}


@functools.cache
def property_labels() -> dict[str, str]:
    """Each property of the ontology with its English ``rdfs:label``, and the common
    external ones."""
    from kg.ontology import load_ontology

    graph = load_ontology()
    labels = {str(s): str(o) for s, o in graph.subject_objects(RDFS.label)
              if isinstance(s, URIRef) and (o.language in (None, "en"))}
    return {**labels, **EXTERNAL_LABELS}


def readable(iri: object) -> str:
    """A property's name for readers: its label, else its local name in words
    (``wasDerivedFrom`` -> "was derived from")."""
    text = str(iri)
    if text in property_labels():
        return property_labels()[text]
    local = re.split(r"[#/]", text)[-1]
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", local).lower() or text


@functools.lru_cache(maxsize=1024)
def prop(iri: object) -> Markup:
    """A property as its readable name with its CURIE on hover (kept: an ontology has
    few properties, and a large page names them hundreds of times)."""
    return Markup(f'<span class="prop" title="{escape(shorten(str(iri)))}">{escape(readable(iri))}</span>')


def charted(types) -> bool:
    """Whether an entity with these types gets a timeline and network on its page."""
    return any(str(t) in CHARTED for t in types)


def data_url(query: str, params: dict) -> str | None:
    """The URL of a saved query's answer as SPARQL JSON, as a chart asks for it, or None
    when a value still needs looking up in the browser (a participant given by name)."""
    from urllib.parse import urlencode

    given = {k: str(v) for k, v in params.items() if v}
    if "participant" in given and ":" not in given["participant"]:
        return None
    return f"/queries/{query}?" + urlencode({**given, "format": "json"})


def install(env: Environment) -> None:
    """Give the page templates what the views need."""
    env.filters.update(prop=prop)
    env.globals.update(charted=charted, node_kinds=NODE_KINDS, relations=RELATIONS, list_limit=LIST_LIMIT,
                       data_url=data_url)


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
