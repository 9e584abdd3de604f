"""``kg eval``: the scoring itself, and the floors the extraction must hold on the gold."""
from __future__ import annotations

import pytest

from support import ROOT
from kg.eval import Score, evaluate, gold_mentions, kinds_match, norm_entity

FLOORS = {"entity linking": 0.90, "events": 0.70, "events strict": 0.60, "claims": 0.70}
# the unseen articles use names the registry does not know; lower floors, same categories
UNSEEN_FLOORS = {"entity linking": 0.85, "events": 0.70, "events strict": 0.65, "claims": 0.70,
                 "quantities": 0.9, "author": 0.9}
# tests/data/heldout was written after the rules and scored once before any change
# (events F1 0.200 then); later general fixes were checked on it, so it is a dev set now.
# Events 0.58 since the publishing threshold applies to how sure the pipeline is that an event
# is right as a whole (kg/extract/strictness.py), which leaves out one real event told wrongly
# there; strict F1 is the figure that counts (0.320 before that threshold, 0.333 with it).
HELDOUT_FLOORS = {"entity linking": 0.90, "events": 0.58, "events strict": 0.32, "claims": 0.75,
                  "quantities": 0.9}


def test_score_arithmetic():
    s = Score("x", gold=10, predicted=8, correct=6)
    assert (s.precision, s.recall) == (0.75, 0.6)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Score("empty").f1 == 0.0


def test_gold_mentions_prefer_longer_names_and_contexts():
    text = "Pakistan Steel Mills and Pakistan. Moscow said; he visited Moscow."
    entries = [
        {"text": "Pakistan", "entity": "pakistan"},
        {"text": "Pakistan Steel Mills", "entity": "pakistan-steel-mills"},
        {"text": "Moscow", "entity": "russia"},
        {"text": "Moscow", "entity": "moscow", "context": "visited Moscow"},
    ]
    spans = gold_mentions(text, entries, "test")
    assert [(text[s:e], ent) for s, e, ent in spans] == [
        ("Pakistan Steel Mills", "pakistan-steel-mills"), ("Pakistan", "pakistan"),
        ("Moscow", "russia"), ("Moscow", "moscow")]


def test_event_kinds_match_up_and_down_the_hierarchy():
    assert kinds_match("Summit", "Meeting") and kinds_match("Agreement", "MemorandumOfUnderstanding")
    assert not kinds_match("StateVisit", "Meeting")
    assert norm_entity("new:The Karakoram Group") == "new:karakoram group"


@pytest.fixture(scope="module")
def corpus_scores():
    return evaluate(ROOT / "data" / "documents", ROOT / "tests" / "gold")


@pytest.mark.parametrize("category,floor", sorted(FLOORS.items()))
def test_corpus_floor(corpus_scores, category, floor):
    totals, _ = corpus_scores
    assert totals[category].f1 >= floor, f"{category}: F1 {totals[category].f1:.3f} < {floor}"


@pytest.mark.parametrize("category,floor", sorted(UNSEEN_FLOORS.items()))
def test_unseen_articles_floor(category, floor):
    unseen = ROOT / "tests" / "data" / "unseen"
    totals, per_doc = evaluate(unseen, unseen)
    assert len(per_doc) == 4
    assert totals[category].f1 >= floor, f"{category}: F1 {totals[category].f1:.3f} < {floor}"


@pytest.mark.parametrize("category,floor", sorted(HELDOUT_FLOORS.items()))
def test_heldout_articles_floor(category, floor):
    heldout = ROOT / "tests" / "data" / "heldout"
    totals, per_doc = evaluate(heldout, heldout)
    assert len(per_doc) == 3
    assert totals[category].f1 >= floor, f"{category}: F1 {totals[category].f1:.3f} < {floor}"


