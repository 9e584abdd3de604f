"""One membership change per joining state: "Pakistan and India have become full members of
the SCO", "India and Pakistan joined the SCO in 2017" report two joinings, one of each state
(the annotation guide lists every event once per counterpart; a membership change's
participants are the state and the body it joins).

The participant model keeps one of the coordinated subjects; the others become events of
their own, each with the body and its own state.
"""
from __future__ import annotations

from kg.extract.context import Context
from kg.extract.model import Event, with_participants

JOIN_KINDS = {"MembershipChange", "ObserverStatusChange"}
SUBJECTS = {"nsubj", "nsubjpass"}


def per_joiner(ctx: Context, token, event: Event) -> list[Event]:
    """``event`` as one event per coordinated joining state, or ``[event]``."""
    if event.kind not in JOIN_KINDS:
        return [event]
    subject = _subject(token)
    if subject is None:
        return [event]
    states = []
    for item in _items(subject):
        own = [t for t in item.subtree if not _in_other_item(t, item)]
        found = [m.entity for m in ctx.mentions_in(own) if ctx.is_state(m.entity)]
        if len(set(found)) == 1:
            states.append(found[0])
    states = list(dict.fromkeys(states))
    if len(states) < 2 or not any(s in event.participants for s in states):
        return [event]
    body = [p for p in event.participants if p not in states]
    if not body:
        return [event]
    return [with_participants(event, body + [state], role="agent") for state in states]


def _subject(token):
    """The subject of the joining: of the verb ("X joined"), or of the verb a member noun
    hangs on ("X became a member")."""
    verb = token if token.pos_ in {"VERB", "AUX"} else token.head
    return next((c for c in verb.children if c.dep_ in SUBJECTS), None)


def _items(word) -> list:
    """``word`` and the words coordinated with it ("Pakistan and India"), also through an
    apposition ("ASTANA -- Pakistan and India", a dateline the parser takes for the subject)."""
    out = [word]
    for c in word.children:
        if c.dep_ in {"conj", "appos"}:
            out.extend(_items(c))
    return out


def _in_other_item(t, item) -> bool:
    """Whether ``t`` lies under a coordinated or apposed word of ``item`` (another item)."""
    cur = t
    while cur.i != item.i:
        if cur.dep_ in {"conj", "appos"} and cur.head.i != cur.i:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False
