"""The query benchmark runs end to end on a small graph (figures are not checked)."""
import re
import subprocess
import sys
from pathlib import Path

from kg.queries import Catalogue

ROOT = Path(__file__).resolve().parents[2]


def test_query_bench_quick_prints_every_query_and_the_targets(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "query_bench.py"), "--quick",
                          "--rdflib-cap", "1", "--keep", str(tmp_path)],
                         capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    text = out.stdout
    tables = text.count("embedded ms")
    assert tables == 2  # the published graph and one synthetic size
    for name in Catalogue.load():
        rows = re.findall(rf"^{re.escape(name)}\s+\d+\s+[\d.,]+\s+\S+\s+\S+$", text, re.M)
        assert len(rows) == tables, f"no table row for {name}:\n{text}"
    assert re.search(r"^(PASS|FAIL)  published graph opens .*: \d+ ms$", text, re.M)
    assert re.search(r"^(PASS|FAIL)  every saved query < 50 ms on the published graph", text, re.M)
    assert re.search(r"^(PASS|FAIL|SKIP)  every saved query < 200 ms at 1M", text, re.M)
    assert re.search(r"^(PASS|FAIL|SKIP)  loading >= 300k quads/s", text, re.M)
    assert list(tmp_path.glob("synthetic-*.nq"))


def test_synthetic_graph_is_deterministic_and_keeps_the_shape(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import pyoxigraph as ox
    import synthetic

    a, b = tmp_path / "a.nq", tmp_path / "b.nq"
    info = synthetic.generate(30_000, a, seed=3)
    synthetic.generate(30_000, b, seed=3)
    assert a.read_bytes() == b.read_bytes()
    store = ox.Store()
    store.load(path=str(a), format=ox.RdfFormat.N_QUADS)
    assert len(store) == info["quads"] >= 30_000
    graphs = {q.graph_name.value for q in store}
    docs = [g for g in graphs if g.startswith(synthetic.DOC_GRAPH)]
    assert len(docs) == info["articles"] > 3
    assert {synthetic.REGISTRY, synthetic.ONTOLOGY, synthetic.INFERRED} <= graphs
    spans = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/pakru/ontology#TextSpan> }"
    real = ox.Store()
    real.load(path=str(synthetic.SOURCE), format=ox.RdfFormat.TRIG)
    count = lambda s: int(next(iter(s.query(spans, use_default_graph_as_union=True)))["n"].value)
    assert count(store) > 2 * count(real)
