"""``kg validate``: check a published graph and its inputs, and say what to fix where.

:func:`validate` reads the registry, the ontology and the shapes (an unusable one raises
:class:`~kg.errors.InputError`: exit 2), then the graph file (``data/kg.trig`` unless
another TriG, N-Quads, Turtle or N-Triples file is given) and runs these checks:

- **registry**: every triple that ``data/registry`` gives is in the graph, and the graph
  holds no curated entity (nor, in ``graph:registry``, any triple) the registry lacks;
- **documents**: each article's ``schema:text`` equals its file in ``data/documents``;
- **evidence**: every span's quote equals the article text at its offsets;
- **shapes**: SHACL (pySHACL) with ``ontology/shapes.ttl``;
- **OWL**: HermiT finds ontology and data consistent (skip with ``check_owl=False``);
- **inferred**: no triple of ``graph:inferred`` is also asserted.

Each problem names its focus node, path and message, and, where one applies, the
article and line (computed from the evidence offsets).  ``exit_code`` is 0 when there is
no violation and 1 otherwise; warnings do not fail.
"""
from __future__ import annotations

import os
import time
import warnings
from pathlib import Path
from typing import Callable

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, RDF

from kg.errors import InputError
from kg.namespaces import DOC, INFERRED_GRAPH, OA, ONTOLOGY_GRAPH, PAKRU, PREFIXES, REGISTRY_GRAPH, SDO
from kg.ontology import short
from kg.report import Problem, Report

FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt"}
CHECKS = ("registry", "documents", "evidence", "shapes", "OWL", "inferred")


#: The report of :func:`validate` is the package's one report type.
ValidationReport = Report


def read_graph(path: str | Path) -> Graph:
    """Parse a published file (format from its suffix); errors name the file and line."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"cannot tell the format of {path.name!r}; use one of {', '.join(FORMATS)}", path=path)
    if not path.is_file():
        raise InputError("graph file not found (run `kg build` to write it)", path=path)
    graph = Dataset() if fmt in ("trig", "nquads") else Graph()
    try:
        with warnings.catch_warnings():  # rdflib's TriG parser warns about its own internals
            warnings.simplefilter("ignore", DeprecationWarning)
            graph.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many kinds; BadSyntax carries the line
        line = getattr(exc, "lines", None)
        why = getattr(exc, "_why", None) or str(exc).splitlines()[0]
        raise InputError(f"cannot parse the graph: {why}", path=path,
                         line=line + 1 if isinstance(line, int) else None) from exc
    return graph


def _named(graph: Graph, name: URIRef) -> Graph | None:
    """The named graph ``name`` of a dataset, or None (also for a plain graph)."""
    if not graph.context_aware:
        return None
    return next((g for g in _graphs(graph) if g.identifier == name), None)


def _graphs(dataset: Dataset) -> list[Graph]:
    """The named graphs of a dataset that :func:`read_graph` read."""
    return list(dataset.graphs())


def _expand(text: str):
    """A term back from :func:`kg.ontology.short` form (``id:x`` or ``<iri>``); None for literals."""
    if text.startswith("<") and text.endswith(">"):
        return URIRef(text[1:-1])
    prefix, _, local = text.partition(":")
    return URIRef(str(PREFIXES[prefix]) + local) if prefix in PREFIXES and _ else None


class _Locator:
    """Finds the article and line a node is about, through its evidence span."""

    def __init__(self, data: Graph, graph, documents: Path | None):
        self.data, self.documents = data, documents
        self.texts = {s: str(t) for s, t in data.subject_objects(SDO.text) if (s, RDF.type, PAKRU.Article) in data}
        self.home = {}
        if graph.context_aware:
            for s, _p, _o, g in graph.quads((None, None, None, None)):
                name = str(getattr(g, "identifier", g))
                if "/graph/doc/" in name:
                    self.home.setdefault(s, DOC[name.rsplit("/", 1)[-1]])

    def span_of(self, node):
        """The span itself, a selector's span, a mention's target or a fact's first evidence."""
        if (node, RDF.type, PAKRU.TextSpan) in self.data:
            return node
        owners = sorted(self.data.subjects(OA.hasSelector, node))
        for prop in (OA.hasTarget, PAKRU.evidence):
            owners = owners or sorted(self.data.objects(node, prop))
        return owners[0] if owners else None

    def where(self, node) -> str:
        span = self.span_of(node) if node is not None else None
        article = self.data.value(span, OA.hasSource) if span is not None else self.home.get(node)
        if article is None and node in self.texts:
            article = node
        if article is None:
            return ""
        doc_id = str(self.data.value(article, DCTERMS.identifier) or str(article).rsplit("/", 1)[-1])
        offset = None
        if span is not None and article in self.texts:
            offset = next((o.toPython() for sel in self.data.objects(span, OA.hasSelector)
                           for o in self.data.objects(sel, OA.start)), None)
        return _place(doc_id, self.texts.get(article, ""), offset if isinstance(offset, int) else None,
                      self.documents)


