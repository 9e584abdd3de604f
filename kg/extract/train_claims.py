"""``kg train`` for statements: fit the kind and stance classifiers on gold claims, compare
them with the rules by cross-validation by article, and write
``kg/extract/claim_decisions.json``.

Examples are the claims the rules extract that answer a gold claim (matched as the
statement scores match them, :mod:`kg.eval_statements`), labelled with the gold kind and
stance.  A classifier decides for a group of claims (the writer's own, attributed ones)
only where its cross-validated figure on that group beats the rules' by more than ``MARGIN``
(accuracy for kinds, the mean recall of the three stances for stances: with a few hundred
examples and a dozen settings to choose from, a lead of a few examples is chance); the stance of a
group that another setting serves better than the one best overall gets a classifier of
that setting.  The models are
scikit-learn multinomial logistic regressions (lbfgs, fixed settings), so the
same gold gives the same bytes.

``kg train`` runs this after the event decisions; alone (the statements only):

    python -m kg.extract.train_claims --gold tests/data/real/dev --gold tests/gold [--cv-only]
"""
from __future__ import annotations

import itertools
import sys
from dataclasses import dataclass

from kg import workspace
from kg.extract.claim_kinds import FILE_NAME, GROUPS, RULES, ClaimDecisions, LinearClassifier, group

FOLDS = 5
MARGIN = 0.02  # how far a classifier must beat the rules on a group (about two standard errors)
OUT = workspace.package_files("extract") / FILE_NAME  # written into the source tree (an editable install)
C_VALUES = (0.1, 0.3, 1.0)
MIN_COUNT = 3


@dataclass
class Example:
    article: int
    group: str
    rule_kind: str
    rule_stance: str | None
    kind: str  # gold
    stance: str | None  # gold
    kind_features: dict
    kind_features_words: dict
    stance_features: dict
    stance_features_words: dict


def claim_examples(articles, registry) -> list[Example]:
    """The rules' claims that answer a gold claim, with their features and gold labels."""
    from kg.eval_statements import extracted_items, gold_items, match_claims
    from kg.extract.claim_features import kind_features, stance_features
    from kg.extract.context import Context
    from kg.extract.decisions import RULES_ONLY
    from kg.extract.pipeline import extract

    out = []
    for n, a in enumerate(articles):
        ex = extract(a.doc_id, a.text, registry, doc=a.doc, date=a.date, decisions=RULES_ONLY,
                     claim_decisions=RULES, writer_judge=False)
        if not a.gold.get("claims"):
            continue
        ctx = Context(a.doc, ex.sentences, ex.mentions, [], registry, None, ex.new_entities)
        gold = gold_items(ex, a.gold, a.path)
        for gi, pi in match_claims(gold, extracted_items(ex)):
            c, g = ex.claims[pi], gold[gi]
            speaker_type = ctx.core_type(c.speaker) if c.speaker else None
            state = ctx.speaks_for(c.speaker) if c.speaker else None
            out.append(Example(n, group(c), c.kind, c.stance, g.kind, g.stance,
                               kind_features(a.doc, c, speaker_type, False), kind_features(a.doc, c, speaker_type),
                               stance_features(a.doc, c, False, state), stance_features(a.doc, c, True, state)))
    return out


