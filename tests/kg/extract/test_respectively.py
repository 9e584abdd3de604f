"""Counted events told with "respectively" (kg/extract/respectively.py); texts written for the tests."""
from __future__ import annotations

import pytest

from kg.extract.pipeline import extract
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def exercises(registry, text):
    return sorted((e.time.value if e.time else None, e.places) for e in extract("t", text, registry).events
                  if e.kind == "MilitaryExercise")


def test_two_counted_drills_with_two_times_and_two_places_are_two_events(registry):
    found = exercises(registry, "Two joint exercises of Pakistan and Russia, in 2016 and 2017, were held in Cherat "
                                "and in Karachay-Cherkessia respectively.")
    assert [t for t, _ in found] == ["2016", "2017"]
    assert all(len(places) == 1 for _, places in found) and found[0][1] != found[1][1]


def test_without_respectively_the_counted_drills_stay_one_mention(registry):
    found = exercises(registry, "Two joint exercises of Pakistan and Russia, in 2016 and 2017, were held in Cherat "
                                "and in Karachay-Cherkessia.")
    assert len(found) <= 1
