"""Several HTTP processes on one port, watched by the process that started them.

One Python process answers HTTP on one core at most, and on a busy machine every
request queues for it; so ``kg serve`` forks ``--processes`` HTTP processes, each with
its own listening socket on the same port (``SO_REUSEPORT``: the kernel spreads the
connections over them) and its own worker pools (:mod:`kg.server.pool`).  Their
status is shared through a :class:`~kg.server.board.Board`.

The starting process (the supervisor) binds the sockets, forks the HTTP processes,
waits until each has started its workers (or says why it could not), and then only
watches: an HTTP process that dies is logged and started again on its socket.  SIGTERM
or Ctrl-C stops them all (each finishes its requests and stops its workers).
"""
from __future__ import annotations

import logging
import os
import signal
import socket
import sys
import time
import traceback
from collections.abc import Callable

from kg.errors import KGError
from kg.server.board import Board

log = logging.getLogger("kg.server")
#: How long the HTTP processes have to stop after SIGTERM before they are killed.
STOP_GRACE = 10.0

#: ``front(process, sock, board, ready)``: run one HTTP process until interrupted;
#: ``ready()`` once its workers are up.
Front = Callable[[int, socket.socket, Board, Callable[[], None]], None]


def reuse_port_sockets(host: str, port: int, n: int,
                       make: Callable[[str, int, bool], socket.socket]) -> list[socket.socket]:
    """``n`` sockets bound to ``host:port`` with ``SO_REUSEPORT`` (port 0: one the
    system picks).  The port is first bound alone, so that a port another server holds
    is refused (``make`` raises) rather than shared with it."""
    probe = make(host, port, False)
    port = probe.getsockname()[1]
    probe.close()
    return [make(host, port, True) for _ in range(n)]


def _fork(process: int, sock: socket.socket, board: Board, front: Front) -> tuple[int, int]:
    """Start HTTP process number ``process``; (its pid, the read end of its ready pipe)."""
    readable, writable = os.pipe()
    pid = os.fork()
    if pid:
        os.close(writable)
        return pid, readable
    os.close(readable)
    code = 0
    try:
        board.set_process(process, os.getpid())
        front(process, sock, board, lambda: os.write(writable, b"ready"))
    except KeyboardInterrupt:
        pass
    except KGError as exc:
        os.write(writable, b"error " + str(exc).encode("utf-8", "replace"))
        code = 2
    except BaseException:
        traceback.print_exc()
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _await_ready(pid: int, readable: int) -> None:
    """Wait until HTTP process ``pid`` says it is ready; a :class:`KGError` if it cannot start."""
    chunks = []
    while True:
        chunk = os.read(readable, 65536)
        if not chunk or chunk == b"ready":
            break
        chunks.append(chunk)
    os.close(readable)
    said = b"".join(chunks).decode("utf-8", "replace")
    if chunk == b"ready":
        return
    if said.startswith("error "):
        raise KGError(said[len("error "):])
    raise KGError(f"an HTTP process of the server (pid {pid}) exited while starting; see the messages above")


def supervise(sockets: list[socket.socket], front: Front, announce: Callable[[], None]) -> None:
    """Run one HTTP process per socket until interrupted (KeyboardInterrupt, which SIGTERM
    raises too); ``announce()`` once all are ready.  Raises :class:`KGError` if one
    cannot start."""
    board = Board(len(sockets))
    children: dict[int, int] = {}
    started: dict[int, float] = {}
    try:
        pending = []
        for process, sock in enumerate(sockets):
            pid, readable = _fork(process, sock, board, front)
            children[pid], started[process] = process, time.monotonic()
            pending.append((pid, readable))
        for pid, readable in pending:
            _await_ready(pid, readable)
        announce()
        while children:
            pid, code = os.wait()
            process = children.pop(pid, None)
            if process is None:
                continue
            log.error("HTTP process %s of the server exited (wait status %s); starting another", pid, code)
            if time.monotonic() - started[process] < 1.0:
                time.sleep(1.0)  # not in a tight loop if it cannot start
            pid, readable = _fork(process, sockets[process], board, front)
            children[pid], started[process] = process, time.monotonic()
            try:
                _await_ready(pid, readable)
            except KGError as exc:
                log.error("%s", exc)
    finally:
        _stop_all(children)


def _stop_all(children: dict[int, int]) -> None:
    try:  # a second Ctrl-C or SIGTERM does not interrupt the stopping
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread
        pass
    for pid in children:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + STOP_GRACE
    waiting = set(children)
    while waiting and time.monotonic() < deadline:
        for pid in list(waiting):
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                done = pid
            if done:
                waiting.discard(pid)
        time.sleep(0.05)
    for pid in waiting:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


__all__ = ["supervise", "reuse_port_sockets", "STOP_GRACE"]
