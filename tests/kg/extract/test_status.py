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
