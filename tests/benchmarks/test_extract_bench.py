"""benchmarks/extract_bench.py: its target is the one the README states."""
from __future__ import annotations

import re

from support import ROOT


def test_the_extraction_target_is_the_readmes():
    bench = (ROOT / "benchmarks" / "extract_bench.py").read_text(encoding="utf-8")
    (target,) = re.findall(r"^TARGET = (\d+)\b", bench, re.M)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    stated = re.search(r"PASS when the whole extraction reaches ([\d,]+) words/s/core", readme)
    assert stated, "the README's paragraph on benchmarks/extract_bench.py no longer states its target"
    assert int(stated[1].replace(",", "")) == int(target) == 4000  # issue 11: >= 4,000 words/s/core
    assert not re.search(r"\d,\d{3} words/s/core", bench), "the script states a figure besides TARGET"
