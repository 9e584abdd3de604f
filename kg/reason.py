"""Materialise what the ontology implies, in a graph of its own (``graph:inferred``).

:func:`infer` takes the asserted data (every named graph but the ontology) and:

1. applies two rules.  :data:`BILATERAL_RULE` (closed world) types an event in which
   exactly two states take part ``pakru:BilateralEvent``: OWL cannot conclude "exactly
   two" from data that never says "and no other state".  :data:`PAKISTAN_RUSSIA_RULE`
   types an event in which Pakistan and Russia both take part ``pakru:PakistanRussiaEvent``
   (an OWL ``hasValue`` definition would do, but nominals make HermiT several times
   slower on the whole graph);
2. runs HermiT through owlready2 (a fresh ``World``, ``infer_property_values=True``) on
   the ontology, the data (filtered by :func:`kg.ontology.reasoner_input`) and the rules'
   types.  An inconsistency raises :class:`~kg.errors.ValidationError` whose report names
   the classes and nodes involved, in words;
3. reads back everything the reasoner holds (asserted plus inferred), maps owlready2's
   resources back to the exact IRIs, and keeps the closure minus what is asserted,
   limited to facts worth publishing: ``rdf:type`` to ``pakru:``, ``schema:``, ``prov:``
   and ``sem:`` classes (from subclass, domain and range axioms, the defined class
   ``pakru:PakistanRussiaBilateralEvent`` and the rules), and values of inverse,
   symmetric and transitive object properties (``pakru:participatedIn``,
   ``pakru:hasMember``, ``pakru:cooperatesWith``, ``pakru:locatedIn``) about nodes that the
   data names (as subject or object).  owlready2 does not store a value whose inverse it already holds (it
   treats it as implicit), so inverse and symmetric values are added back here:
   ``p owl:inverseOf q`` and ``s p o`` give ``o q s``; a symmetric ``p`` gives ``o p s``.

``owl:sameAs`` links to outside IRIs (Wikidata) stay out of the reasoner's copy: they
make HermiT copy every fact onto the outside IRI (ten times slower) and imply nothing
about our nodes, except when two nodes share one target; such nodes are linked to each
other directly instead.  The output is the same graph for the same input.
"""
from __future__ import annotations

import io
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.errors import KGError, ValidationError
from kg.namespaces import INFERRED_GRAPH, ONTOLOGY_GRAPH, PAKRU, PREFIXES, SDO, SEM, bind_prefixes
from kg.ontology import explain_inconsistency, load_ontology, reasoner_input, short

#: Classes whose members are published when inferred (the vocabularies of the data).
TYPE_NAMESPACES = (str(PAKRU), str(SDO), str(PREFIXES["prov"]), str(SEM))

#: Closed-world rule for pakru:BilateralEvent: exactly two distinct states take part.
#: People and organisations acting for them do not count; two IRIs are two states.
BILATERAL_RULE = """
PREFIX pakru: <https://w3id.org/pakru/ontology#>
SELECT ?event WHERE {
  ?event a pakru:Event ; pakru:participant ?state .
  ?state a pakru:State .
}
GROUP BY ?event
HAVING (COUNT(DISTINCT ?state) = 2)
"""
#: pakru:PakistanRussiaEvent as a rule: the OWL definition needs nominals (owl:hasValue),
#: which make HermiT several times slower on the whole graph.
PAKISTAN_RUSSIA_RULE = """
PREFIX pakru: <https://w3id.org/pakru/ontology#>
PREFIX id: <https://w3id.org/pakru/id/>
SELECT ?event WHERE { ?event a pakru:Event ; pakru:participant id:pakistan , id:russia . }
"""
RULE_CLASSES = {PAKRU.BilateralEvent: BILATERAL_RULE, PAKRU.PakistanRussiaEvent: PAKISTAN_RUSSIA_RULE}
KINDS = ("type", "defined class", "rule", "inverse", "symmetric", "transitive")
KIND_TEXT = {"type": "type (subclass, domain, range)", "defined class": "defined class (OWL)",
             "rule": "rule (SPARQL, before HermiT)"}


