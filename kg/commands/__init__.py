"""One module per ``kg`` sub-command; each has ``register(subparsers)``.

A module adds its parser with ``set_defaults(func=...)``; the function takes the parsed
arguments and returns the exit code.  Add new commands to ``COMMANDS`` in kg/cli.py.
"""
from __future__ import annotations

import sys


def progress_printer(quiet: bool):
    """A callable that prints progress lines on stderr, or None when quiet."""
    if quiet:
        return None

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    return say
