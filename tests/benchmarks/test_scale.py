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
