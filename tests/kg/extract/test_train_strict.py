"""The last step of ``kg train`` (kg/extract/train_strict.py): finished events labelled as
the strict score counts them, a deterministic fit, and a threshold chosen by cross-validation
that keeps the right events it promises to keep."""
from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest

from support import ROOT
from kg.eval.run import evaluate_document
from kg.extract.decisions import Decisions, shipped
from kg.extract.nlp import load_nlp
from kg.extract.pipeline import extract
from kg.extract.train import load_articles
from kg.extract.train_strict import (FOLDS, KEEP_RIGHT, REPEATS, THRESHOLDS, dealings, held_out_probabilities,
                                     strict_rows, train_strict)
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


@pytest.fixture(scope="module")
def articles(registry):
    return load_articles([ROOT / "tests" / "data" / "heldout", ROOT / "tests" / "data" / "unseen"],
                         registry, load_nlp())


@pytest.fixture(scope="module")
def rows(articles, registry):
    return strict_rows(articles, registry, shipped())


def test_finished_events_are_labelled_as_the_strict_score_counts_them(articles, registry, rows):
    events, golds = rows
    every = replace(shipped(), strict=None)
    right = found = gold = 0
    for a in articles:
        ex = extract(a.doc_id, a.text, registry, doc=a.doc, date=a.date, decisions=every, min_confidence=0.0)
        strict = evaluate_document(ex, a.gold, a.path).events.strict
        right, found, gold = right + strict.correct, found + strict.predicted, gold + strict.gold
    assert {label for _, _, label in events} == {0, 1}
    assert (sum(label for _, _, label in events), len(events), sum(golds)) == (right, found, gold)


def test_the_threshold_keeps_the_share_of_right_events_it_promises(articles, registry, rows):
    out = io.StringIO()
    model, threshold = train_strict(articles, registry, shipped(), out)
    assert model is not None and threshold in THRESHOLDS
    events, golds = rows
    kept = []  # of the strictly right events, those kept on each dealing into folds
    for fold_of in dealings(len(golds)):
        probs = held_out_probabilities(events, fold_of)
        kept.append(sum(1 for p, (_, _, label) in zip(probs, events) if label and p >= threshold))
    assert sum(kept) / len(kept) >= KEEP_RIGHT * sum(label for _, _, label in events)
    assert f"chosen threshold {threshold}" in out.getvalue()
    first = Decisions(strict=model, min_confidence=threshold).to_json()
    again = Decisions(strict=train_strict(articles, registry, shipped(), io.StringIO())[0],
                      min_confidence=threshold).to_json()
    assert first == again
    back = Decisions.from_json(json.loads(first))
    assert back.to_json() == first and back.min_confidence == threshold
    assert back.strict.weights == pytest.approx({k: round(v, 6) for k, v in model.weights.items() if round(v, 6)})


def test_kg_train_reports_the_precision_of_the_participant_links_each_rule_attached(articles, registry):
    from kg.eval.events import gold_units, sentence_index
    from kg.eval.gold import norm_entity
    from kg.extract.model import provenance_of
    from kg.extract.train_strict import link_precision_lines

    links: dict = {}
    strict_rows(articles, registry, shipped(), links)
    assert "scope" in links and all(0 <= right <= n for n, right in links.values())
    # counted again for the gold events of the same kind (the count also takes kinds above or
    # below): a link is right when such a gold event of its sentence lists it
    every = replace(shipped(), strict=None)
    scope = [0, 0]
    for a in articles:
        ex = extract(a.doc_id, a.text, registry, doc=a.doc, date=a.date, decisions=every, min_confidence=0.0)
        gold = gold_units(a.gold, sentence_index(ex), a.path, a.text)
        for e in ex.events:
            found = [g for g in gold if {e.sentence.index} & g.sentences and g.kind == e.kind]
            for p, rule in zip(e.participants, provenance_of(e)):
                if rule == "scope" and found:
                    scope[0] += 1
                    scope[1] += any(norm_entity(p) in g.participants for g in found)
    assert links["scope"][0] >= scope[0] > 0 and links["scope"][1] >= scope[1]
    out = io.StringIO()
    train_strict(articles, registry, shipped(), out)
    assert link_precision_lines(links)[0] in out.getvalue()


def test_the_articles_are_dealt_into_folds_the_same_way_every_time():
    ways = dealings(23)
    assert len(ways) == REPEATS and ways == dealings(23)
    assert ways[0] == [a % FOLDS for a in range(23)]  # by article number first
    assert len({tuple(w) for w in ways}) == REPEATS  # the shuffled ones differ
    for way in ways:
        sizes = sorted(way.count(k) for k in range(FOLDS))
        assert sizes[-1] - sizes[0] <= 1 and len(way) == 23  # every article in one fold, folds even
    events = [(a, {"bias": 1.0, f"x{a % 3}": 1.0}, a % 2) for a in range(23)]
    assert held_out_probabilities(events) == held_out_probabilities(events, ways[0])
