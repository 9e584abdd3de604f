"""``kg add`` and ``kg remove`` through the CLI, on a temporary copy of the corpus."""
from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import check as check_stage
from support import ROOT
from kg.cli import main
from kg.corpus import content_id
from kg.errors import ValidationError

NEW = ROOT / "tests" / "data" / "articles" / "energy_partnership.txt"
NEW_ID = content_id(NEW.read_text(encoding="utf-8"))
FACTS = """PREFIX pakru: <https://w3id.org/pakru/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?fact ?type ?quote WHERE {
  ?fact prov:wasDerivedFrom <https://w3id.org/pakru/doc/%s> ; a ?type ; pakru:evidence ?ev .
  ?ev oa:hasSelector ?sel . ?sel oa:exact ?quote }"""


def facts(out: Path, doc_id: str) -> list[tuple[str, str]]:
    store = ox.Store()
    store.load(path=str(out / "kg.trig"), format=ox.RdfFormat.TRIG)
    rows = store.query(FACTS % doc_id, use_default_graph_as_union=True)
    return [(r["type"].value.rsplit("#", 1)[-1], r["quote"].value) for r in rows]


def graph_names(out: Path) -> set[str]:
    store = ox.Store()
    store.load(path=str(out / "kg.trig"), format=ox.RdfFormat.TRIG)
    return {g.value for g in store.named_graphs()}


@pytest.fixture
def corpus(tmp_path):
    docs = tmp_path / "documents"
    docs.mkdir()
    shutil.copy(ROOT / "data" / "documents" / "004_640bcc7791f640ba.txt", docs)
    return docs, tmp_path / "out"


def opts(docs: Path, out: Path) -> list[str]:
    return ["--documents", str(docs), "--out", str(out), "--no-owl", "--no-reason", "--format", "trig", "-q", "-j", "1"]


def test_add_then_remove_through_the_cli(corpus, capsys):
    docs, out = corpus
    code = main(["add", str(NEW), "--title", "Energy partnership", "--date", "2024-03-15", *opts(docs, out)])
    printed = capsys.readouterr().out
    assert code == 0, printed
    assert f"Added {NEW_ID}" in printed
    assert (docs / f"{NEW_ID}.txt").read_text(encoding="utf-8") == NEW.read_text(encoding="utf-8")
    assert "title: Energy partnership" in (docs / f"{NEW_ID}.yaml").read_text(encoding="utf-8")
    found = facts(out, NEW_ID)
    kinds = {kind for kind, _ in found}
    assert {"MilitaryExercise", "Recommendation", "MonetaryAmount"} <= kinds, kinds
    assert any(q.startswith("Pakistani and Russian troops held") for kind, q in found if kind == "MilitaryExercise")
    # the alias NER found by a case variant of a registry name is reported for curation
    assert "Aliases to curate: 1" in printed and "'KREMLIN' -> russia" in printed
    assert f"https://w3id.org/pakru/graph/doc/{NEW_ID}" in graph_names(out)
    assert "Institute of Strategic Studies Islamabad" in (out / "kg.trig").read_text(encoding="utf-8")

    assert main(["remove", NEW_ID, *opts(docs, out)]) == 0
    assert f"Removed {NEW_ID}" in capsys.readouterr().out
    assert facts(out, NEW_ID) == []
    assert f"https://w3id.org/pakru/graph/doc/{NEW_ID}" not in graph_names(out)
    assert sorted(p.name for p in docs.iterdir()) == ["004_640bcc7791f640ba.txt"]
    # an entity only the removed article mentioned left the graph with it
    assert "Institute of Strategic Studies Islamabad" not in (out / "kg.trig").read_text(encoding="utf-8")


def test_adding_content_already_in_the_corpus_is_refused(corpus, tmp_path, capsys):
    docs, out = corpus
    copy = tmp_path / "same article.txt"
    copy.write_text((docs / "004_640bcc7791f640ba.txt").read_text(encoding="utf-8").replace("\n", "\r\n") + "\n\n")
    assert main(["add", str(copy), *opts(docs, out)]) == 2
    err = capsys.readouterr().err
    assert "already in the corpus as '004_640bcc7791f640ba'" in err and "nothing was added" in err
    assert sorted(p.name for p in docs.iterdir()) == ["004_640bcc7791f640ba.txt"]
    assert not out.exists()


def test_a_failed_build_rolls_the_corpus_back(corpus, monkeypatch, capsys):
    docs, out = corpus
    out.mkdir()
    (out / "kg.trig").write_text("previous\n")

    def fail(*args, **kwargs):
        raise ValidationError("simulated shape violation")

    monkeypatch.setattr(check_stage, "check", fail)
    assert main(["add", str(NEW), *opts(docs, out)]) == 1
    assert "simulated shape violation" in capsys.readouterr().err
    assert sorted(p.name for p in docs.iterdir()) == ["004_640bcc7791f640ba.txt"]
    assert (out / "kg.trig").read_text() == "previous\n"
    shutil.copy(NEW, docs / "extra.txt")
    assert main(["remove", "extra", *opts(docs, out)]) == 1
    assert sorted(p.name for p in docs.iterdir()) == ["004_640bcc7791f640ba.txt", "extra.txt"]


def test_bad_requests_are_usage_errors(corpus, capsys):
    docs, out = corpus
    assert main(["remove", "004_640bcc7791f640bb", *opts(docs, out)]) == 2
    assert "did you mean 004_640bcc7791f640ba" in capsys.readouterr().err
    assert main(["remove", "004_640bcc7791f640ba", *opts(docs, out)]) == 2
    assert "cannot remove every article" in capsys.readouterr().err
    assert main(["add", str(NEW), "--date", "15 March 2024", *opts(docs, out)]) == 2
    assert "is not YYYY, YYYY-MM or YYYY-MM-DD" in capsys.readouterr().err
    assert main(["add", str(NEW), str(NEW.parent), "--title", "x", *opts(docs, out)]) == 2
    assert "apply to one article" in capsys.readouterr().err
    assert main(["add", str(docs.parent / "missing.txt"), *opts(docs, out)]) == 2
    assert sorted(p.name for p in docs.iterdir()) == ["004_640bcc7791f640ba.txt"]
