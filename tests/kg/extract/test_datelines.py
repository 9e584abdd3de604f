"""Datelines (kg.extract.datelines and the linker), on short texts written for the tests: a
place in capitals that opens a report is linked to the place, never to the government its
name may stand for, and takes no part in the report's events."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def test_a_dateline_in_capitals_is_linked_to_its_places(registry):
    ex = extract("t", "ISLAMABAD/NEW DELHI: Russia and Pakistan held talks on trade on Friday.", registry)
    linked = {m.span.text: m.entity for m in ex.mentions}
    assert linked["ISLAMABAD"] == "islamabad" and linked["NEW DELHI"] == "new-delhi"


def test_the_dateline_s_place_takes_no_part_in_the_report_s_events(registry):
    ex = extract("t", "ISLAMABAD/NEW DELHI: Russia and Pakistan came together on Friday for their first-ever "
                      "joint military exercise.", registry)
    [drill] = [e for e in ex.events if e.kind == "MilitaryExercise"]
    assert set(drill.participants) == {"pakistan", "russia"}  # not India, the state of New Delhi
    assert not set(drill.places) & {"islamabad", "new-delhi"}


def test_a_place_in_capitals_inside_a_sentence_is_no_dateline(registry):
    ex = extract("t", "Russia and Pakistan held talks in Islamabad. The MOSCOW talks follow next week.", registry)
    assert "MOSCOW" not in {m.span.text for m in ex.mentions if m.entity == "russia"}  # not the government


def test_a_place_with_its_country_or_a_credit_before_the_date_is_a_dateline():
    from kg.extract.datelines import credited_date
    assert credited_date("TASHKENT, Uzbekistan, ", ". The ministers met")
    assert credited_date("Lahore [Pakistan], ", " : The ministers met")
    assert credited_date("LAHORE, (Pakistan Daily Wire - ", " ) :The ministers met")
    assert not credited_date("The ministers met in Tashkent, Uzbekistan, ", ". They signed")
    assert not credited_date("LAHORE, (Pakistan Daily Wire - ", " the ministers met")


@pytest.mark.parametrize("dateline", ["TASHKENT, Uzbekistan, March 4. ", "LAHORE, (Daily Wire / News Desk - 4th Mar, 2021 ) :"])
def test_the_date_of_such_a_dateline_dates_no_event_of_the_report(registry, dateline):
    ex = extract("t", dateline + "A meeting was held between the trade ministers of Pakistan and Russia in Tashkent. "
                 "Later, the Russian side handed over a draft of the accord.", registry, date="2021-03-04")
    for e in ex.events:
        assert e.time is None, (e.kind, e.time)
