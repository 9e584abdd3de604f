"""Sides said to be led by someone (kg.extract.led_sides), on short texts written for the
tests: the person who heads a state's delegation acts for that state and takes part in its
talks; a side of no state or of two gives nobody a state."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.extract.led_sides import title_only
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def test_who_heads_a_states_delegation_at_talks_takes_part_in_them(registry):
    text = ("Pakistan and Afghanistan held talks in Moscow on Monday. The Afghan delegation was headed by the "
            "acting Foreign Minister, Nadeem Qureshi.")
    (talks,) = [e for e in extract("t", text, registry).events if e.kind == "Meeting"]
    assert {"pakistan", "afghanistan", "new:Nadeem Qureshi"} <= set(talks.participants)


def test_who_leads_a_side_of_one_state_acts_for_it_and_of_two_states_for_neither(registry):
    visit = "Nadeem Qureshi arrived in Moscow on Monday for a visit. "
    (one,) = extract("t", visit + "The Afghan delegation is headed by Nadeem Qureshi.", registry).events
    assert set(one.participants) == {"new:Nadeem Qureshi", "afghanistan", "russia"}
    (two,) = extract("t", visit + "The joint delegation of China and Iran is headed by Nadeem Qureshi.",
                     registry).events
    assert set(two.participants) == {"new:Nadeem Qureshi", "russia"}


def test_a_name_of_ranks_and_titles_only_names_nobody():
    assert title_only("Lt Gen") and title_only("Gen. Secretary")
    assert not title_only("Lt Gen Ikram Haq")
