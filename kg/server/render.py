"""The page templates' environment: Jinja2 with the filters and globals every page uses
(links, short IRIs, readable property names: ``pakru:participatedIn`` -> "participated
in" with the CURIE on hover, and the settings of the charts of :mod:`kg.server.views`).

Both the HTTP process and the query workers render with it: a worker renders the entity
pages it answers (:func:`kg.server.worker.resource_page`), so that the HTTP process only
writes their bytes.  This module imports neither of them.
"""
from __future__ import annotations

import functools
import re

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape
from rdflib import RDFS, URIRef

from kg import namespaces
from kg.results import shorten
from kg.server import markup

#: The kinds of node and of relation of the network (as queries/network.rq names them).
NODE_KINDS = ("State", "Organisation", "Person", "Project")
RELATIONS = ("same event", "cooperation", "membership", "interest", "statement")
PAKRU = str(namespaces.PAKRU)
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


def environment() -> Environment:
    """The Jinja2 environment of the page templates (autoescaped), with what the views
    need (:func:`install`)."""
    env = Environment(loader=PackageLoader("kg.server", "templates"), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(local=markup.local, short=markup.short, cell=markup.cell, value=markup.value)
    env.tests["param"] = lambda name: str(name).startswith("_")  # ?_param echoes of saved queries
    env.globals.update(anchor=markup.anchor, highlight=markup.highlight)
    install(env)
    return env
