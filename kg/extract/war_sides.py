"""The sides of a war or an invasion named by a noun are named in that noun's own phrase
("the Russia-Ukraine war", "the Soviets' invasion of Afghanistan", "its war in Ukraine", "the
war between A and B") or are the doer of waging or entering it ("Russia launched its invasion",
"Pakistan became involved in the Afghan war"). Another agent of the sentence comments on it,
suffers from it, reports it or stands beside it ("Putin's visit is not linked to the conflict in
Ukraine", "Pakistan's position on the war in the United Nations"): it is no side.
"""
from __future__ import annotations

# verbs whose subject wages the war named as their object ("Russia launched the invasion")
WAGE_VERBS = {"wage", "launch", "fight", "start", "begin", "declare", "conduct", "continue", "escalate", "win",
              "lose", "enter", "join", "end"}
# words whose subject takes part in the war it is "in" or "into" ("became involved in the war")
ENTER_WORDS = {"involve", "involved", "engage", "engaged", "participate", "enter", "drag", "embroil", "fight",
               "join", "intervene", "plunge"}


def keep_own_sides(ctx, token, candidates) -> None:
    """Withhold (``rule = False``) every candidate of the war or invasion noun ``token`` that is
    named neither in the noun's phrase nor in the subject of a word of waging or entering it (a
    candidate is kept when any of its names stands there: "Soviet relations ... the Soviets'
    invasion").  A verb trigger ("Russia invaded Ukraine") keeps the scope's sides."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return
    own = {t.i for t in token.subtree} | _wagers(token)
    named = {m.entity for m in ctx.mentions_in([t for t in token.doc if t.i in own])}
    for c in candidates:
        if c.rule and c.token is not None and c.token.i not in own and c.entity not in named:
            c.source, c.rule = "outside-war", False


def _wagers(noun) -> set[int]:
    """The tokens of the subject that wages or enters the war ``noun`` names."""
    word = None
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in WAGE_VERBS:
        word = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ in {"in", "into"} and (
            noun.head.head.lemma_.lower() in ENTER_WORDS or noun.head.head.lower_ in ENTER_WORDS):
        word = noun.head.head
    out: set[int] = set()
    for verb in (word, word.head if word is not None and word.dep_ in {"acomp", "xcomp", "oprd"} else None):
        if verb is None:
            continue
        for c in verb.children:
            if c.dep_ in {"nsubj", "nsubjpass"}:
                out |= {t.i for t in c.subtree}
    return out
