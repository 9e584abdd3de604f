"""Statements across articles (kg/claims_rdf.py, queries/statements.rq, queries/disagreements.rq,
KnowledgeGraph.statements, the speaker's page): two articles quoting the same speaker saying
the same thing give one statement with two pieces of evidence, and two opposite statements
about the same entities are linked."""
from __future__ import annotations

import urllib.request

import pytest

from kg import KnowledgeGraph
from kg.build import BuildConfig, build
from kg.claims_rdf import signature, similarity, tokens
from support import ROOT

ARTICLES = ROOT / "tests" / "data" / "statements"
LAVROV = "https://w3id.org/pakru/id/sergey-lavrov"


def test_signature_ignores_case_punctuation_order_and_function_words():
    a = "“Relations between Russia and Pakistan are at their best, and will grow further,”"
    b = "relations between Pakistan and Russia were at their best and will grow further"
    assert signature(a) == signature(b)
    assert signature(a) != signature("Relations between Russia and India are at their best")
    assert tokens("The ties will grow") == {"tie", "grow"}
    assert similarity(a, b) == 1.0 and 0 < similarity(a, "ties will grow") < 0.5


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    out = tmp_path_factory.mktemp("statements")
    report = build(BuildConfig.for_folders(ARTICLES, out, cache=False, check_owl=False, show_progress=False,
                                           durable=False))
    assert report.shapes_conform  # the shared statement node passes the cross-article check too
    g = KnowledgeGraph.open(source=out / "kg.trig")
    yield g, out / "kg.trig"
    g.close()


def test_one_statement_reported_by_two_articles_has_two_pieces_of_evidence(graph):
    g, _ = graph
    rows = [r for r in g.statements(speaker="Sergey Lavrov") if "at their best" in r["text"]]
    assert len({r["statement"] for r in rows}) == 1
    assert sorted(r["document"].rsplit("/", 1)[-1] for r in rows) == ["s1_lavrov_islamabad", "s2_lavrov_moscow"]
    node = rows[0]["statement"]
    assert node.startswith("https://w3id.org/pakru/id/statement/sergey-lavrov/")
    evidence = g.evidence(node)
    assert len(evidence) == 2 and {e.document for e in evidence} == {r["document"] for r in rows}
    answer = g.query(f"SELECT ?who WHERE {{ <{node}> <http://www.w3.org/ns/prov#wasAttributedTo> ?who }}")
    assert {r["who"] for r in answer} == {LAVROV}  # the speaker, not the writers
    # "are at their best and will grow further": a judgement with a forecast joined to it, one kind
    assert len({r["kind"] for r in rows}) == 1 and rows[0]["kind"].rsplit("#", 1)[-1] in {"Assessment", "Prediction"}
    assert all(r["stance"] == "positive" for r in rows)


def test_opposite_statements_about_the_same_entities_are_linked(graph):
    g, _ = graph
    rows = g.run("disagreements")
    pairs = {(r["speakerLabel"], r["stance"], r["otherSpeakerLabel"], r["otherStance"]) for r in rows}
    assert pairs == {("Sergey Lavrov", "positive", "Subrahmanyam Jaishankar", "negative")}
    assert {r["document"].rsplit("/", 1)[-1] for r in rows} == {"s1_lavrov_islamabad", "s2_lavrov_moscow"}
    assert all(r["about"] == "Pakistan, Russia" and "dangerous" in r["otherText"] for r in rows)
    agreeing = g.run("disagreements", relation="agrees")  # Lavrov's two warm statements, if any
    assert all(r["stance"] == r["otherStance"] and "Jaishankar" not in r["speakerLabel"] + r["otherSpeakerLabel"]
               for r in agreeing)
    assert len(g.run("disagreements", about="id:india")) == 0


def test_statements_filters(graph):
    g, _ = graph
    everything = g.statements()
    assert len(everything) == 4 and all(r["sentence"] and r["start"] < r["end"] for r in everything)
    assert {r["speakerLabel"] for r in g.statements(about="pakistan")} == {"Sergey Lavrov", "Subrahmanyam Jaishankar"}
    assert len(g.statements(speaker="Subrahmanyam Jaishankar")) == 1
    assert len(g.statements(since="2030")) == 0  # no article date is that late, and none is unknown here
    wheat = [r for r in everything if "wheat" in r["text"]]
    assert wheat[0]["cue"] == "said" and wheat[0]["quotation"] == "indirect"
    texts = {r["document"]: g.article(r["document"]).text for r in everything}
    for r in everything:
        text = texts[r["document"]]
        assert text[r["start"]:r["end"]] == r["text"] and text[r["sentenceStart"]:r["sentenceEnd"]] == r["sentence"]


def test_the_speakers_page_lists_what_they_said(graph):
    from kg.server.launch import running

    g, trig = graph
    best = next(r for r in g.statements(speaker="Sergey Lavrov") if "at their best" in r["text"])
    with running("--source", str(trig)) as base:
        with urllib.request.urlopen(base + "/id/sergey-lavrov", timeout=30) as answer:
            html = answer.read().decode("utf-8")
        with urllib.request.urlopen(base + "/id/pakistan", timeout=30) as answer:
            pakistan = answer.read().decode("utf-8")
    assert "What Sergey Lavrov said" in html and html.count('class="statement"') == 3
    assert "Relations between Russia and Pakistan are at their best" in html
    assert best["kind"].rsplit("#", 1)[-1] in html  # the statement's kind is shown
    assert 'id="statements"' not in pakistan  # Pakistan is talked about here, not a speaker
