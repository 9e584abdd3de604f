"""``kg train``: examples from gold, deterministic fitting, decisions that round-trip."""
from __future__ import annotations

import json

import pytest

from support import ROOT
from kg.extract.decisions import Decisions, LogisticModel
from kg.extract.nlp import load_nlp
from kg.extract.train import examples, fit, load_articles
from kg.registry import load_registry



@pytest.fixture(scope="module")
def rows():
    registry = load_registry()
    articles = load_articles([ROOT / "tests" / "data" / "heldout", ROOT / "tests" / "data" / "unseen"],
                             registry, load_nlp())
    return examples(articles, registry)


def test_examples_are_labelled_from_the_gold(rows):
    ev_rows, part_rows = rows
    assert {label for _, _, label in ev_rows} == {0, 1}
    assert {label for _, _, label in part_rows} == {0, 1}
    assert all("bias" in feats for _, feats, _ in ev_rows + part_rows)


def test_fitting_twice_gives_the_same_bytes_and_the_file_round_trips(rows):
    ev_rows, part_rows = rows
    first = Decisions(fit(ev_rows), fit(part_rows, 0.5), min_confidence=0.4).to_json()
    second = Decisions(fit(ev_rows), fit(part_rows, 0.5), min_confidence=0.4).to_json()
    assert first == second
    back = Decisions.from_json(json.loads(first))
    assert back.to_json() == first and back.min_confidence == 0.4


def test_a_logistic_model_is_the_logistic_of_the_weighted_sum():
    model = LogisticModel({"bias": 0.0, "a": 2.0}, 0.5)
    assert model.probability({"bias": 1.0}) == 0.5
    assert model.probability({"bias": 1.0, "a": 1.0}) == pytest.approx(0.8808, abs=1e-4)
