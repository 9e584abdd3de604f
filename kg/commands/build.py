"""``kg build``: extract the articles and publish the graph."""
from __future__ import annotations

from pathlib import Path

from kg.commands import progress_printer


def run(args) -> int:
    from kg.build import build

    formats = tuple(dict.fromkeys(f.strip() for f in args.format.split(",") if f.strip()))
    report = build(
        documents=args.documents,
        registry_dir=args.registry,
        out=args.out,
        formats=formats,
        check_owl=not args.no_owl,
        progress=progress_printer(args.quiet),
        max_bytes=args.max_bytes,
        ontology_path=args.ontology,
        shapes_path=args.shapes,
        reason=not args.no_reason,
    )
    print(report.text())
    return 0


def register(sub) -> None:
    from kg.build import ROOT
    from kg.corpus import MAX_BYTES
    from kg.publish import FORMATS

    b = sub.add_parser("build", help="extract the articles and publish data/kg.trig and data/kg.ttl",
                       description="Extract every article, validate the graph (evidence offsets, SHACL, "
                                   "OWL consistency) and write the published files atomically.")
    b.add_argument("--documents", type=Path, default=ROOT / "data" / "documents",
                   help="folder of <id>.txt articles (default: data/documents)")
    b.add_argument("--registry", type=Path, default=None, help="folder of registry YAML files (default: data/registry)")
    b.add_argument("--out", type=Path, default=ROOT / "data", help="output folder (default: data)")
    b.add_argument("--format", default="trig,ttl",
                   help=f"comma-separated output formats from {', '.join(FORMATS)} (default: %(default)s)")
    b.add_argument("--no-owl", action="store_true", help="skip the HermiT consistency check (saves a few seconds)")
    b.add_argument("--no-reason", action="store_true",
                   help="leave out graph:inferred (what kg reason materialises); the published files then differ")
    b.add_argument("--max-bytes", type=int, default=MAX_BYTES, help="largest article accepted (default: %(default)s)")
    b.add_argument("--ontology", type=Path, default=None, help="ontology file (default: ontology/pakru.ttl)")
    b.add_argument("--shapes", type=Path, default=None, help="SHACL shapes file (default: ontology/shapes.ttl)")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    b.set_defaults(func=run)
