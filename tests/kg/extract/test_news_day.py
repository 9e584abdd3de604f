"""The lede's day dates a meeting told later without a time (kg/extract/news_day.py)."""
from __future__ import annotations

import pytest

from kg.extract.model import Event, Sentence, Span, TimeValue
from kg.extract.news_day import dated_by_lede, lede_day, lede_of
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def _article(*sentences: str):
    text, spans, start = "", [], 0
    for i, s in enumerate(sentences):
        spans.append(Sentence(i, Span(start, start + len(s), s)))
        text += s + " "
        start += len(s) + 1
    return text, spans


def _time(text: str, words: str, value=None, start=None, end=None) -> TimeValue:
    i = text.index(words)
    return TimeValue(Span(i, i + len(words), words), value, start, end)


def _meeting(sentence: Sentence, kind="Meeting", status=None, time=None) -> Event:
    return Event(kind, sentence, Span(sentence.span.start, sentence.span.start + 3, "met"), ("pakistan", "russia"),
                 time=time, status=status)


LEDE = "KARACHI, May 3 (APP): Pakistan and Russia on Friday agreed to widen trade."
LATER = "The accord came at a meeting of the two ministers."


def test_a_meeting_told_later_without_a_time_takes_the_ledes_day():
    text, sents = _article(LEDE, LATER)
    times = [_time(text, "May 3", "2024-05-03"), _time(text, "on Friday", "2024-05-03")]
    assert lede_day(text, sents, times).span.text == "on Friday"  # the dateline's date aside
    out = dated_by_lede(text, sents, times, [_meeting(sents[1])])
    assert out[0].time.value == "2024-05-03"


def test_other_kinds_planned_meetings_and_dated_ones_keep_theirs():
    text, sents = _article(LEDE, LATER)
    times = [_time(text, "on Friday", "2024-05-03")]
    own = TimeValue(Span(0, 4, "2019"), "2019")
    events = [_meeting(sents[1], kind="StateVisit"), _meeting(sents[1], status="planned"),
              _meeting(sents[1], time=own), _meeting(sents[0])]
    assert [e.time for e in dated_by_lede(text, sents, times, events)] == [None, None, own, None]


def test_a_lede_with_a_month_a_year_or_two_times_dates_nothing():
    for lede, words, value in [("Pakistan and Russia in May agreed to widen trade.", "in May", "2024-05"),
                               ("Pakistan and Russia in 2019 agreed to widen trade.", "in 2019", "2019")]:
        text, sents = _article(lede, LATER)
        assert lede_day(text, sents, [_time(text, words, value)]) is None
    text, sents = _article("Pakistan and Russia on Friday agreed to meet on Monday.", LATER)
    two = [_time(text, "on Friday", "2024-05-03"), _time(text, "on Monday", "2024-05-06")]
    assert dated_by_lede(text, sents, two, [_meeting(sents[1])])[0].time is None


def test_a_dateline_standing_alone_is_not_the_lede():
    text, sents = _article("ISLAMABAD:", "Pakistan and Russia on Friday agreed to widen trade.", LATER)
    times = [_time(text, "on Friday", "2024-05-03")]
    assert lede_of(sents).index == 1
    assert lede_day(text, sents, times).span.text == "on Friday"
    out = dated_by_lede(text, sents, times, [_meeting(sents[2])])
    assert out[0].time.value == "2024-05-03"


def _event_at(doc, sentence: Sentence, word: str, kind: str, time=None, status=None, also=()) -> Event:
    start = doc.text.index(word, sentence.span.start)
    return Event(kind, sentence, Span(start, start + len(word), word), ("pakistan", "russia"), time=time,
                 status=status, also=also)


def _parsed(*sentences: str):
    from kg.extract.nlp import load_nlp
    text, sents = _article(*sentences)
    return load_nlp()(text), text, sents


