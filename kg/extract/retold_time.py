"""A time from a later mention that certainly retells the event.

"Pakistan and Russia signed an agreement on the pipeline in 2015. ... a protocol on
amendments to the intergovernmental agreement of 16 October 2015": the event named first
has no time, or a coarser one, and a later definite noun of its kind ("the agreement", "the
two-week exercise (21 October - 4 November)") carries a time in its own words.  That time is
the event's when nothing else could be meant:

- no other event of its kind (published or not) is told between the two, and no other
  event of its kind has that time, or a time it may share;
- the noun says "the", "this" or a possessive, and nothing marks it as another event ("the
  next meeting", "the 9th session", "last year's summit", "recalling their meeting");
- the states, people and places its own phrase names are the event's (not "the agreement
  with India", "the meeting in Kazan" for a meeting held elsewhere);
- its time is the only time of its own words, not a "since" time, and it fits the event's:
  the event had none, or a coarser one that the new time lies within (same year or month).

An event still without a time looks one sentence back, before its first mention.  The one
event told there, of its kind, with sides within its own, neither counted nor marked as
another and not held elsewhere, is a first telling the models may not publish, when the
later one is told by a noun or an infinitive ("X arrived here late on Wednesday night on a
three-day official visit. X is the first premier of Russia to visit Pakistan"), not by a
finite verb ("they held talks in Islamabad": an occasion of its own).  With no event told
there, a mention of its kind that no event took, naming no one the event lacks, dates it
by its own clause.
"""
from __future__ import annotations

from dataclasses import replace

from kg.extract.coref import finer_time, marked_distinct, statuses_agree, times_compatible
from kg.extract.model import Event, TimeValue, trigger_token
from kg.extract.scope import scope
from kg.extract.timing import event_time
from kg.extract.triggers import lexicon_kind, trigger_kind

DEFINITE = {"the", "this", "that"}
COUNT_WORDS = {"first", "maiden", "inaugural", "last", "previous", "earlier", "latest"}
POSSESSIVE = {"his", "her", "their", "its"}
# words of a noun's phrase that belong to another clause: "the agreement, which was signed in 1948"
OTHER_CLAUSE = {"relcl", "advcl", "ccomp", "conj", "appos"}


def retold_times(ctx, events: list[Event]) -> list[Event]:
    """``events`` with the time of a later definite mention that can only name them."""
    out = list(events)
    triggers = {e.trigger.start for e in events}
    for k, event in enumerate(events):
        if _precise(event.time):
            continue
        others = [e for e in events if e is not event and e.kind == event.kind]
        last = _last(event)
        for sentence in ctx.sentences[last + 1:]:
            if any(last < _first_after(e, last) < sentence.index for e in others):
                break  # another event of the kind told between: the noun may name it
            time = _retelling_time(ctx, sentence, event, triggers)
            if time is None:
                continue
            if any(e.time is not None and (e.time.span.start == time.span.start or times_compatible(e.time, time))
                   for e in others):
                break  # the time another event of the kind has, or may have
            also = event.also if sentence in event.also else event.also + (sentence,)
            out[k] = replace(event, time=time, also=also)
            break
        if out[k].time is None and event.sentence.index > 0:
            time = _told_before(ctx, event, events, triggers)
            if time is not None:
                out[k] = replace(event, time=time)
    return out


def _weaker_telling(event: Event, there: list[Event], events: list[Event], doc=None) -> TimeValue | None:
    """The time of the one event told in the sentence before, when it is of the kind and its
    sides are the event's (a first telling the models may not publish), and neither is
    counted or marked as another ("Its first edition was held in 2016. The second edition
    ...": two)."""
    if len(there) != 1 or there[0].kind != event.kind or there[0].time is None:
        return None
    before = there[0]
    if doc is not None and any(_counted(trigger_token(doc, e)) for e in (before, event)):
        return None
    if doc is not None and _told_as_done(trigger_token(doc, event)):
        return None  # "In 2019 they held talks in Moscow. They held talks in Islamabad": two occasions
    if before.places and event.places and not set(before.places) & set(event.places):
        return None  # held somewhere else: another occasion
    if not set(before.participants) <= set(event.participants) or not statuses_agree(before.status, event.status):
        return None
    if any(e.time is not None and times_compatible(e.time, before.time) for e in events
           if e.kind == event.kind and e is not before):
        return None
    return before.time


