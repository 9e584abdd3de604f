"""``kg serve``: a SPARQL 1.1 endpoint and linked-data pages over the graph."""
from __future__ import annotations

from pathlib import Path

from kg.commands.options import add_queries_option, add_root_option, graph_source


def run(args) -> int:
    from kg.server import serve

    return serve(args.host, args.port, store=args.store, source=graph_source(args), queries=args.queries,
                 workers=args.workers, timeout=args.query_timeout, max_results=args.max_results,
                 log_level=args.log_level, access_log=not args.no_access_log, page_workers=args.page_workers,
                 query_memory=args.query_memory, cors=tuple(args.cors or ["*"]),
                 allow_services=tuple(args.allow_service or ()), cache_mb=args.cache_mb,
                 **({} if args.processes is None else {"processes": args.processes}))


def register(sub) -> None:
    p = sub.add_parser("serve", help="serve the graph: SPARQL endpoint, saved queries and pages",
                       description="Serve the graph over HTTP: a read-only SPARQL 1.1 Protocol endpoint at "
                                   "/sparql, each saved query at /queries/NAME, and a page for every resource "
                                   "(/id/..., /doc/...) in HTML or RDF by content negotiation. Queries run in "
                                   "worker processes that are killed and replaced when they pass the time limit.")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on; 0 picks a free one (default: %(default)s)")
    p.add_argument("--store", type=Path, metavar="DIR",
                   help="a persistent on-disk store (created or refreshed from --source, then read)")
    p.add_argument("--source", type=Path, metavar="FILE",
                   help="the TriG file to serve (default: the workspace's kg.trig, or the shipped graph outside one)")
    add_queries_option(p)
    add_root_option(p)
    p.add_argument("--processes", type=int, default=None, metavar="N",
                   help="HTTP processes sharing the port, each with its own workers (default: one per core, "
                        "at most 4)")
    p.add_argument("--workers", type=int, default=4, metavar="N",
                   help="worker processes (in each HTTP process) for ad-hoc SPARQL queries; more than the slow "
                        "queries you expect at once, so that quick ones still find a free worker (default: %(default)s)")
    p.add_argument("--page-workers", type=int, default=2, metavar="N",
                   help="worker processes (in each HTTP process) for pages and saved queries, apart from ad-hoc "
                        "SPARQL so that slow queries cannot hold them up (default: %(default)s)")
    p.add_argument("--query-memory", type=int, default=1024, metavar="MB",
                   help="memory one query may use on top of the opened graph; past it the worker is replaced "
                        "and the client gets 503 (default: %(default)s)")
    p.add_argument("--cache-mb", type=int, default=64, metavar="MB",
                   help="memory for answers kept for repeated GET requests (the graph does not change while "
                        "serving); 0 turns it off (default: %(default)s)")
    p.add_argument("--cors", action="append", metavar="ORIGIN",
                   help="let only this origin (e.g. https://yasgui.example) read answers from a browser; "
                        "repeat for more (default: every origin, the graph being public)")
    p.add_argument("--allow-service", action="append", metavar="IRI",
                   help="let SERVICE call this endpoint (for local use; by default queries never send requests)")
    p.add_argument("--query-timeout", type=float, default=10.0, metavar="SECONDS",
                   help="time limit of one query or page; past it the worker is killed (default: %(default)s)")
    p.add_argument("--max-results", type=int, default=10000, metavar="N",
                   help="most rows or triples one answer may have (default: %(default)s)")
    p.add_argument("--log-level", choices=("debug", "info", "warning", "error"), default="info")
    p.add_argument("--no-access-log", action="store_true", help="do not log each request")
    p.set_defaults(func=run)
