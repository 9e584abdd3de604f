"""The entity-page benchmark runs end to end on the published graph (figures are not checked)."""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_entity_page_prints_a_row_per_page():
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "entity_page.py"), "--rounds", "1",
                          "id/russia", "id/sco"], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    for page in ("/id/russia", "/id/sco"):
        assert re.search(rf"^{page}\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+x\s+[\d.]+\s+\d+$", out.stdout, re.M), out.stdout
