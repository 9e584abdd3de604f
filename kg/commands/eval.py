"""``kg eval``: score the extraction against gold annotations."""
from __future__ import annotations

from pathlib import Path

from kg.commands import progress_printer


def run(args) -> int:
    from kg.eval import evaluate, format_table

    totals, per_doc = evaluate(args.documents, args.gold, args.registry, progress_printer(args.quiet))
    print(format_table(totals, per_doc if args.per_document else None))
    from kg.eval_statements import evaluate_statements, format_scores  # speakers, kinds, stance

    print("\n" + format_scores(evaluate_statements(args.documents, args.gold, args.registry)))
    return 0


def register(sub) -> None:
    from kg.build import ROOT

    e = sub.add_parser("eval", help="score the extraction against gold annotations",
                       description="Print precision, recall and F1 per category against gold files "
                                   "(<id>.yaml or <id>.gold.yaml in the gold folder).")
    e.add_argument("--documents", type=Path, default=ROOT / "data" / "documents",
                   help="articles (default: data/documents)")
    e.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold", help="gold folder (default: tests/gold)")
    e.add_argument("--registry", type=Path, default=None, help="registry folder (default: data/registry)")
    e.add_argument("--per-document", action="store_true", help="also print each article's scores")
    e.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    e.set_defaults(func=run)
