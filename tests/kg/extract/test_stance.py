"""Kinds and stance of statements (kg/extract/stance.py)."""
from __future__ import annotations

import pytest

from kg.extract.stance import classify_kind, polarity, stance_of


@pytest.mark.parametrize("text, cue, kind", [
    ("the relationship between the two countries has never been better", "say", "Assessment"),  # "two": no figure
    ("Pakistan values its friendship with Russia", "say", "Assessment"),  # valuing judges
    ("Islamabad viewed Moscow as a reliable partner", "say", "Assessment"),
    ("Russia delivered 60,000 tonnes of wheat", "say", "ReportOfFact"),
    ("Russia had sold weapons to India", "deny", "Denial"),
    ("the exercise is not being held in so-called Azad Kashmir", "say", "Denial"),
    ("Pakistan should buy more wheat", "say", "Recommendation"),
    ("both sides to settle disputes by talks", "urge", "Recommendation"),
    ("we will supply wheat to Pakistan", "say", "Commitment"),
    ("strengthen bilateral ties", "agree", "Commitment"),
    ("a desire to strengthen bilateral ties", "express", "Commitment"),
    ("trade will double by 2030", "say", "Prediction"),
    ("closer ties would be helpful for the region", "say", "Assessment"),
    ("relations were at their best", "say", "Assessment"),
    ("the growing strength of relations", "highlight", "Assessment"),
    ("two agreements were signed on Monday", "say", "ReportOfFact"),
    # a copula that judges its subject; relations changing now; a count is a fact
    ("Pakistan is a priority partner for Russia", "say", "Assessment"),
    ("it was a complex issue", "add", "Assessment"),
    ("bilateral ties are now strengthening", "say", "Assessment"),
    ("the infrastructure is already in place", "say", "ReportOfFact"),
    ("Russia delivered 60,000 tonnes of wheat to Pakistan", "say", "ReportOfFact"),
    # a modal in a relative clause is not the statement's own future, but in "it is a N that" it is
    ("military cooperation with a state that would harm the region is a wrong approach", "say", "Assessment"),
    ("it is a relationship that will grow substantially", "say", "Prediction"),
    ("Russia expects to finalise the deal this summer", "say", "Prediction"),
    ("Islamabad was keen to expand cooperation with Moscow", "say", "Commitment"),
    ("it is wrong to say that the visit is the first in 23 years", "say", "Denial"),
    ('the "special relationship" should not be a restriction on other contracts', "add", "Recommendation"),
    ("we support counter-terrorism measures along with Pakistan", "say", "Commitment"),
    # a modal that hedges a judgement, or sits beside a main clause that judges, is no forecast
    ("this would be a broader and more strategic deal between the two countries", "say", "Assessment"),
    ("the timing may be incidental", "say", "Assessment"),
    ("the visit is an important one and the talks would focus on trade", "say", "Assessment"),
    ("the dollar exchange rate would be 200 roubles", "say", "Prediction"),
    # "could not" reports a past inability; "soon" in a relative clause is not the statement's
    ("the envoy could not take part in the meeting because he had just been named", "say", "ReportOfFact"),
    ("cooperation had been the vanguard of this new chapter, which would soon be matched by vast energy cooperation", "say", "Assessment"),
    # an adjective that only names the sort of a thing in a report of an act judges nothing;
    # one on the act's object does
    ("active work was underway to popularise the Russian language", "say", "ReportOfFact"),
    ("her meeting had become part of the ninth round of a strategic dialogue", "say", "ReportOfFact"),
    ("the commission provided a good platform for regular meetings", "say", "Assessment"),
    # "should be taken as" reads a thing; a "must" in a clause of a noun is not the statement's call
    ("the visit should be taken as a very positive sign of commitment", "say", "Assessment"),
    ("the talks are a testament to the realisation that countries must realign their partners", "say", "Assessment"),
    ("the visit should be taken to Moscow", "say", "Recommendation"),
    # saying what is not so takes a position; an act that did not happen, or a "cannot", reports
    ("we do not celebrate anything", "say", "Assessment"),
    ("it was not for him to decide whether the talks had failed", "say", "Assessment"),
    ("the talks did not take place", "say", "ReportOfFact"),
    ("I cannot share more details about this deal", "say", "ReportOfFact"),
    # "stressed the importance of X" and "it is necessary to" call for X; "the significance of X" judges X
    ("the importance of sustained dialogue and institutional linkages", "stress", "Recommendation"),
    ("it was necessary to accelerate the creation of a working group", "say", "Recommendation"),
    ("the significance of the meeting for regional trade", "underline", "Assessment"),
    # a programme announced (a visit, a meeting, who will chair) reports; not when hedged, negated
    # or passive, nor when the speaker speaks of its own act
    ("Prime Minister Shehbaz Sharif will preside over the upcoming meeting", "say", "ReportOfFact"),
    ("the army chief is expected to visit Russia during the first week of October", "say", "ReportOfFact"),
    ("the Taliban would not attend the meeting", "say", "Prediction"),
    ("every issue would be discussed in detail", "say", "Prediction"),
    ("we will visit Pakistan next month", "say", "Commitment"),
    # a modal of possibility on a verb of state, or conceding before "but", hedges a judgement
    ("relations might seem flourishing on the outside", "say", "Assessment"),
    ("the two countries may not be neighbours, but they have common stakes", "say", "Assessment"),
    ("the absence of the government may have an adverse impact on engagement", "say", "Prediction"),
    # "his country", "our government": the speaker's own state; "one of the few": a judgement
    ("his country is ready to talk", "say", "Commitment"),
    ("the state was genuinely interested in promoting relations between the armies", "say", "Commitment"),
    ("The country is willing to work together with India against terrorism", "say", "Commitment"),
    ("Pakistan is one of the few countries with which cooperation is developing", "say", "Assessment"),
    ("Pakistan is one of the eight members of the organisation", "say", "ReportOfFact"),
    # the simple present tells how things stand in the speaker's view; with a figure, a date or
    # an event that goes on, it reports a fact
    ("we maintain an intensive political dialogue with Islamabad", "say", "Assessment"),
    ("the initiative on the battlefield belongs entirely to the Russian military", "say", "Assessment"),
    ("Russian forces control 75% of the region", "say", "ReportOfFact"),
    ("the exercise continues near the border", "say", "ReportOfFact"),
    # a comparative that places in time grades nothing; one that grades does
    ("Earlier in the day, the foreign minister met his Chinese counterpart in Beijing", "say", "ReportOfFact"),
    ("The two ministers later met the press in the capital", "say", "ReportOfFact"),
    ("the two ministers held better talks than their deputies", "say", "Assessment"),
    # a thing or act said to be imperative is called for; "essential for" judges
    ("a stable payment channel was imperative to expand trade", "say", "Recommendation"),
    ("calm in the valley is essential for both neighbours", "say", "Assessment"),
])
def test_kinds(nlp, text, cue, kind):
    assert classify_kind(nlp(text)[:], cue) == kind


