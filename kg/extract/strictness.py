"""How sure the pipeline is that an event is right as a whole: its kind, its whole set of
participants, its time and its status, which is what a reader relies on and what the strict
score counts.

The event model (:mod:`kg.extract.decisions`) says whether a trigger names an event at all;
most events it accepts are still wrong in their participants or time, so its probability
overstates how sure the pipeline is.  This last step judges each finished event (after
merging, attendees and venues) from general features of what was extracted: its kind, how
many states, people and bodies take part, the shape of its time, its status, how many agents
its sentence names that it leaves out, and the first-stage confidences.  Its probability is
the event's ``confidence``, and the publishing threshold (``min_confidence``) applies to it.
``kg train`` fits it (:mod:`kg.extract.train_strict`).
"""
from __future__ import annotations

from dataclasses import replace

from kg.extract.model import Event

AGENTS = ("State", "Person", "Organisation")


def _bucket(n: int, top: int) -> str:
    return str(min(n, top)) + ("+" if n >= top else "")


def _time_shape(event: Event) -> str:
    t = event.time
    if t is None:
        return "none"
    if t.start or t.end:
        return "range"
    if t.value is None:
        return "text"  # "recently", "in August": kept as the text says it
    return {4: "year", 7: "month"}.get(len(t.value), "day")


def strict_features(ctx, event: Event) -> dict[str, float]:
    """General features of a finished event (no word or name of any article)."""
    types = [ctx.core_type(p) for p in event.participants]
    f = {f"kind={event.kind}": 1.0, f"participants={_bucket(len(types), 4)}": 1.0,
         f"time={_time_shape(event)}": 1.0, f"status={event.status or 'happened'}": 1.0,
         f"mentions={_bucket(1 + len(event.also), 3)}": 1.0,
         "event_confidence": event.confidence or 0.0,
         "weakest_participant": min(event.participant_confidence, default=1.0)}
    for kind in AGENTS:
        f[f"{kind}={_bucket(types.count(kind), 3)}"] = 1.0
    if any(p.startswith("new:") for p in event.participants):
        f["outside_registry"] = 1.0
    if event.definite:
        f["definite"] = 1.0
    if event.name is not None:
        f["named"] = 1.0
    left_out = {m.entity: ctx.core_type(m.entity) for m in ctx.mentions
                if m.sentence == event.sentence.index and m.entity not in event.participants}
    left_out = [kind for kind in left_out.values() if kind in AGENTS]  # agents the sentence names, left out
    f[f"left_out={_bucket(len(left_out), 3)}"] = 1.0
    f[f"states_left_out={_bucket(left_out.count('State'), 2)}"] = 1.0
    f[f"kind={event.kind}|states={_bucket(types.count('State'), 3)}"] = 1.0
    return f


def judged(ctx, events: list[Event], model, min_confidence: float) -> list[Event]:
    """``events`` with the model's confidence, those below ``min_confidence`` left out."""
    out = []
    for event in events:
        confidence = round(model.probability(strict_features(ctx, event)), 3)
        if confidence >= min_confidence:
            out.append(replace(event, confidence=confidence))
    return out
