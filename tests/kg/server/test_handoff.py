"""Connections are spread evenly over the HTTP processes (kg.server.handoff): the
supervisor accepts them and hands each to the next process in turn.  Real sockets on
127.0.0.1, and a real `kg serve` started and stopped by the tests."""
from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import time
import urllib.parse
from collections import Counter

from kg.server import bind
from kg.server.handoff import Dealer, channel
from kg.server.launch import running


def listener() -> socket.socket:
    sock = bind("127.0.0.1", 0)
    sock.listen(16)
    sock.setblocking(False)
    return sock


def taken(end: socket.socket) -> list[socket.socket]:
    """The connections handed over ``end`` so far."""
    end.setblocking(False)
    out = []
    while True:
        try:
            _, fds, _, _ = socket.recv_fds(end, 1, 4)
        except BlockingIOError:
            return out
        out += [socket.socket(fileno=fd) for fd in fds]


def dealt(dealer: Dealer, expected: int, deadline: float = 10.0) -> int:
    n, stop = 0, time.monotonic() + deadline
    while n < expected and time.monotonic() < stop:
        n += dealer.deal()
        time.sleep(0.01)
    return n


def test_the_dealer_hands_connections_to_processes_in_turn_and_they_are_the_clients():
    lst = listener()
    pairs = [channel() for _ in range(3)]
    dealer = Dealer(lst)
    for process, (ours, _) in enumerate(pairs):
        dealer.ready(process, ours)
    clients = [socket.create_connection(lst.getsockname(), timeout=10) for _ in range(7)]
    assert dealt(dealer, 7) == 7
    got = [taken(theirs) for _, theirs in pairs]
    assert sorted(len(g) for g in got) == [2, 2, 3]
    # each handed socket is the other end of one client's connection
    for i, client in enumerate(clients):
        client.sendall(b"hello %d" % i)
    heard = set()
    for conn in (c for g in got for c in g):
        conn.settimeout(10)
        heard.add(conn.recv(64))
        conn.close()
    assert heard == {b"hello %d" % i for i in range(7)}
    for sock in [lst, *clients, *(s for pair in pairs for s in pair)]:
        sock.close()


def dealer_of_two(both_ready: bool = True):
    """A dealer on a new listener with the channels of two processes (the second ready
    only with ``both_ready``): (listener, dealer, (ours, theirs) of each)."""
    lst = listener()
    a, b = channel(), channel()
    dealer = Dealer(lst)
    dealer.ready(0, a[0])
    if both_ready:
        dealer.ready(1, b[0])
    return lst, dealer, a, b


def test_a_process_that_has_gone_gets_no_connection_and_none_is_lost():
    lst, dealer, (_, a_theirs), (_, b_theirs) = dealer_of_two()
    b_theirs.close()  # process 1 has exited
    clients = [socket.create_connection(lst.getsockname(), timeout=10) for _ in range(4)]
    assert dealt(dealer, 4) == 4
    assert len(taken(a_theirs)) == 4 and list(dealer.ends) == [0]
    for sock in [lst, a_theirs, *clients]:
        sock.close()


def test_a_connection_no_process_can_take_waits_for_the_next_ready_one():
    lst, dealer, (_, a_theirs), (b_ours, b_theirs) = dealer_of_two(both_ready=False)
    a_theirs.close()  # the only process has exited
    client = socket.create_connection(lst.getsockname(), timeout=10)
    deadline = time.monotonic() + 10
    while not dealer.waiting:  # accepted, kept
        assert dealer.deal() == 0 and time.monotonic() < deadline
    dealer.ready(1, b_ours)  # its replacement is ready
    got = taken(b_theirs)
    assert len(got) == 1 and not dealer.waiting
    client.sendall(b"still here")
    got[0].settimeout(10)
    assert got[0].recv(64) == b"still here"
    for sock in [lst, b_theirs, client, *got]:
        sock.close()


def server_pids(netloc: str, n: int) -> tuple[Counter, list[http.client.HTTPConnection]]:
    conns = [http.client.HTTPConnection(netloc, timeout=60) for _ in range(n)]
    pids = Counter()
    for conn in conns:
        conn.request("GET", "/status")
        pids[json.loads(conn.getresponse().read())["server_pid"]] += 1
    return pids, conns


def both_processes(netloc: str) -> Counter:
    """The two HTTP processes' pids, from one request on each of two connections (closed)."""
    pids, conns = server_pids(netloc, 2)
    for conn in conns:
        conn.close()
    return pids


def test_ten_keep_alive_clients_are_split_five_and_five_and_stay_with_their_process():
    """With SO_REUSEPORT the kernel chose by a hash: 6/4, 7/3 and 10/0 were common."""
    with running("--processes", "2", "--workers", "1", "--page-workers", "1", "--no-access-log") as base:
        netloc = urllib.parse.urlsplit(base).netloc
        pids, conns = server_pids(netloc, 10)
        assert sorted(pids.values()) == [5, 5]
        for conn in conns:  # a keep-alive connection stays with the process that took it
            conn.request("GET", "/status")
            first = json.loads(conn.getresponse().read())["server_pid"]
            conn.request("GET", "/status")
            assert json.loads(conn.getresponse().read())["server_pid"] == first
            conn.close()


def test_when_the_supervisor_is_killed_the_http_processes_stop_too():
    """No process is left holding the graph with nobody to hand it connections."""
    with running("--processes", "2", "--workers", "1", "--page-workers", "1", "--no-access-log") as base:
        netloc = urllib.parse.urlsplit(base).netloc
        pids = both_processes(netloc)
        children = list(pids)
        with open(f"/proc/{children[0]}/stat") as stat:  # the supervisor is their parent
            supervisor = int(stat.read().rsplit(")", 1)[1].split()[1])
        os.kill(supervisor, signal.SIGKILL)
        assert gone(children, 60), "the HTTP processes outlived their supervisor"


def gone(pids, seconds: float = 30.0) -> bool:
    """Wait until every process of ``pids`` has exited (a zombie counts: its sockets are
    closed); False if one is still running after ``seconds``."""
    deadline = time.monotonic() + seconds
    while any(_alive(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):  # reaped before or during the read
        return False


def test_while_a_dead_process_is_replaced_every_new_connection_is_answered_by_the_other():
    with running("--processes", "2", "--workers", "1", "--page-workers", "1", "--no-access-log") as base:
        netloc = urllib.parse.urlsplit(base).netloc
        pids = both_processes(netloc)
        dead, alive = list(pids)
        os.kill(dead, signal.SIGKILL)
        assert gone([dead])
        answered, _ = server_pids(netloc, 20)  # its replacement is still starting its workers
        assert sum(answered.values()) == 20 and dead not in answered and alive in answered


def test_with_every_http_process_dead_connections_wait_and_are_answered_once_one_is_back():
    with running("--processes", "2", "--workers", "1", "--page-workers", "1", "--no-access-log") as base:
        netloc = urllib.parse.urlsplit(base).netloc
        pids = both_processes(netloc)
        for pid in pids:
            os.kill(pid, signal.SIGKILL)
        assert gone(pids)
        answered, _ = server_pids(netloc, 4)  # waits in the backlog while both start again
        assert sum(answered.values()) == 4 and not set(answered) & set(pids)
