"""Processor time per request of `kg serve` and `oxigraph serve`, on the same graph.

    .venv/bin/python benchmarks/server_cpu.py                      # 2,000 requests of each kind, one client
    .venv/bin/python benchmarks/server_cpu.py --requests 500 --rounds 5   # median of 5 alternations

Wall time says little on a shared machine; processor time depends far less on what else
runs (it still grows on a busy machine, whose caches other processes share: compare
the two servers of one run, alternated with ``--rounds``).  For each workload (the ad-hoc SELECT and the saved query ``timeline`` of
``benchmarks/load_test.py``, and ``ASK {}``, the cheapest request a server can answer)
one client sends the same request back to back on one keep-alive connection, and the
script reads the user + system time of every process of each server from
``/proc/PID/stat`` before and after: the server's processor milliseconds per request,
and their ratio.  `kg serve` runs with ``--cache-mb 0`` (every request is a query;
``--cache`` keeps its answer cache on).  The clock ticks in hundredths of a second:
give enough requests (hundreds) for a figure.
"""
from __future__ import annotations

import argparse
import http.client
import os
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from load_test import JSON, SELECT  # noqa: E402

from kg.server.launch import oxigraph_serving, running  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def tree(pid: int) -> list[int]:
    """``pid`` and every process below it."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    fields = f.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(children.get(p, []))
    return found


def cpu_seconds(pids: list[int]) -> float:
    """User + system processor seconds of ``pids`` (their own, not their reaped children's)."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / TICK


def send(url: str, path: str, n: int) -> float:
    """Send ``path`` ``n`` times on one connection; wall seconds."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    started = time.monotonic()
    for _ in range(n):
        conn.request("GET", path, headers={"Accept": JSON})
        answer = conn.getresponse()
        body = answer.read()
        if answer.status != 200 or not body:
            raise SystemExit(f"server_cpu: {url}{path[:60]} answered {answer.status}: {body[:200]!r}")
    conn.close()
    return time.monotonic() - started


def measure(url: str, pid: int, path: str, n: int) -> tuple[float, float]:
    """(processor ms per request, wall ms per request) of the server ``pid`` for ``path``."""
    pids = tree(pid)
    before = cpu_seconds(pids)
    wall = send(url, path, n)
    return (cpu_seconds(pids) - before) * 1000 / n, wall * 1000 / n


def server_pid(url: str) -> int:
    """The process id of the `kg serve` supervisor (or only process) at ``url``."""
    import json
    import urllib.request

    with urllib.request.urlopen(url + "/status", timeout=10) as answer:
        status = json.load(answer)
    pid = min(status["server_pids"])
    with open(f"/proc/{pid}/stat", "rb") as f:
        parent = int(f.read().rsplit(b")", 1)[1].split()[1])
    # with several HTTP processes, their parent (the supervisor) is the root of the tree
    return parent if len(status["server_pids"]) > 1 else pid


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--requests", type=int, default=2000, help="requests per workload (default: %(default)s)")
    p.add_argument("--processes", type=int, default=None, help="kg serve --processes (default: the server's)")
    p.add_argument("--rounds", type=int, default=1, help="alternate the servers this many times; print the median")
    p.add_argument("--cache", action="store_true", help="kg serve with its answer cache (default: --cache-mb 0)")
    args = p.parse_args(argv)
    from kg.queries import Catalogue
    from kg.workspace import graph_file

    q = urllib.parse.urlencode
    timeline = Catalogue.load()["timeline"].inline({})
    workloads = [("ad-hoc", "/sparql?" + q({"query": SELECT}), "/query?" + q({"query": SELECT})),
                 ("saved", "/queries/timeline", "/query?" + q({"query": timeline})),
                 ("ASK {}", "/sparql?" + q({"query": "ASK {}"}), "/query?" + q({"query": "ASK {}"}))]
    options = ["--no-access-log", "--log-level", "warning"] + ([] if args.cache else ["--cache-mb", "0"])
    if args.processes:
        options += ["--processes", str(args.processes)]
    print(f"processor ms per request, one client, {args.requests} requests each (kg serve {' '.join(options[3:])}; "
          f"user + system time of every process of each server)")
    source = graph_file()
    with running(*options) as kg_url, oxigraph_serving(load=source) as ox_url:
        kg_pid = server_pid(kg_url)
        ox_pid = oxigraph_pid(ox_url)
        for name, kg_path, ox_path in workloads:
            send(kg_url, kg_path, 50)  # warm: first runs, local-run decisions
            send(ox_url, ox_path, 50)
            runs = []
            for _ in range(args.rounds):  # alternating: a change in the machine's load hits both servers
                kg_cpu, kg_wall = measure(kg_url, kg_pid, kg_path, args.requests)
                ox_cpu, ox_wall = measure(ox_url, ox_pid, ox_path, args.requests)
                # the clock ticks in 1/100 s: too few requests may show no processor time at all
                runs.append((kg_cpu / ox_cpu if ox_cpu else float("inf"), kg_cpu, kg_wall, ox_cpu, ox_wall))
            runs.sort()
            ratio, kg_cpu, kg_wall, ox_cpu, ox_wall = runs[len(runs) // 2]
            spread = f" (median of {args.rounds}: {' '.join(f'{r[0]:.2f}' for r in runs)})" if args.rounds > 1 else ""
            print(f"{name:<7} kg serve {kg_cpu:6.3f} ms CPU ({kg_wall:6.3f} ms wall), oxigraph serve {ox_cpu:6.3f} ms "
                  f"CPU ({ox_wall:6.3f} ms wall): kg serve uses {ratio:5.2f}x the processor time{spread}")
    return 0


def oxigraph_pid(url: str) -> int:
    """The process listening at ``url`` (oxigraph serve, started by this script)."""
    port = urllib.parse.urlsplit(url).port
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    fields = line.split()
                    if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "0A":
                        inodes.add(fields[9])
        except OSError:
            continue
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            for fd in os.listdir(f"/proc/{entry}/fd"):
                target = os.readlink(f"/proc/{entry}/fd/{fd}")
                if target.startswith("socket:[") and target[8:-1] in inodes:
                    return int(entry)
        except OSError:
            continue
    raise SystemExit(f"server_cpu: no process found listening at {url}")


if __name__ == "__main__":
    sys.exit(main())
