"""Headers on every answer: a strict Content-Security-Policy and the usual security
headers, and cross-origin access (CORS) for the read-only protocol.

Pages run only the server's own scripts and styles (``'self'``), load nothing from
elsewhere, cannot be framed, and send no Referer to other sites.  Because queries can
make no request elsewhere (:mod:`kg.guard`), what the server answers is the public
graph, so by default every origin may read it, as on public SPARQL endpoints;
``kg serve --cors ORIGIN`` narrows that to the origins named.  Preflights are answered
for any request header a browser client adds (``X-Requested-With``,
``Authorization``, ``Cache-Control``, ...) and for Chrome's private-network access.
"""
from __future__ import annotations

from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
                           "frame-ancestors 'none'")
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every answer (a header the
    route already set is kept)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def cors_middleware(origins: tuple[str, ...] | list[str] = ("*",)) -> Middleware:
    """CORS for ``origins`` (``("*",)``: every origin): GET, HEAD and POST, any request
    header, private-network access (Chrome's preflight for a local server), no
    credentials; browsers may cache a preflight for ten minutes."""
    return Middleware(CORSMiddleware, allow_origins=list(origins), allow_methods=["GET", "HEAD", "POST"],
                      allow_headers=["*"], allow_credentials=False, allow_private_network=True, max_age=600)


__all__ = ["SecurityHeaders", "cors_middleware", "CONTENT_SECURITY_POLICY", "SECURITY_HEADERS"]
