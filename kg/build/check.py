"""Stage 4, check: what crosses articles.  Each article's evidence and SHACL results
(made with its block), SHACL on the nodes several articles describe, the registry
graph's shapes, and optionally OWL consistency with HermiT over everything."""
from __future__ import annotations

import time

from rdflib import Graph, URIRef

from kg.blocks import Block, check_shared
from kg.errors import ValidationError
from kg.namespaces import ONTOLOGY_GRAPH, document_graph
from kg.publish import prefix_lines
from kg.report import BuildReport


def document_graphs(blocks: list[Block]) -> dict[URIRef, Graph]:
    """The article graphs read back from their blocks (for reasoning, HermiT and the
    formats written from whole graphs)."""
    out = {}
    for block in blocks:
        body = block.body if isinstance(block.body, bytes) else block.body.read_bytes()
        out[document_graph(block.doc_id)] = Graph().parse(data=prefix_lines() + body.decode("utf-8"),
                                                         format="turtle")
    return out


def check(blocks: list[Block], graphs: dict[URIRef, Graph], checker, check_owl: bool,
          report: BuildReport, say, new: set[str] | None = None) -> None:
    """Raise :class:`~kg.errors.ValidationError` on any failure; record what passed in
    ``report``.  ``new`` limits the shared-node check to the nodes of those articles'
    blocks (see :func:`kg.blocks.check_shared`)."""
    t = time.perf_counter()
    report.evidence_checked = sum(b.spans for b in blocks)
    evidence = [p for b in blocks for p in b.evidence_problems]
    if evidence:
        raise ValidationError(f"{len(evidence)} evidence span(s) do not match their article", report="\n".join(evidence))
    problems = [p for b in blocks for p in b.shape_problems]
    problems += check_shared(blocks, checker, new)
    problems += [f"registry: {r.line()}" for r in checker.check("")]
    report.seconds["shapes"] = time.perf_counter() - t
    if problems:
        raise ValidationError(f"the graph does not conform to the shapes ({len(problems)} problem(s))",
                              report="\n".join(sorted(set(problems))))
    report.shapes_conform = True
    if check_owl:
        from kg.ontology import check_consistency

        t = time.perf_counter()
        say("Checking OWL consistency with HermiT ...")
        data = Graph()
        for name, g in {**graphs, **document_graphs(blocks)}.items():
            if name != ONTOLOGY_GRAPH:
                data += g
        result = check_consistency(data, graphs[ONTOLOGY_GRAPH])
        report.seconds["hermit"] = time.perf_counter() - t
        report.consistent = result.consistent
        if not result.consistent:
            raise ValidationError("ontology and data are inconsistent under HermiT", report=result.explanation)
