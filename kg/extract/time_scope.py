"""Which clause a time belongs to, beyond the parse tree's own answer.

A time that seems to sit in an event's clause may date something else: the report
("according to Kremlin spokesman Dmitry Peskov on Monday"), the start of a gap ("the first
visit since 2011"), the main verb of a noun that has a clause of its own ("placed an order
in late April under a deal struck with Russia"), or an arrival ("troops arrived on 5
November for the joint exercise"; a visit, though, begins with the arrival).  And a time
outside it may be its own: a relative clause joined by "where" or "by which" to a clause
that tells an event happened then too ("had signed an agreement late last year by which
Russia lifted embargoes").
"""
from __future__ import annotations

import re

from kg.extract.model import TimeValue
from kg.extract.triggers import TRIGGER_WORDS, lexicon_kind


def clause_of(token):
    """The verb heading the clause ``token`` stands in (the root when there is none)."""
    cur = token
    for _ in range(10):
        if cur.pos_ in {"VERB", "AUX"} and cur.dep_ not in {"aux", "auxpass"}:
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


OCCURRING = {"take", "hold", "happen", "occur", "begin", "start", "end", "conclude", "last", "run", "open",
             "sign", "conduct", "stage", "commence", "organise", "organize"}
_ACCORDING_RE = re.compile(r"\baccording to [^,;:.!?()“”\"]{1,60}$", re.I)


RELATIVE_PREPS = {"by", "under", "through", "during", "in", "at"}


def relative_of_event(ctx, clause) -> bool:
    """A relative clause without a time of its own, joined by "where" or "by which" to a
    clause that tells an event ("had signed an agreement late last year by which Russia
    lifted embargoes"): its event took place then too."""
    if clause.dep_ != "relcl" or clause.head.i == clause.i:
        return False
    joined = any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children) or any(
        c.dep_ == "prep" and c.lower_ in RELATIVE_PREPS and any(g.lower_ == "which" for g in c.children)
        for c in clause.children)
    anchor = clause_of(clause.head)
    if not joined or anchor.lemma_.lower() not in TRIGGER_WORDS | OCCURRING:
        return False
    words = list(clause.subtree)
    return not ctx.times_in(words[0].idx, words[-1].idx + len(words[-1]))


def dates_a_source(text: str, word, time: TimeValue) -> bool:
    """"..., according to Kremlin spokesman Dmitry Peskov on Monday": the time of the report
    (under "according to" in the parse, or right after its name in the text)."""
    if any(a.lower_ == "according" for a in list(word.ancestors)[:4]):
        return True
    return bool(_ACCORDING_RE.search(text[max(0, time.span.start - 80):time.span.start].rstrip()))


GAP_ADJECTIVES = {"first", "only", "last"}


def gap_since(token, word, time: TimeValue) -> bool:
    """"Bilawal's trip is the first visit ... since 2011": the time the gap starts, not the
    visit's (the trip is the visit: its subject); a clause of its own ("since 2011, when X
    visited") keeps it."""
    if not time.span.text.lower().startswith("since"):
        return False
    prep = word.head if word.dep_ == "pobj" else word
    noun = prep.head
    if prep.lower_ != "since" or noun.pos_ not in {"NOUN", "PROPN"} or not any(
            c.dep_ == "amod" and c.lower_ in GAP_ADJECTIVES for c in noun.children):
        return False
    return token.i == noun.i or (token.head.i == noun.head.i and noun.dep_ == "attr")


# the verbs of a clause that tells a noun's own event: "a deal struck with Russia", "the
# agreement, which was signed in 2015"
OWN_CLAUSE_VERBS = {"sign", "strike", "reach", "conclude", "ink", "seal", "agree", "hold", "stage", "conduct"}
MOTION_VERBS = {"arrive", "land", "reach", "come", "travel", "fly", "leave", "depart", "gather", "assemble"}


def has_own_clause(noun) -> bool:
    """A noun (not a clause's subject) with a participle or relative clause of its own that
    tells its event ("a deal struck with Russia", "the accord signed by the ministers"): a time
    outside that clause dates another verb.  A participle that only describes the thing
    ("an agreement aimed at trade", "a deal worth $2 billion") tells no event of its own."""
    if noun.dep_ in {"nsubj", "nsubjpass"}:
        return False
    return any(c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in OWN_CLAUSE_VERBS
               or c.dep_ == "acl" and c.tag_ == "VBN" and any(a.dep_ == "agent" for a in c.children)
               for c in noun.children)


def arrived_for(noun) -> bool:
    """"troops arrived in Pakistan on 5 November for the joint exercise": the time dates the
    arrival, not the drill, summit or talks (a visit begins with the arrival)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for" or noun.head.head.lemma_.lower() not in MOTION_VERBS:
        return False
    return lexicon_kind(noun) != "StateVisit"


def second_relative(token, clause) -> bool:
    """"the multinational exercise that the navy has staged since 2007, and which was held
    from 7 to 11 February": a second relative clause on the noun, which the parser may hang
    from the sentence's verb instead."""
    which = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ == "which"]
    if not which or clause.dep_ != "conj" or clause.lemma_.lower() not in OCCURRING:
        return False
    first = [c for c in token.children if c.dep_ == "relcl"]
    if not first:
        return False
    end = max(t.i for t in first[-1].subtree)
    between = token.doc[end + 1:which[0].i]
    return end < which[0].i and all(t.is_punct or t.lower_ in {"and", "but"} for t in between)


