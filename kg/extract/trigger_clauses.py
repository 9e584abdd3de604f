"""Frames around a trigger that say it reports no event of its own: a statement's
content ("X said that ..."), a negation or an irrealis frame ("the brink of war")."""
from __future__ import annotations

from kg.extract.trigger_lexicon import IRREALIS, SPEECH_VERBS


def reported(verb) -> bool:
    """True when a clause is the content of someone's statement ("X said that ...")."""
    cur = verb
    for _ in range(3):
        if cur.dep_ in {"ccomp", "xcomp"} and cur.head.lemma_.lower() in SPEECH_VERBS:
            return True
        if cur.head is cur:
            return False
        cur = cur.head
    return False


def irrealis(token) -> bool:
    if any(c.dep_ == "neg" for c in token.children):
        return True
    head = token.head
    if head.dep_ == "prep" and head.lower_ == "of" and head.head.lemma_.lower() in IRREALIS:
        return True
    return False
