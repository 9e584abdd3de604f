"""Frames that decide a statement's kind wherever they sit in its words (kg/extract/kind_frames.py)."""
from __future__ import annotations

import pytest

from kg.extract.kind_frames import declares_support, observed, stands_ready
from kg.extract.stance import classify_kind


@pytest.mark.parametrize("text, ready", [
    ("If Kazakhstan and Iran agree, Moscow is ready to host the next round", True),  # past the opening words
    ("We have shipped the first cargo, and we are ready to send more in spring", True),  # a second clause
    ("the trade mission also stood ready to help exporters find buyers", True),
    ("the company is willing to open an office in Lahore", True),
    ("the delegation listed the sectors it is ready to finance", False),  # a relative clause: no promise
    ("the ministry is not ready to sign the contract", False),  # a refusal
    ("the firms were keen to explore new markets", False),  # a wish, not readiness
    ("Moscow is ready for talks", False),  # no act to do
])
def test_stands_ready_wants_readiness_to_do_an_act_the_statement_asserts(nlp, text, ready):
    doc = nlp(text)
    assert stands_ready(list(doc), doc[:]) is ready


def test_stands_ready_leaves_another_sides_readiness_alone(nlp):
    doc = nlp("India is ready to buy more oil")
    assert stands_ready(list(doc), doc[:], own_side=lambda subj: False) is False
    assert stands_ready(list(doc), doc[:], own_side=lambda subj: None) is True  # side unknown


@pytest.mark.parametrize("text, support", [
    ("support for a peaceful settlement of the dispute", True),
    ("Moscow's firm support for the regional connectivity plan", True),
    ("his support to Turkey for a seat on the council", True),
    ("the support of the donors has been decisive", False),  # a judgement with a verb of its own
    ("support was pledged by the donors", False),
    ("the reasons for the delay", False),
])
def test_declares_support_is_a_noun_phrase_of_support(nlp, text, support):
    doc = nlp(text)
    assert declares_support(doc[:]) is support


@pytest.mark.parametrize("text, cue", [
    ("If the two neighbours agree, Moscow is ready to host the next round", "say"),
    ("support for a peaceful settlement of the dispute", "reaffirm"),
])
def test_classify_kind_takes_them_for_commitments(nlp, text, cue):
    assert classify_kind(nlp(text)[:], cue) == "Commitment"


@pytest.mark.parametrize("text, cue, kind", [
    ("the importance of the new rail link for regional trade", "note", "Assessment"),
    ("the importance of the new rail link for regional trade", "highlight", "Assessment"),
    ("the importance of the new rail link for regional trade", "stress", "Recommendation"),
    ("it is necessary to speed up the customs procedures", "note", "Recommendation"),  # still urges
    ("it is necessary to speed up the customs procedures", "recognise", "Assessment"),
])
def test_a_worth_noted_is_an_assessment_a_worth_stressed_a_recommendation(nlp, text, cue, kind):
    assert classify_kind(nlp(text)[:], cue) == kind


def test_observed_reads_the_cue_and_the_shape_of_the_words(nlp):
    noun, clause = nlp("the need for closer ties")[:], nlp("it is necessary to act")[:]
    assert observed(noun, "note", frozenset()) and not observed(clause, "note", frozenset())
    assert observed(clause, "realise", frozenset({"realise"}))
    assert not observed(noun, "stress", frozenset())


@pytest.mark.parametrize("text, urged", [
    ("the two central banks need to settle payments in local currencies", True),
    ("the government needed to save on its shrinking foreign reserves", False),  # a past need
    ("the importers had to pay a higher price for the wheat", False),
])
def test_a_need_in_the_past_is_no_recommendation(nlp, text, urged):
    assert (classify_kind(nlp(text)[:], "say") == "Recommendation") is urged
