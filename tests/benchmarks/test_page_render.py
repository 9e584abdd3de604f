"""The page benchmark runs end to end on a small synthetic graph (figures are not checked)."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("chromium") is None or shutil.which("chromedriver") is None,
                    reason="needs Debian's chromium and chromium-driver (scripts/setup.sh)")
def test_page_render_prints_every_page_and_the_targets(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "page_render.py"), "--quads", "20000",
                          "--runs", "1", "--json", str(tmp_path / "figures.json")],
                         capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert out.returncode in (0, 1), out.stderr  # 1: a target missed, which this test does not judge
    text = out.stdout
    for page in ("/timeline", "/network", "/map", "/id/russia", "/queries/event_dates"):
        for graph in ("published", "synthetic"):
            assert re.search(rf"^{re.escape(page)}\s+{graph}\s+[\d+]+\s+\d+\s+\d+\s+\d+\s+-?\d+\s+[\d.]+\s+\d+\s+\d+\s+\d+$",
                             text, re.M), f"no row for {page} ({graph}):\n{text}"
    assert re.search(r"^(PASS|FAIL): /timeline with [\d,]+ events drawn in \d+ ms cold", text, re.M)
    assert re.search(r"^(PASS|FAIL): the heaviest page, .* weighs [\d,]+ bytes as sent", text, re.M)
    assert (tmp_path / "figures.json").is_file()
