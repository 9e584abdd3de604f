"""Load the ontology and the SHACL shapes, and check a graph for OWL consistency.

The ontology (``ontology/pakru.ttl``) and the shapes (``ontology/shapes.ttl``) are
shipped with the package (:func:`kg.workspace.shipped`).  :func:`check_consistency` runs the HermiT
reasoner (through owlready2, in a world of its own) on the ontology plus a data graph.

>>> g = load_ontology()
>>> (PAKRU.State, RDF.type, OWL.Class) in g
True
"""
from __future__ import annotations

import io
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.plugins.parsers.notation3 import BadSyntax

from kg.errors import InputError, KGError
from kg.namespaces import PAKRU, PREFIXES
from kg.report import Problem, Report
from kg.workspace import ontology_file, shapes_file

ONTOLOGY_PATH = ontology_file()
SHAPES_PATH = shapes_file()

# Datatypes of the OWL 2 datatype map (OWL 2 Structural Specification, section 4).
OWL2_DATATYPES = frozenset(
    [RDF.PlainLiteral, RDF.XMLLiteral, RDF.langString, RDFS.Literal, OWL.real, OWL.rational]
    + [XSD[n] for n in (
        "decimal integer nonNegativeInteger nonPositiveInteger positiveInteger "
        "negativeInteger long int short byte unsignedLong unsignedInt unsignedShort "
        "unsignedByte double float string normalizedString token language Name NCName "
        "NMTOKEN boolean hexBinary base64Binary anyURI dateTime dateTimeStamp").split()]
)


def _parse_turtle(path: str | Path) -> Graph:
    path = Path(path)
    if not path.is_file():
        raise InputError("file not found", path=path)
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except BadSyntax as exc:  # .lines counts the newlines before the error
        raise InputError(f"Turtle syntax error: {exc._why}", path=path, line=exc.lines + 1) from exc
    except Exception as exc:  # rdflib raises several kinds for bad IRIs, encodings, ...
        raise InputError(f"cannot read Turtle: {exc}", path=path) from exc
    return graph


def load_ontology(path: str | Path | None = None) -> Graph:
    """Parse the ontology (``ONTOLOGY_PATH`` unless ``path`` is given); a syntax error
    raises :class:`~kg.errors.InputError` naming the file and the line."""
    return _parse_turtle(path or ONTOLOGY_PATH)


def load_shapes(path: str | Path | None = None) -> Graph:
    """Parse the SHACL shapes (``SHAPES_PATH`` unless ``path`` is given); errors as above."""
    return _parse_turtle(path or SHAPES_PATH)


def short(term) -> str:
    """A term in prefixed form where a known prefix fits (``id:pakistan``), else in N-Triples form."""
    if isinstance(term, Literal):
        tail = f"@{term.language}" if term.language else (f"^^{short(term.datatype)}" if term.datatype else "")
        return f'"{term}"{tail}'
    text = str(term)
    for prefix, iri in PREFIXES.items():
        if text.startswith(str(iri)):
            return f"{prefix}:{text[len(str(iri)):]}"
    return f"_:{text}" if isinstance(term, BNode) else f"<{text}>"


@dataclass
class ConsistencyResult(Report):
    """What HermiT said about ontology + data, as a :class:`kg.report.Report` of the
    check ``OWL`` (``seconds["hermit"]`` is how long it took).

    ``consistent`` is the logical verdict; ``unsatisfiable`` lists classes that can have
    no member (a modelling bug even in a consistent graph); ``dropped`` counts data
    triples left out of the reasoner's copy, by reason (see :func:`reasoner_drop_reason`).
    """

    consistent: bool = True
    explanation: str = ""
    unsatisfiable: list[str] = field(default_factory=list)
    dropped: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.consistent and not self.unsatisfiable

    @classmethod
    def of(cls, consistent: bool, seconds: float, explanation: str, unsatisfiable=(), dropped=None):
        problems = [Problem("OWL", c, "", "this class can have no member") for c in unsatisfiable]
        if not consistent:
            problems += [Problem("OWL", line.split(" ", 1)[0], "", line)
                         for line in explanation.splitlines()[1:] or [explanation]]
        verdict = "consistent" if consistent else "INCONSISTENT"
        return cls(problems=problems, checks={"OWL": f"{verdict} under HermiT ({seconds:.1f}s)"},
                   seconds={"hermit": seconds}, consistent=consistent, explanation=explanation,
                   unsatisfiable=list(unsatisfiable), dropped=dict(dropped or {}))


