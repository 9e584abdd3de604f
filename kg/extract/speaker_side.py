"""The speaker who takes part in what their own words make: "Putin said, adding that Moscow
stood ready to help" makes an offer of Russia's in which Putin takes part too; "Dar said Russia
supported Pakistan" does not make Dar a party to Russia's backing, he only reports it."""
from __future__ import annotations

from kg.extract.context import PRONOUN_SUBJECTS, Context
from kg.extract.triggers import SPEECH_VERBS

# kinds a speaker's words make: an offer, backing ("X said Russia strongly supported the project")
STANCE_KINDS = {"Offer", "MediationOffer", "StatementOfSupport"}
SAYING = SPEECH_VERBS | {"add", "stress", "emphasise", "emphasize", "note", "express", "reaffirm"}


def speaker_for(ctx: Context, trigger, states: set[str]) -> list[tuple[str, object]]:
    """``(person, token)`` for the one who says that their own state offers or backs something
    ("Putin said, adding that Moscow stood ready to help", "Dedov said Russia strongly supported
    CPEC", "He said Russia is ready to help" with "he" for Dedov): the subject of the verb of
    saying whose reported clause holds the trigger, when that person is of the state that acts
    in it (not "Dar said Russia supported Pakistan": Dar reports it)."""
    cur = trigger
    for _ in range(5):
        head = cur.head
        if head.i == cur.i or cur.dep_ not in {"ccomp", "advcl", "xcomp", "conj", "acomp", "dobj", "attr", "amod"}:
            return []
        if head.lemma_.lower() in SAYING and head.pos_ == "VERB":
            verb = head
            while not any(c.dep_ == "nsubj" for c in verb.children) and verb.dep_ in {"advcl", "conj", "xcomp"}:
                verb = verb.head  # "X said, adding that ...": the subject of "said"
            out = []
            for c in (c for c in verb.children if c.dep_ == "nsubj"):
                if c.lower_ in PRONOUN_SUBJECTS:
                    named = ctx.resolve_pronoun(c)
                else:
                    named = [m.entity for m in [ctx.mention_at(c)] if m is not None]
                out += [(e, c) for e in named if ctx.core_type(e) == "Person" and ctx.nationality(e) in states]
            return out
        cur = head
    return []


# the possessed noun of "their country", "his government": the state of the one the pronoun stands for
OWN_STATE_NOUNS = {"country", "nation", "government"}


def own_country(ctx: Context, pronoun) -> str | None:
    """The state "his country" or "their government" stands for: in a report ("The Russian
    minister said that their country would provide support"), the state the subject of the verb
    of saying speaks for; else the state of the person the pronoun stands for.  ``None`` when
    the pronoun does not own such a noun or neither is known."""
    if pronoun.dep_ != "poss" or pronoun.head.lower_ not in OWN_STATE_NOUNS:
        return None
    for verb in pronoun.ancestors:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in SAYING:
            for subject in (c for c in verb.children if c.dep_ == "nsubj"):
                named = ctx.resolve_pronoun(subject) if subject.lower_ in PRONOUN_SUBJECTS \
                    else [m.entity for m in ctx.mentions_in(subject.subtree)]
                for eid in named:
                    if ctx.speaks_for(eid):
                        return ctx.speaks_for(eid)
            break
    people = [e for e in ctx.resolve_pronoun(pronoun) if ctx.core_type(e) == "Person"]
    return ctx.nationality(people[0]) if people else None
