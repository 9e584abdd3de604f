"""Names that the grammar ties to the event itself rather than to a side in it.

- **Where a place is.** "in Samarkand, Uzbekistan", "in Uzbekistan's historic city of Samarkand":
  the state says where the venue lies.
- **Where a gathering sits.** A state named as the place a meeting or summit is held ("the SCO
  summit in Uzbekistan", "the conference in Tianjin, China") says where, as a city would; the
  rules for venues (:mod:`kg.extract.participants`) decide whether it also hosts.
- **The event's own name.** "an exercise titled Joint Exercise Druzhba-VII", "bilateral exercises
  ARABIAN MONSOON 2021 and LION STAR-II": a name given to the event is the event, not a body
  that takes part in it (the states it names do take part, as in "the Pakistan-Russia drill").
"""
from __future__ import annotations

# verbs by which a text gives an event its name ("an exercise titled / named / code-named X")
NAMING_VERBS = {"title", "titled", "name", "named", "dub", "dubbed", "call", "called", "codename", "codenamed",
                "code-named", "entitle", "entitled"}
PLACE_NOUNS = {"city", "capital", "town", "port", "region", "province", "village", "resort"}


def locates_a_place(ctx, tok) -> bool:
    """"in Samarkand, Uzbekistan", "in Astana, Kazakhstan": a state set right after a place's
    name by a comma says where the place is; so does one whose city it names ("in Uzbekistan's
    historic city of Samarkand", "in Bishkek, the Kyrgyz capital")."""
    if tok.dep_ == "poss" and tok.head.lemma_.lower() in PLACE_NOUNS:
        return True
    if tok.dep_ in {"amod", "compound"} and tok.head.lemma_.lower() in PLACE_NOUNS and tok.head.dep_ == "appos":
        return True  # "in Bishkek, the Kyrgyz capital": the place's state, set in apposition
    if tok.dep_ not in {"appos", "npadvmod", "conj", "pobj"} or tok.i < 2 or ctx.doc[tok.i - 1].text != ",":
        return False
    if tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].pos_ == "CCONJ":
        return False  # "the summit in Islamabad, Pakistan and Russia agreed ...": a list of sides begins
    m = ctx.mention_at(ctx.doc[tok.i - 2])
    return m is not None and ctx.is_place(m.entity)


def sits_in(tok, trigger) -> bool:
    """Whether the name at ``tok`` says where the gathering ``trigger`` names sits: the object of
    "in" under the trigger ("the SCO summit in Uzbekistan"), or set by a comma after such an
    object ("the conference in Tianjin, China"), whether or not that one is a known place."""
    if tok.dep_ == "appos" and tok.i >= 1 and tok.doc[tok.i - 1].text == ",":
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.i == trigger.i


def names_the_event(tok, trigger) -> bool:
    """Whether the name whose head is ``tok`` is the name of the event ``trigger`` names: set in
    apposition right after the trigger ("exercises ARABIAN MONSOON 2021 and LION STAR-II", "a
    two-week exercise, Druzhba VI,", each of a list so set, with what the parse hangs on them), or
    the object of a verb of naming under it ("exercise titled Druzhba-VII").  Only right after
    it: the parse may hang the name that ends a phrase on the trigger ("held a meeting with the
    minister of Russia, Sergey Lavrov": Lavrov is the minister)."""
    for _ in range(4):  # "an exercise, Druzhba VI and X (Y)": Y in apposition to X, X listed with the name
        if tok.dep_ not in {"conj", "appos"} or tok.head.i in {tok.i, trigger.i}:
            break
        tok = tok.head
    if tok.dep_ == "appos" and tok.head.i == trigger.i:
        gap = tok.doc[trigger.i + 1:tok.left_edge.i]
        return trigger.pos_ in {"NOUN", "PROPN"} and tok.left_edge.i > trigger.i \
            and [t.text for t in gap] in ([], [","])
    verb = tok.head
    return (tok.dep_ in {"oprd", "dobj", "attr"} and verb.lower_ in NAMING_VERBS
            and verb.dep_ in {"acl", "amod"} and verb.head.i == trigger.i)
