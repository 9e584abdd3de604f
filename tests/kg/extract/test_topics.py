"""What an event is about does not take part in it (kg.extract.topics), on short texts written
for the tests."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def event(registry, text, kind):
    found = [e for e in extract("t", text, registry).events if e.kind == kind]
    assert len(found) == 1, found
    return found[0]


def test_an_organisation_in_what_is_discussed_is_no_party(registry):
    found = event(registry, "Russia and Pakistan held discussions to link the Eurasian Economic Union with the "
                            "corridor.", "Meeting")
    assert set(found.participants) == {"russia", "pakistan"}


def test_an_organisation_the_agreement_is_made_with_is_a_party(registry):
    found = event(registry, "Pakistan and Russia agreed to build a gas pipeline with Gazprom.", "Agreement")
    assert "gazprom" in found.participants



def test_what_talks_are_about_is_no_party(registry):
    found = event(registry, "Russia and Pakistan held consultations on the Shanghai Cooperation Organisation in "
                            "Moscow.", "Meeting")
    assert "sco" not in found.participants
