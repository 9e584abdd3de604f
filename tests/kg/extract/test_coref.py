"""Event coreference within an article (short texts written for the tests)."""
from __future__ import annotations

import pytest

from kg.extract.coref import finer_time, times_compatible
from kg.extract.model import Span, TimeValue
from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def events(registry, text, kind):
    return [e for e in extract("t", text, registry, date="2024-07-10").events if e.kind == kind]


def t(value=None, start=None, end=None, text="x"):
    return TimeValue(Span(0, len(text), text), value, start, end)


def test_times_within_one_another_are_compatible_and_the_finer_is_kept():
    month, day, other = t("2021-10"), t("2021-10-19"), t("2021-11-02")
    assert times_compatible(month, day) and times_compatible(day, month) and times_compatible(None, day)
    assert not times_compatible(day, other) and not times_compatible(month, other)
    assert finer_time(month, day) is day and finer_time(day, month) is day
    week = t(start="2016-09-24", end="2016-10-10")
    assert times_compatible(t("2016"), week) and times_compatible(week, t("2016-09-30"))
    assert not times_compatible(week, t("2017"))
    assert not times_compatible(t(text="in August"), day)


def test_a_later_definite_mention_is_the_same_meeting_and_dates_it(registry):
    found = events(registry, "Prime Minister Shehbaz Sharif met Russian President Vladimir Putin in Astana. "
                             "Trade and energy were on the agenda. Officials said the talks were cordial. "
                             "The meeting took place on 4 July 2024 and lasted an hour.", "Meeting")
    assert len(found) == 1
    assert {"shehbaz-sharif", "vladimir-putin"} <= set(found[0].participants)
    assert len(found[0].also) >= 1


def test_another_visit_or_a_meeting_with_someone_else_stays_apart(registry):
    visits = events(registry, "Foreign Minister Sergey Lavrov visited Islamabad in April 2012. Trade was discussed. "
                              "His next visit to Pakistan came in April 2021.", "StateVisit")
    assert len(visits) == 2
    meetings = events(registry, "Prime Minister Shehbaz Sharif met Russian President Vladimir Putin in Astana. "
                                "Trade was discussed. Energy was discussed too. Gas was the main subject. "
                                "His meeting with Chinese President Xi Jinping followed.", "Meeting")
    assert len(meetings) == 2


def test_the_meeting_at_a_summit_is_the_summit_and_a_surname_names_the_same_leader(registry):
    text = ("Leaders of Russia, China and Kazakhstan attended the SCO summit in Astana. "
            "The presidents signed a convention at the meeting in the Kazakh capital.")
    assert len(events(registry, text, "Meeting")) == 0
    summits = events(registry, text, "Summit")
    assert len(summits) == 1 and len(summits[0].also) == 1
    meetings = events(registry, "Prime Minister Nawaz Sharif met President Vladimir Putin in Ufa. Trade was "
                                "discussed. Energy was discussed. Both sides said the Sharif-Putin meeting "
                                "went well.", "Meeting")
    assert len(meetings) == 1 and len(meetings[0].also) == 1


def test_this_will_be_the_third_drill_names_the_drill_just_reported(registry):
    found = events(registry, "The joint military exercise between Pakistan and Russia has begun in Pakistan. "
                             "Over 70 Russian soldiers are taking part. "
                             "This will be the third joint military drill between both countries.", "MilitaryExercise")
    assert len(found) == 1
    assert found[0].status is None and [s.index for s in found[0].also] == [2]


def test_a_time_left_without_a_value_fits_any_time_it_does_not_contradict():
    february = t("2022-02")
    assert times_compatible(t(text="last year"), february) and times_compatible(february, t(text="on Friday"))
    assert times_compatible(t(text="in February"), february) and times_compatible(t(text="in February"), t("2022"))
    assert not times_compatible(t(text="in August"), february)
    assert not times_compatible(t(text="the 1990s"), february) and times_compatible(t(text="the 2020s"), february)
    assert not times_compatible(t(text="on Friday"), t(text="on Monday"))
    assert finer_time(t(text="last year"), february) is february


