"""The sides of a war named by a noun come from the noun's own phrase (kg.extract.war_sides)."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def wars(registry, text):
    return [set(e.participants) for e in extract("t", text, registry).events if e.kind in {"War", "Invasion"}]


def test_a_state_or_person_beside_the_war_is_no_side(registry):
    assert wars(registry, "Lavrov said the talks with Pakistan had nothing to do with the conflict between "
                          "Russia and Ukraine.") == [{"russia", "ukraine"}]
    assert wars(registry, "Relations with Pakistan were strained by the Soviet invasion of Afghanistan in "
                          "1979.") == [{"soviet-union", "afghanistan"}]
    assert wars(registry, "Putin's planned trip to Pakistan is not tied to the war in Ukraine.") == []


def test_a_verb_of_invading_keeps_its_subject_and_object(registry):
    assert wars(registry, "In 1979 the Soviet Union invaded Afghanistan.") == [{"soviet-union", "afghanistan"}]


def test_who_wages_or_enters_the_war_is_a_side(registry):
    assert wars(registry, "In 1979 the Soviet Union launched an invasion of Afghanistan.") == [
        {"soviet-union", "afghanistan"}]
    assert wars(registry, "In the 1980s Pakistan became involved in the Afghan war.") == [{"pakistan", "afghanistan"}]


def test_a_side_named_earlier_in_the_sentence_and_again_in_the_phrase_is_kept(registry):
    assert wars(registry, "Soviet relations with Pakistan were tense because of the Soviets' 1979 invasion of "
                          "Afghanistan.") == [{"soviet-union", "afghanistan"}]
    assert wars(registry, "Soviet aid to Pakistan ended because of the Soviet invasion of Afghanistan.") == [
        {"soviet-union", "afghanistan"}]
