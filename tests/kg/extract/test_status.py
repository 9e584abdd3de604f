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


def _status_of(nlp, sentence: str, word: str, time=None):
    from kg.extract.status import event_status
    doc = nlp(sentence)
    return event_status(next(t for t in doc if t.text == word), time)


@pytest.mark.parametrize("sentence, word, expected", [
    ("Diplomats discussed a summit that is set to be held between the three states.", "summit", "planned"),
    ("The envoys praised the accord, which is expected to be signed soon.", "accord", "planned"),
    ("The conference, which is scheduled to take place in Tashkent, will discuss transit.", "conference",
     "scheduled"),
    ("A visit by the Russian premier to Karachi is in the works.", "visit", "planned"),
    ("New talks between the two ministries are in the pipeline.", "talks", "planned"),
])
def test_a_relative_clause_or_in_the_works_says_the_event_is_intended(nlp, sentence, word, expected):
    assert _status_of(nlp, sentence, word) == expected


@pytest.mark.parametrize("sentence, word", [
    ("The summit, which was planned two years ago, took place in May.", "summit"),
    ("The accord that was signed in Moscow is in force.", "accord"),
    ("The visit that took place in May was in the news.", "visit"),
])
def test_a_relative_clause_of_the_past_or_of_another_sense_leaves_no_status(nlp, sentence, word):
    assert _status_of(nlp, sentence, word) is None


def _programme_event(kind, index, status=None, time=None):
    from kg.extract.model import Event, Sentence
    sentence = Sentence(index, Span(index * 10, index * 10 + 9, "x" * 9))
    return Event(kind, sentence, Span(index * 10, index * 10 + 3, "xxx"), ("pakistan", "russia"), time=time,
                 status=status)


def test_what_is_planned_after_a_scheduled_visit_is_an_item_of_its_programme():
    from kg.extract.status import within_programme
    year = _time("next year", "2025")
    events = [_programme_event("Meeting", 0, "planned"), _programme_event("StateVisit", 1, "scheduled"), _programme_event("Meeting", 2, "planned"),
              _programme_event("Agreement", 3, "planned", time=year), _programme_event("Meeting", 4), _programme_event("StateVisit", 5, "planned")]
    assert [e.status for e in within_programme(events)] == [
        "planned", "scheduled", "scheduled", "planned", None, "planned"]
    same_sentence = [_programme_event("StateVisit", 1, "scheduled"), _programme_event("Meeting", 1, "planned")]
    assert [e.status for e in within_programme(same_sentence)] == ["scheduled", "planned"]
    no_visit = [_programme_event("Meeting", 2, "planned"), _programme_event("StateVisit", 1, "planned")]
    assert [e.status for e in within_programme(no_visit)] == ["planned", "planned"]


def test_a_postponed_event_keeps_its_status_beside_a_relative_clause_of_its_schedule(nlp):
    assert _status_of(nlp, "Last year the minister postponed his trip to Kazan that was scheduled for May.",
                      "trip") == "postponed"


def test_what_is_planned_after_a_visit_under_way_on_the_articles_day_is_an_item_of_its_programme():
    from kg.extract.status import within_programme
    today, range_, month = _time("today", "2025-05-11"), _time("from 10 to 13 May", None, "2025-05-10", "2025-05-13"), \
        _time("in May", "2025-05")
    for time, expected in ((today, "scheduled"), (range_, "scheduled"), (month, "planned"), (None, "planned")):
        events = [_programme_event("StateVisit", 1, time=time), _programme_event("Agreement", 2, "planned")]
        assert within_programme(events, "2025-05-11")[1].status == expected, time
    # a visit of another day, or an article without a day, frames nothing
    events = [_programme_event("StateVisit", 1, time=today), _programme_event("Agreement", 2, "planned")]
    assert within_programme(events, "2025-05-20")[1].status == "planned"
    assert within_programme(events, "2025-05")[1].status == "planned"
    assert within_programme(events)[1].status == "planned"


@pytest.mark.parametrize("sentence, word, time, expected", [
    ("Officials are preparing for the minister's visit to Kazan, scheduled for June.", "visit",
     _time("for June", "2025-06"), "scheduled"),
    ("The leaders will attend the regional summit slated for 3-4 July in Tashkent.", "summit", None, "scheduled"),
    ("The envoys discussed the meeting planned for next year.", "meeting", _time("next year", "2026"), "planned"),
    # told as past: it took place
    ("The talks scheduled for Monday were held in Lahore.", "talks", _time("for Monday", "2025-05-05"), None),
])
def test_a_participle_of_planning_on_the_noun_says_the_event_is_intended(nlp, sentence, word, time, expected):
    assert _status_of(nlp, sentence, word, time) == expected


