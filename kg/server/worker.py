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
- ``("fault", traceback_text)`` for a bug, which the server logs and answers with 500;
- ``("memory", message)`` when the job ran out of the worker's memory cap, after which
  the worker exits and the pool starts another;

and the worker adds the processor seconds the job took, as a third element.

Each worker caps its address space (``RLIMIT_AS``) at what it holds once the graph is
open plus ``memory_mb``: a query past it fails to allocate, in Python (``MemoryError``)
or in pyoxigraph (which aborts the process); either way the pool tells the client
(503) and replaces the worker.
"""
from __future__ import annotations

import functools
import os
import resource as rlimit
import signal
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib.plugins.sparql.parser  # noqa: F401  (kg.guard's parser: its grammar is built once, in the forkserver)
from rdflib import Graph

from kg.errors import KGError, QueryError
from kg.facade import KnowledgeGraph
from kg.lookup import NotFound
from kg.results import Result
from kg.store import result_of

#: The facade methods a job may call.
METHODS = frozenset({"query", "run", "describe", "entity", "article", "events", "search", "evidence", "resource",
                     "statements", "resource_page"})


@dataclass(frozen=True)
class GraphSpec:
    """Where a worker finds the graph: a persistent store (opened read-only) or a TriG
    file loaded into the embedded store, the saved-query folder, and the SERVICE
    endpoints queries may call (none by default)."""

    store: str | None = None
    source: str | None = None
    queries: str | None = None
    allow_services: tuple[str, ...] = ()

    def open(self) -> KnowledgeGraph:
        """The graph, opened the way this spec says."""
        if self.store is not None:
            from kg.store import OxigraphStore

            store = OxigraphStore(Path(self.store) / "oxigraph", read_only=True)
            kg = KnowledgeGraph(store, queries_dir=self.queries and Path(self.queries), where=f"store {self.store}")
        else:
            kg = KnowledgeGraph.open(source=self.source, queries_dir=self.queries)
        kg.allow_services = frozenset(self.allow_services)
        return kg


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


#: The kinds of resource whose page lists what they said (local names of their types).
SPEAKERS = ("Person", "Organisation", "State")


def resource(kg: KnowledgeGraph, iri: str):
    """What a resource page shows, in one job: the entity view, the evidence behind it
    (its own ``pakru:evidence`` for events, claims and relations; the mentions for
    entities) and, for a speaker, the rows of what it said (else None)."""
    ent = kg.entity(iri)
    speaks = any(t.rsplit("#", 1)[-1] in SPEAKERS for t in ent.types)
    return ent, (ent.evidence or kg.evidence(ent.iri)), (kg.statement_rows(speaker=ent.iri) if speaks else None)


@functools.cache
def templates():
    """The page templates' environment, made once per process."""
    from kg.server.render import environment

    return environment()


def resource_page(kg: KnowledgeGraph, iri: str) -> bytes:
    """The HTML page of a resource (``/id/...``), rendered here so that the HTTP process
    only writes its bytes: the entity view, its evidence and what it said go through no
    pipe as Python objects."""
    from kg.server import markup

    entity, evidence, said = resource(kg, iri)
    html = templates().get_template("resource.html").render(
        title=entity.label or markup.short(iri), entity=entity,
        outgoing=[f for f in entity.facts if f.subject == entity.iri],
        incoming=[f for f in entity.facts if f.subject != entity.iri],
        evidence=evidence, mentions=bool(entity.evidence), said=said)
    return html.encode("utf-8")


def size(value: object) -> int:
    """Rows or triples in an answer (0 for anything else)."""
    if isinstance(value, Result):
        return len(value.graph) if value.graph is not None else len(value.terms)
    if isinstance(value, Graph):
        return len(value)
    return 0


def too_large(n: int, what: str, max_results: int) -> TooLarge:
    return TooLarge(f"the answer has {n} {what}, more than this server's limit of {max_results} "
                    f"(kg serve --max-results); add LIMIT/OFFSET or narrow the query")


def native(kg: KnowledgeGraph, job: Job, max_results: int) -> object:
    """The fast path of a query or saved query asked for in a SPARQL results format:
    SELECT solutions (and ASK answers in JSON or XML) are written by pyoxigraph
    straight to bytes (no rdflib terms, no Python object per row), then their rows
    counted against the limit; any other answer (ASK in CSV or TSV, CONSTRUCT, a remote
    store's) comes back as a :class:`Result`."""
    from kg.server import formats

    if job.method == "query":
        value = kg.query(*job.args, native=True, **job.kwargs)
    else:
        value = kg.run_native(*job.args, job.kwargs)
    try:
        if isinstance(value, ox.QueryBoolean) and job.media_type in formats.NATIVE_BOOLEAN:
            return formats.write_boolean(value, job.media_type)
        if not isinstance(value, ox.QuerySolutions):
            return result_of(value) if isinstance(value, (ox.QueryBoolean, ox.QueryTriples)) else value
        body = formats.write_solutions(value, job.media_type)
    except (OSError, RuntimeError, ValueError) as exc:  # raised while pyoxigraph evaluated the rows
        raise QueryError(f"the query failed: {exc}") from None
    n = formats.rows_beyond(body, job.media_type, max_results)
    if n:
        raise too_large(n, "rows", max_results)
    return body


