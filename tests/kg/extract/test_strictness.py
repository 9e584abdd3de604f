"""The last judgement of an event (kg/extract/strictness.py): general features of a finished
event, its confidence from the strict model, and the publishing threshold applied to it."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest

from kg.extract.decisions import LogisticModel, shipped
from kg.extract.pipeline import extract
from kg.registry import load_registry

TEXT = ("ISLAMABAD, May 5: Prime Minister Shehbaz Sharif met Russian President Vladimir Putin in "
        "Moscow on Tuesday. Pakistan and Russia signed an agreement on energy cooperation. "
        "Russian Foreign Minister Sergey Lavrov will visit Islamabad next month.")
# every feature is one of these shapes: no word or name of an article
SHAPES = re.compile(r"^(kind=\w+(\|states=\d\+?)?|participants=\d\+?|time=\w+|status=\w+|mentions=\d\+?"
                    r"|(State|Person|Organisation)=\d\+?|left_out=\d\+?|states_left_out=\d\+?"
                    r"|event_confidence|weakest_participant|outside_registry|definite|named)$")


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def _extract(registry, decisions, min_confidence=0.0):
    return extract("t", TEXT, registry, date="2024-05-05", decisions=decisions, min_confidence=min_confidence)


def test_the_shipped_decisions_judge_finished_events_with_general_features():
    strict = shipped().strict
    assert strict is not None
    assert all(SHAPES.match(name) for name in strict.weights), sorted(n for n in strict.weights if not SHAPES.match(n))


def test_an_event_s_confidence_is_the_strict_model_s_probability_and_the_threshold_applies_to_it(registry):
    kinds = {e.kind for e in _extract(registry, replace(shipped(), strict=None)).events}
    assert {"Meeting", "StateVisit"} <= kinds
    model = LogisticModel({"kind=Meeting": 3.0, "kind=StateVisit": -3.0, "kind=Agreement": 0.0})
    judged = _extract(registry, replace(shipped(), strict=model), min_confidence=0.5).events
    assert {e.kind for e in judged} == {"Meeting", "Agreement"}
    confidence = {e.kind: e.confidence for e in judged}
    assert confidence["Meeting"] == pytest.approx(0.953, abs=0.001)
    assert confidence["Agreement"] == 0.5
    everything = _extract(registry, replace(shipped(), strict=model), min_confidence=0.0).events
    assert {e.kind: e.confidence for e in everything}["StateVisit"] == pytest.approx(0.047, abs=0.001)


def test_the_strict_model_reads_the_status_the_article_s_date_gives(registry):
    # told as future but dated before the article: it happened, and the model, fitted on
    # events after that step, judges it as happened (not as scheduled)
    model = LogisticModel({"status=scheduled": -3.0, "status=happened": 3.0})
    ex = extract("t", "Russian Foreign Minister Sergey Lavrov will visit Islamabad on 2 May 2024.", registry,
                 date="2024-05-05", decisions=replace(shipped(), strict=model), min_confidence=0.5)
    [visit] = ex.events
    assert visit.status is None and visit.confidence == pytest.approx(0.953, abs=0.001)
