"""Large-article benchmark: what one long article costs to build, reasoning included.

For each size (default 500, 1,000, 3,000 and 10,000 sentences) it writes one article of that
many sentences (news-like sentences about Pakistan and Russia, cycled with changing
years), runs a clean `kg build` on it (HermiT check and reasoning on, no cache) in a
fresh process, and prints one line: seconds, the process's peak memory, and whether it
was built or refused up front by the sentence limit (kg/corpus.py, MAX_SENTENCES).

    .venv/bin/python benchmarks/large_article.py
    .venv/bin/python benchmarks/large_article.py --sizes 500,1000
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = (
    "Pakistan and Russia held a joint military exercise in {year}.",
    "The foreign minister of Pakistan visited Moscow in {year} to discuss trade and energy.",
    "Russia offered to invest in the Pakistan Steel Mills in {year}.",
    "Islamabad supported Moscow's observer status at the Organisation of Islamic Cooperation in {year}.",
    "Both countries signed a memorandum of understanding on gas pipelines in {year}.",
    "Trade between Pakistan and Russia grew to $ {amount} million in {year}.",
)


def article(n: int) -> str:
    """``n`` sentences, five to a paragraph."""
    lines = []
    for i in range(n):
        year = 1990 + i % 35
        lines.append(SENTENCES[i % len(SENTENCES)].format(year=year, amount=100 + i % 900))
    paragraphs = [" ".join(lines[i:i + 5]) for i in range(0, n, 5)]
    return "\n\n".join(paragraphs) + "\n"


def measure(n: int, timeout: float) -> str:
    """Build one article of ``n`` sentences in a child process; one line of figures."""
    with tempfile.TemporaryDirectory(prefix="kg-large-") as tmp:
        docs, out = Path(tmp) / "documents", Path(tmp) / "out"
        docs.mkdir()
        (docs / f"large_{n}.txt").write_text(article(n), encoding="utf-8")
        size = (docs / f"large_{n}.txt").stat().st_size
        cmd = [sys.executable, "-m", "kg.cli", "build", "--documents", str(docs), "--out", str(out),
               "--no-cache", "-j", "1", "-q"]
        log = Path(tmp) / "build.log"
        started = time.perf_counter()
        with open(log, "wb") as out_file:
            proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out_file, stderr=subprocess.STDOUT)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own figures, peak memory included
        timer.cancel()
        wall = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        timed_out = code == -9
        peak = usage.ru_maxrss / 1024  # KiB -> MiB
        output = log.read_text(encoding="utf-8", errors="replace")
    head = f"{n:>6,} sentences ({size / 1024:,.0f} KB): "
    if timed_out:
        return head + f"still building after {wall:.0f} s (stopped), peak so far >= {peak:,.0f} MB"
    if code == 0:
        return head + f"built in {wall:.1f} s, peak memory {peak:,.0f} MB"
    reason = (output.strip().splitlines() or ["?"])[-1]
    return head + f"refused up front in {wall:.1f} s (exit {code}), peak memory {peak:,.0f} MB: {reason}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="500,1000,3000,10000", help="sentence counts (default: %(default)s)")
    p.add_argument("--timeout", type=float, default=600, help="stop a build after this many seconds")
    args = p.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"large articles: one article per build, reasoning and HermiT on, no cache "
          f"({os.cpu_count()} cores; the machine may be shared)")
    for n in sizes:
        print(measure(n, args.timeout), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
