"""The published Turtle and TriG load cleanly in rdflib, pyoxigraph and Raptor, and every
piece of evidence quotes its article exactly."""
from __future__ import annotations

import shutil
import subprocess
import warnings

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import BNode, Literal, URIRef

from support import ROOT
from kg.evidence import check_evidence
from kg.namespaces import GRAPH, OA

TRIG = ROOT / "data" / "kg.trig"
TTL = ROOT / "data" / "kg.ttl"


@pytest.fixture(scope="module")
def dataset():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        ds = rdflib.Dataset()
        ds.parse(TRIG, format="trig")
    return ds


@pytest.fixture(scope="module")
def union(dataset):
    g = rdflib.Graph()
    for ctx in dataset.graphs():
        g += ctx
    return g


def test_rdflib_reads_both_files_without_warnings(dataset):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        g = rdflib.Graph()
        g.parse(TTL, format="turtle")
    names = {str(c.identifier) for c in dataset.graphs() if len(c)}
    assert str(GRAPH["registry"]) in names and str(GRAPH["ontology"]) in names
    assert sum(1 for n in names if "/graph/doc/" in n) == 3
    assert len(g) > 5000


def test_pyoxigraph_reads_both_files_with_the_same_quads(dataset):
    store = ox.Store()
    store.load(path=str(TRIG), format=ox.RdfFormat.TRIG)
    assert len(store) == sum(len(g) for g in dataset.graphs())
    flat = ox.Store()
    flat.load(path=str(TTL), format=ox.RdfFormat.TURTLE)
    assert len(flat) <= len(store) and len(flat) > 0.9 * len(store)


@pytest.mark.parametrize("path,syntax", [(TRIG, "trig"), (TTL, "turtle")])
def test_raptor_parses_without_warnings(path, syntax):
    rapper = shutil.which("rapper")
    if rapper is None:
        pytest.fail("Raptor's rapper is not installed: run `bash scripts/setup.sh` (it installs raptor2-utils)")
    proc = subprocess.run([rapper, "-i", syntax, "-c", str(path)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "warning" not in proc.stderr.lower() and "error" not in proc.stderr.lower(), proc.stderr
    assert "Parsing returned" in proc.stderr


def test_document_graphs_have_no_blank_nodes(dataset):
    for ctx in dataset.graphs():
        if "/graph/doc/" in str(ctx.identifier) or str(ctx.identifier) == str(GRAPH["registry"]):
            assert not any(isinstance(t, BNode) for triple in ctx for t in triple), ctx.identifier


def test_every_evidence_quote_matches_the_article(union):
    checked, problems = check_evidence(union)
    assert checked > 300
    assert problems == []


def test_every_event_claim_relation_and_amount_has_evidence(union):
    q = """
    PREFIX pakru: <https://w3id.org/pakru/ontology#>
    SELECT ?kind (COUNT(DISTINCT ?x) AS ?n) (COUNT(DISTINCT ?ok) AS ?with) WHERE {
      VALUES ?kind { pakru:Event pakru:Claim pakru:Membership pakru:ProjectInterest
                     pakru:Cooperation pakru:MonetaryAmount }
      ?x a ?kind .
      OPTIONAL { ?x pakru:evidence ?span . ?span a pakru:TextSpan . BIND(?x AS ?ok) }
    } GROUP BY ?kind"""
    rows = list(union.query(q))
    assert len(rows) == 6
    for kind, n, with_evidence in rows:
        assert int(n) > 0 and int(n) == int(with_evidence), kind


def test_a_tampered_quote_is_reported(union):
    g = rdflib.Graph()
    g += union
    selector = next(s for s in g.subjects(OA.exact, None))
    exact = g.value(selector, OA.exact)
    g.set((selector, OA.exact, Literal(str(exact) + "!")))
    _, problems = check_evidence(g)
    assert len(problems) == 1
    span = URIRef(str(selector).rsplit("/", 1)[0])
    assert problems[0].span == str(span) and "does not match" in problems[0].message


def test_the_saved_query_catalogue_is_published_with_the_data(dataset):
    from kg.namespaces import SH
    from kg.queries import Catalogue

    queries = dataset.graph(GRAPH["queries"])
    executables = set(queries.subjects(rdflib.RDF.type, SH.SPARQLExecutable))
    assert len(executables) == len(Catalogue.load()) >= 15
    texts = [str(t) for t in queries.objects(None, SH.select)]
    assert any("pakru:MilitaryExercise" in t for t in texts)
