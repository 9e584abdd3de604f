"""Strict and lenient scoring of events, and what went wrong with each wrong one.

Lenient: a predicted event is right when its sentence is the gold event's sentence (or one
of its ``also`` sentences) and its kind matches (itself, or a kind above or below it).
Strict: moreover the participant set is the gold set, the time is the gold time at the same
precision (none when the gold has none) and the status is the gold status.

Every predicted event that is not strictly right is put down to the kinds of error it
shows (one event may show several); a gold event that no prediction finds leniently is a
missed event.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kg.eval.gold import find_once, norm_entity
from kg.eval.scores import Score, kinds_match
from kg.extract.sentences import sentence_at

ERROR_KINDS = ("non-event", "wrong kind", "missing participant", "extra participant", "wrong time",
               "wrong status", "duplicate", "missed event")


@dataclass(frozen=True)
class EventUnit:
    """One event reduced to what the scorer compares."""

    kind: str
    sentences: frozenset[int]  # the first sentence and the ``also`` ones
    sentence: int  # the first sentence
    participants: frozenset[str]
    time: tuple[str | None, str | None, str | None]  # (date, start, end) as ISO text
    time_text: str | None
    status: str | None
    label: str = ""  # a readable reminder (the trigger or the sentence's start)


@dataclass
class EventScores:
    strict: Score = field(default_factory=lambda: Score("events strict"))
    lenient: Score = field(default_factory=lambda: Score("events lenient"))
    errors: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ERROR_KINDS, 0))
    # (error kinds, prediction, its lenient gold partner or None) for every wrong prediction
    wrong: list[tuple[str, EventUnit, EventUnit | None]] = field(default_factory=list)
    missed: list[EventUnit] = field(default_factory=list)  # gold events no prediction found

    def add(self, other: "EventScores") -> None:
        self.strict.add(other.strict)
        self.lenient.add(other.lenient)
        for k, n in other.errors.items():
            self.errors[k] = self.errors.get(k, 0) + n
        self.wrong.extend(other.wrong)
        self.missed.extend(other.missed)


def _iso(value) -> str | None:
    return None if value is None else str(value)


def sentence_index(ex) -> Callable[[int], int]:
    """A function from a character offset of ``ex``'s text to the index of its sentence
    there (-1 outside every sentence): how gold snippets find their sentences."""
    def index(pos: int) -> int:
        s = sentence_at(ex.sentences, pos)
        return s.index if s else -1
    return index


def gold_units(gold: dict, sentence_of, path: str, text: str) -> list[EventUnit]:
    """Gold events as units; ``sentence_of(offset)`` gives a sentence index."""
    out = []
    for e in gold.get("events") or []:
        first = sentence_of(find_once(text, e["sentence"], path))
        sents = {first} | {sentence_of(find_once(text, a, path)) for a in e.get("also") or []}
        out.append(EventUnit(
            e["type"], frozenset(sents), first, frozenset(norm_entity(p) for p in e["participants"]),
            (_iso(e.get("date")), _iso(e.get("start")), _iso(e.get("end"))),
            e.get("time_text"), e.get("status"), e["sentence"][:60]))
    return out


def predicted_units(events) -> list[EventUnit]:
    """Extracted ``kg.extract.model.Event`` records as units."""
    out = []
    for e in events:
        t = e.time
        time = (t.value, t.start, t.end) if t is not None else (None, None, None)
        sents = {e.sentence.index} | {s.index for s in e.also}
        out.append(EventUnit(e.kind, frozenset(sents), e.sentence.index,
                             frozenset(norm_entity(p) for p in e.participants), time,
                             t.span.text if t is not None else None, e.status, e.trigger.text))
    return out


_LEAD = re.compile(r"^(?:in|on|at|since|from|during|by|until|till|before|after|around|of)\s+", re.I)


def _norm_time_text(s: str) -> str:
    return _LEAD.sub("", re.sub(r"\s+", " ", s.strip().lower()))


def time_matches(g: EventUnit, p: EventUnit) -> bool:
    if g.time != (None, None, None):
        return g.time == p.time
    if g.time_text:  # no resolvable value: the same words (a leading preposition aside)
        if p.time_text is None or p.time != (None, None, None):
            return False
        a, b = _norm_time_text(g.time_text), _norm_time_text(p.time_text)
        return a == b or a in b or b in a
    return p.time_text is None


def lenient_match(g: EventUnit, p: EventUnit) -> bool:
    return p.sentence in g.sentences and kinds_match(g.kind, p.kind)


def strict_match(g: EventUnit, p: EventUnit) -> bool:
    return (lenient_match(g, p) and g.participants == p.participants and time_matches(g, p)
            and g.status == p.status)


def _pair(gold: list[EventUnit], pred: list[EventUnit], same, taken_g: set, taken_p: set) -> dict[int, int]:
    pairs: dict[int, int] = {}
    for j, p in enumerate(pred):
        if j in taken_p:
            continue
        for i, g in enumerate(gold):
            if i not in taken_g and same(g, p):
                pairs[j] = i
                taken_g.add(i)
                taken_p.add(j)
                break
    return pairs


def strictly_right(gold: list[EventUnit], pred: list[EventUnit]) -> set[int]:
    """The positions in ``pred`` of the events the strict score counts right (each paired with
    one gold event at most, as :func:`score_events` pairs them)."""
    return set(_pair(gold, pred, strict_match, set(), set()))


def score_events(gold: list[EventUnit], pred: list[EventUnit]) -> EventScores:
    """Strict and lenient scores and the error counts of one article."""
    out = EventScores()
    taken_g: set[int] = set()
    taken_p: set[int] = set()
    strict = _pair(gold, pred, strict_match, taken_g, taken_p)
    # the closest lenient partner first: same participants, then same time
    lenient = dict(strict)
    for same in (lambda g, p: lenient_match(g, p) and g.participants == p.participants,
                 lambda g, p: lenient_match(g, p) and time_matches(g, p), lenient_match):
        lenient.update(_pair(gold, pred, same, taken_g, taken_p))
    out.strict = Score("events strict", len(gold), len(pred), len(strict))
    right_lenient = sum(1 for p in pred if any(lenient_match(g, p) for g in gold))
    out.lenient = Score("events lenient", len(gold), len(pred), right_lenient, found=len(lenient))
    for j, p in enumerate(pred):
        if j in strict:
            continue
        kinds: list[str] = []
        partner = gold[lenient[j]] if j in lenient else None
        if j in lenient:
            g = gold[lenient[j]]
            if g.participants - p.participants:
                kinds.append("missing participant")
            if p.participants - g.participants:
                kinds.append("extra participant")
            if not time_matches(g, p):
                kinds.append("wrong time")
            if g.status != p.status:
                kinds.append("wrong status")
        elif any(lenient_match(g, p) for g in gold):
            kinds.append("duplicate")
        elif any(p.sentence in g.sentences for g in gold):
            kinds.append("wrong kind")
        else:
            kinds.append("non-event")
        for k in kinds:
            out.errors[k] += 1
        out.wrong.append((", ".join(kinds), p, partner))
    found = set(lenient.values())
    out.missed = [g for i, g in enumerate(gold) if i not in found]
    out.errors["missed event"] = len(gold) - len(lenient)
    return out
