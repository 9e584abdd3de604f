"""Extraction cache: one JSON file per article, keyed by a content hash.

The key of an article hashes everything its extraction depends on: its id and text,
its sidecar metadata, the registry fingerprint and the pipeline fingerprint (spaCy model
name and version plus :data:`kg.extract.nlp.PIPELINE_VERSION`).  Change any of
them and the article is extracted again; otherwise the cached
:class:`~kg.extract.model.Extraction` is reused.  The RDF is always rebuilt from the
(cached or fresh) extractions of the whole corpus, because new-entity IRIs are assigned
over the whole corpus, so an incremental build gives exactly the bytes of a clean one.

Entries live in ``<cache>/extractions/<key>.json``, each with a small
``<key>.summary.json`` (``data/.cache`` by default, git-ignored), written atomically, so concurrent builds may share a cache.  The
build also records the key of every article in ``<cache>/manifest.json``.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import tempfile
from decimal import Decimal
from pathlib import Path

from kg.extract import model

#: Bump when the JSON layout below changes.
CACHE_FORMAT = "1"
_TYPES = {cls.__name__: cls for cls in vars(model).values()
          if isinstance(cls, type) and dataclasses.is_dataclass(cls)}


@functools.lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """Equal to :func:`kg.extract.pipeline.model_fingerprint`, without loading spaCy.

    Reads the model package's ``meta.json``; falls back to loading the model.
    """
    import importlib.util

    from kg.extract.nlp import MODEL_NAME, PIPELINE_VERSION  # no spaCy import

    spec = importlib.util.find_spec(MODEL_NAME)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        meta_path = Path(folder) / "meta.json"
        if meta_path.is_file():
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            key = f"{meta.get('name')}-{meta.get('version')}-rules{PIPELINE_VERSION}"
            return hashlib.sha256(key.encode()).hexdigest()[:16]
    from kg.extract.pipeline import model_fingerprint  # loads the model

    return model_fingerprint()


@functools.lru_cache(maxsize=1)
def source_fingerprint() -> str:
    """SHA-256 of the extraction code and its trained weights (kg/extract/*.py, *.json), so a rule change nobody marked
    by bumping PIPELINE_VERSION still invalidates the cache."""
    from kg.workspace import package_files

    h = hashlib.sha256()
    folder = package_files("extract")
    for path in sorted([*folder.glob("*.py"), *folder.glob("*.json")]):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def content_key(doc_id: str, text: str, metadata: dict, registry_fingerprint: str, pipeline: str) -> str:
    """The cache key of one article: SHA-256 over everything its extraction depends on."""
    blob = json.dumps({"format": CACHE_FORMAT, "id": doc_id, "text": text, "metadata": metadata,
                       "registry": registry_fingerprint, "pipeline": pipeline},
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


# -- Extraction <-> JSON --------------------------------------------------------------
def to_json(value):
    """Plain JSON data for an extraction record (dataclasses, tuples and Decimals tagged)."""
    if dataclasses.is_dataclass(value):
        out = {"@": type(value).__name__}
        for f in dataclasses.fields(value):
            out[f.name] = to_json(getattr(value, f.name))
        return out
    if isinstance(value, tuple):
        return {"@t": [to_json(v) for v in value]}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {"@m": [[k, to_json(v)] for k, v in value.items()]}
    if isinstance(value, Decimal):
        return {"@d": str(value)}
    return value


def from_json(value):
    """Inverse of :func:`to_json`."""
    if isinstance(value, list):
        return [from_json(v) for v in value]
    if isinstance(value, dict):
        if "@" in value:
            cls = _TYPES[value["@"]]
            return cls(**{k: from_json(v) for k, v in value.items() if k != "@"})
        if "@t" in value:
            return tuple(from_json(v) for v in value["@t"])
        if "@m" in value:
            return {k: from_json(v) for k, v in value["@m"]}
        if "@d" in value:
            return Decimal(value["@d"])
    return value


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary sibling and a rename, so readers
    (and concurrent builds sharing a cache) never see a partial file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_json(path: Path, data) -> None:
    write_file(path, json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8"))


@dataclasses.dataclass(frozen=True)
class Summary:
    """An extraction's id and new entities ("new:<Name>" -> type): enough to assign
    new-entity IRIs over the corpus (kg.rdf.EntityIndex) without reading the whole record."""

    doc_id: str
    new_entities: dict


class ExtractionCache:
    """Cached extractions under ``folder``; ``folder=None`` disables reading and writing."""

    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder is not None else None

    def _path(self, key: str) -> Path:
        return self.folder / "extractions" / key[:2] / f"{key}.json"

    def get(self, key: str) -> model.Extraction | None:
        """The cached extraction for a key, or None (missing, unreadable or stale format)."""
        if self.folder is None:
            return None
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            if data.get("format") != CACHE_FORMAT:
                return None
            return from_json(data["extraction"])
        except (OSError, ValueError, KeyError, TypeError):
            return None  # a broken entry is simply extracted again

    def put(self, key: str, extraction: model.Extraction) -> None:
        if self.folder is not None:
            _write_json(self._path(key), {"format": CACHE_FORMAT, "extraction": to_json(extraction)})
            _write_json(self._summary_path(key), {"format": CACHE_FORMAT, "doc_id": extraction.doc_id,
                                                  "new_entities": extraction.new_entities})

    def _summary_path(self, key: str) -> Path:
        return self.folder / "extractions" / key[:2] / f"{key}.summary.json"

    def summary(self, key: str) -> "Summary | None":
        """What the whole-corpus steps need of a cached extraction (its id and new
        entities), read from a small file beside it; None when nothing is cached."""
        if self.folder is None:
            return None
        try:
            data = json.loads(self._summary_path(key).read_text(encoding="utf-8"))
            if data.get("format") == CACHE_FORMAT:
                return Summary(data["doc_id"], dict(data["new_entities"]))
        except (OSError, ValueError, KeyError, TypeError):
            pass
        extraction = self.get(key)
        return None if extraction is None else Summary(extraction.doc_id, dict(extraction.new_entities))

    def read_manifest(self) -> dict:
        """The manifest of the last build that used this cache ({} if none)."""
        if self.folder is None:
            return {}
        try:
            return json.loads((self.folder / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def write_manifest(self, manifest: dict) -> None:
        if self.folder is not None:
            _write_json(self.folder / "manifest.json", manifest)
