"""``kg build``: extract the workspace's articles and publish its graph."""
from __future__ import annotations

from kg.commands.options import add_build_options, build_config, progress_printer


def run(args) -> int:
    from kg.build import build

    report = build(build_config(args, "build"), progress_printer(args.quiet))
    print(report.text())
    return 0


def register(sub) -> None:
    b = sub.add_parser("build", help="extract the articles and publish the workspace's kg.trig and kg.ttl",
                       description="Extract every article of the workspace, validate the graph (evidence "
                                   "offsets, SHACL, OWL consistency) and write the published files atomically. "
                                   "Articles whose text, metadata, registry and pipeline are unchanged reuse "
                                   "their cached extraction; the output is the same as a build without the cache. "
                                   "Needs a workspace (see `kg init`).")
    add_build_options(b)
    b.set_defaults(func=run)
