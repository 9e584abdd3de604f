"""Stage 3, blocks: each article's named graph, checked (quotes, SHACL) and serialised
once (:mod:`kg.blocks`), from the block cache where its key matches."""
from __future__ import annotations

from rdflib import Graph

from kg.blocks import Block, BlockCache, block_key
from kg.cache import ExtractionCache
from kg.publish import sorted_triples
from kg.rdf import EntityIndex
from kg.report import BuildReport


def checker_context(ontology: Graph, registry_graph: Graph) -> str:
    """N-Triples added to every graph the build's SHACL checker sees: the ontology and registry."""
    import pyoxigraph as ox

    return ox.serialize(sorted_triples(ontology) + sorted_triples(registry_graph), format=ox.RdfFormat.N_TRIPLES).decode()


def make_blocks(inputs, extracted, caches: tuple[ExtractionCache, BlockCache], checking: tuple[Graph, str],
                code: str, executor, report: BuildReport, say) -> list[Block]:
    """Every article's :class:`kg.blocks.Block` in id order, from the block cache where its
    key matches, else made by the executor from its extraction (fresh, cached, or
    extracted again when its cached copy is unreadable).  ``checking`` is the shapes
    graph and the checker's context (:func:`checker_context`); ``code`` the
    fingerprint of the code and schema (:func:`kg.blocks.code_fingerprint`)."""
    from kg.build.extract import run_extractions

    docs, registry = inputs.docs, inputs.registry
    cache, blocks_cache = caches
    keys = extracted.keys
    index = EntityIndex.for_corpus(registry, extracted.summaries)
    bkeys = {s.doc_id: block_key(keys[s.doc_id], s.doc_id, s.new_entities, index, code)
             for s in extracted.summaries}
    blocks = {d.id: blocks_cache.get(bkeys[d.id]) for d in docs}
    missing = [d for d in docs if blocks[d.id] is None]
    report.blocks_made = [d.id for d in missing]
    if missing:
        say(f"Making {len(missing)} article graph(s) (checked and serialised; "
            f"{len(docs) - len(missing)} from the cache) ...")
    work = {"index": index, "names": registry.names(), "shapes": checking[0], "context": checking[1],
            "fresh": extracted.fresh, "cache": cache, "blocks": blocks_cache}
    blocks.update(executor.make_blocks([(d.id, keys[d.id], bkeys[d.id], d.metadata) for d in missing], work))
    lost = [d for d in missing if blocks[d.id] is None]
    if lost:  # unreadable cache entries: extract those articles again
        work["fresh"] = run_extractions([(d.id, d.text, d.metadata.get("date"), inputs.min_confidence) for d in lost], registry, inputs.registries, executor, False)
        blocks.update(executor.make_blocks([(d.id, keys[d.id], bkeys[d.id], d.metadata) for d in lost], work))
    return [blocks[d.id] for d in docs]
