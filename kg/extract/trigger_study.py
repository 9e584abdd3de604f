"""A study (issue 11): can a token classifier learned from the gold find the event triggers
the hand-written trigger rules miss, precisely enough to add events?

Every noun, verb, proper noun and adjective of a gold article is a token to classify.  A gold
event's ``trigger`` words, found inside its ``sentence`` (and its ``also`` sentences where
they occur there), mark the head of the trigger phrase with the gold event type; the other
words of the phrase are left out (neither trigger nor not); every other token is not a
trigger.  Features come from the parse (:func:`token_features`).  A multinomial logistic
regression (lbfgs, fixed settings) gives each token P(no event) and P(type).

Printed: the rules' own trigger precision and recall; the model's, cross-validated by
article (fold = article number mod ``FOLDS``), per threshold on P(event); and, on the gold
triggers the rules miss (no token of the phrase has a rule kind), how many the model finds
among the tokens the rules leave alone and at which precision ("sentence-right": the token's
sentence holds a gold event of a matching kind, which is what the lenient score rewards).
With ``--test``, the model fitted on all ``--gold`` articles is measured on the test folder,
aggregate figures only.

    python -m kg.extract.trigger_study --gold /work/notes/sets/dev143 [--test /work/notes/sets/r10]

Result in session 11: of 432 dev gold events, 60 have no rule word of a matching kind in
their sentences; cross-validated, the model matches 7 of them at P(event) >= 0.3 and 2 at
0.6.  On r10, 6 of 59 gold events have none and the model trained on the dev set matches
none of them at any threshold; most lost events there are lost after the trigger rules
(see :mod:`kg.extract.trigger_funnel`).  No candidates from the model were added.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from kg.eval.gold import find_once
from kg.eval.scores import kinds_match
from kg.extract.sentences import sentence_at

FOLDS = 5
C = 0.5
POS = {"NOUN", "VERB", "PROPN", "ADJ"}
NONE = "O"  # the class of a token that triggers no event
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass
class TokenRow:
    article: int
    features: dict
    label: str  # a gold event type, or NONE
    rule: str | None  # the rules' trigger kind
    sentence: int  # index of its sentence in the article's sentences
    sentence_kinds: frozenset  # the gold event types whose sentences include it
    rule_missed: bool = False  # a gold trigger head none of whose phrase words the rules trigger
    scored: bool = True  # False: a word of a gold trigger phrase other than its head (``label``
    # is the phrase's type), not learned from nor counted for the model, counted for the rules


@dataclass
class Tally:
    predicted: int = 0
    right: int = 0  # a trigger of a gold event (any type)
    kind_right: int = 0  # of a gold event of a matching type
    sentence_right: int = 0  # its sentence holds a gold event of a matching type
    gold: int = 0
    found: int = 0  # gold triggers predicted (any type)
    extra: dict = field(default_factory=dict)

    def line(self, name: str) -> str:
        p = self.right / self.predicted if self.predicted else 0.0
        pk = self.kind_right / self.predicted if self.predicted else 0.0
        ps = self.sentence_right / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        return (f"{name:<30} predicted {self.predicted:5d}  trigger P {p:.3f}  kind P {pk:.3f}  "
                f"sentence-right P {ps:.3f}  found {self.found}/{self.gold} R {r:.3f}")


def _children_depth(token, depth: int):
    frontier = [token]
    for _ in range(depth):
        frontier = [c for t in frontier for c in t.children]
        yield from frontier


def token_features(ctx, token, rule: str | None, timed: set[int]) -> dict:
    """The features of one token: its words, its place in the parse, the rules' verdict,
    names and times below it."""
    lemma, pos = token.lemma_.lower(), token.pos_
    head = token.head
    f = {"bias": 1.0, f"lemma={lemma}": 1.0, f"pos={pos}": 1.0, f"dep={token.dep_}": 1.0,
         f"lemma_pos={lemma}|{pos}": 1.0, f"head_lemma={head.lemma_.lower()}": 1.0,
         f"head_pos={head.pos_}": 1.0, f"dep_head={token.dep_}|{head.lemma_.lower()}": 1.0,
         f"rule={rule or 'none'}": 1.0}
    if token.tag_ in {"NNS", "NNPS"}:
        f["plural"] = 1.0
    for c in token.children:
        f[f"child={c.lemma_.lower()}"] = 1.0
        f[f"child_dep={c.dep_}"] = 1.0
        f[f"child_dep_lemma={c.dep_}|{c.lemma_.lower()}"] = 1.0
    near = [t for t in _children_depth(token, 2)]
    below = [t for t in token.subtree if t.i != token.i]
    for where, toks in (("near", near), ("subtree", below)):
        kinds = set()
        for t in toks:
            m = ctx.mention_at(t)
            if m is None:
                continue
            kinds.add("registry" if not m.entity.startswith("new:") else "new")
            core = ctx.core_type(m.entity)
            if core:
                kinds.add(core)
        for k in kinds:
            f[f"{where}_entity={k}"] = 1.0
    if any(t.i in timed for t in near):
        f["time_near"] = 1.0
    if any(t.i in timed for t in below):
        f["time_subtree"] = 1.0
    return f


def _timed_tokens(doc, times) -> set[int]:
    out = set()
    for t in times:
        span = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
        if span is not None:
            out.update(tok.i for tok in span)
    return out


def phrase_head(doc, start: int, end: int):
    """The head of the words between two character offsets (the word whose head is outside),
    and the words of the phrase; (None, []) when no word is there."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None, []
    words = [t for t in span if not t.is_punct]
    inside = {t.i for t in words}
    heads = [t for t in words if t.head.i not in inside or t.head.i == t.i]
    return (heads[0] if heads else words[0]), words