@dataclass
class InferenceResult:
    """The inferred graph, how many triples of each kind it holds, and the time taken."""

    graph: Graph
    counts: Counter = field(default_factory=Counter)
    kinds: dict = field(default_factory=dict)  # triple -> kind
    seconds: float = 0.0
    hermit_seconds: float = 0.0
    dropped: dict[str, int] = field(default_factory=dict)
    unsatisfiable: list[str] = field(default_factory=list)

    def summary(self, examples: int = 2) -> str:
        """A report for people: verdict, counts by kind with examples, timing."""
        lines = ["Consistent: HermiT found no contradiction between the ontology and the data."]
        if self.unsatisfiable:
            lines.append("But these classes can have no member: " + ", ".join(self.unsatisfiable))
        lines.append(f"Inferred {len(self.graph)} triple(s) for {short(INFERRED_GRAPH)}:")
        by_kind = defaultdict(list)
        for triple in sorted(self.kinds):
            by_kind[self.kinds[triple]].append(triple)
        for kind in KINDS:
            if self.counts[kind]:
                lines.append(f"  {KIND_TEXT.get(kind, kind):32} {self.counts[kind]:6}")
                lines += ["      e.g. " + " ".join(map(short, t)) for t in by_kind[kind][:examples]]
        lines.append(f"Reasoning took {self.seconds:.2f}s (HermiT {self.hermit_seconds:.2f}s).")
        return "\n".join(lines)


def asserted(graphs) -> Graph:
    """One plain graph of the asserted data: every named graph but the ontology and the
    inferred graph, from a ``{name: Graph}`` dict, a Dataset or a plain Graph."""
    skip = {ONTOLOGY_GRAPH, INFERRED_GRAPH}
    union = Graph()
    if isinstance(graphs, dict):
        for name, g in graphs.items():
            if name not in skip:
                union += g
    elif graphs.context_aware:
        for s, p, o, g in graphs.quads((None, None, None, None)):
            if getattr(g, "identifier", g) not in skip:
                union.add((s, p, o))
    else:
        union += graphs
    return union


def apply_rules(data: Graph) -> set[tuple]:
    """The ``rdf:type`` triples that the closed-world rules give on ``data``."""
    out = set()
    for cls, rule in RULE_CLASSES.items():
        out |= {(row[0], RDF.type, cls) for row in data.query(rule)}
    return out


def _same_as_copy(merged: Graph, nodes: set) -> None:
    """Replace owl:sameAs links to outside IRIs by links between our nodes sharing a target."""
    shared = defaultdict(set)
    for s, o in list(merged.subject_objects(OWL.sameAs)):
        if s in nodes and o in nodes:
            continue
        merged.remove((s, OWL.sameAs, o))
        if (s in nodes) != (o in nodes):
            local, outside = (s, o) if s in nodes else (o, s)
            shared[outside].add(local)
    for group in shared.values():
        first, *rest = sorted(group)
        for other in rest:
            merged.add((first, OWL.sameAs, other))


def _run_hermit(merged: Graph, ontology: Graph, nodes: set):
    """Reason on ``merged``; return (closure of IRI triples, HermiT seconds, unsatisfiable classes)."""
    import owlready2

    world = owlready2.World()
    try:
        world.get_ontology("https://w3id.org/pakru/reason/").load(
            fileobj=io.BytesIO(merged.serialize(format="nt", encoding="utf-8")), format="ntriples")
        start = time.perf_counter()
        owlready2.sync_reasoner_hermit(world, infer_property_values=True, debug=0)
        seconds = time.perf_counter() - start
        iris = dict(world.graph.execute("SELECT storid, iri FROM resources"))
        rows = list(world.graph.execute("SELECT s, p, o FROM objs WHERE s > 0 AND o > 0"))
        unsat = sorted(short(URIRef(c.iri)) for c in world.inconsistent_classes() if hasattr(c, "iri"))
    except owlready2.OwlReadyInconsistentOntologyError:
        raise ValidationError("ontology and data are inconsistent under HermiT; nothing was inferred",
                              report=explain_inconsistency(merged, ontology)) from None
    except (owlready2.OwlReadyJavaError, OSError) as exc:  # OSError: no Java runtime
        raise KGError(f"the HermiT reasoner could not run (is Java 11+ installed?): {exc}") from exc
    finally:
        world.close()
    known = set(iris.values())
    lost = sorted(str(n) for n in nodes if str(n) not in known and (n, None, None) in merged)
    if lost:
        raise KGError(f"owlready2 did not keep {len(lost)} IRI(s) as written, e.g. <{lost[0]}>; "
                      "inferences about them cannot be mapped back")
    closure = {(URIRef(iris[s]), URIRef(iris[p]), URIRef(iris[o])) for s, p, o in rows
               if s in iris and p in iris and o in iris}
    return closure, seconds, unsat


