"""Add articles to the corpus and take them out again, rebuilding the graph each time.

:func:`add_articles` copies plain-text files into the documents folder under an id
derived from their content (:func:`kg.corpus.content_id`), with optional metadata in a
sidecar, then runs :func:`kg.build.build`.  :func:`remove_articles` takes articles out
and rebuilds; facts derived only from them disappear with their named graph.  If the
build fails (bad input, validation), the documents folder is put back as it was, and
the published files were never touched (the build writes atomically).
"""
from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from kg.corpus import MAX_BYTES, SIDECAR_KEYS, iso_date, content_id, read_sidecar, read_text
from kg.errors import InputError


@dataclass
class Added:
    id: str
    source: Path
    metadata: dict


def article_files(paths: list[Path]) -> list[Path]:
    """The files to add: each path itself, or the ``*.txt`` files of a folder (sorted)."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() == ".txt" and not p.name.startswith("."))
            if not found:
                raise InputError("folder holds no *.txt articles", path=path)
            files += found
        elif path.exists():
            files.append(path)
        else:
            raise InputError("no such file or folder", path=path)
    return files


def _check_metadata(metadata: dict, where: Path) -> dict:
    unknown = sorted(set(metadata) - SIDECAR_KEYS)
    if unknown:
        raise InputError(f"unknown metadata key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(SIDECAR_KEYS))}",
                         path=where)
    out = {k: str(v).strip() for k, v in metadata.items() if v is not None and str(v).strip()}
    if "date" in out:
        out["date"] = iso_date(out["date"], where)
    return out


def _existing_ids(documents: Path, max_bytes: int) -> dict[str, str]:
    """content id -> article id for every article already in the corpus."""
    out = {}
    for path in sorted(documents.glob("*.txt")):
        if not path.name.startswith("."):
            out[content_id(read_text(path, max_bytes)[0])] = path.stem
    return out


def plan_additions(paths: list[Path], documents: Path, metadata: dict | None = None,
                   max_bytes: int = MAX_BYTES) -> list[tuple[Added, str]]:
    """Read and check every file to add (nothing is written); return (record, text) pairs.

    Refuses a file whose content is already in the corpus or given twice, and metadata
    options for more than one file.
    """
    documents = Path(documents)
    if not documents.is_dir():
        raise InputError("documents folder does not exist", path=documents)
    files = article_files(paths)
    metadata = {k: v for k, v in (metadata or {}).items() if v is not None}
    if metadata and len(files) > 1:
        raise InputError(f"--{', --'.join(sorted(metadata))} apply to one article, but {len(files)} files were "
                         "given; add them one at a time, or put metadata in a <name>.yaml beside each file")
    known = _existing_ids(documents, max_bytes)
    planned: list[tuple[Added, str]] = []
    for path in files:
        text, _ = read_text(path, max_bytes)
        doc_id = content_id(text)
        if doc_id in known:
            raise InputError(f"this article is already in the corpus as {known[doc_id]!r} "
                             f"({documents / (known[doc_id] + '.txt')}); nothing was added", path=path)
        meta = read_sidecar(path.with_suffix(".yaml")) if path.suffix.lower() == ".txt" else {}
        meta.update(_check_metadata(metadata, path))
        known[doc_id] = path.name
        planned.append((Added(doc_id, path, meta), text))
    return planned


def add_articles(paths: list[Path], config, metadata: dict | None = None, progress=None, executor=None):
    """Copy articles into ``config.documents`` and rebuild with :func:`kg.build.build`
    (``config`` is a :class:`kg.build.BuildConfig`); return (added records, build report).
    On any failure the copied files are removed again and the exception is raised.
    """
    from kg.build import build

    documents = config.documents
    planned = plan_additions(paths, documents, metadata, config.max_bytes)
    created: list[Path] = []
    try:
        for added, text in planned:
            target = documents / f"{added.id}.txt"
            target.write_text(text, encoding="utf-8", newline="\n")
            created.append(target)
            if added.metadata:
                sidecar = target.with_suffix(".yaml")
                sidecar.write_text(yaml.safe_dump(added.metadata, sort_keys=True, allow_unicode=True),
                                   encoding="utf-8")
                created.append(sidecar)
        report = build(config, progress, executor)
    except BaseException:
        for path in created:
            path.unlink(missing_ok=True)
        raise
    return [a for a, _ in planned], report


def remove_articles(ids: list[str], config, progress=None, executor=None):
    """Take articles (by id) out of ``config.documents`` and rebuild (``config`` is a
    :class:`kg.build.BuildConfig`); return the build report.  On any failure the
    articles are put back and the exception is raised.
    """
    from kg.build import build

    documents = config.documents
    present = sorted(p.stem for p in documents.glob("*.txt")) if documents.is_dir() else []
    if not present:
        raise InputError("documents folder does not exist or holds no articles", path=documents)
    for doc_id in ids:
        if doc_id not in present:
            close = difflib.get_close_matches(doc_id, present, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else "; `ls` the documents folder for the ids"
            raise InputError(f"no article with id {doc_id!r} in {documents}{hint}")
    if set(present) <= set(ids):
        raise InputError("cannot remove every article: the graph needs at least one")
    backup = Path(tempfile.mkdtemp(prefix=".kg-remove-", dir=documents))
    moved: list[tuple[Path, Path]] = []
    try:
        for doc_id in dict.fromkeys(ids):
            for path in (documents / f"{doc_id}.txt", documents / f"{doc_id}.yaml"):
                if path.exists():
                    os.replace(path, backup / path.name)
                    moved.append((backup / path.name, path))
        report = build(config, progress, executor)
    except BaseException:
        for src, dst in moved:
            os.replace(src, dst)
        shutil.rmtree(backup, ignore_errors=True)
        raise
    shutil.rmtree(backup, ignore_errors=True)
    return report