def test_cli_eval_prints_the_table(capsys):
    from kg.cli import main

    assert main(["eval", "-q", "--per-document"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["category", "gold", "found", "right", "P", "R", "F1"]
    assert "entity linking" in out and "000_0b13b1b12f328222" in out


def test_cli_eval_without_gold_is_an_input_error(tmp_path, capsys):
    from kg.cli import main

    assert main(["eval", "-q", "--gold", str(tmp_path)]) == 2
    assert "no article" in capsys.readouterr().err


def test_cli_eval_reads_gold_beside_articles_with_sidecars(tmp_path, capsys):
    from kg.cli import main

    (tmp_path / "r1.txt").write_text("Russia and Pakistan held a joint military exercise in 2021.\n",
                                     encoding="utf-8")
    (tmp_path / "r1.yaml").write_text("title: Drill\noutlet: Test\ndate: 2021-10-01\n", encoding="utf-8")
    (tmp_path / "r1.gold.yaml").write_text(
        "document: r1\nmentions:\n  - {text: Russia, entity: russia}\n  - {text: Pakistan, entity: pakistan}\n"
        "events:\n  - type: MilitaryExercise\n    sentence: Russia and Pakistan held\n"
        "    participants: [russia, pakistan]\n    date: \"2021\"\nlatest_date: \"2021\"\n", encoding="utf-8")
    assert main(["eval", "-q", "--documents", str(tmp_path), "--per-document", "--show-errors"]) == 0
    out = capsys.readouterr().out
    strict = next(line for line in out.splitlines() if line.startswith("events strict")).split()
    assert strict[2:5] == ["1", "1", "1"]
    assert "event errors: non-event 0" in out and "fragment entity nodes: 0" in out and "\nr1\n" in out


def test_a_metadata_sidecar_is_not_taken_for_gold(tmp_path):
    """Beside its article, <id>.yaml is metadata; only <id>.gold.yaml is gold there."""
    from kg.eval import load_gold

    (tmp_path / "a.txt").write_text("Russia and Pakistan held talks.", encoding="utf-8")
    (tmp_path / "a.yaml").write_text('author: "Someone"\n', encoding="utf-8")
    assert load_gold(tmp_path, "a") is None
    (tmp_path / "a.gold.yaml").write_text("document: a\nmentions: []\n", encoding="utf-8")
    gold, path = load_gold(tmp_path, "a")
    assert gold["document"] == "a" and path.endswith("a.gold.yaml")


def test_show_errors_puts_the_gold_event_beside_the_wrong_one(tmp_path, capsys):
    """Each wrong event is printed with its lenient gold partner: the participants both
    have, those only the gold has (-) and those only the system has (+), and both times;
    a gold event nobody found is printed as missed."""
    from kg.cli import main

    (tmp_path / "r1.txt").write_text("Russia and Pakistan held a joint military exercise in 2021. "
                                     "China signed an agreement with Iran.\n", encoding="utf-8")
    (tmp_path / "r1.gold.yaml").write_text(
        "document: r1\nmentions: []\nevents:\n  - type: MilitaryExercise\n    sentence: Russia and Pakistan held\n"
        "    participants: [russia, pakistan, china]\n    date: \"2020\"\n"
        "  - type: Offer\n    sentence: China signed an agreement\n    participants: [china, iran]\n"
        "latest_date: \"2021\"\n", encoding="utf-8")
    assert main(["eval", "-q", "--documents", str(tmp_path), "--per-document", "--show-errors"]) == 0
    out = capsys.readouterr().out
    assert "missing participant, wrong time: MilitaryExercise 'exercise' s0" in out
    assert "      gold   MilitaryExercise 'Russia and Pakistan held' 2020" in out
    assert "      system 2021; both ['pakistan', 'russia']; -['china']" in out
    assert "    missed event: Offer 'China signed an agreement' s1 ['china', 'iran'] -" in out


def test_gold_names_the_registry_knows_become_its_ids(tmp_path):
    from kg.eval.gold import in_registry_terms
    from kg.registry import load_registry

    gold = {"mentions": [{"text": "Zamir Kabulov", "entity": "new:Zamir Kabulov"},
                         {"text": "Ali Raza", "entity": "new:Ali Raza"}],
            "events": [{"type": "Meeting", "participants": ["new:zamir kabulov", "pakistan"], "text": "met"}],
            "claims": [{"speaker": "new:Kabulov", "text": "new: a word"}]}
    got = in_registry_terms(gold, load_registry(None))
    assert [m["entity"] for m in got["mentions"]] == ["zamir-kabulov", "new:Ali Raza"]
    assert got["events"][0]["participants"] == ["zamir-kabulov", "pakistan"]
    assert got["claims"][0] == {"speaker": "zamir-kabulov", "text": "new: a word"}  # "new: a word" names nobody
    assert gold["mentions"][0]["entity"] == "new:Zamir Kabulov"  # the gold read stays as it was
