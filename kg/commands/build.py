"""``kg build``: extract the workspace's articles and publish its graph."""
from __future__ import annotations

from kg.commands.options import add_build_options, build_config, progress_printer


def run(args) -> int:
    import contextlib

    from kg.build import build
    from kg.errors import InputError
    from kg.parallel import cluster_executor

    config = build_config(args, "build")
    if args.scheduler and config.cache is None:
        raise InputError("a build on a Dask cluster needs a cache folder every worker reaches (--cache DIR)")
    with cluster_executor(args.scheduler) if args.scheduler else contextlib.nullcontext() as executor:
        report = build(config, progress_printer(args.quiet), executor)
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
    b.add_argument("--scheduler", default=None, metavar="tcp://HOST:PORT",
                   help="extract the articles and make their graphs on this dask.distributed cluster instead of "
                        "local processes; its workers must reach --cache and the registry folders (a shared folder)")
    b.set_defaults(func=run)
