"""Which times date an event (kg/extract/timing.py): a dateline's date dates the report."""
from __future__ import annotations

import pytest

from kg.extract.model import Sentence, Span, TimeValue
from kg.extract.timing import in_dateline


def _dateline(text: str, words: str) -> bool:
    i = text.index(words)
    return in_dateline(text, Sentence(0, Span(0, len(text), text)), TimeValue(Span(i, i + len(words), words)))


@pytest.mark.parametrize("text, words", [
    ("KARACHI, Mar 3 (APP): The navy chief met his Russian counterpart.", "Mar 3"),
    ("KARACHI; May 2, 2019: Two navies began a drill.", "May 2, 2019"),
    ("Karachi, Mar 3 (PTI) The navy chief met his Russian counterpart.", "Mar 3"),
    ("Karachi, March 3, 2020: The navy chief met his Russian counterpart.", "March 3, 2020"),
    ("KAZAN, March 3. /TASS/. The navy chief met his Russian counterpart.", "March 3"),
    ("KAZAN, Russia, March 3. The navy chief met his Russian counterpart.", "March 3"),
    ("Kazan [Russia], March 3 : The navy chief met his Russian counterpart.", "March 3"),
    ("KARACHI, (Daily Wire / News Desk - 3rd Mar, 2020 ) :The navy chief met his counterpart.", "3rd Mar, 2020"),
])
def test_datelines_of_several_outlets_date_the_report(text, words):
    assert _dateline(text, words)


@pytest.mark.parametrize("text, words", [
    ("On March 3, the navy chief met his Russian counterpart.", "March 3"),
    ("In May 2019, Russia began a drill.", "May 2019"),
    ("The chiefs met in Karachi, Mar 3 (PTI) said.", "Mar 3"),
])
def test_a_fronted_time_or_a_time_inside_the_sentence_is_no_dateline(text, words):
    assert not _dateline(text, words)


def test_a_when_clause_after_a_since_date_is_dated_by_it():
    from kg.extract.pipeline import extract
    from kg.registry import load_registry
    text = ("His trip is the first by a Pakistani premier to Moscow since March 3, 2019, when Prime Minister "
            "Imran Khan visited Russia.")
    visits = [e for e in extract("t", text, load_registry()).events if e.kind == "StateVisit"]
    assert [(v.time.value if v.time else None) for v in visits if "imran-khan" in v.participants] == ["2019-03-03"]


def test_a_century_dates_no_event():
    from support import extract_unthresholded as extract
    from kg.registry import load_registry
    ex = extract("t", "The talks between Pakistan and Russia in Moscow opened a new chapter on the eve of the "
                      "21st century.", load_registry(), date="1999-05-12")
    talks = [e for e in ex.events if e.kind == "Meeting"]
    assert talks and all(e.time is None for e in talks)


def test_the_time_of_deciding_does_not_date_the_event_decided_on():
    from support import extract_unthresholded as extract
    from kg.registry import load_registry
    ex = extract("t", "Islamabad and Moscow agreed in May 2019 to ink an energy accord for Russia to build a "
                      "refinery in Karachi.", load_registry(), date="2020-01-10")
    accords = [e for e in ex.events if e.trigger.text == "accord"]
    assert accords and all(e.time is None for e in accords)


def test_a_sentence_further_on_that_continues_the_one_event_of_its_kind_dates_it():
    from support import extract_unthresholded as extract
    from kg.registry import load_registry
    text = ("The armies of Pakistan and Russia began a joint counter-terrorism exercise near Tarbela. "
            "Troops of both sides will train in mountain warfare. Officers praised the growing ties. "
            "The exercise began on March 3 at the training centre.")
    ex = extract("t", text, load_registry(), date="2021-03-05")
    [drill] = [e for e in ex.events if e.kind == "MilitaryExercise"]
    assert drill.time is not None and (drill.time.value or drill.time.start) == "2021-03-03"


def test_with_two_events_of_the_kind_a_distant_sentence_dates_neither():
    from support import extract_unthresholded as extract
    from kg.registry import load_registry
    text = ("The armies of Pakistan and Russia began a joint counter-terrorism exercise near Tarbela. "
            "Russia and China held a naval exercise in the Pacific. Officers praised the growing ties. "
            "The exercise began on March 3 at the training centre.")
    ex = extract("t", text, load_registry(), date="2021-03-05")
    drills = [e for e in ex.events if e.kind == "MilitaryExercise" and "pakistan" in e.participants]
    assert drills and all(e.time is None for e in drills)


def test_a_pronoun_further_on_does_not_date_the_event():
    from support import extract_unthresholded as extract
    from kg.registry import load_registry
    text = ("Pakistan's prime minister will visit Moscow to attend a summit of the SCO. "
            "The pipeline will carry gas from Karachi to Lahore. Officers praised the growing ties. "
            "It will start exports in 2027.")
    ex = extract("t", text, load_registry(), date="2025-06-05")
    summits = [e for e in ex.events if e.kind == "Summit"]
    assert all(e.time is None or e.time.value != "2027" for e in summits)


