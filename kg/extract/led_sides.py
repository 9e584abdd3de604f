"""Sides said to be led by someone: "Pakistan delegation was led by X while Russian side was
led by Y", "Pakistan's delegation, led by X, and the side of Russia, led by Y", "Pakistan was
represented by X", "the Afghan delegation is headed by X".

Such words say two things: X took part in the gathering the side came to (used by
:mod:`kg.extract.attendees`), and X acts for the state the side is of (used by
:mod:`kg.extract.context` to give a new person a state).
"""
from __future__ import annotations

from kg.extract.names import TITLES
from kg.extract.speaker_words import RANKS

# nouns of a group that goes somewhere for its state
GROUP_NOUNS = {"delegation", "side", "team", "contingent"}
# verbs by which a side names the person at its head
SIDE_VERBS = {"lead", "head", "represent"}
INDEFINITE = {"a", "an", "another", "one"}
# words that end the phrase after "led by" (the next clause begins)
PHRASE_ENDS = {"while", "whereas", "and", ";", "which", "who"}
HEAD_REACH = 16  # tokens after "led by" within which its person is named


def led_side(ctx, verb) -> tuple[set[str], bool] | None:
    """``(states, definite)`` of the side that ``verb`` ("led", "headed", "represented" right
    before "by") says is led: the states named in the group's words ("Pakistan delegation",
    "the side of Russia") or the state that is itself the subject ("Pakistan was represented
    by"), and whether the group is a particular one (not "a delegation led by").  None when
    ``verb`` is no such word."""
    if verb.lemma_.lower() not in SIDE_VERBS or verb.tag_ != "VBN" or verb.i + 1 >= len(verb.doc) \
            or verb.doc[verb.i + 1].lower_ != "by":
        return None
    if verb.dep_ == "acl":
        side = verb.head
    else:
        sides = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not sides:
            return None
        side = sides[0]
    if side.lemma_.lower() in GROUP_NOUNS:
        definite = not any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in side.children)
        words = [t for c in side.children if c.dep_ in {"amod", "compound", "poss"} for t in c.subtree]
        words += [t for c in side.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
        return {m.entity for m in ctx.mentions_in(words) if ctx.is_state(m.entity)}, definite
    if verb.lemma_.lower() != "represent":
        return None
    m = ctx.mention_at(side)
    return ({m.entity}, True) if m is not None and ctx.is_state(m.entity) else None


def title_only(name: str) -> bool:
    """"Lt Gen": a name made of ranks and titles only (a misread name) names nobody."""
    return all(w.strip(".").lower() in RANKS | TITLES for w in name.split())


def head_named_after(ctx, verb):
    """The mention of the first person named after "led by" in the words up to the next
    verb or clause ("led by Defense Secretary Lt Gen (retd) X while ...": the parse often
    hangs X apart from "by", and may end the sentence inside a bracket), or None."""
    for tok in verb.doc[verb.i + 2:verb.i + 2 + HEAD_REACH]:
        if tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"amod", "compound"} or tok.lower_ in PHRASE_ENDS \
                or tok.text in {".", "!", "?"}:  # (not "the acting Foreign Minister")
            return None
        m = ctx.mention_at(tok)
        if m is not None and ctx.core_type(m.entity) == "Person" and not title_only(ctx.text[m.span.start:m.span.end]):
            return m
    return None


def leaders_states(ctx) -> dict[str, str]:
    """The state of each person who leads a side of one state ("the Afghan delegation is
    headed by X": Afghanistan), by the first such side in the text."""
    out: dict[str, str] = {}
    for tok in ctx.doc:
        found = led_side(ctx, tok)
        if found is None or len(found[0]) != 1:
            continue
        m = head_named_after(ctx, tok)
        if m is not None:
            out.setdefault(m.entity, next(iter(found[0])))
    return out
