"""Who stands beside an event without taking part in it, read from the grammar around its
trigger: who invites and who is invited to it, who comments on it or speaks about it; and who
comes to it ("X arrived in Y for joint drills"), which the scope of the trigger often misses.
Each function returns the token indices of the phrases that name them.
"""
from __future__ import annotations

# words by which a side comes to an event ("a Russian contingent arrived in Pakistan for the joint
# exercise", "the arrival of a Russian squad for joint drills", "a contingent of the Pakistan armed
# forces participated in the exercises"): that side and the state it arrives in take part
JOIN_WORDS = {"arrive", "arrival", "participate", "participation", "join", "take", "come", "reach"}
# verbs by which someone comments on an event named as their object ("the ambassador welcomed the
# meeting between the foreign ministers of A and B"): the commentator does not take part
COMMENT_VERBS = {"welcome", "hail", "praise", "applaud", "laud", "commend", "appreciate", "criticise",
                 "criticize", "condemn", "denounce", "deplore", "slam", "question"}


def invitation(trigger) -> set[int]:
    """The tokens that name who invites and who is invited to the event ``trigger`` names
    ("Putin invited Sharif to attend the summit", "extended an invitation to Sharif to attend
    the meeting of ..."): an invitation is not attendance, and the gold leaves both out."""
    cur = trigger
    if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.dep_ == "dobj":
        cur = cur.head.head  # "to attend the Heads of Government meeting"
    attend = cur.head
    if cur.dep_ != "dobj" or attend.lemma_.lower() not in {"attend", "visit", "join"}:
        return set()
    out: set[int] = set()
    inviter = attend.head
    if attend.dep_ == "xcomp" and inviter.lemma_.lower() == "invite":
        for c in inviter.children:
            if c.dep_ in {"nsubj", "dobj"}:
                out |= _phrase(c)
    elif attend.dep_ == "acl" and inviter.lemma_.lower() == "invitation":
        for c in inviter.children:
            if c.dep_ == "prep" and c.lower_ == "to":
                out |= _phrase(c)
        verb = inviter.head
        if inviter.dep_ == "dobj":
            out |= {i for c in verb.children if c.dep_ == "nsubj" for i in _phrase(c)}
    return out


def commentator(trigger) -> set[int]:
    """The tokens that name who comments on the event ``trigger`` names when the event is
    the object of a verb of welcoming or condemning ("X welcomed the agreement between A and B
    and the meeting between C and D", "he welcomed the decision of Y to visit Z", "... of Y to
    visit Goa to attend the conference")."""
    if trigger.pos_ not in {"NOUN", "PROPN", "VERB"}:
        return set()
    told = _told_about(trigger)
    if told:
        return told
    cur = trigger
    for _ in range(6):
        head = cur.head
        if head.i == cur.i:
            break
        if cur.dep_ == "dobj" and head.lemma_.lower() in COMMENT_VERBS:
            return {i for c in head.children if c.dep_ in {"nsubj", "nsubjpass"} for i in _phrase(c)}
        if cur.dep_ not in {"dobj", "pobj", "prep", "conj", "acl", "xcomp", "aux", "advcl"}:
            break
        cur = head
    return set()


# words by which someone speaks about an event ("Giving details about the visit, he said ...",
# "speaking about the summit", "asked about the meeting"): the speaker does not take part
TELL_WORDS = {"give", "speak", "talk", "comment", "brief", "say", "ask", "respond", "answer", "tell", "write",
              "inform", "remark", "share", "explain", "elaborate", "detail", "question"}


def _told_about(trigger) -> set[int]:
    """The tokens naming who speaks about the event ``trigger`` names when it is what a word
    of telling is "about" ("Giving details about the visit of X to Y, he said": he)."""
    if trigger.dep_ != "pobj" or trigger.head.lower_ not in {"about", "regarding", "concerning"}:
        return set()
    word = trigger.head.head
    if word.pos_ == "NOUN" and word.dep_ in {"dobj", "pobj"}:
        word = word.head if word.dep_ == "dobj" else word.head.head  # "giving details about"
    if word.pos_ != "VERB" or word.lemma_.lower() not in TELL_WORDS:
        return set()
    for verb in (word, word.head):
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return {i for c in subjects for i in _phrase(c)}
        if word.dep_ not in {"advcl", "xcomp", "acl"}:
            break
    return set()


def joining_side(trigger) -> set[int]:
    """The tokens that name who comes to the event ``trigger`` names when the trigger is what
    a word of arriving or taking part leads to ("X arrived in Y for joint drills", "the arrival
    of X for the exercise", "X participated in / took part in the exercises"): the subject of
    that word or what its noun is "of", and for arriving the place reached."""
    if trigger.dep_ != "pobj" or trigger.head.lower_ not in {"for", "in", "to"}:
        return set()
    word = trigger.head.head
    if word.lemma_.lower() == "part" and word.head.lemma_.lower() == "take":
        word = word.head  # "took part in"
    if word.lemma_.lower() not in JOIN_WORDS or word.lemma_.lower() == "take" and trigger.head.head.lower_ != "part":
        return set()
    out: set[int] = set()
    for c in word.children:
        if c.dep_ in {"nsubj", "poss"}:
            out |= _phrase(c)
        elif c.dep_ == "prep" and c.lower_ == "of" and word.pos_ == "NOUN":
            out |= _phrase(c)
        elif c.dep_ == "prep" and c.lower_ in {"in", "to", "at"} and c.i != trigger.head.i \
                and word.lemma_.lower() in {"arrive", "arrival", "come", "reach"}:
            out |= _phrase(c)
    return out


# "the successor (state) of X", "on behalf of X", "in place of X": X is who the party stands in for
STAND_IN_NOUNS = {"successor", "heir", "behalf", "place", "stead", "lieu"}
STAND_IN_VERBS = {"replace", "succeed", "supersede", "substitute"}


def stand_in(tok) -> bool:
    """Whether ``tok`` names one for whom another stands in ("recognised Russia as the successor
    state of the USSR", "A replaced X", "spoke on behalf of X"): X is not a party of the event."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "the successor of the USSR and its republics"
    if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in STAND_IN_VERBS:
        return True
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    noun = tok.head.head
    if noun.lower_ in {"place", "stead", "lieu"}:
        return noun.dep_ == "pobj" and noun.head.lower_ == "in"  # "in place of X", not "the place of the talks"
    return noun.lower_ in STAND_IN_NOUNS or any(
        c.dep_ in {"compound", "amod"} and c.lower_ == "successor" for c in noun.children)


def _phrase(tok) -> set[int]:
    """The tokens of the phrase under ``tok`` without the clauses and appositions that describe
    it ("Russia and Pakistan, two Cold War enemies when the former existed as the USSR")."""
    out = {tok.i}
    for c in tok.children:
        if c.dep_ not in {"relcl", "advcl", "appos", "ccomp"}:
            out |= _phrase(c)
    return out
