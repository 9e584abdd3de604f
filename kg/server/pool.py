"""A pool of query worker processes with a real time limit.

pyoxigraph evaluates a query in Rust without checking for cancellation, and Python
cannot stop a thread, so a time limit enforced in-process would only stop *waiting*
while the query went on eating a core.  Here every graph call runs in a worker process
(:mod:`kg.server.worker`); the server thread that sent the job waits on the pipe for at
most ``timeout`` seconds, and when no answer came it kills the worker (SIGKILL), reaps
it, and starts a fresh one in the background.  The work is really gone: the process
that did it no longer exists.

Workers are forked from a ``forkserver`` that has already imported the package, so a
replacement is ready in about the time it takes to load the graph (tens of ms for the
embedded store, milliseconds for a persistent one).

The server calls :meth:`WorkerPool.acall` on its event loop: it waits for a free worker
and for the worker's reply without a thread (the pipe's descriptor is watched by the
loop), so an answer costs no thread switch; :meth:`WorkerPool.call` is the blocking
form, for threads.
"""
from __future__ import annotations

import asyncio
import collections
import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from dataclasses import dataclass

from kg.errors import KGError
from kg.server import worker
from kg.server.board import Slot
from kg.server.worker import GraphSpec, Job

log = logging.getLogger("kg.server")


class QueryTimeout(KGError):
    """A job ran past the time limit; its worker was killed."""


class ServerBusy(KGError):
    """No worker became free in time, or the server is stopping."""


class JobError(KGError):
    """A job failed on purpose (bad query, unknown resource, answer too large)."""

    def __init__(self, kind: str, message: str):
        self.kind = kind
        super().__init__(message)


class WorkerMemory(KGError):
    """A job passed the worker's memory cap; the worker was replaced."""


class WorkerFault(Exception):
    """A worker hit a bug or died; the details are in the server log."""


UNDELIVERED = "no query worker could take the request (each one tried had stopped); see the server log"


def _exited(pid: int | None) -> bool:
    """Whether the process ``pid`` has exited (a zombie not yet reaped, or gone), read from
    Linux's /proc; False where there is none.  A worker's pipe has been seen to stay quiet
    for a moment after the worker was killed, so the pipe alone does not tell."""
    if pid is None:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] in (b"Z", b"X")
    except FileNotFoundError:
        return os.path.isdir("/proc/self")  # no entry for it: gone (unless there is no /proc)
    except ProcessLookupError:  # reaped between opening its entry and reading it
        return True
    except (OSError, IndexError):
        return False


@dataclass
class _Worker:
    proc: multiprocessing.process.BaseProcess
    conn: object

    @property
    def pid(self) -> int | None:
        return self.proc.pid


