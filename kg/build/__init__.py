"""``kg build``: articles and registry in, validated and published graph out.

The build is a row of stages, each a module of this package that takes values and
returns one:

    read (kg.build.read)        registry layers, ontology, shapes, articles -> Inputs
    extract (kg.build.extract)  Inputs -> Extracted (cached or made by the executor)
    blocks (kg.build.blocks)    Extracted -> one checked, serialised Block per article
    check (kg.build.check)      blocks + shared graphs: SHACL across articles, HermiT
    reason (kg.build.reason)    everything -> graph:inferred
    publish (kg.build.publish)  every output file, written atomically

:func:`build` composes them over one :class:`~kg.build.config.BuildConfig`; an
:class:`~kg.build.config.Executor` runs the per-article work (local processes by
default).  A failure at any stage leaves the previously published files byte-identical.
"""
from __future__ import annotations

import time
from typing import Callable

from kg.build.config import BuildConfig, Executor, LocalExecutor
from kg.report import BuildReport

__all__ = ["BuildConfig", "Executor", "LocalExecutor", "build"]


def build(config: BuildConfig, progress: Callable[[str], None] | None = None,
          executor: Executor | None = None) -> BuildReport:
    """Build and publish the graph that ``config`` describes; return the report.

    ``progress`` receives one line per step (and, with ``config.show_progress``, the
    extraction progress is drawn on stderr); ``executor`` defaults to
    ``LocalExecutor(config.workers)``."""
    from kg.blocks import BlockCache, BuildState, code_fingerprint
    from kg.build.blocks import checker_context, make_blocks
    from kg.build.check import check
    from kg.build.extract import extract
    from kg.build.publish import publish
    from kg.build.read import read
    from kg.build.reason import reason
    from kg.cache import ExtractionCache
    from kg.namespaces import INFERRED_GRAPH, ONTOLOGY_GRAPH, QUERIES_GRAPH, REGISTRY_GRAPH
    from kg.queries import Catalogue
    from kg.shapes import ShapeChecker

    say = progress or (lambda _message: None)
    executor = executor or LocalExecutor(config.workers)
    report = BuildReport()
    inputs = read(config, report.seconds)
    say(f"Read {len(inputs.docs)} article(s) and {len(inputs.registry.entities)} registry entries.")

    t = time.perf_counter()
    cache, state = ExtractionCache(config.cache), BuildState(config.cache)
    report.seconds["state"] = time.perf_counter() - t
    t = time.perf_counter()
    extracted = extract(inputs, cache, state.summaries, executor, report,
                        config.show_progress and progress is not None)
    report.seconds["extract"] = time.perf_counter() - t

    t = time.perf_counter()
    graphs = {ONTOLOGY_GRAPH: inputs.ontology, REGISTRY_GRAPH: inputs.registry.to_rdf()}
    context = checker_context(inputs.ontology, graphs[REGISTRY_GRAPH])
    blocks = make_blocks(inputs, extracted, (cache, BlockCache(config.cache, state.blocks)),
                         (inputs.shapes, context), code_fingerprint(inputs.schema), executor, report, say)
    extracted.fresh.clear()
    report.seconds["rdf"] = time.perf_counter() - t
    report.aliases = {b.doc_id: [tuple(a) for a in b.aliases] for b in blocks if b.aliases}

    new = {b.doc_id for b in blocks if b.key not in state.blocks} if state.found else None
    check(blocks, graphs, ShapeChecker(inputs.shapes, context), config.check_owl and not config.reason,
          report, say, new)
    if config.reason:
        graphs[INFERRED_GRAPH] = reason(graphs, blocks, report, say)
        if config.check_owl:
            report.consistent = True  # reasoning raised ValidationError otherwise

    catalogue = Catalogue.load()  # the saved queries travel with the data (each a sh:SPARQLExecutable)
    graphs[QUERIES_GRAPH] = catalogue.to_rdf()
    t = time.perf_counter()
    report.written = publish(config, inputs, graphs, blocks, catalogue)
    report.seconds["write"] = time.perf_counter() - t
    cache.write_manifest(report.manifest)
    t = time.perf_counter()
    state.save({extracted.keys[s.doc_id]: [s.doc_id, s.new_entities] for s in extracted.summaries}, blocks)
    report.seconds["state"] += time.perf_counter() - t
    report.summarise(graphs, blocks)
    return report
