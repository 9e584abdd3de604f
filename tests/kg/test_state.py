"""kg.state: what the last good build with a cache used, in one file of lines."""
from __future__ import annotations

import dataclasses

import pytest

from kg.blocks import BlockCache, make_block
from kg.build.blocks import checker_context
from kg.extract.pipeline import extract
from kg.ontology import load_ontology, load_shapes
from kg.rdf import EntityIndex
from kg.registry import load_registry
from kg.shapes import ShapeChecker
from kg.state import BuildState
from support import ROOT


@pytest.fixture(scope="module")
def setting():
    registry = load_registry()
    text = (ROOT / "tests" / "data" / "articles" / "energy_partnership.txt").read_text(encoding="utf-8")
    checker = ShapeChecker(load_shapes(), checker_context(load_ontology(), registry.to_rdf()))
    return registry, extract("a1", text, registry), checker


def test_the_build_state_keeps_the_lines_of_the_blocks_it_read(setting, tmp_path):
    registry, ex, checker = setting
    index = EntityIndex.for_corpus(registry, [ex])
    old = make_block(ex, "old", index, {}, checker, registry.names())
    BuildState(tmp_path).save({"c1": ["a1", {}]}, [old], hermit="h")
    state = BuildState(tmp_path)
    assert state.found and state.summaries == {"c1": ["a1", {}]} and state.hermit == "h"
    assert state.blocks["old"] == old.meta()
    first = (tmp_path / "state.jsonl").read_bytes()
    new = dataclasses.replace(old, key="new", unlinked=["Somewhere"])
    state.save({"c1": ["a1", {}]}, [new, BlockCache(None).put(dataclasses.replace(old, body=b""))], hermit="h")
    lines = (tmp_path / "state.jsonl").read_bytes().splitlines()
    assert lines[2] == first.splitlines()[1]  # the block read back is written as it was read
    assert BuildState(tmp_path).blocks == {"new": new.meta(), "old": old.meta()}
    cut = b"\n".join(lines[:2] + [lines[2][:-5]]) + b"\n"  # a block line cut short: no block state
    (tmp_path / "state.jsonl").write_bytes(cut)
    broken = BuildState(tmp_path)
    assert broken.summaries == {"c1": ["a1", {}]}  # read first, so that extraction can start
    assert not broken.found and broken.blocks == {}
    (tmp_path / "state.jsonl").write_bytes(first[:-20])  # a cut file is no state at all
    assert not BuildState(tmp_path).found
