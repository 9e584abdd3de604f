"""The ``kg`` command line: help, version and exit codes."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kg import __version__
from support import ROOT
from kg.cli import build_parser, main


def test_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for command in ("build", "eval"):
        assert command in out
    assert "Exit codes" in out


def test_every_command_has_help():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert set(sub.choices) >= {"build", "eval", "query", "sparql", "entity", "reason", "validate", "serve"}
    for name, sub_parser in sub.choices.items():
        assert sub_parser.description and len(sub_parser.description) > 30, name
        assert "-h, --help" in sub_parser.format_help(), name


def test_version(capsys):
    with pytest.raises(SystemExit):
        main(["--version"])
    assert __version__ in capsys.readouterr().out


def test_usage_errors_exit_two(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["no-such-command"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main([])
    assert exc.value.code == 2


def test_console_script_runs():
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "--format" in proc.stdout


def test_missing_documents_folder_is_an_input_error(tmp_path, capsys):
    assert main(["build", "-q", "--documents", str(tmp_path / "nope"), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "documents folder does not exist" in err and "nope" in err


def test_kg_formats_warnings_only_while_it_runs(tmp_path, capsys):
    """`kg: warning: ...` lines are the CLI's; a caller in the same process (pytest's
    warning summary, say) keeps its own format, with the file and line of each warning."""
    import warnings

    before = warnings.formatwarning
    assert main(["build", "-q", "--documents", str(tmp_path / "nope"), "--out", str(tmp_path)]) == 2
    with pytest.raises(SystemExit):
        main(["--version"])
    assert warnings.formatwarning is before



def test_a_reader_that_stops_early_gets_no_traceback(monkeypatch, capsys):
    """`kg sparql ... | head -1`: the reader has gone when the answer is written; the command
    ends quietly with the exit code of SIGPIPE (141), as Unix tools do."""
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first write
    with capsys.disabled(), os.fdopen(write, "w") as closed:
        monkeypatch.setattr(sys, "stdout", closed)
        code = main(["sparql", "SELECT * WHERE { ?s ?p ?o } LIMIT 5", "--format", "csv"])
        monkeypatch.undo()
    assert code == 141


def test_a_broken_pipe_that_is_not_the_reader_s_is_not_hidden(monkeypatch):
    """A closed pipe to another process (a tool the command drives) is an error of its own,
    not a reader that stopped early: it is not turned into a quiet 141."""
    def broken(args):
        raise BrokenPipeError(32, "Broken pipe")
    monkeypatch.setattr("kg.commands.sparql.run", broken)
    with pytest.raises(BrokenPipeError):
        main(["sparql", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"])
