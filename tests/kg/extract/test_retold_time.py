"""A later definite noun of the event's kind, with a time in its own words, dates an event
that had none or a coarser one, when nothing else could be meant."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry

SIGNED = "Pakistan and Russia signed an agreement on energy cooperation in 2019. "


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def agreements(registry, text):
    return [e for e in extract("t", text, registry, date="2023-05-02").events if e.kind == "Agreement"]


def test_a_later_definite_mention_gives_its_finer_time(registry):
    found = agreements(registry, SIGNED + "Officials in Islamabad said the agreement of 12 March 2019 covers "
                       "oil and gas supplies.")
    assert len(found) == 1
    assert found[0].time.value == "2019-03-12" and [s.index for s in found[0].also] == [1]


def test_an_event_without_time_takes_the_retelling_time(registry):
    found = agreements(registry, "Pakistan and Russia signed an agreement on energy cooperation. The ministers "
                       "praised the investment climate. Officials said the agreement of 12 March 2019 covers oil.")
    assert [e.time.value for e in found] == ["2019-03-12"]


def test_a_time_that_does_not_fit_is_not_taken(registry):
    found = agreements(registry, SIGNED + "Officials said the agreement of 12 March 2018 covers oil.")
    assert [e.time.value for e in found] == ["2019"]


def test_another_event_of_the_kind_told_between_stops_the_search(registry):
    found = agreements(registry, SIGNED + "In 2021 Pakistan and China signed an agreement on railways. Officials "
                       "said the agreement of 12 March 2019 covers oil.")
    assert found[0].time.value == "2019"


def test_a_mention_marked_as_another_gives_no_time(registry):
    found = agreements(registry, SIGNED + "Officials said the next agreement of 12 March 2019 covers oil.")
    assert found[0].time.value == "2019"


def test_a_mention_that_names_another_state_gives_no_time(registry):
    found = agreements(registry, SIGNED + "Officials said the agreement with India of 12 March 2019 covers oil.")
    assert found[0].time.value == "2019"
