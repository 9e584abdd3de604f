"""The command-line options several commands share, in one place.

Only the standard library and :mod:`kg.defaults` are imported here, so that building
the parser (``kg --help``) stays fast; what an option needs at run time is imported
when the command runs.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kg.defaults import DEFAULT_OUTPUT_FORMATS, MAX_BYTES, OUTPUT_FILES, PUSH_BATCH, RESULT_FORMATS, default_jobs  # noqa: F401

EMPTY_EXIT = 3
GRAPH_FORMATS = ("turtle", "ntriples")
ROOT_HELP = ("the workspace folder (with kg.toml); default: $KG_HOME, else the nearest folder from here "
             "upwards that holds kg.toml")


def progress_printer(quiet: bool):
    """A callable that prints progress lines on stderr, or None when quiet."""
    if quiet:
        return None

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    return say


def add_root_option(p, top: bool = False) -> None:
    """``--root DIR``: on the main parser (``kg --root DIR build``) and on each command
    (``kg build --root DIR``); the command's wins when both are given."""
    p.add_argument("--root", type=Path, metavar="DIR", help=ROOT_HELP,
                   default=None if top else argparse.SUPPRESS)


def add_quiet_option(p) -> None:
    p.add_argument("-q", "--quiet", action="store_true", help="no progress messages")


# --- kg build, kg add, kg remove -------------------------------------------------------

def add_build_options(b) -> None:
    """The options of ``kg build``, shared with ``kg add`` and ``kg remove``; the
    defaults come from the workspace's kg.toml."""
    b.add_argument("--documents", type=Path, default=None,
                   help="folder of <id>.txt articles (default: the workspace's documents folder)")
    b.add_argument("--registry", type=Path, default=None,
                   help="read only this registry folder (default: the shipped registry, then the workspace's "
                        "registry folder)")
    b.add_argument("--out", type=Path, default=None, help="output folder (default: the workspace's published folder)")
    b.add_argument("--format", default=",".join(DEFAULT_OUTPUT_FORMATS),
                   help=f"comma-separated output formats from {', '.join(OUTPUT_FILES)} (default: %(default)s)")
    b.add_argument("--no-owl", action="store_true", help="skip the HermiT consistency check (saves a few seconds)")
    b.add_argument("--no-reason", action="store_true",
                   help="leave out graph:inferred (what kg reason materialises); the published files then differ")
    b.add_argument("--max-bytes", type=int, default=MAX_BYTES, help="largest article accepted (default: %(default)s)")
    b.add_argument("--ontology", type=Path, default=None, help="ontology file (default: the shipped ontology/pakru.ttl)")
    b.add_argument("--shapes", type=Path, default=None, help="SHACL shapes file (default: the shipped ontology/shapes.ttl)")
    b.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help=f"extract in N processes (default: the machine's cores, here {default_jobs()})")
    b.add_argument("--min-confidence", type=float, default=None, metavar="X",
                   help="publish only events whose confidence is at least X, 0 to 1 (default: min_confidence "
                        "under [build] in kg.toml, else the threshold chosen for precision on the dev set, "
                        "kept in kg/extract/decisions.json)")
    b.add_argument("--cache", type=Path, default=None, metavar="DIR",
                   help="extraction cache folder (default: the workspace's; .cache beside --documents when given)")
    b.add_argument("--no-cache", action="store_true",
                   help="extract every article again, neither reading nor writing the cache")
    b.add_argument("--no-fsync", action="store_true",
                   help="do not flush the published files to disk before replacing the old ones: much faster for "
                        "a large corpus; a power cut may then cost the files (rebuild them), a failed build never does")
    add_quiet_option(b)
    add_root_option(b)


