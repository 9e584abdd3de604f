"""Attendees named in a sentence that continues a gathering (kg.extract.attendees), on short
texts written for the tests: a definite reference to the meeting tied to people by a verb of
opening, attending or addressing adds them; a name elsewhere in the sentence, a title's "to"
phrase, a ceremony of an exercise and a meeting named in between add nobody."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def events(registry, text, kind):
    return [e for e in extract("t", text, registry).events if e.kind == kind]


def test_the_people_who_opened_and_attended_the_forum_take_part(registry):
    text = ("Pakistan and Russia held an inaugural trade and investment forum in Moscow on Monday. "
            "The forum was inaugurated by Deputy Minister of Industry and Trade Yuri Petrenko. "
            "The Pakistani delegation, led by Minister for Commerce Tariq Saleem, attended the forum.")
    [forum] = events(registry, text, "Meeting")
    assert {"new:Yuri Petrenko", "new:Tariq Saleem", "pakistan", "russia"} <= set(forum.participants)
    assert len(forum.also) == 2


def test_a_speaker_addressing_the_meeting_takes_part_but_the_state_of_a_title_does_not(registry):
    text = ("Russia and Pakistan held talks in Islamabad on 3 May. "
            "Trade has grown fast, Ambassador to China Nadeem Qureshi said, addressing the talks.")
    [talks] = events(registry, text, "Meeting")
    assert "new:Nadeem Qureshi" in talks.participants
    assert "china" not in talks.participants


def test_countries_represented_at_this_meeting_take_part(registry):
    text = ("The Moscow format consultations on Afghanistan began in Moscow on Wednesday, hosted by Russia. "
            "There are countries represented at this meeting, including China, Iran and India.")
    [talks] = events(registry, text, "Meeting")
    assert {"china", "iran", "india", "russia"} <= set(talks.participants)


def test_a_name_the_continuing_sentence_gives_elsewhere_takes_no_part(registry):
    text = ("Russia and Pakistan held talks in Islamabad on 3 May. "
            "The talks took place as India criticised the deal with Iran.")
    [talks] = events(registry, text, "Meeting")
    assert not {"india", "iran"} & set(talks.participants)


def test_a_guest_at_the_opening_ceremony_of_an_exercise_takes_no_part(registry):
    text = ("Pakistan and Russia began their joint military exercise near Cherat on Monday. "
            "The opening ceremony was attended by Chinese Ambassador Wang Li.")
    for drill in events(registry, text, "MilitaryExercise"):
        assert "new:Wang Li" not in drill.participants
        assert "china" not in drill.participants


def test_who_led_the_sides_and_who_was_part_of_a_delegation_take_part(registry):
    text = ("The fifth round of Pakistan-Russia political consultations was held in Islamabad on Tuesday. "
            "Foreign Secretary Asad Majeed Khan and Russia's Deputy Foreign Minister Andrey Rudenko led their "
            "respective sides. Ambassador Zamir Kabulov was also part of the Russian delegation.")
    [talks] = events(registry, text, "Meeting")
    assert {"new:Asad Majeed Khan", "andrey-rudenko", "zamir-kabulov"} <= set(talks.participants)


def test_who_told_the_meeting_or_spoke_on_its_sidelines_attended_it(registry):
    text = ("A meeting of the Moscow format on Afghanistan began in Kazan on Friday, hosted by Russia. "
            "Addressing the participants, Foreign Minister Sergey Lavrov said the West must pay. "
            "The envoy Zamir Kabulov told reporters on the sidelines of the meeting that Moscow was hopeful.")
    [meeting] = events(registry, text, "Meeting")
    assert {"sergey-lavrov", "zamir-kabulov"} <= set(meeting.participants)


def test_part_of_a_delegation_of_a_state_that_takes_no_part_adds_nobody(registry):
    text = ("Pakistan and Russia held talks in Islamabad on 3 May. "
            "Wang Li was also part of the Chinese delegation.")
    [talks] = events(registry, text, "Meeting")
    assert "new:Wang Li" not in talks.participants


def test_the_attendees_a_list_names_take_part(registry):
    text = ("Kazakhstan will host a summit of the Shanghai Cooperation Organisation in Astana on 4 July 2024. "
            "The attendees of the summit included delegations from China, Russia, Iran and Belarus.")
    [summit] = events(registry, text, "Summit")
    assert {"china", "russia", "iran", "belarus"} <= set(summit.participants)


def test_the_participants_of_a_state_that_takes_part_are_listed_people(registry):
    text = ("Pakistan and Russia held the fifth round of their strategic dialogue in Islamabad on 3 May. "
            "Pakistani participants included Ambassador Tariq Saleem, Director of the Institute of Peace; "
            "and Nadeem Qureshi, who moderated the session.")
    [talks] = events(registry, text, "Meeting")
    assert {"new:Tariq Saleem", "new:Nadeem Qureshi"} <= set(talks.participants)
    assert "new:Institute of Peace" not in talks.participants


def test_participants_of_a_state_that_stayed_away_are_not_listed(registry):
    text = ("Pakistan and Russia held the fifth round of their strategic dialogue in Islamabad on 3 May. "
            "Indian participants included Ambassador Nadeem Qureshi.")
    [talks] = events(registry, text, "Meeting")
    assert "new:Nadeem Qureshi" not in talks.participants


def test_the_people_who_led_or_represented_each_side_take_part(registry):
    text = ("Pakistan and Russia held the third round of their security consultations in Moscow on Tuesday. "
            "Pakistan delegation was led by Defence Secretary Tariq Saleem while Russian side was led by "
            "Deputy Defence Minister Yuri Petrenko.")
    [talks] = events(registry, text, "Meeting")
    assert {"new:Tariq Saleem", "new:Yuri Petrenko"} <= set(talks.participants)
    text = ("The fourth meeting of the Pakistan-Russia working group on trade was held in Islamabad on Friday. "
            "Pakistan’s delegation, led by special secretary (the United Nations) Nadeem Qureshi, and the side of "
            "Russia, led by Deputy Minister Yuri Petrenko, reviewed trade. "
            "At the meeting, Russia was represented by Ambassador Ivan Sokolov.")
    [talks] = events(registry, text, "Meeting")
    assert {"new:Nadeem Qureshi", "new:Yuri Petrenko", "new:Ivan Sokolov"} <= set(talks.participants)


def test_a_delegation_of_another_state_or_an_indefinite_one_led_by_someone_adds_nobody(registry):
    text = ("Pakistan and Russia held the third round of their security consultations in Moscow on Tuesday. "
            "The Chinese side was led by Ambassador Wang Li. "
            "Last year a delegation led by Nadeem Qureshi had toured Beijing.")
    [talks] = events(registry, text, "Meeting")
    assert not {"new:Wang Li", "china", "new:Nadeem Qureshi"} & set(talks.participants)



def test_a_round_still_to_come_takes_no_attendees_from_a_sentence_about_one_that_was_held(registry):
    text = ("Pakistan, China and Russia agreed to hold the next round of the Trilateral Dialogue in Moscow in the "
            "first half of 2026. During the Dialogue, the Russian delegation was led by Ambassador Yuri Petrenko.")
    [talks] = events(registry, text, "Meeting")
    assert talks.status is not None
    assert "new:Yuri Petrenko" not in talks.participants
    text = ("Pakistan, China and Russia will hold the next round of the Trilateral Dialogue in Moscow next week. "
            "During the Dialogue, the Russian delegation will be led by Ambassador Yuri Petrenko.")
    [talks] = events(registry, text, "Meeting")
    assert "new:Yuri Petrenko" in talks.participants


def test_who_was_present_during_the_meeting_takes_part_but_not_a_name_inside_the_subject(registry):
    text = ("Russian Ambassador Yuri Petrenko called on Prime Minister Nadeem Qureshi in Islamabad on Sunday. "
            "During the meeting, Senator Tariq Saleem and Minister Farida Baloch were also present.")
    [meeting] = events(registry, text, "Meeting")
    assert {"new:Tariq Saleem", "new:Farida Baloch"} <= set(meeting.participants)
    text = ("Russian Ambassador Yuri Petrenko called on Prime Minister Nadeem Qureshi in Islamabad on Sunday. "
            "During the meeting, the concerns of India came up.")
    [meeting] = events(registry, text, "Meeting")
    assert "india" not in meeting.participants


def test_who_will_assist_a_leader_in_the_summit_takes_part(registry):
    text = ("President Nadeem Qureshi will attend the summit of the Shanghai Cooperation Organisation in Astana "
            "on 4 July 2024. Foreign Secretary Tariq Saleem and Additional Secretary Farida Baloch will assist "
            "the President in the summit.")
    [summit] = events(registry, text, "Summit")
    assert {"new:Tariq Saleem", "new:Farida Baloch"} <= set(summit.participants)


def test_the_host_who_welcomed_the_delegates_takes_part_but_not_who_welcomed_the_meeting(registry):
    text = ("The Pakistan-Russia Trade Forum opened in Moscow on 30 September 2024. "
            "The forum will help trade, stated Russian Deputy Minister Yuri Petrenko while welcoming the "
            "Pakistani delegates.")
    [forum] = events(registry, text, "Meeting")
    assert "new:Yuri Petrenko" in forum.participants
    text = ("The Pakistan-Russia Trade Forum opened in Moscow on 30 September 2024. "
            "India welcomed the forum.")
    [forum] = events(registry, text, "Meeting")
    assert "india" not in forum.participants


def test_member_states_of_an_organisation_represented_at_the_summit_take_part(registry):
    text = ("Pakistan will host the meeting of the SCO Council of Heads of Government in Islamabad on "
            "15 October 2024. SCO member states will be represented by the prime ministers of China, "
            "Kazakhstan and Belarus as well as the First Vice President of Iran.")
    [summit] = [e for e in extract("t", text, registry).events if e.kind in {"Meeting", "Summit"}]
    assert {"china", "kazakhstan", "belarus", "iran"} <= set(summit.participants)
    text = ("Pakistan will host the meeting of the SCO Council of Heads of Government in Islamabad on "
            "15 October 2024. Member states will be represented by the prime ministers of China and Belarus.")
    [summit] = [e for e in extract("t", text, registry).events if e.kind in {"Meeting", "Summit"}]
    assert not {"china", "belarus"} & set(summit.participants)


def test_who_is_said_to_take_part_in_an_exercise_takes_part_but_not_a_guest(registry):
    text = ("Pakistan and Russia began their joint military exercise near Cherat on Monday. "
            "The Russian side is represented at the exercise by servicemen of the Southern Military District.")
    [drill] = events(registry, text, "MilitaryExercise")
    assert "southern-military-district" in drill.participants
    text = ("Pakistan and Russia began their joint military exercise near Cherat on Monday. "
            "Chinese Ambassador Wang Li attended the exercise.")
    [drill] = events(registry, text, "MilitaryExercise")
    assert not {"new:Wang Li", "china"} & set(drill.participants)


def test_a_surname_of_a_participant_or_a_title_run_into_a_name_adds_nobody_new(registry):
    text = ("General Tariq Saleem held a meeting with General Ivan Sokolov in Moscow on Friday. "
            "\"Cooperation is growing,\" Gen Sokolov said during the meeting.")
    [meeting] = events(registry, text, "Meeting")
    assert "new:Ivan Sokolov" in meeting.participants
    assert "new:Gen Sokolov" not in meeting.participants
    text = ("Russian Ambassador Yuri Petrenko called on Prime Minister Nadeem Qureshi in Islamabad on Sunday. "
            "During the meeting, Senator Tariq Saleem and Chairperson Farida Baloch were also present.")
    [meeting] = events(registry, text, "Meeting")
    assert "new:Tariq Saleem" in meeting.participants
    assert not any(p.startswith("new:Chairperson") for p in meeting.participants)


def test_who_does_something_at_the_meeting_takes_part_but_not_a_name_in_what_was_done(registry):
    text = ("Pakistan and Russia held talks on energy in Islamabad on 3 May. "
            "Minister Tariq Saleem and Ambassador Ivan Sokolov agreed at the talks to build the pipeline.")
    [talks] = events(registry, text, "Meeting")
    assert {"new:Tariq Saleem", "new:Ivan Sokolov"} <= set(talks.participants)
    text = ("Pakistan and Russia held talks on energy in Islamabad on 3 May. "
            "The deal of India with Iran was discussed at the talks.")
    [talks] = events(registry, text, "Meeting")
    assert not {"india", "iran"} & set(talks.participants)


def test_who_takes_part_in_the_exercise_four_sentences_on_takes_part(registry):
    text = ("Pakistan and Russia began their joint military exercise near Cherat on Monday. "
            "The drill will last two weeks. "
            "It focuses on counter-terrorism in mountains. "
            "The opening ceremony was held at the training centre. "
            "The Russian side is represented at the exercises by servicemen of the Southern Military District.")
    [drill] = events(registry, text, "MilitaryExercise")
    assert "southern-military-district" in drill.participants


def test_the_members_of_the_travelling_delegation_take_part_in_the_visit(registry):
    text = ("A Russian delegation will visit Islamabad next week to meet Pakistani lawmakers. "
            "The delegation will include Senator Boris Ivanov and Oleg Petrov.")
    [visit] = events(registry, text, "StateVisit")
    assert {"new:Boris Ivanov", "new:Oleg Petrov", "russia", "pakistan"} <= set(visit.participants)


def test_the_hosts_delegation_at_a_meeting_during_the_visit_takes_no_part_in_it(registry):
    text = ("Russian Deputy Defence Minister Alexander Fomin visited Pakistan from 6 to 7 August. "
            "The Pakistani delegation was led by Defence Secretary Kamran Aziz during the meeting.")
    visits = events(registry, text, "StateVisit")
    assert visits  # the visit is found, and the host's delegation leader is not in it
    for visit in visits:
        assert "new:Kamran Aziz" not in visit.participants
