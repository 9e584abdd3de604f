"""Scale benchmark: build synthetic corpora of growing size and print the figures.

For each size N (default 10, 100, 1000, 10000) it generates N articles with
benchmarks/corpus_generator.py, runs a clean build (empty cache) in a fresh process
and prints wall time, articles/s, words/s (overall and of extraction per core), peak
memory (main process and largest worker) and triples.  It then changes one article of
the largest corpus and times the incremental build, then another with ``--no-fsync``
(the published files are then not flushed to disk: the write phase is disk-bound).

    python benchmarks/scale.py --sizes 10,100 --jobs 2

Builds skip HermiT and the inferred graph unless --owl / --reason are given (both
grow with the whole graph, not with the articles changed).
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def child(docs: str, out: str, cache: str, jobs: int, owl: bool, reason: bool, durable: bool = True) -> None:
    """Run one build in this process and print its figures as JSON (used by the parent)."""
    from kg.build import BuildConfig, build

    t = time.perf_counter()
    report = build(BuildConfig.for_folders(Path(docs), Path(out), formats=("trig", "ttl"), check_owl=owl,
                                           reason=reason, jobs=jobs, cache=Path(cache), durable=durable))
    wall = time.perf_counter() - t
    print(json.dumps({
        "wall": wall, "triples": report.triples, "extracted": len(report.extracted),
        "blocks_made": len(report.blocks_made),
        "bytes": sum(p.stat().st_size for p in report.written),
        "seconds": report.seconds,
        "rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }))


def run_build(docs: Path, out: Path, cache: Path, jobs: int, owl: bool, reason: bool, durable: bool = True) -> dict:
    cmd = [sys.executable, __file__, "--child", str(docs), str(out), str(cache), str(jobs)]
    cmd += ["--owl"] * owl + ["--reason"] * reason + ["--no-fsync"] * (not durable)
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"build failed:\n{proc.stderr[-3000:]}")
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    figures["process_wall"] = time.perf_counter() - t
    return figures


def line(n: int, words: int, f: dict, jobs: int) -> str:
    extract = f["seconds"].get("extract", 0.0) or 1e-9
    phases = ", ".join(f"{k} {v:.1f}s" for k, v in f["seconds"].items())
    return (f"{n:>6} articles {words:>9} words | wall {f['wall']:8.1f}s (process {f['process_wall']:.1f}s) | "
            f"{n / f['wall']:6.2f} art/s | {words / f['wall']:7.0f} words/s | extraction "
            f"{words / extract / jobs:6.0f} words/s/core | peak RSS main {f['rss_main_mb']:.0f} MB, "
            f"worker {f['rss_worker_mb']:.0f} MB | {f['triples']} triples\n        phases: {phases}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--jobs", type=int, default=None, help="extraction processes (default: all cores)")
    parser.add_argument("--workdir", type=Path, default=None, help="where corpora go (default: a temp folder)")
    parser.add_argument("--owl", action="store_true", help="include the HermiT consistency check")
    parser.add_argument("--reason", action="store_true", help="include the inferred graph")
    parser.add_argument("--incremental-only", action="store_true",
                        help="skip the clean builds: bring the largest size's caches up to date (after a code "
                             "change, say), then time the incremental builds")
    parser.add_argument("--no-fsync", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child", nargs=4, metavar=("DOCS", "OUT", "CACHE", "JOBS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child[:3], int(args.child[3]), args.owl, args.reason, not args.no_fsync)
        return 0
    from benchmarks.corpus_generator import generate
    from kg.parallel import default_jobs

    jobs = args.jobs or default_jobs()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="pakru-scale-"))
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(f"Scale benchmark: {jobs} extraction process(es), work folder {work}", flush=True)
    for n in sizes if not args.incremental_only else ():
        docs = work / f"n{n}" / "documents"
        paths = generate(n, docs) if not docs.exists() else sorted(docs.glob("*.txt"))
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
        cache = work / f"n{n}" / "cache"
        if cache.exists():
            import shutil

            shutil.rmtree(cache)
        figures = run_build(docs, work / f"n{n}" / "out", cache, jobs, args.owl, args.reason)
        print(line(n, words, figures, jobs), flush=True)
    n = sizes[-1]
    docs = work / f"n{n}" / "documents"
    if args.incremental_only:
        if not docs.exists():
            generate(n, docs)
        f = run_build(docs, work / f"n{n}" / "out", work / f"n{n}" / "cache", jobs, args.owl, args.reason)
        print(f"Catch-up build of {n} articles: wall {f['wall']:.1f}s, {f['extracted']} article(s) extracted, "
              f"{f['blocks_made']} article graph(s) made", flush=True)
    for position, durable in ((0, True), (1, False)):
        changed = sorted(docs.glob("*.txt"))[position]
        changed.write_text(changed.read_text(encoding="utf-8").rstrip("\n")
                           + " Pakistan and Russia signed a new agreement.\n", encoding="utf-8")
        f = run_build(docs, work / f"n{n}" / "out", work / f"n{n}" / "cache", jobs, args.owl, args.reason, durable)
        phases = ", ".join(f"{k} {v:.1f}s" for k, v in f["seconds"].items())
        print(f"Incremental build after changing 1 of {n} articles{'' if durable else ' (--no-fsync)'}: "
              f"wall {f['wall']:.1f}s (process {f['process_wall']:.1f}s), {f['extracted']} article(s) extracted, "
              f"{f['blocks_made']} article graph(s) made, {f['bytes'] / 1e6:.0f} MB written; phases: {phases}",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
