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


def test_a_state_deep_in_what_talks_are_about_is_no_party(registry):
    found = event(registry, "India and Russia will hold talks in Delhi next week on a lasting peace settlement in "
                            "Afghanistan.", "Meeting")
    assert set(found.participants) == {"india", "russia"}


def test_a_state_among_what_is_discussed_is_no_party(registry):
    found = event(registry, "Pakistan and China on Monday discussed trade, Afghanistan and other matters.", "Meeting")
    assert set(found.participants) == {"pakistan", "china"}


def test_the_other_side_inside_a_topic_phrase_still_takes_part(registry):
    found = event(registry, "Pakistan held talks on trade with Russia in Islamabad.", "Meeting")
    assert "russia" in found.participants


def test_a_state_in_what_a_meeting_to_be_held_is_about_is_no_party(registry):
    found = event(registry, "Iran wants a seat at a meeting that is set to be held between Russia, China and "
                            "India on Afghan peace issues.", "Meeting")
    assert "afghanistan" not in found.participants
    assert {"russia", "china", "india"} <= set(found.participants)


def test_the_side_a_meeting_to_be_held_is_with_still_takes_part(registry):
    found = event(registry, "Russia announced a meeting that will be held with Pakistan on trade next week.", "Meeting")
    assert "pakistan" in found.participants
