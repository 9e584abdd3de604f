"""Names that the grammar ties to the event itself rather than to a side in it.

- **Where a place is.** "in Samarkand, Uzbekistan", "in Uzbekistan's historic city of Samarkand":
  the state says where the venue lies.
- **Where a gathering sits.** A state named as the place a meeting or summit is held ("the SCO
  summit in Uzbekistan", "the conference in Tianjin, China") says where, as a city would; the
  rules for venues (:mod:`kg.extract.participants`) decide whether it also hosts.
- **The event's own name.** "an exercise titled Joint Exercise Druzhba-VII", "bilateral exercises
  ARABIAN MONSOON 2021 and LION STAR-II": a name given to the event is the event, not a body
  that takes part in it (the states it names do take part, as in "the Pakistan-Russia drill").
  So is a new name whose head noun is a pact's or a gathering's ("the Contract on Admission of
  Service Members", "the Coordination Transport Meeting" read as a name of its own).
- **Premises.** A body named as the place the event is held ("held at the Ministry of Foreign
  Affairs", "drills on the territory of the Southern Military District") is where it happens,
  not a side, as a city would be.
"""
from __future__ import annotations

import re

# verbs by which a text gives an event its name ("an exercise titled / named / code-named X")
NAMING_VERBS = {"title", "titled", "name", "named", "dub", "dubbed", "call", "called", "codename", "codenamed",
                "code-named", "entitle", "entitled"}
PLACE_NOUNS = {"city", "capital", "town", "port", "region", "province", "village", "resort"}
# head nouns of a name that is a pact's or a gathering's own name, not a body's ("the Contract on
# Admission of ...", "the Transport Meeting"); a forum's name (commission, council, forum) is a
# body that sits (:func:`kg.extract.gatherings.is_forum`) and is left to it
EVENT_NAME_HEADS = {"agreement", "agreements", "contract", "contracts", "treaty", "accord", "accords", "protocol",
                    "memorandum", "deal", "meeting", "meetings", "summit", "exercise", "exercises", "drill", "drills"}
# nouns of a body's premises or ground: "on the territory of the district", "at the headquarters of"
GROUND_NOUNS = {"territory", "soil", "premises", "headquarters", "grounds", "compound", "building", "campus"}
# head nouns of a body that has premises an event can be held at or in
PREMISES_BODIES = {"ministry", "district", "headquarters", "secretariat", "embassy", "consulate", "academy",
                   "institute", "university", "college", "school", "centre", "center", "house", "hall", "palace",
                   "office", "department", "directorate", "command", "chamber"}
LOCATIVE_PREPS = {"at", "in", "on", "inside", "within"}


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
            and [t.text for t in gap] in ([], [","], ["#"], [",", "#"])  # (a hashtag: "exercise #Druzhba2019")
    verb = tok.head
    return (tok.dep_ in {"oprd", "dobj", "attr"} and verb.lower_ in NAMING_VERBS
            and verb.dep_ in {"acl", "amod"} and verb.head.i == trigger.i)


def head_noun(name: str) -> str:
    """The head noun of a name: its last word before "of", "on", "for", "in", "between" ("Ministry of
    Foreign Affairs": ministry; "Contract on Admission of ...": contract)."""
    words = re.sub(r"\s(?:of|on|for|in|between|with)\s.*$", "", name.strip()).split()
    return words[-1].lower().strip(".,;:()\"'’") if words else ""


def is_event_name(name: str) -> bool:
    """Whether a new name is a pact's or a gathering's own ("the Contract on Admission of Service
    Members", "the Coordination Transport Meeting"), by its head noun."""
    return head_noun(name) in EVENT_NAME_HEADS


def premises(tok, name: str) -> bool:
    """Whether the body ``name`` whose head is ``tok`` is named as where the event is held: the
    object of "at", "in" or "on" hung on a verb or on the event's noun ("held at the Ministry
    of Foreign Affairs", "talks in the ministry of defence"), or of "of" after such a ground noun
    ("on the territory of Russia's Southern Military District"), for a body whose name says it
    has premises (a ministry, a district, an academy)."""
    if head_noun(name) not in PREMISES_BODIES:
        return False
    while tok.dep_ in {"conj", "appos"} and tok.head is not tok:
        tok = tok.head
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in GROUND_NOUNS and prep.head.dep_ == "pobj":
        prep = prep.head.head
    if prep.lower_ not in LOCATIVE_PREPS or prep.dep_ != "prep":
        return False
    return prep.head.pos_ in {"VERB", "AUX"} or prep.head.lower_ in NOUN_EVENTS or prep.head.lemma_.lower() in NOUN_EVENTS


# nouns of an event that a place phrase may hang on ("talks at the ministry", "a ceremony at the academy")
NOUN_EVENTS = {"meeting", "talks", "session", "round", "consultations", "exercise", "exercises", "drill", "drills",
               "ceremony", "conference", "summit", "visit", "signing", "dialogue", "forum", "negotiations", "talk",
               "negotiation", "consultation"}
