"""The query worker: a separate process that opens the graph once and answers jobs.

The server never queries the store in its own process.  pyoxigraph cannot interrupt a
running query from another thread, so every graph call runs in a worker process that
the pool (:mod:`kg.server.pool`) kills and replaces when it overruns the time limit.

A job names a :class:`~kg.facade.KnowledgeGraph` method and its arguments; the answer
is the method's return value, or (when a media type is given) the answer serialised in
that format, so that results are written in the worker too.  A job's reply is one of

- ``("ok", value)``;
- ``("error", (kind, message))`` for an error raised on purpose (``kind`` is
  ``"query"`` for a bad query or parameter, ``"not-found"``, ``"too-large"``);
- ``("fault", traceback_text)`` for a bug, which the server logs and answers with 500.
"""
from __future__ import annotations

import os
import signal
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.errors import KGError
from kg.facade import KnowledgeGraph
from kg.lookup import NotFound
from kg.results import Result

#: The facade methods a job may call.
METHODS = frozenset({"query", "run", "describe", "entity", "article", "events", "search", "evidence", "resource",
                     "statements"})


@dataclass(frozen=True)
class GraphSpec:
    """Where a worker finds the graph: a persistent store (opened read-only) or a TriG
    file loaded into the embedded store, and the saved-query folder."""

    store: str | None = None
    source: str | None = None
    queries: str | None = None

    def open(self) -> KnowledgeGraph:
        """The graph, opened the way this spec says."""
        if self.store is not None:
            from kg.store import OxigraphStore

            store = OxigraphStore(Path(self.store) / "oxigraph", read_only=True)
            return KnowledgeGraph(store, queries_dir=self.queries and Path(self.queries), where=f"store {self.store}")
        return KnowledgeGraph.open(source=self.source, queries_dir=self.queries)


@dataclass(frozen=True)
class Job:
    """A call of ``KnowledgeGraph.<method>(*args, **kwargs)``; with ``media_type`` the
    answer comes back serialised in that format (see :mod:`kg.server.formats`)."""

    method: str
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    media_type: str | None = None


class TooLarge(KGError):
    """An answer has more rows or triples than the server's result limit."""


def resource(kg: KnowledgeGraph, iri: str):
    """What a resource page shows: the entity view and the evidence behind it (its own
    ``pakru:evidence`` for events, claims and relations; the mentions for entities)."""
    ent = kg.entity(iri)
    return ent, (ent.evidence or kg.evidence(ent.iri))


def size(value: object) -> int:
    """Rows or triples in an answer (0 for anything else)."""
    if isinstance(value, Result):
        return len(value.graph) if value.graph is not None else len(value.rows)
    if isinstance(value, Graph):
        return len(value)
    return 0


def answer(kg: KnowledgeGraph, job: Job, max_results: int) -> tuple[str, object]:
    """Carry out one job; never raises."""
    from kg.server import formats

    try:
        if job.method not in METHODS:
            raise KGError(f"a worker cannot call {job.method!r}")
        if job.method == "resource":
            value = resource(kg, *job.args, **job.kwargs)
        else:
            value = getattr(kg, job.method)(*job.args, **job.kwargs)
        n = size(value)
        if n > max_results:
            what = "triples" if isinstance(value, Graph) or getattr(value, "graph", None) is not None else "rows"
            raise TooLarge(f"the answer has {n} {what}, more than this server's limit of {max_results} "
                           f"(kg serve --max-results); add LIMIT/OFFSET or narrow the query")
        if job.method == "describe" and not len(value):
            raise NotFound(f"the graph says nothing about {job.args[0]}")
        if job.media_type is not None:
            try:
                value = formats.serialize(value, job.media_type)
            except ValueError as exc:
                return "error", ("not-acceptable", f"cannot write this answer as {job.media_type}: {exc}")
        return "ok", value
    except TooLarge as exc:
        return "error", ("too-large", exc.message)
    except NotFound as exc:
        return "error", ("not-found", str(exc))
    except KGError as exc:
        return "error", ("query", str(exc))
    except Exception:  # a bug: the server logs the traceback and answers 500
        return "fault", traceback.format_exc()


def main(conn, spec: GraphSpec, max_results: int) -> None:
    """The worker's loop: open the graph, say ready, then answer jobs until told to stop
    (``None``) or until the server's end of the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which stops us
    try:
        kg = spec.open()
        len(kg)
    except KGError as exc:
        conn.send(("error", ("open", str(exc))))
        return
    except Exception:
        conn.send(("fault", traceback.format_exc()))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            conn.send(answer(kg, job, max_results))
        except (BrokenPipeError, OSError):
            return
