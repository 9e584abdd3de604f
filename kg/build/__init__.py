"""``kg build``: articles and registry in, validated and published graph out.

The build is a row of stages, each a module of this package that takes values and
returns one:

    read (kg.build.read)        registry layers, ontology, shapes, articles -> Inputs
    extract (kg.build.extract)  Inputs -> Extracted (cached or made by the executor)
    blocks (kg.build.blocks)    Extracted -> one checked, serialised Block per article
    check (kg.build.check)      blocks + shared graphs: SHACL across articles, HermiT
    reason (kg.build.reason)    local inferences of the blocks + union step -> graph:inferred
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
    from kg.blocks import BlockCache, code_fingerprint
    from kg.build.blocks import checker_context, make_blocks
    from kg.build.check import check
    from kg.build.extract import begin, extract
    from kg.build.publish import publish
    from kg.build.read import read
    from kg.build.reason import reason
    from kg.cache import ExtractionCache
    from kg.inference import Schema, check_disjoint, hermit_fingerprint, local_inferences, shared_nodes
    from kg.namespaces import ONTOLOGY_GRAPH, QUERIES_GRAPH, REGISTRY_GRAPH
    from kg.publish import sorted_triples
    from kg.queries import Catalogue
    from kg.shapes import ShapeChecker
    from kg.state import BuildState

    say = progress or (lambda _message: None)
    executor = executor or LocalExecutor(config.workers)
    report = BuildReport()
    inputs = read(config, report.seconds)
    say(f"Read {len(inputs.docs)} article(s) and {len(inputs.registry.entities)} registry entries.")

    t = time.perf_counter()
    cache, state = ExtractionCache(config.cache), BuildState(config.cache)
    # the articles to extract start now in worker processes (LocalExecutor with several
    # jobs, or a cluster); this process reads the rest of what the build needs meanwhile
    begun = begin(inputs, cache, state.summaries, executor)
    report.seconds["state"] = time.perf_counter() - t

    t = time.perf_counter()
    known = state.blocks
    graphs = {ONTOLOGY_GRAPH: inputs.ontology, REGISTRY_GRAPH: inputs.registry.to_rdf()}
    context = checker_context(inputs.ontology, graphs[REGISTRY_GRAPH])
    schema = Schema.from_ontology(inputs.ontology)
    registry_part = local_inferences(sorted_triples(graphs[REGISTRY_GRAPH]), schema)
    code = code_fingerprint(inputs.schema)
    catalogue = Catalogue.load()  # the saved queries travel with the data (each a sh:SPARQLExecutable)
    queries = catalogue.to_rdf()
    report.seconds["prepare"] = time.perf_counter() - t

    t = time.perf_counter()
    extracted = extract(inputs, cache, state.summaries, executor, report,
                        config.show_progress and progress is not None, begun)
    report.seconds["extract"] = time.perf_counter() - t

    t = time.perf_counter()
    blocks = make_blocks(inputs, extracted, (cache, BlockCache(config.cache, known)),
                         (inputs.shapes, context, schema), code, executor, report, say)
    extracted.fresh.clear()
    report.seconds["rdf"] = time.perf_counter() - t
    report.aliases = {b.doc_id: [tuple(a) for a in b.aliases] for b in blocks if b.aliases}

    new = {b.doc_id for b in blocks if b.key not in known} if known else None
    # HermiT runs when the ontology, the registry or the shared nodes changed (kg.inference)
    parts = [b.local() for b in blocks] + [registry_part]
    hermit = hermit_fingerprint(inputs.schema, inputs.registry.fingerprint(), shared_nodes(parts))
    run_hermit = config.check_owl and hermit != state.hermit
    check(blocks, graphs, ShapeChecker(inputs.shapes, context), run_hermit, report, say, new)
    if config.check_owl:
        check_disjoint(blocks, parts, schema, report, not run_hermit)
    inferred = reason(graphs, blocks, parts, schema, report, say) if config.reason else None
    del parts

    graphs[QUERIES_GRAPH] = queries
    t = time.perf_counter()
    report.written = publish(config, inputs, graphs, blocks, catalogue, inferred[0] if inferred else None)
    report.seconds["write"] = time.perf_counter() - t
    cache.write_manifest(report.manifest)
    t = time.perf_counter()
    state.save({extracted.keys[s.doc_id]: [s.doc_id, s.new_entities] for s in extracted.summaries}, blocks,
               hermit if config.check_owl else state.hermit)
    report.seconds["state"] += time.perf_counter() - t
    report.summarise(graphs, blocks)
    if inferred is not None:
        report.triples += inferred[1]
        report.per_class.update(inferred[2])
    return report
