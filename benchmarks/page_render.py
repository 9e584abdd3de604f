"""How fast the pages with charts render in headless Chromium, and how much each weighs.

Two servers run side by side: one over the published graph (the baseline: a few dozen
events) and one over a synthetic graph of about a million quads made by
``benchmarks/synthetic.py`` (over a thousand dated events).  For each page with a chart
(``/timeline``, ``/network``, ``/map``, an entity page, a saved query's page) Chromium
loads it, once cold (empty cache) and ``--runs`` times warm, and the page reports when
every chart has been drawn (a ``performance.mark`` set by static/views/views.js after
Vega rendered the marks): that time, from the start of navigation, includes the HTML,
the scripts, the saved query's JSON and the drawing.  The page's weight is the bytes of
the HTML and of every file it loaded (scripts, stylesheet, JSON, world outline), both as
sent over the wire (the server gzips answers for browsers) and uncompressed.

Targets: a page with 1,000 events renders in under 1 s; no page weighs more than 1 MB
(as sent; the uncompressed size is printed beside it).

    python benchmarks/page_render.py                  # ~1.1M quads, >1,000 dated events (a few minutes)
    python benchmarks/page_render.py --quads 400000 --runs 3
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from kg.server.launch import running  # noqa: E402

PAGES = ["/timeline", "/network", "/map", "/id/russia", "/queries/event_dates"]
RENDER_TARGET_S = 1.0
WEIGHT_TARGET = 1_000_000
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--window-size=1280,1600")
# milliseconds from navigation start until every visible chart is drawn (null while not yet)
DRAWN = """
const figures = Array.from(document.querySelectorAll('figure.kg-view')).filter(f => !f.hidden);
if (!figures.length || figures.some(f => !['rendered', 'error'].includes(f.dataset.state))) return null;
const marks = performance.getEntriesByName('kg-view-rendered');
const nav = performance.getEntriesByType('navigation')[0];
return {ms: marks.length ? marks[marks.length - 1].startTime : null, html: nav.responseEnd,
        states: figures.map(f => f.dataset.state), marks: figures.map(f => Number(f.dataset.marks || 0))};
"""
WEIGHT = """
const nav = performance.getEntriesByType('navigation')[0];
const files = performance.getEntriesByType('resource');
return {bytes: nav.decodedBodySize + files.reduce((n, r) => n + r.decodedBodySize, 0),
        sent: nav.encodedBodySize + files.reduce((n, r) => n + r.encodedBodySize, 0), files: files.length + 1};
