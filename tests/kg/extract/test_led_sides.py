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


def test_who_leads_a_side_of_no_single_state_gets_no_state_from_it(registry):
    text = ("Consultations on Afghanistan open in Moscow on Monday. The joint delegation of China and Iran is "
            "headed by Nadeem Qureshi. Russian Foreign Minister Sergey Lavrov is expected to meet with his Chinese "
            "counterpart on the sidelines of the consultations.")
    for e in extract("t", text, registry).events:
        assert "new:Nadeem Qureshi" not in e.participants or e.trigger.text != "meet", e


def test_a_name_of_ranks_and_titles_only_names_nobody():
    assert title_only("Lt Gen") and title_only("Gen. Secretary")
    assert not title_only("Lt Gen Ikram Haq")
