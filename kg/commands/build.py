"""``kg build``: extract the articles and publish the graph."""
from __future__ import annotations

from pathlib import Path

from kg.commands import progress_printer


def build_options(args) -> dict:
    """Keyword arguments for :func:`kg.build.build` from the options of :func:`add_build_options`."""
    from kg.errors import InputError

    if args.jobs is not None and args.jobs < 1:
        raise InputError(f"--jobs must be 1 or more, not {args.jobs}")
    return dict(
        registry_dir=args.registry,
        out=args.out,
        formats=tuple(dict.fromkeys(f.strip() for f in args.format.split(",") if f.strip())),
        check_owl=not args.no_owl,
        progress=progress_printer(args.quiet),
        ontology_path=args.ontology,
        shapes_path=args.shapes,
        reason=not args.no_reason,
        jobs=args.jobs,
        cache_dir=False if args.no_cache else args.cache,
        durable=not args.no_fsync,
        min_confidence=args.min_confidence,
    )


def _confidence(text: str) -> float:
    import argparse

    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"--min-confidence takes a number from 0 to 1, not {text!r}")
    return value


def run(args) -> int:
    from kg.build import build

    report = build(documents=args.documents, max_bytes=args.max_bytes, **build_options(args))
    print(report.text())
    return 0


def add_build_options(b) -> None:
    """The options of ``kg build``, shared with ``kg add`` and ``kg remove``."""
    from kg.build import ROOT
    from kg.corpus import MAX_BYTES
    from kg.parallel import default_jobs
    from kg.publish import FORMATS

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
    b.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help=f"extract in N processes (default: the machine's cores, here {default_jobs()})")
    b.add_argument("--min-confidence", type=_confidence, default=None, metavar="X",
                   help="publish only events whose confidence is at least X, 0 to 1 (default: the "
                        "threshold chosen for precision on the dev set, in kg/extract/decisions.json)")
    b.add_argument("--cache", type=Path, default=None, metavar="DIR",
                   help="extraction cache folder (default: .cache beside the documents folder, i.e. data/.cache)")
    b.add_argument("--no-cache", action="store_true",
                   help="extract every article again, neither reading nor writing the cache")
    b.add_argument("--no-fsync", action="store_true",
                   help="do not flush the published files to disk before replacing the old ones: much faster for "
                        "a large corpus; a power cut may then cost the files (rebuild them), a failed build never does")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress messages")


def register(sub) -> None:
    b = sub.add_parser("build", help="extract the articles and publish data/kg.trig and data/kg.ttl",
                       description="Extract every article, validate the graph (evidence offsets, SHACL, "
                                   "OWL consistency) and write the published files atomically. Articles whose "
                                   "text, metadata, registry and pipeline are unchanged reuse their cached "
                                   "extraction; the output is the same as a build without the cache.")
    add_build_options(b)
    b.set_defaults(func=run)
