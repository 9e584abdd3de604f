"""``kg push``: load the graph into another store with the Graph Store HTTP Protocol."""
from __future__ import annotations

import os
from pathlib import Path

from kg.commands.options import PUSH_BATCH, add_quiet_option, add_root_option, graph_source, progress_printer


def run(args) -> int:
    from kg.facade import KnowledgeGraph

    say = progress_printer(args.quiet)
    kg = KnowledgeGraph.open(source=graph_source(args))
    if say:
        say(f"pushing {len(kg)} statements from {kg.where} to {args.endpoint}")
    password = args.password if args.password is not None else os.environ.get("KG_PASSWORD")
    report = kg.push(args.endpoint, user=args.user, password=password, timeout=args.timeout,
                     batch_size=args.batch_size, progress=say)
    print(report.text())
    return 0


def register(sub) -> None:
    p = sub.add_parser("push", help="send the graph to a store (SPARQL 1.1 Graph Store Protocol)",
                       description="Send each named graph of the published TriG to a Graph Store Protocol "
                                   "endpoint: PUT replaces the graph, further batches are POSTed. Oxigraph: "
                                   "http://HOST:7878/store; Fuseki: http://HOST:3030/DATASET/data; GraphDB: "
                                   "http://HOST:7200/repositories/REPO/rdf-graphs/service.")
    p.add_argument("--endpoint", required=True, metavar="URL", help="the Graph Store Protocol endpoint")
    p.add_argument("--source", type=Path, default=None, help="the TriG file to send (default: the workspace's kg.trig)")
    p.add_argument("--batch-size", type=int, default=PUSH_BATCH, metavar="N",
                   help="triples per request (default: %(default)s)")
    p.add_argument("--user", help="user name (password: --password or $KG_PASSWORD)")
    p.add_argument("--password", help="password (prefer $KG_PASSWORD)")
    p.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                   help="per request (default: %(default)s)")
    add_quiet_option(p)
    add_root_option(p)
    p.set_defaults(func=run)
