"""gzip for the clients that ask for it, and next to no work for the others.

Answers over 1 kB go gzip-compressed to clients whose ``Accept-Encoding`` names gzip
(every browser: the charts' script and the rows of a thousand events weigh a quarter as
much), by Starlette's ``GZipMiddleware``.  That middleware also handles every other
request, only to add ``Vary: Accept-Encoding`` to answers over the size: about as much
processor time as the server spends on a small query.  :class:`Compression` sends only
gzip clients through it, and adds the same ``Vary`` to the others' answers itself, so
every client gets the headers it got before.

The gzip layer rewrites an answer's headers in place (Content-Encoding,
Content-Length, Vary); it works on copies, so that what the answer cache
(:mod:`kg.server.cache`, inside this layer) keeps is never rewritten.
"""
from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Answers smaller than this (bytes) are never compressed.
MINIMUM_SIZE = 1024


def accepts_gzip(scope: Scope) -> bool:
    """Whether the request's (first) ``Accept-Encoding`` header names gzip, as
    ``GZipMiddleware`` decides it."""
    for name, value in scope["headers"]:
        if name == b"accept-encoding":
            return b"gzip" in value
    return False


def passes_untouched(start: Message) -> bool:
    """Whether ``GZipMiddleware`` leaves an answer as it is, ``Vary`` included: a
    partial answer, one already encoded, or a media type it never compresses."""
    if start.get("status") == 206:
        return True
    media_type = ""
    for name, value in start.get("headers", ()):
        if name == b"content-encoding":
            return True
        if name == b"content-type" and not media_type:
            media_type = value.decode("latin-1").partition(";")[0].strip().lower()
    if media_type.startswith("application/grpc+"):
        return True
    return media_type in DEFAULT_EXCLUDED_CONTENT_TYPES or media_type.partition("/")[0] + "/*" in \
        DEFAULT_EXCLUDED_CONTENT_TYPES


class Compression:
    """ASGI middleware: gzip for clients that accept it (answers over
    :data:`MINIMUM_SIZE`); for the others only the ``Vary: Accept-Encoding`` that the
    answer would have with gzip clients."""

    def __init__(self, app: ASGIApp, minimum_size: int = MINIMUM_SIZE):
        self.app, self.minimum_size = app, minimum_size
        self.gzip = GZipMiddleware(own_headers(app), minimum_size=minimum_size)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
        elif accepts_gzip(scope):
            await self.gzip(scope, receive, send)
        else:
            await self.app(scope, receive, self.varying(send))

    def varying(self, send: Send) -> Send:
        """``send`` adding ``Accept-Encoding`` to ``Vary`` where ``GZipMiddleware`` would."""
        held: list[Message] = []  # the start of an answer, until its first body decides
        untouched = started = False

        async def send_varying(message: Message) -> None:
            nonlocal untouched, started
            kind = message["type"]
            if kind == "http.response.start":
                untouched = passes_untouched(message)
                if untouched:
                    await send(message)
                else:
                    held.append(message)
            elif untouched or not held:
                await send(message)
            elif kind == "http.response.body" and not started:
                started = True
                start = held[0]
                if message.get("more_body", False) or len(message.get("body", b"")) >= self.minimum_size:
                    headers = MutableHeaders(raw=list(start.get("headers", [])))
                    headers.add_vary_header("Accept-Encoding")
                    start = {**start, "headers": headers.raw}
                await send(start)
                await send(message)
            elif kind == "http.response.pathsend" and not started:
                started = True
                await send(held[0])
                await send(message)
            else:
                await send(message)

        return send_varying


def plain_headers(status: int, headers: list, body: bytes, minimum_size: int = MINIMUM_SIZE) -> list:
    """The headers of a whole answer (``body`` sent at once) as :class:`Compression`
    sends it to a client that does not accept gzip: ``Accept-Encoding`` added to
    ``Vary`` where ``GZipMiddleware`` would add it."""
    if len(body) < minimum_size or passes_untouched({"status": status, "headers": headers}):
        return headers
    changed = MutableHeaders(raw=list(headers))
    changed.add_vary_header("Accept-Encoding")
    return changed.raw


def own_headers(app: ASGIApp) -> ASGIApp:
    """``app`` with the header list of each answer copied on its way out (see above)."""

    async def forward_copies(scope: Scope, receive: Receive, send: Send) -> None:
        async def send_copy(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": list(message.get("headers", []))}
            await send(message)

        await app(scope, receive, send_copy)

    return forward_copies


__all__ = ["Compression", "MINIMUM_SIZE", "accepts_gzip", "plain_headers"]
