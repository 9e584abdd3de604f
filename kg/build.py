"""``kg build``: articles and registry in, validated and published graph out.

Steps: read the registry, ontology, shapes and articles (any error stops here, before
anything is written); extract each article whose cached extraction (kg.cache) is
missing or stale, in parallel processes (kg.parallel); make each article's block
(kg.blocks: its named graph, quote and SHACL checks, Turtle statements) unless the
block cache has it; check what several articles say about one node together, the
registry's shapes and (optionally) OWL consistency with HermiT; reason (optionally);
then write every output file atomically, streaming the article blocks.  A failure at
any step leaves the previously published files byte-identical.
"""
from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path
from typing import Callable

from rdflib import Graph, URIRef

from kg import __version__
from kg.blocks import Block, BlockCache, BuildState, block_key, check_shared, code_fingerprint, make_many
from kg.cache import ExtractionCache, Summary, content_key, pipeline_fingerprint, source_fingerprint
from kg.corpus import MAX_BYTES, Document, read_corpus
from kg.errors import ValidationError
from kg.namespaces import ONTOLOGY_GRAPH, QUERIES_GRAPH, REGISTRY_GRAPH, document_graph
from kg.publish import (DEFAULT_FORMATS, FORMATS, header, prefix_lines, serialise, sorted_triples, trig_writer,
                        turtle_body, turtle_writer, write_atomically)
from kg.parallel import Progress, default_jobs, extract_many
from kg.rdf import EntityIndex
from kg.report import BuildReport
from kg.shapes import ShapeChecker

ROOT = Path(__file__).resolve().parent.parent


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
                   jobs: int, report: BuildReport, show_progress: bool = False,
                   known: dict | None = None, min_confidence: float | None = None) -> tuple[list, dict, dict]:
    """``(summaries, fresh, keys)``: each article's :class:`kg.cache.Summary` in id
    order, the extractions made in this build (in ``jobs`` processes) by id when there is
    no cache to put them in (with a cache each goes there as soon as it is made), and each
    article's content key by id.  ``known`` maps content keys to summaries already read
    (:class:`kg.blocks.BuildState`).  Events below ``min_confidence`` are left out (default:
    the threshold chosen on the dev set, :mod:`kg.extract.decisions`)."""
    reg_fp, pipe_fp = registry.fingerprint(), pipeline_fingerprint() + source_fingerprint()
    if min_confidence is not None:
        pipe_fp += f"-min{min_confidence!r}"
    keys = {d.id: content_key(d.id, d.text, d.metadata, reg_fp, pipe_fp) for d in docs}
    known = known or {}
    found = {d.id: Summary(*known[keys[d.id]]) if keys[d.id] in known else cache.summary(keys[d.id]) for d in docs}
    todo = [(d.id, d.text, d.metadata.get("date"), min_confidence) for d in docs if found[d.id] is None]
    made: list[str] = []

    def done(ex) -> None:  # each extraction goes to the cache at once; only its summary stays in memory
        cache.put(keys[ex.doc_id], ex)
        found[ex.doc_id] = Summary(ex.doc_id, dict(ex.new_entities))
        made.append(ex.doc_id)

    fresh = _extract(todo, registry, registry_dir, jobs, show_progress, done, keep=cache.folder is None)
    before = cache.read_manifest().get("articles", {})
    report.extracted, report.reused = sorted(made), sorted(set(found) - set(made))
    report.changed = sorted(k for k, v in keys.items() if before.get(k, v) != v)
    report.added = sorted(set(keys) - set(before)) if before else []
    report.removed = sorted(set(before) - set(keys))
    report.manifest = {"format": 1, "registry": reg_fp, "pipeline": pipe_fp, "articles": keys}
    return [found[d.id] for d in docs], fresh, keys


def _extract(todo: list[tuple], registry, registry_dir, jobs: int, show_progress: bool,
             on_done=None, keep: bool = True) -> dict:
    bar = Progress(len(todo), show_progress)

    def done(ex) -> None:
        bar.update(ex)
        if on_done is not None:
            on_done(ex)
    try:
        return extract_many(todo, registry, registry_dir, jobs, on_done=done, keep=keep)
    finally:
        bar.close()


