"""Where an event took place when its own clause does not say: "here" in a report that opens
with a dateline, and a sentence that continues the event.

* "ISLAMABAD, Jan 18 (APP): The 8th meeting of the commission commenced here on Wednesday":
  "here" is the dateline's city.
* "The exercise has begun in Pakistan. This exercise will be organized in ... Nowshera
  district": a definite or demonstrative noun of the event's kind, subject of its sentence,
  held, organised or taking place in or at a place; "The only venue is Cherat".

A negated sentence ("is not being held in Azad Kashmir") gives no place.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.model import Event, latest_named, trigger_token
from kg.extract.syntax import governing_verb
from kg.extract.triggers import NOUN_TRIGGERS

REACH = 2  # sentences after the event's latest mention
DEFINITE = {"the", "this", "that", "its", "their"}
VENUE_NOUNS = {"venue", "location", "site"}
# an upper-case city, then a comma, colon or dash: "ISLAMABAD, Jan 18 (APP):", "UFA:", "ASTANA --"
DATELINE = re.compile(r"^\s*([A-Z][A-Z .'-]{2,30}?)\s*(?:,|:|--|—|–)")


def add_venues(ctx, events: list[Event]) -> list[Event]:
    """``events`` with the places "here" and continuing sentences give the ones without."""
    home = dateline_place(ctx)
    out = list(events)
    for i, event in enumerate(out):
        if event.places:
            continue
        place = None
        if home is not None and _here(ctx, event):
            place = home
        if place is None:
            place = _continued_place(ctx, out, i)
        if place is not None:
            out[i] = replace(event, places=(place,))
    return out


def dateline_place(ctx) -> str | None:
    """The place of the dateline that opens a report ("ISLAMABAD, Dec 1 (APP):"): its first
    mention when that is a place, or the capital of the state a metonym links it to."""
    found = DATELINE.match(ctx.text)
    if found is None or not ctx.mentions:
        return None
    first = min(ctx.mentions, key=lambda m: m.span.start)
    if first.span.start >= found.end(1) or first.span.end < found.start(1):
        return None
    if ctx.is_place(first.entity):
        return first.entity
    entity = ctx.registry.entities.get(first.entity)
    capital = getattr(entity, "capital", None) if entity is not None else None
    if capital and ctx.text[first.span.start:first.span.end].isupper():
        return capital
    return None


def _here(ctx, event: Event) -> bool:
    """Whether the event's clause says it happened "here"."""
    token = trigger_token(ctx.doc, event)
    if token is None:
        return False
    verb = token if token.pos_ in {"VERB", "AUX"} else governing_verb(token, limit=3)
    return verb is not None and any(c.lower_ == "here" and c.dep_ == "advmod" for c in verb.children)


def _continued_place(ctx, events: list[Event], i: int) -> str | None:
    """The place a sentence after the event's first mention, up to ``REACH`` after its latest,
    gives it, while it is the last event of its kind named ("this exercise" is that one)."""
    event = events[i]
    last = max([event.sentence.index, *(s.index for s in event.also)])
    for index in range(event.sentence.index + 1, min(last + 1 + REACH, len(ctx.sentences))):
        if latest_named(events, (event.kind,), index) != i:
            continue
        span = ctx.doc.char_span(ctx.sentences[index].span.start, ctx.sentences[index].span.end,
                                 alignment_mode="expand")
        for tok in span or []:
            place = _place_said_of(ctx, tok, event.kind)
            if place is not None:
                return place
    return None


HELD_VERBS = {"hold", "organise", "organize", "take", "be", "stage", "conduct", "continue", "begin", "start",
              "open", "happen", "occur"}


def _place_said_of(ctx, tok, kind: str) -> str | None:
    """The place a sentence gives to the event ``tok`` refers back to: "This exercise will
    be organized in X", "The talks took place at X", "The only venue is X"."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or tok.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    if NOUN_TRIGGERS.get(lemma) != kind and NOUN_TRIGGERS.get(tok.lower_) != kind and lemma not in VENUE_NOUNS:
        return None
    if not any(c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE for c in tok.children):
        return None
    verb = tok.head
    if verb.lemma_.lower() not in HELD_VERBS or any(c.dep_ == "neg" for c in verb.children):
        return None
    if lemma in VENUE_NOUNS:
        words = [t for c in verb.children if c.dep_ == "attr" for t in c.subtree]
    else:
        words = [t for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "at"} for t in c.subtree]
    for m in ctx.mentions_in(words):
        if ctx.is_place(m.entity):
            return m.entity
    return None