def _told_as_done(token) -> bool:
    """A finite verb tells an occasion of its own ("they held talks"), unlike a noun or an
    infinitive that says more of one told before ("the first premier to visit Pakistan")."""
    return token is not None and token.pos_ in {"VERB", "AUX"} and token.tag_ in {"VBD", "VBZ", "VBP"}


def _counted(token) -> bool:
    """A trigger marked as another event or counted in a series ("second", "first", "5th")."""
    return token is None or marked_distinct(token) or any(
        c.dep_ in {"amod", "nummod"} and c.lower_ in COUNT_WORDS for c in token.children)


def _told_before(ctx, event: Event, events: list[Event], triggers: set[int]) -> TimeValue | None:
    """The time of a mention of the event's kind in the sentence just before its first one,
    which no event took ("Fradkov arrived here late on Wednesday night on a three-day
    official visit. Mr. Fradkov is the first Prime Minister ... to visit Pakistan"): when no
    event at all is told in that sentence, the mention names no one the event lacks, and no
    other event of the kind has that time."""
    index = event.sentence.index - 1
    there = [e for e in events if index in {e.sentence.index, *(s.index for s in e.also)}]
    if there:
        return _weaker_telling(event, there, events, ctx.doc)
    sentence = ctx.sentences[index]
    span = ctx.doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
    if span is None:
        return None
    found = []
    for token in span:
        kind = trigger_kind(token) if token.pos_ == "VERB" else lexicon_kind(token) if token.pos_ == "NOUN" else None
        if kind != event.kind or token.idx in triggers or marked_distinct(token) or ctx.in_author_bio(token):
            continue
        named = {m.entity for m in ctx.mentions_in(list(token.subtree))
                 if ctx.core_type(m.entity) in {"State", "Person"} or ctx.is_place(m.entity)}
        if named - set(event.participants) - set(event.places):
            return None
        inside = [t for t in scope(token) if sentence.span.start <= t.idx < sentence.span.end]
        time = event_time(ctx, token, sentence, inside)
        if time is not None and not time.span.text.lower().startswith("since"):
            found.append(time)
    if len({t.span.start for t in found}) != 1:
        return None
    if any(e.time is not None and times_compatible(e.time, found[0]) for e in events if e.kind == event.kind):
        return None
    return found[0]


def _last(event: Event) -> int:
    return max([event.sentence.index, *(s.index for s in event.also)])


def _first_after(event: Event, index: int) -> int:
    """The first sentence after ``index`` that tells ``event`` (-1 when none)."""
    return min((i for i in (event.sentence.index, *(s.index for s in event.also)) if i > index), default=-1)


def _precise(time: TimeValue | None) -> bool:
    """A day, or a range of days: nothing a later mention could make finer."""
    if time is None or time.is_partial:
        return False
    if time.value is not None:
        return len(time.value) == 10
    return True


def _retelling_time(ctx, sentence, event: Event, triggers: set[int]) -> TimeValue | None:
    span = ctx.doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
    if span is None:
        return None
    for token in span:
        if token.pos_ not in {"NOUN", "PROPN"} or token.idx in triggers or lexicon_kind(token) != event.kind:
            continue
        if token.tag_ in {"NNS", "NNPS"} and token.lower_ not in {"talks", "consultations", "negotiations"}:
            continue  # "the agreements": several, not the one
        if not _definite(token) or marked_distinct(token) or ctx.in_author_bio(token):
            continue
        words = _own_words(token)
        named = {m.entity for m in ctx.mentions_in(words)
                 if ctx.core_type(m.entity) in {"State", "Person"} or ctx.is_place(m.entity)}
        if named - set(event.participants) - set(event.places):
            continue
        first, end = min(t.idx for t in words), max(t.idx + len(t) for t in words)
        times = ctx.times_in(first, end)
        if len(times) != 1 or times[0].span.text.lower().startswith("since"):
            continue
        time = times[0]
        if time.is_partial and event.time is not None:
            continue
        if event.time is None or (times_compatible(event.time, time) and finer_time(event.time, time) is time):
            return time
    return None


def _definite(token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEFINITE or c.dep_ == "poss" and c.lower_ in POSSESSIVE
               for c in token.children)


def _own_words(token) -> list:
    """The trigger noun's phrase without the clauses hung on it."""
    out = [token]
    for c in token.children:
        if c.dep_ not in OTHER_CLAUSE:
            out.extend(c.subtree)
    return out
