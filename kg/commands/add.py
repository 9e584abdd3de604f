"""``kg add FILE...``: copy articles into the workspace and update its published graph."""
from __future__ import annotations

from pathlib import Path

from kg.commands.options import add_build_options, build_config, progress_printer


def run(args) -> int:
    from kg.ingest import add_articles

    config = build_config(args, "add")
    metadata = {"title": args.title, "url": args.url, "date": args.date, "author": args.author, "outlet": args.outlet}
    added, report = add_articles(args.files, config, metadata, progress_printer(args.quiet))
    print(report.text())
    for a in added:
        print(f"Added {a.id} (from {a.source}) as {config.documents / (a.id + '.txt')}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("add", help="add articles (plain text files or folders) and update the graph",
                       description="Copy each plain-text article into the workspace's documents folder under an "
                                   "id derived from its content (a_<16 hex digits>), extract it, validate the "
                                   "graph and publish it. A file whose content is already in the corpus is "
                                   "refused. If the build fails, the copied files are removed and the published "
                                   "files stay as they were. A <name>.yaml beside a file is taken as its metadata.")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="article file, or folder of *.txt articles")
    for key in ("title", "url", "date", "author", "outlet"):
        p.add_argument(f"--{key}", default=None,
                       help=f"the article's {key}" + (" (YYYY, YYYY-MM or YYYY-MM-DD)" if key == "date" else ""))
    add_build_options(p)
    p.set_defaults(func=run)
