"""Plain data records that the extraction steps produce and the RDF builder consumes.

Offsets are Python string indices (Unicode code points) into the article text, end
exclusive, so ``text[span.start:span.end] == span.text`` always holds.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    index: int
    span: Span


@dataclass(frozen=True)
class Mention:
    """A name in the text linked to an entity (registry id or a new entity key)."""

    span: Span
    entity: str  # registry id, or "new:<Name>" for an entity the registry does not know
    sentence: int  # index of the sentence it sits in
    linked_by: str  # "registry" or "ner"
    ner_label: str | None = None


@dataclass(frozen=True)
class TimeValue:
    """A time expression with the precision the text gives.

    ``value`` is ISO text: ``YYYY-MM-DD`` (xsd:date), ``YYYY-MM`` (xsd:gYearMonth) or
    ``YYYY`` (xsd:gYear); ``None`` when the text leaves the time partial ("in August").
    Ranges fill ``start`` and ``end`` instead of ``value``.
    """

    span: Span
    value: str | None = None
    start: str | None = None
    end: str | None = None

    @property
    def is_partial(self) -> bool:
        return self.value is None and self.start is None and self.end is None


@dataclass(frozen=True)
class Event:
    kind: str  # ontology class local name, e.g. "MilitaryExercise"
    sentence: Sentence
    trigger: Span
    participants: tuple[str, ...]
    places: tuple[str, ...] = ()
    time: TimeValue | None = None
    status: str | None = None  # None (happened), "scheduled", "planned", "postponed" or "cancelled"
    also: tuple[Sentence, ...] = ()  # later sentences that mention the same event again
    definite: bool = False  # named by a definite noun phrase ("the visit", "Putin's visit")
    name: Span | None = None  # a proper name the text gives the event ("Friendship 2018")
    confidence: float | None = None  # 0-1, from the learned event model
    participant_confidence: tuple[float, ...] = ()  # 0-1 for each participant, in order
    roles: tuple[str, ...] = ()  # agent, partner, host, target or participant, for each participant
    # which rule attached each participant, as (participant, rule) pairs: a candidate's source
    # ("scope", "titled", "joiner", ...) or a later step ("attendee", "side-meeting", ...);
    # kg train prints each rule's link precision from it (kg.extract.train_strict); not published
    provenance: tuple[tuple[str, str], ...] = ()


def trigger_token(doc, event: Event):
    """The token at the root of ``event``'s trigger in ``doc``, or None."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None else None


def with_participants(event: Event, participants, roles: dict[str, str] | None = None,
                      role: str = "participant") -> Event:
    """``event`` with ``participants`` (in this order): each one it had keeps its confidence
    and role; a new one gets the event's weakest participant confidence and its role from
    ``roles``, else ``role``."""
    old = {p: i for i, p in enumerate(event.participants)}
    extra = {}
    if event.participant_confidence:
        low = min(event.participant_confidence)
        extra["participant_confidence"] = tuple(
            event.participant_confidence[old[p]] if p in old else low for p in participants)
    if event.roles:
        extra["roles"] = tuple(event.roles[old[p]] if p in old else (roles or {}).get(p, role) for p in participants)
    return replace(event, participants=tuple(participants), **extra)


def attached_by(event: Event, rule: str) -> Event:
    """``event`` with ``rule`` recorded as the provenance of each participant that has none
    (one a step just added)."""
    known = dict(event.provenance)
    missing = [p for p in event.participants if p not in known]
    if not missing:
        return event
    return replace(event, provenance=event.provenance + tuple((p, rule) for p in missing))


def provenance_of(event: Event) -> tuple[str, ...]:
    """The rule that attached each of ``event``'s participants, in their order."""
    known = dict(event.provenance)
    return tuple(known.get(p, "unknown") for p in event.participants)


def latest_named(events: list[Event], kinds, index: int) -> int | None:
    """The position in ``events`` of the event of one of ``kinds`` named last (first mention
    or a later one) at or before sentence ``index`` ("the meeting" there is that one); None
    when two are named last in the same sentence."""
    best, best_at, tie = None, -1, False
    for j, e in enumerate(events):
        if e.kind not in kinds:
            continue
        at = max([s for s in (e.sentence.index, *(a.index for a in e.also)) if s <= index], default=-1)
        if at > best_at:
            best, best_at, tie = j, at, False
        elif at == best_at and at >= 0:
            tie = True
    return None if tie else best


@dataclass(frozen=True)
class Membership:
    member: str
    organisation: str
    status: str  # "FullMember" or "Observer"
    sentence: Sentence
    since: str | None = None  # gYear text


@dataclass(frozen=True)
class ProjectInterest:
    party: str
    project: str
    sentence: Sentence
    kind: str = "interest"  # interest, participation, investment, construction, ...


@dataclass(frozen=True)
class Cooperation:
    partners: tuple[str, ...]
    areas: tuple[str, ...]  # registry ids of CooperationArea concepts
    area_text: tuple[str, ...]  # the words naming each area
    sentence: Sentence


@dataclass(frozen=True)
class Quantity:
    span: Span
    value: Decimal
    currency: str  # ISO 4217
    sentence: Sentence
    year: str | None = None
    lower_bound: bool = False  # "over", "more than"
    measure: str | None = None  # "TradeVolume", "Aid", "Investment"
    parties: tuple[str, ...] = ()


@dataclass(frozen=True)
class Claim:
    """A statement: the writer's own (``speaker`` None) or one attributed to a speaker."""

    kind: str  # Assessment, Prediction, Recommendation, Commitment, Denial or ReportOfFact
    sentence: Sentence
    cue: str
    about: tuple[str, ...] = ()
    speaker: str | None = None  # entity key of who said it; None: the writer
    content: Span | None = None  # the words of the statement itself (None: the sentence)
    quote: str = "none"  # direct, indirect, mixed, or none (the writer's own)
    stance: str | None = None  # positive, negative or neutral toward what it is about
    date: str | None = None  # ISO date of the statement when the text gives it
    also: tuple[Sentence, ...] = ()  # further sentences of a quotation running over several
    confidence: float | None = None  # 0-1: the claim finder's measured precision


@dataclass(frozen=True)
class Author:
    """What the closing "The writer is ..." sentence says about the writer."""

    sentence: Sentence
    roles: tuple[str, ...] = ()
    affiliation: str | None = None  # entity key (registry id or "new:<Name>")
    affiliation_text: str | None = None
    email: str | None = None


@dataclass
class Extraction:
    """Everything extracted from one article."""

    doc_id: str
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    new_entities: dict[str, str] = field(default_factory=dict)  # "new:<Name>" -> class name
    events: list[Event] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    interests: list[ProjectInterest] = field(default_factory=list)
    cooperations: list[Cooperation] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    author: Author | None = None
    latest_date: str | None = None  # latest date the text mentions (ISO, any precision)
    unlinked: list[Span] = field(default_factory=list)  # names it could not link
    date: str | None = None  # the article's date (sidecar), which relative times resolve against