def _shown(path: Path) -> str:
    """A path relative to the working folder when it lies below it."""
    rel = os.path.relpath(path)
    return str(path) if rel.startswith("..") else rel


def _place(doc_id: str, text: str, offset: int | None, documents: Path | None) -> str:
    """Where an offset of an article is, as ``file:line:column`` (1-based) when the file exists."""
    at = ""
    if offset is not None:
        line = text.count("\n", 0, offset) + 1
        at = f":{line}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"
    path = documents / f"{doc_id}.txt" if documents is not None else None
    if path is not None and path.is_file():
        return _shown(path) + at
    return f"article {doc_id}" + (f" (line:column {at[1:]})" if at else "")


def validate(graph_path: str | Path | None = None, *, registry_dir=None,
             ontology_path: Path | None = None, shapes_path: Path | None = None,
             documents: Path | None = None, check_owl: bool = True,
             progress: Callable[[str], None] | None = None) -> ValidationReport:
    """Run every check on a published graph; see the module docstring.  What is not
    given comes from the workspace (:mod:`kg.workspace`): its published graph, documents
    and registry layers; outside a workspace, the shipped graph and registry, and no
    documents check.  ``registry_dir`` is a folder or a sequence of layered folders."""
    from kg import workspace
    from kg.ontology import load_ontology, load_shapes
    from kg.registry import load_registry

    say = progress or (lambda _m: None)
    t = time.perf_counter()
    graph_path = graph_path if graph_path is not None else workspace.graph_file()
    documents = documents if documents is not None else workspace.documents_folder()
    registry_dir = registry_dir if registry_dir is not None else workspace.registry_folders()
    registry = load_registry(registry_dir)
    ontology, shapes = load_ontology(ontology_path), load_shapes(shapes_path)
    path = Path(graph_path)
    graph = read_graph(path)
    data = Graph()
    for s, p, o, *g in graph.quads((None, None, None, None)) if graph.context_aware else graph:
        if not g or getattr(g[0], "identifier", g[0]) != ONTOLOGY_GRAPH:
            data.add((s, p, o))
    documents = Path(documents) if documents is not None and Path(documents).is_dir() else None
    report = ValidationReport(_shown(path))
    report.seconds["read"] = time.perf_counter() - t
    locate = _Locator(data, graph, documents)
    for check, run in (("registry", _check_registry), ("documents", _check_documents),
                       ("evidence", _check_evidence), ("shapes", _check_shapes), ("OWL", _check_owl),
                       ("inferred", _check_inferred)):
        if check == "OWL" and not check_owl or check == "documents" and documents is None:
            continue
        say(f"Checking {check} ...")
        t = time.perf_counter()
        summary, problems = run(data=data, graph=graph, registry=registry, ontology=ontology, shapes=shapes,
                                locate=locate, documents=documents)
        report.seconds[check] = time.perf_counter() - t
        if summary is not None:
            report.checks[check] = summary
            report.problems += problems
    return report