def make_blocks(docs: list[Document], summaries: list, fresh: dict, keys: dict, registry, registry_dir,
                caches: tuple[ExtractionCache, BlockCache], checking: tuple, jobs: int, code: str,
                report: BuildReport, progress=None, min_confidence: float | None = None) -> list[Block]:
    """Every article's :class:`kg.blocks.Block`, from the block cache where its key
    matches, else made from its extraction (fresh, cached, or extracted again when its
    cached copy is unreadable) in ``jobs`` processes.  ``checking`` is the shapes graph
    and the checker's context (see :func:`checker_context`)."""
    cache, blocks_cache = caches
    index = EntityIndex.for_corpus(registry, summaries)
    bkeys = {s.doc_id: block_key(keys[s.doc_id], s.doc_id, s.new_entities, index, code) for s in summaries}
    blocks = {d.id: blocks_cache.get(bkeys[d.id]) for d in docs}
    missing = [d for d in docs if blocks[d.id] is None]
    report.blocks_made = [d.id for d in missing]
    if missing:
        _say(progress, f"Making {len(missing)} article graph(s) (checked and serialised; "
                       f"{len(docs) - len(missing)} from the cache) ...")
    work = {"index": index, "names": registry.names(), "shapes": checking[0], "context": checking[1],
            "fresh": fresh, "cache": cache, "blocks": blocks_cache, "min_confidence": min_confidence}
    blocks.update(make_many([(d.id, keys[d.id], bkeys[d.id], d.metadata) for d in missing], work, jobs))
    lost = [d for d in missing if blocks[d.id] is None]
    if lost:  # unreadable cache entries: extract those articles again
        work["fresh"] = _extract([(d.id, d.text, d.metadata.get("date"), work["min_confidence"]) for d in lost], registry, registry_dir, jobs, False)
        blocks.update(make_many([(d.id, keys[d.id], bkeys[d.id], d.metadata) for d in lost], work, 1))
    return [blocks[d.id] for d in docs]


def _schema_bytes(ontology_path: Path | None = None, shapes_path: Path | None = None) -> bytes:
    from kg.ontology import ONTOLOGY_PATH, SHAPES_PATH

    return Path(ontology_path or ONTOLOGY_PATH).read_bytes() + Path(shapes_path or SHAPES_PATH).read_bytes()


def checker_context(ontology: Graph, registry_graph: Graph) -> str:
    """N-Triples added to every graph the build's SHACL checker sees: the ontology and registry."""
    import pyoxigraph as ox

    return ox.serialize(sorted_triples(ontology) + sorted_triples(registry_graph), format=ox.RdfFormat.N_TRIPLES).decode()


def document_graphs(blocks: list[Block]) -> dict[URIRef, Graph]:
    """The article graphs read back from their blocks (for reasoning, HermiT and the
    formats written from whole graphs)."""
    out = {}
    for block in blocks:
        body = block.body if isinstance(block.body, bytes) else block.body.read_bytes()
        out[document_graph(block.doc_id)] = Graph().parse(data=prefix_lines() + body.decode("utf-8"),
                                                         format="turtle")
    return out


