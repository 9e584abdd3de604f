"""The last judgement of an event (kg/extract/strictness.py): general features of a finished
event, its confidence from the strict model, and the publishing threshold applied to it."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest

from kg.extract.context import Context
from kg.extract.decisions import LogisticModel, shipped
from kg.extract.model import Event, Mention, Sentence, Span
from kg.extract.pipeline import extract
from kg.extract.strictness import strict_features
from kg.registry import load_registry

TEXT = ("ISLAMABAD, May 5: Prime Minister Shehbaz Sharif met Russian President Vladimir Putin in "
        "Moscow on Tuesday. Pakistan and Russia signed an agreement on energy cooperation. "
        "Russian Foreign Minister Sergey Lavrov will visit Islamabad next month.")
# every feature is one of these shapes: no word or name of an article
SHAPES = re.compile(r"^(kind=\w+(\|states=\d\+?)?|participants=\d\+?|time=\w+|status=\w+|mentions=\d\+?"
                    r"|(State|Person|Organisation)=\d\+?|left_out=\d\+?|states_left_out=\d\+?"
                    r"|by_(scope|place|pronoun)=\d\+?|named_once=\d\+?"
                    r"|event_confidence|weakest_participant|outside_registry|definite|named)$")


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def _extract(registry, decisions, min_confidence=0.0):
    return extract("t", TEXT, registry, date="2024-05-05", decisions=decisions, min_confidence=min_confidence)


def test_the_shipped_decisions_judge_finished_events_with_general_features():
    strict = shipped().strict
    assert strict is not None
    assert all(SHAPES.match(name) for name in strict.weights), sorted(n for n in strict.weights if not SHAPES.match(n))


def test_an_event_s_confidence_is_the_strict_model_s_probability_and_the_threshold_applies_to_it(registry):
    kinds = {e.kind for e in _extract(registry, replace(shipped(), strict=None)).events}
    assert {"Meeting", "StateVisit"} <= kinds
    model = LogisticModel({"kind=Meeting": 3.0, "kind=StateVisit": -3.0, "kind=Agreement": 0.0})
    judged = _extract(registry, replace(shipped(), strict=model), min_confidence=0.5).events
    assert {e.kind for e in judged} == {"Meeting", "Agreement"}
    confidence = {e.kind: e.confidence for e in judged}
    assert confidence["Meeting"] == pytest.approx(0.953, abs=0.001)
    assert confidence["Agreement"] == 0.5
    everything = _extract(registry, replace(shipped(), strict=model), min_confidence=0.0).events
    assert {e.kind: e.confidence for e in everything}["StateVisit"] == pytest.approx(0.047, abs=0.001)


def test_the_strict_model_reads_the_status_the_article_s_date_gives(registry):
    # told as future but dated before the article: it happened, and the model, fitted on
    # events after that step, judges it as happened (not as scheduled)
    model = LogisticModel({"status=scheduled": -3.0, "status=happened": 3.0})
    ex = extract("t", "Russian Foreign Minister Sergey Lavrov will visit Islamabad on 2 May 2024.", registry,
                 date="2024-05-05", decisions=replace(shipped(), strict=model), min_confidence=0.5)
    [visit] = ex.events
    assert visit.status is None and visit.confidence == pytest.approx(0.953, abs=0.001)


def _features(registry, text):
    ex = extract("t", text, registry, date="2024-05-05", decisions=replace(shipped(), strict=None), min_confidence=0.0)
    from kg.extract.nlp import load_nlp

    ctx = Context(load_nlp()(ex.text), ex.sentences, ex.mentions, [], registry, None, ex.new_entities)
    return {e.kind: strict_features(ctx, e) for e in ex.events}


def test_the_features_count_the_links_each_rule_attached_and_the_participants_named_once(registry):
    once = _features(registry, "Pakistan and Russia signed an agreement on energy cooperation in Moscow on Tuesday.")
    f = once["Agreement"]
    assert f["by_scope=2+"] == f["by_place=0"] == f["by_pronoun=0"] == 1.0
    assert f["named_once=2+"] == 1.0  # each state is named once in the article
    again = _features(registry, "Pakistan and Russia signed an agreement on energy cooperation in Moscow on Tuesday. "
                                "Russia and Pakistan have been friends for decades.")
    assert again["Agreement"]["named_once=0"] == 1.0


class _Ctx:
    """What strict_features reads of a context: the mentions and the entities' types."""

    def __init__(self, mentions, types):
        self.mentions, self._types = mentions, types

    def core_type(self, eid):
        return self._types.get(eid, "Organisation")


def test_one_scope_link_and_a_pronoun_link_are_told_apart_from_two_scope_links():
    sentence = Sentence(0, Span(0, 40, "x" * 40))
    mentions = [Mention(Span(0, 4, "A"), "a", 0, "registry"), Mention(Span(10, 14, "B"), "b", 0, "registry"),
                Mention(Span(20, 24, "A"), "a", 0, "registry")]
    ctx = _Ctx(mentions, {"a": "State", "b": "State", "c": "State"})
    event = Event("Meeting", sentence, Span(30, 34, "met"), ("a", "b", "c"),
                  provenance=(("a", "scope"), ("b", "pronoun"), ("c", "place")))
    f = strict_features(ctx, event)
    assert f["by_scope=1"] == f["by_pronoun=1"] == f["by_place=1"] == 1.0
    assert f["named_once=2+"] == 1.0  # b once, c never; a twice
    two = strict_features(ctx, replace(event, participants=("a", "b"), provenance=(("a", "scope"), ("b", "scope"))))
    assert two["by_scope=2+"] == two["by_pronoun=0"] == two["named_once=1"] == 1.0
