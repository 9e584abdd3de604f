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
from kg.server.cache import AnswerCache, Answers
from kg.server.compress import plain_headers
from kg.server.headers import SECURITY_HEADERS
from kg.server.local import INLINE_CPU, Local, key
from kg.server.pool import WorkerPool
from kg.server.worker import Job

#: What the application's answer to such a request says in ``Vary`` (the format
#: follows Accept; CORS answers follow Origin).
VARY = (b"vary", b"Accept, Origin")
#: ``Vary`` of such an answer over the gzip layer's size (see kg.server.compress.plain_headers).
VARY_ENCODING = (b"vary", b"Accept, Origin, Accept-Encoding")
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
        if cpu < INLINE_CPU:
            return self.run_here(plan)
        try:
            body = await self.local.acall(job, cpu, k)
        except Exception:  # the application answers (and reports) it
            return None
        return self.counted(body, lane)

    def run_here(self, plan: Plan) -> bytes | None:
        """The answer of a job known to be cheap enough to run on the event loop, run
        there; None if it fails (the application then answers, and reports it)."""
        job, k, _, lane = plan
        try:
            body = self.local.run(job, k)
        except Exception:
            return None
        return self.counted(body, lane)

    def counted(self, body: object, lane: str) -> bytes | None:
        if not isinstance(body, bytes):
            return None
        self.pools[lane].count_local()
        return body

    def answer_now(self, scope: Scope) -> tuple[list, bytes] | None:
        """The headers and body of the answer to the GET request ``scope`` when its job
        is known to run on the event loop (no waiting), else None."""
        path = scope["path"]
        if path != "/sparql" and not path.startswith(SAVED):
            return None
        plan = self.plan(scope)
        if plan is None:
            return None
        cpu = self.local.cost(plan[0], plan[1])
        if cpu is None or cpu >= INLINE_CPU:
            return None
        body = self.run_here(plan)
        return None if body is None else (headers(body, plan[2]), body)


def headers(body: bytes, content_type: bytes) -> list[tuple[bytes, bytes]]:
    """The headers the application gives an answer of the short way (``Vary`` first)."""
    return [VARY, (b"content-length", str(len(body)).encode("ascii")), (b"content-type", content_type),
            *SECURITY_HEADERS]


class Immediate:
    """The answers the HTTP protocol may give as soon as a request's headers are in
    (:mod:`kg.server.wire`), exactly as the layers of :func:`kg.server.app.served`
    would give them to that request: a kept answer (:mod:`kg.server.cache`), else a
    cheap job run on the event loop (:class:`FastPath`, when there is one), with the
    ``Vary`` the gzip layer adds (:mod:`kg.server.compress`).  Requests from a
    browser page (``Origin``: CORS decides), from gzip clients, and through a proxy
    (``Forwarded``, ``X-Forwarded-*``: uvicorn's proxy headers middleware decides) are
    declined, as is anything not in the cache and not cheap."""

    def __init__(self, fast: FastPath | None, answers: Answers, minimum_size: int):
        self.fast, self.answers, self.minimum_size = fast, answers, minimum_size

    def __call__(self, scope: Scope) -> tuple[int, list, bytes] | None:
        for name, value in scope["headers"]:
            if name in DECLINED or (name == b"accept-encoding" and b"gzip" in value):
                return None
        key = AnswerCache.key(scope) if self.answers.max_bytes > 0 else None
        found = None if key is None else self.answers.get(key, count_miss=False)
        if found is not None:
            status, kept, body = found
        elif self.fast is not None and (made := self.fast.answer_now(scope)) is not None:
            kept, body = made
            if key is not None:
                self.answers.count_miss()
                self.answers.put(key, kept, body)
            if len(body) >= self.minimum_size:  # what plain_headers makes of them, without parsing them
                return 200, [VARY_ENCODING, *kept[1:]], body
            return 200, kept, body
        else:
            return None
        return status, plain_headers(status, kept, body, self.minimum_size), body


#: Request headers for which the short way leaves the request to the application.
DECLINED = frozenset({b"origin", b"forwarded", b"x-forwarded-for", b"x-forwarded-proto", b"x-forwarded-host",
                      b"x-forwarded-port", b"x-forwarded-prefix"})


__all__ = ["FastPath", "Immediate", "DECLINED"]