@pytest.mark.parametrize("sentence, word, expected", [
    ("Karachi hopes to sign the deal during the premier's trip to Beijing, scheduled for May.", "trip", "scheduled"),
    ("Officials are preparing the summit in Tashkent, slated for June.", "summit", "scheduled"),
])
def test_a_participle_of_fixing_on_the_event_noun_schedules_it(nlp, sentence, word, expected):
    time = TimeValue(Span(0, 1, "May"), value="2030-05")
    assert _status_of(nlp, sentence, word, time) == expected


def test_a_participle_of_fixing_told_in_the_past_leaves_no_schedule(nlp):
    assert _status_of(nlp, "The visit to Beijing, scheduled for May, took place as planned.", "visit") is None


@pytest.fixture(scope="module")
def nlp():
    from kg.extract.nlp import load_nlp
    return load_nlp()


def _status_of(nlp, text, word, time=None):
    from kg.extract.status import event_status
    doc = nlp(text)
    [token] = [t for t in doc if t.text == word]
    return event_status(token, time)


@pytest.mark.parametrize("text,word,status", [
    ("The minister called for an early meeting of the joint working group on energy.", "meeting", None),
    ("Officials called for talks between the two sides.", "talks", None),
    ("Russia called off the naval exercise.", "exercise", "cancelled"),
    ("The naval exercise was called off at the last minute.", "exercise", "cancelled"),
    ("The ministry cancelled the visit.", "visit", "cancelled"),
])
def test_calling_for_an_event_does_not_cancel_it_calling_it_off_does(nlp, text, word, status):
    assert _status_of(nlp, text, word) == status


def test_an_event_due_to_be_held_after_the_comma_of_its_phrase_is_still_to_come(nlp):
    text = ("The adviser stressed the need for an early convening of the fifth round of the strategic dialogue, "
            "due to be hosted by Tashkent later this year.")
    assert _status_of(nlp, text, "round") == "planned"  # a year sets no date
    month = _time("in October", "2025-10")
    text = "Both sides discussed the sixth session of the joint commission, due to be held in October."
    assert _status_of(nlp, text, "session", month) == "scheduled"
    # a cause, not a plan
    assert _status_of(nlp, "They held a meeting, due to the crisis in the region.", "meeting") is None


def test_a_planned_event_dated_later_to_a_day_or_a_month_is_scheduled():
    from kg.extract.status import scheduled_once_dated
    assert scheduled_once_dated(_event("planned", _time("on 3 May 2025", "2025-05-03"))).status == "scheduled"
    assert scheduled_once_dated(_event("planned", _time("in November", "2025-11"))).status == "scheduled"
    assert scheduled_once_dated(_event("planned", _time("next year", "2026"))).status == "planned"  # no date set
    assert scheduled_once_dated(_event("planned", None)).status == "planned"
    assert scheduled_once_dated(_event(None, _time("on 3 May 2025", "2025-05-03"))).status is None  # it happened
    assert scheduled_once_dated(_event("postponed", _time("in June", "2025-06"))).status == "postponed"


@pytest.mark.parametrize("sentence, expected", [
    # set during a visit whose date is fixed: an item of a scheduled occasion
    ("Pakistan expects to sign a gas deal with Russia during the visit of Shehbaz Sharif to Moscow, "
     "scheduled for May.", "scheduled"),
    # the occasion's date is not fixed: the deal stays as its own words give it
    ("Pakistan expects to sign a gas deal with Russia during a future visit of Shehbaz Sharif to Moscow.",
     "planned"),
])
def test_an_event_set_during_a_fixed_visit_is_scheduled(nlp, sentence, expected):
    assert _status_of(nlp, sentence, "deal") == expected


@pytest.mark.parametrize("first, expected", [
    # "have arrived ... on a visit": under way, so what the visitors will also do is an item of it
    ("Two Russian navy ships have arrived at Karachi port on a goodwill visit to Pakistan.", "scheduled"),
    # an arrival told in the simple past, in another month: no visit under way
    ("Two Russian navy ships arrived at Karachi port on a goodwill visit to Pakistan in May 2019.", "planned"),
])
def test_what_visitors_who_have_arrived_will_also_do_is_an_item_of_the_visit(first, expected):
    from support import extract_unthresholded as extract
    from kg.registry import load_registry
    text = first + " The Russian ships will also hold a passage exercise with Pakistan Navy vessels."
    drills = [e for e in extract("t", text, load_registry()).events if e.kind == "MilitaryExercise"]
    assert [e.status for e in drills] == [expected]


