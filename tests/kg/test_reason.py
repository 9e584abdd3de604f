"""Tests for kg.reason and ``kg reason``: consistency, and what the axioms imply (graph:inferred).

Each HermiT run starts a JVM (a few seconds), so the shipped graph is reasoned on once
(through the command line, which also writes the inferred graph for the checks), the
small graph of named examples once, and the inconsistent graph once.
"""
from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF

from kg.cli import main
from kg.errors import ValidationError
from kg.namespaces import ID, INFERRED_GRAPH, ONTOLOGY_GRAPH, PAKRU, PREFIXES, SDO, SEM
from kg.reason import apply_rules, asserted, infer

ROOT = Path(__file__).resolve().parents[2]
PROV = PREFIXES["prov"]
SHIPPED = ROOT / "data" / "kg.trig"
EXERCISE = ID["event/militaryexercise/pakistan-russia/2018-10-21"]
MEDIATION = ID["event/mediationoffer/india-pakistan-russia/004_640bcc7791f640ba-1340"]  # undated: document and trigger offset


@pytest.fixture(scope="module")
def shipped():
    """``kg reason --out`` on the shipped graph: (exit code, printed report, inferred graph, asserted data)."""
    from tempfile import TemporaryDirectory

    with TemporaryDirectory() as tmp:
        out = Path(tmp) / "inferred.trig"
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            code = main(["reason", str(SHIPPED), "--out", str(out), "-q"])
        ds = Dataset()
        ds.parse(out, format="trig")
        inferred = Graph()
        for s, p, o, _g in ds.quads((None, None, None, INFERRED_GRAPH)):
            inferred.add((s, p, o))
    published = Dataset()
    published.parse(SHIPPED, format="trig")
    return code, printed.getvalue(), inferred, published


def test_shipped_graph_is_consistent_and_the_report_says_how_long(shipped):
    code, text, inferred, _ = shipped
    assert code == 0
    assert text.startswith("Consistent:")
    assert f"Inferred {len(inferred)} triple(s)" in text
    for kind in ("type (subclass, domain, range)", "defined class (OWL)", "rule (SPARQL, before HermiT)",
                 "inverse", "transitive"):
        assert kind in text
    assert "Reasoning took" in text and "HermiT" in text


@pytest.mark.parametrize("s, p, o", [
    (ID.karachi, PAKRU.locatedIn, ID.pakistan),          # transitive: Karachi in Sindh in Pakistan
    (ID.ufa, PAKRU.locatedIn, ID.russia),
    (ID.pakistan, RDF.type, PAKRU.Agent),                # subclass: State is an Agent ...
    (ID.pakistan, RDF.type, PROV.Agent),                 # ... is a prov:Agent and a sem:Actor
    (ID.pakistan, RDF.type, SEM.Actor),
    (ID.sco, RDF.type, SDO.Organization),
    (ID.karachi, RDF.type, SDO.Place),
    (EXERCISE, RDF.type, SEM.Event),
    (ID.pakistan, PAKRU.participatedIn, EXERCISE),       # inverse of pakru:participant
    (ID.sco, PAKRU.hasMember, ID.russia),                # inverse of pakru:memberOf
    (EXERCISE, RDF.type, PAKRU.BilateralEvent),          # rule: exactly two states
    (EXERCISE, RDF.type, PAKRU.PakistanRussiaEvent),     # rule: both Pakistan and Russia
    (EXERCISE, RDF.type, PAKRU.PakistanRussiaBilateralEvent),  # OWL defined class, found by HermiT
    (MEDIATION, RDF.type, PAKRU.PakistanRussiaEvent),
    (MEDIATION, RDF.type, PAKRU.DiplomaticAct),          # superclass of the asserted MediationOffer
])
def test_inferred_graph_holds_the_implied_fact(shipped, s, p, o):
    _, _, inferred, published = shipped
    assert (s, p, o) in inferred
    assert (s, p, o) not in asserted(published)


@pytest.mark.parametrize("s, o", [(MEDIATION, PAKRU.BilateralEvent),                  # three states
                                  (MEDIATION, PAKRU.PakistanRussiaBilateralEvent)])
def test_inferred_graph_leaves_out_what_does_not_follow(shipped, s, o):
    assert (s, RDF.type, o) not in shipped[2]


