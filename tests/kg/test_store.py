"""kg.store: the embedded stores agree, the on-disk store reloads only when it must,
bindings are RDF terms, and errors say where."""
from __future__ import annotations

import doctest
import json
import shutil
import time

import pytest
from rdflib import Literal, URIRef

import kg.store
from kg.errors import KGError, QueryError
import kg.remote
from kg.remote import RemoteStore, query_form, values_clause
from support import PUBLISHED as DEFAULT_SOURCE
from kg.store import (OxigraphStore, RdflibStore, check_syntax, open_persistent, to_oxigraph,
                      to_rdflib)

PRE = """PREFIX pakru: <https://w3id.org/pakru/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""
QUERIES = {
    "exercises": PRE + """SELECT ?e ?start ?end ?sentence WHERE { ?e a pakru:MilitaryExercise ;
        pakru:startDate ?start ; pakru:endDate ?end ; pakru:evidence/oa:hasSelector/oa:exact ?sentence }
        ORDER BY ?e ?sentence""",
    "labels": PRE + """SELECT ?x ?l WHERE { ?x skos:prefLabel ?l } ORDER BY ?x ?l""",
    "participant": PRE + """SELECT DISTINCT ?e ?_who WHERE { ?e pakru:participant ?_who } ORDER BY ?e""",
    "amounts": PRE + """SELECT ?a ?v ?y WHERE { ?a a pakru:MonetaryAmount ;
        <https://schema.org/value> ?v ; pakru:referenceYear ?y } ORDER BY ?a""",
}
RUSSIA = URIRef("https://w3id.org/pakru/id/russia")


@pytest.fixture(scope="module")
def oxigraph() -> OxigraphStore:
    store = OxigraphStore()
    store.load_trig(DEFAULT_SOURCE)
    return store


@pytest.fixture(scope="module")
def rdflib_store() -> RdflibStore:
    store = RdflibStore()
    store.load_trig(DEFAULT_SOURCE)
    return store


def test_oxigraph_and_rdflib_agree(oxigraph, rdflib_store):
    assert len(oxigraph) == len(rdflib_store) > 10_000
    for name, text in QUERIES.items():
        bindings = {"_who": RUSSIA} if "_who" in text else None
        a, b = oxigraph.query(text, bindings), rdflib_store.query(text, bindings)
        assert a.rows, name
        assert a == b, name


def test_bound_parameter_is_a_term_not_text(oxigraph):
    r = oxigraph.query(QUERIES["participant"], {"_who": RUSSIA})
    assert len(r) >= 20 and {row["_who"] for row in r} == {str(RUSSIA)}
    # a literal that looks like an IRI matches nothing: it is not pasted into the text
    assert not oxigraph.query(QUERIES["participant"], {"_who": Literal(str(RUSSIA))})


def test_default_graph_is_the_union(oxigraph):
    r = oxigraph.query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert r.rows[0]["n"] >= 5  # ontology, registry and one graph per article
    assert oxigraph.query(PRE + "ASK { <https://w3id.org/pakru/id/russia> skos:prefLabel ?l }").boolean is True


def test_construct_gives_a_graph(oxigraph):
    r = oxigraph.query(PRE + "CONSTRUCT { ?x skos:prefLabel ?l } WHERE { ?x skos:prefLabel ?l }")
    assert r.graph is not None and len(r.graph) == len(r) > 100


def test_syntax_error_has_line_and_column(oxigraph):
    text = "SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER(?o > )\n}"
    with pytest.raises(QueryError) as err:
        oxigraph.query(text)
    assert "SPARQL syntax error at line " in str(err.value) and ", column " in str(err.value)
    assert err.value.line in (3, 4)
    with pytest.raises(QueryError, match=r"line 1, column \d+"):
        check_syntax("SELECT * WHERE { ?s ?p ")


def test_term_conversion_round_trip():
    for term in (RUSSIA, Literal("Russia", lang="en"), Literal("2018", datatype=URIRef(
            "http://www.w3.org/2001/XMLSchema#gYear")), Literal("plain")):
        assert to_rdflib(to_oxigraph(term)) == term


def test_values_clause_refuses_what_would_break_the_query():
    assert values_clause({"_x": Literal('a "b"\n')}) == '\nVALUES (?_x) { ("a \\"b\\"\\n") }\n'
    with pytest.raises(QueryError, match="is not an IRI"):
        values_clause({"_x": URIRef("https://x> } DROP ALL #")})
    with pytest.raises(QueryError, match="not a SPARQL variable"):
        values_clause({"x) {": RUSSIA})


