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