def undated(registry, text, kind):
    return [e for e in extract("t", text, registry).events if e.kind == kind]


def test_his_visit_dated_later_is_the_visit_of_last_year_in_an_undated_article(registry):
    visits = undated(registry, "Prime Minister Imran Khan visited Moscow last year. Trade was discussed. "
                               "The ambassador said that during his visit to Moscow in February 2022, the talks "
                               "were fruitful.", "StateVisit")
    assert len(visits) == 1 and visits[0].time is not None and visits[0].time.value == "2022-02"


def test_that_visit_after_a_conjunction_is_the_visit_just_named(registry):
    visits = events(registry, "The visit of Indian Defence Minister Rajnath Singh to Russia on 18 September has been "
                              "postponed. India said that visit had been postponed after an attack on an army base.",
                    "StateVisit")
    assert len(visits) == 1 and len(visits[0].also) == 1


def test_the_last_meeting_of_a_format_is_not_the_talks_of_today(registry):
    meetings = undated(registry, "Russia's talks with China and Pakistan on Afghanistan started on Wednesday. "
                                 "Despite taking part in the last Moscow format meeting with Russia and China in "
                                 "October 2021, the Taliban were not invited.", "Meeting")
    assert any(m.sentence.index == 1 for m in meetings)
    assert all(m.time is None or m.time.value != "2021-10" for m in meetings if m.sentence.index == 0)


def test_a_meeting_of_most_of_the_same_parties_on_the_same_day_is_the_same_meeting(registry):
    meetings = events(registry, "Envoys of Russia, China, Pakistan and Iran met in Moscow on 19 October 2021. "
                                "Afghanistan was the subject. A statement said that on 19 October 2021 a meeting "
                                "of the special representatives of Russia, China, Pakistan and India took place.",
                      "Meeting")
    assert len(meetings) == 1 and "india" not in meetings[0].participants
    apart = events(registry, "Envoys of Russia, China and Pakistan met in Moscow on 19 October 2021. "
                             "Afghanistan was the subject. On 20 October 2021 a meeting of the special "
                             "representatives of Russia, China and Pakistan took place.", "Meeting")
    assert len(apart) == 2


def test_a_mention_dates_the_event_by_its_own_words_or_by_the_sentence_that_fixes_it(registry):
    talks = events(registry, "Russia has invited a Taliban delegation to consultations on Afghanistan. "
                             "The consultations are scheduled for 20 October 2024.", "Meeting")
    assert len(talks) == 1
    assert talks[0].time is not None and talks[0].time.value == "2024-10-20" and talks[0].status == "scheduled"
    assert {s.index for s in talks[0].also} == {1}
    held = events(registry, "Prime Minister Shehbaz Sharif met Russian President Vladimir Putin in Astana. "
                            "Trade was discussed. Officials said the meeting on 4 July 2024 was cordial.", "Meeting")
    assert len(held) == 1 and held[0].time is not None and held[0].time.value == "2024-07-04"


def test_a_meeting_ahead_is_planned_and_is_the_meeting_dated_later(registry):
    text = ("Days before a bilateral meeting between Prime Minister Narendra Modi and Russian President Vladimir "
            "Putin, India has asked Russia to stop its drills with Pakistan. Trade will be discussed. "
            "Modi will meet Putin on 14 October in Goa.")
    meetings = events(registry, text, "Meeting")
    assert len(meetings) == 1
    assert meetings[0].status == "scheduled" and meetings[0].time.value == "2024-10-14"
    alone = events(registry, text.split(" Trade")[0], "Meeting")
    assert len(alone) == 1 and alone[0].status == "planned"


def test_the_eighth_edition_of_an_exercise_is_another_exercise(registry):
    drills = events(registry, "Russia's joint military exercises with Pakistan have angered India. Trade grew. "
                              "Officials met. India and Russia flagged off the eighth edition of their joint military "
                              "exercise in Vladivostok on 23 September.", "MilitaryExercise")
    assert len(drills) == 2 and drills[0].time is None


