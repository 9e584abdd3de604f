"""Tests for kg.extract.dates: time expressions, their precision, latest date, ranges."""
from __future__ import annotations

import pytest
from support import read_document

from kg.extract.dates import find_times, latest_date, time_in
from kg.extract.model import Span, TimeValue


def times_of(nlp, text: str) -> list[TimeValue]:
    doc = nlp(text)
    found = find_times(doc)
    for t in found:
        assert doc.text[t.span.start:t.span.end] == t.span.text
    return found


def table(found: list[TimeValue]) -> list[tuple]:
    return [(t.span.text, t.value, t.start, t.end) for t in found]


def test_full_dates_in_both_orders(nlp):
    found = times_of(nlp, "The treaty was signed on March 12, 1992 and ratified on 3 June 1993.")
    assert table(found) == [("on March 12, 1992", "1992-03-12", None, None),
                            ("on 3 June 1993", "1993-06-03", None, None)]


def test_month_year_and_years_keep_their_precision(nlp):
    found = times_of(nlp, "Talks resumed in August 2019, since 1999 ties grew, and in 2005 a deal came.")
    assert [(t.span.text, t.value) for t in found] == [
        ("in August 2019", "2019-08"), ("since 1999", "1999"), ("in 2005", "2005")]


def test_ranges_carry_the_year_back(nlp):
    found = times_of(nlp, "The drills ran from 5 to 9 March 2021 and from October 30 to November 2, 2017.")
    assert table(found) == [
        ("from 5 to 9 March 2021", None, "2021-03-05", "2021-03-09"),
        ("from October 30 to November 2, 2017", None, "2017-10-30", "2017-11-02")]


def test_year_ranges(nlp):
    found = times_of(nlp, "Output doubled between 2012 and 2014, in 2012-2014 and in the 2019-20 year.")
    assert [(t.start, t.end) for t in found] == [("2012", "2014"), ("2012", "2014"), ("2019", "2020")]
    assert found[0].span.text == "between 2012 and 2014"


def test_two_listed_years_are_not_a_range(nlp):
    found = times_of(nlp, "Two summits, in 2010 and 2012, were held in Tashkent.")
    assert [t.value for t in found] == ["2010", "2012"]


def test_two_days_running_joined_by_and_are_a_range(nlp):
    found = times_of(nlp, "The envoys held talks on 3 and 4 April 2019 and met again on May 2 and 9, 2019.")
    assert table(found)[0] == ("on 3 and 4 April 2019", None, "2019-04-03", "2019-04-04")
    assert all(t.start is None for t in found[1:])  # two days apart: two days, not a range


def test_a_feast_with_its_year_is_a_day(nlp):
    found = times_of(nlp, "Troops crossed the border on Christmas Eve, 1979 and left on New Year’s Day 1989.")
    assert table(found) == [("on Christmas Eve, 1979", "1979-12-24", None, None),
                            ("on New Year’s Day 1989", "1989-01-01", None, None)]


def test_the_same_year_is_the_year_told_before_it(nlp):
    found = times_of(nlp, "Trade grew in March 2021, and the same year the ministries signed an accord.")
    assert table(found) == [("in March 2021", "2021-03", None, None), ("the same year", "2021", None, None)]
    assert table(times_of(nlp, "The same year the ministries signed an accord.")) == []


def test_partial_times_keep_their_span_without_a_value(nlp):
    found = times_of(nlp, "Envoys met in early May, since the late 1980s, in July and on 14 February.")
    assert [t.span.text for t in found] == [
        "in early May", "since the late 1980s", "in July", "on 14 February"]
    assert all(t.is_partial for t in found)


def test_vague_phrases_are_not_times(nlp):
    assert times_of(nlp, "In recent years and over the past decade ties grew.") == []


def test_impossible_date_is_partial(nlp):
    (found,) = times_of(nlp, "The deal dated February 30, 2019 was void.")
    assert found.is_partial and found.span.text == "February 30, 2019"


def test_names_with_years_and_the_modal_may_are_not_times(nlp):
    assert times_of(nlp, "The Shaheen 2021 drill was held by the Indus 2020 group.") == []
    assert times_of(nlp, "May the talks succeed; they may.") == []


def test_iso_date_and_year_of_a_season(nlp):
    found = times_of(nlp, "The memo of 2021-03-04 follows talks in the summer of 2010.")
    assert [(t.span.text, t.value) for t in found] == [
        ("2021-03-04", "2021-03-04"), ("in the summer of 2010", "2010")]