def fit(rows: list[tuple[dict, str]], c: float, words: bool, balanced: bool = False) -> LinearClassifier | None:
    """A logistic regression; with ``balanced`` each class weighs as much as the others
    in all (the rarer negative and neutral statements are not drowned by the positive)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    labels = sorted({label for _, label in rows})
    if len(labels) < 2:
        return None
    counts: dict[str, int] = {}
    for f, _ in rows:
        for name in f:
            counts[name] = counts.get(name, 0) + 1
    # a word seen in fewer than MIN_COUNT training statements says nothing general
    kept = [{n: v for n, v in f.items() if not n.startswith("w=") or counts[n] >= MIN_COUNT} for f, _ in rows]
    vec = DictVectorizer(sort=True, sparse=False)
    x = vec.fit_transform(kept)
    model = LogisticRegression(C=c, solver="lbfgs", fit_intercept=False, max_iter=2000,
                               class_weight="balanced" if balanced else None)
    model.fit(x, [label for _, label in rows])
    names = vec.get_feature_names_out()
    coef = model.coef_ if len(model.classes_) > 2 else [-model.coef_[0], model.coef_[0]]
    return LinearClassifier({str(k): {n: float(w) for n, w in zip(names, row)} for k, row in zip(model.classes_, coef)},
                            words)


def _task(ex: Example, task: str, words: bool) -> tuple[dict, str | None, str | None]:
    """(features, gold label, rule's answer) of one example for the kind or stance task."""
    if task == "kind":
        return (ex.kind_features_words if words else ex.kind_features), ex.kind, ex.rule_kind
    return (ex.stance_features_words if words else ex.stance_features), ex.stance, ex.rule_stance


def cross_validate(examples: list[Example], task: str, out=sys.stdout) -> tuple[tuple, tuple[str, ...], dict]:
    """The figure per group of the rules and of each setting (C, words, balanced classes), by
    article folds; returns the chosen setting, the groups its model decides, and the figures.
    Kinds are judged by accuracy; stances by the mean of the recall of each stance, so that
    the rarer negative statements (what disagreements are made of) weigh as much as the
    many positive ones."""
    usable = [e for e in examples if _task(e, task, False)[1] is not None]
    articles = sorted({e.article for e in usable})
    fold_of = {a: i % FOLDS for i, a in enumerate(articles)}
    rules = _tally()
    for e in usable:
        _, gold, rule = _task(e, task, False)
        _count(rules, e.group, gold, rule)
    print(f"{task}: {len(usable)} examples from {len(articles)} articles", file=out)
    print(f"  {'rules':<32}" + _figures(rules, task), file=out)
    results = {}
    for balanced, words, c in itertools.product((False, True), (False, True), C_VALUES):
        right = _tally()
        for k in range(FOLDS):
            model = fit([(_task(e, task, words)[0], _task(e, task, words)[1]) for e in usable
                         if fold_of[e.article] != k], c, words, balanced)
            for e in (e for e in usable if fold_of[e.article] == k):
                feats, gold, rule = _task(e, task, words)
                _count(right, e.group, gold, model.predict(feats) if model is not None else rule)
        results[(c, words, balanced)] = right
        print(f"  {_setting((c, words, balanced)):<32}" + _figures(right, task), file=out)

    def score(tally, g):
        return _score(tally[g], task)
    # each setting as it would be used: the model for the groups where it beats the rules
    best = max(results, key=lambda key: (round(sum(max(score(results[key], g), score(rules, g)) for g in GROUPS), 9),
                                         -key[0], not key[1], not key[2]))
    chosen = tuple(g for g in GROUPS if results[best][g] and score(results[best], g) > score(rules, g) + MARGIN)
    print(f"  chosen {_setting(best)}, deciding for {', '.join(chosen) or 'nothing (rules kept)'}",
          file=out)
    # a group the best setting leaves to the rules, or serves worse than another setting
    own = {}
    for g in GROUPS:
        key = max(results, key=lambda k: (round(score(results[k], g), 9), -k[0], not k[1], not k[2]))
        if score(results[key], g) > max(score(rules, g) + MARGIN, score(results[best], g) if g in chosen else 0.0):
            own[g] = key
            print(f"  {g}: its own setting {_setting(key)} ({score(results[key], g):.3f})", file=out)
    return best, chosen, {"rules": rules, "model": results[best], "own": own}


def _tally() -> dict:
    """Per group, per gold label: [right, all]."""
    return {g: {} for g in GROUPS}


def _count(tally: dict, group: str, gold: str, guess) -> None:
    cell = tally[group].setdefault(gold, [0, 0])
    cell[0] += guess == gold
    cell[1] += 1


def _score(by_label: dict, task: str) -> float:
    """Accuracy (kinds) or the mean recall over the gold labels (stances) of one group."""
    if not by_label:
        return 0.0
    if task == "stance":
        return sum(r / n for r, n in by_label.values()) / len(by_label)
    return sum(r for r, _ in by_label.values()) / sum(n for _, n in by_label.values())


def _setting(key: tuple) -> str:
    c, words, balanced = key
    return f"C={c} words={words}" + (" balanced" if balanced else "")


def _figures(tally: dict, task: str) -> str:
    parts = []
    for g, by_label in tally.items():
        r, n = sum(v[0] for v in by_label.values()), sum(v[1] for v in by_label.values())
        parts.append(f"{g} {r}/{n} {r / n if n else 0:.3f}"
                     + (f" (mean recall {_score(by_label, task):.3f})" if task == "stance" else ""))
    total_r = sum(v[0] for b in tally.values() for v in b.values())
    total_n = sum(v[1] for b in tally.values() for v in b.values())
    return "  ".join(parts) + f"  all {total_r}/{total_n} {total_r / total_n if total_n else 0:.3f}"


def train_claims(articles, registry, out=sys.stdout) -> ClaimDecisions:
    """Cross-validate, then fit each chosen classifier on every example."""
    examples = claim_examples(articles, registry)
    models, by_group = {}, ()

    def fitted(task, c, words, balanced):
        return fit([(_task(e, task, words)[0], _task(e, task, words)[1]) for e in examples
                    if _task(e, task, words)[1] is not None], c, words, balanced)

    for task in ("kind", "stance"):
        setting, groups, figures = cross_validate(examples, task, out)
        own = figures["own"] if task == "stance" else {}  # kinds: one setting for both groups
        models[task] = (fitted(task, *setting) if groups else None, tuple(g for g in GROUPS if g in groups or g in own))
        if own:
            by_group = tuple((g, fitted(task, *own[g])) for g in GROUPS if g in own)
            if not groups:  # no group is served by the common setting: the first group's own is the default
                models[task] = (by_group[0][1], models[task][1])
                by_group = by_group[1:]
    return ClaimDecisions(models["kind"][0], models["kind"][1], models["stance"][0], models["stance"][1], by_group)


def write(decisions: ClaimDecisions, out=sys.stdout) -> None:
    OUT.write_text(decisions.to_json(), encoding="utf-8")
    print(f"wrote {OUT}", file=out)


def main(argv: list[str] | None = None) -> int:
    from kg.extract.nlp import load_nlp
    from kg.extract.train import gold_parser, load_articles
    from kg.registry import load_registry

    args = gold_parser("python -m kg.extract.train_claims", __doc__).parse_args(argv)
    registry = load_registry(args.registry)
    decisions = train_claims(load_articles(args.gold, registry, load_nlp()), registry)
    if not args.cv_only:
        write(decisions)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