def gold_triggers(doc, text: str, gold: dict, path: str) -> list[tuple[str, list]]:
    """(type, [(head, phrase words)]) for every gold event: its trigger in its sentence and
    in the ``also`` sentences where the trigger words occur."""
    out = []
    for e in gold.get("events") or []:
        trigger = str(e.get("trigger") or "").strip()
        places = []
        if trigger:
            for k, snippet in enumerate([e["sentence"], *(e.get("also") or [])]):
                start = find_once(text, snippet, path)
                at = snippet.lower().find(trigger.lower())
                if at < 0:
                    continue  # an ``also`` sentence that words it otherwise
                head, words = phrase_head(doc, start + at, start + at + len(trigger))
                if head is not None:
                    places.append((head, words))
        out.append((e["type"], places))
    return out


def gold_events(a, sentences) -> list[tuple[str, frozenset]]:
    """(type, indices of its sentences) for every gold event of an article."""
    from kg.eval.events import gold_units

    def index(pos: int) -> int:
        s = sentence_at(sentences, pos)
        return s.index if s else -1
    return [(u.kind, u.sentences) for u in gold_units(a.gold, index, a.path, a.text)]


def article_rows(n: int, a, registry) -> tuple[list[TokenRow], list[tuple[str, frozenset]]]:
    """The token rows of one article (``a``: a :class:`kg.extract.train.Article`) and its
    gold events as (type, sentence indices)."""
    from kg.extract import dates
    from kg.extract.context import Context
    from kg.extract.pipeline import linker_for
    from kg.extract.sentences import sentences_of
    from kg.extract.triggers import trigger_kind

    sentences = sentences_of(a.doc)
    mentions, new, _ = linker_for(registry).link(a.doc, sentences)
    times = dates.find_times(a.doc, anchor=a.date)
    ctx = Context(a.doc, sentences, mentions, times, registry, None, new)
    timed = _timed_tokens(a.doc, times)
    labels: dict[int, str] = {}
    skip: dict[int, str] = {}
    missed: set[int] = set()
    by_sentence: dict[int, set] = {}
    for kind, places in gold_triggers(a.doc, a.text, a.gold, a.path):
        for head, words in places:
            labels.setdefault(head.i, kind)
            skip.update((t.i, kind) for t in words if t.i != head.i)
            if not any(t.pos_ in POS and trigger_kind(t) for t in words):
                missed.add(head.i)
    units = gold_events(a, sentences)
    for kind, where in units:
        for i in where:
            by_sentence.setdefault(i, set()).add(kind)
    rows = []
    for token in a.doc:
        if token.pos_ not in POS:
            continue
        s = sentence_at(sentences, token.idx)
        if s is None:
            continue
        rule = trigger_kind(token)
        scored = token.i in labels or token.i not in skip
        rows.append(TokenRow(n, token_features(ctx, token, rule, timed),
                             labels.get(token.i, skip.get(token.i, NONE)), rule, s.index,
                             frozenset(by_sentence.get(s.index, ())), token.i in missed, scored))
    return rows, units


def event_tallies(rows: list[TokenRow], preds, events: list[list], threshold: float) -> tuple[int, int, int, int]:
    """At the level of gold events (what the lenient score counts): (gold events, those no
    rule-triggered word of their sentences matches in kind, those of them a confident model
    word the rules leave alone matches, such words)."""
    fired: dict[int, set] = {}
    new: dict[int, set] = {}
    words = 0
    for r, (p, kind) in zip(rows, preds):
        if r.rule:
            fired.setdefault(r.article, set()).add((r.sentence, r.rule))
        elif p >= threshold and r.scored:
            new.setdefault(r.article, set()).add((r.sentence, kind))
            words += 1
    missed = found = total = 0
    for n, units in enumerate(events):
        for kind, where in units:
            total += 1
            if any(s in where and kinds_match(k, kind) for s, k in fired.get(n, ())):
                continue
            missed += 1
            found += any(s in where and kinds_match(k, kind) for s, k in new.get(n, ()))
    return total, missed, found, words


