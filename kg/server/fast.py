"""The short way through the server for the commonest requests: a cheap query again.

A ``GET /sparql?query=...`` or ``GET /queries/<name>?...`` asking for a SPARQL results
or RDF format, whose job this HTTP process knows to be cheap enough to run itself
(:mod:`kg.server.local`), is answered here without the application's routing, request
objects and middleware (which cost as much processor time as a small query).  The
answer is the same, headers included: the security headers (:mod:`kg.server.headers`),
``Vary``, the content type and length.  Anything else (another path or method, a page,
an ``Origin`` header, for which CORS decides, a query not yet known to be cheap, a query
that fails) goes to the application as before.  It sits inside the answer cache and the
gzip layer, so both work for its answers as for any other.

What a request asks for (its job, the job's key and the answer's content type) depends
only on its path, its query string and its ``Accept``, ``Host`` and address; it is
worked out once (parsing, content negotiation, the saved query's arguments) and then
looked up, so that a cheap query asked again costs little more than the query itself.
This keeps requests, not answers: the query is evaluated every time.
"""
from __future__ import annotations

from urllib.parse import parse_qs, parse_qsl

from starlette.datastructures import URL
from starlette.types import ASGIApp, Receive, Scope, Send

from kg.queries import Catalogue
from kg.remote import query_form
from kg.server import formats, saved
from kg.server.headers import SECURITY_HEADERS
from kg.server.local import INLINE_CPU, Local, key
from kg.server.pool import WorkerPool
from kg.server.worker import Job

#: What the application's answer to such a request says in ``Vary`` (the format
#: follows Accept; CORS answers follow Origin).
VARY = (b"vary", b"Accept, Origin")
#: How many bytes of query strings the remembered requests may hold (all are
#: forgotten when there would be more; the query text is held twice, decoded too).
REMEMBERED_BYTES = 4 << 20
SAVED = "/queries/"

#: What a request asks for: its job, the job's key, the answer's content type and the
#: lane (``"sparql"``, ``"fast"``) whose pool counts the job.
Plan = tuple[Job, tuple, bytes, str]


class FastPath:
    """ASGI middleware answering cheap repeated SPARQL and saved-query GET requests itself."""

    def __init__(self, app: ASGIApp, local: Local, pools: dict[str, WorkerPool], catalogue: Catalogue):
        self.app, self.local, self.pools, self.catalogue = app, local, pools, catalogue
        self._requests: dict[tuple, Plan | None] = {}  # None: not for the short way
        self._held = 0  # bytes of the query strings in _requests

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            path = scope["path"]
            if path == "/sparql" or path.startswith(SAVED):
                plan = self.plan(scope)
                if plan is not None:
                    body = await self.run(plan)
                    if body is not None:
                        headers = [VARY, (b"content-length", str(len(body)).encode("ascii")),
                                   (b"content-type", plan[2]), *SECURITY_HEADERS]
                        await send({"type": "http.response.start", "status": 200, "headers": headers})
                        await send({"type": "http.response.body", "body": body})
                        return
        await self.app(scope, receive, send)

    def plan(self, scope: Scope) -> Plan | None:
        """What the request asks for, if it is for the short way."""
        accept = host = None
        for name, value in scope["headers"]:
            if name == b"accept":
                if accept is None:
                    accept = value
            elif name == b"origin":
                return None
            elif name == b"host":
                if host is None:
                    host = value
        request = (scope["path"], scope.get("query_string", b""), accept, host, scope.get("scheme"),
                   scope.get("server"), scope.get("root_path", ""))
        try:
            return self._requests[request]
        except KeyError:
            pass
        try:
            found = self.read(scope, accept and accept.decode("latin-1"))
        except Exception:  # whatever is wrong with it, the application says
            found = None
        size = len(request[0]) + len(request[1]) + 200
        if self._held + size > REMEMBERED_BYTES:
            self._requests.clear()
            self._held = 0
        if size <= REMEMBERED_BYTES // 16:
            self._requests[request] = found
            self._held += size
        return found

    def read(self, scope: Scope, accept: str | None) -> Plan | None:
        """Work out what the request asks for, as the application does (None: not for
        the short way); raises for a request the application refuses."""
        if scope.get("root_path"):
            return None
        raw = scope.get("query_string", b"").decode("ascii")
        if scope["path"] != "/sparql":
            name = scope["path"][len(SAVED):]
            if not name or "/" in name:
                return None
            asked = saved.ask(self.catalogue, name, parse_qsl(raw, keep_blank_values=True, encoding="utf-8",
                                                              errors="strict"), accept)
            if asked.fmt.is_html or asked.error:
                return None
            return self.planned(asked.job(), asked.fmt, "fast")
        params = parse_qs(raw, keep_blank_values=True, encoding="utf-8", errors="strict")
        query = params.get("query")
        if len(params) != 1 or query is None or len(query) != 1 or not query[0].strip():
            return None
        text = query[0]
        fmt = formats.negotiate(accept, formats.offered_for(query_form(text)))
        if fmt is None or fmt.is_html:
            return None
        # the very job the endpoint would send (kg.server.sparql.endpoint): same key
        base = str(URL(scope=scope).replace(query="", fragment=""))
        return self.planned(Job("query", (text,), {"base_iri": base}, media_type=fmt.media_type), fmt, "sparql")

    @staticmethod
    def planned(job: Job, fmt: formats.Format, lane: str) -> Plan | None:
        found = key(job)
        return None if found is None else (job, found, formats.content_type(fmt).encode("ascii"), lane)

    async def run(self, plan: Plan) -> bytes | None:
        """The answer, if the job is known to be cheap and answers with bytes."""
        job, k, _, lane = plan
        cpu = self.local.cost(job, k)
        if cpu is None:
            return None
        try:
            body = self.local.run(job, k) if cpu < INLINE_CPU else await self.local.acall(job, cpu, k)
        except Exception:  # the application answers (and reports) it
            return None
        if not isinstance(body, bytes):
            return None
        self.pools[lane].count_local()
        return body


__all__ = ["FastPath"]
