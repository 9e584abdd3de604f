"""Names tied to the event itself: where a gathering sits, and the event's own name."""
from __future__ import annotations

from kg.extract.own_names import names_the_event, sits_in
from support import only_token


def test_a_state_after_in_under_the_gathering_is_where_it_sits(nlp):
    doc = nlp("The leaders met at the SCO summit in Kyrgyzstan last year.")
    assert sits_in(only_token(doc, "Kyrgyzstan"), only_token(doc, "summit"))


def test_a_state_set_by_a_comma_after_the_venue_is_where_it_sits(nlp):
    doc = nlp("The ministers gathered for the SCO conference in Cholpon-Ata, Kyrgyzstan on Monday.")
    assert sits_in(only_token(doc, "Kyrgyzstan"), only_token(doc, "conference"))


def test_a_state_the_gathering_is_with_does_not_sit_it(nlp):
    doc = nlp("Pakistan held a summit with Kyrgyzstan last year.")
    assert not sits_in(only_token(doc, "Kyrgyzstan"), only_token(doc, "summit"))


def test_a_name_given_by_a_verb_of_naming_is_the_events_own(nlp):
    doc = nlp("The two navies began a drill titled Blue Wave-III on Monday.")
    name = doc[[t.text for t in doc].index("III")]
    assert names_the_event(name, only_token(doc, "drill"))


def test_a_partner_of_the_exercise_is_not_its_name(nlp):
    doc = nlp("The Pakistan Navy held an exercise with the Turkish Navy on Monday.")
    assert not names_the_event(doc[[t.text for t in doc].index("Navy", 5)], only_token(doc, "exercise"))
