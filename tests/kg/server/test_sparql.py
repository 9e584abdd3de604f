"""`kg serve` as a SPARQL 1.1 Protocol endpoint, driven by SPARQLWrapper over HTTP.

One real server (started as `kg serve`, on 127.0.0.1 and a free port) for the module,
with a 2 s time limit and a 500-row result limit so that both limits can be reached.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph, URIRef
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from support import ROOT
from kg.server.launch import running

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")  # rdflib's JSON-LD parser
TIMEOUT = 2.0
PREFIXES = """PREFIX pakru: <https://w3id.org/pakru/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
SELECT = PREFIXES + """SELECT ?label ?start WHERE {
  ?e a pakru:MilitaryExercise ; skos:prefLabel ?label ; pakru:startDate ?start } ORDER BY ?start"""
ASK = PREFIXES + "ASK { <https://w3id.org/pakru/id/russia> a pakru:State }"
CONSTRUCT = PREFIXES + "CONSTRUCT { ?s skos:prefLabel ?l } WHERE { VALUES ?s { <https://w3id.org/pakru/id/russia> } ?s skos:prefLabel ?l }"
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
RUSSIA = "https://w3id.org/pakru/id/russia"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    log = tmp_path_factory.mktemp("serve") / "server.log"
    with running("--query-timeout", str(TIMEOUT), "--max-results", "500", log=log) as url:
        yield url, log


@pytest.fixture()
def url(server):
    return server[0]


