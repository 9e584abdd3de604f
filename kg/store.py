"""Where the graph lives: the embedded Oxigraph store, rdflib, or (:mod:`kg.remote`) a
remote SPARQL endpoint.

Every store answers :meth:`Store.query` with a :class:`kg.results.Result` built from
rdflib terms, so that results compare equal whatever the store.  Queries see the
*union* of the named graphs as their default graph (the published graph keeps one
named graph per article).  Values for ``?_param`` variables are passed as RDF terms:
as pyoxigraph substitutions or rdflib ``initBindings`` on embedded stores, and as a
SPARQL ``VALUES`` clause built from the terms' N-Triples form on remote endpoints.

>>> from kg.workspace import shipped
>>> store = OxigraphStore()
>>> store.load_trig(shipped("kg.trig"))
>>> r = store.query("SELECT ?l WHERE { <https://w3id.org/pakru/id/russia> "
...                 "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l }")
>>> r.rows
[{'l': 'Russia'}]
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.term import Node

from kg.errors import EndpointError, KGError, QueryError  # noqa: F401 (EndpointError re-exported)
from kg.guard import check, sparql_syntax_error, syntax
from kg.results import Result, literal, python_value

Bindings = Mapping[str, Node] | None


class Store(Protocol):
    """What the facade needs from a store."""

    def query(self, text: str, bindings: Bindings = None) -> Result: ...
    def load_trig(self, path: Path) -> None: ...
    def __len__(self) -> int: ...


def check_syntax(text: str) -> None:
    """Raise a :class:`QueryError` with line and column if ``text`` is not SPARQL 1.1;
    never evaluates a query that could send a request (see :func:`kg.guard.syntax`)."""
    syntax(text)


def to_rdflib(term) -> Node:
    """The rdflib form of a pyoxigraph term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        return literal(term.value, term.language, term.datatype.value)
    raise KGError(f"unsupported RDF term in a result: {term!r}")


def to_oxigraph(term: Node):
    """The pyoxigraph form of an rdflib term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise QueryError(f"cannot bind {term!r}: give an IRI or a literal")


class OxigraphStore:
    """The embedded store (pyoxigraph): in memory, or on disk when given a directory."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False):
        self.path = Path(path) if path is not None else None
        try:
            if self.path is None:
                self._store = ox.Store()
            else:
                self._store = ox.Store.read_only(str(self.path)) if read_only else ox.Store(str(self.path))
        except OSError as exc:
            raise KGError(f"cannot open the store at {self.path}: {exc}", path=self.path) from None

    def load_trig(self, path: Path) -> None:
        """Add the quads of a TriG file (fast bulk load for on-disk stores)."""
        try:
            if self.path is None:
                self._store.load(path=str(path), format=ox.RdfFormat.TRIG)
            else:
                self._store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
        except (SyntaxError, ValueError) as exc:
            raise KGError(f"cannot load {path}: {exc}", path=path) from None
        except OSError as exc:
            raise KGError(f"cannot load {path}: {exc}", path=path) from None

    def clear(self) -> None:
        self._store.clear()

    def flush(self) -> None:
        if self.path is not None:
            self._store.flush()

    def quads(self):
        """Every quad, as pyoxigraph :class:`Quad` objects."""
        return iter(self._store)

    def close(self) -> None:
        """Release the store (and the lock on its directory)."""
        self._store = None

    def __len__(self) -> int:
        return len(self._store)

    def query(self, text: str, bindings: Bindings = None, *, union: bool = True,
              default_graphs: list[str] | None = None, named_graphs: list[str] | None = None,
              base_iri: str | None = None, native: bool = False):
        """Run ``text``; the default graph is the union of the named graphs when ``union``
        (give False for a query with its own FROM), or the graphs ``default_graphs`` and
        ``named_graphs`` name (the protocol's dataset, which overrides the query's).

        With ``native`` the answer is pyoxigraph's own (``QuerySolutions``,
        ``QueryBoolean`` or ``QueryTriples``), not yet evaluated row by row, for a caller
        that writes it out directly (the server); errors met while reading it surface
        then, as pyoxigraph's ``OSError``/``RuntimeError``/``ValueError``."""
        subs = {ox.Variable(k): to_oxigraph(v) for k, v in (bindings or {}).items()}
        options: dict = {"substitutions": subs or None, "base_iri": base_iri}
        if default_graphs is not None or named_graphs is not None:
            options["default_graph"] = [ox.NamedNode(g) for g in default_graphs or ()]
            options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs or ()]
        else:
            options["use_default_graph_as_union"] = union
        try:
            answer = self._store.query(text, **options)
            return answer if native else result_of(answer)
        except SyntaxError as exc:
            raise sparql_syntax_error(str(exc), text) from None
        except (OSError, RuntimeError, ValueError) as exc:
            raise QueryError(f"the query failed: {exc}") from None


