"""Answers kept in memory: the graph does not change while the server runs.

A server reads one published graph (or a store opened read-only) from start to stop,
so the same GET request always gets the same answer.  :class:`AnswerCache` wraps the
whole application: it keeps the successful (200) answers of GET requests, keyed by path,
query string and the headers the answer depends on (``Accept``, and ``Origin`` for the
CORS headers), and replays them, headers included, without asking a worker: a page or
a saved query asked for again costs no query.  It is bounded in bytes (least recently
used answers go first) and skips answers larger than a tenth of the bound; errors,
time-outs and ``/status`` are never kept.  ``kg serve --cache-mb 0`` turns it off.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Paths whose answers change while the server runs, or are files served anyway.
NEVER = ("/status", "/static/")


class Answers:
    """The kept answers: at most ``max_bytes`` of bodies, least recently used dropped first."""

    def __init__(self, max_bytes: int = 64 << 20, slot=None):
        self.max_bytes = max_bytes
        self._entries: OrderedDict[tuple, tuple[int, list, bytes]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0
        self.slot = slot  # a kg.server.board.CacheSlot: the figures shared with the other HTTP processes

    def _publish(self) -> None:
        if self.slot is not None:
            self.slot.set(entries=len(self._entries), bytes=self._size, hits=self.hits, misses=self.misses)

    def get(self, key: tuple, count_miss: bool = True) -> tuple[int, list, bytes] | None:
        """The answer kept for ``key``; ``count_miss=False`` for a caller that may
        leave the request to the application, which looks again (:meth:`count_miss`
        when it does not)."""
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                self.hits += 1
            elif count_miss:
                self.misses += 1
            else:
                return None
            self._publish()
            return found

    def count_miss(self) -> None:
        with self._lock:
            self.misses += 1
            self._publish()

    def put(self, key: tuple, headers: list, body: bytes) -> None:
        if len(body) > self.max_bytes // 10:
            return
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = (200, headers, body)
            self._size += len(body)
            while self._size > self.max_bytes and self._entries:
                _, (_, _, old) = self._entries.popitem(last=False)
                self._size -= len(old)
            self._publish()

    def status(self) -> dict:
        """Entries, bytes held, hits and misses since start."""
        with self._lock:
            return {"entries": len(self._entries), "bytes": self._size, "max_bytes": self.max_bytes,
                    "hits": self.hits, "misses": self.misses}


class AnswerCache:
    """ASGI middleware replaying the answers of repeated GET requests from :class:`Answers`."""

    def __init__(self, app: ASGIApp, answers: Answers):
        self.app, self.answers = app, answers

    @staticmethod
    def key(scope: Scope) -> tuple | None:
        """What a cached answer is for, or None when the request is not cached."""
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(NEVER):
            return None
        accept = origin = b""
        for name, value in scope["headers"]:
            if name == b"accept":
                accept = value
            elif name == b"origin":
                origin = value
        return scope["path"], scope.get("query_string", b""), accept, origin

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = self.key(scope) if self.answers.max_bytes > 0 else None
        if key is None:
            await self.app(scope, receive, send)
            return
        found = self.answers.get(key)
        if found is not None:
            status, headers, body = found
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start: dict = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body" and start.get("status") == 200:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self.answers.put(key, list(start.get("headers", [])), b"".join(chunks))
            await send(message)

        await self.app(scope, receive, keep)


__all__ = ["AnswerCache", "Answers"]
