"""The inferred graph without a reasoner run: what each article implies, with its block,
and what only the union of articles implies, from small per-article summaries.

:func:`kg.reason.infer` (HermiT) is the reference; this module gives the same triples
for the axioms the ontology uses, split by where they can be computed:

* **local** (:func:`local_inferences`, run with each article's block and cached with
  it): types from ``rdfs:subClassOf``, ``rdfs:domain`` and ``rdfs:range`` (also through
  ``rdfs:subPropertyOf`` and inverses), and the values of inverse and symmetric
  properties.  Each of these rules reads one asserted triple and the ontology, so what
  the union implies is the union of what each article implies;
* **across articles** (:func:`union_inferences`, every build, from the blocks' facts):
  transitive ``pakru:locatedIn`` chains through places several sources name, the two
  closed-world rules of :mod:`kg.reason` (an event's participants and their types may
  come from several articles and the registry), the defined class they imply
  (``owl:intersectionOf``), and taking away what some other graph asserts.

A block keeps three lists of N-Triples lines (:class:`LocalInferences`): the inferred
triples about its own nodes (no other graph can name them, :func:`kg.rdf.own_iri_test`),
those about nodes others may describe, and the asserted facts the union step needs.
``owl:sameAs`` between two of our nodes (the registry linking two entries to one
Wikidata item) would merge their facts: :func:`union_inferences` then returns ``None``
and the build falls back to HermiT.  Consistency is not decided here: the build runs
HermiT when the ontology, the registry or the set of shared nodes changed.
"""
from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from typing import Callable, Iterable

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.namespaces import PAKRU
from kg.ontology import OWL2_DATATYPES
from kg.reason import RULE_CLASSES, TYPE_NAMESPACES

_TYPE = str(RDF.type)
_PARTICIPANT = str(PAKRU.participant)
_SAME_AS = str(OWL.sameAs)
_OWL2 = frozenset(str(d) for d in OWL2_DATATYPES)


@dataclasses.dataclass(frozen=True)
class Schema:
    """What the rules need of the ontology, as plain IRI strings (picklable, small)."""

    supers: dict  # declared class -> itself and every named superclass
    domains: dict  # property -> classes (through its superproperties)
    ranges: dict
    inverse: dict  # property -> its inverse (both ways)
    symmetric: frozenset
    transitive: frozenset
    object_props: frozenset
    data_props: frozenset
    intersections: tuple  # (defined class, frozenset of the classes it is the intersection of)
    published_props: frozenset  # values published in graph:inferred (inverse, symmetric, transitive)
    ontology_lines: frozenset
    disjoint: frozenset = frozenset()  # frozensets of two disjoint classes

    @classmethod
    def from_ontology(cls, ontology: Graph) -> "Schema":
        def named(kind) -> set[str]:
            return {str(s) for s in ontology.subjects(RDF.type, kind) if isinstance(s, URIRef)}

        classes = named(OWL.Class) | {str(OWL.Thing)}
        parents: dict[str, set[str]] = defaultdict(set)
        intersections = []
        for s, o in ontology.subject_objects(RDFS.subClassOf):
            if isinstance(s, URIRef) and isinstance(o, URIRef):
                parents[str(s)].add(str(o))
        for s, o in ontology.subject_objects(OWL.equivalentClass):
            if isinstance(s, URIRef) and isinstance(o, URIRef):
                parents[str(s)].add(str(o))
                parents[str(o)].add(str(s))
            elif isinstance(s, URIRef) and isinstance(o, BNode):
                members = ontology.value(o, OWL.intersectionOf)
                if members is not None:
                    parts = frozenset(str(m) for m in ontology.items(members))
                    intersections.append((str(s), parts))
                    parents[str(s)] |= {p for p in parts if not p.startswith("_")}
        supers = {c: frozenset(_closure(c, parents)) for c in classes}
        sub_props: dict[str, set[str]] = defaultdict(set)
        for s, o in ontology.subject_objects(RDFS.subPropertyOf):
            sub_props[str(s)].add(str(o))
        inverse = {}
        for p, q in ontology.subject_objects(OWL.inverseOf):
            inverse[str(p)], inverse[str(q)] = str(q), str(p)
        object_props, data_props = named(OWL.ObjectProperty), named(OWL.DatatypeProperty)
        direct_domain, direct_range = defaultdict(set), defaultdict(set)
        for p, d in ontology.subject_objects(RDFS.domain):
            if isinstance(d, URIRef):
                direct_domain[str(p)].add(str(d))
        for p, r in ontology.subject_objects(RDFS.range):
            if isinstance(r, URIRef):
                direct_range[str(p)].add(str(r))
        domains, ranges = {}, {}
        for p in object_props | data_props:
            ups = _closure(p, sub_props)
            # the domain of p's inverse is p's range, and the other way round
            domains[p] = {c for q in ups for c in direct_domain[q]} | {
                c for q in ups if q in inverse for c in direct_range[inverse[q]]}
            ranges[p] = {c for q in ups for c in direct_range[q]} | {
                c for q in ups if q in inverse for c in direct_domain[inverse[q]]}
        symmetric, transitive = named(OWL.SymmetricProperty), named(OWL.TransitiveProperty)
        disjoint = {frozenset(map(str, pair)) for pair in ontology.subject_objects(OWL.disjointWith)}
        for axiom in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
            members = [str(m) for m in ontology.items(ontology.value(axiom, OWL.members))]
            disjoint |= {frozenset((a, b)) for a in members for b in members if a != b}
        return cls(supers, {p: frozenset(c & classes) for p, c in domains.items() if c & classes},
                   {p: frozenset(c & classes) for p, c in ranges.items() if c & classes},
                   inverse, frozenset(symmetric), frozenset(transitive), frozenset(object_props),
                   frozenset(data_props), tuple(sorted(intersections, key=lambda i: i[0])),
                   frozenset(set(inverse) | symmetric | transitive),
                   frozenset(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in ontology
                             if isinstance(s, URIRef) and isinstance(o, URIRef)), frozenset(disjoint))

    def clashes(self, node: str, classes: set[str]) -> list[str]:
        """Sentences naming each pair of disjoint classes among a node's ``classes``."""
        return [f"<{node}> is both a <{a}> and a <{b}>, but these classes are disjoint"
                for a, b in sorted(tuple(sorted(pair)) for pair in self.disjoint if pair <= classes)]

    def published_type(self, cls: str) -> bool:
        return cls.startswith(TYPE_NAMESPACES)


