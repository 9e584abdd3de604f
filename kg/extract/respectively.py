"""Counted events told with "respectively": "two drills, in 2016 and 2017, were held in A and B
respectively" is two events, each with its own time and place."""
from __future__ import annotations

from dataclasses import replace

from kg.extract.context import Context
from kg.extract.model import Event

NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}


def respectively(ctx: Context, token, event: Event) -> list[Event]:
    """"two drills, in 2016 and 2017, were held in A and B respectively": two events.

    Applies when the trigger is counted (a number word or "both"), the sentence says
    "respectively", and the count matches the dated times and the innermost places.
    """
    count = next((NUMBER_WORDS.get(c.lower_) or (int(c.text) if c.text.isdigit() else 0)
                  for c in token.children if c.dep_ == "nummod" or c.lower_ == "both"), 0)
    sentence = event.sentence
    if count < 2 or "respectively" not in sentence.span.text:
        return [event]
    times = [t for t in ctx.times_in(sentence.span.start, sentence.span.end) if t.value]
    leaves = place_groups(ctx, sentence, event.places)
    if len(times) != count or len(leaves) != count:
        return [event]
    out = []
    for time, place in zip(sorted(times, key=lambda t: t.span.start), leaves):
        out.append(replace(event, time=time, places=(place,)))
    return out


def place_groups(ctx: Context, sentence, places: tuple[str, ...]) -> list[str]:
    """One place per coordinated location phrase, the most specific of each, in text order.

    "in Cherat in Khyber Pakhtunkhwa, and Russia's North Caucasus republic of
    Karachayevo-Cherkessia" gives [cherat, karachay-cherkessia].
    """
    groups: dict[int, list[str]] = {}
    for m in ctx.mentions:
        if m.entity not in places or not (sentence.span.start <= m.span.start < sentence.span.end):
            continue
        tok = ctx.doc.char_span(m.span.start, m.span.end, alignment_mode="expand").root
        while tok.dep_ in {"compound", "pobj", "prep", "poss", "nmod", "appos", "amod"} and tok.head is not tok \
                and tok.head.pos_ not in {"VERB", "AUX"}:
            tok = tok.head
        groups.setdefault(tok.i, []).append(m.entity)
    out = []
    for key in sorted(groups):
        members = groups[key]
        containers = {getattr(ctx.registry.entities.get(p), "located_in", None) for p in members}
        specific = [p for p in members if p not in containers]
        if specific:
            out.append(specific[-1])
    return out
