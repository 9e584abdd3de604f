"""kg.facade: KnowledgeGraph on the published graph; the README's Python example runs."""
from __future__ import annotations

import contextlib
import doctest
import importlib.util
import io
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph

import kg.facade
import kg.gsp
import kg.lookup
import kg.remote
import kg.results
import kg.store
from kg import KnowledgeGraph
from kg.errors import KGError, QueryError
from kg.results import Result

ROOT = Path(__file__).resolve().parents[2]
EXERCISE = "https://w3id.org/pakru/id/event/militaryexercise/pakistan-russia/2018-10-21"


@pytest.fixture(scope="module")
def graph() -> KnowledgeGraph:
    return KnowledgeGraph.open()


@pytest.mark.parametrize("module", [kg.facade, kg.results, kg.store, kg.remote, kg.lookup, kg.gsp])
def test_docstring_examples(module):
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0


def test_docstring_examples_exist():
    assert doctest.testmod(kg.facade).attempted >= 5


def test_readme_python_example_runs():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks, "the README has no python example"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(blocks[0], "README.md", "exec"), {"__name__": "readme"})
    printed = out.getvalue()
    assert "military exercise" in printed.lower() and "Russia https://w3id.org/pakru/id/russia" in printed


def test_open_and_sizes(graph):
    assert len(graph) > 10_000 and "kg.trig" in repr(graph)
    assert len(graph.queries) >= 7 and "timeline" in graph.queries


def test_open_errors(tmp_path):
    with pytest.raises(KGError, match="run `kg build` first"):
        KnowledgeGraph.open(source=tmp_path / "none.trig")
    with pytest.raises(KGError, match="http"):
        KnowledgeGraph.connect("localhost:7878/query")


def test_persistent_store_gives_the_same_answers(graph, tmp_path):
    with KnowledgeGraph.open(tmp_path / "store") as disk:
        assert len(disk) == len(graph)
        differ = [name for name in graph.queries if disk.run(name) != graph.run(name)]
        assert not differ, f"the on-disk and in-memory stores disagree on {differ}"
    with KnowledgeGraph.open(tmp_path / "store") as again:  # the lock was released
        assert again.entity("Russia").iri == "https://w3id.org/pakru/id/russia"


def test_run_with_parameters(graph):
    r = graph.run("relations_established", state="id:pakistan", partner="id:russia")
    assert r.rows and all(isinstance(row["start"], int) for row in r)
    assert graph.run("military_exercises", year=2018).rows[0]["startDate"] == date(2018, 10, 21)
    assert set(graph.run("entity_by_name", name="Kremlin").column("entity")) == {"https://w3id.org/pakru/id/russia"}


def test_run_pages(graph):
    """A paginated query answers a page (100 rows) at a time; the pages follow each other."""
    events = graph.run("events")
    query = graph.queries["events"]
    assert query.page_size == 100 and len(events) < 100
    small = replace(query, page_size=10)
    assert len(events) > 20  # three pages at least
    last = (len(events) + 9) // 10 + 1  # the first page past the end
    pages = [graph.store.query(small.inline({"page": n})).column("sentence") for n in range(1, last + 1)]
    assert [len(p) for p in pages] == [10] * (last - 2) + [len(events) - 10 * (last - 2), 0]
    assert sum(pages, []) == events.column("sentence")
    assert not graph.run("events", page=2)


def test_a_saved_query_asked_again_keeps_its_checked_text_per_values():
    """The checked text is made once per query and values, and never stands in for other
    values: each answer is the one a fresh graph gives; a bad value is refused every time,
    and at most kg.facade.PREPARED texts are kept."""
    kept = KnowledgeGraph.open()
    asked = [("military_exercises", {"year": 2018}), ("military_exercises", {"year": 1990}),
             ("events", {"page": 2}), ("events", {}), ("military_exercises", {"year": "2018"})]
    for name, values in asked * 2:
        assert kept.run(name, **values) == KnowledgeGraph.open().run(name, **values)
    assert len(kept._texts) == 4  # year 2018 given as a number and as text: one text
    for _ in range(2):
        with pytest.raises(QueryError, match="gYear"):
            kept.run("military_exercises", year="last year")
    for year in range(1900, 1900 + kg.facade.PREPARED + 5):
        kept.run("military_exercises", year=year)
    assert len(kept._texts) == kg.facade.PREPARED