def answer(kg: KnowledgeGraph, job: Job, max_results: int) -> tuple[str, object]:
    """Carry out one job; never raises."""
    from kg.server import formats

    try:
        if job.method not in METHODS:
            raise KGError(f"a worker cannot call {job.method!r}")
        if job.method in ("query", "run") and job.media_type in formats.NATIVE:
            value = native(kg, job, max_results)
            if isinstance(value, bytes):
                return "ok", value
        elif job.method == "resource":
            value = resource(kg, *job.args, **job.kwargs)
        elif job.method == "resource_page":
            return "ok", resource_page(kg, *job.args, **job.kwargs)
        else:
            value = getattr(kg, job.method)(*job.args, **job.kwargs)
        n = size(value)
        if n > max_results:
            what = "triples" if isinstance(value, Graph) or getattr(value, "graph", None) is not None else "rows"
            raise too_large(n, what, max_results)
        if job.method == "describe" and not len(value):
            raise NotFound(f"the graph says nothing about {job.args[0]}")
        if job.media_type is not None:
            try:
                value = formats.serialize(value, job.media_type)
            except ValueError as exc:
                return "error", ("not-acceptable", f"cannot write this answer as {job.media_type}: {exc}")
        return "ok", value
    except MemoryError:
        return "memory", memory_message()
    except TooLarge as exc:
        return "error", ("too-large", exc.message)
    except NotFound as exc:
        return "error", ("not-found", str(exc))
    except KGError as exc:
        return "error", ("query", str(exc))
    except Exception:  # a bug: the server logs the traceback and answers 500
        return "fault", traceback.format_exc()


def memory_message(limit_mb: int | None = None) -> str:
    """What the client is told when a query passed the worker's memory cap."""
    cap = f"{limit_mb} MB, " if limit_mb else ""
    return (f"the query needed more memory than this server gives one query ({cap}kg serve --query-memory); "
            f"its worker was replaced: narrow the query down or add LIMIT")


def address_space() -> int:
    """This process's virtual memory size in bytes (``VmSize``)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def cap_memory(memory_mb: int | None) -> None:
    """Limit this process's address space to its present size plus ``memory_mb``."""
    if memory_mb:
        limit = address_space() + memory_mb * 1024 * 1024
        rlimit.setrlimit(rlimit.RLIMIT_AS, (limit, limit))


def warm(kg: KnowledgeGraph) -> None:
    """Check every saved query once (:func:`kg.guard.check` keeps the verdicts), so that
    the first request for each does not pay for parsing it."""
    from kg import guard

    for query in kg.queries.values():
        try:
            guard.check(query.text, kg.allow_services)
        except KGError:  # told to the client that runs it, not a reason to stop the worker
            pass


#: A job running longer than this (seconds) is slow: it yields the processor.
SLOW_AFTER = 0.2
#: How much lower (in nice steps) a slow job's priority is than the worker's own.
SLOW_NICE = 10


class Yielding:
    """Lowers the CPU priority of a job that runs past :data:`SLOW_AFTER`, so that on a
    machine with few cores the quick requests of other workers preempt it; the job's
    priority is restored when it ends.

    A watchdog thread looks at the running job every ``after / 2`` seconds while one
    runs, and sleeps while the worker is idle (an idle worker costs no processor time).  pyoxigraph evaluates and writes a query without holding the GIL,
    so the watchdog runs while a query does.  On Linux a nice value belongs to a thread:
    only the thread that answers jobs is lowered.  Without the privilege to raise a
    priority again (``RLIMIT_NICE``), the thread stays lowered once it has been."""

    def __init__(self, after: float = SLOW_AFTER, step: int = SLOW_NICE):
        self.after, self.step = after, step
        self.tid = threading.get_native_id()
        self.base = os.getpriority(os.PRIO_PROCESS, self.tid)
        self.started: float | None = None
        self.lowered = self.stuck = False
        self._lock = threading.Lock()
        self._running = threading.Event()
        threading.Thread(target=self._watch, name="kg-worker-yield", daemon=True).start()

    def begin(self) -> None:
        self.started = time.monotonic()
        self._running.set()

    def end(self) -> None:
        with self._lock:
            self.started = None
            self._running.clear()
            if self.lowered and not self.stuck:
                try:
                    os.setpriority(os.PRIO_PROCESS, self.tid, self.base)
                    self.lowered = False
                except PermissionError:
                    self.stuck = True

    def _watch(self) -> None:
        while True:
            self._running.wait()
            time.sleep(self.after / 2)
            with self._lock:
                started = self.started
                if started is not None and not self.lowered and time.monotonic() - started > self.after:
                    try:
                        os.setpriority(os.PRIO_PROCESS, self.tid, min(19, self.base + self.step))
                        self.lowered = True
                    except OSError:
                        pass


def main(conn, spec: GraphSpec, max_results: int, memory_mb: int | None = None, lane: str = "fast") -> None:
    """The worker's loop: open the graph, cap its memory, say ready, then answer jobs
    until told to stop (``None``) or until the server's end of the pipe closes.  A job
    that runs past :data:`SLOW_AFTER` seconds runs on at a lower CPU priority
    (:class:`Yielding`), so that slow queries yield the processor to quick ones; a
    worker of the ``"fast"`` lane (pages, saved queries) checks the saved queries
    before it says it is ready."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which stops us
    try:
        kg = spec.open()
        len(kg)
        if lane != "sparql":
            warm(kg)
        yielding = Yielding()  # before the cap, which then counts its thread's stack
        cap_memory(memory_mb)
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
        yielding.begin()
        cpu = time.thread_time()
        reply = answer(kg, job, max_results)
        reply += (time.thread_time() - cpu,)
        yielding.end()
        if reply[0] == "memory":
            reply = ("memory", memory_message(memory_mb))
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return
        if reply[0] == "memory":
            return  # the pool replaces this worker: what the failed job held may not all be freed
