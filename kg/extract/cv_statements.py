"""The statement figures of articles the learned parts have not seen: cross-validation by
article of :mod:`kg.eval_statements` on a dev folder, and a check folder scored as a whole.

In-sample figures flatter: the writer's judge (:mod:`kg.extract.writer_judge`) is trained on
the dev gold it is scored on.  Here each dev article is extracted with a judge fitted on the
other folds (and on the check and extra folders), and the articles of ``--check`` with a
judge fitted without any of them, so their figures are those of fresh articles.  The judge's
setting (C, words, threshold) is chosen as ``kg train`` chooses it, by cross-validation on
every row, or given with ``--setting``; the kind and stance decisions are the shipped ones
(they decide only stances now: their stance figures stay in-sample).

    python -m kg.extract.cv_statements --dev /tmp/dev123 --check /tmp/r9 --gold tests/gold \\
        [--setting 0.3,0,0.6] [--errors FILE]

prints the statements block of each; ``--errors`` writes the dev errors (never the check
folder's: it is scored in aggregate only).
"""
from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

FOLDS = 5


def fold_judges(rows, setting, dev: int, check: range):
    """A judge per dev fold (fold ``k``: dev articles ``n % FOLDS == k``) and one for the
    check articles, each fitted without the articles it will judge."""
    from kg.extract.train_writer import fit
    from kg.extract.writer_judge import WriterJudge

    c, words, threshold = setting

    def without(keep) -> WriterJudge | None:
        fitted = fit([r for r in rows if keep(r.article)], c, words)
        return WriterJudge(fitted.model, threshold) if fitted is not None else None

    judges = [without(lambda n, k=k: not (n < dev and n % FOLDS == k)) for k in range(FOLDS)]
    return judges, without(lambda n: n not in check)


def score(dev_articles, check_articles, extra_articles, registry, setting=None):
    """``(dev scores, check scores, setting)``: the dev articles by cross-validation, the
    check articles with a judge that saw none of them."""
    from kg.eval_statements import StatementScores, extracted_items, gold_items, score_document
    from kg.extract.claim_kinds import shipped as shipped_claims
    from kg.extract.pipeline import extract
    from kg.extract.train_writer import cross_validate, judge_examples

    articles = [*dev_articles, *check_articles, *extra_articles]
    claims = shipped_claims()
    rows = judge_examples(articles, registry, claims)
    if setting is None:
        chosen = cross_validate(rows, io.StringIO())
        if chosen is None:
            raise SystemExit("no writer judge reaches the precision kg train asks for")
        (c, words), threshold = chosen
        setting = (c, words, threshold)
    dev = len(dev_articles)
    check = range(dev, dev + len(check_articles))
    judges, check_judge = fold_judges(rows, setting, dev, check)
    dev_scores, check_scores = StatementScores(), StatementScores()
    for n, a in enumerate(articles[:check.stop]):
        judge = judges[n % FOLDS] if n < dev else check_judge
        ex = extract(a.doc_id, a.text, registry, doc=a.doc, date=a.date, claim_decisions=claims,
                     writer_judge=judge or False)
        found = score_document(a.doc_id, gold_items(ex, a.gold, a.path), extracted_items(ex))
        (dev_scores if n < dev else check_scores).add(found)
    return dev_scores, check_scores, setting


def _setting(text: str) -> tuple[float, bool, float]:
    try:
        c, words, threshold = text.split(",")
        return float(c), words.strip() in ("1", "true", "True"), float(threshold)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--setting wants C,words,threshold (as 0.3,0,0.6), not {text!r}")


def main(argv: list[str] | None = None) -> int:
    from kg.eval_statements import format_scores
    from kg.extract.nlp import load_nlp
    from kg.extract.train import load_articles
    from kg.registry import load_registry

    parser = argparse.ArgumentParser(prog="python -m kg.extract.cv_statements", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", type=Path, required=True, help="articles with gold, scored by cross-validation")
    parser.add_argument("--check", type=Path, help="articles with gold, scored as a whole by a judge that saw none")
    parser.add_argument("--gold", type=Path, action="append", default=[], help="more gold, for training only")
    parser.add_argument("--registry", type=Path, default=None)
    parser.add_argument("--setting", type=_setting, default=None, help="the judge's C,words,threshold")
    parser.add_argument("--errors", type=Path, default=None, help="write the dev errors here")
    args = parser.parse_args(argv)
    registry, nlp = load_registry(args.registry), load_nlp()
    dev = load_articles([args.dev], registry, nlp)
    check = load_articles([args.check], registry, nlp) if args.check else []
    extra = load_articles(args.gold, registry, nlp) if args.gold else []
    dev_scores, check_scores, (c, words, threshold) = score(dev, check, extra, registry, args.setting)
    print(f"writer judge C={c} words={words} threshold {threshold}; {FOLDS} folds of {len(dev)} dev articles")
    print(f"== {args.dev} (cross-validation by article)\n{format_scores(dev_scores)}")
    if check:
        print(f"== {args.check} (a judge trained without it)\n{format_scores(check_scores)}")
    if args.errors is not None:
        lines = [f"missed  {d} {g.kind:<14} {g.speaker:<26} {g.text[:160]!r}" for d, g in dev_scores.misses]
        lines += [f"{why:<12}{d} {p.kind:<14} {p.speaker:<26}" + (f" (gold {g.kind} {g.speaker})" if g else "")
                  + f" {p.text[:140]!r}" for d, p, g, why in dev_scores.wrong]
        args.errors.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
