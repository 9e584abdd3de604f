"""``kg virtuoso``: run a Virtuoso server on a folder, and bulk-load published files into one."""
from __future__ import annotations

import os
from pathlib import Path


def run_load(args) -> int:
    from kg.virtuoso import bulk_load

    password = args.password if args.password is not None else os.environ.get("KG_PASSWORD", "dba")
    done = bulk_load(args.isql, args.files, user=args.user, password=password)
    mb = done["bytes"] / 1e6
    print(f"Loaded {len(args.files)} file(s), {mb:.1f} MB, in {done['seconds']:.1f} s "
          f"({mb / max(done['seconds'], 1e-9):.1f} MB/s) into Virtuoso at {args.isql}")
    return 0


def run_serve(args) -> int:
    from kg.virtuoso import VirtuosoServer

    server = VirtuosoServer(args.db, sql_port=args.isql_port, http_port=args.port, host=args.host,
                            allowed=tuple(args.allow), buffers=args.buffers, query_seconds=args.query_timeout)
    with server:
        print(f"Virtuoso on {server.folder}: SPARQL at {server.sparql_url}, isql at {server.isql_address} "
              "(user dba, password dba on a new database: change it); Ctrl-C stops it", flush=True)
        try:
            server.process.wait()
        except KeyboardInterrupt:
            pass
    return 0


def register(sub) -> None:
    v = sub.add_parser("virtuoso", help="run Virtuoso and bulk-load the graph into it (a store for billions of triples)",
                       description="Virtuoso (Debian's virtuoso-opensource 7) for graphs too big for the embedded "
                                   "store: `serve` runs virtuoso-t on a database folder, `load` fills a server "
                                   "with its bulk loader. Query it with --endpoint http://HOST:PORT/sparql.")
    vs = v.add_subparsers(dest="action", metavar="ACTION")
    vs.required = True
    load = vs.add_parser("load", help="bulk-load N-Quads/TriG/N-Triples/Turtle files (each quad into its graph)")
    load.add_argument("files", nargs="+", type=Path, help="files the server may read (its DirsAllowed)")
    load.add_argument("--isql", default="127.0.0.1:1111", metavar="HOST:PORT",
                      help="the server's SQL port (default: %(default)s)")
    load.add_argument("--user", default="dba", help="database user (default: %(default)s)")
    load.add_argument("--password", help="password (prefer $KG_PASSWORD; default dba)")
    load.set_defaults(func=run_load)
    serve = vs.add_parser("serve", help="run virtuoso-t on a database folder until Ctrl-C")
    serve.add_argument("--db", type=Path, default=Path("var/virtuoso"), help="database folder (default: %(default)s)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    serve.add_argument("--port", type=int, default=8890, help="HTTP port, SPARQL at /sparql (default: %(default)s)")
    serve.add_argument("--isql-port", type=int, default=1111, help="SQL port (default: %(default)s)")
    serve.add_argument("--allow", type=Path, action="append", default=[], metavar="DIR",
                       help="a folder the bulk loader may read (repeatable)")
    serve.add_argument("--buffers", type=int, default=170_000,
                       help="8 KiB pages in memory, about 85,000 per GB given to Virtuoso (default: %(default)s)")
    serve.add_argument("--query-timeout", type=int, default=60, metavar="SECONDS",
                       help="longest query (default: %(default)s)")
    serve.set_defaults(func=run_serve)
