"""Limits and choices shared by the package and the command line.

This module imports only ``os``, so that ``kg --help`` can show them without loading
rdflib or spaCy.  The modules that use them re-export them under their old names
(``kg.corpus.MAX_BYTES``, ``kg.publish.FORMATS``, ...).
"""
from __future__ import annotations

import os

#: The largest article a build accepts, in bytes.
MAX_BYTES = 2 * 1024 * 1024
#: The files a build can write, by format name, and the ones it writes by default.
OUTPUT_FILES = {
    "trig": "kg.trig",
    "ttl": "kg.ttl",
    "nt": "kg.nt",
    "nq": "kg.nq",
    "jsonld": "kg.jsonld",
}
DEFAULT_OUTPUT_FORMATS = ("trig", "ttl")
#: The formats a query result can be written in (:meth:`kg.results.Result.format`).
RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml")
#: Triples per Graph Store Protocol request (``kg push``).
PUSH_BATCH = 50_000


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)