def result_of(answer) -> Result:
    """The :class:`Result` of a pyoxigraph answer (solutions, boolean or triples); may
    raise pyoxigraph's errors met while reading the solutions."""
    if isinstance(answer, ox.QueryBoolean):
        return Result(boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        names = [v.value for v in answer.variables]
        rows = [{n: (None if s[n] is None else to_rdflib(s[n])) for n in names} for s in answer]
        return Result(names, rows)
    graph = Graph()
    for t in answer:
        graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return Result(graph=graph)


def plain_value(term) -> object:
    """The plain Python value of a pyoxigraph term, equal to
    ``kg.results.to_python(to_rdflib(term))`` without making the rdflib term (which
    costs most of the time of a small query's answer)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        return python_value(term.value, term.datatype.value, term.language)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    raise KGError(f"unsupported RDF term in a result: {term!r}")


def plain_rows(answer) -> list[dict[str, object]]:
    """The rows of a query's answer as plain Python values (the ``rows`` of its
    :class:`Result`): straight from pyoxigraph's solutions, or a Result's own rows."""
    if isinstance(answer, Result):
        return answer.rows
    try:
        names = [v.value for v in answer.variables]
        return [{n: plain_value(s[n]) for n in names} for s in answer]
    except (OSError, RuntimeError, ValueError) as exc:  # met while pyoxigraph evaluated the rows
        raise QueryError(f"the query failed: {exc}") from None


def select_rows(store: Store, text: str) -> list[dict[str, object]]:
    """The rows of a SELECT query as plain Python values, on any store; the embedded
    store skips rdflib terms (pages and look-ups need only the values)."""
    if isinstance(store, OxigraphStore):
        return plain_rows(store.query(text, native=True))
    return store.query(text).rows


class RdflibStore:
    """rdflib's in-memory Dataset: slow, but pure Python; kept as a baseline."""

    def __init__(self) -> None:
        self._data = Dataset(default_union=True)

    def load_trig(self, path: Path) -> None:
        try:
            self._data.parse(path, format="trig")
        except Exception as exc:  # rdflib raises many kinds of parse errors
            raise KGError(f"cannot load {path}: {exc}", path=path) from None

    def __len__(self) -> int:
        return sum(1 for _ in self._data.quads((None, None, None, None)))

    def query(self, text: str, bindings: Bindings = None, **dataset) -> Result:
        """As :meth:`OxigraphStore.query`, but the default graph is always the union
        (``dataset`` options are not used by this baseline)."""
        check(text)  # rdflib would send SERVICE requests too
        init = {Variable(k): v for k, v in (bindings or {}).items()}
        answer = self._data.query(text, initBindings=init)
        if answer.type == "ASK":
            return Result(boolean=bool(answer.askAnswer))
        if answer.type in ("CONSTRUCT", "DESCRIBE"):
            graph = Graph()
            for t in answer.graph:
                graph.add(tuple(normal_term(x) for x in t))
            return Result(graph=graph)
        names = [str(v) for v in answer.vars]
        return Result(names, [{n: normal_term(row[n]) for n in names} for row in answer])


def normal_term(term: Node | None) -> Node | None:
    """Literals in the one normal form of :func:`kg.results.literal`."""
    if isinstance(term, Literal):
        return literal(str(term), term.language, None if term.datatype is None else str(term.datatype))
    return term


# --- the persistent on-disk store -----------------------------------------------------

def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def open_persistent(directory: str | Path, source: str | Path | None = None) -> OxigraphStore:
    """An on-disk Oxigraph store in ``directory``, loaded from ``source`` (TriG).

    The directory holds ``oxigraph/`` (the database) and ``source.json`` (which file,
    by SHA-256, it was loaded from).  When the source changed since, the store is
    cleared and reloaded; otherwise it opens without reading the source again.
    ``source`` defaults to the published graph of the workspace (or the shipped one).
    """
    from kg.workspace import graph_file

    directory, source = Path(directory), Path(source) if source is not None else graph_file()
    if not source.is_file():
        raise KGError(f"no published graph at {source}; run `kg build` first", path=source)
    if directory.exists() and not directory.is_dir():
        raise KGError(f"{directory} is a file; give a directory for the store", path=directory)
    meta_path = directory / "source.json"
    digest = file_hash(source)
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = {}
    directory.mkdir(parents=True, exist_ok=True)
    current = meta.get("sha256") == digest
    try:
        store = OxigraphStore(directory / "oxigraph")
    except KGError as exc:
        if current and "lock" in str(exc).lower():  # another process has it open: read it
            return OxigraphStore(directory / "oxigraph", read_only=True)
        raise
    if not current:
        meta_path.unlink(missing_ok=True)  # a crash while loading leaves no claim of being current
        store.clear()
        store.load_trig(source)
        store.flush()
        tmp = meta_path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"source": str(source.resolve()), "sha256": digest, "quads": len(store),
                                   "loaded": datetime.now(timezone.utc).isoformat(timespec="seconds")},
                                  indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, meta_path)
    return store

