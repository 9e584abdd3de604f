"""The questions the graph was built to answer, asked in plain SPARQL over the published
TriG, each answer with the sentence that supports it."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from support import ROOT

PREFIXES = """
PREFIX pakru: <https://w3id.org/pakru/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX id: <https://w3id.org/pakru/id/>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


@pytest.fixture(scope="module")
def store():
    s = ox.Store()
    s.load(path=str(ROOT / "data" / "kg.trig"), format=ox.RdfFormat.TRIG)
    return s


def ask(store, body):
    rows = store.query(PREFIXES + body, use_default_graph_as_union=True)
    return [{v.value: (row[v].value if row[v] is not None else None) for v in rows.variables} for row in rows]


def test_when_the_friendship_2018_exercise_started_and_ended(store):
    rows = ask(store, """
      SELECT ?start ?end ?sentence WHERE {
        ?e a pakru:MilitaryExercise ; pakru:startDate ?start ; pakru:endDate ?end ;
           pakru:evidence/oa:hasSelector/oa:exact ?sentence .
      }""")
    assert {(r["start"], r["end"]) for r in rows} == {("2018-10-21", "2018-11-04")}
    assert any("joint military exercise" in r["sentence"] for r in rows)


def test_when_diplomatic_relations_were_established(store):
    rows = ask(store, """
      SELECT ?date ?sentence WHERE {
        ?e a pakru:EstablishmentOfRelations ; pakru:participant id:pakistan, id:russia ;
           pakru:date ?date ; pakru:evidence/oa:hasSelector/oa:exact ?sentence .
      } ORDER BY ?date""")
    dates = [r["date"] for r in rows]
    assert "1948-05-01" in dates
    first = next(r for r in rows if r["date"] == "1948-05-01")
    assert "first established on May 1, 1948" in first["sentence"]


def test_which_projects_russia_has_shown_interest_in(store):
    rows = ask(store, """
      SELECT DISTINCT ?label ?sentence WHERE {
        ?i a pakru:ProjectInterest ; pakru:interestedParty id:russia ; pakru:project ?p ;
           pakru:evidence/oa:hasSelector/oa:exact ?sentence .
        ?p skos:prefLabel ?label .
      } ORDER BY ?label""")
    labels = {r["label"] for r in rows}
    assert {"Turkmenistan-Afghanistan-Pakistan-India gas pipeline", "CASA-1000"} <= labels
    assert any("Iran-Pakistan" in label for label in labels)
    assert all("interest" in r["sentence"] for r in rows if r["label"] == "CASA-1000")


def test_trade_volume_by_year(store):
    rows = ask(store, """
      SELECT ?year ?value ?sentence WHERE {
        ?a a pakru:MonetaryAmount ; pakru:measure pakru:TradeVolume ; pakru:referenceYear ?year ;
           schema:value ?value ; pakru:evidence/pakru:inSentence/oa:hasSelector/oa:exact ?sentence .
      } ORDER BY ?year""")
    assert [(r["year"], float(r["value"])) for r in rows] == [("2003", 92e6), ("2011", 700e6)]
    assert all("volume of trade" in r["sentence"] for r in rows)


def test_since_when_pakistan_is_an_sco_observer(store):
    rows = ask(store, """
      SELECT ?since ?sentence WHERE {
        ?m a pakru:Membership ; pakru:member id:pakistan ; pakru:organisation id:sco ;
           pakru:membershipStatus pakru:Observer ; pakru:startDate ?since ;
           pakru:evidence/oa:hasSelector/oa:exact ?sentence .
      }""")
    assert [r["since"] for r in rows] == ["2005"]
    assert "observer status at the SCO in 2005" in rows[0]["sentence"]


def test_every_answer_sentence_is_in_its_article(store):
    rows = ask(store, """
      SELECT ?text ?start ?end ?exact WHERE {
        ?e a pakru:Event ; pakru:evidence ?span .
        ?span oa:hasSource ?doc ; oa:hasSelector ?q, ?p .
        ?q oa:exact ?exact . ?p oa:start ?start ; oa:end ?end .
        ?doc schema:text ?text .
      }""")
    assert len(rows) >= 30
    for r in rows:
        assert r["text"][int(r["start"]):int(r["end"])] == r["exact"]
