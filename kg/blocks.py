"""Article blocks: each article's named graph, built, checked and serialised once.

A :class:`Block` holds what the build needs of one article graph: its Turtle statements
(the bytes published in kg.trig and kg.ttl), its triple and class counts, the result of
the evidence and SHACL checks, the names left unlinked, the aliases to curate, and the
statements about nodes that other articles may describe too (dated events, relations,
entities), for the cross-article check of :func:`check_shared`.

A block depends on its article's extraction, the new-entity IRIs the corpus assigned to
the names it uses (kg.rdf.EntityIndex) and the code and schema that make and check it;
:func:`block_key` hashes all of that.  :class:`BlockCache` keeps blocks under
``<cache>/blocks`` by that key, so a build after one article changed makes one block and
reads the others, and writes the same bytes as a clean build.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from kg.cache import write_file
from kg.namespaces import PAKRU
from kg.publish import Body, sorted_triples, turtle_body
from kg.rdf import DocumentGraph, EntityIndex, own_iri_test
from kg.report import CORE_COUNTED
from kg.shapes import BOUNDING_COMPONENTS

BLOCK_FORMAT = "2"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclasses.dataclass
class Block:
    """One article graph as the build uses it (see the module docstring)."""

    doc_id: str
    key: str
    triples: int
    counts: dict[str, int]
    spans: int  # evidence spans checked
    evidence_problems: list[str]  # spans whose quote does not match the article; empty when sound
    shape_problems: list[str]  # SHACL results; empty when the graph conforms
    shared: list[str]  # N-Triples lines about nodes other articles may describe
    unlinked: list[str]
    aliases: list[list[str]]  # [surface, entity id] linked by NER under a name the registry lacks
    # what the graph implies alone (kg.inference.LocalInferences as N-Triples lines)
    inferred: list[str] = dataclasses.field(default_factory=list)
    open_inferred: list[str] = dataclasses.field(default_factory=list)
    facts: list[str] = dataclasses.field(default_factory=list)
    owl_problems: list[str] = dataclasses.field(default_factory=list)  # disjoint classes on its own nodes
    body: Body = b""

    def local(self):
        """The block's :class:`kg.inference.LocalInferences`."""
        from kg.inference import LocalInferences

        return LocalInferences(self.inferred, self.open_inferred, self.facts)

    def meta(self) -> dict:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name != "body"}


@functools.lru_cache(maxsize=4)
def code_fingerprint(schema: bytes = b"") -> str:
    """SHA-256 over the code that makes and checks a block, plus ``schema`` (the
    ontology and shapes files' bytes)."""
    from kg.workspace import package_files

    package = package_files()
    h = hashlib.sha256(BLOCK_FORMAT.encode() + schema)
    for name in ("rdf.py", "claims_rdf.py", "literals.py", "blocks.py", "publish.py", "shapes.py", "namespaces.py", "store.py",
                 "inference.py", "reason.py"):
        h.update(name.encode() + b"\0" + (package / name).read_bytes())
    return h.hexdigest()


