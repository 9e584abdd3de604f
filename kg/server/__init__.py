"""``kg serve``: the graph over HTTP, as a SPARQL 1.1 endpoint and linked-data pages.

Modules: :mod:`~kg.server.app` (routes and middleware), :mod:`~kg.server.web` (what
routes share: pages, pool calls, errors), :mod:`~kg.server.headers` (security headers
and CORS), :mod:`~kg.server.sparql` (the
protocol endpoint), :mod:`~kg.server.saved` (saved queries), :mod:`~kg.server.pages`
(entity, article, timeline, search pages), :mod:`~kg.server.views` (the charts: network,
map, timelines, views of answers; their scripts in ``static/views``), :mod:`~kg.server.markup` (highlighted
text), :mod:`~kg.server.formats` (content negotiation), :mod:`~kg.server.pool` and
:mod:`~kg.server.worker` (the query processes that make the time limit real),
:mod:`~kg.server.local` (jobs known to be cheap, run in the HTTP process),
:mod:`~kg.server.wire` (the HTTP protocol, which answers what is ready at once itself),
:mod:`~kg.server.processes` (several HTTP processes on one port) and
:mod:`~kg.server.board` (the status they share).
Templates are in ``templates/``, the stylesheet in ``static/``.
"""
from __future__ import annotations

import logging
import os
import signal
import socket
import sys
import threading
from pathlib import Path

from kg.errors import KGError

DEFAULT_PORT = 8000
#: HTTP processes by default: one per core, at most four.
DEFAULT_PROCESSES = max(1, min(4, os.cpu_count() or 1))


def bind(host: str, port: int) -> socket.socket:
    """A listening-ready socket on ``host:port`` (port 0 picks a free one), or a
    :class:`KGError` saying why not."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # Naming IPPROTO_TCP matters: asyncio sets TCP_NODELAY on accepted sockets only when
    # their protocol says TCP, and without it Nagle's algorithm meets the client's delayed
    # ACK and every keep-alive request after the first waits about 40 ms.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise KGError(f"cannot listen on {host}:{port}: {exc.strerror}; choose another --port or --host") from None
    sock.set_inheritable(True)
    return sock


def _interrupt(signum, frame) -> None:
    """SIGTERM stops the server as Ctrl-C does: requests finish, workers are stopped."""
    raise KeyboardInterrupt


def graph_spec(store: Path | None, source: Path | None, queries: Path | None, allow_services=()):
    """Where the workers find the graph; a persistent store is brought up to date
    here, once, before the workers open it read-only."""
    from kg.server.worker import GraphSpec
    from kg.store import open_persistent
    from kg.workspace import graph_file

    src = Path(source) if source is not None else graph_file()
    if store is not None:
        open_persistent(store, src).close()
        return GraphSpec(store=str(store), queries=queries and str(queries), allow_services=tuple(allow_services))
    if not src.is_file():
        raise KGError(f"no published graph at {src}; run `kg build` first", path=src)
    return GraphSpec(source=str(src), queries=queries and str(queries), allow_services=tuple(allow_services))


def serve(host: str = "127.0.0.1", port: int = DEFAULT_PORT, *, store: Path | None = None,
          source: Path | None = None, queries: Path | None = None, workers: int = 4, timeout: float = 10.0,
          max_results: int = 10000, log_level: str = "info", access_log: bool = True, page_workers: int = 2,
          query_memory: int = 1024, cors: tuple[str, ...] = ("*",), allow_services: tuple[str, ...] = (),
          cache_mb: int = 64, processes: int = DEFAULT_PROCESSES) -> int:
    """Serve until interrupted; returns the exit code.  Bad options (a port in use, no
    graph, a broken saved query) raise :class:`KGError` before anything starts.

    HTTP is answered by ``processes`` processes on the same port
    (:mod:`kg.server.processes`), each with its own workers: ad-hoc queries
    (``/sparql``) run on ``workers`` processes, pages and saved queries on
    ``page_workers`` others, so slow ad-hoc queries never hold the pages up; each
    worker may grow by ``query_memory`` MB past the opened graph."""
    from kg.queries import Catalogue
    from kg.server.processes import supervise

    logging.basicConfig(level=log_level.upper(), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if max_results < 1:
        raise KGError(f"--max-results must be at least 1, not {max_results}")
    if cache_mb < 0:
        raise KGError(f"--cache-mb must be 0 (no cache) or more, not {cache_mb}")
    if query_memory < 64:
        raise KGError(f"--query-memory must be at least 64 (MB), not {query_memory}")
    if not 1 <= processes <= 64:
        raise KGError(f"--processes must be 1 to 64, not {processes}")
    for origin in cors:
        if origin != "*" and not origin.startswith(("http://", "https://")):
            raise KGError(f"--cors takes an origin such as https://example.org (or *), not {origin!r}")
    catalogue = Catalogue.load(queries)
    spec = graph_spec(store, source, queries, allow_services)
    sock = bind(host, port)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)
    options = dict(timeout=timeout, max_results=max_results, memory_mb=query_memory)

    def front(process: int, end: socket.socket | None, board, ready) -> None:
        """One HTTP process: its worker pools, the application, uvicorn on ``sock`` (one
        process) or on the connections handed over ``end`` (several)."""
        import uvicorn

        from kg.server import wire
        from kg.server.handoff import HandedServer
        from kg.server.app import create_app, served
        from kg.server.local import Local
        from kg.server.pool import WorkerPool

        slot = (lambda lane: board.slot(process, lane)) if board is not None else (lambda lane: None)
        pools = {"sparql": WorkerPool(spec, size=workers, name="sparql", slot=slot("sparql"), **options),
                 "fast": WorkerPool(spec, size=page_workers, name="fast", slot=slot("fast"), **options)}
        local = None
        try:
            for pool in pools.values():
                pool.start()
            local = Local(spec.open(), max_results)
            app = create_app(pools, catalogue, tuple(cors), cache_mb, board, process, local)
            asgi = served(app)
            config = uvicorn.Config(asgi, log_level=log_level, access_log=access_log, lifespan="off",
                                    timeout_graceful_shutdown=5, http=wire.protocol(app.state.immediate))
            server = uvicorn.Server(config) if end is None else HandedServer(config, end)
            ready()
            server.run(sockets=[sock] if end is None else None)
        finally:
            if local is not None:
                local.close()
            for pool in pools.values():
                pool.close()

    def announce() -> None:
        shown = f"[{host}]" if ":" in host else host
        each = "" if processes == 1 else f"{processes} HTTP processes, each with "
        print(f"kg: serving {spec.store or spec.source} on http://{shown}:{sock.getsockname()[1]}/ "
              f"(SPARQL endpoint /sparql; {each}{workers}+{page_workers} workers, {timeout:g} s and "
              f"{query_memory} MB per query); Ctrl-C stops",
              file=sys.stderr, flush=True)

    try:
        if processes == 1:
            front(0, None, None, announce)
        else:
            supervise(sock, processes, front, announce)
    except KeyboardInterrupt:  # uvicorn has shut down; it passes Ctrl-C on
        print("kg: server stopped", file=sys.stderr)
    finally:
        sock.close()
    return 0


__all__ = ["serve", "bind", "graph_spec", "DEFAULT_PORT", "DEFAULT_PROCESSES"]
