"""A time given as a count from another event: "two days after the summit began, Pakistan
and Russia conducted the drill", "a week after the two sides signed the accord".

Only an event that has no time of its own gets one this way, and only from a counted
length ("two days", "a week", "the day") before "after" or "before" whose clause or phrase
names another event.  When that event is dated to a day in the article and the length is in
days, the day is worked out (the guide: "a date may be worked out when the text fixes it");
otherwise the event keeps the words alone, without a value ("two days after the summit
began": the guide's ``time_text``).  A week or a month is no ISO precision, so a length in
weeks keeps its words too.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from kg.extract.duration import END_VERBS, START_VERBS
from kg.extract.model import Event, Span, TimeValue, trigger_token
from kg.extract.time_scope import clause_of
from kg.extract.triggers import NOUN_TRIGGERS, trigger_kind

UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
COUNTS = {"a": 1, "an": 1, "one": 1, "the": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10}
DIRECTIONS = {"after": 1, "before": -1}
MAX_DAYS = 31


def dated_by_sequence(ctx, events: list[Event]) -> list[Event]:
    """``events`` with a time from "N days after <another event>" where they had none."""
    out = list(events)
    for k, event in enumerate(events):
        if event.time is not None:
            continue
        token = trigger_token(ctx.doc, event)
        if token is None:
            continue
        found = _counted_sequence(clause_of(token))
        if found is None:
            continue
        unit, days, direction, other = found
        if any(t.i == token.i for t in other.subtree):
            continue  # the event is the one counted from ("two days after the meeting, Putin will ...")
        words = sorted([*unit.subtree, *other.subtree], key=lambda t: t.i)
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        time = TimeValue(Span(start, end, ctx.text[start:end]))
        anchor = _anchor_event(ctx, events, event, other)
        day = _day_of(anchor, other)
        if day and len(day) == 10 and unit.lower_ in {"day", "days"}:
            when = dt.date.fromisoformat(day) + dt.timedelta(days=direction * days)
            time = TimeValue(time.span, when.isoformat())
        out[k] = replace(event, time=time)
    return out


def _day_of(anchor: Event | None, head) -> str | None:
    """The day the other event is dated to: its one day, or the first or last of its range
    when the clause says it began or ended ("two days after the summit began")."""
    if anchor is None or anchor.time is None:
        return None
    t = anchor.time
    if t.value:
        return t.value if len(t.value) == 10 else None
    lemma = head.lemma_.lower()
    day = t.start if lemma in START_VERBS else t.end if lemma in END_VERBS else None
    return day if day and len(day) == 10 else None


def _counted_sequence(verb):
    """(the unit word, its length in days, +1 after / -1 before, the word heading the other
    event's clause or phrase) for "two days after the summit began" on ``verb``, or None.

    The parser may hang a fronted clause on a word before it ("... in fostering closer ties,
    two days after the summit began, Pakistan and Russia conducted"): a clause that ends
    right before a comma and ``verb``'s own clause counts as ``verb``'s."""
    doc = verb.doc
    fronted = []
    for t in verb.sent:
        if t.dep_ != "advcl" or t.head.i == verb.i:
            continue
        last = max(w.i for w in t.subtree)
        if last + 2 < len(doc) and doc[last + 1].text == "," and clause_of(doc[last + 2]).i == verb.i \
                and doc[last + 2].i < verb.i:
            fronted.append(t)
    for child in [*verb.children, *fronted]:
        # "two days after the summit began": an adverbial clause with "after" and a length
        if child.dep_ == "advcl":
            marks = [c for c in child.children if c.dep_ == "mark" and c.lower_ in DIRECTIONS]
            units = [c for c in child.children if c.dep_ == "npadvmod" and c.lower_ in UNITS]
            if marks and units and child.i > units[0].i:
                n = _count(units[0])
                if n and _names_an_event(child):
                    return units[0], n * UNITS[units[0].lower_], DIRECTIONS[marks[0].lower_], child
        # "two days after the summit": a phrase, the length on the preposition
        if child.dep_ == "prep" and child.lower_ in DIRECTIONS:
            units = [c for c in child.children if c.dep_ == "npadvmod" and c.lower_ in UNITS]
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if units and objects:
                n = _count(units[0])
                if n and _names_an_event(child):
                    return units[0], n * UNITS[units[0].lower_], DIRECTIONS[child.lower_], child
    return None


def _count(unit) -> int | None:
    """The length a unit word counts: "two days" 2, "a week" 1, "the day" 1; "days" alone
    (an unknown number) None."""
    words = [c for c in unit.children if c.dep_ in {"nummod", "det"}]
    if not words:
        return None
    word = words[0].lower_
    n = int(word) if word.isdigit() else COUNTS.get(word)
    if n is None or (unit.lower_.endswith("s") and n < 2) or n * UNITS[unit.lower_] > MAX_DAYS:
        return None
    return n


def _names_an_event(head) -> bool:
    return any(trigger_kind(t) is not None or (t.pos_ in {"NOUN", "PROPN"} and t.lemma_.lower() in NOUN_TRIGGERS)
               for t in head.subtree)


def _anchor_event(ctx, events: list[Event], event: Event, head) -> Event | None:
    """The event the clause or phrase ``head`` names: one whose trigger stands in it, else
    the one event of that kind the article names (no other to choose from)."""
    words = list(head.subtree)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    inside = [e for e in events if e is not event and start <= e.trigger.start < end]
    if inside:
        return inside[0]
    kinds = {NOUN_TRIGGERS.get(t.lemma_.lower()) for t in words if t.pos_ in {"NOUN", "PROPN"}} - {None}
    kinds |= {trigger_kind(t) for t in words} - {None}
    same = [e for e in events if e is not event and e.kind in kinds]
    return same[0] if len(same) == 1 else None


SAID_KINDS = {"Offer", "MediationOffer", "StatementOfSupport"}
GATHERINGS = {"Meeting", "Summit"}


def dated_by_gathering(events: list[Event]) -> list[Event]:
    """An offer or a statement of support without a time of its own, made in a sentence that
    speaks of a dated meeting or summit ("I would like to begin our meeting by ...," Putin
    said, adding that Moscow stood ready to help): made there, so on its day.  Only a time
    with a value, only when one such gathering speaks in that sentence, and only in a
    sentence that continues the gathering and gives no time of its own (not the one naming
    it: "Putin had expressed his support, following which there have been meetings ... in
    July 2015")."""
    out = list(events)
    for k, event in enumerate(events):
        if event.time is not None or event.kind not in SAID_KINDS or event.status is not None:
            continue
        here = [e for e in events if e.kind in GATHERINGS and e.time is not None and e.time.value
                and event.sentence.index in {s.index for s in e.also}
                and not (event.sentence.span.start <= e.time.span.start < event.sentence.span.end)]
        if len(here) == 1:
            out[k] = replace(event, time=TimeValue(here[0].time.span, here[0].time.value))
    return out
