"""Stage 5, reason: what the axioms imply (:mod:`kg.reason`: rules, then HermiT), as
the graph ``graph:inferred``, kept apart from the asserted graphs.  HermiT fails on an
inconsistency, so a build that reasons needs no separate consistency check."""
from __future__ import annotations

import time

from rdflib import Graph, URIRef

from kg.blocks import Block
from kg.build.check import document_graphs
from kg.namespaces import ONTOLOGY_GRAPH
from kg.report import BuildReport


def reason(graphs: dict[URIRef, Graph], blocks: list[Block], report: BuildReport, say) -> Graph:
    """The inferred graph over the shared ``graphs`` and every article graph; raises
    :class:`~kg.errors.ValidationError` when ontology and data are inconsistent."""
    from kg.reason import asserted, infer

    t = time.perf_counter()
    say("Materialising inferences (rules, then HermiT) ...")
    everything = {**graphs, **document_graphs(blocks)}
    inferred = infer(asserted(everything), graphs[ONTOLOGY_GRAPH]).graph
    report.seconds["reason"] = time.perf_counter() - t
    return inferred
