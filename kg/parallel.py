"""Run a build's work in parallel (extraction here, article blocks in kg.blocks), on
local processes or a Dask cluster through one interface, with a progress display.

Work goes through a :class:`concurrent.futures.Executor` (:class:`Pool`): local forked
processes by default, or a ``dask.distributed`` cluster's executor (``kg build
--scheduler tcp://HOST:PORT``).  Each worker process loads the registry and the spaCy
pipeline once (on its first task) and then extracts batches of whole articles, parsed
together with ``nlp.pipe``.  Results are collected by article id, so the outcome never
depends on the number of workers, the batches or the order they finish in.
"""
from __future__ import annotations

import contextlib
import sys
import time
from concurrent.futures import Executor
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg.defaults import default_jobs  # noqa: F401 (re-exported)
from kg.pool import Pool, as_pool
from kg.extract.model import Extraction

BATCH_SIZE = 8  # articles parsed together by nlp.pipe, and sent to a worker at a time
_WORKER_REGISTRY: dict = {}  # (registry folder, fingerprint) -> registry, loaded once per worker process


class FuturesExecutor:
    """A build's executor (:class:`kg.build.config.Executor`) over any
    :class:`concurrent.futures.Executor` with ``workers`` workers, such as a
    ``dask.distributed`` client's (``Client.get_executor()``): the same tasks as local
    processes run (:func:`extract_many`, :func:`kg.blocks.make_many`)."""

    name = "futures"

    def __init__(self, executor: Executor, workers: int = 1):
        self.pool = Pool(1, executor, workers)

    def extract(self, items, registry, registries, on_done=None, keep=True) -> dict:
        return extract_many(items, registry, registries, self.pool, on_done=on_done, keep=keep)

    def start_extract(self, items, registry, registries) -> Iterator[list[Extraction]]:
        return start_extract(items, registry, registries, self.pool)

    def make_blocks(self, tasks, work) -> dict:
        from kg.blocks import make_many

        return make_many(tasks, work, self.pool)


@contextlib.contextmanager
def cluster_executor(address: str):
    """A :class:`FuturesExecutor` on the ``dask.distributed`` scheduler at ``address``
    (``tcp://HOST:PORT``); the client is closed on leaving."""
    from kg.errors import InputError

    try:
        from distributed import Client
    except ImportError as exc:
        raise InputError("--scheduler needs dask.distributed: pip install 'pakru-kg[dask]'") from exc
    try:
        client = Client(address, timeout=20)
    except (OSError, TimeoutError) as exc:
        raise InputError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    try:
        workers = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))
        yield FuturesExecutor(client.get_executor(), workers)
    finally:
        client.close()


