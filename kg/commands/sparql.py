"""``kg sparql``: run your own SPARQL, given inline, in a file, or on stdin."""
from __future__ import annotations

import sys
from pathlib import Path

from kg.commands.options import add_output_options, add_store_options, open_graph, print_result


def read_query(args) -> str:
    """The query text from the argument, ``--file``, or stdin (``-`` or nothing)."""
    from kg.errors import QueryError

    if args.file is not None and args.query not in (None, "-"):
        raise QueryError("give the query inline or with --file, not both")
    if args.file is not None:
        try:
            return args.file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"cannot read the query file {args.file}: {exc}") from None
    if args.query not in (None, "-"):
        return args.query
    if sys.stdin.isatty():
        raise QueryError("no query: give it inline (kg sparql 'SELECT ...'), with --file FILE, or on stdin")
    return sys.stdin.read()


def run(args) -> int:
    text = read_query(args)
    kg = open_graph(args)
    kg.allow_services = frozenset(args.allow_service or ())
    try:
        result = kg.query(text)
    finally:
        kg.close()
    return print_result(result, args.format, args.fail_on_empty)


def register(sub) -> None:
    p = sub.add_parser("sparql", help="run a SPARQL query (inline, from a file or stdin)",
                       description="Run a SPARQL 1.1 query against the graph. The default graph is the "
                                   "union of the named graphs unless the query names its graphs with FROM / FROM NAMED. "
                                   "SERVICE and LOAD are refused. A syntax error is reported with its line "
                                   "and column (exit 2).")
    p.add_argument("query", nargs="?", help="the query text; '-' or nothing reads stdin")
    p.add_argument("--file", "-f", type=Path, help="read the query from this file")
    p.add_argument("--allow-service", action="append", metavar="IRI",
                   help="let SERVICE call this endpoint (for local use; by default SERVICE and LOAD are refused "
                        "and a query never sends a request)")
    add_output_options(p, graph_formats=True)
    add_store_options(p)
    p.set_defaults(func=run)
