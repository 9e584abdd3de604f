"""The trigger study (kg/extract/trigger_study.py) and the funnel of lost gold events
(kg/extract/trigger_funnel.py), on short texts written for the tests and the held-out set."""
from __future__ import annotations

import pytest

from support import ROOT
from kg.extract.nlp import load_nlp
from kg.extract.train import Article, load_articles
from kg.extract.trigger_funnel import STEPS, funnel
from kg.extract.trigger_study import (NONE, TokenRow, article_rows, event_tallies, fit_model, gold_triggers,
                                      held_out, phrase_head, predict)
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def _article(n: int, text: str, events: list[dict]) -> Article:
    doc = load_nlp()(text)
    return Article(f"a{n}", text, "2024-05-10", doc, {"document": f"a{n}", "events": events}, f"a{n}.gold.yaml")


def test_the_head_of_a_trigger_phrase_is_the_word_the_others_hang_on():
    doc = load_nlp()("Pakistan and Russia held talks in Moscow on Monday.")
    start = doc.text.index("held talks")
    head, words = phrase_head(doc, start, start + len("held talks"))
    assert head.text == "held"
    assert [t.text for t in words] == ["held", "talks"]


def test_gold_triggers_are_found_in_their_sentence_and_in_also_sentences_that_word_them():
    text = ("Pakistan's foreign minister visited Moscow on Tuesday. The visit lasted two days. "
            "Officials called the trip useful.")
    doc = load_nlp()(text)
    gold = {"events": [{"type": "StateVisit", "sentence": "foreign minister visited Moscow", "trigger": "visited",
                        "also": ["The visit lasted two days", "Officials called the trip useful"]}]}
    [(kind, places)] = gold_triggers(doc, text, gold, "t.gold.yaml")
    assert kind == "StateVisit"
    assert [h.text for h, _ in places] == ["visited"]  # the also sentences word it otherwise


def test_tokens_are_labelled_with_the_gold_type_and_carry_the_rules_verdict(registry):
    text = "Russia and Pakistan signed an agreement on energy in Islamabad on Monday."
    a = _article(0, text, [{"type": "Agreement", "sentence": text, "trigger": "signed an agreement",
                            "participants": ["russia", "pakistan"]}])
    rows, units = article_rows(0, a, registry)
    labelled = [(r.label, "lemma=sign" in r.features) for r in rows if r.label != NONE and r.scored]
    assert labelled == [("Agreement", True)]
    # inside the phrase, not its head: neither trigger nor not for the model
    [agreement] = [r for r in rows if "lemma=agreement" in r.features]
    assert not agreement.scored and agreement.label == "Agreement"
    assert units == [("Agreement", frozenset({0}))]
    sign = next(r for r in rows if "lemma=sign" in r.features)
    assert f"rule={sign.rule or 'none'}" in sign.features
    assert "near_entity=State" in sign.features


def _corpus() -> list[Article]:
    met = "The ministers of {a} and {b} met in {c} on Friday."
    said = "The ministers of {a} and {b} said in {c} that prices rose."
    places = [("Russia", "Pakistan", "Moscow"), ("China", "India", "Beijing"), ("Iran", "Turkey", "Tehran"),
              ("Russia", "China", "Kazan"), ("Pakistan", "Iran", "Karachi"), ("India", "Russia", "Delhi")]
    out = []
    for n, (a, b, c) in enumerate(places):
        first, second = met.format(a=a, b=b, c=c), said.format(a=a, b=b, c=c)
        out.append(_article(n, first + " " + second, [{"type": "Meeting", "sentence": first, "trigger": "met",
                                                      "participants": [a.lower(), b.lower()]}]))
    return out


def test_the_model_learns_triggers_deterministically_and_is_cross_validated_by_article(registry):
    rows = [r for n, a in enumerate(_corpus()) for r in article_rows(n, a, registry)[0]]
    assert sum(r.label == "Meeting" for r in rows) == 6
    first, second = predict(fit_model(rows), rows), predict(fit_model(rows), rows)
    assert first == second
    meet = [p for r, (p, _) in zip(rows, first) if "lemma=meet" in r.features]
    say = [p for r, (p, _) in zip(rows, first) if "lemma=say" in r.features]
    assert len(meet) == len(say) == 6
    assert min(meet) > 0.5 > max(say)
    assert len(held_out(rows)) == len(rows)


def test_event_tallies_count_the_gold_events_the_rules_leave_and_the_model_finds():
    def row(article, sentence, rule):
        return TokenRow(article, {}, NONE, rule, sentence, frozenset())
    rows = [row(0, 0, "Meeting"), row(0, 1, None), row(1, 0, None)]
    preds = [(0.9, "Meeting"), (0.8, "War"), (0.2, "Meeting")]
    events = [[("Summit", frozenset({0})), ("War", frozenset({1}))], [("Meeting", frozenset({0}))]]
    # the summit has a rule word of a matching kind; the war a confident new word; the last meeting neither
    assert event_tallies(rows, preds, events, 0.5) == (3, 2, 1, 1)
    assert event_tallies(rows, preds, events, 0.85) == (3, 2, 0, 0)


def test_the_funnel_never_counts_more_events_at_a_step_than_the_gold_holds(registry):
    articles = load_articles([ROOT / "tests" / "data" / "heldout"], registry, load_nlp())
    counts = funnel(articles, registry)
    assert list(counts) == list(STEPS)
    assert counts["gold"] == sum(len(a.gold.get("events") or []) for a in articles)
    assert counts["gold"] >= counts["trigger"] >= counts["frame"] > 0
