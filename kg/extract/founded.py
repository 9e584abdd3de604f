"""Bodies a pact is about rather than parties to it: the company or venture a deal sets up
("agreed to set up a joint venture, X", "the statutory documents of X", "the Shareholders
Agreement for X").  Such a body does not exist before the pact and does not sign it: the states
or firms that found it do.
"""
from __future__ import annotations

# the kinds of a pact between parties
PACTS = {"Agreement", "MemorandumOfUnderstanding", "EstablishmentOfRelations"}
# verbs and nouns of founding a body
FOUND_VERBS = {"set", "establish", "create", "form", "found", "incorporate", "register", "launch", "constitute"}
FOUND_NOUNS = {"establishment", "creation", "formation", "founding", "incorporation", "registration", "setting"}
# a body's own papers: "of" or "for" a body after them names the body they found
OWN_PAPERS = {"document", "documents", "charter", "statute", "statutes"}
# nouns of the pact itself: "for" a body after the pact's own noun names what it is about
PACT_NOUNS = {"agreement", "agreements", "deal", "memorandum", "mou", "protocol", "accord", "contract"}


def founded_by_pact(tok, trigger) -> bool:
    """Whether the name at ``tok`` (an organisation in a pact's sentence) is a body the pact
    founds or is about: the object of a verb of founding ("to set up X", "to establish X"),
    after a noun of founding ("the establishment of X"), or after "of"/"for" under the papers
    the pact makes ("statutory documents of X", "the Shareholders Agreement for X"), not a
    party named by "between", "with" or "by"."""
    cur = tok
    while cur.dep_ in {"conj", "appos", "compound"} and cur.head is not cur:
        cur = cur.head
    head = cur.head
    if cur.dep_ in {"dobj", "nsubjpass"} and head.pos_ == "VERB" and head.lemma_.lower() in FOUND_VERBS:
        return True
    if cur.dep_ != "pobj" or head.lower_ not in {"of", "for"}:
        return False
    noun = head.head
    if noun.lower_ in FOUND_NOUNS | OWN_PAPERS:
        return True
    # "an agreement for X" (not "an agreement of X and Y", which may name the parties)
    return head.lower_ == "for" and noun.lower_ in PACT_NOUNS \
        and (noun.i == trigger.i or noun.dep_ == "conj" and noun.head.i == trigger.i)
