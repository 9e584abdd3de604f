"""The status that the server's HTTP processes share.

``kg serve`` answers HTTP in several processes that accept on the same port (see
:mod:`kg.server.processes`); each has its own worker pools.  ``/status`` may be asked of
any of them and must describe the whole server, so every pool writes its figures into
its own slot of a :class:`Board`, an anonymous shared memory mapping made before the
HTTP processes are forked: counts of jobs, time-outs, faults, restarts and memory
failures, idle workers, and the worker process ids; each process's answer cache writes
its figures too.  A slot is written by one process
only, a field at a time (8-byte integers); a reader may see a change half made, which
the next read completes.
"""
from __future__ import annotations

import mmap
import struct

#: The counts every pool keeps, in their order in a slot.
COUNTS = ("jobs", "timeouts", "faults", "restarts", "memory", "local")
#: The most workers one pool may have (its process ids must fit in the slot).
MAX_WORKERS = 64
LANES = ("sparql", "fast")
_FIELD = struct.Struct("<q")
#: counts, idle workers, number of process ids, the process ids
_FIELDS = len(COUNTS) + 2 + MAX_WORKERS
_SLOT = _FIELD.size * _FIELDS


class Slot:
    """One pool's part of the board."""

    def __init__(self, mem: mmap.mmap, offset: int):
        self._mem, self._offset = mem, offset

    def _get(self, i: int) -> int:
        return _FIELD.unpack_from(self._mem, self._offset + i * _FIELD.size)[0]

    def _set(self, i: int, value: int) -> None:
        _FIELD.pack_into(self._mem, self._offset + i * _FIELD.size, value)

    def add(self, count: str, n: int = 1) -> None:
        i = COUNTS.index(count)
        self._set(i, self._get(i) + n)

    def set_idle(self, n: int) -> None:
        self._set(len(COUNTS), n)

    def set_pids(self, pids) -> None:
        pids = sorted(pids)[:MAX_WORKERS]
        base = len(COUNTS) + 2
        for i, pid in enumerate(pids):
            self._set(base + i, pid)
        self._set(len(COUNTS) + 1, len(pids))

    def read(self) -> dict:
        n = min(self._get(len(COUNTS) + 1), MAX_WORKERS)
        base = len(COUNTS) + 2
        return {"counts": {c: self._get(i) for i, c in enumerate(COUNTS)}, "idle": self._get(len(COUNTS)),
                "pids": [self._get(base + i) for i in range(n)]}


#: The figures of one process's answer cache (:class:`kg.server.cache.Answers`).
CACHE = ("entries", "bytes", "hits", "misses")


class CacheSlot:
    """One process's answer-cache figures on the board."""

    def __init__(self, mem: mmap.mmap, offset: int):
        self._mem, self._offset = mem, offset

    def set(self, **figures: int) -> None:
        for name, value in figures.items():
            _FIELD.pack_into(self._mem, self._offset + CACHE.index(name) * _FIELD.size, value)

    def read(self) -> dict:
        return {name: _FIELD.unpack_from(self._mem, self._offset + i * _FIELD.size)[0]
                for i, name in enumerate(CACHE)}


class Board:
    """Slots for ``processes`` HTTP processes: one per lane each, their answer caches'
    figures, and each process's id."""

    def __init__(self, processes: int):
        self.processes = processes
        self._lanes_end = processes * len(LANES) * _SLOT
        self._caches_end = self._lanes_end + processes * len(CACHE) * _FIELD.size
        self._mem = mmap.mmap(-1, self._caches_end + processes * _FIELD.size)  # shared with forked children

    def cache(self, process: int) -> CacheSlot:
        return CacheSlot(self._mem, self._lanes_end + process * len(CACHE) * _FIELD.size)

    def caches(self) -> dict:
        """The answer caches' figures summed over every HTTP process."""
        parts = [self.cache(p).read() for p in range(self.processes)]
        return {name: sum(part[name] for part in parts) for name in CACHE}

    def slot(self, process: int, lane: str) -> Slot:
        return Slot(self._mem, (process * len(LANES) + LANES.index(lane)) * _SLOT)

    def set_process(self, process: int, pid: int) -> None:
        _FIELD.pack_into(self._mem, self._caches_end + process * _FIELD.size, pid)

    def process_ids(self) -> list[int]:
        base = self._caches_end
        return [_FIELD.unpack_from(self._mem, base + i * _FIELD.size)[0] for i in range(self.processes)]

    def lane(self, lane: str) -> dict:
        """The lane's figures over every HTTP process: workers, idle, pids and counts."""
        parts = [self.slot(p, lane).read() for p in range(self.processes)]
        pids = sorted(pid for part in parts for pid in part["pids"])
        counts = {c: sum(part["counts"][c] for part in parts) for c in COUNTS}
        return {"workers": len(pids), "idle": sum(part["idle"] for part in parts), "pids": pids, **counts}


__all__ = ["Board", "Slot", "CacheSlot", "COUNTS", "CACHE", "LANES", "MAX_WORKERS"]
