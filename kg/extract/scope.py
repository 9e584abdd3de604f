"""The words around a trigger that may name its participants: its own phrase, the subject
of the clause it is the object of, and the destination or venue."""
from __future__ import annotations

from kg.extract.syntax import SKIP_CHILD, governing_verb, phrase, subject_of
from kg.extract.triggers import TEMPORAL_PREPS

_NOUN_SKIP = SKIP_CHILD - {"relcl"}
ROUND_NOUNS = {"round", "series", "session", "set", "cycle", "phase"}


def anchor(token):
    """"a second round of talks": the phrase of "round" carries the talks' details."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in ROUND_NOUNS:
        return token.head.head
    return token


def scope(token):
    token = anchor(token)
    tokens = list(phrase(token, skip=_NOUN_SKIP if token.pos_ in {"NOUN", "PROPN"} else SKIP_CHILD))
    if token.pos_ == "VERB":
        if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
            tokens += subject_of(token.head) if token.head is not token else []
        else:
            tokens += subject_of(token)
    elif token.dep_ in {"nsubj", "nsubjpass"}:
        verb = token.head
        for c in verb.children:
            if c.dep_ in {"prep", "dobj", "agent", "dative", "npadvmod"} or (
                    c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"}):  # a place list attached to the verb
                tokens.extend(c.subtree)
    elif adjunct(token):
        pass  # "after the invasion", "politics in the war": a modifier, not an argument
    else:
        verb = governing_verb(token)
        if verb is not None:
            tokens += subject_of(verb)
            if token.dep_ in {"dobj", "attr"}:
                for c in verb.children:
                    if c.dep_ in {"prep", "dative"} and c.i > token.i:
                        tokens.extend(c.subtree)
    return tokens


def adjunct(token) -> bool:
    """A noun trigger inside a time adverbial or modifying another noun."""
    if token.dep_ != "pobj":
        return False
    prep = token.head
    return time_adverbial(token) or prep.head.pos_ in {"NOUN", "PROPN"}


def time_adverbial(token) -> bool:
    """Whether the noun ``token`` is the object of a preposition of time ("after the summit",
    "ahead of the Kabul Process meeting"): it dates another act, it is not that act."""
    if token.dep_ != "pobj":
        return False
    prep = token.head
    return prep.lower_ in TEMPORAL_PREPS or (prep.lower_, prep.head.lower_) in TWO_WORD_TEMPORAL


# time adverbials of two words, parsed as an adverb with its preposition ("ahead of", "prior to")
TWO_WORD_TEMPORAL = {("of", "ahead"), ("to", "prior")}


def own_tokens(token):
    """The words that belong to the trigger itself (for plural, generic triggers)."""
    token = anchor(token)
    tokens = list(phrase(token))
    if token.dep_ in {"nsubj", "nsubjpass"}:
        for c in token.head.children:
            if c.dep_ in {"prep", "agent"}:
                tokens.extend(c.subtree)
    return tokens
