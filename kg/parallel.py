"""Extract articles in parallel across processes, with a progress display.

Each worker process loads the registry and the spaCy pipeline once (in the pool
initializer) and then extracts batches of whole articles, parsed together with
``nlp.pipe``.  Results are collected by article id, so the outcome never depends on the
number of workers, the batches or the order they finish in.
"""
from __future__ import annotations

import multiprocessing
import sys
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg.defaults import default_jobs  # noqa: F401 (re-exported)
from kg.extract.model import Extraction

_WORKER_REGISTRY = None
BATCH_SIZE = 8  # articles parsed together by nlp.pipe, and sent to a worker at a time


def _init_worker(registry_dirs: list[str] | None) -> None:
    global _WORKER_REGISTRY
    from kg.extract import pipeline
    from kg.registry import load_registry

    # A forked worker inherits the parent's linker cache, keyed by id(registry): a stale
    # linker for another registry could share the new registry's id, so start afresh.
    pipeline._LINKERS.clear()
    _WORKER_REGISTRY = load_registry(registry_dirs)
    pipeline.load_nlp()


def _folders(registry_dirs) -> list[str] | None:
    if registry_dirs is None:
        return None
    if isinstance(registry_dirs, (str, Path)):
        return [str(registry_dirs)]
    return [str(d) for d in registry_dirs]


def iter_extract(items: list[tuple], registry) -> Iterator[Extraction]:
    """Extract ``(doc_id, text)`` pairs, or ``(doc_id, text, date, min_confidence)`` (the
    article's ISO date, the events' publishing threshold), in this process, parsing them
    with ``nlp.pipe``."""
    from kg.extract.pipeline import extract, load_nlp, normalise_text

    docs = load_nlp().pipe((normalise_text(item[1]) for item in items), batch_size=BATCH_SIZE)
    for item, doc in zip(items, docs):
        date, min_confidence = (tuple(item[2:]) + (None, None))[:2]
        yield extract(item[0], item[1], registry, doc=doc, date=date, min_confidence=min_confidence)


def _extract_batch(items: list[tuple[str, str]]) -> list[Extraction]:
    return list(iter_extract(items, _WORKER_REGISTRY))


def extract_many(items: list[tuple[str, str]], registry, registry_dirs, jobs: int,
                 on_done: Callable[[Extraction], None] | None = None, keep: bool = True) -> dict[str, Extraction]:
    """Extract ``(doc_id, text)`` pairs; return extractions by id (none with
    ``keep=False``, for a caller that stores each one from ``on_done``, so that memory
    does not grow with the number of articles).

    ``jobs`` worker processes are used when there is more than one article to extract
    and ``jobs > 1``; otherwise the articles are extracted in this process.  Either way
    they are parsed in batches with ``nlp.pipe``.  ``registry_dirs`` must be the folder,
    or the layered folders, ``registry`` was loaded from (None: the shipped registry).
    """
    results: dict[str, Extraction] = {}
    if not items:
        return results
    jobs = max(1, min(jobs, len(items)))
    if jobs == 1:
        for ex in iter_extract(items, registry):
            if keep:
                results[ex.doc_id] = ex
            if on_done:
                on_done(ex)
        return results
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    # Longest articles first, so that no worker is left with a long one at the end, in
    # batches of similar length; at least four batches per worker to share the load.
    ordered = sorted(items, key=lambda item: (-len(item[1]), item[0]))
    size = max(1, min(BATCH_SIZE, len(ordered) // (4 * jobs)))
    batches = [ordered[i:i + size] for i in range(0, len(ordered), size)]
    with ctx.Pool(jobs, initializer=_init_worker,
                  initargs=(_folders(registry_dirs),)) as pool:
        for batch in pool.imap_unordered(_extract_batch, batches, chunksize=1):
            for ex in batch:
                if keep:
                    results[ex.doc_id] = ex
                if on_done:
                    on_done(ex)
    return results


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
