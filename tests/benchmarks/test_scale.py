"""The scale benchmark runs end to end on a tiny corpus (its figures are not checked)."""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_scale_bench_prints_each_size_and_the_incremental_builds(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "scale.py"), "--sizes", "2", "--jobs", "1",
                          "--workdir", str(tmp_path)], capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert re.search(r"^\s+2 articles\s+\d+ words \| wall .* words/s/core \| peak RSS main \d+ MB.* \d+ triples$",
                     text, re.M), text
    incremental = re.findall(r"^Incremental build after changing 1 of 2 articles.*: .* (\d+) article\(s\) extracted, "
                             r"(\d+) article graph\(s\) made, \d+ MB written", text, re.M)
    assert incremental == [("1", "1"), ("1", "1")], text  # the other article comes from the caches
    assert "(--no-fsync)" in text


def test_scale_bench_times_a_changed_article_with_reasoning_without_the_clean_builds(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "scale.py"), "--sizes", "3", "--jobs", "2",
                          "--workdir", str(tmp_path), "--compare-reason", "--incremental-only", "--no-incremental"],
                         capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert re.search(r"^Catch-up build with reasoning of 3 articles: .* 3 article\(s\) extracted, 3 article graph", text,
                     re.M), text
    assert re.search(r"^Incremental build with reasoning after changing 1 of 3 articles \(--no-fsync\): wall [\d.]+s "
                     r"\(.*CPU [\d.]+s main, [\d.]+s workers\), 1 article\(s\) extracted, 1 article graph\(s\) made; "
                     r"phases: .*prepare", text, re.M), text
    assert "articles with reasoning" not in text and "Incremental build after" not in text  # no clean or plain builds