def _declared(ontology: Graph, kind: URIRef) -> frozenset:
    return frozenset(s for s in ontology.subjects(RDF.type, kind) if isinstance(s, URIRef))


def reasoner_drop_reason(triple: tuple, classes: frozenset, object_props: frozenset,
                         data_props: frozenset) -> str | None:
    """Say why a data triple must stay out of HermiT's copy, or return ``None`` to keep it.

    HermiT implements only the OWL 2 datatype map: a literal typed ``xsd:date``,
    ``xsd:gYear``, ``xsd:gYearMonth`` (our dates) or any other datatype outside the map
    makes it stop with an error instead of an answer, so such literals are dropped (no
    axiom of the ontology constrains them; the SHACL shapes check them).  Triples that
    carry no logic are dropped too, which keeps the check fast and the input OWL 2 DL:
    annotations and undeclared predicates (labels, texts, selectors' words), and
    ``rdf:type`` to classes the ontology does not declare (``owl:NamedIndividual``,
    foreign classes).  A declared object property with a literal value, or a datatype
    property with a node value, would be illegal punning: dropped and counted.
    """
    _s, p, o = triple
    if p == RDF.type:
        return None if o in classes else "rdf:type outside the ontology"
    if p in (OWL.sameAs, OWL.differentFrom):
        return "literal value of owl:sameAs" if isinstance(o, Literal) else None
    if p in object_props:
        return "literal value of an object property" if isinstance(o, Literal) else None
    if p in data_props:
        if not isinstance(o, Literal):
            return "node value of a datatype property"
        if o.datatype is not None and o.datatype not in OWL2_DATATYPES:
            return f"datatype outside OWL 2 ({short(o.datatype)})"
        return None
    return "predicate without logic (annotation or undeclared)"


def _data_triples(data: Graph):  # of a Dataset / ConjunctiveGraph, every named graph counts
    return ((s, p, o) for s, p, o, *_ in data.quads()) if data.context_aware else iter(data)


def reasoner_input(data: Graph | None, ontology: Graph) -> tuple[Graph, Counter]:
    """The graph HermiT gets: ``ontology`` plus the data triples that
    :func:`reasoner_drop_reason` keeps, and the dropped ones counted by reason."""
    sig = (_declared(ontology, OWL.Class) | {OWL.Thing}, _declared(ontology, OWL.ObjectProperty),
           _declared(ontology, OWL.DatatypeProperty))
    merged = Graph()
    merged += ontology
    dropped: Counter = Counter()
    for t in _data_triples(data) if data is not None else ():
        reason = reasoner_drop_reason(t, *sig)
        if reason is None:
            merged.add(t)
        else:
            dropped[reason] += 1
    return merged, dropped


def check_consistency(data: Graph | None = None, ontology: Graph | None = None) -> ConsistencyResult:
    """Run HermiT on ``ontology`` (default: :func:`load_ontology`) plus ``data``.

    The merged graph goes to owlready2 as N-Triples in a fresh ``World`` (never the
    default one, so calls do not leak into each other).  On an inconsistency the
    explanation names the nodes involved (see :func:`explain_inconsistency`).
    ``seconds`` covers the whole check: filtering, loading and the reasoner.
    """
    import owlready2

    start = time.perf_counter()
    ontology = ontology if ontology is not None else load_ontology()
    merged, dropped = reasoner_input(data, ontology)
    world = owlready2.World()
    try:
        world.get_ontology("https://w3id.org/pakru/check/").load(
            fileobj=io.BytesIO(merged.serialize(format="nt", encoding="utf-8")), format="ntriples")
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        unsat = sorted(short(URIRef(c.iri)) for c in world.inconsistent_classes() if hasattr(c, "iri"))
    except owlready2.OwlReadyInconsistentOntologyError:
        return ConsistencyResult.of(False, time.perf_counter() - start,
                                    explain_inconsistency(merged, ontology), dropped=dropped)
    except (owlready2.OwlReadyJavaError, OSError) as exc:  # OSError: no Java runtime
        raise KGError(f"the HermiT reasoner could not run (is Java 11+ installed?): {exc}") from exc
    finally:
        world.close()
    text = "consistent" + (f", but these classes can have no member: {', '.join(unsat)}" if unsat else "")
    return ConsistencyResult.of(True, time.perf_counter() - start, text, unsat, dropped)