def block_key(content_key: str, doc_id: str, new_entities, index: EntityIndex, code: str) -> str:
    """Everything an article graph depends on: its extraction's key, the IRI, type and home
    article of each new entity it names, and the code/schema fingerprint."""
    entries = [[k, str(index.iri(k)), index.new_types[k], index.new_home[k] == doc_id] for k in sorted(new_entities)]
    blob = json.dumps([content_key, doc_id, entries, code], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def make_block(ex, key: str, index: EntityIndex, metadata: dict, checker, registry_names, schema=None) -> Block:
    """Build, check and serialise one article's graph, with what it implies alone when
    given the ontology's :class:`kg.inference.Schema`."""
    maker = DocumentGraph(ex, index, metadata)
    triples = sorted_triples(maker.triples())
    spans, evidence_problems = len({(s.start, s.end) for s in maker.spans}), maker.quote_problems()
    declared = sorted_triples(_declarations(ex, index) - maker.triples())
    results = checker.check(ox.serialize(triples + declared, format=ox.RdfFormat.N_TRIPLES).decode())
    counts: dict[str, int] = defaultdict(int)
    for t in triples:
        if t.predicate.value == _RDF_TYPE and t.object.value.startswith(str(PAKRU)):
            local = t.object.value[len(str(PAKRU)):]
            if local in CORE_COUNTED:
                counts[local] += 1
    aliases = sorted({(m.span.text, m.entity) for m in ex.mentions if m.linked_by == "ner"
                      and not m.entity.startswith("new:") and m.span.text not in registry_names})
    local = None
    if schema is not None:
        from kg.inference import local_inferences

        local = local_inferences(triples, schema, own_iri_test(ex.doc_id))
    return Block(
        doc_id=ex.doc_id, key=key, triples=len(triples), counts=dict(sorted(counts.items())), spans=spans,
        evidence_problems=[f"{ex.doc_id}: {p}" for p in evidence_problems],
        shape_problems=[f"{ex.doc_id}: {r.line()}" for r in results],
        shared=_shared_lines(triples, ex.doc_id, checker.bounded), unlinked=[s.text for s in ex.unlinked],
        aliases=[list(a) for a in aliases], body=turtle_body(triples),
        **({"inferred": local.own, "open_inferred": local.open, "facts": local.facts,
            "owl_problems": [f"{ex.doc_id}: {p}" for p in local.problems]} if local else {}))


def _declarations(ex, index: EntityIndex) -> set[tuple]:
    """What the home articles state of the new entities this article names but does not
    declare, so the shapes can check what this graph points to."""
    return {t for key in ex.new_entities if index.new_home[key] != ex.doc_id for t in index.declaration(key)}


def _shared_lines(triples: list[ox.Triple], doc_id: str, bounded: set[str] | None) -> list[str]:
    """What :func:`check_shared` needs of this article: for each node that is not the
    article's own (so other articles may describe it too) and that the article gives a
    bounded property (see kg.shapes.bounded_paths), its types and its bounded statements."""
    own = own_iri_test(doc_id)

    def counts(t: ox.Triple) -> bool:
        return bounded is None or t.predicate.value in bounded

    subjects = {t.subject for t in triples if counts(t) and not own(t.subject.value)}
    return [f"{t} ." for t in triples if t.subject in subjects and (counts(t) or t.predicate.value == _RDF_TYPE)]


def check_shared(blocks: list[Block], checker, new: set[str] | None = None) -> list[str]:
    """SHACL on the nodes that several article graphs describe, over the union of what
    those graphs say about them: the check each article's own graph cannot make (two
    articles giving one event two statuses, say).  With ``new`` (article ids), only the
    nodes those articles describe are checked: a union of blocks checked before cannot
    have changed, and taking an article away cannot break a bound."""
    owners: dict[str, set[str]] = defaultdict(set)
    lines: dict[str, set[str]] = defaultdict(set)
    for block in blocks:
        for line in block.shared:
            subject = line.split(" ", 1)[0]
            owners[subject].add(block.doc_id)
            lines[subject].add(line)
    multi = {s for s, docs in owners.items() if len(docs) > 1 and (new is None or docs & new)}
    if not multi:
        return []
    data = set()
    for subject in multi:
        for line in lines[subject]:
            data.add(line)
            obj = line[:-2].rsplit(" ", 1)[-1]
            data.update(lines.get(obj, ()) if obj not in multi else ())
    # only what a union can break counts: other results come from the statements left out
    results = checker.check("\n".join(sorted(data)) + "\n", focus=multi, components=BOUNDING_COMPONENTS)
    return [f"{', '.join(sorted(_owners_of(r.focus, owners)))}: {r.line()}" for r in results]


def _owners_of(short_focus: str, owners: dict[str, set[str]]) -> set[str]:
    from kg.shapes import short_nt

    return next((docs for subject, docs in owners.items() if short_nt(subject) == short_focus), set())


_WORK: dict = {}  # what block-making needs in this process: the work of the current build
_LOADED: dict = {}  # work file -> its contents, read once per worker process


def make_many(tasks: list[tuple[str, str, str, dict]], work: dict, jobs) -> dict[str, "Block | None"]:
    """Blocks for ``(doc_id, content key, block key, metadata)`` tasks, each stored in
    ``work["blocks"]`` (a :class:`BlockCache`); made by the workers of ``jobs`` (a
    :class:`kg.pool.Pool` or a number of local processes) when there are several
    and the blocks have a cache folder to go to, else in this process.  ``work`` also
    holds ``index``, ``names``, ``shapes`` and ``context`` (see kg.shapes.ShapeChecker),
    ``schema`` (kg.inference.Schema), ``fresh`` (extractions by id) and ``cache``
    (kg.cache.ExtractionCache, for the others).  Workers get ``work`` from a file in the
    block cache (written once per build, read once per worker), read the extractions
    from the extraction cache and write their blocks to the block cache: on a cluster,
    folders every worker reaches.  An article whose extraction is in neither gets None."""
    from kg.pool import as_pool

    pool, store = as_pool(jobs), work["blocks"]
    if store.folder is None or not pool.parallel(len(tasks)) or work.get("fresh"):
        _WORK.clear()
        _WORK.update(work)
        try:
            return dict(map(_make_one, tasks))
        finally:
            _WORK.clear()
    path = _write_work(work, store)
    size = max(1, min(16, len(tasks) // (4 * pool.size)))
    chunks = [(str(path), tasks[i:i + size]) for i in range(0, len(tasks), size)]
    made = {}
    try:
        for chunk in pool.run(_make_chunk, chunks):
            made.update(chunk)
    finally:
        path.unlink(missing_ok=True)
    return {doc_id: None if meta is None else Block(**meta, body=store.body_path(meta["key"]))
            for doc_id, meta in made.items()}


def _write_work(work: dict, store: "BlockCache") -> Path:
    """Pickle what workers need (not the figures of known blocks) under the block cache,
    named by its hash, so that a worker reads it once per build."""
    import pickle

    data = pickle.dumps({k: v for k, v in work.items() if k not in ("blocks", "fresh")}, protocol=5)
    path = store.folder / "work" / f"{hashlib.sha256(data).hexdigest()[:32]}.pickle"
    if not path.is_file():
        write_file(path, data)
    return path


def _make_chunk(task: tuple[str, list]) -> list[tuple[str, dict | None]]:
    import pickle

    path, items = task
    if path not in _LOADED:
        _LOADED.clear()
        work = pickle.loads(Path(path).read_bytes())
        work.update(fresh={}, blocks=BlockCache(Path(path).parent.parent.parent))
        _LOADED[path] = work
    _WORK.clear()
    _WORK.update(_LOADED[path])
    out = []
    for item in items:
        doc_id, block = _make_one(item)
        out.append((doc_id, None if block is None else block.meta()))
    if "checker" in _WORK:  # compiled once per worker process
        _LOADED[path]["checker"] = _WORK["checker"]
    return out


def _make_one(task: tuple[str, str, str, dict]) -> tuple[str, "Block | None"]:
    from kg.shapes import ShapeChecker

    doc_id, content, key, metadata = task
    w = _WORK
    ex = w["fresh"].get(doc_id) or w["cache"].get(content)
    if ex is None:
        return doc_id, None
    if "checker" not in w:  # made where it runs: a compiled Rust object is not shared across a fork
        w["checker"] = ShapeChecker(w["shapes"], w["context"])
    return doc_id, w["blocks"].put(make_block(ex, key, w["index"], metadata, w["checker"], w["names"],
                                              w.get("schema")))


class BlockCache:
    """Blocks under ``folder/blocks`` (``<key>.json`` with the figures and
    ``<key>.ttl`` with the statements); ``folder=None`` keeps nothing.  ``known`` holds
    the figures of blocks already read (:class:`kg.state.BuildState`), so only their statements'
    files are looked at."""

    def __init__(self, folder: Path | None, known: dict | None = None):
        self.folder = Path(folder) / "blocks" if folder is not None else None
        self.known = known or {}

    def _paths(self, key: str) -> tuple[Path, Path]:
        base = self.folder / key[:2] / key
        return base.with_suffix(".json"), base.with_suffix(".ttl")

    def body_path(self, key: str) -> Path:
        return self._paths(key)[1]

    def get(self, key: str) -> Block | None:
        if self.folder is None:
            return None
        meta_path, body_path = self._paths(key)
        if key in self.known and body_path.is_file():
            return Block(**self.known[key], body=body_path)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if meta.pop("format", None) != BLOCK_FORMAT or not body_path.is_file():
                return None
            return Block(**meta, body=body_path)
        except (OSError, ValueError, TypeError):
            return None  # a broken entry is made again

    def put(self, block: Block) -> Block:
        """Store ``block``; return it with its body pointing at the cached file."""
        if self.folder is None:
            return block
        meta_path, body_path = self._paths(block.key)
        write_file(body_path, block.body if isinstance(block.body, bytes) else block.body.read_bytes())
        write_file(meta_path, json.dumps({"format": BLOCK_FORMAT, **block.meta()}, ensure_ascii=False,
                                     sort_keys=True).encode("utf-8"))
        return dataclasses.replace(block, body=body_path)