def fit_model(rows: list[TokenRow]):
    """A (vectoriser, model) pair fitted on the rows."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sort=True)
    rows = [r for r in rows if r.scored]
    x = vec.fit_transform([r.features for r in rows])
    model = LogisticRegression(C=C, solver="lbfgs", max_iter=3000)
    model.fit(x, [r.label for r in rows])
    return vec, model


def predict(fitted, rows: list[TokenRow]) -> list[tuple[float, str]]:
    """(P(event), most likely event type) for every row."""
    vec, model = fitted
    probs = model.predict_proba(vec.transform([r.features for r in rows]))
    classes = list(model.classes_)
    none = classes.index(NONE)
    out = []
    for p in probs:
        best = max((i for i in range(len(classes)) if i != none), key=lambda i: p[i])
        out.append((float(1.0 - p[none]), classes[best]))
    return out


def held_out(rows: list[TokenRow]) -> list[tuple[float, str]]:
    """Each row's prediction from a model fitted on the other folds' articles."""
    out: list = [None] * len(rows)
    for k in range(FOLDS):
        train = [r for r in rows if r.article % FOLDS != k]
        test = [i for i, r in enumerate(rows) if r.article % FOLDS == k]
        for i, pred in zip(test, predict(fit_model(train), [rows[i] for i in test])):
            out[i] = pred
    return out


def _count(t: Tally, r: TokenRow, kind: str) -> None:
    t.predicted += 1
    t.right += r.label != NONE
    t.kind_right += r.label != NONE and kinds_match(kind, r.label)
    t.sentence_right += any(kinds_match(kind, g) for g in r.sentence_kinds)
    t.found += r.label != NONE


def tallies(rows: list[TokenRow], preds, threshold: float) -> tuple[Tally, Tally, Tally]:
    """(rules, model, model on the tokens the rules leave alone) at one threshold; the last
    one's gold is the gold triggers the rules miss."""
    rules, model, new = Tally(), Tally(), Tally()
    for r, (p, kind) in zip(rows, preds):
        if r.rule:  # a word of a gold phrase other than its head is right for the rules
            _count(rules, r, r.rule)
            rules.found -= r.label != NONE
        if not r.scored:
            continue
        gold = r.label != NONE
        rules.gold += gold
        rules.found += gold and not r.rule_missed  # some word of its phrase has a rule kind
        model.gold += gold
        new.gold += r.rule_missed
        if p >= threshold:
            _count(model, r, kind)
            if not r.rule:
                _count(new, r, kind)
                new.found -= gold and not r.rule_missed
    return rules, model, new


def report(rows: list[TokenRow], preds, events: list[list], out=sys.stdout) -> None:
    gold = sum(r.label != NONE for r in rows if r.scored)
    print(f"  tokens {sum(r.scored for r in rows)}, gold trigger heads {gold}, of them missed by the rules "
          f"{sum(r.rule_missed for r in rows)}", file=out)
    for i, t in enumerate(THRESHOLDS):
        rules, model, new = tallies(rows, preds, t)
        if i == 0:
            print("  " + rules.line("rules (trigger_kind)"), file=out)
        print("  " + model.line(f"model P(event) >= {t}"), file=out)
        print("  " + new.line(f"  where rules do not fire"), file=out)
        total, missed, found, words = event_tallies(rows, preds, events, t)
        print(f"    gold events {total}, no rule word of a matching kind in their sentences {missed}, "
              f"of them matched by a new word {found}", file=out)


def top_weights(fitted, n: int = 15) -> list[str]:
    vec, model = fitted
    classes = list(model.classes_)
    none = classes.index(NONE)
    w = model.coef_[none]
    names = vec.get_feature_names_out()
    order = sorted(range(len(w)), key=lambda i: (w[i], names[i]))
    return [f"{names[i]} {-w[i]:+.2f}" for i in order[:n]]


def _rows(articles, registry) -> tuple[list[TokenRow], list[list]]:
    rows, events = [], []
    for n, a in enumerate(articles):
        got, units = article_rows(n, a, registry)
        rows.extend(got)
        events.append(units)
    return rows, events


def main(argv: list[str] | None = None) -> int:
    from kg.extract.nlp import load_nlp
    from kg.extract.train import load_articles
    from kg.registry import load_registry

    parser = argparse.ArgumentParser(prog="python -m kg.extract.trigger_study", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, action="append", required=True, help="training gold folder")
    parser.add_argument("--test", type=Path, action="append", default=[], help="a folder to test on (aggregate)")
    args = parser.parse_args(argv)
    registry, nlp = load_registry(None), load_nlp()
    articles = load_articles(args.gold, registry, nlp)
    rows, events = _rows(articles, registry)
    print(f"cross-validated by article ({FOLDS} folds) on {len(articles)} articles:")
    report(rows, held_out(rows), events)
    fitted = fit_model(rows)
    print("features most for an event: " + ", ".join(top_weights(fitted)))
    for folder in args.test:
        tests = load_articles([folder], registry, nlp)
        trows, tevents = _rows(tests, registry)
        print(f"trained on all, tested on {folder.name} ({len(tests)} articles, aggregate):")
        report(trows, predict(fitted, trows), tevents)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
