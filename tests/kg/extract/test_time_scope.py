"""Which clause a time belongs to (kg.extract.time_scope), on short texts written for the tests:
a participle that tells an event of its own keeps the sentence's time away from its noun; one
that only describes the thing does not."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def agreement_time(registry, text, date="2024-12-04"):
    [agreement] = [e for e in extract("t", text, registry, date=date).events if e.kind == "Agreement"]
    return agreement.time.value if agreement.time else None


@pytest.mark.parametrize("text", [
    "Pakistan and Russia on Wednesday signed an agreement aimed at strengthening trade.",
    "Pakistan and Russia on Wednesday inked eight agreements designed to boost trade.",
    "Pakistan and Russia on Wednesday signed an agreement worth $2 billion, intended to boost trade.",
])
def test_a_describing_participle_leaves_the_verbs_time_to_the_agreement(registry, text):
    assert agreement_time(registry, text) == "2024-12-04"


def test_a_participle_with_its_own_doer_keeps_the_time_for_the_main_verb(registry):
    # (two parties named: an accord with one named party is withheld)
    text = ("On Monday, Pakistan placed its first order for Russian crude under the Pakistan-Russia accord signed "
            "by the two ministers.")
    assert agreement_time(registry, text) is None


def times_of(registry, text, date="2022-09-16"):
    return {e.kind: (e.time.value if e.time else None) for e in extract("t", text, registry, date=date).events}


def test_the_day_of_a_meeting_on_the_sidelines_is_not_the_gathering_s(registry):
    # a summit lasts days: the Thursday is the meeting's
    found = times_of(registry, "Shehbaz Sharif met Vladimir Putin on the sidelines of the SCO summit in Samarkand, "
                               "Uzbekistan, on Thursday.")
    assert found == {"Meeting": "2022-09-15", "Summit": None}
    found = times_of(registry, "Shehbaz Sharif on Thursday met Vladimir Putin on the sidelines at the annual meeting "
                               "of the SCO Council of Heads of State in Samarkand.")
    assert found["Summit"] is None
    # a month holds the whole summit: its own
    found = times_of(registry, "Shehbaz Sharif will meet Vladimir Putin on the sidelines of the SCO summit in "
                               "September.")
    assert found["Summit"] == "2022-09"


def test_a_relative_clause_after_the_trigger_s_phrase_tells_its_time_and_that_it_happened(registry):
    # the parser hangs "which took place" from a name at the end of the phrase (or elsewhere)
    [e] = [e for e in extract("t", "They stressed the objectives formulated at the next meeting of the "
                                   "Russian-Pakistani Intergovernmental Commission on Trade, Economic, Scientific and "
                                   "Technical Cooperation, which took place in Islamabad on January 20 this year.",
                              registry, date="2023-01-30").events if e.kind == "Meeting"]
    assert (e.time.value, e.status) == ("2023-01-20", None)
    found = times_of(registry, "Ishaq Dar arrived in Moscow on Monday, where he led Pakistan's delegation at a meeting of "
                               "the SCO Council of Heads of Government, which took place on Tuesday.", date="2025-11-18")
    assert found["Summit"] == "2025-11-18"


def test_a_sentence_about_another_kind_of_event_does_not_continue_the_event(registry):
    text = "Vladimir Putin visited Kazakhstan. The SCO summit took place in Astana on 4 July."
    assert times_of(registry, text)["StateVisit"] is None
    text = "Vladimir Putin visited Kazakhstan. The visit took place on 4 July."
    assert times_of(registry, text)["StateVisit"] == "2022-07-04"


def test_a_fronted_time_dates_both_joined_clauses_unless_the_second_has_its_own(registry):
    # also when the first verb is one of saying: the second clause is no report of it
    found = times_of(registry, "This year already, Russian Army Commander-in-Chief Oleg Salyukov has announced the "
                               "first-ever joint drills, and Khawaja Asif, defense minister of Pakistan, visited Moscow "
                               "to further discuss enhancing cooperation.")
    assert found["StateVisit"] == "2022"
    found = times_of(registry, "In 2014, Russia lifted its arms embargo on Pakistan, and the two countries signed a "
                               "defence cooperation agreement a year later.")
    assert found == {"SanctionsChange": "2014", "Agreement": None}


@pytest.mark.parametrize("text", [
    # a crisis or a project also begins, a commission is set up: their times, not the meeting's
    "Ishaq Dar and Sergey Lavrov held a meeting on the crisis in Afghanistan, which began in August.",
    "Ishaq Dar attended the meeting of the Russia-Pakistan commission, which was set up in 2010, with Sergey Lavrov.",
])
def test_a_relative_clause_said_of_another_thing_does_not_date_the_event(registry, text):
    assert times_of(registry, text)["Meeting"] is None


def _time_of(registry, text, trigger, date="2022-09-16"):
    [event] = [e for e in extract("t", text, registry, date=date).events if e.trigger.text == trigger]
    return event.time.value if event.time else None


def test_a_time_in_the_phrase_of_another_event_s_noun_is_that_event_s(registry):
    # the date of the agreement the protocol amends is not the protocol's
    assert _time_of(registry, "On 12 March 2019, the energy ministers of Pakistan and Russia signed a protocol on "
                              "amendments to the agreement of 5 June 2015 on the gas pipeline.", "protocol") == "2019-03-12"
    assert _time_of(registry, "Soviet Premier Alexei Kosygin mediated between India and Pakistan after their 1971 "
                              "war.", "mediated") is None


@pytest.mark.parametrize("text, trigger, expected", [
    ("Pakistan and Russia signed an agreement in 2015.", "agreement", "2015"),  # the trigger itself
    ("Shehbaz Sharif met Vladimir Putin at the SCO summit in July 2019.", "met", "2019-07"),  # set inside it
])
def test_the_trigger_s_own_object_or_a_framing_gathering_keeps_the_time(registry, text, trigger, expected):
    assert _time_of(registry, text, trigger) == expected


def test_what_as_says_the_event_is_keeps_the_time(registry):
    assert times_of(registry, "Belarus joined the SCO as a full member in 2024.", date="2025-03-01")[
        "MembershipChange"] == "2024"


def test_a_day_of_a_month_without_a_year_is_a_calendar_day():
    from kg.extract.model import Span, TimeValue
    from kg.extract.time_scope import calendar_day

    def words(text):
        return TimeValue(Span(0, len(text), text))
    assert calendar_day(words("on June 9 to 10")) and calendar_day(words("on 13 October"))
    assert not calendar_day(words("on Friday")) and not calendar_day(words("last year"))
    assert not calendar_day(TimeValue(Span(0, 11, "13 May 2019"), "2019-05-13"))

