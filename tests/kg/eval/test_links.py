"""Tests of kg.eval.links: participant links by rule and missing participants by where named."""
import shutil
from pathlib import Path

from kg.eval import evaluate_all
from kg.eval.events import EventUnit
from kg.eval.links import WHERE, _where, main, tally

HELDOUT = Path(__file__).resolve().parents[2] / "data" / "heldout"


def _unit(sentence, sentences, participants=()):
    return EventUnit("Meeting", frozenset(sentences), sentence, frozenset(participants), (None, None, None), None, None)


def test_where_a_missing_participant_is_named():
    event, gold = _unit(3, {3, 5}), _unit(3, {2, 3, 5})
    assert _where("russia", {"russia": {3}}, event, gold) == WHERE[0]
    assert _where("russia", {"russia": {5, 9}}, event, gold) == WHERE[1]
    assert _where("russia", {"russia": {2}}, event, gold) == WHERE[2]
    assert _where("russia", {"russia": {7}}, event, gold) == WHERE[3]
    assert _where("russia", {}, event, gold) == WHERE[4]


def test_the_tally_agrees_with_kg_eval():
    t = tally(HELDOUT)
    result = evaluate_all(HELDOUT, HELDOUT)
    errors, strict = result.events.errors, result.totals["events strict"]
    unmatched = errors["non-event"] + errors["wrong kind"] + errors["duplicate"]
    assert t.events == strict.predicted - unmatched
    # each event kg eval counts with a missing (extra) participant lacks (has) at least one
    assert sum(t.missing.values()) >= errors["missing participant"]
    assert sum(t.extra.values()) >= errors["extra participant"]
    assert sum(n for (_, right), n in t.by_rule.items() if not right) == sum(t.extra.values())


def test_a_folder_without_gold_is_an_error_naming_it(tmp_path, capsys):
    article = next(HELDOUT.glob("*.txt"))
    shutil.copy(article, tmp_path / article.name)
    assert main([str(tmp_path)]) == 2
    assert "no article in the documents folder has a gold file" in capsys.readouterr().err


def test_the_command_prints_the_tables(capsys):
    assert main([str(HELDOUT)]) == 0
    out = capsys.readouterr().out
    assert "participant links by rule" in out and "missing participants" in out
