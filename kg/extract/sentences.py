"""Sentences of a parsed article as records with character offsets, and lookup by offset."""
from __future__ import annotations

from kg.extract.model import Sentence, Span
from kg.extract.nlp import label_end
from kg.extract.tokens import doc_text


def sentences_of(doc) -> list[Sentence]:
    """Sentences with character offsets, leading and trailing blanks trimmed off."""
    out: list[Sentence] = []
    text = doc_text(doc)
    label = None  # the start of a paragraph's label that ``nlp.label_end`` set apart for the parser
    for sent in doc.sents:
        if label_end(doc, sent.start) == sent.end:
            label = sent.start_char if label is None else label
            continue
        start, end = (sent.start_char if label is None else label), sent.end_char
        label = None
        raw = text[start:end]
        stripped = raw.strip()
        if not stripped:
            continue
        start += len(raw) - len(raw.lstrip())
        end = start + len(stripped)
        out.append(Sentence(len(out), Span(start, end, stripped)))
    return out


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence containing a character offset (binary search)."""
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = sentences[mid].span
        if offset < s.start:
            hi = mid - 1
        elif offset >= s.end:
            lo = mid + 1
        else:
            return sentences[mid]
    return None