def test_persistent_store_opens_fast_and_reloads_when_the_source_changes(tmp_path):
    source = tmp_path / "kg.trig"
    shutil.copy(DEFAULT_SOURCE, source)
    where = tmp_path / "store"
    first = open_persistent(where, source)
    count = len(first)
    first.close()
    meta = json.loads((where / "source.json").read_text())
    assert meta["quads"] == count and len(meta["sha256"]) == 64

    started = time.perf_counter()
    again = open_persistent(where, source)
    opened = time.perf_counter() - started
    assert len(again) == count
    assert opened < 0.5, f"opening the on-disk store took {opened:.3f} s"
    again.close()

    with source.open("a", encoding="utf-8") as f:  # the published file changes: one more graph
        f.write('\n<https://w3id.org/pakru/graph/extra> { <urn:a> <urn:b> "c" . }\n')
    changed = open_persistent(where, source)
    assert len(changed) == count + 1
    assert changed.query('ASK { <urn:a> <urn:b> "c" }').boolean is True
    changed.close()
    assert json.loads((where / "source.json").read_text())["sha256"] != meta["sha256"]


def test_persistent_store_errors(tmp_path):
    with pytest.raises(KGError, match="run `kg build` first"):
        open_persistent(tmp_path / "s", tmp_path / "missing.trig")
    (tmp_path / "file").write_text("x")
    with pytest.raises(KGError, match="give a directory"):
        open_persistent(tmp_path / "file", DEFAULT_SOURCE)
    bad = tmp_path / "bad.trig"
    bad.write_text("<urn:a> <urn:b> .\n")
    with pytest.raises(KGError, match="cannot load"):
        open_persistent(tmp_path / "s2", bad)
    assert not (tmp_path / "s2" / "source.json").exists()  # a failed load is not recorded as current


def test_remote_store_cannot_be_loaded_by_query():
    with pytest.raises(KGError, match="kg push"):
        RemoteStore("http://127.0.0.1:9/query").load_trig(DEFAULT_SOURCE)


def test_query_form_ignores_comments_strings_and_iris():
    assert query_form("#+ description: construction projects\nSELECT * { ?s ?p ?o }") == "SELECT"
    assert query_form("PREFIX x: <http://e/ASK#>\nCONSTRUCT WHERE { ?s ?p 'DESCRIBE' }") == "CONSTRUCT"
    assert query_form("ask { ?s ?p ?o }") == "ASK"


def test_doctests():
    for module in (kg.store, kg.remote):
        failures, tried = doctest.testmod(module)
        assert tried > 0 and failures == 0, module.__name__


def test_select_rows_give_the_values_of_result_rows_without_rdflib_terms():
    """Plain rows (what look-ups and pages read) equal the Result's rows, for every kind
    of term: IRIs, blank nodes, language strings, integers, decimals, doubles, booleans,
    dates, date-times, other datatypes and ill-formed literals."""
    store = kg.store.OxigraphStore()
    text = """SELECT * WHERE { VALUES (?a ?b) {
      (<https://w3id.org/pakru/id/russia> "Россия"@ru) ("7"^^<http://www.w3.org/2001/XMLSchema#integer> 2.50)
      ("1.5e3"^^<http://www.w3.org/2001/XMLSchema#double> true) ("2018-10-21"^^<http://www.w3.org/2001/XMLSchema#date> UNDEF)
      ("2018-10-21T10:00:00"^^<http://www.w3.org/2001/XMLSchema#dateTime> "2018"^^<http://www.w3.org/2001/XMLSchema#gYear>)
      ("x"^^<http://www.w3.org/2001/XMLSchema#string> "not a date"^^<http://www.w3.org/2001/XMLSchema#date>) }
      OPTIONAL { BIND(BNODE() AS ?c) } }"""
    plain = kg.store.select_rows(store, text)
    expected = store.query(text).rows
    assert [{k: v for k, v in r.items() if k != "c"} for r in plain] == [
        {k: v for k, v in r.items() if k != "c"} for r in expected]
    assert [(type(r["a"]), type(r["b"])) for r in plain] == [(type(r["a"]), type(r["b"])) for r in expected]
    assert all(str(r["c"]).startswith("_:") for r in plain)


def test_statement_rows_are_the_rows_of_statements():
    from kg.facade import KnowledgeGraph

    graph = KnowledgeGraph.open(source=DEFAULT_SOURCE)
    for who in ("https://w3id.org/pakru/id/russia", "https://w3id.org/pakru/id/pakistan"):
        rows = graph.statement_rows(speaker=who)
        assert rows and rows == graph.statements(speaker=who).rows
