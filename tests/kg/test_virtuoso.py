"""Virtuoso as the big store: a real ``virtuoso-t`` on 127.0.0.1 with a temporary
database, bulk-loaded from the published graph's N-Quads, answers every saved query
with the rows of the embedded store (started and stopped here)."""
from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import KnowledgeGraph
from kg.cli import main
from kg.virtuoso import VirtuosoServer, bulk_load, isql
from support import EMPTY_ON_PUBLISHED, free_port

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("virtuoso-t") is None,
                                reason="virtuoso-opensource is not installed (scripts/setup.sh installs it)")


def _value(v):
    """Virtuoso loads a ``geo:wktLiteral`` into its own geometry type and writes the
    point back with single-precision digits: compare points to 4 decimals (11 m)."""
    if isinstance(v, str) and v.startswith("POINT(") and v.endswith(")"):
        return "POINT(" + " ".join(f"{float(x):.4f}" for x in v[6:-1].split()) + ")"
    return v


def _rows(result) -> list[dict]:
    """The facade's rows (Python values): Virtuoso writes a stored ``true`` as
    ``"1"^^xsd:boolean`` and an ``xsd:nonNegativeInteger`` as ``xsd:integer``, the same
    values in another lexical form."""
    return [{k: _value(v) for k, v in row.items() if v is not None} for row in result.rows]


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """A loaded server: yields its SPARQL URL and how many quads it loaded."""
    data = tmp_path_factory.mktemp("virtuoso-data")
    store = ox.Store()
    store.bulk_load(path=str(ROOT / "data" / "kg.trig"), format=ox.RdfFormat.TRIG)
    store.dump(str(data / "kg.nq"), format=ox.RdfFormat.N_QUADS)
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso-db"), sql_port=free_port(), http_port=free_port(),
                            allowed=(data,), buffers=20_000)
    with server:
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):  # the command line's bulk load
            assert main(["virtuoso", "load", str(data / "kg.nq"), "--isql", server.isql_address]) == 0
        assert printed.getvalue().startswith("Loaded 1 file(s)")
        yield server, len(store), bulk_load(server.isql_address, [data / "kg.nq"], password="dba")


def test_the_bulk_loader_keeps_every_quad_in_its_graph(virtuoso):
    """Loaded twice (command line, then Python): quads are a set, so once in the store."""
    server, quads, loaded = virtuoso
    assert loaded["bytes"] > 0
    remote = KnowledgeGraph.connect(server.sparql_url, timeout=60)
    count = remote.sparql("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                          "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/pakru/graph/')) }").rows[0]["n"]
    assert count == quads
    with pytest.raises(Exception, match="refused"):
        isql(server.isql_address, "SELECT no_such_column FROM no_such_table;", password="dba")


def test_every_saved_query_gives_the_embedded_rows_on_virtuoso(virtuoso):
    server, _, _ = virtuoso
    embedded = KnowledgeGraph.open()
    remote = KnowledgeGraph.connect(server.sparql_url, timeout=60)
    differ = {}
    for name in embedded.queries:
        expected, got = _rows(embedded.run(name)), _rows(remote.run(name))
        assert expected or name in EMPTY_ON_PUBLISHED, name  # every saved query answers on the published graph
        if got != expected:
            differ[name] = (len(expected), len(got), next((e, g) for e, g in zip(expected + [None] * len(got),
                                                                                got + [None] * len(expected))
                                                         if e != g))
    assert not differ, differ
