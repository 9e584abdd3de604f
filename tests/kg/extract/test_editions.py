"""Held editions of a recurring event (short texts written for the tests)."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def events(registry, text):
    return [(e.kind, e.trigger.text, tuple(sorted(e.participants)), e.time.value if e.time else None)
            for e in extract("t", text, registry).events]


def test_each_held_edition_of_an_exercise_is_an_exercise_of_the_same_sides(registry):
    found = events(registry, "The joint military exercise between Pakistan and Russia began in Pakistan in 2018. "
                             "Its first edition was held in October 2016 in Rattu. "
                             "The second edition was held in Russia.")
    editions = [e for e in found if e[1] == "edition"]
    assert editions == [("MilitaryExercise", "edition", ("pakistan", "russia"), "2016-10"),
                        ("MilitaryExercise", "edition", ("pakistan", "russia"), None)]


def test_an_edition_with_no_recurring_event_before_it_is_nothing(registry):
    found = events(registry, "Trade between Pakistan and Russia grew last year. "
                             "The first edition of the report was held back by the ministry.")
    assert [e for e in found if e[1] == "edition"] == []
