"""The writer's uncued opinions in opinion articles (kg/extract/opinions.py): found in an
editorial or op-ed, for judging sentences only; never in a news report."""
from __future__ import annotations

import pytest

from kg.extract.opinions import CONFIDENCE, opinion_article
from kg.extract.pipeline import extract, load_nlp, sentences_of
from kg.registry import load_registry

OP_ED = ("The strengthening of Pak-Russia ties is a testament to the maturity of both sides. "
         "So much war has changed so much in this wretched border land that old enemies are turning friends. "
         "Now Pakistan too is taking advantage of this developing situation. "
         "Islamabad should seize the moment. "
         "Russia sold four helicopters to Pakistan in 2015 for $150 million. "
         "Is this a new alliance? "
         "The end of the Cold War has provided Islamabad with an opportunity to forge new ties, though the "
         "process has been painfully slow.")
NEWS = ("Prime Minister Shehbaz Sharif met Russian President Vladimir Putin in Beijing on Monday. "
        "The two leaders discussed trade, energy and the regional situation. "
        "So much war has changed so much in this wretched border land that old enemies are turning friends. "
        "Now Pakistan too is taking advantage of this developing situation. "
        "The meeting lasted an hour.")


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def uncued(text: str, registry) -> list[tuple[str, str]]:
    ex = extract("t", text, registry)
    return [(c.kind, c.sentence.span.text[:30]) for c in ex.claims
            if c.speaker is None and c.confidence == CONFIDENCE]


def test_an_op_eds_judging_sentences_are_the_writers_claims(registry):
    got = uncued(OP_ED, registry)
    assert got == [("Assessment", "So much war has changed so muc"),
                   ("Assessment", "Now Pakistan too is taking adv"),
                   ("Assessment", "The end of the Cold War has pr")]
    # not the figure, the question, nor the recommendation claims.py finds by its cue ("should")


def test_a_news_report_gets_none(registry):
    assert uncued(NEWS, registry) == []
    assert uncued("ISLAMABAD, June 3 (APP): " + OP_ED, registry) == []  # a dateline: news


def test_a_sentence_reporting_someone_is_left_to_the_statement_finder(registry):
    text = OP_ED + " India expressed its bitterness over the close military relationship so often."
    ex = extract("t", text, registry)
    last = [c for c in ex.claims if "bitterness" in c.sentence.span.text]
    assert all(c.speaker is not None for c in last)


def test_an_editorial_label_makes_an_opinion_article():
    nlp = load_nlp()
    doc = nlp("EDITORIAL: Russian Foreign Minister Sergey Lavrov visited Pakistan on Monday. Talks were held.")
    assert opinion_article(doc, sentences_of(doc), [])
    doc = nlp("Russian Foreign Minister Sergey Lavrov visited Pakistan on Monday. Talks were held. "
              "He met the army chief. He left on Tuesday.")
    assert not opinion_article(doc, sentences_of(doc), [])