def _check_registry(data, graph, registry, **_):
    expected = registry.to_rdf()
    problems = []
    for entity in registry.entities.values():
        missing = sorted(t for t in expected.triples((entity.iri, None, None)) if t not in data)
        if missing:
            problems.append(Problem("registry", short(entity.iri), "", (
                f"{len(missing)} triple(s) of its registry entry are not in the graph, e.g. "
                f"{' '.join(map(short, missing[0][1:]))}; run `kg build`"),
                f"{_shown(Path(entity.source))}:{entity.line}"))
    known = {e.iri for e in registry.entities.values()}
    for node in sorted(set(data.subjects(PAKRU.curated, None))):
        if data.value(node, PAKRU.curated).toPython() is True and node not in known:
            problems.append(Problem("registry", short(node), "pakru:curated",
                                    "marked curated, but no entry of data/registry has this id; run `kg build`"))
    published = _named(graph, REGISTRY_GRAPH)
    if published is not None:
        for t in sorted(t for t in published if t not in expected):
            problems.append(Problem("registry", short(t[0]), short(t[1]),
                                    f"{short(t[2])} is in graph:registry but data/registry does not give it; "
                                    "run `kg build`"))
    return f"{len(registry.entities)} entries checked", problems


def _check_documents(data, locate, documents, **_):
    from kg.corpus import read_document

    problems, seen = [], set()
    for article, text in sorted(locate.texts.items()):
        doc_id = str(data.value(article, DCTERMS.identifier) or str(article).rsplit("/", 1)[-1])
        seen.add(doc_id)
        path = documents / f"{doc_id}.txt"
        if not path.is_file():
            problems.append(Problem("documents", short(article), "schema:text",
                                    f"no file {doc_id}.txt in {_shown(documents)}", severity="Warning"))
            continue
        current = read_document(path, max_bytes=max(path.stat().st_size, 1)).text
        if current != text:
            at = next((i for i, (a, b) in enumerate(zip(current, text)) if a != b), min(len(current), len(text)))
            problems.append(Problem("documents", short(article), "schema:text",
                                    "the article text in the graph differs from its file from here on; "
                                    "run `kg build`", _place(doc_id, current, at, documents)))
    for path in sorted(documents.glob("*.txt")):
        if path.stem not in seen and not path.name.startswith("."):
            problems.append(Problem("documents", path.stem, "", "article file is not in the graph; run `kg build`",
                                    _place(path.stem, "", None, documents), "Warning"))
    return f"{len(locate.texts)} article text(s) compared with {_shown(documents)}", problems


def _check_evidence(data, locate, **_):
    from kg.evidence import check_evidence

    checked, found = check_evidence(data)
    problems = [Problem("evidence", short(URIRef(p.span)), "oa:hasSelector", p.message, locate.where(URIRef(p.span)))
                for p in found]
    return f"{checked} span(s) checked against their article", problems


def _check_shapes(data, ontology, shapes, locate, **_):
    from kg.shapes import validate_shapes

    result = validate_shapes(data, shapes, ontology)
    problems = [Problem("shapes", r.focus, r.path, r.message, locate.where(_expand(r.focus)), r.severity, r.value)
                for r in result.problems]
    return ("conforms" if result.conforms else "does not conform") + " to ontology/shapes.ttl", problems


def _check_owl(data, ontology, locate, **_):
    from kg.ontology import check_consistency

    result = check_consistency(data, ontology)
    problems = [Problem("OWL", short(URIRef(c)) if "://" in c else c, "", "this class can have no member")
                for c in result.unsatisfiable]
    if not result.consistent:
        for line in result.explanation.splitlines()[1:] or [result.explanation]:
            focus = line.split(" ", 1)[0]
            problems.append(Problem("OWL", focus, "", line, locate.where(_expand(focus))))
    return f"{'consistent' if result.consistent else 'INCONSISTENT'} under HermiT ({result.seconds['hermit']:.1f}s)", problems


def _check_inferred(graph, **_):
    inferred = _named(graph, INFERRED_GRAPH)
    if not graph.context_aware:
        return None, []
    if inferred is None or not len(inferred):
        return "no graph:inferred", [Problem("inferred", short(INFERRED_GRAPH), "", (
            "the file carries no inferred graph (built with --no-reason?); run `kg build`"), severity="Warning")]
    problems = []
    for g in sorted(_graphs(graph), key=lambda g: str(g.identifier)):
        if g.identifier in (INFERRED_GRAPH, ONTOLOGY_GRAPH):
            continue
        for t in sorted(t for t in inferred if t in g):
            problems.append(Problem("inferred", short(t[0]), short(t[1]),
                                    f"{short(t[2])} is in graph:inferred and also asserted in "
                                    f"{short(g.identifier)}; asserted and inferred facts must stay apart"))
    return f"{len(inferred)} inferred triple(s) kept apart from the asserted ones", problems
