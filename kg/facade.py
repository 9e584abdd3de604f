"""The one door to the graph: :class:`KnowledgeGraph`.

Open the published graph in the embedded store, or a persistent copy on disk, or
connect to any SPARQL 1.1 endpoint; then run saved queries, your own SPARQL, or look
entities, events, claims and evidence up.  The CLI and other front ends only call this.

>>> from kg import KnowledgeGraph
>>> kg = KnowledgeGraph.open()
>>> russia = kg.entity("Russian Federation")
>>> russia.label, russia.iri
('Russia', 'https://w3id.org/pakru/id/russia')
>>> r = kg.sparql('''
...     PREFIX pakru: <https://w3id.org/pakru/ontology#>
...     SELECT ?start ?end WHERE { ?e a pakru:MilitaryExercise ; pakru:startDate ?start ; pakru:endDate ?end }''')
>>> r.rows
[{'start': datetime.date(2018, 10, 21), 'end': datetime.date(2018, 11, 4)}]
>>> kg.evidence("https://w3id.org/pakru/id/event/militaryexercise/pakistan-russia/2018-10-21")[0].sentence
'Pakistan and Russia also held a joint military exercise from October 21 to November 4, 2018.'
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

from rdflib import Graph

from kg import lookup
from kg.errors import KGError, QueryError
from kg.remote import RemoteStore
from kg.results import Result
from kg import guard
from kg.store import OxigraphStore, Store, open_persistent, plain_rows

#: How many checked texts of saved queries (one per query and values) a graph keeps.
PREPARED = 512


class KnowledgeGraph:
    """The graph in a store, with the catalogue of saved queries.

    Make one with :meth:`open` (embedded) or :meth:`connect` (remote endpoint).
    """

    def __init__(self, store: Store, *, queries_dir: Path | None = None, remote: bool = False,
                 where: str = "", allow_services: frozenset[str] = frozenset()):
        self.store = store
        self.allow_services = frozenset(allow_services)
        self.remote = remote
        self.where = where
        self._queries_dir = queries_dir
        self._catalogue = None
        self._texts: dict[tuple, tuple[str, bool]] = {}  # see _prepared
        self._texts_lock = threading.Lock()

    # --- opening ----------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None = None, *, source: str | Path | None = None,
             queries_dir: str | Path | None = None) -> "KnowledgeGraph":
        """The published graph (``source``; by default the current workspace's, see
        :func:`kg.workspace.graph_file`, or outside any workspace the graph shipped with
        the package) in the embedded store.

        With ``path``, a persistent store in that directory: created and loaded on first
        use, reloaded when the source file changed, otherwise opened without reading it.
        """
        from kg.workspace import graph_file

        src = Path(source) if source is not None else graph_file()
        qdir = Path(queries_dir) if queries_dir is not None else None
        if path is not None:
            return cls(open_persistent(path, src), queries_dir=qdir, where=f"store {path}")
        if not src.is_file():
            raise KGError(f"no published graph at {src}; run `kg build` first", path=src)
        store = OxigraphStore()
        store.load_trig(src)
        return cls(store, queries_dir=qdir, where=str(src))

    @classmethod
    def connect(cls, url: str, user: str | None = None, password: str | None = None,
                timeout: float = 30.0, *, queries_dir: str | Path | None = None) -> "KnowledgeGraph":
        """Any SPARQL 1.1 query endpoint (its default graph must be the union of the
        named graphs).  Nothing is sent until the first query."""
        if not url.startswith(("http://", "https://")):
            raise KGError(f"the endpoint must be an http(s) URL, not {url!r}")
        store = RemoteStore(url, user=user, password=password, timeout=timeout)
        return cls(store, queries_dir=Path(queries_dir) if queries_dir else None, remote=True, where=url)

    def close(self) -> None:
        """Release the store (an on-disk store can then be opened again)."""
        if hasattr(self.store, "close"):
            self.store.close()

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __len__(self) -> int:
        """The number of statements (quads) in the store."""
        return len(self.store)

    def __repr__(self) -> str:
        return f"<KnowledgeGraph {self.where}>"

    # --- saved queries ----------------------------------------------------------------
    @property
    def queries(self):
        """The catalogue of saved queries (:class:`kg.queries.Catalogue`), loaded once."""
        if self._catalogue is None:
            from kg.queries import Catalogue

            self._catalogue = Catalogue.load(self._queries_dir)
        return self._catalogue

    def run(self, name: str, /, **params: object) -> Result:
        """Run the saved query ``name`` with ``params`` (names as in ``kg query show``).

        Values may be strings or Python values (``date``, ``int``, ``bool``); they are
        bound as RDF terms after the catalogue checked them.
        """
        return self._run(name, params, native=False)

    def run_native(self, name: str, params: Mapping[str, object]):
        """As :meth:`run`, but on the embedded store the answer is pyoxigraph's own (see
        ``native`` in :meth:`query`)."""
        return self._run(name, params, native=True)

    def _run(self, name: str, params: Mapping[str, object], native: bool):
        text, union = self._prepared(name, {k: _text(v) for k, v in params.items()})
        if self.remote:
            return self.store.query(text)
        return self.store.query(text, union=union, **self._native(native))

    def _prepared(self, name: str, values: dict[str, str | None]) -> tuple[str, bool]:
        """The text that runs the saved query ``name`` with ``values``, checked, and
        whether its default graph is the union of the named graphs.  Made once per query
        and values (the graph's catalogue and allowed services do not change while it is
        open) and kept, the last :data:`PREPARED` of them: a server asked for the same
        saved query again spends nothing on it but the query itself."""
        key = (name, tuple(sorted(values.items(), key=lambda item: item[0])), self.allow_services)
        found = self._texts.get(key)
        if found is not None:
            return found
        query = self.queries.get_or_raise(name)
        query.bindings(values)  # checks names, types, required parameters
        # The checked terms go into a VALUES row at the top of WHERE, escaped term by
        # term (tests/kg/test_properties.py shows no value can change the query's
        # structure).  Remote endpoints need it; Oxigraph also plans far better with it
        # than with substitutions, which it applies only after evaluating the pattern
        # (evidence: 160 ms -> 20 ms on the published graph).
        union = True if self.remote else not guard.check(query.text, self.allow_services).has_dataset
        found = (query.inline(values), union)
        with self._texts_lock:
            if len(self._texts) >= PREPARED:
                self._texts.pop(next(iter(self._texts)))  # the oldest
            self._texts[key] = found
        return found

    # --- your own SPARQL --------------------------------------------------------------
    def query(self, text: str, *, default_graphs: list[str] | None = None, named_graphs: list[str] | None = None,
              base_iri: str | None = None, native: bool = False) -> Result:
        """Run SPARQL text; always a :class:`Result` (``.boolean`` for ASK, ``.graph``
        for CONSTRUCT and DESCRIBE) unless ``native`` asks for the embedded store's own
        answer (pyoxigraph ``QuerySolutions``/``QueryBoolean``/``QueryTriples``, which
        can write SPARQL results formats themselves: the server's fast path); a remote
        endpoint still gives a :class:`Result`.

        On the embedded store the default graph is the union of the named graphs unless
        the query names its graphs (``FROM`` / ``FROM NAMED``) or the caller does
        (``default_graphs`` / ``named_graphs``, as the SPARQL protocol's
        ``default-graph-uri`` / ``named-graph-uri``, which override the query's).
        ``base_iri`` resolves relative IRIs.  ``SERVICE`` (unless to an endpoint in
        ``allow_services``), ``LOAD`` and updates are refused (:mod:`kg.guard`)."""
        if not text.strip():
            raise QueryError("the SPARQL query is empty")
        if self.remote:
            return self.store.query(text)
        shape = guard.check(text, self.allow_services)
        if not shape.relative_iris:
            base_iri = None  # nothing to resolve: resolving against a base costs the store time on every query
        if default_graphs is not None or named_graphs is not None:
            return self.store.query(text, default_graphs=list(default_graphs or ()),
                                    named_graphs=list(named_graphs or ()), base_iri=base_iri,
                                    **self._native(native))
        return self.store.query(text, union=not shape.has_dataset, base_iri=base_iri, **self._native(native))

    def _native(self, native: bool) -> dict:
        """The store's ``native`` option, which only the embedded (pyoxigraph) store has."""
        return {"native": True} if native and isinstance(self.store, OxigraphStore) else {}

    def sparql(self, text: str) -> Result | bool | Graph:
        """Run SPARQL text: a :class:`Result` for SELECT, ``bool`` for ASK, an rdflib
        ``Graph`` for CONSTRUCT and DESCRIBE."""
        result = self.query(text)
        if result.boolean is not None:
            return result.boolean
        return result.graph if result.graph is not None else result

    # --- look-ups ---------------------------------------------------------------------
    def entity(self, name_or_iri: str) -> lookup.Entity:
        """The resource with this name, alias or IRI: label, types, aliases, description,
        facts (each with its evidence) and the sentences that mention it."""
        return lookup.entity(self.store, name_or_iri)

    def events(self, participant: str | None = None, kind: str | None = None,
               since: str | date | None = None, until: str | date | None = None) -> Result:
        """Events in time order with their sentence; filter by participant (name or IRI),
        kind (``"MilitaryExercise"`` or an IRI) and dates (``YYYY[-MM[-DD]]``)."""
        return lookup.events(self.store, participant, kind, since, until)

    def claims(self, about: str | None = None, kind: str | None = None, author: str | None = None) -> Result:
        """Claims with their writer and sentence; filter by what they are about, kind
        (``"Recommendation"``, ``"Assessment"``, ``"Prediction"``) and author."""
        return lookup.claims(self.store, about, kind, author)

    def statements(self, speaker: str | None = None, about: str | None = None,
                   since: str | date | None = None) -> Result:
        """Who said what about whom, and when: every row of the saved query ``statements``
        (speaker, kind, words, cue, stance, date, sentence, evidence offsets); ``speaker``
        and ``about`` are names or IRIs, ``since`` a date (``YYYY[-MM[-DD]]``)."""
        variables, rows = self._statements(speaker, about, since, plain=False)
        return Result(variables, rows)

    def statement_rows(self, speaker: str | None = None, about: str | None = None,
                       since: str | date | None = None) -> list[dict[str, object]]:
        """The rows of :meth:`statements` as plain Python values only, without the RDF
        terms (several times cheaper to make: what pages show)."""
        return self._statements(speaker, about, since, plain=True)[1]

    def _statements(self, speaker, about, since, plain: bool) -> tuple[list[str], list[dict]]:
        params = {"speaker": speaker and lookup.resolve(self.store, speaker),
                  "about": about and lookup.resolve(self.store, about), "since": _text(since)}
        size, rows, page = self.queries.get_or_raise("statements").page_size, [], 1
        while True:  # every page
            if plain:
                variables, part = [], plain_rows(self.run_native("statements", {**params, "page": page}))
            else:
                answer = self.run("statements", page=page, **params)
                variables, part = answer.variables, answer.terms
            rows += part
            if len(part) < (size or len(part) + 1):
                return variables, rows
            page += 1

    def evidence(self, iri: str) -> list[lookup.Evidence]:
        """The text spans that support a fact, event, claim or relation (for an entity:
        the words that mention it)."""
        return lookup.evidence(self.store, iri)

    def search(self, text: str, limit: int = 50) -> list[lookup.Match]:
        """Resources whose name (label, alias, demonym, metonym, or a name an article
        uses) contains ``text``, ignoring case: exact names first, then prefixes."""
        return lookup.search(self.store, text, limit)

    def article(self, doc: str):
        """An article (``doc:<id>``, its id or IRI): text, headline, writer, and its
        annotations (mentions, and the sentences behind events, claims, relations)
        as :class:`kg.articles.Article`."""
        from kg import articles

        return articles.article(self.store, doc)

    def describe(self, iri: str) -> Graph:
        """What the graph says about one resource, as an rdflib ``Graph``: every triple
        with the resource as subject or as object (empty if the graph does not know it)."""
        term = lookup.iri_term(iri)
        text = ("CONSTRUCT { ?_r ?p ?o . ?s ?q ?_r } WHERE { %s { ?_r ?p ?o } UNION { ?s ?q ?_r } }"
                % lookup.values_block({"_r": term}))
        graph = self.query(text).graph
        from kg.namespaces import bind_prefixes

        bind_prefixes(graph)
        return graph

    # --- loading other stores ---------------------------------------------------------
    def push(self, endpoint: str, *, user: str | None = None, password: str | None = None,
             timeout: float = 30.0, batch_size: int | None = None,
             progress: Callable[[str], None] | None = None):
        """Send every named graph to a Graph Store Protocol endpoint (see :mod:`kg.gsp`)."""
        from kg import gsp

        if not isinstance(self.store, OxigraphStore):
            raise KGError("push sends an embedded store; open one with KnowledgeGraph.open()")
        return gsp.push(self.store.quads(), endpoint, user=user, password=password, timeout=timeout,
                        batch_size=batch_size or gsp.DEFAULT_BATCH, progress=progress)


def _text(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def parse_params(pairs: list[str] | None) -> Mapping[str, str]:
    """``["state=russia", "since=2015"]`` → ``{"state": "russia", "since": "2015"}``.

    >>> parse_params(["state=id:russia", "q=a=b"])
    {'state': 'id:russia', 'q': 'a=b'}
    """
    out: dict[str, str] = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param {pair!r}: write NAME=VALUE, e.g. --param state=russia")
        if name.strip() in out:
            raise QueryError(f"--param {name.strip()!r} is given twice")
        out[name.strip()] = value
    return out
