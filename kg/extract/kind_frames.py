"""Frames that decide a statement's kind wherever they sit in its words
(:func:`kg.extract.stance.classify_kind` reads them).

* **Readiness** with an act to do: "Russia is ready to play its role" (after "If Pakistan
  and India are willing, ..."), "the embassy stood ready to assist", "we are ready to help"
  (after a sentence of what was done): a word of readiness whose "to" verb is the act, in a
  clause the statement itself asserts (not "the fields it is ready to develop", a relative
  clause; not "is not ready to", a refusal), its subject the speaker's side or not known
  to be another's.
* **Support declared** as the whole of the words: "support for an inclusive reconciliation
  process", "Russia's full support for Islamabad's resolve" (what "reaffirmed", "expressed",
  "announced" take): the speaker backs a cause, a promise of its own stance.
* **A worth observed**, not urged: "noted / highlighted the importance of X" sees X's worth
  (an Assessment), as "recognised" does, where "stressed / underlined the importance of X"
  urges it; "noted that it is necessary to ..." still urges.
"""
from __future__ import annotations

from typing import Callable

# Words of readiness to act; not of wish or resolve ("keen to explore", "remains determined
# to boost it"): in the dev gold those describe an attitude, an Assessment, as often as a promise.
READY = frozenset({"ready", "willing", "prepared"})
_CLAUSES_OF_THEIR_OWN = ("relcl", "advcl", "acl", "pcomp", "csubj")


def _asserted(token, content) -> bool:
    """No relative, adverbial or subject clause stands between the token and the words' root
    (or the root of the token's sentence, when the words span several)."""
    while token.head.i != token.i and (content is None or token.i != content.root.i):
        if token.dep_ in _CLAUSES_OF_THEIR_OWN:
            return False
        token = token.head
    return True


def stands_ready(tokens, content, own_side: Callable | None = None) -> bool:
    """A word of readiness with a "to" verb ("is ready to help", "stood ready to assist"),
    asserted by the statement, not negated, whose subject is not known to be another side."""
    for t in tokens:
        if t.lower_ not in READY or t.pos_ != "ADJ":
            continue
        act = next((c for c in t.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")
                    and any(a.tag_ == "TO" for a in c.children)), None)
        if act is None or not _asserted(t, content):
            continue
        holder = t.head if t.dep_ in ("acomp", "oprd", "xcomp") else t
        if any(c.dep_ == "neg" for c in (*holder.children, *t.children)):
            continue  # "is not ready to": a refusal, no promise
        subj = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and own_side is not None and own_side(subj) is False:
            continue  # "India is ready to ..." said by a Russian: a report of another's stance
        return True
    return False


def declares_support(content) -> bool:
    """The words are a noun phrase of support for or to something ("support for an inclusive
    process", "Russia's full support for ...", "his support to India for ..."): no verb of
    its own, the noun "support" near its start with "for" or "to" after it."""
    if content is None or not len(content):
        return False
    root = content.root
    if root.lemma_.lower() != "support" or root.pos_ != "NOUN" or root.i - content.start > 4:
        return False
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in content if t.i < root.i):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("for", "to") for c in root.children)


_NOTING = frozenset({"note", "highlight", "acknowledge"})


def observed(content, cue_lemma: str, recognising: frozenset) -> bool:
    """The cue sees a worth rather than urging it: a verb of ``recognising`` ("recognised the
    importance of / that it is necessary to"), or one of taking note with a noun of worth for
    its words ("noted the importance of X"; not "noted that it is necessary ...")."""
    return cue_lemma in recognising or cue_lemma in _NOTING and content is not None and len(content) > 0 \
        and content.root.pos_ == "NOUN"
