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
        if self.executor is not None:
            yield from _as_completed(self.executor, fn, tasks)
            return
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        with ProcessPoolExecutor(min(self.jobs, len(tasks)), mp_context=multiprocessing.get_context(method)) as ex:
            yield from _as_completed(ex, fn, tasks)


def as_pool(jobs: "int | Pool") -> Pool:
    return jobs if isinstance(jobs, Pool) else Pool(jobs)


def _as_completed(executor: Executor, fn: Callable, tasks: list) -> Iterator:
    futures = [executor.submit(fn, task) for task in tasks]
    try:
        for future in as_completed(futures):
            yield future.result()
    finally:
        for future in futures:
            future.cancel()