def _closure(start: str, edges: dict) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        for nxt in edges.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


@dataclasses.dataclass
class LocalInferences:
    """What one graph implies alone (N-Triples lines, each ending in `` .``)."""

    own: list[str]  # inferred, about nodes only this graph names: final
    open: list[str]  # inferred, about nodes other graphs may describe too
    facts: list[str]  # asserted statements the union step needs (see module docstring)
    problems: list[str] = dataclasses.field(default_factory=list)  # own nodes of disjoint classes


def _line(s: str, p: str, o: str) -> str:
    return f"<{s}> <{p}> <{o}> ."


def local_inferences(triples: Iterable[ox.Triple], schema: Schema,
                     own: Callable[[str], bool] = lambda iri: False) -> LocalInferences:
    """The local inferences of one graph's asserted ``triples`` (see the module docstring)."""
    types: dict[str, set[str]] = defaultdict(set)
    asserted_types: dict[str, set[str]] = defaultdict(set)
    values: set[tuple[str, str, str]] = set()
    asserted: set[str] = set()
    facts: set[str] = set()
    participants: set[str] = set()
    for t in triples:
        line = f"{t} ."
        asserted.add(line)
        s, p, o = t.subject, t.predicate.value, t.object
        if not isinstance(s, ox.NamedNode):
            continue
        s = s.value
        if p == _TYPE:
            if isinstance(o, ox.NamedNode):
                asserted_types[s].add(o.value)
                types[s] |= schema.supers.get(o.value, frozenset())
                if not own(s) and schema.published_type(o.value):
                    facts.add(line)
            continue
        if p == _SAME_AS:
            facts.add(line)
            continue
        if isinstance(o, ox.NamedNode) and p in schema.object_props:
            o = o.value
            if p in schema.transitive or p == _PARTICIPANT or (p in schema.published_props and not own(s)):
                facts.add(line)
            if p == _PARTICIPANT:
                participants.add(s)
            for a, q, b in _forms(s, p, o, schema):
                for c in schema.domains.get(q, ()):
                    types[a] |= schema.supers[c]
                for c in schema.ranges.get(q, ()):
                    types[b] |= schema.supers[c]
                if (a, q, b) != (s, p, o) and q in schema.published_props:
                    values.add((a, q, b))
        elif isinstance(o, ox.Literal) and p in schema.data_props and o.datatype.value in _OWL2:
            for c in schema.domains.get(p, ()):
                types[s] |= schema.supers[c]
    for node, classes in list(types.items()):  # defined classes whose parts a node has
        have = classes | asserted_types.get(node, set())
        for defined, parts in schema.intersections:
            if parts <= have:
                classes |= schema.supers[defined]
    problems = [c for node in sorted(set(types) | set(asserted_types)) if own(node)
                for c in schema.clashes(node, types.get(node, set()) | asserted_types.get(node, set()))]
    # the types of events (participant subjects), for the closed-world rules
    facts |= {_line(s, _TYPE, c) for s in participants for c in asserted_types.get(s, ())}
    inferred = {_line(s, _TYPE, c) for s, cs in types.items() for c in cs if schema.published_type(c)}
    inferred |= {_line(*v) for v in values}
    inferred -= asserted
    mine, others = [], []
    for line in sorted(inferred):
        (mine if own(line[1:line.index(">")]) else others).append(line)
    return LocalInferences(mine, others, sorted(facts), problems)