def test_a_meeting_held_long_ago_does_not_date_the_meeting_expected(registry):
    found = events(registry, "Russian Foreign Minister Sergey Lavrov is expected to meet Pakistani Foreign Minister "
                             "Ishaq Dar in Moscow. The first meeting of the format was held on 14 April 2017.",
                   "Meeting")
    planned = [m for m in found if m.sentence.index == 0]
    assert planned and all(m.time is None and m.status == "planned" for m in planned)


def test_the_visit_is_a_planned_visit_names_one_visit(registry):
    visits = events(registry, "Prime Minister Imran Khan's visit to Russia is an important one, the ambassador said. "
                              "Trade will be discussed. The visit by Prime Minister Imran Khan is a planned visit.",
                    "StateVisit")
    assert len(visits) == 1 and {s.index for s in visits[0].also} == {2}


def test_a_merged_mention_brings_the_place_in_its_own_words(registry):
    held = events(registry, "Prime Minister Shehbaz Sharif met Russian President Vladimir Putin on 4 July 2024. "
                            "Trade was discussed. Officials said the meeting in Ufa was cordial.", "Meeting")
    assert len(held) == 1 and "ufa" in held[0].places and held[0].time.value == "2024-07-04"


def test_a_later_bare_mention_merges_with_the_one_event_of_its_kind(registry):
    # the mention's own sentence names another state (who stays away): still the one meeting
    found = events(registry, "Moscow today hosted a meeting of Russia, Pakistan and China. The United States "
                             "would not be attending today's meeting, a spokesman for the US State Department said.",
                   "Meeting")
    assert len(found) == 1 and set(found[0].participants) == {"china", "pakistan", "russia"}
    assert found[0].status is None and len(found[0].also) == 1
    # "the upcoming summit" after a summit that took place is another one (the first names who
    # attended: an SCO summit's venue state alone is no side of it)
    found = events(registry, "The SCO summit with Pakistan and Russia took place in Astana on 4 July. India skipped "
                             "the upcoming summit in Moscow, which Russia will host.", "Summit")
    assert len(found) == 2
    # a state its own phrase names that the earlier event lacks, or an earlier event that
    # took place and a mention that is postponed: another event
    filler = " Trade grew in 2023. Gas deliveries rose. Pakistan buys wheat."
    found = events(registry, "Putin visited China in May." + filler + " The visit to Pakistan was postponed.",
                   "StateVisit")
    assert [e.status for e in found] == [None, "postponed"]
    found = events(registry, "Putin will visit Pakistan in May." + filler + " The visit was postponed.", "StateVisit")
    assert [(e.status, len(e.also)) for e in found] == [("postponed", 1)]


def test_a_merged_mention_that_is_scheduled_for_a_day_dates_the_event(registry):
    text = ("Kremlin spokesman Dmitry Peskov said consultations on Afghanistan with Russia were under preparation. "
            "Earlier, Maria Zakharova said Russia expected the Taliban to take part in the consultations on "
            "Afghanistan. The consultations are scheduled for October 20, 2021.")
    # an article of the week before (of a later date, status_by_date would say the meeting took place)
    found = [e for e in extract("t", text, registry, date="2021-10-13").events if e.kind == "Meeting"]
    assert [(e.time.value, e.status) for e in found if e.time] == [("2021-10-20", "scheduled")]


def test_the_first_of_a_series_told_with_its_own_time_is_not_the_event_named_before(registry):
    text = ("A meeting of the Moscow format on Afghanistan with Russia and Afghanistan kicked off in Kazan on Friday. "
            "Friday's session is the fifth gathering of the Moscow format. "
            "Its first meeting was held in Moscow on April 14, 2017 with the participation of the Afghan side.")
    # (in Moscow: a meeting that names one side only, the Afghan one, would be left out)
    ex = extract("t", text, registry)  # no article date: "on Friday" stays words
    found = [e for e in ex.events if e.kind == "Meeting"]
    assert {e.time.span.text for e in found if e.sentence.index == 0} == {"on Friday"}
    assert [(e.sentence.index, e.time.value) for e in found if e.sentence.index > 0] == [(2, "2017-04-14")]


