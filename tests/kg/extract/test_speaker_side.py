"""The speaker who takes part in their own state's offer or backing (kg.extract.speaker_side), on
short texts written for the tests: a pronoun that says it stands for the person it refers to."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def event(registry, text, kind):
    [found] = [e for e in extract("t", text, registry).events if e.kind == kind]
    return found


def test_a_pronoun_that_says_its_own_state_offers_stands_for_the_speaker_who_takes_part(registry):
    text = ("Russian Foreign Minister Sergey Lavrov spoke to reporters in Moscow. He said the new port was "
            "important and Russia was ready to provide the necessary equipment for it.")
    offer = event(registry, text, "Offer")
    assert {"sergey-lavrov", "russia"} <= set(offer.participants)
    other = ("Foreign Minister Ishaq Dar spoke to reporters in Islamabad. He said Russia was ready to provide "
             "the necessary equipment for the port.")
    assert "ishaq-dar" not in event(registry, other, "Offer").participants
