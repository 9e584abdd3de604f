"""The merge step of ``kg train``: learn from the gold's ``also`` lists whether two events
the rules left apart are one (:mod:`kg.extract.merging`), and keep the model only when
cross-validation by article shows it beats the rules without leaving more duplicates or
missing more events (a wrong merge swallows a distinct event).

A pair of extracted events is one event when both find (leniently) the same gold event and
nothing else; two events are two when they find different gold events.  Pairs where either
finds no gold event, or one finds several, teach nothing and are left out.
"""
from __future__ import annotations

import sys
from dataclasses import replace

from kg.eval.events import gold_units, lenient_match, predicted_units, sentence_index
from kg.eval.run import evaluate_document
from kg.eval.scores import Score
from kg.extract.fitting import fit, score_line
from kg.extract.merging import candidate_pairs, merge_pass, pair_features

FOLDS = 5
MERGE_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def extract_with_rules(articles, registry, decisions) -> list[tuple]:
    """(article, extraction, is_state) with the rules' merging only."""
    from kg.extract.context import Context
    from kg.extract.pipeline import extract

    out = []
    rules = replace(decisions, merge=None)
    for a in articles:
        ex = extract(a.doc_id, a.text, registry, doc=a.doc, date=a.date, decisions=rules)
        ctx = Context(a.doc, ex.sentences, ex.mentions, [], registry, None, ex.new_entities)
        out.append((a, ex, ctx.is_state))
    return out


def pair_rows(extracted) -> list[tuple]:
    """(article index, features, label) for every pair with a label."""
    rows = []
    for n, (a, ex, is_state) in enumerate(extracted):
        gold = gold_units(a.gold, sentence_index(ex), a.path, a.text)
        units = predicted_units(ex.events)
        found = [{k for k, g in enumerate(gold) if lenient_match(g, u)} for u in units]
        for i, j in candidate_pairs(ex.events):
            if not found[i] or not found[j]:
                continue
            if found[i] & found[j]:
                if len(found[i]) > 1 or len(found[j]) > 1:
                    continue
                label = 1
            else:
                label = 0
            rows.append((n, pair_features(a.doc, ex.events, i, j, is_state), label))
    return rows


def _score(extracted, model) -> tuple[Score, Score, dict]:
    strict, lenient, errors = Score("strict"), Score("lenient"), {}
    for a, ex, is_state in extracted:
        merged = replace(ex, events=merge_pass(a.doc, ex.events, model, is_state))
        result = evaluate_document(merged, a.gold, a.path)
        strict.add(result.events.strict)
        lenient.add(result.events.lenient)
        for k, v in result.events.errors.items():
            errors[k] = errors.get(k, 0) + v
    return strict, lenient, errors


def train_merge(articles, registry, decisions, out=sys.stdout):
    """The merge model to ship, or None when the rules alone do better in cross-validation."""
    extracted = extract_with_rules(articles, registry, decisions)
    rows = pair_rows(extracted)
    print(f"merge pairs: {len(rows)} ({sum(r[2] for r in rows)} one event)", file=out)
    rules = _score(extracted, None)
    print(score_line("merge: rules alone", *rules) + f" F1 {rules[0].f1:.3f}", file=out)
    grid: dict[float, list] = {}
    for k in range(FOLDS):
        train_rows = [r for r in rows if r[0] % FOLDS != k]
        test = [x for n, x in enumerate(extracted) if n % FOLDS == k]
        model = fit(train_rows)
        for t in MERGE_THRESHOLDS:
            s, l_, e = _score(test, None if model is None else replace(model, threshold=t))
            acc = grid.setdefault(t, [Score("strict"), Score("lenient"), {}])
            acc[0].add(s)
            acc[1].add(l_)
            for key, v in e.items():
                acc[2][key] = acc[2].get(key, 0) + v
    for t, (s, l_, e) in sorted(grid.items()):
        print(score_line(f"merge: learned p>={t}", s, l_, e) + f" F1 {s.f1:.3f}", file=out)
    best_t, (s, l_, e) = max(grid.items(), key=lambda kv: (round(kv[1][0].f1, 3), kv[0]))
    # A merge exists to remove duplicates: it must not leave more of them, nor swallow a
    # distinct event into another (a missed event, and a wrong fact where it lands).
    if (round(s.f1, 3) <= round(rules[0].f1, 3) or e.get("duplicate", 0) > rules[2].get("duplicate", 0)
            or e.get("missed event", 0) > rules[2].get("missed event", 0)):
        print("merge: the rules alone are kept (the learned merge does not beat them without "
              "losing events)", file=out)
        return None
    print(f"merge: chosen p>={best_t}", file=out)
    model = fit(rows)
    return None if model is None else replace(model, threshold=best_t)
