"""``kg query list|show|run``: the catalogue of saved queries, and the store options
(``--endpoint``, ``--store``, ...) shared by ``kg sparql`` and ``kg entity``."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from kg.results import FORMATS

EMPTY_EXIT = 3
GRAPH_FORMATS = ("turtle", "ntriples")


def add_store_options(p) -> None:
    """Options that choose where the graph is read from."""
    g = p.add_argument_group("where the graph is", "default: data/kg.trig in the embedded store")
    g.add_argument("--endpoint", metavar="URL", help="a remote SPARQL 1.1 query endpoint instead "
                   "(its default graph must be the union of the named graphs)")
    g.add_argument("--user", help="user name for the endpoint (password: --password or $KG_PASSWORD)")
    g.add_argument("--password", help="password for the endpoint (prefer $KG_PASSWORD)")
    g.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                   help="give up on the endpoint after this long (default: %(default)s)")
    g.add_argument("--store", type=Path, metavar="DIR",
                   help="a persistent on-disk store (created and loaded on first use)")
    g.add_argument("--source", type=Path, metavar="FILE", help="the TriG file to load (default: data/kg.trig)")


def add_output_options(p, graph_formats: bool = False) -> None:
    choices = FORMATS + (GRAPH_FORMATS if graph_formats else ())
    p.add_argument("--format", choices=choices, default="table", help="output format (default: table)")
    p.add_argument("--fail-on-empty", action="store_true",
                   help=f"exit with code {EMPTY_EXIT} when the result has no rows")


def open_graph(args):
    """The :class:`KnowledgeGraph` the store options describe."""
    from kg.facade import KnowledgeGraph

    if getattr(args, "endpoint", None):
        password = args.password if args.password is not None else os.environ.get("KG_PASSWORD")
        return KnowledgeGraph.connect(args.endpoint, user=args.user, password=password, timeout=args.timeout,
                                      queries_dir=getattr(args, "queries", None))
    return KnowledgeGraph.open(getattr(args, "store", None), source=getattr(args, "source", None),
                               queries_dir=getattr(args, "queries", None))


def print_result(result, fmt: str, fail_on_empty: bool) -> int:
    """Write ``result`` on stdout in ``fmt``; say so on stderr when it is empty."""
    from kg.errors import QueryError

    if fmt in GRAPH_FORMATS:
        if result.graph is None:
            raise QueryError(f"--format {fmt} is for CONSTRUCT and DESCRIBE queries; "
                             f"use one of {', '.join(FORMATS)}")
        sys.stdout.write(result.graph.serialize(format="nt" if fmt == "ntriples" else "turtle"))
    else:
        text = result.format(fmt)
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    if result.boolean is None and not result.rows:
        print("kg: the query matched nothing (no rows)", file=sys.stderr)
        return EMPTY_EXIT if fail_on_empty else 0
    return 0


def run_list(args) -> int:
    from kg.queries import Catalogue

    cat = Catalogue.load(args.queries)
    items = [q for q in cat.values() if not args.tag or args.tag in q.tags]
    if args.format == "json":
        print(json.dumps([{"name": q.name, "summary": q.summary, "tags": list(q.tags),
                           "params": [p.name for p in q.inputs]} for q in items], indent=2))
        return 0
    width = max((len(q.name) for q in items), default=0)
    for q in items:
        params = " ".join(f"{p.name}=" if p.required else f"[{p.name}=]" for p in q.inputs)
        print(f"{q.name.ljust(width)}  {q.summary}{'  (' + params + ')' if params else ''}")
    return 0


def run_show(args) -> int:
    from kg.queries import Catalogue

    q = Catalogue.load(args.queries).get_or_raise(args.name)
    print(f"{q.name}: {q.summary}")
    if q.description:
        print(f"\n{q.description}")
    print(f"\ntype: {q.query_type}; tags: {', '.join(q.tags) or '-'}; file: {q.path}")
    if q.inputs:
        print("\nparameters:")
    for p in q.inputs:
        kind = "IRI" if p.kind == "iri" else (p.datatype.rsplit("#", 1)[-1] if p.datatype else "text")
        if p.lang:
            kind += f"@{p.lang}"
        extra = "required" if p.required else "optional"
        if p.default is not None:
            extra += f", default {p.default}"
        if p.enumerate:
            extra += f", one of {', '.join(p.enumerate)}"
        if p.kind == "page":
            extra += f", {q.page_size} rows a page"
        print(f"  --param {p.name}=...  ({kind}, {extra})")
    print(f"\n{getattr(q, 'body', q.text).rstrip()}")
    return 0


def run_run(args) -> int:
    from kg.facade import parse_params

    params = parse_params(args.param)
    kg = open_graph(args)
    try:
        result = kg.run(args.name, **params)
    finally:
        kg.close()
    return print_result(result, args.format, args.fail_on_empty)


def register(sub) -> None:
    q = sub.add_parser("query", help="list, show and run the saved queries",
                       description="The saved SPARQL queries of queries/*.rq.")
    qs = q.add_subparsers(dest="query_command", metavar="ACTION")
    qs.required = True
    ls = qs.add_parser("list", help="the saved queries, one a line")
    ls.add_argument("--tag", help="only queries with this tag")
    ls.add_argument("--format", choices=("table", "json"), default="table")
    ls.set_defaults(func=run_list)
    show = qs.add_parser("show", help="a saved query: what it answers, its parameters and its SPARQL")
    show.add_argument("name")
    show.set_defaults(func=run_show)
    run = qs.add_parser("run", help="run a saved query",
                        description="Run a saved query. Exit codes: 0 ok (an empty result says so on stderr), "
                                    f"2 bad input or unreachable endpoint, {EMPTY_EXIT} empty with --fail-on-empty.")
    run.add_argument("name")
    run.add_argument("--param", "-p", action="append", metavar="NAME=VALUE",
                     help="a parameter value (repeatable); see `kg query show NAME`")
    add_output_options(run, graph_formats=True)
    add_store_options(run)
    run.set_defaults(func=run_run)
    for p in (ls, show, run):
        p.add_argument("--queries", type=Path, metavar="DIR", help="folder of .rq files (default: queries/)")
