"""Parallel extraction: the same files whatever the number of processes; progress display."""
from __future__ import annotations

import io
import shutil

import pytest

from kg.build import build
from support import ROOT, repo_config
from kg.extract.model import Extraction
from kg.parallel import Progress, default_jobs, local_cluster


def test_two_processes_give_the_same_files_as_one(tmp_path):
    docs = tmp_path / "documents"
    docs.mkdir()
    for name in ("001_da5aac3e0761b862.txt", "004_640bcc7791f640ba.txt"):
        shutil.copy(ROOT / "data" / "documents" / name, docs)
    shutil.copy(ROOT / "tests" / "data" / "articles" / "energy_partnership.txt", docs / "energy.txt")
    reports = {}
    for jobs in (1, 2):
        reports[jobs] = build(repo_config(tmp_path / f"j{jobs}", docs, formats=("trig", "nq"), check_owl=False,
                                          reason=False, jobs=jobs, cache=False))
        assert sorted(reports[jobs].extracted) == ["001_da5aac3e0761b862", "004_640bcc7791f640ba", "energy"]
    for name in ("kg.trig", "kg.nq"):
        assert (tmp_path / "j1" / name).read_bytes() == (tmp_path / "j2" / name).read_bytes(), name
    assert reports[1].documents == reports[2].documents


def _ex(i: int) -> Extraction:
    return Extraction(doc_id=f"doc{i}", text="x")


def test_progress_prints_plain_lines_when_stderr_is_not_a_terminal():
    stream = io.StringIO()
    bar = Progress(3, enabled=True, stream=stream)
    for i in range(3):
        bar.update(_ex(i))
    bar.close()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("[1/3] doc0:") and "articles/s" in lines[0] and "s left" in lines[0]
    assert lines[2].startswith("[3/3] doc2:")


def test_progress_is_quiet_when_disabled_and_throttled_for_large_batches():
    stream = io.StringIO()
    bar = Progress(3, enabled=False, stream=stream)
    bar.update(_ex(0))
    assert stream.getvalue() == ""
    big = Progress(1000, enabled=True, stream=stream)
    for i in range(1000):
        big.update(_ex(i))
    lines = stream.getvalue().splitlines()
    assert 1 <= len(lines) < 20 and lines[-1].startswith("[1000/1000]")


def test_cli_quiet_build_prints_no_progress(tmp_path, capfd):
    from kg.cli import main

    docs = tmp_path / "documents"
    docs.mkdir()
    shutil.copy(ROOT / "tests" / "data" / "articles" / "energy_partnership.txt", docs / "energy.txt")
    args = ["build", "--documents", str(docs), "--out", str(tmp_path / "out"), "--no-owl", "--no-reason",
            "--format", "trig", "-j", "2"]
    assert main([*args, "-q"]) == 0
    assert capfd.readouterr().err == ""
    assert main([*args, "--no-cache"]) == 0
    err = capfd.readouterr().err
    assert "[1/1] energy:" in err and "articles/s" in err
    assert default_jobs() >= 1


def test_without_keep_each_extraction_goes_only_to_the_callback():
    from kg.parallel import extract_many
    from kg.registry import load_registry

    items = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "data" / "documents").glob("*.txt"))[:2]]
    seen: list[str] = []
    assert extract_many(items, load_registry(), None, 2, on_done=lambda ex: seen.append(ex.doc_id), keep=False) == {}
    assert sorted(seen) == sorted(doc_id for doc_id, _ in items)


def test_a_dask_cluster_builds_the_same_files_as_local_processes(tmp_path):
    """A real ``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1, started
    and stopped here: ``kg build --scheduler`` writes the bytes a local build writes."""
    import socket
    import subprocess
    import sys

    from distributed import Client

    docs = tmp_path / "documents"
    shutil.copytree(ROOT / "data" / "documents", docs)
    with local_cluster(2, tmp_path / "dask.log") as address:
        with Client(address, timeout=60) as client:
            assert len(client.scheduler_info()["workers"]) == 2
        cluster = subprocess.run([sys.executable, "-m", "kg.cli", "build", "-q", "--documents", str(docs),
                                  "--cache", str(tmp_path / "shared-cache"), "--out", str(tmp_path / "cluster"),
                                  "--scheduler", address], capture_output=True, text=True, timeout=600)
    with pytest.raises(ConnectionRefusedError):  # the scheduler is stopped on leaving
        socket.create_connection(("127.0.0.1", int(address.rsplit(":", 1)[1])), timeout=5).close()
    assert cluster.returncode == 0, cluster.stderr[-3000:]
    assert "Extracted 3 article(s)" in cluster.stdout and "made 3 article graph(s)" in cluster.stdout
    build(repo_config(tmp_path / "local", docs, cache=tmp_path / "local-cache", jobs=2))
    for name in ("kg.trig", "kg.ttl"):
        assert (tmp_path / "cluster" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
    assert (tmp_path / "local" / "kg.trig").read_bytes() == (ROOT / "data" / "kg.trig").read_bytes()
    assert not list((tmp_path / "shared-cache" / "blocks" / "work").glob("*.pickle"))
