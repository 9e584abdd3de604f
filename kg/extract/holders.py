"""Who holds the talks a clause sets itself in: "Lavrov praised Pakistan's stance amid talks with
Foreign Minister Ishaq Dar", "X told reporters during a meeting with Y", "Y said at a meeting with
X".  A meeting noun in a phrase of time or place under a verb is no argument of that verb
(:func:`kg.extract.scope.adjunct`), so its scope leaves the verb's subject out; but when the
meeting is "with" someone, the one who acts in the clause is the other side of it.  Only the
subject itself (and the names joined to it by "and") is taken, and only when the meeting has no
possessor of its own ("his meeting with": the pronoun's rules decide).  So is the one who speaks
at a gathering ("X said at the summit"): the words were said there, by one who attends."""
from __future__ import annotations

SETTING_PREPS = {"during", "amid", "amidst", "in", "at"}
MEETING_NOUNS = {"talk", "talks", "meeting", "meetings", "discussion", "discussions", "conversation", "negotiations"}
# a gathering someone speaks at ("X told the press at the summit", "said X at the conference")
GATHERING_NOUNS = {"summit", "conference", "forum", "session", "meeting"}
SPEAKING_AT = {"say", "tell", "speak", "state", "remark", "declare", "announce", "stress", "note", "add"}


def holders(trigger) -> list:
    """The head tokens of the subject of the clause whose setting is the meeting ``trigger``
    names, when that meeting is "with" someone or the clause says something at it ("X said at
    the summit", "said PM X at the annual summit": X attends it); [] otherwise."""
    if trigger.dep_ != "pobj" or any(c.dep_ == "poss" for c in trigger.children):
        return []
    prep = trigger.head
    if prep.dep_ != "prep" or prep.lower_ not in SETTING_PREPS:
        return []
    speaker = _speaker_at(prep, trigger)
    if speaker is not None:
        return [speaker]
    verb = prep.head
    if trigger.lower_ not in MEETING_NOUNS or verb.pos_ not in {"VERB", "AUX"}:
        return []
    if not any(c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children):
        return []
    out = []
    for s in (c for c in verb.children if c.dep_ == "nsubj"):
        out.append(s)
        out.extend(c for c in s.children if c.dep_ == "conj")
    return out


def _speaker_at(prep, trigger):
    """The subject of a verb of saying set "at" the gathering ``trigger`` names ("X said at the
    summit"; "said PM X at the summit", where the parse may hang "at" on X), or None."""
    if prep.lower_ != "at" or trigger.lower_ not in GATHERING_NOUNS:
        return None
    word = prep.head
    if word.dep_ == "nsubj" and word.head.pos_ == "VERB" and word.head.lemma_.lower() in SPEAKING_AT:
        return word
    if word.pos_ == "VERB" and word.lemma_.lower() in SPEAKING_AT:
        return next((c for c in word.children if c.dep_ == "nsubj"), None)
    return None