"""


def make_graph(quads: int, folder: Path) -> tuple[Path, dict]:
    """A synthetic graph of about ``quads`` quads as TriG (what `kg serve --source` reads)."""
    import pyoxigraph as ox
    import synthetic

    nq = folder / "synthetic.nq"
    info = synthetic.generate(quads, nq, seed=1)
    store = ox.Store()
    store.load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    trig = folder / "synthetic.trig"
    store.dump(str(trig), format=ox.RdfFormat.TRIG)
    nq.unlink()
    counts = next(iter(store.query(
        "PREFIX pakru: <https://w3id.org/pakru/ontology#> SELECT (COUNT(DISTINCT ?e) AS ?events) "
        "(COUNT(DISTINCT ?d) AS ?dated) WHERE { ?e a pakru:Event . "
        "OPTIONAL { ?e pakru:date|pakru:startDate ?x BIND(?e AS ?d) } }", use_default_graph_as_union=True)))
    info.update(events=int(counts["events"].value), dated=int(counts["dated"].value))
    return trig, info


def browser(profile: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=shutil.which("chromedriver")))
    driver.set_page_load_timeout(120)
    return driver


def load(driver, url: str, timeout: float = 120.0) -> dict:
    """Open ``url`` and wait for its charts; the render time, marks and weight."""
    driver.get(url)
    deadline = time.monotonic() + timeout
    while (drawn := driver.execute_script(DRAWN)) is None:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url}: the charts were not drawn within {timeout:g} s")
        time.sleep(0.02)
    if "error" in drawn["states"]:
        raise RuntimeError(f"{url}: a chart failed: {driver.find_element('css selector', '.kg-status').text}")
    return {**drawn, **driver.execute_script(WEIGHT)}


def measure(driver, base: str, path: str, runs: int) -> dict:
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    cold = load(driver, base + path)
    warm = [load(driver, base + path) for _ in range(runs)]
    return {"cold_ms": cold["ms"], "warm_ms": statistics.median(w["ms"] for w in warm),
            "html_ms": statistics.median(w["html"] for w in warm),
            "chart_ms": statistics.median(w["ms"] - w["html"] for w in warm),
            "marks": cold["marks"], "bytes": max([cold["bytes"]] + [w["bytes"] for w in warm]),
            "sent": max([cold["sent"]] + [w["sent"] for w in warm]),
            "files": cold["files"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quads", type=int, default=1_100_000,
                    help="size of the synthetic graph (default 1100000: over 1,000 dated events)")
    ap.add_argument("--runs", type=int, default=5, help="warm loads per page (median reported)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    for binary in ("chromium", "chromedriver"):
        if shutil.which(binary) is None:
            print(f"page_render: {binary} is missing (apt-get install chromium chromium-driver)", file=sys.stderr)
            return 2
    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="kg-page-render-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        trig, info = make_graph(args.quads, folder)
        print(f"synthetic graph: {info['quads']:,} quads, {info['articles']} articles, {info['events']:,} events "
              f"({info['dated']:,} dated), made in {time.perf_counter() - t0:.1f} s", flush=True)
        driver = browser(folder / "profile")
        try:
            for label, extra in (("published", ()), ("synthetic", ("--source", str(trig)))):
                with running(*extra, "--query-timeout", "120", "--no-access-log", log=folder / f"{label}.log",
                             startup=600) as base:
                    results[label] = {path: measure(driver, base, path, args.runs) for path in PAGES}
        finally:
            driver.quit()
    worst_ms = 0.0
    failures = []
    print("\nwarm ms = median time from navigation until every chart is drawn; of it, html = until the page's "
          "HTML arrived (the server's work), chart = the rest (scripts, the query's JSON, drawing)")
    print(f"{'page':22} {'graph':10} {'marks':>14} {'cold ms':>9} {'warm ms':>9} {'html':>6} {'chart':>6} "
          f"{'x base':>7} {'KB sent':>8} {'KB raw':>7} files")
    for path in PAGES:
        base = results["published"][path]
        for label in ("published", "synthetic"):
            r = results[label][path]
            ratio = r["warm_ms"] / base["warm_ms"] if base["warm_ms"] else float("nan")
            marks = "+".join(str(m) for m in r["marks"])
            print(f"{path:22} {label:10} {marks:>14} {r['cold_ms']:9.0f} {r['warm_ms']:9.0f} {r['html_ms']:6.0f} "
                  f"{r['chart_ms']:6.0f} {ratio:7.2f} "
                  f"{r['sent'] / 1000:8.0f} {r['bytes'] / 1000:7.0f} {r['files']:5d}")
            if r["sent"] > WEIGHT_TARGET:
                failures.append(f"{path} ({label}) weighs {r['sent']:,} bytes")
        worst_ms = max(worst_ms, results["synthetic"][path]["warm_ms"])
    timeline = results["synthetic"]["/timeline"]
    ok_render = timeline["marks"][0] >= 1000 and timeline["cold_ms"] < RENDER_TARGET_S * 1000 \
        and timeline["warm_ms"] < RENDER_TARGET_S * 1000
    print(f"\n{'PASS' if ok_render else 'FAIL'}: /timeline with {timeline['marks'][0]:,} events drawn in "
          f"{timeline['cold_ms']:.0f} ms cold, {timeline['warm_ms']:.0f} ms warm, of which the chart "
          f"{timeline['chart_ms']:.0f} ms (target under {RENDER_TARGET_S * 1000:.0f} ms, at least 1,000 events)")
    heaviest = max((r["sent"], r["bytes"], p, g) for g in results for p, r in results[g].items())
    print(f"{'FAIL' if failures else 'PASS'}: the heaviest page, {heaviest[2]} ({heaviest[3]}), weighs "
          f"{heaviest[0]:,} bytes as sent with everything it loads, {heaviest[1]:,} uncompressed "
          f"(target at most {WEIGHT_TARGET:,} as sent)")
    if args.json:
        args.json.write_text(json.dumps({"graph": info, "pages": results}, indent=2) + "\n")
    return 0 if ok_render and not failures else 1


if __name__ == "__main__":
    sys.exit(main())
