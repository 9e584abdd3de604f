"""Virtuoso (Debian's ``virtuoso-opensource`` 7) as the store for billions of triples.

:class:`VirtuosoServer` runs ``virtuoso-t`` on a database folder of its own (a config
file written there, SQL and HTTP ports on one host), and :func:`bulk_load` fills a
server from N-Quads or TriG files with Virtuoso's bulk loader (``ld_add``, then
``rdf_loader_run`` and a checkpoint, through ``isql-vt``): each quad goes to its named
graph.  Queries then go to ``http://HOST:PORT/sparql`` with
:meth:`kg.KnowledgeGraph.connect`; Virtuoso's default graph is the union of every graph,
as the saved queries expect (it also holds Virtuoso's own small system graphs, which no
saved query touches).

The loader reads files on the server's machine, from folders listed in ``DirsAllowed``
of its ``virtuoso.ini``: :class:`VirtuosoServer` allows the folders it is given.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

from kg.errors import InputError, KGError

CONFIG = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = {host}:{sql_port}
DisableUnixSocket = 1
DirsAllowed = ., {allowed}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
CaseMode = 2
[HTTPServer]
ServerPort = {host}:{http_port}
ServerRoot = {db}
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = {query_seconds}
MaxQueryCostEstimationTime = 0
"""


def _binary(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise KGError(f"{name} is not installed: apt-get install virtuoso-opensource (scripts/setup.sh does)")
    return found


class VirtuosoServer:
    """A ``virtuoso-t`` process on ``folder`` (created with its config on first start).

    ``buffers``: 8 KiB pages kept in memory (Virtuoso's guide: about two thirds of the
    memory given to it, 85,000 per GB).  Use as a context manager, or :meth:`start` and
    :meth:`stop`.
    """

    def __init__(self, folder: str | Path, sql_port: int = 1111, http_port: int = 8890, host: str = "127.0.0.1",
                 allowed: tuple[str | Path, ...] = (), buffers: int = 100_000, query_seconds: int = 60,
                 password: str = "dba"):
        self.folder = Path(folder).resolve()
        self.host, self.sql_port, self.http_port = host, sql_port, http_port
        self.allowed = tuple(Path(a).resolve() for a in allowed)
        self.buffers, self.query_seconds, self.password = buffers, query_seconds, password
        self.process: subprocess.Popen | None = None

    @property
    def sparql_url(self) -> str:
        return f"http://{self.host}:{self.http_port}/sparql"

    @property
    def isql_address(self) -> str:
        return f"{self.host}:{self.sql_port}"

    def write_config(self) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / "virtuoso.ini"
        path.write_text(CONFIG.format(db=self.folder, host=self.host, sql_port=self.sql_port,
                                      http_port=self.http_port, buffers=self.buffers, dirty=self.buffers * 3 // 4,
                                      allowed=", ".join(str(a) for a in (self.folder, *self.allowed)),
                                      query_seconds=self.query_seconds), encoding="utf-8")
        return path

    def start(self, timeout: float = 120.0) -> "VirtuosoServer":
        busy = [p for p in (self.sql_port, self.http_port) if _listening(self.host, p)]
        if busy:
            raise InputError(f"port {busy[0]} on {self.host} is in use (another Virtuoso?); choose other ports")
        config = self.write_config()
        log = open(self.folder / "server.out", "ab")
        self.process = subprocess.Popen([_binary("virtuoso-t"), "+foreground", "+configfile", str(config)],
                                        cwd=self.folder, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise KGError(f"virtuoso-t stopped at start (exit {self.process.returncode}); see "
                              f"{self.folder / 'virtuoso.log'}")
            if all(_listening(self.host, p) for p in (self.sql_port, self.http_port)):
                return self
            time.sleep(0.3)
        self.stop()
        raise KGError(f"virtuoso-t did not listen on {self.host}:{self.sql_port} within {timeout:.0f} s")

    def stop(self, timeout: float = 60.0) -> None:
        """Shut the server down (a checkpoint first), or end it when it does not stop."""
        if self.process is None or self.process.poll() is not None:
            return
        try:
            isql(self.isql_address, "shutdown;", password=self.password, timeout=timeout)
        except KGError:
            pass
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> "VirtuosoServer":
        return self.start() if self.process is None else self

    def __exit__(self, *exc) -> None:
        self.stop()


def _listening(host: str, port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex((host, port)) == 0


def isql(address: str, sql: str, user: str = "dba", password: str | None = None, timeout: float = 3600.0) -> str:
    """Run SQL statements with ``isql-vt`` against ``address`` (``host:port``); its output.
    An error reported by the server raises :class:`~kg.errors.KGError` with its text."""
    password = password if password is not None else os.environ.get("KG_PASSWORD", "dba")
    try:
        proc = subprocess.run([_binary("isql-vt"), address, user, password, f"exec={sql}"], capture_output=True,
                              text=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise KGError(f"isql-vt on {address} did not finish within {timeout:.0f} s") from exc
    out = proc.stdout + proc.stderr
    if proc.returncode != 0 or "*** Error" in out:
        raise KGError(f"Virtuoso at {address} refused the statements: {out.strip()[-1500:]}")
    return out


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def bulk_load(address: str, files: list[str | Path], user: str = "dba", password: str | None = None,
              default_graph: str = "https://w3id.org/pakru/graph/default") -> dict:
    """Load N-Quads, TriG, N-Triples or Turtle ``files`` into the Virtuoso server at
    ``address`` with its bulk loader; quads keep their graph, triples go to
    ``default_graph``.  The files must be where the server reads (``DirsAllowed``).
    Returns the files' bytes and the seconds taken; a file the loader rejected raises
    :class:`~kg.errors.KGError` with its error."""
    paths = [Path(f).resolve() for f in files]
    for path in paths:
        if not path.is_file():
            raise InputError("file not found", path=path)
    start = time.perf_counter()
    adds = "".join(f"ld_add({_sql_string(str(p))}, {_sql_string(default_graph)});" for p in paths)
    isql(address, adds + "rdf_loader_run(); checkpoint;", user, password)
    names = ", ".join(_sql_string(str(p)) for p in paths)
    report = isql(address, f"SELECT ll_file, ll_error FROM DB.DBA.load_list WHERE ll_file IN ({names}) "
                           "AND ll_error IS NOT NULL;", user, password)
    if "0 Rows." not in report:
        raise KGError(f"Virtuoso's bulk loader rejected a file: {report.strip()[-1500:]}")
    return {"bytes": sum(p.stat().st_size for p in paths), "seconds": time.perf_counter() - start}
