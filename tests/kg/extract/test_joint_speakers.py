"""Statements made jointly (kg/extract/joint_speakers.py, speakers.py, quotations.py): one
claim per party for officials of several states, "both men", a dateline with a source in
brackets before "A and B agreed", and the sides' words inside a body's quotation."""
from __future__ import annotations

import pytest

from kg.extract.pipeline import extract
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def said(text: str, registry) -> list[tuple]:
    ex = extract("t", text, registry)
    return [(c.speaker, c.quote, c.content.text) for c in ex.claims if c.speaker not in (None, "writer")]


def speakers_of(text: str, registry, words: str) -> list[str]:
    return sorted(k for k, _, content in said(text, registry) if words in content)


def test_officials_of_several_states_named_by_their_adjectives_each_speak(registry):
    text = ("Senior Chinese, Pakistani and Russian officials on Monday reaffirmed support for a peace "
            "process led by the Afghans themselves.")
    assert speakers_of(text, registry, "peace process") == ["china", "pakistan", "russia"]


def test_officials_from_two_states_each_speak(registry):
    text = "Officials from Pakistan and Russia on Friday agreed to expand their work against drug trafficking."
    assert speakers_of(text, registry, "drug trafficking") == ["pakistan", "russia"]


def test_ministers_of_two_states_are_not_taken_for_the_states(registry):
    text = "The Pakistani and Russian energy ministers said on Monday that gas prices would fall."
    assert speakers_of(text, registry, "gas prices") != ["pakistan", "russia"]


def test_both_men_are_the_two_people_who_met(registry):
    text = ("Sergey Lavrov met Shah Mehmood Qureshi in Islamabad on Tuesday. Both men said that a new rail "
            "link would carry far more goods.")
    assert speakers_of(text, registry, "rail link") == ["sergey-lavrov", "shah-mehmood-qureshi"]


def test_both_the_dignitaries_agreed_upon_a_need(registry):
    text = ("Admiral Bilal Ahmed Qadri met Admiral Pavel Semyonov in Moscow. Both the dignitaries agreed upon "
            "the need for closer work against piracy at sea.")
    assert speakers_of(text, registry, "piracy") == ["new:Bilal Ahmed Qadri", "new:Pavel Semyonov"]


def test_a_dateline_with_its_source_in_brackets_is_not_the_first_speaker_alone(registry):
    text = "MOSCOW (TASS): Moscow and Islamabad agreed to hold more rounds of talks on regional security."
    assert speakers_of(text, registry, "rounds of talks") == ["pakistan", "russia"]


def test_the_sides_words_inside_a_bodys_quotation_are_theirs_not_the_bodys(registry):
    text = ("Pakistan and Russia held talks on security in Moscow on Monday. As the ministry stressed, both sides "
            "praised the work of their experts. “They also noted that piracy in the Arabian Sea poses a growing "
            "threat,” the Russian Foreign Ministry said. “The parties also confirmed their intentions to hold "
            "joint drills next year.”")
    got = said(text, registry)
    assert sorted(k for k, _, c in got if "piracy" in c) == ["pakistan", "russia"]
    assert sorted(k for k, _, c in got if "joint drills" in c) == ["pakistan", "russia"]
    assert not any(k == "russian-foreign-ministry" and ("piracy" in c or "drills" in c) for k, _, c in got)


def test_a_persons_quotation_of_what_both_sides_agreed_stays_his(registry):
    text = ("Russian Ambassador Albert Khorev spoke to reporters in Karachi. “Both sides have agreed to hold "
            "talks on steel next month,” he said.")
    assert speakers_of(text, registry, "talks on steel") == ["albert-khorev"]


def test_a_state_after_for_is_no_party_of_the_states_named_together(registry):
    text = ("Envoys of Pakistan and China for Afghanistan met in Moscow on Monday. "
            "The parties agreed to meet again in Islamabad next spring.")
    assert speakers_of(text, registry, "meet again") == ["china", "pakistan"]


def test_the_three_leaders_are_the_three_states_named_together_and_they_after_them(registry):
    text = ("The format of Russia, Mongolia and China began in 2014. Back then, the three leaders agreed that "
            "the format has great promise for trade. They agreed to hold summits every year.")
    assert speakers_of(text, registry, "great promise") == ["china", "mongolia", "russia"]
    assert speakers_of(text, registry, "summits every year") == ["china", "mongolia", "russia"]


def test_they_after_a_joint_statement_that_a_body_reported_are_the_parties(registry):
    text = ("Iran, Pakistan and Russia held talks on Afghanistan in Islamabad on Monday. The three parties agreed "
            "to meet again in Tehran, a Foreign Office statement said. They stressed the need for aid to "
            "the Afghan people.")
    assert speakers_of(text, registry, "aid to the Afghan people") == ["iran", "pakistan", "russia"]


def test_a_joint_communique_speaks_for_the_states_that_issued_it(registry):
    text = ("Pakistan and Russia signed five agreements in Moscow on Monday. The joint communique said that "
            "both states would fight drug trafficking together.")
    assert speakers_of(text, registry, "drug trafficking") == ["pakistan", "russia"]


def test_both_sides_after_one_person_met_another_are_those_two(registry):
    text = ("Pakistan's Foreign Minister Ishaq Dar met his Russian counterpart Sergey Lavrov in Astana on "
            "Tuesday. They discussed trade and the situation in the region. The two sides agreed to hold the "
            "next session of the commission in Moscow. They agreed to meet again in the autumn.")
    assert speakers_of(text, registry, "next session") == ["ishaq-dar", "sergey-lavrov"]
    assert speakers_of(text, registry, "meet again") == ["ishaq-dar", "sergey-lavrov"]


def test_both_sides_after_delegations_met_are_the_states(registry):
    text = ("A Pakistani delegation met Russian officials in Moscow on Monday. "
            "The two sides agreed to hold the next round of talks in Islamabad.")
    assert speakers_of(text, registry, "next round") == ["pakistan", "russia"]
