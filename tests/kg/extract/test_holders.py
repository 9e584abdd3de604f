"""The subject of a clause set "during / amid / at talks with X" holds those talks with X."""
from __future__ import annotations

from kg.extract.holders import holders
from support import extract_unthresholded as extract, only_token  # rules, before the publishing threshold
from kg.registry import load_registry


def test_the_subject_of_a_clause_set_in_talks_with_someone_holds_them(nlp):
    doc = nlp("The minister praised the plan amid talks with his counterpart in Baku.")
    assert [t.text for t in holders(only_token(doc, "talks"))] == ["minister"]


def test_talks_with_nobody_named_or_of_their_own_have_no_holder(nlp):
    doc = nlp("The minister praised the plan during talks in Baku.")
    assert holders(only_token(doc, "talks")) == []
    doc = nlp("The minister praised the plan during his talks with the envoy.")
    assert holders(only_token(doc, "talks")) == []


def test_the_holder_and_his_state_take_part_in_the_meeting():
    text = ("Russian Foreign Minister Sergey Lavrov praised the new rail plan amid talks with Foreign Minister "
            "Ishaq Dar in Moscow on Tuesday.")
    [meeting] = [e for e in extract("t", text, load_registry()).events if e.kind == "Meeting"]
    assert {"sergey-lavrov", "ishaq-dar", "russia", "pakistan"} <= set(meeting.participants), meeting.participants


def test_who_speaks_at_a_gathering_attends_it(nlp):
    doc = nlp("The minister said at the summit in Baku that trade had grown.")
    assert [t.text for t in holders(only_token(doc, "summit"))] == ["minister"]
    doc = nlp("The minister signed the plan at the summit in Baku.")
    assert holders(only_token(doc, "summit")) == []  # no word said there: the signing's own rules decide


def test_the_speaker_at_a_summit_and_his_state_take_part():
    text = "\"Trade will grow,\" said Prime Minister Narendra Modi at the India-Russia Annual Summit held in Goa."
    [summit] = [e for e in extract("t", text, load_registry()).events if e.kind == "Summit"]
    assert "narendra-modi" in summit.participants, summit.participants