SEQUENCE_WORDS = {"before", "after", "following", "ahead", "prior"}


def follows_other_event(ctx, clause, time: TimeValue) -> bool:
    """"will hold talks ahead of the Kabul Process meeting in the Afghan capital on February
    28": a time right after a phrase naming another event the clause's event precedes or
    follows may be that event's; it is left to neither (a wrong time costs more)."""
    for word in clause.subtree:
        if word.lower_ not in SEQUENCE_WORDS or word.head.i != clause.i and word.head.head.i != clause.i:
            continue
        nouns = [t for t in word.subtree if t.pos_ in {"NOUN", "PROPN"} and lexicon_kind(t)]
        if not nouns:
            continue
        words = list(word.subtree)
        end = words[-1].idx + len(words[-1])
        if end <= time.span.start and not ctx.text[end:time.span.start].strip():
            return True
    return False



SIDELINES = {"sideline", "sidelines", "margin", "margins"}


def on_the_sidelines(verb) -> bool:
    """"will meet X on the sidelines of the summit": the verb's event is set inside a
    gathering (its day is a day of the gathering, its status the gathering's)."""
    return any(c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in SIDELINES for g in c.children)
               for c in verb.children)


def framing_gathering(noun) -> bool:
    """A noun that names the gathering on whose sidelines the clause's event takes place
    ("met Putin on the sidelines of the SCO summit", "met X on the sidelines at the annual
    meeting"): a time of the clause dates that event, one day of the gathering, not the
    gathering itself."""
    cur = noun
    for _ in range(3):
        if cur.dep_ != "pobj" or cur.head.dep_ != "prep":
            return False
        up = cur.head.head
        if up.lemma_.lower() in SIDELINES:
            return True
        if up.pos_ in {"VERB", "AUX"}:
            return cur.head.lower_ in {"at", "of"} and on_the_sidelines(up)
        cur = up
    return False


# the verbs of a relative clause that say when its subject took place and are said of events
# only (a project, a crisis or a war also "began" or "was planned"): "which took place",
# passive "which was held", "which was scheduled for"
EVENT_PASSIVE_VERBS = {"hold", "schedule", "slate", "reschedule", "postpone", "cancel", "convene", "conduct",
                       "stage", "organise", "organize", "host"}
PHRASE_WORDS = {"DET", "ADJ", "PROPN", "NOUN", "ADP", "CCONJ", "PUNCT", "NUM", "PART"}
MAX_PHRASE = 25  # tokens between the trigger and "which"


def event_relative(noun):
    """The verb of a relative clause right after a trigger noun's phrase that tells the
    noun's event ("the meeting of the SCO Council of Heads of Government, which took place
    Tuesday"; "the visit to Pakistan, which was scheduled for 10 April"), wherever the parser
    hangs it; None when there is none, or when the words between name another event or hold
    a verb ("the meeting after the summit, which ...": which of the two?)."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    sent = noun.sent
    for t in noun.doc[noun.i + 1:min(sent.end, noun.i + MAX_PHRASE + 2)]:
        if t.lower_ in {"which", "that"} and t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ in {"relcl", "acl"}:
            verb = t.head
            if t.dep_ == "nsubjpass" and verb.lemma_.lower() not in EVENT_PASSIVE_VERBS:
                return None
            if t.dep_ == "nsubj" and not (verb.lemma_.lower() == "take" and any(
                    c.lower_ == "place" for c in verb.children)):
                return None
            return verb if _only_the_phrase(noun, t) else None
        if t.pos_ not in PHRASE_WORDS or t.dep_ in {"relcl", "acl"}:
            return None
    return None


def _only_the_phrase(noun, which) -> bool:
    """The words between a trigger and "which" name no other event and hold no verb."""
    between = noun.doc[noun.i + 1:which.i]
    return all(t.pos_ in PHRASE_WORDS and not (t.pos_ == "NOUN" and lexicon_kind(t)) for t in between)


_CALENDAR_DAY_RE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|"
                              r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)


def calendar_day(time: TimeValue) -> bool:
    """Whether a time left without a value names a day of a month ("on June 9 to 10", "on 13
    October"): an undated article's day, which the guide keeps as words; not "on Friday",
    "last year" or "the same day", whose words say little without the article's date."""
    return time.is_partial and bool(_CALENDAR_DAY_RE.search(time.span.text))


FRAMING_NOUNS = {"sideline", "sidelines", "margin", "margins", "side", "occasion", "eve", "course", "day"}


def under_another_noun(token) -> bool:
    """"a mediator in the conflict", "an expert on the war": a trigger noun in the phrase of a
    noun that names no event (a role, a person) belongs to that noun, whose clause's time
    is not the event's ("the sidelines of the summit in September", "the signing of the
    deal" frame or name the event: their time is its)."""
    if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ != "pobj" or token.head.lower_ not in {"in", "as", "on"}:
        return False
    above = token.head.head
    if above.pos_ not in {"NOUN", "PROPN"} or above.lemma_.lower() in FRAMING_NOUNS:
        return False
    return lexicon_kind(above) is None
