"""``kg validate``: check a published graph and its inputs; exit 0 clean, 1 violations, 2 bad input."""
from __future__ import annotations

from pathlib import Path

from kg.commands.options import add_quiet_option, add_root_option, graph_source, progress_printer


def run(args) -> int:
    from kg.validate import validate
    from kg.workspace import documents_folder, registry_folders

    graph = args.graph if args.graph is not None else graph_source(args)
    report = validate(graph, registry_dir=args.registry if args.registry is not None else registry_folders(args.root),
                      ontology_path=args.ontology, shapes_path=args.shapes,
                      documents=args.documents if args.documents is not None else documents_folder(args.root),
                      check_owl=not args.no_owl,
                      progress=progress_printer(args.quiet))
    print(report.text())
    return report.exit_code


def register(sub) -> None:
    v = sub.add_parser("validate", help="check the published graph: registry, evidence, SHACL, OWL consistency",
                       description="Check a published graph file against the registry, the article files, "
                                   "its evidence offsets, the SHACL shapes and (HermiT) OWL consistency, and "
                                   "print every problem with its node, path, message, article and line. "
                                   "Exit 0 when clean, 1 on violations, 2 on unusable input.")
    v.add_argument("graph", nargs="?", type=Path, default=None,
                   help="TriG, N-Quads, Turtle or N-Triples file (default: the workspace's kg.trig, or the shipped "
                        "graph outside a workspace)")
    v.add_argument("--registry", type=Path, default=None,
                   help="registry folder (default: the shipped registry and the workspace's additions)")
    v.add_argument("--documents", type=Path, default=None,
                   help="articles to compare the graph's texts with (default: the workspace's documents folder; "
                        "none outside a workspace)")
    v.add_argument("--ontology", type=Path, default=None, help="ontology file (default: the shipped ontology/pakru.ttl)")
    v.add_argument("--shapes", type=Path, default=None, help="SHACL shapes file (default: the shipped ontology/shapes.ttl)")
    v.add_argument("--no-owl", action="store_true", help="skip the HermiT consistency check")
    add_quiet_option(v)
    add_root_option(v)
    v.set_defaults(func=run)
