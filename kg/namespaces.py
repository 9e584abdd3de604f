"""The namespaces of the graph (see docs/model.md) and the prefixes written in output."""
from __future__ import annotations

import re
import unicodedata

from rdflib import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, Namespace

PAKRU = Namespace("https://w3id.org/pakru/ontology#")
ID = Namespace("https://w3id.org/pakru/id/")
DOC = Namespace("https://w3id.org/pakru/doc/")
GRAPH = Namespace("https://w3id.org/pakru/graph/")
SDO = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
WD = Namespace("http://www.wikidata.org/entity/")
VOID = Namespace("http://rdfs.org/ns/void#")
SH = Namespace("http://www.w3.org/ns/shacl#")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")

PREFIXES: dict[str, Namespace] = {
    "pakru": PAKRU,
    "id": ID,
    "doc": DOC,
    "graph": GRAPH,
    "schema": SDO,
    "prov": Namespace(str(PROV)),
    "oa": OA,
    "skos": Namespace(str(SKOS)),
    "sem": SEM,
    "dcterms": Namespace(str(DCTERMS)),
    "wd": WD,
    "owl": Namespace(str(OWL)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "xsd": Namespace(str(XSD)),
    "void": VOID,
    "vann": Namespace("http://purl.org/vocab/vann/"),
    "sh": SH,
    "geo": GEO,
}

ONTOLOGY_GRAPH = GRAPH["ontology"]
REGISTRY_GRAPH = GRAPH["registry"]
INFERRED_GRAPH = GRAPH["inferred"]
QUERIES_GRAPH = GRAPH["queries"]


def document_graph(doc_id: str):
    """The named graph that holds one article's facts."""
    return GRAPH[f"doc/{doc_id}"]


def slug(text: str) -> str:
    """Lower-case, ASCII, hyphen-separated form of a name, for IRIs.

    >>> slug("Karachayevo-Cherkessia’s North Caucasus")
    'karachayevo-cherkessias-north-caucasus'
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"['’]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def bind_prefixes(graph) -> None:
    """Bind the project's prefixes on an rdflib graph or dataset, replacing rdflib's defaults."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
