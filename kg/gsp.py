"""Send named graphs to a store with the SPARQL 1.1 Graph Store HTTP Protocol.

Each named graph goes to ``<endpoint>?graph=<iri>`` as N-Triples: the first batch
with ``PUT`` (which replaces whatever the store held in that graph), further batches
with ``POST`` (which adds to it).  A graph with blank nodes is sent in one request so
that its blank nodes stay the same nodes.  Graph Store endpoints are, for example,
``http://localhost:7878/store`` (Oxigraph), ``http://localhost:3030/DATASET/data``
(Jena Fuseki) and ``http://localhost:7200/repositories/REPO/rdf-graphs/service``
(GraphDB).
"""
from __future__ import annotations

import base64
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.defaults import PUSH_BATCH
from kg.errors import EndpointError

DEFAULT_BATCH = PUSH_BATCH


@dataclass
class PushReport:
    """What :func:`push` sent: triples per graph and the number of HTTP requests."""

    graphs: dict[str, int] = field(default_factory=dict)
    requests: int = 0

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())

    def text(self) -> str:
        return (f"pushed {self.triples} triples in {len(self.graphs)} graphs "
                f"with {self.requests} requests")


def group_quads(quads: Iterable[ox.Quad]) -> dict[str, list[ox.Triple]]:
    """Triples per graph name (``""`` for the default graph), graphs in IRI order."""
    groups: dict[str, list[ox.Triple]] = {}
    for q in quads:
        name = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        groups.setdefault(name, []).append(q.triple)
    return dict(sorted(groups.items()))


def push(quads: Iterable[ox.Quad], endpoint: str, *, user: str | None = None, password: str | None = None,
         timeout: float = 30.0, batch_size: int = DEFAULT_BATCH,
         progress: Callable[[str], None] | None = None) -> PushReport:
    """Send every graph of ``quads`` to the Graph Store endpoint; see the module notes."""
    if batch_size < 1:
        raise EndpointError(f"the batch size must be at least 1, not {batch_size}")
    report = PushReport()
    for name, triples in group_quads(quads).items():
        has_bnode = any(isinstance(t, ox.BlankNode) for tr in triples for t in (tr.subject, tr.object))
        size = max(len(triples), 1) if has_bnode else batch_size
        target = _target(endpoint, name)
        for i in range(0, max(len(triples), 1), size):
            body = ox.serialize(triples[i:i + size], format=ox.RdfFormat.N_TRIPLES) or b""
            _send("PUT" if i == 0 else "POST", target, body, user, password, timeout)
            report.requests += 1
        report.graphs[name or "(default graph)"] = len(triples)
        if progress:
            progress(f"  {name or '(default graph)'}: {len(triples)} triples")
    return report


def _target(endpoint: str, graph: str) -> str:
    sep = "&" if "?" in endpoint else "?"
    if not graph:
        return f"{endpoint}{sep}default"
    return f"{endpoint}{sep}graph={urllib.parse.quote(graph, safe='')}"


def _send(method: str, url: str, body: bytes, user: str | None, password: str | None, timeout: float) -> None:
    request = urllib.request.Request(url, data=body, method=method,
                                     headers={"Content-Type": "application/n-triples"})
    if user:
        token = base64.b64encode(f"{user}:{password or ''}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            answer.read()
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read(500).decode("utf-8", "replace").split())
        hint = " (is this the Graph Store endpoint, e.g. http://host:7878/store?)" if exc.code in (404, 405) else ""
        raise EndpointError(f"{method} {url} failed: HTTP {exc.code} {exc.reason}{hint}"
                            f"{': ' + detail if detail else ''}") from None
    except (TimeoutError, socket.timeout):
        raise EndpointError(f"{url} did not answer within {timeout:g} s; raise --timeout "
                            "or lower --batch-size") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            raise EndpointError(f"{url} did not answer within {timeout:g} s") from None
        raise EndpointError(f"cannot reach {url}: {exc.reason}; is the server running?") from None
    except OSError as exc:
        raise EndpointError(f"cannot reach {url}: {exc}") from None
