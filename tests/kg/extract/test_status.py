"""An event's status (kg/extract/status.py): a time sets a date only at a day, week or month."""
from __future__ import annotations

import pytest

from kg.extract.model import Span, TimeValue
from kg.extract.status import set_time


def _time(text, value=None, start=None, end=None):
    return TimeValue(Span(0, len(text), text), value, start, end)


@pytest.mark.parametrize("time", [
    _time("on 12 May 2024", "2024-05-12"),
    _time("in November 2023", "2023-11"),
    _time("from 3 to 5 June", start="2024-06-03", end="2024-06-05"),
    _time("this week"),
    _time("on Friday"),
])
def test_a_day_a_range_a_week_or_a_month_sets_the_date(time):
    assert set_time(time)


@pytest.mark.parametrize("time", [
    None,
    _time("next year", "2025"),
    _time("this summer"),
    _time("in the near future"),
    _time("soon"),
    _time("in 2026", "2026"),
])
def test_a_year_a_season_or_soon_sets_none(time):
    assert not set_time(time)


def _event(status, time):
    from kg.extract.model import Event, Sentence
    return Event("StateVisit", Sentence(0, Span(0, 10, "A sentence")), Span(0, 1, "A"), ("russia",), time=time,
                 status=status)


@pytest.mark.parametrize("status, time, date, expected", [
    ("planned", _time("in 2016", "2016"), "2017-01", None),  # a visit of last year took place
    ("scheduled", _time("on 3 May", "2024-05-03"), "2024-05-10", None),
    ("scheduled", _time("from 1 to 4 May", start="2024-05-01", end="2024-05-04"), "2024-05-10", None),
    ("scheduled", _time("on 3 May", "2024-05-13"), "2024-05-10", "scheduled"),  # still to come
    ("planned", _time("this year", "2024"), "2024-05-10", "planned"),  # the same year: not wholly before
    ("scheduled", _time("in May", "2024-05"), "2024-05-10", "scheduled"),
    ("postponed", _time("in 2016", "2016"), "2017-01", "postponed"),  # what became of it stays
    ("planned", _time("in 2016", "2016"), None, "planned"),  # no article date: nothing to compare
    ("planned", None, "2017-01", "planned"),
    (None, _time("in 2030", "2030"), "2024-05-10", None),  # a later time alone does not make it planned
])
def test_status_by_date_clears_intended_events_dated_before_the_article(status, time, date, expected):
    from kg.extract.status import status_by_date
    assert status_by_date([_event(status, time)], date)[0].status == expected


@pytest.mark.parametrize("words, expected", [
    ("last week", None), ("two days ago", None), ("earlier this month", None), ("recently", None),
    ("next week", "scheduled"), ("later this month", "scheduled"), ("the last week of June", "scheduled"),
])
def test_words_of_the_past_clear_a_schedule_without_the_articles_date(words, expected):
    from kg.extract.status import status_by_date
    assert status_by_date([_event("scheduled", _time(words))], None)[0].status == expected
