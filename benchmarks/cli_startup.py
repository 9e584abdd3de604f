"""How much CPU ``kg --help`` costs above a bare interpreter.

Runs ``python -c pass`` and ``kg --help`` (the ``kg`` script beside the interpreter,
else ``python -m kg.cli --help``; the same interpreter, so site start-up and the
editable-install finder cancel out) alternately, N times each, and
prints the median CPU time (user + system, from ``getrusage`` of the finished child) of
each and their difference, against the target of 120 ms.  CPU time, not wall time, so
that the figure holds on a machine shared with other work.

    .venv/bin/python benchmarks/cli_startup.py            # 21 runs each
    .venv/bin/python benchmarks/cli_startup.py --runs 51
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

TARGET_MS = 120.0


def cpu_ms(cmd: list[str]) -> float:
    """CPU milliseconds (user + system) the child running ``cmd`` used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return 1000 * ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=21, help="runs of each command (default: %(default)s)")
    ap.add_argument("--python", default=sys.executable, help="interpreter (default: this one)")
    args = ap.parse_args(argv)
    bare_cmd = [args.python, "-c", "pass"]
    script = Path(args.python).with_name("kg")
    kg_cmd = [str(script), "--help"] if script.is_file() else [args.python, "-m", "kg.cli", "--help"]
    env_note = f"{os.cpu_count()} cores (shared machine: CPU time, not wall time)"
    bare, help_ = [], []
    cpu_ms(kg_cmd)  # warm the page cache and the bytecode
    for _ in range(args.runs):
        bare.append(cpu_ms(bare_cmd))
        help_.append(cpu_ms(kg_cmd))
    b, h = statistics.median(bare), statistics.median(help_)
    print(f"cli start-up, median of {args.runs} runs each, {env_note}")
    print(f"  python -c pass        {b:7.1f} ms CPU")
    print(f"  kg --help             {h:7.1f} ms CPU")
    print(f"  difference            {h - b:7.1f} ms CPU   target < {TARGET_MS:.0f} ms: "
          f"{'PASS' if h - b < TARGET_MS else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
