"""scripts/check_wheel.sh: the wheel, installed (not editable) into a fresh virtual
environment, works from a folder outside the repository (about a minute)."""
from __future__ import annotations

import os
import subprocess
import sys

from support import ROOT


def test_the_installed_wheel_works_outside_the_repository(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("KG_HOME", "PYTHONPATH", "VIRTUAL_ENV")}
    env.update(PYTHON=sys.executable, TMPDIR=str(tmp_path))
    proc = subprocess.run(["bash", str(ROOT / "scripts" / "check_wheel.sh")], capture_output=True, text=True,
                          timeout=1800, cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-5000:]
    for line in ("the facade prints the timeline of the shipped graph",
                 "kg query run timeline answers from the shipped graph",
                 "kg build outside a workspace exits 2 naming kg init; shipped files untouched",
                 "kg init, kg add, kg build and kg query run events work in a new workspace",
                 "kg serve answered /queries/events on http://127.0.0.1:"):
        assert f"check_wheel: {line}" in proc.stderr
    assert "Establishment of relations: Pakistan, Russia (1948-05-01)" in proc.stdout
    assert "doc:a_0781ec2f1f405035" in proc.stdout
