"""The server benchmarks run end to end (figures are not checked, only that each is printed)."""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NUMBER = r"[\d.]+"


def test_slow_and_fast_with_rounds_prints_medians_and_each_rounds_p99():
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "load_test.py"), "--slow-and-fast", "--seconds",
                          "1", "--rounds", "2"], capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    for what in ("fast requests alone:", "fast requests while 2 slow queries run:"):
        assert re.search(rf"^{what}\s+{NUMBER} req/s, p50\s+{NUMBER} ms, p99\s+{NUMBER} ms \(median of 2 rounds; "
                         rf"p99 of each: {NUMBER} {NUMBER} ms\)$", out.stdout, re.M), out.stdout
    assert "errors: 0" in out.stdout


def test_server_cpu_prints_processor_time_per_request_of_both_servers():
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "server_cpu.py"), "--requests", "200"],
                         capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    for workload in ("ad-hoc", "saved", "ASK {}"):
        assert re.search(rf"^{re.escape(workload)}\s+kg serve\s+{NUMBER} ms CPU .*oxigraph serve\s+{NUMBER} ms CPU .*"
                         rf"kg serve uses\s+({NUMBER}|inf)x the processor time", out.stdout, re.M), out.stdout
