"""``kg eval``: score the extraction against gold annotations."""
from __future__ import annotations

from pathlib import Path

from kg.commands import progress_printer


def run(args) -> int:
    from kg.eval import evaluate_all, format_table

    from kg.build import ROOT

    gold = args.gold
    if gold is None:
        gold = ROOT / "tests" / "gold" if args.documents == ROOT / "data" / "documents" else args.documents
    result = evaluate_all(args.documents, gold, args.registry, progress_printer(args.quiet))
    print(format_table(result.totals, result.per_doc if args.per_document else None, result.events,
                       result.fragments, show_wrong=args.show_errors))
    return 0


def register(sub) -> None:
    from kg.build import ROOT

    e = sub.add_parser("eval", help="score the extraction against gold annotations",
                       description="Print precision, recall and F1 per category against gold files "
                                   "(<id>.yaml or <id>.gold.yaml in the gold folder); events strictly "
                                   "(kind, participants, time, status) and leniently (sentence and "
                                   "kind), with counts per kind of error.")
    e.add_argument("--documents", type=Path, default=ROOT / "data" / "documents",
                   help="articles (default: data/documents)")
    e.add_argument("--gold", type=Path, default=None,
                   help="gold folder (default: tests/gold, or the documents folder when --documents is given)")
    e.add_argument("--registry", type=Path, default=None, help="registry folder (default: data/registry)")
    e.add_argument("--per-document", action="store_true", help="also print each article's scores")
    e.add_argument("--show-errors", action="store_true",
                   help="with --per-document, list every event that is not strictly right and why")
    e.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    e.set_defaults(func=run)