_NUMERIC = {XSD[n] for n in "decimal integer nonNegativeInteger positiveInteger int long short byte".split()}


def _literal_fits(lit: Literal, datatype: URIRef) -> bool:
    """Whether ``lit`` is a value of the range ``datatype`` (same family, valid there)."""
    if datatype == RDFS.Literal:
        return True
    family = lit.datatype == datatype or {lit.datatype, datatype} <= _NUMERIC or (
        datatype == XSD.string and lit.datatype is None and not lit.language)
    return family and not Literal(str(lit), datatype=datatype).ill_typed


def explain_inconsistency(graph: Graph, ontology: Graph) -> str:
    """Say in words which nodes make ``graph`` (ontology + data) inconsistent.

    A cheap diagnosis, not a full proof: it finds nodes that get two disjoint classes
    (from ``rdf:type`` or the domains and ranges of the properties used), node values
    outside a union range, and literals that are ill-typed or outside their property's
    range.  When it finds none of these it says so.
    """
    disjoint = set()
    for axiom in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(ontology.items(ontology.value(axiom, OWL.members)))
        disjoint |= {frozenset((a, b)) for a in members for b in members if a != b}
    disjoint |= {frozenset(pair) for pair in ontology.subject_objects(OWL.disjointWith)}
    domains = {p: d for p, d in ontology.subject_objects(RDFS.domain) if isinstance(d, URIRef)}
    ranges = {p: r for p, r in ontology.subject_objects(RDFS.range) if isinstance(r, URIRef)}
    unions = {p: list(ontology.items(ontology.value(r, OWL.unionOf)))
              for p, r in ontology.subject_objects(RDFS.range) if isinstance(r, BNode)}
    data_props = _declared(ontology, OWL.DatatypeProperty)
    kinds: dict = {}  # node -> {class: (rank, reason)}; rank 0 asserted ... 3 inherited from a range
    union_uses, problems = [], []

    def add(node, cls, reason, rank=0):
        for sup in ontology.transitive_objects(cls, RDFS.subClassOf):
            inherited = sup != cls
            entry = (rank + inherited, reason + (f", a kind of {short(sup)}" if inherited else ""))
            if entry < kinds.setdefault(node, {}).get(sup, (9, "")):
                kinds[node][sup] = entry

    for s, p, o in graph:
        if p == RDF.type and isinstance(o, URIRef):
            add(s, o, f"typed {short(o)}")
        if p in domains:
            add(s, domains[p], f"subject of {short(p)}, whose domain is {short(domains[p])}", 2)
        if isinstance(o, Literal):
            if o.ill_typed:
                problems.append(f"{short(s)} {short(p)} {short(o)}: not a valid {short(o.datatype)}")
            elif p in data_props and p in ranges and not _literal_fits(o, ranges[p]):
                problems.append(f"{short(s)} {short(p)} {short(o)}: outside the range {short(ranges[p])}")
        elif p in ranges:
            add(o, ranges[p], f"value of {short(p)} on {short(s)}, whose range is {short(ranges[p])}", 2)
        elif p in unions:
            union_uses.append((o, p, s, unions[p]))
    for node in sorted(kinds, key=str):
        clashes = sorted((kinds[node][a][0] + kinds[node][b][0], short(a), short(b), a, b)
                         for a, b in map(sorted, disjoint) if a in kinds[node] and b in kinds[node])
        if clashes:  # the most direct clash says it best
            _, name_a, name_b, a, b = clashes[0]
            problems.append(f"{short(node)} is both a {name_a} ({kinds[node][a][1]}) and a {name_b} "
                            f"({kinds[node][b][1]}), but these classes are disjoint")
    for node, p, s, allowed in sorted(union_uses, key=lambda u: tuple(map(str, u[:3]))):
        have = kinds.get(node, {})
        clash = [next((k for k in sorted(have, key=str) if frozenset((m, k)) in disjoint), None) for m in allowed]
        if all(clash):
            problems.append(f"{short(node)} is the value of {short(p)} on {short(s)}, which must be a "
                            f"{' or '.join(map(short, allowed))}, but it is a {short(clash[0])} "
                            f"({have[clash[0]][1]})")
    if not problems:
        return ("HermiT found the graph inconsistent, but no node has two disjoint types and no "
                "literal is out of range; the cause involves other axioms (owl:sameAs, "
                "owl:AllDifferent). Open ontology and data in an OWL editor with explanations.")
    return "inconsistent:\n" + "\n".join(problems)
