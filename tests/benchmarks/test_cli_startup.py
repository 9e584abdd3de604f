"""benchmarks/cli_startup.py runs and prints its figures (the figures themselves are for
people to read: no timed assertion)."""
from __future__ import annotations

import re
import subprocess
import sys

from support import ROOT


def test_the_startup_benchmark_prints_both_times_and_their_difference():
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "cli_startup.py"), "--runs", "3"],
                         capture_output=True, text=True, timeout=300, check=True).stdout
    bare = float(re.search(r"python -c pass\s+([\d.]+) ms CPU", out)[1])
    help_ = float(re.search(r"kg --help\s+([\d.]+) ms CPU", out)[1])
    diff = float(re.search(r"difference\s+(-?[\d.]+) ms CPU\s+target < 120 ms: (PASS|FAIL)", out)[1])
    assert bare > 0 and help_ > 0
    assert abs(diff - (help_ - bare)) < 0.11
