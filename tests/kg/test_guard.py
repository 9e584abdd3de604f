"""kg.guard: what a query may do, decided on the parsed query before any store sees it.

Every refusal is checked against a probe HTTP server on 127.0.0.1 that must receive no
request: pyoxigraph sends a SERVICE request as soon as it is handed the query, so a
refusal that came after would still have leaked it.
"""
from __future__ import annotations

import subprocess
import sys

import pytest

from kg import KnowledgeGraph, guard
from kg.errors import QueryError
from kg.queries import Catalogue
from support import ROOT, Probe


@pytest.fixture()
def probe():
    with Probe() as p:
        yield p


@pytest.fixture(scope="module")
def graph():
    return KnowledgeGraph.open()


def services(url: str) -> list[str]:
    return [
        f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"select * where {{ optional {{ service silent <{url}/a> {{ ?s ?p ?o }} }} }}",
        f"ASK {{ FILTER EXISTS {{ SERVICE <{url}/b> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ BIND(<{url}/c> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {{ SELECT * WHERE {{ SERVICE <{url}/d> {{ ?s ?p ?o }} }} }} }}",
        f"PREFIX remote: <{url}/>\nSELECT * WHERE {{ SERVICE remote:x {{ ?s ?p ?o }} }}",
    ]


def test_service_is_refused_on_the_facade_and_no_request_leaves(graph, probe):
    for text in services(probe.url):
        with pytest.raises(guard.Refused, match="SERVICE .* is refused: queries here never send requests"):
            graph.query(text)
    assert probe.hits == []


