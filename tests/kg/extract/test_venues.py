"""Where an event took place from outside its own clause (kg.extract.venues), and a place
that belongs to another act (kg.extract.participants), on short texts written for the tests."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def events(registry, text, kind):
    return [e for e in extract("t", text, registry).events if e.kind == kind]


def test_here_is_the_city_of_the_dateline(registry):
    text = ("ISLAMABAD, Jan 18 (APP): The 8th meeting of the Pakistani-Russian Intergovernmental Commission "
            "commenced here on Wednesday.")
    [meeting] = events(registry, text, "Meeting")
    assert meeting.places == ("islamabad",)


def test_a_sentence_that_continues_the_exercise_gives_its_place(registry):
    text = ("The joint military exercise between Pakistan and Russia has begun in Pakistan. "
            "This exercise will be organized in the hill region of Cherat.")
    [drill] = events(registry, text, "MilitaryExercise")
    assert drill.places == ("cherat",)


def test_a_negated_sentence_gives_no_place(registry):
    text = ("The joint military exercise between Pakistan and Russia has begun in Pakistan. "
            "The exercise is not being held in Cherat.")
    [drill] = events(registry, text, "MilitaryExercise")
    assert drill.places == ()


def test_the_place_of_what_an_agreement_is_to_build_is_not_where_it_was_signed(registry):
    text = "Russia and Pakistan signed an agreement in Moscow to build a new steel mill in Karachi."
    [deal] = events(registry, text, "Agreement")
    assert deal.places == ("moscow",)


def test_the_visitor_of_a_city_where_a_meeting_took_place_takes_part_in_it_there(registry):
    text = ("Pakistan's Finance Minister Ishaq Dar has visited Moscow where a meeting of the "
            "intergovernmental working group took place.")
    [meeting] = events(registry, text, "Meeting")
    assert {"ishaq-dar", "pakistan", "russia"} <= set(meeting.participants)
    assert meeting.places == ("moscow",)