def test_stance_is_vader_with_words_of_diplomacy():
    assert stance_of("Relations between Russia and Pakistan are at their best and will grow further") == "positive"
    assert stance_of("closer ties were a dangerous and worrying development") == "negative"
    assert stance_of("the sanctions and the boycott") == "negative"  # domain words VADER lacks
    assert stance_of("two agreements were signed on Monday") == "neutral"
    assert polarity("deepening cooperation") > polarity("cooperation") > 0


@pytest.mark.parametrize("text, kind", [
    ("we are trying to sign a gas accord with Ankara", "Commitment"),  # the speaker's effort toward its act
    ("we are holding talks, and we plan to supply the engines", "Commitment"),  # "we plan" after another clause
    ("the country is open to importing grain from Kazakhstan", "Commitment"),
    ("private traders would not be allowed to import the wheat", "Commitment"),  # the speaker's decision
    ("troops will practice a wide range of tasks during the drills", "ReportOfFact"),  # a programme announced
])
def test_commitments_of_the_speakers_side_and_programmes(nlp, text, kind):
    assert classify_kind(nlp(text)[:], "say") == kind


def test_a_past_effort_commits_to_nothing(nlp):
    assert classify_kind(nlp("the government tried to settle the dispute through talks")[:], "say") != "Commitment"


def test_a_joint_act_of_the_speakers_side_and_a_partner_is_a_commitment(nlp):
    words = nlp("Oman and Kazakhstan will launch a direct freight train next year")[:]
    assert classify_kind(words, "say", own_side=lambda t: t.text == "Kazakhstan") == "Commitment"
    assert classify_kind(words, "say", own_side=lambda t: False if t.ent_type_ else None) == "Prediction"
