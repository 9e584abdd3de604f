"""Load and query benchmark: the embedded store (pyoxigraph) against rdflib, same run.

For the published graph (data/kg.trig) and synthetic graphs of the given sizes
(benchmarks/synthetic.py: the real articles copied with fresh IRIs), it times

- loading into pyoxigraph (``Store().load``, the path ``KnowledgeGraph.open`` uses, and
  ``Store().bulk_load``) and into rdflib (``Dataset(default_union=True).parse``);
- every saved query of ``queries/`` with its default parameters, as the facade runs it
  (``SavedQuery.inline({})``: the default values in VALUES rows, and the first page of a
  paginated query), the default graph being the union of the named graphs: pyoxigraph
  ``query(..., use_default_graph_as_union=True)`` and rdflib ``Dataset.query``.  Results
  are consumed in full.
  pyoxigraph: median of 5 runs after one warm-up; rdflib: median of 3 runs up to 20k
  quads, a single run above, each run stopped after --rdflib-cap seconds ("timeout");

then prints one table per size (query, embedded ms, rdflib ms, ratio) and PASS/FAIL for
each target, with the figure:

- the published graph opens (``KnowledgeGraph.open()``) in under 0.5 s;
- every saved query answers in under 50 ms on the published graph (embedded store);
- at the largest size of 1M quads or more, every saved query answers in under 200 ms
  on the embedded store, and loading runs at 300k quads/s or more.

    python benchmarks/query_bench.py                       # sizes 10000,100000,1000000
    python benchmarks/query_bench.py --sizes 10000,100000 --no-rdflib-above 50000
    python benchmarks/query_bench.py --quick               # published graph + one tiny size

Times are wall-clock on this machine; the exit code is 0 whatever the targets say.
"""
from __future__ import annotations

import argparse
import gc
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import pyoxigraph as ox  # noqa: E402
from rdflib import Dataset  # noqa: E402

from kg.facade import KnowledgeGraph  # noqa: E402
from kg.queries import Catalogue  # noqa: E402
from kg.store import to_oxigraph  # noqa: E402

DEFAULT_SOURCE = ROOT / "data" / "kg.trig"  # the repository's published graph
import synthetic  # noqa: E402

OPEN_TARGET, PUBLISHED_QUERY_TARGET, BIG_QUERY_TARGET, LOAD_TARGET = 0.5, 50.0, 200.0, 300_000
BIG = 1_000_000


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


def fmt_ms(value: float | str | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, str):
        return value
    return f"{value:.1f}" if value < 1000 else f"{value:,.0f}"


def consume_ox(answer) -> int:
    """Read a pyoxigraph answer in full; the number of rows (or triples)."""
    if isinstance(answer, ox.QueryBoolean):
        return int(bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        names = answer.variables
        n = 0
        for s in answer:
            for v in names:
                s[v]
            n += 1
        return n
    return sum(1 for _ in answer)


def consume_rdflib(answer) -> int:
    if answer.type == "ASK":
        return int(bool(answer.askAnswer))
    if answer.type in ("CONSTRUCT", "DESCRIBE"):
        return len(answer.graph)
    return sum(1 for _ in answer)


def time_oxigraph(store: ox.Store, text: str, subs: dict, runs: int = 5) -> tuple[float, int]:
    """Median ms of ``runs`` runs after one warm-up, and the number of rows."""
    rows = consume_ox(store.query(text, substitutions=subs or None, use_default_graph_as_union=True))
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        consume_ox(store.query(text, substitutions=subs or None, use_default_graph_as_union=True))
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), rows


def time_rdflib(data: Dataset, text: str, init: dict, runs: int, cap: float) -> tuple[float | str, int | None]:
    """Median ms of ``runs`` runs (the first also warms up), or "timeout" after ``cap`` s."""
    times, rows = [], None
    old = signal.signal(signal.SIGALRM, _alarm)
    try:
        for _ in range(runs):
            t = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, cap)
            try:
                rows = consume_rdflib(data.query(text, initBindings=init))
            except Timeout:
                return f"timeout>{cap:g}s", None
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            times.append((time.perf_counter() - t) * 1000)
    finally:
        signal.signal(signal.SIGALRM, old)
    return statistics.median(times), rows


def bench_one(label: str, path: Path, fmt: ox.RdfFormat, rdf_format: str, catalogue: Catalogue,
              with_rdflib: bool, rdflib_runs: int, cap: float) -> dict:
    """Load ``path`` both ways, run every saved query, print the table; the figures."""
    print(f"\n=== {label}: {path.name} ===", flush=True)
    gc.collect()
    t = time.perf_counter()
    store = ox.Store()
    store.load(path=str(path), format=fmt)
    load_s = time.perf_counter() - t
    quads = len(store)
    bulk = ox.Store()
    t = time.perf_counter()
    bulk.bulk_load(path=str(path), format=fmt)
    bulk_s = time.perf_counter() - t
    del bulk
    print(f"quads: {quads:,}")
    print(f"load  embedded Store.load      {load_s:8.3f} s  {quads / load_s:12,.0f} quads/s")
    print(f"load  embedded Store.bulk_load {bulk_s:8.3f} s  {quads / bulk_s:12,.0f} quads/s")
    data, rdflib_load = None, None
    if with_rdflib:
        gc.collect()
        t = time.perf_counter()
        data = Dataset(default_union=True)
        data.parse(str(path), format=rdf_format)
        rdflib_load = time.perf_counter() - t
        print(f"load  rdflib Dataset.parse     {rdflib_load:8.3f} s  {quads / rdflib_load:12,.0f} quads/s"
              f"  (ratio {rdflib_load / load_s:.1f}x)")
    else:
        print("load  rdflib                   skipped at this size (--no-rdflib-above)")
    print(f"\n{'query':24} {'rows':>6} {'embedded ms':>12} {'rdflib ms':>14} {'ratio':>8}")
    results = {}
    for name, q in catalogue.items():
        # both stores run saved queries as the facade does (KnowledgeGraph.run uses
        # SavedQuery.inline): parameters in VALUES rows, the first page of a paged query
        text = q.inline({})
        ox_ms, rows = time_oxigraph(store, text, {})
        rd_ms: float | str | None = None
        if data is not None:
            rd_ms, rd_rows = time_rdflib(data, text, {}, rdflib_runs, cap)
        ratio = f"{rd_ms / ox_ms:.1f}x" if isinstance(rd_ms, float) and ox_ms > 0 else \
            (f">{cap * 1000 / ox_ms:.0f}x" if isinstance(rd_ms, str) else "-")
        rd_text = fmt_ms(rd_ms) if data is not None else "skipped"
        print(f"{name:24} {rows:>6} {fmt_ms(ox_ms):>12} {rd_text:>14} {ratio:>8}", flush=True)
        results[name] = ox_ms
    del data
    del store
    gc.collect()
    return {"label": label, "quads": quads, "load_s": load_s, "bulk_s": bulk_s, "rdflib_load_s": rdflib_load,
            "queries": results}


