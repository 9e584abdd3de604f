"""Find the few tokens a rule can fire on without walking every token in Python,
and read a Doc's text once.

Most rules start from a cue word ("visit", "membership", "cooperation", a modal verb).
Making a ``Token`` object for every word of an article and reading its attributes costs
more than the rules themselves, so the candidates are picked from the Doc's attribute
arrays (``Doc.to_array``) instead: one comparison per distinct word, then a vectorised
look-up.  The rules still check each candidate in full, so a filter only has to keep
every token that could fire (it may keep more).

>>> from kg.extract.pipeline import load_nlp
>>> doc = load_nlp()("Russia offered Cooperation. It will visit Pakistan.")
>>> [doc[i].text for i in token_indices(doc, lemma={"cooperation", "visit"}, tag={"MD"})]
['Cooperation', 'will', 'visit']
"""
from __future__ import annotations

from typing import Collection

import numpy as np
from spacy.attrs import DEP, IDX, LEMMA, LOWER, POS, TAG

# attribute -> (spaCy attribute id, how its values compare): the lemma lower-cased, as
# the rules read ``token.lemma_.lower()``; ``idx`` (character offset) as a number
_ATTRS = {"lemma": (LEMMA, "lower"), "lower": (LOWER, "string"), "tag": (TAG, "string"),
          "pos": (POS, "string"), "dep": (DEP, "string"), "idx": (IDX, "number")}
_STRINGS: dict[tuple[int, bool], str] = {}  # (hash, lower-cased) -> string; hashes are stable
_TEXT = "kg.text"


def doc_text(doc) -> str:
    """``doc.text``, joined once per Doc (spaCy rebuilds it from every token on each access)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def _value(strings, key: int, how: str) -> str | int:
    if how == "number":
        return key
    text = _STRINGS.get((key, how == "lower"))
    if text is None:
        text = strings[key].lower() if how == "lower" else strings[key]
        _STRINGS[(key, how == "lower")] = text
    return text


def token_indices(doc, **words: Collection[str]) -> list[int]:
    """Indices, in order, of the tokens with any of the given values.

    Keywords are ``lemma`` (lower-cased lemma), ``lower``, ``tag``, ``pos`` and ``dep``,
    each a collection of strings, and ``idx`` (character offsets, numbers); a token is
    kept when one of its attributes is in the collection given for it.
    """
    if not len(doc) or not words:
        return []
    names = list(words)
    columns = doc.to_array([_ATTRS[name][0] for name in names])
    if columns.ndim == 1:
        columns = columns.reshape(-1, 1)
    strings = doc.vocab.strings
    keep = np.zeros(len(doc), dtype=bool)
    for k, name in enumerate(names):
        how, wanted = _ATTRS[name][1], words[name]
        column = columns[:, k]
        hits = [key for key in np.unique(column).tolist() if _value(strings, key, how) in wanted]
        if hits:
            keep |= np.isin(column, hits)
    return np.flatnonzero(keep).tolist()
