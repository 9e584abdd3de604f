"""Whether a capital's name stands for the place or for its government: "visited Moscow", "a
summit in Islamabad" are the places; "Moscow offered to mediate", "relations with Islamabad" the
states.
"""
from __future__ import annotations

# Prepositions after which a capital names a location rather than a government.
PLACE_PREPOSITIONS = {
    "in", "to", "at", "from", "into", "near", "via", "towards", "toward", "inside",
    "outside", "across", "around", "through", "within", "outside",
}
# Verbs whose direct object is a destination.
PLACE_VERBS = {"visit", "reach", "arrive", "leave", "tour", "travel", "fly"}


def reads_as_place(span) -> bool:
    """True when a capital's name is used as a location, not as its government."""
    token = span.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS:
        return True
    if token.dep_ == "dobj" and token.head.lemma_ in PLACE_VERBS:
        return True
    # "the QAU, Islamabad", "Centre for Research and Security Studies, Islamabad":
    # a capital set off by a comma right after a name gives that name's location
    first = span[0]
    if first.i >= 2 and first.nbor(-1).text == "," and first.nbor(-2).pos_ == "PROPN" \
            and token.dep_ in {"appos", "npadvmod", "conj", "pobj", "nmod", "compound"} \
            and (first.nbor(-2).ent_type_ in {"ORG", "FAC"} or token.dep_ == "appos"):
        return True
    return False
