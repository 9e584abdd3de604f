"""Check that every evidence span quotes its article exactly.

For each ``pakru:TextSpan`` the text of its source article between ``oa:start`` and
``oa:end`` must equal its ``oa:exact``.  The article text is taken from the graph
itself (``schema:text``), so the check also works on a published file loaded elsewhere.
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

QUERY = """
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX pakru: <https://w3id.org/pakru/ontology#>
PREFIX schema: <https://schema.org/>
SELECT ?span ?doc ?start ?end ?exact WHERE {
  ?span a pakru:TextSpan ; oa:hasSource ?doc ; oa:hasSelector ?q, ?p .
  ?q a oa:TextQuoteSelector ; oa:exact ?exact .
  ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
}
"""


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
    from kg.namespaces import SDO

    for doc, text in graph.subject_objects(SDO.text):
        texts.setdefault(str(doc), str(text))
    problems: list[EvidenceProblem] = []
    checked = 0
    for row in graph.query(QUERY):
        checked += 1
        span, doc, start, end, exact = (str(row.span), str(row.doc), row.start.toPython(),
                                        row.end.toPython(), str(row.exact))
        text = texts.get(doc)
        if text is None:
            problems.append(EvidenceProblem(span, doc, f"its document {doc} has no schema:text in the graph"))
            continue
        if not (0 <= start < end <= len(text)):
            problems.append(EvidenceProblem(span, doc, f"offsets {start}-{end} fall outside the article "
                                                       f"(length {len(text)})"))
            continue
        if text[start:end] != exact:
            problems.append(EvidenceProblem(
                span, doc, f"quote {exact[:60]!r} does not match the article at {start}-{end}: "
                           f"{text[start:end][:60]!r}"))
    problems.sort(key=lambda p: p.span)
    return checked, problems
