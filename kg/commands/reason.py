"""``kg reason``: check consistency and materialise what the ontology implies (graph:inferred)."""
from __future__ import annotations

from pathlib import Path

from kg.commands.options import add_quiet_option, add_root_option, graph_source, progress_printer


def run(args) -> int:
    from kg import __version__
    from kg.namespaces import INFERRED_GRAPH
    from kg.ontology import load_ontology, short
    from kg.publish import serialise, write_atomically
    from kg.reason import asserted, infer
    from kg.validate import read_graph

    say = progress_printer(args.quiet) or (lambda _m: None)
    ontology = load_ontology(args.ontology)
    graph = args.graph if args.graph is not None else graph_source(args)
    data = asserted(read_graph(graph))
    say(f"Reasoning on {graph} ({len(data)} asserted triples) with HermiT ...")
    result = infer(data, ontology)
    print(result.summary(examples=args.examples))
    if args.list:
        for triple in sorted(result.graph):
            print(" ".join(map(short, triple)) + f"  # {result.kinds[triple]}")
    if args.out:
        head = (f"# GENERATED FILE - written by `kg reason` (pakru-kg {__version__}) from {graph.name}.\n"
                "# What the ontology implies about the data; `kg build` publishes the same graph in data/kg.trig.\n")
        fmt = "trig" if args.out.suffix.lower() == ".trig" else "ttl"
        write_atomically({args.out: serialise({INFERRED_GRAPH: result.graph}, fmt, head)})
        print(f"Wrote {args.out}")
    return 0


def register(sub) -> None:
    r = sub.add_parser("reason", help="check OWL consistency and list what the ontology implies (graph:inferred)",
                       description="Run two rules and the HermiT reasoner on the asserted graphs of a published "
                                   "file: report an inconsistency in words (exit 1), or print what the axioms "
                                   "imply (types, inverse, symmetric and transitive values, defined classes), "
                                   "by kind, and how long reasoning took.")
    r.add_argument("graph", nargs="?", type=Path, default=None,
                   help="TriG, N-Quads, Turtle or N-Triples file (default: the workspace's kg.trig, or the shipped "
                        "graph outside a workspace; its graph:inferred "
                        "and graph:ontology are ignored)")
    r.add_argument("--ontology", type=Path, default=None, help="ontology file (default: the shipped ontology/pakru.ttl)")
    r.add_argument("--list", action="store_true", help="print every inferred triple with its kind")
    r.add_argument("--examples", type=int, default=2, help="examples shown per kind (default: %(default)s)")
    r.add_argument("--out", type=Path, default=None, help="also write the inferred graph (.trig or .ttl)")
    add_quiet_option(r)
    add_root_option(r)
    r.set_defaults(func=run)
