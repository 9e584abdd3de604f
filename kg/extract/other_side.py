"""The side of a person the text ties to no state, at a meeting with one state's side: the
other state of the pair the article is about ("Caretaker Prime Minister X held a meeting with
Russian President Putin" in an article about Pakistan and Russia: X is Pakistan's).
"""
from __future__ import annotations

from collections import Counter

# kinds with two sides, where a side the text leaves unnamed is the article's other state
SIDE_KINDS = {"Meeting"}
MIN_NAMED = 2  # how often the article names a state for it to be one of its pair


def article_pair(ctx) -> list[str]:
    """The two states the article names most (each at least twice), first named first on a tie."""
    counts = Counter(m.entity for m in ctx.mentions if ctx.is_state(m.entity))
    ranked = [e for e, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n >= MIN_NAMED][:2]
    return ranked if len(ranked) == 2 else []


def other_side(ctx, kind: str, candidates: list, acting: set[str]) -> str | None:
    """The state to add to a meeting's ``candidates`` (:class:`kg.extract.participants.Candidate`),
    or None: the meeting has one state so far besides its venue's, one of the article's pair, and
    a person of no known state; then that person is the pair's other state's, and the venue's
    state, where two states now meet, is a third one ("in Beijing": its rule is taken back)."""
    if kind not in SIDE_KINDS:
        return None
    chosen = [c.entity for c in candidates if c.rule and c.source != "place"]
    states = {e for e in chosen if ctx.is_state(e)}
    stateless = [e for e in chosen if ctx.core_type(e) == "Person" and ctx.nationality(e) is None]
    if len(states) != 1 or not stateless:
        return None
    if any(ctx.core_type(e) == "Person" and ctx.nationality(e) not in (None, *states) for e in chosen):
        return None  # a person of a third state is there: the sides are not the pair's
    if any(ctx.core_type(e) == "Organisation" and not set(ctx.states_of_body(e)) & states for e in chosen):
        return None  # "a Taliban delegation led by X": X is of the organisation's side
    pair = article_pair(ctx)
    (state,) = states
    if state not in pair:
        return None
    side = next(e for e in pair if e != state)
    for c in candidates:
        if c.source == "place" and c.entity != side and c.entity not in acting:
            c.rule = False
    return side
