"""Verb forms that put a clause in the future, and the verb a noun trigger hangs from.

"will visit", "shall meet", "is to visit", "is going to visit", "is arriving", a headline's
"Putin to visit Pakistan": the future by form (modal "would" is left to reported speech, see :mod:`kg.extract.timing`).  A noun trigger in a
prepositional phrase of such a verb ("will arrive on Monday for a three-day visit", "will
lead the group on its 20-21 June visit", "will meet Putin on the sidelines of the SCO
summit") names an event still to come, unless it is marked as an earlier one ("the last
meeting"), as the moment the verb's event follows ("after the visit"), or is a bare
definite mention of an event named before ("at the meeting, leaders will discuss").
"""
from __future__ import annotations

from kg.extract.time_scope import MOTION_VERBS

FUTURE_AUX = {"will", "shall", "'ll"}
# phrases a noun passes through to the verb: "on the sidelines of the summit", "at the margins of"
FRAME_NOUNS = {"sideline", "sidelines", "margin", "margins", "side", "occasion", "course"}
EARLIER = {"last", "previous", "past", "recent", "earlier", "former", "first", "latest"}
BEFORE_PREPS = {"after", "since", "following", "despite"}
ANAPHORIC = {"the", "this", "that", "these", "those"}


def is_to(verb) -> bool:
    """"is to visit": an infinitive with "to" hanging from a present or past form of "be"."""
    head = verb.head
    return verb.dep_ == "xcomp" and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children) \
        and head.lemma_ == "be" and head.i != verb.i and head.tag_ in {"VBZ", "VBP", "VBD"}


def subject_is_to(noun) -> bool:
    """"The summit was to be held in October": the subject of "be" with a "to" infinitive,
    the future seen from then (an arrangement, whether or not it was kept)."""
    head = noun.head
    return noun.dep_ in {"nsubj", "nsubjpass"} and head.lemma_ == "be" and any(
        c.dep_ == "xcomp" and is_to(c) for c in head.children)


def to_infinitive(verb) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def participle_head(verb):
    """The verb a participle without a subject of its own adds to ("will spend the day in
    Islamabad, attending the summit and holding talks"; "will begin his day by meeting
    X"): its event shares that verb's time and tense.  None for any other verb."""
    if verb.tag_ != "VBG" or any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in verb.children):
        return None
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return participle_head(verb.head)  # "attending the summit and holding talks"
    if verb.dep_ == "advcl":
        return verb.head
    if verb.dep_ == "pcomp" and verb.head.lower_ == "by" and verb.head.head.pos_ in {"VERB", "AUX"}:
        return verb.head.head
    return None


def going_to(verb) -> bool:
    """"is going to visit"."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)


def future_form(verb) -> bool:
    """"will visit", "is to visit", "is going to visit" (an auxiliary shared by a conjoined
    verb counts: "will attend ... and meet"; so does the one of the verb an infinitive of
    purpose hangs from: "will visit Moscow to hold talks")."""
    verbs = [verb]
    if verb.dep_ == "conj" and not any(c.dep_ == "aux" for c in verb.children):
        verbs.append(verb.head)
    if verb.dep_ in {"advcl", "xcomp"} and to_infinitive(verb):
        verbs.append(verb.head)  # "will visit Moscow to hold talks"
    # "will have a busy day, attending the summit (and holding talks)", "will begin by meeting X"
    verbs += [up for up in map(participle_head, list(verbs)) if up is not None]
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for v in verbs for c in v.children) \
        or is_to(verb) or going_to(verb) or arriving(verb) or headline_infinitive(verb)


def headline_infinitive(verb) -> bool:
    """"Putin to visit Pakistan next year", "Dar to hold talks with Lavrov": a headline's
    subject and infinitive with no finite verb, the news form of "is to"."""
    if not to_infinitive(verb):
        return False
    if verb.dep_ == "ROOT":
        return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    # parsed as a name the infinitive hangs from: "Ishaq Dar to hold talks with Lavrov"
    return verb.dep_ in {"relcl", "acl"} and verb.head.dep_ == "ROOT" and verb.head.pos_ == "PROPN"


# what an event "to be ..." is to undergo: "the summit to be held in Moscow", "the deal to be signed"
TO_BE_DONE = {"hold", "host", "convene", "organise", "organize", "conduct", "stage", "sign", "launch", "open",
              "inaugurate", "chair"}


def to_be_done(noun) -> bool:
    """"the SCO meeting to be held in Moscow on 10 June", "the exercise, to be conducted next
    month, ...", "the summit to take place in October": a noun trigger followed by an
    infinitive that says it is still to happen, whatever the parser hangs it from."""
    doc, i = noun.doc, noun.i + 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    words = [t for t in doc[i:i + 3]]
    if len(words) < 3 or words[0].lower_ != "to":
        return False
    if words[1].lower_ == "be" and words[2].tag_ == "VBN":
        return words[2].lemma_.lower() in TO_BE_DONE
    return words[1].lemma_.lower() == "take" and words[2].lower_ == "place"


def arriving(verb) -> bool:
    """"is arriving in Islamabad on Thursday for talks": a journey in the present
    progressive is an arrangement (not "was arriving")."""
    return verb.tag_ == "VBG" and verb.lemma_.lower() in MOTION_VERBS and any(
        c.dep_ == "aux" and c.lower_ in {"is", "are", "am", "'s", "'re"} for c in verb.children)


def governing_verb(noun):
    """The verb a noun trigger stands in a prepositional phrase of ("for a visit", "on
    the sidelines of the summit"), or None: also None for a noun marked as an earlier
    event or as what the verb's event follows."""
    if noun.pos_ not in {"NOUN", "PROPN"} or any(c.lower_ in EARLIER for c in noun.children):
        return None
    if all(c.dep_ == "det" and c.lower_ in ANAPHORIC for c in noun.children):
        return None  # "At the meeting, leaders will discuss ...": the event named before, its status its own
    cur = noun
    for _ in range(2):
        if cur.dep_ != "pobj" or cur.head.dep_ not in {"prep", "agent"}:  # "were to be followed by a meeting"
            return None
        prep = cur.head
        if prep.lower_ in BEFORE_PREPS:
            return None
        up = prep.head
        if up.pos_ in {"VERB", "AUX"}:
            return up
        if up.lemma_.lower() not in FRAME_NOUNS:
            return None
        cur = up
    return None