def test_a_future_round_of_talks_is_one_scheduled_meeting():
    from kg.extract.pipeline import extract
    from kg.registry import load_registry

    text = "The fifth round of political discussions between Pakistan and Russia will take place in Islamabad today.\n"
    events = extract("t", text, load_registry(), date="2023-06-20").events
    assert [(e.kind, e.status) for e in events] == [("Meeting", "scheduled")]


@pytest.mark.parametrize("text,word,time,status", [
    ("A round of talks between the two navies is also likely to be held in the spring.", "talks", None, "planned"),
    ("A meeting of the border commission is likely to take place on 4 March.", "meeting", _time("on 4 March", "2025-03-04"),
     "scheduled"),
    ("A meeting of the border commission is important for both sides.", "meeting", None, None),
])
def test_an_event_that_is_likely_to_be_held_is_intended(nlp, text, word, time, status):
    assert _status_of(nlp, text, word, time) == status


def _hand_parsed(nlp, rows):
    """A Doc with the parse given by hand, as (word, head index, dep, pos, tag, lemma) rows."""
    from spacy.tokens import Doc
    words, heads, deps, pos, tags, lemmas = zip(*rows)
    return Doc(nlp.vocab, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos), tags=list(tags),
               lemmas=list(lemmas))


def test_a_trigger_inside_a_split_name_takes_the_status_of_the_name(nlp):
    # "Senators will attend the upcoming Mayors' Conference (MC) on 4 May", parsed with
    # "Conference" hanging from the acronym as the parser sometimes does
    rows = [("Senators", 2, "nsubj", "NOUN", "NNS", "senator"), ("will", 2, "aux", "AUX", "MD", "will"),
            ("attend", 2, "ROOT", "VERB", "VB", "attend"), ("the", 8, "det", "DET", "DT", "the"),
            ("upcoming", 8, "amod", "ADJ", "JJ", "upcoming"), ("Mayors", 6, "nmod", "PROPN", "NNPS", "Mayors"),
            ("Conference", 8, "nmod", "PROPN", "NNP", "Conference"), ("(", 8, "punct", "PUNCT", "-LRB-", "("),
            ("MC", 2, "dobj", "PROPN", "NNP", "MC"), (")", 8, "punct", "PUNCT", "-RRB-", ")"),
            ("on", 2, "prep", "ADP", "IN", "on"), ("4", 12, "nummod", "NUM", "CD", "4"),
            ("May", 10, "pobj", "PROPN", "NNP", "May"), (".", 2, "punct", "PUNCT", ".", ".")]
    from kg.extract.status import event_status
    doc = _hand_parsed(nlp, rows)
    assert event_status(doc[6], _time("on 4 May", "2026-05-04")) == "scheduled"
    past = [("attended", 2, "ROOT", "VERB", "VBD", "attend") if r[0] == "attend" else r for r in rows
            if r[0] not in {"will", "upcoming"}]
    past = [(w, h - (h > 1) - (h > 4), d, p, t, l) for w, h, d, p, t, l in past]
    doc = _hand_parsed(nlp, past)
    assert event_status(doc[4], _time("on 4 May", "2026-05-04")) is None


@pytest.mark.parametrize("text,status", [
    ("The Russian envoy said that his country will provide every possible support to Pakistan in the fight "
     "against floods.", None),
    ("Russia will support Pakistan in its bid to join the organisation, the minister said.", None),
    ("Russia is expected to express its support for Pakistan at the summit next month.", "scheduled"),
])
def test_support_promised_for_the_future_is_a_statement_made_now(text, status):
    from support import extract_unthresholded as extract
    from kg.registry import load_registry
    found = [e for e in extract("t", text, load_registry(), date="2025-05-05").events if e.kind == "StatementOfSupport"]
    assert [e.status for e in found] == [status]


@pytest.mark.parametrize("text,word,found", [
    ("Moscow expects Baku and Tashkent to complete the process of joining the union in May.", "joining", True),
    ("The ministry plans to finish the construction of the new pipeline.", "construction", True),
    ("Moscow expected Baku to complete the process of joining the union in May.", "joining", False),
    ("Baku has completed the process of joining the union.", "joining", False),
])
def test_the_verb_of_expecting_above_an_events_phrase_is_found(nlp, text, word, found):
    from kg.extract.status import _expected_to_complete
    [token] = [t for t in nlp(text) if t.text == word]
    assert (_expected_to_complete(token) is not None) == found


def test_an_event_in_what_someone_expects_to_complete_is_intended(nlp):
    text = "Moscow expects Baku and Tashkent to complete the process of joining the union in May."
    assert _status_of(nlp, text, "joining", _time("in May", "2026-05")) == "scheduled"
    assert _status_of(nlp, text, "joining", _time("in 2026", "2026")) == "planned"
