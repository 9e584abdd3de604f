"""A length in days that fixes an event's end: "landed in Moscow for a two-day visit on
Wednesday", "... commenced on 18 January. The three-day meeting ...".

When an event is dated to one day and a mention of it (its own noun or a later definite
mention merged into it) says it lasts N days, the event runs from that day to the N-th
(the guide: a range with start and end when the text fixes them).  The day is taken as
the first one; a sentence that says the event ended or closed that day ("concluded his
two-day visit on Friday") or counts its days ("the second day of") is left alone, as is a
length in weeks or months (the text rarely fixes its end day).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from kg.extract.model import Event, TimeValue
from kg.extract.triggers import NOUN_TRIGGERS

_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15}
_DAYS_RE = re.compile(r"(?<![\w-])(?P<n>\d{1,2}|" + "|".join(_WORDS) + r")[- ]day(?:[- ]long)?(?![\w-])", re.I)
# the date is not the first day: "concluded his two-day visit", "on the second day of"
_NOT_FIRST_RE = re.compile(r"\b(?:conclud\w*|end(?:ed|s|ing)?|wrap\w*|complet\w*|clos\w*|"
                           r"(?:second|third|last|final|closing) day)\b", re.I)
MAX_DAYS = 31


def days_range(ctx, event: Event) -> Event:
    """``event`` with its one-day time widened to the range its length in days fixes."""
    time = event.time
    if time is None or time.value is None or len(time.value) != 10:
        return event
    where = ctx.doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
    time_sentence = where.root.sent.text if where is not None else ""
    for sentence in (event.sentence,) + tuple(event.also):
        n = _length_of(ctx, event, sentence)
        if n is None:
            continue
        text = ctx.text[sentence.span.start:sentence.span.end]
        if _NOT_FIRST_RE.search(text) or _NOT_FIRST_RE.search(time_sentence):
            return event
        first = dt.date.fromisoformat(time.value)
        last = first + dt.timedelta(days=n - 1)
        return replace(event, time=TimeValue(time.span, None, first.isoformat(), last.isoformat()))
    return event


def _length_of(ctx, event: Event, sentence) -> int | None:
    """The number of days a noun of the event's kind in ``sentence`` says it lasts (in the
    event's own sentence only its trigger counts)."""
    for m in _DAYS_RE.finditer(ctx.text, sentence.span.start, sentence.span.end):
        span = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        days = [t for t in span if t.lower_ in {"day", "-day"} or t.lower_.endswith("-day")]
        if not days:
            continue
        noun = days[0]
        for _ in range(3):
            if noun.head.i == noun.i or noun.pos_ in {"NOUN", "PROPN"} and noun.i != days[0].i:
                break
            noun = noun.head
        if NOUN_TRIGGERS.get(noun.lemma_.lower(), NOUN_TRIGGERS.get(noun.lower_)) != event.kind:
            continue
        if sentence == event.sentence and noun.idx != event.trigger.start:
            continue
        word = m.group("n").lower()
        n = int(word) if word.isdigit() else _WORDS[word]
        if 2 <= n <= MAX_DAYS:
            return n
    return None
