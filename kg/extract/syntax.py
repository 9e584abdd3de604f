"""Questions about the dependency parse that several extractors ask: a word's own
phrase, the verb that governs it, the subject of a clause."""
from __future__ import annotations

SKIP_CHILD = {"conj", "cc", "relcl", "advcl", "ccomp", "parataxis", "appos_clause"}


def phrase(token, skip=SKIP_CHILD):
    """The word's own phrase: its subtree without coordinated or subordinate clauses."""
    out = [token]
    for child in token.children:
        if child.dep_ in skip:
            continue
        out.extend(child.subtree)
    return out


def governing_verb(token, limit=5):
    """Climb from an object or prepositional phrase to the verb that governs it."""
    cur = token
    for _ in range(limit):
        if cur.dep_ in {"ROOT"} or cur.head is cur:
            return cur if cur.pos_ in {"VERB", "AUX"} else None
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"} or cur.dep_ == "ROOT":
            return cur
    return None


def subject_of(verb, limit=4):
    """Tokens of the subject of ``verb``, climbing through xcomp/relcl/acl when it has none."""
    cur = verb
    for _ in range(limit):
        subjects = [c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass", "agent"}]
        if any(c.tag_ in {"WDT", "WP"} for c in subjects) and cur.dep_ == "relcl":
            return [cur.head]  # "Pakistan, which became ...": the antecedent
        if subjects:
            tokens = []
            for s in subjects:
                if s.dep_ == "agent":
                    tokens.extend(s.subtree)
                else:
                    tokens.extend(phrase(s, skip={"relcl", "advcl", "ccomp"}))
            return tokens
        if cur.head is cur:
            return []
        cur = cur.head
    return []


def name_head(tok):
    """The word a name's phrase hangs on the sentence by: up from a name through the words it is
    a compound of, in apposition to or listed with ("Prime Minister Shehbaz Sharif and X")."""
    while tok.dep_ in {"compound", "appos", "conj"} and tok.head.i != tok.i:
        tok = tok.head
    return tok