def client(url: str, query: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
    endpoint = SPARQLWrapper(url + "/sparql")
    endpoint.setQuery(query)
    endpoint.setReturnFormat(fmt)
    endpoint.setMethod(method)
    return endpoint


def fetch(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, headers, body) of one request; errors are answers too."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_select_in_every_results_format(url, method):
    rows = client(url, SELECT, JSON, method).queryAndConvert()["results"]["bindings"]
    assert [(r["start"]["value"], r["start"]["datatype"].endswith("#date")) for r in rows] == [("2018-10-21", True)]
    xml = client(url, SELECT, XML, method).queryAndConvert()
    assert xml.getElementsByTagName("literal")[1].firstChild.data == "2018-10-21"
    csv_text = client(url, SELECT, CSV, method).queryAndConvert().decode()
    assert csv_text.splitlines()[0] == "label,start" and csv_text.splitlines()[1].endswith(",2018-10-21")
    tsv_text = client(url, SELECT, TSV, method).queryAndConvert().decode()
    assert tsv_text.splitlines()[0] == "?label\t?start"
    assert '"2018-10-21"^^<http://www.w3.org/2001/XMLSchema#date>' in tsv_text


def test_ask(url):
    assert client(url, ASK, JSON).queryAndConvert()["boolean"] is True
    xml = client(url, ASK, XML, POST).queryAndConvert()
    assert xml.getElementsByTagName("boolean")[0].firstChild.data == "true"
    assert client(url, ASK.replace("pakru:State", "pakru:Event"), JSON).queryAndConvert()["boolean"] is False


@pytest.mark.parametrize("fmt", [TURTLE, XML, JSONLD, N3, "ntriples"])
def test_construct_in_every_graph_format(url, fmt):
    endpoint = client(url, CONSTRUCT, TURTLE if fmt == "ntriples" else fmt)
    if fmt == "ntriples":  # SPARQLWrapper has no N-Triples format: ask for it by media type
        endpoint.setOnlyConneg(True)
        endpoint.addCustomHttpHeader("Accept", "application/n-triples")
    answer = endpoint.query()
    ctype = answer.response.headers["Content-Type"]
    body = answer.response.read()
    parse_as = {"text/turtle": "turtle", "application/rdf+xml": "xml", "application/ld+json": "json-ld",
                "application/n-triples": "nt"}[ctype.split(";")[0]]
    if fmt == "ntriples":
        assert parse_as == "nt" and body.decode().strip().endswith('"Russia"@en .')
    graph = Graph().parse(data=body, format=parse_as)
    labels = {str(o) for o in graph.objects()}
    assert labels == {"Russia"}, (fmt, body[:300])


def test_describe_and_post_direct(url):
    status, headers, body = fetch(url + "/sparql", data=f"DESCRIBE <{RUSSIA}>".encode(),
                                  headers={"Content-Type": "application/sparql-query", "Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert len(Graph().parse(data=body, format="turtle")) > 10


def test_malformed_query_is_400_with_the_parsers_message(url):
    with pytest.raises(QueryBadFormed) as caught:
        client(url, "SELECT ?x WHERE { ?x ", JSON).query()
    assert "line 1, column" in str(caught.value)


def test_updates_are_refused(url):
    update = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
    with pytest.raises(urllib.error.HTTPError) as caught:
        client(url, update, JSON, POST).query()  # SPARQLWrapper posts it as update=
    assert caught.value.code == 403 and b"read-only" in caught.value.read()
    status, _, body = fetch(url + "/sparql", data=update.encode(),
                            headers={"Content-Type": "application/sparql-update"})
    assert status == 403
    status, _, body = fetch(url + "/sparql?" + urllib.parse.urlencode({"query": update}))
    assert status == 400 and b"read-only" in body  # an update is not a query, and says why
    assert client(url, ASK, JSON).queryAndConvert()["boolean"] is True


def test_a_query_past_the_time_limit_is_stopped(url):
    before = json.loads(fetch(url + "/status")[2])
    started = time.monotonic()
    with pytest.raises(urllib.error.HTTPError) as caught:
        client(url, CROSS_JOIN, JSON).query()  # 12664³ rows to count: hours of work
    took = time.monotonic() - started
    assert caught.value.code == 503 and b"time limit of 2 s" in caught.value.read()
    assert TIMEOUT <= took < TIMEOUT + 3
    after = json.loads(fetch(url + "/status")[2])
    assert after["timeouts"] == before["timeouts"] + 1
    killed = set(before["pids"]) - set(after["pids"])
    assert len(killed) == 1  # the worker that ran it is gone, not just abandoned
    with pytest.raises(ProcessLookupError):
        os.kill(killed.pop(), 0)
    assert client(url, ASK, JSON).queryAndConvert()["boolean"] is True  # and the server goes on
    deadline = time.monotonic() + 20
    while json.loads(fetch(url + "/status")[2])["workers"] < before["workers"]:
        assert time.monotonic() < deadline, "the killed worker was not replaced"
        time.sleep(0.1)


def thread_nice(pid: int) -> dict[int, int]:
    """The nice value of each thread of process ``pid``."""
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat", encoding="ascii") as f:
                out[int(tid)] = int(f.read().rsplit(")", 1)[1].split()[16])
        except (FileNotFoundError, ProcessLookupError):  # the thread ended before or during the read
            pass
    return out


def test_a_slow_query_runs_on_at_a_lower_priority(url):
    """Past a fraction of a second a query yields the processor: the worker thread running
    it is lowered (nice + 10, at most 19), so that quick requests on other workers preempt it."""
    pids = json.loads(fetch(url + "/status")[2])["pids"]
    before = {pid: thread_nice(pid) for pid in pids}
    base = max(n for threads in before.values() for n in threads.values())  # the tests may run under nice
    assert base < 19 and all(set(n.values()) == {base} for n in before.values()), before
    q = urllib.parse.urlencode({"query": CROSS_JOIN + " # lowered"})
    thread = threading.Thread(target=lambda: fetch(f"{url}/sparql?{q}"))
    thread.start()
    time.sleep(1.0)
    lowered = {pid: tid for pid in pids if pid in before for tid, n in thread_nice(pid).items() if n > base}
    thread.join(30)
    assert len(lowered) == 1, lowered  # the one worker running the cross join, and in it one thread
    pid, tid = lowered.popitem()
    assert tid == pid  # the thread that answers jobs, not the watchdog


def test_result_limit(url):
    status, _, body = fetch(url + "/sparql?" + urllib.parse.urlencode({"query": "SELECT * { ?s ?p ?o }"}))
    assert status == 422 and b"limit of 500" in body and b"LIMIT" in body
    status, _, _ = fetch(url + "/sparql?" + urllib.parse.urlencode({"query": "SELECT * { ?s ?p ?o } LIMIT 500"}))
    assert status == 200


def test_content_negotiation_errors(url):
    q = urllib.parse.urlencode({"query": SELECT})
    assert fetch(f"{url}/sparql?{q}", headers={"Accept": "text/turtle"})[0] == 406
    assert fetch(f"{url}/sparql?{q}", headers={"Accept": "text/csv;q=0.5, application/sparql-results+xml"})[1][
        "Content-Type"].startswith("application/sparql-results+xml")
    assert fetch(f"{url}/sparql?{q}&format=tsv", headers={"Accept": "application/json"})[1][
        "Content-Type"].startswith("text/tab-separated-values")
    assert fetch(url + "/sparql", data=b"query=ASK{}", headers={"Content-Type": "text/plain"})[0] == 415
    assert fetch(f"{url}/sparql?query=ASK%7B%7D&query=ASK%7B%7D")[0] == 400
    assert fetch(url + "/sparql", method="PUT", data=b"x")[0] == 405


def test_service_description(url):
    status, headers, body = fetch(url + "/sparql", headers={"Accept": "text/turtle"})
    assert status == 200
    g = Graph().parse(data=body, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    langs = {str(o) for o in g.objects(predicate=URIRef(sd + "supportedLanguage"))}
    assert langs == {sd + "SPARQL11Query"}  # no SPARQL11Update: read-only


def test_saved_queries_over_http(url):
    status, headers, body = fetch(url + "/queries/events?participant=id:russia&since=2015&format=csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body.decode().startswith("event,") and "2018-10-21" in body.decode()
    status, _, body = fetch(url + "/queries/military_exercises?year=2018", headers={"Accept": "application/json"})
    assert "2018-10-21" in {v["value"] for b in json.loads(body)["results"]["bindings"] for v in b.values()}
    status, _, body = fetch(url + "/queries/events?since=last+year&format=json")
    assert status == 400 and b"expects an xsd:gYear" in body
    status, _, body = fetch(url + "/queries/co_mentions?entity=id:pakistan&page=1&format=json")
    first = json.loads(body)["results"]["bindings"]
    assert status == 200 and first[0]["other"]["value"] == "https://w3id.org/pakru/id/russia"
    status, _, body = fetch(url + "/queries/co_mentions?entity=id:pakistan&page=2&format=json")
    assert status == 200 and json.loads(body)["results"]["bindings"] == []  # one page on this graph
    status, _, body = fetch(url + "/queries/co_mentions?page=first&format=json")
    assert status == 400 and b"expects a page number" in body
    status, _, body = fetch(url + "/queries/event?format=json")
    assert status == 404 and b"did you mean 'events'" in body
    status, _, body = fetch(url + "/queries", headers={"Accept": "text/turtle"})
    assert status == 200 and b"sh:SPARQLExecutable" in body


def test_linked_data_by_content_negotiation(url):
    status, headers, body = fetch(url + "/id/russia", headers={"Accept": "text/turtle"})
    assert status == 200 and "Accept" in headers["Vary"]
    g = Graph().parse(data=body, format="turtle")
    assert (None, None, None) in g and len(list(g.triples((URIRef(RUSSIA), None, None)))) > 10
    status, headers, body = fetch(url + "/doc/000_0b13b1b12f328222", headers={"Accept": "application/ld+json"})
    assert status == 200 and len(Graph().parse(data=body, format="json-ld")) > 100
    status, headers, body = fetch(url + "/id/russia", headers={"Accept": "text/html"})
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert fetch(url + "/id/no-such-thing", headers={"Accept": "text/turtle"})[0] == 404
    assert fetch(url + "/id/no-such-thing", headers={"Accept": "text/html"})[0] == 404


def _dead(pid: int) -> bool:
    """Whether a process is gone or a zombie (dead, not yet reaped by the server)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except (FileNotFoundError, ProcessLookupError):  # reaped between the open and the read
        return True


def test_a_worker_that_dies_is_a_logged_fault_and_is_replaced(server):
    url, log = server
    pids = json.loads(fetch(url + "/status")[2])["pids"]
    q = urllib.parse.urlencode({"query": CROSS_JOIN})
    answers = []
    thread = threading.Thread(target=lambda: answers.append(fetch(f"{url}/sparql?{q}")))
    thread.start()
    time.sleep(0.5)  # the cross join is running in one of the workers: kill them all
    for pid in pids:
        os.kill(pid, 9)
    for pid in pids:  # a killed process on a busy machine takes a moment to be gone
        deadline = time.monotonic() + 10
        while not _dead(pid):
            assert time.monotonic() < deadline, f"worker {pid} survived SIGKILL"
            time.sleep(0.01)
    thread.join(10)
    assert answers[0][0] == 500 and b"see the server log" in answers[0][2]
    fresh = ASK + "\n# a text not asked before, so not answered from the server's cache"
    assert client(url, fresh, JSON).queryAndConvert()["boolean"] is True  # a dead idle worker is replaced
    text = log.read_text()
    assert re.search(r"ERROR kg\.server: query worker \d+ died during query", text)
    assert "died while idle" in text


def test_readme_example_runs_against_a_live_server(url):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Serving the graph", 1)[1].split("\n## ", 1)[0]
    (example,) = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    assert "http://127.0.0.1:8000/sparql" in example
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(example.replace("http://127.0.0.1:8000", url), {})
    assert out.getvalue().startswith("2018-10-21 Friendship 2018")


def test_serving_a_persistent_store(tmp_path):
    for _ in range(2):  # created and loaded, then opened as it is
        with running("--store", str(tmp_path / "store"), "--workers", "2", log=tmp_path / "server.log") as base:
            assert client(base, ASK, JSON).queryAndConvert()["boolean"] is True
            status, _, body = fetch(base + "/id/russia", headers={"Accept": "text/html"})
            assert status == 200 and b"<h1>Russia</h1>" in body
    assert (tmp_path / "store" / "source.json").is_file()


def test_another_store_federates_with_service(url, oxigraph_server):
    """A query sent to a real Oxigraph server fetches part of its answer from us with SERVICE."""
    query = PREFIXES + f"SELECT ?label WHERE {{ SERVICE <{url}/sparql> {{ <{RUSSIA}> skos:prefLabel ?label }} }}"
    status, _, body = fetch(oxigraph_server + "/query", data=urllib.parse.urlencode({"query": query}).encode(),
                            headers={"Accept": "application/sparql-results+json",
                                     "Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200, body
    assert [b["label"]["value"] for b in json.loads(body)["results"]["bindings"]] == ["Russia"]
