"""Stage 5, reason: what the axioms imply, as the graph ``graph:inferred``, kept apart
from the asserted graphs.  What each article implies alone came with its block; the
union step (:mod:`kg.inference`) adds what crosses articles.  No reasoner runs here:
HermiT checks consistency in the check stage, when the ontology, the registry or the
shared nodes changed."""
from __future__ import annotations

import time

from rdflib import Graph, URIRef

from kg.blocks import Block
from kg.build.check import document_graphs
from kg.report import BuildReport


def reason(graphs: dict[URIRef, Graph], blocks: list[Block], parts: list, schema, report: BuildReport,
           say) -> tuple[bytes, int, dict]:
    """graph:inferred's Turtle statements, triple count and core-class counts
    (:func:`kg.inference.reason_step`); ``parts`` are every graph's local inferences."""
    from kg.inference import reason_step

    t = time.perf_counter()
    say("Materialising inferences (kg.inference) ...")
    inferred = reason_step(parts, schema, lambda: {**graphs, **document_graphs(blocks)})
    report.seconds["reason"] = time.perf_counter() - t
    return inferred
