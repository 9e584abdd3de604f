"""Tests of kg.eval.confidence: strict precision by confidence threshold."""
import shutil
from pathlib import Path

import pytest

from kg.eval import evaluate_all
from kg.eval.confidence import auc, curve, main, scored_events
from kg.extract.decisions import shipped

HELDOUT = Path(__file__).resolve().parents[2] / "data" / "heldout"


def test_at_the_shipped_threshold_the_curve_counts_what_kg_eval_counts():
    rows = scored_events(HELDOUT)
    threshold = shipped().min_confidence
    [(_, published, right)] = curve(rows, (threshold,))
    strict = evaluate_all(HELDOUT, HELDOUT).totals["events strict"]
    assert (published, right) == (strict.predicted, strict.correct)
    assert len(rows) >= published  # with no threshold, at least as many events


def test_the_area_under_the_curve_orders_right_before_wrong():
    assert auc([(0.9, True), (0.8, True), (0.3, False)]) == 1.0
    assert auc([(0.2, True), (0.8, False)]) == 0.0
    assert auc([(0.5, True)]) is None


def test_a_folder_without_gold_is_an_error_naming_it(tmp_path, capsys):
    article = next(HELDOUT.glob("*.txt"))
    shutil.copy(article, tmp_path / article.name)
    assert main([str(tmp_path)]) == 2
    assert "no article in the documents folder has a gold file" in capsys.readouterr().err


def test_the_command_prints_the_curve(capsys):
    assert main([str(HELDOUT)]) == 0
    out = capsys.readouterr().out
    assert "strictly right" in out and "AUC" in out
    assert out.count("\n") >= 12
