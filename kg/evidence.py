"""Check that every evidence span quotes its article exactly.

For each ``pakru:TextSpan`` the text of its source article between ``oa:start`` and
``oa:end`` must equal its ``oa:exact``.  The article text is taken from the graph
itself (``schema:text``), so the check also works on a published file loaded elsewhere.
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDF, Graph

from kg.namespaces import OA, PAKRU, SDO

@dataclass(frozen=True)
class EvidenceProblem:
    span: str
    document: str
    message: str

    def __str__(self) -> str:
        return f"{self.span}: {self.message}"


def check_evidence(graph: Graph) -> tuple[int, list[EvidenceProblem]]:
    """Return (number of spans checked, problems found)."""
    texts: dict[str, str] = {}
    for doc, text in graph.subject_objects(SDO.text):
        texts.setdefault(str(doc), str(text))
    problems: list[EvidenceProblem] = []
    checked = 0
    for span in sorted(set(graph.subjects(RDF.type, PAKRU.TextSpan))):
        checked += 1
        doc = graph.value(span, OA.hasSource)
        exact = start = end = None
        for selector in graph.objects(span, OA.hasSelector):
            exact = graph.value(selector, OA.exact, default=exact)
            start = graph.value(selector, OA.start, default=start)
            end = graph.value(selector, OA.end, default=end)
        if doc is None or exact is None or start is None or end is None:
            problems.append(EvidenceProblem(str(span), str(doc), "lacks a source, a quote or a start/end position"))
            continue
        text = texts.get(str(doc))
        start, end, exact = start.toPython(), end.toPython(), str(exact)
        if text is None:
            problems.append(EvidenceProblem(str(span), str(doc), f"its document {doc} has no schema:text in the graph"))
            continue
        if not (0 <= start < end <= len(text)):
            problems.append(EvidenceProblem(str(span), str(doc), f"offsets {start}-{end} fall outside the article "
                                                                 f"(length {len(text)})"))
            continue
        if text[start:end] != exact:
            problems.append(EvidenceProblem(
                str(span), str(doc), f"quote {exact[:60]!r} does not match the article at {start}-{end}: "
                                     f"{text[start:end][:60]!r}"))
    problems.sort(key=lambda p: p.span)
    return checked, problems
