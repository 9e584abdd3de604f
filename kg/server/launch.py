"""Start ``kg serve`` in a child process, for tests and the load test.

    with running("--query-timeout", "2") as url:       # http://127.0.0.1:<free port>
        urllib.request.urlopen(url + "/sparql?query=ASK%7B%7D")

The server binds 127.0.0.1 on a port the system picks (``--port 0``); the URL is read
from the line the server prints when it is ready, and the server is stopped (SIGTERM,
then SIGKILL) when the block ends.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

READY = re.compile(r"kg: serving .* on (http://\S+?)/ ")


@contextmanager
def running(*args: str, log: str | Path | None = None, startup: float = 60.0,
            cwd: str | Path | None = None) -> Iterator[str]:
    """``kg serve --host 127.0.0.1 --port 0 ARGS...`` until the block ends; yields its
    base URL (no trailing slash).  Its output goes to ``log`` (a temporary file if None).
    The server runs in ``cwd`` (default: this process's folder), so it serves that
    folder's workspace (see :mod:`kg.workspace`), and imports this same ``kg`` package."""
    from kg.workspace import import_root

    log_path = Path(log) if log is not None else Path(tempfile.mkstemp(prefix="kg-serve-", suffix=".log")[1])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(import_root()), env.get("PYTHONPATH")]))
    cmd = [sys.executable, "-m", "kg.cli", "serve", "--host", "127.0.0.1", "--port", "0", *args]
    with open(log_path, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=cwd, env=env)
    try:
        url = _wait_ready(proc, log_path, startup)
        yield url
    finally:
        stop(proc)


def _wait_ready(proc: subprocess.Popen, log_path: Path, startup: float) -> str:
    deadline = time.monotonic() + startup
    while time.monotonic() < deadline:
        found = READY.search(log_path.read_text(encoding="utf-8", errors="replace"))
        if found:
            url = found.group(1)
            try:
                with urllib.request.urlopen(url + "/status", timeout=5) as answer:
                    answer.read()
                return url
            except (urllib.error.URLError, OSError):
                pass
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    stop(proc)
    tail = log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
    raise RuntimeError(f"kg serve did not start (exit code {proc.poll()}); its output:\n{tail}")


def stop(proc: subprocess.Popen, grace: float = 15.0) -> None:
    """Stop a server politely (SIGTERM lets it stop its workers), then by force."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
