"""The web application: the routes, the middleware and the worker pools.

Every route is a thin handler (see :mod:`~kg.server.web`): it reads the request, asks
a pool to run one :class:`~kg.server.worker.Job` (a :class:`~kg.facade.KnowledgeGraph`
call) and writes the answer in the negotiated format.
"""
from __future__ import annotations

import os

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp

from kg.queries import Catalogue
from kg.server import pages, saved, sparql, views
from kg.server.board import Board
from kg.server.cache import AnswerCache, Answers
from kg.server.compress import Compression
from kg.server.fast import FastPath, Immediate
from kg.server.headers import SecurityHeaders, cors_middleware
from kg.server.local import Local
from kg.server.pool import WorkerPool
from kg.server.render import environment
from kg.server.web import guarded, http_error


async def status(request: Request) -> Response:
    """``/status``: the worker pools' state, as JSON (for monitoring and tests): the
    ad-hoc SPARQL lane's figures at the top level, the pages' lane under ``fast``, the
    answer cache's, and the process ids of the HTTP process that answered
    (``server_pid``) and of all of them (``server_pids``).  When the server has several
    HTTP processes, the figures are those of all of them (see :mod:`kg.server.board`)."""
    pools, board = request.app.state.pools, request.app.state.board
    sparql, fast, cache = pools["sparql"].status(), pools["fast"].status(), request.app.state.answers.status()
    pids = [os.getpid()]
    if board is not None:
        sparql.update(board.lane("sparql"))
        fast.update(board.lane("fast"))
        cache.update(board.caches())
        pids = board.process_ids()
    return JSONResponse({**sparql, "fast": fast, "server_pid": os.getpid(), "server_pids": pids, "cache": cache})


def create_app(pools: dict[str, WorkerPool], catalogue: Catalogue, cors: tuple[str, ...] = ("*",),
               cache_mb: int = 64, board: Board | None = None, process: int = 0,
               local: Local | None = None) -> Starlette:
    """The application over started worker pools (``"fast"`` for pages and saved
    queries, ``"sparql"`` for ad-hoc queries; one pool may serve both) and the
    saved-query catalogue; ``cors`` lists the origins that may read answers, and
    ``cache_mb`` bounds the answers kept for repeated requests (0: none).  In a server
    of several HTTP processes, ``board`` is their shared status and ``process`` this
    one's number; ``local`` runs jobs known to be cheap in this process (None: every
    job goes to a worker)."""
    routes = [
        Route("/", guarded(pages.home)),
        Route("/sparql", guarded(sparql.endpoint), methods=["GET", "HEAD", "POST"]),
        Route("/queries", guarded(saved.index)),
        Route("/queries/{name}", guarded(saved.run)),
        Route("/id/{path:path}", guarded(pages.resource)),
        Route("/doc/{path:path}", guarded(pages.article)),
        Route("/timeline", guarded(pages.timeline)),
        Route("/network", guarded(views.network)),
        Route("/map", guarded(views.places)),
        Route("/search", guarded(pages.search)),
        Route("/ontology", guarded(pages.ontology)),
        Route("/status", status),
        Mount("/static", StaticFiles(packages=[("kg.server", "static")]), name="static"),
    ]
    middleware = [Middleware(SecurityHeaders), cors_middleware(cors)]
    app = Starlette(routes=routes, middleware=middleware, exception_handlers={HTTPException: http_error})
    app.state.pools, app.state.catalogue, app.state.env = pools, catalogue, environment()
    app.state.answers = Answers(cache_mb << 20, board.cache(process) if board is not None else None)
    app.state.board, app.state.local, app.state.cors = board, local, tuple(cors)
    return app


def served(app: Starlette) -> ASGIApp:
    """What the HTTP server runs: ``app`` behind its answer cache, so that a repeated
    request is answered (with the headers it had) before any middleware runs; around
    both, answers over 1 kB go gzip-compressed to clients that accept it
    (:mod:`kg.server.compress`), so the cache keeps them uncompressed for every client.
    Inside the cache, cheap repeated SPARQL queries take a short way past the
    application (:mod:`kg.server.fast`).  What these layers can answer at once is
    also answered by the HTTP protocol itself, before any of them runs
    (``app.state.immediate``, for :func:`kg.server.wire.protocol`)."""
    inner: ASGIApp = app
    fast = None
    if app.state.local is not None and app.state.cors == ("*",):  # no CORS decision to make per origin
        inner = fast = FastPath(app, app.state.local, app.state.pools, app.state.catalogue)
    compression = Compression(AnswerCache(inner, app.state.answers))
    app.state.immediate = Immediate(fast, app.state.answers, compression.minimum_size)
    return compression
