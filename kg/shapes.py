"""Validate a graph against the SHACL shapes of ``ontology/shapes.ttl`` with pySHACL.

The ontology is passed to pySHACL as the ontology graph, so ``sh:targetClass`` reaches
subclasses (the shape for ``pakru:Place`` checks every ``pakru:City``); no inference
is run on the data itself.
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.namespaces import SH
from kg.ontology import load_ontology, load_shapes, short
from kg.report import Problem, Report


#: A SHACL result is a :class:`kg.report.Problem` of the check ``shapes``.
ShapeResult = Problem


@dataclass
class ShapesReport(Report):
    """pySHACL's verdict: ``conforms`` and the sorted results (``problems``); :meth:`text`
    is ``conforms`` or one line per result."""

    conforms: bool = False

    @property
    def results(self) -> list[Problem]:
        return self.problems

    def text(self, limit: int = 0) -> str:
        return "\n".join(r.line() for r in self.problems) if self.problems else "conforms"


def _union(data: Graph) -> Graph:
    """A plain graph with every triple of ``data``, whatever named graph it sits in.

    pySHACL would validate each named graph of a dataset on its own, and the graph's
    named graphs point into one another (entities live in the registry graph).
    """
    if not data.context_aware:
        return data
    union = Graph()
    for s, p, o, _g in data.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def validate_shapes(data: Graph, shapes: Graph | None = None, ontology: Graph | None = None) -> ShapesReport:
    """Check ``data`` against ``shapes`` (default :func:`kg.ontology.load_shapes`).

    ``ontology`` defaults to :func:`kg.ontology.load_ontology`.  Results are sorted by
    focus node, path, message and value, so the same data always gives the same report.
    """
    from pyshacl import validate

    shapes = shapes if shapes is not None else load_shapes()
    ontology = ontology if ontology is not None else load_ontology()
    conforms, graph, _text = validate(
        _union(data), shacl_graph=shapes, ont_graph=ontology, inference="none",
        advanced=True, abort_on_first=False, allow_warnings=False, meta_shacl=False)
    results = []
    for node in graph.subjects(RDF.type, SH.ValidationResult):
        def term(pred):
            value = graph.value(node, pred)
            return "" if value is None else short(value)

        severity = graph.value(node, SH.resultSeverity)
        message = graph.value(node, SH.resultMessage) or f"violates {term(SH.sourceConstraintComponent)}"
        results.append(Problem(
            "shapes", focus=term(SH.focusNode), path=term(SH.resultPath), message=str(message),
            severity=severity.split("#")[-1] if severity else "Violation", value=term(SH.value)))
    results.sort()
    return ShapesReport(problems=results, checks={"shapes": "conforms" if conforms else "does not conform"},
                        conforms=bool(conforms))


class ShapeChecker:
    """SHACL for the build: the Rust engine of the ``shacl`` package, compiled once.

    About fifty times faster than pySHACL on an article graph, which lets the build check
    each article on its own as it is made (kg.blocks).  pySHACL stays the reference
    (``kg validate`` and :func:`validate_shapes`); tests/kg/test_shapes.py checks that both
    give the same results.  ``context`` is N-Triples added to every data graph checked:
    the ontology (its ``rdfs:subClassOf`` axioms make ``sh:targetClass`` reach subclasses)
    and the registry (the types of the entities articles point to).
    """

    def __init__(self, shapes: Graph, context: str = ""):
        import shacl

        self._shapes = shacl.Shapes.from_turtle(shapes.serialize(format="turtle"))
        self._context = context
        self.bounded = bounded_paths(shapes)

    def check(self, ntriples: str, focus: set[str] | None = None,
              components: frozenset[str] | None = None) -> list[Problem]:
        """The sorted results for ``ntriples`` plus the context; only those whose focus
        node (an N-Triples term such as ``<https://...>``) is in ``focus`` and whose
        constraint component (``MaxCountConstraintComponent``, ...) is in ``components``
        when given."""
        report = self._shapes.validate_text(self._context + ntriples, "nt")
        results = [Problem("shapes", focus=short_nt(r.focus_node), path=short_nt(r.path) if r.path else "",
                               message=r.message or f"violates sh:{r.component}",
                               severity=r.severity, value=short_nt(r.value) if r.value else "")
                   for r in report.results if (focus is None or r.focus_node in focus)
                   and (components is None or r.component in components)]
        return sorted(results)


#: Constraints that more statements can break: they bound how many values a node has or
#: relate its values to one another.  Every other constraint holds of a union of graphs
#: when it holds of each graph (it judges each value on its own, or asks for at least some).
_BOUNDING = ("maxCount", "qualifiedMaxCount", "uniqueLang", "lessThan", "lessThanOrEquals", "equals", "disjoint")
#: Their constraint components, as validation results name them.
BOUNDING_COMPONENTS = frozenset(f"{c[0].upper()}{c[1:]}ConstraintComponent" for c in _BOUNDING)


def bounded_paths(shapes: Graph) -> set[str] | None:
    """The IRIs of the predicates that a bounding constraint applies to (see
    :data:`_BOUNDING`); None when a shape is closed or bounds a complex path, in which
    case every predicate counts."""
    if any(shapes.subjects(SH.closed, None)):
        return None
    out = set()
    for component in _BOUNDING:
        for shape in shapes.subjects(SH[component], None):
            path = shapes.value(shape, SH.path)
            if path is None or not isinstance(path, URIRef):
                return None
            out.add(str(path))
    return out


def short_nt(term: str) -> str:
    """An N-Triples term as :func:`kg.ontology.short` writes it (a simple literal with
    its RDF 1.1 datatype ``xsd:string``, as pySHACL shows it)."""
    from rdflib import XSD, Literal
    from rdflib.util import from_n3

    try:
        node = from_n3(term)
    except Exception:  # noqa: BLE001 - a path such as a sequence is shown as the engine gives it
        return term
    if isinstance(node, Literal) and node.datatype is None and not node.language:
        node = Literal(str(node), datatype=XSD.string)
    return short(node)
