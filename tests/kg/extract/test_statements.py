"""Statements attributed to speakers (kg/extract/statements.py, speakers.py): direct quotations
with the cue after or before, over several sentences, indirect and mixed speech, "according
to", institutions that speak, and speakers found through pronouns, titles and surnames."""
from __future__ import annotations

import pytest

from kg.extract.claim_kinds import RULES
from kg.extract.pipeline import extract
from kg.extract.statements import quotations
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def said(text: str, registry) -> list[tuple]:
    ex = extract("t", text, registry)
    return [(c.speaker, c.quote, c.kind, c.content.text) for c in ex.claims if c.speaker is not None]


def test_direct_quotation_with_the_cue_after_or_before(registry):
    text = ('Pakistan and Russia signed a deal. "It is a relationship that will grow substantially," '
            'Shehbaz Sharif said. Vladimir Putin said: “Pakistan is an important partner for us.”')
    assert said(text, registry) == [
        ("shehbaz-sharif", "direct", "Prediction", "It is a relationship that will grow substantially"),
        ("vladimir-putin", "direct", "Assessment", "Pakistan is an important partner for us"),
    ]


def test_a_quotation_over_sentences_is_one_statement_and_the_next_one_continues_its_speaker(registry):
    text = ('“We will supply wheat to Pakistan. The first ships leave in May,” Sergey Lavrov said. '
            '“The deal is good for both sides and for the region.”')
    ex = extract("t", text, registry)
    first, second = [c for c in ex.claims if c.speaker]
    assert first.speaker == second.speaker == "sergey-lavrov"
    assert first.content.text == "We will supply wheat to Pakistan. The first ships leave in May"
    assert first.sentence.index == 0 and [s.index for s in first.also] == [1]
    assert first.kind == "Commitment" and second.kind == "Assessment" and second.cue == ""
    assert second.confidence < first.confidence  # a continued speaker is less sure


def test_indirect_speech_and_according_to(registry):
    text = ("Sergey Lavrov told reporters that relations were at their best. "
            "He warned that Western pressure would fail. "
            "According to the State Bank of Pakistan, trade rose to $1 billion in 2023. "
            "Moscow said the sanctions were illegal and hostile.")
    got = said(text, registry)
    assert got[0] == ("sergey-lavrov", "indirect", "Assessment", "relations were at their best")
    assert got[1][:3] == ("sergey-lavrov", "indirect", "Prediction")  # "he": the last person named
    assert got[2][0].lower() == "new:state bank of pakistan" and got[2][2] == "ReportOfFact"
    assert got[3][:3] == ("russia", "indirect", "Assessment")  # a capital that speaks is its state
    ex = extract("t", text, registry, claim_decisions=RULES)  # the rules' stance; the classifier's: test_claim_kinds
    assert [c.cue for c in ex.claims if c.speaker] == ["told reporters", "warned", "according to", "said"]
    assert [c.stance for c in ex.claims if c.speaker] == ["positive", "negative", "neutral", "negative"]


def test_mixed_quotation_and_denial(registry):
    text = ('Vladimir Putin said that the talks had been "very productive and useful for both countries". '
            "The Russian embassy denied that Russia had sold weapons to India.")
    got = said(text, registry)
    assert got[0][:2] == ("vladimir-putin", "mixed")
    # "the Russian embassy" describes a body, it does not name one: the state it names speaks
    assert got[1][0] == "russia" and got[1][2] == "Denial"


def test_institutions_titles_and_surnames(registry):
    text = ("Prime Minister Nawaz Sharif met President Vladimir Putin in Ufa. "
            "The prime minister said that Pakistan wanted closer ties with Russia. "
            "A Pakistani defence ministry statement said that joint exercises would be held every year. "
            "Foreign Minister Khurram Dastgir Khan arrived later. Khan said the talks were useful.")
    got = said(text, registry)
    # a lower-case "defence ministry" is no name (no fragment entity): Pakistan speaks
    assert [g[0] for g in got] == ["nawaz-sharif", "pakistan", "new:Khurram Dastgir Khan"]


def test_both_leaders_each_speak_and_agreements_are_commitments(registry):
    text = ("Shehbaz Sharif met Vladimir Putin in Beijing. Sharif thanked Putin. "
            "Both leaders agreed to strengthen bilateral ties.")
    got = said(text, registry)
    assert sorted(g[0] for g in got) == ["shehbaz-sharif", "vladimir-putin"]
    assert {g[2] for g in got} == {"Commitment"}


def test_no_statement_without_a_speaker_or_from_a_passive_verb(registry):
    text = ("Analysts suggest that the ties will deepen. Putin is expected to discuss wheat with Sharif. "
            "The deal was signed in March.")
    assert said(text, registry) == []


def test_the_writers_claims_stay_and_reported_sentences_are_not_the_writers(registry):
    text = ("Islamabad should insist on quality checks. "
            "Sergey Lavrov said that Pakistan should buy more wheat.")
    ex = extract("t", text, registry)
    assert [(c.speaker, c.kind, c.sentence.index) for c in ex.claims] == [
        (None, "Recommendation", 0), ("sergey-lavrov", "Recommendation", 1)]


def test_quotation_marks_left_open_close_at_the_paragraph():
    text = '“We will act. \n“Now,” he said. "Two words" and “an open one'
    assert [(text[q.start:q.end], q.words) for q in quotations(text)] == [
        ("We will act. ", 3), ("Now,", 1), ("Two words", 2), ("an open one", 3)]


def test_in_an_interview_the_answers_are_the_interviewees(registry):
    text = ("The newspaper spoke with Sergey Lavrov in Moscow.\n\n"
            "Q: How do you see the ties with Pakistan?\n\n"
            "A: Relations with Pakistan are excellent and will certainly grow.\n\n"
            "Q: Should Pakistan buy more Russian wheat?\n\n"
            "A: Pakistan should buy more wheat from Russia.")
    ex = extract("t", text, registry)
    assert [(c.speaker, c.kind, c.quote) for c in ex.claims] == [
        ("sergey-lavrov", "Prediction", "direct"), ("sergey-lavrov", "Recommendation", "direct")]
