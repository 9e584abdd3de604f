"""Scale benchmark: build synthetic corpora of growing size and print the figures.

For each size N (default 10, 100, 1000, 10000) it generates N articles with
benchmarks/corpus_generator.py, runs a clean build (empty cache) in a fresh process
and prints wall time, articles/s, words/s (overall and of extraction per core), peak
memory (main process and largest worker) and triples.  It then changes one article of
the largest corpus and times the incremental build, then another with ``--no-fsync``
(the published files are then not flushed to disk: the write phase is disk-bound).

    python benchmarks/scale.py --sizes 10,100 --jobs 2
    python benchmarks/scale.py --sizes 1000 --compare-reason --dask-workers 1,2

Builds skip HermiT and the inferred graph unless --owl / --reason are given.
``--compare-reason`` builds the largest corpus again from an empty cache with the
inferred graph (kg.inference; HermiT off) and prints the ratio to the build without it,
then times one changed article with reasoning (``--no-fsync``).  ``--dask-workers 1,2``
starts a real ``dask scheduler`` and that many ``dask worker`` processes (one thread
each) on 127.0.0.1 for each count, builds the largest corpus on them from an empty
cache and prints the wall times and their ratio; then a projection for 1M articles on N
machines from the measured per-worker rate, the serial part of the build and the cache
and output volumes per article.  ``--no-incremental`` skips the changed-article builds
(the clean build stays: it is the baseline of the Dask ratio and gives the volumes):

    python benchmarks/scale.py --sizes 10000 --dask-workers 1,2 --no-incremental
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


def child(docs: str, out: str, cache: str, jobs: int, owl: bool, reason: bool, durable: bool = True,
          scheduler: str | None = None) -> None:
    """Run one build in this process and print its figures as JSON (used by the parent)."""
    import contextlib

    from kg.build import BuildConfig, build
    from kg.parallel import cluster_executor

    cpu = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    with cluster_executor(scheduler) if scheduler else contextlib.nullcontext() as executor:
        report = build(BuildConfig.for_folders(Path(docs), Path(out), formats=("trig", "ttl"), check_owl=owl,
                                               reason=reason, jobs=jobs, cache=Path(cache), durable=durable),
                       executor=executor)
    wall = time.perf_counter() - t
    print(json.dumps({
        "wall": wall, "triples": report.triples, "extracted": len(report.extracted),
        "blocks_made": len(report.blocks_made),
        "bytes": sum(p.stat().st_size for p in report.written),
        "seconds": report.seconds,
        "rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        # CPU seconds of the build (this process after its imports, and its worker processes)
        "cpu_main": _cpu(resource.RUSAGE_SELF) - cpu[0], "cpu_workers": _cpu(resource.RUSAGE_CHILDREN) - cpu[1],
    }))


def _cpu(who) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_build(docs: Path, out: Path, cache: Path, jobs: int, owl: bool, reason: bool, durable: bool = True,
              scheduler: str | None = None) -> dict:
    cmd = [sys.executable, __file__, "--child", str(docs), str(out), str(cache), str(jobs)]
    cmd += ["--owl"] * owl + ["--reason"] * reason + ["--no-fsync"] * (not durable)
    cmd += ["--scheduler", scheduler] if scheduler else []
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
    parser.add_argument("--no-incremental", action="store_true",
                        help="skip the changed-article builds (what the Dask ratio and the projection do not need)")
    parser.add_argument("--compare-reason", action="store_true",
                        help="also build the largest corpus with the inferred graph and time a changed article with "
                             "it (with --incremental-only: bring its caches up to date, then time the changed article)")
    parser.add_argument("--dask-workers", default="", metavar="1,2",
                        help="also build the largest corpus on a local dask cluster of each number of workers")
    parser.add_argument("--no-fsync", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--scheduler", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--child", nargs=4, metavar=("DOCS", "OUT", "CACHE", "JOBS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child[:3], int(args.child[3]), args.owl, args.reason, not args.no_fsync, args.scheduler)
        return 0
    from benchmarks.corpus_generator import generate
    from kg.parallel import default_jobs

    jobs = args.jobs or default_jobs()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="pakru-scale-"))
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(f"Scale benchmark: {jobs} extraction process(es), work folder {work}", flush=True)
    clean: dict = {}
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
        clean = {"n": n, "words": words, **figures, "cache_bytes": _size(cache)}
    n = sizes[-1]
    docs = work / f"n{n}" / "documents"
    if args.incremental_only and not docs.exists():
        generate(n, docs)
    if args.incremental_only and not args.no_incremental:
        f = run_build(docs, work / f"n{n}" / "out", work / f"n{n}" / "cache", jobs, args.owl, args.reason)
        print(f"Catch-up build of {n} articles: wall {f['wall']:.1f}s, {f['extracted']} article(s) extracted, "
              f"{f['blocks_made']} article graph(s) made", flush=True)
    for position, durable in ((0, True), (1, False)) if not args.no_incremental else ():
        changed = sorted(docs.glob("*.txt"))[position]
        changed.write_text(changed.read_text(encoding="utf-8").rstrip("\n")
                           + " Pakistan and Russia signed a new agreement.\n", encoding="utf-8")
        f = run_build(docs, work / f"n{n}" / "out", work / f"n{n}" / "cache", jobs, args.owl, args.reason, durable)
        phases = ", ".join(f"{k} {v:.1f}s" for k, v in f["seconds"].items())
        print(f"Incremental build after changing 1 of {n} articles{'' if durable else ' (--no-fsync)'}: "
              f"wall {f['wall']:.1f}s (process {f['process_wall']:.1f}s; CPU {f['cpu_main']:.1f}s main, "
              f"{f['cpu_workers']:.1f}s workers), {f['extracted']} article(s) extracted, "
              f"{f['blocks_made']} article graph(s) made, {f['bytes'] / 1e6:.0f} MB written; phases: {phases}",
              flush=True)
    if args.compare_reason and clean:
        compare_reason(work, n, jobs, clean)
    elif args.compare_reason:
        changed_with_reason(work, n, jobs, catch_up=True)
    counts = [int(c) for c in args.dask_workers.split(",") if c.strip()]
    if counts and clean:
        rates = dask_builds(work, n, counts, clean)
        project(clean, rates)
    return 0


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _cold(work: Path, name: str) -> tuple[Path, Path]:
    import shutil

    cache, out = work / name / "cache", work / name / "out"
    shutil.rmtree(work / name, ignore_errors=True)
    return cache, out


def compare_reason(work: Path, n: int, jobs: int, plain: dict) -> None:
    """The largest corpus again, from an empty cache, with the inferred graph; then one
    changed article with it (without fsync)."""
    docs = work / f"n{n}" / "documents"
    cache, out = _cold(work, f"n{n}-reason")
    f = run_build(docs, out, cache, jobs, False, True)
    print(line(n, plain["words"], f, jobs).replace("articles", "articles, with reasoning", 1), flush=True)
    print(f"Reasoning build / build without reasoning at {n} articles: {f['wall']:.1f}s / {plain['wall']:.1f}s = "
          f"{f['wall'] / plain['wall']:.2f}x (goal <= 1.5x; inferred graph {f['seconds'].get('reason', 0):.2f}s)",
          flush=True)
    changed_with_reason(work, n, jobs)


def changed_with_reason(work: Path, n: int, jobs: int, catch_up: bool = False) -> None:
    """One changed article of the largest corpus with the inferred graph (without fsync);
    ``catch_up``: bring that build's caches up to date first (after a code change, say)."""
    docs = work / f"n{n}" / "documents"
    cache, out = work / f"n{n}-reason" / "cache", work / f"n{n}-reason" / "out"
    if catch_up:
        f = run_build(docs, out, cache, jobs, False, True, durable=False)
        print(f"Catch-up build with reasoning of {n} articles: wall {f['wall']:.1f}s, {f['extracted']} article(s) "
              f"extracted, {f['blocks_made']} article graph(s) made", flush=True)
    changed = sorted(docs.glob("*.txt"))[2]
    changed.write_text(changed.read_text(encoding="utf-8").rstrip("\n")
                       + " Russia and Pakistan held talks in Karachi.\n", encoding="utf-8")
    f = run_build(docs, out, cache, jobs, False, True, durable=False)
    phases = ", ".join(f"{k} {v:.1f}s" for k, v in f["seconds"].items())
    print(f"Incremental build with reasoning after changing 1 of {n} articles (--no-fsync): wall {f['wall']:.1f}s "
          f"(process {f['process_wall']:.1f}s; goal <= 10 s; CPU {f['cpu_main']:.1f}s main, {f['cpu_workers']:.1f}s "
          f"workers), {f['extracted']} article(s) extracted, "
          f"{f['blocks_made']} article graph(s) made; phases: {phases}", flush=True)


