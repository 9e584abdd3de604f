"""Where the grammar of a sentence puts a name outside the event its trigger names: in an
occasion that frames the event, in a clause of its own, among those who react to it, in the
title of a post abroad, in a dateline's credit or an "according to" source, by a place
where another act happens, or as the sender or addressee of a message someone carries.
"""
from __future__ import annotations

import re

from kg.extract.context import Context
from kg.extract.names import POST_HEADS
from kg.extract.scope import time_adverbial
from kg.extract.speaker_side import SAYING
from kg.extract.syntax import name_head
from kg.extract.triggers import NOUN_TRIGGERS, SPEECH_VERBS, trigger_kind

# nouns that name an occasion: a name inside one belongs to it, not to an event it frames
# ("met Lavrov on the sidelines of the SCO summit in Astana": SCO and Kazakhstan frame the meeting)
FRAME_NOUNS = set(NOUN_TRIGGERS) | {"sidelines", "sideline", "margins", "margin", "conference", "forum",
                                    "ceremony", "session", "gathering", "fair", "exhibition", "expo",
                                    "congress", "festival", "celebration", "parade", "anniversary"}
VENUE_PREPS = {"at", "during", "on", "after", "before", "following", "ahead"}
# prepositions by which a trigger noun names who holds it ("a visit of / by a delegation")
OWN_PREPS = {"of", "by", "between", "among"}


