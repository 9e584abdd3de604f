"""The last step of ``kg train``: learn how sure the pipeline may be that a finished event is
right as a whole (:mod:`kg.extract.strictness`), and choose the publishing threshold
(``min_confidence``) on that confidence by cross-validation by article.

A finished event is labelled right when the strict score counts it right: a gold event of its
sentence and kind with the same participants, time and status.  The threshold is the one of
the best strict F0.5 (precision weighs twice recall) over the held-out folds among those that
keep at least ``KEEP_RIGHT`` of the strictly right events (precision first, but a right fact
is worth keeping); 0 publishes every event.  The earlier stages (event, participant and
merge models) are those fitted on all the articles, as :mod:`kg.extract.train_merge` does
for the merge model.  Before the thresholds it prints the precision of the participant links
each rule attached (``Event.provenance``), counted in the events a gold event matches.
"""
from __future__ import annotations

import sys
from dataclasses import replace

from kg.eval.events import gold_units, lenient_match, predicted_units, sentence_index, strictly_right
from kg.eval.gold import norm_entity
from kg.eval.scores import Score
from kg.extract.fitting import f05, fit
from kg.extract.model import provenance_of
from kg.extract.strictness import strict_features

FOLDS = 5
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(15))  # 0 to 0.7
KEEP_RIGHT = 0.95  # of the strictly right events, the share a threshold must keep


def strict_rows(articles, registry, decisions, links: dict | None = None) -> tuple[list[tuple], list[int]]:
    """(article index, features, label) for every finished event, and each article's number of
    gold events; ``links``, when given, counts per attaching rule the participant links of
    events a gold event matches leniently, and the right ones among them ([links, right])."""
    from kg.extract.context import Context
    from kg.extract.pipeline import extract

    every = replace(decisions, strict=None)
    rows, golds = [], []
    for n, a in enumerate(articles):
        ex = extract(a.doc_id, a.text, registry, doc=a.doc, date=a.date, decisions=every, min_confidence=0.0)
        ctx = Context(a.doc, ex.sentences, ex.mentions, [], registry, None, ex.new_entities)
        gold = gold_units(a.gold, sentence_index(ex), a.path, a.text)
        units = predicted_units(ex.events)
        right = strictly_right(gold, units)
        if links is not None:
            _count_links(ex.events, units, gold, links)
        rows.extend((n, strict_features(ctx, e), int(j in right)) for j, e in enumerate(ex.events))
        golds.append(len(gold))
    return rows, golds


def _count_links(events, units, gold, links: dict) -> None:
    for event, unit in zip(events, units):
        matches = [g for g in gold if lenient_match(g, unit)]
        if not matches:
            continue
        wanted = set().union(*(g.participants for g in matches))
        for p, rule in zip(event.participants, provenance_of(event)):
            count = links.setdefault(rule, [0, 0])
            count[0] += 1
            count[1] += norm_entity(p) in wanted


def link_precision_lines(links: dict) -> list[str]:
    """The precision of the participant links each rule attached, most links first."""
    return [f"participant links by {rule}: {n} in matched events, {right} right ({right / n:.2f})"
            for rule, (n, right) in sorted(links.items(), key=lambda kv: (-kv[1][0], kv[0]))]


def held_out_probabilities(rows: list[tuple]) -> list[float]:
    """Each row's probability from a model fitted on the other folds' articles."""
    probs = [0.0] * len(rows)
    for k in range(FOLDS):
        model = fit([r for r in rows if r[0] % FOLDS != k])
        for i, r in enumerate(rows):
            if r[0] % FOLDS == k:
                probs[i] = model.probability(r[1]) if model else 1.0
    return probs


def train_strict(articles, registry, decisions, out=sys.stdout):
    """``(model, threshold)`` to ship; ``(None, decisions.min_confidence)`` when the gold
    gives no event of one label."""
    links: dict = {}
    rows, golds = strict_rows(articles, registry, decisions, links)
    for line in link_precision_lines(links):
        print(line, file=out)
    model = fit(rows)
    if model is None:
        return None, decisions.min_confidence
    probs = held_out_probabilities(rows)
    scores = {}
    for t in THRESHOLDS:
        kept = [r for p, r in zip(probs, rows) if p >= t]
        scores[t] = s = Score("strict", sum(golds), len(kept), sum(r[2] for r in kept))
        print(f"strict confidence >= {t}: strict P {s.precision:.3f} R {s.recall:.3f}  F0.5 {f05(s):.3f}  "
              f"({len(kept)} of {len(rows)} events)", file=out)
    keeping = [t for t in THRESHOLDS if scores[t].correct >= KEEP_RIGHT * scores[0.0].correct]
    best = max(keeping, key=lambda t: (round(f05(scores[t]), 3), t))
    print(f"strict confidence: chosen threshold {best}", file=out)
    return model, best
