"""Statement scoring (kg/eval_statements.py): recall, speaker, kind precision, stance confusion."""
from __future__ import annotations

from pathlib import Path

import yaml

from kg.eval_statements import Item, evaluate_statements, format_scores, score_document


def item(sent, span, speaker, kind, stance="neutral"):
    return Item(frozenset({sent}), span, speaker, kind, stance, "words")


def test_score_document_counts_speakers_kinds_and_stance():
    gold = [item(0, (0, 10), "lavrov", "Assessment", "positive"), item(1, None, "writer", "Prediction"),
            item(2, (50, 60), "russia", "Denial", "negative")]
    got = [item(0, (2, 8), "lavrov", "Assessment", "positive"), item(1, None, "writer", "Assessment"),
           item(2, (70, 80), "russia", "Denial"),  # same sentence, other words: not that statement
           item(3, None, "writer", "Assessment")]  # the writer's plain fact taken for a claim
    s = score_document("d", gold, got)
    assert (s.gold, s.predicted, s.found, s.speaker_right, s.kind_right) == (3, 4, 2, 2, 1)
    assert (s.gold_attributed, s.found_attributed) == (2, 1)
    assert s.confusion == {("positive", "positive"): 1, ("neutral", "neutral"): 1}
    assert [why for *_, why in s.wrong] == ["kind", "not a claim", "not a claim"]
    table = format_scores(s)
    assert "speaker right, of found" in table and "claim precision (kind right)      1/4    0.250" in table


def test_kind_confusion_and_unanswered_claims_are_tallied_and_added_up():
    gold = [item(0, None, "lavrov", "Assessment"), item(1, None, "russia", "Prediction")]
    got = [item(0, None, "lavrov", "ReportOfFact"), item(1, None, "russia", "Prediction"),
           item(2, None, "writer", "Assessment"), item(3, None, "russia", "Commitment")]
    s = score_document("d", gold, got)
    assert s.kind_confusion == {("Assessment", "ReportOfFact"): 1, ("Prediction", "Prediction"): 1}
    assert s.unanswered == {("writer", "Assessment"): 1, ("attributed", "Commitment"): 1}
    total = score_document("e", [], [])
    total.add(s)
    total.add(s)
    assert total.kind_confusion[("Assessment", "ReportOfFact")] == 2
    assert total.unanswered[("attributed", "Commitment")] == 2
    lines = format_scores(total).splitlines()
    header = next(i for i, line in enumerate(lines) if "kind confusion of found" in line)
    assert lines[header + 1].split() == ["Assess", "Commit", "Predic", "Report"]
    assert lines[header + 2].split() == ["Assessment", "0", "0", "0", "2"]
    assert lines[-2].split()[-4:] == ["2", "0", "0", "0"]  # the writer's unanswered Assessment
    assert lines[-1].split()[-4:] == ["0", "2", "0", "0"]  # an attributed Commitment no gold claim answers


def test_evaluate_statements_on_an_article_with_gold(tmp_path: Path):
    text = ("Sergey Lavrov arrived in Islamabad. “Relations between Russia and Pakistan are at their best,” "
            "Lavrov told reporters. The two sides signed five agreements.")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    gold = {"document": "a", "mentions": [], "latest_date": "2024", "claims": [
        {"kind": "Assessment", "speaker": "sergey-lavrov", "sentence": "Lavrov told reporters", "quote": "direct",
         "content": "Relations between Russia and Pakistan are at their best", "stance": "positive"}]}
    (tmp_path / "a.gold.yaml").write_text(yaml.safe_dump(gold), encoding="utf-8")
    s = evaluate_statements(tmp_path)
    assert (s.gold, s.found, s.speaker_right, s.kind_right, s.stance_right) == (1, 1, 1, 1, 1)
    assert s.predicted == 1  # "signed five agreements" is a fact, not a claim