def according_to(tok) -> bool:
    """Whether the name at ``tok`` is the source an event is reported by ("according to X",
    "according to X's spokesman"): the guide leaves the source out."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "pobj" and cur.head.lower_ == "to" and cur.head.head.lower_ == "according":
            return True
        if cur.head is cur or cur.dep_ not in {"compound", "poss", "appos", "pobj", "amod", "nmod"}:
            return False
        cur = cur.head
    return False


def credit(text: str, tok) -> bool:
    """Whether ``tok`` (of the article ``text``) is in the agency or paper a dateline
    credits ("Moscow, 30 January 2023 (TDI):", "ISLAMABAD (Dunya News) –", "ISLAMABAD,
    October 16. /TASS/."): the report's source, no party to the events it reports."""
    start = text.rfind("\n", 0, tok.idx) + 1  # a dateline opens its paragraph
    if tok.idx - start > 80:
        return False
    for found in _CREDIT.finditer(text[start:start + 120]):
        group = next(g for g in (1, 2, 3) if found.group(g) is not None)
        if found.start() <= 60 and found.start(group) <= tok.idx - start < found.end(group):
            return True
    return False


def dateline_line(text: str, tok) -> bool:
    """Whether ``tok`` (of the article ``text``) stands on a line of its own that only says
    where the report was filed ("Benaulim, India" between two paragraphs): a dateline, which the
    parse may glue to the sentences around it; it names no party to any event."""
    start = text.rfind("\n", 0, tok.idx) + 1
    end = text.find("\n", tok.idx)
    line = text[start:end if end >= 0 else len(text)].strip()
    return start > 0 and end >= 0 and bool(_DATELINE_LINE.match(line))


#: "Benaulim, India", "Kazan, Russia": a place and the state it lies in, alone on a line
_DATELINE_LINE = re.compile(r"^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}, [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}$")


#: A credit after a dateline's place and date: "(TDI):", "(Dunya News) –", "/TASS/."
_CREDIT = re.compile(r"\(([^()\n]{1,40})\)\s*[:\-–—]|/([^/\n]{1,30})/\s*\."
                     # "MOSCOW, (APP - UrduPoint / Pakistan Point News - 4th Dec, 2024) Pakistan ...": an
                     # upper-case city, then the credit in brackets with no colon after it
                     r"|^[A-Z][A-Z .'-]{2,30},?\s*\(([^()\n]{1,80})\)")


def framed(tok, trigger) -> bool:
    """Whether the name at ``tok`` sits inside an occasion or a time phrase that frames the
    trigger rather than inside the trigger's own words: on the way up from ``tok`` to the
    trigger (or to the word above both) lies another event noun or an occasion as the object
    of a preposition ("after the SCO summit", "on the sidelines of ...")."""
    if tok.pos_ == "PROPN" and tok.lemma_.lower() in FRAME_NOUNS and tok.dep_ == "pobj" \
            and tok.head.lower_ in VENUE_PREPS:
        return True  # the occasion's own name: "talks during the Annual Trade Fair and Industrial Forum"
    above = {t.i for t in trigger.ancestors} | {trigger.i}
    cur = tok
    for _ in range(12):
        if cur.head is cur or cur.i in above:
            return False
        cur = cur.head
        if cur.i in above:
            return False
        if cur.pos_ in {"NOUN", "PROPN"} and cur.lemma_.lower() in FRAME_NOUNS and cur.dep_ == "pobj" \
                and not (cur.head.lower_ in OWN_PREPS and cur.head.head.i == trigger.i):
            return True  # (not the trigger's own "of" phrase: "a visit of a Russian delegation")
    return False


CLAUSES = {"relcl", "advcl", "ccomp"}


def other_clause(ctx: Context, tok, trigger) -> bool:
    """Whether the name at ``tok`` sits in a clause of its own below the word that joins it
    to the trigger ("The collapse ... provided an opportunity, which was taken up by both
    sides": the sides do not take part in the collapse).  A relative clause about the event
    ("the exercise that the Pakistan Navy has staged") or about a person ("Aksyonov, who had
    commanded the Russian contingent") is no boundary."""
    above = {t.i for t in trigger.ancestors} | {trigger.i}
    cur = tok
    for _ in range(12):
        if cur.i in above or cur.head is cur:
            return False
        if cur.dep_ in CLAUSES and not (cur.dep_ == "relcl" and cur.head.i == trigger.i):
            about = ctx.mention_at(cur.head)
            if not (cur.dep_ == "relcl" and about is not None and ctx.core_type(about.entity) == "Person"):
                return True
        cur = cur.head
    return False


def subordinate(tok, trigger) -> bool:
    """Whether the trigger stands in a clause with a subject of its own below the clause that
    names ``tok`` ("As Pakistan and Russia started their first joint exercises, India's ties
    with Moscow shifted": India; "X said the visit went well": X)."""
    above_tok = {t.i for t in tok.ancestors} | {tok.i}
    cur = trigger
    for _ in range(12):
        if cur.i in above_tok or cur.head is cur:
            return False
        if cur.dep_ in {"advcl", "ccomp"} and cur.pos_ in {"VERB", "AUX"} \
                and any(c.dep_ in {"nsubj", "nsubjpass"} for c in cur.children) and cur.head.i in above_tok \
                and cur.head.i != tok.i:
            return True
        cur = cur.head
    return False


# prepositions of time that put an act at the event, not before or after it ("met during the summit")
AT_THE_TIME_PREPS = {"during", "amid", "throughout"}


def dated_by(tok, trigger) -> bool:
    """Whether the trigger is a time adverbial of the clause that names ``tok`` ("Asif and
    Lavrov will hold talks ahead of the Kabul Process meeting": Asif and Lavrov hold the talks,
    the meeting only dates them); not one that puts the clause's act at the event ("met
    during the summit")."""
    above_tok = {t.i for t in tok.ancestors} | {tok.i}
    cur = trigger
    for _ in range(12):
        if cur.i in above_tok or cur.head is cur:
            return False
        if cur.pos_ in {"NOUN", "PROPN"} and time_adverbial(cur) and cur.head.lower_ not in AT_THE_TIME_PREPS:
            return True
        cur = cur.head
    return False


# verbs of how an event was received ("the exercises haven't gone well with India", "the visit
# angered Delhi"): who reacts does not take part
REACTION_VERBS = {"go", "anger", "irk", "upset", "alarm", "worry", "concern", "annoy", "displease", "please",
                  "trouble", "unsettle", "rattle", "provoke", "draw", "attract", "spark", "raise"}


def reaction(tok, trigger) -> bool:
    """Whether ``tok`` names who reacts to the event its trigger, the subject, names."""
    if trigger.dep_ not in {"nsubj", "nsubjpass"} or trigger.head.lemma_.lower() not in REACTION_VERBS:
        return False
    return tok.i not in {t.i for t in trigger.subtree}


def nearer_event(tok, trigger) -> bool:
    """Whether the name at ``tok`` sits in a clause that names an event of its own
    ("support ..., following which there have been meetings ... in Ufa": Ufa is where
    the meetings were, not the support)."""
    cur = tok.head
    for _ in range(12):
        if cur.i == trigger.i or cur.head.i == cur.i:
            return False
        if cur.pos_ in {"VERB", "AUX"} and any(
                c.i != trigger.i and c.dep_ in {"nsubj", "nsubjpass", "attr", "dobj"} and trigger_kind(c) is not None
                for c in cur.children):
            return True
        cur = cur.head
    return False


def coordinated_event(tok, trigger) -> bool:
    """Whether the name at ``tok`` sits under a noun coordinated into the trigger's phrase
    that names an event of its own ("welcomed the agreement between A and B and the meeting
    between the ministers of C and A": C is of the meeting, not the agreement).  The parse
    often hangs such a second event on the last name of the first."""
    cur = tok
    for _ in range(12):
        if cur.i == trigger.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "conj" and cur.i != tok.i and cur.head.i != trigger.i and cur.pos_ in {"NOUN", "PROPN"} and trigger_kind(cur) is not None:
            return True
        cur = cur.head
    return False


# titles of a post in another state ("Ambassador to China", "envoy in Moscow", "an adviser to")
POST_TITLES = {"ambassador", "envoy", "representative", "consul", "adviser", "advisor", "attache", "attaché",
               "commissioner", "emissary"}


def post(tok) -> bool:
    """"Ambassador to China Nadeem Qureshi": the state where a person's post is, named in
    their title, is not what takes part."""
    return tok.dep_ == "pobj" and tok.head.lower_ in {"to", "in", "at"} \
        and tok.head.head.lemma_.lower() in POST_TITLES and tok.head.head.i < tok.i


# the heads of a title that names the body its holder leads or sits in ("Speaker of the National
# Assembly X", "Chairperson of the Federation Council X"), and the heads of a state body's name
OFFICE_HEADS = POST_HEADS | {"chairperson", "head", "member", "leader"}
BODY_HEADS = {"assembly", "council", "duma", "senate", "parliament", "ministry", "committee", "commission",
              "department", "office", "navy", "army", "forces", "force", "cabinet", "secretariat", "majlis"}


def office_body(tok) -> bool:
    """"Chairperson of the Federation Council Valentina Matvienko", "Speaker of the National
    Assembly X": the state body a person's title names.  The guide adds no ministry, service or
    parliament because its head or member takes part (it does when it acts as a body)."""
    if tok.lemma_.lower() not in BODY_HEADS:
        return False
    if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.lemma_.lower() not in BODY_HEADS:
        tok = tok.head  # the parse hangs the body on the holder's name: "of the Federation Council X"
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    title = tok.head.head
    return title.lemma_.lower() in OFFICE_HEADS and title.i < tok.i


def reports_it(tok, trigger) -> bool:
    """Whether ``tok`` is the subject of a verb of saying whose reported clause holds the
    ``trigger`` ("The forum was held in October ..., he added"; "He said the two sides met"):
    the source of the report, not a party to the event (the guide's "source that reports")."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.lemma_.lower() not in SAYING or verb.i == trigger.i:
        return False
    # the reported clause, or words the parse hung on the cue by a comma or a loose link ("the
    # Forum (October 1-2) ..., he added"), not the cue's own circumstances ("At the meeting, he said")
    return any(c.dep_ in {"ccomp", "parataxis", "punct", "dep"} and any(t.i == trigger.i for t in c.subtree)
               for c in verb.children)


def act_of_its_own(tok, trigger) -> bool:
    """Whether the place at ``tok`` is where another act happens, named by an infinitive or
    a trigger verb between it and the trigger ("an agreement to build a steel mill in
    Karachi", "welcomed the decision of X to visit Goa"); "the agreement signed in Moscow"
    keeps its place."""
    above = {t.i for t in trigger.ancestors} | {trigger.i}
    cur = tok.head
    for _ in range(10):
        if cur.i in above or cur.head is cur:
            return False
        if cur.pos_ == "VERB" and (any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
                                   or trigger_kind(cur) is not None):
            return True
        cur = cur.head
    return False


# what one person sends another through a third: its sender and addressee are not at the event
MESSAGES = {"letter", "letters", "message", "messages", "greetings", "wishes", "regards", "invitation", "note",
            "condolences", "felicitations", "congratulations"}


def sender_of_message(tok) -> bool:
    """Whether the name at ``tok`` sends or receives a message that someone else carries ("Y
    delivered a letter from Prime Minister X to President Z", "conveyed the Prime Minister's
    wishes", "a letter addressed to Z"): neither X nor Z takes part in Y's meeting."""
    tok = name_head(tok)
    head = tok.head
    if tok.dep_ == "poss":
        return head.lower_ in MESSAGES
    if tok.dep_ != "pobj" or head.lower_ not in {"from", "to", "of"}:
        return False
    holder = head.head
    if holder.pos_ == "VERB" and holder.dep_ in {"acl", "relcl"}:  # "a letter addressed to Z"
        holder = holder.head
    while holder.dep_ == "pobj" and holder.head.head.i != holder.i:  # "a letter from X to Z": "to" under "from"
        holder = holder.head.head
    if holder.pos_ == "VERB" and head.lower_ == "to":  # "delivered a letter from X to Z": Z is the verb's
        return any(c.dep_ == "dobj" and c.lower_ in MESSAGES for c in holder.children)
    return holder.lower_ in MESSAGES


def trailing_speaker(tok) -> bool:
    """Whether the name whose head is ``tok`` is the one who tells the sentence, set right before
    a verb of saying that the parse left without a subject ("... during Sharif's visit to Moscow,
    Pakistani Ambassador X told Sputnik": the parse hangs X on the visit): the source of the
    report, not a party to the event."""
    after = tok.i + 1
    if after >= len(tok.doc):
        return False
    verb = tok.doc[after]
    return verb.pos_ == "VERB" and verb.lemma_.lower() in SPEECH_VERBS and tok.dep_ not in {"nsubj", "nsubjpass"} \
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
