"""``kg build``: articles and registry in, validated and published graph out.

Steps: read the registry, ontology, shapes and articles (any error stops here, before
anything is written); extract each article whose cached extraction (kg.cache) is
missing or stale, in parallel processes (kg.parallel); build one named graph per article plus the
registry and ontology graphs; check evidence offsets, SHACL shapes and (optionally)
OWL consistency with HermiT; then write every output file atomically.  A failure at
any step leaves the previously published files byte-identical.
"""
from __future__ import annotations

import hashlib
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from rdflib import RDF, Graph, URIRef

from kg import __version__
from kg.cache import ExtractionCache, content_key, pipeline_fingerprint, source_fingerprint
from kg.corpus import MAX_BYTES, Document, read_corpus
from kg.errors import ValidationError
from kg.evidence import check_evidence
from kg.namespaces import ONTOLOGY_GRAPH, QUERIES_GRAPH, PAKRU, REGISTRY_GRAPH, document_graph
from kg.publish import DEFAULT_FORMATS, FORMATS, header, serialise, write_atomically
from kg.parallel import Progress, default_jobs, extract_many
from kg.rdf import DocumentGraph, EntityIndex

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class BuildReport:
    documents: list[str] = field(default_factory=list)
    triples: int = 0
    per_class: Counter = field(default_factory=Counter)
    per_document: dict[str, Counter] = field(default_factory=dict)
    unlinked: dict[str, list[str]] = field(default_factory=dict)
    evidence_checked: int = 0
    shapes_conform: bool = False
    consistent: bool | None = None
    written: list[Path] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    extracted: list[str] = field(default_factory=list)  # ids extracted in this build
    reused: list[str] = field(default_factory=list)  # ids whose extraction came from the cache
    added: list[str] = field(default_factory=list)  # ids new since the last build with this cache
    changed: list[str] = field(default_factory=list)  # ids whose content key changed since then
    removed: list[str] = field(default_factory=list)  # ids gone since then
    aliases: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # doc -> [(surface, entity id)]
    manifest: dict = field(default_factory=dict)

    def text(self) -> str:
        lines = [f"Built {len(self.documents)} article(s): {self.triples} triples."]
        lines.append(f"Extracted {len(self.extracted)} article(s), reused {len(self.reused)} from the cache"
                     + "".join(f"; {len(v)} {k}" for k, v in (("new", self.added), ("changed", self.changed),
                                                                ("removed", self.removed)) if v) + ".")
        lines.append("Per class: " + ", ".join(f"{k} {v}" for k, v in sorted(self.per_class.items())))
        for doc in self.documents:
            counts = self.per_document.get(doc, Counter())
            lines.append(f"  {doc}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        total_unlinked = sum(len(v) for v in self.unlinked.values())
        lines.append(f"Names not linked: {total_unlinked}")
        for doc, names in sorted(self.unlinked.items()):
            if names:
                lines.append(f"  {doc}: " + "; ".join(sorted(set(names))))
        lines.append(f"Aliases to curate: {sum(len(v) for v in self.aliases.values())}")
        for doc, pairs in sorted(self.aliases.items()):
            lines.append(f"  {doc}: " + "; ".join(f"{name!r} -> {eid}" for name, eid in pairs))
        lines.append(f"Evidence: {self.evidence_checked} spans checked, all quotes match their offsets.")
        lines.append("Shapes: conforms." if self.shapes_conform else "Shapes: not checked.")
        if self.consistent is not None:
            lines.append("OWL (HermiT): consistent." if self.consistent else "OWL (HermiT): INCONSISTENT.")
        for path in self.written:
            lines.append(f"Wrote {path}")
        lines.append("Timing: " + ", ".join(f"{k} {v:.2f}s" for k, v in self.seconds.items()))
        return "\n".join(lines)


def _say(progress: Callable[[str], None] | None, message: str) -> None:
    if progress is not None:
        progress(message)


def fingerprint(docs: list[Document], registry, extra: str = "") -> str:
    h = hashlib.sha256()
    for d in docs:
        h.update(d.id.encode())
        h.update(hashlib.sha256(d.text.encode()).digest())
        h.update(repr(sorted(d.metadata.items())).encode())
    h.update(registry.fingerprint().encode())
    h.update(extra.encode())
    return h.hexdigest()[:16]


def extract_corpus(docs: list[Document], registry, registry_dir: Path | None, cache: ExtractionCache,
                   jobs: int, report: BuildReport, show_progress: bool = False) -> list:
    """Extractions of every article, in id order: from the cache where the key matches,
    else extracted (in ``jobs`` processes) and stored in the cache."""
    reg_fp, pipe_fp = registry.fingerprint(), pipeline_fingerprint() + source_fingerprint()
    keys = {d.id: content_key(d.id, d.text, d.metadata, reg_fp, pipe_fp) for d in docs}
    found = {d.id: cache.get(keys[d.id]) for d in docs}
    todo = [(d.id, d.text) for d in docs if found[d.id] is None]
    bar = Progress(len(todo), show_progress)
    try:
        fresh = extract_many(todo, registry, registry_dir, jobs, on_done=bar.update)
    finally:
        bar.close()
    for doc_id, ex in fresh.items():
        cache.put(keys[doc_id], ex)
    found.update(fresh)
    before = cache.read_manifest().get("articles", {})
    report.extracted, report.reused = sorted(fresh), sorted(set(found) - set(fresh))
    report.changed = sorted(k for k, v in keys.items() if before.get(k, v) != v)
    report.added = sorted(set(keys) - set(before)) if before else []
    report.removed = sorted(set(before) - set(keys))
    report.manifest = {"format": 1, "registry": reg_fp, "pipeline": pipe_fp, "articles": keys}
    return [found[d.id] for d in docs]


def assemble(docs: list[Document], extractions: list, registry, ontology: Graph) -> dict[URIRef, Graph]:
    """The named graphs: ontology, registry and one per article (IRIs assigned over the whole corpus)."""
    index = EntityIndex.for_corpus(registry, extractions)
    graphs: dict[URIRef, Graph] = {ONTOLOGY_GRAPH: ontology, REGISTRY_GRAPH: registry.to_rdf()}
    for doc, ex in zip(docs, extractions):
        graphs[document_graph(doc.id)] = DocumentGraph(ex, index, doc.metadata).build()
    return graphs


def new_aliases(extractions: list, registry) -> dict[str, list[tuple[str, str]]]:
    """Names that NER linked to a registry entity by a case or "the" variant, not an exact registry name."""
    names = registry.names()
    out: dict[str, list[tuple[str, str]]] = {}
    for ex in extractions:
        found = sorted({(m.span.text, m.entity) for m in ex.mentions
                        if m.linked_by == "ner" and not m.entity.startswith("new:") and m.span.text not in names})
        if found:
            out[ex.doc_id] = found
    return out


def validate_graphs(graphs: dict[URIRef, Graph], check_owl: bool, report: BuildReport, progress=None):
    """Evidence, SHACL and optionally HermiT; raise ValidationError on any failure."""
    from kg.ontology import check_consistency
    from kg.shapes import validate_shapes

    data = Graph()
    for name, g in graphs.items():
        if name != ONTOLOGY_GRAPH:
            data += g
    t = time.perf_counter()
    report.evidence_checked, problems = check_evidence(data)
    if problems:
        raise ValidationError(f"{len(problems)} evidence span(s) do not match their article",
                              report="\n".join(map(str, problems)))
    report.seconds["evidence"] = time.perf_counter() - t
    t = time.perf_counter()
    _say(progress, "Checking SHACL shapes ...")
    shapes = validate_shapes(data, ontology=graphs[ONTOLOGY_GRAPH])
    report.seconds["shapes"] = time.perf_counter() - t
    if not shapes.conforms:
        raise ValidationError(f"the graph does not conform to the shapes ({len(shapes.results)} problem(s))",
                              report=shapes.text)
    report.shapes_conform = True
    if check_owl:
        t = time.perf_counter()
        _say(progress, "Checking OWL consistency with HermiT ...")
        result = check_consistency(data, graphs[ONTOLOGY_GRAPH])
        report.seconds["hermit"] = time.perf_counter() - t
        report.consistent = result.consistent
        if not result.consistent:
            raise ValidationError("ontology and data are inconsistent under HermiT", report=result.explanation)


def build(
    documents: Path | None = None,
    registry_dir: Path | None = None,
    out: Path | None = None,
    formats: tuple[str, ...] = DEFAULT_FORMATS,
    check_owl: bool = True,
    progress: Callable[[str], None] | None = None,
    max_bytes: int = MAX_BYTES,
    ontology_path: Path | None = None,
    shapes_path: Path | None = None,
    reason: bool = True,
    jobs: int | None = None,
    cache_dir: Path | None | bool = None,
    show_progress: bool = True,
) -> BuildReport:
    """Build and publish the graph; see the module docstring for the steps.

    ``jobs`` worker processes extract the articles (default: every core).  Extractions
    are cached under ``cache_dir`` (default: ``.cache`` beside the documents folder;
    ``False`` for no cache).  With a ``progress`` callable, ``show_progress``
    also draws the extraction progress on stderr (see :class:`kg.parallel.Progress`).
    """
    from kg.ontology import load_ontology, load_shapes
    from kg.registry import load_registry

    documents = Path(documents or ROOT / "data" / "documents")
    out = Path(out or ROOT / "data")
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        from kg.errors import InputError

        raise InputError(f"unknown output format(s) {', '.join(unknown)}; choose from {', '.join(FORMATS)}")
    report = BuildReport()
    t0 = time.perf_counter()
    registry = load_registry(registry_dir)
    ontology = load_ontology(ontology_path)
    load_shapes(shapes_path)  # fail early on broken shapes
    docs = read_corpus(documents, max_bytes)
    report.seconds["read"] = time.perf_counter() - t0
    _say(progress, f"Read {len(docs)} article(s) and {len(registry.entities)} registry entries.")

    if cache_dir is None:
        cache_dir = documents.resolve().parent / ".cache"
    cache = ExtractionCache(cache_dir or None)
    t = time.perf_counter()
    extractions = extract_corpus(docs, registry, registry_dir, cache, jobs or default_jobs(), report,
                                 show_progress and progress is not None)
    report.seconds["extract"] = time.perf_counter() - t
    t = time.perf_counter()
    graphs = assemble(docs, extractions, registry, ontology)
    report.seconds["rdf"] = time.perf_counter() - t
    report.aliases = new_aliases(extractions, registry)
    # reasoning runs HermiT on the same data and fails on an inconsistency, so a build
    # that reasons does not run a separate consistency check first
    validate_graphs(graphs, check_owl and not reason, report, progress)

    # --- inferred graph (kg.reason): what the axioms imply, kept apart from the asserted graphs
    if reason:
        from kg.namespaces import INFERRED_GRAPH
        from kg.reason import asserted, infer

        t = time.perf_counter()
        _say(progress, "Materialising inferences (rules, then HermiT) ...")
        graphs[INFERRED_GRAPH] = infer(asserted(graphs), graphs[ONTOLOGY_GRAPH]).graph
        report.seconds["reason"] = time.perf_counter() - t
        if check_owl:
            report.consistent = True  # infer() raised ValidationError otherwise
    # --- end of inferred graph

    # the saved-query catalogue travels with the data (each query a sh:SPARQLExecutable)
    from kg.queries import Catalogue

    catalogue = Catalogue.load()
    graphs[QUERIES_GRAPH] = catalogue.to_rdf()

    t = time.perf_counter()
    from kg.ontology import ONTOLOGY_PATH, SHAPES_PATH

    schema_bytes = Path(ontology_path or ONTOLOGY_PATH).read_bytes() + Path(shapes_path or SHAPES_PATH).read_bytes()
    schema_bytes += b"".join(q.path.read_bytes() for q in catalogue.values())
    head = header(__version__, fingerprint(
        docs, registry, pipeline_fingerprint() + hashlib.sha256(schema_bytes).hexdigest() + f"reason={reason}"))
    files = {out / FORMATS[f]: serialise(graphs, f, head) for f in formats}
    write_atomically(files)
    report.seconds["write"] = time.perf_counter() - t
    report.written = sorted(files)
    cache.write_manifest(report.manifest)
    _summarise(report, graphs, extractions)
    return report


def _summarise(report: BuildReport, graphs, extractions) -> None:
    report.documents = [ex.doc_id for ex in extractions]
    report.triples = sum(len(g) for g in graphs.values())
    core = {"State", "Organisation", "Project", "Person", "Place", "Event", "Claim", "Membership",
            "ProjectInterest", "Cooperation", "MonetaryAmount", "Mention", "Article"}
    for name, g in graphs.items():
        if name == ONTOLOGY_GRAPH:
            continue
        counts = Counter()
        for cls in g.objects(None, RDF.type):
            if isinstance(cls, URIRef) and str(cls).startswith(str(PAKRU)):
                local = str(cls)[len(str(PAKRU)):]
                if local in core:
                    counts[local] += 1
        report.per_class.update(counts)
        doc_id = str(name).rsplit("/", 1)[-1]
        if "/doc/" in str(name):
            report.per_document[doc_id] = counts
    for ex in extractions:
        report.unlinked[ex.doc_id] = [s.text for s in ex.unlinked]


def main_progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
