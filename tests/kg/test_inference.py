"""Tests for kg.inference: the inferred graph from per-article rules and a union step
gives what HermiT (kg.reason.infer) gives, and a build runs HermiT only when needed."""
from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

from kg.build import build
from support import repo_config
from kg.inference import Schema, local_inferences, shared_problems, union_inferences
from kg.namespaces import INFERRED_GRAPH, ONTOLOGY_GRAPH, REGISTRY_GRAPH, document_graph
from kg.ontology import load_ontology
from kg.publish import prefix_lines, sorted_triples
from kg.rdf import own_iri_test
from kg.reason import asserted, infer
from kg.workspace import shipped

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "data" / "kg.trig"

REGISTRY = """
id:pakistan a pakru:State ; pakru:capital id:islamabad .
id:russia a pakru:State .
id:china a pakru:State .
id:sco a pakru:Organisation .
id:islamabad a pakru:City .
id:karachi a pakru:City ; pakru:locatedIn id:sindh .
id:sindh a pakru:Region .
"""
# two articles: a dated (shared) event whose participants come one from each; a chain of
# places that crosses article and registry; a value one article asserts and the other implies
ARTICLES = {
    "d1": """
<https://w3id.org/pakru/id/event/meeting/pakistan-russia/2015> a pakru:Event , pakru:Meeting ;
    pakru:participant id:pakistan .
id:sindh pakru:locatedIn id:pakistan .
id:pakistan pakru:participatedIn <https://w3id.org/pakru/id/event/meeting/pakistan-russia/2015> ;
    pakru:cooperatesWith id:russia .
<https://w3id.org/pakru/id/event/offer/china-pakistan-russia/d1-10> a pakru:Event , pakru:Offer ;
    pakru:participant id:pakistan , id:russia , id:china .
<https://w3id.org/pakru/id/claim/d1/0-10> a pakru:Recommendation ; pakru:cue "should" .
<https://w3id.org/pakru/doc/d1> pakru:writtenNotBefore "2020"^^xsd:gYear .
id:new-org a pakru:Organisation .
""",
    "d2": """
<https://w3id.org/pakru/id/event/meeting/pakistan-russia/2015> a pakru:Event , pakru:Meeting ;
    pakru:participant id:russia .
id:new-org pakru:memberOf id:sco .
<https://w3id.org/pakru/id/membership/d2/1> a pakru:Membership ; pakru:member id:new-org ; pakru:organisation id:sco .
""",
}


def _graph(turtle: str) -> Graph:
    return Graph().parse(data=prefix_lines() + turtle, format="turtle")


def _rules(docs: dict[str, Graph], registry: Graph, ontology: Graph) -> list[str]:
    schema = Schema.from_ontology(ontology)
    parts = [local_inferences(sorted_triples(g), schema, own_iri_test(doc_id)) for doc_id, g in docs.items()]
    parts.append(local_inferences(sorted_triples(registry), schema))
    return union_inferences(parts, schema)


def _hermit(docs: dict[str, Graph], registry: Graph, ontology: Graph) -> list[str]:
    graphs = {ONTOLOGY_GRAPH: ontology, REGISTRY_GRAPH: registry}
    graphs.update({document_graph(d): g for d, g in docs.items()})
    return sorted(f"{t} ." for t in sorted_triples(infer(asserted(graphs), ontology).graph))


@pytest.fixture(scope="module")
def ontology():
    return load_ontology()


def test_rules_give_what_hermit_gives_across_articles(ontology):
    docs = {d: _graph(text) for d, text in ARTICLES.items()}
    registry = _graph(REGISTRY)
    rules = _rules(docs, registry, ontology)
    assert rules == _hermit(docs, registry, ontology)
    event = "<https://w3id.org/pakru/id/event/meeting/pakistan-russia/2015>"
    ns = "https://w3id.org/pakru/ontology#"
    # only the union knows both participants, and that Karachi is in Pakistan
    for cls in ("BilateralEvent", "PakistanRussiaEvent", "PakistanRussiaBilateralEvent"):
        assert f"{event} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{ns}{cls}> ." in rules
    assert f"<https://w3id.org/pakru/id/karachi> <{ns}locatedIn> <https://w3id.org/pakru/id/pakistan> ." in rules
    assert f"<https://w3id.org/pakru/id/sco> <{ns}hasMember> <https://w3id.org/pakru/id/new-org> ." in rules
    # d1 asserts what d2's participant statement implies: not inferred
    assert f"<https://w3id.org/pakru/id/pakistan> <{ns}participatedIn> {event} ." not in rules


def test_rules_give_what_hermit_gives_on_the_shipped_graph(ontology):
    ds = Dataset()
    ds.parse(SHIPPED, format="trig")
    docs, registry = {}, Graph()
    prefix = str(document_graph(""))
    for g in ds.graphs():
        name = str(g.identifier)
        if name.startswith(prefix):
            docs[name[len(prefix):]] = g
    for s, p, o, _ in ds.quads((None, None, None, REGISTRY_GRAPH)):
        registry.add((s, p, o))
    assert len(docs) == 3
    rules = _rules(docs, registry, ontology)
    published = sorted(f"{t} ." for t in sorted_triples(
        [(s, p, o) for s, p, o, _ in ds.quads((None, None, None, INFERRED_GRAPH))]))
    assert rules == published == _hermit(docs, registry, ontology)


def test_disjoint_classes_are_found_on_own_and_on_shared_nodes(ontology):
    schema = Schema.from_ontology(ontology)
    own_clash = _graph("<https://w3id.org/pakru/id/claim/d1/0-10> a pakru:Claim ; pakru:participant id:russia .")
    local = local_inferences(sorted_triples(own_clash), schema, own_iri_test("d1"))
    assert len(local.problems) == 1 and "Claim" in local.problems[0] and "Event" in local.problems[0]
    one = local_inferences(sorted_triples(_graph("id:x a pakru:State .")), schema, own_iri_test("d1"))
    other = local_inferences(sorted_triples(_graph("id:x a pakru:Project .")), schema, own_iri_test("d2"))
    assert one.problems == other.problems == []
    problems = shared_problems([one, other], schema)
    assert problems and "https://w3id.org/pakru/id/x" in problems[0]


def test_a_build_runs_hermit_only_when_the_registry_or_shared_nodes_change(tmp_path):
    cache = tmp_path / "cache"
    first = build(repo_config(tmp_path / "a", cache=cache))
    assert "hermit" in first.seconds and first.consistent
    again = build(repo_config(tmp_path / "b", cache=cache))
    assert "hermit" not in again.seconds and again.consistent and "unchanged" in again.owl_note
    no_owl = build(repo_config(tmp_path / "c", cache=cache, check_owl=False))
    assert "hermit" not in no_owl.seconds and no_owl.consistent is None
    for folder in "bc":
        assert (tmp_path / folder / "kg.trig").read_bytes() == (tmp_path / "a" / "kg.trig").read_bytes()
    registry = tmp_path / "registry"
    shutil.copytree(shipped("registry"), registry)
    with (registry / "places.yaml").open("a", encoding="utf-8") as fh:
        fh.write("\n- id: test-town\n  type: City\n  label: Testtown Zeta\n")
    changed = build(repo_config(tmp_path / "d", cache=cache, registries=(registry,)))
    assert "hermit" in changed.seconds
