"""A remote SPARQL 1.1 endpoint as a store (through SPARQLWrapper).

Values for ``?_param`` variables travel as a ``VALUES`` clause written from the RDF
terms (N-Triples syntax, IRIs checked), since a plain endpoint cannot take bindings
separately.  Failures become :class:`kg.store.EndpointError` (unreachable, too slow,
refused) or :class:`kg.errors.QueryError` (the query is wrong, with line and column).
"""
from __future__ import annotations

import re
import socket
import urllib.error
import warnings
from pathlib import Path

from rdflib import Graph, URIRef

from kg.errors import EndpointError, KGError, QueryError
from kg.results import Result, ntriples, term_from_json
from kg.store import Bindings, check_syntax, normal_term

#: An absolute IRI that can be written between angle brackets in a query.
IRI_PATTERN = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]*")


_FORM = re.compile(r"""\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''"""
                   r"""|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>|\#[^\n]*"""
                   r"""|\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b""", re.I)


def query_form(text: str) -> str:
    """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``: the first such keyword outside
    comments, strings and IRIs.

    >>> query_form("# construct a table\\nPREFIX s: <http://x/ASK#> SELECT * { ?s ?p 'ASK' }")
    'SELECT'
    """
    for m in _FORM.finditer(text):
        if m.group(1):
            return m.group(1).upper()
    return "SELECT"


def values_clause(bindings: Bindings) -> str:
    """A trailing ``VALUES`` clause binding ``?var`` to each term (N-Triples syntax).

    A trailing VALUES is joined after the WHERE clause (after its FILTERs and GROUP BY),
    so it suits variables used in triple patterns only; saved queries are sent with
    :meth:`kg.queries.SavedQuery.inline`, which opens the WHERE group with the block.

    >>> values_clause({"_who": URIRef("https://w3id.org/pakru/id/russia")})
    '\\nVALUES (?_who) { (<https://w3id.org/pakru/id/russia>) }\\n'
    """
    if not bindings:
        return ""
    for name, term in bindings.items():
        if not re.fullmatch(r"[A-Za-z0-9_]+", name):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
        if isinstance(term, URIRef) and not IRI_PATTERN.fullmatch(str(term)):
            raise QueryError(f"{str(term)!r} is not an IRI")
    names = " ".join(f"?{k}" for k in bindings)
    terms = " ".join(ntriples(t) for t in bindings.values())
    return f"\nVALUES ({names}) {{ ({terms}) }}\n"


class RemoteStore:
    """Any SPARQL 1.1 endpoint, through SPARQLWrapper (POST, JSON results).

    The endpoint must treat its default graph as the union of the named graphs
    (Oxigraph: ``serve --union-default-graph``; Fuseki: ``tdb2:unionDefaultGraph true``;
    GraphDB does so by default).
    """

    def __init__(self, url: str, user: str | None = None, password: str | None = None,
                 timeout: float = 30.0):
        self.url, self.user, self.password, self.timeout = url, user, password, float(timeout)

    def load_trig(self, path: Path) -> None:
        raise KGError("a remote store is loaded with `kg push --endpoint URL`, not through a query")

    def __len__(self) -> int:
        r = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(r.rows[0]["n"]) if r.rows else 0

    def query(self, text: str, bindings: Bindings = None) -> Result:
        from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

        full = text + values_clause(bindings)
        sw = SPARQLWrapper(self.url)
        sw.setMethod(POST)
        sw.setTimeout(max(1, round(self.timeout)))
        if self.user:
            sw.setCredentials(self.user, self.password or "")
        with warnings.catch_warnings():  # SPARQLWrapper warns when its own guess fails
            warnings.simplefilter("ignore")
            sw.setQuery(full)
        sw.queryType = query_form(full)  # SPARQLWrapper's own guess reads words in comments
        graph_query = sw.queryType in ("CONSTRUCT", "DESCRIBE")
        sw.setReturnFormat(TURTLE if graph_query else JSON)
        body = self._send(sw, full)
        if graph_query:
            graph = Graph()
            try:
                graph.parse(data=body, format="turtle")
            except Exception as exc:  # rdflib raises many kinds of parse errors
                raise EndpointError(f"the endpoint {self.url} sent Turtle that does not parse: {exc}") from None
            return Result(graph=_normal_triples(graph))
        if "boolean" in body:
            return Result(boolean=bool(body["boolean"]))
        names = body.get("head", {}).get("vars", [])
        rows = [{n: term_from_json(b[n]) if n in b else None for n in names}
                for b in body.get("results", {}).get("bindings", [])]
        return Result(names, rows)

    def _send(self, sw, text: str):
        from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException, Unauthorized

        try:
            return sw.queryAndConvert()
        except QueryBadFormed as exc:
            check_syntax(text)  # raises with line and column when the text itself is broken
            raise QueryError(f"the endpoint {self.url} rejected the query: {_short(exc)}") from None
        except Unauthorized:
            raise EndpointError(f"the endpoint {self.url} refused the credentials; "
                                "check --user and the password") from None
        except SPARQLWrapperException as exc:
            raise EndpointError(f"the endpoint {self.url} failed: {_short(exc)}") from None
        except (TimeoutError, socket.timeout):
            raise self._timeout() from None
        except urllib.error.HTTPError as exc:
            raise EndpointError(f"the endpoint {self.url} answered HTTP {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (TimeoutError, socket.timeout)):
                raise self._timeout() from None
            raise EndpointError(f"cannot reach the endpoint {self.url}: {exc.reason}; "
                                "is the server running and the URL right?") from None
        except (ConnectionError, OSError) as exc:
            raise EndpointError(f"cannot reach the endpoint {self.url}: {exc}") from None
        except ValueError as exc:  # a body that is not the format asked for
            raise EndpointError(f"the endpoint {self.url} sent an answer that is not SPARQL results: {exc}") from None

    def _timeout(self) -> EndpointError:
        return EndpointError(f"the endpoint {self.url} did not answer within {self.timeout:g} s; "
                             "try again later or raise --timeout")


def _normal_triples(graph: Graph) -> Graph:
    out = Graph()
    for t in graph:
        out.add(tuple(normal_term(x) for x in t))
    return out


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) < 400 else text[:400] + "…"
