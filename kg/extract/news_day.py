"""The news day of a report: "Pakistan and Russia on Wednesday agreed to ...", the lede's
own day, dates a meeting the report goes on to tell without a time ("The understanding was
reached during a meeting between ...").

A news report opens with what happened and when; the meeting it later names with no time
of its own is, as a rule, the one the lede reports (the guide takes such a meeting's time
from the lede, a sentence about the same event).  Only a day counts (a weekday, "today",
"yesterday", a date), only when it is the lede's one time (the dateline aside), and only
for a Meeting told as done (not as an earlier one: "recent talks", "follows talks held
in ..."): a visit or an agreement named later is as often an earlier
one, and measured worse.  Nor when the lede reports a visit: the meeting is then one item of the
visit's programme, which the guide leaves without the visit's time.

Two more ways a later sentence carries on the lede's event.  A dateline standing alone as
the first sentence ("ISLAMABAD:") is no lede: the sentence after it is.  And a sentence
that adds what the same people also did ("The two sides also signed three memoranda",
"They also discussed trade"), with no time of its own, tells of the same occasion: its
event takes the time of the event told in the sentence before, or the lede's day when it
follows the lede (the guide dates such an act by the occasion it is part of).
"""
from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.dates import time_in
from kg.extract.model import Event, Sentence, TimeValue, trigger_token
from kg.extract.time_scope import clause_of
from kg.extract.timing import DAY_WORDS_RE, in_dateline

DATED_KINDS = {"Meeting"}
VISIT_KINDS = {"StateVisit"}
# a first "sentence" that is only the place a report is filed from: "ISLAMABAD:", "MOSCOW -"
_PLACE_ONLY_RE = re.compile(r"^[A-Z][A-Z .'’/-]*[A-Z]\s*[:,;–—-]?\s*$")
# subjects that name again the people or sides of the event before: "the two sides", "both", "they"
BACK_PRONOUNS = {"they", "we", "both"}
BACK_NUMBERS = {"two", "both"}
# words that set a meeting before the lede's news: "recent talks", "an earlier meeting",
# "the previous round"; and verbs and words whose object came before ("follows talks ...")
EARLIER_WORDS = {"recent", "earlier", "previous", "prior", "past", "last", "former"}
FOLLOWING_WORDS = {"follow", "after", "following", "since"}


def lede_of(sentences: list[Sentence]) -> Sentence | None:
    """The article's first sentence, a dateline standing alone before it aside."""
    for s in sentences[:2]:
        if not _PLACE_ONLY_RE.match(s.span.text.strip()):
            return s
    return None


def lede_day(text: str, sentences: list[Sentence], times: list[TimeValue]) -> TimeValue | None:
    """The one time of the article's first sentence when it names a day, else None."""
    first = lede_of(sentences)
    if first is None:
        return None
    found = [t for t in time_in(times, first.span.start, first.span.end) if not in_dateline(text, first, t)]
    if len(found) != 1:
        return None
    day = found[0]
    if not DAY_WORDS_RE.search(day.span.text) or (day.value is not None and len(day.value) != 10) \
            or day.start is not None:
        return None
    return day


def also_did(doc, event: Event) -> bool:
    """Whether ``event`` is told as what the same people also did: its clause's verb has
    "also" and a subject naming them again ("the two sides", "both", "they"), or is passive
    ("three memoranda were also signed")."""
    token = trigger_token(doc, event) if doc is not None else None
    if token is None:
        return False
    verb = clause_of(token)
    if verb.pos_ not in {"VERB", "AUX"} or not any(c.lower_ == "also" for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects:
        return False
    subject = subjects[0]
    if subject.dep_ == "nsubjpass":
        return True
    return subject.lower_ in BACK_PRONOUNS or any(c.lower_ in BACK_NUMBERS for c in subject.children)


# what a report is made by when it is no person: "a media report said on Friday", "the
# newspaper reported on Tuesday", "sources said on Monday"
REPORT_NOUNS = {"report", "reports", "media", "newspaper", "paper", "daily", "agency", "sources", "source",
                "statement", "channel", "television", "radio", "outlet", "outlets", "website"}


def dates_a_report(doc, time: TimeValue) -> bool:
    """Whether ``time`` stands on a verb of saying whose subject is a report, a paper or
    sources, not a person or a side ("..., a media report said on Friday")."""
    span = doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
    if span is None:
        return False
    verb = clause_of(span.root)
    if verb.lemma_.lower() not in {"say", "report", "state", "claim", "add", "quote"}:
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in REPORT_NOUNS for c in verb.children)


def told_as_earlier(doc, event: Event) -> bool:
    """Whether ``event``'s trigger is told as an earlier occasion than the news: a word of
    the past on it ("recent talks", "the previous meeting") or what the news follows ("The
    agreement follows talks held in ...", "after talks in ...")."""
    token = trigger_token(doc, event) if doc is not None else None
    if token is None:
        return False
    if any(c.dep_ in {"amod", "advmod"} and c.lower_ in EARLIER_WORDS for c in token.children):
        return True
    head = token.head.head if token.dep_ == "pobj" else token.head
    return token.dep_ in {"dobj", "pobj"} and head.i != token.i and head.lemma_.lower() in FOLLOWING_WORDS


def _time_before(events: list[Event], index: int) -> TimeValue | None:
    """The one time of the done events told (first or again) in sentence ``index``, else None."""
    found = {(e.time.value, e.time.start, e.time.end, e.time.span.text): e.time for e in events
             if index in {e.sentence.index, *(s.index for s in e.also)} and e.time is not None
             and e.status is None}
    return next(iter(found.values())) if len(found) == 1 else None


def dated_by_lede(text: str, sentences: list[Sentence], times: list[TimeValue], events: list[Event],
                  doc=None) -> list[Event]:
    """``events`` with the lede's day given to each Meeting after the lede that has no time
    and no status; with ``doc``, an event told as what the same people also did takes the
    time of the event in the sentence before (or the lede's day right after the lede)."""
    day = lede_day(text, sentences, times)
    if day is not None and doc is not None and dates_a_report(doc, day):
        day = None  # "..., a media report said on Friday": the report's day, no event's
    lede = lede_of(sentences)
    # a lede that reports a visit ("arrived in Moscow for a two-day visit on Tuesday") dates
    # the visit; a meeting told later is one item of it, another event with no time of its own
    visit = lede is not None and any(e.kind in VISIT_KINDS and e.sentence.index == lede.index for e in events)
    out = []
    for e in events:
        if e.time is None and e.status is None and lede is not None and e.sentence.index > lede.index:
            if also_did(doc, e):
                before = _time_before(events, e.sentence.index - 1)
                if before is None and e.sentence.index == lede.index + 1:
                    before = day
                if before is not None:
                    e = replace(e, time=before)
            elif day is not None and e.kind in DATED_KINDS and not visit and not told_as_earlier(doc, e):
                e = replace(e, time=day)
        out.append(e)
    return out
