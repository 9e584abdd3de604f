"""Days, months and ranges without a year, resolved by the tense of their clause."""
from __future__ import annotations

from kg.extract.dates import find_times
from kg.extract.yearless import clause_tense


def values(nlp, text, anchor):
    return [(t.span.text, t.value, t.start, t.end) for t in find_times(nlp(text), anchor=anchor)]


def test_a_day_without_a_year_takes_the_year_its_tense_gives(nlp):
    # in an article of 18 June 2025: said in the future, the coming 20 June; in the past, last year's
    assert values(nlp, "Sharif is to visit Moscow on 20 June.", "2025-06-18") == [
        ("on 20 June", "2025-06-20", None, None)]
    assert values(nlp, "Sharif visited Moscow on 20 June.", "2025-06-18") == [
        ("on 20 June", "2024-06-20", None, None)]
    # "would continue till November 21" in an article of 16 November 2020: that November
    assert values(nlp, "The exercise would continue till November 21.", "2020-11-16") == [
        ("till November 21", "2020-11-21", None, None)]
    # no tense to go by: the nearest one
    assert values(nlp, "Putin is going to visit Pakistan in August.", "2025-06-18") == [
        ("in August", "2025-08", None, None)]


def test_ranges_without_a_year_give_start_and_end(nlp):
    assert values(nlp, "Lavrov will lead the delegation on its 20-21 June visit.", "2025-06-18") == [
        ("20-21 June", None, "2025-06-20", "2025-06-21")]
    assert values(nlp, "Sharif will visit Russia from June 20 to 22.", "2025-06-18") == [
        ("from June 20 to 22", None, "2025-06-20", "2025-06-22")]
    assert values(nlp, "The troops will hold a joint exercise from 20 to 21 June.", "2025-06-18") == [
        ("from 20 to 21 June", None, "2025-06-20", "2025-06-21")]
    # a visit under way on the article's day is that year's, though "is undertaking" reads as future
    assert values(nlp, "Bilawal is undertaking an official visit to Moscow from 29-30 January.", "2023-01-30") == [
        ("from 29-30 January", None, "2023-01-29", "2023-01-30")]
    # two days running joined by "and" are a range; two days apart are two days
    assert values(nlp, "The speakers will meet in Islamabad on November 11 and 12.", "2025-11-06") == [
        ("on November 11 and 12", None, "2025-11-11", "2025-11-12")]
    assert [t[3] for t in values(nlp, "The speakers will meet on November 11 and 14.", "2025-11-06")] == [None]
    # without the article's date they stay words
    assert values(nlp, "The troops will hold a joint exercise from 20 to 21 June.", None) == [
        ("from 20 to 21 June", None, None, None)]


def test_clause_tense(nlp):
    doc = nlp("Sharif will visit Moscow in May. Sharif visited Moscow in May. Sharif is in Moscow in May.")
    starts = [i for i in range(len(doc.text)) if doc.text.startswith("in May", i)]
    assert [clause_tense(doc, s) for s in starts] == ["future", "past", None]


def test_parts_of_today_and_days_ago(nlp):
    text = "The envoys met this morning. Lavrov arrived last night. Dar met Lavrov two days ago. " \
           "The deal was signed three months ago. Talks were held a week ago."
    assert [(t.span.text, t.value) for t in find_times(nlp(text), anchor="2025-06-18")] == [
        ("this morning", "2025-06-18"), ("last night", "2025-06-17"), ("two days ago", "2025-06-16"),
        ("three months ago", "2025-03"), ("a week ago", None)]


def test_a_present_progressive_or_slated_is_an_arrangement(nlp):
    # in an article of Wednesday 18 June 2025: the coming Thursday and Monday
    assert values(nlp, "A Russian delegation is arriving in Islamabad on Thursday.", "2025-06-18") == [
        ("on Thursday", "2025-06-19", None, None)]
    assert values(nlp, "Talks are slated to begin on Monday in Islamabad.", "2025-06-18") == [
        ("on Monday", "2025-06-23", None, None)]


def test_a_weekday_before_a_date_is_one_time_the_date_s(nlp):
    # the article's date is two days later: the weekday alone would name another Wednesday
    assert values(nlp, "Talks started on Wednesday, November 16, in Moscow.", "2022-11-25") == [
        ("on Wednesday, November 16", "2022-11-16", None, None)]
    assert values(nlp, "Talks started on Wednesday, November 16, in Moscow.", None) == [
        ("on Wednesday, November 16", None, None, None)]


def test_the_new_date_of_a_postponed_event_is_to_come(nlp):
    assert values(nlp, "The exercise was postponed until 10 July.", "2025-06-18") == [
        ("until 10 July", "2025-07-10", None, None)]
    assert values(nlp, "Russia and Pakistan postponed the talks to 10 July.", "2025-06-18") == [
        ("10 July", "2025-07-10", None, None)]
    assert values(nlp, "The visit was rescheduled for 20 July.", "2025-06-18") == [
        ("20 July", "2025-07-20", None, None)]
    # the day of the postponing itself is in the past
    assert values(nlp, "The summit was postponed on 10 July.", "2025-06-18") == [
        ("on 10 July", "2024-07-10", None, None)]


def test_the_other_day_is_the_article_s_month_when_the_week_lies_inside_it(nlp):
    assert values(nlp, "The minister travelled to Kabul the other day.", "2015-04-16") == [
        ("the other day", "2015-04", None, None)]
    assert values(nlp, "The minister travelled to Kabul the other day.", "2015-04-03") == [
        ("the other day", None, None, None)]


def test_a_range_of_weekdays(nlp):
    assert values(nlp, "Ishaq Dar will visit Moscow from Monday to Wednesday.", "2025-06-18") == [
        ("from Monday to Wednesday", None, "2025-06-23", "2025-06-25")]
    assert values(nlp, "Ishaq Dar visited Moscow from Monday to Wednesday.", "2025-06-18") == [
        ("from Monday to Wednesday", None, "2025-06-16", "2025-06-18")]


def test_an_infinitive_on_a_noun_speaks_of_what_is_to_come(nlp):
    # "the exercise to be held ... from February 7 to 11" in an article of 18 June 2025: next February
    assert values(nlp, "The Russian navy will participate in the multinational exercise AMAN to be held in Karachi "
                       "from February 7 to 11.", "2025-06-18") == [
        ("from February 7 to 11", None, "2026-02-07", "2026-02-11")]
    # "the first leader to visit Moscow" is said of the past as well: the past tense decides
    assert values(nlp, "Sharif was the first leader to visit Moscow on 5 May.", "2025-06-18") == [
        ("on 5 May", "2025-05-05", None, None)]