def test_an_undated_article_continues_an_event_with_the_words_of_its_day():
    from support import extract_unthresholded
    from kg.registry import load_registry
    found = [e for e in extract_unthresholded("t", "Pakistan and Russia will hold talks on energy in Islamabad. The "
                                              "event will take place on 14 March.", load_registry()).events
             if e.kind == "Meeting"]
    assert [(e.time.span.text, e.time.value) for e in found] == [("on 14 March", None)]


def test_a_trigger_in_the_phrase_of_a_role_noun_does_not_take_its_clause_time():
    from support import extract_unthresholded
    from kg.registry import load_registry
    registry = load_registry()
    wars = [e for e in extract_unthresholded("t", "In 1972, a Soviet envoy served as an arbiter in the war between "
                                             "India and Pakistan.", registry, date="2020-01-01").events
            if e.kind == "War"]
    assert len(wars) == 1 and wars[0].time is None
    fought = [e for e in extract_unthresholded("t", "In 1971, India and Pakistan fought a war.", registry,
                                               date="2020-01-01").events if e.kind == "War"]
    assert [e.time.value for e in fought] == ["1971"]


def test_a_participle_right_after_the_triggers_phrase_dates_it_wherever_the_parser_hangs_it():
    from support import extract_unthresholded
    from kg.registry import load_registry
    for text in ("The ministers of Pakistan and Russia reviewed the decisions taken during the 4th meeting of the "
                 "Pakistan-Russia working group held in Karachi in March 2016.",
                 "The two ministers reviewed the progress on the decisions taken during the 4th Meeting of the "
                 "Pakistan-Russia Joint Commission held in Karachi in March 2016."):
        found = [e for e in extract_unthresholded("t", text, load_registry(), date="2018-01-01").events
                 if e.kind == "Meeting" and e.trigger.text.lower() == "meeting"]
        assert [e.time.value for e in found] == ["2016-03"]


def _times_of(text: str, date: str, kind: str):
    from support import extract_unthresholded as extract
    from kg.registry import load_registry
    ex = extract("t", text, load_registry(), date=date)
    return [(e.trigger.text, e.time.value if e.time else None) for e in ex.events if e.kind == kind]


def test_a_month_said_of_what_was_done_during_a_meeting_dates_the_meeting():
    found = _times_of("Last month, the Russian foreign minister Sergey Lavrov, during a meeting with Pakistani "
                      "Foreign Minister Ishaq Dar in Moscow, called Pakistan a key partner.", "2024-06-20", "Meeting")
    assert ("meeting", "2024-05") in found


def test_a_day_said_of_what_was_done_during_a_visit_does_not_date_the_visit():
    found = _times_of("During his visit to Moscow, Prime Minister Shehbaz Sharif met President Vladimir Putin "
                      "on Tuesday.", "2024-06-20", "StateVisit")
    assert found and all(value is None for _, value in found)


def test_a_saying_amid_talks_dates_the_talks():
    found = _times_of("Lavrov said Tuesday that cooperation with Pakistan is a priority for Russia amid talks "
                      "with Ishaq Dar in Moscow.", "2024-06-20", "Meeting")
    assert ("talks", "2024-06-18") in found


def test_a_next_sentence_on_an_occasion_of_another_number_does_not_date_the_event():
    found = _times_of("Pakistan and Russia held the second round of their dialogue on Afghanistan in Islamabad. "
                      "The first session took place in Moscow in March 2012.", "2013-11-20", "Meeting")
    assert ("round", None) in found


def test_when_the_gathering_on_whose_sidelines_an_event_took_place_dates_it():
    found = _times_of("On the sidelines of the energy forum of the SCO states, which took place last year, Pakistan "
                      "and Russia signed a memorandum on a gas pipeline.", "2024-02-19", "MemorandumOfUnderstanding")
    assert [value for _, value in found] == ["2023"]


def test_a_next_sentence_saying_when_the_deal_is_expected_to_be_signed_dates_it():
    found = _times_of("Pakistan is likely to sign a gas pipeline deal with Russia. The deal is expected to be "
                      "signed next month in Moscow.", "2015-06-29", "Agreement")
    assert [value for trigger, value in found if trigger == "deal"][:1] == ["2015-07"]


def _exercise_times(text: str, date: str | None = None):
    from support import extract_unthresholded as extract
    from kg.registry import load_registry
    ex = extract("t", text, load_registry(), date=date)
    return [(e.time.value, e.time.start, e.time.end) if e.time else None
            for e in ex.events if e.kind == "MilitaryExercise"]


def test_a_yearless_time_of_a_named_exercise_takes_the_year_of_its_name():
    # an article without a date: the year of the name resolves the month and days
    text = ("Pakistan and Russia held their first joint naval exercise called 'Sea Guard 2019' "
            "from March 3 to March 9 in the Arabian Sea.")
    assert _exercise_times(text) == [(None, "2019-03-03", "2019-03-09")]
    text = ("In October this year, a contingent of the Pakistan army took part in the opening of military "
            "exercises titled 'Steppe 2021' in Russia.")
    assert _exercise_times(text) == [("2021-10", None, None)]


def test_a_yearless_time_of_an_exercise_without_a_year_in_its_name_stays_words():
    text = "Pakistan and Russia held their first joint naval exercise from March 3 to March 9 in the Arabian Sea."
    assert _exercise_times(text) == [(None, None, None)]
