"""``kg query list|show|run``: the catalogue of saved queries."""
from __future__ import annotations

import json

from kg.commands.options import (EMPTY_EXIT, add_output_options, add_queries_option, add_root_option,
                                 add_store_options, open_graph, print_result)


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
                       description="The saved SPARQL queries (queries/*.rq, shipped with the package).")
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
        add_queries_option(p)
    for p in (ls, show):
        add_root_option(p)
