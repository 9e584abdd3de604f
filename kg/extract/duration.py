"""A length in days that fixes an event's end: "landed in Moscow for a two-day visit on
Wednesday", "... commenced on 18 January. The three-day meeting ...".

When an event is dated to one day and a mention of it (its own noun or a later definite
mention merged into it) says it lasts N days, the event runs from that day to the N-th
(the guide: a range with start and end when the text fixes them).  The day is the first
one, unless the verb the day is said of ends the event: "the three-day meeting that
concluded last Friday", "concluded his two-day visit on 24 February" end that day, so they
began N - 1 days before.  A sentence that counts the days ("the second day of") or ends
the event in a clause that is not the day's is left alone, as is a length in weeks or
months (the text rarely fixes its end day).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from kg.extract.model import Event, TimeValue
from kg.extract.time_scope import clause_of
from kg.extract.triggers import NOUN_TRIGGERS

_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15}
_DAYS_RE = re.compile(r"(?<![\w-])(?P<n>\d{1,2}|" + "|".join(_WORDS) + r")[-‐‑–— ]day(?:[-‐‑–— ]long)?(?![\w-])", re.I)
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
        bound = _bound_of(where.root) if where is not None else None
        if _COUNTED_DAY_RE.search(text) or _COUNTED_DAY_RE.search(time_sentence) or (
                bound is None and (_NOT_FIRST_RE.search(text) or _NOT_FIRST_RE.search(time_sentence))):
            return event
        day = dt.date.fromisoformat(time.value)
        first, last = (day - dt.timedelta(days=n - 1), day) if bound == "end" else \
            (day, day + dt.timedelta(days=n - 1))
        return replace(event, time=TimeValue(time.span, None, first.isoformat(), last.isoformat()))
    return event


END_VERBS = {"conclude", "end", "close", "finish", "culminate", "complete"}
START_VERBS = {"begin", "start", "open", "commence", "launch", "inaugurate"}
_COUNTED_DAY_RE = re.compile(r"\b(?:second|third|last|final|closing|opening) day\b", re.I)


def _bound_of(word) -> str | None:
    """"end" when the verb the time is said of ends the event ("concluded last Friday",
    "wrapped up on Friday"), "start" when it begins it ("began", "opened", "kicked off"),
    else None."""
    verb = clause_of(word)
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    lemma = verb.lemma_.lower()
    particle = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    if lemma in END_VERBS or (lemma == "wrap" and "up" in particle):
        return "end"
    if lemma in START_VERBS or (lemma in {"kick", "get"} and particle & {"off", "underway"}):
        return "start"
    return None


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