def _ancestors(closure: set, ontology: Graph) -> dict:
    """Named class -> itself and every named superclass, from the reasoned hierarchy."""
    parents = defaultdict(set)
    for s, p, o in closure | set(ontology.triples((None, RDFS.subClassOf, None))):
        if p == RDFS.subClassOf:
            parents[s].add(o)
        elif p == OWL.equivalentClass:
            parents[s].add(o)
            parents[o].add(s)
    memo: dict = {}

    def up(cls):
        if cls not in memo:
            seen, todo = {cls}, [cls]
            while todo:
                for sup in parents.get(todo.pop(), ()):
                    if isinstance(sup, URIRef) and sup not in seen:
                        seen.add(sup)
                        todo.append(sup)
            memo[cls] = seen
        return memo[cls]

    return up


def _implicit_values(closure: set, ontology: Graph) -> set:
    """The inverse and symmetric values that owlready2 leaves implicit."""
    partner = {}
    for p, q in ontology.subject_objects(OWL.inverseOf):
        partner[p], partner[q] = q, p
    partner.update({p: p for p in ontology.subjects(RDF.type, OWL.SymmetricProperty)})
    return {(o, partner[p], s) for s, p, o in closure if p in partner}


def _property_kinds(ontology: Graph) -> dict:
    """Object property -> "symmetric", "transitive" or "inverse" (first that applies)."""
    kinds = {}
    for p, q in ontology.subject_objects(OWL.inverseOf):
        kinds[p] = kinds[q] = "inverse"
    kinds.update({p: "transitive" for p in ontology.subjects(RDF.type, OWL.TransitiveProperty)})
    kinds.update({p: "symmetric" for p in ontology.subjects(RDF.type, OWL.SymmetricProperty)})
    return {p: k for p, k in kinds.items() if isinstance(p, URIRef)}


def infer(data: Graph, ontology: Graph | None = None) -> InferenceResult:
    """Materialise what ontology + ``data`` (asserted triples; see :func:`asserted`) imply.

    Raises :class:`~kg.errors.ValidationError` when they are inconsistent, with the
    classes and nodes involved in its ``report``.
    """
    start = time.perf_counter()
    ontology = ontology if ontology is not None else load_ontology()
    if data.context_aware:
        data = asserted(data)
    nodes = {s for s in data.subjects() if isinstance(s, URIRef)}
    nodes |= {o for _s, p, o in data if isinstance(o, URIRef) and p not in (RDF.type, OWL.sameAs)}
    rule_types = apply_rules(data)
    merged, dropped = reasoner_input(data, ontology)
    _same_as_copy(merged, nodes)
    for t in rule_types:
        merged.add(t)
    closure, hermit_seconds, unsat = _run_hermit(merged, ontology, nodes)
    closure |= _implicit_values(closure, ontology)
    up = _ancestors(closure, ontology)
    defined = {c for c in ontology.subjects(OWL.equivalentClass, None) if isinstance(c, URIRef)}
    prop_kinds = _property_kinds(ontology)
    kinds: dict = {}
    for s, p, o in closure | rule_types:
        if s not in nodes:
            continue
        if p == RDF.type:
            for cls in up(o):
                if str(cls).startswith(TYPE_NAMESPACES):
                    kind = "rule" if cls in RULE_CLASSES else "defined class" if cls in defined else "type"
                    kinds[(s, RDF.type, cls)] = kind
        elif p in prop_kinds:
            kinds[(s, p, o)] = prop_kinds[p]
    kinds = {t: k for t, k in kinds.items() if t not in data and t not in ontology}
    graph = Graph(identifier=INFERRED_GRAPH)
    bind_prefixes(graph)
    for triple in sorted(kinds):
        graph.add(triple)
    return InferenceResult(graph, Counter(kinds.values()), kinds, time.perf_counter() - start,
                           hermit_seconds, dict(dropped), unsat)
