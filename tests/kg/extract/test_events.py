"""Event extraction on short texts written for the tests (not taken from the corpus)."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def events(registry, text):
    ex = extract("t", text, registry)
    for e in ex.events:
        assert text[e.sentence.span.start:e.sentence.span.end] == e.sentence.span.text
        assert text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert e.participants, "an event without participants must not be emitted"
    return ex.events


def only(evs, kind):
    found = [e for e in evs if e.kind == kind]
    assert len(found) == 1, [(e.kind, e.participants) for e in evs]
    return found[0]


def test_joint_exercise_with_a_date_range(registry):
    e = only(events(registry, "China and Pakistan held a joint naval exercise from March 3 to March 9, 2021."),
             "MilitaryExercise")
    assert set(e.participants) == {"china", "pakistan"}
    assert (e.time.start, e.time.end) == ("2021-03-03", "2021-03-09")


def test_visit_with_a_partial_time_keeps_its_words_and_no_year(registry):
    e = only(events(registry, "Foreign Minister Sergey Lavrov visited Islamabad in early April."), "StateVisit")
    assert "russia" in e.participants and "pakistan" in e.participants
    assert e.places == ("islamabad",)
    assert e.time is not None and e.time.is_partial and e.time.span.text.endswith("early April")


def test_postponed_and_planned_visits_get_a_status(registry):
    evs = events(registry, "President Putin postponed his visit to India. A potential visit by the Iranian "
                           "foreign minister to Moscow is under discussion.")
    statuses = sorted(e.status for e in evs if e.kind == "StateVisit")
    assert statuses == ["planned", "postponed"]  # no date fixed: planned


def test_relations_established_on_a_full_date(registry):
    e = only(events(registry, "Diplomatic relations between India and Russia were established on April 13, 1947."),
             "EstablishmentOfRelations")
    assert e.time.value == "1947-04-13"
    assert set(e.participants) == {"india", "russia"}


def test_observer_status_names_the_member_and_the_organisation(registry):
    e = only(events(registry, "Iran got observer status at the SCO in 2005."), "ObserverStatusChange")
    assert e.participants == ("iran", "sco") and e.time.value == "2005"


def test_mediation_offer_and_recognition(registry):
    evs = events(registry, "Beijing offered to act as a mediator. Russia was the first to recognise Bangladesh.")
    assert only(evs, "MediationOffer").participants[0] == "china"
    assert set(only(evs, "Recognition").participants) >= {"russia", "bangladesh"}


def test_irrealis_negated_and_anaphoric_triggers_are_not_events(registry):
    evs = events(registry, "The crisis brought India and Pakistan to the brink of war. "
                           "This offer was welcomed by Pakistan. Russia did not visit Pakistan.")
    assert [e.kind for e in evs] == []


def test_generic_plural_trigger_without_its_own_actors_is_not_an_event(registry):
    evs = events(registry, "Ties between Russia and Pakistan are improving with high-level visits.")
    assert [e for e in evs if e.kind == "StateVisit"] == []


def test_a_later_definite_mention_joins_the_first_event(registry):
    evs = events(registry, "After the disintegration of the Soviet Union, trade collapsed. "
                           "Relations changed. The collapse of the Soviet Union also changed borders.")
    e = only(evs, "StateDissolution")
    assert e.participants == ("soviet-union",)
    assert len(e.also) == 1 and e.also[0].index == 2


def test_two_visits_in_one_sentence_stay_apart(registry):
    evs = events(registry, "A visit by an Iranian delegation to Islamabad in early May and a potential visit "
                           "by the Pakistani army chief to Tehran show progress.")
    assert len([e for e in evs if e.kind == "StateVisit"]) == 2


def test_war_needs_two_sides(registry):
    evs = events(registry, "Pakistan became involved in the Afghanistan fight. The Afghan war dragged on.")
    wars = [e for e in evs if e.kind == "War"]
    assert len(wars) == 1 and set(wars[0].participants) == {"pakistan", "afghanistan"}


def test_embargo_lifted_and_membership_joined(registry):
    evs = events(registry, "Russia has lifted its arms embargo on Pakistan. India joined the SCO in 2017.")
    assert set(only(evs, "SanctionsChange").participants) == {"russia", "pakistan"}
    m = only(evs, "MembershipChange")
    assert m.participants == ("india", "sco") and m.time.value == "2017"


def test_cold_war_is_a_period_not_a_war(registry):
    evs = events(registry, "Pakistan and Russia, two Cold War foes, held talks in Moscow in May 2021.")
    assert [e.kind for e in evs] == ["Meeting"]


def test_the_next_sentence_that_says_when_the_event_took_place_dates_it(registry):
    evs = events(registry, "Pakistan and Russia held talks in Moscow. The talks took place on 12 May 2021.")
    meeting = only(evs, "Meeting")
    assert meeting.time.value == "2021-05-12" and [s.index for s in meeting.also] == [1]


def test_the_next_sentence_whose_subject_names_the_event_with_a_dated_participle_dates_it(registry):
    ex = extract("t", "Pakistan has approved a deal to import wheat from Russia. The deal endorsed by the "
                      "Economic Cooperation Committee on Monday comes as Pakistan struggles.", registry, date="2022-11-02")
    deal = only(ex.events, "Agreement")
    assert deal.time.value == "2022-10-31" and [s.index for s in deal.also] == [1]
    # a subject of another kind says nothing of the event's time
    ex = extract("t", "Pakistan and Russia held talks in Moscow. The visit planned for 5 December was discussed.",
                 registry, date="2022-11-02")
    assert only(ex.events, "Meeting").time is None


def test_relative_days_resolve_against_the_article_date(registry):
    ex = extract("t", "Russia and Pakistan held talks in Islamabad on Thursday.", registry, date="2023-06-17")
    assert only(ex.events, "Meeting").time.value == "2023-06-15"


def test_the_minister_and_he_stand_for_the_person_named_before(registry):
    text = ("Foreign Minister Sergey Lavrov arrived in Islamabad on Monday. Officials welcomed him warmly. "
            "The minister met Pakistani officials on 7 April 2021.")
    meeting = only(events(registry, text), "Meeting")
    assert "sergey-lavrov" in meeting.participants


def test_events_carry_confidence_for_themselves_and_each_participant(registry):
    e = only(events(registry, "Russia and Pakistan held a joint military exercise in 2021."), "MilitaryExercise")
    assert 0.0 <= e.confidence <= 1.0
    assert len(e.participant_confidence) == len(e.participants) == len(e.roles)
    assert all(0.0 <= c <= 1.0 for c in e.participant_confidence)


def test_planned_and_cancelled_statuses(registry):
    evs = events(registry, "Russia and Pakistan plan to hold a joint naval drill. "
                           "India cancelled the meeting with Russia in Delhi.")
    statuses = {e.kind: e.status for e in evs}
    assert statuses.get("MilitaryExercise") == "planned" and statuses.get("Meeting") == "cancelled"


def test_the_time_of_the_reporting_verb_or_the_dateline_does_not_date_the_event(registry):
    ex = extract("t", "Pakistan and Russia have signed an agreement on barter trade, the Foreign Office said on "
                      "Tuesday.", registry, date="2023-06-17")
    assert only(ex.events, "Agreement").time is None
    ex = extract("t", "ISLAMABAD, Apr 06 (APP): Pakistan's defence minister has held a meeting with Russian "
                      "officials in Moscow.", registry, date="2018-04-06")
    assert only(ex.events, "Meeting").time is None


def test_a_time_in_another_clause_is_not_the_events_but_a_shared_fronted_one_is(registry):
    evs = events(registry, "Putin had expressed his support for Pakistan, following which there have been "
                           "meetings between Pakistani and Russian officials in July 2015.")
    assert only(evs, "StatementOfSupport").time is None
    evs = events(registry, "On February 14, 2023, Pakistan's minister met Russian officials in Islamabad, and "
                           "Pakistan and Russia signed a memorandum of understanding.")
    assert only(evs, "MemorandumOfUnderstanding").time.value == "2023-02-14"


def test_decided_or_reported_future_events_are_planned(registry):
    evs = events(registry, "Lavrov assured Dar that a Russian delegation would visit Pakistan.")
    assert only(evs, "StateVisit").status == "planned"
    evs = events(registry, "Russia has approved a draft agreement with Pakistan on the gas pipeline.")
    assert only(evs, "Agreement").status == "planned"


@pytest.mark.parametrize("text, kind", [
    ("Pakistan and Russia hold joint military exercises every year.", "MilitaryExercise"),
    ("Pakistan and Russia often hold talks in Moscow.", "Meeting"),
    ("Since 2016, Pakistan and Russian forces are engaged in joint military exercises.", "MilitaryExercise"),
    ("Russia and Pakistan agreed that conflicts should be resolved through diplomatic means.", "Agreement"),
    ("Russia and Pakistan agreed to enhance cooperation in defence.", "Agreement"),
    ("Moscow forged friendly ties with Pakistan.", "EstablishmentOfRelations"),
    ("Russia and Pakistan discussed the fight against terrorism.", "War"),
    ("Russia sent experts to Pakistan's ministry to meet wheat requirements in Pakistan.", "Meeting"),
    ("The format rests on a consultation mechanism of Russia, China and Pakistan.", "Meeting"),
    ("Russia delivered wheat to Pakistan, which will be sent to the regions hit by the floods.", "StateVisit"),
    ("Putin invited Shehbaz Sharif to attend the summit in Moscow.", "Offer"),
])
def test_habits_views_and_other_word_senses_are_not_events(registry, text, kind):
    assert kind not in {e.kind for e in events(registry, text)}


def test_agreeing_to_buy_and_relations_established_stay_events(registry):
    evs = events(registry, "Pakistan agreed to buy Russian helicopters. Diplomatic relations between Pakistan "
                           "and Russia were established on May 1, 1948.")
    assert {e.kind for e in evs} >= {"Agreement", "EstablishmentOfRelations"}


def test_the_year_in_an_exercise_name_dates_it(registry):
    evs = events(registry, "The Druzhba 2018 joint military exercise between Pakistan and Russia has begun.")
    assert only(evs, "MilitaryExercise").time.value == "2018"


def test_the_time_of_the_main_clause_does_not_date_a_trigger_after_before(registry):
    ex = extract("t", "Two days after the bilateral meeting between Pakistan and Russia, Putin will attend "
                      "the BRICS summit on 16 October.", registry, date="2016-10-12")
    assert only(ex.events, "Meeting").time is None


def test_set_to_is_planned_without_a_time_and_due_to_in_a_month_is_scheduled(registry):
    ex = extract("t", "Imran Khan is set to visit Russia soon. Lavrov is due to visit Pakistan "
                      "in early March. Russia and Pakistan were to hold a summit in Islamabad that was postponed.",
                 registry, date="2022-02-07")
    statuses = {(e.kind, e.sentence.index): e.status for e in ex.events}
    assert statuses[("StateVisit", 0)] == "planned" and statuses[("StateVisit", 1)] == "scheduled"
    assert statuses[("Summit", 2)] == "postponed"


def test_a_postponed_clause_on_the_last_word_of_the_summit_postpones_it(registry):
    evs = events(registry, "Putin was to attend a summit involving Pakistan, Afghanistan and Russia, which was "
                           "also postponed.")
    assert only(evs, "Summit").status == "postponed"


def test_preparations_for_a_visit_are_planned_but_planned_long_ago_says_nothing(registry):
    evs = events(registry, "Preparations for a visit of Pakistan's prime minister to Moscow are underway.")
    assert only(evs, "StateVisit").status == "planned"
    evs = events(registry, "Imran Khan's visit to Russia was planned more than a month ago.")
    assert only(evs, "StateVisit").status is None


def test_a_planned_event_and_a_later_mention_told_as_past_stay_two(registry):
    evs = events(registry, "Russia's foreign minister said his country will provide support to Pakistan. "
                           "Putin had expressed his support for Pakistan's membership of the SCO.")
    assert len([e for e in evs if e.kind == "StatementOfSupport"]) == 2


def test_a_length_in_days_fixes_the_end_of_an_event_dated_to_its_first_day(registry):
    ex = extract("t", "Prime Minister Imran Khan landed in Moscow for a two-day visit on Wednesday.", registry,
                 date="2022-02-24")
    visit = only(ex.events, "StateVisit")
    assert (visit.time.value, visit.time.start, visit.time.end) == (None, "2022-02-23", "2022-02-24")
    # the range is there before later mentions merge: "ended his visit on Thursday" is the same visit
    ex = extract("t", "Prime Minister Imran Khan landed in Moscow for a two-day visit on Wednesday. Khan "
                 "ended his visit on Thursday.", registry, date="2022-02-24")
    visit = only(ex.events, "StateVisit")
    assert (visit.time.start, visit.time.end) == ("2022-02-23", "2022-02-24") and len(visit.also) == 1
    # the length in a later mention merged into the event
    ex = extract("t", "Pakistan and Russia held talks in Islamabad on 18 January 2023. The three-day talks "
                 "reviewed trade.", registry)
    talks = only(ex.events, "Meeting")
    assert (talks.time.start, talks.time.end) == ("2023-01-18", "2023-01-20")
    # a length written with a dash other than the hyphen ("four—day") counts the same
    ex = extract("t", "Pakistan and Russia held talks in Islamabad on 18 January 2023. The three—day talks "
                 "reviewed trade.", registry)
    talks = only(ex.events, "Meeting")
    assert (talks.time.start, talks.time.end) == ("2023-01-18", "2023-01-20")
    # a length in weeks fixes no day
    e = events(registry, "Russia and Pakistan began a two-week joint exercise on 5 November 2020.")[0]
    assert e.time.value == "2020-11-05" and e.time.start is None


def test_a_length_in_days_ending_on_a_day_began_the_days_before(registry):
    # the verb the day is said of ends the event: that day is its last
    for text in ("Pakistan and Russia signed five agreements at the three-day IGC meeting that concluded last "
                 "Friday in Moscow.",
                 "The three-day talks between Pakistan and Russia wrapped up on Friday in Islamabad.",
                 "The three-day meeting of the Pakistan-Russia Intergovernmental Commission ended in Moscow on Friday."):
        ex = extract("t", text, registry, date="2024-12-02")  # a Monday: last Friday is 29 November
        e = only(ex.events, "Meeting")
        assert (e.time.value, e.time.start, e.time.end) == (None, "2024-11-27", "2024-11-29"), text
    e = only(events(registry, "Prime Minister Imran Khan concluded his two-day visit to Moscow on 24 February 2022."),
             "StateVisit")
    assert (e.time.start, e.time.end) == ("2022-02-23", "2022-02-24")
    # a verb that begins it: the day is its first
    ex = extract("t", "The two-day talks between Pakistan and Russia kicked off on Monday in Islamabad.", registry,
                 date="2024-12-04")
    e = only(ex.events, "Meeting")
    assert (e.time.start, e.time.end) == ("2024-12-02", "2024-12-03")


def test_the_time_of_a_moment_during_or_at_the_start_of_an_event_is_not_its_time(registry):
    for text in ("At the beginning of his visit to Moscow, Prime Minister Imran Khan met Vladimir Putin on "
                 "24 February 2022.",
                 "During his visit to Moscow, Prime Minister Imran Khan met Vladimir Putin on 24 February 2022."):
        evs = events(registry, text)
        assert only(evs, "StateVisit").time is None, text
        assert only(evs, "Meeting").time.value == "2022-02-24", text
    # the sidelines of a summit: the meeting's day is one day of the summit, not its time (the
    # guide as the dev gold settled it: "on Friday dates the meeting on its sidelines")
    evs = events(registry, "Nawaz Sharif met Vladimir Putin on the sidelines of the SCO summit in Ufa on 10 July 2015.")
    assert only(evs, "Summit").time is None
    assert only(evs, "Meeting").time.value == "2015-07-10"


def test_a_visit_that_names_no_state_is_no_state_visit(registry):
    text = ("Russian Navy ships visited Karachi from November 26-30. Officers and men from the two "
            "visiting ships also visited IDEAS 2018 at EXPO Centre.")
    assert [(e.kind, set(e.participants)) for e in extract("t", text, registry).events] == [
        ("StateVisit", {"russia", "pakistan", "russian-navy"})]  # the navy a registry entry


def test_each_participant_records_the_rule_that_attached_it(registry):
    from kg.extract.model import provenance_of

    text = ("Pakistan and Russia held an inaugural trade and investment forum in Moscow on Monday. "
            "The forum was inaugurated by Deputy Minister of Industry and Trade Yuri Petrenko.")
    [forum] = [e for e in events(registry, text) if e.kind == "Meeting"]
    rules = dict(zip(forum.participants, provenance_of(forum)))
    assert rules["pakistan"] == rules["russia"] == "scope"  # the subject of "held"
    assert rules["new:Yuri Petrenko"] == "attendee"  # the next sentence's "inaugurated by"
    assert set(dict(forum.provenance)) == set(forum.participants)


def test_a_dated_first_or_numbered_event_is_not_the_undated_one_named_before(registry):
    # no article date: the first exercise has no time; the first of the series has its own
    text = ("Special forces from Russia and Pakistan have begun a two-week joint exercise in the mountains. "
            "The two countries conducted their first joint exercises in September 2016 near Cherat.")
    found = [e for e in events(registry, text) if e.kind == "MilitaryExercise"]
    assert [(e.sentence.index, e.time.value if e.time else None) for e in found] == [(0, None), (1, "2016-09")]
    # the first exercise named as the first: the later dated mention is the same one
    text = ("Russia and Pakistan began their first joint exercise near Cherat. "
            "The first joint exercise began on 24 September 2016.")
    found = [e for e in events(registry, text) if e.kind == "MilitaryExercise"]
    assert len(found) == 1 and found[0].time.value == "2016-09-24"


def test_a_mention_whose_clause_tells_another_year_does_not_join_the_event_named_before(registry):
    text = ("In October 2016, Pakistan and Russia held their first joint military exercise near Cherat. "
            "In 2018, over 200 servicemen took part in the drills in the mountains.")
    found = [e for e in events(registry, text) if e.kind == "MilitaryExercise"]
    assert [(e.sentence.index, e.time.value, [s.index for s in e.also]) for e in found] == [(0, "2016-10", [])]
    # told without a date of its own, the mention is the exercise's
    text = ("In October 2016, Pakistan and Russia held their first joint military exercise near Cherat. "
            "Over 200 servicemen took part in the drills in the mountains.")
    found = [e for e in events(registry, text) if e.kind == "MilitaryExercise"]
    assert [(e.sentence.index, [s.index for s in e.also]) for e in found] == [(0, [1])]


def test_more_or_regular_plural_occasions_are_no_event(registry):
    evs = events(registry, "Egypt is looking forward to hold more bilateral exercises with Turkish colleagues in the "
                           "future, the naval chief told reporters.")
    assert [e for e in evs if e.kind == "MilitaryExercise"] == []


def test_a_hashtag_after_the_exercise_noun_is_its_name_not_a_participant(registry):
    evs = events(registry, "\"The Egyptian-Turkish exercise #Sunrise2020 concluded near Ankara with a night "
                           "assault,\" the Turkish ministry wrote.")
    e = only(evs, "MilitaryExercise")
    assert set(e.participants) == {"egypt", "turkey"}


def test_a_body_named_with_a_topic_gives_its_states_and_the_round_is_dated(registry):
    evs = events(registry, "The fourth round of bilateral meeting of the Egypt-Turkey Working Group on Countering "
                           "Piracy and other Maritime Threats held in Cairo on Monday during which Cairo and Ankara "
                           "agreed to expand cooperation.")
    e = only(evs, "Meeting")
    assert set(e.participants) == {"egypt", "turkey"}
    assert e.time is not None and "Monday" in e.time.span.text