def build_config(args, command: str):
    """The :class:`kg.build.BuildConfig` of the workspace (``--root``, ``$KG_HOME`` or the
    nearest kg.toml) and the options of :func:`add_build_options`.  Outside a workspace
    this raises an input error that names ``kg init``, before anything is touched."""
    from kg.build.config import BuildConfig
    from kg.errors import InputError
    from kg.workspace import require

    ws = require(args.root, command)
    if args.jobs is not None and args.jobs < 1:
        raise InputError(f"--jobs must be 1 or more, not {args.jobs}")
    return BuildConfig.for_workspace(
        ws, documents=args.documents, out=args.out,
        registries=(args.registry,) if args.registry is not None else None,
        formats=tuple(dict.fromkeys(f.strip() for f in args.format.split(",") if f.strip())),
        check_owl=not args.no_owl, reason=not args.no_reason, ontology=args.ontology, shapes=args.shapes,
        max_bytes=args.max_bytes, jobs=args.jobs, cache=False if args.no_cache else args.cache,
        durable=not args.no_fsync, min_confidence=args.min_confidence)


# --- reading commands ------------------------------------------------------------------

def graph_source(args) -> Path:
    """The published graph a reading command reads: ``--source``, else the workspace's,
    else (outside any workspace) the one shipped with the package."""
    from kg.workspace import graph_file

    source = getattr(args, "source", None)
    return Path(source) if source is not None else graph_file(args.root)


def add_store_options(p) -> None:
    """Options that choose where the graph is read from."""
    g = p.add_argument_group("where the graph is", "default: the workspace's published graph (outside a "
                             "workspace, the graph shipped with the package) in the embedded store")
    g.add_argument("--endpoint", metavar="URL", help="a remote SPARQL 1.1 query endpoint instead "
                   "(its default graph must be the union of the named graphs)")
    g.add_argument("--user", help="user name for the endpoint (password: --password or $KG_PASSWORD)")
    g.add_argument("--password", help="password for the endpoint (prefer $KG_PASSWORD)")
    g.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                   help="give up on the endpoint after this long (default: %(default)s)")
    g.add_argument("--store", type=Path, metavar="DIR",
                   help="a persistent on-disk store (created and loaded on first use)")
    g.add_argument("--source", type=Path, metavar="FILE", help="the TriG file to load (default: the workspace's kg.trig)")
    add_root_option(p)


def add_output_options(p, graph_formats: bool = False) -> None:
    choices = RESULT_FORMATS + (GRAPH_FORMATS if graph_formats else ())
    p.add_argument("--format", choices=choices, default="table", help="output format (default: table)")
    p.add_argument("--fail-on-empty", action="store_true",
                   help=f"exit with code {EMPTY_EXIT} when the result has no rows")


def add_queries_option(p) -> None:
    p.add_argument("--queries", type=Path, metavar="DIR", help="folder of .rq files (default: the shipped queries)")


def open_graph(args):
    """The :class:`KnowledgeGraph` the store options describe."""
    from kg.facade import KnowledgeGraph

    if getattr(args, "endpoint", None):
        password = args.password if args.password is not None else os.environ.get("KG_PASSWORD")
        return KnowledgeGraph.connect(args.endpoint, user=args.user, password=password, timeout=args.timeout,
                                      queries_dir=getattr(args, "queries", None))
    return KnowledgeGraph.open(getattr(args, "store", None), source=graph_source(args),
                               queries_dir=getattr(args, "queries", None))


def print_result(result, fmt: str, fail_on_empty: bool) -> int:
    """Write ``result`` on stdout in ``fmt``; say so on stderr when it is empty."""
    from kg.errors import QueryError

    if fmt in GRAPH_FORMATS:
        if result.graph is None:
            raise QueryError(f"--format {fmt} is for CONSTRUCT and DESCRIBE queries; "
                             f"use one of {', '.join(RESULT_FORMATS)}")
        sys.stdout.write(result.graph.serialize(format="nt" if fmt == "ntriples" else "turtle"))
    else:
        text = result.format(fmt)
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    if result.boolean is None and not result.rows:
        print("kg: the query matched nothing (no rows)", file=sys.stderr)
        return EMPTY_EXIT if fail_on_empty else 0
    return 0