def test_latest_date_compares_earliest_instants_and_prefers_precision():
    def tv(value=None, start=None, end=None):
        return TimeValue(Span(0, 1, "x"), value, start, end)

    assert latest_date([]) is None
    assert latest_date([tv()]) is None
    assert latest_date([tv("2018"), tv("2017-12-31")]) == "2018"
    assert latest_date([tv("2018"), tv("2018-01")]) == "2018-01"
    assert latest_date([tv("2018-06"), tv(start="2018-05-01", end="2018-07-02")]) == "2018-07-02"


def test_time_in_keeps_values_inside_a_range():
    inside, outside = TimeValue(Span(5, 12, "in 2005"), "2005"), TimeValue(Span(30, 37, "in 2007"), "2007")
    assert time_in([inside, outside], 0, 20) == [inside]
    assert time_in([inside, outside], 6, 40) == [outside]


@pytest.mark.parametrize("prefix, latest", [("000", "2011"), ("001", "1974"), ("004", "2018-11-04")])
def test_latest_date_of_each_article(nlp, prefix, latest):
    assert latest_date(times_of(nlp, read_document(prefix))) == latest


def test_article_004_range_and_full_date(nlp):
    found = table(times_of(nlp, read_document("004")))
    assert ("from October 21 to November 4, 2018", None, "2018-10-21", "2018-11-04") in found
    assert ("on May 1, 1948", "1948-05-01", None, None) in found
    assert ("in July 2015", "2015-07", None, None) in found
    assert not any(text == "2018" for text, *_ in found)  # "Friendship 2018" is a name


def test_article_000_and_001_partial_times(nlp):
    texts000 = [t.span.text for t in times_of(nlp, read_document("000")) if t.is_partial]
    assert texts000 == ["Since the early 1950s"]
    found001 = times_of(nlp, read_document("001"))
    assert [(t.span.text, t.value) for t in found001] == [
        ("in early September", None), ("in 1974", "1974"), ("in August", None)]


def test_relative_times_resolve_against_the_article_date(nlp):
    doc = nlp("Lavrov visited Islamabad last month. The talks ended on Thursday, and the "
              "ministers will meet again in August. A deal was signed today.")
    found = find_times(doc, anchor="2023-06-17")
    assert [(t.span.text, t.value) for t in found] == [
        ("last month", "2023-05"), ("on Thursday", "2023-06-15"), ("in August", "2023-08"),
        ("today", "2023-06-17")]
    # no date: the words only, relative ones included (the guide's time_text)
    assert [(t.span.text, t.value) for t in find_times(doc)] == [
        ("last month", None), ("on Thursday", None), ("in August", None), ("today", None)]
    # an article dated by year only: a weekday or today is some day of that year; "last
    # month" cannot be told, so it stays words
    assert [(t.span.text, t.value) for t in find_times(doc, anchor="2023")] == [
        ("last month", None), ("on Thursday", "2023"), ("in August", "2023-08"), ("today", "2023")]
    # one dated by month only: the weekday may fall in the month before, so it stays words
    assert [(t.span.text, t.value) for t in find_times(doc, anchor="2023-06")] == [
        ("last month", "2023-05"), ("on Thursday", None), ("in August", "2023-08"), ("today", None)]


def test_more_relative_words_and_a_year_named_earlier_in_the_sentence(nlp):
    doc = nlp("Tomorrow's meeting follows talks held this week. Sharif visited Moscow 23 years ago. "
              "Russia expects a deal this summer. In 2016, the minister postponed his visit that was "
              "scheduled on September 18. The talks began on Tuesday afternoon.")
    assert [(t.span.text, t.value) for t in find_times(doc, anchor="2022-02-07")] == [
        ("Tomorrow", "2022-02-08"), ("this week", None), ("23 years ago", "1999"), ("this summer", "2022"),
        ("In 2016", "2016"), ("on September 18", "2016-09-18"), ("on Tuesday afternoon", "2022-02-01")]


def test_an_article_dated_by_month_takes_the_day_it_ties_to_today(nlp):
    doc = nlp("Moscow today hosted talks. The ministry said after today's talks that on October 19 "
              "the envoys met in Moscow. The ministers will meet tomorrow.")
    assert [(t.span.text, t.value) for t in find_times(doc, anchor="2021-10")] == [
        ("today", "2021-10-19"), ("today", "2021-10-19"), ("on October 19", "2021-10-19"),
        ("tomorrow", "2021-10-20")]
    # a day of the month in no sentence that says "today", or one in the future: the
    # article's day stays unknown
    doc = nlp("Moscow today hosted talks. The envoys met on October 19. The ministers said today "
              "they will meet on October 25.")
    assert [(t.span.text, t.value) for t in find_times(doc, anchor="2021-10")] == [
        ("today", None), ("on October 19", "2021-10-19"), ("today", None),
        ("on October 25", "2021-10-25")]


