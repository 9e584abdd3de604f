"""The news day of a report: "Pakistan and Russia on Wednesday agreed to ...", the lede's
own day, dates a meeting the report goes on to tell without a time ("The understanding was
reached during a meeting between ...").

A news report opens with what happened and when; the meeting it later names with no time
of its own is, as a rule, the one the lede reports (the guide takes such a meeting's time
from the lede, a sentence about the same event).  Only a day counts (a weekday, "today",
"yesterday", a date), only when it is the lede's one time (the dateline aside), and only
for a Meeting told as done: a visit or an agreement named later is as often an earlier
one, and measured worse.
"""
from __future__ import annotations

from dataclasses import replace

from kg.extract.dates import time_in
from kg.extract.model import Event, Sentence, TimeValue
from kg.extract.timing import DAY_WORDS_RE, in_dateline

DATED_KINDS = {"Meeting"}


def lede_day(text: str, sentences: list[Sentence], times: list[TimeValue]) -> TimeValue | None:
    """The one time of the article's first sentence when it names a day, else None."""
    if not sentences:
        return None
    first = sentences[0]
    found = [t for t in time_in(times, first.span.start, first.span.end) if not in_dateline(text, first, t)]
    if len(found) != 1:
        return None
    day = found[0]
    if not DAY_WORDS_RE.search(day.span.text) or (day.value is not None and len(day.value) != 10) \
            or day.start is not None:
        return None
    return day


def dated_by_lede(text: str, sentences: list[Sentence], times: list[TimeValue], events: list[Event]) -> list[Event]:
    """``events`` with the lede's day given to each Meeting after the lede that has no time
    and no status."""
    day = lede_day(text, sentences, times)
    if day is None:
        return events
    lede = sentences[0].index
    return [replace(e, time=day) if e.time is None and e.status is None and e.kind in DATED_KINDS
            and e.sentence.index > lede else e for e in events]
