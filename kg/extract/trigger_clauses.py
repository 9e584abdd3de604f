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


# verbs that make the event their object names: "held talks", "signed an agreement", "paid a visit"
MAKING_VERBS = {"have", "hold", "sign", "reach", "conclude", "conduct", "ink", "strike", "seal", "pay", "make",
                "undertake", "stage"}


def irrealis(token) -> bool:
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if _negated_object(token):
        return True
    head = token.head
    if head.dep_ == "prep" and head.lower_ == "of" and head.head.lemma_.lower() in IRREALIS:
        return True
    return False


def _negated_object(token) -> bool:
    """"will not have a meeting with X", "talks were not held", "no agreement was reached": a
    negated event (the annotation guide's "not events"); but "did not attend the summit" says
    who stayed away, not that the summit was not held, and "not only signed" is no negation."""
    if token.pos_ not in {"NOUN", "PROPN"} and token.tag_ != "VBG":
        return False
    if any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return True
    verb = token.head
    if token.dep_ not in {"dobj", "nsubjpass", "xcomp"} or verb.lemma_.lower() not in MAKING_VERBS:
        return False
    return any(c.dep_ == "neg" and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ == "only")
               for c in verb.children)
