"""The last step of ``kg train``: learn how sure the pipeline may be that a finished event is
right as a whole (:mod:`kg.extract.strictness`), and choose the publishing threshold
(``min_confidence``) on that confidence by cross-validation by article.

A finished event is labelled right when the strict score counts it right: a gold event of its
sentence and kind with the same participants, time and status.  The threshold is the one of
the best strict F0.5 (precision weighs twice recall) over the held-out folds among those that
keep at least ``KEEP_RIGHT`` of the strictly right events (precision first, but a right fact
is worth keeping); 0 publishes every event.  The figures are the mean over ``REPEATS`` ways of
dealing the articles into folds (the first by article number, the others shuffled with fixed
seeds): on one dealing the F0.5 of neighbouring thresholds differ by less than their standard
error across folds, and which of them won moved with any small change to the pipeline.  The earlier stages (event, participant and
merge models) are those fitted on all the articles, as :mod:`kg.extract.train_merge` does
for the merge model.  Before the thresholds it prints the precision of the participant links
each rule attached (``Event.provenance``), counted in the events a gold event matches.
"""
from __future__ import annotations

import random
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
REPEATS = 5  # ways of dealing the articles into folds, whose figures are averaged


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


def dealings(articles: int, repeats: int = REPEATS) -> list[list[int]]:
    """``repeats`` ways of dealing ``articles`` articles into ``FOLDS`` folds (each a fold number
    per article): by article number first, then shuffled with the seeds 1, 2, ..."""
    out = [[a % FOLDS for a in range(articles)]]
    for seed in range(1, repeats):
        order = list(range(articles))
        random.Random(seed).shuffle(order)
        fold = [0] * articles
        for i, a in enumerate(order):
            fold[a] = i % FOLDS
        out.append(fold)
    return out


def held_out_probabilities(rows: list[tuple], fold_of: list[int] | None = None) -> list[float]:
    """Each row's probability from a model fitted on the other folds' articles (``fold_of``:
    each article's fold; by default its number modulo ``FOLDS``)."""
    def fold(article: int) -> int:
        return fold_of[article] if fold_of is not None else article % FOLDS
    probs = [0.0] * len(rows)
    for k in range(FOLDS):
        model = fit([r for r in rows if fold(r[0]) != k])
        for i, r in enumerate(rows):
            if fold(r[0]) == k:
                probs[i] = model.probability(r[1]) if model else 1.0
    return probs


def _mean_score(rows: list[tuple], golds: list[int], dealt: list[list[float]], t: float) -> tuple[float, float, float]:
    """Mean strict precision, recall and F0.5 at threshold ``t`` over the dealings' probabilities."""
    figures = []
    for probs in dealt:
        kept = [r for p, r in zip(probs, rows) if p >= t]
        s = Score("strict", sum(golds), len(kept), sum(r[2] for r in kept))
        figures.append((s.precision, s.recall, f05(s), s.correct))
    n = len(figures)
    return tuple(sum(f[i] for f in figures) / n for i in range(4))


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
    dealt = [held_out_probabilities(rows, fold_of) for fold_of in dealings(len(golds))]
    scores = {}
    for t in THRESHOLDS:
        precision, recall, f, right = scores[t] = _mean_score(rows, golds, dealt, t)
        print(f"strict confidence >= {t}: strict P {precision:.3f} R {recall:.3f}  F0.5 {f:.3f}  "
              f"({right:.1f} right of {sum(r[2] for r in rows)}; mean of {len(dealt)} dealings into folds)",
              file=out)
    keeping = [t for t in THRESHOLDS if scores[t][3] >= KEEP_RIGHT * scores[0.0][3]]
    best = max(keeping, key=lambda t: (round(scores[t][2], 3), t))
    print(f"strict confidence: chosen threshold {best}", file=out)
    return model, best
