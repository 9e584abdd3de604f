"""Who a pronoun, a pair or a title stands for (kg/extract/references.py, through the
article's Context); short texts written for the tests."""
from __future__ import annotations

import pytest

from kg.extract.context import Context
from kg.extract.pipeline import extract, load_nlp
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def context(registry, text):
    result = extract("t", text, registry)
    doc = load_nlp()(text)
    return doc, Context(doc, result.sentences, result.mentions, [], registry, None, result.new_entities)


def test_an_abbreviated_title_stands_for_the_person_it_introduced(registry):
    doc, ctx = context(registry, "PM Shehbaz Sharif landed in Astana. Foreign Minister Sergey Lavrov met Ishaq Dar. "
                                 "The PM met the Kazakh president.")
    pm = [t for t in doc if t.text == "PM"][-1]
    assert ctx.resolve_title(pm) == ["shehbaz-sharif"]


def test_an_abbreviation_is_not_read_inside_other_words(registry):
    # "pm" in "6 pm" introduces nobody: the only person named is not the PM
    doc, ctx = context(registry, "Sergey Lavrov arrived at 6 pm. The PM met him later.")
    pm = [t for t in doc if t.text == "PM"][-1]
    assert ctx.resolve_title(pm) == []


def test_the_two_countries_are_the_pair_the_text_is_about(registry):
    doc, ctx = context(registry, "Pakistan and Russia held talks in Moscow. The two countries agreed to meet again.")
    countries = next(t for t in doc if t.lower_ == "countries")
    assert sorted(ctx.resolve_pair(countries)) == ["pakistan", "russia"]


def test_he_after_a_title_subject_is_the_titles_holder_not_the_last_person_named(registry):
    # the holder was named three sentences back; the two presidents were named last
    text = ("Prime Minister Shehbaz Sharif left for Astana on Tuesday. Pakistan joined the bloc in 2017. "
            "The bloc has ten members. On Wednesday the PM met Russian President Vladimir Putin and Uzbek "
            "President Shavkat Mirziyoyev. He is also expected to attend talks with Afghanistan.")
    doc, ctx = context(registry, text)
    he = [t for t in doc if t.text == "He"][-1]
    assert ctx.resolve_pronoun(he) == ["shehbaz-sharif"]


def test_he_after_a_named_subject_is_still_that_subject(registry):
    text = ("Prime Minister Shehbaz Sharif left for Astana on Tuesday. Pakistan joined the bloc in 2017. "
            "The bloc has ten members. On Wednesday Foreign Minister Sergey Lavrov met Ishaq Dar. "
            "He is also expected to attend talks with Afghanistan.")
    doc, ctx = context(registry, text)
    he = [t for t in doc if t.text == "He"][-1]
    assert ctx.resolve_pronoun(he) == ["sergey-lavrov"]


def test_the_presidents_of_two_states_in_a_lede_are_the_presidents_named_after_it(registry):
    doc, ctx = context(registry, "The presidents of Pakistan and Russia met in the Kremlin on Tuesday. "
                                 "President Pervez Musharraf and President Vladimir Putin signed a declaration.")
    presidents = next(t for t in doc if t.lower_ == "presidents")
    assert ctx.resolve_people_pair(presidents) == ["pervez-musharraf", "pakistan", "vladimir-putin", "russia"]


def test_the_presidents_of_three_states_need_a_president_of_each(registry):
    doc, ctx = context(registry, "The presidents of Russia, Pakistan and Tajikistan met in Sochi on Tuesday. "
                                 "President Vladimir Putin and President Asif Ali Zardari spoke to reporters.")
    presidents = next(t for t in doc if t.lower_ == "presidents")
    assert ctx.resolve_people_pair(presidents) == []


def test_his_counterpart_of_a_state_is_the_person_of_that_state_named_before(registry):
    doc, ctx = context(registry, "Foreign Minister Ishaq Dar arrived in Moscow on Monday. Sergey Lavrov "
                                 "then met his Pakistani counterpart at the ministry.")
    counterpart = next(t for t in doc if t.lower_ == "counterpart")
    assert ctx.resolve_title(counterpart) == ["ishaq-dar"]


def test_a_counterpart_with_no_state_stands_for_no_one(registry):
    doc, ctx = context(registry, "Foreign Minister Ishaq Dar arrived in Moscow on Monday. Sergey Lavrov "
                                 "then met his counterpart at the ministry.")
    counterpart = next(t for t in doc if t.lower_ == "counterpart")
    assert ctx.resolve_title(counterpart) == []


def test_a_capitalised_title_after_the_stands_for_the_person_it_introduced(registry):
    # the parse tags "President" as a proper noun: "The Russian President" is still a title
    doc, ctx = context(registry, "Russian President Vladimir Putin landed in Astana on Monday. "
                                 "The Russian President will attend a summit there.")
    president = [t for t in doc if t.text == "President"][-1]
    assert president.tag_ == "NNP"
    assert ctx.resolve_title(president) == ["vladimir-putin"]


def test_a_capitalised_title_of_another_state_stands_for_nobody_named(registry):
    doc, ctx = context(registry, "Russian President Vladimir Putin landed in Astana on Monday. "
                                 "The Kazakh President will host a summit there.")
    president = [t for t in doc if t.text == "President"][-1]
    assert ctx.resolve_title(president) == []


def test_their_after_a_one_sided_subject_is_the_pair_named_before_it(registry):
    # the subject names one side (a person and their state); "their war" is the two states' war
    doc, ctx = context(registry, "Soviet Premier Alexei Kosygin mediated between India and Pakistan after their "
                                 "war in 1965.")
    their = next(t for t in doc if t.lower_ == "their")
    assert sorted(ctx.resolve_pronoun(their)) == ["india", "pakistan"]


def test_their_after_a_coordinated_subject_is_still_that_subject(registry):
    doc, ctx = context(registry, "Pakistan and Russia will hold their first naval drill near Karachi.")
    their = next(t for t in doc if t.lower_ == "their")
    assert sorted(ctx.resolve_pronoun(their)) == ["pakistan", "russia"]