@contextlib.contextmanager
def local_cluster(workers: int, log: Path) -> Iterator[str]:
    """A real ``dask scheduler`` and ``workers`` one-thread ``dask worker`` processes on
    127.0.0.1 (a free port), their output appended to ``log``; yields the scheduler's
    address (``tcp://127.0.0.1:PORT``, for :func:`cluster_executor` or ``kg build
    --scheduler``) once every worker has joined, and stops them all on leaving.  For
    tests and benchmarks: a real cluster runs ``dask scheduler`` and ``dask worker`` on
    its machines."""
    import socket
    import subprocess

    from distributed import Client

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    dask = [sys.executable, "-m", "dask"]
    with open(log, "ab") as out:
        procs = [subprocess.Popen(dask + ["scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                                  stdout=out, stderr=subprocess.STDOUT)]
        try:
            procs += [subprocess.Popen(dask + ["worker", address, "--nthreads", "1", "--nworkers", "1",
                                               "--host", "127.0.0.1", "--no-dashboard", "--memory-limit", "0"],
                                       stdout=out, stderr=subprocess.STDOUT) for _ in range(workers)]
            with Client(address, timeout=60) as client:
                client.wait_for_workers(workers, timeout=120)
            yield address
        finally:
            for proc in reversed(procs):
                proc.terminate()
            for proc in reversed(procs):
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


def _folders(registry_dirs) -> list[str] | None:
    if registry_dirs is None:
        return None
    if isinstance(registry_dirs, (str, Path)):
        return [str(registry_dirs)]
    return [str(d) for d in registry_dirs]


def _worker_registry(registry_dirs: list[str] | None, fingerprint: str):
    """The registry in this worker process, loaded once per folders and fingerprint."""
    key = (tuple(registry_dirs) if registry_dirs else None, fingerprint)
    if key not in _WORKER_REGISTRY:
        from kg.extract import pipeline
        from kg.registry import load_registry

        # A forked worker inherits the parent's linker cache, keyed by id(registry): a stale
        # linker for another registry could share the new registry's id, so start afresh.
        pipeline._LINKERS.clear()
        _WORKER_REGISTRY.clear()
        registry = load_registry(registry_dirs)
        if registry.fingerprint() != fingerprint:
            raise RuntimeError(f"the registry at {registry_dirs or 'the default folder'} differs on this worker "
                               "from the one the build read: workers must reach the same registry folder")
        _WORKER_REGISTRY[key] = registry
        pipeline.load_nlp()
    return _WORKER_REGISTRY[key]


def iter_extract(items: list[tuple], registry) -> Iterator[Extraction]:
    """Extract ``(doc_id, text)`` pairs, or ``(doc_id, text, date, min_confidence)`` (the
    article's ISO date, the events' publishing threshold), in this process, parsing them
    with ``nlp.pipe``."""
    from kg.extract.pipeline import extract, load_nlp, normalise_text

    docs = load_nlp().pipe((normalise_text(item[1]) for item in items), batch_size=BATCH_SIZE)
    for item, doc in zip(items, docs):
        date, min_confidence = (tuple(item[2:]) + (None, None))[:2]
        yield extract(item[0], item[1], registry, doc=doc, date=date, min_confidence=min_confidence)


def _extract_batch(task: tuple[list[str] | None, str, list[tuple[str, str]]]) -> list[Extraction]:
    registry_dirs, fingerprint, items = task
    return list(iter_extract(items, _worker_registry(registry_dirs, fingerprint)))


def extract_many(items: list[tuple[str, str]], registry, registry_dirs, jobs: "int | Pool",
                 on_done: Callable[[Extraction], None] | None = None, keep: bool = True) -> dict[str, Extraction]:
    """Extract ``(doc_id, text)`` pairs; return extractions by id (none with
    ``keep=False``, for a caller that stores each one from ``on_done``, so that memory
    does not grow with the number of articles).

    ``jobs`` is a :class:`Pool` or a number of local processes; with one process, or one
    article, the articles are extracted in this process.  Either way they are parsed in
    batches with ``nlp.pipe``.  ``registry_dirs`` must be the folder, or the layered
    folders, ``registry`` was loaded from (None: the shipped registry); workers load it
    from there: on a cluster, folders they all reach.
    """
    results: dict[str, Extraction] = {}
    if not items:
        return results
    pool = as_pool(jobs)

    def collect(batch) -> None:
        for ex in batch:
            if keep:
                results[ex.doc_id] = ex
            if on_done:
                on_done(ex)

    if not pool.parallel(len(items)):
        collect(iter_extract(items, registry))
        return results
    for batch in start_extract(items, registry, registry_dirs, pool):
        collect(batch)
    return results


def start_extract(items: list[tuple], registry, registry_dirs, jobs: "int | Pool") -> Iterator[list[Extraction]]:
    """Start extracting ``items`` (see :func:`extract_many`) on the pool's workers now,
    even a single article, and return an iterator of the batches as they finish: the
    caller does other work while a worker loads spaCy and extracts."""
    pool = as_pool(jobs)
    # Longest articles first, so that no worker is left with a long one at the end, in
    # batches of similar length; at least four batches per worker to share the load.
    ordered = sorted(items, key=lambda item: (-len(item[1]), item[0]))
    size = max(1, min(BATCH_SIZE, len(ordered) // (4 * pool.size)))
    folders = _folders(registry_dirs)
    tasks = [(folders, registry.fingerprint(), ordered[i:i + size]) for i in range(0, len(ordered), size)]
    return pool.start(_extract_batch, tasks)


class Progress:
    """Articles done, rate and time left on stderr: a tqdm bar on a terminal, else plain lines.

    Plain lines are printed for every article of a small batch and at most every two
    seconds for a large one.  ``enabled=False`` prints nothing (``-q``).
    """

    def __init__(self, total: int, enabled: bool, words: Iterable[int] = (), stream=None):
        self.total, self.enabled, self.stream = total, enabled and total > 0, stream or sys.stderr
        self.done, self.start, self.last = 0, time.perf_counter(), 0.0
        self.bar = None
        if self.enabled and getattr(self.stream, "isatty", lambda: False)():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="article", desc="Extracting", file=self.stream, dynamic_ncols=True)

    def update(self, ex: Extraction) -> None:
        self.done += 1
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.update(1)
            return
        now = time.perf_counter()
        if self.total > 50 and self.done < self.total and now - self.last < 2.0:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        print(f"[{self.done}/{self.total}] {ex.doc_id}: {len(ex.sentences)} sentences, {len(ex.mentions)} mentions, "
              f"{len(ex.events)} events, {len(ex.claims)} claims ({rate:.2f} articles/s, {left:.0f}s left)",
              file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
