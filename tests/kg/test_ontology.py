"""Tests for ontology/pakru.ttl and kg.ontology (loading, HermiT consistency)."""
from __future__ import annotations

import logging
import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.errors import InputError
from kg.namespaces import DOC, ID, OA, SDO as SCHEMA, SEM
from kg.ontology import (
    ONTOLOGY_PATH,
    PAKRU,
    check_consistency,
    load_ontology,
    load_shapes,
    reasoner_drop_reason,
)

ROOT = Path(__file__).resolve().parents[2]
PROV = Namespace("http://www.w3.org/ns/prov#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # a plain Namespace: pytest probes module attributes
CORE = ["State", "Organisation", "Project", "Event", "Claim"]
DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                OWL.NamedIndividual}
BUILTIN = (str(RDF), str(RDFS), str(OWL), str(XSD))


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


def small_graph() -> Graph:
    """One state, one article with one sentence span, one event and one claim."""
    g = Graph()
    text = "Pakistan should deepen energy ties, officials said in May 2023."
    doc, span, author = DOC["d1"], ID["span/d1/0-63"], ID["author/d1"]
    g.add((doc, RDF.type, PAKRU.Article))
    g.add((doc, DCTERMS.identifier, Literal("d1")))
    g.add((doc, SCHEMA.text, Literal(text)))
    g.add((doc, PAKRU.writtenNotBefore, Literal("2023-05", datatype=XSD.gYearMonth)))
    g.add((author, RDF.type, PAKRU.Person))
    g.add((author, SKOS.prefLabel, Literal("Writer of article d1", lang="en")))
    g.add((ID.pakistan, RDF.type, PAKRU.State))
    g.add((ID.pakistan, SKOS.prefLabel, Literal("Pakistan", lang="en")))
    g.add((ID.pakistan, PAKRU.curated, Literal(True)))
    for t in (PAKRU.TextSpan, PAKRU.Sentence, OA.SpecificResource):
        g.add((span, RDF.type, t))
    g.add((span, OA.hasSource, doc))
    g.add((span, PAKRU.sentenceIndex, Literal(0)))
    quote, position = ID["span/d1/0-63/quote"], ID["span/d1/0-63/position"]
    g.add((span, OA.hasSelector, quote))
    g.add((span, OA.hasSelector, position))
    g.add((quote, RDF.type, OA.TextQuoteSelector))
    g.add((quote, OA.exact, Literal(text)))
    g.add((position, RDF.type, OA.TextPositionSelector))
    g.add((position, OA.start, Literal(0, datatype=XSD.nonNegativeInteger)))
    g.add((position, OA.end, Literal(len(text), datatype=XSD.nonNegativeInteger)))
    event = ID["event/meeting/pakistan/2023-05"]
    g.add((event, RDF.type, PAKRU.Event))
    g.add((event, RDF.type, PAKRU.Meeting))
    g.add((event, PAKRU.participant, ID.pakistan))
    g.add((event, PAKRU.date, Literal("2023-05", datatype=XSD.gYearMonth)))
    g.add((event, PAKRU.trigger, span))
    g.add((event, PAKRU.evidence, span))
    g.add((event, PROV.wasDerivedFrom, doc))
    claim = ID["claim/d1/0-63"]
    g.add((claim, RDF.type, PAKRU.Claim))
    g.add((claim, RDF.type, PAKRU.Recommendation))
    g.add((claim, SCHEMA.text, Literal(text, lang="en")))
    g.add((claim, PAKRU.cue, Literal("should")))
    g.add((claim, PAKRU.about, ID.pakistan))
    g.add((claim, PROV.wasAttributedTo, author))
    g.add((claim, PROV.wasDerivedFrom, doc))
    g.add((claim, PAKRU.evidence, span))
    return g


# --- the ontology file ------------------------------------------------------------

