"""Against a real Oxigraph server: `kg push` loads it, and every saved query, look-up and
CLI output is the same there as in the embedded store.  Also: endpoints that are down
or too slow fail fast with exit code 2."""
from __future__ import annotations

import re
import socket
import subprocess
import threading
import time
import urllib.request
from contextlib import contextmanager

import pytest

from kg.cli import main
from kg.facade import KnowledgeGraph
from support import EMPTY_ON_PUBLISHED, free_port, oxigraph_binary, oxigraph_serving
from support import PUBLISHED as DEFAULT_SOURCE

SAMPLE_IRIS = {"participant": "id:russia", "party": "id:russia", "member": "id:pakistan", "partner": "id:russia",
               "state": "id:pakistan", "entity": "id:russia", "about": "id:russia", "organisation": "id:sco",
               "project": "id:tapi-pipeline", "person": "id:vladimir-putin", "place": "id:moscow"}
SAMPLE_LITERALS = {"since": "2000", "until": "2020", "year": "2018", "name": "Kremlin"}


def sample_values(query) -> dict[str, str]:
    """A value for every parameter: the first allowed one, or a sample that fits its type."""
    out = {}
    for p in query.params:
        if p.enumerate:
            out[p.name] = p.enumerate[-1]
        elif p.kind == "iri":
            out[p.name] = SAMPLE_IRIS.get(p.name, "id:russia")
        elif p.datatype and p.datatype.endswith(("#gYear", "#integer")):
            out[p.name] = SAMPLE_LITERALS.get(p.name, "2018")
        elif p.datatype and p.datatype.endswith("#date"):
            out[p.name] = "2018-10-21"
        else:
            out[p.name] = SAMPLE_LITERALS.get(p.name, "Russia")
    return out


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def embedded() -> KnowledgeGraph:
    return KnowledgeGraph.open()


@pytest.fixture(scope="module")
def server(oxigraph_server, embedded) -> str:
    """The session's Oxigraph server, loaded with `kg push`; yields the query endpoint."""
    assert main(["push", "--endpoint", f"{oxigraph_server}/store", "-q"]) == 0
    return f"{oxigraph_server}/query"


@pytest.fixture(scope="module")
def remote(server) -> KnowledgeGraph:
    return KnowledgeGraph.connect(server, timeout=30)


def test_push_loads_every_statement(remote, embedded):
    assert len(remote) == len(embedded) > 10_000
    graphs = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    assert remote.sparql(graphs) == embedded.sparql(graphs)


def why_different(name: str, here, there) -> str:
    """Say why two results of the same saved query differ, so the fix is obvious."""
    if here.variables != there.variables:
        return f"{name}: different columns {here.variables} / {there.variables}"
    key = lambda rows: sorted(repr(sorted(r.items())) for r in rows)  # noqa: E731
    if key(here.rows) == key(there.rows):
        return (f"{name}: the same rows in another order; the ORDER BY of queries/{name}.rq "
                "leaves ties, so each store picks its own order")
    split = lambda rows: key([{k: sorted(re.split(r", | \| |; ", v)) if isinstance(v, str) else v  # noqa: E731
                               for k, v in r.items()} for r in rows])
    if split(here.rows) == split(there.rows):
        return (f"{name}: a GROUP_CONCAT lists its values in store order; aggregate over an "
                f"ordered subquery in queries/{name}.rq")
    first = next(i for i, (a, b) in enumerate(zip(here.terms, there.terms)) if a != b) \
        if len(here) == len(there) else min(len(here), len(there))
    return f"{name}: {len(here)} vs {len(there)} rows; first difference at row {first}"


def test_every_saved_query_gives_identical_rows(remote, embedded):
    assert len(embedded.queries) >= 7
    problems = []
    for name, query in embedded.queries.items():
        for values in ({}, sample_values(query)):
            here, there = embedded.run(name, **values), remote.run(name, **values)
            if here.variables != there.variables or here.terms != there.terms:
                problems.append(f"{why_different(name, here, there)} (parameters {values})")
        if not embedded.run(name) and name not in EMPTY_ON_PUBLISHED:
            problems.append(f"{name} with its defaults matched nothing")
    assert not problems, "\n".join(problems)


def test_cli_output_is_byte_identical(capsys, server, embedded, remote):
    differ = []
    for name in embedded.queries:
        local = cli(capsys, "query", "run", name, "--format", "json")
        there = cli(capsys, "query", "run", name, "--format", "json", "--endpoint", server)
        assert local[0] == there[0] == 0, (name, local[2], there[2])
        if local != there:
            differ.append(why_different(name, embedded.run(name), remote.run(name)))
    assert not differ, "\n".join(differ)
    code, out, _ = cli(capsys, "query", "run", "events", "-p", "participant=id:russia", "-p", "since=2015",
                       "--format", "csv", "--endpoint", server)
    assert code == 0 and out == cli(capsys, "query", "run", "events", "-p", "participant=id:russia",
                                    "-p", "since=2015", "--format", "csv")[1]


