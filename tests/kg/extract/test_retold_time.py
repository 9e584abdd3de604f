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


def _event(kind, index, parts, time=None, status=None):
    from kg.extract.model import Event, Sentence, Span
    return Event(kind, Sentence(index, Span(index * 10, index * 10 + 9, "x")), Span(index * 10, index * 10 + 1, "x"),
                 parts, time=time, status=status)


def _time(value=None, start=None, end=None):
    from kg.extract.model import Span, TimeValue
    return TimeValue(Span(0, 4, "then"), value, start, end)


def test_the_weaker_first_telling_just_before_gives_its_time():
    from kg.extract.retold_time import _weaker_telling
    days = _time(start="2007-04-11", end="2007-04-13")
    first = _event("StateVisit", 0, ("russia", "new:Ivan Petrovsky"), days)
    later = _event("StateVisit", 1, ("russia", "new:Ivan Petrovsky", "pakistan"))
    assert _weaker_telling(later, [first], [first, later]) is days


def test_a_telling_before_with_other_sides_another_kind_or_status_gives_nothing():
    from kg.extract.retold_time import _weaker_telling
    days = _time(start="2007-04-11", end="2007-04-13")
    later = _event("StateVisit", 1, ("russia", "pakistan"))
    other_side = _event("StateVisit", 0, ("russia", "india"), days)
    meeting = _event("Meeting", 0, ("russia",), days)
    planned = _event("StateVisit", 0, ("russia",), days, status="planned")
    for before in (other_side, meeting, planned):
        assert _weaker_telling(later, [before], [before, later]) is None
    dated = _event("StateVisit", 3, ("russia", "pakistan"), _time("2007-04-12"))  # another visit may be that one
    first = _event("StateVisit", 0, ("russia",), days)
    assert _weaker_telling(later, [first], [first, later, dated]) is None



def test_a_finite_verb_tells_an_occasion_of_its_own_an_infinitive_or_noun_does_not():
    from kg.extract.pipeline import load_nlp
    from kg.extract.retold_time import _told_as_done
    doc = load_nlp()("Pakistan and Russia held talks in Islamabad. He is the first premier to visit Pakistan.")
    words = {t.text: t for t in doc}
    assert _told_as_done(words["held"])
    assert not _told_as_done(words["visit"]) and not _told_as_done(words["talks"])
