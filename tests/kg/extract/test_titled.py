"""A state's body named in a person's title (kg.extract.titled) does not take part in the
person's event; the person and the body's state do.  Short texts written for the tests."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def participants(registry, text, kind):
    found = [e for e in extract("t", text, registry).events if e.kind == kind]
    assert len(found) == 1, found
    return set(found[0].participants)


def test_the_army_in_an_army_chiefs_title_does_not_take_part_but_its_state_does(registry):
    found = participants(registry, "Pakistan Army chief General Asim Munir met Russian Defence Minister "
                                   "Andrei Belousov in Moscow on Monday.", "Meeting")
    assert "pakistan-army" not in found
    assert {"pakistan", "russia"} <= found


def test_a_committee_named_before_its_chairmans_name_does_not_take_part(registry):
    found = participants(registry, "Chairman Joint Chiefs of Staff Committee General Sahir Shamshad Mirza "
                                   "held a meeting with Russian Defence Minister Andrei Belousov on Monday.",
                         "Meeting")
    assert not any("committee" in p.lower() for p in found)
    assert "new:Sahir Shamshad Mirza" in found and "russia" in found


def test_the_head_of_an_organisation_of_states_speaks_for_it(registry):
    found = participants(registry, "UN Secretary-General Antonio Guterres met Prime Minister Shehbaz Sharif "
                                   "in New York on Tuesday.", "Meeting")
    assert "united-nations" in found


def test_an_army_that_acts_on_its_own_takes_part(registry):
    found = participants(registry, "The Pakistan Army held a joint exercise with the Russian Army in "
                                   "Tarbela in November.", "MilitaryExercise")
    assert "pakistan-army" in found


def test_the_navy_in_a_commander_in_chiefs_title_does_not_take_part(registry):
    found = participants(registry, "Pakistan Navy Commander-in-Chief Admiral Naveed Ashraf visited Moscow on "
                                   "Monday.", "StateVisit")
    assert "pakistan-navy" not in found
    assert {"new:Naveed Ashraf", "pakistan", "russia"} <= found


def test_a_ministry_set_after_a_persons_title_by_commas_does_not_take_part(registry):
    text = ("Pakistan and Russia discussed terrorism in Islamabad on Friday. "
            "Ambassador Tariq Saleem, Additional Foreign Secretary, Ministry of Foreign Affairs of Pakistan, and "
            "Ambassador Yuri Petrenko, Deputy Foreign Minister of the Russian Federation co-chaired the meeting.")
    found = participants(registry, text, "Meeting")
    assert {"new:Tariq Saleem", "pakistan", "russia"} <= found
    assert not any("ministry" in p.lower() or "foreign-office" in p for p in found), found


def test_a_title_run_together_with_no_of_is_no_participant(registry):
    # NER takes "Speaker National Assembly" for a name of its own
    found = participants(registry, "Speaker National Assembly Sardar Ayaz Sadiq will call on Russian Foreign "
                                   "Minister Sergey Lavrov in Moscow next week.", "Meeting")
    assert not any("speaker" in p.lower() for p in found)
    assert {"ayaz-sadiq", "sergey-lavrov"} <= found


def test_a_bracket_after_the_body_keeps_it_in_the_title(registry):
    found = participants(registry, "Our ties were strengthened by a series of visits of senior Russian officials "
                                   "to Islamabad, including Deputy Prime Minister Alexei Overchuk and Chairperson "
                                   "of the Federation Council (Senate) Valentina Matvienko.", "StateVisit")
    assert "federation-council" not in found
    assert {"valentina-matvienko", "russia", "pakistan"} <= found


def test_a_name_after_a_title_and_a_comma_is_a_second_person(registry):
    found = participants(registry, "Minister Nasir Bukhari, General Asim Munir and Foreign Minister Sergey "
                                   "Lavrov met in Moscow on Monday.", "Meeting")
    assert "new:Nasir Bukhari" in found
