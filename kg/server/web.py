"""What every route shares: rendering pages, calling the worker pool, and answering
errors.  Routes (:mod:`~kg.server.pages`, :mod:`~kg.server.saved`,
:mod:`~kg.server.sparql`) import this module; :mod:`~kg.server.app` puts them together.

Errors raised on purpose (:class:`Problem`) become 4xx/5xx answers that say what to
fix; anything else is logged with its traceback and answered with 500.
"""
from __future__ import annotations

import functools
import logging

from jinja2 import Environment
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from kg.server import formats
from kg.server.pool import JobError, QueryTimeout, ServerBusy, WorkerFault, WorkerMemory
from kg.server.worker import Job

log = logging.getLogger("kg.server")
#: HTTP status for each kind of failed job.
TEXT = formats.Format("text/plain", (), ("text", "txt"))
JOB_STATUS = {"query": 400, "not-found": 404, "too-large": 422, "not-acceptable": 406}


class Problem(Exception):
    """An answer other than success: HTTP ``status`` and a message that says what to fix."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        self.status, self.message, self.headers = status, message, headers or {}
        super().__init__(message)


async def page(request: Request, template: str, status: int = 200, headers: dict | None = None,
               **context) -> HTMLResponse:
    """Render a page template, on a thread: a large page (an entity with hundreds of
    facts) takes tens of milliseconds, which would otherwise hold up every other request
    of this process on the event loop; on a thread the loop gets its turns."""
    env: Environment = request.app.state.env
    html = await run_in_threadpool(env.get_template(template).render, request=request, **context)
    return HTMLResponse(html, status_code=status, headers={"Vary": "Accept", **(headers or {})})


async def call(request: Request, job: Job, lane: str = "fast") -> object:
    """Run ``job`` in the worker pool of ``lane`` (waiting on the event loop, which
    stays free): ``"fast"`` for pages and saved queries, ``"sparql"`` for ad-hoc
    queries, so that slow ad-hoc queries cannot hold the pages up; or, when a worker has
    answered the same job cheaply before, in this process (:mod:`kg.server.local`)."""
    pool, local = request.app.state.pools[lane], request.app.state.local
    try:
        if local is None:
            return await pool.acall(job)
        cpu = local.cost(job)
        if cpu is not None:
            pool.count_local()
            return await local.acall(job, cpu)
        value, cpu = await pool.acall(job, timed=True)
        local.learn(job, cpu, value)
        return value
    except WorkerMemory as exc:
        raise Problem(503, str(exc)) from None
    except QueryTimeout as exc:
        raise Problem(503, str(exc)) from None
    except ServerBusy as exc:
        raise Problem(503, str(exc), {"Retry-After": "1"}) from None
    except JobError as exc:
        raise Problem(JOB_STATUS.get(exc.kind, 400), str(exc)) from None
    except WorkerFault as exc:  # the pool has logged the details
        raise Problem(500, str(exc)) from None


def format_names(request: Request) -> list[str]:
    """The values of the ``format``/``output``/``results`` arguments, in order."""
    return [v for k in formats.FORMAT_ARGUMENTS for v in request.query_params.getlist(k)]


def wants_html(request: Request) -> bool:
    """Whether the client prefers a page to plain text (browsers do; ``*/*`` does not)."""
    f = formats.negotiate(request.headers.get("accept"), (TEXT, formats.HTML), format_names(request))
    return f is formats.HTML


async def error_response(request: Request, status: int, message: str, headers: dict | None = None) -> Response:
    """The error as a page for browsers, as plain text for everyone else."""
    headers = dict(headers or {})
    if wants_html(request):
        return await page(request, "error.html", status=status, headers=headers, code=status, message=message)
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


def guarded(handler):
    """Wrap a route handler: :class:`Problem` becomes its answer; any other exception
    is a fault, logged with its traceback and answered with 500."""

    @functools.wraps(handler)
    async def wrapper(request: Request) -> Response:
        try:
            return await handler(request)
        except Problem as exc:
            return await error_response(request, exc.status, exc.message, exc.headers)
        except Exception:
            log.exception("fault while answering %s %s", request.method, request.url.path)
            return await error_response(request, 500, "the server failed on this request; the error is in its log")

    return wrapper


async def http_error(request: Request, exc: HTTPException) -> Response:
    """Unknown paths (404) and methods (405) get the same kind of answer as other errors."""
    message = {404: f"nothing at {request.url.path}; start at / or search by name at /search",
               405: f"{request.method} is not allowed here"}.get(exc.status_code, str(exc.detail))
    return await error_response(request, exc.status_code, message, getattr(exc, "headers", None))
