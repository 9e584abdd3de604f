"""The per-article extraction driver (the spaCy model itself: :mod:`kg.extract.nlp`)."""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import replace

from kg.extract.decisions import shipped
from kg.extract.model import Extraction, Span
from kg.extract.nlp import MODEL_NAME, PIPELINE_VERSION, load_nlp
from kg.extract.sentences import sentence_at, sentences_of

__all__ = ["MODEL_NAME", "PIPELINE_VERSION", "extract", "linker_for", "load_nlp", "model_fingerprint",
           "normalise_text", "sentence_at", "sentences_of"]




def model_fingerprint() -> str:
    """A short hash naming the spaCy model, its version and the rule version."""
    nlp = load_nlp()
    meta = nlp.meta
    key = f"{meta.get('name')}-{meta.get('version')}-rules{PIPELINE_VERSION}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def normalise_text(text: str) -> str:
    """NFC-normalise an article so that offsets are stable across equivalent encodings."""
    return unicodedata.normalize("NFC", text)


def extract(doc_id: str, text: str, registry, nlp=None, doc=None, date: str | None = None,
            min_confidence: float | None = None, decisions=None, collect: list | None = None,
            claim_decisions=None, writer_judge=None) -> Extraction:
    """Run every extraction step on one article and return what it found.

    ``doc`` may be a Doc parsed beforehand (for batch parsing with ``nlp.pipe``);
    ``date`` is the article's date (ISO, from its sidecar), against which relative times
    ("last month", "on Thursday") are resolved.  Events whose confidence is below
    ``min_confidence`` (default: the one chosen on the dev set, in the shipped decisions)
    are left out; ``decisions`` replaces the shipped learned decisions and ``collect``
    receives the event candidates and their features (both for ``kg train``);
    ``claim_decisions`` replaces the shipped kind and stance classifiers of statements, and
    ``writer_judge`` the shipped judge of the writer's uncued sentences (False: none).
    """
    from kg.extract.news_day import dated_by_lede
    from kg.extract.status import said_now, status_by_date, within_programme
    from kg.extract import (claim_kinds, claims, dates, events, metadata, opinions, quantities, relations,
                            statements, writer_judge as judging)
    from kg.extract.context import Context
    from kg.extract.stance import forget_scores

    forget_scores()

    text = normalise_text(text)
    if doc is None:
        doc = (nlp or load_nlp())(text)
    result = Extraction(doc_id=doc_id, text=text, date=date)
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
    times = dates.find_times(doc, anchor=date)
    result.latest_date = dates.latest_date(times)
    author_sentence = result.author.sentence if result.author else None
    ctx = Context(doc, result.sentences, result.mentions, times, registry, author_sentence,
                  result.new_entities)
    decisions = decisions or shipped()
    if min_confidence is None:
        min_confidence = decisions.min_confidence

    def finish(found):
        found = status_by_date(found, date)  # a time before the article: done
        found = within_programme(found, date, doc)  # "will also hold meetings" after a scheduled or current visit
        found = said_now(found, doc)  # "will provide every possible support": a statement made now
        return dated_by_lede(text, result.sentences, times, found, doc)  # "X and Y on Tuesday agreed"

    # the strict model judges the events after these steps, as it was fitted on them
    result.events = events.find_events(ctx, decisions, min_confidence, collect, finish)
    result.memberships = relations.find_memberships(ctx)
    result.interests = relations.find_interests(ctx)
    result.cooperations = relations.find_cooperations(ctx)
    result.quantities = quantities.find_amounts(
        doc, result.sentences, result.mentions, times, is_state=ctx.is_state
    )
    claim_confidence = decisions.rule_confidence.get("claim")
    cued = [replace(c, confidence=claim_confidence) if c.confidence is None else c
            for c in claims.find_claims(doc, result.sentences, result.mentions, author_sentence)]
    writer = cued + opinions.find_opinions(doc, result.sentences, result.mentions, author_sentence, cued)
    result.claims = statements.find_statements(
        doc, result.sentences, result.mentions, ctx.core_type, ctx.state_of_place, author_sentence, times,
        resolve, result.new_entities, writer, ctx.demonym, ctx.speaks_for)
    result.claims = claim_kinds.decide(doc, result.claims, ctx.core_type, claim_decisions, ctx.speaks_for)
    judge = judging.shipped() if writer_judge is None else writer_judge or None
    if judge is not None:
        judged = judging.judge_sentences(
            doc, result.sentences, result.mentions, result.claims, cued, author_sentence, judge,
            opinions.opinion_article(doc, result.sentences, cued))
        result.claims += claim_kinds.decide(doc, judged, ctx.core_type, claim_decisions, ctx.speaks_for,
                                            stance_only=True)
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
