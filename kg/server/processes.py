"""Several HTTP processes on one port, watched by the process that started them.

One Python process answers HTTP on one core at most, and on a busy machine every
request queues for it; so ``kg serve`` forks ``--processes`` HTTP processes, each with
its own worker pools (:mod:`kg.server.pool`).  Their status is shared through a
:class:`~kg.server.board.Board`.

The starting process (the supervisor) listens on the port, forks the HTTP processes and
hands each connection it accepts to one of them in turn (:mod:`kg.server.handoff`), so
that they get as many connections each.  It watches them: an HTTP process that dies is
logged and started again, and gets connections once its workers are up (the others
answer meanwhile).  SIGTERM or Ctrl-C stops them all (each finishes its requests and
stops its workers).
"""
from __future__ import annotations

import logging
import os
import selectors
import signal
import socket
import sys
import time
import traceback
from collections.abc import Callable

from kg.errors import KGError
from kg.server.board import Board
from kg.server.handoff import BACKLOG, Dealer, channel

log = logging.getLogger("kg.server")
#: How long the HTTP processes have to stop after SIGTERM before they are killed.
STOP_GRACE = 10.0
#: How often (seconds) the supervisor looks for HTTP processes that exited.
WATCH = 0.5

#: ``front(process, end, board, ready)``: run one HTTP process until interrupted, taking
#: its connections from ``end`` (:class:`kg.server.handoff.HandedServer`); ``ready()``
#: once its workers are up.
Front = Callable[[int, socket.socket, Board, Callable[[], None]], None]


def _fork(process: int, board: Board, front: Front, inherited: list[socket.socket]) -> tuple[int, int, socket.socket]:
    """Start HTTP process number ``process``: (its pid, the read end of its ready pipe,
    the supervisor's end of its connection channel).  ``inherited``: sockets of the
    supervisor the new process closes (the listener, the other processes' channels)."""
    readable, writable = os.pipe()
    ours, theirs = channel()
    pid = os.fork()
    if pid:
        os.close(writable)
        theirs.close()
        return pid, readable, ours
    os.close(readable)
    ours.close()
    for sock in inherited:
        sock.close()
    code = 0
    try:
        board.set_process(process, os.getpid())
        front(process, theirs, board, lambda: os.write(writable, b"ready"))
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


def _read_ready(pid: int, readable: int) -> None:
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


def supervise(listener: socket.socket, processes: int, front: Front, announce: Callable[[], None]) -> None:
    """Run ``processes`` HTTP processes, handing them the connections of ``listener``
    (bound, not yet listening), until interrupted (KeyboardInterrupt, which SIGTERM
    raises too); ``announce()`` once all are ready.  Raises :class:`KGError` if one
    cannot start."""
    board = Board(processes)
    listener.listen(BACKLOG)
    listener.setblocking(False)
    dealer = Dealer(listener)
    children: dict[int, int] = {}  # pid: process number
    ends: dict[int, socket.socket] = {}  # process number: supervisor's end of its channel
    started: dict[int, float] = {}
    selector = selectors.DefaultSelector()

    def start(process: int) -> tuple[int, int]:
        pid, readable, ends[process] = _fork(process, board, front, [listener, *ends.values()])
        children[pid], started[process] = process, time.monotonic()
        return pid, readable

    try:
        pending = [start(process) for process in range(processes)]
        for process, (pid, readable) in enumerate(pending):
            _read_ready(pid, readable)
            dealer.ready(process, ends[process])
        listening = False
        announce()
        while children:
            if dealer.ends and not listening:
                selector.register(listener, selectors.EVENT_READ, "listener")
                listening = True
            elif not dealer.ends and listening:  # no process is ready: connections wait in the backlog
                selector.unregister(listener)
                listening = False
            for key, _ in selector.select(WATCH):
                if key.data == "listener":
                    dealer.deal()
                else:  # a restarted process says it is ready, or why not
                    process, pid = key.data
                    selector.unregister(key.fd)
                    try:
                        _read_ready(pid, key.fd)
                        dealer.ready(process, ends[process])
                    except KGError as exc:
                        log.error("%s", exc)
            for pid, code in _exited():
                process = children.pop(pid, None)
                if process is None:
                    continue
                log.error("HTTP process %s of the server exited (wait status %s); starting another", pid, code)
                dealer.gone(process)
                ends.pop(process, None)
                if time.monotonic() - started[process] < 1.0:
                    time.sleep(1.0)  # not in a tight loop if it cannot start
                pid, readable = start(process)
                selector.register(readable, selectors.EVENT_READ, (process, pid))
    finally:
        selector.close()
        listener.close()  # new connections are refused while the others finish
        dealer.close()
        for end in ends.values():
            end.close()
        _stop_all(children)


def _exited() -> list[tuple[int, int]]:
    """(pid, wait status) of every child process that has exited, without waiting."""
    found = []
    while True:
        try:
            pid, code = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return found
        if not pid:
            return found
        found.append((pid, code))


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


__all__ = ["supervise", "STOP_GRACE"]
