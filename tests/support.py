"""Helpers the tests import (``from support import ...``; pytest puts tests/ on sys.path)."""
from __future__ import annotations

from pathlib import Path

from kg.extract.model import Sentence, Span

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = ROOT / "data" / "documents"
PUBLISHED = ROOT / "data" / "kg.trig"


def repo_config(out: Path, documents: Path = DOCUMENTS, **changes):
    """A :class:`kg.build.BuildConfig` of ``documents`` (default: the repository's
    articles, with the repository's cache) into ``out``."""
    from kg.build import BuildConfig

    return BuildConfig.for_folders(documents, out, **changes)


def make_sentences(doc) -> list[Sentence]:
    """Sentence records from ``doc.sents``, surrounding blanks trimmed off."""
    out: list[Sentence] = []
    for sent in doc.sents:
        raw = doc.text[sent.start_char:sent.end_char]
        if not raw.strip():
            continue
        start = sent.start_char + len(raw) - len(raw.lstrip())
        end = start + len(raw.strip())
        out.append(Sentence(len(out), Span(start, end, doc.text[start:end])))
    return out


def read_document(prefix: str) -> str:
    """The text of the article in data/documents whose file name starts with ``prefix``."""
    (path,) = DOCUMENTS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")