def test_load_and_updates_are_refused(graph, probe):
    with pytest.raises(guard.Refused, match="LOAD is refused"):
        graph.query(f"LOAD <{probe.url}/data.ttl>")
    with pytest.raises(guard.Refused, match="LOAD is refused"):
        graph.query(f"LOAD SILENT <{probe.url}/data.ttl> INTO GRAPH <urn:g>")
    with pytest.raises(guard.Refused, match="read-only"):
        graph.query("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert probe.hits == []


def test_a_saved_query_with_service_is_refused_before_it_runs(tmp_path, probe):
    (tmp_path / "leak.rq").write_text(
        "#+ summary: leaks\n"
        f"SELECT * WHERE {{ SERVICE <{probe.url}/sparql> {{ ?s ?p ?o }} }}\n", encoding="utf-8")
    with pytest.raises(QueryError, match="SERVICE is refused"):
        Catalogue.load(tmp_path)
    assert probe.hits == []


def test_kg_sparql_refuses_service_and_load(probe):
    for text in (services(probe.url)[1], f"LOAD <{probe.url}/x>"):
        done = subprocess.run([sys.executable, "-m", "kg.cli", "sparql", text], cwd=ROOT, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 2, done.stderr
        assert "is refused" in done.stderr
    assert probe.hits == []


def test_an_allowed_endpoint_is_called(graph, probe):
    """The option for local use: a named endpoint may be called, and no other."""
    text = f"SELECT * WHERE {{ SERVICE SILENT <{probe.url}/sparql> {{ ?s ?p ?o }} }}"
    assert guard.check(text, frozenset({f"{probe.url}/sparql"})).services == (f"<{probe.url}/sparql>",)
    with pytest.raises(guard.Refused, match="allowed: "):
        guard.check(text, frozenset({"http://127.0.0.1:1/other"}))


def test_words_in_strings_iris_and_comments_are_not_keywords(graph):
    text = ('SELECT ?service WHERE { VALUES ?service { "SERVICE <http://x/>" <urn:SERVICE> } } # SERVICE LOAD\n'
            'ORDER BY ?service')
    assert len(graph.query(text).rows) == 2


def test_deep_nesting_is_refused_with_a_message_before_parsing(graph):
    for text in ("SELECT * WHERE " + "{" * 5000 + "}" * 5000,
                 "SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"):
        with pytest.raises(QueryError, match=r"nests groups or brackets 500\d deep; this server reads at most 100 levels"):
            graph.query(text)
    deep_but_allowed = "SELECT * WHERE " + "{" * 60 + "?s ?p ?o" + "}" * 60 + " LIMIT 1"
    assert len(graph.query(deep_but_allowed).rows) == 1


def test_from_chooses_the_default_graph(graph):
    count = "SELECT (COUNT(*) AS ?n) {} WHERE {{ ?s ?p ?o }}"
    assert graph.query(count.format("FROM <urn:nothing>")).rows == [{"n": 0}]
    everything = graph.query(count.format("")).rows[0]["n"]
    ontology = graph.query(count.format("FROM <https://w3id.org/pakru/graph/ontology>")).rows[0]["n"]
    assert 0 < ontology < everything == len(graph)
    named = graph.query("SELECT (COUNT(*) AS ?n) FROM NAMED <https://w3id.org/pakru/graph/ontology> "
                        "WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0]["n"]
    assert named == ontology
    assert guard.check(count.format("FROM <urn:nothing>")).default_graphs == ("urn:nothing",)


def test_a_protocol_dataset_overrides_the_querys(graph):
    text = "SELECT (COUNT(*) AS ?n) FROM <urn:nothing> WHERE { ?s ?p ?o }"
    ontology = graph.query(text.replace("urn:nothing", "https://w3id.org/pakru/graph/ontology")).rows[0]["n"]
    assert graph.query(text, default_graphs=["https://w3id.org/pakru/graph/ontology"]).rows[0]["n"] == ontology
    assert graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", named_graphs=["urn:x"]).rows == [{"n": 0}]


def test_relative_iris_resolve_against_the_base(graph):
    result = graph.query("CONSTRUCT { <s> <p> 1 } WHERE {}", base_iri="http://127.0.0.1:8000/sparql")
    assert {str(s) for s in result.graph.subjects()} == {"http://127.0.0.1:8000/s"}


def test_every_saved_query_passes_the_full_check():
    for query in Catalogue.load().values():
        assert guard.check(query.text).services == ()


def test_a_query_without_risky_words_is_judged_by_the_scan_and_its_errors_by_the_store(graph, probe):
    # No SERVICE, LOAD, update or FROM word: rdflib's parser is skipped, and a broken
    # query is still told with line and column (by pyoxigraph, on the real store).
    assert guard.check("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1").form == "SELECT"
    with pytest.raises(QueryError, match=r"SPARQL syntax error at line 2, column \d+"):
        graph.query("SELECT ?s WHERE {\n  ?s ?p ?o")
    # A keyword written with a \\u escape sends the text to the full parse, which refuses it.
    escaped = f"SELECT * WHERE {{ SERVI\\u0043E <{probe.url}/sparql> {{ ?s ?p ?o }} }}"
    with pytest.raises(guard.Refused, match="SERVICE .* is refused"):
        graph.query(escaped)
    for text in ("CLEAR ALL", "DROP GRAPH <urn:g>", "CREATE GRAPH <urn:g>", "COPY <urn:a> TO <urn:b>",
                 "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"):
        with pytest.raises(guard.Refused, match="read-only"):
            graph.query(text)
    assert probe.hits == []


def test_a_keyword_right_after_a_literal_and_a_dot_is_still_seen(graph, probe):
    """Regression: the scan read "true.SERVICE" as one word, so the query skipped the full
    parse and pyoxigraph would have called the endpoint."""
    for literal in ("true", "false"):
        text = f"SELECT * WHERE {{ ?s ?p {literal}.SERVICE <{probe.url}/sparql> {{ ?a ?b ?c }} }}"
        assert "SERVICE" in guard.scan(text).keywords
        with pytest.raises(guard.Refused, match="SERVICE .* is refused"):
            list(graph.query(text).rows)
    # a prefixed name keeps its dots: schema:Service.x is one name, not the keyword
    assert "SERVICE" not in guard.scan("SELECT * WHERE { ?s a schema:Service.x }").keywords
    assert probe.hits == []


@pytest.mark.parametrize("text, relative", [
    ("SELECT * { <s> <p> ?o }", True),
    ("SELECT * { ?s ?p <> }", True),
    ("PREFIX a: <rel/> SELECT * { a:s ?p ?o }", True),
    (r"SELECT * { <\u0073> ?p ?o }", True),  # an escape may hide one
    ("PREFIX a: <http://x/> SELECT * { a:s ?p ?o FILTER(?o != \"<s>\") }", False),
    ("SELECT * { <urn:x> ?p ?o }", False),
])
def test_the_shape_says_whether_a_query_has_relative_iris(text, relative):
    assert guard.inspect(text).relative_iris is relative


def test_relative_iris_resolve_against_the_base_and_absolute_ones_need_none(graph):
    """The facade gives the store a base only when the query has a relative IRI (resolving
    costs time on every query); either way the answer is what the base says."""
    rows = graph.query("SELECT ?x WHERE { BIND(<s> AS ?x) }", base_iri="http://example.org/a/").rows
    assert str(rows[0]["x"]) == "http://example.org/a/s"
    rows = graph.query("SELECT ?x WHERE { BIND(<http://example.org/b> AS ?x) }", base_iri="http://example.org/a/").rows
    assert str(rows[0]["x"]) == "http://example.org/b"
