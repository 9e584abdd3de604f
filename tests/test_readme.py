"""The README's two opening commands and its SPARQL example stay true."""
from __future__ import annotations

import re

import pyoxigraph as ox

from support import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def code_blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def test_readme_opens_with_the_setup_and_test_commands():
    setup, tests = code_blocks("sh")[:2]
    assert setup.strip().startswith("bash scripts/setup.sh")
    assert ".venv/bin/kg build" in setup
    assert tests.strip() == ".venv/bin/python -m pytest"
    # nothing but the title and one line may come before the first command
    assert README.index("```sh") < 400


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/setup.sh" in ci
    assert ".venv/bin/python -m pytest" in ci


def test_the_readme_sparql_example_answers():
    (query,) = code_blocks("sparql")[:1]
    store = ox.Store()
    store.load(path=str(ROOT / "data" / "kg.trig"), format=ox.RdfFormat.TRIG)
    rows = list(store.query(query, use_default_graph_as_union=True))
    assert {(r["start"].value, r["end"].value) for r in rows} == {("2018-10-21", "2018-11-04")}
    sentences = [r["sentence"].value for r in rows]
    assert len(sentences) == 2
    assert any("joint military exercise from October 21" in s for s in sentences)
    assert any("called Friendship 2018" in s for s in sentences)
