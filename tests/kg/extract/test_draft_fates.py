"""Following event drafts to the step that drops them (texts written for the tests)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from kg.extract.draft_fates import _Recorder, article_fates, fate, report
from kg.extract.model import Event, Sentence, Span
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def _event(kind, start, participants):
    return Event(kind, Sentence(0, Span(0, 50, "")), Span(start, start + 5, "x" * 5), tuple(participants))


def test_fate_names_the_first_step_a_draft_misses():
    rec = _Recorder()
    kept = _event("Meeting", 10, ["pakistan", "russia"])
    rec.after_loop = rec.after_merge = rec.after_forum = rec.before_judge = [kept]
    rec.published = []
    assert fate(kept, rec) == "threshold"
    rec.published = [kept]
    assert fate(kept, rec) == "published"
    assert fate(_event("Meeting", 30, ["pakistan", "russia"]), rec) == "merged"
    assert fate(_event("Meeting", 30, []), rec) == "mention only"
    assert fate(_event("Agreement", 30, ["pakistan"]), rec) == "one party"
    rec.before_judge = []
    assert fate(kept, rec) == "filter"


def _article(text, gold_events):
    from kg.extract.nlp import load_nlp

    return SimpleNamespace(doc_id="t", text=text, date="2020-05-04", doc=load_nlp()(text),
                           gold={"events": gold_events}, path="t.gold.yaml")


def test_a_pact_with_one_named_party_is_dropped_and_judged_against_the_gold(registry):
    text = "Pakistan signed an agreement on gas supplies in March 2020."
    gold = [{"type": "Agreement", "sentence": text, "participants": ["pakistan"], "date": "2020-03"}]
    rows, lost = article_fates(_article(text, gold), registry)
    assert ("one party", "strict", False) in rows
    assert lost == [("one party", "strict", ())]


def test_a_published_event_is_counted_as_published(registry):
    text = "Prime Minister Imran Khan met Russian President Vladimir Putin in Moscow on 24 February 2022."
    gold = [{"type": "Meeting", "sentence": text, "participants": ["imran-khan", "vladimir-putin"],
             "date": "2022-02-24"}]
    rows, lost = article_fates(_article(text, gold), registry)
    assert any(f == "published" and pub for f, _, pub in rows), rows
    assert lost == []


def test_report_lists_every_step():
    from collections import Counter

    out = report(Counter({("merged", "strict", False): 2, ("threshold", "wrong", False): 3}),
                 Counter({("merged", "strict", ()): 2, ("threshold", "lenient", ("participants", "time")): 1,
                          ("threshold", "lenient", ("participants",)): 2}))
    lines = out.splitlines()
    assert lines[2].split() == ["mention", "only", "0", "0", "0", "0"]
    merged = [line.split() for line in lines if line.startswith("merged")]
    assert merged == [["merged", "2", "0", "0", "0"], ["merged", "2", "0", "0", "0", "0", "0"]]
    threshold = [line.split() for line in lines if line.startswith("threshold")]
    assert threshold == [["threshold", "0", "0", "3", "0"], ["threshold", "0", "3", "3", "1", "0", "2"]]
    assert "published" in out
