"""``kg eval``: score the extraction against gold annotations."""
from __future__ import annotations

from pathlib import Path

from kg.commands.options import add_quiet_option, add_root_option, progress_printer


def run(args) -> int:
    from kg.eval import evaluate_all, format_table
    from kg.workspace import documents_folder, gold_folder, registry_folders

    gold = args.gold
    if gold is None:  # gold files beside the articles given, else the workspace's gold folder
        gold = args.documents if args.documents is not None else gold_folder(args.root)
    documents = args.documents if args.documents is not None else documents_folder(args.root)
    if documents is None:
        from kg.errors import InputError

        raise InputError("no documents to evaluate: pass --documents DIR, or run in a workspace (see `kg init`)")
    registry = args.registry if args.registry is not None else registry_folders(args.root)
    result = evaluate_all(documents, gold, registry, progress_printer(args.quiet))
    print(format_table(result.totals, result.per_doc if args.per_document else None, result.events,
                       result.fragments, show_wrong=args.show_errors))
    from kg.eval_statements import evaluate_statements, format_scores  # speakers, kinds, stance

    print("\n" + format_scores(evaluate_statements(documents, gold, registry)))
    return 0


def register(sub) -> None:
    e = sub.add_parser("eval", help="score the extraction against gold annotations",
                       description="Print precision, recall and F1 per category against gold files "
                                   "(<id>.yaml or <id>.gold.yaml in the gold folder); events strictly "
                                   "(kind, participants, time, status) and leniently (sentence and "
                                   "kind), with counts per kind of error.")
    e.add_argument("--documents", type=Path, default=None, help="articles (default: the workspace's documents)")
    e.add_argument("--gold", type=Path, default=None,
                   help="gold folder (default: the --documents folder when given, else gold under [paths] "
                        "in the workspace's kg.toml; tests/gold here)")
    e.add_argument("--registry", type=Path, default=None,
                   help="registry folder (default: the shipped registry and the workspace's additions)")
    e.add_argument("--per-document", action="store_true", help="also print each article's scores")
    e.add_argument("--show-errors", action="store_true",
                   help="with --per-document, list every event that is not strictly right and why")
    add_quiet_option(e)
    add_root_option(e)
    e.set_defaults(func=run)