def _forms(s: str, p: str, o: str, schema: Schema) -> list[tuple[str, str, str]]:
    """A property statement and what it says read through an inverse or symmetry."""
    forms = [(s, p, o)]
    if p in schema.inverse:
        forms.append((o, schema.inverse[p], s))
    if p in schema.symmetric:
        forms.append((o, p, s))
    return forms


def _subject(line: str) -> str:
    return line[1:line.index(">")]


def union_inferences(parts: Iterable[LocalInferences], schema: Schema) -> list[str] | None:
    """The lines of graph:inferred, sorted, from every graph's :class:`LocalInferences`
    (the articles' and the registry's); ``None`` when two of our nodes are ``owl:sameAs``
    each other (HermiT is then needed, see the module docstring)."""
    own, open_, facts = set(), set(), set()
    for part in parts:
        own.update(part.own)
        open_.update(part.open)
        facts.update(part.facts)
    if _merged_nodes(facts):
        return None
    store = ox.Store()
    store.bulk_load(("\n".join(facts) + "\n").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    derived: set[tuple[str, str, str]] = set()
    for p in schema.transitive:  # chains through nodes that several graphs may name
        edges = defaultdict(set)
        for q in store.quads_for_pattern(None, ox.NamedNode(p), None):
            if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.NamedNode):
                edges[q.subject.value].add(q.object.value)
        for start in list(edges):
            derived |= {(start, p, end) for end in _closure(start, edges) if end != start}
    rule_types = defaultdict(set)
    for cls, rule in RULE_CLASSES.items():
        for row in store.query(rule):
            rule_types[row[0].value].add(str(cls))
    for node, classes in rule_types.items():
        have = set(classes)
        for c in classes:
            have |= schema.supers.get(c, frozenset())
        asserted = {q.object.value for q in store.quads_for_pattern(ox.NamedNode(node), ox.NamedNode(_TYPE), None)}
        for c in asserted:
            have |= schema.supers.get(c, frozenset())
        for defined, parts_ in schema.intersections:
            if parts_ <= have | asserted:
                have |= schema.supers[defined]
        derived |= {(node, _TYPE, c) for c in have if schema.published_type(c)}
    for s, p, o in list(derived):
        if p == _TYPE:
            continue
        for a, q, b in _forms(s, p, o, schema):
            for c in schema.domains.get(q, ()):
                derived |= {(a, _TYPE, x) for x in schema.supers[c] if schema.published_type(x)}
            for c in schema.ranges.get(q, ()):
                derived |= {(b, _TYPE, x) for x in schema.supers[c] if schema.published_type(x)}
            if q in schema.published_props:
                derived.add((a, q, b))
    candidates = open_ | {_line(*t) for t in derived}
    return sorted(own | (candidates - facts - schema.ontology_lines))


