""""The three countries", "all four sides", "the 3 parties": a counted group of states stands
for the states named just before it, when as many as it counts are named there.

Like "the two countries" (:meth:`kg.extract.context.Context.resolve_pair`), but for three or
more: the states its own sentence names before it when they are exactly as many, else those of
the nearest of the sentences before (up to ``LOOK_BACK``) that names exactly as many, including
those its own sentence names.  Anything else resolves to nobody: a group whose members the text
does not name is left out rather than guessed.
"""
from __future__ import annotations

from kg.extract.context import Context
from kg.extract.references import PAIR_NOUNS

GROUP_NOUNS = PAIR_NOUNS | {"parties"}
COUNTS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
LOOK_BACK = 3  # sentences


def _count(token) -> int | None:
    for c in token.children:
        if c.dep_ in {"nummod", "amod"}:
            n = COUNTS.get(c.lower_) or (int(c.text) if c.text.isdigit() else None)
            if n is not None and n >= 3:
                return n
    return None


def resolve_group(ctx: Context, token) -> list[str]:
    """The states the counted group at ``token`` stands for, or [] when the text does not name
    exactly as many just before it."""
    if token.lower_ not in GROUP_NOUNS:
        return []
    n = _count(token)
    sent = ctx.sentence_of(token) if n is not None else None
    if sent is None:
        return []
    here = ctx.states_between(sent.span.start, token.idx)
    if len(here) >= n:
        return here if len(here) == n else []
    for index in range(sent.index - 1, max(-1, sent.index - 1 - LOOK_BACK), -1):
        span = ctx.sentences[index].span
        before = ctx.states_between(span.start, span.end)
        if len(before) == n and set(here) <= set(before):
            return before
    return []
