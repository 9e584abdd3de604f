"""``kg train``: fit the extraction's learned decisions on gold articles (see kg.extract.train)."""
from __future__ import annotations

from pathlib import Path


def run(args) -> int:
    from kg.errors import InputError
    from kg.extract.train import train

    try:
        import sklearn  # noqa: F401
    except ImportError as exc:
        raise InputError("kg train needs scikit-learn: pip install -e '.[train]'") from exc
    train(args.gold, args.registry, write=not args.cv_only)
    return 0


def register(sub) -> None:
    t = sub.add_parser("train", help="fit the learned event and participant decisions on gold articles",
                       description="Cross-validate by article on the gold given, print strict and lenient "
                                   "event figures of the rules alone and of each threshold, then fit on all "
                                   "of it and write kg/extract/decisions.json (deterministic).")
    t.add_argument("--gold", type=Path, action="append", required=True,
                   help="folder of articles with <id>.gold.yaml beside them, or of gold files for "
                        "data/documents such as tests/gold (repeatable)")
    t.add_argument("--registry", type=Path, default=None, help="registry folder (default: data/registry)")
    t.add_argument("--cv-only", action="store_true", help="print the cross-validation and write nothing")
    t.set_defaults(func=run)
