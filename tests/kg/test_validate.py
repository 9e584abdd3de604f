"""Tests for kg.validate and ``kg validate``: clean on the shipped graph, a readable report on a
broken one, exit code 2 on unusable input."""
from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Literal
from rdflib.namespace import RDF, SKOS

from kg.cli import main
from kg.errors import InputError
from kg.namespaces import ID, INFERRED_GRAPH, OA, PAKRU, REGISTRY_GRAPH, document_graph
from kg.validate import Problem, ValidationReport, read_graph, validate

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "data" / "kg.trig"
DOCUMENTS = ROOT / "data" / "documents"
EXERCISE = ID["event/militaryexercise/pakistan-russia/2018-10-21"]


def line_column(doc_id: str, offset: int) -> str:
    """``line:column`` (1-based) of an offset of an article."""
    text = (DOCUMENTS / f"{doc_id}.txt").read_text(encoding="utf-8")
    return f"{text.count(chr(10), 0, offset) + 1}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def test_shipped_graph_is_clean():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["validate", "-q"])
    text = out.getvalue()
    assert code == 0, text
    for check in ("registry", "documents", "evidence", "shapes", "OWL", "inferred"):
        assert f"  {check:10} ok: " in text, text
    assert "consistent under HermiT" in text and "No violations." in text and "Timing:" in text


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """The shipped graph with one fault of each kind, and an article file edited after the build."""
    tmp = tmp_path_factory.mktemp("broken")
    ds = Dataset()
    ds.parse(SHIPPED, format="trig")
    faults = {}
    # evidence: a sentence quote that no longer matches its article
    doc_id = "000_0b13b1b12f328222"
    g = ds.graph(document_graph(doc_id))
    spans = sorted(s for s in g.subjects(RDF.type, PAKRU.Sentence))
    span = spans[len(spans) // 2]
    quote = next(q for q in g.objects(span, OA.hasSelector) if (q, OA.exact, None) in g)
    g.set((quote, OA.exact, Literal("Words the article never had.")))
    faults["evidence"] = (span, line_column(doc_id, int(_start(g, span))))
    # shapes: an event without participants
    home = next(c for c in ds.graphs() if (EXERCISE, PAKRU.participant, None) in c)
    home.remove((EXERCISE, PAKRU.participant, None))
    # OWL: a state typed as an event (disjoint classes)
    g.add((ID.pakistan, RDF.type, PAKRU.Event))
    # registry: a name of the registry missing from graph:registry
    ds.graph(REGISTRY_GRAPH).remove((ID.russia, SKOS.altLabel, Literal("Russian Federation", lang="en")))
    # inferred: an asserted triple copied into graph:inferred
    ds.graph(INFERRED_GRAPH).add((ID.russia, RDF.type, PAKRU.State))
    path = tmp / "broken.trig"
    ds.serialize(path, format="trig")
    # documents: an article edited after the build, from offset 1000 on
    docs = tmp / "documents"
    shutil.copytree(DOCUMENTS, docs)
    article = docs / "004_640bcc7791f640ba.txt"
    text = article.read_text(encoding="utf-8")
    article.write_text(text[:1000] + "An added sentence. " + text[1000:], encoding="utf-8")
    faults["documents"] = line_column("004_640bcc7791f640ba", 1000)
    report = validate(path, documents=docs)
    return report.exit_code, report.text(), faults, report, docs


def _start(g, span):
    return next(g.value(sel, OA.start) for sel in g.objects(span, OA.hasSelector) if (sel, OA.start, None) in g)


def test_broken_graph_exits_1_with_a_verdict_per_check(broken):
    code, text, *_ = broken
    assert code == 1
    for check in ("registry", "documents", "evidence", "shapes", "OWL", "inferred"):
        assert f"  {check:10} " in text and f"  {check:10} ok:" not in text, check
    assert "violation(s): the graph is not valid." in text


def test_report_names_focus_path_message_document_and_line(broken):
    _, text, faults, _, docs = broken
    span, where = faults["evidence"]
    short_span = "id:" + str(span).split("/id/", 1)[1]
    assert f"[evidence] {short_span} oa:hasSelector" in text
    assert f"at {docs}/000_0b13b1b12f328222.txt:{where}\n" in text
    assert "does not match the article" in text
    assert "[shapes] id:event/militaryexercise/pakistan-russia/2018-10-21 pakru:participant" in text
    assert "[OWL] id:pakistan" in text and "disjoint" in text
    assert "[registry] id:russia" in text and "data/registry/states.yaml:20" in text
    assert '"Russian Federation"@en' in text and "run `kg build`" in text
    assert "[inferred] id:russia rdf:type" in text and "must stay apart" in text
    assert "[documents] doc:004_640bcc7791f640ba schema:text" in text and f"004_640bcc7791f640ba.txt:{faults['documents']}\n" in text


def test_report_object(broken):
    _, _, _, report, docs = broken
    assert isinstance(report, ValidationReport) and not report.ok and report.exit_code == 1
    assert {p.check for p in report.violations} == {"registry", "documents", "evidence", "shapes", "OWL",
                                                    "inferred"}
    shape = next(p for p in report.violations if p.check == "shapes" and "militaryexercise" in p.focus)
    assert shape.path == "pakru:participant" and shape.where.startswith(f"{docs}/004_640bcc7791f640ba.txt:1:")
    assert shape.message


def test_problem_text_and_report_limit():
    report = ValidationReport("x.trig", [Problem("shapes", f"id:n{i}", "pakru:p", "bad") for i in range(30)],
                              {"shapes": "does not conform"})
    text = report.text(limit=5)
    assert text.count("[shapes]") == 5 and "... and 25 more shapes violation(s)" in text
    assert Problem("evidence", "id:s", "", "m", "a.txt:3").text() == "[evidence] id:s\n    at a.txt:3\n    m"


@pytest.mark.parametrize("content, suffix, words", [
    ("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e .\n", ".ttl", "broken.ttl:3"),
    ("<http://example.org/g> { <http://example.org/a> <http://example.org/b> }\n", ".trig", "broken.trig"),
    ("anything", ".csv", "cannot tell the format"),
])
def test_unusable_graph_file_exits_2(tmp_path, capsys, content, suffix, words):
    path = tmp_path / f"broken{suffix}"
    path.write_text(content, encoding="utf-8")
    assert main(["validate", str(path), "-q"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kg: error: ") and words in err


def test_missing_graph_file_and_broken_registry_exit_2(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope.trig"), "-q"]) == 2
    assert "graph file not found" in capsys.readouterr().err
    registry = tmp_path / "registry"
    registry.mkdir()
    shutil.copy(ROOT / "tests" / "data" / "bad" / "registry" / "yaml_error.yaml", registry)
    assert main(["validate", "--registry", str(registry), "-q"]) == 2
    assert "yaml_error.yaml:7" in capsys.readouterr().err


def test_read_graph_reads_turtle_as_one_graph():
    graph = read_graph(ROOT / "data" / "kg.ttl")
    assert not graph.context_aware and (ID.pakistan, RDF.type, PAKRU.State) in graph
    with pytest.raises(InputError, match="not found"):
        read_graph(ROOT / "data" / "missing.nt")