def test_run_binds_values_as_terms_not_text(graph):
    assert not graph.run("entity_by_name", name='x")) } } SELECT * WHERE { ?s ?p ?o } #')
    with pytest.raises(QueryError, match="expects an IRI"):
        graph.run("documents_mentioning", entity="https://x> } #")


def test_run_errors(graph):
    with pytest.raises(QueryError, match="did you mean 'timeline'"):
        graph.run("timelin")
    with pytest.raises(QueryError, match="no parameter 'colour'"):
        graph.run("timeline", colour="red")
    with pytest.raises(QueryError, match="gYear"):
        graph.run("military_exercises", year="last year")


def test_sparql_returns_the_natural_type(graph):
    assert graph.sparql("ASK { ?s ?p ?o }") is True
    assert isinstance(graph.sparql("CONSTRUCT WHERE { <%s> ?p ?o }" % EXERCISE), Graph)
    r = graph.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert isinstance(r, Result) and r.rows[0]["n"] == len(graph)
    with pytest.raises(QueryError, match="line 1, column"):
        graph.sparql("SELECT ?x WHERE { ?x }")
    with pytest.raises(QueryError, match="empty"):
        graph.sparql("  ")


def test_entity(graph):
    russia = graph.entity("russian federation")  # an alias, any case
    assert russia.iri == "https://w3id.org/pakru/id/russia" and russia.label == "Russia"
    assert "https://w3id.org/pakru/ontology#State" in russia.types
    assert "Russian Federation" in russia.aliases and russia.description
    preds = {f.predicate for f in russia.facts}
    assert "https://w3id.org/pakru/ontology#participant" in preds  # events it took part in
    with_evidence = [f for f in russia.facts if f.evidence]
    assert with_evidence and all(e.sentence for f in with_evidence for e in f.evidence)
    assert russia.evidence and all(e.text in e.sentence for e in russia.evidence)
    assert graph.entity("id:russia").iri == graph.entity(russia.iri).iri == russia.iri


def test_entity_errors(graph):
    with pytest.raises(QueryError, match="did you mean 'Russia'"):
        graph.entity("Rusia")
    with pytest.raises(QueryError, match="is not an IRI"):
        graph.entity("https://x> } #")
    with pytest.raises(QueryError, match="says nothing about"):
        graph.entity("https://w3id.org/pakru/id/no-such-thing")


def test_evidence_points_to_the_exact_words(graph):
    found = graph.evidence(EXERCISE)
    assert found and "October 21 to November 4, 2018" in found[0].sentence
    for ev in found:
        text = graph.sparql(f"SELECT ?t WHERE {{ <{ev.document}> <https://schema.org/text> ?t }}").rows[0]["t"]
        assert text[ev.start:ev.end] == ev.text == ev.sentence


def test_events_and_claims(graph):
    drills = graph.events(kind="MilitaryExercise")
    assert len(drills) >= 2 and all("military exercise" in r["label"].lower() for r in drills)
    recent = graph.events(participant="Russia", since="2015", until=date(2019, 1, 1))
    assert recent and all("2015" <= str(r["date"])[:4] <= "2019" for r in recent)
    dates = [str(r["date"]) for r in graph.events() if r["date"] is not None]
    assert dates == sorted(dates)
    with pytest.raises(QueryError, match="YYYY"):
        graph.events(since="yesterday")
    recs = graph.claims(about="Russia", kind="Recommendation")
    assert recs and {r["type"] for r in recs} == {"https://w3id.org/pakru/ontology#Recommendation"}
    assert all(r["text"] and r["document"] for r in recs)


def test_run_accepts_python_values(graph):
    assert graph.run("events", since=2018, until=2018) == graph.run("events", since="2018", until="2018")


@pytest.mark.skipif(importlib.util.find_spec("pandas") is None, reason="pandas is not installed")
def test_dataframe(graph):
    frame = graph.run("timeline").to_dataframe()
    assert len(frame) == len(graph.run("timeline")) and "label" in frame.columns
