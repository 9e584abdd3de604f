"""Tests for kg.extract.claims: the writer's recommendations, predictions and assessments."""
from __future__ import annotations

import pytest
from support import make_sentences, read_document

from kg.extract.claims import find_claims
from kg.extract.model import Claim, Mention, Span


def claims_of(nlp, text: str, mentions=(), author_index: int | None = None) -> list[Claim]:
    doc = nlp(text)
    sentences = make_sentences(doc)
    author = sentences[author_index] if author_index is not None else None
    found = find_claims(doc, sentences, list(mentions), author)
    for c in found:
        assert doc.text[c.sentence.span.start:c.sentence.span.end] == c.sentence.span.text
        assert c.cue in c.sentence.span.text
    return found


def kind_and_cue(nlp, sentence: str) -> tuple[str, str] | None:
    found = claims_of(nlp, sentence)
    assert len(found) <= 1
    return (found[0].kind, found[0].cue) if found else None


@pytest.mark.parametrize("sentence, cue", [
    ("Iran should sign the accord.", "should sign"),
    ("Kazakhstan must reform its banks.", "must reform"),
    ("Turkey ought to reopen the border.", "ought to reopen"),
    ("The ministry needs to hire engineers.", "needs to"),
    ("Beijing has to pay its dues.", "has to"),
    ("It is time for Ankara to decide.", "It is time"),
    ("There is an urgent need to fund schools.", "There is an urgent need"),
    ("It would be wise to delay the vote.", "It would be wise"),
    ("It is high time that Oman acted.", "It is high time"),
    ("Let us build the road.", "Let us"),
    ("The offer should have been welcomed.", "should have been welcomed"),
    ("Ankara could draft a transit plan.", "could draft"),
    ("The surplus can be used to repay the debt.", "can be used"),
    ("Closer transit links are imperative for the region.", "imperative"),
    ("Reforming the tariff code is imperative to attract investors.", "imperative"),
])
def test_recommendations(nlp, sentence, cue):
    assert kind_and_cue(nlp, sentence) == ("Recommendation", cue)


@pytest.mark.parametrize("sentence, cue", [
    ("The port will open new markets.", "will open"),
    ("The pipeline may soon carry gas.", "may soon carry"),
    ("Prices are likely to rise.", "likely"),
    ("Egypt is set to join the bloc.", "set to"),
    ("If Ankara agreed, the deal would be done.", "would be done"),
    ("Ties could also further improve.", "could also further improve"),
    ("Closer ties can bring lasting peace.", "can bring"),
])
def test_predictions(nlp, sentence, cue):
    assert kind_and_cue(nlp, sentence) == ("Prediction", cue)


@pytest.mark.parametrize("sentence, cue", [
    ("It is clear that the embargo failed.", "It is clear that"),
    ("The pact is certainly a turning point.", "certainly"),
    ("The reform is undoubtedly late.", "undoubtedly"),
    ("The plan is crucial for the region.", "is crucial"),
    ("The biggest obstacle is distrust.", "The biggest obstacle"),
    ("The decision was a major blunder.", "was a major blunder"),
    ("The old quarrels are now almost comical.", "almost comical"),
    ("Lasting peace is not possible without trust.", "is not possible"),
    ("The talks seem to be stalled.", "seem"),
    ("The agency can only watch.", "can only watch"),
    ("Relations might seem flourishing on the outside.", "might seem"),  # a hedged state, no forecast
    ("The two may not be neighbours, but they have common stakes.", "may not be"),
    ("Russia would like to know where Pakistan stands.", "would like"),
    # relations said to get better or worse: the writer's reading of a trend
    ("For the first time ever, Russian and Pakistan interests have converged.", "converged"),
    ("Since then, relations comprehensively improved.", "improved"),
    ("The peace process brought them closer together.", "brought"),
])
def test_assessments(nlp, sentence, cue):
    assert kind_and_cue(nlp, sentence) == ("Assessment", cue)


@pytest.mark.parametrize("sentence", [
    "The sides also discussed key issues of the current bilateral energy cooperation.",
    "PM Shehbaz will also hold important bilateral meetings with visiting heads of delegation.",
    "Pakistan improved its roads.",
    "It may be mentioned that Pakistan and Russia are collaborating in the defence sector.",
])
def test_an_act_done_to_key_or_important_things_is_no_judgement(nlp, sentence):
    assert kind_and_cue(nlp, sentence) is None


def test_recommendation_wins_over_assessment_and_prediction(nlp):
    assert kind_and_cue(nlp, "It is obvious that Iran should sign, and it will.") == (
        "Recommendation", "should sign")


def test_prediction_under_an_evidence_frame_is_an_assessment(nlp):
    assert kind_and_cue(nlp, "It is clear that the new road would help farmers.") == (
        "Assessment", "It is clear that")


@pytest.mark.parametrize("text", [
    "The minister said, “Iran must pay the debt.”",
    "He said that the bank will collapse.",
    "According to the envoy, Turkey should leave.",
    "The delegation arrived in Moscow on Monday.",
    "Russia had to withdraw in 1989.",
    "If Iran should win, nothing changes.",
])
def test_not_the_writers_own_claims(nlp, text):
    assert claims_of(nlp, text) == []


def test_author_sentence_and_what_follows_are_skipped(nlp):
    text = ("Pakistan should diversify. The writer is an analyst who says trade will grow. "
            "She can be reached at x@y.org")
    found = claims_of(nlp, text, author_index=1)
    assert [(c.sentence.index, c.kind) for c in found] == [(0, "Recommendation")]
    assert claims_of(nlp, "Trade grew. The author is a lecturer who should know.") == []