def test_parses_with_rdflib_without_warnings(caplog):
    with caplog.at_level(logging.WARNING):
        g = load_ontology()
    assert len(g) > 400
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_header(onto):
    o = URIRef("https://w3id.org/pakru/ontology")
    assert (o, RDF.type, OWL.Ontology) in onto
    assert onto.value(o, OWL.versionInfo) == Literal("0.1.0")
    for p in (DCTERMS.title, DCTERMS.description, DCTERMS.license):
        assert onto.value(o, p) is not None, p


@pytest.mark.parametrize("name", CORE)
def test_core_class_exists_with_comment(onto, name):
    cls = URIRef("https://w3id.org/pakru/ontology#" + name)
    assert (cls, RDF.type, OWL.Class) in onto
    comment = onto.value(cls, RDFS.comment)
    assert comment is not None and comment.language == "en" and len(comment) > 20


def test_every_term_in_model_md_is_declared(onto):
    doc = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    named = set()
    for code in re.findall(r"`([^`\n]+)`", doc) + re.findall(r"^    .*$", doc, re.M):
        named |= set(re.findall(r"pakru:([A-Za-z]\w*)", code))
    assert {"State", "inSentence", "cooperatesWith", "TradeVolume"} <= named
    missing = sorted(n for n in named if not set(onto.objects(PAKRU[n], RDF.type)) & DECLARATIONS)
    assert not missing, f"named in docs/model.md but not declared in the ontology: {missing}"


def test_every_own_term_has_english_label_and_comment(onto):
    own = {s for s in onto.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(str(PAKRU))}
    assert len(own) >= 90
    for term in own:
        langs = lambda p: {lit.language for lit in onto.objects(term, p)}  # noqa: E731
        assert "en" in langs(RDFS.label), term
        assert "en" in langs(RDFS.comment), term


def test_every_external_term_is_declared(onto):
    """OWL 2 DL needs every used IRI declared; this catches a term added without one."""
    used = set()
    for s, p, o in onto:
        used |= {t for t in (p, o) if isinstance(t, URIRef)}
    used -= set(onto.objects(None, DCTERMS.license)) | set(onto.objects(None, OWL.versionIRI))
    undeclared = sorted(t for t in used if not str(t).startswith(BUILTIN)
                        and not set(onto.objects(t, RDF.type)) & DECLARATIONS)
    assert not undeclared


@pytest.mark.parametrize("s, p, o", [
    (PAKRU.Agent, RDFS.subClassOf, PROV.Agent),
    (PAKRU.Organisation, RDFS.subClassOf, SCHEMA.Organization),
    (PAKRU.Organisation, RDFS.subClassOf, PROV.Organization),
    (PAKRU.Person, RDFS.subClassOf, SCHEMA.Person),
    (PAKRU.Place, RDFS.subClassOf, SCHEMA.Place),
    (PAKRU.Event, RDFS.subClassOf, SEM.Event),
    (PAKRU.Article, RDFS.subClassOf, SCHEMA.Article),
    (PAKRU.TextSpan, RDFS.subClassOf, OA.SpecificResource),
    (PAKRU.Mention, RDFS.subClassOf, OA.Annotation),
    (PAKRU.CooperationArea, RDFS.subClassOf, SKOS.Concept),
    (PAKRU.participant, RDFS.subPropertyOf, SEM.hasActor),
    (PAKRU.evidence, RDFS.subPropertyOf, PROV.wasDerivedFrom),
    (PAKRU.about, RDFS.subPropertyOf, SCHEMA.about),
    (PAKRU.evidence, RDFS.range, PAKRU.TextSpan),
    (PAKRU.participant, RDFS.range, PAKRU.Agent),
    (PAKRU.locatedIn, RDF.type, OWL.TransitiveProperty),
    (PAKRU.cooperatesWith, RDF.type, OWL.SymmetricProperty),
    (PAKRU.FullMember, RDF.type, PAKRU.MembershipStatus),
    (PAKRU.Investment, RDF.type, PAKRU.QuantityKind),
])
def test_alignment_and_axioms(onto, s, p, o):
    assert (s, p, o) in onto