def shared_problems(parts: Iterable[LocalInferences], schema: Schema) -> list[str]:
    """Disjoint classes on a node other graphs describe too, from what all of them say
    and imply about it (an article's own nodes are checked with its block)."""
    types: dict[str, set[str]] = defaultdict(set)
    for part in parts:
        for line in part.open + part.facts:
            s, p, o = line[:-2].split(" ", 2)
            if p == f"<{_TYPE}>" and o.startswith("<"):
                types[s[1:-1]].add(o[1:-1])
    return [c for node in sorted(types) for c in schema.clashes(node, types[node])]


def _merged_nodes(facts: set[str]) -> bool:
    """Whether ``owl:sameAs`` joins two of our nodes, directly or through one outside IRI."""
    sources: dict[str, set[str]] = defaultdict(set)
    marker = f" <{_SAME_AS}> "
    for line in facts:
        if marker in line:
            s, _p, o = line[:-2].split(" ", 2)
            sources[o].add(s)
    if not sources:
        return False
    subjects = {_subject(line) for line in facts}
    return any(len(group) > 1 or target[1:-1] in subjects for target, group in sources.items())


def shared_nodes(parts: Iterable[LocalInferences]) -> list[str]:
    """The nodes that more than one graph states or implies something about."""
    seen: dict[str, int] = defaultdict(int)
    for part in parts:
        for node in {_subject(line) for line in part.open + part.facts}:
            seen[node] += 1
    return sorted(n for n, k in seen.items() if k > 1)


def inferred_body(lines: list[str]) -> bytes:
    """The Turtle statements of graph:inferred from its sorted N-Triples lines (the
    same bytes :func:`kg.publish.turtle_body` writes for that graph)."""
    from kg.publish import turtle_body

    # sorted lines of IRIs are sorted triples: an IRI cannot hold the ">" that ends another
    return turtle_body(list(ox.parse(("\n".join(lines) + "\n").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)))


def hermit_fingerprint(ontology_bytes: bytes, registry_fingerprint: str, shared: list[str]) -> str:
    """What decides whether HermiT must look at the whole graph again: the ontology, the
    registry and the nodes several graphs describe (an article's own nodes are checked
    with its block, see :func:`local_problems`)."""
    import hashlib

    h = hashlib.sha256(ontology_bytes)
    h.update(registry_fingerprint.encode())
    h.update("\n".join(shared).encode())
    return h.hexdigest()


def check_disjoint(blocks, parts: list[LocalInferences], schema: Schema, report, without_hermit: bool) -> None:
    """Raise :class:`~kg.errors.ValidationError` when a node has two disjoint classes: an
    article's own nodes (found with its block, ``Block.owl_problems``) or the nodes
    several graphs describe.  ``without_hermit``: HermiT did not run in this build, so
    this is what the build knows of consistency, and the report says so."""
    from kg.errors import ValidationError

    problems = [p for b in blocks for p in b.owl_problems] + shared_problems(parts, schema)
    if problems:
        raise ValidationError("ontology and data are inconsistent: a node has two disjoint classes",
                              report="\n".join(problems))
    if without_hermit:
        report.consistent = True
        report.owl_note = ("unchanged since HermiT last found it so; disjoint classes checked on the changed "
                           "articles and the shared nodes")


def reason_step(parts: list[LocalInferences], schema: Schema, whole) -> tuple[bytes, int, Counter]:
    """graph:inferred from what each graph implies alone and what their union implies:
    its Turtle statements, triple count and core-class counts.  Where the rules cannot
    follow (``owl:sameAs`` between two of our nodes) HermiT (:func:`kg.reason.infer`)
    reasons on ``whole()``, every graph by name."""
    from kg.report import CORE_COUNTED
    from kg.publish import sorted_triples

    lines = union_inferences(parts, schema)
    if lines is None:
        from kg.namespaces import ONTOLOGY_GRAPH
        from kg.reason import asserted, infer

        graphs = whole()
        lines = sorted(f"{t} ." for t in sorted_triples(infer(asserted(graphs), graphs[ONTOLOGY_GRAPH]).graph))
    counts: Counter = Counter()
    type_p, pakru = f"<{_TYPE}>", f"<{PAKRU}"
    for line in lines:
        s, p, o = line[:-2].split(" ", 2)
        if p == type_p and o.startswith(pakru) and o[len(pakru):-1] in CORE_COUNTED:
            counts[o[len(pakru):-1]] += 1
    return inferred_body(lines), len(lines), counts
