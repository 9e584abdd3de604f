"""Editions of a recurring event: "Its first edition was held in October 2016 at Rattu."

A numbered edition ("first", "second", "8th") that was held is an event of its own, of the
kind of the recurring event named shortly before (an exercise, a summit, a meeting), with
that event's participants and its own time and place. An edition "of" a trigger word
("the eighth edition of their joint exercise") is left to that trigger, and an edition
in another sense (of a book, a newspaper) has no recurring event before it.
"""
from __future__ import annotations

from dataclasses import replace

from kg.extract.model import Event, Span
from kg.extract.participants import candidates
from kg.extract.status import event_status
from kg.extract.timing import event_time
from kg.extract.tokens import token_indices
from kg.extract.triggers import TRIGGER_WORDS, irrealis

EDITION_WORDS = {"edition"}
SERIES_KINDS = {"MilitaryExercise", "Summit", "Meeting"}
HELD_VERBS = {"hold", "conduct", "organise", "organize", "stage", "host"}
ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "previous", "last", "latest", "next"}
SERIES_WINDOW = 3  # sentences between the recurring event's last mention and the edition


def editions(ctx, events: list[Event]) -> list[Event]:
    """The held editions in the article, each an event of the series named before it."""
    out = []
    for token in (ctx.doc[i] for i in token_indices(ctx.doc, lemma=EDITION_WORDS)):
        if token.pos_ != "NOUN" or not _numbered(token) or not _held(token) or irrealis(token):
            continue
        if any(c.dep_ == "prep" and any(t.lemma_.lower() in TRIGGER_WORDS for t in c.subtree) for c in token.children):
            continue  # "the eighth edition of the exercise": the exercise is the trigger
        sentence = ctx.sentence_of(token)
        series = _series(events, sentence) if sentence is not None else None
        if series is None:
            continue
        _, places, inside = candidates(ctx, token, series.kind, sentence)
        time = event_time(ctx, token, sentence, inside, series.kind)
        trigger = Span(token.idx, token.idx + len(token), token.text)
        out.append(replace(series, sentence=sentence, trigger=trigger, places=tuple(places), time=time,
                           status=event_status(token, time), also=(), definite=False, name=None))
    return out


def _numbered(token) -> bool:
    return any(c.dep_ in {"amod", "nummod"} and (c.lower_ in ORDINAL_WORDS or c.tag_ == "JJ" and c.lower_[:1].isdigit())
               for c in token.children)


def _held(token) -> bool:
    """"was held", "was conducted in Russia", "took place"."""
    head = token.head
    if token.dep_ == "nsubjpass" and head.lemma_.lower() in HELD_VERBS:
        return True
    return token.dep_ == "nsubj" and head.lemma_.lower() == "take" and any(
        c.lower_ == "place" for c in head.children)


def _series(events: list[Event], sentence) -> Event | None:
    """The latest recurring event mentioned at most SERIES_WINDOW sentences before."""
    best, best_at = None, -1
    for e in events:
        last = max([e.sentence.index, *(s.index for s in e.also if s.index < sentence.index)])
        if e.kind in SERIES_KINDS and e.participants and 0 < sentence.index - last <= SERIES_WINDOW and last > best_at:
            best, best_at = e, last
    return best
