"""Start ``kg serve`` (or ``oxigraph serve``) in a child process, for tests and benchmarks.

    with running("--query-timeout", "2") as url:       # http://127.0.0.1:<free port>
        urllib.request.urlopen(url + "/sparql?query=ASK%7B%7D")
    with oxigraph_serving(load=Path("data/kg.trig")) as url:   # SPARQL at url + "/query"
        ...

``kg serve`` binds 127.0.0.1 on a port the system picks (``--port 0``); the URL is read
from the line the server prints when it is ready, and the server is stopped (SIGTERM,
then SIGKILL) when the block ends.  :func:`oxigraph_serving` starts the Oxigraph server
of the test extra the same way, for comparisons and for the remote-store tests.
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


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` server binary (pip's ``oxigraph`` package, of the test extra,
    puts it next to this Python), or None."""
    import shutil

    local = Path(sys.executable).parent / "oxigraph"
    return str(local) if local.exists() else shutil.which("oxigraph")


@contextmanager
def oxigraph_serving(location: str | Path | None = None, *, load: str | Path | None = None,
                     log: str | Path | None = None, startup: float = 30.0) -> Iterator[str]:
    """``oxigraph serve --union-default-graph`` on a free 127.0.0.1 port, of the store
    folder ``location`` (None: in memory), its output to ``log`` (default: dropped);
    ``load``: a TriG file sent to it through its Graph Store endpoint once it answers.
    Yields the base URL (SPARQL at ``/query``, Graph Store Protocol at ``/store``) and
    stops the server on leaving."""
    import socket

    binary = oxigraph_binary()
    if binary is None:
        raise RuntimeError("the oxigraph server binary is missing (pip install -e '.[test]')")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    where = [] if location is None else ["--location", str(location)]
    with open(log or os.devnull, "wb") as out:
        proc = subprocess.Popen([binary, "serve", *where, "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                                stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + startup
        while True:
            try:
                with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2) as answer:
                    answer.read()
                break
            except (urllib.error.URLError, OSError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"oxigraph serve did not start (exit code {proc.poll()}); see {log}") from None
                time.sleep(0.1)
        if load is not None:
            request = urllib.request.Request(f"{base}/store", data=Path(load).read_bytes(), method="POST",
                                             headers={"Content-Type": "application/trig"})
            with urllib.request.urlopen(request, timeout=120) as answer:
                answer.read()
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
