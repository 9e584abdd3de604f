"""Agreement between two readings of the same articles (kg.eval.agreement)."""
from __future__ import annotations

import yaml

from kg.eval.agreement import agreement, main

TEXT = "Lavrov met Dar in Islamabad on Thursday. Russia and Pakistan signed a trade agreement."


def reading(folder, events, claims=()):
    folder.mkdir(exist_ok=True)
    gold = {"document": "x", "mentions": [], "events": list(events), "claims": list(claims)}
    (folder / "x.gold.yaml").write_text(yaml.safe_dump(gold), encoding="utf-8")


MEETING = {"type": "Meeting", "sentence": "Lavrov met Dar", "participants": ["sergey-lavrov", "ishaq-dar"]}
PACT = {"type": "Agreement", "sentence": "signed a trade agreement", "participants": ["russia", "pakistan"]}


def test_the_second_reading_is_scored_against_the_first(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    (first / "x.txt").write_text(TEXT, encoding="utf-8")
    reading(first, [MEETING, PACT], [{"kind": "Assessment", "sentence": "Lavrov met", "speaker": "writer"}])
    # the second reader adds Islamabad's state to the meeting and leaves the pact's claim out
    reading(second, [dict(MEETING, participants=["sergey-lavrov", "ishaq-dar", "pakistan"]), PACT])
    totals, events, n = agreement(first, second)
    assert n == 1
    strict = totals["events strict"]
    assert (strict.gold, strict.predicted, strict.correct) == (2, 2, 1)
    assert totals["events lenient"].correct == 2
    assert events.errors["extra participant"] == 1
    assert (totals["claims (sentence)"].gold, totals["claims (sentence)"].predicted) == (1, 0)


def test_a_second_reading_of_an_article_the_first_lacks_is_an_input_error(tmp_path, capsys):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    reading(second, [PACT])
    assert main([str(first), str(second)]) == 2
    assert "no article or gold for 'x'" in capsys.readouterr().err
