"""Every gold set in the repository passes tests/gold/check_gold.py, and the checker does fail
on a gold file that breaks docs/annotation-guide.md."""
from __future__ import annotations

import subprocess
import sys

from support import ROOT

CHECKER = ROOT / "tests" / "gold" / "check_gold.py"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHECKER), *args], capture_output=True, text=True)


def test_every_gold_file_passes_the_checker():
    done = run()
    assert done.returncode == 0, done.stderr
    assert "OK" in done.stdout


def test_a_broken_gold_file_is_named_with_its_problems(tmp_path):
    (tmp_path / "x.txt").write_text("Lavrov met Dar in Islamabad on Thursday.", encoding="utf-8")
    (tmp_path / "x.gold.yaml").write_text(
        "document: x\nmentions: []\nlatest_date: '2024'\n"
        "events:\n  - {type: Meeting, sentence: 'met Dar', participants: [pakistan], status: soon}\n"
        "claims:\n  - {kind: Opinion, sentence: 'nowhere', speaker: 'new:Nobody'}\n",
        encoding="utf-8")
    done = run(str(tmp_path / "x.gold.yaml"))
    assert done.returncode == 1
    assert "status 'soon'" in done.stderr
    assert "kind 'Opinion'" in done.stderr
    assert "snippet 'nowhere' occurs 0 times" in done.stderr
    assert "participant 'pakistan' is never mentioned" in done.stderr


def test_a_second_reading_in_a_subfolder_is_checked_against_the_article_above(tmp_path):
    (tmp_path / "x.txt").write_text("Lavrov met Dar in Islamabad on Thursday.", encoding="utf-8")
    aligned = tmp_path / "aligned"
    aligned.mkdir()
    (aligned / "x.gold.yaml").write_text(
        "document: x\nmentions: []\nlatest_date: '2024'\n"
        "events:\n  - {type: Meeting, sentence: 'met Dar', participants: [pakistan]}\n", encoding="utf-8")
    done = run(str(aligned))
    assert done.returncode == 1  # the article above was read: its words decide the snippet checks
    assert "participant 'pakistan' is never mentioned" in done.stderr
    assert "not found" not in done.stderr
