"""Who holds the talks a clause sets itself in: "Lavrov praised Pakistan's stance amid talks with
Foreign Minister Ishaq Dar", "X told reporters during a meeting with Y", "Y said at a meeting with
X".  A meeting noun in a phrase of time or place under a verb is no argument of that verb
(:func:`kg.extract.scope.adjunct`), so its scope leaves the verb's subject out; but when the
meeting is "with" someone, the one who acts in the clause is the other side of it.  Only the
subject itself (and the names joined to it by "and") is taken, and only when the meeting has no
possessor of its own ("his meeting with": the pronoun's rules decide)."""
from __future__ import annotations

SETTING_PREPS = {"during", "amid", "amidst", "in", "at"}
MEETING_NOUNS = {"talk", "talks", "meeting", "meetings", "discussion", "discussions", "conversation", "negotiations"}


def holders(trigger) -> list:
    """The head tokens of the subject of the clause whose setting is the meeting ``trigger``
    names, when that meeting is "with" someone; [] otherwise."""
    if trigger.dep_ != "pobj" or trigger.lower_ not in MEETING_NOUNS:
        return []
    prep = trigger.head
    verb = prep.head
    if prep.lower_ not in SETTING_PREPS or verb.pos_ not in {"VERB", "AUX"} or prep.dep_ != "prep":
        return []
    if any(c.dep_ == "poss" for c in trigger.children):
        return []
    if not any(c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children):
        return []
    out = []
    for s in (c for c in verb.children if c.dep_ == "nsubj"):
        out.append(s)
        out.extend(c for c in s.children if c.dep_ == "conj")
    return out
