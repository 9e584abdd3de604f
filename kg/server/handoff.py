"""Connections spread evenly over the HTTP processes: accepted once, handed on.

When each HTTP process listened on its own socket of a shared port (``SO_REUSEPORT``),
the kernel chose a process for each connection by a hash of its addresses, and ten
keep-alive clients came out 6/4, 7/3, even 10/0 (eleven tries, never 5/5): the process
with more connections queued them on its core while the other had time to spare.  So
with several HTTP processes the supervisor alone listens.  It accepts each connection
and passes its descriptor over a Unix socket pair (``SCM_RIGHTS``) to the next ready
process in turn (:class:`Dealer`); the process takes it into its event loop as if it had
accepted it itself (:class:`HandedServer`).  This costs one message per connection, not
per request.
"""
from __future__ import annotations

import asyncio
import functools
import logging
import socket

import uvicorn

log = logging.getLogger("kg.server")
#: Connections waiting to be accepted (uvicorn's default backlog).
BACKLOG = 2048
#: Descriptors taken from one message at most (one is sent per message).
MAX_FDS = 16


def channel() -> tuple[socket.socket, socket.socket]:
    """A (supervisor's end, HTTP process's end) pair for handing connections over."""
    return socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)


class Dealer:
    """The supervisor's side: hands accepted connections to ready processes in turn."""

    def __init__(self, listener: socket.socket):
        self.listener = listener
        self.ends: dict[int, socket.socket] = {}  # process number: supervisor's end, once it is ready
        self.waiting: list[socket.socket] = []  # accepted when no process could take them
        self._next = 0

    def ready(self, process: int, end: socket.socket) -> None:
        """Process ``process`` takes connections over ``end`` from now on (first those
        that waited for a process)."""
        end.setblocking(False)
        self.ends[process] = end
        waiting, self.waiting = self.waiting, []
        for conn in waiting:
            self._give(conn)

    def gone(self, process: int) -> None:
        end = self.ends.pop(process, None)
        if end is not None:
            end.close()

    def deal(self) -> int:
        """Accept every connection waiting and hand each on; returns how many were."""
        dealt = 0
        while self.ends:
            try:
                conn, _ = self.listener.accept()
            except (BlockingIOError, InterruptedError):
                break
            except OSError as exc:  # out of descriptors, a connection reset before it was accepted
                log.warning("could not accept a connection: %s", exc)
                break
            dealt += self._give(conn)
        return dealt

    def _give(self, conn: socket.socket) -> int:
        """Hand ``conn`` on (1), or keep it until a process is ready (0)."""
        if self._hand(conn):
            conn.close()  # the process has its own descriptor of it
            return 1
        if self.ends or len(self.waiting) >= BACKLOG:
            log.warning("every HTTP process is behind on new connections; one was closed")
            conn.close()
        else:
            self.waiting.append(conn)
        return 0

    def _hand(self, conn: socket.socket) -> bool:
        order = sorted(self.ends)
        for i in range(len(order)):
            process = order[(self._next + i) % len(order)]
            try:
                socket.send_fds(self.ends[process], [b"c"], [conn.fileno()])
            except (BlockingIOError, InterruptedError):  # its queue is full: the next one
                continue
            except OSError:  # it has exited; the supervisor starts another
                self.gone(process)
                return self._hand(conn)
            self._next = (self._next + i + 1) % len(order)
            return True
        return False

    def close(self) -> None:
        for conn in self.waiting:
            conn.close()
        self.waiting = []


class HandedServer(uvicorn.Server):
    """uvicorn's server in an HTTP process that listens on no socket: its connections
    come over ``end`` (the process's end of :func:`channel`).  When the supervisor's end
    closes, the process stops, as it does on SIGTERM."""

    def __init__(self, config: uvicorn.Config, end: socket.socket):
        super().__init__(config)
        self.end = end

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=[])
        loop = asyncio.get_running_loop()
        factory = functools.partial(self.config.http_protocol_class, config=self.config,
                                    server_state=self.server_state, app_state=self.lifespan.state)
        self.end.setblocking(False)
        loop.add_reader(self.end.fileno(), self._take, loop, factory)

    def _take(self, loop: asyncio.AbstractEventLoop, factory) -> None:
        while True:
            try:
                message, fds, _, _ = socket.recv_fds(self.end, 1, MAX_FDS)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                message, fds = b"", []
            if not message and not fds:  # the supervisor is gone
                loop.remove_reader(self.end.fileno())
                self.should_exit = True
                return
            for fd in fds:
                conn = socket.socket(fileno=fd)
                conn.setblocking(False)
                loop.create_task(_adopt(loop, factory, conn))

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        try:
            asyncio.get_running_loop().remove_reader(self.end.fileno())
        except (ValueError, OSError):  # already closed
            pass
        await super().shutdown(sockets)


async def _adopt(loop: asyncio.AbstractEventLoop, factory, conn: socket.socket) -> None:
    try:
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        await loop.connect_accepted_socket(factory, conn)
    except OSError as exc:  # the client left before it was taken in
        log.debug("a handed connection was lost: %s", exc)
        conn.close()


__all__ = ["Dealer", "HandedServer", "channel", "BACKLOG"]
