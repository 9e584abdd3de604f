"""Memberships that an article gives as a list or a coordination of states.

* "Pakistan and India have become members of X": every state coordinated with the member
  found by the cue (unless the sentence pairs lists "respectively");
* "X's membership comprises A, B and C", "X observers include A and B", "the members of X
  are A, B and C": a membership noun as the subject of *include*/*comprise*/*consist of*/*be*,
  and the states it governs;
* "the Extended Troika (Russia, Pakistan and China)": an organisation with an appositive list
  of two or more states, each a member.
"""
from __future__ import annotations

from kg.extract.context import Context
from kg.extract.tokens import token_indices

LISTING_VERBS = {"include", "comprise", "consist", "encompass", "be"}
LIST_NOUNS = {"member": "FullMember", "membership": "FullMember", "observer": "Observer"}


def coordinated_states(ctx: Context, entity: str, cue) -> list[str]:
    """The states coordinated with ``entity``'s mention nearest to ``cue`` in its sentence
    ("A and B"), in order."""
    tokens = list(cue.sent)
    if any(t.lower_ == "respectively" for t in tokens):
        return []
    own = [t for t in tokens if (m := ctx.mention_at(t)) is not None and m.entity == entity]
    if not own:
        return []
    nearest = min(own, key=lambda t: abs(t.i - cue.i))
    return [state for state in _states_of(ctx, nearest) if state != entity]


def _states_of(ctx: Context, token) -> list[str]:
    """``token``'s state and the states coordinated with it."""
    out = []
    for tok in (token, *token.conjuncts):
        m = ctx.mention_at(tok)
        if m is not None and ctx.is_state(m.entity):
            out.append(m.entity)
    return list(dict.fromkeys(out))


def _organisation_of(ctx: Context, noun) -> str | None:
    """The organisation that owns ``noun``: "SCO's membership", "SCO observers", "members of the SCO"."""
    owners = [c for c in noun.children if c.dep_ in {"poss", "compound", "nmod"}]
    owners += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    for c in owners:
        m = ctx.mention_at(c)
        if m is not None and ctx.core_type(m.entity) == "Organisation":
            return m.entity
    return None


def listed_by_verb(ctx: Context, token) -> list[tuple[str, str, str]]:
    """"SCO's membership comprises A, B and C" -> (A, sco, FullMember), ... for the cue ``token``."""
    status = LIST_NOUNS.get(token.lemma_.lower())
    verb = token.head
    if status is None or token.dep_ != "nsubj" or verb.lemma_.lower() not in LISTING_VERBS:
        return []
    org = _organisation_of(ctx, token)
    if org is None:
        return []
    heads = [c for c in verb.children if c.dep_ in ({"attr"} if verb.lemma_.lower() == "be" else {"dobj"})]
    heads += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    return [(state, org, status) for h in heads for state in _states_of(ctx, h)]


def listed_in_apposition(ctx: Context) -> list[tuple[str, str, object]]:
    """(state, organisation, token) for each organisation with two or more states in apposition."""
    out = []
    for c in (ctx.doc[i] for i in token_indices(ctx.doc, dep={"appos"})):
        m = ctx.mention_at(c.head)
        if m is None or ctx.core_type(m.entity) != "Organisation":
            continue
        states = _states_of(ctx, c)
        if len(states) >= 2:
            out.extend((state, m.entity, c.head) for state in states)
    return out