def test_a_year_shortened_with_an_apostrophe_after_a_time_word():
    from kg.extract.dates import find_times
    from kg.extract.pipeline import load_nlp

    doc = load_nlp()("The warmth with Moscow began showing in ’14, when Pakistan agreed to buy helicopters. "
                     "Ties have grown since '98. The ’14 helicopters arrived.")
    assert [(t.span.text, t.value) for t in find_times(doc, anchor="2016-10-10")] == [
        ("in ’14", "2014"), ("since '98", "1998")]


def test_a_week_of_a_month_is_a_week_kept_as_words(nlp):
    found = times_of(nlp, "He is expected to visit Russia during the first week of October and returned in the "
                          "last week of February 2024.")
    assert [(t.span.text, t.value, t.start, t.end) for t in found] == [
        ("during the first week of October", None, None, None),
        ("in the last week of February 2024", None, None, None)]


def test_a_month_or_day_with_this_or_last_year_is_one_time_in_that_year():
    from kg.extract.dates import find_times
    from kg.extract.pipeline import load_nlp

    nlp = load_nlp()
    found = [(t.span.text, t.value) for t in find_times(nlp("The meeting took place on January 20 this year."),
                                                       "2023-01-30")]
    assert found == [("on January 20 this year", "2023-01-20")]
    found = [(t.span.text, t.value) for t in find_times(nlp("He visited Moscow in July last year."), "2023-01-30")]
    assert found == [("in July last year", "2022-07")]
    # without the article's date, the words alone
    found = [(t.span.text, t.value) for t in find_times(nlp("He visited Moscow in mid-March of this year."), None)]
    assert found == [("in mid-March of this year", None)]


def test_in_recent_months_is_a_time_of_words_only():
    from kg.extract.dates import find_times
    from kg.extract.pipeline import load_nlp

    found = [(t.span.text, t.value) for t in find_times(load_nlp()(
        "In recent months, Pakistan's foreign minister and army chief have journeyed to Moscow."), "2018-05-08")]
    assert found == [("In recent months", None)]


# Phrases of my own that start with every word a time expression can start with.
_PHRASES = (
    "Early 2019 and early May, mid-2010, late June 3, the end of March 2001, the beginning of 1999, "
    "The start of April, the middle of 2004, End of June?  June 2, 1998; 2 June 1998; 3rd of July 2001. "
    "January February March April May June July August September October November December, "
    "Jan. Feb Mar Apr Jun Jul Aug Sept. Sep Oct Nov Dec 2017.  From March 3 to April 9, 2019, "
    "between 2003 and 2011, from 21 to 25 October 2018, October 21-25, 2018, in 2018-19, 2016–2017. "
    "1990-04-12 and 2024-13-40.  Spring 2015, the summer of 2016, autumn 2017, Fall 2018, winter of 2019, "
    "late spring 2020.  The 1990s, the early 2000s, the mid-1980s, the 21st century, the twentieth century, "
    "twenty-first century, the late nineteenth century, Eleventh century.  Monday, tuesday morning, "
    "Wednesday night, Thursday, Friday evening, Saturday afternoon, Sunday.  The first week of May, "
    "the last week of June, 2020, final week of March, second week of July.  In ’14, since '98, by ’05, "
    "until '22, of ’19.  Friendship 2018, Vision 2030, @2019, $2019, x2019, 2019/20, 3.2019, Ajune, "
    "mid-June, Midyear, THE END OF MAY 2019, IN '14, MONDAY, EARLY 2019, the Thirties.  At beginning of "
    "2001, by start of May, at end of 2003, before middle of June 2004, before summer 2005.")


def test_the_look_ahead_keeps_every_match_of_the_plain_patterns():
    """Each pattern behind its first-character look-ahead finds exactly what the pattern
    alone finds, at every position, on my phrases and the seed articles."""
    from kg.extract import dates
    from kg.extract.lookahead import plain
    from support import DOCUMENTS

    texts = [_PHRASES, _PHRASES.lower(), _PHRASES.upper()]
    texts += [p.read_text(encoding="utf-8") for p in sorted(DOCUMENTS.glob("*.txt"))]
    names = ("_PIECE_RE", "_RANGE_RE", "_ISO_RE", "_SEASON_RE", "_PARTIAL_RE", "_WEEK_OF_RE", "_SHORT_YEAR_RE")
    for name in names:
        fast = getattr(dates, name)
        alone = plain(fast)
        found = 0
        for text in texts:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in alone.finditer(text)], name
            for start in range(0, len(text), 7):  # a search from anywhere, as find_times's range loop does
                a, b = fast.search(text, start), alone.search(text, start)
                assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), name
            found += sum(1 for _ in alone.finditer(text))
        assert found, f"{name} finds nothing in the test's texts: add phrases it matches"
