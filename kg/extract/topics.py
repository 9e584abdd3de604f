"""What an event is about, named in its own words: "consultations on Afghanistan", "agreed to buy
some of their Hind helicopters", "held discussions to merge the Eurasian Economic Union project
with ...".  What the talks, agreement, offer or backing are about does not take part in them
(:mod:`kg.extract.participants` asks these functions of each candidate)."""
from __future__ import annotations

# kinds whose words may name what they are about ("talks on Afghanistan")
TALKS = {"Meeting", "Summit", "Agreement", "MemorandumOfUnderstanding"}
TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}
# kinds whose words may say what is agreed, offered, discussed or backed
CONTENT_KINDS = TALKS | {"Offer", "StatementOfSupport"}
CONTENT_PREPS = TOPIC_PREPS | {"for"}
# prepositions that name the other side of what is agreed ("to buy from X", "to trade with X")
PARTY_PREPS = {"from", "with", "to", "between", "by", "among"}
CONSENT_VERBS = {"agree", "sign", "ink", "reach", "conclude", "hold", "offer", "announce", "express", "declare"}


def content(tok, trigger) -> bool:
    """Whether the organisation at ``tok`` is named in what the event is about rather than as a
    side of it: inside an infinitive or a topic phrase below the trigger or the verb it is the
    object of ("agreed to buy some of their Hind helicopters", "held discussions to merge the
    Eurasian Economic Union project with ...", "an Agreement on cooperation in Oil Exploration",
    "his support to India for a seat in the UNSC")."""
    tops = {trigger.i}
    if trigger.dep_ in {"dobj", "xcomp", "pobj"} and trigger.head.lemma_.lower() in CONSENT_VERBS:
        tops.add(trigger.head.i)
    cur = tok
    for _ in range(10):
        head = cur.head
        if head.i == cur.i or cur.dep_ == "prep" and cur.lower_ in PARTY_PREPS:
            return False  # "to supply chickpeas for rice from Pakistan's X Company": X is the other side
        if head.i in tops:
            return cur.dep_ == "prep" and cur.lower_ in CONTENT_PREPS or _infinitive(cur)
        if _infinitive(head) or head.dep_ == "prep" and head.lower_ in CONTENT_PREPS and head.head.i in tops:
            return _below(head, tops)
        cur = head
    return False


def _infinitive(tok) -> bool:
    return tok.pos_ == "VERB" and tok.dep_ in {"xcomp", "acl", "advcl", "relcl"} \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _below(tok, tops: set[int]) -> bool:
    """Whether ``tok`` hangs (within a few steps) below one of the tokens ``tops``."""
    cur = tok
    for _ in range(8):
        if cur.i in tops:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


# verbs whose object is what is talked about ("discussed terror threats, Afghanistan and other issues")
DISCUSS_VERBS = {"discuss", "review", "debate", "deliberate"}
# verbs that hold talks, on which a topic phrase often hangs ("will hold talks in Moscow on a settlement in X")
HOLD_VERBS = {"hold", "have", "conduct"}
# words through which a phrase names more of the topic ("the situation in Afghanistan", "peace and
# stability in the region")
TOPIC_INNER = {"pobj", "prep", "compound", "amod", "nmod", "poss", "conj", "appos", "cc", "det"}


def topic(tok, trigger) -> bool:
    """"consultations on Afghanistan", "talks on a negotiated settlement in Afghanistan", "an
    agreement about Kashmir", "discussed terror threats, Afghanistan and other issues": what the
    talks are about, in a phrase of topic under the trigger (or under the verb that holds the
    talks), or the object of a verb of discussing, does not take part.  A phrase of the other
    side within it ("talks on trade with Russia") is no topic."""
    if trigger.lemma_.lower() == "call" and tok.head.lower_ in {"on", "upon"}:
        return False  # "called on Lavrov": the one called on takes part
    tops = {trigger.i}
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in HOLD_VERBS:
        tops.add(trigger.head.i)
    for clause in (c for c in trigger.children if c.dep_ in {"relcl", "acl"}):  # "a meeting set to be held on X"
        tops |= {v.i for v in (clause, *clause.children) if v.pos_ == "VERB" and v.lemma_.lower() in HOLD_VERBS}
    discussing = trigger.pos_ == "VERB" and trigger.lemma_.lower() in DISCUSS_VERBS
    about = None  # what the nearest preposition above says: a topic (True) or a side (False)
    cur = tok
    for _ in range(10):
        head = cur.head
        if head.i == cur.i or cur.dep_ not in TOPIC_INNER | {"dobj"}:
            return False
        if cur.dep_ == "prep" and about is None and cur.lower_ in TOPIC_PREPS | PARTY_PREPS:
            about = cur.lower_ in TOPIC_PREPS
        if head.i in tops:
            if cur.dep_ == "prep" and cur.lower_ in TOPIC_PREPS or discussing and cur.dep_ == "dobj":
                return about is not False
            return False
        if cur.dep_ == "dobj":
            return False
        cur = head
    return False
