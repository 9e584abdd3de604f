"""The ``kg`` command line: thin wrappers that translate arguments and call the package.

Each sub-command lives in ``kg/commands/<name>.py``; the options several share are in
``kg/commands/options.py``.  Building the parser imports no RDF or NLP library, so
``kg --help`` answers at once (``benchmarks/cli_startup.py`` measures it).  Every
command finds its workspace (:mod:`kg.workspace`) from ``--root``, ``$KG_HOME`` or the
nearest ``kg.toml``; ``build``, ``add`` and ``remove`` need one.  Exit codes: 0 success,
1 validation failure (the graph or data does not conform), 2 usage or input error
(bad arguments, unreadable or malformed input).
"""
from __future__ import annotations

import argparse
import importlib
import os
import select
import sys
import warnings

from kg import __version__
from kg.commands.options import add_root_option
from kg.errors import KGError, ValidationError

COMMANDS = ["init", "build", "add", "remove", "eval", "train", "query", "sparql", "entity", "push", "reason",
            "validate", "serve", "virtuoso"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="pakru-kg: a knowledge graph of Pakistan-Russia relations built from articles.",
        epilog="Exit codes: 0 ok, 1 validation failure, 2 usage or input error.",
    )
    parser.add_argument("--version", action="version", version=f"pakru-kg {__version__}")
    add_root_option(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(f"kg.commands.{name}").register(sub)
    return parser


def _warning_line(message, category, filename, lineno, line=None) -> str:
    return f"kg: warning: {message}\n"


def main(argv: list[str] | None = None) -> int:
    formatting, warnings.formatwarning = warnings.formatwarning, _warning_line
    try:
        return _run(argv)
    finally:  # a caller in the same process (a test, say) keeps its own warning format
        warnings.formatwarning = formatting


def _run(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            code = args.func(args)
            sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
            return code
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
    except BrokenPipeError:
        if not _reader_gone():
            raise  # another pipe (a server's, a tool's): not the reader of our output
        # the reader stopped early (`kg sparql ... | head`): no traceback, and the exit code of
        # a command ended by SIGPIPE; stdout goes to devnull so that the interpreter's final
        # flush does not fail again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + 13


def _reader_gone() -> bool:
    """Whether standard output is a pipe whose reading end is closed."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return False
    poll = select.poll()
    poll.register(fd, select.POLLOUT)
    return any(events & select.POLLERR for _, events in poll.poll(0))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