def test_lookups_are_identical(remote, embedded):
    assert remote.entity("Russian Federation") == embedded.entity("Russian Federation")
    assert remote.events(participant="Russia", since="2015") == embedded.events(participant="Russia", since="2015")
    assert remote.claims(about="Pakistan") == embedded.claims(about="Pakistan")
    event = embedded.run("military_exercises").rows[-1]["event"]
    assert remote.evidence(event) == embedded.evidence(event)
    assert remote.sparql("ASK { ?s ?p ?o }") is True


def test_remote_sparql_errors(capsys, server):
    code, _, err = cli(capsys, "sparql", "SELECT ?s WHERE {\n ?s ?p \n}", "--endpoint", server)
    assert code == 2 and "SPARQL syntax error at line 3, column" in err
    code, _, err = cli(capsys, "entity", "Rusia", "--endpoint", server)
    assert code == 2 and "did you mean 'Russia'" in err


def test_push_in_batches_replaces_graphs(capsys, oxigraph_server, remote, embedded, tmp_path):
    code, out, _ = cli(capsys, "push", "--endpoint", f"{oxigraph_server}/store", "--batch-size", "500", "-q")
    graphs = len(embedded.sparql("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))
    requests = int(out.split(" with ")[1].split()[0])
    assert code == 0 and requests > graphs  # big graphs went in several requests
    assert len(remote) == len(embedded)     # PUT replaced, POSTs added: nothing doubled

    extra = "<urn:test:graph>"
    three, one = tmp_path / "three.trig", tmp_path / "one.trig"
    three.write_text(f'{extra} {{ <urn:a> <urn:p> "1", "2", "3" . }}\n', encoding="utf-8")
    one.write_text(f'{extra} {{ <urn:a> <urn:p> "9" . }}\n', encoding="utf-8")
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:test:graph> { ?s ?p ?o } }"
    try:
        assert cli(capsys, "push", "--endpoint", f"{oxigraph_server}/store", "--source", str(three), "-q")[0] == 0
        assert remote.sparql(count).rows[0]["n"] == 3
        assert cli(capsys, "push", "--endpoint", f"{oxigraph_server}/store", "--source", str(one), "-q")[0] == 0
        assert remote.sparql(count).rows[0]["n"] == 1  # PUT replaced the graph
    finally:
        request = urllib.request.Request(f"{oxigraph_server}/store?graph=urn%3Atest%3Agraph", method="DELETE")
        urllib.request.urlopen(request, timeout=10).read()
    assert len(remote) == len(embedded)


def test_push_to_the_wrong_url(capsys, oxigraph_server):
    code, _, err = cli(capsys, "push", "--endpoint", f"{oxigraph_server}/nothing-here", "-q")
    assert code == 2 and "HTTP 404" in err


@pytest.mark.parametrize("argv", [["query", "run", "timeline"], ["sparql", "ASK { ?s ?p ?o }"],
                                  ["entity", "Russia"]])
def test_unreachable_endpoint(capsys, argv):
    url = f"http://127.0.0.1:{free_port()}/query"
    started = time.monotonic()
    code, out, err = cli(capsys, *argv, "--endpoint", url, "--timeout", "5")
    assert code == 2 and out == "" and f"cannot reach the endpoint {url}" in err
    assert time.monotonic() - started < 5


def test_push_unreachable(capsys):
    code, _, err = cli(capsys, "push", "--endpoint", f"http://127.0.0.1:{free_port()}/store", "-q",
                       "--timeout", "5")
    assert code == 2 and "cannot reach" in err


@contextmanager
def silent_server():
    """A loopback server that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(2)
        for conn in held:
            conn.close()
        listener.close()


def test_slow_endpoint_times_out(capsys):
    with silent_server() as base:
        started = time.monotonic()
        code, _, err = cli(capsys, "query", "run", "timeline", "--endpoint", f"{base}/query", "--timeout", "1")
        assert code == 2 and "did not answer within 1 s" in err
        assert time.monotonic() - started < 10
        code, _, err = cli(capsys, "push", "--endpoint", f"{base}/store", "--timeout", "1", "-q")
        assert code == 2 and "did not answer within 1 s" in err


def test_readme_oxigraph_load_and_serve(tmp_path, embedded):
    """The README's way: `oxigraph load` the published TriG, `oxigraph serve` it."""
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed")
    location = tmp_path / "oxigraph"
    subprocess.run([binary, "load", "--location", str(location), "--file", str(DEFAULT_SOURCE)],
                   check=True, capture_output=True, timeout=120)
    with oxigraph_serving(location, log=tmp_path / "oxigraph.log") as base:
        remote = KnowledgeGraph.connect(f"{base}/query", timeout=5)
        assert len(remote) == len(embedded)
        assert remote.run("timeline") == embedded.run("timeline")
