"""The query CLI: `kg query list|show|run`, `kg sparql`, `kg entity`, formats and exit codes."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.facade import KnowledgeGraph
from kg.queries import Catalogue
from kg.store import to_rdflib
from support import EMPTY_ON_PUBLISHED

NAMES = sorted(Catalogue.load())


@pytest.fixture(scope="module")
def graph() -> KnowledgeGraph:
    return KnowledgeGraph.open()


def kg(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_names_every_saved_query(capsys):
    code, out, _ = kg(capsys, "query", "list")
    assert code == 0 and [line.split()[0] for line in out.splitlines()] == NAMES
    code, out, _ = kg(capsys, "query", "list", "--format", "json")
    assert [q["name"] for q in json.loads(out)] == NAMES


def test_show(capsys):
    code, out, _ = kg(capsys, "query", "show", "events")
    assert code == 0 and "--param participant=" in out and "SELECT" in out and "summary" not in out


@pytest.mark.parametrize("name", NAMES)
def test_run_every_saved_query(capsys, graph, name):
    code, out, err = kg(capsys, "query", "run", name, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert len(data["results"]["bindings"]) == len(graph.run(name))
    assert len(data["results"]["bindings"]) > 0 or name in EMPTY_ON_PUBLISHED


def test_formats_parse_back_to_the_same_rows(capsys, graph):
    expected = graph.run("timeline")
    assert len(expected) >= 3
    _, out, _ = kg(capsys, "query", "run", "timeline", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["event"] for r in rows] == expected.column("event")
    assert [r["sentence"] for r in rows] == expected.column("sentence")
    assert [int(r["start"]) for r in rows] == expected.column("start")
    for fmt in ("json", "xml", "tsv"):
        _, out, _ = kg(capsys, "query", "run", "timeline", "--format", fmt)
        parsed = ox.parse_query_results(out, getattr(ox.QueryResultsFormat, fmt.upper()))
        names = [v.value for v in parsed.variables]
        back = [{n: None if s[n] is None else to_rdflib(s[n]) for n in names} for s in parsed]
        assert names == expected.variables and back == expected.terms, fmt
    _, out, _ = kg(capsys, "query", "run", "timeline", "--format", "table")
    lines = out.splitlines()
    assert lines[0].split(" | ")[0].strip() == expected.variables[0] and len(lines) == len(expected) + 2
    assert "id:event/" in out  # IRIs shortened for people


def test_params(capsys):
    code, out, _ = kg(capsys, "query", "run", "relations_established", "--param", "state=id:pakistan",
                      "-p", "partner=https://w3id.org/pakru/id/russia", "--format", "csv")
    assert code == 0 and "1948" in out


def test_pages(capsys, graph):
    code, out, _ = kg(capsys, "query", "show", "co_mentions")
    assert "--param page=...  (integer, optional, default 1, 100 rows a page)" in out
    everything = graph.run("co_mentions", entity="id:pakistan", page=1).column("other")
    assert len(everything) == 32  # the published graph: one page
    code, out, _ = kg(capsys, "query", "run", "co_mentions", "-p", "entity=id:pakistan", "-p", "page=2",
                      "--format", "csv")
    assert code == 0 and out.splitlines() == [out.splitlines()[0]] and out.startswith("entity,")  # header only
    code, _, err = kg(capsys, "query", "run", "timeline", "-p", "page=0")
    assert code == 2 and "expects a page number" in err
    code, _, err = kg(capsys, "query", "run", "class_counts", "-p", "page=2")
    assert code == 2 and "not paginated" in err


@pytest.mark.parametrize("argv, message", [
    (["query", "run", "timelines"], "did you mean 'timeline'"),
    (["query", "show", "memberhsips"], "did you mean 'memberships'"),
    (["query", "run", "events", "--param", "since"], "write NAME=VALUE"),
    (["query", "run", "events", "--param", "sinse=2015"], "did you mean 'since'"),
    (["query", "run", "events", "--param", "since=2015-01-01"], "xsd:gYear"),
    (["query", "run", "events", "--param", "participant=not an iri"], "expects an IRI"),
    (["query", "run", "events", "--param", "type=pakru:Banana"], "expects one of"),
    (["query", "run", "events", "-p", "since=2015", "-p", "since=2016"], "given twice"),
    (["sparql", "SELECT ?s WHERE {\n  ?s ?p ?o\n  FILTER(\n}"], "line 4, column"),
    (["sparql", "--file", "/nonexistent/q.rq"], "cannot read the query file"),
    (["entity", "Rusia"], "did you mean 'Russia'"),
    (["sparql", "SELECT * WHERE { ?s ?p ?o }", "--format", "turtle"], "CONSTRUCT and DESCRIBE"),
])
def test_bad_input_exits_2_with_a_message(capsys, argv, message):
    code, out, err = kg(capsys, *argv)
    assert code == 2 and message in err and out == ""


def test_missing_parameter(capsys, tmp_path):
    (tmp_path / "needs_state.rq").write_text(
        "#+ summary: needs a state\nSELECT ?l ?_state_iri WHERE { ?_state_iri "
        "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l } ORDER BY ?l\n", encoding="utf-8")
    code, _, err = kg(capsys, "query", "run", "needs_state", "--queries", str(tmp_path))
    assert code == 2 and "needs parameter 'state'" in err
    code, out, _ = kg(capsys, "query", "run", "needs_state", "--queries", str(tmp_path), "-p", "state=id:russia")
    assert code == 0 and "Russia" in out


def test_empty_result_message_and_fail_on_empty(capsys):
    q = "SELECT ?s WHERE { ?s <urn:no-such-property> ?o }"
    code, out, err = kg(capsys, "sparql", q, "--format", "csv")
    assert code == 0 and out == "s\r\n" and "matched nothing" in err  # CSV lines end in CRLF (RFC 4180)
    code, _, err = kg(capsys, "sparql", q, "--fail-on-empty")
    assert code == 3 and "matched nothing" in err


def test_sparql_from_file_and_stdin(capsys, monkeypatch, tmp_path):
    query = "PREFIX pakru: <https://w3id.org/pakru/ontology#>\nASK { ?e a pakru:MilitaryExercise }"
    path = tmp_path / "q.rq"
    path.write_text(query, encoding="utf-8")
    assert kg(capsys, "sparql", "--file", str(path)) == (0, "yes\n", "")
    monkeypatch.setattr(sys, "stdin", io.StringIO(query))
    code, out, _ = kg(capsys, "sparql", "--format", "json")
    assert code == 0 and json.loads(out) == {"head": {}, "boolean": True}


def test_sparql_construct_as_turtle(capsys):
    code, out, _ = kg(capsys, "sparql", "CONSTRUCT WHERE { <https://w3id.org/pakru/id/russia> "
                      "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l }", "--format", "turtle")
    assert code == 0 and '"Russia"@en' in out


def test_entity(capsys):
    code, out, _ = kg(capsys, "entity", "Russian Federation")
    assert code == 0 and out.startswith("Russia  <https://w3id.org/pakru/id/russia>")
    assert "pakru:State" in out.splitlines()[1] and "facts:" in out and "mentioned" in out
    code, out, _ = kg(capsys, "entity", "id:russia", "--format", "json")
    data = json.loads(out)
    assert data["label"] == "Russia" and data["facts"] and data["evidence"][0]["sentence"]


def test_persistent_store_option(capsys, tmp_path):
    store = tmp_path / "store"
    first = kg(capsys, "query", "run", "timeline", "--store", str(store), "--format", "csv")
    second = kg(capsys, "query", "run", "timeline", "--store", str(store), "--format", "csv")
    embedded = kg(capsys, "query", "run", "timeline", "--format", "csv")
    assert first[0] == 0 and first[1] == second[1] == embedded[1]
    assert (store / "source.json").is_file()


def test_installed_command(tmp_path):
    """The `kg` console script itself, as the README runs it."""
    exe = Path(sys.executable).parent / "kg"
    if not exe.exists():
        pytest.skip("the kg console script is not installed in this environment")
    done = subprocess.run([str(exe), "query", "run", "timeline", "--format", "json"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["results"]["bindings"]
    bad = subprocess.run([str(exe), "sparql", "SELECT * WHERE {"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "SPARQL syntax error at line 1, column" in bad.stderr
