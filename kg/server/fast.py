"""The short way through the server for the commonest request: a cheap query again.

A ``GET /sparql?query=...`` asking for a SPARQL results format, whose job this HTTP
process knows to be cheap enough to run on the event loop (:mod:`kg.server.local`),
is answered here without the application's routing, request objects and middleware
(which cost as much processor time as the query).  The answer is the same, headers
included: the security headers (:mod:`kg.server.headers`), ``Vary``, the content type
and length.  Anything else (another path or method, another argument, an ``Origin``
header, for which CORS decides, a query not yet known to be cheap, a query that
fails) goes to the application as before.  It sits inside the answer cache and the
gzip layer, so both work for its answers as for any other.
"""
from __future__ import annotations

from urllib.parse import parse_qs

from starlette.datastructures import URL
from starlette.types import ASGIApp, Receive, Scope, Send

from kg.remote import query_form
from kg.server import formats
from kg.server.headers import SECURITY_HEADERS
from kg.server.local import INLINE_CPU, Local
from kg.server.pool import WorkerPool
from kg.server.worker import Job

#: What the application's answer to such a request says in ``Vary`` (the format
#: follows Accept; CORS answers follow Origin).
VARY = (b"vary", b"Accept, Origin")


class FastPath:
    """ASGI middleware answering cheap repeated SPARQL GET requests itself."""

    def __init__(self, app: ASGIApp, local: Local, pool: WorkerPool):
        self.app, self.local, self.pool = app, local, pool

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and scope["path"] == "/sparql":
            answer = self.answer(scope)
            if answer is not None:
                await send({"type": "http.response.start", "status": 200, "headers": answer[0]})
                await send({"type": "http.response.body", "body": answer[1]})
                return
        await self.app(scope, receive, send)

    def answer(self, scope: Scope) -> tuple[list, bytes] | None:
        """(headers, body) of the answer, or None when the application must answer."""
        accept = None
        for name, value in scope["headers"]:
            if name == b"accept":
                accept = value.decode("latin-1")
            elif name == b"origin":
                return None
        try:
            params = parse_qs(scope.get("query_string", b"").decode("ascii"), keep_blank_values=True,
                              encoding="utf-8", errors="strict")
        except UnicodeDecodeError:
            return None
        query = params.get("query")
        if len(params) != 1 or query is None or len(query) != 1 or not query[0].strip():
            return None
        text = query[0]
        fmt = formats.negotiate(accept, formats.offered_for(query_form(text)))
        if fmt is None or fmt.is_html:
            return None
        # the very job the endpoint would send (kg.server.sparql.endpoint): same key
        base = str(URL(scope=scope).replace(query="", fragment=""))
        job = Job("query", (text,), {"base_iri": base}, media_type=fmt.media_type)
        cpu = self.local.cost(job)
        if cpu is None or cpu >= INLINE_CPU:
            return None
        try:
            body = self.local.run(job)
        except Exception:  # the application answers (and reports) it
            return None
        if not isinstance(body, bytes):
            return None
        self.pool.count_local()
        headers = [VARY, (b"content-length", str(len(body)).encode("ascii")),
                   (b"content-type", formats.content_type(fmt).encode("ascii")), *SECURITY_HEADERS]
        return headers, body


__all__ = ["FastPath"]
