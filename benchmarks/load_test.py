"""Load test for `kg serve`: concurrent clients on loopback for a bounded time.

    .venv/bin/python benchmarks/load_test.py                       # 50 clients, 20 s, own server
    .venv/bin/python benchmarks/load_test.py --clients 10 --seconds 5 --url http://127.0.0.1:8000
    .venv/bin/python benchmarks/load_test.py --compare --seconds 5  # kg serve against oxigraph serve
    .venv/bin/python benchmarks/load_test.py --compare --no-cache --seconds 3 --rounds 3  # median of 3 alternations
    .venv/bin/python benchmarks/load_test.py --slow-and-fast --seconds 5 --rounds 5  # median p99 of 5 rounds

With ``--compare`` it starts `kg serve` and `oxigraph serve --union-default-graph` (the
``oxigraph`` binary of the test extra) on the same graph, and prints for an ad-hoc
SELECT and for the saved query ``timeline`` (the same SPARQL text sent to Oxigraph) the
requests per second of each with 1, 10 and 50 clients and their ratio (``new-text`` is
the ad-hoc SELECT made a new text on every request by a trailing comment, so that
nothing kept by query text helps); then the p50/p99
of fast requests (pages, saved queries, a small ad-hoc SELECT) alone and while two slow
ad-hoc queries run (``--slow-and-fast``: only that; with ``--rounds N`` the medians of N
rounds, and the p99 of each).  The same Python client drives both servers.

Each client keeps one HTTP connection and sends requests back to back, cycling through a
mix of saved queries (tables, CSV, JSON), entity and article pages, linked-data Turtle
and SPARQL queries, until the time is up.  It prints throughput, p50/p99 latency and the
error count (any answer but 200, or a failed connection), and exits 1 if there was an
error.  Without --url it starts its own server (`kg serve` on 127.0.0.1, a free port)
and stops it at the end.  Only loopback addresses are accepted.
"""
from __future__ import annotations

import argparse
import http.client
import ipaddress
import itertools
import random
import statistics
import sys
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.server.launch import oxigraph_serving, running  # noqa: E402

HTML, JSON, CSV, TURTLE = "text/html", "application/sparql-results+json", "text/csv", "text/turtle"
SELECT = ("PREFIX pakru: <https://w3id.org/pakru/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
          "SELECT ?e ?label WHERE { ?e a pakru:Event ; skos:prefLabel ?label } ORDER BY ?label LIMIT 50")
MIX = [  # (kind, path, Accept)
    ("saved", "/queries/timeline", JSON),
    ("saved", "/queries/events?participant=id:russia&since=2015", CSV),
    ("saved", "/queries/military_exercises?year=2018", JSON),
    ("saved", "/queries/memberships?member=id:pakistan", HTML),
    ("saved", "/queries/project_interest?party=id:russia", JSON),
    ("saved", "/queries/claims?kind=pakru:Recommendation", CSV),
    ("page", "/id/russia", HTML),
    ("page", "/id/pakistan", HTML),
    ("page", "/id/sco", HTML),
    ("page", "/id/event/militaryexercise/pakistan-russia/2018-10-21", HTML),
    ("page", "/doc/000_0b13b1b12f328222", HTML),
    ("page", "/timeline", HTML),
    ("page", "/search?q=mosc", HTML),
    ("data", "/id/russia", TURTLE),
    ("sparql", "/sparql?" + urllib.parse.urlencode({"query": SELECT}), JSON),
    ("sparql", "/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s a ?o }"}), JSON),
]


