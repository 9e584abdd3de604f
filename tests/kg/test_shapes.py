"""Tests for ontology/shapes.ttl and kg.shapes.validate_shapes (real pySHACL runs)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from kg.namespaces import DOC, ID, OA, SDO as SCHEMA, SH
from kg.ontology import PAKRU, load_ontology, load_shapes
from kg.blocks import Block, check_shared
from kg.publish import sorted_triples
from kg.report import Problem
from kg.shapes import ShapeChecker, validate_shapes

PROV = Namespace("http://www.w3.org/ns/prov#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # a plain Namespace: pytest probes module attributes
TEXT = "Pakistan should deepen energy ties, officials said in May 2023."
SPAN = ID["span/d1/0-63"]
QUOTE, POSITION = ID["span/d1/0-63/quote"], ID["span/d1/0-63/position"]
EVENT, CLAIM = ID["event/meeting/pakistan/2023-05"], ID["claim/d1/0-63"]
PARTICIPATION = ID["participation/d1/0/pakistan"]


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


def small_graph() -> Graph:
    """One state, one article with one sentence span, one event and one claim."""
    g = Graph()
    doc, author = DOC["d1"], ID["author/d1"]
    g.add((doc, RDF.type, PAKRU.Article))
    g.add((doc, DCTERMS.identifier, Literal("d1")))
    g.add((doc, SCHEMA.text, Literal(TEXT)))
    g.add((doc, SCHEMA.datePublished, Literal("2023-05-20", datatype=XSD.date)))
    g.add((author, RDF.type, PAKRU.Person))
    g.add((author, SKOS.prefLabel, Literal("Writer of article d1", lang="en")))
    g.add((ID.pakistan, RDF.type, PAKRU.State))
    g.add((ID.pakistan, SKOS.prefLabel, Literal("Pakistan", lang="en")))
    g.add((ID.pakistan, SKOS.altLabel, Literal("Islamic Republic of Pakistan", lang="en")))
    g.add((ID.pakistan, PAKRU.curated, Literal(True)))
    for t in (PAKRU.TextSpan, PAKRU.Sentence, OA.SpecificResource):
        g.add((SPAN, RDF.type, t))
    g.add((SPAN, OA.hasSource, doc))
    g.add((SPAN, PAKRU.sentenceIndex, Literal(0)))
    g.add((SPAN, OA.hasSelector, QUOTE))
    g.add((SPAN, OA.hasSelector, POSITION))
    g.add((QUOTE, RDF.type, OA.TextQuoteSelector))
    g.add((QUOTE, OA.exact, Literal(TEXT)))
    g.add((POSITION, RDF.type, OA.TextPositionSelector))
    g.add((POSITION, OA.start, Literal(0, datatype=XSD.nonNegativeInteger)))
    g.add((POSITION, OA.end, Literal(len(TEXT), datatype=XSD.nonNegativeInteger)))
    g.add((EVENT, RDF.type, PAKRU.Event))
    g.add((EVENT, RDF.type, PAKRU.Meeting))
    g.add((EVENT, PAKRU.participant, ID.pakistan))
    g.add((EVENT, PAKRU.date, Literal("2023-05", datatype=XSD.gYearMonth)))
    g.add((EVENT, PAKRU.evidence, SPAN))
    g.add((EVENT, PAKRU.trigger, SPAN))
    g.add((EVENT, PAKRU.confidence, Literal("0.870", datatype=XSD.decimal)))
    g.add((EVENT, PAKRU.participation, PARTICIPATION))
    g.add((PARTICIPATION, RDF.type, PAKRU.Participation))
    g.add((PARTICIPATION, PAKRU.participantAgent, ID.pakistan))
    g.add((PARTICIPATION, PAKRU.role, PAKRU.AgentRole))
    g.add((PARTICIPATION, PAKRU.confidence, Literal("0.910", datatype=XSD.decimal)))
    g.add((CLAIM, RDF.type, PAKRU.Claim))
    g.add((CLAIM, PAKRU.confidence, Literal("0.900", datatype=XSD.decimal)))
    g.add((CLAIM, RDF.type, PAKRU.Recommendation))
    g.add((CLAIM, SCHEMA.text, Literal(TEXT, lang="en")))
    g.add((CLAIM, PAKRU.about, ID.pakistan))
    g.add((CLAIM, PROV.wasAttributedTo, author))
    g.add((CLAIM, PROV.wasDerivedFrom, doc))
    g.add((CLAIM, PAKRU.evidence, SPAN))
    g.add((CLAIM, PAKRU.confidence, Literal("0.70", datatype=XSD.decimal)))
    g.add((CLAIM, PAKRU.stance, Literal("positive")))
    return g


def with_changes(remove=(), add=()) -> Graph:
    g = small_graph()
    for pattern in remove:
        g.remove(pattern)
    for triple in add:
        g.add(triple)
    return g


def test_small_graph_conforms(shapes, onto):
    report = validate_shapes(small_graph(), shapes, onto)
    assert report.conforms, report.text()
    assert report.results == [] and report.text() == "conforms"


def test_defaults_load_the_shapes_and_ontology_files():
    assert validate_shapes(small_graph()).conforms


BROKEN = [
    pytest.param(with_changes(remove=[(QUOTE, OA.exact, None)]),
                 "id:span/d1/0-63/quote", "oa:exact", "exactly one oa:exact", id="span-without-exact"),
    pytest.param(with_changes(remove=[(EVENT, PAKRU.participant, None)]),
                 "id:event/meeting/pakistan/2023-05", "pakru:participant", "at least one pakru:participant",
                 id="event-without-participant"),
    pytest.param(with_changes(remove=[(CLAIM, RDF.type, PAKRU.Recommendation)]),
                 "id:claim/d1/0-63", "rdf:type", "typed with its kind", id="claim-without-kind"),
    pytest.param(with_changes(remove=[(EVENT, PAKRU.date, None)],
                              add=[(EVENT, PAKRU.date, Literal("May 2023", datatype=XSD.string))]),
                 "id:event/meeting/pakistan/2023-05", "pakru:date", "xsd:date, xsd:gYearMonth or xsd:gYear",
                 id="date-typed-string"),
    pytest.param(with_changes(remove=[(POSITION, OA.start, None), (POSITION, OA.end, None)],
                              add=[(POSITION, OA.start, Literal(30, datatype=XSD.nonNegativeInteger)),
                                   (POSITION, OA.end, Literal(5, datatype=XSD.nonNegativeInteger))]),
                 "id:span/d1/0-63/position", "oa:start", "oa:start must be less than its oa:end", id="span-end-before-start"),
    pytest.param(with_changes(remove=[(EVENT, RDF.type, PAKRU.Meeting)]),
                 "id:event/meeting/pakistan/2023-05", "rdf:type", "typed with its kind", id="event-without-kind"),
    pytest.param(with_changes(remove=[(EVENT, PAKRU.evidence, None)], add=[(EVENT, PAKRU.evidence, ID.pakistan)]),
                 "id:event/meeting/pakistan/2023-05", "pakru:evidence", "must be a pakru:TextSpan",
                 id="evidence-not-a-span"),
    pytest.param(with_changes(remove=[(CLAIM, PROV.wasDerivedFrom, None)]),
                 "id:claim/d1/0-63", "prov:wasDerivedFrom", "derived from its article", id="claim-without-article"),
    pytest.param(with_changes(remove=[(CLAIM, PAKRU.confidence, None)],
                              add=[(CLAIM, PAKRU.confidence, Literal("1.5", datatype=XSD.decimal))]),
                 "id:claim/d1/0-63", "pakru:confidence", "from 0 to 1", id="claim-confidence-above-one"),
    pytest.param(with_changes(remove=[(CLAIM, PAKRU.stance, None)], add=[(CLAIM, PAKRU.stance, Literal("happy", lang="en"))]),
                 "id:claim/d1/0-63", "pakru:stance", "positive", id="claim-stance-unknown"),
    pytest.param(with_changes(add=[(ID.pakistan, SKOS.prefLabel, Literal("Pakistan (country)", lang="en"))]),
                 "id:pakistan", "skos:prefLabel", "exactly one English preferred label", id="two-english-labels"),
    pytest.param(with_changes(add=[(ID.moscow, RDF.type, PAKRU.City)]),
                 "id:moscow", "skos:prefLabel", "exactly one English preferred label", id="subclass-targeted"),
]


@pytest.mark.parametrize("graph, focus, path, words", BROKEN)
def test_broken_graph_fails_with_a_plain_message(shapes, onto, graph, focus, path, words):
    report = validate_shapes(graph, shapes, onto)
    assert not report.conforms
    hits = [r for r in report.results if r.focus == focus and r.path == path and words in r.message]
    assert hits, report.text()
    assert any(line.startswith(f"{focus} {path}".rstrip()) and words in line for line in report.text().splitlines())


def test_end_before_start_reports_the_offsets(shapes, onto):
    g = with_changes(remove=[(POSITION, OA.end, None)], add=[(POSITION, OA.end, Literal(0, datatype=XSD.nonNegativeInteger))])
    report = validate_shapes(g, shapes, onto)
    [hit] = [r for r in report.results if "oa:end" in r.message]
    assert hit.focus == "id:span/d1/0-63/position" and hit.path == "oa:start"
    assert "less than its oa:end" in hit.message and hit.value.startswith('"0"')


def test_relations_amounts_and_mentions(shapes, onto):
    g = small_graph()
    m, amount, mention = ID["membership/pakistan/sco/full"], ID["amount/d1/0-8"], ID["mention/d1/0-8"]
    g.add((m, RDF.type, PAKRU.Membership))
    g.add((m, PAKRU.member, ID.pakistan))
    g.add((amount, RDF.type, PAKRU.MonetaryAmount))
    g.add((amount, SCHEMA.value, Literal("two billion")))
    g.add((amount, SCHEMA.currency, Literal("USD")))
    g.add((amount, PAKRU.evidence, SPAN))
    g.add((mention, RDF.type, PAKRU.Mention))
    g.add((mention, OA.hasBody, ID.pakistan))
    g.add((mention, OA.hasBody, ID.russia))
    g.add((mention, OA.hasTarget, SPAN))
    text = validate_shapes(g, shapes, onto).text()
    for words in ("exactly one pakru:organisation", "exactly one pakru:membershipStatus",
                  "membership must have at least one pakru:evidence", "schema:value, an xsd:decimal",
                  "exactly one oa:hasBody"):
        assert words in text
    g.set((amount, SCHEMA.value, Literal(Decimal("2000000000"))))
    assert "xsd:decimal" not in validate_shapes(g, shapes, onto).text()


def test_results_are_sorted_and_repeatable(shapes, onto):
    g = with_changes(remove=[(EVENT, PAKRU.participant, None), (CLAIM, RDF.type, PAKRU.Recommendation),
                             (QUOTE, OA.exact, None)])
    first, second = validate_shapes(g, shapes, onto), validate_shapes(g, shapes, onto)
    assert len(first.results) == 3
    assert first.results == sorted(first.results) == second.results
    assert first.text() == second.text() and len(first.text().splitlines()) == 3
    assert all(isinstance(r, Problem) and r.check == "shapes" and r.severity == "Violation" for r in first.results)


def test_dataset_named_graphs_are_validated_together(shapes, onto):
    ds = Dataset()
    registry = ds.graph(URIRef("https://w3id.org/pakru/graph/registry"))
    document = ds.graph(URIRef("https://w3id.org/pakru/graph/doc/d1"))
    for t in small_graph():
        (registry if t[0] == ID.pakistan else document).add(t)
    assert validate_shapes(ds, shapes, onto).conforms


def test_event_kinds_in_shapes_match_the_ontology(shapes, onto):
    # classes a reasoner derives (kg reason) are not kinds the extraction asserts
    derived = {PAKRU.BilateralEvent, PAKRU.PakistanRussiaEvent, PAKRU.PakistanRussiaBilateralEvent}
    kinds = set(onto.transitive_subjects(RDFS.subClassOf, PAKRU.Event)) - {PAKRU.Event} - derived
    in_lists = set()
    for qualified in shapes.objects(None, SH.qualifiedValueShape):
        in_lists |= set(shapes.items(shapes.value(qualified, SH["in"]) or RDF.nil))
    assert kinds <= in_lists
    claim_kinds = set(onto.transitive_subjects(RDFS.subClassOf, PAKRU.Claim)) - {PAKRU.Claim}
    assert claim_kinds <= in_lists and len(kinds) == 19


def _nt(graph: Graph) -> str:
    import pyoxigraph as ox

    return ox.serialize(sorted_triples(graph), format=ox.RdfFormat.N_TRIPLES).decode()


@pytest.mark.parametrize("graph", [pytest.param(small_graph(), id="sound")]
                         + [pytest.param(p.values[0], id=p.id) for p in BROKEN])
def test_the_build_checker_gives_the_results_of_pyshacl(shapes, onto, graph):
    """The build checks with the Rust engine (kg.shapes.ShapeChecker); pySHACL is the reference."""
    fast = ShapeChecker(shapes, _nt(onto)).check(_nt(graph))
    assert fast == validate_shapes(graph, shapes, onto).results


def _block(doc_id: str, shared: str) -> Block:
    return Block(doc_id=doc_id, key=doc_id, triples=0, counts={}, spans=0, evidence_problems=[], shape_problems=[],
                 shared=shared.strip().splitlines(), unlinked=[], aliases=[])


def test_nodes_several_articles_describe_are_checked_together(shapes, onto):
    """Each article alone gives the event one status; together it has two, which the
    shapes forbid (at most one schema:eventStatus): only the cross-article check sees it."""
    checker = ShapeChecker(shapes, _nt(onto) + _nt(small_graph()))
    event = f"<{EVENT}>"
    a = _block("a", f"{event} <{SCHEMA.eventStatus}> <{SCHEMA.EventPostponed}> .")
    b = _block("b", f"{event} <{SCHEMA.eventStatus}> <{SCHEMA.EventScheduled}> .")
    assert check_shared([a], checker) == []
    [problem] = check_shared([a, b], checker)
    assert problem.startswith("a, b: id:event/meeting/pakistan/2023-05 schema:eventStatus")
    same = _block("b", f"{event} <{SCHEMA.eventStatus}> <{SCHEMA.EventPostponed}> .")
    assert check_shared([a, same], checker) == []
    # an incremental build checks the nodes its new articles describe, with every article's statements
    other = _block("c", f"<{ID['event/meeting/russia/2023-06']}> <{SCHEMA.eventStatus}> <{SCHEMA.EventPostponed}> .")
    assert check_shared([a, b, other], checker, new={"c"}) == []
    assert len(check_shared([a, b, other], checker, new={"b"})) == 1


def test_only_bounded_properties_make_a_node_worth_checking_across_articles(shapes):
    from kg.shapes import bounded_paths

    bounded = bounded_paths(shapes)
    assert str(SCHEMA.eventStatus) in bounded and str(SKOS.prefLabel) in bounded  # maxCount, uniqueLang
    assert str(PAKRU.participant) not in bounded  # at least one, each an agent: holds of any union
    closed = Graph()
    closed += shapes
    closed.add((URIRef("https://w3id.org/pakru/shapes#EventShape"), SH.closed, Literal(True)))
    assert bounded_paths(closed) is None


def test_confidence_outside_zero_to_one_and_a_participation_without_agent_fail(shapes, onto):
    g = with_changes(remove=[(EVENT, PAKRU.confidence, None), (PARTICIPATION, PAKRU.participantAgent, None)],
                     add=[(EVENT, PAKRU.confidence, Literal("1.5", datatype=XSD.decimal))])
    report = validate_shapes(g, shapes, onto)
    assert not report.conforms
    assert "from 0 to 1" in report.text() and "exactly one agent" in report.text()
