"""Which clause a time belongs to (kg.extract.time_scope), on short texts written for the tests:
a participle that tells an event of its own keeps the sentence's time away from its noun; one
that only describes the thing does not."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def agreement_time(registry, text, date="2024-12-04"):
    [agreement] = [e for e in extract("t", text, registry, date=date).events if e.kind == "Agreement"]
    return agreement.time.value if agreement.time else None


@pytest.mark.parametrize("text", [
    "Pakistan and Russia on Wednesday signed an agreement aimed at strengthening trade.",
    "Pakistan and Russia on Wednesday inked eight agreements designed to boost trade.",
    "Pakistan and Russia on Wednesday signed an agreement worth $2 billion, intended to boost trade.",
])
def test_a_describing_participle_leaves_the_verbs_time_to_the_agreement(registry, text):
    assert agreement_time(registry, text) == "2024-12-04"


def test_a_participle_with_its_own_doer_keeps_the_time_for_the_main_verb(registry):
    text = "On Monday, Pakistan placed its first order for Russian crude under the accord signed by the two ministers."
    assert agreement_time(registry, text) is None