def test_a_merged_mention_brings_the_rule_that_attached_each_new_participant():
    from kg.extract.coref import merge_events
    from kg.extract.model import Event, Sentence, attached_by, provenance_of

    s0, s1 = Sentence(0, Span(0, 10, "x" * 10)), Sentence(1, Span(11, 20, "y" * 9))
    a = Event("Meeting", s0, Span(0, 3, "met"), ("pakistan",), provenance=(("pakistan", "scope"),))
    b = Event("Meeting", s1, Span(11, 14, "met"), ("pakistan", "russia"),
              provenance=(("pakistan", "pronoun"), ("russia", "nationality")))
    merged = merge_events(a, b)
    assert provenance_of(merged) == ("scope", "nationality")  # the first attachment stays
    assert provenance_of(merge_events(a, b, participants=False)) == ("scope",)
    grown = attached_by(Event("Meeting", s0, Span(0, 3, "met"), ("pakistan", "china"),
                              provenance=(("pakistan", "scope"),)), "attendee")
    assert provenance_of(grown) == ("scope", "attendee")


def test_the_summit_dated_right_after_an_undated_one_is_that_summit(registry):
    text = ("President Vladimir Putin has arrived in Astana to take part in a summit of the Shanghai Cooperation "
            "Organisation. Trade was on the agenda. The SCO summit will take place in Astana on July 11 and 12.")
    [summit] = events(registry, text, "Summit")
    assert [s.index for s in summit.also] == [2]
    assert summit.time is not None and summit.status is None
    assert {"vladimir-putin", "sco"} <= set(summit.participants)


def test_the_summit_dated_far_after_an_undated_one_is_another(registry):
    text = ("President Vladimir Putin has arrived in Astana to take part in a summit of the Shanghai Cooperation "
            "Organisation. Trade was on the agenda. Energy was too. Russia sells oil to China. "
            "The SCO summit will take place in Astana on July 11 and 12.")
    first = [e for e in events(registry, text, "Summit") if e.sentence.index == 0]
    assert len(first) == 1 and first[0].also == () and first[0].time is None


def test_a_since_time_never_replaces_a_mentions_own_time():
    from kg.extract.coref import finer_time
    from kg.extract.model import Span, TimeValue
    friday = TimeValue(Span(0, 9, "on Friday"))  # no article date: words only
    since = TimeValue(Span(20, 30, "since 2003"), "2003")
    year = TimeValue(Span(40, 47, "in 2003"), "2003")
    assert finer_time(friday, since) is friday and finer_time(since, friday) is friday
    assert finer_time(friday, year) is year  # a value is still finer than bare words
    assert finer_time(None, since) is since


def test_a_meeting_brought_to_mind_is_not_the_meeting_reported(registry):
    text = ("Prime Minister Shehbaz Sharif met the Russian ambassador Albert Khorev in Islamabad on Monday. "
            "Recalling their meeting at the summit in Astana in 2024, the prime minister praised the ties.")
    found = events(registry, text, "Meeting")
    assert len(found) == 2
    assert not any(e.time is not None and e.time.value == "2024" and e.sentence.index == 0 for e in found)


def test_marked_distinct_reads_numbered_ordinals_and_verbs_of_recalling():
    from kg.extract.coref import marked_distinct
    from kg.extract.pipeline import load_nlp

    doc = load_nlp()("They prepared the 9th session of the commission and the 1st session of the forum.")
    ninth, first = (t for t in doc if t.lower_ == "session")
    assert marked_distinct(ninth) and not marked_distinct(ninth, ordinals=False)
    assert not marked_distinct(first)
    doc = load_nlp()("He recalled the meeting with fondness.")
    assert marked_distinct(next(t for t in doc if t.lower_ == "meeting"))


def test_the_press_abbreviation_of_a_title_stands_for_its_holder(registry):
    text = ("Prime Minister Shehbaz Sharif has landed in Astana. Foreign Minister Sergey Lavrov met Ishaq Dar. "
            "The PM is expected to meet with Russian President Vladimir Putin.")
    found = events(registry, text, "Meeting")
    planned = [e for e in found if e.sentence.index == 2]
    assert len(planned) == 1 and {"shehbaz-sharif", "pakistan", "vladimir-putin", "russia"} == set(planned[0].participants)
