"""The learned merge of ``kg train``: pairs labelled from the gold's ``also`` lists, a merge
pass that follows its model, and a model that round-trips through decisions.json."""
from __future__ import annotations

import io
import json

import pytest

from support import ROOT
from kg.corpus import read_corpus
from kg.eval.gold import load_gold
from kg.extract.decisions import Decisions, LogisticModel, shipped
from kg.extract.merging import candidate_pairs, merge_pass
from kg.extract.nlp import load_nlp
from kg.extract.pipeline import normalise_text
from kg.extract.train import Article
from kg.extract.train_merge import extract_with_rules, pair_rows, train_merge
from kg.registry import load_registry

DEV = ROOT / "tests" / "data" / "real" / "dev"
# articles where the rules leave one event as two nodes, and one where they do not (r_trtworld_01,
# whose lead and next sentence tell one deal, no longer: merging.retells_the_signing)
IDS = ("r_eir_01", "r_thequint_01", "r11_washingtontimes_01", "r_app_01")


@pytest.fixture(scope="module")
def registry():
    return load_registry()


@pytest.fixture(scope="module")
def articles():
    nlp = load_nlp()
    out = []
    for d in read_corpus(DEV):
        if d.id in IDS:
            gold, path = load_gold(DEV, d.id)
            text = normalise_text(d.text)
            out.append(Article(d.id, text, d.metadata.get("date"), nlp(text), gold, path))
    return out


@pytest.fixture(scope="module")
def extracted(articles, registry):
    return extract_with_rules(articles, registry, shipped())


def test_pairs_are_labelled_one_event_and_two_from_the_gold(extracted):
    rows = pair_rows(extracted)
    assert {label for _, _, label in rows} == {0, 1}
    assert all("bias" in f and any(k.startswith("time=") for k in f) for _, f, _ in rows)


def test_the_merge_pass_follows_its_model(extracted, registry):
    article, ex, is_state = next(x for x in extracted if any(True for _ in candidate_pairs(x[1].events)))
    events = ex.events
    always = LogisticModel({"bias": 30.0}, 0.5)
    never = LogisticModel({"bias": -30.0}, 0.5)
    assert merge_pass(article.doc, events, never, is_state) == events
    assert merge_pass(article.doc, events, None, is_state) == events
    merged = merge_pass(article.doc, events, always, is_state)
    assert len(merged) < len(events)
    kinds = [e.kind for e in merged]
    assert len(kinds) == len(set(kinds)) or "Summit" in kinds  # one node per kind (a summit may hold a meeting)
    first = merged[0]
    assert {s.index for e in events if e.kind == first.kind for s in (e.sentence, *e.also)} \
        <= {first.sentence.index} | {s.index for s in first.also}


def test_the_merge_model_round_trips_and_is_kept_only_when_it_wins(articles, registry):
    model = LogisticModel({"bias": -1.0, "parts=equal": 2.0}, 0.7)
    text = Decisions(merge=model).to_json()
    assert Decisions.from_json(json.loads(text)).merge == model
    assert "merge" not in json.loads(Decisions().to_json())
    out = io.StringIO()
    chosen = train_merge(articles, registry, shipped(), out)
    report = out.getvalue()
    assert "merge: rules alone" in report and "merge: learned p>=0.5" in report
    assert chosen is None or chosen.threshold in (0.5, 0.6, 0.7, 0.8, 0.9)
    assert (chosen is None) == ("rules alone are kept" in report)
