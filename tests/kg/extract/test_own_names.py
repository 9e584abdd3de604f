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


def test_a_body_after_at_under_the_verb_is_the_premises(nlp):
    from kg.extract.own_names import premises
    doc = nlp("The fourth round of the consultations was held on Monday at the Ministry of Defence.")
    assert premises(only_token(doc, "Ministry"), "Ministry of Defence")


def test_a_body_whose_territory_hosts_the_drill_is_the_premises(nlp):
    from kg.extract.own_names import premises
    doc = nlp("The two armies began a drill on the territory of the Eastern Military District.")
    assert premises(only_token(doc, "District"), "Eastern Military District")


def test_a_body_whose_officials_meet_is_not_the_premises(nlp):
    from kg.extract.own_names import premises
    doc = nlp("The envoy met officials in the Ministry of Defence on Monday.")
    assert not premises(only_token(doc, "Ministry"), "Ministry of Defence")


def test_a_name_headed_by_a_pacts_noun_is_an_events_name():
    from kg.extract.own_names import is_event_name
    assert is_event_name("Contract on Training of Naval Officers")
    assert is_event_name("Coordination Transport Meeting")
    assert not is_event_name("Joint Working Group on Trade")
    assert not is_event_name("Inter State Gas Systems")