def check(name: str, ok: bool, figure: str) -> bool:
    print(f"{'PASS' if ok else 'FAIL'}  {name}: {figure}")
    return ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000", help="synthetic sizes in quads, comma-separated")
    ap.add_argument("--quick", action="store_true", help="a small run: the published graph and 10000 quads")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rdflib-cap", type=float, default=None,
                    help="seconds allowed per rdflib query run (default 20, 2 with --quick)")
    ap.add_argument("--no-rdflib-above", type=int, default=None, metavar="N",
                    help="skip rdflib for synthetic graphs of more than N quads")
    ap.add_argument("--keep", type=Path, default=None, help="directory to keep the synthetic files in")
    args = ap.parse_args(argv)
    sizes = [10_000] if args.quick else [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    cap = args.rdflib_cap if args.rdflib_cap is not None else (2.0 if args.quick else 20.0)
    catalogue = Catalogue.load()
    print(f"saved queries: {len(catalogue)}; pyoxigraph {ox.__version__}; python {sys.version.split()[0]}")
    print("embedded: median of 5 after 1 warm-up; rdflib: median of 3 runs on graphs up to 20k quads, "
          f"1 run above (and with --quick), each run stopped after {cap:g} s ('timeout')")

    opens = []
    for _ in range(3 if args.quick else 5):
        t = time.perf_counter()
        kg = KnowledgeGraph.open()
        opens.append(time.perf_counter() - t)
        kg.close()
    open_s = statistics.median(opens)
    print(f"\nKnowledgeGraph.open() on {DEFAULT_SOURCE.name}: median {open_s:.3f} s "
          f"(min {min(opens):.3f}, max {max(opens):.3f})")

    runs = []
    runs.append(bench_one("published", DEFAULT_SOURCE, ox.RdfFormat.TRIG, "trig", catalogue, True,
                          1 if args.quick else 3, cap))
    with tempfile.TemporaryDirectory(prefix="pakru-bench-") as tmp:
        where = args.keep or Path(tmp)
        where.mkdir(parents=True, exist_ok=True)
        for size in sizes:
            path = where / f"synthetic-{size}.nq"
            t = time.perf_counter()
            info = synthetic.generate(size, path, seed=args.seed)
            print(f"\ngenerated {info['quads']:,} quads ({info['articles']} articles) in "
                  f"{time.perf_counter() - t:.1f} s")
            with_rdflib = args.no_rdflib_above is None or size <= args.no_rdflib_above
            runs.append(bench_one(f"synthetic {size:,}", path, ox.RdfFormat.N_QUADS, "nquads", catalogue,
                                  with_rdflib, 1 if args.quick or size > 20_000 else 3, cap))

    print("\n=== targets ===")
    check("published graph opens (KnowledgeGraph.open) < 0.5 s", open_s < OPEN_TARGET, f"{open_s * 1000:.0f} ms")
    pub = runs[0]["queries"]
    worst = max(pub, key=pub.get)
    check("every saved query < 50 ms on the published graph (embedded)", pub[worst] < PUBLISHED_QUERY_TARGET,
          f"slowest {worst} {pub[worst]:.1f} ms; {sum(v >= PUBLISHED_QUERY_TARGET for v in pub.values())} over")
    big = [r for r in runs[1:] if r["quads"] >= BIG]
    if not big:
        print(f"SKIP  every saved query < 200 ms at 1M quads (embedded): no size >= {BIG:,} in this run")
        print(f"SKIP  loading >= 300k quads/s at 1M quads: no size >= {BIG:,} in this run")
    for r in big:
        qs = r["queries"]
        over = sorted((n for n in qs if qs[n] >= BIG_QUERY_TARGET), key=qs.get, reverse=True)
        worst = max(qs, key=qs.get)
        check(f"every saved query < 200 ms at {r['quads']:,} quads (embedded)", not over,
              f"slowest {worst} {qs[worst]:.1f} ms" + (f"; over: {', '.join(f'{n} {qs[n]:.0f} ms' for n in over)}"
                                                       if over else ""))
        check(f"loading >= 300k quads/s at {r['quads']:,} quads (Store.load, as KnowledgeGraph.open)",
              r["quads"] / r["load_s"] >= LOAD_TARGET, f"{r['quads'] / r['load_s']:,.0f} quads/s")
        check(f"loading >= 300k quads/s at {r['quads']:,} quads (Store.bulk_load)",
              r["quads"] / r["bulk_s"] >= LOAD_TARGET, f"{r['quads'] / r['bulk_s']:,.0f} quads/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
