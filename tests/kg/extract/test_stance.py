"""Kinds and stance of statements (kg/extract/stance.py)."""
from __future__ import annotations

import pytest

from kg.extract.stance import classify_kind, polarity, stance_of


@pytest.mark.parametrize("text, cue, kind", [
    ("Russia had sold weapons to India", "deny", "Denial"),
    ("the exercise is not being held in so-called Azad Kashmir", "say", "Denial"),
    ("Pakistan should buy more wheat", "say", "Recommendation"),
    ("both sides to settle disputes by talks", "urge", "Recommendation"),
    ("we will supply wheat to Pakistan", "say", "Commitment"),
    ("strengthen bilateral ties", "agree", "Commitment"),
    ("a desire to strengthen bilateral ties", "express", "Commitment"),
    ("trade will double by 2030", "say", "Prediction"),
    ("closer ties would be helpful for the region", "say", "Assessment"),
    ("relations were at their best", "say", "Assessment"),
    ("the growing strength of relations", "highlight", "Assessment"),
    ("two agreements were signed on Monday", "say", "ReportOfFact"),
])
def test_kinds(nlp, text, cue, kind):
    assert classify_kind(nlp(text)[:], cue) == kind


def test_stance_is_vader_with_words_of_diplomacy():
    assert stance_of("Relations between Russia and Pakistan are at their best and will grow further") == "positive"
    assert stance_of("closer ties were a dangerous and worrying development") == "negative"
    assert stance_of("the sanctions and the boycott") == "negative"  # domain words VADER lacks
    assert stance_of("two agreements were signed on Monday") == "neutral"
    assert polarity("deepening cooperation") > polarity("cooperation") > 0