def test_what_the_same_sides_also_did_takes_the_time_of_the_event_before():
    doc, text, sents = _parsed("The ministers of the two states met in Karachi on 12 March.",
                               "The two sides also signed a memorandum on fisheries.")
    day = _time(text, "on 12 March", "2024-03-12")
    met = _event_at(doc, sents[0], "met", "Meeting", time=day)
    signed = _event_at(doc, sents[1], "signed", "MemorandumOfUnderstanding")
    out = dated_by_lede(text, sents, [day], [met, signed], doc)
    assert out[1].time == day
    assert dated_by_lede(text, sents, [day], [met, signed])[1].time is None  # no parse: no reading of "also"


def test_an_act_after_the_lede_takes_its_day_and_one_without_also_keeps_none():
    doc, text, sents = _parsed("Pakistan and Russia on Friday reaffirmed their resolve to widen trade.",
                               "They also signed a memorandum on fisheries.",
                               "Pakistani firms signed a deal with a Russian bank.")
    day = _time(text, "on Friday", "2024-05-03")
    signed = _event_at(doc, sents[1], "signed", "MemorandumOfUnderstanding")
    deal = _event_at(doc, sents[2], "signed", "Agreement")
    out = dated_by_lede(text, sents, [day], [signed, deal], doc)
    assert out[0].time == day and out[1].time is None


def test_also_after_a_planned_event_or_two_times_takes_nothing():
    doc, text, sents = _parsed("The ministers will meet in Karachi on 12 March and in Moscow on 20 May.",
                               "The two sides also signed a memorandum on fisheries.")
    first, second = _time(text, "on 12 March", "2024-03-12"), _time(text, "on 20 May", "2024-05-20")
    planned = _event_at(doc, sents[0], "meet", "Meeting", time=first, status="scheduled")
    signed = _event_at(doc, sents[1], "signed", "MemorandumOfUnderstanding")
    assert dated_by_lede(text, sents, [first, second], [planned, signed], doc)[1].time is None
    a = _event_at(doc, sents[0], "meet", "Meeting", time=first)
    b = _event_at(doc, sents[0], "meet", "Meeting", time=second)
    assert dated_by_lede(text, sents, [first, second], [a, b, signed], doc)[2].time is None


def test_a_meeting_after_a_lede_that_reports_a_visit_keeps_no_time():
    text, sents = _article("MOSCOW: The army chief arrived in Russia for a two-day visit on Tuesday.",
                           "The general met the commander of the ground forces at the palace.")
    times = [_time(text, "on Tuesday", "2024-05-07")]
    visit = _meeting(sents[0], kind="StateVisit", time=times[0])
    out = dated_by_lede(text, sents, times, [visit, _meeting(sents[1])])
    assert out[1].time is None
    assert dated_by_lede(text, sents, times, [_meeting(sents[1])])[0].time == times[0]  # no visit: the lede's day


def test_a_meeting_told_as_earlier_than_the_news_does_not_take_the_ledes_day(registry):
    from support import extract_unthresholded as extract
    ex = extract("t", "Pakistan and Russia on Tuesday signed a protocol in Moscow on building a refinery. "
                      "The protocol follows recent talks between the two sides in Kazan.", registry, date="2024-03-06")
    meetings = [e for e in ex.events if e.kind == "Meeting"]
    assert meetings and all(e.time is None for e in meetings)
    ex = extract("t", "Pakistan and Russia on Tuesday signed a protocol in Moscow on building a refinery. "
                      "The protocol was agreed during talks between the two sides in Kazan.", registry, date="2024-03-06")
    assert [e.time.value for e in ex.events if e.kind == "Meeting"] == ["2024-03-05"]  # the lede's day still


def test_the_day_a_report_was_made_dates_no_meeting_told_later(registry):
    from support import extract_unthresholded as extract
    ex = extract("t", "Pakistan and Russia have agreed to build a railway to Central Asia, a media report said on "
                      "Friday. Sergey Lavrov met the Pakistani minister on the sidelines of a conference in Tashkent.", registry,
                 date="2025-07-04")
    meetings = [e for e in ex.events if e.kind == "Meeting"]
    assert meetings and all(e.time is None for e in meetings)
