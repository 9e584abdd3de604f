"""The HTTP protocol of ``kg serve``: uvicorn's, with a short way for answers ready at once.

uvicorn hands every request to the application as an ASGI call: a scope, a
request-response cycle, an asyncio task, the middleware, and a check of every header
on the way out.  For a request whose answer is ready without waiting (a cheap query
run on the event loop, :mod:`kg.server.fast`, or an answer the cache keeps,
:mod:`kg.server.cache`) this costs several times what a small query does: measured on
one core, uvicorn alone spends about 90 µs on a fixed 9.5 kB answer, a bare uvloop
protocol about 20 µs.  So the protocol asks ``immediate`` (:class:`kg.server.fast.Immediate`)
first, as soon as a request's headers are in: given the request's scope it answers
(status, headers, body) or None, and the answer goes out in one write, with the
headers uvicorn adds to every answer (``server``, ``date``) and a line in the access
log as uvicorn writes it.  Only a plain request takes the short way: a ``GET`` over
HTTP/1.1 on a keep-alive connection with no earlier answer pending (pipelined requests
keep their order), no body, no upgrade, and a client reading its answers (else
uvicorn's flow control waits for it); anything else, and anything ``immediate``
declines, is uvicorn's as before.
"""
from __future__ import annotations

import asyncio
import logging
import urllib.parse
from collections.abc import Callable

from starlette.types import Scope

log = logging.getLogger("kg.server")

#: ``immediate(scope)``: (status, headers, body) of the answer, or None.
Immediate = Callable[[Scope], "tuple[int, list[tuple[bytes, bytes]], bytes] | None"]


class _Answered:
    """Stands for the request-response cycle of a request answered by the short way
    (uvicorn's protocol looks at its connection's last cycle)."""

    response_complete = True
    keep_alive = True

    class message_event:  # noqa: N801  (uvicorn sets it when the connection is lost)
        @staticmethod
        def set() -> None:
            pass


ANSWERED = _Answered()


def protocol(immediate: Immediate | None) -> type[asyncio.Protocol] | str:
    """The protocol for ``uvicorn.Config(http=...)``: uvicorn's httptools protocol with
    the short way through ``immediate``; uvicorn's own choice ("auto") without
    ``immediate`` or without httptools."""
    if immediate is None:
        return "auto"
    try:
        import httptools
        from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol
        from uvicorn.protocols.utils import get_client_addr, get_path_with_query_string
    except ImportError:
        return "auto"

    class ShortWayProtocol(HttpToolsProtocol):
        def on_headers_complete(self) -> None:
            if not self._answered_at_once():
                super().on_headers_complete()

        def _answered_at_once(self) -> bool:
            parser = self.parser
            if (parser.get_method() != b"GET" or parser.get_http_version() != "1.1" or not parser.should_keep_alive()
                    or parser.should_upgrade() or self.pipeline or self.limit_concurrency is not None
                    or self.flow.write_paused or (self.cycle is not None and not self.cycle.response_complete)):
                return False
            for name, _ in self.headers:
                if name in (b"content-length", b"transfer-encoding"):
                    return False
            try:
                url = httptools.parse_url(self.url)
                path = url.path.decode("ascii")
            except (httptools.HttpParserInvalidURLError, UnicodeDecodeError):
                return False
            scope = self.scope
            scope["method"] = "GET"
            scope["path"] = self.root_path + (urllib.parse.unquote(path) if "%" in path else path)
            scope["raw_path"] = self.root_path.encode("ascii") + url.path
            scope["query_string"] = url.query or b""
            try:
                found = immediate(scope)
            except Exception:  # the application answers it, and reports what is wrong
                log.debug("the short way declined a request after an error", exc_info=True)
                return False
            if found is None:
                return False
            status, headers, body = found
            out = [STATUS_LINE[status]]
            for name, value in self.server_state.default_headers:
                out += (name, b": ", value, b"\r\n")
            for name, value in headers:
                out += (name, b": ", value, b"\r\n")
            out += (b"\r\n", body)
            self.cycle = ANSWERED
            self.transport.write(b"".join(out))
            self.server_state.total_requests += 1
            if self.access_log:
                self.access_logger.info('%s - "%s %s HTTP/%s" %d', get_client_addr(scope), "GET",
                                        get_path_with_query_string(scope), "1.1", status)
            return True

    return ShortWayProtocol


__all__ = ["protocol", "Immediate", "ANSWERED"]
