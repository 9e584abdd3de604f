"""``kg remove ID...``: take articles out of the workspace and update its published graph."""
from __future__ import annotations

from kg.commands.options import add_build_options, build_config, progress_printer


def run(args) -> int:
    from kg.ingest import remove_articles

    report = remove_articles(args.ids, build_config(args, "remove"), progress_printer(args.quiet))
    print(report.text())
    for doc_id in args.ids:
        print(f"Removed {doc_id}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("remove", help="remove articles by id and update the graph",
                       description="Delete the articles (and their metadata sidecars) from the documents folder "
                                   "and rebuild: their named graphs and every entity only they mention leave the "
                                   "graph. If the build fails, the articles are put back.")
    p.add_argument("ids", nargs="+", metavar="ID", help="article id (the file name without .txt)")
    add_build_options(p)
    p.set_defaults(func=run)
