"""``kg build`` end to end: checks pass, output is deterministic and equals the committed files,
and a failing build leaves the published files as they were."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import build
from kg.build import check as check_stage
from kg.errors import ValidationError
from kg.publish import write_atomically
from support import ROOT, repo_config

PUBLISHED = ("kg.trig", "kg.ttl")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    report = build(repo_config(out, formats=("trig", "ttl", "nt", "nq", "jsonld"), check_owl=True))
    return out, report


def test_build_passes_every_check(built):
    _, report = built
    assert report.shapes_conform is True
    assert report.consistent is True
    assert report.evidence_checked > 300
    for cls in ("Event", "Claim", "State", "Membership", "MonetaryAmount", "ProjectInterest"):
        assert report.per_class[cls] > 0, cls
    assert len(report.documents) == 3
    assert "Shapes: conforms." in report.text()


def test_published_files_equal_a_fresh_build(built):
    out, _ = built
    for name in PUBLISHED:
        assert (out / name).read_bytes() == (ROOT / "data" / name).read_bytes(), (
            f"data/{name} differs from what the code builds: run `kg build` and commit it")


def test_a_second_build_in_another_process_is_byte_identical(built, tmp_path):
    out, _ = built
    env = dict(os.environ, PYTHONHASHSEED="12345")
    proc = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", "-q", "--no-owl", "--no-cache", "--out", str(tmp_path),
         "--format", "trig,ttl,nt,nq,jsonld"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    for name in ("kg.trig", "kg.ttl", "kg.nt", "kg.nq", "kg.jsonld"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


def test_published_files_say_they_are_generated(built):
    out, _ = built
    for name in ("kg.trig", "kg.ttl", "kg.nt", "kg.nq"):
        head = (out / name).read_text(encoding="utf-8").splitlines()[0]
        assert head.startswith("# GENERATED FILE"), name


def test_no_temporary_files_are_left(built):
    out, _ = built
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_build_failing_at_validation_writes_nothing(tmp_path, monkeypatch):
    for name in PUBLISHED:
        (tmp_path / name).write_bytes((ROOT / "data" / name).read_bytes())
    before = _snapshot(tmp_path)

    def fail(*args, **kwargs):
        raise ValidationError("simulated shape violation")

    monkeypatch.setattr(check_stage, "check", fail)
    with pytest.raises(ValidationError):
        build(repo_config(tmp_path, check_owl=False))
    assert _snapshot(tmp_path) == before


def test_a_rename_failing_midway_restores_the_files_already_replaced(tmp_path, monkeypatch):
    a, b = tmp_path / "kg.trig", tmp_path / "kg.ttl"
    a.write_text("old trig\n")
    b.write_text("old ttl\n")
    real_replace = os.replace
    calls = []

    def flaky(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError("disk full (simulated)")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", flaky)
    with pytest.raises(OSError):
        write_atomically({a: "new trig\n", b: "new ttl\n"})
    monkeypatch.setattr(os, "replace", real_replace)
    assert a.read_text() == "old trig\n" and b.read_text() == "old ttl\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg.trig", "kg.ttl"]


@pytest.mark.parametrize("durable, flushes", [(True, 2), (False, 0)])
def test_files_are_flushed_to_disk_unless_asked_not_to(tmp_path, monkeypatch, durable, flushes):
    calls = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append(fd) or real_fsync(fd))
    write_atomically({tmp_path / "a": "a\n", tmp_path / "b": lambda fh: fh.write(b"b\n")}, durable=durable)
    assert len(calls) == flushes
    assert (tmp_path / "a").read_text() == "a\n" and (tmp_path / "b").read_text() == "b\n"


def test_cli_build_reports_and_exits_zero(tmp_path):
    from kg.cli import main

    assert main(["build", "-q", "--no-owl", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "kg.trig").exists() and (tmp_path / "kg.ttl").exists()


def test_cli_build_unknown_format_is_a_usage_error(tmp_path, capsys):
    from kg.cli import main

    assert main(["build", "-q", "--no-owl", "--out", str(tmp_path), "--format", "trig,rdfxml"]) == 2
    assert "rdfxml" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_clean_parallel_build_equals_the_committed_files(tmp_path):
    """No cache, two processes: the committed files again (the fixture may have used the cache)."""
    build(repo_config(tmp_path, check_owl=False, jobs=2, cache=False))
    for name in PUBLISHED:
        assert (tmp_path / name).read_bytes() == (ROOT / "data" / name).read_bytes(), name


def test_cli_add_and_remove_are_registered():
    from kg.cli import build_parser

    args = build_parser().parse_args(["add", "x.txt", "--title", "T", "-j", "2"])
    assert args.files[0].name == "x.txt" and args.title == "T" and args.jobs == 2
    assert build_parser().parse_args(["remove", "a_0123"]).ids == ["a_0123"]
