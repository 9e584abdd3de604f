"""A person the text ties to no state, meeting one state's side, is of the other state of the
pair the article is about (kg.extract.other_side).  Short texts written for the tests."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def meetings(registry, text):
    return [set(e.participants) for e in extract("t", text, registry).events if e.kind == "Meeting"]


def test_a_stateless_person_meeting_one_side_is_of_the_articles_other_state(registry):
    found = meetings(registry, "Pakistan and Russia are old partners. Caretaker Prime Minister Nasir Bukhari "
                               "held a meeting today with Russian President Vladimir Putin in Beijing. "
                               "Pakistan wants Russian oil.")
    assert found and {"pakistan", "russia", "vladimir-putin"} <= found[0]
    assert "china" not in found[0]  # two states meet there now: the venue's is a third


def test_a_person_with_an_organisations_side_gets_no_state(registry):
    found = meetings(registry, "Pakistan and Russia are old partners. A Taliban delegation led by Mawlawi Nasir "
                               "Bukhari held a meeting with Russian President Vladimir Putin in Moscow. "
                               "Pakistan wants Russian oil.")
    assert found and "pakistan" not in found[0]


def test_no_pair_in_the_article_gives_no_side(registry):
    found = meetings(registry, "Caretaker Prime Minister Nasir Bukhari held a meeting today with Russian "
                               "President Vladimir Putin in Moscow.")
    assert found and "pakistan" not in found[0]
