"""The one configuration of a build, and the executor that runs its per-article work.

:class:`BuildConfig` is made from a workspace (:meth:`BuildConfig.for_workspace`, what
``kg build`` does with kg.toml and its options) or from folders
(:meth:`BuildConfig.for_folders`, what tests and scripts do).  An :class:`Executor`
runs the two steps done once per article, extraction and block making; the local one
uses processes on this machine, and another (a Dask cluster, say) can take its place.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Protocol

from kg.defaults import DEFAULT_OUTPUT_FORMATS, MAX_BYTES, OUTPUT_FILES, default_jobs
from kg.errors import InputError


@dataclass(frozen=True)
class BuildConfig:
    """Everything a build reads, writes and decides, in one value.

    ``registries`` are read in layers (the shipped registry first); ``cache`` is the
    extraction and block cache folder (None: no cache); ``jobs`` processes do the
    per-article work (0: every core); ``durable=False`` skips flushing the published
    files to disk (see :func:`kg.publish.write_atomically`); ``show_progress`` draws the
    extraction progress on stderr when the build is given a progress callable."""

    documents: Path
    out: Path
    registries: tuple[Path, ...]
    cache: Path | None
    formats: tuple[str, ...] = DEFAULT_OUTPUT_FORMATS
    check_owl: bool = True
    reason: bool = True
    ontology: Path | None = None
    shapes: Path | None = None
    max_bytes: int = MAX_BYTES
    jobs: int = 0
    durable: bool = True
    show_progress: bool = True
    min_confidence: float | None = None  # publish events at or above it (None: the dev-set default)

    def __post_init__(self) -> None:
        from kg.workspace import ontology_file, shapes_file

        unknown = [f for f in self.formats if f not in OUTPUT_FILES]
        if unknown:
            raise InputError(f"unknown output format(s) {', '.join(unknown)}; choose from {', '.join(OUTPUT_FILES)}")
        if self.jobs < 0:
            raise InputError(f"--jobs must be 1 or more, not {self.jobs}")
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise InputError(f"min_confidence must be from 0 to 1, not {self.min_confidence}")
        fixed = {"documents": Path(self.documents), "out": Path(self.out),
                 "registries": tuple(Path(r) for r in self.registries),
                 "cache": Path(self.cache) if self.cache is not None else None,
                 "ontology": Path(self.ontology) if self.ontology is not None else ontology_file(),
                 "shapes": Path(self.shapes) if self.shapes is not None else shapes_file()}
        for name, value in fixed.items():
            object.__setattr__(self, name, value)

    @property
    def workers(self) -> int:
        """How many processes do the per-article work."""
        return self.jobs or default_jobs()

    def replace(self, **changes) -> "BuildConfig":
        return dataclasses.replace(self, **changes)

    @classmethod
    def for_workspace(cls, ws, **changes) -> "BuildConfig":
        """The build of a :class:`kg.workspace.Workspace`: its documents, registry layers,
        cache and published folder, with ``changes`` (None values are ignored).  Other
        documents than the workspace's get a cache beside them unless ``cache`` is given;
        ``cache=False`` means no cache."""
        changes = {k: v for k, v in changes.items() if v is not None}
        base = dict(documents=ws.documents, out=ws.published, registries=ws.registries(), cache=ws.cache,
                    min_confidence=ws.min_confidence)
        if "documents" in changes and "cache" not in changes:
            base["cache"] = Path(changes["documents"]).resolve().parent / ".cache"
        base.update(changes)
        if base["cache"] is False:
            base["cache"] = None
        return cls(**base)

    @classmethod
    def for_folders(cls, documents: Path, out: Path, registries=None, cache: Path | None | bool = True,
                    **changes) -> "BuildConfig":
        """A build of any folders: ``registries`` default to the shipped registry; the
        cache to ``.cache`` beside the documents folder (``cache=False``: none)."""
        from kg.workspace import shipped

        if registries is None:
            registries = (shipped("registry"),)
        elif isinstance(registries, (str, Path)):
            registries = (Path(registries),)
        if cache is True:
            cache = Path(documents).resolve().parent / ".cache"
        return cls(documents=documents, out=out, registries=tuple(registries), cache=cache or None, **changes)


class Executor(Protocol):
    """Runs the per-article steps of a build.  Both return their results by article id."""

    def extract(self, items: list[tuple[str, str]], registry, registries: tuple[Path, ...],
                on_done: Callable | None = None, keep: bool = True) -> dict: ...

    def make_blocks(self, tasks: list[tuple[str, str, str, dict]], work: dict) -> dict: ...

    # Optional: ``start_extract(items, registry, registries)`` starts the extractions
    # elsewhere and returns an iterator of batches (lists of extractions) as they finish,
    # or None when they would run in this process (see kg.build.extract.begin).


@dataclass
class LocalExecutor:
    """``jobs`` processes of this machine (:mod:`kg.parallel`, :func:`kg.blocks.make_many`)."""

    jobs: int = 1
    name: str = field(default="local", init=False)

    def extract(self, items, registry, registries, on_done=None, keep=True) -> dict:
        from kg.parallel import extract_many

        return extract_many(items, registry, registries, self.jobs, on_done=on_done, keep=keep)

    def start_extract(self, items, registry, registries):
        """With more than one process, the extractions start in worker processes now (a
        single changed article too: this process reads the rest meanwhile); else None."""
        from kg.parallel import start_extract

        return start_extract(items, registry, registries, self.jobs) if self.jobs > 1 and items else None

    def make_blocks(self, tasks, work) -> dict:
        from kg.blocks import make_many

        return make_many(tasks, work, self.jobs)
