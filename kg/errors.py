"""One root exception and its specific kinds.

Every error the package raises on purpose is a :class:`KGError`.  Each carries the
place it is about (a file, and a line where there is one) so that the message says
what to fix and where.  The CLI maps the classes to exit codes: validation failures
exit 1, bad input or usage exits 2.
"""
from __future__ import annotations

from pathlib import Path


class KGError(Exception):
    """Root of every error raised on purpose by pakru-kg."""

    exit_code = 2

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        return f"{where}{self.message}"


class InputError(KGError):
    """An input file (article, sidecar, ontology, shapes) cannot be used."""


class RegistryError(InputError):
    """The curated entity registry is broken (YAML error, duplicate id or alias, unknown type)."""


class ValidationError(KGError):
    """The built graph does not conform (SHACL, evidence offsets, OWL consistency)."""

    exit_code = 1

    def __init__(self, message: str, *, report: str = "", **kw):
        self.report = report
        super().__init__(message, **kw)


class QueryError(KGError):
    """A query or its parameters are wrong."""


class EndpointError(KGError):
    """A remote store cannot be reached, did not answer in time, or refused the request."""