class WorkerPool:
    """``size`` worker processes answering :class:`Job` s, each within ``timeout`` seconds."""

    def __init__(self, spec: GraphSpec, *, size: int = 2, timeout: float = 10.0, max_results: int = 10000,
                 queue_wait: float = 30.0, start_timeout: float = 120.0, memory_mb: int | None = 1024,
                 name: str = "query", slot: Slot | None = None):
        if size < 1:
            raise KGError(f"the server needs at least one worker, not {size}")
        if timeout <= 0:
            raise KGError(f"the query time limit must be positive, not {timeout}")
        self.spec, self.size, self.timeout, self.max_results = spec, size, float(timeout), max_results
        self.queue_wait, self.start_timeout = queue_wait, start_timeout
        self.memory_mb, self.name = memory_mb, name
        self._ctx = multiprocessing.get_context("forkserver")
        self._ctx.set_forkserver_preload(["kg.server.worker"])
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._waiters: collections.deque[tuple[asyncio.AbstractEventLoop, asyncio.Future]] = collections.deque()
        self._all: dict[int, _Worker] = {}
        self._lock = threading.Lock()
        self._closed = False
        # local: jobs of this lane that the HTTP process ran itself (kg.server.local)
        self.counts = {"jobs": 0, "timeouts": 0, "faults": 0, "restarts": 0, "memory": 0, "local": 0}
        self.slot = slot  # where this pool's figures are shared with the server's other HTTP processes

    # --- life cycle -------------------------------------------------------------------
    def start(self) -> "WorkerPool":
        """Start every worker and wait until each has opened the graph; a graph that
        cannot be opened raises :class:`KGError` saying why."""
        launched = [self._launch() for _ in range(self.size)]
        try:
            for w in launched:
                self._await_ready(w)
        except BaseException:
            for w in launched:
                self._stop(w, kill=True)
            raise
        for w in launched:
            self._release(w)
        return self

    def close(self) -> None:
        """Stop every worker (politely, then by force)."""
        self._closed = True
        workers = []
        while True:
            try:
                workers.append(self._idle.get_nowait())
            except queue.Empty:
                break
        for w in workers:
            try:
                w.conn.send(None)
            except OSError:
                pass
        for w in workers:
            self._stop(w, kill=False)
        with self._lock:
            busy = list(self._all.values())
        for w in busy:  # still answering a request while the server stops
            self._stop(w, kill=True)

    def __enter__(self) -> "WorkerPool":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    def status(self) -> dict:
        """Workers alive and idle, their process ids, and counts of jobs, timeouts,
        faults and restarts since start."""
        with self._lock:
            pids = sorted(self._all)
        return {"workers": len(pids), "idle": self._idle.qsize(), "pids": pids, "timeout": self.timeout,
                "max_results": self.max_results, "memory_mb": self.memory_mb, **self.counts}

    def count_local(self) -> None:
        """Count a job of this lane run in the HTTP process instead (:mod:`kg.server.local`)."""
        self._count("local")

    def _count(self, what: str) -> None:
        self.counts[what] += 1
        if self.slot is not None:
            self.slot.add(what)

    def _publish_idle(self) -> None:
        if self.slot is not None:
            self.slot.set_idle(self._idle.qsize())

    def _publish(self) -> None:
        """Share the workers' ids and the number idle (call with ``_lock`` held)."""
        if self.slot is not None:
            self.slot.set_pids(self._all)
            self.slot.set_idle(self._idle.qsize())

    # --- jobs -------------------------------------------------------------------------
    def call(self, job: Job) -> object:
        """Run ``job`` on a free worker and return its value.  Blocks; call it from a
        thread.  Raises :class:`QueryTimeout`, :class:`ServerBusy`, :class:`JobError`
        or :class:`WorkerFault`."""
        if self._closed:
            raise ServerBusy("the server is stopping")
        for _ in range(self.size + 1):  # a worker found gone at the send never got the job: try another
            w = self._take()
            if self._send(w, job):
                break
        else:
            raise WorkerFault(UNDELIVERED)
        started = time.monotonic()
        try:
            reply = w.conn.recv() if w.conn.poll(self.timeout) else None
        except (EOFError, OSError):
            self._died(w, job)
        return self._reply(w, job, reply, started)

    async def acall(self, job: Job, timed: bool = False) -> object:
        """As :meth:`call`, on the running event loop: waiting for a worker and for
        its reply takes no thread.  With ``timed``: (value, the processor seconds the
        worker spent on the job)."""
        if self._closed:
            raise ServerBusy("the server is stopping")
        loop = asyncio.get_running_loop()
        for _ in range(self.size + 1):
            w = await self._atake(loop)
            if self._send(w, job):
                break
        else:
            raise WorkerFault(UNDELIVERED)
        started = time.monotonic()
        readable = loop.create_future()
        fd = w.conn.fileno()
        loop.add_reader(fd, lambda: readable.done() or readable.set_result(None))
        try:
            await asyncio.wait((readable,), timeout=self.timeout)
        except asyncio.CancelledError:  # its reply would be left in the pipe for the next job
            self._retire(w, "was abandoned by a cancelled request")
            raise
        finally:
            loop.remove_reader(fd)
            os.set_blocking(fd, True)  # uvloop's add_reader leaves the descriptor non-blocking
        if not readable.done():  # past the time limit: kill it (joining takes a moment: not on the loop)
            return await loop.run_in_executor(None, self._reply, w, job, None, started)
        try:
            reply = w.conn.recv()  # the worker writes its reply at once: this reads what is arriving
        except (EOFError, OSError):
            await loop.run_in_executor(None, self._died, w, job)
        value = self._reply(w, job, reply, started)
        return (value, reply[2]) if timed else value

    def _send(self, w: _Worker, job: Job) -> bool:
        """Give ``job`` to ``w``; False when ``w`` turned out to be dead (it is then
        replaced, and the job, which never reached it, may go to another worker)."""
        try:
            w.conn.send(job)
        except (OSError, ValueError) as exc:  # the worker's end is gone
            self._count("faults")
            log.error("query worker %s could not take %s (%s); replacing it", w.pid, job.method, exc)
            self._retire(w, f"could not take a job ({exc})")
            return False
        except Exception:  # the job itself could not be pickled: a bug in the caller
            self._release(w)
            raise
        self._count("jobs")
        return True

    def _died(self, w: _Worker, job: Job) -> None:
        """The worker's pipe closed during ``job``: say why, replace it, and raise."""
        w.proc.join(1)
        code = w.proc.exitcode
        if code == -signal.SIGABRT and self.memory_mb:  # pyoxigraph aborts when an allocation fails
            self._count("memory")
            log.warning("query worker %s aborted during %s, past its memory cap of %s MB; replacing it",
                        w.pid, job.method, self.memory_mb)
            self._retire(w, "passed its memory cap")
            raise WorkerMemory(worker.memory_message(self.memory_mb)) from None
        self._count("faults")
        log.error("query worker %s died during %s (exit code %s)", w.pid, job.method, code)
        self._retire(w, "died")
        raise WorkerFault("a query worker stopped unexpectedly; see the server log") from None

    def _reply(self, w: _Worker, job: Job, reply: tuple | None, started: float) -> object:
        """The value of ``reply`` (None: no reply within the time limit), with the
        worker freed, or retired when it timed out or passed its memory cap."""
        if reply is None:
            self._count("timeouts")
            log.warning("%s ran past the time limit of %g s; killed worker %s", job.method, self.timeout, w.pid)
            self._retire(w, "timed out")
            raise QueryTimeout(f"the query did not finish within this server's time limit of {self.timeout:g} s "
                               f"(kg serve --query-timeout); narrow it down or add LIMIT")
        status, value = reply[:2]
        if status == "memory":
            self._count("memory")
            log.warning("%s passed the memory cap of %s MB in worker %s; replacing it", job.method, self.memory_mb,
                        w.pid)
            self._retire(w, "passed its memory cap")
            raise WorkerMemory(value)
        self._release(w)
        log.debug("%s answered %s in %.3f s", job.method, status, time.monotonic() - started)
        if status == "ok":
            return value
        if status == "error":
            raise JobError(*value)
        self._count("faults")
        log.error("query worker %s failed on %s(%r):\n%s", w.pid, job.method, job.args[:1], value)
        raise WorkerFault("the server failed on this request; the error is in its log")

    # --- workers ----------------------------------------------------------------------
    def _busy(self) -> ServerBusy:
        return ServerBusy(f"every query worker stayed busy for {self.queue_wait:g} s; try again")

    def _alive(self, w: _Worker) -> bool:
        """Whether ``w`` lives; one found dead (killed while idle) is logged and replaced.

        An idle worker has nothing to say, so a readable pipe means its end is closed:
        the process is gone, even before its exit has been reaped and reported (which
        ``is_alive`` waits for, and which takes a while on a busy machine)."""
        try:
            if not w.conn.poll(0) and w.proc.exitcode is None and not _exited(w.pid):
                return True
        except (OSError, ValueError):
            pass
        self._count("faults")
        w.proc.join(1)
        log.error("query worker %s died while idle (exit code %s); replacing it", w.pid, w.proc.exitcode)
        self._retire(w, "died")
        return False

    def _take(self) -> _Worker:
        """A free, living worker, waited for at most ``queue_wait`` seconds (blocking)."""
        deadline = time.monotonic() + self.queue_wait
        while True:
            try:
                w = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise self._busy() from None
            if self._alive(w):
                return w

    async def _atake(self, loop: asyncio.AbstractEventLoop) -> _Worker:
        """As :meth:`_take`, on the event loop: when no worker is idle, wait in line
        (first come, first served) until :meth:`_release` hands one over."""
        deadline = time.monotonic() + self.queue_wait
        while True:
            with self._lock:
                try:
                    w = self._idle.get_nowait()
                    self._publish_idle()
                except queue.Empty:
                    w = None
                    waiter = loop.create_future()
                    self._waiters.append((loop, waiter))
            if w is None:
                try:
                    await asyncio.wait((waiter,), timeout=max(0.0, deadline - time.monotonic()))
                except asyncio.CancelledError:
                    with self._lock:
                        handed = waiter.done() and not waiter.cancelled()
                        waiter.cancel()
                    if handed:
                        self._release(waiter.result())
                    raise
                with self._lock:
                    if not waiter.done():  # no worker came in time; one handed over later goes back
                        waiter.cancel()
                        raise self._busy()
                w = waiter.result()
            if self._alive(w):
                return w

    def _release(self, w: _Worker) -> None:
        """Make ``w`` free: hand it to the first coroutine waiting for one, else put it
        in the idle queue (where blocking callers find it).  Any thread may call this."""
        with self._lock:
            while self._waiters:
                loop, waiter = self._waiters.popleft()
                if not waiter.done() and not loop.is_closed():
                    loop.call_soon_threadsafe(self._hand_over, waiter, w)
                    return
            self._idle.put(w)
            self._publish_idle()

    def _hand_over(self, waiter: asyncio.Future, w: _Worker) -> None:
        """On the waiter's loop: give it ``w``, unless it stopped waiting meanwhile."""
        with self._lock:
            if not waiter.done():
                waiter.set_result(w)
                return
        self._release(w)

    def _launch(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=worker.main, args=(child, self.spec, self.max_results, self.memory_mb,
                                                           self.name),
                                 name=f"kg-{self.name}-worker", daemon=True)
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def _await_ready(self, w: _Worker) -> None:
        try:
            if not w.conn.poll(self.start_timeout):
                raise KGError(f"a query worker did not open the graph within {self.start_timeout:g} s")
            status, value = w.conn.recv()
        except (EOFError, OSError):
            w.proc.join(1)
            raise KGError(f"a query worker exited while opening the graph (exit code {w.proc.exitcode})") from None
        if status == "error":
            raise KGError(value[1])
        if status != "ready":
            raise KGError(f"a query worker could not open the graph:\n{value}")
        with self._lock:
            self._all[w.pid] = w
            self._publish()

    def _stop(self, w: _Worker, kill: bool) -> None:
        if kill and w.proc.is_alive():
            w.proc.kill()
        w.proc.join(2)
        if w.proc.is_alive():
            w.proc.kill()
            w.proc.join(2)
        w.conn.close()
        with self._lock:
            self._all.pop(w.pid, None)
            self._publish()

    def _retire(self, w: _Worker, why: str) -> None:
        """Kill ``w`` and start a replacement in the background."""
        self._stop(w, kill=True)
        if not self._closed:
            threading.Thread(target=self._replace, args=(why,), name="kg-worker-restart", daemon=True).start()

    def _replace(self, why: str) -> None:
        for attempt in range(1, 4):
            w = self._launch()
            try:
                self._await_ready(w)
            except KGError as exc:
                log.error("could not restart a query worker (attempt %d): %s", attempt, exc)
                self._stop(w, kill=True)
                time.sleep(attempt)
                continue
            self._count("restarts")
            log.info("started query worker %s in place of one that %s", w.pid, why)
            if self._closed:
                self._stop(w, kill=True)
            else:
                self._release(w)
            return
        log.error("gave up restarting a query worker; the server now has fewer workers")