def test_about_lists_distinct_entities_in_order_of_first_mention(nlp):
    text = "Turkey should help Iran, and Iran should thank Turkey."
    spans = [("turkey", 0, 6), ("iran", 19, 23), ("iran", 29, 33), ("turkey", 46, 52)]
    mentions = [Mention(Span(s, e, text[s:e]), eid, 0, "registry") for eid, s, e in spans]
    (claim,) = claims_of(nlp, text, mentions)
    assert claim.about == ("turkey", "iran")


def claims_by_index(nlp, prefix: str) -> dict[int, tuple[str, str]]:
    doc = nlp(read_document(prefix))
    sentences = make_sentences(doc)
    author = next(s for s in sentences if s.span.text.startswith("The writer"))
    return {c.sentence.index: (c.kind, c.cue) for c in find_claims(doc, sentences, [], author)}


def test_article_000_claims(nlp):
    found = claims_by_index(nlp, "000")
    kinds = [kind for kind, _ in found.values()]
    assert kinds.count("Recommendation") == 8
    by_cue = {cue: kind for kind, cue in found.values()}
    assert by_cue["should have been accepted"] == "Recommendation"
    assert by_cue["there is an urgent need"] == "Recommendation"
    assert by_cue["may not get"] == "Prediction"
    assert by_cue["The greatest landmark"] == "Assessment"
    assert by_cue["almost fictional"] == "Assessment"
    assert max(found) < 50  # the author sentence is 50


def test_article_001_claims_skip_the_quotation(nlp):
    found = claims_by_index(nlp, "001")
    assert found[1] == ("Prediction", "may soon become")
    assert found[19] == ("Assessment", "It is obvious that")
    assert found[25] == ("Recommendation", "it would be useful")
    assert 22 not in found and 23 not in found  # the spokesman's words


def test_article_004_claims(nlp):
    found = claims_by_index(nlp, "004")
    assert found[1] == ("Recommendation", "It is time")
    assert 25 not in found  # "the foreign minister have said that ..."
    assert found[35] == ("Recommendation", "it is high time")
    assert found[42] == ("Recommendation", "should be revived")
    assert found[44] == ("Prediction", "could also further develop")


@pytest.mark.parametrize("text", [
    "Pakistan is the second largest buyer of Russian wheat in the region.",  # a ranking is a fact
    "Russia has been the largest arms supplier to India.",
    "Pakistan will become a full member of the organisation next year.",  # a dated plan, no forecast
    "The ship will dock at Karachi port on Monday.",
    "The port will open next year.",
])
def test_rankings_and_dated_plans_are_facts(nlp, text):
    assert claims_of(nlp, text) == []


def test_a_superlative_of_merit_and_an_undated_future_still_judge_and_predict(nlp):
    assert kind_and_cue(nlp, "The visit was the greatest landmark in their history.")[0] == "Assessment"
    assert kind_and_cue(nlp, "Pakistan will become a regional hub for Russian trade.")[0] == "Prediction"


def test_a_sign_read_in_the_present_even_when_the_tagger_says_past(nlp):
    assert kind_and_cue(nlp, "Overall, the engagements at the SCO summit highlight Pakistan's growing influence.") \
        == ("Assessment", "highlight")
    assert claims_of(nlp, "The ministers highlighted the growing trade.") == []


def test_seems_or_appears_with_any_complement_judges_but_appearing_somewhere_does_not():
    from kg.extract.claims import find_claims
    from kg.extract.pipeline import load_nlp, sentences_of

    doc = load_nlp()("However, this appears less a balancing act and more a deliberate shift. It seemed like "
                     "the diplomatic version of an ambush. The agreement therefore seems the first of many "
                     "interactions. The minister appeared at the meeting on Monday. He appeared on television.")
    assert [(c.kind, c.cue) for c in find_claims(doc, sentences_of(doc), [])] == [
        ("Assessment", "appears"), ("Assessment", "seemed"), ("Assessment", "seems")]


@pytest.mark.parametrize("text", [
    "It will be the first time that the two navies train together.",  # a count of occasions, no "it is time"
    "Moscow remains Ankara's major supplier of grain.",  # a rank, a fact
    "Oman is the biggest buyer of the region's dates.",
    "The ministers signed a historic trade agreement on Monday.",  # a past act's things
    "This significant event took place in the capital.",
    "The leaders will discuss key regional issues at the summit.",  # a programme, no forecast
    "In reply, he explained the plan and how it could be improved.",  # what he explained
    "The meeting aims to settle the dispute as soon as possible.",
])
def test_ranks_past_acts_programmes_and_explanations_are_no_claims(nlp, text):
    assert claims_of(nlp, text) == []


def test_may_the_month_is_no_modal(nlp):
    found = kind_and_cue(nlp, "This May the two capitals will celebrate the anniversary of their ties.")
    assert found is None or found[1] != "May"
    assert kind_and_cue(nlp, "The talks may fail.") == ("Prediction", "may fail")


def test_the_writers_own_act_announced_is_a_commitment(nlp):
    assert kind_and_cue(nlp, "Next month we will open a new cultural centre in the capital.") == \
        ("Commitment", "will open")
    assert kind_and_cue(nlp, "Trade will grow.") == ("Prediction", "will grow")  # no first person: a forecast
