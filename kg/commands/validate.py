"""``kg validate``: check a published graph and its inputs; exit 0 clean, 1 violations, 2 bad input."""
from __future__ import annotations

from pathlib import Path

from kg.commands import progress_printer


def run(args) -> int:
    from kg.validate import validate

    report = validate(args.graph, registry_dir=args.registry, ontology_path=args.ontology,
                      shapes_path=args.shapes, documents=args.documents, check_owl=not args.no_owl,
                      progress=progress_printer(args.quiet))
    print(report.text())
    return report.exit_code


def register(sub) -> None:
    from kg.validate import DEFAULT_DOCUMENTS, DEFAULT_GRAPH

    v = sub.add_parser("validate", help="check the published graph: registry, evidence, SHACL, OWL consistency",
                       description="Check a published graph file against the registry, the article files, "
                                   "its evidence offsets, the SHACL shapes and (HermiT) OWL consistency, and "
                                   "print every problem with its node, path, message, article and line. "
                                   "Exit 0 when clean, 1 on violations, 2 on unusable input.")
    v.add_argument("graph", nargs="?", type=Path, default=DEFAULT_GRAPH,
                   help="TriG, N-Quads, Turtle or N-Triples file (default: data/kg.trig)")
    v.add_argument("--registry", type=Path, default=None, help="registry folder (default: data/registry)")
    v.add_argument("--documents", type=Path, default=DEFAULT_DOCUMENTS,
                   help="articles to compare the graph's texts with (default: data/documents)")
    v.add_argument("--ontology", type=Path, default=None, help="ontology file (default: ontology/pakru.ttl)")
    v.add_argument("--shapes", type=Path, default=None, help="SHACL shapes file (default: ontology/shapes.ttl)")
    v.add_argument("--no-owl", action="store_true", help="skip the HermiT consistency check")
    v.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    v.set_defaults(func=run)
