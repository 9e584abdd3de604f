"""scripts/vendor_js.sh: the JavaScript and map data shipped in kg/server/static/vendor are
the pinned npm files (checked against SHA256SUMS, without the network) with their licences."""
from __future__ import annotations

import subprocess

from support import ROOT

VENDOR = ROOT / "kg" / "server" / "static" / "vendor"


def test_the_vendored_files_match_their_checksums_and_carry_their_licences():
    proc = subprocess.run(["bash", str(ROOT / "scripts" / "vendor_js.sh"), "--check"], capture_output=True,
                          text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    listed = {line.split()[1] for line in (VENDOR / "SHA256SUMS").read_text().splitlines()}
    assert listed == {"vega.min.js", "vega-interpreter.js", "countries-110m.json"}
    for name in ("vega", "vega-interpreter", "world-atlas"):
        assert (VENDOR / f"{name}.LICENSE").read_text().strip()
    script = (ROOT / "scripts" / "vendor_js.sh").read_text()
    assert "vega@6.4.0" in script and "vega-interpreter@2.3.2" in script and "world-atlas@2.0.2" in script
    # the interpreter is what lets the charts run without eval
    assert "vega.expressionInterpreter = expression;" in (VENDOR / "vega-interpreter.js").read_text()


def test_a_changed_file_fails_the_check(tmp_path):
    copy = tmp_path / "repo"
    (copy / "scripts").mkdir(parents=True)
    (copy / "kg" / "server" / "static").mkdir(parents=True)
    subprocess.run(["cp", "-r", str(VENDOR), str(copy / "kg" / "server" / "static")], check=True)
    subprocess.run(["cp", str(ROOT / "scripts" / "vendor_js.sh"), str(copy / "scripts")], check=True)
    with open(copy / "kg" / "server" / "static" / "vendor" / "countries-110m.json", "a") as f:
        f.write(" ")
    proc = subprocess.run(["bash", str(copy / "scripts" / "vendor_js.sh"), "--check"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode != 0 and "countries-110m.json" in proc.stdout + proc.stderr
