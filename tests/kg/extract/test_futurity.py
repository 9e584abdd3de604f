"""Events told in the future get a status, and their times resolve against the article's date."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry

DATE = "2025-06-18"  # a Wednesday


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def event(registry, text, kind):
    found = [e for e in extract("t", text, registry, date=DATE).events if e.kind == kind]
    assert len(found) == 1, [(e.kind, e.participants) for e in found]
    e = found[0]
    t = e.time
    return (e.status, None if t is None else (t.value, t.start, t.end))


def test_a_noun_in_a_phrase_of_a_future_verb_is_scheduled(registry):
    assert event(registry, "Russian Foreign Minister Sergey Lavrov will lead the delegation on its 20-21 June "
                 "visit to Pakistan.", "StateVisit") == ("scheduled", (None, "2025-06-20", "2025-06-21"))
    assert event(registry, "Sergey Lavrov will arrive in Islamabad on Monday for a three-day visit to Pakistan.",
                 "StateVisit") == ("scheduled", (None, "2025-06-23", "2025-06-25"))
    assert event(registry, "Shehbaz Sharif will meet Vladimir Putin on the sidelines of the SCO summit in "
                 "Astana on Friday.", "Summit")[0] == "scheduled"


def test_is_to_and_going_to_are_the_future(registry):
    assert event(registry, "Shehbaz Sharif is to visit Moscow on 20 June.", "StateVisit") == (
        "scheduled", ("2025-06-20", None, None))
    assert event(registry, "Vladimir Putin is going to visit Pakistan in August.", "StateVisit") == (
        "scheduled", ("2025-08", None, None))


def test_an_earlier_event_or_one_the_verb_follows_is_not_the_future(registry):
    assert event(registry, "Sergey Lavrov will brief Shehbaz Sharif after the visit of Vladimir Putin "
                 "to Pakistan.", "StateVisit")[0] is None
    assert event(registry, "Sergey Lavrov visited Islamabad on Monday.", "StateVisit") == (
        None, ("2025-06-16", None, None))


def test_an_infinitive_of_purpose_shares_the_time_and_the_future(registry):
    text = "Foreign Minister Ishaq Dar will visit Moscow to hold talks with Sergey Lavrov on 20 June."
    assert event(registry, text, "StateVisit") == ("scheduled", ("2025-06-20", None, None))
    assert event(registry, text, "Meeting") == ("scheduled", ("2025-06-20", None, None))
    # after a verb of arrival the time is the arrival's (the visit's), not the summit's
    assert event(registry, "Vladimir Putin arrived in Tianjin on Monday to attend the SCO summit.", "Summit")[1] is None


def test_times_of_another_clause_or_of_a_source_are_not_the_event_s(registry):
    # the time of the order, not of the deal
    assert event(registry, "In late April, Pakistan placed its first order for Russian crude under a deal struck "
                 "between Pakistan and Russia.", "Agreement")[1] is None
    # the time of the report
    assert event(registry, "Vladimir Putin held talks with Shehbaz Sharif in Tianjin, according to Kremlin "
                 "spokesman Dmitry Peskov on Monday.", "Meeting")[1] is None
    # the start of a gap, not the visit's time
    assert event(registry, "Sharif's trip is the first visit to Russia by a Pakistani prime minister since 2011.",
                 "StateVisit")[1] is None
    # the arrival's day, not the drill's
    assert event(registry, "Russian troops arrived in Pakistan on 5 June for the joint exercise of Pakistani "
                 "and Russian special forces.", "MilitaryExercise")[1] is None


def test_due_to_is_no_plan(registry):
    assert event(registry, "Pakistan bought Russian crude due to Russia's war on Ukraine.", "War")[0] is None


def test_agreed_to_hold_is_planned_but_agreed_to_supply_is_the_agreement(registry):
    assert event(registry, "Pakistan and Russia agreed to hold the next meeting of their joint commission in "
                 "Moscow this year.", "Meeting")[0] == "planned"
    assert event(registry, "Pakistan agreed to supply rice to Russia.", "Agreement")[0] is None


def test_a_relative_clause_of_an_event_takes_its_time(registry):
    assert event(registry, "Late last year, Pakistan and Russia signed a defence agreement by which Russia lifted "
                 "sanctions on Pakistan.", "SanctionsChange")[1] == ("2024", None, None)


def test_the_next_event_is_to_come_unless_told_in_the_past(registry):
    assert event(registry, "Pakistan and Russia will discuss their next joint exercise.", "MilitaryExercise")[0] \
        == "planned"
    assert event(registry, "The next meeting of Pakistan and Russia was held in Moscow in 2019.", "Meeting") == (
        None, ("2019", None, None))
    # a month sets the time (docs/annotation-guide.md: day, week or month), a year does not
    assert event(registry, "Shehbaz Sharif intends to visit Moscow in August.", "StateVisit") == (
        "scheduled", ("2025-08", None, None))
    assert event(registry, "Shehbaz Sharif intends to visit Moscow next year.", "StateVisit")[0] == "planned"


def test_a_second_relative_clause_dates_its_noun(registry):
    text = ("The Russian ship had come for Aman, the joint exercise that the Pakistan Navy has staged with Russia "
            "every two years since 2007, and which was held off Karachi from 7 to 11 February 2025.")
    found = [e for e in extract("t", text, registry, date=DATE).events if e.kind == "MilitaryExercise"]
    assert [(e.time.start, e.time.end) for e in found] == [("2025-02-07", "2025-02-11")]


def test_a_time_right_after_another_event_s_phrase_is_left_to_neither(registry):
    assert event(registry, "Ishaq Dar and Sergey Lavrov will hold talks ahead of the SCO summit in Astana on "
                 "28 June.", "Meeting") == ("planned", None)


def test_a_visit_intended_for_a_summit_is_no_plan_of_the_visit(registry):
    evs = extract("t", "Putin has postponed his visit to Pakistan. Putin's visit was primarily intended for a "
                  "summit in Islamabad.", registry, date=DATE).events
    assert [e.status for e in evs if e.kind == "StateVisit"] == ["postponed"]


def test_talks_a_delegation_is_arriving_for_are_to_come(registry):
    assert event(registry, "A Russian delegation led by Sergey Lavrov is arriving in Islamabad on Thursday for "
                 "talks with Ishaq Dar.", "Meeting") == ("planned", None)


def test_a_future_with_no_date_is_planned(registry):
    assert event(registry, "Ishaq Dar arrived in Moscow on Monday. He will hold talks with his Russian "
                 "counterpart.", "Meeting") == ("planned", None)
    # "scheduled" itself says a date is fixed, though the text does not give it
    assert event(registry, "Ishaq Dar and Sergey Lavrov are scheduled to meet.", "Meeting") == ("scheduled", None)
    assert event(registry, "Ishaq Dar and Sergey Lavrov are scheduled to meet on Friday.", "Meeting") == (
        "scheduled", ("2025-06-20", None, None))


def test_a_headline_infinitive_is_the_future(registry):
    assert event(registry, "Lavrov to meet Ishaq Dar on Friday.", "Meeting") == ("scheduled", ("2025-06-20", None, None))
    assert event(registry, "Ishaq Dar to hold talks with Sergey Lavrov in Moscow", "Meeting") == ("planned", None)
    # (a named subject: a meeting with one side only, "He ... to meet Putin", is left out)
    assert event(registry, "Ishaq Dar went to Moscow to meet Putin.", "Meeting") == (None, None)  # purpose, said as past


def test_was_to_be_held_and_were_to_be_followed_by_are_the_future_seen_from_then(registry):
    # (two sides: a summit naming the SCO alone is left out, as on dev it was wrong)
    assert event(registry, "The Pakistan-Russia summit was to be held in Islamabad in October.", "Summit") == (
        "scheduled", ("2025-10", None, None))
    statuses = [e.status for e in extract("t", "Talks between Russia and China were to be followed by a broader "
                                               "meeting including India and Pakistan.", registry, date=DATE).events]
    assert statuses == ["planned", "planned"]  # no date set
    assert event(registry, "The SCO summit of Pakistan, Russia and China was held in Islamabad in October 2024.",
                 "Summit")[0] is None


def test_an_expected_event_in_a_named_week_or_month_is_scheduled_in_a_season_planned(registry):
    assert event(registry, "Pakistan and Russia are expected to hold consultations this week.",
                 "Meeting")[0] == "scheduled"
    assert event(registry, "Pakistan and Russia are expected to hold consultations later this month.",
                 "Meeting")[0] == "scheduled"
    assert event(registry, "Pakistan and Russia are expected to hold consultations this summer.",
                 "Meeting")[0] == "planned"


def test_a_participle_shares_the_time_and_future_of_the_verb_it_adds_to(registry):
    assert event(registry, "Mikhail Mishustin will have a working day in Islamabad on Thursday, attending the "
                 "meeting of prime ministers of the Shanghai Cooperation Organization.", "Meeting") == (
        "scheduled", ("2025-06-19", None, None))
    assert event(registry, "Mishustin will begin his working day on Thursday by meeting with his Chinese and "
                 "Mongolian counterparts, Li Qiang and Luvsannamsrain Oyun-Erdene.", "Meeting") == (
        "scheduled", ("2025-06-19", None, None))
    # a second participle joined to the first shares them too
    evs = [e for e in extract("t", "Mikhail Mishustin will have a working day in Islamabad on Thursday, attending the "
                          "meeting of prime ministers of the Shanghai Cooperation Organization and holding talks with "
                          "Pakistani leaders.", registry, date=DATE).events if e.trigger.text == "talks"]
    assert [(e.status, e.time.value) for e in evs] == [("scheduled", "2025-06-19")]
    # told in the past, the participle's event took place then
    assert event(registry, "Mikhail Mishustin spent a working day in Islamabad on Thursday, attending the "
                 "meeting of prime ministers of the Shanghai Cooperation Organization.", "Meeting") == (
        None, ("2025-06-12", None, None))


def test_a_relative_clause_hung_from_the_name_ending_the_phrase_dates_the_event(registry):
    # the parser hangs "which was scheduled ..." from "Pakistan"; a name is not scheduled
    assert event(registry, "Putin's visit to Pakistan, which was scheduled for June 30, has been postponed.",
                 "StateVisit") == ("postponed", ("2025-06-30", None, None))


def test_a_future_event_in_a_year_or_season_is_planned(registry):
    # the guide: a year or a season sets no date, whatever the verb's form
    assert event(registry, "Pakistan and Russia will hold their first joint military exercises later this year.",
                 "MilitaryExercise") == ("planned", ("2025", None, None))
    assert event(registry, "Pakistan and Russia will hold their first joint military exercises in October.",
                 "MilitaryExercise") == ("scheduled", ("2025-10", None, None))


def test_an_event_set_on_the_sidelines_of_a_gathering_is_scheduled(registry):
    # set inside the summit, as the guide counts it, though the text gives no date
    assert event(registry, "Sergey Lavrov is expected to meet Ishaq Dar on the sidelines of the SCO summit.",
                 "Meeting") == ("scheduled", None)
    assert event(registry, "Vladimir Putin will meet Shehbaz Sharif on the sidelines of the SCO summit.",
                 "Meeting") == ("scheduled", None)
    # without the frame, no date: planned
    assert event(registry, "Vladimir Putin will meet Shehbaz Sharif.", "Meeting") == ("planned", None)


def test_would_on_an_event_s_verb_without_a_condition_is_the_future(registry):
    assert event(registry, "The leaders of Pakistan and Russia would meet in Astana on 20 June.", "Meeting") == (
        "scheduled", ("2025-06-20", None, None))
    # a condition makes it no arrangement; "would have" is a past that did not happen
    assert event(registry, "Pakistan and Russia would meet in Astana on 20 June if the summit were held.",
                 "Meeting")[0] is None


def test_the_purpose_of_a_planned_visit_is_planned(registry):
    text = "Danila Ganich welcomed the decision of Bilawal Bhutto Zardari to visit Goa to attend the SCO Council of " \
           "Foreign Ministers conference."
    assert event(registry, text, "Meeting")[0] == "planned"
    # the purpose of a journey told as past took place
    assert event(registry, "Bilawal Bhutto Zardari travelled to Goa on Thursday to attend the SCO Council of Foreign "
                 "Ministers conference.", "Meeting")[0] is None


@pytest.mark.parametrize("text, kind, expected", [
    ("Ishaq Dar will attend the SCO foreign ministers meeting to be held in Moscow on 30 June.", "Meeting",
     ("scheduled", ("2025-06-30", None, None))),
    ("The joint exercise of Pakistan and Russia, to be conducted in Tarbela next month, will involve special "
     "forces.", "MilitaryExercise", ("scheduled", ("2025-07", None, None))),
    ("Pakistan and Russia discussed the agreement to be signed during the visit.", "Agreement", ("planned", None)),
])
def test_an_event_to_be_held_is_still_to_come(registry, text, kind, expected):
    assert event(registry, text, kind) == expected


def test_an_agreement_to_supply_is_no_future_event(registry):
    assert event(registry, "Pakistan and Russia signed an agreement to supply gas in 2015.", "Agreement")[0] is None


def test_a_gathering_in_a_phrase_of_a_reported_would_is_scheduled(registry):
    # the future told on from a report: the summit the leaders would meet at is still to come
    status, _ = event(registry, "Shehbaz Sharif and Vladimir Putin would meet in Tianjin during the SCO summit "
                      "on 1 September.", "Summit")
    assert status == "scheduled"
    status, _ = event(registry, "Shehbaz Sharif and Vladimir Putin would meet in Tianjin during the SCO summit "
                      "if the schedule allowed.", "Summit")
    assert status is None  # a condition: no report of a plan
