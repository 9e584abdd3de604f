"""A time counted from another event: "two days after the summit began, ... conducted the drill"."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def drill(registry, text, date="2024-10-18"):
    found = [e for e in extract("t", text, registry, date=date).events if e.kind == "MilitaryExercise"]
    assert len(found) == 1, found
    return found[0]


def test_days_after_an_event_dated_in_the_article_give_the_day(registry):
    e = drill(registry, "The two-day SCO summit in Islamabad began on 15 October. Two days after the summit "
                        "began, Pakistan and Russia conducted the Druzhba-VII military drill in Pabbi.")
    assert e.time.value == "2024-10-17" and e.time.span.text == "Two days after the summit began"


def test_days_after_an_undated_event_keep_the_words_alone(registry):
    # the parser hangs the fronted clause on the clause before it: still the drill's
    e = drill(registry, "Both sides showed how serious they are about fostering closer ties, two days after the "
                        "summit began, Pakistan and Russia conducted the Druzhba-VII military drill in Pabbi.")
    assert e.time.is_partial and e.time.span.text == "two days after the summit began"


def test_a_week_after_keeps_the_words_and_an_uncounted_days_after_gives_no_time(registry):
    ex = extract("t", "Russia and Pakistan signed an agreement on 5 May 2024. A week after the two sides signed "
                      "the agreement, Russia and Pakistan held talks in Moscow.", registry, date="2024-06-01")
    talks = [e for e in ex.events if e.kind == "Meeting"][0]
    assert talks.time.is_partial and talks.time.span.text.startswith("A week after")
    ex = extract("t", "Russia and Pakistan held talks in Moscow days after the two sides signed an agreement.",
                 registry, date="2024-06-01")
    assert [e.time for e in ex.events if e.kind == "Meeting"] == [None]


def test_an_offer_made_in_a_sentence_of_a_dated_meeting_takes_its_day(registry):
    text = ("Prime Minister Shehbaz Sharif and Russian President Vladimir Putin met in Samarkand on Thursday. "
            "\u201cI would like to begin our meeting by expressing condolences over the flooding in Pakistan,\u201d "
            "Putin said, adding that Moscow stood ready to help the Pakistani people.")
    ex = extract("t", text, registry, date="2022-09-15")
    offers = [e for e in ex.events if e.kind == "Offer"]
    meeting = [e for e in ex.events if e.kind == "Meeting"][0]
    assert meeting.time.value == "2022-09-15" and [o.time.value for o in offers] == ["2022-09-15"]
