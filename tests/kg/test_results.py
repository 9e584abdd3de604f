"""kg.results: Python values, and result formats that standard parsers read back."""
from __future__ import annotations

import csv
import doctest
import importlib.util
import io
import json
import sys
from datetime import date, datetime
from decimal import Decimal

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef

import kg.results
from kg.errors import KGError
from kg.results import Result, literal, shorten, term_from_json, to_python
from kg.store import to_rdflib


class XSD:  # plain IRIs (pytest warns when it inspects rdflib's closed namespaces)
    integer, decimal, date, gYear, boolean, dateTime, double, nonNegativeInteger = (
        URIRef("http://www.w3.org/2001/XMLSchema#" + n) for n in
        ("integer", "decimal", "date", "gYear", "boolean", "dateTime", "double", "nonNegativeInteger"))
    string = URIRef("http://www.w3.org/2001/XMLSchema#string")


RUSSIA = URIRef("https://w3id.org/pakru/id/russia")
TERMS = [
    {"x": RUSSIA, "label": Literal("Russia", lang="en"), "n": Literal("83", datatype=XSD.integer),
     "v": Literal("92000000.0", datatype=XSD.decimal, normalize=False), "d": Literal("2018-10-21", datatype=XSD.date),
     "y": Literal("2016", datatype=XSD.gYear), "b": Literal("true", datatype=XSD.boolean)},
    {"x": BNode("b0"), "label": Literal('He said "no",\tthen\nleft'), "n": None, "v": None, "d": None,
     "y": None, "b": None},
]
VARS = ["x", "label", "n", "v", "d", "y", "b"]


@pytest.fixture
def result() -> Result:
    return Result(VARS, TERMS)


def test_python_values(result):
    row = result.rows[0]
    assert row == {"x": str(RUSSIA), "label": "Russia", "n": 83, "v": Decimal("92000000.0"),
                   "d": date(2018, 10, 21), "y": "2016", "b": True}
    assert result.rows[1]["x"] == "_:b0" and result.rows[1]["n"] is None
    assert result.terms[0]["label"] == Literal("Russia", lang="en")
    assert to_python(Literal("2018-10-21T10:00:00Z", datatype=XSD.dateTime)) == datetime.fromisoformat("2018-10-21T10:00:00+00:00")
    assert to_python(Literal("1.5e3", datatype=XSD.double)) == 1500.0
    assert to_python(Literal("12", datatype=XSD.nonNegativeInteger)) == 12
    assert to_python(Literal("not-a-date", datatype=XSD.date)) == "not-a-date"  # ill-formed: lexical kept


def test_sequence_protocol(result):
    assert len(result) == 2 and bool(result) and list(result) == result.rows
    assert result.column("n") == [83, None]
    with pytest.raises(KGError, match="no column 'nope'"):
        result.column("nope")
    assert not Result(["a"], [])
    assert bool(Result(boolean=True)) and not Result(boolean=False)
    assert Result(VARS, TERMS) == result and Result(VARS, TERMS[:1]) != result


def _solutions(text: str, fmt) -> list[dict]:
    parsed = ox.parse_query_results(text, fmt)
    names = [v.value for v in parsed.variables]
    return [{n: (None if s[n] is None else to_rdflib(s[n])) for n in names} for s in parsed]


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_formats_parse_back_with_pyoxigraph(result, fmt):
    text = result.format(fmt)
    back = _solutions(text, getattr(ox.QueryResultsFormat, fmt.upper()))
    assert back[0] == TERMS[0]
    assert back[1]["label"] == TERMS[1]["label"] and back[1]["n"] is None
    assert isinstance(back[1]["x"], BNode)


def test_json_is_sparql_results_json(result):
    data = json.loads(result.to_json())
    assert data["head"]["vars"] == VARS
    first = data["results"]["bindings"][0]
    assert first["x"] == {"type": "uri", "value": str(RUSSIA)}
    assert first["label"] == {"type": "literal", "value": "Russia", "xml:lang": "en"}
    assert first["n"]["datatype"] == str(XSD.integer)
    assert "n" not in data["results"]["bindings"][1]  # unbound: left out
    assert term_from_json(first["v"]) == TERMS[0]["v"]


def test_csv_rows(result):
    rows = list(csv.reader(io.StringIO(result.to_csv())))
    assert rows[0] == VARS
    assert rows[1] == [str(RUSSIA), "Russia", "83", "92000000.0", "2018-10-21", "2016", "true"]
    assert rows[2][:3] == ["_:b0", 'He said "no",\tthen\nleft', ""]


def test_ask_formats():
    yes = Result(boolean=True)
    assert json.loads(yes.to_json()) == {"head": {}, "boolean": True}
    assert bool(ox.parse_query_results(yes.to_xml(), ox.QueryResultsFormat.XML))
    assert yes.to_table() == "yes" and Result(boolean=False).to_csv() == "boolean\r\nfalse\r\n"


def test_graph_result_rows_are_sorted_triples():
    g = Graph()
    g.add((RUSSIA, URIRef("urn:p"), Literal("b")))
    g.add((RUSSIA, URIRef("urn:p"), Literal("a")))
    r = Result(graph=g)
    assert r.variables == ["subject", "predicate", "object"] and r.graph is g
    assert [row["object"] for row in r.rows] == ["a", "b"]


def test_table_shortens_iris_and_cuts_long_cells(result):
    table = result.to_table(max_width=12)
    lines = table.splitlines()
    assert lines[0].split(" | ")[0].strip() == "x"
    assert lines[2].startswith("id:russia")
    assert "He said \"no…" in lines[3]  # whitespace folded, cut with an ellipsis
    assert shorten("https://w3id.org/pakru/ontology#State") == "pakru:State"
    assert shorten("urn:x") == "urn:x"


def test_unknown_format(result):
    with pytest.raises(KGError, match="unknown format 'yaml'"):
        result.format("yaml")


def test_literal_normal_form():
    assert literal("x", None, str(XSD.string)) == Literal("x")
    assert literal("01", None, str(XSD.integer)).n3() == '"01"^^<http://www.w3.org/2001/XMLSchema#integer>'


def test_dataframe_missing_pandas_says_how_to_install(result, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas -> ImportError
    with pytest.raises(KGError, match=r"pip install 'pakru-kg\[pandas\]'"):
        result.to_dataframe()


@pytest.mark.skipif(importlib.util.find_spec("pandas") is None, reason="pandas is not installed")
def test_dataframe(result):
    frame = result.to_dataframe()
    assert list(frame.columns) == VARS and frame.iloc[0]["n"] == 83


def test_doctests():
    failures, tried = doctest.testmod(kg.results)
    assert tried > 0 and failures == 0
