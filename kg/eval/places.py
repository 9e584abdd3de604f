"""The place of events, scored on the events found: for each gold event with its lenient
partner (same sentence or an ``also`` sentence, a matching kind), the gold ``place`` against
the places extracted for it.  The strict event score leaves places out (the annotation guide:
the place is a property of the event, never a participant), so this is its own row."""
from __future__ import annotations

from kg.eval.gold import find_once, norm_entity
from kg.eval.scores import Score, kinds_match


def place_score(gold: dict, events, sentence_of, path: str, text: str) -> Score:
    """``events place``: over the lenient pairs, gold places found (recall) and extracted
    places right (precision); ``sentence_of(offset)`` gives a sentence index."""
    units = []
    for e in gold.get("events") or []:
        first = sentence_of(find_once(text, e["sentence"], path))
        sents = {first} | {sentence_of(find_once(text, a, path)) for a in e.get("also") or []}
        units.append((e["type"], sents, {norm_entity(e["place"])} if e.get("place") else set()))
    score = Score("event places")
    used: set[int] = set()
    for p in events:
        for i, (kind, sents, want) in enumerate(units):
            if i not in used and p.sentence.index in sents and kinds_match(kind, p.kind):
                used.add(i)
                got = {norm_entity(x) for x in p.places}
                score.add(Score("event places", len(want), len(got), len(want & got)))
                break
    return score
