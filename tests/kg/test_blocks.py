"""kg.blocks: an article's graph made, checked and serialised once, and cached."""
from __future__ import annotations

import dataclasses

import pyoxigraph as ox
import pytest

from kg.blocks import BlockCache, block_key, make_block
from kg.build.blocks import checker_context
from support import ROOT
from kg.extract.model import Span
from kg.extract.pipeline import extract
from kg.ontology import load_ontology, load_shapes
from kg.publish import prefix_lines
from kg.rdf import DocumentGraph, EntityIndex
from kg.registry import load_registry
from kg.shapes import ShapeChecker

ARTICLE = ROOT / "tests" / "data" / "articles" / "energy_partnership.txt"


@pytest.fixture(scope="module")
def setting():
    registry = load_registry()
    ex = extract("a1", ARTICLE.read_text(encoding="utf-8"), registry)
    assert ex.new_entities, "the test article must name entities the registry lacks"
    checker = ShapeChecker(load_shapes(), checker_context(load_ontology(), registry.to_rdf()))
    return registry, ex, checker


def _parse(body: bytes) -> set[str]:
    return set(map(str, ox.parse(prefix_lines().encode() + body, format=ox.RdfFormat.TURTLE)))


def test_a_block_holds_the_article_graph_and_it_is_sound(setting):
    registry, ex, checker = setting
    index = EntityIndex.for_corpus(registry, [ex])
    block = make_block(ex, "k", index, {}, checker, registry.names())
    graph = DocumentGraph(ex, index, {}).build()
    assert block.triples == len(graph) and len(_parse(block.body)) == len(graph)
    assert block.evidence_problems == [] and block.shape_problems == []
    assert block.counts["Mention"] == len(ex.mentions) and block.spans > len(ex.sentences)
    # statements about nodes other articles may describe (its events, relations), none about its own
    from kg.rdf import own_iri_test

    own = own_iri_test("a1")
    subjects = {line.split(" ", 1)[0][1:-1] for line in block.shared}
    assert any("/event/" in s for s in subjects) and not any(own(s) for s in subjects)


def test_an_article_naming_an_entity_another_article_declares_still_conforms(setting):
    registry, ex, checker = setting
    later = dataclasses.replace(ex, doc_id="b2")  # same names; "a1" sorts first, so it declares them
    index = EntityIndex.for_corpus(registry, [ex, later])
    assert {index.new_home[k] for k in later.new_entities} == {"a1"}
    block = make_block(later, "k", index, {}, checker, registry.names())
    assert block.shape_problems == []
    label = next(iter(later.new_entities))[4:]
    assert f'"{label}"@en' not in block.body.decode()  # the declaration stays in a1's graph
    # and the key of b2's block changes when the home of its entities changes
    alone = EntityIndex.for_corpus(registry, [later])
    assert block_key("c", "b2", later.new_entities, index, "x") != block_key("c", "b2", later.new_entities, alone, "x")


def test_a_quote_that_does_not_match_the_article_is_reported(setting):
    registry, ex, checker = setting
    mention = ex.mentions[0]
    wrong = dataclasses.replace(mention, span=Span(mention.span.start, mention.span.end, mention.span.text + "x"))
    broken = dataclasses.replace(ex, mentions=[wrong] + ex.mentions[1:])
    block = make_block(broken, "k", EntityIndex.for_corpus(registry, [broken]), {}, checker, registry.names())
    [problem] = block.evidence_problems
    assert problem.startswith(f"a1: span {mention.span.start}-{mention.span.end} quotes")


def test_the_cache_gives_back_the_block_with_its_body_in_a_file(setting, tmp_path):
    registry, ex, checker = setting
    block = make_block(ex, "ab" + "0" * 62, EntityIndex.for_corpus(registry, [ex]), {}, checker, registry.names())
    cache = BlockCache(tmp_path)
    stored = cache.put(block)
    again = cache.get(block.key)
    assert again is not None and again.meta() == block.meta() == stored.meta()
    assert again.body.read_bytes() == block.body
    assert cache.get("cd" + "0" * 62) is None and BlockCache(None).get(block.key) is None
    again.body.write_bytes(b"")
    again.body.unlink()
    assert cache.get(block.key) is None  # a block without its statements is made again


def test_own_nodes_are_told_from_shared_ones_by_the_iris_the_graph_mints():
    from kg.rdf import own_iri_test

    own = own_iri_test("russia")  # an article id that is also an entity's name
    base = "https://w3id.org/pakru/"
    for iri in ("doc/russia", "graph/doc/russia", "id/author/russia", "id/activity/extract/russia",
                "id/span/russia/0-5", "id/mention/russia/0-5", "id/claim/russia/0-9",
                "id/event/meeting/pakistan-russia/russia-120"):
        assert own(base + iri), iri
    for iri in ("id/russia", "id/event/meeting/pakistan-russia/2023-05", "id/membership/russia/sco/member",
                "id/span/russian/0-5", "id/event/meeting/pakistan-russia/other-120"):
        assert not own(base + iri), iri

