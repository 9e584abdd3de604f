"""Noun triggers (kg/extract/noun_triggers.py): when an agreement noun names an agreement made."""
from __future__ import annotations


def test_entering_into_a_deal_makes_it_but_seeking_to_does_not():
    from kg.extract.pipeline import extract
    from kg.registry import load_registry
    registry = load_registry()
    made = extract("t", "Pakistan entered into a barter deal with Russia in 2023.", registry).events
    assert [(e.kind, set(e.participants)) for e in made] == [("Agreement", {"pakistan", "russia"})]
    sought = extract("t", "Pakistan and Russia are seeking to enter into a barter deal.", registry).events
    assert not [e for e in sought if e.kind == "Agreement"]


def _kinds(text):
    from kg.extract.nlp import load_nlp
    from kg.extract.triggers import trigger_kind
    return [(t.text, trigger_kind(t)) for t in load_nlp()(text) if trigger_kind(t)]


def test_an_exercise_held_or_conducted_is_a_drill_without_a_word_that_says_so():
    assert _kinds("The 2019 exercise was held near Rostov.") == [("exercise", "MilitaryExercise")]
    assert _kinds("The two armies held their second exercise in the mountains.") == [("exercise", "MilitaryExercise")]
    assert _kinds("The frigates will conduct a passage exercise with the Uzbek vessels.") == \
        [("exercise", "MilitaryExercise")]
    assert _kinds("The exercise took place near the border.") == [("exercise", "MilitaryExercise")]
    # an exercise of something, in something, or that takes time, is none
    assert _kinds("The reform was an exercise in futility.") == []
    assert _kinds("The exercise of power was held to be lawful.") == []
    assert _kinds("The whole exercise took three months of paperwork.") == []
    assert _kinds("Diplomacy is a useful exercise.") == []


def test_a_roundtable_held_and_a_numbered_session_that_took_place_are_meetings():
    assert ("roundtable", "Meeting") in _kinds("The officers also held a roundtable during which they discussed piracy.")
    assert ("session", "Meeting") in _kinds("The first session took place in Beijing in April 2013.")
    # a roundtable as a piece of furniture or a topic; an unnumbered or technical session
    assert _kinds("They sat at a roundtable.") == []
    assert _kinds("The session took place in a hall.") == []
    assert _kinds("The first technical session took place on Monday.") == []


def test_discussions_coordinated_with_other_activities_that_are_held_are_a_meeting():
    assert ("discussions", "Meeting") in _kinds(
        "Training activities and discussions on maritime security were held between the two navies.")
    assert ("discussion", "Meeting") in _kinds("The Valdai Club hosted an expert discussion on Pakistan.")


def test_a_summit_meeting_is_one_summit():
    assert _kinds("During the summit meeting between the Turkish and Iranian presidents, trade was discussed.") == \
        [("meeting", "Summit")]


def test_a_meeting_of_the_heads_of_government_of_two_countries_is_no_summit():
    assert _kinds("The meeting of the heads of government of the two countries was held in Tashkent.") == \
        [("meeting", "Meeting")]
    assert _kinds("The meeting of the heads of government of the SCO was held in Tashkent.") == \
        [("meeting", "Summit")]
