"""Stage 2, extract: each article whose cached extraction is missing or stale is
extracted again (by the executor); the others come from the cache (:mod:`kg.cache`)."""
from __future__ import annotations

from dataclasses import dataclass

from kg.cache import ExtractionCache, Summary, content_key, pipeline_fingerprint, source_fingerprint
from kg.report import BuildReport


@dataclass
class Extracted:
    """Each article's :class:`kg.cache.Summary` in id order, the extractions made in this
    build by id (only when there is no cache to put them in; with a cache each goes
    there as soon as it is made) and each article's content key by id."""

    summaries: list[Summary]
    fresh: dict
    keys: dict[str, str]


def run_extractions(todo: list[tuple], registry, registries, executor, show_progress: bool,
                    on_done=None, keep: bool = True, started=None) -> dict:
    """Extract ``(doc_id, text)`` pairs with the executor, with a progress bar;
    ``started`` is an iterator of batches already under way (:func:`begin`)."""
    from kg.parallel import Progress

    bar = Progress(len(todo), show_progress)
    fresh = {}

    def done(ex) -> None:
        bar.update(ex)
        if keep and started is not None:
            fresh[ex.doc_id] = ex
        if on_done is not None:
            on_done(ex)
    try:
        if started is None:
            return executor.extract(todo, registry, registries, on_done=done, keep=keep)
        for batch in started:
            for ex in batch:
                done(ex)
        return fresh
    finally:
        bar.close()


@dataclass
class Begun:
    """What :func:`begin` found: each article's content key and summary (None: to
    extract), the articles to extract and their extraction under way (or None)."""

    keys: dict[str, str]
    found: dict
    todo: list[tuple]
    fingerprints: tuple[str, str]  # the registry's and the pipeline's
    started: object = None


def begin(inputs, cache: ExtractionCache, known: dict, executor) -> Begun:
    """The articles' content keys and the summaries of those already extracted (``known``
    maps content keys to summaries, :class:`kg.blocks.BuildState`, else the cache's
    files); the others start extracting now when the executor can run them elsewhere."""
    docs, registry = inputs.docs, inputs.registry
    reg_fp, pipe_fp = registry.fingerprint(), pipeline_fingerprint() + source_fingerprint()
    if inputs.min_confidence is not None:
        pipe_fp += f"-min{inputs.min_confidence!r}"
    keys = {d.id: content_key(d.id, d.text, d.metadata, reg_fp, pipe_fp) for d in docs}
    found = {d.id: Summary(*known[keys[d.id]]) if keys[d.id] in known else cache.summary(keys[d.id]) for d in docs}
    todo = [(d.id, d.text, d.metadata.get("date"), inputs.min_confidence) for d in docs if found[d.id] is None]
    start = getattr(executor, "start_extract", None)
    return Begun(keys, found, todo, (reg_fp, pipe_fp), start(todo, registry, inputs.registries) if start and todo else None)


def extract(inputs, cache: ExtractionCache, known: dict, executor, report: BuildReport,
            show_progress: bool, begun: Begun | None = None) -> Extracted:
    """The articles' extractions (``begun``: from :func:`begin`, called earlier).  Fills
    in what was extracted, reused, added, changed and removed, and the manifest, in
    ``report``."""
    docs, registry = inputs.docs, inputs.registry
    begun = begun or begin(inputs, cache, known, executor)
    keys, found = begun.keys, begun.found
    made: list[str] = []

    def done(ex) -> None:  # each extraction goes to the cache at once; only its summary stays in memory
        cache.put(keys[ex.doc_id], ex)
        found[ex.doc_id] = Summary(ex.doc_id, dict(ex.new_entities))
        made.append(ex.doc_id)

    fresh = run_extractions(begun.todo, registry, inputs.registries, executor, show_progress, done,
                            keep=cache.folder is None, started=begun.started)
    before = cache.read_manifest().get("articles", {})
    report.extracted, report.reused = sorted(made), sorted(set(found) - set(made))
    report.changed = sorted(k for k, v in keys.items() if before.get(k, v) != v)
    report.added = sorted(set(keys) - set(before)) if before else []
    report.removed = sorted(set(before) - set(keys))
    report.manifest = {"format": 1, "registry": begun.fingerprints[0], "pipeline": begun.fingerprints[1],
                       "articles": keys}
    return Extracted([found[d.id] for d in docs], fresh, keys)
