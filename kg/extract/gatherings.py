"""Who takes part in a gathering, as the annotation guide settles it for two common shapes.

- **The forum is no participant.** At a session of a commission, working group, council,
  committee or consultation format ("the 8th meeting of the Intergovernmental Commission",
  "the 15th round of the Consultative Group on Strategic Stability", "the SCO Council of
  Foreign Ministers") the states and people who sit take part; the body is where they sit,
  as an agreement is what is signed.  An organisation of states (the SCO) does take part.
  A body is told by the head noun of its name.
- **Side meetings put their people at the gathering.** "Sharif met Putin on the sidelines of
  the SCO summit", "... met during the SCO summit", "... at the summit": both leaders, and the
  states they act for, attend the summit too.
"""
from __future__ import annotations

import re

from kg.extract.acronyms import ACRONYM
from kg.extract.model import Event, latest_named, trigger_token, with_participants

GATHERINGS = {"Meeting", "Summit"}
# head nouns of a body's name that make it a forum of sessions, not an agent ("the 15th round of
# the Pakistan-Russia Consultative Group", "the Council of Foreign Ministers of the SCO")
FORUM_HEADS = {"commission", "council", "committee", "group", "format", "mechanism", "troika",
               # a gathering's own name is no agent either ("the Trilateral Dialogue", "the
               # International Transport Forum", "the Coordination Transport Meeting")
               "dialogue", "forum", "meeting", "conference", "consultations", "talks", "summit"}
# "the Council of Foreign Ministers", "the Joint Working Group on Trade": the head comes before these
_TAIL = re.compile(r"\s(?:of|on|for|in|between)\s.*$")
SIDELINES = {"sideline", "sidelines", "margin", "margins"}
SIDE_KINDS = {"State", "Person"}  # who a side meeting brings to the gathering


def entity_name(ctx, eid: str) -> str:
    """The name of ``eid``: a new entity's own words, else the registry's label."""
    if eid.startswith("new:"):
        return eid[4:]
    entity = ctx.registry.entities.get(eid)
    return entity.label if entity else ""


def is_forum(ctx, eid: str) -> bool:
    """Whether ``eid`` is a body that gatherings sit in (its name's head noun says so)."""
    if ctx.core_type(eid) != "Organisation":
        return False
    words = _TAIL.sub("", entity_name(ctx, eid).lower()).split()
    return bool(words) and words[-1] in FORUM_HEADS


def forum_acronym(ctx, eid: str) -> bool:
    """Whether ``eid`` is the acronym the text gives a forum in brackets ("the Joint Military
    Consultative Committee (JMCC)", "the Council of the Heads of Government (CHG)") when the two
    were not made one entity.  Like the forum, it is where the sides sit; it is left in until
    events are merged, since a later "the first session of the JMCC" is told by it."""
    name = entity_name(ctx, eid)
    if not eid.startswith("new:") or ctx.core_type(eid) != "Organisation" or not ACRONYM.match(name):
        return False
    brackets = re.compile(r"\s*\(\s*" + re.escape(name) + r"\s*\)")
    return any(m.entity != eid and brackets.match(ctx.text, m.span.end) and is_forum(ctx, m.entity)
               for m in ctx.mentions)


def without_forum(ctx, events: list[Event]) -> list[Event]:
    """``events`` whose gatherings no longer list the body they sit in."""
    out = []
    for event in events:
        if event.kind in GATHERINGS:
            keep = [p for p in event.participants if not is_forum(ctx, p) and not forum_acronym(ctx, p)]
            if len(keep) < len(event.participants):
                event = with_participants(event, keep)
        out.append(event)
    return out


def on_its_sidelines(trigger) -> bool:
    """Whether the gathering ``trigger`` names is the one something happens on the sidelines
    of ("met Lavrov on the sidelines of the SCO meeting")."""
    of = trigger.head
    return trigger.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in SIDELINES


def _near(tok) -> list:
    """The words that may carry the phrase saying where a meeting ``tok`` was held: the
    trigger's and its head's children, and for a noun also the children of the words of
    its own phrase ("meetings between A and their counterparts on the sidelines of ...",
    where the parse hangs the place on the last party)."""
    near = [*tok.children, *tok.head.children]
    if tok.pos_ in {"NOUN", "PROPN"}:
        near += [c for t in tok.subtree if t.i != tok.i for c in t.children]
    return near


def _gathering_of(ctx, events: list[Event], meeting: Event) -> int | None:
    """The position in ``events`` of the gathering on whose sidelines ``meeting`` was held."""
    tok = trigger_token(ctx.doc, meeting)
    if tok is None:
        return None
    for prep in (c for c in [*tok.children, *tok.head.children] if c.dep_ == "prep" and c.lower_ in {"during", "at"}):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):  # "met Putin during the SCO summit"
            for j, e in enumerate(events):
                if e is not meeting and e.kind == "Summit" and e.trigger.start == noun.idx:
                    return j
            if noun.lemma_.lower() == "summit" and any(c.lower_ in {"the", "this", "that"} for c in noun.children):
                j = latest_named(events, {"Summit"}, meeting.sentence.index)  # "the summit" named before
                return j if j is not None and events[j] is not meeting else None
    for prep in (c for c in _near(tok) if c.dep_ == "prep" and c.lower_ in {"on", "at"}):
        for side in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in SIDELINES):
            for of in (c for c in side.children if c.dep_ == "prep" and c.lower_ == "of"):
                for noun in (c for c in of.children if c.dep_ == "pobj"):
                    for j, e in enumerate(events):
                        if e is not meeting and e.kind in GATHERINGS \
                                and noun.idx <= e.trigger.start < noun.idx + len(noun.text):
                            return j
                    if any(c.lower_ in {"the", "this", "that"} for c in noun.children):
                        j = latest_named(events, {"Summit"}, meeting.sentence.index)
                        return j if j is not None and events[j] is not meeting else None
    return None


def side_meetings_attend(ctx, events: list[Event]) -> list[Event]:
    """``events`` whose gatherings list the people (and their states) of the meetings held on
    their sidelines."""
    out = list(events)
    for meeting in events:
        if meeting.kind != "Meeting":
            continue
        j = _gathering_of(ctx, out, meeting)
        if j is None:
            continue
        gathering = out[j]
        new = [p for p in meeting.participants
               if p not in gathering.participants and ctx.core_type(p) in SIDE_KINDS]
        if not new:
            continue
        out[j] = with_participants(gathering, gathering.participants + tuple(new))
    return out
