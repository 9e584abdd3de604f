"""Who may take part in an event: every agent the sentence names, each with how it was
found, and whether the hand-written scope rules would include it.

The rules take the states, organisations and people named in the trigger's scope
(:mod:`kg.extract.scope`), the people a pronoun there stands for, a person's nationality and
the state of a place; for a membership, the member and the organisations.  The other agents
of the sentence are candidates too, so that a learned decision
(:mod:`kg.extract.decisions`) can take one the scope misses ("his meeting with ...") and drop
one the scope wrongly holds (the source that reports the event, a state that stayed away).
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.extract.context import POSSESSIVE_PRONOUNS, PRONOUN_SUBJECTS, Context
from kg.extract.members import member_and_organisations
from kg.extract.scope import scope


@dataclass
class Candidate:
    entity: str
    source: str  # scope, pronoun, nationality, place, member, sentence
    token: object | None  # the token that names it (or names what it was derived from)
    rule: bool  # whether the scope rules include it
    role: str = "participant"


def candidates(ctx: Context, token, kind: str, sentence) -> tuple[list[Candidate], list[str], list]:
    """``(candidates, places, scope tokens)`` of the trigger ``token`` in ``sentence``."""
    inside = [t for t in scope(token) if sentence.span.start <= t.idx < sentence.span.end]
    out: dict[str, Candidate] = {}
    places: list[str] = []

    def add(eid, source, tok, rule=True):
        if eid and eid not in out:
            out[eid] = Candidate(eid, source, tok, rule, _role(tok, token))
        elif eid and rule and not out[eid].rule:
            out[eid].rule = True

    for tok in inside:
        if tok.lower_ in POSSESSIVE_PRONOUNS | PRONOUN_SUBJECTS and tok.dep_ in {"poss", "nsubj", "nsubjpass"}:
            for eid in ctx.resolve_pronoun(tok):
                add(eid, "pronoun", tok)
                add(ctx.nationality(eid), "nationality", tok)
        elif tok.dep_ in {"poss", "nsubj", "nsubjpass", "pobj"} and ctx.mention_at(tok) is None:
            for eid in ctx.resolve_title(tok):
                add(eid, "title", tok)
                add(ctx.nationality(eid), "nationality", tok)
    for m in ctx.mentions_in(inside):
        tok = _root(ctx, m)
        if ctx.is_agent(m.entity):
            add(m.entity, "scope", tok)
            add(ctx.nationality(m.entity), "nationality", tok)
        elif ctx.is_place(m.entity) and m.entity not in places:
            places.append(m.entity)
            add(ctx.state_of_place(m.entity), "place", tok)
    if kind in {"ObserverStatusChange", "MembershipChange"}:
        member, orgs = member_and_organisations(ctx, token)
        if member:
            keep = [member] + [o for o in orgs if o != member]
            for c in out.values():
                c.rule = c.entity in keep
            for eid in keep:
                add(eid, "member", None)
    sent_tokens = ctx.doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
    for m in ctx.mentions_in(sent_tokens or []):
        if ctx.is_agent(m.entity):
            tok = _root(ctx, m)
            add(m.entity, "sentence", tok, rule=False)
            # the state of a person the sentence names takes part nearly always (16 of 17 on dev)
            add(ctx.nationality(m.entity), "sentence-nationality", tok, rule=True)
    return list(out.values()), places, inside


def _root(ctx: Context, mention):
    span = ctx.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    return span.root if span is not None else None


def _role(tok, trigger) -> str:
    """A role by the words' grammar: the subject or possessor acts; an object of "with",
    "and" or the verb is a partner; the state of a venue hosts."""
    if tok is None:
        return "participant"
    if tok.dep_ in {"nsubj", "poss"} or (tok.dep_ == "pobj" and tok.head.dep_ == "agent"):
        return "agent"
    if tok.dep_ == "pobj" and tok.head.lower_ in {"in", "at"}:
        return "host"
    if tok.dep_ in {"dobj", "nsubjpass"} and trigger.lemma_.lower() in {"invade", "impose", "lift", "recognise",
                                                                       "recognize", "sanction"}:
        return "target"
    if tok.dep_ in {"dobj", "conj", "pobj", "nsubjpass"}:
        return "partner"
    return "participant"