def dask_builds(work: Path, n: int, counts: list[int], plain: dict) -> dict[int, dict]:
    """Clean builds of the largest corpus on a real local dask cluster of each size."""
    from kg.parallel import local_cluster

    docs = work / f"n{n}" / "documents"
    results = {}
    for workers in counts:
        cache, out = _cold(work, f"n{n}-dask{workers}")
        with local_cluster(workers, work / f"dask-{workers}.log") as address:
            f = run_build(docs, out, cache, workers, False, False, scheduler=address)
        results[workers] = f
        print(line(n, plain["words"], f, workers).replace("articles", f"articles on {workers} dask worker(s)", 1),
              flush=True)
    if len(results) > 1:
        lo, hi = min(results), max(results)
        print(f"Dask: {lo} worker(s) {results[lo]['wall']:.1f}s, {hi} worker(s) {results[hi]['wall']:.1f}s: "
              f"speed-up {results[lo]['wall'] / results[hi]['wall']:.2f}x for {hi / lo:.0f}x the workers "
              f"(local processes: {plain['wall']:.1f}s)", flush=True)
    return results


def project(plain: dict, rates: dict[int, dict]) -> None:
    """1M articles on N machines (one worker per core, 2 cores each, like this one): the
    parallel part scales with the workers, the serial part (reading, the union step and
    writing, in the main process) does not; cache and output grow with the articles."""
    n = plain["n"]
    one = rates.get(min(rates))
    parallel = sum(one["seconds"].get(k, 0.0) for k in ("extract", "rdf"))
    serial = max(one["wall"] - parallel, 0.0)
    per_worker = n / parallel if parallel else float("inf")
    cache_per = plain["cache_bytes"] / n
    out_per = plain["bytes"] / n
    print(f"Projection for 1,000,000 articles from {n} on 1 dask worker: {per_worker:.2f} articles/s per worker "
          f"(extraction and article graphs), serial part {serial / n * 1000:.1f} ms per article, cache "
          f"{cache_per / 1024:.0f} KiB and output {out_per / 1024:.0f} KiB per article "
          f"(1M: cache {cache_per * 1e6 / 1e9:.0f} GB, output {out_per * 1e6 / 1e9:.0f} GB)", flush=True)
    for machines in (1, 10, 100, 1000):
        workers = 2 * machines
        hours = (1e6 / (per_worker * workers) + serial / n * 1e6) / 3600
        print(f"  {machines:>5} machine(s), {workers:>5} workers: {hours:8.1f} h "
              f"(parallel {1e6 / (per_worker * workers) / 3600:.1f} h + serial {serial / n * 1e6 / 3600:.1f} h)",
              flush=True)


if __name__ == "__main__":
    sys.exit(main())
