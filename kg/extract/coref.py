"""Event coreference within an article: a later mention that speaks of an event named before.

"Sharif met Putin in Astana. ... The meeting lasted an hour." names one meeting twice.  A
later mention refers back to the nearest earlier event of its kind when it is a definite
noun phrase ("the meeting", "his visit") or names a subset of its participants, and when
their times and statuses do not conflict.  A mention marked as another event ("the next
visit", "a second exercise", "the last meeting") refers to none.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import replace

from kg.extract.model import Event, TimeValue

# "another visit", "the next round", "the last meeting": a different event of the kind
DISTINCT_MARKERS = {"another", "next", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                    "ninth", "tenth", "previous", "last", "earlier", "past", "other", "separate", "subsequent",
                    "new", "further", "more", "tomorrow", "yesterday", "again"}
# several agreements or memoranda are often signed at once: an indefinite mention with
# the same parties is more often a new one than the same one
MANY_AT_ONCE = {"Agreement", "MemorandumOfUnderstanding", "Offer", "StatementOfSupport"}
# "the meeting in Astana" after "the SCO summit in Astana": the summit's meeting
HELD_AT = {"Meeting": "Summit"}
NEAR = 2  # sentences within which "the meeting" refers back whoever else its sentence names


SERIES_NOUNS = {"edition", "round", "iteration", "instalment", "installment"}
ORDINALS = {"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}


# verbs that bring an earlier event to mind: what they take is not the event being reported
RECALL_VERBS = {"recall", "remember", "recollect", "reminisce", "revisit"}


def marked_distinct(token, ordinals: bool = True) -> bool:
    """Whether a trigger says it is another event than the ones named before (a marker
    among the words before it in its noun phrase: "the upcoming SCO Heads of Government
    meeting").  ``ordinals`` false leaves out "the third ... consultations", which counts a
    series and may well name the consultations just spoken of."""
    markers = DISTINCT_MARKERS if ordinals else DISTINCT_MARKERS - ORDINALS
    before = [t for t in token.subtree if t.i < token.i] + list(token.children)
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in SERIES_NOUNS:
        before += list(token.head.head.children)  # "the eighth edition of their joint exercise"
    if token.dep_ == "dobj" and token.head.lemma_.lower() in RECALL_VERBS:
        return True  # "recalling their meeting in Samarkand": an earlier event brought to mind
    return any((t.lower_ in markers or ordinals and _numbered(t.lower_))
               and t.dep_ in {"amod", "det", "advmod", "nummod", "poss"} for t in before)


ORDINAL_RE = re.compile(r"^(\d+)(?:st|nd|rd|th)$")  # "5th", "1st": an ordinal in figures


def _numbered(word: str) -> bool:
    """"9th", "2nd": an ordinal in figures past the first, as "ninth" is in words."""
    m = ORDINAL_RE.match(word)
    return m is not None and int(m.group(1)) > 1


def times_compatible(a: TimeValue | None, b: TimeValue | None) -> bool:
    """No time, the same time, or one within the other ("October 2021" and "19 October 2021")."""
    if a is None or b is None:
        return True
    if a.is_partial and b.is_partial:
        return a.span.text == b.span.text
    if a.is_partial or b.is_partial:
        partial, full = (a, b) if a.is_partial else (b, a)
        return _partial_fits(partial.span.text, full)
    return _within(a, b) or _within(b, a)


_MONTH_NAMES = {name.lower(): n for n, name in enumerate(calendar.month_name) if name} | {
    name.lower(): n for n, name in enumerate(calendar.month_abbr) if name}
_DECADE_RE = re.compile(r"\b(1[5-9]|20)(\d)0s\b")


def _partial_fits(text: str, full: TimeValue) -> bool:
    """Whether a time the text leaves without a value ("last year" with no article date,
    "on Friday", "in August", "the 1990s") may be the same as ``full``: nothing it names
    (a month, a decade) contradicts it, and it names no other number."""
    years = [v for v in (full.value, full.start, full.end) if v]
    decade = _DECADE_RE.search(text)
    if decade:
        return all(v.startswith(decade.group(1) + decade.group(2)) for v in years)
    if any(ch.isdigit() for ch in text):
        return False  # "the 19th century", "on the 5th": not a time to judge by its words
    months = {_MONTH_NAMES[w] for w in re.findall(r"[a-z]+", text.lower()) if w in _MONTH_NAMES}
    if months:  # "in August" and "2022-02": two months
        full_months = {int(v[5:7]) for v in years if len(v) >= 7}
        return not full_months or full_months <= months
    return True


def _within(inner: TimeValue, outer: TimeValue) -> bool:
    """Whether ``inner`` lies inside ``outer`` at ``outer``'s precision."""
    if outer.value is not None:
        values = [v for v in (inner.value, inner.start, inner.end) if v is not None]
        return bool(values) and all(v.startswith(outer.value) for v in values)
    if inner.value is None:
        return (inner.start, inner.end) == (outer.start, outer.end)
    start, end = outer.start or "", outer.end or "9999"
    return start[:len(inner.value)] <= inner.value <= end[:len(inner.value)] and bool(outer.start or outer.end)


def finer_time(a: TimeValue | None, b: TimeValue | None) -> TimeValue | None:
    """The more precise of two compatible times (the first when they are as precise).  A
    "since" time ("has been meeting since 2003") says how long a state has lasted, not when
    one event took place: it never replaces a time a mention gave."""
    if a is None or b is None:
        return a or b
    if _since(b) and not _since(a):
        return a
    if _since(a) and not _since(b):
        return b
    if a.is_partial and not b.is_partial:
        return b
    if a.value is not None and b.value is not None and len(b.value) > len(a.value):
        return b
    if a.value is not None and b.value is None and not b.is_partial:
        return b  # a range is finer than the year or month it lies in
    return a


def _since(t: TimeValue) -> bool:
    return t.span.text.lower().startswith("since")


def antecedent(events: list[Event], event: Event, distinct: bool, own: set[str], is_state,
               is_counterpart) -> int | None:
    """The index of the earlier event that ``event`` (in a later sentence) refers back to.

    ``own`` holds the agents named in the mention's own noun phrase ("the meeting of the
    working group"), ``is_state(entity)`` tells states and ``is_counterpart(entity)`` states
    and people.  The nearest earlier event of the
    kind whose time, status and participants fit is the antecedent.
    """
    if distinct:
        return None
    kinds = {event.kind, HELD_AT.get(event.kind)}
    earlier = sorted((i for i, e in enumerate(events) if e.kind in kinds
                      and e.sentence.index < event.sentence.index),
                     key=lambda j: (events[j].kind == event.kind, events[j].sentence.index,
                                    events[j].trigger.start), reverse=True)  # its own kind first
    if not event.participants:
        earlier = earlier[:1]  # a mention naming nobody: only the latest event of its kind
    for i in earlier:
        if _refers_to(events[i], event, own, is_state, is_counterpart):
            return i
    return None


def same_day_overlap(a: Event, b: Event) -> bool:
    """Two events of one kind in different sentences dated to the same day, most of whose
    participants are shared ("a meeting of Russia, China and Pakistan took place on
    October 19" after "the Extended Troika with Russia, China and Pakistan met on
    October 19"): one event, whatever else each names."""
    if a.sentence.index == b.sentence.index or a.time is None or b.time is None:
        return False
    day = a.time.value
    if day is None or len(day) != 10 or b.time.value != day:
        return False
    shared = set(a.participants) & set(b.participants)
    return len(shared) >= 2 and 2 * len(shared) > min(len(a.participants), len(b.participants))


INTENDED = {"planned", "scheduled"}


def statuses_agree(a: str | None, b: str | None) -> bool:
    """The same status, or planned and scheduled (a planned event whose date is then given)."""
    return a == b or {a, b} <= INTENDED


def merged_status(a: str | None, b: str | None) -> str | None:
    if {a, b} == INTENDED:
        return "scheduled"
    return a or b


def subsumes(a: Event, b: Event) -> bool:
    """One event's participants contain the other's."""
    pa, pb = set(a.participants), set(b.participants)
    return pa <= pb or pb <= pa


def _refers_to(a: Event, b: Event, own: set[str], is_state, is_counterpart) -> bool:
    if not times_compatible(a.time, b.time):
        return False
    if a.kind != b.kind:  # "the meeting" after a summit: within it, naming no one else
        return b.definite and set(b.participants) <= set(a.participants)
    if not statuses_agree(a.status, b.status) and (b.status is not None or b.time is not None):
        return False  # "the meeting in October 2021" is not the planned one
    pa, pb = set(a.participants), set(b.participants)
    if b.time is not None and a.time is None and not ((b.definite and subsumes(a, b)) or (len(pb) >= 2 and pa == pb)):
        return False  # a time the first mention lacks: only "the ..." with the same parties
    if len(pb) >= 2 and pb <= pa and b.kind not in MANY_AT_ONCE:
        return True
    if not b.definite:
        return False
    if own and not own & pa:
        return False  # "the first meeting of the working group": another body's meeting
    if any(p not in pa and is_counterpart(p) and not _surname_of(p, pa) for p in own):
        return False  # "her meeting with the deputy minister": a person or state the first lacks
    near = b.sentence.index - a.sentence.index <= NEAR
    return near or all(p in pa for p in pb if is_state(p))  # far off: no state the first lacks


def _surname_of(entity: str, participants: set[str]) -> bool:
    """"the Sharif-Putin meeting" after "Nawaz Sharif met Putin": a new one-word name that
    ends the name of a participant."""
    if not entity.startswith("new:") or " " in entity[4:].strip():
        return False
    last = entity[4:].strip().lower()
    return any(p.rsplit("-", 1)[-1] == last or p.lower().endswith(" " + last) for p in participants)


SUBJECT_ANAPHORS = {"this", "it", "that"}
THIS_REACH = 4  # sentences back within which "this was the third drill" finds its drill


def said_of_an_earlier(token) -> bool:
    """"This will be the third joint drill between both countries", "It was the first visit
    of ...", "The visit is a planned visit": the trigger is said of an event (the subject
    "this" or "it", or a noun), so it names that event again, whatever its ordinal says."""
    head = token.head
    return token.dep_ == "attr" and head.lemma_.lower() == "be" and any(
        c.dep_ == "nsubj" and (c.lower_ in SUBJECT_ANAPHORS or c.pos_ == "NOUN") for c in head.children)


def subject_event(events: list[Event], token, kind: str, kind_of) -> int | None:
    """The index of the event the subject of "<subject> is <trigger>" names, when the subject
    is a trigger noun of the same kind (``kind_of(token)`` gives a token's trigger kind)."""
    subjects = [c for c in token.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    if not subjects or kind_of(subjects[0]) != kind:
        return None
    start = subjects[0].idx
    for i, e in enumerate(events):
        if e.trigger.start == start:
            return i
    # the subject was a mention merged into an event named before
    sentence_start = token.sent.start_char
    found = [i for i, e in enumerate(events) if e.kind == kind
             and any(s.span.start == sentence_start for s in (e.sentence, *e.also))]
    return found[-1] if found else None


def latest_of_kind(events: list[Event], kind: str, sentence_index: int) -> int | None:
    """The index of the latest event of ``kind`` mentioned at most THIS_REACH sentences before."""
    best, best_at = None, -1
    for i, e in enumerate(events):
        last = max([e.sentence.index, *(s.index for s in e.also if s.index < sentence_index)])
        if e.kind == kind and e.participants and 0 < sentence_index - last <= THIS_REACH and last > best_at:
            best, best_at = i, last
    return best


def merge_events(a: Event, b: Event, participants: bool = True) -> Event:
    """``a`` with the mention ``b`` of it; ``participants`` false keeps ``a``'s participants."""
    conf = dict(zip(a.participants, a.participant_confidence or (None,) * len(a.participants)))
    roles = dict(zip(a.participants, a.roles or ("participant",) * len(a.participants)))
    for p, c, r in zip(b.participants, b.participant_confidence or (None,) * len(b.participants),
                       b.roles or ("participant",) * len(b.participants)):
        if p not in conf and not participants:
            continue
        if p not in conf:
            conf[p], roles[p] = c, r
        elif c is not None and (conf[p] is None or c > conf[p]):
            conf[p] = c
    parts = list(conf)
    places = list(a.places) + [p for p in b.places if p not in a.places]
    also = a.also
    for s in (b.sentence, *b.also):  # a mention, or an event with mentions of its own
        if s.index != a.sentence.index and s not in also:
            also = also + (s,)
    confidence = max((x for x in (a.confidence, b.confidence) if x is not None), default=None)
    extra = {}
    if a.participant_confidence or b.participant_confidence:
        extra = {"participant_confidence": tuple(conf[p] if conf[p] is not None else 0.0 for p in parts),
                 "roles": tuple(roles[p] for p in parts)}
    known = dict(a.provenance)
    provenance = a.provenance + tuple((p, r) for p, r in b.provenance if p in parts and p not in known)
    return replace(a, participants=tuple(parts), places=tuple(places), time=finer_time(a.time, b.time),
                   status=merged_status(a.status, b.status), also=also, confidence=confidence,
                   provenance=provenance, **extra)


# "today's meeting" after the meeting held today: a day word is no other event when the
# one earlier event of the kind is dated to that day
DAY_MARKERS = {"today", "tomorrow", "yesterday", "tonight"}
BARE_POSSESSIVES = {"his", "her", "their", "its", "today", "tomorrow", "yesterday", "tonight"}
ENDED = {"postponed", "cancelled"}


def _bare_definite(token) -> bool:
    """"the meeting", "this visit", "his trip", "today's meeting": a definite noun whose
    determiner names nobody (not "Russia's exercise", which the participants decide)."""
    if token.pos_ != "NOUN":
        return False
    for c in token.children:
        if c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"}:
            return True
        if c.dep_ == "poss" and c.lower_ in BARE_POSSESSIVES:
            return True
    return False


def sole_antecedent(events: list[Event], event: Event, token, own: set[str], named=()) -> int | None:
    """The index of the one earlier event of ``event``'s kind, when ``event`` is a later
    bare definite mention of that kind ("the meeting", "the talks", "the visit") that names
    no agent the earlier event lacks and whose time fits; None when the article named no
    such event before or more than one (the brief of issue 11: merge only when there is
    exactly one).  A day word ("tomorrow's meeting") leaves only an event of that day.
    ``named`` holds the states, people and places the mention's own phrase names ("the visit
    to Pakistan"): one the earlier event lacks makes it another event."""
    if not _bare_definite(token):
        return None
    day_only = marked_distinct(token) and not any(
        t.lower_ in DISTINCT_MARKERS - DAY_MARKERS and t.dep_ in {"amod", "det", "advmod", "nummod", "poss"}
        for t in [*token.children, *(t for t in token.subtree if t.i < token.i)])
    if marked_distinct(token) and not day_only:
        return None
    earlier = [i for i, e in enumerate(events) if e.kind == event.kind and e.sentence.index < event.sentence.index]
    if day_only:
        day = event.time.value if event.time is not None else None
        earlier = [i for i in earlier if day and events[i].time is not None and events[i].time.value == day]
    if len(earlier) != 1:
        return None
    a = events[earlier[0]]
    if not times_compatible(a.time, event.time) or (own and not own <= set(a.participants)):
        return None
    same_day = a.time is not None and event.time is not None and a.time.value is not None \
        and len(a.time.value) == 10 and a.time.value == event.time.value
    if a.status is None and event.status is not None and not same_day and not _undated_just_before(a, event):
        return None  # "the upcoming summit", "the visit was postponed" after one that took place
    if any(p not in a.participants and p not in a.places for p in named):
        return None  # "Putin visited China ... The visit to Pakistan": another visit
    return earlier[0]


UNDATED_REACH = 2  # sentences within which "the summit will take place on ..." dates the one just named


def _undated_just_before(a: Event, b: Event) -> bool:
    """"Putin has arrived in Astana to take part in a summit of the SCO. ... The SCO summit will
    take place on July 3-4": a mention with a time and status of its own, at most two sentences
    after an event named with neither, tells when that event is, not another one."""
    last = max([a.sentence.index, *(s.index for s in a.also if s.index < b.sentence.index)])
    return a.time is None and b.time is not None and b.status not in ENDED \
        and 0 < b.sentence.index - last <= UNDATED_REACH


def merge_sole(a: Event, b: Event) -> Event:
    """``a`` with the later bare mention ``b`` of it: ``a``'s participants stay (the
    mention's sentence may name others), and ``a``'s status, unless the mention says the
    event was postponed or cancelled."""
    status = b.status if b.status in ENDED else a.status
    return replace(merge_events(a, b, participants=False), status=status)
