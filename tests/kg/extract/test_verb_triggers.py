"""Verb triggers (kg/extract/verb_triggers.py): presence in a place, what is signed, who travels
(short texts written for the tests)."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def _kinds(text):
    from kg.extract.nlp import load_nlp
    from kg.extract.triggers import trigger_kind
    return [(t.text, trigger_kind(t)) for t in load_nlp()(text) if trigger_kind(t)]


def test_a_delegation_or_people_there_to_attend_in_a_named_place_are_visiting():
    assert ("was", "StateVisit") in _kinds("A Pakistani trade delegation led by Senator Khan was in Moscow last week.")
    assert ("are", "StateVisit") in _kinds("The two prime ministers are currently in Tashkent to attend the summit.")
    # a state in a region, a minister in town without a purpose, a view: no visit
    assert _kinds("Pakistan is in South Asia.") == []
    assert _kinds("The minister was in Moscow when the news broke.") == []
    assert _kinds("The delegation was in favour of a deal.") == []
    assert _kinds("He is in Islamabad.") == []


def test_a_visit_by_presence_reaches_the_events(registry):
    events = extract("t", "A Pakistani parliamentary delegation led by Senator Ali Khan was in Moscow on Monday.",
                     registry).events
    assert [e.kind for e in events] == ["StateVisit"]
    assert {"pakistan", "russia"} <= set(events[0].participants)


def test_a_declaration_signed_or_a_handful_of_accords_signed_is_an_agreement():
    assert ("signed", "Agreement") in _kinds("The Delhi Declaration was signed between Russia and Pakistan in 1999.")
    assert ("signed", "Agreement") in _kinds("Russia and Pakistan signed a convention on extradition in May.")
    assert ("accords", "Agreement") in _kinds("The two presidents signed a handful of cultural accords in Moscow.")
    # a number of agreements discussed is no signing
    assert not any(k == "Agreement" for _, k in _kinds("The two presidents discussed a number of accords."))
    # a document signed is not by itself an agreement ("a document granting membership")
    assert not any(k == "Agreement" for _, k in _kinds("The leaders signed a document on the admission of Iran."))


def test_the_latter_travelling_to_a_capital_is_a_visit():
    assert ("travelled", "StateVisit") in _kinds(
        "Shoigu and Asif announced the agreement after the latter travelled to Moscow for a conference.")
