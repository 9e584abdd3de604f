"""Where a build's parallel work runs (:class:`Pool`): an executor or local processes.

Kept apart from kg.parallel so that kg.blocks and kg.parallel can both use it.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from typing import Callable, Iterator


class Pool:
    """Where a build's parallel work runs: a :class:`concurrent.futures.Executor` given
    by the caller (a ``dask.distributed`` cluster's, ``Client.get_executor()``, see
    :func:`kg.parallel.cluster_executor`), else ``jobs`` forked local processes
    (:class:`~concurrent.futures.ProcessPoolExecutor`), else this process.  The tasks
    are the same functions either way and results are keyed by article id, so the output
    never depends on where or in which order they ran."""

    def __init__(self, jobs: int = 1, executor: Executor | None = None, workers: int | None = None):
        self.jobs, self.executor = max(1, jobs), executor
        self.size = workers or self.jobs

    def parallel(self, tasks: int) -> bool:
        return tasks > 1 and (self.executor is not None or self.jobs > 1)

    def run(self, fn: Callable, tasks: list) -> Iterator:
        """``fn(task)`` for every task, yielded as they finish (in this process when
        there is nothing to share out)."""
        if not self.parallel(len(tasks)):
            yield from map(fn, tasks)
            return
        yield from self.start(fn, tasks)

    def start(self, fn: Callable, tasks: list) -> Iterator:
        """Submit ``fn(task)`` for every task now, to the executor or to local processes
        (forked here, before any thread of theirs starts), even for one task; return an
        iterator of the results as they finish, so that this process can do other work
        meanwhile."""
        if self.executor is not None:
            return _as_completed(self.executor, [self.executor.submit(fn, task) for task in tasks])
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        ex = ProcessPoolExecutor(min(self.jobs, len(tasks)), mp_context=multiprocessing.get_context(method))
        try:
            futures = [ex.submit(fn, task) for task in tasks]
        except BaseException:
            ex.shutdown(cancel_futures=True)
            raise
        return _as_completed(ex, futures, owned=True)


def as_pool(jobs: "int | Pool") -> Pool:
    return jobs if isinstance(jobs, Pool) else Pool(jobs)


def _as_completed(executor: Executor, futures: list, owned: bool = False) -> Iterator:
    """The futures' results as they finish; the rest are cancelled when the caller stops
    early, and an ``owned`` executor is shut down at the end."""
    try:
        for future in as_completed(futures):
            yield future.result()
    finally:
        for future in futures:
            future.cancel()
        if owned:
            executor.shutdown(cancel_futures=True)