def test_core_classes_are_pairwise_disjoint(onto):
    core = {PAKRU[n] for n in "State Organisation Person Place Project Event Claim TextSpan Article".split()}
    lists = [set(onto.items(onto.value(a, OWL.members))) for a in onto.subjects(RDF.type, OWL.AllDisjointClasses)]
    assert core in lists


def test_date_properties_have_no_range_outside_owl2(onto):
    for p in (PAKRU.date, PAKRU.startDate, PAKRU.endDate, PAKRU.referenceYear, PAKRU.writtenNotBefore):
        assert onto.value(p, RDFS.range) is None, p


def test_syntax_error_names_file_and_line(tmp_path):
    lines = ONTOLOGY_PATH.read_text(encoding="utf-8").splitlines()
    lines.insert(59, 'pakru:Broken rdfs:label "broken"@en ) .')  # becomes line 60
    broken = tmp_path / "broken-pakru.ttl"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_ontology(broken)
    assert "broken-pakru.ttl:60" in str(err.value)
    assert err.value.line == 60 and err.value.path == str(broken)


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_shapes(tmp_path / "nope.ttl")


# --- what the reasoner gets -------------------------------------------------------

def test_drop_reason_keeps_logic_and_drops_what_hermit_cannot_read():
    sig = (frozenset({PAKRU.State}), frozenset({PAKRU.participant}), frozenset({PAKRU.date, PAKRU.sentenceIndex}))
    e = ID.e
    assert reasoner_drop_reason((e, RDF.type, PAKRU.State), *sig) is None
    assert reasoner_drop_reason((e, PAKRU.participant, ID.x), *sig) is None
    assert reasoner_drop_reason((e, PAKRU.sentenceIndex, Literal(3)), *sig) is None
    for dt in (XSD.date, XSD.gYear, XSD.gYearMonth, XSD.duration):
        assert "outside OWL 2" in reasoner_drop_reason((e, PAKRU.date, Literal("2020", datatype=dt)), *sig)
    assert reasoner_drop_reason((e, RDF.type, URIRef("http://example.org/Other")), *sig)
    assert reasoner_drop_reason((e, SKOS.prefLabel, Literal("x", lang="en")), *sig)
    assert reasoner_drop_reason((e, PAKRU.participant, Literal("x")), *sig)
    assert reasoner_drop_reason((e, PAKRU.date, BNode()), *sig)


# --- HermiT (each run starts a JVM, so few of them) -------------------------------

@pytest.fixture(scope="module")
def ontology_check():
    return check_consistency()


@pytest.fixture(scope="module")
def small_check(onto):
    g = small_graph()
    g.add((ID["amount/d1/0-5"], RDF.type, PAKRU.MonetaryAmount))
    g.add((ID["amount/d1/0-5"], SCHEMA.value, Literal(Decimal("1500000000"))))
    return check_consistency(g, onto)


def test_ontology_alone_is_consistent_and_coherent(ontology_check):
    assert ontology_check.consistent, ontology_check.explanation
    assert ontology_check.unsatisfiable == []
    assert ontology_check.ok and ontology_check.seconds["hermit"] < 60


def test_small_graph_is_consistent_with_dates_left_out(small_check):
    assert small_check.consistent, small_check.explanation
    assert small_check.explanation == "consistent"
    assert small_check.dropped.get("datatype outside OWL 2 (xsd:gYearMonth)") == 2


def test_state_typed_as_event_is_inconsistent_and_named(onto):
    g = small_graph()
    g.add((ID.pakistan, RDF.type, PAKRU.Event))
    result = check_consistency(g, onto)
    assert not result.consistent
    assert "id:pakistan" in result.explanation
    assert "pakru:State" in result.explanation and "pakru:Event" in result.explanation
    assert "disjoint" in result.explanation
