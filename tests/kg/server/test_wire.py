"""The short way through the HTTP protocol (kg.server.wire): answers ready at once leave
in one write, in order, with the headers and the access-log line the application's
answers have; anything else goes to the application.  Real servers on 127.0.0.1."""
from __future__ import annotations

import http.client
import json
import socket
import time
import urllib.parse

import pytest

from kg.server.launch import running
from support import fetch

JSON = "application/sparql-results+json"
ASK = "/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s a ?o }"})
TIMELINE = "/queries/timeline"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One HTTP process, no answer cache (every request is a query), the access log on."""
    log = tmp_path_factory.mktemp("wire") / "server.log"
    with running("--cache-mb", "0", "--processes", "1", log=log) as url:
        for path in (ASK, TIMELINE):  # first in a worker, then known cheap: the short way from now on
            for _ in range(3):
                assert fetch(url + path, headers={"Accept": JSON})[0] == 200
        yield url, log


def local_runs(url: str) -> int:
    status = json.loads(fetch(url + "/status")[2])
    return status["local"] + status["fast"]["local"]


def answers(sock: socket.socket, n: int, method: str = "GET") -> list[tuple[int, dict, bytes]]:
    """The next ``n`` answers on ``sock``, in the order they arrive, read from one buffered
    reader (one http.client.HTTPResponse per answer would each buffer, and lose, what
    follows its answer)."""
    stream = sock.makefile("rb")
    out = []
    for _ in range(n):
        status = int(stream.readline().split()[1])
        headers = {}
        while (line := stream.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        length = 0 if method == "HEAD" else int(headers["content-length"])
        out.append((status, headers, stream.read(length)))
    return out


def request(path: str, accept: str = JSON, version: str = "1.1", method: str = "GET") -> bytes:
    return f"{method} {path} HTTP/{version}\r\nHost: test\r\nAccept: {accept}\r\n\r\n".encode()


def test_pipelined_requests_are_answered_in_order_short_way_or_not(server):
    url, _ = server
    host, port = urllib.parse.urlsplit(url).hostname, urllib.parse.urlsplit(url).port
    before = local_runs(url)
    with socket.create_connection((host, port), timeout=60) as sock:
        # a page (the application, in a worker) between answers the short way gives at once
        sock.sendall(request(ASK) + request("/id/russia", "text/html") + request(TIMELINE) + request(ASK))
        got = answers(sock, 4)
    assert [a[0] for a in got] == [200] * 4
    assert json.loads(got[0][2])["boolean"] is True and json.loads(got[3][2])["boolean"] is True
    assert got[1][1]["content-type"].startswith("text/html") and b"Russia" in got[1][2]
    assert len(json.loads(got[2][2])["results"]["bindings"]) > 0
    assert local_runs(url) - before >= 2  # the first ASK by the short way, the others maybe behind the page


def test_the_short_way_answers_as_the_application_does(server):
    """A gzip client's request goes through the application (the gzip layer), a plain
    one by the short way: same status, body and headers but Vary's Accept-Encoding
    (which both carry) and the date."""
    url, _ = server
    host, port = urllib.parse.urlsplit(url).hostname, urllib.parse.urlsplit(url).port
    before = local_runs(url)
    with socket.create_connection((host, port), timeout=60) as sock:
        sock.sendall(request(ASK))
        (short,) = answers(sock, 1)
    after = local_runs(url)
    conn = http.client.HTTPConnection(host, port, timeout=60)
    conn.request("GET", ASK, headers={"Accept": JSON, "Accept-Encoding": "gzip"})  # under 1 kB: not compressed
    full = conn.getresponse()
    whole = (full.status, dict(full.getheaders()), full.read())
    conn.close()
    assert after == before + 1
    drop = {"date"}
    assert short[0] == whole[0] == 200 and short[2] == whole[2]
    assert {k: v for k, v in short[1].items() if k not in drop} == {k.lower(): v for k, v in whole[1].items()
                                                                     if k.lower() not in drop}
    assert short[1]["vary"] == "Accept, Origin" and "content-security-policy" in short[1]


@pytest.mark.parametrize("how", ["HTTP/1.0", "HEAD", "Origin", "body"])
def test_other_requests_go_to_the_application(server, how):
    """Requests the short way leaves alone still get their answer (from the application)."""
    url, _ = server
    host, port = urllib.parse.urlsplit(url).hostname, urllib.parse.urlsplit(url).port
    text = {"HTTP/1.0": request(ASK, version="1.0"), "HEAD": request(ASK, method="HEAD"),
            "Origin": request(ASK)[:-2] + b"Origin: https://example.org\r\n\r\n",
            "body": request(ASK)[:-2] + b"Content-Length: 2\r\n\r\n{}"}[how]
    with socket.create_connection((host, port), timeout=60) as sock:
        sock.sendall(text)
        ((code, headers, body),) = answers(sock, 1, "HEAD" if how == "HEAD" else "GET")
    assert code == 200
    if how == "HEAD":
        assert body == b"" and headers["content-type"] == JSON
    else:
        assert json.loads(body)["boolean"] is True
    if how == "Origin":
        assert headers["access-control-allow-origin"] == "*"


def test_the_access_log_has_a_line_for_an_answer_of_the_short_way(server):
    url, log = server
    marker = "ASK { ?s ?p ?o } # access log of the short way"
    path = "/sparql?" + urllib.parse.urlencode({"query": marker})
    for _ in range(3):
        assert fetch(url + path, headers={"Accept": JSON})[0] == 200
    deadline = time.monotonic() + 10
    while log.read_text().count(f'"GET {path} HTTP/1.1" 200') < 3 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert log.read_text().count(f'"GET {path} HTTP/1.1" 200') == 3


def test_kept_answers_are_replayed_by_the_short_way_with_their_headers(tmp_path):
    """With the answer cache on, a page asked again is a hit, answered as it was the first time."""
    with running("--processes", "1", log=tmp_path / "server.log") as url:
        first = fetch(url + "/id/russia", headers={"Accept": "text/html"})
        second = fetch(url + "/id/russia", headers={"Accept": "text/html"})
        cache = json.loads(fetch(url + "/status")[2])["cache"]
    assert first[0] == second[0] == 200 and first[2] == second[2]
    assert cache["hits"] == 1 and cache["misses"] == 1  # the second request: one hit, no miss counted
    drop = {"date"}
    assert ({k.lower(): v for k, v in first[1].items() if k.lower() not in drop}
            == {k.lower(): v for k, v in second[1].items() if k.lower() not in drop})


def test_the_short_ways_vary_is_the_one_the_gzip_layer_gives():
    """kg.server.fast.Immediate writes Vary for answers over 1 kB without parsing the
    headers: it must be what kg.server.compress.plain_headers makes of them."""
    from kg.server import compress, fast

    for size in (10, compress.MINIMUM_SIZE, 9586):
        body = b"x" * size
        kept = fast.headers(body, b"application/sparql-results+json")
        expected = compress.plain_headers(200, kept, body)
        assert expected == (kept if size < compress.MINIMUM_SIZE else [fast.VARY_ENCODING, *kept[1:]])
