"""Jobs known to be cheap, run in the HTTP process itself.

A job sent to a worker process (:mod:`kg.server.pool`) pays for two more processes
to be woken and for its answer to be copied through a pipe: on a SPARQL query that
the store answers in half a millisecond this is most of the work.  The graph does not
change while the server runs, so a job (the same query text, arguments and format)
costs about the same every time: what a worker once answered within
:data:`CHEAP_CPU` seconds of processor time, with an answer of at most
:data:`CHEAP_BYTES`, cannot run away or exhaust memory, and the HTTP process may run
it again itself.  Every other job still runs in a worker, under the time limit and
the memory cap, and so does every job the first time it is asked.

This is not an answer cache: the query is evaluated every time (:mod:`kg.server.cache`
keeps answers).  Jobs that took under :data:`INLINE_CPU` when last run run on the event
loop, the others on a small thread pool (pyoxigraph evaluates without holding the GIL,
so the loop goes on answering meanwhile).  Handing a job to a thread and back costs
about 0.1 ms of processor time (the same server with every cheap job on a thread, one
client: ASK and the ad-hoc SELECT 0.08-0.10 ms more per request, the saved
``timeline``, 1.7 ms, 0.13 ms more), as much as a small query: a job of a few
milliseconds is cheaper on the loop, where the other requests of its HTTP process
wait for it at most :data:`INLINE_CPU`.
"""
from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor

from kg.facade import KnowledgeGraph
from kg.server.pool import JobError, WorkerFault, WorkerMemory
from kg.server.worker import Job, answer, memory_message

log = logging.getLogger("kg.server")
#: Processor seconds (in a worker) under which a job may run in the HTTP process.
CHEAP_CPU = 0.02
#: Processor seconds under which it runs on the event loop itself, not on a thread
#: (the other requests of this HTTP process wait at most this long for it).
INLINE_CPU = 0.005
#: The largest answer (bytes, for answers written as bytes) a cheap job may have.
CHEAP_BYTES = 1 << 20
#: How many cheap jobs are remembered (least recently used forgotten first).
KNOWN = 20000


def key(job: Job) -> tuple | None:
    """What identifies ``job`` (hashable), or None if it cannot be told apart safely."""
    try:
        kwargs = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in job.kwargs.items()))
        found = (job.method, job.args, kwargs, job.media_type)
        hash(found)
        return found
    except TypeError:
        return None


class Local:
    """The graph opened in the HTTP process and the jobs known to be cheap on it."""

    def __init__(self, kg: KnowledgeGraph, max_results: int):
        self.kg, self.max_results = kg, max_results
        self._known: OrderedDict[tuple, float] = OrderedDict()
        self._lock = threading.Lock()
        self._threads = ThreadPoolExecutor(max_workers=2, thread_name_prefix="kg-local")
        self.runs = 0

    def cost(self, job: Job, k: tuple | None = None) -> float | None:
        """The processor seconds ``job`` took in a worker, if it is known to be cheap
        (``k``: its :func:`key`, if the caller has it)."""
        k = key(job) if k is None else k
        if k is None:
            return None
        with self._lock:
            cpu = self._known.get(k)
            if cpu is not None:
                self._known.move_to_end(k)
            return cpu

    def learn(self, job: Job, cpu: float | None, value: object) -> None:
        """Remember ``job`` as cheap if a worker answered it (``value``) within bounds."""
        if cpu is None or cpu > CHEAP_CPU or (isinstance(value, bytes) and len(value) > CHEAP_BYTES):
            return
        k = key(job)
        if k is None:
            return
        with self._lock:
            self._known[k] = cpu
            while len(self._known) > KNOWN:
                self._known.popitem(last=False)

    def _update(self, job: Job, cpu: float, k: tuple | None = None) -> None:
        k = key(job) if k is None else k
        with self._lock:
            if k not in self._known:
                return
            if cpu > CHEAP_CPU:
                del self._known[k]
            else:
                self._known[k] = cpu

    async def acall(self, job: Job, cpu: float, k: tuple | None = None) -> object:
        """Run the cheap ``job`` here: on the loop if it took under :data:`INLINE_CPU`
        (``k``: its :func:`key`, if the caller has it)."""
        self.runs += 1
        if cpu < INLINE_CPU:
            return self.run(job, k)
        return await asyncio.get_running_loop().run_in_executor(self._threads, self.run, job, k)

    def run(self, job: Job, k: tuple | None = None) -> object:
        """``job``'s value, or the exception a worker's reply would have raised.  The
        job's cost is measured again: the first run in a worker pays for warming up (a
        query seen for the first time), so later runs decide whether it runs on the
        loop; one that now passes :data:`CHEAP_CPU` is forgotten (back to the workers).
        ``k``: the job's :func:`key`, if the caller has it."""
        started = time.thread_time()
        status, value = answer(self.kg, job, self.max_results)
        self._update(job, time.thread_time() - started, k)
        if status == "ok":
            return value
        if status == "error":
            raise JobError(*value)
        if status == "memory":
            raise WorkerMemory(memory_message())
        log.error("the HTTP process failed on %s(%r):\n%s", job.method, job.args[:1], value)
        raise WorkerFault("the server failed on this request; the error is in its log")

    def close(self) -> None:
        self._threads.shutdown(wait=False, cancel_futures=True)


__all__ = ["Local", "key", "CHEAP_CPU", "INLINE_CPU", "CHEAP_BYTES"]