def validate_graphs(blocks: list[Block], graphs: dict[URIRef, Graph], checker, check_owl: bool,
                    report: BuildReport, progress=None, new: set[str] | None = None) -> None:
    """Evidence and SHACL results of every article (made with its block), SHACL on the
    nodes several articles describe (those of the ``new`` articles' blocks when given,
    see :func:`kg.blocks.check_shared`), the registry graph's shapes, and optionally
    HermiT over everything; raise ValidationError on any failure."""
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
        _say(progress, "Checking OWL consistency with HermiT ...")
        data = Graph()
        for name, g in {**graphs, **document_graphs(blocks)}.items():
            if name != ONTOLOGY_GRAPH:
                data += g
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
    durable: bool = True,
    min_confidence: float | None = None,
) -> BuildReport:
    """Build and publish the graph; see the module docstring for the steps.

    ``jobs`` worker processes extract the articles (default: every core).  Extractions
    are cached under ``cache_dir`` (default: ``.cache`` beside the documents folder;
    ``False`` for no cache).  With a ``progress`` callable, ``show_progress``
    also draws the extraction progress on stderr (see :class:`kg.parallel.Progress`).
    ``durable=False`` skips flushing the published files to disk (see
    :func:`kg.publish.write_atomically`).  Events whose confidence is below
    ``min_confidence`` are not published (default: the threshold chosen on the dev set).
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
    shapes = load_shapes(shapes_path)  # fail early on broken shapes
    docs = read_corpus(documents, max_bytes)
    report.seconds["read"] = time.perf_counter() - t0
    _say(progress, f"Read {len(docs)} article(s) and {len(registry.entities)} registry entries.")

    if cache_dir is None:
        cache_dir = documents.resolve().parent / ".cache"
    t = time.perf_counter()
    cache, state = ExtractionCache(cache_dir or None), BuildState(cache_dir or None)
    report.seconds["state"] = time.perf_counter() - t
    t = time.perf_counter()
    jobs = jobs or default_jobs()
    summaries, fresh, keys = extract_corpus(docs, registry, registry_dir, cache, jobs, report,
                                            show_progress and progress is not None, state.summaries,
                                            min_confidence)
    report.seconds["extract"] = time.perf_counter() - t
    t = time.perf_counter()
    graphs: dict[URIRef, Graph] = {ONTOLOGY_GRAPH: ontology, REGISTRY_GRAPH: registry.to_rdf()}
    context = checker_context(ontology, graphs[REGISTRY_GRAPH])
    code = code_fingerprint(_schema_bytes(ontology_path, shapes_path))
    blocks = make_blocks(docs, summaries, fresh, keys, registry, registry_dir,
                         (cache, BlockCache(cache_dir or None, state.blocks)), (shapes, context), jobs, code, report,
                         progress, min_confidence)
    checker = ShapeChecker(shapes, context)
    del fresh
    report.seconds["rdf"] = time.perf_counter() - t
    report.aliases = {b.doc_id: [tuple(a) for a in b.aliases] for b in blocks if b.aliases}
    # reasoning runs HermiT on the same data and fails on an inconsistency, so a build
    # that reasons does not run a separate consistency check first
    new = {b.doc_id for b in blocks if b.key not in state.blocks} if state.found else None
    validate_graphs(blocks, graphs, checker, check_owl and not reason, report, progress, new)

    # --- inferred graph (kg.reason): what the axioms imply, kept apart from the asserted graphs
    if reason:
        from kg.namespaces import INFERRED_GRAPH
        from kg.reason import asserted, infer

        t = time.perf_counter()
        _say(progress, "Materialising inferences (rules, then HermiT) ...")
        everything = {**graphs, **document_graphs(blocks)}
        graphs[INFERRED_GRAPH] = infer(asserted(everything), graphs[ONTOLOGY_GRAPH]).graph
        del everything
        report.seconds["reason"] = time.perf_counter() - t
        if check_owl:
            report.consistent = True  # infer() raised ValidationError otherwise
    # --- end of inferred graph

    # the saved-query catalogue travels with the data (each query a sh:SPARQLExecutable)
    from kg.queries import Catalogue

    catalogue = Catalogue.load()
    graphs[QUERIES_GRAPH] = catalogue.to_rdf()

    t = time.perf_counter()
    schema_bytes = _schema_bytes(ontology_path, shapes_path) + b"".join(q.path.read_bytes() for q in catalogue.values())
    head = header(__version__, fingerprint(
        docs, registry, pipeline_fingerprint() + hashlib.sha256(schema_bytes).hexdigest() + f"reason={reason}"))
    files = output_files(out, formats, head, graphs, blocks)
    write_atomically(files, durable)
    report.seconds["write"] = time.perf_counter() - t
    report.written = sorted(files)
    cache.write_manifest(report.manifest)
    t = time.perf_counter()
    state.save({keys[s.doc_id]: [s.doc_id, s.new_entities] for s in summaries}, blocks)
    report.seconds["state"] += time.perf_counter() - t
    report.summarise(graphs, blocks)
    return report


def output_files(out: Path, formats, head: str, graphs: dict[URIRef, Graph], blocks: list[Block]) -> dict:
    """The published files: TriG and Turtle stream the article blocks; N-Triples, N-Quads
    and JSON-LD are written from whole graphs (read back from the blocks)."""
    bodies = {name: turtle_body(g) for name, g in graphs.items()}
    bodies.update({document_graph(b.doc_id): b.body for b in blocks})
    whole = None
    files = {}
    for f in formats:
        if f == "trig":
            files[out / FORMATS[f]] = trig_writer(bodies, head)
        elif f == "ttl":
            files[out / FORMATS[f]] = turtle_writer(bodies, head)
        else:
            whole = whole or {**graphs, **document_graphs(blocks)}
            files[out / FORMATS[f]] = serialise(whole, f, head)
    return files


def main_progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
