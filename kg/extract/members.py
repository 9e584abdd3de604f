"""Who is, or becomes, a member of which organisation around a cue word."""
from __future__ import annotations

from kg.extract.context import Context
from kg.extract.syntax import governing_verb, phrase, subject_of


def member_and_organisations(ctx: Context, token) -> tuple[str | None, list[str]]:
    """Who is (or becomes) a member, and of which organisations, around a cue word."""
    scope = list(phrase(token))
    verb = governing_verb(token) if token.pos_ != "VERB" else token
    if verb is not None:
        for c in verb.children:
            if c.dep_ in {"prep", "dobj"} and c.i > token.i:
                scope.extend(c.subtree)
    orgs = [m.entity for m in ctx.mentions_in(scope) if ctx.core_type(m.entity) == "Organisation"]
    orgs = list(dict.fromkeys(orgs))
    member = None
    owners = [c for c in token.children if c.dep_ == "poss"]
    for owner in owners:
        member = first_state(ctx, owner.subtree)
    if member is None and token.dep_ == "pobj" and token.head.lower_ == "as":
        member = _member_of_as(ctx, token.head.head)
    if member is None and token.dep_ == "appos":
        member = first_state(ctx, [token.head])
    if member is None and verb is not None:
        subject = subject_of(verb, limit=1)
        member = first_state(ctx, subject)
        if member is None and verb.dep_ in {"pcomp", "advcl", "xcomp"}:
            outer = verb.head if verb.head.pos_ in {"VERB", "AUX"} else verb.head.head
            objects = [t for c in outer.children if c.dep_ == "dobj" for t in c.subtree]
            member = first_state(ctx, objects) or first_state(ctx, subject_of(outer, limit=1))
    return member, [o for o in orgs if o != member]


def _member_of_as(ctx: Context, qualified) -> str | None:
    """The member in "X's election as a member of Y" (the owner of the noun that "as"
    qualifies) or "welcomed X's election as a member" (a state in the verb's object)."""
    if qualified.pos_ in {"VERB", "AUX"}:
        if qualified.lemma_.lower() in {"join", "admit", "accept"}:
            return None  # "X joined Y as a member": the subject, as for any cue
        objects = [t for c in qualified.children if c.dep_ == "dobj" for t in c.subtree]
        return next((m.entity for m in ctx.mentions_in(objects) if ctx.is_state(m.entity)), None)
    for owner in (c for c in qualified.children if c.dep_ == "poss"):
        return first_state(ctx, owner.subtree)
    return None


def first_state(ctx: Context, tokens) -> str | None:
    for m in ctx.mentions_in(list(tokens)):
        if ctx.core_type(m.entity) in {"State", "Organisation"}:
            return m.entity
    return None
