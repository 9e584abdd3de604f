"""The ``kg`` command line: thin wrappers that translate arguments and call the package.

Exit codes: 0 success, 1 validation failure (the graph or data does not conform),
2 usage or input error (bad arguments, unreadable or malformed input).
"""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from kg import __version__
from kg.errors import KGError, ValidationError


def _progress(quiet: bool):
    if quiet:
        return None

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    return say


def cmd_build(args) -> int:
    from kg.build import build

    formats = tuple(dict.fromkeys(f.strip() for f in args.format.split(",") if f.strip()))
    report = build(
        documents=args.documents,
        registry_dir=args.registry,
        out=args.out,
        formats=formats,
        check_owl=not args.no_owl,
        progress=_progress(args.quiet),
        max_bytes=args.max_bytes,
        ontology_path=args.ontology,
        shapes_path=args.shapes,
    )
    print(report.text())
    return 0


def cmd_eval(args) -> int:
    from kg.eval import evaluate, format_table

    totals, per_doc = evaluate(args.documents, args.gold, args.registry, _progress(args.quiet))
    print(format_table(totals, per_doc if args.per_document else None))
    return 0


def build_parser() -> argparse.ArgumentParser:
    from kg.build import ROOT
    from kg.corpus import MAX_BYTES
    from kg.publish import FORMATS

    parser = argparse.ArgumentParser(
        prog="kg",
        description="pakru-kg: a knowledge graph of Pakistan-Russia relations built from articles.",
        epilog="Exit codes: 0 ok, 1 validation failure, 2 usage or input error.",
    )
    parser.add_argument("--version", action="version", version=f"pakru-kg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    b = sub.add_parser("build", help="extract the articles and publish data/kg.trig and data/kg.ttl",
                       description="Extract every article, validate the graph (evidence offsets, SHACL, "
                                   "OWL consistency) and write the published files atomically.")
    b.add_argument("--documents", type=Path, default=ROOT / "data" / "documents",
                   help="folder of <id>.txt articles (default: %(default)s)")
    b.add_argument("--registry", type=Path, default=None, help="folder of registry YAML files (default: data/registry)")
    b.add_argument("--out", type=Path, default=ROOT / "data", help="output folder (default: %(default)s)")
    b.add_argument("--format", default="trig,ttl",
                   help=f"comma-separated output formats from {', '.join(FORMATS)} (default: %(default)s)")
    b.add_argument("--no-owl", action="store_true", help="skip the HermiT consistency check (faster)")
    b.add_argument("--max-bytes", type=int, default=MAX_BYTES, help="largest article accepted (default: %(default)s)")
    b.add_argument("--ontology", type=Path, default=None, help="ontology file (default: ontology/pakru.ttl)")
    b.add_argument("--shapes", type=Path, default=None, help="SHACL shapes file (default: ontology/shapes.ttl)")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    b.set_defaults(func=cmd_build)

    e = sub.add_parser("eval", help="score the extraction against gold annotations",
                       description="Print precision, recall and F1 per category against gold files.")
    e.add_argument("--documents", type=Path, default=ROOT / "data" / "documents", help="articles (default: %(default)s)")
    e.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold", help="gold folder (default: %(default)s)")
    e.add_argument("--registry", type=Path, default=None, help="registry folder (default: data/registry)")
    e.add_argument("--per-document", action="store_true", help="also print each article's scores")
    e.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
    e.set_defaults(func=cmd_eval)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            return args.func(args)
    except ValidationError as exc:
        print(f"kg: validation failed: {exc}", file=sys.stderr)
        if exc.report:
            print(exc.report, file=sys.stderr)
        return exc.exit_code
    except KGError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("kg: interrupted; published files were left as they were", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