def loopback(url: str) -> tuple[str, int]:
    """Host and port of ``url``, which must be on this machine's loopback."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    try:
        ok = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        ok = False
    if parts.scheme != "http" or not ok:
        raise SystemExit(f"load_test: {url} is not an http:// URL on loopback (127.0.0.0/8, localhost, ::1)")
    return host, parts.port or 80


def client(host: str, port: int, until: float, seed: int, timeout: float, out: list, errors: Counter,
           mix: list | None = None, distinct: str = "") -> None:
    """Send requests (``mix``, or :data:`MIX`) back to back until ``until``; record
    (kind, seconds) or an error.  With ``distinct`` (a name for this run) every query
    text is new: a comment naming the run, the client and the request ends it (the
    paths must end in a query)."""
    rng = random.Random(seed)
    mix = list(mix or MIX)
    rng.shuffle(mix)
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    for n, (kind, path, accept) in enumerate(itertools.cycle(mix)):
        if time.monotonic() >= until:
            break
        if distinct:
            path += urllib.parse.quote_plus(f"\n# run {distinct}, client {seed}, request {n}")
        started = time.monotonic()
        try:
            conn.request("GET", path, headers={"Accept": accept})
            answer = conn.getresponse()
            body = answer.read()
            if answer.status != 200 or not body:
                errors[f"{answer.status} {kind} {path}"] += 1
                continue
        except (OSError, http.client.HTTPException) as exc:
            errors[f"{type(exc).__name__} {kind} {path}"] += 1
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=timeout)
            continue
        out.append((kind, time.monotonic() - started))
    conn.close()


def drive(url: str, clients: int, seconds: float, timeout: float, mix: list | None = None,
          distinct: str = "") -> tuple[list[tuple[str, float]], Counter, float]:
    """``clients`` threads each running :func:`client` for ``seconds``: the (kind,
    seconds) of the answered requests, the errors counted, and the seconds it took."""
    host, port = loopback(url)
    done: list[tuple[str, float]] = []
    errors: Counter = Counter()
    until = time.monotonic() + seconds
    threads = [threading.Thread(target=client, args=(host, port, until, i, timeout, done, errors, mix, distinct),
                                daemon=True)
               for i in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + timeout + 10)
    return done, errors, time.monotonic() - started


def run(url: str, clients: int, seconds: float, timeout: float) -> int:
    done, errors, elapsed = drive(url, clients, seconds, timeout)
    latencies = sorted(s for _, s in done)
    total = len(done) + sum(errors.values())
    print(f"load test: {clients} clients for {seconds:g} s against {url}")
    print(f"requests: {total} ({len(done)} ok, {sum(errors.values())} errors) in {elapsed:.1f} s")
    print(f"throughput: {len(done) / elapsed:.1f} requests/s")
    if latencies:
        p50 = statistics.median(latencies)
        p99 = latencies[min(len(latencies) - 1, int(round(0.99 * (len(latencies) - 1))))]
        print(f"latency: p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, max {latencies[-1] * 1000:.1f} ms")
        for kind in sorted({k for k, _ in done}):
            ks = sorted(s for k, s in done if k == kind)
            print(f"  {kind:<7} {len(ks):>6} requests, p50 {statistics.median(ks) * 1000:7.1f} ms, "
                  f"p99 {ks[min(len(ks) - 1, int(round(0.99 * (len(ks) - 1))))] * 1000:7.1f} ms")
    print(f"errors: {sum(errors.values())}")
    for what, n in errors.most_common(10):
        print(f"  {n} x {what}")
    return 1 if errors or not done else 0


# --- kg serve against oxigraph serve ----------------------------------------------------

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(STRLEN(STR(?c)) > STRLEN(STR(?f))) }"


def hammer(url: str, paths: list[tuple[str, str]], clients: int, seconds: float, timeout: float = 30.0,
           distinct: bool = False):
    """``clients`` threads sending ``paths`` (path, Accept) back to back for ``seconds``
    (with ``distinct``, each query text made new, see :func:`client`): (requests per
    second, sorted latencies, errors)."""
    mix = [("x", path, accept) for path, accept in paths]
    run = f"{time.time_ns():x}" if distinct else ""  # nothing the server kept from an earlier run helps
    done, errors, elapsed = drive(url, clients, seconds, timeout, mix, run)
    return len(done) / elapsed, sorted(s for _, s in done), sum(errors.values())


def percentile(latencies: list[float], q: float) -> float:
    return latencies[min(len(latencies) - 1, int(round(q * (len(latencies) - 1))))] if latencies else float("nan")


def compare(seconds: float, clients_list: tuple[int, ...] = (1, 10, 50), cache: bool = True, rounds: int = 1) -> int:
    """Print kg serve against oxigraph serve; returns 1 if any request failed.  Without
    ``cache``, kg serve runs with ``--cache-mb 0``: every request is a query.  With
    ``rounds`` > 1 each line is the median ratio of that many alternating runs (on a
    shared machine the load changes between runs)."""
    from kg.queries import Catalogue
    from kg.workspace import graph_file

    source = graph_file()

    timeline = Catalogue.load()["timeline"].inline({})
    q = urllib.parse.urlencode
    adhoc = (("/sparql?" + q({"query": SELECT}), JSON), ("/query?" + q({"query": SELECT}), JSON))
    workloads = {  # name: (kg serve's request, oxigraph serve's, whether each query text is new)
        "ad-hoc": adhoc + (False,),
        "new-text": adhoc + (True,),
        "saved": (("/queries/timeline", JSON), ("/query?" + q({"query": timeline}), JSON), False),
    }
    failed = 0
    print(f"kg serve{'' if cache else ' --cache-mb 0'} against oxigraph serve on {source}, "
          f"{seconds:g} s per run, one Python client process for both (the machine may be shared: compare the ratios)")
    options = () if cache else ("--cache-mb", "0")
    with running("--no-access-log", "--log-level", "warning", *options) as kg_url, \
            oxigraph_serving(load=source) as ox_url:
        for name, (kg_path, ox_path, distinct) in workloads.items():
            for clients in clients_list:
                runs = []
                for _ in range(rounds):  # alternating: a change in the machine's load hits both servers
                    kg_rate, kg_lat, kg_err = hammer(kg_url, [kg_path], clients, seconds, distinct=distinct)
                    ox_rate, ox_lat, ox_err = hammer(ox_url, [ox_path], clients, seconds, distinct=distinct)
                    failed += kg_err + ox_err
                    runs.append((kg_rate / ox_rate, kg_rate, kg_lat, kg_err, ox_rate, ox_lat, ox_err))
                runs.sort(key=lambda run: run[0])
                ratio, kg_rate, kg_lat, kg_err, ox_rate, ox_lat, ox_err = runs[len(runs) // 2]
                spread = (f" (median of {rounds} rounds: {' '.join(f'{run[0]:.2f}' for run in runs)})"
                          if rounds > 1 else "")
                print(f"{name:<8} {clients:>3} clients: kg serve {kg_rate:8.1f} req/s (p99 "
                      f"{percentile(kg_lat, 0.99) * 1000:6.1f} ms), oxigraph serve {ox_rate:8.1f} req/s (p99 "
                      f"{percentile(ox_lat, 0.99) * 1000:6.1f} ms), ratio {ratio:.2f}x{spread}"
                      + (f", errors {kg_err}/{ox_err}" if kg_err or ox_err else ""))
        failed += starvation(kg_url, seconds, rounds)
    return 1 if failed else 0


def starvation(url: str, seconds: float, rounds: int = 1) -> int:
    """p50/p99 of fast requests from 4 clients alone, then while 2 clients keep slow
    ad-hoc queries running; with ``rounds`` > 1, both are measured that many times in
    turn and the median of each figure is printed, with the p99 of every round."""
    q = urllib.parse.urlencode
    fast = [("/queries/timeline", JSON), ("/id/russia", HTML), ("/queries/events?participant=id:russia", CSV),
            ("/sparql?" + q({"query": "ASK { ?s a ?o }"}), JSON)]
    alone, loaded, errors = [], [], 0
    for _ in range(rounds):
        rate, latencies, failed = hammer(url, fast, 4, seconds)
        alone.append((rate, percentile(latencies, 0.5), percentile(latencies, 0.99)))
        slow_out: list = []
        slow = threading.Thread(target=lambda: slow_out.append(
            hammer(url, [("/sparql?" + q({"query": SLOW}), JSON)], 2, seconds + 2, timeout=60)), daemon=True)
        slow.start()
        time.sleep(1.0)  # both slow queries are running
        rate, latencies, more = hammer(url, fast, 4, seconds)
        slow.join(seconds + 90)
        loaded.append((rate, percentile(latencies, 0.5), percentile(latencies, 0.99)))
        errors += failed + more
    for name, runs in (("fast requests alone:                   ", alone),
                       ("fast requests while 2 slow queries run:", loaded)):
        rate, p50, p99 = (statistics.median(run[i] for run in runs) for i in range(3))
        spread = (f" (median of {rounds} rounds; p99 of each: {' '.join(f'{run[2] * 1000:.1f}' for run in runs)} ms)"
                  if rounds > 1 else "")
        print(f"{name} {rate:7.1f} req/s, p50 {p50 * 1000:7.1f} ms, p99 {p99 * 1000:7.1f} ms{spread}")
    print(f"errors: {errors}")
    return errors


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--clients", type=int, default=50, help="concurrent clients (default: %(default)s)")
    p.add_argument("--seconds", type=float, default=20.0, help="how long to send requests (default: %(default)s)")
    p.add_argument("--url", help="a running server on loopback; without it, one is started")
    p.add_argument("--workers", type=int, default=2, help="worker processes of the server started here")
    p.add_argument("--timeout", type=float, default=30.0, help="give up on one request after this long")
    p.add_argument("--compare", action="store_true",
                   help="kg serve against oxigraph serve: ad-hoc and saved query at 1, 10 and 50 clients")
    p.add_argument("--slow-and-fast", action="store_true",
                   help="only the p50/p99 of fast requests while two slow queries run")
    p.add_argument("--rounds", type=int, default=1,
                   help="with --compare: alternate the two servers this many times and print the median ratio; "
                        "with --compare and --slow-and-fast: measure the fast requests this many times, print medians")
    p.add_argument("--no-cache", action="store_true",
                   help="run kg serve with --cache-mb 0, so that every request is a query")
    args = p.parse_args(argv)
    if args.compare:
        return compare(args.seconds, cache=not args.no_cache, rounds=max(1, args.rounds))
    if args.slow_and_fast:
        options = ("--cache-mb", "0") if args.no_cache else ()
        with running("--no-access-log", "--log-level", "warning", *options) as url:
            print("kg serve" + (" --cache-mb 0" if args.no_cache else "") + ":")
            return 1 if starvation(url, args.seconds, max(1, args.rounds)) else 0
    if not 1 <= args.clients <= 500 or not 0 < args.seconds <= 600:
        p.error("--clients must be 1..500 and --seconds 0..600")
    if args.url:
        return run(args.url.rstrip("/"), args.clients, args.seconds, args.timeout)
    with running("--no-access-log", "--workers", str(args.workers), "--log-level", "warning") as url:
        return run(url, args.clients, args.seconds, args.timeout)


if __name__ == "__main__":
    sys.exit(main())