def test_inferred_graph_is_apart_from_asserted_facts_and_limited_to_useful_kinds(shipped):
    _, _, inferred, published = shipped
    data = asserted(published)
    assert len(inferred) > 500
    assert not [t for t in inferred if t in data]
    kept = {PAKRU.locatedIn, PAKRU.participatedIn, PAKRU.hasMember, PAKRU.cooperatesWith, PAKRU.memberOf,
            PAKRU.participant, RDF.type}
    assert {p for p in inferred.predicates()} <= kept
    namespaces = tuple(str(ns) for ns in (PAKRU, SDO, PROV, SEM))
    assert all(str(o).startswith(namespaces) for o in inferred.objects(None, RDF.type))
    named = set(data.subjects()) | set(data.objects())
    assert all(s in named for s in inferred.subjects())  # about nodes the data names


def test_published_trig_carries_the_same_inferred_graph(shipped):
    """The build's graph:inferred is what kg reason gives now: deterministic and in step."""
    _, _, inferred, published = shipped
    graph = Graph()
    for s, p, o, _g in published.quads((None, None, None, INFERRED_GRAPH)):
        graph.add((s, p, o))
    assert len(graph) and set(graph) == set(inferred)


def small_world() -> Graph:
    """Named examples: places in places, a one-way cooperation, a membership, three events."""
    g = Graph()
    for state in ("pakistan", "russia", "india"):
        g.add((ID[state], RDF.type, PAKRU.State))
    g.add((ID.sindh, RDF.type, PAKRU.Region))
    g.add((ID.sindh, PAKRU.locatedIn, ID.pakistan))
    g.add((ID.karachi, RDF.type, PAKRU.City))
    g.add((ID.karachi, PAKRU.locatedIn, ID.sindh))
    g.add((ID.clifton, RDF.type, PAKRU.Place))
    g.add((ID.clifton, PAKRU.locatedIn, ID.karachi))
    g.add((ID.pakistan, PAKRU.cooperatesWith, ID.russia))
    g.add((ID.pakistan, PAKRU.memberOf, ID.sco))
    g.add((ID.pakistan, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q843")))
    g.add((ID.putin, RDF.type, PAKRU.Person))
    events = {"talks": ("pakistan", "russia", "putin"), "exercise": ("pakistan", "india"),
              "summit": ("pakistan", "russia", "india")}
    for name, who in events.items():
        e = ID[f"event/{name}"]
        g.add((e, RDF.type, PAKRU.Event))
        g.add((e, RDF.type, PAKRU.Meeting))
        g.add((e, PAKRU.date, Literal("2018", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear"))))
        for p in who:
            g.add((e, PAKRU.participant, ID[p]))
    return g


@pytest.fixture(scope="module")
def small():
    return infer(small_world())


@pytest.mark.parametrize("s, p, o, kind", [
    (ID.clifton, PAKRU.locatedIn, ID.pakistan, "transitive"),   # place in a city in a province in a state
    (ID.clifton, PAKRU.locatedIn, ID.sindh, "transitive"),
    (ID.karachi, PAKRU.locatedIn, ID.pakistan, "transitive"),
    (ID.russia, PAKRU.cooperatesWith, ID.pakistan, "symmetric"),
    (ID.sco, PAKRU.hasMember, ID.pakistan, "inverse"),
    (ID.sco, RDF.type, PAKRU.Organisation, "type"),             # range of pakru:memberOf
    (ID.putin, PAKRU.participatedIn, ID["event/talks"], "inverse"),
    (ID.karachi, RDF.type, SDO.Place, "type"),
    (ID["event/talks"], RDF.type, SEM.Event, "type"),
    (ID["event/talks"], RDF.type, PAKRU.BilateralEvent, "rule"),
    (ID["event/talks"], RDF.type, PAKRU.PakistanRussiaBilateralEvent, "defined class"),
    (ID["event/exercise"], RDF.type, PAKRU.BilateralEvent, "rule"),
    (ID["event/summit"], RDF.type, PAKRU.PakistanRussiaEvent, "rule"),
])
def test_named_examples(small, s, p, o, kind):
    assert small.kinds.get((s, p, o)) == kind
    assert (s, p, o) in small.graph


def test_named_examples_that_do_not_follow(small):
    g = small.graph
    assert (ID["event/exercise"], RDF.type, PAKRU.PakistanRussiaEvent) not in g
    assert (ID["event/summit"], RDF.type, PAKRU.BilateralEvent) not in g
    assert (ID["event/summit"], RDF.type, PAKRU.PakistanRussiaBilateralEvent) not in g
    assert not set(g.subjects()) & {URIRef("http://www.wikidata.org/entity/Q843")}  # sameAs stays outside
    assert not set(small_world()) & set(g)
    assert small.counts["symmetric"] == 1 and small.seconds >= small.hermit_seconds > 0


def test_rules_alone():
    types = apply_rules(small_world())
    assert (ID["event/talks"], RDF.type, PAKRU.BilateralEvent) in types
    assert (ID["event/summit"], RDF.type, PAKRU.BilateralEvent) not in types


def test_asserted_leaves_out_ontology_and_inferred_graphs():
    ds = Dataset()
    ds.graph(ONTOLOGY_GRAPH).add((PAKRU.State, RDF.type, OWL.Class))
    ds.graph(INFERRED_GRAPH).add((ID.pakistan, RDF.type, PAKRU.Agent))
    ds.graph(URIRef("https://w3id.org/pakru/graph/registry")).add((ID.pakistan, RDF.type, PAKRU.State))
    assert set(asserted(ds)) == {(ID.pakistan, RDF.type, PAKRU.State)}


def inconsistent_world() -> Graph:
    g = small_world()
    g.add((ID.pakistan, RDF.type, PAKRU.Event))  # a state cannot be an event (disjoint classes)
    return g


def test_inconsistent_graph_is_reported_in_words(tmp_path, capsys):
    path = tmp_path / "broken.ttl"
    inconsistent_world().serialize(path, format="turtle")
    assert main(["reason", str(path), "-q"]) == 1
    err = capsys.readouterr().err
    assert "inconsistent under HermiT" in err
    assert "id:pakistan is both a" in err and "disjoint" in err
    assert "pakru:State (typed pakru:State)" in err and "pakru:Event (typed pakru:Event)" in err


def test_inconsistency_raises_with_a_report():
    bad = Graph()
    bad.add((ID.x, RDF.type, PAKRU.Claim))
    bad.add((ID.x, RDF.type, PAKRU.Person))
    with pytest.raises(ValidationError) as err:
        infer(bad)
    assert "id:x is both a" in err.value.report and "disjoint" in err.value.report


def _answers(store, text: str) -> list:
    import pyoxigraph as ox

    result = store.query(text, use_default_graph_as_union=True)
    if isinstance(result, bool):
        return [result]
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]

        def cell(term) -> str:  # GROUP_CONCAT order depends on the store: sort its parts
            return "|".join(sorted(re.split(r", | \| ", term.value))) if isinstance(term, ox.Literal) else str(term)

        return sorted(tuple(cell(s[n]) for n in names) for s in result)
    return sorted(str(t) for t in result)


def test_saved_queries_that_rely_on_inference_say_so():
    """A saved query whose answers change when graph:inferred is left out declares
    ``#+ inference: true`` in its header (run on the shipped graph, with and without it)."""
    import pyoxigraph as ox

    from kg.queries import Catalogue

    full, plain = ox.Store(), ox.Store()
    full.load(path=str(SHIPPED), format=ox.RdfFormat.TRIG)
    inferred = ox.NamedNode(str(INFERRED_GRAPH))
    plain.extend([q for q in full.quads_for_pattern(None, None, None, None) if q.graph_name != inferred])
    assert len(plain) < len(full)
    samples = {"partner": "id:russia", "name": "Pakistan"}
    catalogue = Catalogue.load()
    assert len(catalogue) > 5
    for name, query in catalogue.items():
        values = {p.name: samples.get(p.name, "id:pakistan" if p.kind == "iri" else "2018" if p.datatype
                                      else "Pakistan") for p in query.params if p.required and p.default is None}
        text = query.inline(values)
        if _answers(full, text) != _answers(plain, text):
            assert query.uses_inference, f"queries/{name}.rq relies on inference but its header does not say so"


def test_the_readme_reasoning_example_answers():
    import pyoxigraph as ox

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Reasoning"):readme.index("## Validation")]
    (query,) = re.findall(r"```sparql\n(.*?)```", section, flags=re.S)
    store = ox.Store()
    store.load(path=str(SHIPPED), format=ox.RdfFormat.TRIG)
    events = [row["event"].value for row in store.query(query)]
    assert str(EXERCISE) in events and str(MEDIATION) not in events
