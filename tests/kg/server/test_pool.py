"""The query workers' pool (kg.server.pool) on its own, with real worker processes."""
from __future__ import annotations

import os
import signal
import time

import pytest

from kg.server.pool import WorkerFault, WorkerPool
from kg.server.worker import GraphSpec, Job

TRIG = """@prefix ex: <https://example.org/> .
ex:g { ex:a ex:b ex:c . }
"""
ASK = "ASK { <https://example.org/a> ?p ?o }"


@pytest.fixture()
def spec(tmp_path):
    (tmp_path / "g.trig").write_text(TRIG, encoding="utf-8")
    return GraphSpec(source=str(tmp_path / "g.trig"))


def _kill_all(pool: WorkerPool) -> None:
    pids = pool.status()["pids"]
    for pid in pids:
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    for pid in pids:  # zombies until the pool reaps them: their pipes are closed by then
        while True:
            try:
                with open(f"/proc/{pid}/stat", encoding="ascii") as f:
                    if f.read().rsplit(")", 1)[1].split()[0] in ("Z", "X"):
                        break
            except (FileNotFoundError, ProcessLookupError):  # reaped before or while its entry was read
                break
            assert time.monotonic() < deadline, f"worker {pid} survived SIGKILL"
            time.sleep(0.01)


class _GonePeer:
    """A worker's end of the pipe as it is once the worker has gone: sending fails."""

    def __init__(self, conn):
        self._conn = conn

    def send(self, obj):
        raise BrokenPipeError(32, "Broken pipe")

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_a_job_sent_to_a_worker_that_is_gone_goes_to_a_replacement(spec, monkeypatch):
    with WorkerPool(spec, size=2, timeout=20) as pool:
        assert pool.call(Job("query", (ASK,))).boolean is True
        # as if both workers had gone without being noticed before the send (the send then fails)
        monkeypatch.setattr(pool, "_alive", lambda w: True)
        gone = set(pool._all)
        for w in list(pool._all.values()):
            w.conn = _GonePeer(w.conn)
        assert pool.call(Job("query", (ASK,))).boolean is True
        status = pool.status()
        assert status["faults"] >= 1 and status["restarts"] >= 1 and not gone & set(status["pids"])


def test_a_worker_killed_while_idle_is_found_dead_before_it_gets_a_job(spec):
    with WorkerPool(spec, size=1, timeout=20) as pool:
        (pid,) = pool.status()["pids"]
        _kill_all(pool)
        assert pool.call(Job("query", (ASK,))).boolean is True
        status = pool.status()
        assert pid not in status["pids"] and status["faults"] == 1 and status["restarts"] == 1


def test_exited_tells_a_living_process_from_a_zombie_and_from_one_reaped_while_it_is_read(monkeypatch):
    import subprocess

    from kg.server import pool as pool_module

    assert pool_module._exited(os.getpid()) is False
    child = subprocess.Popen(["sleep", "30"])
    try:
        assert pool_module._exited(child.pid) is False
        child.kill()
        deadline = time.monotonic() + 10
        while not pool_module._exited(child.pid):  # a zombie until waited for
            assert time.monotonic() < deadline, "a killed child never showed as exited"
            time.sleep(0.01)
    finally:
        child.wait()
    assert pool_module._exited(child.pid) is True  # reaped: no entry at all

    class _Reaped:  # the entry opened, then the process was reaped before the read
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def read(self):
            raise ProcessLookupError(3, "No such process")

    monkeypatch.setattr(pool_module, "open", lambda *a, **k: _Reaped(), raising=False)
    assert pool_module._exited(os.getpid()) is True
