"""The learned kind and stance of statements (kg/extract/claim_kinds.py, claim_features.py,
train_claims.py): examples from gold, deterministic fitting, a file that round-trips, and
classifiers that decide only for the groups they were chosen for."""
from __future__ import annotations

import json

import pytest

from support import ROOT
from kg.extract.claim_kinds import RULES, ClaimDecisions, LinearClassifier, decide, shipped
from kg.extract.claim_features import kind_features, stance_features
from kg.extract.nlp import load_nlp
from kg.extract.pipeline import extract
from kg.extract.train import load_articles
from kg.extract.train_claims import claim_examples, fit
from kg.registry import load_registry


@pytest.fixture(scope="module")
def examples():
    registry = load_registry()
    articles = load_articles([ROOT / "tests" / "data" / "real" / "dev"], registry, load_nlp())
    return claim_examples(articles[:12], registry)


def test_examples_carry_gold_labels_and_features(examples):
    assert len(examples) > 20
    assert {e.group for e in examples} == {"writer", "attributed"}
    assert {e.stance for e in examples} >= {"positive", "negative", "neutral"}
    assert all(e.kind_features["bias"] == 1.0 and f"rule={e.rule_kind}" in e.kind_features for e in examples)
    assert any(k.startswith("w=") for e in examples for k in e.stance_features_words)
    assert not any(k.startswith("w=") for e in examples for k in e.stance_features)


def test_fitting_twice_gives_the_same_bytes_and_the_file_round_trips(examples):
    rows = [(e.stance_features_words, e.stance) for e in examples if e.stance]
    first = ClaimDecisions(stance=fit(rows, 0.3, True), stance_for=("attributed",)).to_json()
    assert first == ClaimDecisions(stance=fit(rows, 0.3, True), stance_for=("attributed",)).to_json()
    back = ClaimDecisions.from_json(json.loads(first))
    assert back.to_json() == first and back.stance_for == ("attributed",) and back.kind is None
    assert set(back.stance.weights) == {"positive", "negative", "neutral"}


def test_a_linear_classifier_takes_the_class_of_the_highest_sum():
    model = LinearClassifier({"a": {"bias": 1.0}, "b": {"bias": 0.0, "x": 2.0}})
    assert model.predict({"bias": 1.0}) == "a"
    assert model.predict({"bias": 1.0, "x": 1.0}) == "b"


def test_the_classifier_decides_only_for_its_groups(nlp):
    registry = load_registry()
    text = ('Pakistan and Russia signed a deal. "The relationship will grow substantially," '
            'Shehbaz Sharif said. Trade between the two countries will surely grow.')
    ex = extract("d", text, registry, nlp=nlp, claim_decisions=RULES)
    assert {c.speaker for c in ex.claims} == {None, "shehbaz-sharif"}
    always_negative = LinearClassifier({"negative": {"bias": 1.0}, "positive": {"bias": 0.0}})
    only_attributed = ClaimDecisions(stance=always_negative, stance_for=("attributed",))
    doc = nlp(text)
    decided = decide(doc, ex.claims, lambda e: "Person", only_attributed)
    assert [c.stance for c in decided if c.speaker] == ["negative"]
    assert [c.stance for c in decided if not c.speaker] == [c.stance for c in ex.claims if not c.speaker] != ["negative"]
    # a writer's sentence the kind classifier calls a plain fact is no claim of the writer's
    facts = ClaimDecisions(kind=LinearClassifier({"ReportOfFact": {"bias": 1.0}}), kind_for=("writer",))
    assert [c.speaker for c in decide(doc, ex.claims, lambda e: "Person", facts)] == ["shehbaz-sharif"]


def test_features_read_the_parse(nlp):
    registry = load_registry()
    ex = extract("d", '"We will never accept sanctions," Sergey Lavrov said.', registry, nlp=nlp,
                 claim_decisions=RULES)
    (claim,) = ex.claims
    doc = nlp(ex.text)
    kf = kind_features(doc, claim, "Person")
    assert {"md=will", "neg", "subj=1p", "who=Person", "quote=direct", "cue=say"} <= set(kf)
    sf = stance_features(doc, claim)
    assert sf["cold"] >= 1 and sf["vader"] < 0 and "w=sanction" in sf


def test_the_speakers_side_is_a_feature(nlp):
    registry = load_registry()
    text = ("India's foreign minister, Subrahmanyam Jaishankar, said that the closer ties between "
            "Russia and Pakistan were a dangerous and worrying development.")
    ex = extract("d", text, registry, nlp=nlp, claim_decisions=RULES)
    (claim,) = ex.claims
    doc = nlp(ex.text)
    features = stance_features(doc, claim, True, "india")
    assert features["side=other"] == 1.0 and features["other_side_cold"] == 1.0
    assert stance_features(doc, claim, True, "russia")["side=party"] == 1.0
    assert not any(k in features for k in ("w=russia", "w=the", "w=and"))  # names and stop words say nothing


def test_the_shipped_file_decides_the_stance_of_attributed_statements(nlp):
    assert "attributed" in shipped().stance_for and shipped().stance is not None
    registry = load_registry()
    said = {
        "India's foreign minister, Subrahmanyam Jaishankar, said that the closer ties between Russia "
        "and Pakistan were a dangerous and worrying development.": "negative",
        "Shehbaz Sharif said that relations with Russia were excellent and would grow.": "positive",
        "Sergey Lavrov said that the talks had been a failure.": "negative",
        "Imran Khan said the delegation arrived in Moscow on Monday.": "neutral",
    }
    for text, stance in said.items():
        assert [c.stance for c in extract("d", text, registry, nlp=nlp).claims] == [stance], text


def test_a_group_with_its_own_stance_setting_gets_its_own_classifier(nlp):
    always_negative = LinearClassifier({"negative": {"bias": 1.0}, "positive": {"bias": 0.0}})
    always_positive = LinearClassifier({"negative": {"bias": 0.0}, "positive": {"bias": 1.0}}, words=False)
    d = ClaimDecisions(stance=always_negative, stance_for=("writer", "attributed"),
                       stance_by_group=(("writer", always_positive),))
    back = ClaimDecisions.from_json(json.loads(d.to_json()))
    assert back.to_json() == d.to_json() and back.stance_model("writer").words is False
    text = ('Pakistan and Russia signed a deal. "The relationship will grow substantially," '
            'Shehbaz Sharif said. Trade between the two countries will surely grow.')
    ex = extract("d", text, load_registry(), nlp=nlp, claim_decisions=RULES)
    decided = decide(nlp(text), ex.claims, lambda e: "Person", back)
    assert {(c.speaker, c.stance) for c in decided} == {(None, "positive"), ("shehbaz-sharif", "negative")}


def test_the_cue_s_own_polarity_is_a_stance_feature(nlp):
    registry = load_registry()
    text = ("Sergey Lavrov met Ishaq Dar in Moscow on Monday. Dar appreciated Russia's support for peace in "
            "Afghanistan. He condemned the remarks of the Indian minister about Kashmir.")
    doc = nlp(text)
    claims = {c.cue: c for c in extract("d", text, registry, nlp=nlp, claim_decisions=RULES).claims}
    assert stance_features(doc, claims["appreciated"])["cue_vader"] > 0
    assert stance_features(doc, claims["condemned"])["cue_vader"] < 0
